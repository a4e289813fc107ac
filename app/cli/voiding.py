"""``… void``: an entry recorded by mistake (a follow-up, a health check) voided with its reason —
the one shape of the command and of what it prints, for every kind (app.services.records.voiding)."""

from __future__ import annotations

from collections.abc import Callable

from app.cli.core import RESIDENT_HELP, add_json, open_store, print_json
from app.i18n import QT_TRANSLATE_NOOP


def add_void_parser(group, help_text: str, date_help: str):
    """A ``void`` subcommand of ``group``: RESIDENT --date D --reason TEXT [--json]; returns it, for
    options of its own."""
    v = group.add_parser("void", help=help_text)
    v.add_argument("resident", help=RESIDENT_HELP)
    v.add_argument("--date", required=True, help=date_help)
    v.add_argument(
        "--reason", required=True, help=QT_TRANSLATE_NOOP("Cli", "作废原因（随记录保留，乡镇卫生院可见）")
    )
    add_json(v)
    return v


def run_void(args, void: Callable, kind: Callable[[object], str]) -> int:
    """``void(session)``: the service call, returning the voided row; ``kind(row)``: its words
    ("高血压随访", "健康体检").  Prints what was voided, of whom, and why."""
    from app.models import Resident

    _, store = open_store(args)
    with store.transaction() as s:
        row = void(s)
        who = s.get(Resident, row.resident_id)
        day = next(getattr(row, c) for c in ("visit_date", "check_date") if hasattr(row, c))
        done = {
            "id": row.id.hex,
            "resident": who.archive_no,
            "name": who.name,
            "kind": kind(row),
            "date": day.isoformat(),
            "voided": row.voided,
            "void_reason": row.void_reason,
        }
    if args.json:
        print_json(done)
    else:
        print(
            f"已作废：{done['name']}（{done['resident']}）{done['date']} 的{done['kind']}（{done['void_reason']}）"
        )
    return 0
