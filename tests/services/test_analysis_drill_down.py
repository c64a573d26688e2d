"""Every figure is a door: the register, opened on a figure's slice, counts exactly the
figure. Checked for every kind of figure, on several periods, with and without filters."""

from datetime import date, datetime

import pytest

from app.i18n import ZH, speaking
from app.models import Category, Department, RootCause
from app.services.analysis.filters import Filters
from app.services.analysis.names import KIND_NAMES, describe
from app.services.analysis.overview import analyse
from app.services.analysis.period import Period
from app.services.analysis.slices import DIMENSIONS, KINDS, Slice
from app.services.analysis.tally import Figure, count
from app.services.register import listing
from app.services.register.listing import CaseQuery
from tests.conftest import Seed
from tests.services.analysis_world import seed_world

NOW = datetime(2026, 3, 4, 10, 0)
PERIODS = (Period.month(2026, 2), Period.month(2026, 3), Period.month(2025, 6),
           Period.between(date(2026, 1, 15), date(2026, 2, 14)))


@pytest.fixture
def world(seeded: Seed) -> dict[str, int]:
    return seeded(seed_world)


def register_count(door: Slice, filters: Filters) -> int:
    """What the register counts, and lists, when the door is opened."""
    query = CaseQuery(figure=door, **filters.query_fields())
    listed = listing.fetch_page(query, now=NOW, limit=1000)
    total = listing.count(query, now=NOW)
    assert len(listed) == total
    return total


def doors(filters: Filters, period: Period) -> list[Figure]:
    """Every figure of the overview that opens the register, with its case count."""
    view = analyse(period, filters, actor=None, now=NOW)
    found = [figure for figure in view.current.values() if figure.door is not None]
    for table in view.paretos.values():
        found += [Figure(row.code, row.count, row.door, row.count) for row in table.rows]
    for row in (*view.departments, *view.handlers):
        found += [Figure("team", row.received, row.door, row.received),
                  Figure("team_late", row.late, row.late_door, row.late),
                  Figure("team_overdue", row.overdue_now, row.overdue_door, row.overdue_now)]
    for point in view.trend:
        found += [Figure("trend", point.received, point.door, point.received),
                  Figure("trend_late", point.late, point.late_door, point.late)]
    found += [Figure(row.kind, row.cases, row.door, row.cases) for row in view.by_kind]
    return found


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.code())
def test_every_figure_of_the_overview_equals_the_registers_count(
        world: dict[str, int], period: Period) -> None:
    for filters in (Filters(), Filters(category_id=Category.get(code="product_quality").id),
                    Filters(channel="phone")):
        checked = doors(filters, period)
        assert len(checked) > 60
        for figure in checked:
            assert figure.door is not None
            assert register_count(figure.door, filters) == figure.cases, (figure, filters)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_counts_the_same_in_the_register(world: dict[str, int], kind: str) -> None:
    for period in PERIODS:
        piece = Slice(kind, period.first, period.last, now=NOW)
        assert register_count(piece, Filters()) == count(piece, Filters())
        for dimension in DIMENSIONS:
            narrowed = piece.narrowed(dimension, None)
            assert register_count(narrowed, Filters()) == count(narrowed, Filters())


def test_the_february_doors_open_the_expected_cases(world: dict[str, int]) -> None:
    february = Period.month(2026, 2)
    expected = {"received": "BCDEGH", "decided": "ABDH", "decided_late": "AD",
                "open_at_end": "CEG", "reopened": "G", "first_answer_late": "CD",
                "overdue_now": "G", "not_upheld": "D", "extended": "E", "low_score": "H",
                "repeat": "BH", "offer_approved": "H", "callback_done": "BH"}
    ids = {case_id: letter for letter, case_id in world.items()}
    for kind, letters in expected.items():
        rows = listing.fetch_page(CaseQuery(figure=Slice(kind, february.first, february.last,
                                                         now=NOW)), now=NOW)
        assert "".join(sorted(ids[row.id] for row in rows)) == letters, kind


def test_plain_drill_down_filters(world: dict[str, int]) -> None:
    rc03 = RootCause.get(code="RC03").id
    assert listing.count(CaseQuery(root_cause_id=rc03), now=NOW) == 3
    assert listing.count(CaseQuery(channel="wechat"), now=NOW) == 1
    assert listing.count(CaseQuery(decided_late=True), now=NOW) == 2  # A and D (E on time)
    departments = {code: Department.get(code=code).id for code in ("after_sales", "logistics")}
    assert listing.count(CaseQuery(fault_department_id=departments["after_sales"]),
                         now=NOW) == 3
    assert listing.count(CaseQuery(fault_department_id=departments["logistics"]), now=NOW) == 1
    counts = listing.count_by_status(CaseQuery(figure=Slice("received", date(2026, 2, 1),
                                                            date(2026, 2, 28))), now=NOW)
    assert sum(counts.values()) == 6


def test_a_slice_describes_itself_in_both_languages(world: dict[str, int]) -> None:
    piece = Slice("decided_late", date(2026, 2, 1), date(2026, 2, 28)).narrowed(
        "root_cause", RootCause.get(code="RC03").id)
    assert describe(piece).en == "Decided late · 2026-02-01 – 2026-02-28 · Root cause: " \
                                 "Product defect"
    with speaking(ZH):
        assert str(describe(piece)) == ("超时作出决定 · 2026-02-01 至 2026-02-28 · "
                                        "根本原因：产品缺陷")
    assert set(KIND_NAMES) == set(KINDS)
