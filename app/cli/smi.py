"""``cunyi smi``: register a severe mental disorder patient and record their follow-ups (the same
service, form checks and rules as the GUI).  Who may do it is decided by the service."""

from __future__ import annotations

from app.cli.core import RESIDENT_HELP, CliError, add_json, add_lang, open_store, print_json
from app.cli.voiding import add_void_parser, run_void
from app.i18n import QT_TRANSLATE_NOOP

POLICE_ADVICE = "危险性 3 级以上：必要时报告公安机关"
SOCIAL_KEYS = ("social_personal", "social_housework", "social_work", "social_study", "social_social")


def register(sub) -> None:
    g = sub.add_parser(
        "smi", help=QT_TRANSLATE_NOOP("Cli", "严重精神障碍患者管理（权限受限）")
    ).add_subparsers(dest="action", required=True)
    r = g.add_parser("register", help=QT_TRANSLATE_NOOP("Cli", "登记患者并填写个人信息补充表"))
    r.add_argument("resident", help=RESIDENT_HELP)
    r.add_argument(
        "--diagnosis",
        required=True,
        help=QT_TRANSLATE_NOOP("Cli", "1 精神分裂症 … 6 精神发育迟滞伴发精神障碍"),
    )
    r.add_argument(
        "--consent",
        required=True,
        choices=["1", "0"],
        help=QT_TRANSLATE_NOOP("Cli", "1 同意参加管理，0 不同意"),
    )
    r.add_argument(
        "--consent-date",
        default="",
        help=QT_TRANSLATE_NOOP("Cli", "知情同意签字时间 YYYY-MM-DD（同意时自该日起在管；不填：今天）"),
    )
    r.add_argument("--guardian", default="", help=QT_TRANSLATE_NOOP("Cli", "监护人姓名"))
    r.add_argument("--guardian-phone", default="", help=QT_TRANSLATE_NOOP("Cli", "监护人电话"))
    r.add_argument("--hospital", default="", help=QT_TRANSLATE_NOOP("Cli", "确诊医院"))
    r.add_argument("--diagnosed", default="", help=QT_TRANSLATE_NOOP("Cli", "确诊日期 YYYY-MM-DD"))
    r.add_argument(
        "--economy",
        default="",
        choices=["", "1", "2", "3"],
        help=QT_TRANSLATE_NOOP("Cli", "1 贫困，2 非贫困，3 不详"),
    )
    add_json(r)
    r.set_defaults(func=register_patient)

    f = g.add_parser(
        "followup", help=QT_TRANSLATE_NOOP("Cli", "录入随访（自动建议分类、转诊和下次随访日期）")
    )
    f.add_argument("resident", help=RESIDENT_HELP)
    f.add_argument("--date", required=True, help=QT_TRANSLATE_NOOP("Cli", "随访日期 YYYY-MM-DD"))
    f.add_argument("--danger", help=QT_TRANSLATE_NOOP("Cli", "危险性评估 0–5（未用 --lost/--died 时必填）"))
    f.add_argument(
        "--insight", choices=["1", "2", "3"], help=QT_TRANSLATE_NOOP("Cli", "1 完全，2 不全，3 缺失")
    )
    f.add_argument("--symptoms", default="", help=QT_TRANSLATE_NOOP("Cli", "目前症状代码，如 1,5"))
    f.add_argument(
        "--social",
        default="",
        help=QT_TRANSLATE_NOOP("Cli", "五项评分 1–3（生产劳动及工作可为 9），如 1,1,1,1,1"),
    )
    f.add_argument("--adverse", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "严重药物不良反应"))
    f.add_argument("--physical-illness", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "严重躯体疾病"))
    f.add_argument(
        "--method",
        default="1",
        choices=["1", "2", "3"],
        help=QT_TRANSLATE_NOOP("Cli", "1 门诊、2 家庭、3 电话"),
    )
    f.add_argument(
        "--classification",
        default="",
        choices=["", "1", "2", "3"],
        help=QT_TRANSLATE_NOOP("Cli", "指定分类，不采用建议"),
    )
    f.add_argument(
        "--next",
        dest="next_due",
        default="",
        help=QT_TRANSLATE_NOOP(
            "Cli", "下次随访日期（默认：按本次随访分类，未给 --classification 时按建议的分类）"
        ),
    )
    f.add_argument("--lost", metavar="REASON", help=QT_TRANSLATE_NOOP("Cli", "失访：原因代码 1–5"))
    f.add_argument("--died", metavar="DATE", help=QT_TRANSLATE_NOOP("Cli", "于 DATE 死亡（配合 --cause）"))
    f.add_argument("--cause", default="", help=QT_TRANSLATE_NOOP("Cli", "死亡原因代码 1–6"))
    add_json(f)
    f.set_defaults(func=record_followup)
    v = add_void_parser(
        g,
        QT_TRANSLATE_NOOP("Cli", "作废误录的随访（日期错、人错）"),
        QT_TRANSLATE_NOOP("Cli", "随访日期 YYYY-MM-DD"),
    )
    v.set_defaults(func=void_visit)
    d = g.add_parser("due", help=QT_TRANSLATE_NOOP("Cli", "到期及逾期的患者（仅限您有权查看的）"))
    d.add_argument(
        "--kind",
        default="overdue",
        choices=["overdue", "due_today", "due_week", "all"],
        help=QT_TRANSLATE_NOOP(
            "Cli", "overdue 已逾期（默认），due_today 今天到期，due_week 7 天内到期，all 全部在管患者"
        ),
    )
    add_json(d)
    d.set_defaults(func=list_due)
    p = g.add_parser(
        "print", help=QT_TRANSLATE_NOOP("Cli", "随访服务记录表：按最近一次随访填写；无 RESIDENT 时为空白表")
    )
    p.add_argument("resident", nargs="?", help=QT_TRANSLATE_NOOP("Cli", "档案编号（不填：空白表）"))
    p.add_argument(
        "--registration",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "改为打印个人信息补充表：按登记信息填写；无 RESIDENT 时为空白表"),
    )
    p.add_argument(
        "-o", "--output", required=True, help=QT_TRANSLATE_NOOP("Cli", "写入的 PDF 文件（FILE.pdf）")
    )
    add_lang(p, QT_TRANSLATE_NOOP("Cli", "表单标签的语言"))
    p.set_defaults(func=print_form)


