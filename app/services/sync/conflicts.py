"""Review of sync conflicts and possible duplicates (township staff).

A possible duplicate found at import (two live records with one ID number) is a notice: what is
decided about the two records is decided on the review queue (``quality.review``), which lists the
same pair under :func:`pair_key` and tells the villages.  A notice is open while both records are
live and on the register, and until a decision on the pair closes it.

Resolving a field conflict in favour of the value that lost writes it again, as a new change
with a new clock: it then wins everywhere on the next round trip, like any other edit.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

from sqlalchemy import case, exists, select
from sqlalchemy.orm import Session, aliased

from app.i18n import QT_TRANSLATE_NOOP
from app.models import Peer, Resident, SyncConflict, utcnow
from app.models.resident import on_register
from app.services.access import audit, authz
from app.services.access.actor import actor
from app.services.errors import Message, NotFound, UserError
from app.services.profile import TOWNSHIP, get_profile
from app.services.records import resident_form
from app.services.records.field_labels import field_label
from app.services.sync.capture import row_scope, specs

CTX = "Sync"


@dataclass(frozen=True)
class ConflictView:
    id: uuid.UUID
    kind: str  # field | duplicate
    entity: str
    row_id: uuid.UUID
    record: str  # who it is about: name and archive number
    field: str | None
    field_label: str  # Chinese source text, for translate("Field", …)
    kept: object
    lost: object
    kept_at: dt.datetime | None
    lost_at: dt.datetime | None
    kept_by: str
    lost_by: str
    other: str  # duplicate: the other record
    detected_at: dt.datetime
    other_id: uuid.UUID | None = None  # duplicate: the other record's id


def _clock_time(clock: str | None) -> dt.datetime | None:
    if not clock:
        return None
    return dt.datetime.fromtimestamp(int(clock[:12], 16) / 1000)


def _clock_device(session: Session, clock: str | None, names: dict) -> str:
    if not clock:
        return ""
    return names.get(clock[-8:], clock[-8:])


def _resident_label(session: Session, resident_id) -> str:
    r = session.get(Resident, resident_id)
    return f"{r.name} {r.archive_no}" if r else str(resident_id)[:8]


def _record_label(session: Session, entity: str, row_id) -> str:
    spec = specs().get(entity)
    if spec is None:
        return str(row_id)[:8]
    row = session.get(spec.model, row_id)
    if row is None:
        return str(row_id)[:8]
    if entity == "resident":
        return f"{row.name} {row.archive_no}"
    if hasattr(row, "resident_id"):
        return _resident_label(session, row.resident_id)
    return getattr(row, "name", None) or getattr(row, "address", None) or str(row_id)[:8]


def _in_villages(session: Session, c: SyncConflict, villages: set[str]) -> bool:
    """Whether the conflict's record (and a duplicate's other record) belongs to ``villages``: a
    village doctor signed in at the township reads no other village's residents, values or names."""
    spec = specs().get(c.entity)
    row = session.get(spec.model, c.row_id) if spec else None
    if row is None:
        return False
    if row_scope(session, spec, row) not in villages:
        return False
    if c.other_id is None:
        return True
    other = session.get(Resident, c.other_id)
    return other is not None and authz.village_code(session, other.village_id) in villages


SENSITIVE_ENTITIES = ("smi_registration", "smi_visit", "program_enrolment")
# the entities of which some rows are the sensitive programme's (:func:`_sensitive_row`)
PROGRAMME_ROWS = (*SENSITIVE_ENTITIES, "referral")


def _sensitive_row(entity: str, row) -> bool:
    """Whether ``row`` of ``entity`` is a record of the sensitive programme: a 严重精神障碍
    registration or visit, its enrolment, a referral made under it."""
    from app.services.programmes import smi  # (programmes read sync's conflicts: imported late)

    if entity == "program_enrolment":
        return bool(row.sensitive)
    if entity == "referral":
        return row.program == smi.PROGRAM
    return entity in PROGRAMME_ROWS


