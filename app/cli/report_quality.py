"""``cunyi report quality``: the quality report as text, JSON, an xlsx workbook or the printable
督导 sheets (PDF).

:func:`register` adds ``quality`` to the ``report`` group's sub-commands (``app/cli/report.py`` owns
the group and lists it in its ``SUBCOMMANDS``).
"""

from __future__ import annotations

import sys

from app.cli.core import CliError, add_json, add_lang, open_store, print_json
from app.cli.numbers import NearYear
from app.i18n import QT_TRANSLATE_NOOP


def register(report_sub) -> None:
    """Add ``quality`` to the ``report`` group's sub-parsers."""
    q = report_sub.add_parser("quality", help=QT_TRANSLATE_NOOP("Cli", "数据质量报告（按村和医生）"))
    q.add_argument(
        "--year",
        type=NearYear(QT_TRANSLATE_NOOP("Field", "年份")),
        help=QT_TRANSLATE_NOOP("Cli", "年份（默认：今年）"),
    )
    q.add_argument("--village", help=QT_TRANSLATE_NOOP("Cli", "只看该村（12 位村代码）"))
    out = q.add_mutually_exclusive_group()
    add_json(out, QT_TRANSLATE_NOOP("Cli", "输出 JSON"))
    out.add_argument(
        "-o", "--output", metavar="FILE.xlsx|FILE.pdf", help=QT_TRANSLATE_NOOP("Cli", "导出工作簿或督导表")
    )
    add_lang(q, QT_TRANSLATE_NOOP("Cli", "文件或文本的语言"))
    q.set_defaults(func=quality)


def quality(args) -> int:
    from app.services.indicators import Period
    from app.services.quality import report as quality_report
    from app.services.sync import capture

    suffix = ""
    if args.output:
        suffix = args.output.lower().rsplit(".", 1)[-1] if "." in args.output else ""
        if suffix not in ("xlsx", "pdf"):
            raise CliError(
                QT_TRANSLATE_NOOP("Cli", "输出文件应以 .xlsx 或 .pdf 结尾：{file}"), file=args.output
            )
    _, store = open_store(args)
    labels = _labels(args.lang)
    with store.session() as s:
        year = args.year if args.year is not None else capture.trusted_today(s).year
        if not 2000 <= year <= 2100:
            raise CliError(QT_TRANSLATE_NOOP("Cli", "年份应在2000到2100之间：{year}"), year=year)
        period = Period.year(year)
        report = quality_report.quality_report(s, period, village_code=args.village)
        if suffix == "pdf":
            from app.services.printing.supervision_sheet import write_supervision_sheets

            path = write_supervision_sheets(s, report, labels, args.output)
            print(f"已写入 {path}（{path.stat().st_size / 1024:.0f} KB）")
            return 0
    tl = labels.translate
    if suffix == "xlsx":
        from app.services.quality.export import write_workbook

        with store.session() as s:
            path = write_workbook(s, report, args.output, tl)
        print(f"已写入 {path}（{len(report.findings)} 条问题）")
        return 0
    if args.json:
        print_json(
            {
                "findings": [f.as_json(tl) for f in report.findings],
                "summary": [
                    {"village": r.village_code, "kind": r.kind, "count": r.count} for r in report.summary()
                ],
            }
        )
        return 0
    out = sys.stdout
    headline = tl(
        "Quality", QT_TRANSLATE_NOOP("Quality", "{year} 年随访质量：核查 {visits} 次随访，{found} 条问题")
    )
    print(
        headline.replace("{year}", str(year))
        .replace("{visits}", str(report.visits))
        .replace("{found}", str(len(report.findings))),
        file=out,
    )
    for r in report.summary():
        print(
            f"  {r.village_code} {r.village_name}  {tl('Quality', quality_report.KINDS[r.kind])}  {r.count}",
            file=out,
        )
    return 0


def _labels(lang: str):
    from app.cli.printing import print_labels

    return print_labels(lang)
