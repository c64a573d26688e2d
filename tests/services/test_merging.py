"""Merging a duplicate into the case kept, and undoing it, for everything that moves: events
(shown within the survivor's timeline, never rewritten), follow-ups, offers, attachments,
the search, reminders and the figures (the pair counted once); and the merges refused."""

from collections.abc import Callable
from datetime import timedelta

import pytest

from app.errors import AccessError, ConflictError, RuleError
from app.models import (
    Attachment,
    CaseMerge,
    CompensationOffer,
    Complaint,
    Event,
    FollowUp,
    User,
)
from app.services.analysis.filters import Filters
from app.services.analysis.slices import Slice
from app.services.analysis.tally import count
from app.services.casework import attachments, cases, followups, merging, workflow
from app.services.casework.reminders import reminders
from app.services.casework.view import CaseDetails
from app.services.compensation import offers, payments
from app.services.desk import integrity
from app.services.register import listing
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]
LATER = NOW + timedelta(hours=1)


def _working(case: Complaint, staff: User) -> Complaint:
    return workflow.move(case.id, "in_progress", actor=staff, now=NOW,
                         expected_version=case.version,
                         values={"department": "after_sales", "handler": "staff1"})


@pytest.fixture
def pair(make_case: MakeCase, staff: User) -> tuple[Complaint, Complaint]:
    """The case kept, and a duplicate with a follow-up, a paid offer and an attachment."""
    kept = make_case()
    duplicate = _working(make_case(description="电饭煲又坏了，第二次打电话", channel="wechat",
                                   at=NOW + timedelta(minutes=5)), staff)
    offer = offers.propose(duplicate.id, expected_version=duplicate.version, kind="voucher",
                           amount="50", reason="致歉", actor=staff, now=NOW)
    payments.pay(offer.id, method="voucher", reference="Q-9", actor=staff, now=NOW)
    followups.add_follow_up(duplicate.id, due_at=NOW + timedelta(hours=2), note="回电说明进度",
                            actor=staff, now=NOW)
    attachments.add_attachment(duplicate.id, file_name="照片.jpg", data=b"\xff\xd8 x",
                               actor=staff, now=NOW)
    return Complaint.get_by_id(kept.id), Complaint.get_by_id(duplicate.id)


def _merge(duplicate: Complaint, kept: Complaint, actor: User, **options: bool) -> Complaint:
    duplicate, kept = (Complaint.get_by_id(c.id) for c in (duplicate, kept))
    return merging.merge(duplicate.id, kept.id, actor=actor, now=LATER,
                         merged_version=duplicate.version, into_version=kept.version, **options)


def _owned_by(model: type, case: Complaint) -> int:
    return model.select().where(model.complaint == case.id).count()  # type: ignore[attr-defined]


def _search(term: str) -> list[str]:
    rows = listing.fetch_page(listing.CaseQuery(search=term), now=LATER)
    return sorted(row.number for row in rows)


def _received() -> int:
    return count(Slice("received", NOW.date(), NOW.date()), Filters())


def test_a_merge_moves_everything_and_an_undo_brings_it_back(
        pair: tuple[Complaint, Complaint], manager: User) -> None:
    kept, duplicate = pair
    own_events = _owned_by(Event, duplicate)
    assert _received() == 2 and _search(duplicate.number) == [duplicate.number]
    merging.preview(duplicate.id, kept.id)
    survivor = _merge(duplicate, kept, manager)

    assert survivor.id == kept.id and Complaint.get_by_id(duplicate.id).status == "merged"
    for model in (FollowUp, CompensationOffer, Attachment):
        assert (_owned_by(model, duplicate), _owned_by(model, kept)) == (0, 1), model
    assert _owned_by(Event, duplicate) == own_events + 2  # its own stay, plus the merge
    details = CaseDetails.load(duplicate.number)  # the old number leads to the survivor
    assert details.number == kept.number and [m.number for m in details.merged] == [
        duplicate.number]
    assert {e.origin for e in details.timeline} == {"", duplicate.number}
    assert len(details.follow_ups) == len(details.offers) == len(details.attachments) == 1
    assert _search(duplicate.number) == sorted([kept.number, duplicate.number])
    assert _search("第二次打电话") == sorted([kept.number, duplicate.number])
    assert _received() == 1  # the pair counts once
    assert cases.get_case(duplicate.number).id == kept.id
    assert integrity.verify_chain().problem() == ""

    restored = merging.unmerge(duplicate.number, actor=manager, now=LATER)
    assert restored.status == "in_progress" and restored.merged_into_id is None
    for model in (FollowUp, CompensationOffer, Attachment):
        assert (_owned_by(model, duplicate), _owned_by(model, kept)) == (1, 0), model
    assert _search(duplicate.number) == [duplicate.number] and _received() == 2
    assert CaseDetails.load(duplicate.number).number == duplicate.number
    assert CaseMerge.get().undone_by_id == manager.id
    assert integrity.verify_chain().problem() == ""


