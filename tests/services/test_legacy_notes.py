"""The notes older versions wrote in words (in English or in Chinese) are recognised as the
codes they stand for when read, so a database upgraded from schema 3, 4 or 5 shows them in the
reader's language; the record keeps them as written, and what people typed is left as it was."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.i18n import ZH, speaking
from app.models import CompensationOffer, Event, FollowUp
from app.models.notes import decoded
from app.services import notes
from app.services.casework.view import CaseDetails
from app.services.desk import integrity
from app.services.desk.store import close_desk, open_desk
from app.services.legacy_notes import recognised, recognised_follow_up

FIXTURES = Path(__file__).parent.parent / "fixtures"
# (note as an older version stored it, the code it becomes, its values)
WRITTEN = [
    ("门店规则：当天初步答复，7 天内处理完毕", "rule_shop", {"days": 7}),
    ("Shop profile: first answer the same day, decision within 10 days", "rule_shop",
     {"days": 10}),
    ("金融保险规则：15 日内作出处理决定", "rule_financial", {}),
    ("当场解决", "solved_on_the_spot", {}),
    ("Solved on the spot", "solved_on_the_spot", {}),
    ("在提出人自己的权限内", "within_limit", {}),
    ("Counter-offer accepted", "counter_accepted", {}),
    ("暂停 3 天后恢复计时。", "resumed", {"days": 3, "note": ""}),
    ("Resumed after 2 day(s). 报告已到", "resumed", {"days": 2, "note": "报告已到"}),
    ("客户申请核查：对结果有异议", "review", {"reason": "对结果有异议"}),
    ("Review (核查) requested: wants a second look", "review", {"reason": "wants a second look"}),
    ("从 旧登记表.xlsx 第 4 行导入（原编号 A-17）", "imported_renumbered",
     {"file": "旧登记表.xlsx", "row": 4, "old": "A-17"}),
    ("Imported from old.xlsx, row 12", "imported", {"file": "old.xlsx", "row": 12}),
    ("补偿方案已批准（李经理）：退款 ¥1,500.00。请告知客户。", "tell_customer",
     {"status": "approved", "who": "李经理", "kind": "refund", "amount": 150000}),
    ("Compensation countered by Boss: Voucher ¥80.00. Tell the customer.", "tell_customer",
     {"status": "countered", "who": "Boss", "kind": "voucher", "amount": 8000}),
    ("回访客户：问题是否已解决？记录满意度。", "callback", {}),
    ("回访客户，记录满意度", "callback", {}),
]
TYPED = ["客户提供了新的检测报告", "Solved on the spot, gave a voucher", "门店规则：看情况",
         "补偿方案已批准（李经理）：退款 很多。请告知客户。"]


@pytest.mark.parametrize(("text", "code", "values"), WRITTEN)
def test_each_note_an_older_version_wrote_is_recognised(text: str, code: str,
                                                        values: dict) -> None:
    assert decoded(recognised(text) or "") == (code, values)


@pytest.mark.parametrize("text", TYPED)
def test_what_people_typed_is_not_taken_for_a_note_of_the_desk(text: str) -> None:
    assert recognised(text) is None


def test_a_follow_up_on_the_timeline_is_recognised_by_its_note() -> None:
    stored = recognised_follow_up("2026-03-05 18:00 张小芳: 回访客户：问题是否已解决？记录满意度。")
    assert str(notes.words(stored or "")).startswith("2026-03-05 18:00 张小芳: Call the customer")
    assert recognised_follow_up("2026-03-05 18:00 张小芳: 打电话问问") is None


def _add_legacy_rows(path: Path) -> None:
    """Events, a follow-up and an offer as an older version wrote them, on the first case."""
    with sqlite3.connect(path) as conn:
        case_id, actor_id = conn.execute("SELECT id, received_by_id FROM complaint "
                                         "ORDER BY id LIMIT 1").fetchone()
        rows = [("clock", "resolution_due", "", "2026-03-11 18:00", WRITTEN[0][0]),
                ("status", "status", "new", "closed", "Solved on the spot"),
                ("status", "status", "closed", "reopened", "客户提供了新的检测报告"),
                ("follow_up", "follow_up", "", f"2026-03-05 18:00 张小芳: {WRITTEN[13][0]}", ""),
                ("follow_up", "follow_up_done", "回访客户，记录满意度", "客户满意", "")]
        conn.executemany(
            "INSERT INTO event (complaint_id, at, actor_id, kind, field, old_value, new_value, "
            "note, case_version) VALUES (?, '2026-03-04 10:00:00', ?, ?, ?, ?, ?, ?, 1)",
            [(case_id, actor_id, *row) for row in rows])
        conn.execute(
            "INSERT INTO follow_up (complaint_id, kind, due_at, assignee_id, note, "
            "created_by_id, created_at, outcome) VALUES (?, 'next_step', "
            "'2026-03-05 18:00:00', ?, ?, ?, '2026-03-04 10:00:00', '')",
            (case_id, actor_id, WRITTEN[13][0], actor_id))
        conn.execute("UPDATE compensation_offer SET decision_reason = '在提出人自己的权限内' "
                     "WHERE id = (SELECT MIN(id) FROM compensation_offer)")
    conn.close()


@pytest.mark.parametrize("version", [3, 4, 5])
def test_an_upgraded_database_words_what_the_desk_wrote_for_the_reader(version: int,
                                                                       tmp_path: Path) -> None:
    old = tmp_path / f"v{version}.sqlite3"
    shutil.copy(FIXTURES / f"schema-v{version}.sqlite3", old)
    _add_legacy_rows(old)
    open_desk(str(old))
    try:
        assert [r.name for r in integrity.run_checks() if not r.ok] == []  # the chain holds
        case_id = Event.select(Event.complaint).order_by(Event.id.desc()).first().complaint_id
        timeline = CaseDetails.load_id(case_id).timeline[-5:]
        assert [e.describe_note() for e in timeline[:3]] == [
            "Shop profile: first answer the same day, decision within 7 days",
            "Solved on the spot", "客户提供了新的检测报告"]
        with speaking(ZH):
            assert timeline[1].describe_note() == "当场解决"
        assert timeline[3].describe().endswith(
            "张小芳: Compensation approved by 李经理: Refund ¥1,500.00. Tell the customer.")
        assert timeline[4].describe() == ("Follow-up done: Call the customer: did the solution "
                                          "work? Record satisfaction. → 客户满意")
        assert timeline[0].to_json()["note_code"] == {"code": "rule_shop", "days": 7}
        # Kept as written: the record is not rewritten, only read.
        assert Event.select().where(Event.note == "Solved on the spot").exists()
        # The demo's call-backs and the legacy follow-up, and the offer's reason.
        legacy = FollowUp.select().where(FollowUp.note == WRITTEN[13][0]).get()
        assert str(notes.words(legacy.note)) == ("Compensation approved by 李经理: Refund "
                                                 "¥1,500.00. Tell the customer.")
        with speaking(ZH):
            said = {str(notes.words(f.note)) for f in FollowUp.select()}
        assert "回访客户：问题是否已解决？记录满意度。" in said
        reasons = [notes.words(o.decision_reason) for o in CompensationOffer.select()]
        assert ("Within the proposer's own limit", "在提出人自己的权限内") in reasons
        assert ("符合补偿标准", "符合补偿标准") in reasons  # typed by someone: as it was
    finally:
        close_desk()
