"""The three documents: what they say (read back from the PDF), and when they are refused."""

import base64
import subprocess
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from app.errors import RuleError
from app.models import Complaint, Event, User
from app.reports.letter import build_letter, build_letters
from app.reports.receipt import build_receipt
from app.reports.summary import build_summary
from app.services import settings
from app.services.casework import replies, workflow
from app.services.compensation import offers
from app.services.documents import letter_content, papers
from app.services.documents.summary import summary
from tests.conftest import NOW, PASSWORD
from tests.reports.conftest import pdf_fonts, pdf_info, pdf_text, squeezed

MakeCase = Callable[..., Complaint]


@pytest.fixture
def decided(make_case: MakeCase, staff: User, owner: User) -> Complaint:
    """A resolved case of 王小芳 with ¥1,200 compensation approved by the owner."""
    settings.set_value("business.name", "惠民家电生活馆", actor=owner, now=NOW)
    case = make_case(customer_name="王小芳", description="电饭煲用了三天就无法开机",
                     wish="退货退款")
    case = workflow.move(case.id, "in_progress", actor=staff, now=NOW, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    offer = offers.propose(case.id, expected_version=case.version, kind="refund",
                           amount="1200", reason="质量问题", actor=staff, now=NOW)
    offers.decide(offer.id, decision="approve", reason="属实", password=PASSWORD,
                        actor=owner, now=NOW)
    case = Complaint.get_by_id(case.id)
    return workflow.move(case.id, "resolved", actor=staff, now=NOW, expected_version=case.version,
                         values={"root_cause": "RC03", "resolution": "为客户办理全额退款",
                                 "facts": "检测确认主板故障"})


def test_the_letter_says_who_what_and_how_much(decided: Complaint, tmp_path: Path) -> None:
    path = build_letter(letter_content.letter(decided.number, language="zh_CN", now=NOW),
                        tmp_path / "letter.pdf")
    text = pdf_text(path)
    for expected in ("处理结果告知书", "惠民家电生活馆", "王小芳", decided.number,
                     "电饭煲用了三天就无法开机", "为客户办理全额退款", "检测确认主板故障",
                     "¥1,200.00", "壹仟贰佰元整", "签名"):
        assert expected in text.replace("\n", ""), expected
    assert [(f["type"], f["emb"]) for f in pdf_fonts(path)] == [("TrueType", "yes")]


def test_the_letter_reads_well_in_english(decided: Complaint, tmp_path: Path) -> None:
    text = pdf_text(build_letter(letter_content.letter(decided.number, language="en", now=NOW),
                                 tmp_path / "letter.pdf"))
    assert "Resolution letter" in text and "Dear 王小芳," in text and "Refund ¥1,200.00" in text
    assert "Our decision: 为客户办理全额退款" in text


def test_not_upheld_gives_the_reasoned_answer(make_case: MakeCase, staff: User,
                                              tmp_path: Path) -> None:
    case = workflow.move(make_case().id, "rejected", actor=staff, now=NOW, expected_version=1,
                         values={"answer": "经查看监控，商品售出时完好，损坏属人为原因"})
    text = pdf_text(build_letter(letter_content.letter(case.number, language="zh_CN", now=NOW),
                                 tmp_path / "letter.pdf")).replace("\n", "")
    assert "无法支持您的诉求" in text and "损坏属人为原因" in text and "30日内申请核查" in text


def test_no_letter_before_a_decision(make_case: MakeCase) -> None:
    with pytest.raises(RuleError, match="no decision yet"):
        letter_content.letter(make_case().number, language="zh_CN", now=NOW)


def test_no_letter_with_compensation_not_approved(make_case: MakeCase, staff: User) -> None:
    case = workflow.move(make_case().id, "in_progress", actor=staff, now=NOW, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    offers.propose(case.id, expected_version=case.version, kind="cash", amount="5000",
                   reason="误工", actor=staff, now=NOW)
    case = Complaint.get_by_id(case.id)
    # Even a case decided some other way cannot be lettered while the offer waits.
    Complaint.update(status="resolved", resolution="x").where(Complaint.id == case.id).execute()
    with pytest.raises(RuleError, match="not approved yet"):
        letter_content.letter(case.number, language="en", now=NOW)


def test_a_signature_captured_on_screen_is_in_the_letter(decided: Complaint,
                                                         tmp_path: Path) -> None:
    ink = QImage(300, 100, QImage.Format.Format_ARGB32)
    ink.fill(0)
    png = tmp_path / "sig.png"
    ink.save(str(png))
    data = letter_content.letter(decided.number, language="zh_CN", now=NOW,
                                  customer_signature=png.read_bytes())
    text = pdf_text(build_letter(data, tmp_path / "letter.pdf"))
    assert f"于 {NOW:%Y-%m-%d %H:%M} 在屏幕上签名" in text


def test_the_receipt_is_half_a_page_with_the_promise(make_case: MakeCase, owner: User,
                                                     tmp_path: Path) -> None:
    case = make_case(customer_name="李雷")
    plain = papers.receipt(case.number, language="zh_CN").note
    assert plain == "感谢您的反馈。请妥善保管本回执，联系我们时请提供投诉编号。"
    settings.set_value("business.phone", "0571-8888 6666", actor=owner, now=NOW)
    path = build_receipt(papers.receipt(case.number, language="zh_CN"),
                         tmp_path / "receipt.pdf")
    text = pdf_text(path)
    assert "受理回执" in text and case.number in text and "李雷" in text
    assert "2026-03-04 18:00" in text and "2026-03-11 18:00" in text  # answer and decision
    assert "查询处理进度请致电 0571-8888 6666，并提供投诉编号" in text.replace("\n", "")
    assert pdf_info(path)["Page size"].split()[:3] == ["595.276", "x", "419.528"]  # A5 landscape


def test_a_long_summary_numbers_its_pages(make_case: MakeCase, staff: User,
                                          tmp_path: Path) -> None:
    case = make_case(description="冰箱不制冷，" * 800, customer_name="赵敏")
    case = workflow.move(case.id, "acknowledged", actor=staff, now=NOW + timedelta(hours=1),
                         expected_version=1)
    path = build_summary(summary(case.number, language="zh_CN", now=NOW + timedelta(days=9)),
                         tmp_path / "s.pdf")
    pages = int(pdf_info(path)["Pages"])
    text = squeezed(pdf_text(path))
    assert pages >= 3
    assert f"第1页/共{pages}页" in text and f"第{pages}页/共{pages}页" in text
    assert text.count(f"投诉处理单{case.number}赵敏") == pages - 1  # the header repeats
    assert "按时" in text and "已逾期" in text  # first answer on time; decision overdue


def test_paper_size_follows_the_setting(decided: Complaint, owner: User,
                                        tmp_path: Path) -> None:
    settings.set_value("print.paper", "Letter", actor=owner, now=NOW)
    path = build_letter(letter_content.letter(decided.number, language="en", now=NOW),
                        tmp_path / "letter.pdf")
    assert pdf_info(path)["Page size"].split()[:3] == ["612", "x", "792"]


def test_many_letters_in_one_file(decided: Complaint, tmp_path: Path) -> None:
    letters = [letter_content.letter(decided.number, language="zh_CN", now=NOW)] * 3
    path = build_letters(letters, tmp_path / "batch.pdf")
    assert int(pdf_info(path)["Pages"]) == 3


def test_printing_and_the_signed_copy_are_on_the_timeline(decided: Complaint,
                                                          staff: User) -> None:
    papers.record_printed(decided.number, "letter", actor=staff, now=NOW)
    papers.attach_signed_letter(decided.id, file_name="签字告知书.jpg",
                                   data=b"\xff\xd8\xff scan", actor=staff, now=NOW)
    notes = [(e.field, e.new_value) for e in Event.select().where(Event.kind == "document")]
    assert notes == [("letter", "printed"), ("letter", "signed copy returned")]


def test_compensation_follows_the_decision_and_precedes_the_thanks(decided: Complaint,
                                                                   tmp_path: Path) -> None:
    text = squeezed(pdf_text(build_letter(
        letter_content.letter(decided.number, language="zh_CN", now=NOW), tmp_path / "l.pdf")))
    decision = text.index("为客户办理全额退款")
    amount = text.index("退款¥1,200.00（大写：壹仟贰佰元整）")
    thanks = text.index("感谢您对我们工作的监督与支持")
    assert decision < amount < thanks


def test_an_edited_letter_without_the_compensation_slot_still_lists_it(decided: Complaint,
                                                                       owner: User) -> None:
    replies.save_template(code="letter_upheld", language="zh_CN", title="告知书",
                          body="尊敬的{客户}：\n\n处理结果：{解决方案}\n\n此致", actor=owner,
                          now=NOW)
    data = letter_content.letter(decided.number, language="zh_CN", now=NOW)
    assert data.paragraphs == ("尊敬的王小芳：", "处理结果：为客户办理全额退款",
                               "• 退款 ¥1,200.00（大写：壹仟贰佰元整）", "此致")


def test_without_approved_compensation_the_slot_leaves_no_trace(make_case: MakeCase,
                                                                staff: User) -> None:
    case = workflow.move(make_case().id, "in_progress", actor=staff, now=NOW, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    case = workflow.move(case.id, "resolved", actor=staff, now=NOW, expected_version=case.version,
                         values={"root_cause": "RC03", "resolution": "更换新品"})
    for language in ("zh_CN", "en"):
        data = letter_content.letter(case.number, language=language, now=NOW)
        assert data.compensation == ()
        assert not any("{" in part or "•" in part for part in data.paragraphs), language


def _png(tmp_path: Path, name: str, width: int, height: int) -> str:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(0xFFC00000)
    path = tmp_path / name
    image.save(str(path))
    return base64.b64encode(path.read_bytes()).decode()


def test_logo_owner_signature_and_seal_are_placed_on_the_letter(decided: Complaint,
                                                                owner: User,
                                                                tmp_path: Path) -> None:
    for key, size in (("business.logo", (240, 80)), ("letter.owner_signature", (300, 100)),
                      ("letter.seal", (200, 200))):
        settings.set_value(key, _png(tmp_path, f"{key}.png", *size), actor=owner, now=NOW)
    path = build_letter(letter_content.letter(decided.number, language="zh_CN", now=NOW),
                        tmp_path / "letter.pdf")
    listed = subprocess.run(["pdfimages", "-list", str(path)], check=True, text=True,
                            capture_output=True).stdout.splitlines()[2:]
    sizes = sorted((int(row.split()[3]), int(row.split()[4])) for row in listed
                   if row.split()[2] == "image")
    assert sizes == [(200, 200), (240, 80), (300, 100)]


def test_the_summary_shows_what_was_approved_and_paid(decided: Complaint, staff: User,
                                                      tmp_path: Path) -> None:
    from app.models import CompensationOffer
    from app.services.compensation import payments

    offer = CompensationOffer.get(CompensationOffer.complaint == decided.id)
    payments.pay(offer.id, method="transfer", reference="ZZ-7788", actor=staff, now=NOW)
    text = squeezed(pdf_text(build_summary(summary(decided.number, language="zh_CN", now=NOW),
                                           tmp_path / "summary.pdf")))
    for expected in ("¥1,200.00", "已批准", "支付情况", "银行转账", "ZZ-7788"):
        assert expected in text, expected
