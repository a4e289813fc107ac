"""Voiding a clinical entry recorded by mistake (a follow-up, a health check): never deleted, marked
voided with the reason the user gives, found by its day (and, from a list, its id).  One way for
every kind, so the reason is cleaned, required and refused alike, and a second void says the entry
is voided already — with why — rather than that there is none."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.services.errors import FieldError, Message, NotFound, ValidationError
from app.services.records.validators import Invalid, clean_text, parse_date

CTX = "Records"
REASON_MAX = 200  # (Voidable.void_reason)


def day_of(value: str | dt.date, label: str) -> dt.date:
    """The entry's day as typed (a CLI's --date) or given (a list's row)."""
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(value, label, required=True)
    except Invalid as e:
        raise ValidationError([FieldError("date", e.message)]) from None


def reason_of(text: str | None) -> str:
    """The reason, cleaned (one line, no control characters), required, at most :data:`REASON_MAX`."""
    try:
        reason = clean_text(text, REASON_MAX, QT_TRANSLATE_NOOP("Field", "作废原因"))
    except Invalid as e:
        raise ValidationError([FieldError("void_reason", e.message)]) from None
    if not reason:
        raise ValidationError(
            [FieldError("void_reason", Message(CTX, QT_TRANSLATE_NOOP("Records", "请写明作废的原因")))]
        )
    return reason


def entry_of(
    session: Session, model, where: tuple, day_column, day: dt.date, entry_id: uuid.UUID | None, what: dict
):
    """The live entry of ``model`` on ``day`` matching ``where`` (``entry_id``: that one; else the
    day's latest made).  None found: NotFound, saying it is voided already (with why) or that there
    is none; ``what``: the message's {name} and {kind} ("高血压随访", "健康体检")."""
    q = select(model).where(*where, day_column == day)
    if entry_id is not None:
        q = q.where(model.id == entry_id)
    live = session.scalars(
        q.where(model.voided.is_(False)).order_by(model.created_at.desc(), model.id.desc()).limit(1)
    ).first()
    if live is not None:
        return live
    said = {**what, "day": day.isoformat()}
    gone = session.scalar(
        select(model.void_reason).where(*where, day_column == day, model.voided.is_(True)).limit(1)
    )
    if gone is not None:
        template = QT_TRANSLATE_NOOP("Records", "{name} 在 {day} 的{kind}已作废（{reason}）")
        raise NotFound(Message(CTX, template, {**said, "reason": gone}))
    raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Records", "{name} 在 {day} 没有{kind}记录"), said))
