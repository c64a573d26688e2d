"""Settings from one declarative list: key, default, kind, limits and a label.

Rows missing from the database are added at start-up with their defaults, so a new
setting in a later version needs no migration. Values are stored as JSON.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePath
from typing import Any

from app.errors import InputError
from app.i18n import Text
from app.models import Setting, User
from app.services import audit
from app.services.permissions import Permission, require
from app.services.text import UNKEEPABLE, clean, parse_time_of_day, shown


@dataclass(frozen=True)
class SettingSpec:
    """One setting: its key, default, kind and the label shown in the settings dialog."""

    key: str
    default: Any
    kind: str  # text | int | time | weekdays | dates | choice | image (base64) | bands |
    #            folder
    label: Text
    group: str
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec("business.name", "", "text", Text("Business name", "商户名称"), "business"),
    SettingSpec("business.address", "", "text", Text("Address", "地址"), "business"),
    SettingSpec("business.phone", "", "text", Text("Phone", "电话"), "business"),
    SettingSpec("business.logo", "", "image", Text("Logo (PNG or JPEG)", "商标图片（PNG 或 JPEG）"),
                "business"),
    SettingSpec("letter.owner_signature", "", "image",
                Text("Owner's signature on letters", "负责人签名（用于告知书）"), "business"),
    SettingSpec("letter.seal", "", "image",
                Text("Company seal on letters", "公司印章（用于告知书）"), "business"),
    SettingSpec("hours.open", "09:00", "time", Text("Opening time", "营业开始时间"), "calendar"),
    SettingSpec("hours.close", "18:00", "time", Text("Closing time", "营业结束时间"), "calendar"),
    SettingSpec("calendar.days_off", [], "weekdays",
                Text("Weekly days off (0 = Monday)", "每周休息日（0 = 星期一）"), "calendar"),
    SettingSpec("calendar.holidays", [], "dates", Text("Holidays", "节假日"), "calendar"),
    SettingSpec("deadline.resolution_days", 7, "int",
                Text("Days to resolve a shop complaint", "门店投诉处理时限（天）"), "deadlines",
                minimum=1, maximum=90),
    SettingSpec("reminders.due_soon_hours", 24, "int",
                Text("“Due soon” means within this many hours", "“即将到期”提前提醒的小时数"),
                "reminders", minimum=1, maximum=168),
    SettingSpec("reminders.progress_days", 3, "int",
                Text("Remind to update the customer after this many days without contact",
                     "超过多少天未联系客户时提醒告知进度"), "reminders", minimum=1, maximum=30),
    SettingSpec("followup.callback_days", 3, "int",
                Text("Satisfaction call-back this many days after the decision",
                     "处理完毕后多少天进行满意度回访"), "reminders", minimum=1, maximum=60),
    SettingSpec("compensation.limit.staff", 200, "int",
                Text("Staff may give up to (CNY)", "受理人员可自行决定的补偿上限（元）"),
                "compensation", minimum=0, maximum=1_000_000),
    SettingSpec("compensation.limit.manager", 2000, "int",
                Text("Managers may approve up to (CNY); the owner has no limit",
                     "经理可批准的补偿上限（元）；负责人不设上限"),
                "compensation", minimum=0, maximum=1_000_000),
    SettingSpec("compensation.period_days", 30, "int",
                Text("A proposer's own offers to one customer count together over this many "
                     "days", "同一提出人对同一客户的补偿在多少天内合并计算权限"),
                "compensation", minimum=1, maximum=366),
    SettingSpec("print.paper", "A4", "choice", Text("Paper size", "纸张大小"), "printing",
                choices=("A4", "Letter")),
    SettingSpec("improvement.check_weeks", 8, "int",
                Text("Check a corrective action's effect this many weeks after it is done",
                     "整改完成后多少周验证效果"), "improvement", minimum=1, maximum=52),
    SettingSpec("analysis.return_bands", [15, 30, 60], "bands",
                Text("Period return: decided within (days, e.g. 15, 30, 60)",
                     "投诉情况统计表：处理时长分段（天，如 15, 30, 60）"), "deadlines"),
    SettingSpec("intake.duplicate_days", 14, "int",
                Text("Warn at intake of an open case of the same customer and category "
                     "received within this many days",
                     "受理时提示同一客户、同一类别且在多少天内受理的未办结投诉（可能重复）"),
                "privacy", minimum=1, maximum=365),
    SettingSpec("retention.years", 3, "int",
                Text("Keep customers' personal data this many years after a case is closed",
                     "投诉结案后保存客户个人信息的年限"), "privacy", minimum=1, maximum=30),
    SettingSpec("backup.folder", "", "folder",
                Text("Backup folder (empty: the Backups folder beside the database)",
                     "备份文件夹（留空：数据库旁边的 Backups 文件夹）"), "backup"),
)
SPECS = {spec.key: spec for spec in SETTINGS}


def ensure_defaults() -> None:
    """Adds a row with its default for every setting the database does not have yet."""
    present = {row.key for row in Setting.select(Setting.key)}
    missing = [
        {"key": spec.key, "value": json.dumps(spec.default)}
        for spec in SETTINGS if spec.key not in present
    ]
    if missing:
        Setting.insert_many(missing).execute()


def get(key: str) -> Any:
    """The current value of `key` (its default when no row exists)."""
    spec = _spec(key)
    row = Setting.get_or_none(Setting.key == key)
    return json.loads(row.value) if row else spec.default


def get_all() -> dict[str, Any]:
    """Every setting's current value, in one query."""
    stored = {row.key: json.loads(row.value) for row in Setting.select()}
    return {spec.key: stored.get(spec.key, spec.default) for spec in SETTINGS}


