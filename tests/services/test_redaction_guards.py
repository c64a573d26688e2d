"""What the guard triggers let through, exactly and nothing beside it: personal texts
leaving a case whose removal is recorded (the event keeping the digest the chain links), and
an offer following its case through a merge. Everything else stays refused, and `check`
still proves the record after a removal."""

from collections.abc import Callable

import peewee
import pytest

from app.models import (
    Attachment,
    AttachmentData,
    CompensationOffer,
    Complaint,
    Event,
    Payment,
    User,
    chain,
    database_proxy,
)
from app.services.casework import attachments, workflow
from app.services.compensation import offers, payments
from app.services.desk import integrity
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]
MARK = chain.REMOVED


def _refused(sql: str, *params: object) -> None:
    with pytest.raises(peewee.DatabaseError), database_proxy.atomic():
        database_proxy.execute_sql(sql, params)


def _run(sql: str, *params: object) -> None:
    with database_proxy.atomic():
        database_proxy.execute_sql(sql, params)


def _chain_problem() -> str:
    return integrity.verify_chain().problem()


@pytest.fixture
def case(make_case: MakeCase, staff: User) -> Complaint:
    """A case with a paid offer and an attachment."""
    case = workflow.move(make_case().id, "in_progress", actor=staff, now=NOW, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1",
                                 "facts": "张三说机器冒烟"})
    offer = offers.propose(case.id, expected_version=case.version, kind="voucher",
                           amount="100", reason="张三的补偿", actor=staff, now=NOW)
    payments.pay(offer.id, method="voucher", reference="Q-001", actor=staff, now=NOW,
                 note="交给张三本人")
    attachments.add_attachment(case.id, file_name="张三.jpg", data=b"\xff\xd8 photo",
                               actor=staff, now=NOW)
    return Complaint.get_by_id(case.id)


def _mark_redacted(case: Complaint) -> None:
    _run(_q("UPDATE complaint SET redacted_at = ? WHERE id = ?"), NOW, case.id)


def _pg() -> bool:
    return isinstance(database_proxy.obj, peewee.PostgresqlDatabase)


def _q(sql: str) -> str:
    return sql.replace("?", "%s") if _pg() else sql


def _facts_event(case: Complaint) -> Event:
    return Event.get((Event.complaint == case.id) & (Event.field == "facts"))


def _redact_event(event: Event, digest: str | None = None) -> None:
    row = [getattr(event, column) for column in chain.COLUMNS]
    if not _pg():
        row[1] = str(row[1])
    _run(_q("UPDATE event SET old_value = ?, new_value = ?, note = ?, original_digest = ? "
            "WHERE id = ?"), MARK, MARK, MARK, digest or chain.digest(row), event.id)


def test_texts_leave_only_a_case_whose_removal_is_recorded(case: Complaint) -> None:
    event = _facts_event(case)
    with pytest.raises(peewee.DatabaseError):
        _redact_event(event)  # the case's removal is not recorded
    _mark_redacted(case)
    _redact_event(event)
    kept = Event.get_by_id(event.id)
    assert (kept.new_value, kept.note, len(kept.original_digest)) == (MARK, MARK, 64)
    assert _chain_problem() == ""


def test_a_removal_changes_nothing_else_and_happens_once(case: Complaint) -> None:
    _mark_redacted(case)
    event = _facts_event(case)
    for sql in ("UPDATE event SET new_value = 'rewritten', original_digest = ? WHERE id = ?",
                "UPDATE event SET kind = 'note', new_value = '[removed]', original_digest = ? "
                "WHERE id = ?",
                "UPDATE event SET new_value = '[removed]', original_digest = 'x' || ? "
                "WHERE id = ?"):
        _refused(_q(sql), "a" * 64, event.id)
    _refused(_q("UPDATE event SET new_value = '[removed]' WHERE id = ?"), event.id)
    _redact_event(event)
    _refused(_q("UPDATE event SET original_digest = ? WHERE id = ?"), "b" * 64, event.id)
    _refused(_q("DELETE FROM event WHERE id = ?"), event.id)


def test_check_finds_a_removal_whose_digest_is_not_what_was_chained(case: Complaint) -> None:
    _mark_redacted(case)
    event = _facts_event(case)
    _redact_event(event, digest="0" * 64)
    assert _chain_problem().startswith(f"the chain breaks at event {event.id}:")


def test_an_offer_a_payment_and_an_attachment_give_up_only_their_texts_and_bytes(
        case: Complaint) -> None:
    offer = CompensationOffer.get(CompensationOffer.complaint == case.id)
    payment = Payment.get(Payment.offer == offer.id)
    data = AttachmentData.get()
    statements = (_q("UPDATE compensation_offer SET reason = ? WHERE id = ?"),
                  _q("UPDATE payment SET note = ? WHERE id = ?"))
    for sql, row_id in zip(statements, (offer.id, payment.id), strict=True):
        _refused(sql, MARK, row_id)  # not before the removal is recorded
    _refused(_q("UPDATE attachment_data SET data = ? WHERE id = ?"), b"", data.id)
    _mark_redacted(case)
    for sql, row_id in zip(statements, (offer.id, payment.id), strict=True):
        _refused(sql, "something else", row_id)
        _run(sql, MARK, row_id)
    _refused(_q("UPDATE compensation_offer SET amount_fen = 1, reason = ? WHERE id = ?"),
             MARK, offer.id)
    _refused(_q("UPDATE payment SET amount_fen = 1, note = ? WHERE id = ?"), MARK, payment.id)
    _refused(_q("UPDATE attachment_data SET data = ? WHERE id = ?"), b"x", data.id)
    _run(_q("UPDATE attachment_data SET data = ? WHERE id = ?"), b"", data.id)
    assert bytes(AttachmentData.get_by_id(data.id).data) == b""
    assert (CompensationOffer.get_by_id(offer.id).reason, Payment.get_by_id(payment.id).note
            ) == (MARK, MARK)
    assert Attachment.select().count() == 1 and _chain_problem() == ""


def test_an_offer_moves_only_along_a_merge(case: Complaint, make_case: MakeCase) -> None:
    other = make_case(phone="13900139000")
    offer = CompensationOffer.get(CompensationOffer.complaint == case.id)
    move = _q("UPDATE compensation_offer SET complaint_id = ? WHERE id = ?")
    _refused(move, other.id, offer.id)
    _run(_q("UPDATE complaint SET merged_into_id = ? WHERE id = ?"), other.id, case.id)
    _refused(_q("UPDATE compensation_offer SET complaint_id = ?, amount_fen = 1 WHERE id = ?"),
             other.id, offer.id)
    _run(move, other.id, offer.id)
    _run(move, case.id, offer.id)  # and back, while the link stands
    _run(_q("UPDATE complaint SET merged_into_id = NULL WHERE id = ?"), case.id)
    _refused(move, other.id, offer.id)
    assert CompensationOffer.get_by_id(offer.id).complaint_id == case.id
