"""The audit trail: every create, update, void, print, export, import, login, failed login and
refusal, with user, device, time, entity and a summary.  Append-only; synced to the township.

Changes to synced records are audited by the sync capture hook in the same flush as the change
(one entry per changed record); this module records everything else.
"""

from __future__ import annotations

import logging
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEntry, Profile
from app.services.access.actor import actor

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
    e = entry(session, action, entity, entity_id, summary, username=username, scope=scope)
    try:  # a session of the same class: the store's capture hook logs the entry so it syncs
        with type(session)(bind=session.get_bind()) as own, own.begin():
            own.info["actor"] = session.info.get("actor")
            own.add(e)
    except Exception:  # the audit must never turn a refusal into a crash
        log.exception("could not write audit entry %s %s", action, summary)
