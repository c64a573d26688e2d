"""The program folder PyInstaller builds, run as a shop PC would run it (no Python there).

`installer/build.py --check` builds the folder and runs the bundled program on a new
database: its version, demo data, an Excel export, a summary and letters in Chinese, an
older database upgraded in place, and the window opened offscreen in Chinese. This reads
what it wrote, so a bundle missing its fonts, translations or icon fails here.
"""

import os
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.models.migrations import CURRENT_VERSION
from tests.reports.conftest import pdf_fonts, pdf_text, squeezed

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # about half a minute: PyInstaller builds the whole folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """Builds the bundle once and checks it; returns the folder, the check's files and
    what the check printed."""
    base = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"), "--dist", str(base / "dist"),
         "--work", str(base / "work"), "--check", str(base / "check")],
        capture_output=True, text=True, encoding="utf-8", timeout=900, cwd=ROOT,
        env={**os.environ, "XDG_CONFIG_HOME": str(base / "config")})  # the window's QSettings
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return base / "dist" / "ComplaintDesk", base / "check", done.stdout


def test_the_bundle_reports_the_version_of_pyproject(built: tuple[Path, Path, str]) -> None:
    with (ROOT / "pyproject.toml").open("rb") as file:
        version = tomllib.load(file)["project"]["version"]
    assert f"complaint-desk {version}\n" in built[2]


def test_the_bundle_carries_fonts_translations_and_icons_not_sources(
        built: tuple[Path, Path, str]) -> None:
    resources = built[0] / "_internal" / "resources"
    for part in ("fonts/wqy-microhei.ttc", "fonts/LICENSE-wqy-microhei.txt",
                 "translations/complaint_desk_zh_CN.qm", "icons/complaint-desk.png",
                 "icons/complaint-desk.ico"):
        assert (resources / part).is_file(), part
    assert not list(resources.rglob("*.ts"))  # translators' sources stay out
    assert (built[0] / "ComplaintDesk").exists() or (built[0] / "ComplaintDesk.exe").exists()


def test_the_bundled_export_is_a_register_of_the_demo_cases(
        built: tuple[Path, Path, str]) -> None:
    book = load_workbook(built[1] / "register.xlsx", read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 51 and rows[1][0].startswith("TS-")


def test_bundled_documents_are_in_chinese_with_the_bundled_font(
        built: tuple[Path, Path, str]) -> None:
    summary = built[1] / "summary.pdf"
    assert "投诉处理单" in squeezed(pdf_text(summary))
    assert any("WenQuanYi" in font["name"] and font["emb"] == "yes"
               for font in pdf_fonts(summary))
    letters = sorted((built[1] / "letters").glob("*.pdf"))
    assert letters and "处理结果告知书" in squeezed(pdf_text(letters[0]))


def test_the_bundled_review_pack_and_workbook(built: tuple[Path, Path, str]) -> None:
    assert "月度投诉分析报告" in squeezed(pdf_text(built[1] / "review.pdf"))
    assert load_workbook(built[1] / "review.xlsx", read_only=True).sheetnames[0] == "Summary"


def test_an_older_database_is_upgraded_in_place_with_a_copy_kept(
        built: tuple[Path, Path, str]) -> None:
    with sqlite3.connect(built[1] / "old.sqlite3") as conn:
        (version,) = conn.execute("SELECT version FROM schema_version").fetchone()
    assert version == CURRENT_VERSION
    assert list(built[1].glob("old.before-v*.bak"))


def test_the_bundled_window_opens_in_chinese_with_its_icon_and_pdf_viewer(
        built: tuple[Path, Path, str]) -> None:
    out = built[2]
    assert "OK    window: 投诉处理台" in out
    assert "complaint_desk_zh_CN.qm" in out
    assert "OK    icon: yes" in out and "OK    pdf viewer: 1 page(s)" in out
