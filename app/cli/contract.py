"""``cunyi contract``: family-doctor contracts (签约, 续约, 解约, 到期提醒) and the printed agreement."""

from __future__ import annotations

from app.cli.core import PDF_HELP, RESIDENT_HELP, CliError, add_json, add_lang, open_store, print_json
from app.cli.numbers import WholeNumber
from app.i18n import QT_TRANSLATE_NOOP

CONTRACT_HELP = QT_TRANSLATE_NOOP("Cli", "签约记录 ID（见 contract list）")


def register(sub) -> None:
    c = sub.add_parser("contract", help=QT_TRANSLATE_NOOP("Cli", "家庭医生签约")).add_subparsers(
        dest="action", required=True
    )
    ca = c.add_parser("add", help=QT_TRANSLATE_NOOP("Cli", "为居民（或其全户）签约家庭医生"))
    ca.add_argument("resident", help=RESIDENT_HELP)
    ca.add_argument("--doctor", required=True, help=QT_TRANSLATE_NOOP("Cli", "签约医生"))
    ca.add_argument(
        "--package",
        required=True,
        help=QT_TRANSLATE_NOOP(
            "Cli", "服务包，用逗号分隔：basic,elderly,chronic,smi,maternal,child,disabled,poor"
        ),
    )
    ca.add_argument("--start", required=True, help=QT_TRANSLATE_NOOP("Cli", "签约日期 YYYY-MM-DD"))
    ca.add_argument(
        "--years",
        type=WholeNumber(QT_TRANSLATE_NOOP("Field", "签约年限")),
        default=1,
        help=QT_TRANSLATE_NOOP("Cli", "签约年限（1-10 年，默认 1）"),
    )
    ca.add_argument("--team", default="", help=QT_TRANSLATE_NOOP("Cli", "签约团队"))
    ca.add_argument(
        "--household", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "全户签约（户内在册成员一起签）")
    )
    ca.add_argument("--unsigned", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "纸质协议书尚未签字"))
    add_json(ca)
    ca.set_defaults(func=add)
    cr = c.add_parser(
        "renew", help=QT_TRANSLATE_NOOP("Cli", "续约：从原签约到期次日起新签一份（已过期的从今天起）")
    )
    cr.add_argument("id", help=CONTRACT_HELP)
    cr.add_argument(
        "--years",
        type=WholeNumber(QT_TRANSLATE_NOOP("Field", "签约年限")),
        help=QT_TRANSLATE_NOOP("Cli", "新签约的年限（默认：与原签约相同）"),
    )
    add_json(cr)
    cr.set_defaults(func=renew)
    cm = c.add_parser(
        "edit", help=QT_TRANSLATE_NOOP("Cli", "修改履约中的签约：签约医生、团队、服务包、签约日期或年限")
    )
    cm.add_argument("id", help=CONTRACT_HELP)
    cm.add_argument("--doctor", help=QT_TRANSLATE_NOOP("Cli", "签约医生"))
    cm.add_argument("--team", help=QT_TRANSLATE_NOOP("Cli", "签约团队"))
    cm.add_argument(
        "--package",
        help=QT_TRANSLATE_NOOP(
            "Cli", "服务包，用逗号分隔（替换原有的）：basic,elderly,chronic,smi,maternal,child,disabled,poor"
        ),
    )
    cm.add_argument("--start", help=QT_TRANSLATE_NOOP("Cli", "签约日期 YYYY-MM-DD（续约的不能改）"))
    cm.add_argument(
        "--years",
        type=WholeNumber(QT_TRANSLATE_NOOP("Field", "签约年限")),
        help=QT_TRANSLATE_NOOP("Cli", "签约年限（1-10 年）"),
    )
    add_json(cm)
    cm.set_defaults(func=edit)
    ce = c.add_parser("end", help=QT_TRANSLATE_NOOP("Cli", "解约并写明原因（记录保留）"))
    ce.add_argument("id", help=CONTRACT_HELP)
    ce.add_argument("--reason", required=True, help=QT_TRANSLATE_NOOP("Cli", "解约原因"))
    add_json(ce)
    ce.set_defaults(func=end)
    cs = c.add_parser("signed", help=QT_TRANSLATE_NOOP("Cli", "纸质协议书已签字交回"))
    cs.add_argument("id", help=CONTRACT_HELP)
    add_json(cs)
    cs.set_defaults(func=signed)
    cl = c.add_parser("list", help=QT_TRANSLATE_NOOP("Cli", "签约列表，最新的在前"))
    cl.add_argument(
        "--expiring",
        type=WholeNumber(QT_TRANSLATE_NOOP("Field", "天数"), 0, 36500),
        metavar="DAYS",
        help=QT_TRANSLATE_NOOP("Cli", "只列出 DAYS 天内到期的签约"),
    )
    cl.add_argument("--resident", help=RESIDENT_HELP)
    add_json(cl)
    cl.set_defaults(func=list_)
    cp = c.add_parser("print", help=QT_TRANSLATE_NOOP("Cli", "按签约记录填写的签约服务协议书，输出 PDF"))
    cp.add_argument("id", help=CONTRACT_HELP)
    cp.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help=PDF_HELP)
    add_lang(cp, QT_TRANSLATE_NOOP("Cli", "协议书栏目名称的语言"))
    cp.set_defaults(func=print_agreement)


