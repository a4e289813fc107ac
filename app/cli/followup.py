"""``cunyi followup add``: record a hypertension or diabetes follow-up through the form's rules."""

from __future__ import annotations

from app.cli import core
from app.cli.core import PROGRAM_HELP, RESIDENT_HELP, add_json, open_store, print_json
from app.cli.voiding import add_void_parser, run_void
from app.i18n import QT_TRANSLATE_NOOP

# option → (field of VisitInput.measurements, help).  Passed on as typed: the follow-up service
# checks them like the form does (digits, ranges, unusual values needing --confirm).
MEASUREMENTS = {
    "sbp": ("sbp", QT_TRANSLATE_NOOP("Cli", "收缩压 mmHg")),
    "dbp": ("dbp", QT_TRANSLATE_NOOP("Cli", "舒张压 mmHg")),
    "hr": ("heart_rate", QT_TRANSLATE_NOOP("Cli", "心率 次/分钟")),
    "weight": ("weight", QT_TRANSLATE_NOOP("Cli", "体重 kg")),
    "height": ("height", QT_TRANSLATE_NOOP("Cli", "身高 cm")),
    "glucose": ("glucose", QT_TRANSLATE_NOOP("Cli", "空腹血糖 mmol/L")),
    "hba1c": (
        "hba1c",
        QT_TRANSLATE_NOOP("Cli", "糖化血红蛋白 %%"),
    ),  # argparse formats help with %: a bare % breaks --help
}


def register(sub) -> None:
    f = sub.add_parser("followup", help=QT_TRANSLATE_NOOP("Cli", "慢病随访")).add_subparsers(
        dest="action", required=True
    )
    fa = f.add_parser("add", help=QT_TRANSLATE_NOOP("Cli", "录入高血压或糖尿病随访（规则与表单相同）"))
    fa.add_argument("resident", help=RESIDENT_HELP)
    fa.add_argument("--program", required=True, choices=["htn", "t2dm"], help=PROGRAM_HELP)
    fa.add_argument("--date", required=True, help=QT_TRANSLATE_NOOP("Cli", "随访日期 YYYY-MM-DD"))
    fa.add_argument(
        "--method",
        default="1",
        choices=["1", "2", "3"],
        help=QT_TRANSLATE_NOOP("Cli", "1 门诊、2 家庭、3 电话"),
    )
    for option, (_field, help_text) in MEASUREMENTS.items():
        fa.add_argument(f"--{option}", help=help_text)
    fa.add_argument("--symptoms", default="", help=QT_TRANSLATE_NOOP("Cli", "表中的症状代码，如 1 或 2,6"))
    fa.add_argument(
        "--signs", default="", help=QT_TRANSLATE_NOOP("Cli", "紧急转诊情况，如 consciousness,headache")
    )
    fa.add_argument("--adverse", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "药物不良反应"))
    fa.add_argument(
        "--adverse-uncontrolled",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "不良反应难以控制（需转诊）"),
    )
    fa.add_argument(
        "--complication", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "新出现或加重的并发症")
    )
    fa.add_argument(
        "--adherence",
        choices=["1", "2", "3"],
        help=QT_TRANSLATE_NOOP("Cli", "服药依从性：1 规律，2 间断，3 不服药"),
    )
    fa.add_argument(
        "--next", dest="next_due", default="", help=QT_TRANSLATE_NOOP("Cli", "下次随访日期（默认：建议日期）")
    )
    fa.add_argument("--doctor", default="", help=QT_TRANSLATE_NOOP("Cli", "随访医生签名（默认：登录的用户）"))
    fa.add_argument(
        "--correction", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "替换当天已录入的随访")
    )
    fa.add_argument(
        "--confirm", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "确认保存少见（但合理）的数值")
    )
    fa.add_argument(
        "--enrol", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "未纳入管理时，自随访日期起纳入管理")
    )
    add_json(fa)
    fa.set_defaults(func=add_visit)
    fv = add_void_parser(
        f,
        QT_TRANSLATE_NOOP("Cli", "作废误录的随访（日期错、人错）；记录保留，标为已作废"),
        QT_TRANSLATE_NOOP("Cli", "该随访所录的随访日期，YYYY-MM-DD"),
    )
    fv.add_argument(
        "--program",
        required=True,
        choices=["htn", "t2dm"],
        help=QT_TRANSLATE_NOOP("Cli", "htn 高血压，t2dm 2型糖尿病"),
    )
    fv.set_defaults(func=void_visit)


def _codes(text: str) -> list[str]:
    return [x.strip() for x in text.split(",") if x.strip()]


def add_visit(args) -> int:
    from app.codes import CODE_LISTS
    from app.services.programmes import followup

    _, store = open_store(args)
    inp = followup.VisitInput(
        program=args.program,
        visit_date=args.date,
        method=args.method,
        measurements={
            field: getattr(args, option)
            for option, (field, _help) in MEASUREMENTS.items()
            if getattr(args, option) is not None
        },
        symptoms=_codes(args.symptoms),
        signs=_codes(args.signs),
        adverse_reaction=args.adverse,
        adverse_uncontrolled=args.adverse_uncontrolled,
        complication=args.complication,
        adherence=args.adherence or "",
        next_due=args.next_due,
        doctor=args.doctor,
        correction=args.correction,
        confirmed=args.confirm,
    )
    try:
        with store.transaction() as s:
            saved = followup.record_visit(s, args.resident, inp, enrol_if_needed=args.enrol)
    except followup.NeedsConfirmation as e:
        return core.ask_to_confirm(e)
    if args.json:
        print_json(saved.as_json())
        return 0
    label = CODE_LISTS["visit_class"].label(str(saved.classification)) or "—"
    print(f"已保存：{saved.visit_date} {label}，下次随访 {saved.next_due}")
    for reason in saved.emergency_reasons:
        print(f"紧急转诊：{reason}")
    if saved.referral_suggested:
        print("建议转诊")
    return 0


def void_visit(args) -> int:
    from app.codes import CODE_LISTS
    from app.services.programmes import followup

    return run_void(
        args,
        lambda s: followup.void_visit(s, args.resident, args.program, args.date, args.reason),
        lambda v: f"{CODE_LISTS['program'].label(v.program)}随访",
    )
