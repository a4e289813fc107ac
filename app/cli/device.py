"""``cunyi device``: this device's public card, and the devices it trusts."""

from __future__ import annotations

import uuid
from pathlib import Path

from app.cli.core import CliError, add_json, new_password, open_store, print_json
from app.i18n import QT_TRANSLATE_NOOP
from app.services.access.roles import PLACE_LABELS


def register(sub) -> None:
    dv = sub.add_parser("device", help=QT_TRANSLATE_NOOP("Cli", "本机设备卡及本机信任的设备")).add_subparsers(
        dest="action", required=True
    )
    dc = dv.add_parser("card", help=QT_TRANSLATE_NOOP("Cli", "导出本机设备卡（JSON，旁边另存二维码 PNG）"))
    dc.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE.json",
        help=QT_TRANSLATE_NOOP("Cli", "写出的设备卡文件"),
    )
    dc.add_argument(
        "--server",
        metavar="URL",
        help=QT_TRANSLATE_NOOP("Cli", "（乡镇或县）各村（乡镇）连接 `cunyi serve` 用的地址"),
    )
    dc.add_argument(
        "--tls-cert",
        metavar="PEM",
        help=QT_TRANSLATE_NOOP("Cli", "（乡镇）`cunyi serve` 使用的证书：各村凭其指纹核对服务器"),
    )
    dc.set_defaults(func=write_card)
    dt_ = dv.add_parser("trust", help=QT_TRANSLATE_NOOP("Cli", "信任对方的设备卡（请先电话核对指纹）"))
    dt_.add_argument("file", help=QT_TRANSLATE_NOOP("Cli", "对方的设备卡（JSON）"))
    add_json(dt_)
    dt_.set_defaults(func=trust)
    dl = dv.add_parser("list", help=QT_TRANSLATE_NOOP("Cli", "受信任的设备"))
    add_json(dl)
    dl.set_defaults(func=list_peers)
    dp = dv.add_parser(
        "protect",
        help=QT_TRANSLATE_NOOP(
            "Cli", "（管理员）用口令保护设备密钥（口令来自 --new-password-file 或提示输入）"
        ),
    )
    dp.add_argument("--remove", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "改为移除口令"))
    dp.add_argument(
        "--new-password-file", metavar="FILE", help=QT_TRANSLATE_NOOP("Cli", "口令文件，第一行为口令")
    )
    dp.set_defaults(func=protect)
    dr = dv.add_parser("revoke", help=QT_TRANSLATE_NOOP("Cli", "撤销对设备的信任：它以后的同步包将被拒绝"))
    dr.add_argument("id", help=QT_TRANSLATE_NOOP("Cli", "设备 ID（或其前缀），或其村/乡镇代码"))
    dr.set_defaults(func=revoke)


def write_card(args) -> int:
    from app.services.sync import keys

    paths, store = open_store(args)
    device_keys = keys.keys_for_store(store, paths.sub("keys"))
    server, pin = "", ""
    if args.server or args.tls_cert:
        from app.services.sync import service, transport

        server = service.check_url(args.server) if args.server else ""
        if args.tls_cert:
            try:
                pin = transport.certificate_pin_of_file(args.tls_cert)
            except (OSError, ValueError):
                raise CliError(
                    QT_TRANSLATE_NOOP("Cli", "读不出证书 {file}（应为 PEM 格式）"), file=args.tls_cert
                ) from None
        if server.startswith("https://") and not pin:
            raise CliError(
                QT_TRANSLATE_NOOP(
                    "Cli", "https 地址要同时用 --tls-cert 给出证书：村卫生室凭卡上的证书指纹核对服务器"
                )
            )
    with store.session() as s:
        card = keys.my_card(s, device_keys, server=server, tls_pin=pin)
    path, png = keys.write_card(card, Path(args.output))
    print(f"已写入设备卡 {path} 和二维码 {png}")
    print(f"指纹：{card.fingerprint}（请对方核对后再信任）")
    return 0


def trust(args) -> int:
    from app.services.sync import keys

    _, store = open_store(args)
    card = keys.read_card(Path(args.file))
    with store.transaction() as s:
        peer = keys.trust(s, card)
        info = {"device_id": peer.device_id.hex, "code": peer.code, "name": peer.name, "role": peer.role}
    if args.json:
        print_json({**info, "fingerprint": card.fingerprint})
    else:
        print(
            f"已信任 {card.code} {card.name}（{PLACE_LABELS.get(card.role, card.role)}），设备 {card.device_id}"
        )
        print(f"指纹：{card.fingerprint}")
    return 0


def list_peers(args) -> int:
    from app.services.sync import keys

    _, store = open_store(args)
    with store.session() as s:
        rows = [
            {
                "device_id": p.device_id.hex,
                "role": p.role,
                "code": p.code,
                "name": p.name,
                "fingerprint": p.fingerprint,
                "trusted_at": p.trusted_at,
                "revoked_at": p.revoked_at,
            }
            for p in keys.peers(s)
        ]
    if args.json:
        print_json(rows)
        return 0
    from app.services.sync.conflicts import short_ids

    width = short_ids([uuid.UUID(r["device_id"]) for r in rows])  # what `device revoke` takes back
    for r in rows:
        state = f"已撤销 {r['revoked_at']:%Y-%m-%d}" if r["revoked_at"] else "受信任"
        print(
            f"{r['device_id'][:width]}  {r['code']}  {r['name']}  {PLACE_LABELS.get(r['role'], r['role'])}  指纹 {r['fingerprint']}  {state}"
        )
    if not rows:
        print("还没有信任任何设备")
    return 0


def protect(args) -> int:
    from app.services.sync import keys

    paths, store = open_store(args)
    phrase = None if args.remove else new_password(args)
    with store.transaction() as s:
        keys.protect(s, paths.sub("keys"), phrase)
    print(
        "已移除设备密钥的口令"
        if args.remove
        else "设备密钥已用口令保护；同步时需要口令（或环境变量 CUNYI_KEY_PASSPHRASE）"
    )
    if store.key is not None and not args.remove:  # the store key is wrapped by the device key
        print("数据库已加密：打开数据库（启动村医、备份、检查）也需要这个口令")
    return 0


def revoke(args) -> int:
    from app.services.sync import keys

    _, store = open_store(args)
    with store.transaction() as s:
        peer = keys.revoke(s, args.id)
        print(f"已撤销对 {peer.code} {peer.name} 的信任：它以后的同步包将被拒绝")
    return 0
