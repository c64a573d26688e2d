"""Finding a name by the letters typed: pinyin initials of Chinese names, word initials of
English ones, and the intake's categories in the order this shop uses them."""

from collections.abc import Callable
from datetime import timedelta

import pytest

from app.models import Complaint
from app.services.casework.intake import categories_by_use
from app.services.initials import initial, initials
from tests.conftest import NOW


@pytest.mark.parametrize(("name", "letters"), [
    ("产品质量", "cpzl"), ("服务不周", "fwbz"), ("价格收费", "jgsf"), ("售后维修", "shwx"),
    ("物流配送", "wlps"), ("其他", "qt"), ("Product quality", "pq"),
    ("After-sales repair", "ar"), ("阿", "a"), ("座", "z"),
])
def test_names_give_their_initials(name: str, letters: str) -> None:
    assert initials(name) == letters


def test_what_has_no_initial_gives_none() -> None:
    assert [initial(c) for c in "（9x"] == ["", "9", "x"]


def test_categories_come_in_the_order_of_recent_use(make_case: Callable[..., Complaint]) -> None:
    for category in ("delivery", "billing", "billing"):
        make_case(category=category)
    make_case(category="repair", at=NOW - timedelta(days=200))  # too long ago to count
    order = [c.code for c in categories_by_use(NOW)]
    assert order[:2] == ["billing", "delivery"]
    assert order[2:] == [c for c in ("service", "transparency", "claims", "mis_selling",
                                     "cancellation", "product_quality", "repair", "other")
                         if c in order[2:]]  # the rest in the list's order
