"""Builds Complaint Desk for a PC without Python: the program folder, then the setup program.

    python installer/build.py                  # dist/ComplaintDesk/, the program folder
    python installer/build.py --check DIR      # … then run the built program on a test
                                               #     database in DIR (see `check_bundle`)
    python installer/build.py --setup          # … then, on Windows, the setup program
                                               #     dist/ComplaintDesk-<version>-setup.exe

Needs the project installed with its build tools (`pip install -e ".[build,postgres]"`).
The version is pyproject.toml's; the setup program needs Inno Setup 6.5 or later (ISCC).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tomllib
import urllib.request
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "complaint-desk.spec"
ISS = INSTALLER / "complaint-desk.iss"
# Inno Setup ships Chinese (Simplified) messages only among its "unofficial" translations,
# which its installer leaves out; this is that file, at a fixed revision.
CHINESE_MESSAGES = INSTALLER / "ChineseSimplified.isl"
CHINESE_MESSAGES_URL = ("https://raw.githubusercontent.com/jrsoftware/issrc/"
                        "70069a49c1e56341b22a67964ad904daf0be056c/"
                        "Files/Languages/Unofficial/ChineseSimplified.isl")
WINDOWS = sys.platform == "win32"
CONSOLE_PROGRAM = "complaint-desk.exe" if WINDOWS else "complaint-desk"
OLD_DATABASE = ROOT / "tests" / "fixtures" / "schema-v1.sqlite3"  # a first-release database
DEMO_PASSWORD = "demo"


def project_version() -> str:
    """The version written in pyproject.toml: numbers only (1.2.3), as Windows' file
    properties and the setup program's version require."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        version = tomllib.load(file)["project"]["version"]
    parts = version.split(".")
    if not 1 <= len(parts) <= 4 or not all(part.isdigit() for part in parts):
        raise SystemExit(f"pyproject.toml's version {version!r} must be numbers and dots "
                         "(like 1.2.3) for the Windows program and setup.")
    return version


def main(argv: Sequence[str] | None = None) -> int:
    """Builds what the options ask for; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="build folder")
    parser.add_argument("--check", type=Path, metavar="DIR",
                        help="run the built program on a test database in DIR")
    parser.add_argument("--setup", action="store_true",
                        help="make the setup program with Inno Setup (Windows)")
    args = parser.parse_args(argv)
    version = project_version()
    bundle = build_bundle(version, dist=args.dist, work=args.work)
    if args.check:
        check_bundle(bundle, args.check, version=version)
    if args.setup:
        setup = build_setup(bundle, version=version, dist=args.dist)
        print(f"Setup program: {setup}")
    return 0


def build_bundle(version: str, *, dist: Path, work: Path) -> Path:
    """Runs PyInstaller on the spec; returns the program folder."""
    # PyInstaller reads relative paths in the spec from the spec's folder, not from here.
    dist, work = dist.resolve(), work.resolve()
    _refresh_metadata(version)
    work.mkdir(parents=True, exist_ok=True)
    environment = dict(os.environ)
    if WINDOWS:
        environment["COMPLAINT_DESK_VERSION_FILE"] = str(_version_file(version, work))
    # Run from the build folder: in the project's own, the current directory on the path
    # would offer PyInstaller the source tree's stale egg-info instead of the installed
    # package's metadata, which carries the version.
    _run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
          "--distpath", str(dist), "--workpath", str(work), str(SPEC)], env=environment, cwd=work)
    bundle = dist / "ComplaintDesk"
    print(f"Program folder: {bundle} ({_size_mb(bundle):.0f} MB)")
    return bundle


def _refresh_metadata(version: str) -> None:
    """The bundle takes its version from the installed package's metadata; reinstalls
    the package (without its dependencies) when pyproject.toml has moved on since."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        current = installed("complaint-desk")
    except PackageNotFoundError:
        current = None
    if current != version:
        print(f"Installed metadata says {current}, pyproject.toml {version}: reinstalling.")
        _run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "-e", str(ROOT)])


def _version_file(version: str, work: Path) -> Path:
    """The file properties Windows shows for the programs (PyInstaller's format)."""
    numbers = tuple(int(part) for part in (version.split(".") + ["0"] * 4)[:4])
    strings = {"CompanyName": "Complaint Desk", "FileDescription": "Complaint Desk 投诉处理台",
               "FileVersion": version, "InternalName": "ComplaintDesk",
               "LegalCopyright": "", "OriginalFilename": "ComplaintDesk.exe",
               "ProductName": "Complaint Desk", "ProductVersion": version}
    entries = ", ".join(f"StringStruct({key!r}, {value!r})" for key, value in strings.items())
    path = work / "version_info.txt"
    path.write_text(
        f"VSVersionInfo(ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, "
        "mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)), "
        f"kids=[StringFileInfo([StringTable('080404b0', [{entries}])]), "
        "VarFileInfo([VarStruct('Translation', [2052, 1200])])])\n", encoding="utf-8")
    return path