def _codes(text: str) -> list[str]:
    return [x.strip() for x in (text or "").split(",") if x.strip()]


def register_patient(args) -> int:
    from app.services.programmes import smi

    _, store = open_store(args)
    inp = smi.SmiRegistrationInput(
        diagnosis=args.diagnosis,
        consent=args.consent,
        consent_date=args.consent_date,
        guardian_name=args.guardian,
        guardian_phone=args.guardian_phone,
        diagnosis_hospital=args.hospital,
        diagnosis_date=args.diagnosed,
        economy=args.economy,
    )
    with store.transaction() as s:
        saved = smi.register(s, args.resident, inp)
    if args.json:
        print_json(saved.as_json())
    else:
        print("已登记" + ("，纳入管理" if saved.under_management else "（不同意参加管理）"))
    return 0


def record_followup(args) -> int:
    from app.codes import CODE_LISTS
    from app.services.programmes import smi

    if args.lost and args.died:
        raise CliError(QT_TRANSLATE_NOOP("Cli", "--lost（失访）和 --died（死亡）只能选一个"))
    if args.lost or args.died:  # an outcome instead of an assessment: what only an assessment has is refused
        given = [
            option
            for option, value in (
                ("--danger", args.danger),
                ("--insight", args.insight),
                ("--symptoms", args.symptoms),
                ("--social", args.social),
                ("--classification", args.classification),
                ("--next", args.next_due),
                ("--adverse", args.adverse),
                ("--physical-illness", args.physical_illness),
            )
            if value
        ]
        if given:
            raise CliError(
                QT_TRANSLATE_NOOP("Cli", "失访或死亡的随访不填评估：请去掉 {options}"),
                options=" ".join(given),
            )
    elif args.cause:
        raise CliError(QT_TRANSLATE_NOOP("Cli", "--cause（死亡原因）只与 --died 一起填写"))
    _, store = open_store(args)
    if args.lost or args.died:
        with store.transaction() as s:
            saved = smi.record_failed_visit(
                s,
                args.resident,
                "lost" if args.lost else "died",
                args.date,
                lost_reason=args.lost or "",
                death_date=args.died or "",
                death_cause=args.cause,
            )
    else:
        social = _codes(args.social)
        if social and len(social) != len(SOCIAL_KEYS):
            raise CliError(QT_TRANSLATE_NOOP("Cli", "--social 应为5项评价，用逗号分开，例如 1,1,1,1,1"))
        inp = smi.input_with(
            visit_date=args.date,
            danger=args.danger or "",
            insight=args.insight or "",
            symptoms=_codes(args.symptoms),
            adverse_serious=args.adverse,
            adverse="2" if args.adverse else "",
            physical_illness=args.physical_illness,
            method=args.method,
            classification=args.classification,
            next_due=args.next_due,
            **dict(zip(SOCIAL_KEYS, social, strict=False)),
        )
        with store.transaction() as s:
            saved = smi.record_visit(s, args.resident, inp)
    if args.json:
        print_json(saved.as_json())
        return 0
    if saved.outcome != "done":
        print(f"已保存：{saved.visit_date} {'失访' if saved.outcome == 'lost' else '死亡'}")
        return 0
    label = CODE_LISTS["smi_class"].label(str(saved.classification))
    print(f"已保存：{saved.visit_date} {label}，下次随访 {saved.next_due}")
    if saved.referral_suggested:
        print("建议立即转诊到上级医院，2周内了解情况")
    if saved.police:
        print(POLICE_ADVICE)
    if saved.psychiatrist:
        print("未达稳定：请精神专科医生指导")
    return 0


