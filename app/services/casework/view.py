"""Everything about one case, read at once into plain values, for `show`, the window and JSON.

Nothing here hands out a database row: callers read attributes without running queries.
JSON keys are stable English names and codes (status, channel, category…) and user
names, so scripts keep working in either language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.errors import NotFoundError
from app.i18n import ZH, Text, current_language
from app.models import (
    Category,
    Complaint,
    CorrectiveAction,
    Department,
    RootCause,
)
from app.models.chain import REMOVED
from app.models.notes import decoded
from app.services import notes, vocabulary
from app.services.casework import case_sql, cases, merging
from app.services.casework.case_parts import (
    AttachmentInfo,
    FollowUpInfo,
    OfferInfo,
    People,
    Person,
    attachments_of,
    follow_ups_of,
    offers_of,
)
from app.services.casework.merging import MergedCase
from app.services.deadlines import REVIEW_WINDOW_DAYS
from app.services.text import as_datetime, iso
from app.services.vocabulary import Names, change_words


@dataclass(frozen=True)
class Ref:
    """A coded list entry (category, department, root cause) named in the current language."""

    code: str
    name: str


@dataclass(frozen=True)
class TimelineEntry:
    """One event of the case's history: the stored codes and values (`field`, `old`,
    `new`), and `change`, the same put in words of both languages when the case was read,
    so showing it needs no query and follows the reader's language."""

    at: datetime
    actor: str
    actor_name: str
    kind: str
    field: str
    old: str
    new: str
    note: str
    change: Text
    origin: str = ""  # the number of the merged case it was recorded on; "" for the case's own

    def describe(self) -> str:
        """`Handler: 张小芳 → 刘明`: the change in words of the current language (led by the
        number of the merged case it happened on)."""
        return f"{self.origin} · {self.change}" if self.origin else str(self.change)

    def shown_note(self) -> str:
        """The note as shown: a removed one, or one the desk wrote, in words of the current
        language."""
        return vocabulary.text_shown(self.note) if self.note == REMOVED else self.describe_note()

    def describe_note(self) -> str:
        """The note in words of the current language (one the desk wrote, from its code)."""
        return str(notes.words(self.note))

    def to_json(self) -> dict[str, Any]:
        """The entry with stable English keys; a note the desk wrote is worded in the current
        language under `note`, and given as its code and values under `note_code`."""
        data: dict[str, Any] = {
            "at": iso(self.at), "actor": self.actor, "kind": self.kind, "field": self.field,
            "old": _plain(self.old), "new": _plain(self.new),
            "note": self.note if self.note == REMOVED else self.describe_note()}
        found = decoded(notes.desks(self.note) or "") if self.note else None
        if found is not None:
            data["note_code"] = {"code": found[0], **found[1]}
        return {**data, "case": self.origin} if self.origin else data


def _plain(stored: str) -> str:
    """A stored value as JSON gives it: a coded one (a follow-up) in words."""
    return str(notes.words(stored)) if notes.desks(stored) is not None else stored


