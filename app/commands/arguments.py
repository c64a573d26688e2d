"""Argument types of the command line: what argparse checks before a command runs.

Dates, amounts and free text are checked by the services' own parsers (app.services.text);
what is checked here is what only the command line receives: record ids and counts typed as
numbers, and arguments the terminal could not decode.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Sequence

from app.errors import InputError
from app.i18n import Text
from app.services.text import shown

# The largest id a table can hold: its key is a 32-bit integer on PostgreSQL.
MAX_ID = 2**31 - 1
_WHOLE_NUMBER = re.compile(r"\s*\+?([0-9]+)\s*")
# What no argument can hold: NUL, and lone surrogates, which are what Python makes of bytes
# that were not UTF-8 (a terminal set to GBK). Either would fail deep inside a query.
_UNREADABLE = re.compile("[\x00\ud800-\udfff]")


def whole_number(low: int, high: int, *, what: Text) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, in plain digits."""
    def parse(value: str) -> int:
        found = _WHOLE_NUMBER.fullmatch(value)
        digits = (found.group(1).lstrip("0") or "0") if found else ""
        # Counted before converted: a number of thousands of digits is refused as it is.
        if not digits or len(digits) > len(str(high)) or not low <= int(digits) <= high:
            raise argparse.ArgumentTypeError(str(
                Text("“{value}” is not {what}: a whole number from {low} to {high}",
                     "“{value}”不是有效的{what}：应为 {low} 到 {high} 之间的整数").format(
                    value=shown(value), what=what, low=low, high=high)))
        return int(digits)
    return parse


record_id = whole_number(1, MAX_ID, what=Text("an id", "编号"))
MAX_LIMIT = 100_000  # rows a listing prints at most
LIMIT = Text("a number of rows", "行数")


def check_readable(arguments: Sequence[str]) -> None:
    """Refuses an argument holding NUL or bytes the terminal did not send as UTF-8.

    Raises:
        InputError: naming the argument (its option, or its position) and its text, escaped.
    """
    for position, argument in enumerate(arguments):
        found = _UNREADABLE.search(argument)
        if found is None:
            continue
        option = arguments[position - 1] if position else ""
        which = (Text("The value of {option}", "{option} 的值").format(option=option)
                 if option.startswith("--") and "=" not in option and "\x00" not in option
                 else Text("Argument {n}", "第 {n} 个参数").format(n=position + 1))
        if found.group() == "\x00":
            raise InputError(Text("{which} (“{value}”) contains a NUL character, which no "
                                  "command accepts.",
                                  "{which}（“{value}”）含有空字符（NUL），命令不接受。").format(
                which=which, value=shown(argument)))
        raise InputError(Text(
            "{which} (“{value}”) is not UTF-8 text: the terminal seems to use another encoding "
            "(GBK?). Switch it to UTF-8 and type it again.",
            "{which}（“{value}”）不是 UTF-8 文本：终端可能使用了其他编码（GBK？）。"
            "请将终端切换为 UTF-8 后重新输入。").format(which=which, value=shown(argument)))
