"""Cleaning and checking what users type: text lengths, phone numbers, dates and times."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import overload

from app.errors import InputError
from app.i18n import Text

EARLIEST_DATE = datetime(2000, 1, 1)
# Any date typed is read within these years: further out it is a typing error, and the date
# arithmetic of deadlines and filters (a day more, a week less) would run off the calendar.
YEARS = (1900, 2999)
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


# Every other way of breaking a line (vertical tab, form feed and Unicode's separators, as
# Word and web pages paste them) becomes a plain line break.
_LINE_BREAKS = str.maketrans({"\v": "\n", "\f": "\n", "\x85": "\n", "\u2028": "\n",
                              "\u2029": "\n"})
# What a record cannot keep: NUL and the other control characters (a tab and a line break
# aside), which a terminal would obey when the text is shown, and lone surrogates: half of a
# character, which is what Python makes of bytes that were not UTF-8 (a terminal or a file
# in GBK) and which no database can store.
UNKEEPABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_UNKEEPABLE_IN_A_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(value: str | None) -> str:
    """Strips surrounding spaces (full-width too) and unifies line endings."""
    if value is None:
        return ""
    text = value.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    return text.strip(" \t\n\u3000")


def printable(text: str, *, lines: bool = True) -> str:
    """`text` with each character a record cannot keep (UNKEEPABLE) written as an escape,
    `\\x1b`, or `\\xd5` for a byte that was not UTF-8, so a terminal shows it rather than
    obeys it. With `lines` False line breaks are escaped too: the result is one line."""
    pattern = UNKEEPABLE if lines else _UNKEEPABLE_IN_A_LINE

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        if 0xDC80 <= code <= 0xDCFF:  # a byte Python could not decode (surrogateescape)
            code -= 0xDC00
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return pattern.sub(escape, text)


def shown(value: object, limit: int = 40) -> str:
    """A value quoted in a message: on one line, unkeepable characters escaped, cut to
    `limit` characters."""
    text = printable(str(value), lines=False)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def check_characters(text: str, *, field: str, label: Text) -> str:
    """`text` itself, refused if it holds a character a record cannot keep (see UNKEEPABLE).

    Raises:
        InputError: naming the first such character and where it is.
    """
    found = UNKEEPABLE.search(text)
    if found is None:
        return text
    code = ord(found.group())
    kind = (Text("a NUL character", "空字符") if code == 0 else
            Text("half of a character: the text was not UTF-8", "不完整的字符：文本不是 UTF-8 编码")
            if 0xD800 <= code <= 0xDFFF else Text("a control character", "控制字符"))
    raise InputError(
        Text("{label} contains a character that cannot be kept (character {position}, "
             "U+{code:04X}, {kind}); remove it and try again.",
             "{label}包含无法保存的字符（第 {position} 个字符，U+{code:04X}，{kind}），"
             "请删除后重试。").format(label=label, position=found.start() + 1, code=code,
                                   kind=kind),
        field=field)


def checked_text(
    value: str | None, *, field: str, label: Text, max_length: int, required: bool = False
) -> str:
    """`value` cleaned, refused when required and empty, when longer than `max_length`, or
    when it holds a character a record cannot keep (see `check_characters`)."""
    text = check_characters(clean(value), field=field, label=label)
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
    if not (digits.isascii() and digits.isdigit()) or not 5 <= len(digits) <= 20:
        raise InputError(
            Text("“{value}” is not a phone number (5 to 20 digits).",
                 "“{value}”不是有效的电话号码（应为 5 到 20 位数字）。").format(
                value=shown(clean(value))),
            field="phone",
        )
    return digits


def parse_datetime(value: str, *, field: str, label: Text) -> datetime:
    """Reads `2026-03-05 14:30`, `2026-03-05T14:30`, `2026/3/5`, `2026年3月5日` and similar.

    A date without a time means the start of that day.

    Raises:
        InputError: not a date, or outside the years 1900 to 2999 (YEARS).
    """
    moment = _read_datetime(unicodedata.normalize("NFKC", clean(value)))
    if moment is None:
        raise InputError(
            Text("{label}: “{value}” is not a date and time (use 2026-03-05 14:30).",
                 "{label}：“{value}”不是有效的日期时间（格式如 2026-03-05 14:30）。").format(
                label=label, value=shown(value)),
            field=field,
        )
    if not YEARS[0] <= moment.year <= YEARS[1]:
        raise InputError(
            Text("{label}: {value} is not between the years {first} and {last}.",
                 "{label}：{value} 不在 {first} 年至 {last} 年之间。").format(
                label=label, value=shown(value), first=YEARS[0], last=YEARS[1]),
            field=field,
        )
    return moment


def _read_datetime(text: str) -> datetime | None:
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return None


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


def years_after(day: date, years: int) -> date:
    """The same day `years` later (earlier when negative); 29 February becomes the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def to_seconds(moment: datetime) -> datetime:
    """`moment` without microseconds or time zone: what the database stores."""
    if moment.microsecond or moment.tzinfo is not None:
        return moment.replace(microsecond=0, tzinfo=None)
    return moment  # already so: most are, and making a copy costs more than the check


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
# Plain digits only. NFKC has already turned full-width digits (what a Chinese input method
# types) into them; digits of other scripts (Arabic-Indic ١٢٠, Devanagari…) are refused
# rather than read, because an amount must be checked by the approver and printed on the
# letter exactly as it was typed, in digits everyone at the desk can read.
_AMOUNT = re.compile(r"([0-9]+)(?:\.([0-9]{1,2}))?")


AMOUNT = Text("Amount", "金额")


def parse_amount(value: str | int | float | None, *, field: str = "amount",
                 label: Text = AMOUNT) -> int:
    """An amount of money in CNY as fen (分): `120`, `120.5`, `¥1,200.00`, `１２０元`.

    Raises:
        InputError: not a number in plain or full-width digits, negative, more than two
            decimals, or absurdly large.
    """
    text = _AMOUNT_NOISE.sub("", unicodedata.normalize("NFKC", str(value if value is not None
                                                                     else "")))
    found = _AMOUNT.fullmatch(text)
    if found is None:
        raise InputError(
            Text("{label}: “{value}” is not an amount in yuan (for example 120 or 120.50).",
                 "{label}：“{value}”不是有效的金额（例如 120 或 120.50）。").format(
                label=label, value=shown(value)), field=field)
    whole, cents = found.group(1).lstrip("0"), (found.group(2) or "").ljust(2, "0")
    # Digits are counted before any arithmetic: thousands of them are refused, not converted.
    fen = int(whole + cents) if len(whole) < len(str(MAX_AMOUNT_FEN)) else MAX_AMOUNT_FEN + 1
    if fen > MAX_AMOUNT_FEN:
        raise InputError(Text("{label}: {value} is more than ¥1,000,000; check the amount.",
                              "{label}：{value} 超过 100 万元，请核对金额。").format(
                                  label=label, value=shown(value)), field=field)
    return fen


def yuan(fen: int) -> str:
    """`¥1,200.50` for 120050 fen."""
    return f"¥{fen / 100:,.2f}"
