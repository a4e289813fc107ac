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
        "--field",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "体检表的任一其他项目，可多次使用，如 --field skin=2 --field skin_text=皮疹；"
            "多选项用逗号分开（--field action=1,2）；项目名见 cunyi elderly fields",
        ),
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
    f = g.add_parser(
        "fields", help=QT_TRANSLATE_NOOP("Cli", "健康体检表的项目名、名称和可选代码（供 --field 使用）")
    )
    add_json(f)
    f.set_defaults(func=list_fields)
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
    from app.services.errors import NeedsConfirmation, ValidationError
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
    values.update(_typed_fields(args, set(values)))
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
            if any(levels) and saved.selfcare_score is None:  # (nothing saved: the levels were dropped)
                raise CliError(
                    QT_TRANSLATE_NOOP(
                        "Cli",
                        "未满65岁的建档立卡贫困人口免费体检不做生活自理能力评估：请去掉 --selfcare 后再保存",
                    )
                )
    except NeedsConfirmation as e:
        return core.ask_to_confirm(e)
    except ValidationError as e:
        if not any(levels) and set(SELFCARE_KEYS) <= set(e.by_field()):  # said as the option to add
            raise CliError(
                QT_TRANSLATE_NOOP(
                    "Cli", "65岁及以上的健康体检须填写 --selfcare（进餐、梳洗、穿衣、如厕、活动五项等级）"
                )
            ) from None
        raise
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


# typed by their own options: never through --field
OWN_OPTIONS = ("check_date", "symptoms", "problems", "next_check", "medication")


def _field_keys() -> dict[str, object]:
    """What ``--field`` may set: every input of the form (its "other" texts too) but those with an
    option of their own and the self-care levels (``--selfcare``)."""
    from app.services.programmes.elderly_form import CHECK_FORM, SELFCARE_KEYS

    keys = {}
    for f in CHECK_FORM.fields:
        if f.key in SELFCARE_KEYS:
            continue
        for name, _annotation, _fresh in f.attributes():
            if name not in OWN_OPTIONS:
                keys[name] = f
    return keys


def _typed_fields(args, given: set[str]) -> dict[str, object]:
    """``--field KEY=VALUE`` as the form's input: a multiple choice split at commas."""
    from app.services.records.field_table import Kind

    keys, out = _field_keys(), {}
    for item in args.field:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise CliError(QT_TRANSLATE_NOOP("Cli", "--field 应写作 项目名=值，如 --field skin=2"))
        if key not in keys:
            raise CliError(
                QT_TRANSLATE_NOOP(
                    "Cli", "体检表没有可由 --field 填写的项目“{key}”（项目名见 cunyi elderly fields）"
                ),
                key=key,
            )
        if key in given or key in out:
            raise CliError(QT_TRANSLATE_NOOP("Cli", "项目“{key}”填写了两次"), key=key)
        f = keys[key]
        multi = f.kind is Kind.MULTI and key == f.key
        out[key] = [x.strip() for x in value.split(",") if x.strip()] if multi else value.strip()
    return out


def list_fields(args) -> int:
    """The form's items for ``--field``: key, name, and the codes a choice takes."""
    from app.codes import CODE_LISTS
    from app.services.programmes.elderly_form import CHECK_FORM
    from app.services.records.field_table import Kind

    lang = core.cli_language()
    fields = list(CHECK_FORM.fields)
    rows = []
    # 症状 has its own option (--symptoms), listed first with its codes all the same
    items = {"symptoms": CHECK_FORM["symptoms"], **_field_keys()}
    for key, f in items.items():
        own = key == f.key
        label = core.speak("Field", f.label)
        before = fields[fields.index(f) - 1]
        if own and f.inline == "":  # a row's second part (皮肤 … 异常情况): named with the row
            label = core.speak("Field", before.label) + ("：" if lang == "zh" else ": ") + label
        if not own:  # the text of a choice's 其他
            label += core.speak("Cli", QT_TRANSLATE_NOOP("Cli", "（其他，请写明）"))
        codes = (
            [(c.code, CODE_LISTS[f.codes].label(c.code, lang)) for c in CODE_LISTS[f.codes].codes]
            if own and f.codes
            else []
        )
        rows.append(
            {
                "key": key,
                "label": label,
                "multiple": own and f.kind is Kind.MULTI,
                "unit": core.speak("Field", f.unit) if own and f.unit else "",
                "codes": [{"code": c, "label": text} for c, text in codes],
            }
        )
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        unit = f" ({r['unit']})" if r["unit"] else ""
        choices = "  " + " ".join(f"{c['code']} {c['label']}" for c in r["codes"]) if r["codes"] else ""
        many = " [,]" if r["multiple"] else ""
        print(f"{r['key']}{many}  {r['label']}{unit}{choices}")
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
