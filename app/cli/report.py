"""``cunyi report``: the reports a township hands the county (and a village runs for itself).

One module per subcommand group would scatter one command, so the ``report`` group is built here
from :data:`SUBCOMMANDS`: each entry is a function that adds its subcommand to the group's
subparsers.  Adding a sibling (``report quality``) is one line in that list.
"""

from __future__ import annotations

from functools import partial

from app.cli import report_quality
from app.cli.core import CliError, add_json, add_lang, open_store, print_json
from app.cli.numbers import YEAR, WholeNumber
from app.i18n import QT_TRANSLATE_NOOP


def add_indicators(rsub) -> None:
    ind = rsub.add_parser(
        "indicators",
        help=QT_TRANSLATE_NOOP("Cli", "按村和乡镇统计的国家指标（--json、-o FILE.xlsx 或 FILE.pdf、--list）"),
    )
    ind.add_argument(
        "--year",
        type=WholeNumber(QT_TRANSLATE_NOOP("Field", "年份")),
        required=True,
        metavar="Y",
        help=QT_TRANSLATE_NOOP("Cli", "统计年度"),
    )
    ind.add_argument(
        "--quarter",
        type=WholeNumber(QT_TRANSLATE_NOOP("Field", "季度")),
        choices=[1, 2, 3, 4],
        metavar="Q",
        help=QT_TRANSLATE_NOOP("Cli", "只统计该季度（1–4）"),
    )
    ind.add_argument(
        "--cumulative",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "与 --quarter 一起用：统计 1 月 1 日至该季度末（累计），对照全年目标"),
    )
    ind.add_argument(
        "--village", default="", metavar="CODE", help=QT_TRANSLATE_NOOP("Cli", "只看该村（12 位村代码）")
    )
    ind.add_argument(
        "--township",
        default="",
        metavar="CODE",
        help=QT_TRANSLATE_NOOP("Cli", "（县）只看该乡镇（9 位代码）下的各村"),
    )
    out = ind.add_mutually_exclusive_group()
    add_json(out, QT_TRANSLATE_NOOP("Cli", "输出 JSON"))
    out.add_argument(
        "-o", "--output", metavar="FILE.xlsx|FILE.pdf", help=QT_TRANSLATE_NOOP("Cli", "导出工作簿或 PDF 汇总")
    )
    ind.add_argument(
        "--by",
        choices=["township", "village", "group"],
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "文本输出：只列合计（县级为各乡镇）、加列各村，或列出各村及其村民小组（--json 总是包含乡镇、村和村民小组）",
        ),
    )
    add_lang(ind, QT_TRANSLATE_NOOP("Cli", "工作簿、PDF、名单中的原因及指标名称的语言（默认 zh）"))
    ind.add_argument(
        "--list",
        choices=["numerator", "denominator"],
        help=QT_TRANSLATE_NOOP("Cli", "列出某个数字所对应的居民"),
    )
    ind.add_argument(
        "--indicator",
        metavar="KEY",
        help=QT_TRANSLATE_NOOP("Cli", "与 --list 一起用：指定指标（records、htn_standard …）"),
    )
    ind.set_defaults(func=report_indicators)


def add_population(rsub) -> None:
    pop = rsub.add_parser(
        "population", help=QT_TRANSLATE_NOOP("Cli", "（乡镇）各村各年度的人口数：列出，或用 --village 录入")
    )
    pop.add_argument(
        "--year", type=YEAR, required=True, metavar="Y", help=QT_TRANSLATE_NOOP("Cli", "年度")
    )  # (up to next year, as lists)
    pop.add_argument(
        "--village", default="", metavar="CODE", help=QT_TRANSLATE_NOOP("Cli", "录入该村的人口数")
    )
    pop.add_argument(
        "--residents",
        type=WholeNumber(QT_TRANSLATE_NOOP("Field", "常住人口")),
        metavar="N",
        help=QT_TRANSLATE_NOOP("Cli", "常住人口"),
    )
    pop.add_argument(
        "--elderly",
        type=WholeNumber(QT_TRANSLATE_NOOP("Field", "65岁及以上人口")),
        metavar="N",
        help=QT_TRANSLATE_NOOP("Cli", "65 岁及以上常住人口"),
    )
    add_json(pop)
    pop.set_defaults(func=report_population)


