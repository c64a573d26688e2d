"""`export`: the register, under the same filters as `list`, to an Excel workbook;
`import`: the complaints of an old register kept in Excel."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.commands.cases import add_filter_arguments, case_query
from app.commands.context import Context
from app.errors import InputError
from app.i18n import Text, current_language
from app.services.importing import importer
from app.services.register import export


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Adds `export` to the parser."""
    export_parser = commands.add_parser("export", parents=[common],
                                 help="write the register (filtered like list) to Excel")
    export_parser.add_argument("--out", required=True, metavar="FILE.xlsx")
    add_filter_arguments(export_parser)
    export_parser.add_argument("--events", action="store_true",
                        help="add a sheet with every case's timeline")
    export_parser.set_defaults(run=run_export)

    import_parser = commands.add_parser("import", parents=[common],
                                   help="record the complaints of an Excel register")
    import_parser.add_argument("file", metavar="FILE.xlsx")
    import_parser.add_argument("--sheet", help="the sheet to read (default: the first)")
    import_parser.add_argument("--mapping", metavar="FILE.json",
                          help='columns for fields, e.g. {"phone": "联系方式", "address": ""} '
                               '("" leaves a field out)')
    import_parser.add_argument("--dry-run", action="store_true",
                          help="only say what would be imported and what is wrong")
    import_parser.add_argument("--skip-bad-rows", action="store_true",
                          help="import the good rows even if some rows are wrong")
    import_parser.set_defaults(run=run_import)


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    """Writes the workbook and says how many cases (and events) went into it."""
    path = Path(args.out)
    if path.suffix.lower() != ".xlsx":
        raise InputError(Text("The file name must end in .xlsx (“{name}”).",
                              "文件名须以 .xlsx 结尾（“{name}”）。").format(name=path.name))
    path.parent.mkdir(parents=True, exist_ok=True)
    result = export.export_register(
        case_query(args, ctx.now), path, now=ctx.now, language=args.lang or current_language(),
        events=args.events, on_progress=_progress if sys.stderr.isatty() else None)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    message = Text("{n} case(s) written to {path}.", "已导出 {n} 件投诉到 {path}。")
    if result.events is not None:
        message = Text("{n} case(s) and {e} timeline event(s) written to {path}.",
                       "已导出 {n} 件投诉、{e} 条处理记录到 {path}。")
    print(str(message.format(n=result.cases, e=result.events, path=path)))
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)


def run_import(args: argparse.Namespace, ctx: Context) -> int:
    """Imports (or with --dry-run checks) the file; lists every row it cannot take and why.

    Exit code 1 when rows have problems and were not skipped (a dry run included), so a
    script can check a file first.
    """
    report = importer.import_cases(
        args.file, actor=ctx.actor(), now=ctx.now, sheet=args.sheet,
        mapping=_mapping(args.mapping), dry_run=args.dry_run,
        skip_bad_rows=args.skip_bad_rows)
    for problem in report.problems:
        print(f"{problem.message}  [{problem.value}]")
    for duplicate in report.duplicates:
        print(str(Text("Row {row}: already recorded as {of}.", "第 {row} 行：已登记为 {of}。")
                  .format(row=duplicate.row, of=duplicate.of)))
    print(str(_outcome(report)))
    return 1 if report.problems and not report.skip_bad_rows else 0


def _outcome(report: importer.ImportReport) -> Text:
    counts = {"rows": report.rows, "ready": report.ready, "bad": report.bad_rows,
              "dup": len(report.duplicates), "sheet": report.sheet}
    if report.dry_run:
        return Text("Dry run of sheet “{sheet}”: {rows} row(s), {ready} would be imported, "
                    "{bad} with problems, {dup} already recorded. Nothing was changed.",
                    "试运行（工作表“{sheet}”）：共 {rows} 行，可导入 {ready} 行，{bad} 行有问题，"
                    "{dup} 行已登记。未做任何更改。").format(**counts)
    if report.refused:
        return Text("Nothing imported: {bad} row(s) have problems (listed above). Correct "
                    "them, or use --skip-bad-rows to import the other {ready}.",
                    "未导入任何数据：{bad} 行有问题（见上）。请更正后重试，"
                    "或用 --skip-bad-rows 导入其余 {ready} 行。").format(**counts)
    return Text("{n} case(s) imported from sheet “{sheet}”; {bad} row(s) skipped, {dup} "
                "already recorded.", "已从工作表“{sheet}”导入 {n} 件投诉；跳过 {bad} 行，"
                "{dup} 行已登记。").format(n=len(report.created), **counts)


def _mapping(path: str | None) -> dict[str, str]:
    """The --mapping file: a JSON object of field name to column title."""
    if not path:
        return {}
    try:
        mapping = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(Text("Cannot read the mapping file {path}: {error}",
                              "无法读取对应关系文件 {path}：{error}").format(
            path=path, error=error)) from None
    if not isinstance(mapping, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()):
        raise InputError(Text('The mapping file must hold an object like {"phone": "联系方式"}.',
                              '对应关系文件应为如下格式：{"phone": "联系方式"}。'))
    return mapping
