"""``cunyi referral``: issue a two-way referral and follow its life (到位 / 不到位 / 回转)."""

from __future__ import annotations

import sys

from app.cli.core import CliError, open_store, print_json

RESIDENT_HELP = "17-digit archive number, its last 8 digits, or record id"
ID_HELP = "referral id, as `referral add` or `referral list` printed it"
DATE_HELP = "the day it happened, YYYY-MM-DD (default today; not before the referral, not after today)"


def register(sub) -> None:
    r = sub.add_parser(
        "referral", help="two-way referrals: issue, arrived, not arrived, returned"
    ).add_subparsers(dest="action", required=True)
    ra = r.add_parser("add", help="issue a referral (转出); prints the new referral's id")
    ra.add_argument("resident", help=RESIDENT_HELP)
    ra.add_argument("--to", dest="to_institution", required=True, help="institution referred to (转入单位)")
    ra.add_argument("--department", default="", help="department (科室)")
    ra.add_argument("--reason", required=True, help="reason: main present history (主要现病史（转出原因）)")
    ra.add_argument("--impression", default="", help="initial impression (初步印象)")
    ra.add_argument("--urgent", action="store_true", help="emergency referral (紧急转诊)")
    ra.add_argument(
        "--force",
        action="store_true",
        help="issue it even if an open referral to the same institution was issued today",
    )
    ra.add_argument("--json", action="store_true", help="print JSON instead of text")
    ra.set_defaults(func=add_referral)
    rl = r.add_parser("list", help="referrals: open ones first, urgent first, longest open first")
    rl.add_argument("--open", dest="open_only", action="store_true", help="only open referrals")
    rl.add_argument("--resident", default="", help=RESIDENT_HELP)
    rl.add_argument("--json", action="store_true", help="print JSON instead of text")
    rl.set_defaults(func=list_referrals)
    rr = r.add_parser("arrived", help="the patient arrived (到位)")
    rr.add_argument("id", help=ID_HELP)
    rr.add_argument("--date", default="", help=DATE_HELP)
    rr.set_defaults(func=mark_arrived)
    rn = r.add_parser("not-arrived", help="the patient did not arrive (不到位), with the reason")
    rn.add_argument("id", help=ID_HELP)
    rn.add_argument("--reason", required=True, help="why the patient did not go")
    rn.add_argument("--date", default="", help=DATE_HELP)
    rn.set_defaults(func=mark_not_arrived)
    rt = r.add_parser("return", help="the patient was returned (回转) with a diagnosis and a plan")
    rt.add_argument("id", help=ID_HELP)
    rt.add_argument("--diagnosis", required=True, help="diagnosis (诊断结果)")
    rt.add_argument("--inpatient-no", default="", help="inpatient record number (住院病案号)")
    rt.add_argument("--findings", default="", help="main findings (主要检查结果)")
    rt.add_argument(
        "--plan", default="", help="treatment, next steps, rehabilitation (下一步治疗方案及康复建议)"
    )
    rt.add_argument(
        "--doctor", default="", help="the receiving institution's doctor who signs the return slip"
    )
    rt.add_argument("--date", default="", help=DATE_HELP)
    rt.set_defaults(func=record_return)
    ru = r.add_parser(
        "undo", help="take back a 到位 / 不到位 entered by mistake today (back to issued; by who entered it)"
    )
    ru.add_argument("id", help=ID_HELP)
    ru.set_defaults(func=undo_step)


