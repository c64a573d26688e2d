"""Acknowledging a complaint records what the customer was told and the promised time."""

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from app.errors import InputError
from app.models import Complaint, User
from app.services.casework.acknowledgement import acknowledge
from app.services.casework.view import CaseDetails
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]
DUE = datetime(2026, 3, 11, 18, 0)  # the shop's rule: seven business days


def test_the_reply_is_the_first_answer_and_the_sooner_promise_the_deadline(
        make_case: MakeCase, staff: User) -> None:
    case = make_case()
    assert case.resolution_due == DUE
    promised = datetime(2026, 3, 9, 17, 0)
    done = acknowledge(case.id, reply="已受理，3 月 9 日前告知您处理结果。", promised=promised,
                       actor=staff, now=NOW + timedelta(minutes=5), expected_version=1)
    assert (done.status, done.resolution_due) == ("acknowledged", promised)
    assert done.first_response_at == NOW + timedelta(minutes=5)
    timeline = CaseDetails.load_id(case.id).timeline
    said = [e for e in timeline if e.kind == "reply"]
    assert [e.new for e in said] == ["已受理，3 月 9 日前告知您处理结果。"]
    moved = [e for e in timeline if e.field == "resolution_due" and e.old]
    assert moved[-1].describe() == "Decision due: 2026-03-11 18:00 → 2026-03-09 17:00"


def test_the_promise_as_the_rule_has_it_moves_nothing(make_case: MakeCase, staff: User) -> None:
    case = make_case()
    done = acknowledge(case.id, reply="已受理", promised=DUE, actor=staff, now=NOW,
                       expected_version=1)
    assert done.resolution_due == DUE and done.version == 2


@pytest.mark.parametrize(("promised", "words"), [
    (DUE + timedelta(days=1), "promise it by then at the latest"),
    (NOW - timedelta(hours=1), "that time has passed"),
])
def test_a_later_or_past_promise_is_refused(make_case: MakeCase, staff: User,
                                            promised: datetime, words: str) -> None:
    case = make_case()
    with pytest.raises(InputError, match=words) as refused:
        acknowledge(case.id, reply="已受理", promised=promised, actor=staff, now=NOW,
                    expected_version=1)
    assert refused.value.field == "promised"
    assert Complaint.get_by_id(case.id).status == "new"


def test_what_was_told_is_required(make_case: MakeCase, staff: User) -> None:
    with pytest.raises(InputError, match="What the customer was told is required"):
        acknowledge(make_case().id, reply=" ", promised=None, actor=staff, now=NOW,
                    expected_version=1)
