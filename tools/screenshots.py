"""Renders the README screenshots (Chinese window and documents, demo data; the analysis view
and the corrective actions in Chinese and in English) into docs/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QWidget

from app.i18n import EN, ZH, set_language
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
    for translator in translators:
        app.removeTranslator(translator)
    set_language(EN)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    save_analysis(context, window, "analysis-en.png")
    save_improvement(context, window, "-en")
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