@dataclass(frozen=True)
class CaseDetails:
    """A case with its customer, names of its references, timeline and related records."""

    id: int
    number: str
    status: str
    version: int
    received_at: datetime
    received_by: Person | None
    customer_id: int
    customer: str
    phone: str
    address: str
    channel: str
    category: Ref
    profile: str
    severity: str
    flags: tuple[str, ...]
    description: str
    wish: str
    mood: str
    reference: str
    department: Ref | None
    handler: Person | None
    subject: Person | None
    fault_department: Ref | None
    fault_party: str
    facts: str
    root_cause: Ref | None
    resolution: str
    answer: str
    feedback: str
    feedback_at: datetime | None
    satisfaction: int | None
    first_response_due: datetime | None
    first_response_at: datetime | None
    resolution_due: datetime | None
    next_due_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    clock_paused_at: datetime | None
    complex_case: bool
    last_contact_at: datetime | None
    escalated_at: datetime | None
    escalation_ack_at: datetime | None
    review_until: datetime | None  # a review (核查) may be asked for until then
    timeline: tuple[TimelineEntry, ...]
    follow_ups: tuple[FollowUpInfo, ...]
    offers: tuple[OfferInfo, ...]
    attachments: tuple[AttachmentInfo, ...]
    merged: tuple[MergedCase, ...] = ()  # duplicates merged into this case
    legal_hold: bool = False
    redacted_at: datetime | None = None  # when its personal data was removed

    @classmethod
    def load(cls, number: str) -> CaseDetails:
        """Reads the case called `number` with everything that belongs to it (the number
        of a case merged into another reads the one it leads to)."""
        wanted = cases.normal_number(number)
        found = case_sql.rows("number", wanted)
        if not found:
            raise cases.no_such_case(wanted)
        return cls.load_id(found[0][0])

    @classmethod
    def load_id(cls, case_id: int, *, lead: bool = True) -> CaseDetails:
        """Reads the case with database id `case_id` (statements built once: case_sql), or,
        when `lead`, the case it was merged into.

        Raises:
            NotFoundError: there is no such case.
        """
        found = case_sql.rows("case", case_id)
        if not found:
            raise NotFoundError(Text("There is no case with id {id}.", "没有 id 为 {id} 的投诉。")
                                .format(id=case_id))
        c = dict(zip(case_sql.CASE_FIELDS, found[0], strict=False))
        if lead and c["merged_into"] is not None:
            return cls.load_id(c["merged_into"])
        customer, phone, address, removed = found[0][len(case_sql.CASE_FIELDS):]
        people, lists = People(), _Lists()
        merged = {merged_id: number for merged_id, number in case_sql.rows("merged", case_id)}
        events = _events(case_id, merged)
        references = dict(lists.texts)
        if any(row[3] in _ACTION_FIELDS for row, _ in events):  # linked to corrective actions
            references[vocabulary.ACTION] = _action_titles()
        names = Names(references=references, users=people.names())
        timeline = tuple(_entry(row, people, names, origin) for row, origin in events)
        moment = as_datetime
        return cls(
            id=case_id, number=c["number"], status=c["status"], version=c["version"],
            received_at=moment(c["received_at"]), received_by=people.get(c["received_by"]),
            customer_id=c["customer"], customer=customer, address=address,
            # A removed customer's phone is a placeholder no one can type: not a phone.
            phone=REMOVED if removed else phone,
            channel=c["channel"], category=lists.refs["category", c["category"]],
            profile=c["profile"], severity=c["severity"],
            flags=tuple(code for code in ("group", "risk", "management") if c[f"flag_{code}"]),
            description=c["description"], wish=c["wish"], mood=c["mood"],
            reference=c["reference"], department=lists.ref("department", c["department"]),
            handler=people.get(c["handler"]), subject=people.get(c["subject_user"]),
            fault_department=lists.ref("department", c["fault_department"]),
            fault_party=c["fault_party"], facts=c["facts"],
            root_cause=lists.ref("root_cause", c["root_cause"]), resolution=c["resolution"],
            answer=c["answer"], feedback=c["feedback"], feedback_at=moment(c["feedback_at"]),
            satisfaction=c["satisfaction"], first_response_due=moment(c["first_response_due"]),
            first_response_at=moment(c["first_response_at"]),
            resolution_due=moment(c["resolution_due"]), next_due_at=moment(c["next_due_at"]),
            resolved_at=moment(c["resolved_at"]), closed_at=moment(c["closed_at"]),
            clock_paused_at=moment(c["clock_paused_at"]), complex_case=bool(c["complex_case"]),
            last_contact_at=moment(c["last_contact_at"]),
            escalated_at=moment(c["escalated_at"]),
            escalation_ack_at=moment(c["escalation_ack_at"]),
            review_until=_review_until(c["status"], timeline), timeline=timeline,
            follow_ups=follow_ups_of(case_id, people), offers=offers_of(case_id, people),
            attachments=attachments_of(case_id, people),
            merged=tuple(merging.merged_into(case_id)) if merged else (),
            legal_hold=bool(c["legal_hold"]), redacted_at=moment(c["redacted_at"]),
        )

    @classmethod
    def from_case(cls, c: Complaint) -> CaseDetails:
        """The details of a case row already read (read again, with all that belongs to it;
        a merged case as it is, not the case it leads to)."""
        return cls.load_id(c.id, lead=False)

    def is_overdue(self, now: datetime) -> bool:
        """True when something on the case was due before `now`."""
        return self.next_due_at is not None and self.next_due_at < now

    def to_json(self, *, with_events: bool = True) -> dict[str, Any]:
        """The case with the stable keys scripts rely on."""
        code = lambda ref: ref.code if ref else None  # noqa: E731
        user = lambda person: person.username if person else None  # noqa: E731
        data: dict[str, Any] = {
            "number": self.number, "status": self.status, "received_at": iso(self.received_at),
            "received_by": user(self.received_by), "customer": self.customer,
            "phone": self.phone, "address": self.address, "channel": self.channel,
            "category": self.category.code, "severity": self.severity, "flags": list(self.flags),
            "description": self.description, "wish": self.wish, "mood": self.mood,
            "reference": self.reference, "department": code(self.department),
            "handler": user(self.handler), "subject": user(self.subject),
            "fault_department": code(self.fault_department), "fault_party": self.fault_party,
            "facts": self.facts, "root_cause": code(self.root_cause),
            "resolution": self.resolution, "answer": self.answer, "feedback": self.feedback,
            "satisfaction": self.satisfaction, "profile": self.profile,
            "first_response_due": iso(self.first_response_due),
            "first_response_at": iso(self.first_response_at),
            "resolution_due": iso(self.resolution_due), "next_due_at": iso(self.next_due_at),
            "feedback_at": iso(self.feedback_at), "resolved_at": iso(self.resolved_at),
            "closed_at": iso(self.closed_at), "clock_paused_at": iso(self.clock_paused_at),
            "complex_case": self.complex_case, "last_contact_at": iso(self.last_contact_at),
            "escalated_at": iso(self.escalated_at),
            "escalation_ack_at": iso(self.escalation_ack_at), "version": self.version,
            "merged": [case.number for case in self.merged], "legal_hold": self.legal_hold,
            "personal_data_removed_at": iso(self.redacted_at),
        }
        if with_events:
            data["events"] = [entry.to_json() for entry in self.timeline]
        return data


