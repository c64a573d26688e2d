"""Renders the README screenshots into docs/: the window at 1366×768 in Chinese (`name.png`)
and in English (`name-en.png`) on demo data — the register with its reminders and the
approvals queue, intake, a case, the approval dialog, the settings, the analysis and the
corrective actions (the list, a verified action, an early warning), the merge dialog and
intake's duplicate warning — and the first page of a receipt, a letter and a case summary.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [--only NAME…]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QWidget

from app.i18n import EN, ZH, set_language
from app.models import Complaint
from app.services import users
from app.services.compensation import figures
from app.services.demo import generate
from app.services.desk.store import close_desk, open_desk
from app.services.register import listing
from app.services.register.listing import CaseQuery
from app.ui.app import make_application
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.printing.preview import page_image
from app.ui.runner import wait_for_jobs
from app.ui.translation import install_translators

DOCS = Path(__file__).resolve().parent.parent / "docs"
NOW = datetime(2026, 11, 20, 15, 30)
SCREEN = (1366, 768)


def save(widget: QWidget, name: str, language: str) -> None:
    """Lets the widget lay itself out, then writes its picture to docs/ (`-en` in English)."""
    widget.show()
    settle()
    path = DOCS / (f"{name}.png" if language == ZH else f"{name}-en.png")
    widget.grab().save(str(path))
    print(path)


def settle() -> None:
    """Lets the windows lay themselves out and take in what the worker reads (the counts,
    the reminders, the analysis), which may start more reading."""
    for _ in range(5):
        wait_for_jobs()
        for _ in range(10):
            QApplication.processEvents()


def signed_in(username: str) -> UiContext:
    """A window's context for a demo account, the clock at NOW."""
    context = UiContext(clock=lambda: NOW)
    context.sign_in(users.authenticate(username, "demo", now=NOW))
    return context


def shoot(language: str, wanted: set[str]) -> None:
    """Every screen in `language`."""
    application = QApplication.instance()
    set_language(language)
    translators = install_translators(application, language)  # type: ignore[arg-type]
    manager = signed_in("manager")
    window = MainWindow(manager)
    window.resize(*SCREEN)
    window.show()
    window.watch.check()
    screens = {"register": lambda: save(window, "register", language),
               "intake": lambda: save_intake(manager, window, language),
               "case": lambda: save_case(window, language),
               "approval": lambda: save_approval(manager, window, language),
               "settings": lambda: save_settings(window, language),
               "analysis": lambda: save_analysis(window, language),
               "improvement": lambda: save_improvement(window, language),
               "duplicates": lambda: save_duplicates(window, language)}
    for name, take in screens.items():
        if not wanted or name in wanted:
            take()
    window.close()
    for translator in translators:
        application.removeTranslator(translator)  # type: ignore[union-attr]


def save_intake(context: UiContext, window: MainWindow, language: str) -> None:
    """The intake form half filled for a returning customer."""
    from app.ui.intake.dialog import IntakeDialog

    intake = IntakeDialog(context, parent=window)
    returning = listing.fetch_page(CaseQuery(statuses=("closed",)), now=NOW, limit=1)[0]
    intake.phone.setText(returning.phone)
    intake.description.setPlainText(TYPED_AT_INTAKE[language])
    intake.category.setCurrentIndex(intake.category.findData("product_quality"))
    save(intake, "intake", language)
    intake.done(0)  # closed as it is: no question about what was typed


TYPED_AT_INTAKE = {ZH: "上周买的电饭煲又坏了，第二次出现无法开机，要求退货。",
                   EN: "The rice cooker bought last week broke again: the second time it will "
                       "not switch on. Wants a refund."}


def save_case(window: MainWindow, language: str) -> None:
    """A decided case with compensation, on its timeline."""
    busy = next(row for row in listing.fetch_page(CaseQuery(statuses=("resolved",)), now=NOW,
                                                  limit=50) if row.approved_fen)
    case = window.open_case(busy.id)
    case.tabs.setCurrentIndex(1)
    save(case, "case", language)
    case.close()


def save_approval(context: UiContext, window: MainWindow, language: str) -> None:
    """The decision on the oldest offer waiting for approval."""
    from app.ui.compensation.approval import ApprovalDialog

    waiting = figures.waiting()[0]
    dialog = ApprovalDialog(figures.approval_view(waiting.id), lambda *_a: None, parent=window)
    save(dialog, "approval", language)
    dialog.close()


