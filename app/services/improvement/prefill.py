"""What a new corrective action starts with when it comes from cases: the root causes and
categories those cases have, the most frequent first (the user may change them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from app.models import Category, Complaint, RootCause
from app.services.improvement.checks import chunks, rows
from app.services.improvement.forms import ActionForm
from app.services.improvement.warning_view import WarningInfo, warning

# What an action started from a warning addresses, by what the warning counts.
_WARNING_ADDRESSES = {"count:root_cause": "root_causes", "count:category": "categories"}


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


def warning_addresses(info: WarningInfo) -> dict[str, list[str]]:
    """What an action answering a warning addresses: the root cause or the category the
    warning counts (`{"categories": ["product_quality"]}`); nothing for the other rules."""
    where = _WARNING_ADDRESSES.get(f"{info.kind}:{info.subject.partition(':')[0]}")
    return {where: [info.subject_code]} if where and info.subject_code else {}


def answering_warning(form: ActionForm) -> ActionForm:
    """The form of an action started from a warning, with the warning's cases linked and,
    when the form names no root cause or category, what the warning counts: every way of
    starting one (the window, `action add --warning`) goes through here."""
    if form.warning_id is None:
        return form
    info = warning(form.warning_id, reader=None)  # the actor was checked: a manager
    cases = list(dict.fromkeys([*form.case_ids, *info.case_ids]))
    root_causes: list[str | RootCause] = list(form.root_causes)
    categories: list[str | Category] = list(form.categories)
    if not root_causes and not categories:
        given = warning_addresses(info)
        root_causes, categories = [*given.get("root_causes", [])], [*given.get("categories", [])]
    return replace(form, case_ids=cases, root_causes=root_causes, categories=categories)
