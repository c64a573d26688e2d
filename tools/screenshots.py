"""Renders the README screenshots (Chinese window and documents, demo data; the analysis view,
the corrective actions, the merge dialog and intake's duplicate warning in Chinese and in
English) into docs/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QWidget

from app.i18n import EN, ZH, set_language
from app.models import Complaint
from app.services import users
from app.services.demo import generate
from app.services.desk.store import close_desk, open_desk
from app.services.register import listing
from app.services.register.listing import CaseQuery
from app.ui.app import make_application
from app.ui.context import UiContext
from app.ui.intake.dialog import IntakeDialog
from app.ui.main_window import MainWindow
from app.ui.printing.preview import page_image
from app.ui.translation import install_translators

DOCS = Path(__file__).resolve().parent.parent / "docs"
NOW = datetime(2026, 11, 20, 15, 30)


def save(widget: QWidget, name: str) -> None:
    """Lets the widget lay itself out, then writes its picture to docs/."""
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(DOCS / name))
    print(DOCS / name)


def main() -> None:
    """Builds a demo database and photographs the register, the intake form and a case."""
    app = make_application()
    app.setOrganizationName("ComplaintDeskScreenshots")
    set_language(ZH)
    translators = install_translators(app, ZH)
    folder = Path(tempfile.mkdtemp())
    open_desk(str(folder / "demo.sqlite3"))
    generate.fill_demo(cases=3000, seed=1, now=NOW)
    context = UiContext(clock=lambda: NOW)
    context.sign_in(users.authenticate("staff1", "demo", now=NOW))
    DOCS.mkdir(exist_ok=True)
    window = MainWindow(context)
    window.resize(1366, 768)
    save(window, "register.png")
    intake = IntakeDialog(context, parent=window)
    returning = listing.fetch_page(CaseQuery(statuses=("closed",)), now=NOW, limit=1)[0]
    intake.phone.setText(returning.phone)
    intake.description.setPlainText("上周买的电饭煲又坏了，第二次出现无法开机，要求退货。")
    intake.category.setCurrentIndex(intake.category.findData("product_quality"))
    save(intake, "intake.png")
    busy = listing.fetch_page(CaseQuery(statuses=("resolved",)), now=NOW, limit=1)[0]
    case = window.open_case(busy.id)
    case.tabs.setCurrentIndex(1)
    save(case, "case.png")
    save_documents(busy.number, folder)
    save_analysis(context, window, "analysis.png")
    save_improvement(context, window, "")
    save_duplicates(context, window, "", CALLED_TWICE[ZH])
    for translator in translators:
        app.removeTranslator(translator)
    set_language(EN)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    save_analysis(context, window, "analysis-en.png")
    save_improvement(context, window, "-en")
    save_duplicates(context, window, "-en", CALLED_TWICE[EN])
    close_desk()
    del translators


def save_analysis(context: UiContext, window: MainWindow, name: str) -> None:
    """The analysis view on October (a whole month) as the owner sees it, at 1366×768."""
    from app.services.analysis.period import Period
    from app.ui.analysis.view import AnalysisView
    from app.ui.runner import wait_for_jobs

    context.sign_in(users.authenticate("owner", "demo", now=NOW))
    view = AnalysisView(context, parent=window)
    view.resize(1366, 768)
    view.show_period(Period.month(2026, 10))
    wait_for_jobs()
    for _ in range(20):
        QApplication.processEvents()
    save(view, name)
    view.close()


def save_improvement(context: UiContext, window: MainWindow, suffix: str) -> None:
    """The corrective actions as a manager sees them, the verified action with its effect,
    and a waiting early warning with its cases, each at 1366×768."""
    from app.services.improvement import listing as actions
    from app.services.improvement.warning_view import open_warnings
    from app.ui.improvement.action_list import ActionsWindow
    from app.ui.improvement.action_view import ActionView
    from app.ui.improvement.warning_dialog import WarningDialog

    context.sign_in(users.authenticate("manager", "demo", now=NOW))
    shots: list[tuple[QWidget, str]] = [(ActionsWindow(context, parent=window), "actions")]
    verified = actions.list_actions(actor=context.user, status="verified")[0]
    shots.append((ActionView(context, verified.id, parent=window), "action"))
    waiting = max(open_warnings(reader=None)[0], key=lambda info: len(info.case_ids))
    shots.append((WarningDialog(context, waiting.id, parent=window), "warning"))
    for widget, name in shots:
        widget.resize(1366, 768)
        save(widget, f"{name}{suffix}.png")
        widget.close()


# A customer who called twice about one fault, in the screen's language: (name, phone,
# address, what they said the first time, the second time, and at the counter).
CALLED_TWICE = {
    ZH: ("陈静", "13912345678", "西湖区文三路 88 号", "电饭煲用了一周就不能开机，要求换新。",
         "又来电：电饭煲还是不能开机，已经等了三天，希望尽快换货。",
         "到门店反映：电饭煲仍无法开机，带来了购物小票。"),
    EN: ("Chen Jing", "13987654321", "88 Wensan Road", "The rice cooker stopped working after a "
         "week; she wants a new one.", "Called again: the rice cooker still does not switch "
         "on, three days of waiting; wants the exchange soon.", "At the counter: the rice "
         "cooker still does not switch on; brought the receipt."),
}


def save_duplicates(context: UiContext, window: MainWindow, suffix: str,
                    texts: tuple[str, ...]) -> None:
    """The merge dialog on a customer's second call (at 1366×768), then, the two merged,
    intake's warning of a third call over the intake form."""
    from app.services.casework import duplicates, followups, merging
    from app.ui.case.merge_dialog import MergeDialog
    from app.ui.intake.duplicate import DuplicateWarning

    context.sign_in(users.authenticate("manager", "demo", now=NOW))
    first, second = _called_twice(context, texts)
    followups.add_follow_up(second.id, due_at=NOW + timedelta(hours=2), note=texts[4][:20],
                            actor=context.user, now=NOW)
    merge = MergeDialog(context, second.id, lambda *_args: None, parent=window)
    merge.resize(1366, 768)
    save(merge, f"merge{suffix}.png")
    merge.close()
    merging.merge(second.id, first.id, actor=context.user, now=NOW, merged_version=1,
                  into_version=1)
    intake = IntakeDialog(context, parent=window)
    intake.resize(1366, 768)
    intake.phone.setText(texts[1])
    intake.category.setCurrentIndex(intake.category.findData("product_quality"))
    intake.description.setPlainText(texts[5])
    found = duplicates.likely_duplicates(texts[1], "product_quality", now=NOW)
    save_over(intake, DuplicateWarning(found, texts[5], parent=intake), f"duplicate{suffix}.png")
    intake.close()


