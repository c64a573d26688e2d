"""`demo` fills the database in the language of the messages: `--lang`, else the system's."""

import sqlite3

import pytest

from tests.cli.conftest import Run
from tests.services.test_demo_language import CJK


@pytest.mark.parametrize(("options", "owner", "chinese"), [
    (("--lang", "en"), "Grace Owen", False),
    (("--lang", "zh_CN"), "王老板", True),
    ((), "Grace Owen", False),  # the test's system speaks English (LANG=C.UTF-8)
])
def test_demo_speaks_the_language_of_the_messages(cli: Run, options: tuple[str, ...],
                                                  owner: str, chinese: bool) -> None:
    filled = cli(*options, "demo", "--cases", "40", password=None)
    assert filled.returncode == 0, filled.stderr
    with sqlite3.connect(cli.database) as conn:  # type: ignore[attr-defined]
        names = [name for (name,) in conn.execute("SELECT name FROM customer")]
        shown = conn.execute("SELECT display_name FROM user WHERE username = 'owner'").fetchone()
    assert shown == (owner,)
    assert len(names) > 20 and all(bool(CJK.search(name)) == chinese for name in names)