def save_settings(window: MainWindow, language: str) -> None:
    """The settings as the owner sees them, at the hours and deadlines."""
    from app.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(signed_in("owner"), parent=window)
    dialog.tabs.setCurrentIndex(1)
    save(dialog, "settings", language)
    dialog.close()


def save_analysis(window: MainWindow, language: str) -> None:
    """The analysis view on October (a whole month) as the owner sees it, at 1366×768."""
    from app.services.analysis.period import Period
    from app.ui.analysis.view import AnalysisView

    view = AnalysisView(signed_in("owner"), parent=window)
    view.resize(*SCREEN)
    view.show_period(Period.month(2026, 10))
    save(view, "analysis", language)
    view.close()


def save_improvement(window: MainWindow, language: str) -> None:
    """The corrective actions as a manager sees them, the verified action with its effect,
    and a waiting early warning with its cases, each at 1366×768."""
    from app.services.improvement import listing as actions
    from app.services.improvement.warning_view import open_warnings
    from app.ui.improvement.action_list import ActionsWindow
    from app.ui.improvement.action_view import ActionView
    from app.ui.improvement.warning_dialog import WarningDialog

    context = signed_in("manager")
    shots: list[tuple[QWidget, str]] = [(ActionsWindow(context, parent=window), "actions")]
    verified = actions.list_actions(actor=context.user, status="verified")[0]
    shots.append((ActionView(context, verified.id, parent=window), "action"))
    waiting = max(open_warnings(reader=None)[0], key=lambda info: len(info.case_ids))
    shots.append((WarningDialog(context, waiting.id, parent=window), "warning"))
    for widget, name in shots:
        widget.resize(*SCREEN)
        save(widget, name, language)
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


def save_duplicates(window: MainWindow, language: str) -> None:
    """The merge dialog on a customer's second call (at 1366×768), then, the two merged,
    intake's warning of a third call over the intake form."""
    from app.services.casework import duplicates, followups, merging
    from app.ui.case.merge_dialog import MergeDialog
    from app.ui.intake.dialog import IntakeDialog
    from app.ui.intake.duplicate import DuplicateWarning

    context, texts = signed_in("manager"), CALLED_TWICE[language]
    suffix = "" if language == ZH else "-en"
    first, second = _called_twice(context, texts)
    followups.add_follow_up(second.id, due_at=NOW + timedelta(hours=2), note=texts[4][:20],
                            actor=context.user, now=NOW)
    merge = MergeDialog(context, second.id, lambda *_args: None, parent=window)
    merge.resize(1366, 768)
    save(merge, "merge", language)
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
    intake.done(0)  # closed as it is: no question about what was typed


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
    settle()
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


def save_documents(folder: Path) -> None:
    """The first page of a receipt, a letter with compensation in money, and a summary."""
    from app.reports.letter import build_letter
    from app.reports.receipt import build_receipt
    from app.reports.summary import build_summary
    from app.services.documents import letter_content, papers
    from app.services.documents.summary import summary

    receipt_number = Complaint.select(Complaint.number).order_by(Complaint.id.desc()).scalar()
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


def main() -> None:
    """Builds a demo database (or reuses COMPLAINT_DESK_SCREENSHOT_DB) and takes the pictures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], help="register, intake, case, "
                        "approval, settings, analysis, improvement, duplicates, documents")
    wanted = set(parser.parse_args().only)
    application = make_application()
    application.setOrganizationName("ComplaintDeskScreenshots")
    folder = Path(tempfile.mkdtemp())
    database = Path(os.environ.get("COMPLAINT_DESK_SCREENSHOT_DB") or folder / "demo.sqlite3")
    DOCS.mkdir(exist_ok=True)
    for language in (EN, ZH):  # each on a demo in its own language, like the window's demo
        open_demo(database if language == ZH else database.with_stem(database.stem + "-en"),
                  language)
        shoot(language, wanted - {"documents"})
        if language == EN:
            close_desk()
    set_language(ZH)
    if not wanted or "documents" in wanted:
        save_documents(folder)
    close_desk()


def open_demo(database: Path, language: str) -> None:
    """Opens the demo database of `language`, filling it the first time."""
    fresh = not database.exists()
    open_desk(str(database))
    if fresh:
        generate.fill_demo(cases=3000, seed=1, now=NOW, language=language)


if __name__ == "__main__":
    main()
