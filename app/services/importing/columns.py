"""The columns an imported register may have: the fields they feed, and the titles
(Chinese or English, loosely written) that name them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from app.i18n import Text

LONG_TEXT = 5000
# “电话（必填）”, “【必填】客户姓名”: a bracketed note beside the title; NFKC has made
# full-width parentheses ASCII by the time this runs.
_HEADER_NOTE = re.compile(r"[(\[【][^()\[\]【】]*[)\]】]")
_HEADER_EDGES = re.compile(r"^[\W_]+|[\W_]+$")  # “客户姓名：”, “*电话”, “No.”


@dataclass(frozen=True)
class ImportField:
    """A value the import takes from one column, and the column titles that name it.

    `kind` says how a cell is cleaned: `text` (digits made half-width), `identifier`
    (fully NFKC-normalised, for order and case numbers), `phone` (digits only) or
    `moment` (a datetime).
    """

    name: str
    label: Text
    synonyms: tuple[str, ...]
    kind: str = "text"
    required: bool = False
    max_length: int = LONG_TEXT


FIELDS: Mapping[str, ImportField] = {field.name: field for field in (
    ImportField("customer_name", Text("Customer name", "客户姓名"),
                ("客户姓名", "姓名", "客户", "顾客", "投诉人", "name", "customer",
                 "customer name"), required=True, max_length=60),
    ImportField("phone", Text("Phone", "电话"),
                ("电话", "手机", "手机号", "联系电话", "电话号码", "phone", "mobile", "tel",
                 "telephone"), kind="phone", required=True),
    ImportField("received_at", Text("Complaint date", "投诉日期"),
                ("投诉日期", "日期", "受理时间", "投诉时间", "登记日期", "date", "received",
                 "received at", "complaint date"), kind="moment", required=True),
    ImportField("description", Text("Description", "投诉内容"),
                ("投诉内容", "内容", "投诉事件", "问题描述", "情况", "description",
                 "complaint", "details"), required=True),
    ImportField("wish", Text("Customer wish", "客户诉求"),
                ("客户诉求", "诉求", "要求", "wish", "request", "customer wish"), max_length=2000),
    ImportField("channel", Text("Channel", "投诉渠道"), ("渠道", "投诉渠道", "来源", "channel")),
    ImportField("category", Text("Category", "投诉类别"),
                ("类别", "投诉类别", "分类", "类型", "category", "type")),
    ImportField("severity", Text("Severity", "严重程度"), ("严重程度", "级别", "severity")),
    ImportField("status", Text("Status", "处理状态"), ("状态", "处理状态", "status")),
    ImportField("address", Text("Address", "地址"), ("地址", "address"), max_length=200),
    ImportField("reference", Text("Order no", "订单号"),
                ("订单号", "单号", "保单号", "订单号/保单号", "order", "reference", "order no"),
                kind="identifier", max_length=100),
    ImportField("resolution", Text("Resolution", "处理结果"),
                ("处理结果", "解决方案", "resolution", "solution")),
    ImportField("answer", Text("Reasoned answer", "不予支持的理由"),
                ("不予支持的理由", "不支持理由", "答复理由", "reasoned answer", "answer")),
    ImportField("number", Text("Case number", "投诉编号"),
                ("编号", "投诉编号", "case number", "number", "no"), kind="identifier",
                max_length=100),
)}


def header_key(title: str) -> str:
    """A column title reduced for comparison, ignoring case, width, spaces, bracketed notes
    and surrounding punctuation: `“*客户姓名（必填）：”` → `客户姓名`, `Customer Name` →
    `customername`.
    """
    key = "".join(unicodedata.normalize("NFKC", title).casefold().split())
    return _HEADER_EDGES.sub("", _HEADER_NOTE.sub("", key))


FIELD_BY_KEY = {header_key(word): field.name
                 for field in FIELDS.values() for word in field.synonyms}