def add_referral(args) -> int:
    from app.services.access.actor import doctor_name
    from app.services.programmes import referral
    from app.services.records.residents import find_resident

    if not args.reason.strip():
        raise CliError("请填写转诊原因（--reason），没有原因的转诊单不能开具")
    _, store = open_store(args)
    with store.transaction() as s:
        resident = find_resident(s, args.resident)
        inp = referral.ReferralInput(
            resident_id=resident.id,
            emergency=args.urgent,
            to_institution=args.to_institution,
            to_department=args.department,
            impression=args.impression,
            present_history=args.reason,
            # as the 转诊 button drafts them: the record's 既往史 and the drugs being taken
            past_history=referral.past_history(s, resident, None),
            treatment=referral.current_treatment(s, resident.id),
            issued_by=doctor_name(s),
            force=args.force,
        )
        try:
            created = referral.create_referral(s, inp)
        except referral.DuplicateReferral as e:
            raise CliError(f"{e.render()}；确实要再开一张请加 --force") from None
        referral_id = created.id
        row = referral.list_referrals(s, resident_id=resident.id)
    if args.json:
        print_json(next(r.as_json() for r in row if r.id == referral_id))
        return 0
    print(referral_id)
    return 0


def list_referrals(args) -> int:
    from app.codes import CODE_LISTS
    from app.services.programmes import referral
    from app.services.records.residents import find_resident

    _, store = open_store(args)
    with store.session() as s:
        resident_id = find_resident(s, args.resident).id if args.resident else None
        rows = referral.list_referrals(s, open_only=args.open_only, resident_id=resident_id)
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    status = CODE_LISTS["referral_status"]
    for r in rows:
        urgent = "紧急 " if r.urgent else ""
        if r.days_open is None:
            since = str(r.status_date or "")
        else:
            since = "今天" if r.days_open == 0 else f"已{r.days_open}天"
        where = f"{r.to_institution} {r.to_department}".strip()
        print(
            f"{r.id}  {urgent}{status.label(r.status)}  {since}  {r.resident_name}（{r.archive_no}）→ {where}"
        )
        for label, value in _details(r):
            print(f"    {label}：{_indent(value)}")
    print(f"共 {len(rows)} 张转诊单", file=sys.stderr)
    return 0


def _indent(text: str) -> str:
    return text.replace("\n", "\n      ")


def _details(r) -> list[tuple[str, str]]:
    """What a referral's life recorded, for people reading the list (the 回转 in full)."""
    rows = [("转诊日期", r.issued_on.isoformat()), ("转诊原因", r.reason)]
    if r.status != "issued" and r.status_date:
        rows.append(("状态日期", r.status_date.isoformat()))
    rows += [
        ("不到位原因", r.not_arrived_reason),
        ("回转诊断", r.return_diagnosis),
        ("住院病案号", r.return_record_no),
        ("主要检查结果", r.return_findings),
        ("下一步治疗方案", r.return_plan),
        ("接诊医生", r.return_doctor),
    ]
    return [(label, value) for label, value in rows if value]


def _done(status: str, referral_id) -> int:
    """Said after the commit: nothing is reported that did not happen."""
    from app.codes import CODE_LISTS

    print(f"转诊单 {referral_id}：{CODE_LISTS['referral_status'].label(status)}")
    return 0


def mark_arrived(args) -> int:
    from app.services.programmes import referral

    _, store = open_store(args)
    with store.transaction() as s:
        saved = referral.mark_arrived(s, args.id, args.date or None)
        status, referral_id = saved.status, saved.id
    return _done(status, referral_id)


def mark_not_arrived(args) -> int:
    from app.services.programmes import referral

    _, store = open_store(args)
    with store.transaction() as s:
        saved = referral.mark_not_arrived(s, args.id, args.reason, args.date or None)
        status, referral_id = saved.status, saved.id
    return _done(status, referral_id)


def record_return(args) -> int:
    from app.services.programmes import referral

    inp = referral.ReturnInput(
        diagnosis=args.diagnosis,
        record_no=args.inpatient_no,
        findings=args.findings,
        plan=args.plan,
        doctor=args.doctor,
    )
    _, store = open_store(args)
    with store.transaction() as s:
        saved = referral.record_return(s, args.id, inp, args.date or None)
        status, referral_id = saved.status, saved.id
    return _done(status, referral_id)


def undo_step(args) -> int:
    from app.services.programmes import referral

    _, store = open_store(args)
    with store.transaction() as s:
        saved = referral.undo_step(s, args.id)
        status, referral_id = saved.status, saved.id
    return _done(status, referral_id)
