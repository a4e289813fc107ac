"""``cunyi migrate-store --to URL``: move a township's store from its SQLite file to PostgreSQL."""

from __future__ import annotations

from app.cli.core import open_store, print_json
from app.i18n import QT_TRANSLATE_NOOP


def register(sub) -> None:
    m = sub.add_parser(
        "migrate-store",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "（乡镇）将 SQLite 数据库复制到空的 PostgreSQL 数据库，逐表校验，此后改用后者（SQLite 文件保留）",
        ),
    )
    m.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help=QT_TRANSLATE_NOOP("Cli", "postgresql+psycopg://user@host/db（空数据库）"),
    )
    m.add_argument(
        "--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "以 JSON 输出每张表的行数和校验和")
    )
    m.set_defaults(func=migrate)


def migrate(args) -> int:
    from app.config import remember_db_url
    from app.db import sqlite_file
    from app.services import store_copy

    paths, store = open_store(args)
    encrypted = store.key is not None
    try:
        done = store_copy.migrate_store(store, args.to, moved=lambda: remember_db_url(paths, args.to))
        old = sqlite_file(store.url)
    finally:
        store.dispose()
    if args.json:
        print_json(
            {
                "tables": [t.__dict__ for t in done.tables],
                "rows": done.rows,
                "kept": str(old),
                "was_encrypted": encrypted,
            }
        )
        return 0
    for t in done.tables:
        print(f"{t.table:24} {t.rows:>9}  {t.checksum[:16]}")
    print(f"已迁移 {len(done.tables)} 张表，共 {done.rows} 行，行数与校验和逐表核对一致")
    print(f"此数据目录今后使用 {store_copy.shown_url(args.to)}；原 SQLite 文件保留为 {old}")
    if encrypted:  # (SQLCipher is the file's: a server keeps its data as its own disk does)
        print(
            "注意：原数据库是加密的（SQLCipher），服务器上的数据库不由村医加密：请用服务器的磁盘加密保护它；"
            "保留的原文件仍是加密的"
        )
    return 0
