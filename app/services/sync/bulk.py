"""Rows a bulk writer inserts around the ORM (demo data, large imports) get what the capture hook
gives every other row: their change-log entries and clocks, and one audit entry each naming the
acting user, in the writer's transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from types import SimpleNamespace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.access import audit
from app.services.sync import capture

AuditTime = Callable[[Mapping], dt.datetime | None]


def record_inserted(session: Session, entity: str, ids: list, *, audit_at: AuditTime | None = None) -> int:
    """Log and audit rows of ``entity`` just inserted with ``insert(Model), rows``.  ``audit_at``
    may give an entry's time from its row (e.g. a visit entered on its visit day); default now."""
    if not ids:
        return 0
    logged = capture.log_inserted(session, entity, ids)
    spec = capture.specs()[entity]
    t = spec.table
    label_cols = [
        t.c[name] for name in ("archive_no", "name", "code", "visit_date", "address") if name in t.c
    ]
    scope_cols = [t.c[name] for name in ("code", "scope_code", "village_id", "resident_id") if name in t.c]
    wanted = [t.c.id, *{c.name: c for c in (*label_cols, *scope_cols)}.values()]
    entries = []
    for i in range(0, len(ids), 2000):
        for row in (
            session.connection().execute(select(*wanted).where(t.c.id.in_(ids[i : i + 2000]))).mappings()
        ):
            label = capture._label(SimpleNamespace(**row))  # the hook's own label, from the row
            e = audit.entry(
                session, "create", entity, row["id"], label, scope=capture.scope_of(session, spec, row)
            )
            when = audit_at(row) if audit_at else None
            if when is not None:
                e.at = when
            entries.append(e)
    session.add_all(entries)
    session.flush()  # the capture hook logs the entries themselves, so the audit trail syncs
    return logged
