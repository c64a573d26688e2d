"""`make run` on a bare machine: the libraries a real window needs, the window opened on an X
server (Xvfb), and Chinese drawn with the bundled font where the system has none."""

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.cli.conftest import Run, _environment

ROOT = Path(__file__).resolve().parents[2]
DEPS = ROOT / "tools" / "system-deps.sh"
# What Qt's xcb plugin needs on Debian, and what `xvfb-run` needs (ENVIRONMENT notes).
XCB = {"xvfb", "xauth", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
       "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xfixes0",
       "libxcb-xkb1", "libxcb-shm0", "libxcb-sync1", "libxcb-util1", "libx11-xcb1",
       "libxkbcommon-x11-0"}
LATIN_ONLY_FONTS = Path("/usr/share/fonts/truetype/dejavu")


def _packages(purpose: str) -> set[str]:
    listed = subprocess.run(["bash", str(DEPS), "--list", purpose], capture_output=True,
                            text=True, check=True)
    return set(listed.stdout.split())


def test_make_run_installs_or_names_what_a_real_window_needs() -> None:
    window = _packages("window")
    assert window >= XCB
    assert {"fonts-wqy-microhei", "libegl1", "libfontconfig1"} <= window
    assert window <= _packages("test")  # the tests open a real window too
    run_recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(),
                           re.MULTILINE)
    assert run_recipe is not None
    steps = run_recipe.group(1).splitlines()
    assert steps[0].strip() == "tools/system-deps.sh window"
    assert "complaint-desk" in steps[-1]


def test_without_root_the_missing_packages_are_named_in_one_line(tmp_path: Path) -> None:
    # A dpkg-query that knows no package, and a user who is not root.
    fake = tmp_path / "bin"
    fake.mkdir()
    for name, script in (("dpkg-query", "exit 1"), ("id", "echo 1000")):
        (fake / name).write_text(f"#!/bin/sh\n{script}\n")
        (fake / name).chmod(0o755)
    told = subprocess.run(["bash", str(DEPS), "window"], capture_output=True, text=True,
                          env={**os.environ, "PATH": f"{fake}:{os.environ['PATH']}"})
    assert told.returncode == 1
    install = [line for line in told.stderr.splitlines() if "apt-get install" in line]
    assert len(install) == 1 and set(install[0].split()) >= XCB


@pytest.mark.skipif(shutil.which("xvfb-run") is None,
                    reason="needs xvfb-run (tools/system-deps.sh test installs it)")
def test_the_window_opens_on_an_x_server(shop: Run, tmp_path: Path) -> None:
    environment = _environment(tmp_path, shop.database, "secret",  # type: ignore[attr-defined]
                               {"QT_QPA_PLATFORM": "xcb"})
    done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable,
                           "-m", "app", "--smoke-test", "--user", "boss", "--lang", "zh_CN"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          env=environment, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OK    platform: xcb" in done.stdout.splitlines()
    assert done.stdout.startswith("OK    window: 投诉处理台 ")


@pytest.mark.skipif(not LATIN_ONLY_FONTS.is_dir(), reason="needs fonts-dejavu-core")
def test_chinese_is_drawn_with_the_bundled_font_when_the_system_has_none(
        tmp_path: Path) -> None:
    config = tmp_path / "fonts.conf"
    config.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{LATIN_ONLY_FONTS}</dir><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>
""")
    # A character is drawn as a box when its picture is the same as that of a character no
    # font has (a private-use one).
    script = textwrap.dedent("""
        import sys
        from PySide6.QtWidgets import QLabel
        from app.ui import fonts
        from app.ui.app import make_application

        def picture(text):
            label = QLabel(text)
            label.adjustSize()
            return label.grab().toImage()

        app = make_application()
        print(fonts.chosen())
        sys.exit(0 if picture("投") != picture("\\ue000") else 3)
    """)
    environment = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=environment, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ChineseFont(family='WenQuanYi Micro Hei', bundled=True)")