def about_sensitive_row(session: Session, row_id: uuid.UUID) -> bool:
    """Whether ``row_id`` is a record of the sensitive programme (:func:`_sensitive_row`): a
    conflict or a decision on it names the patient."""
    for entity in PROGRAMME_ROWS:
        row = session.get(specs()[entity].model, row_id)
        if row is not None and _sensitive_row(entity, row):
            return True
    return False


def _hide_sensitive(session: Session, entity: str, row_id, field: str | None, kept, lost):
    """A conflict as this user may see it (严重精神障碍, records.sensitive): None for one about a
    sensitive record they may not see; a 勾选项 conflict without the boxes they may not see."""
    from app.services.records import sensitive

    if entity == "resident" and field == "choices":
        resident = session.get(Resident, row_id)
        if resident is None or sensitive.may_see(session, resident):
            return kept, lost

        def strip(rows):
            if not isinstance(rows, list):
                return rows
            return [r for r in rows if not sensitive.is_sensitive(r.get("field", ""), r.get("code"))]

        if strip(kept) == strip(lost):  # they differ by a box the user may not see: not theirs
            return None
        return strip(kept), strip(lost)
    if entity in PROGRAMME_ROWS:
        spec = specs().get(entity)
        row = session.get(spec.model, row_id) if spec else None
        if row is None or not _sensitive_row(entity, row):
            return kept, lost
        resident = session.get(Resident, row.resident_id)
        if resident is not None and not sensitive.may_see(session, resident):
            return None
    return kept, lost


def pair_key(a: uuid.UUID, b: uuid.UUID) -> str:
    """The review item of two records that may be one person: ``duplicate:<id>:<id>``, lower first."""
    lo, hi = sorted((a, b))
    return f"duplicate:{lo.hex}:{hi.hex}"


def still_open():
    """SQL: the conflict is open; a possible duplicate only while both its records are live and on
    the register (one voided, moved away or dead by a decision on 审核 or at the village: nothing is
    left to decide, and 审核 no longer lists the pair)."""
    mine, other = aliased(Resident), aliased(Resident)
    pair_live = exists().where(mine.id == SyncConflict.row_id, on_register(mine)) & exists().where(
        other.id == SyncConflict.other_id, on_register(other)
    )
    return SyncConflict.resolved_at.is_(None) & ((SyncConflict.kind != "duplicate") | pair_live)


def _as_seen(session: Session, c: SyncConflict, villages) -> tuple | None:
    """The conflict's two values as the actor may see them, or None when it is not theirs to see
    (another village's; about a 严重精神障碍 record; differing only by a box they may not see).  The
    one rule for listing, counting, finding and resolving a conflict: a conflict hidden from the
    list was found and resolved by its id, unseen, with no decision told to anyone."""
    if villages is not None and not _in_villages(session, c, villages):
        return None
    kept = json.loads(c.kept_value) if c.kept_value else None
    lost = json.loads(c.lost_value) if c.lost_value else None
    return _hide_sensitive(session, c.entity, c.row_id, c.field, kept, lost)


def visible_open(session: Session, rows) -> list[SyncConflict]:
    """Of ``rows`` (open conflicts), those the actor may see (:func:`_as_seen`)."""
    villages = authz.visible_villages(session)
    return [c for c in rows if _as_seen(session, c, villages) is not None]


def open_conflicts(
    session: Session, limit: int | None = None, *, kind: str | None = None, ids=None
) -> list[ConflictView]:
    """The open conflicts the actor may see: field conflicts first (a township's hundreds of
    possible duplicates put them past the limit, out of sight), each kind oldest first; of one
    ``kind`` ("field", "duplicate"), or those of ``ids``.  ``limit`` None: all."""
    me = get_profile(session)
    names = {p.device_id.hex[-8:]: f"{p.code} {p.name}" for p in session.scalars(select(Peer))}
    names[me.device_id.hex[-8:]] = f"{me.code} {me.name}"
    out = []
    q = select(SyncConflict).where(still_open())
    if kind is not None:
        q = q.where(SyncConflict.kind == kind)
    if ids is not None:
        q = q.where(SyncConflict.id.in_(list(ids)))
    q = q.order_by(
        case((SyncConflict.kind == "field", 0), else_=1), SyncConflict.detected_at, SyncConflict.id
    )
    rows = session.scalars(q.limit(limit) if limit is not None else q)
    villages = authz.visible_villages(session)  # a village doctor at the township: their village's
    for c in rows:
        shown = _as_seen(session, c, villages)
        if shown is None:
            continue
        kept, lost = shown
        out.append(
            ConflictView(
                c.id,
                c.kind,
                c.entity,
                c.row_id,
                _record_label(session, c.entity, c.row_id),
                c.field,
                field_label(c.entity, c.field or "") or c.field or "",
                kept,
                lost,
                _clock_time(c.kept_clock),
                _clock_time(c.lost_clock),
                _clock_device(session, c.kept_clock, names),
                _clock_device(session, c.lost_clock, names),
                _resident_label(session, c.other_id) if c.other_id else "",
                c.detected_at,
                c.other_id,
            )
        )
    return out


