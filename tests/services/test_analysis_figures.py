"""The analysis' figures against a hand-built desk with known answers (see analysis_world)."""

from datetime import date, datetime

import pytest

from app.errors import AccessError, InputError
from app.models import Category, Complaint, User
from app.services.analysis.as_json import overview_json
from app.services.analysis.filters import Filters
from app.services.analysis.overview import analyse
from app.services.analysis.period import Period, parse_period
from app.services.casework import clock, workflow
from app.services.register import listing
from app.services.register.listing import CaseQuery
from tests.conftest import Seed
from tests.services.analysis_world import at, seed_world

NOW = datetime(2026, 3, 4, 10, 0)
FEBRUARY = Period.month(2026, 2)


@pytest.fixture
def world(seeded: Seed) -> dict[str, int]:
    return seeded(seed_world)


def values(period: Period, filters: Filters | None = None, **options: object) -> dict:
    view = analyse(period, filters, actor=None, now=NOW, **options)  # type: ignore[arg-type]
    return {key: figure.value for key, figure in view.current.items()}


def test_february_headline_figures(world: dict[str, int]) -> None:
    found = values(FEBRUARY)
    expected = {
        "received": 6, "decided": 4, "decided_late": 2, "decided_on_time": 2, "closed": 2,
        "open_at_end": 3, "open_risky": 1, "reopened": 1, "group": 1, "risk": 1,
        "first_answer_on_time": 4, "first_answer_late": 2, "first_answer_on_time_pct": 66.7,
        "decision_on_time_pct": 50.0, "overdue_now": 1, "upheld": 3, "not_upheld": 1,
        "review": 0, "extended": 1, "paused": 0, "scored": 2, "low_score": 1,
        "satisfaction_avg": 3.5, "callback_due": 5, "callback_done": 2,
        "callback_rate_pct": 40.0, "repeat": 2, "repeat_customers": 1,
        "median_days_to_decision": 4.0, "p90_days_to_decision": 14.0,
        "compensation_approved_count": 1, "compensation_approved_cases": 1,
        "compensation_approved_amount": 15000, "compensation_proposed_count": 1,
        "compensation_refused_count": 0, "compensation_countered_amount": 0,
    }
    assert {key: found[key] for key in expected} == expected


def test_cases_on_the_edges_of_the_period_belong_to_it(world: dict[str, int]) -> None:
    assert values(Period.between(date(2026, 2, 1), date(2026, 2, 1)))["received"] == 1  # B 00:00
    assert values(Period.between(date(2026, 2, 28), date(2026, 2, 28)))["received"] == 1  # C 23:59
    assert values(Period.between(date(2026, 3, 1), date(2026, 3, 1)))["received"] == 1  # F
    january = values(Period.month(2026, 1))
    assert (january["received"], january["decided"], january["open_at_end"]) == (1, 0, 1)
    march = values(Period.month(2026, 3))
    assert (march["received"], march["decided"], march["decision_on_time_pct"]) == (1, 1, 100.0)


def test_an_empty_period_has_zeros_and_no_rates(world: dict[str, int]) -> None:
    found = values(Period.month(2025, 6))
    assert found["received"] == found["decided"] == found["open_at_end"] == 0
    for rate in ("first_answer_on_time_pct", "decision_on_time_pct", "satisfaction_avg",
                 "median_days_to_decision", "callback_rate_pct"):
        assert found[rate] is None, rate


def test_a_period_with_cases_but_no_decisions_divides_by_nothing(
        world: dict[str, int]) -> None:
    found = values(Period.between(date(2026, 2, 26), date(2026, 2, 28)))
    assert (found["received"], found["decided"]) == (1, 0)
    assert found["decision_on_time_pct"] is None and found["median_days_to_decision"] is None
    assert found["first_answer_on_time_pct"] == 0.0  # C was never answered


def test_filters_narrow_every_figure(world: dict[str, int]) -> None:
    quality = Category.get(Category.code == "product_quality").id
    found = values(FEBRUARY, Filters(category_id=quality))
    assert (found["received"], found["decided"], found["repeat"]) == (2, 3, 2)
    assert values(FEBRUARY, Filters(channel="wechat"))["received"] == 1
    staff2 = User.get(User.username == "staff2").id
    assert values(FEBRUARY, Filters(handler_id=staff2))["extended"] == 1


