"""Rows a bulk writer inserts around the ORM (demo data, large imports) get what the capture hook
gives every other row: their change-log entries and clocks, in the writer's transaction; and the
audit trail says who wrote them.  One audit entry names each batch (what was written, how many,
by whom); a writer may also give rows their own entry (``audit_at``), e.g. the demo's recent
visits, dated as if entered on their visit day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from types import SimpleNamespace

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.db import note_changes
from app.models import AuditEntry, new_id, utcnow
from app.services.access import audit
from app.services.sync import capture

AuditTime = Callable[[Mapping], dt.datetime | None]


def record_inserted(session: Session, entity: str, ids: list, *, audit_at: AuditTime | None = None) -> int:
    """Log rows of ``entity`` just inserted with ``insert(Model), rows``, audit the batch, and give
    each row for which ``audit_at(row)`` returns a time an entry of its own at that time (never
    later than now).  Returns how many rows were logged."""
    if not ids:
        return 0
    logged = capture.log_inserted(session, entity, ids)
    note_changes(session, entity, "audit_log")  # written around the flush: pages refresh
    spec = capture.specs()[entity]
    t = spec.table
    names = ("archive_no", "name", "code", "visit_date", "address", "scope_code", "village_id", "resident_id")
    wanted = [t.c.id, *(t.c[n] for n in names if n in t.c)]
    first = session.connection().execute(select(*wanted).where(t.c.id == ids[0])).mappings().one()
    audit.record(
        session,
        "create",
        entity,
        None,
        f"批量写入 {len(ids)} 条",
        scope=capture.scope_of(session, spec, first),
    )
    if audit_at is None:
        return logged
    now, entries = utcnow(), []
    for i in range(0, len(ids), 2000):
        for row in (
            session.connection().execute(select(*wanted).where(t.c.id.in_(ids[i : i + 2000]))).mappings()
        ):
            when = audit_at(row)
            if when is None:
                continue
            label = capture._label(SimpleNamespace(**row))  # the hook's own label, from the row
            e = audit.entry(
                session, "create", entity, row["id"], label, scope=capture.scope_of(session, spec, row)
            )
            values = {c.key: getattr(e, c.key) for c in _AUDIT_COLUMNS}
            values["id"], values["at"] = new_id(), min(when, now)
            entries.append(values)
    if entries:
        # A bulk insert, like the rows it describes: chained, inserted, then logged to sync.
        session.execute(insert(AuditEntry), audit.chain_rows(session, entries))
        capture.log_inserted(session, "audit_log", [e["id"] for e in entries])
        note_changes(session, "audit_log")
    return logged


_AUDIT_COLUMNS = [
    c
    for c in AuditEntry.__table__.columns
    if c.key not in ("id", "at", "sync_clocks") and not c.key.startswith("chain_")
]
