"""The columns an imported register may have: the fields they feed (by the vocabulary's
codes, which also name them), and the titles (Chinese or English, loosely written) that
are matched to them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from app.i18n import Text
from app.services import vocabulary

LONG_TEXT = 5000
# “电话（必填）”, “【必填】客户姓名”: a bracketed note beside the title; NFKC has made
# full-width parentheses ASCII by the time this runs.
_HEADER_NOTE = re.compile(r"[(\[【][^()\[\]【】]*[)\]】]")
_HEADER_EDGES = re.compile(r"^[\W_]+|[\W_]+$")  # “客户姓名：”, “*电话”, “No.”


@dataclass(frozen=True)
class ImportField:
    """A value the import takes from one column, and the column titles that name it.

    `name` is the field's code in the vocabulary, which also gives the column its name
    (`label`). `synonyms` are the titles matched, loosely written, in either language.
    `kind` says how a cell is cleaned: `text` (digits made half-width), `identifier`
    (fully NFKC-normalised, for order and case numbers), `phone` (digits only) or
    `moment` (a datetime).
    """

    name: str
    synonyms: tuple[str, ...]
    kind: str = "text"
    required: bool = False
    max_length: int = LONG_TEXT

    @property
    def label(self) -> Text:
        """The column's name in messages and in the import window."""
        return vocabulary.FIELDS[self.name].column_title


FIELDS: Mapping[str, ImportField] = {field.name: field for field in (
    ImportField("customer_name", ("客户姓名", "姓名", "客户", "顾客", "投诉人", "name",
                                  "customer", "customer name"), required=True, max_length=60),
    ImportField("phone", ("电话", "手机", "手机号", "联系电话", "电话号码", "phone", "mobile",
                          "tel", "telephone"), kind="phone", required=True),
    ImportField("received_at", ("投诉日期", "日期", "受理时间", "投诉时间", "登记日期", "date",
                                "received", "received at", "complaint date"),
                kind="moment", required=True),
    ImportField("description", ("投诉内容", "内容", "投诉事件", "问题描述", "情况",
                                "description", "complaint", "details", "what happened"),
                required=True),
    ImportField("wish", ("客户诉求", "诉求", "要求", "wish", "request", "customer wish",
                         "what the customer wants"), max_length=2000),
    ImportField("channel", ("渠道", "投诉渠道", "来源", "channel")),
    ImportField("category", ("类别", "投诉类别", "分类", "类型", "category", "type")),
    ImportField("severity", ("严重程度", "级别", "severity")),
    ImportField("status", ("状态", "处理状态", "status")),
    ImportField("address", ("地址", "address"), max_length=200),
    ImportField("reference", ("订单号", "单号", "保单号", "订单号/保单号", "order", "reference",
                              "order no", "order / policy number"),
                kind="identifier", max_length=100),
    ImportField("resolution", ("处理结果", "解决方案", "resolution", "solution")),
    ImportField("answer", ("不予支持的理由", "不支持理由", "答复理由", "reasoned answer",
                           "answer")),
    ImportField("number", ("编号", "投诉编号", "case number", "number", "no"),
                kind="identifier", max_length=100),
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
