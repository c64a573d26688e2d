"""Keeps the window's translation in step with the code.

    python tools/translations.py update    # add new tr() strings to the .ts (as unfinished)
    python tools/translations.py release   # compile the .ts into the .qm the app loads
    python tools/translations.py check     # exit 1 if any string lacks a translation
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app" / "ui").rglob("*.py"))
TS = ROOT / "resources" / "translations" / "complaint_desk_zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def update(ts: Path = TS) -> None:
    """Adds strings found in the code to `ts` and drops those no longer used."""
    subprocess.run([str(BIN / "pyside6-lupdate"), *SOURCES, "-ts", str(ts), "-no-obsolete",
                    "-silent"], check=True, cwd=ROOT)


def release(ts: Path = TS, qm: Path = QM) -> None:
    """Compiles `ts` into `qm`."""
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm), "-silent"],
                   check=True, cwd=ROOT)


def untranslated(ts: Path = TS) -> list[str]:
    """`context: source` of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def main(command: str) -> int:
    """Runs one of update, release or check."""
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "check":
        missing = untranslated()
        print("\n".join(missing) or "all strings translated")
        return 1 if missing else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
