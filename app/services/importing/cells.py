"""Cleaning one cell of an imported sheet: text as the app keeps it, a phone as digits, a
date from whatever Excel or a person put there."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from contextlib import suppress
from datetime import date, datetime, time, timedelta

from app.errors import InputError
from app.i18n import Text
from app.services.importing.columns import ImportField
from app.services.text import (
    EARLIEST_DATE,
    check_not_future,
    checked_text,
    clean,
    normalize_phone,
    parse_datetime,
    to_seconds,
    when,
)

# A bare number in a date column is an Excel day serial (openpyxl converts date-formatted
# cells itself). Day 0 of the 1900 system Excel and WPS use is 1899-12-30, not 12-31,
# because Excel counts a 29 February 1900 that never was.
_EXCEL_EPOCH = datetime(1899, 12, 30)
_SECONDS_PER_DAY = 86400
# Typed by hand but not read by `parse_datetime`, whose `%H时%M分` wants a space after 日.
_EXTRA_DATE_FORMATS = ("%Y年%m月%d日%H时%M分", "%Y.%m.%d %H:%M")
# The shapes nearly every sheet uses: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, each with
# an optional 14:30, 14:30:15 or 14时30分 (after a space or a T).
_COMMON_DATE = re.compile(
    r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?"
    r"(?:[ T]*(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2}))?分?)?")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_HAS_FULL_WIDTH_DIGIT = re.compile("[０-９]")  # searching is far cheaper than translating

Cleaner = Callable[[object], object]


def cleaner(field: ImportField, *, now: datetime) -> Cleaner:
    """`clean_cell` for one column, made once per import: a sheet has tens of thousands
    of cells, and most are plain text or real dates that need only trimming or a check."""
    if field.kind == "moment":
        def moment(raw: object) -> object:
            if type(raw) is datetime and raw.tzinfo is None and EARLIEST_DATE <= raw <= now:
                return raw.replace(microsecond=0, tzinfo=None)
            return clean_cell(field, raw, now=now)
        return moment
    if field.kind == "phone":
        def phone(raw: object) -> object:
            trimmed = raw.strip() if type(raw) is str else ""
            return normalize_phone(trimmed) if trimmed else clean_cell(field, raw, now=now)
        return phone
    if field.kind != "text":
        return lambda raw: clean_cell(field, raw, now=now)
    limit, required = field.max_length, field.required

    def text(raw: object) -> object:
        # Plain text without carriage returns: `str.strip` does all that `cell_text` does.
        if type(raw) is str and "\r" not in raw:
            trimmed = raw.strip()
            if trimmed and len(trimmed) <= limit:
                return _half_width_digits(trimmed)
            if not trimmed and not required:
                return ""
        elif raw is None and not required:
            return ""
        return clean_cell(field, raw, now=now)
    return text


def clean_cell(field: ImportField, raw: object, *, now: datetime) -> object:
    """The value `field` keeps of the cell `raw`.

    Raises:
        InputError: the cell cannot be taken (blank but required, too long, not a date…).
    """
    if raw is None or (type(raw) is str and not raw.strip()):  # is_blank, inlined: per cell
        if field.required:
            raise InputError(Text("{label} is required.", "请填写{label}。")
                             .format(label=field.label), field=field.name)
        return ""
    if field.kind == "moment":
        return _moment(field, raw, now=now)
    text = cell_text(raw)
    if field.kind == "phone":
        return normalize_phone(text)
    # Identifiers are codes, so full-width letters go too; in prose NFKC would also turn
    # Chinese punctuation (，：（）) into ASCII, so only the digits are made half-width.
    if field.kind == "identifier":
        text = unicodedata.normalize("NFKC", text)
    else:
        text = _half_width_digits(text)
    if len(text) <= field.max_length:  # already clean: checked_text only for its message
        return text
    return checked_text(text, field=field.name, label=field.label, max_length=field.max_length)


def _half_width_digits(text: str) -> str:
    if _HAS_FULL_WIDTH_DIGIT.search(text):
        return text.translate(_FULL_WIDTH_DIGITS)
    return text


def _moment(field: ImportField, raw: object, *, now: datetime) -> datetime:
    if isinstance(raw, datetime):
        moment = raw
    elif isinstance(raw, date):
        moment = datetime.combine(raw, time())
    elif isinstance(raw, int | float) and not isinstance(raw, bool):
        moment = _from_serial(field, raw)
    else:
        moment = _parse_date_text(field, str(raw))
    return check_not_future(to_seconds(moment), now=now, field=field.name, label=field.label)


def _from_serial(field: ImportField, serial: float) -> datetime:
    try:
        return _EXCEL_EPOCH + timedelta(seconds=round(serial * _SECONDS_PER_DAY))
    except (OverflowError, ValueError):
        raise InputError(Text("{label}: the number {value} is not a date.",
                              "{label}：数字 {value} 不是有效的日期。")
                         .format(label=field.label, value=serial), field=field.name) from None


def _parse_date_text(field: ImportField, text: str) -> datetime:
    normal = unicodedata.normalize("NFKC", clean(text))
    found = _COMMON_DATE.fullmatch(normal)
    if found:  # one regex instead of strptime trying format after format
        with suppress(ValueError):  # 2026-02-30 and the like go the long way, to be named
            numbers = [int(part) for part in found.groups() if part is not None]
            return datetime(*numbers)  # type: ignore[arg-type]  # year, month, day[, time]
    for pattern in _EXTRA_DATE_FORMATS:
        with suppress(ValueError):
            return datetime.strptime(normal, pattern)
    return parse_datetime(text, field=field.name, label=field.label)


def cell_text(raw: object) -> str:
    """A cell as text: whole numbers without `.0`, datetimes as `2026-03-05 14:30`."""
    if raw is None:
        return ""
    if isinstance(raw, date):  # calamine reads a date at midnight as a date
        return when(raw if isinstance(raw, datetime) else datetime.combine(raw, time()))
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))  # a phone typed into a number cell reads back as 13800138000.0
    # The second strip takes the non-breaking spaces that come with text pasted from the web.
    return clean(str(raw)).strip()


def shown(raw: object) -> str:
    """A cell's value as a list of problems quotes it (a date read alone, as its midnight)."""
    if raw is None:
        return ""
    if type(raw) is date:
        return str(datetime.combine(raw, time()))
    if type(raw) is float and raw.is_integer():  # calamine reads every number as a float
        return str(int(raw))
    return str(raw)


def is_blank(*cells: object) -> bool:
    """True when every cell is empty or only spaces."""
    for cell in cells:
        if cell is not None and not (type(cell) is str and not cell.strip()):
            return False
    return True
