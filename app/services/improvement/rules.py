"""Early-warning rules (预警规则): the defaults a desk starts with, their limits, and editing
them (managers and the owner). Rules are switched off, never deleted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from app.errors import InputError, NotFoundError
from app.i18n import Text
from app.models import User, WarningRule
from app.services import audit
from app.services.improvement.words import COUNT_DIMENSIONS, RULE_KINDS
from app.services.permissions import Permission, require

T = Text

# (kind, dimension, threshold, days, minimum): what a new desk watches.
DEFAULT_RULES = (
    ("count", "category", 5, 7, 0),  # five complaints of one category in a week
    ("count", "root_cause", 3, 14, 0),
    ("count", "reference", 3, 30, 0),  # the same order, product or policy three times
    ("repeat", "", 2, 30, 0),  # a customer back within a month
    ("low_score", "", 2, 30, 0),  # a satisfaction score of 2 or less
    ("on_time", "", 80, 30, 5),  # a department under 80% on time, once it has 5 decisions
)


@dataclass(frozen=True)
class Limits:
    """What a rule's numbers may be."""

    threshold: tuple[int, int]
    days: tuple[int, int] = (1, 365)
    minimum: tuple[int, int] = (0, 0)


LIMITS: Mapping[str, Limits] = {
    "count": Limits((2, 1000)),
    "repeat": Limits((2, 100)),
    "low_score": Limits((1, 4)),
    "on_time": Limits((1, 100), minimum=(1, 1000)),
}
NUMBERS = {"threshold": T("Threshold", "阈值"), "days": T("Days", "天数"),
           "minimum": T("At least (decisions)", "至少（件决定）")}


def ensure_rules(now: datetime) -> None:
    """Adds the default rules to a desk that has none yet (a new or an upgraded one)."""
    if WarningRule.select().exists():
        return
    WarningRule.insert_many([
        {"kind": kind, "dimension": dimension, "threshold": threshold, "days": days,
         "minimum": minimum, "updated_at": now}
        for kind, dimension, threshold, days, minimum in DEFAULT_RULES]).execute()


def all_rules(*, active_only: bool = False) -> list[WarningRule]:
    """The rules in the order they were made."""
    query = WarningRule.select().order_by(WarningRule.id)
    return list(query.where(WarningRule.active) if active_only else query)


def describe(kind: str, dimension: str, threshold: int, days: int, minimum: int) -> Text:
    """A rule in words: `5 or more cases of the same category within 7 days`."""
    if kind == "count":
        what = COUNT_DIMENSIONS.get(dimension, T(dimension, dimension))
        return T("{n} or more cases of the same {what} within {d} days",
                 "{d} 天内同一{what}的投诉达 {n} 件及以上").format(n=threshold, what=what, d=days)
    if kind == "repeat":
        return T("{n} or more cases from the same customer within {d} days",
                 "同一客户 {d} 天内投诉 {n} 次及以上").format(n=threshold, d=days)
    if kind == "low_score":
        return T("A satisfaction score of {n} or less (scored in the last {d} days)",
                 "满意度评分 {n} 分及以下（近 {d} 天的评分）").format(n=threshold, d=days)
    return T("A department's decisions on time under {n}% over {d} days (from {m} decisions)",
             "部门近 {d} 天按时作出决定率低于 {n}%（至少 {m} 件决定）").format(
        n=threshold, d=days, m=minimum)


def describe_rule(rule: WarningRule) -> Text:
    """The rule as it stands, in words."""
    return describe(rule.kind, rule.dimension, rule.threshold, rule.days, rule.minimum)


def add_rule(*, kind: str, dimension: str = "", threshold: int, days: int, minimum: int = 0,
             actor: User, now: datetime) -> WarningRule:
    """Adds a rule (managers and the owner)."""
    require(actor, Permission.MANAGE_IMPROVEMENT)
    if kind not in RULE_KINDS:
        raise InputError(T("Unknown kind of warning “{kind}”.", "未知的预警类型“{kind}”。")
                         .format(kind=kind), field="kind")
    if (kind == "count") != bool(dimension) or (dimension and dimension not in COUNT_DIMENSIONS):
        raise InputError(T("A count of cases needs what to count by (category, root cause or "
                           "reference); the other rules take none.",
                           "“同类投诉集中”须指定按类别、根本原因或订单号统计；其他规则无需指定。"),
                         field="dimension")
    numbers = _checked(kind, {"threshold": threshold, "days": days, "minimum": minimum})
    rule = WarningRule.create(kind=kind, dimension=dimension, updated_at=now, **numbers)
    audit.record(None, actor, now, kind="warning_rule", field=f"rule.{rule.id}",
                 new=str(describe_rule(rule).en))
    return rule


def update_rule(rule_id: int, *, values: Mapping[str, int | bool], actor: User,
                now: datetime) -> WarningRule:
    """Changes a rule's numbers or switches it off or on (managers and the owner)."""
    require(actor, Permission.MANAGE_IMPROVEMENT)
    rule = WarningRule.get_or_none(WarningRule.id == rule_id)
    if rule is None:
        raise NotFoundError(T("There is no warning rule {id}.", "没有编号为 {id} 的预警规则。")
                            .format(id=rule_id), field="rule")
    numbers = {key: value for key, value in values.items() if key != "active"}
    checked = _checked(rule.kind, {**{k: getattr(rule, k) for k in NUMBERS}, **numbers})
    if "active" in values:
        checked["active"] = bool(values["active"])
    for key, value in checked.items():
        old = getattr(rule, key)
        if old != value:
            audit.record(None, actor, now, kind="warning_rule",
                         field=f"rule.{rule.id}.{key}", old=str(old), new=str(value))
    WarningRule.update(**checked, updated_at=now).where(WarningRule.id == rule_id).execute()
    return WarningRule.get_by_id(rule_id)


def _checked(kind: str, numbers: Mapping[str, int | bool]) -> dict[str, int]:
    limits = LIMITS[kind]
    checked: dict[str, int] = {}
    for key, (low, high) in (("threshold", limits.threshold), ("days", limits.days),
                             ("minimum", limits.minimum)):
        try:
            value = int(str(numbers.get(key, low)).strip())
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise InputError(T("{what}: {value} is not between {low} and {high}.",
                               "{what}：{value} 不在 {low} 到 {high} 之间。").format(
                what=NUMBERS[key], value=numbers.get(key), low=low, high=high), field=key)
        checked[key] = value
    return checked