def test_pareto_tables_share_and_class(world: dict[str, int]) -> None:
    view = analyse(FEBRUARY, actor=None, now=NOW)
    rows = [(r.code, r.count, round(r.cumulative_share, 3), r.klass)
            for r in view.paretos["category"].rows]
    assert rows == [("product_quality", 2, 0.333, "A"), ("delivery", 2, 0.667, "A"),
                    ("service", 1, 0.833, "A"), ("billing", 1, 1.0, "B")]
    assert [(r.code, r.count, r.klass) for r in view.paretos["root_cause"].rows] == [
        ("RC03", 3, "A")]
    assert [(r.code, r.count) for r in view.paretos["fault_department"].rows] == [
        ("after_sales", 3)]
    assert [(r.code, r.count) for r in view.paretos["channel"].rows] == [
        ("phone", 4), ("counter", 1), ("wechat", 1)]
    assert view.paretos["reference"].rows == ()


def test_department_and_handler_tables(world: dict[str, int]) -> None:
    view = analyse(FEBRUARY, actor=None, now=NOW)
    departments = {row.code: row for row in view.departments}
    after_sales = departments["after_sales"]
    assert (after_sales.received, after_sales.decided, after_sales.late) == (3, 4, 2)
    assert after_sales.on_time_pct == 50.0 and after_sales.satisfaction_avg == 3.5
    assert departments["front_desk"].overdue_now == 1
    assert departments[""].received == 1  # C: not assigned yet
    handlers = {row.code: row.received for row in view.handlers}
    assert handlers == {"staff1": 4, "staff2": 1, "": 1}


def test_trend_of_twelve_months(world: dict[str, int]) -> None:
    points = analyse(Period.month(2026, 3), actor=None, now=NOW).trend
    assert [p.month.code() for p in points][0] == "2025-04" and len(points) == 12
    by_month = {p.month.code(): (p.received, p.decided, p.late) for p in points}
    assert by_month["2026-01"] == (1, 0, 0)
    assert by_month["2026-02"] == (6, 4, 2)
    assert by_month["2026-03"] == (1, 1, 0)


def test_changes_against_the_previous_period_know_better_from_worse(
        world: dict[str, int]) -> None:
    view = analyse(FEBRUARY, actor=None, now=NOW)
    received = view.change("received")
    assert (received.difference, received.better) == (5, False)  # more complaints: worse
    assert view.change("decision_on_time_pct").difference is None  # none decided in January
    assert view.year_earlier is not None and view.year_earlier["received"].value == 0


def test_a_review_and_a_pause_are_counted(staff: User, manager: User, make_case) -> None:
    case = make_case(at=at("02-02 10:00"))
    case = workflow.move(case, "rejected", values={"answer": "不符合退货条件"}, actor=staff,
                         now=at("02-03 10:00"), expected_version=case.version)
    case = clock.request_review(case.id, reason="客户不认可", actor=staff, now=at("02-10 10:00"),
                                expected_version=case.version)
    case = workflow.move(case, "in_progress", values={"department": "after_sales",
                                                      "handler": "staff1"},
                         actor=staff, now=at("02-10 11:00"), expected_version=case.version)
    case = clock.pause(case.id, reason="等待检测", actor=staff, now=at("02-11 10:00"),
                       expected_version=case.version)
    clock.resume(case.id, actor=staff, now=at("02-14 10:00"), expected_version=case.version)
    other = make_case(at=at("02-02 11:00"), phone="13700000000")
    workflow.move(other, "rejected", values={"answer": "无责任"},
                  actor=staff, now=at("02-03 10:00"), expected_version=other.version)
    found = values(FEBRUARY)
    assert (found["review"], found["reopened"], found["paused"]) == (1, 1, 1)
    assert found["paused_days"] == 3.0
    assert Complaint.get_by_id(case.id).status == "in_progress"


def test_staff_see_only_their_own_figures(world: dict[str, int], staff: User,
                                          staff2: User) -> None:
    mine = analyse(FEBRUARY, actor=staff2, now=NOW)
    assert mine.filters.handler_id == staff2.id and mine.current["received"].value == 1
    with pytest.raises(AccessError):
        analyse(FEBRUARY, Filters(handler_id=staff.id), actor=staff2, now=NOW)
    everyone = analyse(FEBRUARY, actor=User.get(User.username == "manager"), now=NOW)
    assert everyone.current["received"].value == 6


