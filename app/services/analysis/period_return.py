"""The period return (投诉情况统计表): the counts a regulator's form asks of a financial
business, useful to any shop — by category and channel, decided within time bands, upheld
or not, outstanding at the end, compensation. Every count opens its cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.i18n import Text
from app.models import Category, User
from app.services import catalog, settings
from app.services.analysis import money
from app.services.analysis.filters import Filters, scoped
from app.services.analysis.names import days_band_name
from app.services.analysis.period import Period
from app.services.analysis.slices import DECISION_DAYS, DIMENSIONS, Slice
from app.services.analysis.tally import count, grouped
from app.services.labels import CHANNELS


@dataclass(frozen=True)
class ReturnRow:
    """One line of the return: what it counts and the cases behind it."""

    code: str
    name: Text
    count: int
    door: Slice

    def to_json(self) -> dict[str, object]:
        """The line with stable English keys."""
        return {"code": self.code, "name": self.name.en, "name_zh": self.name.zh,
                "count": self.count}


@dataclass(frozen=True)
class PeriodReturn:
    """The whole return of a period."""

    period: Period
    filters: Filters
    by_category: tuple[ReturnRow, ...]
    by_channel: tuple[ReturnRow, ...]
    totals: tuple[ReturnRow, ...]  # received, decided, upheld, not upheld, outstanding
    bands: tuple[ReturnRow, ...]  # decided within each band of days
    compensation: dict[str, int]  # approved offers, cases and fen

    def to_json(self) -> dict[str, Any]:
        """The return with stable English keys (amounts in yuan)."""
        return {
            "period": {"from": self.period.first.isoformat(), "to": self.period.last.isoformat()},
            **{row.code: row.count for row in self.totals},
            "by_category": [row.to_json() for row in self.by_category],
            "by_channel": [row.to_json() for row in self.by_channel],
            "decided_within": [{"band": row.code, "name": row.name.en, "name_zh": row.name.zh,
                                "count": row.count} for row in self.bands],
            "compensation_approved": {"offers": self.compensation["offers"],
                                      "cases": self.compensation["cases"],
                                      "amount": self.compensation["fen"] / 100},
        }


TOTALS = (("received", Text("Received", "受理投诉")),
          ("decided", Text("Decided", "办结（作出处理决定）")),
          ("upheld", Text("Upheld", "投诉成立")),
          ("not_upheld", Text("Not upheld", "不予支持")),
          ("open_at_end", Text("Outstanding at the end", "期末未办结")))


def bands(limits: list[int]) -> list[str]:
    """`[15, 30, 60]` → `["0-15", "16-30", "31-60", "61-"]`."""
    found, low = [], 0
    for high in limits:
        found.append(f"{low}-{high}")
        low = high + 1
    return [*found, f"{low}-"]


def period_return(period: Period, filters: Filters | None = None, *, actor: User | None,
                  now: datetime) -> PeriodReturn:
    """The return of `period` as `actor` may see it."""
    chosen = scoped(filters or Filters(), actor)

    def piece(kind: str) -> Slice:
        return Slice(kind, period.first, period.last, now=now)

    received = piece("received")
    categories = dict(grouped(received, chosen, DIMENSIONS["category"]))
    channels = dict(grouped(received, chosen, DIMENSIONS["channel"]))
    by_category = tuple(
        ReturnRow(entry.code, Text(entry.name_en, entry.name_zh),
                  int(categories.get(entry.id, 0)), received.narrowed("category", entry.id))
        for entry in catalog.entries(Category, include_inactive=True)
        if entry.active or categories.get(entry.id))
    by_channel = tuple(ReturnRow(code, name, int(channels.get(code, 0)),
                                 received.narrowed("channel", code))
                       for code, name in CHANNELS.items())
    totals = tuple(ReturnRow(kind, name, count(piece(kind), chosen), piece(kind))
                   for kind, name in TOTALS)
    decided = piece("decided")
    in_bands = tuple(
        ReturnRow(band, days_band_name(band), count(decided.narrowed(DECISION_DAYS, band), chosen),
                  decided.narrowed(DECISION_DAYS, band))
        for band in bands(settings.get("analysis.return_bands")))
    paid = money.figures(period, chosen, statuses=("approved",))
    compensation = {"offers": int(paid["compensation_approved_count"].value or 0),
                    "cases": int(paid["compensation_approved_cases"].value or 0),
                    "fen": int(paid["compensation_approved_amount"].value or 0)}
    return PeriodReturn(period, chosen, by_category, by_channel, totals, in_bands, compensation)
