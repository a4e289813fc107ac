"""``cunyi followup add``: record a hypertension or diabetes follow-up through the form's rules."""

from __future__ import annotations

import sys

from app.cli.core import open_store, print_json
from app.cli.voiding import add_void_parser, run_void

# option → (field of VisitInput.measurements, help).  Passed on as typed: the follow-up service
# checks them like the form does (digits, ranges, unusual values needing --confirm).
MEASUREMENTS = {
    "sbp": ("sbp", "systolic mmHg"),
    "dbp": ("dbp", "diastolic mmHg"),
    "hr": ("heart_rate", "heart rate /min"),
    "weight": ("weight", "kg"),
    "height": ("height", "cm"),
    "glucose": ("glucose", "fasting glucose mmol/L"),
    "hba1c": ("hba1c", "HbA1c %%"),  # argparse formats help with %: a bare % breaks --help
}


def register(sub) -> None:
    f = sub.add_parser("followup", help="chronic-disease follow-ups").add_subparsers(
        dest="action", required=True
    )
    fa = f.add_parser("add", help="record a hypertension or diabetes follow-up (same rules as the form)")
    fa.add_argument("resident", help="17-digit archive number, its last 8 digits, or record id")
    fa.add_argument("--program", required=True, choices=["htn", "t2dm"])
    fa.add_argument("--date", required=True, help="visit date YYYY-MM-DD")
    fa.add_argument("--method", default="1", choices=["1", "2", "3"], help="1 clinic, 2 home, 3 phone")
    for option, (_field, help_text) in MEASUREMENTS.items():
        fa.add_argument(f"--{option}", help=help_text)
    fa.add_argument("--symptoms", default="", help="symptom codes of the form, e.g. 1 or 2,6")
    fa.add_argument("--signs", default="", help="emergency signs, e.g. consciousness,headache")
    fa.add_argument("--adverse", action="store_true", help="adverse drug reaction")
    fa.add_argument(
        "--adverse-uncontrolled",
        action="store_true",
        help="an adverse reaction that cannot be controlled (refer)",
    )
    fa.add_argument("--complication", action="store_true", help="new or worse complication")
    fa.add_argument("--adherence", choices=["1", "2", "3"])
    fa.add_argument("--next", dest="next_due", default="", help="next visit date (default: the suggestion)")
    fa.add_argument("--doctor", default="")
    fa.add_argument("--correction", action="store_true", help="replace the visit already recorded that day")
    fa.add_argument("--confirm", action="store_true", help="save unusual (but possible) values")
    fa.add_argument("--enrol", action="store_true", help="start management on the visit date if not enrolled")
    fa.add_argument("--json", action="store_true", help="print JSON instead of text")
    fa.set_defaults(func=add_visit)
    fv = add_void_parser(
        f,
        "void a follow-up recorded by mistake (wrong day, wrong person); it stays, marked voided",
        "the date the visit was recorded with, YYYY-MM-DD",
    )
    fv.add_argument(
        "--program", required=True, choices=["htn", "t2dm"], help="htn hypertension, t2dm type 2 diabetes"
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
        print(f"需要确认：{e.render()}。核实无误请加 --confirm", file=sys.stderr)
        return 1
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
