"""The layout pieces every document shares: table cells and text with line breaks."""

from collections.abc import Callable
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer

from app.models import Complaint
from app.reports.pdf import CANNOT_START, FONT, cell, para, paras, styles
from app.reports.receipt import build_receipt
from app.reports.summary import build_summary
from app.services.documents import papers
from app.services.documents.summary import summary
from tests.conftest import NOW
from tests.reports.conftest import pdf_fonts, pdf_text, squeezed

MakeCase = Callable[..., Complaint]


def test_a_cell_is_plain_text_only_when_it_fits_on_one_line() -> None:
    assert cell("退货退款", 100) == "退货退款"
    assert isinstance(cell("冰箱不制冷" * 10, 100), Paragraph)  # would overflow the column
    assert isinstance(cell("第一行\n第二行", 300), Paragraph)  # keeps its line break


def test_text_with_line_breaks_becomes_one_paragraph_per_line() -> None:
    parts = paras("您反映：冰箱不制冷。\n\n您的诉求：退货")
    assert [type(part) for part in parts] == [Paragraph, Spacer, Paragraph]
    assert parts[2].getPlainText() == "您的诉求：退货"


def test_no_line_starts_with_chinese_punctuation() -> None:
    first_line = "冰箱标价503元结账时收了561元收银员"  # the mark falls just past its end
    width = stringWidth(first_line, FONT, styles()["body"].fontSize)
    for mark in CANNOT_START:
        text = first_line + mark + "没有解释" * 12
        paragraph = para(text)
        paragraph.wrap(width, 1000)
        starts = [line[1][0][0] for line in paragraph.blPara.lines]
        assert mark not in starts, (mark, [line[1][0] for line in paragraph.blPara.lines])


def test_plain_cells_are_drawn_in_the_embedded_chinese_font(make_case: MakeCase,
                                                            tmp_path: Path) -> None:
    case = make_case(customer_name="欧阳娜娜", wish="换新")
    path = build_summary(summary(case.number, language="zh_CN", now=NOW), tmp_path / "s.pdf")
    text = pdf_text(path)
    assert "欧阳娜娜" in text and "换新" in text and case.number in text
    # A plain-string cell without the font commands would fall back to Helvetica.
    assert [(f["type"], f["emb"]) for f in pdf_fonts(path)] == [("TrueType", "yes")]


def test_a_long_description_wraps_inside_the_receipt(make_case: MakeCase,
                                                     tmp_path: Path) -> None:
    description = "洗衣机脱水时剧烈晃动并发出异响，" * 8 + "最后一句在这里。"
    case = make_case(description=description)
    path = build_receipt(papers.receipt(case.number, language="zh_CN"), tmp_path / "r.pdf")
    assert squeezed(description) in squeezed(pdf_text(path))  # every word, none cut off
