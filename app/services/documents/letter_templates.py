"""The default wording of resolution letters, per language, editable like reply templates.

Paragraphs are separated by blank lines; `{placeholders}` are those of the reply
templates (Chinese or English names), plus `{补偿}` / `{compensation}`: the approved
compensation, a line per offer. A template without it gets those lines just before its
last paragraph; with nothing approved, the paragraph is left out.
"""

from __future__ import annotations

from datetime import datetime

from app.models import ReplyTemplate

UPHELD, NOT_UPHELD = "letter_upheld", "letter_not_upheld"

DEFAULTS: dict[tuple[str, str], tuple[str, str]] = {
    (UPHELD, "zh_CN"): ("处理结果告知书（支持）", """尊敬的{客户}：

感谢您于{受理时间}向我们反映的问题（投诉编号{编号}）。您反映：{投诉事件}
您的诉求：{客户诉求}

经调查核实：{调查结果}

处理结果：{解决方案}

{补偿}

感谢您对我们工作的监督与支持，您的意见帮助我们改进。如有疑问，请联系{处理人}，电话{商户电话}。"""),
    (NOT_UPHELD, "zh_CN"): ("处理结果告知书（不予支持）", """尊敬的{客户}：

感谢您于{受理时间}向我们反映的问题（投诉编号{编号}）。您反映：{投诉事件}
您的诉求：{客户诉求}

经调查核实：{调查结果}

依据相关规定，我们无法支持您的诉求，理由如下：{答复理由}

如您对处理结果有异议，可在收到本告知书之日起30日内申请核查。感谢您的理解，如有疑问，请联系{处理人}，电话{商户电话}。"""),
    (UPHELD, "en"): ("Resolution letter (upheld)", """Dear {customer},

Thank you for contacting us on {received} (complaint {number}). You told us: {description}
You asked us to: {wish}

We looked into it: {facts}

Our decision: {resolution}

{compensation}

Thank you for telling us; it helps us improve. If you have any questions, please contact \
{handler} on {business_phone}."""),
    (NOT_UPHELD, "en"): ("Resolution letter (not upheld)", """Dear {customer},

Thank you for contacting us on {received} (complaint {number}). You told us: {description}
You asked us to: {wish}

We looked into it: {facts}

We are unable to uphold your complaint, for this reason: {answer}

If you disagree, you may ask for a review within 30 days of receiving this letter. If you \
have any questions, please contact {handler} on {business_phone}."""),
}


def ensure_letter_templates(now: datetime) -> None:
    """Adds any default letter template the database does not have yet."""
    present = {(t.code, t.language) for t in ReplyTemplate.select(ReplyTemplate.code,
                                                                   ReplyTemplate.language)}
    missing = [{"code": code, "language": language, "title": title, "body": body,
                "updated_at": now}
               for (code, language), (title, body) in DEFAULTS.items()
               if (code, language) not in present]
    if missing:
        ReplyTemplate.insert_many(missing).execute()


def letter_body(code: str, language: str) -> str:
    """The letter template's text (the saved one, else the default)."""
    row = ReplyTemplate.get_or_none((ReplyTemplate.code == code)
                                    & (ReplyTemplate.language == language)
                                    & ReplyTemplate.active)
    return row.body if row else DEFAULTS[(code, language)][1]
