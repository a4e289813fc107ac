"""``cunyi user``: accounts.  Who may do what is decided by the accounts service, not here."""

from __future__ import annotations

from app.cli.core import CliError, add_json, new_password, open_store, print_json
from app.i18n import QT_TRANSLATE_NOOP
from app.services.access.roles import ROLE_LABELS, ROLES

USERNAME_HELP = QT_TRANSLATE_NOOP("Cli", "登录用户名")


def register(sub) -> None:
    us = sub.add_parser("user", help=QT_TRANSLATE_NOOP("Cli", "用户账户（管理员）")).add_subparsers(
        dest="action", required=True
    )
    ua = us.add_parser(
        "add", help=QT_TRANSLATE_NOOP("Cli", "添加用户（新密码来自 --new-password-file 或提示输入）")
    )
    ua.add_argument("username", help=USERNAME_HELP)
    ua.add_argument(
        "--new-password-file", metavar="FILE", help=QT_TRANSLATE_NOOP("Cli", "密码文件，第一行为新用户的密码")
    )
    ua.add_argument(
        "--role",
        required=True,
        choices=ROLES,
        help=QT_TRANSLATE_NOOP(
            "Cli", "village_doctor 乡村医生，township_staff 乡镇卫生院工作人员，admin 管理员"
        ),
    )
    ua.add_argument("--name", help=QT_TRANSLATE_NOOP("Cli", "显示的姓名（与表格上一致）"))
    ua.add_argument("--village", help=QT_TRANSLATE_NOOP("Cli", "乡村医生所属村的 12 位村代码（默认：本村）"))
    ua.add_argument(
        "--permission",
        action="append",
        default=[],
        choices=["mental_health"],
        help=QT_TRANSLATE_NOOP("Cli", "角色之外另授予的权限"),
    )
    ua.set_defaults(func=add_user)
    ug = us.add_parser(
        "permissions", help=QT_TRANSLATE_NOOP("Cli", "设置用户在角色之外的权限（none：收回全部）")
    )
    ug.add_argument("username", help=USERNAME_HELP)
    ug.add_argument(
        "permission",
        nargs="+",
        choices=["mental_health", "none"],
        help=QT_TRANSLATE_NOOP("Cli", "mental_health，或 none 收回全部权限"),
    )
    ug.set_defaults(func=set_permissions)
    ul = us.add_parser("list", help=QT_TRANSLATE_NOOP("Cli", "用户列表"))
    add_json(ul)
    ul.set_defaults(func=list_users)
    up = us.add_parser(
        "passwd", help=QT_TRANSLATE_NOOP("Cli", "设置用户密码（来自 --new-password-file 或提示输入）")
    )
    up.add_argument("username", help=USERNAME_HELP)
    up.add_argument(
        "--new-password-file", metavar="FILE", help=QT_TRANSLATE_NOOP("Cli", "密码文件，第一行为新密码")
    )
    up.set_defaults(func=set_password)
    ud = us.add_parser("deactivate", help=QT_TRANSLATE_NOOP("Cli", "停用用户（用户从不删除）"))
    ud.add_argument("username", help=USERNAME_HELP)
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
                "permissions": list(accounts.held(s, u)),
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
        raise CliError(QT_TRANSLATE_NOOP("Cli", "none 表示收回全部权限，不能与要授予的权限同时给出"))
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
