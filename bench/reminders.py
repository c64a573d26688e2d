"""Reminders on 100,000 and 1,000,000 cases: one member of staff's, a manager's (with
escalations), everyone's, each beside the SQL it ran replayed bare in the same run.

    python -m bench.reminders [--quick]   # --quick: 100,000 cases only
"""

from __future__ import annotations

from app.services import users
from app.services.casework import reminders
from app.services.desk.store import close_desk, open_desk
from bench.common import case_count, demo_database, demo_now, isolate, report, sizes, versus


def run() -> list[tuple[str, float, str]]:
    """Times the reminders as the window's minute check reads them, at each size."""
    isolate()
    rows = []
    for cases in sizes():
        path, _ = demo_database(cases)
        label = f"{cases // 1000}k"
        now = demo_now(path)
        open_desk(str(path))
        rows.append((f"{label}: the database holds {case_count(path):,} cases", 0.0, ""))
        for username, name in (("staff1", "one member of staff"), ("manager", "a manager"),
                               (None, "everyone (the command line without --user)")):
            user = users.find_user(username) if username else None
            found = reminders.reminders(user=user, now=now)
            counts = ", ".join(f"{group} {n:,}" for group, n in found.counts.items())
            rows.append(versus(f"{label}: reminders of {name}",
                               lambda u=user, t=now: reminders.reminders(user=u, now=t), path,
                               10 if user else 3, f"{counts}; target ≤ 50 ms, on the worker"))
        close_desk()
    return rows


if __name__ == "__main__":
    report(run())
