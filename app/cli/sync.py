"""``cunyi sync``: change bundles to and from trusted devices, status, conflicts, escrow."""

from __future__ import annotations

import sys

from app.cli import core, serve
from app.cli.core import add_json, open_store, print_json
from app.i18n import QT_TRANSLATE_NOOP, local_time
from app.services.access.roles import PLACE_LABELS


def register(sub) -> None:
    sy = sub.add_parser("sync", help=QT_TRANSLATE_NOOP("Cli", "与其他设备互传变更同步包")).add_subparsers(
        dest="action", required=True
    )
    se = sy.add_parser(
        "export", help=QT_TRANSLATE_NOOP("Cli", "为每台受信任设备各写一个同步包到文件夹（U盘）")
    )
    se.add_argument(
        "--to", required=True, metavar="DIR", help=QT_TRANSLATE_NOOP("Cli", "写入变更包的文件夹（如 U 盘）")
    )
    se.add_argument("--peer", help=QT_TRANSLATE_NOOP("Cli", "只导出给该设备（ID 前缀或代码）"))
    se.add_argument("--always", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "没有新变更也写出同步包"))
    add_json(se)
    se.set_defaults(func=export_bundles)
    si = sy.add_parser("import", help=QT_TRANSLATE_NOOP("Cli", "导入发给本机的同步包（文件或文件夹）"))
    si.add_argument("path", help=QT_TRANSLATE_NOOP("Cli", "变更包文件，或存放变更包的文件夹"))
    add_json(si)
    si.set_defaults(func=import_bundles)
    ss = sy.add_parser(
        "status", help=QT_TRANSLATE_NOOP("Cli", "按设备列出：上次导出/导入、待对方确认的变更、标记")
    )
    add_json(ss)
    ss.set_defaults(func=status)
    sc = sy.add_parser("conflicts", help=QT_TRANSLATE_NOOP("Cli", "未处理的冲突和疑似重复档案"))
    add_json(sc)
    sc.set_defaults(func=list_conflicts)
    sk = sy.add_parser(
        "escrow", help=QT_TRANSLATE_NOOP("Cli", "县级的 age 公钥（托管密钥）：每个同步包也同时加密给它")
    )
    sk.add_argument(
        "key", nargs="?", help=QT_TRANSLATE_NOOP("Cli", "age 接收方公钥（age1…）；省略则显示当前的托管密钥")
    )
    sk.add_argument(
        "--clear", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "取消托管密钥，不再加密给它")
    )
    sk.set_defaults(func=escrow)
    sr = sy.add_parser("resolve", help=QT_TRANSLATE_NOOP("Cli", "（乡镇）处理冲突：保留现值或采用另一值"))
    sr.add_argument("id", help=QT_TRANSLATE_NOOP("Cli", "冲突 ID（或其前缀）"))
    sr.add_argument(
        "choice",
        choices=["kept", "lost", "reviewed"],
        help=QT_TRANSLATE_NOOP("Cli", "kept 保留现值，lost 采用另一值（疑似重复档案在 review 中处理）"),
    )
    sr.add_argument(
        "--reason", default="", help=QT_TRANSLATE_NOOP("Cli", "理由（村卫生室会随处理决定看到）；可不填")
    )
    sr.set_defaults(func=resolve)
    serve.register_run(sy)


def export_bundles(args) -> int:
    from app.services.sync import snapshot

    paths, store = open_store(args)
    result = snapshot.export_bundles(store, paths, args.to, peer=args.peer, always=args.always)
    rows = [
        {
            "peer": b.peer,
            "file": str(b.path) if b.path else None,
            "ops": b.ops,
            "bytes": b.bytes,
            "note": b.note.render() if b.note else None,
        }
        for b in result.bundles
    ]
    if args.json:
        print_json({"bundles": rows, "seconds": round(result.seconds, 3)})
        return 0
    for r in rows:
        if r["file"]:
            print(f"{r['peer']}：{r['ops']} 条变更，{r['bytes'] / 1024:.0f} KB → {r['file']}")
        else:
            print(f"{r['peer']}：{r['note']}")
    return 0


def import_bundles(args) -> int:
    from app.services.sync import exchange

    paths, store = open_store(args)
    outcomes = exchange.import_path(store, paths, args.path)
    if args.json:
        print_json([o.as_json(core.speak) for o in outcomes])
    else:
        for o in outcomes:
            if o.status == "applied":
                settled = f"（乡镇卫生院已处理的冲突 {o.settled} 个已结）" if o.settled else ""
                print(
                    f"{o.file}：已导入 {o.ops} 条（来自 {o.sender}），冲突 {o.conflicts}，疑似重复档案 {o.duplicates}"
                    + settled
                )
            elif (
                o.status == "rejected"
            ):  # an error, said as every other one (the file named once), in its language
                reason = o.reason.render(core.speak)
                text = reason if o.file in reason else core.file_said(o.file, reason)
                print(
                    core.speak("Cli", QT_TRANSLATE_NOOP("Cli", "错误：{text}")).replace("{text}", text),
                    file=sys.stderr,
                )
            else:
                print(f"{o.file}：{o.reason.render()}")
            for note in (o.clock_warning, o.notice):
                if note:
                    print("  " + core.noted(note))
        if not outcomes:
            print("没有找到同步包（*.cyb）")
    return 1 if any(o.status == "rejected" for o in outcomes) else 0


