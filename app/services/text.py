"""Cleaning and checking what users type: text lengths, phone numbers, dates and times."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, time, timedelta
from typing import overload

from app.errors import InputError
from app.i18n import Text

EARLIEST_DATE = datetime(2000, 1, 1)
CLOCK_SKEW = timedelta(minutes=10)  # PCs' clocks differ a little; more is a typing error

_PHONE_NOISE = re.compile(r"[\s\-–—.()（）/]+")
_DATE_FORMATS = (
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日%H:%M",
    "%Y年%m月%d日 %H时%M分",
    "%Y年%m月%d日",
)


def clean(value: str | None) -> str:
    """Strips surrounding spaces (full-width too) and unifies line endings."""
    if value is None:
        return ""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip(" \t\n\u3000")


def checked_text(
    value: str | None, *, field: str, label: Text, max_length: int, required: bool = False
) -> str:
    """`value` cleaned, refused when required and empty or when longer than `max_length`."""
    text = clean(value)
    if required and not text:
        raise InputError(Text("{label} is required.", "请填写{label}。").format(label=label),
                           field=field)
    if len(text) > max_length:
        raise InputError(
            Text("{label} is too long: {length} characters, at most {limit}.",
                 "{label}过长：{length} 个字符，最多 {limit} 个。").format(
                label=label, length=len(text), limit=max_length),
            field=field,
        )
    return text


def normalize_phone(value: str | None) -> str:
    """Digits only: full-width digits, spaces, dashes and a +86 prefix are accepted.

    Raises:
        InputError: when what is left is not 5 to 20 digits.
    """
    digits = _PHONE_NOISE.sub("", unicodedata.normalize("NFKC", clean(value)))
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if not digits:
        raise InputError(Text("Phone number is required.", "请填写电话号码。"), field="phone")
    if not digits.isdigit() or not 5 <= len(digits) <= 20:
        raise InputError(
            Text("“{value}” is not a phone number (5 to 20 digits).",
                 "“{value}”不是有效的电话号码（应为 5 到 20 位数字）。").format(value=clean(value)),
            field="phone",
        )
    return digits


def parse_datetime(value: str, *, field: str, label: Text) -> datetime:
    """Reads `2026-03-05 14:30`, `2026-03-05T14:30`, `2026/3/5`, `2026年3月5日` and similar.

    A date without a time means the start of that day.
    """
    text = unicodedata.normalize("NFKC", clean(value))
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        raise InputError(
            Text("{label}: “{value}” is not a date and time (use 2026-03-05 14:30).",
                 "{label}：“{value}”不是有效的日期时间（格式如 2026-03-05 14:30）。").format(
                label=label, value=value),
            field=field,
        ) from None


def parse_time_of_day(value: str) -> time:
    """Reads `09:00` or `9:00` as a time of day."""
    return datetime.strptime(clean(value), "%H:%M").time()


def check_not_future(when: datetime, *, now: datetime, field: str, label: Text) -> datetime:
    """Refuses a date in the future or before 2000: both are typing errors."""
    if when > now + CLOCK_SKEW:
        raise InputError(
            Text("{label} cannot be in the future ({when}).", "{label}不能晚于当前时间（{when}）。")
            .format(label=label, when=when.strftime("%Y-%m-%d %H:%M")),
            field=field,
        )
    if when < EARLIEST_DATE:
        raise InputError(
            Text("{label} is before the year 2000 ({when}).", "{label}早于 2000 年（{when}）。")
            .format(label=label, when=when.strftime("%Y-%m-%d")),
            field=field,
        )
    return when


def to_seconds(moment: datetime) -> datetime:
    """`moment` without microseconds or time zone: what the database stores."""
    return moment.replace(microsecond=0, tzinfo=None)


def iso(moment: datetime | None) -> str | None:
    """`2026-03-05T14:30:00` (seconds, no zone) or None: how JSON carries times."""
    return moment.isoformat(timespec="seconds") if moment else None


def when(moment: datetime | None) -> str:
    """`2026-03-05 14:30`, or an empty string."""
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


@overload
def as_datetime(value: datetime | str) -> datetime: ...
@overload
def as_datetime(value: None) -> None: ...
@overload
def as_datetime(value: datetime | str | None) -> datetime | None: ...
def as_datetime(value: datetime | str | None) -> datetime | None:
    """A datetime read from a raw cursor: SQLite gives text, PostgreSQL datetimes."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


MAX_AMOUNT_FEN = 100_000_000  # ¥1,000,000: more than a shop ever pays; surely a typing error
_AMOUNT_NOISE = re.compile(r"[\s,¥￥元]|CNY|RMB", re.IGNORECASE)


AMOUNT = Text("Amount", "金额")


def parse_amount(value: str | int | float | None, *, field: str = "amount",
                 label: Text = AMOUNT) -> int:
    """An amount of money in CNY as fen (分): `120`, `120.5`, `¥1,200.00`, `１２０元`.

    Raises:
        InputError: not a number, negative, more than two decimals, or absurdly large.
    """
    text = _AMOUNT_NOISE.sub("", unicodedata.normalize("NFKC", str(value if value is not None
                                                                     else "")))
    if not re.fullmatch(r"\d+(\.\d{1,2})?", text):
        raise InputError(
            Text("{label}: “{value}” is not an amount in yuan (for example 120 or 120.50).",
                 "{label}：“{value}”不是有效的金额（例如 120 或 120.50）。").format(
                label=label, value=value), field=field)
    whole, _, cents = text.partition(".")
    fen = int(whole) * 100 + int((cents + "00")[:2])
    if fen > MAX_AMOUNT_FEN:
        raise InputError(Text("{label}: {value} is more than ¥1,000,000; check the amount.",
                              "{label}：{value} 超过 100 万元，请核对金额。").format(
                                  label=label, value=value), field=field)
    return fen


def yuan(fen: int) -> str:
    """`¥1,200.50` for 120050 fen."""
    return f"¥{fen / 100:,.2f}"
