"""The Inno Setup script, read as text: Inno Setup runs only on Windows (its CI workflow
compiles it), so what must agree with the program is checked here."""

import re
from pathlib import Path

import pytest

from app.location import default_database_path
from app.ui.app import WINDOWS_APP_ID

INSTALLER = Path(__file__).resolve().parents[2] / "installer"


@pytest.fixture(scope="module")
def script() -> str:
    raw = (INSTALLER / "complaint-desk.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads Chinese text only with a BOM"
    return raw.decode("utf-8-sig").replace("\r\n", "\n")


def _section(script: str, name: str) -> str:
    found = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", script, re.MULTILINE | re.DOTALL)
    return found.group(1) if found else ""


def test_installs_per_user_in_chinese_or_english(script: str) -> None:
    setup = _section(script, "Setup")
    assert "PrivilegesRequired=lowest" in setup and "DefaultDirName={autopf}" in setup
    languages = _section(script, "Languages")
    assert 'Name: "chinesesimplified"' in languages and 'Name: "english"' in languages


def test_every_message_of_the_script_is_in_both_languages(script: str) -> None:
    messages = re.findall(r"^(\w+)\.(\w+)=", _section(script, "CustomMessages"), re.MULTILINE)
    by_language: dict[str, set[str]] = {}
    for language, name in messages:
        by_language.setdefault(language, set()).add(name)
    assert by_language["chinesesimplified"] == by_language["english"] != set()


def test_shortcuts_start_the_window_with_the_programs_taskbar_id(script: str) -> None:
    spec = (INSTALLER / "complaint-desk.spec").read_text()
    assert 'program("ComplaintDesk", console=False)' in spec
    assert '#define AppExe "ComplaintDesk.exe"' in script
    icons = _section(script, "Icons")
    assert icons.count(f'AppUserModelID: "{WINDOWS_APP_ID}"') == 2


def test_the_uninstaller_keeps_the_data_folder_the_program_uses(script: str) -> None:
    assert "[UninstallDelete]" not in script  # nothing beyond what setup installed
    folder = default_database_path().parent.name
    assert f"{{localappdata}}\\{folder}')" in script  # the folder the "kept" message names
    assert 'Name: "{app}\\_internal"' in _section(script, "InstallDelete")  # program only
