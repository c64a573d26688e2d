"""What a new corrective action starts with when it comes from cases: the root causes and
categories those cases have, the most frequent first (the user may change them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from app.models import Category, Complaint, RootCause
from app.services.improvement.checks import chunks, rows


def causes_of(case_ids: Iterable[int]) -> tuple[list[str], list[str]]:
    """The codes of the cases' root causes and of their categories, most frequent first."""
    causes: Counter[int] = Counter()
    categories: Counter[int] = Counter()
    for chunk in chunks(list(case_ids)):
        for cause, category in rows(Complaint.select(Complaint.root_cause, Complaint.category)
                                    .where(Complaint.id.in_(chunk))):
            if cause is not None:
                causes[cause] += 1
            categories[category] += 1
    return _codes(RootCause, causes), _codes(Category, categories)


def _codes(model: type[RootCause] | type[Category], counts: Counter[int]) -> list[str]:
    codes = {row.id: row.code for row in model.select(model.id, model.code)
             .where(model.id.in_(list(counts)))}
    return [codes[entry] for entry, _n in counts.most_common() if entry in codes]


def numbers_of(case_ids: Iterable[int]) -> list[str]:
    """The case numbers of `case_ids`, in the order given."""
    wanted = list(case_ids)
    found: dict[int, str] = {}
    for chunk in chunks(wanted):
        found.update(rows(Complaint.select(Complaint.id, Complaint.number)
                          .where(Complaint.id.in_(chunk))))
    return [found[case_id] for case_id in wanted if case_id in found]


def addresses(dimension: str, value: object) -> dict[str, list[str]]:
    """What an action about a figure's cases addresses, when the figure is narrowed by a
    root cause or a category (its id): `{"root_causes": ["RC03"]}`; else nothing."""
    models: dict[str, tuple[str, type[RootCause] | type[Category]]] = {
        "root_cause": ("root_causes", RootCause), "category": ("categories", Category)}
    if dimension not in models or not isinstance(value, int):
        return {}
    where, model = models[dimension]
    entry = model.get_or_none(model.id == value)
    return {where: [entry.code]} if entry is not None else {}
