"""``cunyi store``: encryption at rest of the SQLite store (SQLCipher)."""

from __future__ import annotations

from app.cli.core import add_json, open_store, print_json
from app.i18n import QT_TRANSLATE_NOOP


def register(sub) -> None:
    st = sub.add_parser("store", help=QT_TRANSLATE_NOOP("Cli", "数据库静态加密")).add_subparsers(
        dest="action", required=True
    )
    se = st.add_parser(
        "encrypt",
        help=QT_TRANSLATE_NOOP(
            "Cli", "（管理员）将未加密的数据库转为加密数据库（核对无误后才删除未加密文件）"
        ),
    )
    se.add_argument(
        "--keep-plain", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "在旁边保留未加密的数据库文件")
    )
    se.set_defaults(func=encrypt)
    ss = st.add_parser("status", help=QT_TRANSLATE_NOOP("Cli", "数据库是否已加密，以及剩余的未加密备份"))
    add_json(ss)
    ss.set_defaults(func=status)


def encrypt(args) -> int:
    from app.services import encryption

    paths, store = open_store(args)
    done = encryption.encrypt_store(store, keep_plain=args.keep_plain)
    print(f"已加密数据库 {done.path}（{done.tables} 张表，{done.rows} 行，已逐表核对）")
    print(
        f"存储密钥：{encryption.key_file(paths.sub('keys'))}（由本机设备密钥加密；设置托管密钥后也由托管密钥加密）"
    )
    if done.plain_kept:
        print(f"未加密的原文件保留为 {done.plain_kept}：核对后请删除")
    left = encryption.plain_backups(paths.sub("backups"))
    if left:
        print(f"backups 文件夹中还有 {len(left)} 个未加密的旧备份，新备份均已加密")
    return 0


def status(args) -> int:
    from app.db import is_sqlite
    from app.services import encryption

    paths, store = open_store(args)
    state = {
        "encrypted": store.key is not None,
        "key_file": str(encryption.key_file(paths.sub("keys"))) if store.key is not None else None,
        "plain_backups": [p.name for p in encryption.plain_backups(paths.sub("backups"))],
        "server": not is_sqlite(store.url),  # (encrypted at rest by the server's own means)
    }
    if args.json:
        print_json(state)
        return 0
    if not is_sqlite(store.url):  # (store encrypt is for a PC's own file)
        print(
            "数据库在数据库服务器上：其静态加密由服务器或其磁盘加密负责，cunyi store encrypt 只加密本机的 SQLite 数据库"
        )
    else:
        print(
            "数据库已加密（SQLCipher）"
            if state["encrypted"]
            else "数据库未加密（cunyi store encrypt 可加密）"
        )
    if state["key_file"]:
        print(f"存储密钥：{state['key_file']}")
    if state["plain_backups"]:
        print(f"未加密的备份 {len(state['plain_backups'])} 个：{', '.join(state['plain_backups'])}")
    return 0
