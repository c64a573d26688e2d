"""The register's further columns, read by id for the cases of one page."""

from collections.abc import Callable

from app.i18n import ZH, speaking
from app.models import Complaint, User
from app.services.casework import workflow
from app.services.register.extras import CaseExtras, extras_of
from tests.conftest import NOW


def test_extras_name_the_lists_in_the_current_language(make_case: Callable[..., Complaint],
                                                       staff: User) -> None:
    fresh = make_case(mood="很生气")
    case = workflow.move(make_case().id, "in_progress", actor=staff, now=NOW,
                         expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    workflow.move(case.id, "resolved", actor=staff, now=NOW, expected_version=case.version,
                  values={"root_cause": "RC01", "resolution": "换新", "satisfaction": 5,
                          "fault_department": "front_desk"})
    found = extras_of([fresh.id, case.id])
    assert found[fresh.id] == CaseExtras(mood="很生气")
    assert found[case.id] == CaseExtras("After-sales", "Staff attitude", "Front desk", 5, "")
    with speaking(ZH):
        assert extras_of([case.id])[case.id].root_cause == "员工服务态度"
    assert extras_of([]) == {}