def set_value(key: str, value: Any, *, actor: User, now: datetime) -> Any:
    """Checks and stores a new value, and records the change in the audit log."""
    require(actor, Permission.MANAGE_SETTINGS)
    old = get(key)
    checked = store(key, value)
    if checked != old:
        audit.record(None, actor, now, kind="settings", field=key,
                     old=json.dumps(old, ensure_ascii=False),
                     new=json.dumps(checked, ensure_ascii=False))
    return checked


def store(key: str, value: Any) -> Any:
    """Checks and stores a value with no permission check: for set-up and demo data only."""
    checked = _check(_spec(key), value)
    _check_opening_hours(key, checked)
    encoded = json.dumps(checked, ensure_ascii=False)
    Setting.insert(key=key, value=encoded).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: encoded}
    ).execute()
    return checked


def _spec(key: str) -> SettingSpec:
    try:
        return SPECS[key]
    except KeyError:
        raise InputError(Text("Unknown setting “{key}”.", "未知的设置项“{key}”。")
                           .format(key=key)) from None


def _check(spec: SettingSpec, value: Any) -> Any:
    try:
        checked = _CHECKERS[spec.kind](spec, value)
    except (TypeError, ValueError, binascii.Error):
        checked = None
    if checked is None:
        raise InputError(
            Text("{label}: “{value}” is not a valid value.", "{label}：“{value}”不是有效的值。")
            .format(label=spec.label, value=shown(value)),
            field=spec.key,
        )
    return checked


def _check_opening_hours(key: str, value: str) -> None:
    if key not in ("hours.open", "hours.close"):
        return
    hours = {"hours.open": get("hours.open"), "hours.close": get("hours.close"), key: value}
    if hours["hours.open"] >= hours["hours.close"]:
        raise InputError(
            Text("Opening time {open} must be before closing time {close}.",
                 "营业开始时间 {open} 必须早于结束时间 {close}。").format(
                open=hours["hours.open"], close=hours["hours.close"]),
            field=key,
        )


def _check_int(spec: SettingSpec, value: Any) -> int | None:
    number = int(str(value).strip())
    low = spec.minimum if spec.minimum is not None else number
    high = spec.maximum if spec.maximum is not None else number
    return number if low <= number <= high else None


def _check_weekdays(spec: SettingSpec, value: Any) -> list[int] | None:
    days = sorted({int(day) for day in value})
    return days if all(0 <= day <= 6 for day in days) and len(days) < 7 else None


MAX_IMAGE_BYTES = 512 * 1024
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def _check_image(spec: SettingSpec, value: Any) -> str | None:
    """A PNG or JPEG of at most 512 KB, as base64 text ('' removes the image)."""
    text = str(value or "").strip()
    if not text:
        return ""
    data = base64.b64decode(text, validate=True)
    ok = data.startswith(_IMAGE_MAGIC) and len(data) <= MAX_IMAGE_BYTES
    return base64.b64encode(data).decode() if ok else None


def _check_folder(spec: SettingSpec, value: Any) -> str | None:
    """'' (the default place) or a full path: a relative one would depend on where the
    program happened to start."""
    text = clean(str(value or ""))
    if not text:
        return ""
    return text if len(text) <= 500 and PurePath(text).is_absolute() else None


def _check_dates(spec: SettingSpec, value: Any) -> list[str]:
    return sorted({date.fromisoformat(str(day).strip()).isoformat() for day in value})


def _check_bands(spec: SettingSpec, value: Any) -> list[int] | None:
    """Rising limits in days, 1 to 5 of them, each 1–365: `15, 30, 60` or a list."""
    parts = value if isinstance(value, list) else \
        str(value).strip("[] ").replace("，", ",").split(",")
    days = [int(str(part).strip()) for part in parts if str(part).strip()]
    rising = all(low < high for low, high in zip(days, days[1:], strict=False))
    return days if 1 <= len(days) <= 5 and rising and days[0] >= 1 and days[-1] <= 365 else None


_CHECKERS = {
    "text": lambda spec, value: (text if len(text := clean(str(value))) <= 200
                                 and not UNKEEPABLE.search(text) else None),
    "int": _check_int,
    "time": lambda spec, value: parse_time_of_day(str(value)).strftime("%H:%M"),
    "weekdays": _check_weekdays,
    "dates": _check_dates,
    "choice": lambda spec, value: value if value in spec.choices else None,
    "image": _check_image,
    "bands": _check_bands,
    "folder": _check_folder,
}
