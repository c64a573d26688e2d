"""What the desk writes on a case by itself, in the reader's language.

The deadline rule a case starts with, "solved on the spot", the satisfaction call-back, the
customer to be told of a compensation decision, a clock resumed, a review asked for, a
payment's way and receipt, the file and row a case was imported from: each is stored as a
code with its values (`app.models.notes`), never in the words of whoever happened to be
signed in, and worded here when it is shown, printed or exported. Text someone typed is
shown as it is. The same notes written in words by older versions are recognised when read
(services.legacy_notes) and worded like the coded ones.

`written` makes the stored form; `words` turns any stored note (coded or typed) into a
`Text` of both languages. Wording reads nothing from the database: a value that names
something (an offer's kind, a way of paying) is stored as its code and named from the
desk's vocabulary.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from app.i18n import Text
from app.models.notes import coded, decoded, is_coded
from app.services.labels import OFFER_KINDS, PAYMENT_METHODS
from app.services.legacy_notes import recognised, recognised_follow_up
from app.services.text import yuan

__all__ = ["DECIDED", "NOTES", "desks", "is_coded", "words", "written"]

# How a decision on an offer is said in a sentence.
DECIDED: Mapping[str, Text] = {
    "approved": Text("approved", "已批准"), "refused": Text("refused", "被拒绝"),
    "countered": Text("countered", "被还价")}


@dataclass(frozen=True)
class Note:
    """A text the desk writes: its words with `{value}` placeholders; `named` values are
    codes named by a vocabulary, `money` values are fen."""

    text: Text
    named: Mapping[str, Mapping[str, Text]] = field(default_factory=dict)
    money: tuple[str, ...] = ()


NOTES: Mapping[str, Note] = {
    "rule_shop": Note(Text("Shop profile: first answer the same day, decision within {days} "
                           "days", "门店规则：当天初步答复，{days} 天内处理完毕")),
    "rule_financial": Note(Text("Financial profile: decision within 15 days",
                                "金融保险规则：15 日内作出处理决定")),
    "solved_on_the_spot": Note(Text("Solved on the spot", "当场解决")),
    "callback": Note(Text("Call the customer: did the solution work? Record satisfaction.",
                          "回访客户：问题是否已解决？记录满意度。")),
    "tell_customer": Note(Text("Compensation {status} by {who}: {kind} {amount}. Tell the "
                               "customer.",
                               "补偿方案{status}（{who}）：{kind} {amount}。请告知客户。"),
                          named={"status": DECIDED, "kind": OFFER_KINDS}, money=("amount",)),
    "within_limit": Note(Text("Within the proposer's own limit", "在提出人自己的权限内")),
    "counter_accepted": Note(Text("Counter-offer accepted", "接受还价")),
    "resumed": Note(Text("Resumed after {days} day(s). {note}",
                         "暂停 {days} 天后恢复计时。{note}")),
    "review": Note(Text("Review requested: {reason}", "客户申请核查：{reason}")),
    "paid": Note(Text("{how} {ref}", "{how} {ref}"), named={"how": PAYMENT_METHODS}),
    "imported": Note(Text("Imported from {file}, row {row}", "从 {file} 第 {row} 行导入")),
    "imported_renumbered": Note(Text("Imported from {file}, row {row} (was {old})",
                                     "从 {file} 第 {row} 行导入（原编号 {old}）")),
    # A follow-up on the timeline: when, for whom, and what (itself typed or coded).
    "follow_up": Note(Text("{due} {who}: {note}", "{due} {who}：{note}")),
}


def written(code: str, **values: str | int) -> str:
    """The stored form of the desk's note `code` (one of NOTES) with its values.

    Raises:
        KeyError: for a code not in NOTES (a programming error, not a user's).
    """
    note = NOTES[code]
    missing = _placeholders(note.text) - set(values)
    if missing:
        raise KeyError(f"note {code} needs {sorted(missing)}")
    return coded(code, **values)


@lru_cache(maxsize=4096)  # a timeline or an export reads the same few notes many times
def desks(stored: str) -> str | None:
    """The coded form of a note the desk wrote (stored coded, or in words by an older
    version); None for text someone typed."""
    if is_coded(stored):
        return stored
    return recognised(stored) or recognised_follow_up(stored)


def words(stored: str) -> Text:
    """A stored note in both languages: the desk's own worded from its code (or from the
    words an older version wrote), anything typed as it is."""
    own = desks(stored) if stored else None
    found = decoded(own) if own is not None else None
    if found is None:
        return Text(stored, stored)
    code, values = found
    note = NOTES.get(code)
    if note is None:  # written by a newer version: its code is better than nothing
        return Text(code, code)
    filled = {name: _value(note, name, value) for name, value in values.items()}
    try:
        text = note.text.format(**filled)
    except (KeyError, IndexError, ValueError):
        return Text(code, code)
    return Text(text.en.strip(), text.zh.strip())


def _value(note: Note, name: str, value: Any) -> Text | str:
    if is_coded(value):
        return words(value)
    if name in note.named:
        return note.named[name].get(str(value)) or Text(str(value), str(value))
    if name in note.money:
        try:
            return yuan(int(value))
        except (TypeError, ValueError):
            return str(value)
    return str(value)


def _placeholders(text: Text) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text.en) if name}
