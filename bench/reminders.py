"""Reminders on 100,000 cases: one user's, a manager's (with escalations), everyone's."""

from __future__ import annotations

from app.services import users
from app.services.casework import reminders
from app.services.desk.store import close_desk, open_desk
from bench.common import best_of, demo_database, demo_now, report


def run() -> list[tuple[str, float, str]]:
    """Times the reminders query as the window's minute check runs it."""
    path, _ = demo_database()
    now = demo_now(path)
    open_desk(str(path))
    rows = []
    for username, name in (("staff1", "one member of staff"), ("manager", "a manager")):
        user = users.find_user(username)
        found = reminders.reminders(user=user, now=now)
        counts = ", ".join(f"{group} {n}" for group, n in found.counts.items())
        rows.append((f"reminders of {name} ({counts})",
                     best_of(lambda u=user: reminders.reminders(user=u, now=now), runs=10),
                     "target < 50 ms"))
    everyone = reminders.reminders(user=None, now=now)
    rows.append((f"reminders of everyone ({everyone.total} items)",
                 best_of(lambda: reminders.reminders(user=None, now=now), runs=5), ""))
    rows.append(("overdue counts per handler and department",
                 best_of(lambda: reminders.overdue_counts(now), runs=10), ""))
    close_desk()
    return rows


if __name__ == "__main__":
    report(run())