def check_bundle(bundle: Path, folder: Path, *, version: str) -> None:
    """Runs the built program headless, as a shop PC would, on a new database in `folder`:
    its version; demo data; an Excel export; a case summary and letters (the fonts); the
    monthly review pack and its workbook (reportlab's charts, xlsxwriter); an
    older database upgraded in place; and the window opened offscreen in Chinese (the
    translations, the icon, Qt's plugins and the PDF viewer). Raises on any failure."""
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "desk.sqlite3"
    for leftover in folder.glob("desk.sqlite3*"):
        leftover.unlink()
    program = bundle / CONSOLE_PROGRAM
    shown = _run_program(program, "--version")
    if version not in shown:
        raise SystemExit(f"--version said {shown.strip()!r}, expected {version}")

    def run(*args: str) -> str:
        return _run_program(program, "--db", str(database), *args)

    run("demo", "--cases", "50")
    run("export", "--out", str(folder / "register.xlsx"))
    number = json.loads(run("list", "--json", "--limit", "1"))[0]["number"]
    run("--lang", "zh_CN", "print", number, "--kind", "summary", "--out",
        str(folder / "summary.pdf"))
    run("--lang", "zh_CN", "print", "--kind", "letter", "--status", "closed", "--out",
        str(folder / "letters"))
    run("--lang", "zh_CN", "report", "--out", str(folder / "review.pdf"))  # charts, xlsxwriter
    run("report", "--out", str(folder / "review.xlsx"))
    if OLD_DATABASE.exists():
        old = folder / "old.sqlite3"
        shutil.copyfile(OLD_DATABASE, old)
        _run_program(program, "--db", str(old), "check")
    _run_program(program, "--db", str(database), "--lang", "zh_CN", "--user", "owner",
                 "--smoke-test", env={"COMPLAINT_DESK_PASSWORD": DEMO_PASSWORD})
    print(f"Checked: the built program works on {folder}")


def _run_program(program: Path, *args: str, env: dict[str, str] | None = None) -> str:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    for variable in ("COMPLAINT_DESK_DB", "DISPLAY", "WAYLAND_DISPLAY"):
        environment.pop(variable, None)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"$ {program.name} {' '.join(args)}", flush=True)
    done = subprocess.run([str(program), *args], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", env=environment, timeout=300,
                          stdin=subprocess.DEVNULL)
    print(done.stdout, end="")
    if done.returncode != 0:
        raise SystemExit(f"{program.name} {' '.join(args)} failed ({done.returncode}):\n"
                         f"{done.stderr}")
    return done.stdout


def build_setup(bundle: Path, *, version: str, dist: Path) -> Path:
    """Compiles the Inno Setup script over the program folder; returns the setup program."""
    compiler = _inno_compiler()
    if not CHINESE_MESSAGES.exists():
        print(f"Fetching Inno Setup's Chinese (Simplified) messages: {CHINESE_MESSAGES_URL}")
        with urllib.request.urlopen(CHINESE_MESSAGES_URL, timeout=60) as response:
            CHINESE_MESSAGES.write_bytes(_with_bom(response.read()))
    _run([str(compiler), f"/DAppVersion={version}", f"/DBundleDir={bundle.resolve()}",
          f"/O{dist.resolve()}", str(ISS)])
    return dist / f"ComplaintDesk-{version}-setup.exe"


def _with_bom(text: bytes) -> bytes:
    """UTF-8 text as Inno Setup reads it as UTF-8: after a byte-order mark (without one it
    takes the file for the code page the file names, and the Chinese comes out garbled)."""
    bom = b"\xef\xbb\xbf"
    if text.startswith(bom):
        return text
    text.decode("utf-8")  # refuse anything that is not UTF-8 rather than garble it
    return bom + text


def _inno_compiler() -> Path:
    found = shutil.which("iscc")
    candidates = [Path(found)] if found else []
    for variable in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        if os.environ.get(variable):
            root = Path(os.environ[variable])
            for folder in (root, root / "Programs"):  # newest version first
                candidates += sorted(folder.glob("Inno Setup */ISCC.exe"), reverse=True)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise SystemExit("Inno Setup was not found (ISCC.exe). Install version 6.5 or later from "
                     "https://jrsoftware.org/isdl.php or with `winget install "
                     "JRSoftware.InnoSetup`, then run this again.")


def _run(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> None:
    print("$ " + " ".join(command), flush=True)
    subprocess.run(command, check=True, env=env, cwd=cwd)


def _size_mb(folder: Path) -> float:
    files = (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files) / 2**20


if __name__ == "__main__":
    raise SystemExit(main())
