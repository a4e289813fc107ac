"""The audit trail: every create, update, void, print, export, import, login, failed login and
refusal, with user, device, time, entity and a summary.  Append-only; synced to the township.

Changes to synced records are audited by the sync capture hook in the same flush as the change
(one entry per changed record); this module records everything else.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import AuditEntry, Profile
from app.services.access.accounts import actor

log = logging.getLogger(__name__)
ACTIONS = (
    "create",
    "update",
    "void",
    "delete",
    "print",
    "export",
    "import",
    "login",
    "login_failed",
    "denied",
    "password",
    "user_create",
    "user_deactivate",
    "device_trust",
    "device_revoke",
    "backup",
    "restore",
    "resolve",
)


def _device(session: Session):
    cached = session.info.get("audit_device")
    if cached is None:
        with session.no_autoflush:
            row = session.execute(select(Profile.device_id, Profile.code).where(Profile.id == 1)).first()
        cached = session.info["audit_device"] = tuple(row) if row else (None, "")
    return cached


def entry(
    session: Session, action: str, entity, entity_id, summary, *, username=None, scope=None
) -> AuditEntry:
    who = actor(session)
    device, code = _device(session)
    return AuditEntry(
        user_id=who.id,
        username=username or who.username,
        device_id=device,
        action=action,
        entity=entity,
        entity_id=entity_id.hex if isinstance(entity_id, uuid.UUID) else entity_id,
        summary=(summary or "")[:1000],
        scope_code=scope or code,
    )


def record(
    session: Session, action: str, entity=None, entity_id=None, summary=None, *, username=None, scope=None
) -> None:
    """Audit inside the caller's transaction (it commits with the work it describes)."""
    session.add(entry(session, action, entity, entity_id, summary, username=username, scope=scope))


def record_now(
    session: Session, action: str, entity=None, entity_id=None, summary=None, *, username=None, scope=None
) -> None:
    """Audit in a transaction of its own: for events with nothing else to commit (a print, a
    refusal whose own transaction is about to roll back)."""
    from sqlalchemy.orm import Session as _Session

    e = entry(session, action, entity, entity_id, summary, username=username, scope=scope)
    try:
        with _Session(bind=session.get_bind()) as own, own.begin():
            own.info["actor"] = session.info.get("actor")
            own.add(e)
    except Exception:  # the audit must never turn a refusal into a crash
        log.exception("could not write audit entry %s %s", action, summary)


@dataclass(frozen=True)
class AuditFilter:
    since: dt.date | None = None
    until: dt.date | None = None
    username: str = ""
    action: str = ""
    text: str = ""  # in the entity, its id or the summary
    limit: int = 2000


def query(session: Session, f: AuditFilter = AuditFilter()) -> list[AuditEntry]:
    from app.services.access import authz

    authz.require(session, "view_audit")
    q = select(AuditEntry)
    if f.since:
        q = q.where(AuditEntry.at >= dt.datetime.combine(f.since, dt.time()))
    if f.until:
        q = q.where(AuditEntry.at < dt.datetime.combine(f.until + dt.timedelta(days=1), dt.time()))
    if f.username:
        q = q.where(AuditEntry.username == f.username)
    if f.action:
        q = q.where(AuditEntry.action == f.action)
    if f.text:
        like = f"%{f.text}%"
        q = q.where(
            AuditEntry.summary.like(like) | AuditEntry.entity.like(like) | AuditEntry.entity_id.like(like)
        )
    return list(session.scalars(q.order_by(AuditEntry.at.desc()).limit(f.limit)))


def usernames(session: Session) -> list[str]:
    return list(
        session.scalars(
            select(AuditEntry.username).group_by(AuditEntry.username).order_by(AuditEntry.username)
        )
    )


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def export_csv(session: Session, path: str | Path, f: AuditFilter = AuditFilter(limit=1_000_000)) -> int:
    rows = query(session, f)
    path = Path(path)
    tmp = path.with_suffix(path.suffix + ".part")
    with open(tmp, "w", newline="", encoding="utf-8-sig") as out:  # BOM: Excel opens it as UTF-8
        w = csv.writer(out)
        w.writerow(["时间(UTC)", "用户", "设备", "操作", "对象", "对象ID", "摘要", "村/乡镇代码"])
        for e in rows:
            w.writerow(
                [
                    e.at.isoformat(sep=" ", timespec="seconds"),
                    e.username,
                    e.device_id.hex[-8:] if e.device_id else "",
                    e.action,
                    e.entity or "",
                    e.entity_id or "",
                    e.summary or "",
                    e.scope_code,
                ]
            )
    tmp.replace(path)
    record_now(session, "export", "audit_log", None, f"{len(rows)} → {path.name}")
    return len(rows)
