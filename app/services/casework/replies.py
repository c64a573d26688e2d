"""Approved reply templates (统一回复口径): fill one from the case, record the answer given."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.errors import InputError
from app.i18n import Text
from app.models import ReplyTemplate, User, database_proxy
from app.services import settings
from app.services.audit import Change
from app.services.casework import cases
from app.services.casework.case_parts import Person
from app.services.casework.view import CaseDetails
from app.services.permissions import Permission, require
from app.services.text import checked_text, when

# Each placeholder has an English and a Chinese name; either works in any template.
PLACEHOLDERS: dict[str, str] = {
    "customer": "客户", "number": "编号", "received": "受理时间", "promised": "承诺答复时间",
    "due": "处理期限", "description": "投诉事件", "wish": "客户诉求", "facts": "调查结果",
    "resolution": "解决方案", "answer": "答复理由", "handler": "处理人",
    "business": "商户名称", "business_phone": "商户电话", "business_address": "商户地址",
    "today": "今天",
}
# Only letters fill this one: the approved compensation, a line per offer.
LETTER_PLACEHOLDERS: dict[str, str] = {"compensation": "补偿"}


def placeholder_names(language: str, *, letters: bool = False) -> list[str]:
    """The placeholders as a user of `language` writes them, braces included (with
    `letters`, those only letters fill)."""
    table = LETTER_PLACEHOLDERS if letters else PLACEHOLDERS
    names = table.values() if language == "zh_CN" else table.keys()
    return ["{" + name + "}" for name in names]


@dataclass(frozen=True)
class TemplateInfo:
    """A reply template as the window lists it."""

    id: int
    code: str
    language: str
    title: str
    body: str
    active: bool


def templates(language: str, *, include_inactive: bool = False) -> list[TemplateInfo]:
    """The templates written in `language`, by code."""
    query = ReplyTemplate.select().where(ReplyTemplate.language == language)
    if not include_inactive:
        query = query.where(ReplyTemplate.active)
    return [TemplateInfo(t.id, t.code, t.language, t.title, t.body, t.active)
            for t in query.order_by(ReplyTemplate.code)]


@dataclass(frozen=True)
class CaseFacts:
    """What a template reads of a case; CaseDetails carries the same names, and a letter's
    lighter copy of a case extends this."""

    number: str
    customer: str
    received_at: datetime
    first_response_due: datetime | None
    resolution_due: datetime | None
    description: str
    wish: str
    facts: str
    resolution: str
    answer: str
    handler: Person | None


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"  # an unknown placeholder stays visible for the user to edit


def render(body: str, details: CaseFacts | CaseDetails, *, today: str | None = None,
           business: Mapping[str, Any] | None = None,
           extra: Mapping[str, str] | None = None) -> str:
    """The template with `{placeholders}` filled from the case and the business settings.

    `business` is the settings already read (`settings.get_all()`), when rendering many;
    `extra` fills placeholders only some documents have (a letter's `compensation`).
    """
    business = business if business is not None else settings.get_all()
    values = {
        "customer": details.customer, "number": details.number,
        "received": when(details.received_at), "promised": when(details.first_response_due),
        "due": when(details.resolution_due), "description": details.description,
        "wish": details.wish, "facts": details.facts, "resolution": details.resolution,
        "answer": details.answer, "handler": details.handler.name if details.handler else "",
        "business": business["business.name"], "business_phone": business["business.phone"],
        "business_address": business["business.address"], "today": today or "",
    }
    values.update(extra or {})
    chinese = PLACEHOLDERS | LETTER_PLACEHOLDERS
    both = _Keep(values)
    both.update({chinese[key]: value for key, value in values.items()})
    try:
        return body.format_map(both)
    except (ValueError, IndexError):  # a stray brace: leave the text for the user to fix
        return body


def record_reply(case_id: int, text: str, *, actor: User, now: datetime,
                 expected_version: int) -> CaseDetails:
    """Records what was told to the customer; the first reply is the case's first answer."""
    require(actor, Permission.WORK_CASES)
    said = checked_text(text, field="reply", label=Text("Reply", "答复内容"), max_length=5000,
                        required=True)
    with database_proxy.atomic():
        case = cases.for_change(case_id)
        columns = {} if case.first_response_at else {"first_response_at": now}
        cases.write(case, {}, columns, actor=actor, now=now, expected_version=expected_version,
                    extra=[Change("reply", "", said, kind="reply")])
    return CaseDetails.load_id(case_id)


def save_template(*, code: str, language: str, title: str, body: str, actor: User,
                  now: datetime) -> TemplateInfo:
    """Adds a template or changes the one with this code and language."""
    require(actor, Permission.MANAGE_LISTS)
    fields = {
        "title": checked_text(title, field="title", label=Text("Title", "标题"), max_length=100,
                              required=True),
        "body": checked_text(body, field="body", label=Text("Text", "内容"), max_length=5000,
                             required=True),
        "updated_at": now,
    }
    clean_code = checked_text(code, field="code", label=Text("Code", "代码"), max_length=30,
                              required=True)
    if language not in ("zh_CN", "en"):
        raise InputError(Text("Unknown language “{lang}”.", "未知的语言“{lang}”。")
                         .format(lang=language))
    row = ReplyTemplate.get_or_none((ReplyTemplate.code == clean_code)
                                    & (ReplyTemplate.language == language))
    if row is None:
        row = ReplyTemplate.create(code=clean_code, language=language, **fields)
    else:
        for name, value in fields.items():
            setattr(row, name, value)
        row.save()
    return TemplateInfo(row.id, row.code, row.language, row.title, row.body, row.active)