def item_key(c: ConflictView) -> str:
    """The review item of a conflict.  A field's: ``conflict:<its id>:<row id>:<field>``; the row
    and the field travel with the township's decision, so the village, which found the same conflict
    under an id of its own, closes it too (:func:`close_decided`).  A possible duplicate's: the
    pair's (:func:`pair_key`)."""
    if c.kind == "duplicate" and c.other_id is not None:
        return pair_key(c.row_id, c.other_id)
    return f"conflict:{c.id.hex}:{c.row_id.hex}:{c.field or ''}"


def close_decided(session: Session) -> int:
    """Close this device's open field conflicts that a decision of the township's settled: the same
    row and field, between writes made before the decision (a later write that conflicts again is a
    new conflict).  A village cannot decide its conflicts; without this its list kept showing the
    old values for good.  Returns how many were closed."""
    from app.models import ReviewDecision

    open_ = session.scalars(
        select(SyncConflict).where(SyncConflict.resolved_at.is_(None), SyncConflict.kind == "field")
    ).all()
    if not open_:
        return 0
    decided: dict[tuple[str, str], str] = {}
    for key, clocks in session.execute(
        select(ReviewDecision.item_key, ReviewDecision.sync_clocks).where(ReviewDecision.kind == "conflict")
    ):
        parts = key.split(":")
        made = ((clocks or {}).get("_") or [""])[0]
        if len(parts) == 4 and made:
            place = (parts[2], parts[3])
            decided[place] = max(decided.get(place, ""), made)
    closed = 0
    for c in open_:
        made = decided.get((c.row_id.hex, c.field or ""))
        if made and max(c.kept_clock or "", c.lost_clock or "") <= made:
            c.resolved_at, c.resolution = utcnow(), "reviewed"
            closed += 1
    return closed


def short_ids(ids: list[uuid.UUID], least: int = 8) -> int:
    """How many leading hex digits tell ``ids`` apart (at least ``least``): what a list prints for
    :func:`find_conflict` to take back.  Ids made in the same moment share their first digits
    (UUIDv7: the time comes first), so eight alone named sixteen of one import's conflicts at once."""
    width = least
    while width < 32 and len({i.hex[:width] for i in ids}) < len(ids):
        width += 1
    return width


def find_conflict(session: Session, id_or_prefix: str) -> uuid.UUID:
    """The open conflict whose id is, or starts with, what the user typed (dashes and case do
    not matter).  None, several, or something that is not hex: a message saying which."""
    ref = (id_or_prefix or "").strip()
    prefix = ref.replace("-", "").lower()
    if not prefix or len(prefix) > 32 or any(ch not in "0123456789abcdef" for ch in prefix):
        raise UserError(
            Message(
                CTX, QT_TRANSLATE_NOOP("Sync", "冲突编号应为十六进制数字（0-9、a-f）：{ref}"), {"ref": ref}
            )
        )
    open_ids = session.scalars(select(SyncConflict.id).where(still_open()))
    wanted = [i for i in open_ids if i.hex.startswith(prefix)]
    found = [c.id for c in visible_open(session, [session.get(SyncConflict, i) for i in wanted])]
    if not found:
        raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Sync", "没有未处理的冲突 {ref}"), {"ref": ref}))
    if len(found) > 1:
        raise UserError(
            Message(
                CTX,
                QT_TRANSLATE_NOOP("Sync", "有 {n} 个冲突以 {ref} 开头，请多输入几位"),
                {"n": len(found), "ref": ref},
            )
        )
    return found[0]


