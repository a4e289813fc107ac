"""``cunyi elderly``: the yearly health check of a resident aged 65+ (same form checks and scoring as
the GUI), and the list of 65+ residents not yet checked this year."""

from __future__ import annotations

import dataclasses

from app.cli import core
from app.cli.core import RESIDENT_HELP, CliError, add_json, add_lang, open_store, print_json
from app.cli.numbers import YEAR
from app.cli.voiding import add_void_parser, run_void
from app.i18n import QT_TRANSLATE_NOOP

# option → form field, passed on as typed (the service checks them like the form does)
READINGS = {  # option: (form field, help)
    "sbp": ("sbp", QT_TRANSLATE_NOOP("Cli", "收缩压 mmHg")),
    "dbp": ("dbp", QT_TRANSLATE_NOOP("Cli", "舒张压 mmHg")),
    "glucose": ("glucose", QT_TRANSLATE_NOOP("Cli", "空腹血糖 mmol/L")),
    "temperature": ("temperature", QT_TRANSLATE_NOOP("Cli", "体温 °C")),
    "pulse": ("pulse", QT_TRANSLATE_NOOP("Cli", "脉率 次/分钟")),
    "height": ("height", QT_TRANSLATE_NOOP("Cli", "身高 cm")),
    "weight": ("weight", QT_TRANSLATE_NOOP("Cli", "体重 kg")),
    "waist": ("waist", QT_TRANSLATE_NOOP("Cli", "腰围 cm")),
    "tc": ("tc", QT_TRANSLATE_NOOP("Cli", "总胆固醇 mmol/L")),
    "tg": ("tg", QT_TRANSLATE_NOOP("Cli", "甘油三酯 mmol/L")),
    "ldl": ("ldl", QT_TRANSLATE_NOOP("Cli", "低密度脂蛋白胆固醇 mmol/L")),
    "hdl": ("hdl", QT_TRANSLATE_NOOP("Cli", "高密度脂蛋白胆固醇 mmol/L")),
    "creatinine": ("creatinine", QT_TRANSLATE_NOOP("Cli", "血清肌酐 μmol/L")),
    "alt": ("alt", QT_TRANSLATE_NOOP("Cli", "血清谷丙转氨酶 U/L")),
}


def register(sub) -> None:
    g = sub.add_parser("elderly", help=QT_TRANSLATE_NOOP("Cli", "65岁及以上老年人健康管理")).add_subparsers(
        dest="action", required=True
    )
    c = g.add_parser("check", help=QT_TRANSLATE_NOOP("Cli", "录入年度健康体检和生活自理能力评估"))
    c.add_argument("resident", help=RESIDENT_HELP)
    c.add_argument("--date", required=True, help=QT_TRANSLATE_NOOP("Cli", "体检日期 YYYY-MM-DD"))
    c.add_argument(
        "--selfcare",
        default="",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "五项等级 1–4（1 可自理 … 4 不能自理）：进餐、梳洗、穿衣、如厕、活动"
            "（65岁及以上必填；未满65岁的建档立卡贫困人口免费体检不填）",
        ),
    )
    for option, (_field, help_text) in READINGS.items():
        c.add_argument(f"--{option}", help=help_text)
    c.add_argument("--symptoms", default="", help=QT_TRANSLATE_NOOP("Cli", "症状代码，如 1 或 2,3"))
    c.add_argument("--problems", default="", help=QT_TRANSLATE_NOOP("Cli", "发现的健康问题"))
    c.add_argument(
        "--medication",
        help=QT_TRANSLATE_NOOP("Cli", '目前用药（默认：高血压、糖尿病最近一次随访的用药；"" 为无）'),
    )
    c.add_argument(
        "--next", dest="next_check", default="", help=QT_TRANSLATE_NOOP("Cli", "下次体检日期（默认：一年后）")
    )
    c.add_argument(
        "--confirm", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "保存同一年内的第二次体检")
    )
    add_json(c)
    c.set_defaults(func=record_check)
    v = add_void_parser(
        g,
        QT_TRANSLATE_NOOP("Cli", "作废误录的健康体检（日期错、人错）"),
        QT_TRANSLATE_NOOP("Cli", "体检日期 YYYY-MM-DD"),
    )
    v.set_defaults(func=void_check)
    d = g.add_parser("due", help=QT_TRANSLATE_NOOP("Cli", "今年未体检的65岁及以上居民，按村民小组列出"))
    d.add_argument("--year", type=YEAR, help=QT_TRANSLATE_NOOP("Cli", "年份（默认：今年）"))
    add_json(d)
    d.set_defaults(func=list_due)
    p = g.add_parser(
        "print",
        help=QT_TRANSLATE_NOOP(
            "Cli", "selfcare / summary（按最近一次体检填写；无 RESIDENT 时为空白表）、due 名单"
        ),
    )
    p.add_argument(
        "document",
        choices=["selfcare", "summary", "due"],
        help=QT_TRANSLATE_NOOP("Cli", "selfcare 生活自理能力评估表，summary 健康体检表，due 未体检名单"),
    )
    p.add_argument("resident", nargs="?", help=QT_TRANSLATE_NOOP("Cli", "档案编号（不填：空白表）"))
    p.add_argument(
        "-o", "--output", required=True, help=QT_TRANSLATE_NOOP("Cli", "写入的 PDF 文件（FILE.pdf）")
    )
    p.add_argument("--year", type=YEAR, help=QT_TRANSLATE_NOOP("Cli", "未体检名单的年份（默认：今年）"))
    add_lang(p, QT_TRANSLATE_NOOP("Cli", "表单标签的语言"))
    p.set_defaults(func=print_document)