def status(args) -> int:
    from app.services.profile import UPSTREAM
    from app.services.quality import review
    from app.services.sync import exchange, service

    paths, store = open_store(args)
    with store.session() as s:
        st = exchange.status(s)
        net = service.net_state(s, paths, history=0) if st["role"] in UPSTREAM else None
        # every possible duplicate waiting on 审核, those no import found included (duplicates_open:
        # the imports' notices)
        reviewing = review.open_duplicates(s)
    data = {
        **st,
        "review_duplicates": reviewing,
        "peers": [p.__dict__ for p in st["peers"]],
        "clock_warnings": [m.render() for m in st["clock_warnings"]],
        "unfinished_imports": [m.render() for m in st["unfinished_imports"]],
        "refused_by_peers": [m.render() for m in st["refused_by_peers"]],
    }
    if net is not None:  # (a scheduled task's runs, read where no window shows them)
        data["network"] = {
            "server_url": net.server_url,
            "last_success_at": net.last_success_at,
            "last_attempt_at": net.last_attempt_at,
            "next_try_at": net.next_try_at,
            "failures": net.failures,
            "last_error": net.last_error.render() if net.last_error else None,
            "revoked": net.revoked,
            "to_upload": net.to_upload,
        }
    if args.json:
        print_json(data)
        return 0
    place = PLACE_LABELS.get(st["role"], st["role"])
    print(f"本机 {st['code']}（{place}），设备 {st['device_id']}，已记录变更 {st['sequence']} 条")
    for p in st["peers"]:
        last_out = local_time(p.last_export_at, "从未")
        last_in = local_time(p.last_import_at, "从未")
        if p.import_cut_at is not None:
            last_in += f"（{local_time(p.import_cut_at)} 中断，未导入完）"
        revoked = "（已撤销）" if p.revoked else ""
        print(
            f"  {p.code} {p.name}{revoked}：待对方确认 {p.unacknowledged} 条；"
            f"上次导出 {last_out}，上次导入 {last_in}"
        )
    print(f"未处理冲突 {st['conflicts_open']}，疑似重复档案 {st['duplicates_open']}，待补齐 {st['pending']}")
    if reviewing:
        print(f"审核中共有 {reviewing} 对疑似重复档案待处理（cunyi review list）")
    for w in (*data["refused_by_peers"], *data["clock_warnings"], *data["unfinished_imports"]):
        print(f"注意：{w}")
    if net is not None:
        print(_network_line(net))
    return 0


def _network_line(net) -> str:
    """The network sync as one line: the server, the last success, and why the last runs failed."""

    def at(moment) -> str:
        return local_time(moment, "从未")

    if not net.server_url:
        return "网络同步：未设置服务器地址（cunyi sync run --server 地址）"
    line = f"网络同步：服务器 {net.server_url}，上次成功 {at(net.last_success_at)}，待上传同步包 {net.to_upload} 个"
    if net.last_error is not None:
        line += f"；最近 {net.failures} 次未成功：{net.last_error.render()}"
        if net.next_try_at and not net.revoked:
            line += f"；下次尝试 {at(net.next_try_at)}"
    return line


def list_conflicts(args) -> int:
    from app.services.sync import conflicts

    _, store = open_store(args)
    with store.session() as s:
        rows = conflicts.open_conflicts(s)
    if args.json:
        print_json([{**r.__dict__, "review_key": conflicts.item_key(r)} for r in rows])
        return 0
    width = conflicts.short_ids([r.id for r in rows])
    for r in rows:
        if r.kind == "duplicate":
            print(
                f"{r.id.hex[:width]}  疑似重复：{r.record} 与 {r.other}（在审核中处理：{conflicts.item_key(r)}）"
            )
        else:
            print(
                f"{r.id.hex[:width]}  {r.record} {r.field_label}：现值 {r.kept!r}（{r.kept_by}）/ 另一值 {r.lost!r}（{r.lost_by}）"
            )
    if not rows:
        print("没有未处理的冲突")
    return 0


def escrow(args) -> int:
    from app.services import encryption, settings
    from app.services.sync import keys

    _, store = open_store(args)
    with store.transaction() as s:
        if args.clear:
            keys.set_escrow(s, None)
            print("已取消托管密钥")
        elif args.key:
            keys.set_escrow(s, args.key)
            print(f"今后的同步包也将加密给托管密钥 {args.key}")
        else:
            print(settings.get(s, settings.ESCROW_KEY) or "未设置托管密钥")
            return 0
    with store.session() as s:
        escrow_key = settings.get(s, settings.ESCROW_KEY) or None
    if encryption.rewrap(store, escrow_key):  # the store key is wrapped to the escrow key too
        print("存储密钥已按新的托管设置重新加密")
    return 0


def resolve(args) -> int:
    from app.services.quality import review
    from app.services.sync import conflicts

    _, store = open_store(args)
    with store.transaction() as s:
        conflict_id = conflicts.find_conflict(s, args.id)
        if args.choice == "reviewed":
            conflicts.review_duplicate(s, conflict_id)
        else:  # told to the village as a decision: its own copy of the conflict closes
            review.decide_conflict(s, conflict_id, args.choice, args.reason)
        print(f"已处理冲突 {conflict_id.hex}")
    return 0
