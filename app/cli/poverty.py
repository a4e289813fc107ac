"""``cunyi poverty``: poor households (建档立卡), 一患一策 plans, the list and its xlsx export."""

from __future__ import annotations

from app.cli.core import PDF_HELP, RESIDENT_HELP, add_json, add_lang, open_store, print_json
from app.i18n import QT_TRANSLATE_NOOP


def register(sub) -> None:
    p = sub.add_parser("poverty", help=QT_TRANSLATE_NOOP("Cli", "建档立卡贫困户与一患一策")).add_subparsers(
        dest="action", required=True
    )
    ps = p.add_parser("set", help=QT_TRANSLATE_NOOP("Cli", "登记或修改家庭户的贫困户类型"))
    ps.add_argument(
        "household",
        metavar="HOUSEHOLD|RESIDENT",
        help=QT_TRANSLATE_NOOP("Cli", "户编号，或任一成员的档案编号"),
    )
    ps.add_argument(
        "--status",
        required=True,
        help=QT_TRANSLATE_NOOP(
            "Cli", "registered（建档立卡贫困户）| lifted（脱贫户）| monitored（防返贫监测）| none（非贫困户）"
        ),
    )
    ps.add_argument(
        "--cause",
        default="",
        help=QT_TRANSLATE_NOOP(
            "Cli", "illness（因病）| disability（因残）| schooling（因学）| labour（缺劳力）| other（其他）"
        ),
    )
    ps.add_argument(
        "--by-illness",
        dest="by_illness",
        action="store_true",
        default=None,
        help=QT_TRANSLATE_NOOP("Cli", "因病致贫"),
    )
    ps.add_argument(
        "--relapse-by-illness",
        dest="relapse",
        action="store_true",
        default=None,
        help=QT_TRANSLATE_NOOP("Cli", "因病返贫"),
    )
    ps.add_argument("--date", default="", help=QT_TRANSLATE_NOOP("Cli", "登记日期 YYYY-MM-DD（默认今天）"))
    add_json(ps)
    ps.set_defaults(func=set_household)
    pp = p.add_parser("plan", help=QT_TRANSLATE_NOOP("Cli", "一患一策：患者的方案"))
    pp.add_argument("resident", help=RESIDENT_HELP)
    pp.add_argument(
        "--track",
        required=True,
        help=QT_TRANSLATE_NOOP(
            "Cli", "major（大病集中救治）| chronic（慢病签约服务管理）| severe（重病兜底保障）"
        ),
    )
    pp.add_argument("--measures", required=True, help=QT_TRANSLATE_NOOP("Cli", "帮扶措施"))
    pp.add_argument("--review", required=True, help=QT_TRANSLATE_NOOP("Cli", "复核日期 YYYY-MM-DD"))
    pp.add_argument("--condition", default="", help=QT_TRANSLATE_NOOP("Cli", "疾病（默认：在管的管理项目）"))
    pp.add_argument("--check", default="", help=QT_TRANSLATE_NOOP("Cli", "本年免费健康体检日期"))
    add_json(pp)
    pp.set_defaults(func=plan)
    pl = p.add_parser("list", help=QT_TRANSLATE_NOOP("Cli", "贫困户列表，含签约情况和本月随访"))
    pl.add_argument("--plans", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "改为列出患者的一患一策"))
    pl.add_argument(
        "-o",
        "--output",
        metavar="FILE.xlsx",
        help=QT_TRANSLATE_NOOP("Cli", "将贫困户（加 --plans 时为一患一策）导出为 xlsx 工作簿"),
    )
    add_json(pl)
    pl.set_defaults(func=list_)
    pr = p.add_parser("print", help=QT_TRANSLATE_NOOP("Cli", "一户一档、一患一策：该户存档用的表（PDF）"))
    pr.add_argument(
        "household",
        metavar="HOUSEHOLD|RESIDENT",
        help=QT_TRANSLATE_NOOP("Cli", "户编号，或任一成员的档案编号"),
    )
    pr.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help=PDF_HELP)
    add_lang(pr, QT_TRANSLATE_NOOP("Cli", "表中栏目名称的语言"))
    pr.set_defaults(func=print_household)


def set_household(args) -> int:
    from app.codes import CODE_LISTS
    from app.services.programmes import poverty

    _, store = open_store(args)
    with store.transaction() as s:
        row = poverty.set_household(
            s,
            args.household,
            status=args.status,
            cause=args.cause,
            by_illness=args.by_illness,
            relapse_by_illness=args.relapse,
            registered_on=args.date,
        )
        s.flush()
        out = {
            "household_id": str(row.household_id),
            "status": row.status,
            "cause": row.cause,
            "by_illness": row.by_illness,
            "relapse_by_illness": row.relapse_by_illness,
            "registered_on": row.registered_on.isoformat(),
            "members": len(row.household.members),
        }
    if args.json:
        print_json(out)
    else:
        cause = "" if out["status"] == "none" else f"{CODE_LISTS['poverty_cause'].label(out['cause'])}，"
        print(f"已登记：{CODE_LISTS['poverty_status'].label(out['status'])}，{cause}{out['members']} 人")
    return 0


def plan(args) -> int:
    from app.services.programmes import poverty

    _, store = open_store(args)
    with store.transaction() as s:
        p = poverty.add_plan(
            s,
            args.resident,
            track=args.track,
            measures=args.measures,
            review=args.review,
            condition=args.condition,
            health_check=args.check,
        )
        s.flush()
        out = {
            "id": str(p.id),
            "resident_id": str(p.resident_id),
            "condition": p.condition,
            "track": p.track,
            "measures": p.measures,
            "made_on": p.made_on.isoformat(),
            "review_on": p.review_on.isoformat(),
            "health_check_on": p.health_check_on.isoformat() if p.health_check_on else None,
        }
    if args.json:
        print_json(out)
    else:
        print(f"已保存一患一策：{out['condition']}，复核日期 {out['review_on']}")
    return 0


def list_(args) -> int:
    from app.codes import CODE_LISTS
    from app.services.programmes import poverty

    _, store = open_store(args)
    with store.session() as s:
        if args.plans and args.output:
            n = poverty.export_plans(s, args.output)
            print(f"已导出 {n} 份一患一策到 {args.output}")
            return 0
        if args.plans:
            rows = poverty.plan_rows(s)
            if args.json:
                print_json(rows)
            for r in [] if args.json else rows:
                print(
                    f"{r['archive_no']} {r['resident']}  {r['condition']}  "
                    f"{CODE_LISTS['poverty_track'].label(r['track'])}  复核 {r['review_on']}"
                )
            return 0
        if args.output:
            n = poverty.export_households(s, args.output)
            print(f"已导出 {n} 户到 {args.output}")
            return 0
        rows = poverty.list_households(s)
    if args.json:
        print_json([h.as_json() for h in rows])
        return 0
    for h in rows:
        print(
            f"{h.household_id}  {h.village} {h.head}  {CODE_LISTS['poverty_status'].label(h.status)}  "
            f"签约 {h.signed}/{h.members}  慢病本月随访 {h.chronic_visited}/{h.chronic}"
        )
    return 0


def print_household(args) -> int:
    from app.cli.printing import print_labels, warn_missing_characters
    from app.services.printing import poverty_sheet, write_pdf

    _, store = open_store(args)
    with store.transaction() as s:  # the print is audited
        data = poverty_sheet.household_pdf(s, args.household, print_labels(args.lang))
        path = write_pdf(args.output, data)
    print(f"已写入 {path}")
    warn_missing_characters(data)
    return 0
