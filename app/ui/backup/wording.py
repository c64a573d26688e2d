"""How a backup is described in the window: one line for the About box and the settings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.backup.records import KIND_NAMES, BackupInfo

translate = QCoreApplication.translate  # lupdate reads translate("backup", "…") calls


def last_backup(info: BackupInfo | None) -> str:
    """'2026-03-04 10:00, checked: 1,234 cases, the newest TS-2026-001234' or why it failed."""
    if info is None:
        return translate("backup", "None yet")
    when = info.started_at.strftime("%Y-%m-%d %H:%M")
    if not info.ok:
        return (translate("backup", "%1 — failed: %2").replace("%1", when)
                .replace("%2", str(info.problem_text())))
    return (translate("backup", "%1, checked: %2 cases, the newest %3").replace("%1", when)
            .replace("%2", f"{info.cases or 0:,}").replace("%3", info.newest_case or "—"))


def kind_name(kind: str) -> str:
    """The kind of a record in the reader's language."""
    name = KIND_NAMES.get(kind)
    return str(name) if name is not None else kind


def size(value: int | None) -> str:
    """A file size in MB or KB."""
    if value is None:
        return ""
    return f"{value / 1_048_576:.1f} MB" if value >= 1_048_576 else f"{value / 1024:.0f} KB"
