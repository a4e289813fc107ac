"""``cunyi review``: the township's review queue from the command line, on the same service as the
审核 page (:mod:`app.services.quality.review`): list the open items, and decide one with a reason.
A decision is written in one unit of work like the page's, so it syncs back to the village, which
lists what was decided about its records (``review decisions``, as its 审核 page shows them)."""

from __future__ import annotations

from app.cli.core import CliError, add_json, open_store, print_json
from app.i18n import QT_TRANSLATE_NOOP

# The kinds as the command line names them -> the service's kind.
KINDS = {"duplicate": "duplicate", "conflict": "conflict", "validation": "invalid", "referral": "referral"}
CLI_KIND = {service: cli for cli, service in KINDS.items()}


def register(sub) -> None:
    r = sub.add_parser(
        "review",
        help=QT_TRANSLATE_NOOP(
            "Cli", "（乡镇）审核队列：疑似重复档案、同步冲突、未通过校验的记录、转诊超期未结"
        ),
    ).add_subparsers(dest="action", required=True)
    rl = r.add_parser("list", help=QT_TRANSLATE_NOOP("Cli", "待审核项：疑似重复档案在前，各类按时间从早到晚"))
    rl.add_argument("--kind", choices=list(KINDS), help=QT_TRANSLATE_NOOP("Cli", "只列出该类待审核项"))
    rl.add_argument(
        "--village", default="", metavar="CODE", help=QT_TRANSLATE_NOOP("Cli", "只看该村（12 位村代码）")
    )
    add_json(rl)
    rl.set_defaults(func=list_items)
    rd = r.add_parser("decide", help=QT_TRANSLATE_NOOP("Cli", "处理一项：给出处理决定和村卫生室会看到的理由"))
    rd.add_argument("item", help=QT_TRANSLATE_NOOP("Cli", "该项的标识，即 `review list` 显示的值"))
    rd.add_argument(
        "--decision",
        required=True,
        help=QT_TRANSLATE_NOOP("Cli", "该项的可选处理之一，见 `review list` 的显示"),
    )
    rd.add_argument("--reason", required=True, help=QT_TRANSLATE_NOOP("Cli", "理由（村卫生室会看到）"))
    add_json(rd)
    rd.set_defaults(func=decide)
    rs = r.add_parser(
        "decisions",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "乡镇的处理决定，最新的在前：在村卫生室只列有关本村档案的，在乡镇卫生院列出它作出的全部决定",
        ),
    )
    add_json(rs)
    rs.set_defaults(func=list_decisions)


def _item_data(item) -> dict:
    from app.services.quality import review

    return {
        "key": item.key,
        "kind": CLI_KIND[item.kind],
        "kind_name": review.KINDS[item.kind],
        "village": item.village_code,
        "village_name": item.village_name,
        "record": item.record,
        "other_record": item.other_record,
        "other_village": item.other_village,
        "detail": item.detail.render(),
        "since": item.since.isoformat() if item.since else None,
        "options": [{"decision": o, "name": review.DECISIONS[o]} for o in item.offered],
    }


def list_items(args) -> int:
    from app.services.profile import VILLAGE, normalise_code
    from app.services.quality import review

    _, store = open_store(args)
    kinds = (KINDS[args.kind],) if args.kind else tuple(review.KINDS)
    with store.session() as s:
        code = ""
        if args.village:
            from sqlalchemy import select

            from app.models import Village

            code = normalise_code(args.village, VILLAGE)
            if s.scalar(select(Village.id).where(Village.code == code)) is None:
                raise CliError(QT_TRANSLATE_NOOP("Cli", "本乡镇没有村代码为 {code} 的村"), code=code)
        items = review.review_queue(s, kinds=kinds)
    items = [i for i in items if not code or i.village_code == code]
    if args.json:
        print_json({"items": [_item_data(i) for i in items]})
        return 0
    for i in items:
        d = _item_data(i)
        other = f"  ↔ {d['other_record']}" if d["other_record"] else ""
        other += f"（{d['other_village']}）" if d["other_village"] else ""
        print(
            f"{d['key']}\n  {d['kind_name']}  {d['village_name']}  {d['record']}{other}  {d['since'] or ''}"
        )
        print(f"  {d['detail']}")
        print("  可选处理：" + "；".join(f"{o['decision']}（{o['name']}）" for o in d["options"]))
    print(f"共 {len(items)} 项待审核")
    return 0


def decide(args) -> int:
    from app.services.quality import review

    if not args.reason.strip():
        raise CliError(QT_TRANSLATE_NOOP("Cli", "请用 --reason 写明处理理由：村卫生室会看到它"))
    # (a decision this item does not allow is refused naming those it does: review.decide)
    _, store = open_store(args)
    with store.transaction() as s:
        written = review.decide(s, args.item.strip(), args.decision, args.reason)
        told = sorted({d.village_id for d in written})
        from sqlalchemy import select

        from app.models import Village

        named = sorted(s.execute(select(Village.code, Village.name).where(Village.id.in_(told))).all())
        codes = [code for code, _name in named]
        data = {
            "key": args.item.strip(),
            "decision": args.decision,
            "decision_name": review.DECISIONS[args.decision],
            "reason": args.reason.strip(),
            "villages": codes,
        }
    if args.json:
        print_json(data)
        return 0
    villages = "、".join(f"{name}（{code}）" for code, name in named) or "—"
    print(f"已记录处理决定：{data['decision_name']}；将同步告知 {villages}")
    return 0


def _decision_data(d) -> dict:
    from app.services.quality import review

    return {
        "decided_on": d.decided_on.isoformat(),
        "decided_by": d.decided_by,
        "kind": CLI_KIND.get(d.kind, d.kind),
        "kind_name": review.KINDS.get(d.kind, d.kind),
        "record": d.record,
        "other_record": d.other_record,
        "decision": d.decision,
        "decision_name": review.DECISIONS.get(d.decision, d.decision),
        "reason": d.reason,
        "changes": [
            {"record": c.get("record") or "", "field": c["field"], "from": c["from"], "to": c["to"]}
            for c in d.changes
        ],
        "villages": d.village_code.split("、") if d.village_code else [],
    }


def _shown(value) -> str:
    from app.services.quality import review

    if isinstance(value, bool):
        return review.YES if value else review.NO
    return "—" if value is None or value == "" else str(value)


def list_decisions(args) -> int:
    from app.services.quality import review

    _, store = open_store(args)
    with store.session() as s:
        decided = [_decision_data(d) for d in review.village_decisions(s)]
    if args.json:
        print_json({"decisions": decided})
        return 0
    for d in decided:
        other = f"  ↔ {d['other_record']}" if d["other_record"] else ""
        print(f"{d['decided_on']}  {d['kind_name']}  {d['record']}{other}  （{'、'.join(d['villages'])}）")
        print(f"  处理：{d['decision_name']}（{d['decided_by']}）  理由：{d['reason'] or '—'}")
        for c in d["changes"]:
            named = f"{c['record']} " if c["record"] else ""
            print(f"  改动：{named}{c['field']}：{_shown(c['from'])} → {_shown(c['to'])}")
    print(f"共 {len(decided)} 条处理决定")
    return 0