# The report group's subcommands, in the order `cunyi report --help` lists them.
SUBCOMMANDS = [add_indicators, add_population, report_quality.register]


def register(sub) -> None:
    rep = sub.add_parser("report", help=QT_TRANSLATE_NOOP("Cli", "报县级的指标报表（xlsx、pdf、json）"))
    rsub = rep.add_subparsers(dest="report", required=True)
    for add in SUBCOMMANDS:
        add(rsub)


def report_indicators(args) -> int:
    from app.services.indicators import COUNTS, engine, output

    if args.list and not args.indicator:
        raise CliError(QT_TRANSLATE_NOOP("Cli", "--list 需要用 --indicator KEY 指明指标"))
    if args.indicator and not args.list:
        raise CliError(QT_TRANSLATE_NOOP("Cli", "--indicator 与 --list numerator|denominator 一起使用"))
    if args.list and args.output:
        raise CliError(
            QT_TRANSLATE_NOOP("Cli", "--list 的名单用 --json 或直接显示；工作簿（-o）里每个指标已有一张名单")
        )
    suffix = args.output.rsplit(".", 1)[-1].lower() if args.output else ""
    if args.output and suffix not in ("xlsx", "pdf"):
        raise CliError(QT_TRANSLATE_NOOP("Cli", "输出文件应以 .xlsx 或 .pdf 结尾：{file}"), file=args.output)
    if args.output and args.by:
        raise CliError(
            QT_TRANSLATE_NOOP(
                "Cli",
                "--by 只用于屏幕上的列表；-o 导出的工作簿和 PDF 按乡镇、村列出（村民小组见工作簿中各指标的名单）",
            )
        )
    by = args.by or "township"
    translate = _translator(args.lang)
    _, store = open_store(args)
    period = engine.parse_period(args.year, args.quarter, args.cumulative)
    with store.session() as s:
        if args.list:
            lines = engine.drilldown(
                s,
                args.indicator,
                period,
                args.list,
                args.village or None,
                township_code=args.township or None,
            )
            if args.json:
                print_json(output.residents_data(lines, translate))
                return 0
            for line in lines:
                mark = "✓" if line.counted else "✗"
                print(
                    f"{line.archive_no}  {line.name}  {line.village_name}  {mark}  {line.reason.render(translate)}"
                )
            print(f"共 {len(lines)} 人")
            return 0
        report = engine.evaluate(s, period, args.village or None, township_code=args.township or None)
        if suffix == "xlsx":
            path = output.write_workbook(s, report, args.output, translate)
            print(f"已导出指标工作簿：{path}")
            return 0
        if suffix == "pdf":
            path = output.write_summary_pdf(s, report, args.output, translate)
            print(f"已导出指标汇总 PDF：{path}")
            return 0
        data = output.report_data(report, translate)
        missing = output.missing_population_note(report, translate)
    if args.json:
        print_json(data)
        return 0
    print(output.period_label(period, translate))
    if data["withheld_note"] is not None:
        print(data["withheld_note"])
    if missing is not None:
        print(missing)
    # labels padded to the widest (a Chinese character takes two columns of a terminal)
    names = [ind["name"] for ind in data["indicators"]]
    names += [v["name"] for ind in data["indicators"] for t in ind["townships"] for v in t["villages"]]
    names += [output.own_label(t["name"], translate) for ind in data["indicators"] for t in ind["townships"]]
    width = max(output.display_width(n) for n in names) + 4 if names else 14
    for ind in data["indicators"]:
        counts = ind["unit"] in COUNTS
        line = partial(
            _count_line if counts else _figure_line,
            width=width,
            **({"unit": ind["unit"], "translate": translate} if counts else {}),
        )
        target = "" if ind["target"] is None or counts else output.target_text(ind["target"], translate)
        if ind["unseen"]:  # not 0 / 0: patients the user may not see
            line = partial(_unseen_line, width=width, translate=translate)
        print(line(ind["name"], ind) + target)
        county = len(ind["townships"]) > 1  # a county: townships are the top rows
        one = ind["townships"][0] if len(ind["townships"]) == 1 else {}
        for t in ind["townships"] if county else [{**one, "villages": ind["villages"]}]:
            indent = "  " if county else ""
            if county:
                print(line(f"  {t['name']}", t))
            if by == "township":
                continue
            for v in t["villages"]:
                print(line(f"{indent}  {v['name']}", v))
                if by == "group":
                    for g in v["groups"]:
                        print(line(f"{indent}    {g['name']}", g))
            if "own" in t:  # the township's own activities: the villages' rows and it add up
                print(line(f"{indent}  {output.own_label(t['name'], translate)}", t["own"]))
    return 0


