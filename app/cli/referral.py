"""``cunyi referral``: issue a two-way referral and follow its life (到位 / 不到位 / 回转)."""

from __future__ import annotations

import sys

from app.cli import core
from app.cli.core import RESIDENT_HELP, CliError, add_json, open_store, print_json
from app.i18n import QT_TRANSLATE_NOOP

ID_HELP = QT_TRANSLATE_NOOP("Cli", "转诊单编号，即 `referral add` 或 `referral list` 显示的编号")
DATE_HELP = QT_TRANSLATE_NOOP("Cli", "发生日期 YYYY-MM-DD（默认今天；不早于转诊日期，不晚于今天）")


def register(sub) -> None:
    r = sub.add_parser(
        "referral", help=QT_TRANSLATE_NOOP("Cli", "双向转诊：开具、到位、不到位、回转")
    ).add_subparsers(dest="action", required=True)
    ra = r.add_parser("add", help=QT_TRANSLATE_NOOP("Cli", "开具转诊单（转出），并显示新转诊单的编号"))
    ra.add_argument("resident", help=RESIDENT_HELP)
    ra.add_argument("--to", dest="to_institution", required=True, help=QT_TRANSLATE_NOOP("Cli", "转入单位"))
    ra.add_argument("--department", default="", help=QT_TRANSLATE_NOOP("Cli", "科室"))
    ra.add_argument("--reason", required=True, help=QT_TRANSLATE_NOOP("Cli", "主要现病史（转出原因）"))
    ra.add_argument("--impression", default="", help=QT_TRANSLATE_NOOP("Cli", "初步印象"))
    ra.add_argument("--urgent", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "紧急转诊"))
    ra.add_argument(
        "--program",
        default="",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "转诊所属的管理项目：htn 高血压、t2dm 2型糖尿病、smi 专项随访（只有可查看其记录的人看得到这张转诊单）",
        ),
    )
    ra.add_argument(
        "--force",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "即使今天已向同一单位开过未结转诊单，仍然开具"),
    )
    add_json(ra)
    ra.set_defaults(func=add_referral)
    rl = r.add_parser(
        "list", help=QT_TRANSLATE_NOOP("Cli", "转诊单列表：未结的在前，紧急的在前，未结最久的在前")
    )
    rl.add_argument(
        "--open", dest="open_only", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "只列出未结转诊")
    )
    rl.add_argument("--resident", default="", help=RESIDENT_HELP)
    add_json(rl)
    rl.set_defaults(func=list_referrals)
    rr = r.add_parser("arrived", help=QT_TRANSLATE_NOOP("Cli", "患者已到达（到位）"))
    rr.add_argument("id", help=ID_HELP)
    rr.add_argument("--date", default="", help=DATE_HELP)
    rr.set_defaults(func=mark_arrived)
    rn = r.add_parser("not-arrived", help=QT_TRANSLATE_NOOP("Cli", "患者未到达（不到位），须写明原因"))
    rn.add_argument("id", help=ID_HELP)
    rn.add_argument("--reason", required=True, help=QT_TRANSLATE_NOOP("Cli", "患者没有去的原因"))
    rn.add_argument("--date", default="", help=DATE_HELP)
    rn.set_defaults(func=mark_not_arrived)
    rt = r.add_parser("return", help=QT_TRANSLATE_NOOP("Cli", "患者已回转（回转），附诊断结果和治疗方案"))
    rt.add_argument("id", help=ID_HELP)
    rt.add_argument("--diagnosis", required=True, help=QT_TRANSLATE_NOOP("Cli", "诊断结果"))
    rt.add_argument("--inpatient-no", default="", help=QT_TRANSLATE_NOOP("Cli", "住院病案号"))
    rt.add_argument("--findings", default="", help=QT_TRANSLATE_NOOP("Cli", "主要检查结果"))
    rt.add_argument("--plan", default="", help=QT_TRANSLATE_NOOP("Cli", "下一步治疗方案及康复建议"))
    rt.add_argument("--doctor", default="", help=QT_TRANSLATE_NOOP("Cli", "在回转单上签字的转入单位医生"))
    rt.add_argument("--date", default="", help=DATE_HELP)
    rt.set_defaults(func=record_return)
    ru = r.add_parser(
        "undo", help=QT_TRANSLATE_NOOP("Cli", "撤销今天误登记的到位/不到位（恢复为已转出；须由登记人操作）")
    )
    ru.add_argument("id", help=ID_HELP)
    ru.set_defaults(func=undo_step)


def add_referral(args) -> int:
    from app.services.access.actor import doctor_name
    from app.services.programmes import referral
    from app.services.records.residents import find_resident

    if not args.reason.strip():
        raise CliError(QT_TRANSLATE_NOOP("Cli", "请填写转诊原因（--reason），没有原因的转诊单不能开具"))
    _, store = open_store(args)
    with store.transaction() as s:
        resident = find_resident(s, args.resident)
        inp = referral.ReferralInput(
            resident_id=resident.id,
            program=args.program.strip(),
            emergency=args.urgent,
            to_institution=args.to_institution,
            to_department=args.department,
            impression=args.impression,
            present_history=args.reason,
            # as the 转诊 button drafts them: the record's 既往史 and the drugs being taken
            past_history=referral.past_history(s, resident, args.program or None),
            treatment=referral.current_treatment(s, resident.id),
            issued_by=doctor_name(s),
            force=args.force,
        )
        try:
            created = referral.create_referral(s, inp)
        except referral.DuplicateReferral as e:
            raise CliError(
                QT_TRANSLATE_NOOP("Cli", "{text}；确实要再开一张请加 --force"), text=e.render(core.speak)
            ) from None
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
