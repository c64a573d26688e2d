"""A customer's own record: every case under their phone (and the records joined into
them), as a PDF with the embedded font and as a workbook; each case notes it was given."""

from collections.abc import Callable
from pathlib import Path

import openpyxl

from app.models import Complaint, Event, User
from app.services.casework import merging
from app.services.customers import details, joining
from app.services.documents import own_record
from tests.conftest import NOW
from tests.reports.conftest import pdf_fonts, pdf_text, squeezed

MakeCase = Callable[..., Complaint]


def test_the_record_holds_every_case_of_the_person(make_case: MakeCase, staff: User,
                                                   manager: User, tmp_path: Path) -> None:
    first = make_case(customer_name="欧阳娜娜", phone="13911112222", description="电饭煲冒烟")
    second = make_case(customer_name="欧阳娜娜", phone="13911112222", description="再次来电")
    other_phone = make_case(customer_name="欧阳娜娜", phone="13533334444",
                            description="微波炉门关不上", category="delivery")
    make_case(customer_name="李雷", phone="13855556666", description="别人的投诉")
    merging.merge(second.id, first.id, actor=manager, now=NOW, merged_version=1,
                  into_version=1)
    joining.join(first.customer_id, other_phone.customer_id, actor=manager, now=NOW)
    customer = details.customer_by_phone("13533334444")  # either phone finds the person
    pdf, book = tmp_path / "record.pdf", tmp_path / "record.xlsx"
    own_record.write(customer.id, pdf=pdf, workbook=book, language="zh_CN", actor=staff,
                     now=NOW)

    text = squeezed(pdf_text(pdf))
    for expected in ("客户个人信息记录", "欧阳娜娜", "13911112222", "13533334444", first.number,
                     second.number, other_phone.number, "电饭煲冒烟", "微波炉门关不上"):
        assert squeezed(expected) in text, expected
    assert "李雷" not in text and "别人的投诉" not in text
    assert all(font["emb"] == "yes" for font in pdf_fonts(pdf))
    sheets = openpyxl.load_workbook(book, read_only=True)
    cases = [row[0] for row in sheets["投诉"].iter_rows(min_row=2, values_only=True)]
    assert sorted(cases) == sorted([first.number, second.number, other_phone.number])
    assert Event.select().where(Event.kind == "own_record").count() == 2  # not the merged one


def test_staff_may_give_it_in_english(make_case: MakeCase, staff: User, tmp_path: Path) -> None:
    case = make_case(customer_name="Ann Lee", phone="13911112222")
    own_record.write(case.customer_id, pdf=tmp_path / "r.pdf", workbook=None, language="en",
                     actor=staff, now=NOW)
    text = pdf_text(tmp_path / "r.pdf")
    assert "Personal data kept about a customer" in text and "Ann Lee" in text
    assert Event.get(Event.kind == "own_record").new_value == "pdf"