def print_form(args) -> int:
    import uuid

    from app.cli.printing import print_labels, warn_missing_characters
    from app.services import printing
    from app.services.printing import smi_forms
    from app.services.programmes import smi

    labels = print_labels(args.lang)
    _, store = open_store(args)
    with store.session() as s:
        if args.registration:
            data = smi_forms.registration_pdf(s, args.resident or None, labels)
        else:
            visit_id = None
            if args.resident:
                visits = smi.record_of(s, args.resident).visits
                if not visits:
                    raise CliError(
                        QT_TRANSLATE_NOOP("Cli", "{resident} 还没有随访记录"), resident=args.resident
                    )
                visit_id = visits[-1]["id"]
            data = smi_forms.visit_pdf(s, uuid.UUID(visit_id) if visit_id else None, labels)
    printing.write_pdf(args.output, data)
    print(f"已写入 {args.output}")
    warn_missing_characters(data)
    return 0


def list_due(args) -> int:
    from app.services.programmes import smi, worklist

    _, store = open_store(args)
    with store.session() as s:
        items = worklist.worklist(s, args.kind, program=smi.PROGRAM, audited=True)
    rows = [
        {
            "resident_id": str(i.resident_id),
            "archive_no": i.archive_no,
            "name": i.name,
            "village": i.village_name,
            "group": i.group_name,
            "responsible_doctor": i.responsible_doctor,
            "last_visit": i.last_visit.isoformat() if i.last_visit else None,
            "last_classification": i.last_classification,
            "next_due": i.next_due.isoformat(),
            "days_overdue": i.days_overdue,
        }
        for i in items
    ]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(
            f"{r['name']}  {r['archive_no']}  {r['group']}  应随访 {r['next_due']}  {_when(r['days_overdue'])}"
        )
    print(f"共 {len(rows)} 人")
    return 0


def _when(days_overdue: int) -> str:
    """As the printed worklist says it (home_visits.due_words), in Chinese."""
    from app.services.printing.home_visits import due_words
    from app.services.printing.layout import Labels

    return due_words(Labels(), days_overdue)


def void_visit(args) -> int:
    from app.services.programmes import smi

    return run_void(
        args,
        lambda s: smi.void_visit(s, args.resident, args.date, args.reason),
        lambda _v: "严重精神障碍随访",
    )
