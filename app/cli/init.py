"""``cunyi init``: set this installation up as a village clinic or a township centre."""

from __future__ import annotations

from app.cli.core import new_password, open_store


def register(sub) -> None:
    i = sub.add_parser("init", help="set up this installation as a village clinic or a township centre")
    i.add_argument("--role", required=True, choices=["village", "township"])
    i.add_argument("--code", required=True, help="12-digit village code or 9-digit township code")
    i.add_argument("--name", required=True, help="village or township name")
    i.add_argument("--township-name", help="(village) the township's name")
    i.add_argument("--institution", help="name printed as 建档单位 (default: <name>卫生室/卫生院)")
    i.add_argument("--phone", help="clinic phone")
    i.add_argument("--admin", default="admin", help="first user's login name (password: --password-file)")
    i.add_argument("--admin-name", help="first user's display name")
    i.set_defaults(func=initialise)


def initialise(args) -> int:
    from app.codes import CODE_LISTS
    from app.services import profile
    from app.services.sync import keys

    paths, store = open_store(args, need_profile=False)
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
        print(f"已初始化：{p.name}（{p.code}，{role}），设备 {p.device_id}")
    keys.create_keys(paths.sub("keys"))
    return 0