def test_json_has_the_stable_keys(world: dict[str, int]) -> None:
    data = overview_json(analyse(FEBRUARY, actor=None, now=NOW))
    assert data["period"] == {"from": "2026-02-01", "to": "2026-02-28", "kind": "month"}
    for key in ("received", "decided", "closed", "open_at_end", "first_answer_on_time_pct",
                "decision_on_time_pct", "median_days_to_decision", "upheld", "not_upheld",
                "compensation_approved_amount", "satisfaction_avg", "by_category",
                "by_root_cause", "by_department", "by_channel", "repeat_customers", "trend"):
        assert key in data, key
    assert data["compensation_approved_amount"] == 150.0
    assert set(data["by_category"][0]) >= {"code", "name", "count", "share",
                                           "cumulative_share", "class"}
    assert data["previous"]["received"] == 1 and data["compensation_paid_amount"] == 150.0
    assert data["previous"]["compensation_paid_amount"] == 0.0


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11", Period.month(2026, 11)), ("2026-Q4", Period.quarter(2026, 4)),
    ("2026", Period.year(2026)),
    ("2026-11-03..2026-11-20", Period.between(date(2026, 11, 3), date(2026, 11, 20)))])
def test_periods_parse_and_step(text: str, expected: Period) -> None:
    assert parse_period(text) == expected and parse_period(expected.code()) == expected


def test_period_neighbours() -> None:
    march = Period.month(2026, 3)
    assert march.previous() == Period.month(2026, 2) and march.shifted(1) == Period.month(2026, 4)
    assert march.year_earlier() == Period.month(2025, 3)
    assert Period.quarter(2026, 1).previous() == Period.quarter(2025, 4)
    custom = Period.between(date(2026, 2, 10), date(2026, 2, 19))
    assert custom.previous() == Period.between(date(2026, 1, 31), date(2026, 2, 9))
    assert Period.month(2024, 2).last == date(2024, 2, 29)
    assert march.label().zh == "2026年3月" and march.label().en == "March 2026"
    with pytest.raises(InputError):
        parse_period("November")
    with pytest.raises(InputError):
        Period.between(date(2026, 2, 2), date(2026, 2, 1))


def test_the_period_return(world: dict[str, int]) -> None:
    from app.services.analysis.period_return import period_return

    found = period_return(FEBRUARY, actor=None, now=NOW)
    totals = {row.code: row.count for row in found.totals}
    assert totals == {"received": 6, "decided": 4, "upheld": 3, "not_upheld": 1,
                      "open_at_end": 3}
    # Calendar days to decision: H 1, B 4, D 10, A 14 (all within 15).
    assert [(row.code, row.count) for row in found.bands] == [
        ("0-15", 4), ("16-30", 0), ("31-60", 0), ("61-", 0)]
    categories = {row.code: row.count for row in found.by_category}
    assert categories["product_quality"] == 2 and categories["claims"] == 0
    assert {row.code: row.count for row in found.by_channel}["wechat"] == 1
    assert found.compensation == {"offers": 1, "cases": 1, "fen": 15000}
    data = found.to_json()
    assert data["decided_within"][0] == {"band": "0-15", "name": "≤ 15 days",
                                         "name_zh": "15 天以内", "count": 4}
    for row in (*found.totals, *found.bands, *found.by_category, *found.by_channel):
        query = CaseQuery(figure=row.door)
        assert listing.count(query, now=NOW) == row.count, row


def test_return_bands_come_from_the_settings(world: dict[str, int], owner: User) -> None:
    from app.services import settings
    from app.services.analysis.period_return import period_return

    settings.set_value("analysis.return_bands", "3, 10", actor=owner, now=NOW)
    found = period_return(FEBRUARY, actor=None, now=NOW)
    assert [(row.code, row.count) for row in found.bands] == [("0-3", 1), ("4-10", 2),
                                                             ("11-", 1)]
    with pytest.raises(InputError):
        settings.set_value("analysis.return_bands", "30, 10", actor=owner, now=NOW)