def _get(session: Session, conflict_id: uuid.UUID) -> SyncConflict:
    if get_profile(session).role != TOWNSHIP:
        raise UserError(Message(CTX, QT_TRANSLATE_NOOP("Sync", "冲突和重复档案由乡镇卫生院处理")))
    authz.require(session, "resolve_conflicts")
    c = session.get(SyncConflict, conflict_id)
    if c is None or c.resolved_at is not None or not visible_open(session, [c]):
        raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Sync", "该冲突不存在或已处理")))
    return c


def resolve(session: Session, conflict_id: uuid.UUID, choice: str) -> None:
    """Keep the current value (``kept``) or bring back the one that lost (``lost``)."""
    c = _get(session, conflict_id)
    if c.kind != "field" or choice not in ("kept", "lost"):
        raise UserError(Message(CTX, QT_TRANSLATE_NOOP("Sync", "该冲突不能这样处理")))
    if choice == "lost":
        spec = specs()[c.entity]
        row = session.get(spec.model, c.row_id)
        if row is None:
            raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Sync", "该冲突不存在或已处理")))
        value = json.loads(c.lost_value)
        if c.field in spec.children:
            child, _fk, fields = spec.children[c.field]
            value = _keeping_unseen(session, row, c.field, value, fields)
            setattr(row, c.field, [child(**item) for item in value])
        else:
            setattr(row, c.field, spec.decode[c.field](value))
            if isinstance(row, Resident) and (wrong := resident_form.identity_brought_back(row, c.field)):
                raise UserError(
                    Message(
                        CTX,
                        QT_TRANSLATE_NOOP(
                            "Sync",
                            "不能只换回{field}：换回后{wrong}与档案的身份证号、出生日期、性别不一致。"
                            "请在档案中一并改正，再将此冲突处理为保留现值",
                        ),
                        {
                            "field": field_label(c.entity, c.field) or c.field,
                            "wrong": field_label(c.entity, wrong) or wrong,
                        },
                    )
                )
            if c.field == "poverty_registered" and isinstance(row, Resident):
                from app.services.programmes import followup  # (monthly follow-ups: followup._next_due)

                followup.refresh_resident(session, row)
    c.resolved_at, c.resolved_by, c.resolution = utcnow(), actor(session).id, choice
    session.flush()
    audit.record(session, "resolve", c.entity, c.row_id, audit.resolve_summary(c.field, choice))


def _keeping_unseen(session: Session, row, field: str, value: list, fields) -> list:
    """The ticked boxes ``value`` to write for a user who may not see some of them: those the user
    could see from ``value``, and the ones they could not as the record holds them now (as the
    form's save keeps them).  Taken whole, the value that lost dropped a 严重精神障碍 box the user
    was never shown."""
    from app.services.records import sensitive

    if field != "choices" or not isinstance(row, Resident) or sensitive.may_see(session, row):
        return value
    unseen = [
        {f: getattr(r, f) for f in fields}
        for r in getattr(row, field)
        if sensitive.is_sensitive(r.field, r.code)
    ]
    return [v for v in value if not sensitive.is_sensitive(v.get("field", ""), v.get("code"))] + unseen


def review_duplicate(session: Session, conflict_id: uuid.UUID) -> None:
    """``sync resolve ID reviewed``: a possible duplicate is not closed here (it was, once: the pair
    stayed open on 审核, and no village heard of it).  The refusal names the review item, where
    the decision on the two records is made and told to their villages."""
    c = _get(session, conflict_id)
    if c.kind != "duplicate" or c.other_id is None:
        raise UserError(Message(CTX, QT_TRANSLATE_NOOP("Sync", "该冲突不能这样处理")))
    raise UserError(
        Message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Sync",
                "疑似重复档案在审核中处理：决定是否同一人、保留哪一份，决定会告知相关村卫生室"
                "（cunyi review decide {key} --decision … --reason …）",
            ),
            {"key": pair_key(c.row_id, c.other_id)},
        )
    )
