"""Rows a bulk writer inserts around the ORM (demo data, large imports) get what the capture hook
gives every other row: their change-log entries and clocks, in the writer's transaction; and the
audit trail says who wrote them.  One audit entry names each batch (what was written, how many,
by whom); a writer may also give rows their own entry (``audit_at``), e.g. the demo's recent
visits, dated as if entered on their visit day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from types import SimpleNamespace

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.db import fill_defaults, insert_rows, note_changes
from app.models import AuditEntry, ChangeLog, new_id, utcnow
from app.services.access import audit
from app.services.access.actor import actor
from app.services.sync import capture

AuditTime = Callable[[Mapping], dt.datetime | None]


def prepare(session: Session, entity: str, rows: list[dict], *, children: dict | None = None) -> None:
    """The capture hook's work for rows about to be inserted with ``insert(Model), rows``, done from
    the rows in memory: each row is completed with its column defaults (so the log holds what is
    stored), given this batch's clock, and gets its change-log entry, all in the caller's
    transaction.  ``children``: {collection: {parent id: [child row dicts]}} (a resident's ticked
    boxes).  Then insert the rows, and :func:`audit_batch` them."""
    if not rows:
        return
    spec = capture.specs()[entity]
    fill_defaults(spec.table, rows)
    note_changes(session, entity)
    device = capture.device_id(session)
    if device is None:
        return  # before init: logged by the first exchange (log_untracked)
    if entity == "resident":  # the rows that follow (visits, enrolments) find their village here
        session.info.setdefault("sync_resident_villages", {}).update((r["id"], r["village_id"]) for r in rows)
    conn = session.connection()
    first, clock = capture.advance(conn, device, len(rows))
    clocks, who, logs = {"_": [clock, ""]}, actor(session).id, []
    for i, row in enumerate(rows):
        row["sync_clocks"] = clocks
        logs.append(
            {
                "origin": device,
                "seq": first + i + 1,
                "entity": entity,
                "row_id": row["id"],
                "hlc": clock,
                "scope": capture.scope_of(session, spec, row),
                "user_id": row.get("updated_by") or row.get("created_by") or who,
                "data": None,  # the row holds what this change wrote (capture.made_by)
                "pending": False,
            }
        )
    insert_rows(conn, ChangeLog, logs)


def audit_batch(
    session: Session,
    entity: str,
    rows: list[dict],
    *,
    audit_at: AuditTime | None = None,
    users: dict | None = None,
) -> None:
    """One audit entry for a batch of rows a bulk writer inserted (what, how many, by whom), and
    one more for each row ``audit_at`` gives a time (never later than now).  ``users`` ({user id:
    username}): a row's own ``created_by`` found there names who entered it (a demo's village
    doctor) in its entry, instead of the actor who ran the batch."""
    if not rows:
        return
    spec = capture.specs()[entity]
    audit.record(
        session,
        "create",
        entity,
        None,
        f"批量写入 {len(rows)} 条",
        scope=capture.scope_of(session, spec, rows[0]),
    )
    if audit_at is None:
        return
    now, entries = utcnow(), []
    for row in rows:
        when = audit_at(row)
        if when is None:
            continue
        label = capture.audit_label(SimpleNamespace(**{k: row.get(k) for k in _LABELS}))
        e = audit.entry(
            session, "create", entity, row["id"], label, scope=capture.scope_of(session, spec, row)
        )
        values = {c.key: getattr(e, c.key) for c in _AUDIT_COLUMNS}
        values["id"], values["at"] = new_id(), min(when, now)
        if users and row.get("created_by") in users:
            values["user_id"], values["username"] = row["created_by"], users[row["created_by"]]
        entries.append(values)
    if entries:
        session.execute(insert(AuditEntry), audit.chain_rows(session, entries))
        capture.log_inserted(session, "audit_log", [e["id"] for e in entries])
        note_changes(session, "audit_log")


_LABELS = ("archive_no", "name", "code", "visit_date", "address")


_AUDIT_COLUMNS = [
    c
    for c in AuditEntry.__table__.columns
    if c.key not in ("id", "at", "sync_clocks") and not c.key.startswith("chain_")
]
