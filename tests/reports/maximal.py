"""A case with every text field as long as the services accept, for the documents' tests.

Each text is different and made of characters no label uses, so a test can find it whole in
a PDF's text, or find which part of it is missing.
"""

import random
from dataclasses import dataclass, field
from datetime import timedelta

from app.models import Complaint, User
from app.services import settings, users
from app.services.casework import clock, followups, outcomes, replies, workflow
from app.services.casework.fields import FIELDS
from app.services.casework.intake import IntakeForm, record_complaint
from app.services.compensation import offers
from tests.conftest import NOW, PASSWORD

# The longest each field takes (app/services/casework/intake.py, fields.py, followups.py,
# outcomes.py, clock.py, replies.py, compensation/offers.py, settings.py, users.py);
# test_long_texts checks that one character more is refused.
INTAKE = {"customer_name": 60, "address": 200, "description": 5000, "wish": 2000, "mood": 100,
          "reference": 100}
LIMITS = {**INTAKE, **{name: FIELDS[name].max_length for name in (
              "fault_party", "facts", "resolution", "answer", "feedback")},
          "note": 5000, "follow_up": 2000, "outcome": 2000,
          "offer_reason": 2000, "offer_description": 2000, "decision": 2000, "pause": 2000,
          "new_facts": 2000, "extend": 2000, "told": 500, "reply": 5000, "display_name": 60,
          "business.name": 200, "business.address": 200, "business.phone": 200}


def text(language: str, length: int, seed: int) -> str:
    """`length` characters of made-up text: rare Chinese characters with full-width commas,
    or lowercase words (with `<`, `&` and `>` now and then); a line break every so often."""
    rnd = random.Random(seed)
    parts: list[str] = []
    while sum(map(len, parts)) < length:
        if language == "zh_CN":
            word = "".join(chr(rnd.randint(0x8000, 0x9FA5)) for _ in range(rnd.randint(3, 12)))
            parts.append(word + rnd.choice("，，，。\n"))
        else:
            word = "".join(chr(rnd.randint(97, 122)) for _ in range(rnd.randint(2, 10)))
            parts.append(word + rnd.choice("     ,<&>\n"))
    end = "末" if language == "zh_CN" else "z"  # no white space at the end: it is trimmed
    return ("".join(parts)[:length - 1].rstrip() + end * length)[:length]


@dataclass
class Maximal:
    """The case and every text it was given, by field name."""

    case: Complaint
    texts: dict[str, str] = field(default_factory=dict)


def maximal_case(language: str, owner: User, *, rejected: bool = False,
                 letterhead: bool = True) -> Maximal:
    """A case taken through intake, handling, the clock, a reply, a follow-up, compensation
    and its decision, received and handled by a clerk of the longest name, every text at
    its longest (`letterhead`: the business's name, address and phone too)."""
    seeds = iter(range(1000 if language == "zh_CN" else 2000, 3000))
    texts = {name: text(language, limit, next(seeds)) for name, limit in LIMITS.items()}
    staff = users.create_user(username=f"clerk{User.select().count()}",
                              display_name=texts["display_name"], role="staff",
                              password=PASSWORD, actor=owner, now=NOW)
    if letterhead:
        for key in ("business.name", "business.address", "business.phone"):
            settings.set_value(key, texts[key], actor=owner, now=NOW)
    form = IntakeForm(customer_name=texts["customer_name"], phone="13800138000",
                      channel="phone", category="product_quality",
                      description=texts["description"], wish=texts["wish"],
                      mood=texts["mood"], reference=texts["reference"],
                      address=texts["address"])
    case = record_complaint(form, actor=staff, now=NOW)
    at = NOW + timedelta(minutes=5)
    case = workflow.move(case.id, "in_progress", actor=staff, now=at, expected_version=1,
                         note=texts["note"],
                         values={"department": "after_sales", "handler": staff.username,
                                 "fault_party": texts["fault_party"], "facts": texts["facts"]})
    case = _clock_and_reply(case, texts, owner, staff)
    _follow_up(case, texts, staff)
    if not rejected:
        _compensation(case, texts, owner, staff)
    case = Complaint.get_by_id(case.id)
    values = ({"answer": texts["answer"]} if rejected else
              {"root_cause": "RC03", "resolution": texts["resolution"]})
    case = workflow.move(case.id, "rejected" if rejected else "resolved", actor=staff,
                         now=NOW + timedelta(days=2), expected_version=case.version,
                         values=values)
    case = workflow.move(case.id, "closed", actor=staff, now=NOW + timedelta(days=2, hours=1),
                         expected_version=case.version,
                         values={"feedback": texts["feedback"], "satisfaction": "4"})
    return Maximal(case, texts)


def _clock_and_reply(case: Complaint, texts: dict[str, str], owner: User,
                     staff: User) -> Complaint:
    at = NOW + timedelta(minutes=10)
    case = clock.pause(case.id, reason=texts["pause"], actor=staff, now=at,
                       expected_version=case.version)
    case = clock.resume(case.id, actor=staff, now=at, expected_version=case.version)
    # A day later, so that the deadline moves and the new facts go on the timeline.
    case = clock.restart(case.id, facts=texts["new_facts"], actor=staff,
                         now=at + timedelta(days=1), expected_version=case.version)
    case = clock.extend(case.id, new_due=case.resolution_due + timedelta(days=7),
                        reason=texts["extend"], told=texts["told"], actor=owner,
                        now=at + timedelta(days=1), expected_version=case.version)
    replies.record_reply(case.id, texts["reply"], actor=staff, now=at + timedelta(days=1),
                         expected_version=case.version)
    return Complaint.get_by_id(case.id)


def _follow_up(case: Complaint, texts: dict[str, str], staff: User) -> None:
    row = followups.add_follow_up(case.id, due_at=NOW + timedelta(days=1),
                                  note=texts["follow_up"], actor=staff, now=NOW)
    outcomes.complete_follow_up(row.id, outcome=texts["outcome"], actor=staff,
                                now=NOW + timedelta(hours=1))


def _compensation(case: Complaint, texts: dict[str, str], owner: User, staff: User) -> None:
    current = Complaint.get_by_id(case.id)
    offer = offers.propose(current.id, expected_version=current.version, kind="refund",
                           amount="999999.99", reason=texts["offer_reason"],
                           description=texts["offer_description"], actor=staff,
                           now=NOW + timedelta(days=1, hours=2))
    offers.decide(offer.id, decision="approve", reason=texts["decision"], password=PASSWORD,
                  actor=owner, now=NOW + timedelta(days=1, hours=2))
