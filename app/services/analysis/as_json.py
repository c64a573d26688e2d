"""The overview as JSON with stable English keys (`report --json`), whatever the language.

Amounts are in yuan; percentages 0–100 with one decimal; shares 0–1; None where a rate has
nothing to divide (no decisions in the period, for instance).
"""

from __future__ import annotations

from typing import Any

from app.services.analysis.figures import Figures
from app.services.analysis.overview import Overview
from app.services.text import iso

# JSON key → headline figure key (amounts end in _amount and are turned into yuan).
HEADLINE = {
    "received": "received", "decided": "decided", "closed": "closed",
    "open_at_end": "open_at_end", "reopened": "reopened", "group_cases": "group",
    "escalation_risk_cases": "risk", "open_risky_cases": "open_risky",
    "first_answer_on_time_pct": "first_answer_on_time_pct",
    "first_answer_late": "first_answer_late",
    "decision_on_time_pct": "decision_on_time_pct", "decided_late": "decided_late",
    "median_days_to_decision": "median_days_to_decision",
    "p90_days_to_decision": "p90_days_to_decision", "overdue_now": "overdue_now",
    "extensions": "extended", "paused_cases": "paused", "paused_days": "paused_days",
    "upheld": "upheld", "not_upheld": "not_upheld", "reviews": "review",
    "compensation_approved_amount": "compensation_approved_amount",
    "compensation_paid_amount": "compensation_paid_amount",
    "satisfaction_avg": "satisfaction_avg", "satisfaction_scores": "scored",
    "low_satisfaction": "low_score", "callbacks_due": "callback_due",
    "callbacks_done": "callback_done", "callback_rate_pct": "callback_rate_pct",
    "repeat_customers": "repeat_customers", "repeat_customer_cases": "repeat",
}
COMPENSATION_STATUSES = ("proposed", "approved", "refused", "countered")


def headline_json(figures: Figures) -> dict[str, Any]:
    """The headline figures under their JSON keys (those computed: an earlier period's
    brief figures leave some out)."""
    found = {}
    for key, figure_key in HEADLINE.items():
        if figure_key not in figures:
            continue
        value = figures[figure_key].value
        found[key] = value / 100 if key.endswith("_amount") and value is not None else value
    return found


def overview_json(view: Overview) -> dict[str, Any]:
    """The whole overview: headline, comparisons, Pareto lists, tables and the trend."""
    data: dict[str, Any] = {
        "period": {"from": view.period.first.isoformat(), "to": view.period.last.isoformat(),
                   "kind": view.period.kind},
        "generated_at": iso(view.now),
        "filters": {key: value for key, value in view.filters.query_fields().items()
                    if value is not None},
        **headline_json(view.current),
        "previous": {"period": _span(view.period.previous()), **headline_json(view.previous)},
    }
    if view.year_earlier is not None:
        data["year_earlier"] = {"period": _span(view.period.year_earlier()),
                                **headline_json(view.year_earlier)}
    names = {"category": "by_category", "root_cause": "by_root_cause",
             "fault_department": "by_department", "channel": "by_channel",
             "reference": "by_reference"}
    for dimension, key in names.items():
        table = view.paretos.get(dimension)
        data[key] = [row.to_json() for row in table.rows] if table else []
    data["departments"] = [row.to_json() for row in view.departments]
    data["handlers"] = [row.to_json() for row in view.handlers]
    data["compensation"] = _compensation(view)
    data["trend"] = [point.to_json() for point in view.trend]
    return data


def _span(period: object) -> dict[str, str]:
    return {"from": period.first.isoformat(), "to": period.last.isoformat()}  # type: ignore


def _compensation(view: Overview) -> dict[str, Any]:
    figures = view.current
    found: dict[str, Any] = {
        status: {"offers": figures[f"compensation_{status}_count"].value,
                 "cases": figures[f"compensation_{status}_cases"].value,
                 "amount": (figures[f"compensation_{status}_amount"].value or 0) / 100}
        for status in COMPENSATION_STATUSES}
    found["approved_by_kind"] = [{"kind": row.kind, "offers": row.offers, "cases": row.cases,
                                  "amount": row.amount_fen / 100} for row in view.by_kind]
    found["largest"] = [{"number": offer.number, "customer": offer.customer,
                         "kind": offer.kind, "amount": offer.amount_fen / 100,
                         "decided_at": iso(offer.decided_at)} for offer in view.largest]
    return found
