"""``cunyi residents``: import and export rosters, search, correct a record."""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli import core
from app.cli.core import RESIDENT_HELP, CliError, add_json, open_store, print_json
from app.cli.numbers import WholeNumber
from app.i18n import QT_TRANSLATE_NOOP


def register(sub) -> None:
    r = sub.add_parser("residents", help=QT_TRANSLATE_NOOP("Cli", "居民档案")).add_subparsers(
        dest="action", required=True
    )
    ri = r.add_parser("import", help=QT_TRANSLATE_NOOP("Cli", "导入花名册（.xlsx 或 .csv）"))
    ri.add_argument("file", help=QT_TRANSLATE_NOOP("Cli", "花名册文件（.xlsx 或 .csv）"))
    ri.add_argument("--dry-run", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "只检查，不导入"))
    ri.add_argument(
        "--skip-invalid", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "只导入正确的行，跳过有错误的行")
    )
    ri.add_argument(
        "--village", default="", help=QT_TRANSLATE_NOOP("Cli", "（乡镇）这些居民所在村的12位代码")
    )
    add_json(ri)
    ri.set_defaults(func=import_roster)
    rt = r.add_parser("template", help=QT_TRANSLATE_NOOP("Cli", "生成空白花名册模板"))
    rt.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help=QT_TRANSLATE_NOOP("Cli", "写出的模板文件（.xlsx 或 .csv）"),
    )
    rt.set_defaults(func=write_template)
    rs = r.add_parser("search", help=QT_TRANSLATE_NOOP("Cli", "按程序界面的方式查找居民"))
    rs.add_argument(
        "query", help=QT_TRANSLATE_NOOP("Cli", "姓名、拼音或首字母、身份证号、档案编号或电话的一部分")
    )
    rs.add_argument(
        "--limit",
        type=WholeNumber(QT_TRANSLATE_NOOP("Field", "条数上限"), maximum=100_000),
        default=20,
        help=QT_TRANSLATE_NOOP("Cli", "最多显示条数（默认 20）"),
    )
    add_json(rs)
    rs.set_defaults(func=search_residents)
    ru = r.add_parser("update", help=QT_TRANSLATE_NOOP("Cli", "更正居民档案的字段（校验与表单相同）"))
    ru.add_argument("resident", help=RESIDENT_HELP)
    ru.add_argument(
        "--set",
        dest="assignments",
        action="append",
        required=True,
        metavar="FIELD=VALUE",
        help=QT_TRANSLATE_NOOP("Cli", "个人基本信息表中的文本项，如 phone=13800138000 或 current_address=…"),
    )
    ru.set_defaults(func=update_resident)
    re_ = r.add_parser("export", help=QT_TRANSLATE_NOOP("Cli", "导出全部居民（.xlsx 或 .csv）"))
    re_.add_argument("file", help=QT_TRANSLATE_NOOP("Cli", "写出的文件（.xlsx 或 .csv）"))
    re_.set_defaults(func=export_residents)


def write_template(args) -> int:
    from app.services.records import roster

    open_store(args)
    roster.write_template(Path(args.output))
    print(f"已写入模板：{args.output}")
    return 0


def update_resident(args) -> int:
    from app.services.records import residents as records

    _, store = open_store(args)
    changes = {}
    for item in args.assignments:
        key, sep, value = item.partition("=")
        if not sep:
            raise CliError(
                QT_TRANSLATE_NOOP("Cli", "不能这样修改：{item}（应写成 字段=值，可改的字段：{fields}）"),
                item=item,
                fields=", ".join(records.correctable_fields()),
            )
        changes[key] = value
    with store.transaction() as s:
        saved = records.correct_resident(s, args.resident, changes)
        print(f"已更新 {saved.name}（{saved.archive_no}）")
    return 0


def export_residents(args) -> int:
    from app.services.records import roster

    _, store = open_store(args)
    with store.transaction() as s:  # the export is audited with it
        n = roster.export_residents(s, Path(args.file))
    print(f"已导出 {n} 人：{args.file}")
    return 0


def search_residents(args) -> int:
    from app.codes import CODE_LISTS
    from app.services.records import search

    if args.limit < 1:
        raise CliError(QT_TRANSLATE_NOOP("Cli", "--limit 至少为 1"))
    _, store = open_store(args)
    with store.session() as s:
        rows = search.search_residents(s, args.query, limit=args.limit)
        total = search.count_residents(s, args.query) if rows else 0
    if args.json:
        print_json([r.as_json() for r in rows])  # (the count goes to stderr: stdout stays a list)
    else:
        for r in rows:
            sex = CODE_LISTS["sex"].label(r.sex)
            print(f"{r.archive_no}  {r.name}\t{sex} {r.age:>3}岁  {r.id_masked}  {r.group_name}  {r.phone}")
    if not rows:
        print("没有找到匹配的居民", file=sys.stderr)
    elif total > len(rows):
        print(f"共 {total} 人匹配，显示前 {len(rows)} 人（用 --limit 显示更多）", file=sys.stderr)
    else:
        print(f"共 {total} 人匹配", file=sys.stderr)
    return 0


def import_roster(args) -> int:
    from app.services.records import roster

    _, store = open_store(args)
    with store.transaction() as s:
        report = roster.import_roster(
            s,
            Path(args.file),
            dry_run=args.dry_run,
            skip_invalid=args.skip_invalid,
            village_code=args.village,
        )
        rejected = bool(report.errors) and not args.skip_invalid  # (then the import wrote nothing)
    if args.json:
        print_json(report.as_json(core.speak))  # (its reasons in the language of the command line)
    else:
        _print_report(report, args, rejected)
    return 1 if rejected else 0


def _print_report(report, args, rejected: bool) -> None:
    from app.services.access.audit import one_line
    from app.services.errors import LIST_SEPARATOR

    # a file's cells and headers as the terminal shows them: escapes shown, never obeyed (a cell
    # could clear the line and print "已导入 1 人" over the refusal)
    # (what is wrong is said in the language of the command line, as its refusals; the file's
    # own headers and cells as written)
    for e in report.errors:
        said = CliError(
            QT_TRANSLATE_NOOP("Cli", "第{row}行 [{column}] “{value}”：{reason}"),
            row=e.row,
            column=one_line(e.column),
            value=one_line(e.value),
            reason=e.message.render(core.speak),
        )
        print(said.render(), file=sys.stderr)
    if report.ignored_columns:
        separator = core.speak("Field", LIST_SEPARATOR)
        said = CliError(
            QT_TRANSLATE_NOOP("Cli", "已忽略未知列：{columns}"),
            columns=separator.join(map(one_line, report.ignored_columns)),
        )
        print(said.render(), file=sys.stderr)
    if rejected:
        said = CliError(
            QT_TRANSLATE_NOOP(
                "Cli",
                "共 {rows} 行，{wrong} 行有错误，未导入任何记录。改正后重新导入，或用 --skip-invalid 只导入正确的行。",
            ),
            rows=report.total_rows,
            wrong=len(report.rejected_rows),
        )
        print(said.render(), file=sys.stderr)
        return
    verb = "可导入" if args.dry_run else "已导入"
    print(f"{verb} {report.imported} 人（新建 {report.households} 户），跳过 {len(report.rejected_rows)} 行")
    if report.rejected_file:
        print(f"被拒绝的行已写入：{report.rejected_file}")
