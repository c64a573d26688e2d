"""The seven practical steps of complaint handling (七大步骤), shown where each applies."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import Text


@dataclass(frozen=True)
class Step:
    """One of the seven steps: its name and the advice behind it."""

    code: str
    title: Text
    advice: Text


STEPS = {
    step.code: step
    for step in (
        Step("patience", Text("More patience", "耐心多一点"),
             Text("Let the customer finish; do not interrupt or criticise. Record their own "
                  "words and what they want.",
                  "耐心倾听，不要轻易打断客户，更不要批评客户；记下客户的原话和诉求。")),
        Step("attitude", Text("A better attitude", "态度好一点"),
             Text("Be sincere and polite; apologise or thank the customer for telling us.",
                  "态度诚恳、礼貌热情；向客户致歉或感谢客户的反馈。")),
        Step("speed", Text("Act faster", "动作快一点"),
             Text("Give the customer a first answer the same day and keep them informed.",
                  "当天给客户一个初步答复，并及时告知处理进展。")),
        Step("wording", Text("Choose words well", "语言得体一点"),
             Text("Explain reasonably and tactfully; even when the customer is wrong, do not "
                  "say so bluntly. Use the approved reply templates.",
                  "解释问题合情合理、得体大方；即使客户不对，也不要直接指出。使用统一回复口径。")),
        Step("compensation", Text("Compensate sensibly", "补偿多一点"),
             Text("Material (refund, replacement) or non-material (apology) compensation "
                  "should satisfy the customer, without giving everything away.",
                  "补偿可以是物质上的（更换、退货），也可以是精神上的（道歉）；让客户满意，但不是大送特送。")),
        Step("level", Text("Involve someone senior", "层次高一点"),
             Text("For group complaints, threats of exposure or serious cases, a manager should "
                  "step in or call the customer.",
                  "群体投诉、有曝光或过激倾向、情节严重的投诉，应由负责人出面或致电慰问。")),
        Step("options", Text("More ways to make amends", "办法多一点"),
             Text("Besides apology and compensation, invite the customer to see how things "
                  "were fixed, and thank them for the complaint.",
                  "除了道歉和补偿，还可以邀请客户参观改进成果，感谢客户的意见。")),
    )
}

_BY_STATE = {
    "new": ("patience", "attitude", "speed"),
    "acknowledged": ("speed", "wording"),
    "in_progress": ("speed", "wording", "options"),
    "awaiting_approval": ("compensation",),
    "reopened": ("attitude", "speed", "options"),
    "resolved": ("wording", "compensation", "options"),
    "rejected": ("wording",),
    "closed": ("options",),
}


def for_case(status: str, *, flags: tuple[str, ...] = (), severity: str = "medium",
             ) -> list[Step]:
    """The steps to keep in mind at this stage; serious or flagged cases add 'level'."""
    codes = list(_BY_STATE.get(status, ()))
    if ("group" in flags or "risk" in flags or severity == "critical") and "level" not in codes:
        codes.insert(0, "level")
    return [STEPS[code] for code in codes]
