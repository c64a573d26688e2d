"""One corrective action in its own window: what it is, its effect measured from the data,
the steps its reader may take, its cases, its timeline and the training given for it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.services.improvement import actions, lifecycle
from app.services.improvement.view import ActionDetails
from app.services.improvement.words import ACTION_STATUSES, FIELDS, FIVE_WHYS, joined, label
from app.services.text import clean
from app.ui import messages
from app.ui.context import Changes, UiContext
from app.ui.improvement import cases_tab
from app.ui.improvement.form import ActionFormDialog
from app.ui.improvement.steps import StepDialog, comparison_text
from app.ui.improvement.tables import fitted_table
from app.ui.improvement.training import TrainingDialog, training_rows, training_table
from app.ui.operations import Operation, explaining
from app.ui.widgets import button_row, fill, heading, text_box, when

ACTIONS_CHANGED = Changes(actions=True)


class ActionView(QDialog):
    """An action (non-modal: a manager keeps several open); `open_case(id)` asks the main
    window for a case."""

    open_case = Signal(int)

    def __init__(self, context: UiContext, action_id: int, parent: QWidget | None = None,
                 ) -> None:
        super().__init__(parent)
        self._context = context
        self._action_id = action_id
        self.details: ActionDetails | None = None
        self._stored: dict[str, str] = {}  # the work as last read, to tell what is unsaved
        self.setModal(False)
        self._build_ui()
        context.actions_changed.connect(self.reload)
        self.reload()
        self.resize(1000, 680)

    def _build_ui(self) -> None:
        self.title = heading("", size=15)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.effect = QLabel()
        self.effect.setObjectName("effect")
        self.effect.setWordWrap(True)
        effect_box = QGroupBox(self.tr("Effect, measured from the data"))
        QVBoxLayout(effect_box).addWidget(self.effect)
        self.steps_row = QHBoxLayout()
        self.tabs = QTabWidget()
        self.cases = cases_tab.CasesTab(self._context, self._action_id)
        self.cases.open_case.connect(self.open_case)
        self.timeline = fitted_table([self.tr("When"), self.tr("Who"), self.tr("What"),
                                      self.tr("Change"), self.tr("Note")], stretch=3,
                                     wrap=True)
        self.trainings = training_table()
        for widget, title in ((self._work_page(), self.tr("The work")),
                              (self.cases, self.tr("Cases")),
                              (self.timeline, self.tr("Timeline")),
                              (self._training_page(), self.tr("Training"))):
            self.tabs.addTab(widget, title)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.summary, effect_box):
            layout.addWidget(widget)
        layout.addLayout(self.steps_row)
        layout.addWidget(self.tabs, 1)

    def _work_page(self) -> QWidget:
        page = QWidget()
        self.containment, self.analysis, self.measure = text_box(3), text_box(7), text_box(4)
        self.analysis.setPlaceholderText(str(FIVE_WHYS))
        self.save = QPushButton(self.tr("Save the work"))
        self.save.setObjectName("save-work")
        self.note = QPushButton(self.tr("Note progress…"))
        self.save.clicked.connect(self._on_save)
        self.note.clicked.connect(self._on_note)
        form = QFormLayout()
        form.addRow(self.tr("Containment now"), self.containment)
        form.addRow(self.tr("Cause analysis (5 whys)"), self.analysis)
        form.addRow(self.tr("Corrective action"), self.measure)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addStretch()
        layout.addLayout(button_row(self.note, right=(self.save,)))
        return page

    def _training_page(self) -> QWidget:
        page = QWidget()
        self.add_training = QPushButton(self.tr("Record training…"))
        self.add_training.clicked.connect(self._on_training)
        layout = QVBoxLayout(page)
        layout.addWidget(self.trainings)
        layout.addLayout(button_row(self.add_training))
        return page

    def reload(self) -> None:
        """Reads the action again and redraws it."""
        try:
            with explaining():
                self.details = d = ActionDetails.load(self._action_id, reader=self._context.user,
                                                      now=self._context.now())
        except DeskError as error:
            messages.show_error(self, error)
            return
        self.setWindowTitle(f"#{d.id} {d.title}")
        self.title.setText(f"#{d.id}  {d.title}  ·  {label(ACTION_STATUSES, d.status)}")
        self.summary.setText(self._summary(d))
        self.effect.setText(comparison_text(d.comparison) if d.done_at else
                            self.tr("Measured once the action is done: new cases with the same "
                                    "cause after it, against as long before it."))
        self._show_work(d)
        self.save.setEnabled(d.may_work and d.status not in ("verified", "cancelled"))
        self.note.setEnabled(self.save.isEnabled())
        self.add_training.setVisible(d.may_manage)
        self.cases.show_action(d)
        fill(self.timeline, [(when(e.at), e.actor_name or "—", e.what, e.describe(), e.note)
                             for e in d.timeline])
        fill(self.trainings, training_rows(d.trainings))
        self._rebuild_steps(d)

    def _work_boxes(self) -> dict[str, QPlainTextEdit]:
        return {"containment": self.containment, "cause_analysis": self.analysis,
                "measure": self.measure}

    def _show_work(self, d: ActionDetails) -> None:
        """Shows the stored work, except what the user typed and has not saved yet: a reload
        (a note, a step, someone else's change) must not throw typed work away."""
        typed = self.unsaved()
        # Saved meanwhile by someone else, under what is typed here: said, not overwritten.
        clashes = [name for name, text in typed.items() if clean(getattr(d, name))
                   not in (clean(self._stored.get(name, "")), clean(text))]
        read_only = not d.may_work or d.status in ("verified", "cancelled")
        for name, box in self._work_boxes().items():
            box.setReadOnly(read_only)
            if read_only or name not in typed:
                box.setPlainText(getattr(d, name))
        self._stored = {name: getattr(d, name) for name in self._work_boxes()}
        if clashes and not read_only:
            messages.show_info(self, self.tr(
                "Someone else saved %1 while you were typing it here. Your text is kept in "
                "its box: compare it with theirs on the timeline before you save.").replace(
                "%1", joined(str(FIELDS[f"action.{name}"]) for name in clashes)))

    def unsaved(self) -> dict[str, str]:
        """The work typed in the boxes and not saved yet, by the action's field names."""
        return {name: box.toPlainText() for name, box in self._work_boxes().items()
                if not box.isReadOnly()
                and clean(box.toPlainText()) != clean(self._stored.get(name, ""))}

    def _summary(self, d: ActionDetails) -> str:
        parts = [self.tr("Action owner: %1").replace("%1", d.owner_name),
                 self.tr("Due: %1").replace("%1", d.due_on.isoformat())]
        if d.department:
            parts.append(self.tr("Department: %1").replace("%1", d.department.name))
        if d.check_on:
            parts.append(self.tr("Effect checked on: %1").replace("%1", d.check_on.isoformat()))
        causes = joined(e.name for e in (*d.root_causes, *d.categories)) or "—"
        parts.append(self.tr("Addresses: %1").replace("%1", causes))
        return "   |   ".join(parts)

    def _rebuild_steps(self, d: ActionDetails) -> None:
        while (item := self.steps_row.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()
                widget.deleteLater()
        for target in d.moves:
            button = QPushButton(self._step_name(target))
            button.setObjectName(f"step-{target}")
            button.clicked.connect(lambda _c=False, t=target: self._on_step(t))
            self.steps_row.addWidget(button)
        if d.may_manage and d.status not in ("verified", "cancelled"):
            edit = QPushButton(self.tr("Change…"))
            edit.setObjectName("edit-action")
            edit.clicked.connect(self._on_edit)
            self.steps_row.addWidget(edit)
        self.steps_row.addStretch()

    def _step_name(self, target: str) -> str:
        return {"in_progress": self.tr("Start the work"), "done": self.tr("Mark done"),
                "verified": self.tr("Verified effective"),
                "not_effective": self.tr("Not effective"),
                "cancelled": self.tr("Cancel the action")}.get(target, target)

    def _on_step(self, target: str) -> None:
        """Called when a step's button is clicked: its dialog, then the service."""
        d = self.details
        assert d is not None
        verdict = target in ("verified", "not_effective")

        def submit(note: str) -> None:
            # The work typed and not saved goes with the step, in its transaction: what the
            # user sees in the boxes is what the step is judged on (done needs the analysis).
            with explaining():
                lifecycle.move_action(d.id, target, expected_version=d.version,
                                      actor=self._context.user, now=self._context.now(),
                                      note=note, values=self.unsaved())

        dialog = StepDialog(self._step_name(target), self._step_help(target), submit,
                            note_label=self.tr("Note (required to cancel or to say it did not "
                                               "work)"),
                            comparison=comparison_text(d.comparison) if verdict else "",
                            parent=self)
        Operation(self, self._context, ACTIONS_CHANGED).run_dialog(dialog)

    def _step_help(self, target: str) -> str:
        return {"in_progress": self.tr("The work on this action begins."),
                "done": self.tr("The action is in place. Its effect is checked on its check "
                                "date, from the cases that come in meanwhile."),
                "verified": self.tr("The data shows the cause is fixed."),
                "not_effective": self.tr("The cause is not fixed: the action is marked not "
                                         "effective, and its owner starts the work on it "
                                         "again."),
                "cancelled": self.tr("The action is dropped; say why.")}.get(target, "")

    def _on_save(self) -> bool:
        """Called when the owner saves the containment, the analysis and the action."""
        d = self.details
        assert d is not None
        values = {"containment": self.containment.toPlainText(),
                  "cause_analysis": self.analysis.toPlainText(),
                  "measure": self.measure.toPlainText()}
        return Operation(self, self._context, ACTIONS_CHANGED).run(lambda: actions.update_action(
            d.id, values=values, expected_version=d.version, actor=self._context.user,
            now=self._context.now()))

    def done(self, result: int) -> None:
        """Closing with work typed and not saved asks first: saved, or left on purpose."""
        if self.details is not None and self.unsaved() and self.isVisible():
            keep = messages.confirm(self, self.tr(
                "The work typed in this action is not saved. Save it before closing? "
                "(No closes without saving it.)"))
            if keep and not self._on_save():
                return  # refused (someone changed it meanwhile): the window stays open
        super().done(result)

    def _on_note(self) -> None:
        """Called when the owner notes progress in words."""
        d = self.details
        assert d is not None

        def submit(note: str) -> None:
            with explaining():
                actions.add_note(d.id, note, actor=self._context.user, now=self._context.now())

        Operation(self, self._context, ACTIONS_CHANGED).run_dialog(StepDialog(
            self.tr("Note progress"), self.tr("What was done, found or decided."), submit,
            note_label=self.tr("Progress"), parent=self))

    def _on_edit(self) -> None:
        """Called when a manager changes the title, owner, due date or what it addresses."""
        d = self.details
        assert d is not None
        values = {"title": d.title, "owner": d.owner, "due_on": d.due_on,
                  "department": d.department.code if d.department else None,
                  "root_causes": [e.code for e in d.root_causes],
                  "categories": [e.code for e in d.categories]}

        def submit(given: dict) -> None:
            with explaining():
                actions.update_action(d.id, values=given, expected_version=d.version,
                                      actor=self._context.user, now=self._context.now())

        Operation(self, self._context, ACTIONS_CHANGED).run_dialog(ActionFormDialog(
            submit, today=self._context.now().date(), values=values, editing=True, parent=self))

    def _on_training(self) -> None:
        """Called when a manager records training given for this action."""
        Operation(self, self._context, ACTIONS_CHANGED).run_dialog(
            TrainingDialog(self._context, action_id=self._action_id, parent=self))
