"""Amounts in Chinese capital numerals (大写金额), as letters and receipts write them."""

from __future__ import annotations

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
BIG_UNITS = ("", "万", "亿", "兆")


def rmb_capital(fen: int) -> str:
    """`壹佰贰拾元整` for 12000 fen; `壹仟零伍元伍角整` for 100550; `零元整` for 0."""
    if fen < 0:
        return "负" + rmb_capital(-fen)
    yuan, rest = divmod(fen, 100)
    jiao, cents = divmod(rest, 10)
    text = (_integer(yuan) if yuan else ("" if rest else "零")) + ("元" if yuan or not rest else "")
    if not rest:
        return text + "整"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    # The written rule: an amount ending at 元 or 角 ends with 整; one ending in 分 does not.
    return text + DIGITS[cents] + "分" if cents else text + "整"


def _integer(number: int) -> str:
    groups = []
    while number:
        number, group = divmod(number, 10_000)
        groups.append(group)
    text, pending_zero = "", False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            pending_zero = bool(text)
            continue
        if text and (pending_zero or group < 1000):
            text += "零"
        text += _group(group) + BIG_UNITS[index]
        pending_zero = False
    return text


def _group(number: int) -> str:
    """A number under 10,000 in capitals, with 零 for inner zeros."""
    text, zero = "", False
    for position in range(3, -1, -1):
        digit = number // 10**position % 10
        if digit:
            if zero:
                text += "零"
            text += DIGITS[digit] + SMALL_UNITS[position]
            zero = False
        elif text:
            zero = True
    return text