def _show(rows, today, as_json: bool) -> None:
    """The rows, one a line: the 状态 as the 签约 page says it (contracts.status_message), the
    village when they are of several (a township's list)."""
    if as_json:
        print_json([r.as_json() for r in rows])
        return
    villages = len({r.village for r in rows}) > 1
    for r in rows:
        print(
            f"{r.id}  {r.archive_no} {r.resident_name}  {r.village + '  ' if villages else ''}{r.doctor}  "
            f"{r.package_labels()}  {r.start_on}～{r.end_on}  {_status(r, today)}"
        )


def _status(r, today) -> str:
    from app.codes import CODE_LISTS
    from app.services.programmes import contracts

    text = contracts.status_message(r, today).render()
    if r.signature != contracts.SIGNED:  # (the page's 签字 column, beside its 状态)
        text += "，" + CODE_LISTS["contract_signature"].label(r.signature)
    return text


def add(args) -> int:
    from app.services.programmes import contracts
    from app.services.sync.capture import trusted_today

    _, store = open_store(args)
    with store.transaction() as s:
        made, skipped = contracts.add_contract(
            s,
            args.resident,
            doctor=args.doctor,
            packages=args.package,
            start=args.start,
            years=args.years,
            team=args.team,
            household=args.household,
            signature="pending" if args.unsigned else "signed",
        )
        s.flush()
        today = trusted_today(s)
        rows = [
            contracts.row_of(c, c.resident, contracts.visible_packages(s, c, c.resident), today) for c in made
        ]
        skipped_names = [m.name for m in skipped]
    if args.json:
        print_json({"contracts": [r.as_json() for r in rows], "skipped": skipped_names})
        return 0
    _show(rows, today, False)
    if skipped_names:
        print("已有有效签约，未重复签约：" + "、".join(skipped_names))
    return 0


def renew(args) -> int:
    from app.services.programmes import contracts

    _, store = open_store(args)
    with store.transaction() as s:
        c = contracts.renew_contract(s, args.id, years=args.years)
        s.flush()
        row = contracts.row_of(c, c.resident, contracts.visible_packages(s, c, c.resident))
    if args.json:
        print_json(row.as_json())
    else:
        print(f"已续约：{row.id}  {row.resident_name}  {row.start_on}～{row.end_on}")
    return 0


def edit(args) -> int:
    from app.services.programmes import contracts
    from app.services.sync.capture import trusted_today

    changes = dict(
        doctor=args.doctor, team=args.team, packages=args.package, start=args.start, years=args.years
    )
    if all(v is None for v in changes.values()):
        raise CliError(
            QT_TRANSLATE_NOOP("Cli", "请给出要修改的内容：--doctor、--team、--package、--start 或 --years")
        )
    _, store = open_store(args)
    with store.transaction() as s:
        c = contracts.edit_contract(s, args.id, **changes)
        s.flush()
        today = trusted_today(s)
        row = contracts.row_of(c, c.resident, contracts.visible_packages(s, c, c.resident), today)
    if args.json:
        print_json(row.as_json())
    else:
        _show([row], today, False)
    return 0


def end(args) -> int:
    from app.services.programmes import contracts

    _, store = open_store(args)
    with store.transaction() as s:
        c = contracts.end_contract(s, args.id, args.reason)
        row = contracts.row_of(c, c.resident, contracts.visible_packages(s, c, c.resident))
    if args.json:
        print_json(row.as_json())
    else:
        print(f"已解约：{row.resident_name}  {row.ended_on}  {row.end_reason}")
    return 0


def signed(args) -> int:
    from app.services.programmes import contracts

    _, store = open_store(args)
    with store.transaction() as s:
        c = contracts.mark_signed(s, args.id)
        row = contracts.row_of(c, c.resident, contracts.visible_packages(s, c, c.resident))
    if args.json:
        print_json(row.as_json())
    else:
        print(f"已签字：{row.resident_name}  {row.start_on}～{row.end_on}")
    return 0


def list_(args) -> int:
    from app.services.programmes import contracts
    from app.services.sync.capture import trusted_today

    _, store = open_store(args)
    with store.session() as s:
        today = trusted_today(s)
        rows = contracts.list_contracts(
            s, expiring_days=args.expiring, resident_ref=args.resident, today=today
        )
    _show(rows, today, args.json)
    return 0


def print_agreement(args) -> int:
    from pathlib import Path

    from app.cli.printing import print_labels, warn_missing_characters
    from app.services.printing import contract_form

    _, store = open_store(args)
    with store.transaction() as s:
        pages = contract_form.write(s, args.id, args.output, print_labels(args.lang))
    print(f"已生成 {args.output}（{pages} 页）")
    warn_missing_characters(Path(args.output).read_bytes())
    return 0
