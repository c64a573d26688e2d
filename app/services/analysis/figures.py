"""The headline figures of one period: volume, timeliness, outcome, satisfaction, repeats.

Each count is a slice counted in the database; families of slices that lie in one indexed
range (received in the period, decided in the period) are counted in one pass. Rates
divide two such counts and are None when there is nothing to divide.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from peewee import fn

from app.models import Complaint, Event
from app.services.analysis import money
from app.services.analysis.filters import Filters
from app.services.analysis.period import Period
from app.services.analysis.slices import Slice
from app.services.analysis.sql import count_all, on_postgres
from app.services.analysis.tally import (
    DaysRows,
    Figure,
    count,
    decision_days,
    one_row,
    percent,
    tally,
    when,
)
from app.services.analysis.timeliness import business_days_counter, percentiles

Figures = dict[str, Figure]
Maker = Callable[[str], Slice]  # a kind of figure → its slice in the period


def headline(period: Period, filters: Filters, *, now: datetime, brief: bool = False,
             days: DaysRows | None = None) -> Figures:
    """Every headline figure of `period` under `filters`, keyed by its stable English key.

    `brief` keeps what the window's tiles show and compare, leaving out closings,
    extensions, pauses, reviews, call-backs and compensation other than approved. `days` are the
    period's decisions by day received and day decided when the caller has read them
    already (the department tables need them too).
    """
    def piece(kind: str) -> Slice:
        return Slice(kind, period.first, period.last, now=now)

    found: Figures = {}
    found.update(_received_family(piece, filters))
    found.update(_decided_family(piece, filters, days))
    found.update(_satisfaction(piece, filters))
    found["open_at_end"], found["open_risky"] = _open_family(piece, filters)
    if brief:
        for kind in ("reopened", "overdue_now"):
            found[kind] = _counted(piece(kind), filters)
        found.update(money.figures(period, filters, statuses=("approved",)))
        return found
    found.update(_within(piece, filters, "reopened", "review"))
    found.update(_within(piece, filters, "callback_due", "callback_done"))
    for kind in ("closed", "overdue_now", "extended", "paused"):
        found[kind] = _counted(piece(kind), filters)
    found["callback_rate_pct"] = _rate("callback_rate_pct", found["callback_done"],
                                       found["callback_due"], door=found["callback_due"].door)
    found["paused_days"] = Figure("paused_days", _paused_days(period, filters),
                                  found["paused"].door, found["paused"].cases)
    found.update(money.figures(period, filters))
    return found


def _counted(piece: Slice, filters: Filters) -> Figure:
    number = count(piece, filters)
    return Figure(piece.kind, number, piece, number)


def _within(piece: Maker, filters: Filters, outer: str, inner: str) -> Figures:
    """Two figures, the second a part of the first, counted in one pass."""
    pieces = {outer: piece(outer), inner: piece(inner)}
    counts = tally(pieces, filters, pieces[outer].condition())
    return {kind: _figure(pieces[kind], counts[kind]) for kind in pieces}


def _figure(piece: Slice, number: int) -> Figure:
    return Figure(piece.kind, number, piece, number)


def _rate(key: str, part: Figure, whole: Figure, *, door: Slice | None) -> Figure:
    """`part` of `whole` in percent; the door opens the cases that fell short when given."""
    cases = None
    if door is not None:
        cases = whole.cases if door == whole.door else part.cases
    return Figure(key, percent(int(part.value or 0), int(whole.value or 0)), door, cases)


def _received_family(piece: Maker, filters: Filters) -> Figures:
    kinds = ("received", "group", "risk", "first_answer_on_time", "first_answer_late")
    pieces = {kind: piece(kind) for kind in kinds}
    counts = tally(pieces, filters, pieces["received"].condition())
    found = {kind: _figure(pieces[kind], counts[kind]) for kind in kinds}
    answered = counts["first_answer_on_time"] + counts["first_answer_late"]
    found["first_answer_on_time_pct"] = Figure(
        "first_answer_on_time_pct", percent(counts["first_answer_on_time"], answered),
        pieces["first_answer_late"], counts["first_answer_late"])
    found.update(_repeat(piece("repeat"), filters))
    return found


def _repeat(piece: Slice, filters: Filters) -> Figures:
    """Repeat customers and their cases, asking once per case whether its customer came back."""
    cases, customers = one_row(Complaint.select(count_all(),
                                                fn.COUNT(Complaint.customer.distinct()))
                               .where(piece.condition(), *filters.conditions()))
    return {"repeat": _figure(piece, int(cases or 0)),
            "repeat_customers": Figure("repeat_customers", int(customers or 0), piece,
                                       int(cases or 0))}


def _decided_family(piece: Maker, filters: Filters, days: DaysRows | None) -> Figures:
    kinds = ("decided", "decided_late", "decided_on_time", "upheld", "not_upheld")
    pieces = {kind: piece(kind) for kind in kinds}
    counts = tally(pieces, filters, pieces["decided"].condition())
    found = {kind: _figure(pieces[kind], counts[kind]) for kind in kinds}
    found["decision_on_time_pct"] = Figure(
        "decision_on_time_pct", percent(counts["decided_on_time"], counts["decided"]),
        pieces["decided_late"], counts["decided_late"])
    median, p90 = _median_days(days if days is not None
                               else decision_days(pieces["decided"], filters))
    for key, value in (("median_days_to_decision", median), ("p90_days_to_decision", p90)):
        found[key] = Figure(key, value, pieces["decided"], counts["decided"])
    return found


def _median_days(rows: DaysRows) -> list[float | None]:
    counter = business_days_counter()
    return percentiles([(counter.between(first, last), n) for _, first, last, n in rows],
                       0.5, 0.9)


def _open_family(piece: Maker, filters: Filters) -> tuple[Figure, Figure]:
    pieces = {kind: piece(kind) for kind in ("open_at_end", "open_risky")}
    counts = tally(pieces, filters, pieces["open_at_end"].condition())
    return (_figure(pieces["open_at_end"], counts["open_at_end"]),
            _figure(pieces["open_risky"], counts["open_risky"]))


def _satisfaction(piece: Maker, filters: Filters) -> Figures:
    scored, low = piece("scored"), piece("low_score")
    number, average, lows = one_row(Complaint.select(count_all(), fn.AVG(Complaint.satisfaction),
                                              fn.SUM(when(low.condition())))
                             .where(scored.condition(), *filters.conditions()))
    number, lows = int(number or 0), int(lows or 0)
    return {"scored": _figure(scored, number), "low_score": _figure(low, lows),
            "satisfaction_avg": Figure("satisfaction_avg",
                                       round(float(average), 2) if number else None,
                                       scored, number)}


def _paused_days(period: Period, filters: Filters) -> float:
    """Days clocks stood still, for the pauses that ended in the period (the resume event
    keeps when the pause began)."""
    began = Event.old_value
    if on_postgres():
        length = fn.date_part("epoch", Event.at - began.cast("TIMESTAMP")) / 86400.0
    else:
        length = fn.julianday(Event.at) - fn.julianday(began)
    select = (Event.select(fn.SUM(length)).join(Complaint)
              .where((Event.field == "clock_paused_at") & (Event.old_value != "")
                     & (Event.new_value == "") & (Event.at >= period.start)
                     & (Event.at < period.end), *filters.conditions()))
    return round(float(select.scalar() or 0), 1)
