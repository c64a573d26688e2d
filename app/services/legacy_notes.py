"""The notes older versions wrote in words, recognised as the codes (app.models.notes) they
stand for when they are read, so they are shown in the reader's language like the new ones.

Before schema 6 the desk wrote its own notes — the deadline rule, "solved on the spot", the
call-back, the customer to be told of a compensation decision, a clock resumed, a review, an
import's file and row — in the language of whoever was signed in. The texts below are those
versions' words, kept here as they were (the wording shown today lives in services.notes and
may change); a note that matches one, in English or Chinese, becomes its code and values.
Anything else was typed by someone and stays as it is.

They are recognised when read rather than rewritten by a schema step: the events holding most
of them are chained and guarded against change, and what an older version wrote stays in the
record exactly as it was written.
"""

from __future__ import annotations

import re
from typing import Any

from app.models.notes import coded, is_coded

# (code, what was written in English and in Chinese): {name} is a value; {status}, {kind} and
# {amount} are the words of an offer's decision, kind and amount below.
_WRITTEN = (
    ("rule_shop", "Shop profile: first answer the same day, decision within {days} days",
     "门店规则：当天初步答复，{days} 天内处理完毕"),
    ("rule_financial", "Financial profile: decision within 15 days",
     "金融保险规则：15 日内作出处理决定"),
    ("solved_on_the_spot", "Solved on the spot", "当场解决"),
    ("callback", "Call the customer: did the solution work? Record satisfaction.",
     "回访客户：问题是否已解决？记录满意度。"),
    ("callback", "回访客户，记录满意度"),  # what demo data had
    ("tell_customer", "Compensation {status} by {who}: {kind} {amount}. Tell the customer.",
     "补偿方案{status}（{who}）：{kind} {amount}。请告知客户。"),
    ("within_limit", "Within the proposer's own limit", "在提出人自己的权限内"),
    ("counter_accepted", "Counter-offer accepted", "接受还价"),
    ("resumed", "Resumed after {days} day(s). {note}", "暂停 {days} 天后恢复计时。{note}"),
    ("resumed", "Resumed after {days} day(s).", "暂停 {days} 天后恢复计时。"),
    ("review", "Review (核查) requested: {reason}", "客户申请核查：{reason}"),
    ("imported_renumbered", "Imported from {file}, row {row} (was {old})",
     "从 {file} 第 {row} 行导入（原编号 {old}）"),
    ("imported", "Imported from {file}, row {row}", "从 {file} 第 {row} 行导入"),
)
_DECISIONS = {"approved": ("approved", "已批准"), "refused": ("refused", "被拒绝"),
              "countered": ("countered", "被还价")}
_OFFER_KINDS = {"refund": ("Refund", "退款"), "replacement": ("Replacement", "换货"),
                "repair": ("Repair", "维修"), "voucher": ("Voucher", "代金券"),
                "gift": ("Gift", "赠品"), "cash": ("Cash", "现金补偿"),
                "apology": ("Apology (non-material)", "道歉（非物质）"), "other": ("Other", "其他")}
_CODES = {"status": _DECISIONS, "kind": _OFFER_KINDS}
_WHOLE = {"days", "row"}
# A follow-up on the timeline: `2026-03-05 10:00 张小芳: <what to do>`.
_FOLLOW_UP = re.compile(r"(?P<due>\d{4}-\d\d-\d\d \d\d:\d\d) (?P<who>.*?): (?P<note>.*)",
                        re.DOTALL)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    body = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.*?)"
                   for i, part in enumerate(parts))
    return re.compile(body, re.DOTALL)


_PATTERNS = [(code, _pattern(template)) for code, *templates in _WRITTEN
             for template in templates]


def recognised(text: str) -> str | None:
    """The coded form of a note an older version wrote in words; None for anything else."""
    if not text or is_coded(text):
        return None
    for code, pattern in _PATTERNS:
        found = pattern.fullmatch(text)
        if found is not None:
            values = _values(found.groupdict())
            if values is not None:
                return coded(code, **values)
    return None


def _values(found: dict[str, str]) -> dict[str, Any] | None:
    values: dict[str, Any] = {}
    for name, text in found.items():
        if name in _CODES:
            code = next((c for c, words in _CODES[name].items() if text in words), None)
            if code is None:
                return None
            values[name] = code
        elif name == "amount":
            digits = text.removeprefix("¥").replace(",", "")
            if not re.fullmatch(r"\d+(\.\d\d)?", digits):
                return None
            values[name] = round(float(digits) * 100)
        elif name in _WHOLE:
            if not text.isdigit():
                return None
            values[name] = int(text)
        else:
            values[name] = text
    return values


def recognised_follow_up(value: str) -> str | None:
    """A timeline follow-up (`due who: note`) whose note an older version wrote in words,
    coded; None for anything else."""
    found = _FOLLOW_UP.fullmatch(value or "")
    note = recognised(found.group("note")) if found else None
    if found is None or note is None:
        return None
    return coded("follow_up", due=found.group("due"), who=found.group("who"), note=note)
