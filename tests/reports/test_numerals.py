"""Chinese capital numerals for amounts (大写金额)."""

import pytest

from app.reports.numerals import rmb_capital


@pytest.mark.parametrize(("fen", "capital"), [
    (12000, "壹佰贰拾元整"),
    (100550, "壹仟零伍元伍角整"),
    (50, "伍角整"),
    (5, "伍分"),
    (0, "零元整"),
    (200005, "贰仟元零伍分"),
    (1000000, "壹万元整"),
    (1001000, "壹万零壹拾元整"),
    (10010000, "壹拾万零壹佰元整"),
    (10000100, "壹拾万零壹元整"),
    (100000000, "壹佰万元整"),
    (123456789, "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
    (1000000000000, "壹佰亿元整"),
    (100001000000, "壹拾亿零壹万元整"),
    (10000100000, "壹亿零壹仟元整"),
])
def test_amounts_in_capitals(fen: int, capital: str) -> None:
    assert rmb_capital(fen) == capital