def _translator(lang: str):
    """The printed documents' translation for ``--lang`` (Chinese: the source text as written)."""
    from app.cli.printing import print_labels

    return print_labels("en" if lang == "en" else "zh").translate


def _count_line(label: str, figure: dict, unit: str, translate, width: int) -> str:
    """A count against its yearly minimum: "健康知识讲座次数   59 次 / 最低 60 次   差 1 次"."""
    from app.services.indicators import output

    count = output.count_text(figure["numerator"], unit, translate)
    minimum = output.minimum_text(figure["denominator"], unit, translate)
    standing = output.standing_text(
        figure["numerator"], figure["denominator"], unit, translate, figure.get("units_short", 0)
    )
    return f"{output.padded(label, width)}{count} / {minimum}   {standing}"


def _unseen_line(label: str, _figure: dict, width: int, translate) -> str:
    from app.services.indicators import output

    return f"{output.padded(label, width)}{translate(output.CTX, output.NOT_SEEN)}"


def _figure_line(label: str, figure: dict, width: int) -> str:
    from app.services.indicators import output

    rate = output.figure_rate_text(figure["numerator"], figure["denominator"])
    den = "—" if figure["denominator"] is None else figure["denominator"]
    return f"{output.padded(label, width)}{figure['numerator']:>7} / {den:<7} {rate:>7}"


def report_population(args) -> int:
    from app.services.indicators import population

    _, store = open_store(args)
    if args.village:
        if args.residents is None and args.elderly is None:
            raise CliError(QT_TRANSLATE_NOOP("Cli", "请用 --residents 和/或 --elderly 给出人口数"))
        with store.transaction() as s:
            known = {f.code: f for f in population.figures(s, args.year)}
            before = known.get(args.village.strip())
            residents = (
                args.residents
                if args.residents is not None
                else (before.resident_population if before else None)
            )
            elderly = (
                args.elderly if args.elderly is not None else (before.elderly_population if before else None)
            )
            f = population.set_figures(s, args.village, args.year, residents, elderly)
        print(
            f"已录入 {f.name}（{f.code}）{f.year} 年：常住人口 {_figure(f.resident_population)}，"
            f"65岁及以上 {_figure(f.elderly_population)}"
        )
        return 0
    with store.session() as s:
        rows = population.figures(s, args.year)
    data = [
        {
            "code": f.code,
            "name": f.name,
            "year": f.year,
            "resident_population": f.resident_population,
            "elderly_population": f.elderly_population,
        }
        for f in rows
    ]
    if args.json:
        print_json({"villages": data})
        return 0
    for d in data:
        print(
            f"{d['code']}  {d['name']}  常住人口 {d['resident_population'] or '—'}  65岁及以上 {d['elderly_population'] or '—'}"
        )
    return 0


def _figure(value: int | None) -> str:
    """A population figure as the command prints it ("—": not known yet)."""
    return "—" if value is None else str(value)
