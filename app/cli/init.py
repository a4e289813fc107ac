"""``cunyi init``: set this installation up as a village clinic, a township centre or a county hub."""

from __future__ import annotations

from app.cli.core import CliError, new_password, open_store
from app.i18n import QT_TRANSLATE_NOOP


def register(sub) -> None:
    i = sub.add_parser("init", help=QT_TRANSLATE_NOOP("Cli", "将本机设置为村卫生室、乡镇卫生院或县级用机"))
    i.add_argument(
        "--role",
        required=True,
        choices=["village", "township", "county"],
        help=QT_TRANSLATE_NOOP("Cli", "village 村卫生室，township 乡镇卫生院，county 县级"),
    )
    i.add_argument(
        "--code", required=True, help=QT_TRANSLATE_NOOP("Cli", "12位村代码、9位乡镇代码或6位县级代码")
    )
    i.add_argument("--name", required=True, help=QT_TRANSLATE_NOOP("Cli", "村、乡镇或县名称"))
    i.add_argument("--township-name", help=QT_TRANSLATE_NOOP("Cli", "（村）所属乡镇名称"))
    i.add_argument(
        "--institution", help=QT_TRANSLATE_NOOP("Cli", "作为建档单位打印的名称（默认：<name>卫生室/卫生院）")
    )
    i.add_argument("--phone", help=QT_TRANSLATE_NOOP("Cli", "卫生室（院）电话"))
    i.add_argument(
        "--admin", default="admin", help=QT_TRANSLATE_NOOP("Cli", "首个用户的用户名（密码：--password-file）")
    )
    i.add_argument("--admin-name", help=QT_TRANSLATE_NOOP("Cli", "首个用户的显示名称"))
    i.add_argument(
        "--encrypt",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "静态加密数据库（SQLCipher；密钥由本机设备密钥加密保护）"),
    )
    i.set_defaults(func=initialise)


def initialise(args) -> int:
    from app.codes import CODE_LISTS
    from app.config import Paths, remember_db_url, resolve_data_dir
    from app.db import is_sqlite
    from app.services import profile
    from app.services.sync import keys

    if args.db and not is_sqlite(args.db):
        if args.role == profile.VILLAGE:
            raise CliError(
                QT_TRANSLATE_NOOP(
                    "Cli", "村卫生室的数据只存在本机的 SQLite 数据库中：--db 只用于乡镇（PostgreSQL）"
                )
            )
        if not args.db.startswith("postgresql"):
            raise CliError(
                QT_TRANSLATE_NOOP("Cli", "不支持的数据库：{kind}（可用 SQLite 或 postgresql+psycopg://…）"),
                kind=args.db.split(":", 1)[0],
            )
    if args.encrypt:
        _make_store_key(args)
    paths, store = open_store(args, need_profile=False)
    server = args.db and not is_sqlite(args.db)
    if server:
        from app.models import Profile

        with store.session() as s:
            first = s.get(Profile, 1)
            named = (first.name, first.code) if first is not None else None
        if named is not None:  # another workstation set this store up: this one joins, no init
            raise CliError(
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "服务器上的这个数据库已由第一台工作站初始化（{name}，{code}），本机不需要再初始化："
                    "把第一台工作站数据文件夹里的 keys 文件夹复制到本机的数据文件夹 {folder}，"
                    "然后各命令加 --db 指定这个数据库（或设置环境变量 CUNYI_DB_URL）",
                ),
                name=named[0],
                code=named[1],
                folder=paths.data_dir,
            )
    with store.transaction() as s:
        p = profile.init_profile(
            s,
            role=args.role,
            code=args.code,
            name=args.name,
            township_name=args.township_name,
            institution=args.institution,
            phone=args.phone,
            admin=args.admin,
            admin_name=args.admin_name,
            admin_password=new_password(args) if args.password_file else None,
        )
        role = CODE_LISTS["site_role"].label(p.role)
    if server:  # later commands find the server store from the data folder (once it is set up)
        remember_db_url(Paths(resolve_data_dir(args.data_dir)), args.db)
    print(f"已初始化：{p.name}（{p.code}，{role}），设备 {p.device_id}")
    keys.create_keys(paths.sub("keys"))
    keys.keys_for_store(store, paths.sub("keys"))  # the store records the keys its device signs with
    return 0


def _make_store_key(args) -> None:
    """Before the store is created: device keys and the store key, so the new store is
    encrypted from its first page (an existing store is converted with ``store encrypt``)."""
    from app.config import Paths, resolve_data_dir, resolve_db_url
    from app.db import sqlite_file
    from app.services import encryption
    from app.services.sync import keys

    paths = Paths(resolve_data_dir(args.data_dir)).ensure()
    db = sqlite_file(resolve_db_url(paths, args.db))
    if db is None or db.parent != paths.data_dir:
        raise CliError(
            QT_TRANSLATE_NOOP(
                "Cli", "--encrypt 只用于数据目录中的 SQLite 数据库（PostgreSQL 请用服务器的磁盘加密）"
            )
        )
    if db.is_file() and db.stat().st_size > 0:
        raise CliError(
            QT_TRANSLATE_NOOP("Cli", "{file} 已存在：请用 cunyi store encrypt 加密已有的数据库"), file=db
        )
    keys.create_keys(paths.sub("keys"))
    encryption.create_key(paths.sub("keys"))