def _called_twice(context: UiContext, texts: tuple[str, ...]) -> list[Complaint]:
    from app.services.casework.intake import IntakeForm, record_complaint

    name, phone, address, *said = texts
    return [record_complaint(IntakeForm(
        customer_name=name, phone=phone, address=address, channel=channel,
        category="product_quality", description=words,
        received_at=NOW - timedelta(minutes=minutes)), actor=context.user, now=NOW)
        for minutes, channel, words in ((95, "phone", said[0]), (20, "wechat", said[1]))]


def save_over(background: QWidget, dialog: QWidget, name: str) -> None:
    """The dialog at its own size, framed, in the middle of the window behind it."""
    background.show()
    dialog.show()
    for _ in range(5):
        QApplication.processEvents()
    picture, shown = background.grab(), dialog.grab()
    painter = QPainter(picture)
    left = (picture.width() - shown.width()) // 2
    top = (picture.height() - shown.height()) // 2
    painter.drawPixmap(left, top, shown)
    painter.setPen(QColor("#555555"))
    painter.drawRect(left - 1, top - 1, shown.width() + 1, shown.height() + 1)
    painter.end()
    picture.save(str(DOCS / name))
    dialog.close()
    print(DOCS / name)


def save_documents(receipt_number: str, folder: Path) -> None:
    """The first page of a receipt, a letter with compensation in money, and a summary."""
    from app.reports.letter import build_letter
    from app.reports.receipt import build_receipt
    from app.reports.summary import build_summary
    from app.services.documents import letter_content, papers
    from app.services.documents.summary import summary

    lettered = next(number for number in papers.decided_numbers(status="closed")
                    if "¥" in "".join(letter_content.letter(number, language=ZH,
                                                             now=NOW).compensation))
    pdfs = {"receipt": build_receipt(papers.receipt(receipt_number, language=ZH),
                                     folder / "receipt.pdf"),
            "letter": build_letter(letter_content.letter(lettered, language=ZH, now=NOW),
                                   folder / "letter.pdf"),
            "summary": build_summary(summary(lettered, language=ZH, now=NOW),
                                     folder / "summary.pdf")}
    for name, pdf in pdfs.items():
        document = QPdfDocument()
        document.load(str(pdf))
        page_image(document, 0, 900).save(str(DOCS / f"{name}.png"))
        print(DOCS / f"{name}.png")


if __name__ == "__main__":
    main()
