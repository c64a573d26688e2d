"""One vocabulary: every field the desk names is in one table with both labels, and intake,
the case view, the timeline, the export and the import all call it by that name."""

import dataclasses
from collections.abc import Callable
from datetime import timedelta

import pytest

from app.i18n import speaking
from app.models import Complaint, User, database_proxy
from app.services import vocabulary
from app.services.casework import attachments, cases, clock, fields, followups, layout, workflow
from app.services.casework.intake import IntakeForm
from app.services.casework.outcomes import complete_follow_up
from app.services.casework.view import CaseDetails
from app.services.compensation import offers
from app.services.importing import columns
from app.services.register import export
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]
EXPORTED = [code for code, *_ in export.CASE_COLUMNS]


def test_every_field_has_a_code_and_both_labels() -> None:
    for code, field in vocabulary.FIELDS.items():
        assert field.code == code
        assert field.label.en.strip() and field.label.zh.strip(), code
        assert field.cell in ("text", "datetime", "int", "money"), code
        if field.kind == vocabulary.CODED:
            assert field.words, code


@pytest.mark.parametrize(("where", "codes"), [
    ("intake", [f.name for f in dataclasses.fields(IntakeForm)
                if f.name not in ("on_the_spot", "on_the_spot_values")]),
    ("case view", [*layout.INTAKE, *layout.HANDLING, "version"]),
    ("settable fields", list(fields.FIELDS)),
    ("export", EXPORTED),
    ("import", list(columns.FIELDS)),
    ("export summary", [group for group in export.GROUPS if group != "month"]),
])
def test_every_field_named_anywhere_is_in_the_table(where: str, codes: list[str]) -> None:
    assert codes
    assert [code for code in codes if code not in vocabulary.FIELDS] == [], where


def test_a_field_is_called_the_same_everywhere() -> None:
    for name, field in fields.FIELDS.items():
        assert field.label == vocabulary.label(name)
    for code, header, kind, _width in export.CASE_COLUMNS:
        assert (header, kind) == (vocabulary.label(code), vocabulary.FIELDS[code].cell)
    for name, field in columns.FIELDS.items():
        assert field.label == vocabulary.FIELDS[name].column_title
    # The import once called it 处理状态.
    assert {str(columns.FIELDS["status"].label.zh), vocabulary.label("status").zh} == {"状态"}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_import_reads_back_every_column_title_the_export_writes(language: str) -> None:
    for code, header, *_ in export.CASE_COLUMNS:
        matched = columns.FIELD_BY_KEY.get(columns.header_key(getattr(header, language)))
        assert matched == (code if code in columns.FIELDS else None), code


def test_an_export_row_is_keyed_by_its_columns_codes(make_case: MakeCase) -> None:
    case = make_case(customer_name="王小芳", reference="DD-2026-1", wish="退款")
    record, fen, paid = export._load([case.id])[case.id]
    row = export._row(record, fen, paid, export._Names("zh_CN"), NOW)
    assert list(row) == EXPORTED
    (values,) = export.case_rows([case.id], now=NOW, language="zh_CN")
    by_code = dict(zip(EXPORTED, values, strict=True))
    assert (by_code["customer_name"], by_code["reference"], by_code["wish"]) == (
        "王小芳", "DD-2026-1", "退款")
    assert by_code["received_at"] == NOW and by_code["status"] == "新受理"


@pytest.fixture
def eventful(make_case: MakeCase, staff: User) -> CaseDetails:
    """A case whose timeline holds every kind of value: states, list entries, users,
    yes/no, an offer, a paused clock, a follow-up and an attachment."""
    case = workflow.move(make_case(), "in_progress", actor=staff, now=NOW, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    case = cases.update_fields(case.id, values={"severity": "high", "flag_risk": "yes",
                                             "root_cause": "RC03"},
                               actor=staff, now=NOW, expected_version=case.version)
    offers.propose(case.id, expected_version=case.version, kind="voucher", amount="150",
                   reason="车费", actor=staff, now=NOW)
    case = Complaint.get_by_id(case.id)
    case = clock.pause(case.id, reason="送检", actor=staff, now=NOW + timedelta(hours=1),
                       expected_version=case.version)
    follow_up = followups.add_follow_up(case.id, due_at=NOW + timedelta(days=1), note="回访",
                                        actor=staff, now=NOW)
    complete_follow_up(follow_up.id, outcome="已联系", actor=staff, now=NOW + timedelta(hours=2))
    attachments.add_attachment(case.id, file_name="发票.jpg", data=b"x", actor=staff, now=NOW)
    return CaseDetails.load(case.number)


def test_the_timeline_is_worded_in_the_readers_language_without_a_query(
        eventful: CaseDetails, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_queries(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the timeline read the database while being shown")

    monkeypatch.setattr(database_proxy.obj, "execute_sql", no_queries)
    with speaking("en"):
        english = [entry.describe() for entry in eventful.timeline]
    with speaking("zh_CN"):
        chinese = [entry.describe() for entry in eventful.timeline]
    for line in ("TS-2026-000001", "Status: New → In progress",
                 "Handling department: After-sales", "Handler: 张小芳",
                 "Severity: Medium → High", "Escalation risk: no → yes",
                 "Root cause: Product defect", "Compensation offer: Voucher ¥150.00（Approved）",
                 "Clock paused: paused since 2026-03-04 11:00", "Attachment: 发票.jpg",
                 "Follow-up done: 回访 → 已联系"):
        assert line in english
    for line in ("状态：新受理 → 处理中", "处理部门：售后部", "严重程度：较重 → 严重",
                 "过激行为/曝光风险：否 → 是", "根本原因：产品缺陷",
                 "补偿方案：代金券 ¥150.00（待审批）", "暂停计时：自 2026-03-04 11:00 起暂停"):
        assert line in chinese


def test_every_field_the_timeline_records_is_in_the_table(eventful: CaseDetails) -> None:
    recorded = {entry.field for entry in eventful.timeline}
    assert len(recorded) >= 12
    assert recorded - vocabulary.FIELDS.keys() == set()


def test_stored_codes_no_longer_listed_are_shown_as_stored() -> None:
    names = vocabulary.Names(references={}, users={})
    assert vocabulary.worded("department", "gone", names) == ("gone", "gone")
    assert vocabulary.worded("handler", "left_us", names) == ("left_us", "left_us")
    assert vocabulary.change_words("shelf_label", "", "printed", names) == (
        "shelf_label: printed", "shelf_label：printed")


def test_documents_printed_and_signed_copies_returned_are_worded() -> None:
    names = vocabulary.Names(references={}, users={})
    assert vocabulary.change_words("letter", "", "printed", names) == (
        "Resolution letter: printed or saved", "处理结果告知书：已打印或保存")
    assert vocabulary.change_words("letter", "", "signed copy returned", names).zh == \
        "处理结果告知书：签字文本已收回"
    assert vocabulary.change_words("receipt", "", "printed", names).zh == "受理回执：已打印或保存"
