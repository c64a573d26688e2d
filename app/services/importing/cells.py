"""Cleaning one cell of an imported sheet: text as the app keeps it, a phone as digits, a
date from whatever Excel or a person put there."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from contextlib import suppress
from datetime import date, datetime, time, timedelta
from typing import cast

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


def cleaner(field: ImportField, *, now: datetime, column: Sequence[object] = ()) -> Cleaner:
    """`clean_cell` for one column, made once per import: a sheet has tens of thousands
    of cells, and most are plain text or real dates that need only trimming or a check.
    `column` (its cells, when known) lets what holds for the whole column be found once."""
    if field.kind == "moment":
        return _moment_cleaner(field, now)
    if field.kind == "phone":
        def phone(raw: object) -> object:
            trimmed = raw.strip() if type(raw) is str else ""
            if not trimmed:
                return clean_cell(field, raw, now=now)
            digits = trimmed.replace(" ", "").replace("-", "")
            # Digits with spaces or dashes between: what normalize_phone leaves of them.
            if digits.isdigit() and digits.isascii() and 5 <= len(digits) <= 20 \
                    and not digits.startswith("0086"):
                return digits
            return normalize_phone(trimmed)
        return phone
    if field.kind != "text":
        return lambda raw: clean_cell(field, raw, now=now)
    limit, required = field.max_length, field.required
    # Looking for a full-width digit in each cell costs more than the rest of its cleaning:
    # one look over the whole column says whether any cell needs it.
    digits = _any_full_width_digit(column)

    def text(raw: object) -> object:
        # Plain text without carriage returns: `str.strip` does all that `cell_text` does.
        if type(raw) is str and "\r" not in raw:
            trimmed = raw.strip()
            if trimmed and len(trimmed) <= limit:
                return _half_width_digits(trimmed) if digits else trimmed
            if not trimmed and not required:
                return ""
        elif raw is None and not required:
            return ""
        return clean_cell(field, raw, now=now)
    return text


def clean_column(field: ImportField, column: list[object], *, now: datetime) -> list[object]:
    """`clean_cell` of each cell of a column, in order.

    Raises:
        InputError: for the first cell that cannot be taken.
    """
    quick = {"text": _plain_text, "phone": _plain_phones}.get(field.kind)
    found = quick(field, column) if quick is not None else None
    if found is not None:
        return found
    return list(map(cleaner(field, now=now, column=column), column))


def _plain_phones(_field: ImportField, column: list[object]) -> list[object] | None:
    """What normalize_phone makes of each cell, found in whole-column steps, when every
    cell is 5 to 20 ASCII digits, maybe with spaces or dashes between (the way most sheets
    write phones); None when some cell needs looking at on its own."""
    if not set(map(type, column)) <= {str}:
        return None
    digits = [cell.replace(" ", "").replace("-", "") for cell in cast(list[str], column)]
    joined = "".join(digits)
    if not (joined.isascii() and joined.isdigit()) or \
            not 5 <= min(map(len, digits), default=5) <= max(map(len, digits), default=5) <= 20:
        return None
    if any(number.startswith("0086") for number in digits):
        return None  # the country's prefix: normalize_phone takes it off
    return cast(list[object], digits)


def _plain_text(field: ImportField, column: list[object]) -> list[object] | None:
    """What the text cleaner makes of each cell, found in whole-column steps, when every
    cell is text without a carriage return that fits the field (a blank one only where
    the field may be blank); None when some cell needs looking at on its own."""
    if not set(map(type, column)) <= {str}:
        return None
    cells = cast(list[str], column)
    joined = "".join(cells)
    if "\r" in joined:
        return None
    trimmed = list(map(str.strip, cells))
    lengths = list(map(len, trimmed))
    if max(lengths, default=0) > field.max_length or \
            (field.required and min(lengths, default=1) == 0):
        return None
    if _HAS_FULL_WIDTH_DIGIT.search(joined):
        return [text.translate(_FULL_WIDTH_DIGITS) for text in trimmed]
    return cast(list[object], trimmed)


def _moment_cleaner(field: ImportField, now: datetime) -> Cleaner:
    """A date column's cleaner. A date typed as text is read once however often the sheet
    repeats it (a register has a few hundred days, typed the same way over and over)."""
    read: dict[str, object] = {}

    def moment(raw: object) -> object:
        if type(raw) is datetime and raw.tzinfo is None and EARLIEST_DATE <= raw <= now:
            return raw.replace(microsecond=0) if raw.microsecond else raw
        if type(raw) is str:
            found = read.get(raw)
            if found is None:  # a text that cannot be read raises here, every time
                found = read[raw] = clean_cell(field, raw, now=now)
            return found
        return clean_cell(field, raw, now=now)
    return moment


def _any_full_width_digit(column: Sequence[object]) -> bool:
    """True when a text cell of `column` holds a full-width digit (or the column is not
    known: then each cell is looked at)."""
    if not column:
        return True
    return bool(_HAS_FULL_WIDTH_DIGIT.search("".join(
        cell for cell in column if type(cell) is str)))


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
