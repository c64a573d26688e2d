"""The first letter of each Chinese character's pinyin, to find a name by typing letters: a
user types `c` or `cp` and lands on 产品质量 (chǎn pǐn zhì liàng).

The 3,755 common characters (GB 2312's first level) are in pinyin order, so the letter is
read from the boundaries of their codes; no dictionary is needed. A rarer character has no
initial; Latin letters and digits stand for themselves.
"""

from __future__ import annotations

# The first first-level GB 2312 code of each initial (no pinyin starts with i, u or v).
_STARTS = ((0xB0A1, "a"), (0xB0C5, "b"), (0xB2C1, "c"), (0xB4EE, "d"), (0xB6EA, "e"),
           (0xB7A2, "f"), (0xB8C1, "g"), (0xB9FE, "h"), (0xBBF7, "j"), (0xBFA6, "k"),
           (0xC0AC, "l"), (0xC2E8, "m"), (0xC4C3, "n"), (0xC5B6, "o"), (0xC5BE, "p"),
           (0xC6DA, "q"), (0xC8BB, "r"), (0xC8F6, "s"), (0xCBFA, "t"), (0xCDDA, "w"),
           (0xCEF4, "x"), (0xD1B9, "y"), (0xD4D1, "z"))
_LAST = 0xD7F9


def initial(character: str) -> str:
    """The pinyin initial of one character (lower case), the character itself for a Latin
    letter or digit, '' for anything else."""
    if character.isascii():
        return character.lower() if character.isalnum() else ""
    try:
        encoded = character.encode("gb2312")
    except UnicodeEncodeError:
        return ""
    code = encoded[0] << 8 | encoded[1] if len(encoded) == 2 else 0
    if not _STARTS[0][0] <= code <= _LAST:
        return ""
    return next(letter for start, letter in reversed(_STARTS) if code >= start)


def initials(text: str) -> str:
    """`cpzl` for 产品质量, `pq` for Product quality: the initial of each character of a
    Chinese name, of each word of a Latin one."""
    if text.isascii():
        return "".join(word[0].lower() for word in text.split() if word[:1].isalnum())
    return "".join(initial(character) for character in text)
