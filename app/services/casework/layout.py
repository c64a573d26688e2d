"""The labelled fields of a case, in reading order, for `show`, the case view and print.

Labels, and how each value is shown, come from the vocabulary by field code.
"""

from __future__ import annotations

from typing import Any

from app.i18n import Text
from app.services import vocabulary
from app.services.casework.view import CaseDetails
from app.services.labels import label
from app.services.text import when

# What was recorded at intake: who, how, what happened and what the customer wants.
INTAKE = ("number", "status", "received_at", "received_by", "customer_name", "phone",
          "address", "channel", "category", "severity", "flags", "reference", "description",
          "wish", "mood")
# Who handles it, the deadlines, the findings and the decision.
HANDLING = ("department", "handler", "subject", "first_response_due", "first_response_at",
            "resolution_due", "next_due_at", "facts", "fault_department", "fault_party",
            "root_cause", "resolution", "answer", "feedback", "satisfaction")
_ATTRIBUTES = {"customer_name": "customer"}  # where CaseDetails names a field otherwise


def intake_fields(d: CaseDetails) -> list[tuple[Text, str]]:
    """What was recorded at intake: who, how, what happened and what the customer wants."""
    return [_labelled(d, code) for code in INTAKE]


def handling_fields(d: CaseDetails) -> list[tuple[Text, str]]:
    """Who handles it, the deadlines, the findings and the decision."""
    return [_labelled(d, code) for code in HANDLING]


def all_fields(d: CaseDetails) -> list[tuple[str, str]]:
    """Every filled field as (label in the current language, value)."""
    rows = [*intake_fields(d), *handling_fields(d), _labelled(d, "version")]
    return [(str(text), value) for text, value in rows if value]


def _labelled(d: CaseDetails, code: str) -> tuple[Text, str]:
    field = vocabulary.FIELDS[code]
    return field.label, shown(field, getattr(d, _ATTRIBUTES.get(code, code)))


def shown(field: vocabulary.Field, value: Any) -> str:
    """A value of CaseDetails as the case view shows it ('' for none)."""
    if value is None:
        return ""
    kind = field.kind
    if kind == vocabulary.MOMENT:
        return when(value)
    if kind == vocabulary.CODED:
        return label(field.words, value)
    if kind == vocabulary.FLAG_SET:
        return "、".join(label(field.words, code) for code in value)
    if kind in (vocabulary.USER, *vocabulary.REFERENCES):
        return value.name  # a Person or a Ref, named when the case was read
    return vocabulary.text_shown(str(value))
