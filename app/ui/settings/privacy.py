"""Settings › Personal data: how long customers' personal data is kept, how many cases are past
it now, and the owner's run of retention (in the background), with what it does not reach."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.customers import retention
from app.services.permissions import Permission, allowed
from app.ui import messages
from app.ui.context import CASES, UiContext
from app.ui.operations import Operation
from app.ui.runner import Progress
from app.ui.settings.form import SettingsForm
from app.ui.widgets import button_row, when


class PrivacyPage(QWidget):
    """The retention period, the cases past it and the owner's Remove now."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.form = SettingsForm(context, ("privacy",))
        self.form.setEnabled(allowed(context.user, Permission.MANAGE_SETTINGS))
        self.preview = QLabel()
        self.preview.setObjectName("retention-preview")
        self.preview.setWordWrap(True)
        self.last = QLabel()
        self.recount = QPushButton(self.tr("Count again"))
        self.remove = QPushButton(self.tr("Remove their personal data now…"))
        self.remove.setObjectName("run-retention")
        box = QGroupBox(self.tr("Retention"))
        inner = QVBoxLayout(box)
        for widget in (self.preview, self.last):
            inner.addWidget(widget)
        inner.addLayout(button_row(self.recount, right=(self.remove,)))
        reach = QLabel(self.tr(
            "Removed: the customer's name, phone and address, every free text and the "
            "attachments. Kept: numbers, dates, categories, causes, amounts and outcomes, so "
            "the figures still count the cases. Not reached: backups made before the run keep "
            "the data until they are deleted (the monthly copies are kept for a year), and so do "
            "copies made before an upgrade or a restore."))
        reach.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(box)
        layout.addWidget(reach)
        layout.addStretch()
        self.recount.clicked.connect(self.load)
        self.remove.clicked.connect(self._on_remove)
        self.form.saved.connect(self.load)
        self.load()

    def load(self) -> None:
        """Counts the cases past retention now, and shows the last run."""
        now = self._context.now()
        self.plan = retention.plan(retention.default_before(now), now=now)
        self.preview.setText(self.tr(
            "Cases closed before %1: %2 would lose their personal data; passed by: %3 on "
            "legal hold, %4 still open to review.")
            .replace("%1", self.plan.before.isoformat()).replace("%2", str(self.plan.cases))
            .replace("%3", str(self.plan.held)).replace("%4", str(self.plan.reviewable)))
        found = retention.last_run()
        self.last.setText(self.tr("Last run: %1, cases closed before %2, %3 case(s).")
                          .replace("%1", when(found[0])).replace("%2", found[1])
                          .replace("%3", str(found[2])) if found else
                          self.tr("Retention has not been run yet."))
        self.remove.setEnabled(allowed(self._context.user, Permission.REMOVE_PERSONAL_DATA)
                               and self.plan.cases > 0)

    def _on_remove(self) -> None:
        """Called when the owner removes the personal data past retention."""
        question = self.tr("Remove for good the personal data of %1 case(s) closed before %2? "
                           "This cannot be undone.").replace("%1", str(self.plan.cases)) \
            .replace("%2", self.plan.before.isoformat())
        if not messages.confirm(self, question):
            return
        before, user, now = self.plan.before, self._context.user, self._context.now()

        def job(progress: Progress) -> retention.RetentionRun:
            return retention.run(before, actor=user, now=now)

        Operation(self, self._context, CASES).run_in_background(
            self.tr("Removing personal data"), job, self._on_done)

    def _on_done(self, run: retention.RetentionRun) -> None:
        """Called when the run is over: what it removed."""
        removed = run.removal.cases if run.removal else 0
        messages.show_info(self, self.tr("The personal data of %1 case(s) was removed.")
                           .replace("%1", str(removed)))
        self.load()
