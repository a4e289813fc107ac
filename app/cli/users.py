"""``cunyi user``: accounts.  Who may do what is decided by the accounts service, not here."""

from __future__ import annotations

from app.cli.core import CliError, new_password, open_store, print_json
from app.services.access.roles import ROLE_LABELS, ROLES


def register(sub) -> None:
    us = sub.add_parser("user", help="accounts (admin)").add_subparsers(dest="action", required=True)
    ua = us.add_parser("add", help="add a user (the new password from --new-password-file or a prompt)")
    ua.add_argument("username")
    ua.add_argument(
        "--new-password-file", metavar="FILE", help="file whose first line is the new user's password"
    )
    ua.add_argument("--role", required=True, choices=ROLES)
    ua.add_argument("--name", help="display name (as on the forms)")
    ua.add_argument("--village", help="a village doctor's 12-digit village code (default: this village)")
    ua.add_argument(
        "--permission", action="append", default=[], choices=["mental_health"], help="beyond the role"
    )
    ua.set_defaults(func=add_user)
    ug = us.add_parser("permissions", help="set a user's permissions beyond the role (none: withdraw all)")
    ug.add_argument("username")
    ug.add_argument(
        "permission",
        nargs="+",
        choices=["mental_health", "none"],
        help="mental_health, or none to withdraw all",
    )
    ug.set_defaults(func=set_permissions)
    ul = us.add_parser("list", help="users")
    ul.add_argument("--json", action="store_true", help="print JSON instead of text")
    ul.set_defaults(func=list_users)
    up = us.add_parser("passwd", help="set a user's password (from --new-password-file or a prompt)")
    up.add_argument("username")
    up.add_argument("--new-password-file", metavar="FILE", help="file whose first line is the new password")
    up.set_defaults(func=set_password)
    ud = us.add_parser("deactivate", help="deactivate a user (users are never deleted)")
    ud.add_argument("username")
    ud.set_defaults(func=deactivate)


def list_users(args) -> int:
    from app.services.access import accounts, authz

    _, store = open_store(args)
    with store.session() as s:
        rows = [
            {
                "username": u.username,
                "name": u.display_name,
                "role": u.role,
                "village": u.village_code,
                "permissions": list(u.permissions or ()),
                "active": u.active,
                "last_login_at": u.last_login_at,
            }
            for u in accounts.list_users(s)
        ]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        state = "启用" if r["active"] else "已停用"
        held = "、".join(
            authz.PERMISSION_LABELS.get(p, p) for p in r["permissions"]
        )  # (精神卫生: who holds it)
        print(
            f"{r['username']}  {r['name']}  {ROLE_LABELS[r['role']]}  {r['village'] or ''}  {state}"
            + (f"  权限：{held}" if held else "")
        )
    return 0


def add_user(args) -> int:
    from app.services.access import accounts

    _, store = open_store(args)
    with store.transaction() as s:
        u = accounts.create_user(
            s,
            args.username,
            new_password(args),
            args.role,
            display_name=args.name,
            village_code=args.village,
            permissions=tuple(args.permission),
        )
        print(f"已添加用户 {u.username}（{ROLE_LABELS[u.role]}）")
    return 0


def set_permissions(args) -> int:
    from app.services.access import accounts

    if "none" in args.permission and len(set(args.permission)) > 1:  # withdraw all, and grant?
        raise CliError("none 表示收回全部权限，不能与要授予的权限同时给出")
    _, store = open_store(args)
    with store.transaction() as s:
        u = accounts.set_permissions(s, args.username, [p for p in args.permission if p != "none"])
        print(f"{u.username}：{','.join(u.permissions) or '—'}")
    return 0


def set_password(args) -> int:
    from app.services.access import accounts

    _, store = open_store(args)
    with store.transaction() as s:
        accounts.set_password(s, args.username, new_password(args))
        print(f"已设置 {args.username} 的密码")
    return 0


def deactivate(args) -> int:
    from app.services.access import accounts

    _, store = open_store(args)
    with store.transaction() as s:
        accounts.deactivate(s, args.username)
        print(f"已停用 {args.username}")
    return 0
