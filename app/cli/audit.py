"""``cunyi audit``: read or export the audit trail (admins and township staff)."""

from __future__ import annotations

from app.cli.core import add_json, open_store, print_json_items
from app.i18n import QT_TRANSLATE_NOOP


def register(sub) -> None:
    au = sub.add_parser("audit", help=QT_TRANSLATE_NOOP("Cli", "审计日志（管理员、乡镇公卫人员）"))
    au.add_argument("--since", help=QT_TRANSLATE_NOOP("Cli", "起始日期（含）YYYY-MM-DD"))
    au.add_argument("--until", help=QT_TRANSLATE_NOOP("Cli", "截止日期（含）YYYY-MM-DD"))
    au.add_argument("--who", default="", help=QT_TRANSLATE_NOOP("Cli", "只看该用户"))
    au.add_argument(
        "--action",
        default="",
        help=QT_TRANSLATE_NOOP("Cli", "操作：create, update, void, print, export, import, login, denied …"),
    )
    au.add_argument("--text", default="", help=QT_TRANSLATE_NOOP("Cli", "出现在对象、其 ID 或摘要中的文字"))
    add_json(au)
    au.add_argument("-o", "--output", help=QT_TRANSLATE_NOOP("Cli", "改为导出 CSV"))
    au.set_defaults(func=show_audit)


def show_audit(args) -> int:
    from app.services.access import audit, audit_review
    from app.services.records.validators import parse_date

    _, store = open_store(args)
    f = audit_review.AuditFilter(
        since=parse_date(args.since, QT_TRANSLATE_NOOP("Field", "--since 起始日期")) if args.since else None,
        until=parse_date(args.until, QT_TRANSLATE_NOOP("Field", "--until 截止日期")) if args.until else None,
        username=args.who,
        action=args.action,
        text=args.text,
        limit=audit_review.EVERY,  # (a list on screen shows the newest 2,000; the command all it selects)
    )
    with store.session() as s:
        if args.output:
            n = audit_review.export_csv(s, args.output, f)
            print(f"已导出 {n} 条审计记录：{args.output}")
            return 0
        data = (
            {
                "at": e.at,
                "user": e.username,
                "action": e.action,
                "entity": e.entity,
                "entity_id": e.entity_id,
                "summary": e.summary,
                "scope": e.scope_code,
            }
            for e in audit_review.entries(s, f)  # (a batch at a time: the trail may hold millions)
        )
        if args.json:
            print_json_items(data)
            return 0
        shown = 0
        for d in data:  # (entries synced in from elsewhere were written by another PC: on one line too)
            line = f"{d['user']}  {d['action']}  {d['entity'] or ''}  {d['summary'] or ''}"
            print(f"{d['at']:%Y-%m-%d %H:%M:%S}  {audit.one_line(line)}")
            shown += 1
    if not shown:
        print("没有符合条件的审计记录")
    return 0
