"""The desk's fixed vocabulary, with the Chinese terms of the domain text.

Codes (English, stable) are stored and used in JSON; `Text` labels are shown. `lookup`
accepts a code or either language's name, so the CLI and the importer take
`phone`, `电话` or `Phone` alike.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.errors import InputError
from app.i18n import Text

STATUSES: Mapping[str, Text] = {
    "new": Text("New", "新受理"),
    "acknowledged": Text("Acknowledged", "已答复"),
    "in_progress": Text("In progress", "处理中"),
    "awaiting_approval": Text("Awaiting approval", "待审批"),
    "resolved": Text("Resolved", "已解决"),
    "rejected": Text("Not upheld", "不予支持"),
    "closed": Text("Closed", "已结案"),
    "reopened": Text("Reopened", "重新处理"),
    # A duplicate merged into another case: it leads there, and is counted there.
    "merged": Text("Merged", "已合并"),
}
OPEN_STATUSES = ("new", "acknowledged", "in_progress", "awaiting_approval", "reopened")

CHANNELS: Mapping[str, Text] = {
    "phone": Text("Phone", "电话"),
    "counter": Text("Counter", "门店"),
    "wechat": Text("WeChat", "微信"),
    "email": Text("E-mail", "邮件"),
    "letter": Text("Letter", "信函"),
    "regulator": Text("Regulator referral", "监管转办"),
    "other": Text("Other", "其他"),
}

SEVERITIES: Mapping[str, Text] = {
    "low": Text("Low", "一般"),
    "medium": Text("Medium", "较重"),
    "high": Text("High", "严重"),
    "critical": Text("Critical", "重大"),
}

FLAGS: Mapping[str, Text] = {
    "group": Text("Group complaint", "群体投诉"),
    "risk": Text("Escalation risk", "过激行为/曝光风险"),
    "management": Text("Management responsibility", "管理责任"),
}

OFFER_KINDS: Mapping[str, Text] = {
    "refund": Text("Refund", "退款"),
    "replacement": Text("Replacement", "换货"),
    "repair": Text("Repair", "维修"),
    "voucher": Text("Voucher", "代金券"),
    "gift": Text("Gift", "赠品"),
    "cash": Text("Cash", "现金补偿"),
    "apology": Text("Apology (non-material)", "道歉（非物质）"),
    "other": Text("Other", "其他"),
}

OFFER_STATUSES: Mapping[str, Text] = {
    "proposed": Text("Waiting for approval", "待审批"),
    "approved": Text("Approved", "已批准"),
    "refused": Text("Refused", "已拒绝"),
    "withdrawn": Text("Withdrawn", "已撤回"),
    "countered": Text("Counter-offer made", "已还价"),
    "paid": Text("Paid", "已支付"),  # not a status: how the timeline words a payment
}

PAYMENT_METHODS: Mapping[str, Text] = {
    "cash": Text("Cash", "现金"),
    "transfer": Text("Bank transfer", "银行转账"),
    "wechat": Text("WeChat Pay", "微信支付"),
    "alipay": Text("Alipay", "支付宝"),
    "card": Text("Card refund", "原卡退款"),
    "voucher": Text("Voucher handed over", "发放代金券"),
    "goods": Text("Goods handed over", "交付实物"),
    "other": Text("Other", "其他"),
}

ROLE_NAMES: Mapping[str, Text] = {
    "staff": Text("Staff", "受理人员"),
    "manager": Text("Manager", "经理"),
    "owner": Text("Owner", "负责人"),
    "admin": Text("Administrator", "系统管理员"),
}

EVENT_KINDS: Mapping[str, Text] = {
    "created": Text("Complaint recorded", "受理投诉"),
    "status": Text("Status changed", "状态变更"),
    "field": Text("Field changed", "信息修改"),
    "note": Text("Note", "备注"),
    "customer": Text("Customer details", "客户信息"),
    "compensation": Text("Compensation", "补偿"),
    "follow_up": Text("Follow-up", "跟进"),
    "clock": Text("Deadline changed", "时限变更"),
    "extension": Text("Deadline extended", "延长时限"),
    "reply": Text("Reply to the customer", "答复客户"),
    "attachment": Text("Attachment added", "添加附件"),
    "escalation": Text("Escalated", "升级"),
    "escalation_ack": Text("Escalation acknowledged", "确认升级"),
    "settings": Text("Settings changed", "设置修改"),
    "user": Text("User account", "用户账户"),
    "catalog": Text("List changed", "列表修改"),
    "imported": Text("Imported", "导入"),
    "restored": Text("Database restored from a backup", "从备份恢复数据库"),
    "sign_in": Text("Sign-in refused", "登录被拒"),
    # Continuous improvement: a case linked to an action shows on the case's timeline too.
    "action": Text("Corrective action", "整改措施"),
    "training": Text("Training", "培训"),
    "warning": Text("Early warning", "预警"),
    "warning_rule": Text("Warning rule changed", "预警规则修改"),
    "merge": Text("Cases merged", "合并投诉"),
    "unmerge": Text("Merge undone", "撤销合并"),
    "legal_hold": Text("Legal hold", "法律保全"),
    "personal_data": Text("Personal data removed", "删除个人信息"),
    "retention": Text("Retention run", "到期个人信息清理"),
    "own_record": Text("Customer's own record given", "向客户提供其个人信息记录"),
}


def lookup(vocabulary: Mapping[str, Text], value: str, *, what: Text) -> str:
    """The code for `value`, given as a code or a name in either language.

    Raises:
        InputError: naming the accepted values.
    """
    wanted = value.strip().casefold()
    for code, label in vocabulary.items():
        if wanted in (code.casefold(), label.en.casefold(), label.zh.casefold()):
            return code
    choices = ", ".join(f"{code} ({label.zh})" for code, label in vocabulary.items())
    raise InputError(
        Text("Unknown {what} “{value}”. Use one of: {choices}.",
             "未知的{what}“{value}”。可选：{choices}。").format(
            what=Text(what.en.lower(), what.zh), value=value, choices=choices
        )
    )


def label(vocabulary: Mapping[str, Text], code: str) -> str:
    """The shown name of `code` in the current language (the code itself if unknown)."""
    text = vocabulary.get(code)
    return str(text) if text else code
