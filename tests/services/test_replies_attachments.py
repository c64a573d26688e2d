"""Reply templates and attachments."""

from collections.abc import Callable
from pathlib import Path

import pytest

from app.errors import AccessError, InputError
from app.models import Complaint, User
from app.services.casework import attachments, replies
from app.services.casework.view import CaseDetails
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]


def test_templates_fill_placeholders_from_the_case(make_case: MakeCase) -> None:
    d = CaseDetails.load(make_case().number)
    ack = next(t for t in replies.templates("zh_CN") if t.code == "ack")
    text = replies.render(ack.body, d)
    assert "张三您好" in text and "TS-2026-000001" in text
    assert "2026-03-11 18:00" in text  # the decision, as acknowledging promises it
    assert replies.render("{customer} {unknown}", d) == "张三 {unknown}"
    assert replies.render("{客户}，编号 {编号}", d) == "张三，编号 TS-2026-000001"
    assert replies.render("unbalanced { brace", d) == "unbalanced { brace"


def test_a_reply_is_the_first_answer_and_goes_on_the_timeline(make_case: MakeCase,
                                                               staff: User) -> None:
    d = CaseDetails.load(make_case().number)
    d = replies.record_reply(d.id, "已受理，今天下班前答复您。", actor=staff, now=NOW,
                             expected_version=d.version)
    assert d.first_response_at == NOW and d.version == 2
    assert (d.timeline[-1].kind, d.timeline[-1].new) == ("reply", "已受理，今天下班前答复您。")
    with pytest.raises(InputError, match="Reply is required"):
        replies.record_reply(d.id, "  ", actor=staff, now=NOW, expected_version=d.version)


def test_templates_are_edited_by_managers_only(manager: User, staff: User) -> None:
    saved = replies.save_template(code="ack", language="en", title="Thanks",
                                  body="Thank you, {customer}.", actor=manager, now=NOW)
    assert [t.body for t in replies.templates("en") if t.code == "ack"] == [saved.body]
    replies.save_template(code="holiday", language="zh_CN", title="节假日", body="节后处理",
                          actor=manager, now=NOW)
    assert "holiday" in {t.code for t in replies.templates("zh_CN")}
    with pytest.raises(AccessError):
        replies.save_template(code="x", language="en", title="x", body="x", actor=staff, now=NOW)


def test_attachments_are_kept_with_the_case(make_case: MakeCase, staff: User,
                                            tmp_path: Path) -> None:
    case = make_case()
    photo = b"\x89PNG fake photo bytes"
    info = attachments.add_attachment(case.id, file_name="C:\\照片\\屏幕 碎裂.png", data=photo,
                                      actor=staff, now=NOW, note="客户提供")
    assert info.file_name == "屏幕 碎裂.png" or info.file_name.endswith("屏幕 碎裂.png")
    d = CaseDetails.load(case.number)
    assert [a.file_name for a in d.attachments] == [info.file_name]
    assert d.timeline[-1].kind == "attachment"
    copy = attachments.save_copy(info.id, tmp_path / "open")
    assert copy.read_bytes() == photo


def test_empty_or_huge_files_are_refused(make_case: MakeCase, staff: User) -> None:
    case = make_case()
    with pytest.raises(InputError, match="empty"):
        attachments.add_attachment(case.id, file_name="a.jpg", data=b"", actor=staff, now=NOW)
    with pytest.raises(InputError, match="at most 20 MB"):
        attachments.add_attachment(case.id, file_name="a.mov", data=b"x" * (20 * 1024 * 1024 + 1),
                                   actor=staff, now=NOW)
    assert CaseDetails.load(case.number).attachments == ()
