"""Settings › Early warnings (预警规则): the rules, their thresholds and windows, each on or
off; managers and the owner change them (the services refuse anyone else)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models import WarningRule
from app.services.improvement import rules
from app.services.improvement.words import COUNT_DIMENSIONS, RULE_KINDS, label
from app.ui.context import ACTIONS, UiContext
from app.ui.operations import Operation
from app.ui.widgets import button_row, fill_combo, fit_columns

NUMBERS = ("threshold", "days", "minimum")


class RulesEditor(QWidget):
    """One row per rule: what it watches in words, its numbers, on or off."""

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context
        self._rules: list[WarningRule] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("warning-rules")
        self.table.setHorizontalHeaderLabels([self.tr("Rule"), self.tr("Threshold"),
                                              self.tr("Days"), self.tr("At least"),
                                              self.tr("On")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(0, 430)
        self.save = QPushButton(self.tr("Save the rules"))
        self.save.setObjectName("save-rules")
        self.kind = QComboBox()
        fill_combo(self.kind, [(f"{label(RULE_KINDS, 'count')} · {text}", ("count", code))
                               for code, text in COUNT_DIMENSIONS.items()]
                   + [(label(RULE_KINDS, kind), (kind, "")) for kind in RULE_KINDS
                      if kind != "count"])
        self.add = QPushButton(self.tr("Add rule"))
        self.save.clicked.connect(self._on_save)
        self.add.clicked.connect(self._on_add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(button_row(self.kind, self.add, right=(self.save,)))
        self.reload()

    def reload(self) -> None:
        """Shows every rule, those switched off included."""
        self._rules = rules.all_rules()
        self.table.setRowCount(len(self._rules))
        for row, rule in enumerate(self._rules):
            self.table.setItem(row, 0, QTableWidgetItem(str(rules.describe_rule(rule))))
            limits = rules.LIMITS[rule.kind]
            for column, name in enumerate(NUMBERS, start=1):
                low, high = getattr(limits, name)
                spin = QSpinBox()
                spin.setRange(low, high)
                spin.setValue(getattr(rule, name))
                spin.setEnabled(low < high)
                self.table.setCellWidget(row, column, spin)
            active = QCheckBox()
            active.setChecked(rule.active)
            self.table.setCellWidget(row, 4, active)
        fit_columns(self.table)  # the titles in full, in either language

    def edited(self) -> list[tuple[int, dict[str, int | bool]]]:
        """Each rule whose numbers or switch differ from what is saved, with the new values."""
        changed = []
        for row, rule in enumerate(self._rules):
            values: dict[str, int | bool] = {}
            for column, name in enumerate(NUMBERS, start=1):
                spin = self.table.cellWidget(row, column)
                if isinstance(spin, QSpinBox) and spin.value() != getattr(rule, name):
                    values[name] = spin.value()
            active = self.table.cellWidget(row, 4)
            if isinstance(active, QCheckBox) and active.isChecked() != rule.active:
                values["active"] = active.isChecked()
            if values:
                changed.append((rule.id, values))
        return changed

    def _on_save(self) -> None:
        """Called when the user saves the rules they changed."""
        changes = self.edited()

        def save() -> None:
            for rule_id, values in changes:
                rules.update_rule(rule_id, values=values, actor=self._context.user,
                                  now=self._context.now())

        Operation(self, self._context, ACTIONS).run(save, lambda _r: self.reload())

    def _on_add(self) -> None:
        """Called when the user adds a rule of the kind chosen, with the usual numbers."""
        kind, dimension = self.kind.currentData()
        threshold, days, minimum = next((t, d, m) for k, dim, t, d, m in rules.DEFAULT_RULES
                                        if k == kind and dim == dimension)
        Operation(self, self._context, ACTIONS).run(lambda: rules.add_rule(
            kind=kind, dimension=dimension, threshold=threshold, days=days, minimum=minimum,
            actor=self._context.user, now=self._context.now()), lambda _r: self.reload())
