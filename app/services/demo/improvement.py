"""Demo corrective actions in every state, training given, and the warnings the demo cases
set off: written through the services at past moments, as the desk would have recorded
them, so their timelines, comparisons and reminders are real."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.models import Complaint, CorrectiveAction, RootCause, User
from app.services.improvement import actions, lifecycle, training, warnings
from app.services.improvement.actions import ActionForm

WEEK = timedelta(weeks=1)


@dataclass(frozen=True)
class DemoAction:
    """An action of the demo: what it is about, and how far it got by now."""

    title: str
    cause: str
    category: str
    owner: str
    started: timedelta  # how long ago it was started
    steps: tuple[str, ...]  # the states it went through, a week apart
    containment: str
    analysis: str
    measure: str
    note: str = ""  # the reason given for the last step


ACTIONS = (
    DemoAction("价签与收银价格每日核对", "RC05", "billing", "staff2", WEEK, (),
               "发现价签错误当场按低价结算", "", ""),
    DemoAction("客服接待话术与情绪安抚培训", "RC01", "service", "manager", 3 * WEEK,
               ("in_progress",), "态度投诉由经理当天回电致歉",
               "为什么 1：客户反映店员不耐烦\n为什么 2：高峰时段一人接待多名客户\n"
               "为什么 3：排班未按客流调整\n根本原因：排班与接待规范缺失", ""),
    DemoAction("送货前一天电话确认时间", "RC04", "delivery", "staff1", 5 * WEEK,
               ("in_progress", "done"), "延误订单优先改派",
               "为什么 1：客户不在家导致二次配送\n根本原因：未提前确认送货时间",
               "送货前一天由客服电话确认时间并短信提醒"),
    DemoAction("电饭煲来货开箱抽检", "RC03", "product_quality", "manager", 13 * WEEK,
               ("in_progress", "done", "verified"), "问题批次暂停销售",
               "为什么 1：内胆变形\n为什么 2：来货未检验\n根本原因：缺少来货检验环节",
               "每批来货开箱抽检十台，不合格整批退回"),
    DemoAction("收银系统故障应急预案", "RC09", "billing", "staff1", 12 * WEEK,
               ("in_progress", "done", "not_effective"), "故障时改用手工收据",
               "为什么 1：系统宕机无法开票\n根本原因：无备用方案",
               "准备手工收据并培训使用", "同类投诉未见减少，需联系系统供应商"),
    DemoAction("更换合作快递公司", "RC04", "delivery", "manager", 4 * WEEK,
               ("cancelled",), "", "", "", "与“送货前一天电话确认时间”合并处理"),
)
ACTIONS_EN = (
    DemoAction("Check price labels against the till every day", "RC05", "billing", "staff2",
               WEEK, (), "A wrong label is charged at the lower price on the spot", "", ""),
    DemoAction("Training: greeting and calming upset customers", "RC01", "service", "manager",
               3 * WEEK, ("in_progress",), "The manager calls back the same day to apologise",
               "Why 1: customers say the assistant was impatient\nWhy 2: one person serves "
               "several customers at peak times\nWhy 3: the rota ignores footfall\n"
               "Root cause: no rota or service standard", ""),
    DemoAction("Phone the day before delivery to agree the time", "RC04", "delivery", "staff1",
               5 * WEEK, ("in_progress", "done"), "Late orders go to another driver first",
               "Why 1: second delivery because nobody was home\nRoot cause: the time was "
               "never agreed beforehand",
               "Customer service phones the day before and sends a text reminder"),
    DemoAction("Open and sample-check rice cookers on delivery", "RC03", "product_quality",
               "manager", 13 * WEEK, ("in_progress", "done", "verified"),
               "Faulty batch taken off sale",
               "Why 1: inner pots deformed\nWhy 2: goods not checked on arrival\n"
               "Root cause: no goods-in check",
               "Sample ten units of every batch; a failing batch goes back whole"),
    DemoAction("Fallback plan for till system failures", "RC09", "billing", "staff1",
               12 * WEEK, ("in_progress", "done", "not_effective"),
               "Handwritten receipts while the system is down",
               "Why 1: no receipts when the system failed\nRoot cause: no fallback",
               "Keep handwritten receipt books and train staff to use them",
               "Complaints of this kind did not fall; call the system supplier"),
    DemoAction("Change courier company", "RC04", "delivery", "manager", 4 * WEEK,
               ("cancelled",), "", "", "",
               "Dealt with under “Phone the day before delivery to agree the time”"),
)
TRAININGS = (
    ("价签核对流程", "李经理", ("staff1", "staff2"), 0, "", 5),
    ("投诉接待礼仪与情绪安抚", "外部讲师 陈老师", ("staff1", "staff2", "manager"), None, "RC01",
     20),
    ("来货检验要点", "供应商质检员", ("manager", "staff1"), 3, "RC03", 80),
)
TRAININGS_EN = (
    ("Checking price labels", "Mark Lee", ("staff1", "staff2"), 0, "", 5),
    ("Greeting complaints and calming customers", "Ms Chen, outside trainer",
     ("staff1", "staff2", "manager"), None, "RC01", 20),
    ("What to check on goods-in", "Supplier's quality inspector", ("manager", "staff1"), 3,
     "RC03", 80),
)


def add_demo_improvement(*, now: datetime, english: bool = False) -> None:
    """Adds the demo actions, training and warnings (in English when `english`) to a desk
    just filled with cases."""
    boss = User.get(User.username == "manager")
    made = [_action(spec, boss, now) for spec in (ACTIONS_EN if english else ACTIONS)]
    for topic, trainer, people, action, cause, days_ago in (TRAININGS_EN if english
                                                            else TRAININGS):
        training.add_training(
            held_on=(now - timedelta(days=days_ago)).date(), topic=topic, trainer=trainer,
            attendees=people, action_id=made[action].id if action is not None else None,
            root_cause=cause or None, actor=boss, now=now - timedelta(days=days_ago))
    warnings.check_all(now=now)


def _action(spec: DemoAction, boss: User, now: datetime) -> CorrectiveAction:
    started = now - spec.started
    cause = RootCause.get(RootCause.code == spec.cause)
    linked = (Complaint.select(Complaint.id)
              .where((Complaint.root_cause == cause.id) & (Complaint.received_at < started))
              .order_by(Complaint.received_at.desc()).limit(3))
    action = actions.create_action(ActionForm(
        title=spec.title, owner=spec.owner, due_on=(started + 4 * WEEK).date(),
        root_causes=[spec.cause], categories=[spec.category], containment=spec.containment,
        cause_analysis=spec.analysis, measure=spec.measure,
        case_ids=[row.id for row in linked]), actor=boss, now=started)
    at = started
    for target in spec.steps:
        # The verdict comes at the check date; the other steps a week apart.
        check_on = action.check_on
        verdict = target in ("verified", "not_effective") and check_on is not None
        at = datetime.combine(check_on, at.time()) if check_on and verdict else at + WEEK
        note = spec.note if target in ("not_effective", "cancelled") else ""
        action = lifecycle.move_action(action.id, target, expected_version=action.version,
                                       actor=boss, now=min(at, now), note=note)
    return action