def record_check(args) -> int:
    from app.codes import CODE_LISTS
    from app.services.errors import NeedsConfirmation
    from app.services.programmes import elderly
    from app.services.programmes.elderly_form import SELFCARE_KEYS

    levels = [x.strip() for x in args.selfcare.split(",")] if args.selfcare.strip() else [""] * 5
    if len(levels) != len(SELFCARE_KEYS) or (any(levels) and not all(levels)):
        raise CliError(
            QT_TRANSLATE_NOOP(
                "Cli", "--selfcare 应为5项等级（1–4），按进餐、梳洗、穿衣、如厕、活动的顺序用逗号分开"
            )
        )
    values = {k: getattr(args, o) for o, (k, _help) in READINGS.items() if getattr(args, o) is not None}
    inp = elderly.ElderlyCheckInput(
        check_date=args.date,
        symptoms=[x.strip() for x in args.symptoms.split(",") if x.strip()],
        problems=args.problems,
        next_check=args.next_check,
        **{k: v for k, v in zip(SELFCARE_KEYS, levels, strict=True) if v},
        **values,
    )
    _, store = open_store(args)
    try:
        with store.transaction() as s:
            medication = args.medication
            if medication is None:  # as the GUI's form starts (its context)
                medication = elderly.check_context(s, args.resident).initial.medication
            inp = dataclasses.replace(inp, medication=medication)
            saved = elderly.record_check(s, args.resident, inp, confirmed=args.confirm)
    except NeedsConfirmation as e:
        return core.ask_to_confirm(e)
    if args.json:
        print_json(saved.as_json())
        return 0
    if saved.selfcare_level:
        level = CODE_LISTS["selfcare_level"].label(saved.selfcare_level)
        print(
            f"已保存：{saved.check_date} 自理能力评分 {saved.selfcare_score}（{level}），下次体检 {saved.next_check}"
        )
    else:  # a poor household member's free check under 65: no self-care assessment
        print(f"已保存：{saved.check_date} 健康体检，下次体检 {saved.next_check}")
    for p in saved.offers:
        print(f"建议纳入{CODE_LISTS['program'].label(p)}患者健康管理")
    for a in saved.abnormal:
        print(f"异常：{a}")
    return 0


def list_due(args) -> int:
    import datetime as dt

    from app.services.programmes import elderly

    _, store = open_store(args)
    year = args.year or dt.date.today().year
    with store.session() as s:
        rows = elderly.unchecked(s, year)
    if args.json:
        print_json(
            [
                {
                    "resident_id": str(r.resident_id),
                    "archive_no": r.archive_no,
                    "name": r.name,
                    "age": r.age,
                    "village": r.village_name,
                    "group": r.group_name,
                    "last_check": r.last_check.isoformat() if r.last_check else None,
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        print(f"{r.village_name} {r.group_name}  {r.name}  {r.age}岁  {r.archive_no}  {r.last_check or '—'}")
    print(f"共 {len(rows)} 人")
    return 0


def print_document(args) -> int:
    import datetime as dt

    from app.cli.printing import print_labels, warn_missing_characters
    from app.services import printing
    from app.services.printing import elderly_forms
    from app.services.programmes import elderly
    from app.services.records.residents import find_resident

    labels = print_labels(args.lang)
    _, store = open_store(args)
    with store.session() as s:
        if args.document == "due":
            data = elderly_forms.unchecked_pdf(s, args.year or dt.date.today().year, labels)
        else:
            check_id = None
            if args.resident:
                check_id = elderly.latest_check(s, find_resident(s, args.resident).id)
                if check_id is None:
                    raise CliError(
                        QT_TRANSLATE_NOOP("Cli", "{resident} 还没有老年人健康体检记录"),
                        resident=args.resident,
                    )
            render = (
                elderly_forms.selfcare_pdf if args.document == "selfcare" else elderly_forms.check_summary_pdf
            )
            data = render(s, check_id, labels)
    printing.write_pdf(args.output, data)
    print(f"已写入 {args.output}")
    warn_missing_characters(data)
    return 0


def void_check(args) -> int:
    from app.services.programmes import elderly

    return run_void(
        args, lambda s: elderly.void_check(s, args.resident, args.date, args.reason), lambda _c: "健康体检"
    )
