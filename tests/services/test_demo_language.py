"""The demo speaks one language: an English demo has no Chinese in anything a person wrote
(names, complaints, follow-ups, offers, actions, training, accounts, the business), and the
Chinese demo stays as it was."""

import re
import sqlite3
from datetime import datetime
from pathlib import Path

from app.i18n import EN, ZH
from app.models import Complaint, Customer, User
from app.services import settings
from app.services.demo import generate
from app.services.desk.store import close_desk, open_desk

DEMO_NOW = datetime(2026, 11, 20, 16, 30)
CJK = re.compile("[\u3000-\u9fff\uff00-\uffef]")
# The desk's own vocabulary holds both languages by design: a Chinese name beside the
# English one, and templates for each language.
BILINGUAL = {"department", "category", "root_cause"}


def _chinese_texts(path: Path) -> dict[str, list[str]]:
    """Every text in the file that has Chinese in it, by table (vocabulary left out)."""
    found: dict[str, list[str]] = {}
    with sqlite3.connect(path) as conn:
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        for table in set(tables) - BILINGUAL:
            query = f'SELECT * FROM "{table}"'  # noqa: S608 - names from sqlite_master
            if table == "reply_template":
                query += " WHERE language <> 'zh_CN'"
            for row in conn.execute(query):
                found.setdefault(table, []).extend(
                    value for value in row if isinstance(value, str) and CJK.search(value))
    return {table: texts for table, texts in found.items() if texts}


def test_an_english_demo_has_no_chinese_in_what_people_wrote(tmp_path: Path) -> None:
    path = tmp_path / "en.sqlite3"
    open_desk(str(path))
    try:
        summary = generate.fill_demo(cases=400, seed=3, now=DEMO_NOW, language=EN)
        assert summary.cases == 400 and Complaint.select().count() == 400
        owner = User.get(User.username == "owner")
        assert owner.display_name == "Grace Owen"
        assert settings.get("business.name") == "Riverside Home Appliances"
        assert Complaint.select().where(Complaint.status == "merged").exists()  # all parts ran
    finally:
        close_desk()
    assert _chinese_texts(path) == {}


def test_the_chinese_demo_is_chinese_and_is_the_default(tmp_path: Path) -> None:
    open_desk(str(tmp_path / "zh.sqlite3"))
    try:
        generate.fill_demo(cases=60, seed=3, now=DEMO_NOW)
        names = [c.name for c in Customer.select()]
        assert names and all(CJK.search(name) for name in names)
        assert User.get(User.username == "manager").display_name == "李经理"
    finally:
        close_desk()
    assert generate.WORDS[ZH].SURNAMES[0] == "王"


def test_the_two_vocabularies_fill_the_same_patterns() -> None:
    """Every sentence pattern of one language has its counterpart in the other, with the
    same placeholders, so a category never falls back to another language's words."""
    chinese, english = generate.WORDS[ZH], generate.WORDS[EN]
    assert set(chinese.PATTERNS) == set(english.PATTERNS)
    assert set(chinese.RESOLUTIONS) == set(english.RESOLUTIONS)
    assert set(chinese.USERS) == set(english.USERS)
    placeholders = re.compile(r"{(\w+)}")
    for name in ("NAME", "ADDRESS", "SATISFACTION"):
        assert (set(placeholders.findall(getattr(chinese, name)))
                == set(placeholders.findall(getattr(english, name))))