def test_reminders_follow_the_merge(pair: tuple[Complaint, Complaint], manager: User) -> None:
    kept, duplicate = pair

    def owed() -> set[tuple[str, str]]:
        found = reminders(user=None, now=NOW + timedelta(days=1))
        return {(item.kind, item.number) for item in found.all_items()}

    assert ("follow_up", duplicate.number) in owed()
    assert ("first_answer", duplicate.number) in owed()
    _merge(duplicate, kept, manager)
    after = owed()
    assert ("follow_up", kept.number) in after
    assert not {item for item in after if item[1] == duplicate.number}
    merging.unmerge(duplicate.number, actor=manager, now=LATER)
    assert ("follow_up", duplicate.number) in owed()


def test_a_merged_case_takes_no_work(pair: tuple[Complaint, Complaint], manager: User,
                                     staff: User) -> None:
    kept, duplicate = pair
    _merge(duplicate, kept, manager)
    with pytest.raises(RuleError, match=f"merged into {kept.number}"):
        followups.add_follow_up(duplicate.id, due_at=LATER, note="x", actor=staff, now=LATER)
    with pytest.raises(RuleError, match=f"merged into {kept.number}"):
        workflow.move(duplicate.id, "resolved", actor=staff, now=LATER,
                      expected_version=Complaint.get_by_id(duplicate.id).version)


def test_an_undo_is_refused_once_either_case_changed(pair: tuple[Complaint, Complaint],
                                                    manager: User, staff: User) -> None:
    kept, duplicate = pair
    _merge(duplicate, kept, manager)
    assert merging.undo_blocker(duplicate.id) is None
    followups.add_follow_up(kept.id, due_at=LATER, note="再联系", actor=staff, now=LATER)
    with pytest.raises(RuleError, match=f"{kept.number} changed after the merge"):
        merging.unmerge(duplicate.number, actor=manager, now=LATER)
    assert Complaint.get_by_id(duplicate.id).status == "merged"


def test_merging_is_for_managers_and_owners(pair: tuple[Complaint, Complaint],
                                            staff: User, manager: User) -> None:
    kept, duplicate = pair
    with pytest.raises(AccessError):
        _merge(duplicate, kept, staff)
    _merge(duplicate, kept, manager)
    with pytest.raises(AccessError):
        merging.unmerge(duplicate.number, actor=staff, now=LATER)


def test_different_customers_need_a_confirmation(make_case: MakeCase, manager: User) -> None:
    first = make_case()
    second = make_case(customer_name="李四", phone="13900139000")
    with pytest.raises(RuleError, match="different customers"):
        _merge(second, first, manager)
    assert Complaint.get_by_id(second.id).status == "new"
    _merge(second, first, manager, different_customers=True)
    assert CaseMerge.get().different_customers


def test_a_case_waiting_for_approval_is_not_merged(make_case: MakeCase, staff: User,
                                                   manager: User) -> None:
    kept = make_case()
    waiting = _working(make_case(), staff)
    offers.propose(waiting.id, expected_version=waiting.version, kind="refund",
                   amount="900", reason="退款", actor=staff, now=NOW)
    for duplicate, into in ((waiting, kept), (kept, waiting)):
        with pytest.raises(RuleError, match="waiting for approval"):
            _merge(duplicate, into, manager)


@pytest.mark.parametrize("closed_first", [True, False])
def test_a_closed_case_is_not_merged_either_way(make_case: MakeCase, manager: User,
                                                closed_first: bool) -> None:
    open_case = make_case()
    closed = make_case(on_the_spot=True, on_the_spot_values={
        "root_cause": "RC03", "resolution": "当场更换", "feedback": "客户满意"})
    duplicate, into = (closed, open_case) if closed_first else (open_case, closed)
    with pytest.raises(RuleError, match="only open cases are merged"):
        _merge(duplicate, into, manager)


def test_chains_of_merges_and_stale_versions_are_refused(make_case: MakeCase,
                                                        manager: User) -> None:
    first, second, third = make_case(), make_case(), make_case()
    with pytest.raises(ConflictError):
        merging.merge(second.id, first.id, actor=manager, now=LATER, merged_version=7,
                      into_version=first.version)
    _merge(second, first, manager)
    with pytest.raises(RuleError, match="already merged"):
        _merge(third, second, manager)
    with pytest.raises(RuleError, match="Other cases were merged into"):
        _merge(first, third, manager)
    with pytest.raises(RuleError, match="into itself"):
        _merge(third, third, manager)
