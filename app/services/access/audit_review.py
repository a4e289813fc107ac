"""Reading the audit trail: filters, the list an admin reviews, and its CSV export."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import AuditEntry
from app.models.base import id_text
from app.services import safe_output
from app.services.access import audit, authz
from app.services.errors import Message, UserError
from app.services.profile import place_names

MAX_TEXT = 100  # characters of a search
SHOWN = 2000  # entries a list on screen shows (the newest); an export has every one the filter selects
EVERY = None  # (as a limit: every entry the filter selects, read a batch at a time: :func:`entries`)
BATCH = 1000  # entries read at a time by :func:`entries`


@dataclass(frozen=True)
class AuditFilter:
    since: dt.date | None = None
    until: dt.date | None = None
    username: str = ""
    action: str = ""
    text: str = ""  # in the entity, its id or the summary; or a resident's name or archive number
    limit: int | None = SHOWN


def query(session: Session, f: AuditFilter = AuditFilter()) -> list[AuditEntry]:
    """The entries ``f`` selects, newest first (at most its limit)."""
    return list(session.scalars(_selected(session, f)))


def entries(session: Session, f: AuditFilter = AuditFilter()) -> Iterator[AuditEntry]:
    """:func:`query`'s entries read :data:`BATCH` at a time: a trail of millions is written out (an
    export, ``cunyi audit``) without holding it all."""
    return iter(session.scalars(_selected(session, f), execution_options={"yield_per": BATCH}))


def _selected(session: Session, f: AuditFilter):
    """The statement selecting ``f``'s entries; refused for a user who may not read the trail, or
    a filter that cannot mean anything."""
    authz.require(session, "view_audit")
    if f.since and f.until and f.since > f.until:  # (nothing could match: said, not an empty list)
        raise UserError(
            Message(
                "Audit",
                QT_TRANSLATE_NOOP("Audit", "起始日期{since}晚于截止日期{until}"),
                {"since": f.since.isoformat(), "until": f.until.isoformat()},
            )
        )
    if f.action and f.action not in audit.ACTIONS:
        raise UserError(
            Message(
                "Audit",
                QT_TRANSLATE_NOOP("Audit", "没有“{action}”这种操作；可选：{actions}"),
                {"action": f.action[:40], "actions": ", ".join(audit.ACTIONS)},
            )
        )
    q = select(AuditEntry)
    if f.since:
        q = q.where(AuditEntry.at >= dt.datetime.combine(f.since, dt.time()))
    if f.until:
        q = q.where(AuditEntry.at < dt.datetime.combine(f.until + dt.timedelta(days=1), dt.time()))
    if f.username:
        q = q.where(AuditEntry.username == f.username)
    if f.action:
        q = q.where(AuditEntry.action == f.action)
    hidden = _sensitive_hidden(session)
    if hidden is not None:
        q = q.where(hidden)
    if f.text:
        if len(f.text) > MAX_TEXT:  # (a pattern of thousands of characters was an internal error)
            raise UserError(
                Message(
                    "Audit",
                    QT_TRANSLATE_NOOP("Audit", "查找的文字太长：最多 {n} 个字"),
                    {"n": MAX_TEXT},
                )
            )
        # the text itself, never a pattern: "_" or "%" matched every entry
        like = "%" + re.sub(r"([\\%_])", r"\\\1", f.text) + "%"
        match = (
            AuditEntry.summary.like(like, escape="\\")
            | AuditEntry.entity.like(like, escape="\\")
            | AuditEntry.entity_id.like(like, escape="\\")
        )
        # Ids are stored without dashes; a record's id as printed (cunyi referral add/list) has them.
        bare = f.text.strip().replace("-", "")
        if bare != f.text and re.fullmatch(r"[0-9a-fA-F]{4,32}", bare):
            match = match | AuditEntry.entity_id.like(f"%{bare.lower()}%")
        if f.text.strip():
            match = match | AuditEntry.entity_id.in_(_rows_of_residents(session, like))
        q = q.where(match)
    q = q.order_by(AuditEntry.at.desc())
    return q if f.limit is None else q.limit(f.limit)


# Entries naming a resident by a row of theirs: the resident's own and those of these records
RESIDENTS_ROWS = ("FollowupVisit", "ProgramEnrolment", "Referral", "ElderlyCheck", "FamilyContract")


def _rows_of_residents(session: Session, like: str):
    """The ids (as the trail stores them) of the residents whose name or archive number is
    ``like`` (a LIKE pattern, escaped with \\) and of their records, as a subquery: an entry of a
    print, a read or an edit names a record by its id only, and 审计 searched for 郭贵 or his
    archive number found none of the eight prints of his records that week.  Every resident the
    reader may read, however many share the name."""
    import app.models as models

    people = select(models.Resident.id).where(
        models.Resident.name.like(like, escape="\\") | models.Resident.archive_no.like(like, escape="\\")
    )
    clause = authz.village_clause(session, models.Resident.village_id)
    if clause is not None:
        people = people.where(clause)
    ids = [select(id_text(models.Resident.id)).where(models.Resident.id.in_(people))]
    for name in RESIDENTS_ROWS:
        model = getattr(models, name)
        ids.append(select(id_text(model.id)).where(model.resident_id.in_(people)))
    return union_all(*ids)


SENSITIVE_ENTITIES = ("smi_registration", "smi_visit")  # 严重精神障碍 records


def _sensitive_hidden(session: Session):
    """Entries about sensitive records (an SMI form, a sensitive enrolment, a referral of such a
    programme: 专项随访) for those who may not know a resident is in such a programme: a WHERE
    clause leaving them out, or None.  (A referral they could find nowhere else but here named its
    resident a patient.)  An entry of enrolments without an id is a list of such patients read
    (an indicator's, ``cunyi smi due``): left out too."""
    from app.models import ProgramEnrolment, Referral
    from app.services.programmes.referral import of_a_sensitive_programme

    E = ProgramEnrolment
    if authz.sensitive_clause(session, E) is None:
        return None
    sensitive_ids = select(id_text(E.id)).where(E.sensitive.is_(True))
    sensitive_referrals = select(id_text(Referral.id)).where(of_a_sensitive_programme())
    entity = func.coalesce(AuditEntry.entity, "")
    return (
        entity.not_in(SENSITIVE_ENTITIES)
        & ~(
            (entity == "program_enrolment")
            & (AuditEntry.entity_id.is_(None) | AuditEntry.entity_id.in_(sensitive_ids))
        )
        & ~((entity == "referral") & AuditEntry.entity_id.in_(sensitive_referrals))
    )


@dataclass(frozen=True)
class AuditRow:
    at: dt.datetime  # UTC
    username: str
    action: str
    entity: str
    summary: str
    scope_code: str


@dataclass(frozen=True)
class AuditReview:
    """What the 审计 page shows: the users who appear in the trail, and the filtered entries."""

    usernames: tuple[str, ...]
    rows: tuple[AuditRow, ...]
    places: dict[str, str] = field(default_factory=dict)  # {village or township code: its name}


def review(session: Session, f: AuditFilter = AuditFilter()) -> AuditReview:
    """The filtered trail and the users to filter by, in one read (refused like :func:`query`)."""
    rows = tuple(
        AuditRow(e.at, e.username, e.action, e.entity or "", e.summary or "", e.scope_code)
        for e in query(session, f)
    )
    return AuditReview(tuple(usernames(session)), rows, place_names(session))


def usernames(session: Session) -> list[str]:
    return list(
        session.scalars(
            select(AuditEntry.username).group_by(AuditEntry.username).order_by(AuditEntry.username)
        )
    )


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def export_csv(session: Session, path: str | Path, f: AuditFilter = AuditFilter()) -> int:
    """Every entry ``f`` selects (whatever its limit: that is the list's on screen) as CSV at
    ``path`` (named .csv: it opens as what it is), read a batch at a time; audited."""
    audit.require_trail(session)  # (before the file is written: a refused export replaces nothing)
    safe_output.named_as(path, ".csv")
    selected = entries(session, replace(f, limit=EVERY))  # (refused here, before a file is begun)
    written = 0

    def lines():
        nonlocal written
        yield ["时间(UTC)", "用户", "设备", "操作", "对象", "对象ID", "摘要", "村/乡镇代码"]
        for e in selected:
            written += 1
            yield [
                e.at.isoformat(sep=" ", timespec="seconds"),
                e.username,
                e.device_id.hex[-8:] if e.device_id else "",
                e.action,
                e.entity or "",
                e.entity_id or "",
                e.summary or "",
                e.scope_code,
            ]

    path = safe_output.write_csv(path, lines())
    audit.exported(session, "audit_log", written, path)
    return written