def _review_until(status: str, timeline: tuple[TimelineEntry, ...]) -> datetime | None:
    """Until when a review may be asked for: 30 days from the last decision (the latest
    change of state to resolved or not upheld, or a case solved on the spot)."""
    if status not in ("resolved", "rejected", "closed"):
        return None
    decided = [entry.at for entry in timeline if entry.field == "status" and (
        entry.new in ("resolved", "rejected") or (entry.new == "closed" and entry.old == "new"))]
    return decided[-1] + timedelta(days=REVIEW_WINDOW_DAYS) if decided else None


def explain(timeline: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    """How the deadline was reached: the events of the timeline that set or moved it."""
    return [entry for entry in timeline
            if entry.kind in ("clock", "extension")
            or (entry.field == "status" and entry.new == "reopened")]


def read_names(people: People | None = None) -> Names:
    """The names of what the timeline stores as codes (list entries, users), read at once."""
    lists: dict[str, type[Category | Department | RootCause]] = {
        vocabulary.CATEGORY: Category, vocabulary.DEPARTMENT: Department,
        vocabulary.ROOT_CAUSE: RootCause}
    references = {kind: {row.code: Text(row.name_en or row.code, row.name_zh or row.code)
                         for row in model.select(model.code, model.name_en, model.name_zh)}
                  for kind, model in lists.items()}
    # A shop has a few dozen corrective actions: their titles name the links on a timeline.
    references[vocabulary.ACTION] = _action_titles()
    return Names(references=references, users=(people or People()).names())


class _Lists:
    """The coded lists (categories, departments, root causes), read in one statement."""

    def __init__(self) -> None:
        zh = current_language() == ZH
        self.refs: dict[tuple[str, int], Ref] = {}
        self.texts: dict[str, dict[str, Text]] = {kind: {} for kind in _LIST_KINDS}
        for kind, entry_id, code, name_en, name_zh in case_sql.rows("lists"):
            self.refs[kind, entry_id] = Ref(code, name_zh if zh else name_en)
            self.texts[_LIST_KINDS[kind]][code] = Text(name_en or code, name_zh or code)

    def ref(self, kind: str, entry_id: int | None) -> Ref | None:
        """The entry `entry_id` of the list `kind` (None for none)."""
        return None if entry_id is None else self.refs[kind, entry_id]


_LIST_KINDS = {"category": vocabulary.CATEGORY, "department": vocabulary.DEPARTMENT,
               "root_cause": vocabulary.ROOT_CAUSE}


_ACTION_FIELDS = ("action.link", "action.unlink")


def _action_titles() -> dict[str, Text]:
    """Every corrective action's title by its id (a shop has a few dozen)."""
    return {str(row.id): Text(row.title, row.title)
            for row in CorrectiveAction.select(CorrectiveAction.id, CorrectiveAction.title)}


def _events(case_id: int, merged: dict[int, str]) -> list[tuple[tuple[Any, ...], str]]:
    """The case's event rows and, within them by time, those of the cases merged into it
    (each with the number of the case it was recorded on; "" for the case's own)."""
    rows = [(row, "") for row in case_sql.rows("events", case_id)]
    for merged_id, number in merged.items():
        rows += [(row, number) for row in case_sql.rows("events", merged_id)]
    if merged:
        rows.sort(key=lambda pair: (as_datetime(pair[0][0]), pair[0][-1]))
    return rows


def _entry(row: tuple[Any, ...], people: People, names: Names, origin: str = "") -> TimelineEntry:
    at, actor_id, kind, field, old, new, note, _id = row
    person = people.get(actor_id)
    return TimelineEntry(as_datetime(at), person.username if person else "",
                         person.name if person else "", kind, field, old, new, note,
                         change_words(field, old, new, names), origin)
