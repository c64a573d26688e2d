"""Two managers merge at the same moment, each on their own connection: one merge is
recorded, the other is refused, and the record stays whole (one merge, one link, the
moved rows in one place, the chain unbroken)."""

from collections.abc import Callable
from datetime import timedelta
from functools import partial

from app.errors import ConflictError, RuleError
from app.models import CaseMerge, Complaint, FollowUp, User
from app.services.casework import followups, merging
from app.services.desk import integrity
from tests.conftest import NOW
from tests.races import at_once, split

MakeCase = Callable[..., Complaint]
ROUNDS = 5


def _merge(merged: Complaint, into: Complaint, actor: User) -> Complaint:
    return merging.merge(merged.id, into.id, actor=actor, now=NOW,
                         merged_version=merged.version, into_version=into.version)


def _cases(make_case: MakeCase, staff: User, round_: int) -> list[Complaint]:
    found = [make_case(phone=f"139{round_:04d}0000", at=NOW - timedelta(minutes=m))
             for m in range(3)]
    followups.add_follow_up(found[0].id, due_at=NOW + timedelta(days=1), note="回电",
                            actor=staff, now=NOW)
    return [Complaint.get_by_id(case.id) for case in found]


def test_one_duplicate_merged_into_two_cases_at_once(make_case: MakeCase, staff: User,
                                                     manager: User, owner: User) -> None:
    for round_ in range(ROUNDS):
        duplicate, first, second = _cases(make_case, staff, round_)
        done, refused = split(at_once([partial(_merge, duplicate, first, manager),
                                       partial(_merge, duplicate, second, owner)]))
        assert len(done) == 1 and len(refused) == 1, refused
        assert isinstance(refused[0], ConflictError | RuleError)
        survivor = Complaint.get_by_id(duplicate.id).merged_into_id
        assert survivor == done[0].id
        assert CaseMerge.select().where(CaseMerge.merged == duplicate.id).count() == 1
        assert FollowUp.get(FollowUp.note == "回电", FollowUp.complaint.in_(
            [first.id, second.id, duplicate.id])).complaint_id == survivor
    assert integrity.verify_chain().problem() == ""


def test_two_cases_merged_into_each_other_at_once(make_case: MakeCase, staff: User,
                                                  manager: User, owner: User) -> None:
    """Either way round, and without a deadlock on PostgreSQL: the cases are locked in one
    order."""
    for round_ in range(ROUNDS):
        one, other, _third = _cases(make_case, staff, 50 + round_)
        done, refused = split(at_once([partial(_merge, one, other, manager),
                                       partial(_merge, other, one, owner)]))
        assert len(done) == 1 and len(refused) == 1, refused
        merged = [c for c in (Complaint.get_by_id(one.id), Complaint.get_by_id(other.id))
                  if c.merged_into_id is not None]
        assert len(merged) == 1 and merged[0].status == "merged"
    assert CaseMerge.select().count() == ROUNDS
    assert integrity.verify_chain().problem() == ""
