"""Export and import of bundles, and sync status (DESIGN.md, "Bundles" and "Transport").

Export writes one bundle per trusted peer with every change the peer has not acknowledged
(its own excepted): a lost USB stick costs nothing, the next export carries the same changes.
A township relays to each village the changes that concern it, whatever their origin.

Import checks a bundle before it opens it (addressed to me, sender trusted and not revoked,
signature, length and hash, schema), then checks every op it carries with nothing written (who may
send what, clocks, the manifest's claims, the ops' count and hash): any refusal applies nothing and
moves the file to ``quarantine/`` with a reason.  Only then are the ops applied, in chunks of about
:data:`CHUNK_SECONDS` each committed on its own (the township's GUI waits one chunk behind an
import, never a whole bundle), the last with the new high-water marks and acknowledgements and the
bundle's record; an import killed between chunks is finished by the next import of the same file
(``sync_import_progress``).  A bundle imported twice is a no-op.

A township sends its county everything it holds (its own edits and what it merged from its
villages, 严重精神障碍 records and the audit trail included: the county's mental-health staff
supervise those patients, and the county sees them only with the mental-health permission, as
township staff do).  A county keeps no records of its own and relays nothing between townships:
what it sends a township is its acknowledgements only (:func:`audience`).

A trusted sender is trusted only for what it may speak for (:func:`refusal`, one function of the
sender, the op and where the row really belongs): a village for its own changes to its own
village's records, a township for any change within its township (at the county as at its
villages), a county for none.  Its claims of what it carries
and holds are bounded the same way, and its clocks may not run more than a day ahead of this
device's (:func:`_clock_limit`).  A bundle that oversteps in any op is refused whole, naming it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import filecmp
import importlib
import json
import logging
import shutil
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from glob import escape as glob_escape
from itertools import chain
from operator import itemgetter, methodcaller
from pathlib import Path

from sqlalchemy import LargeBinary, String, delete, func, or_, select, type_coerce, update
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from app import __version__
from app.config import Paths
from app.db import Store, head_revision, is_sqlite, refresh_statistics, unavailable, wire_revision
from app.i18n import QT_TRANSLATE_NOOP, local_time
from app.models import (
    Base,
    BundleRecord,
    ChangeLog,
    ImportProgress,
    Peer,
    Resident,
    SyncConflict,
    SyncState,
    Village,
    utcnow,
)
from app.models.base import id_hex, id_param, ids_in, is_id
from app.models.packing import unpack
from app.services import collector, safe_output, settings
from app.services.access import audit, authz
from app.services.access.actor import actor
from app.services.errors import Message, StoreMoved, StoreUnavailable, UserError
from app.services.profile import COUNTY, TOWNSHIP, TOWNSHIP_SERIAL_START, UPSTREAM, VILLAGE, get_profile
from app.services.records.field_labels import field_label
from app.services.records.validators import is_digits
from app.services.sync import bundle, capture, conflicts, merge, numbers, transport, upgrades
from app.services.sync import keys as device_keys
from app.services.sync import values as sync_values

log = logging.getLogger(__name__)
CTX = "Sync"
DAY_MS = capture.DAY_MS
PAGE = 5000
Progress = Callable[[int, int], None]


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


def _never() -> bool:
    return False


def _nothing() -> None:
    pass


# ------------------------------------------------------------------------------ helpers


def holdings(session: Session) -> dict[uuid.UUID, int]:
    """What this device holds of every origin: its own sequence, and the others' marks."""
    me = get_profile(session).device_id
    held = merge.Holdings(session, me).high_water()
    held[me] = session.scalar(select(SyncState.seq).where(SyncState.id == 1)) or 0
    return held


def _upward() -> list[str]:
    """Entities that travel only towards the township (``__sync_to_villages__ = False``)."""
    return [name for name, spec in capture.specs().items() if not spec.to_villages]


@cache
def _upward_set() -> frozenset[str]:
    return frozenset(_upward())


def audience(peer: Peer, here: str) -> tuple[str, ...] | None:
    """Who may receive a change, declared once, for a peer of a store whose role is ``here``: the
    organisation above this one (a village's township, a township's county) gets all (None); a
    village gets the changes whose scope is its own village or its whole township, never those of
    upward-only entities (the audit trail); a township below its county gets none (``()``: the
    county keeps no records of its own and never carries one township's records to another).
    Export filters with it in SQL, relay asks :func:`receives`."""
    if UPSTREAM.get(here) == peer.role:
        return None
    if peer.role == VILLAGE:
        return (peer.code, peer.code[:9])
    return ()


def receives(peer: Peer, scope: str, upward: bool, here: str = TOWNSHIP) -> bool:
    scopes = audience(peer, here)
    return scopes is None or (not upward and scope in scopes)


def _scope_filter(peer: Peer, here: str):
    """:func:`audience` as a WHERE clause on the change log (None: no filter)."""
    scopes = audience(peer, here)
    if scopes is None:
        return None
    return ChangeLog.scope.in_(scopes) & ChangeLog.entity.not_in(_upward())


def _wanted(peer: Peer, held: dict[uuid.UUID, int]) -> dict[uuid.UUID, tuple[int, int]]:
    """Per origin, the seq range (lo exclusive, hi inclusive) the peer has not acknowledged."""
    out = {}
    for origin, hw in held.items():
        if origin == peer.device_id:
            continue
        lo = int(peer.acked.get(origin.hex, 0))
        if hw > lo:
            out[origin] = (lo, hw)
    return out


def _count(session: Session, peer: Peer, ranges: dict, *, audit: bool | None = None) -> int:
    """Changes in ``ranges`` the peer gets; ``audit``: only upward-only entries (the audit trail,
    True), none of them (False)."""
    total = 0
    scope = _scope_filter(peer, get_profile(session).role)
    for origin, (lo, hi) in ranges.items():
        q = (
            select(func.count())
            .select_from(ChangeLog)
            .where(ChangeLog.origin == origin, ChangeLog.seq > lo, ChangeLog.seq <= hi)
        )
        if scope is not None:
            q = q.where(scope)
        if audit is not None:
            upward = ChangeLog.entity.in_(_upward())
            q = q.where(upward if audit else ~upward)
        total += session.scalar(q) or 0
    return total


def _op_lines(session: Session, peer: Peer, ranges: dict, on_line: Callable[[], None]):
    scope = _scope_filter(peer, get_profile(session).role)
    stored = lambda column: type_coerce(column, String)  # noqa: E731 - ids as stored, read by id_hex
    entity_col, hlc_col, data_col = ChangeLog.entity, ChangeLog.hlc, ChangeLog.data
    raw = session.get_bind().dialect.name == "sqlite"
    if raw:  # read as stored, converted below: the columns' types took a tenth of an export
        entity_col, hlc_col, data_col = (type_coerce(c, LargeBinary) for c in (entity_col, hlc_col, data_col))
        entity_of = capture.sqlite_travel(ChangeLog.__table__.c.entity)  # (text, or refused)
        names = {code: word for word, code in ChangeLog.__table__.c.entity.type.words.codes().items()}
    cols = (
        stored(ChangeLog.origin),
        ChangeLog.seq,
        entity_col,
        stored(ChangeLog.row_id),
        hlc_col,
        ChangeLog.scope,
        stored(ChangeLog.user_id),
        data_col,
    )
    for origin, (lo, hi) in ranges.items():
        last = lo
        while True:
            q = select(*cols).where(ChangeLog.origin == origin, ChangeLog.seq > last, ChangeLog.seq <= hi)
            if scope is not None:
                q = q.where(scope)
            # through Core: ORM rows cost an export of 100k changes a few tenths of a second
            rows = session.connection().execute(q.order_by(ChangeLog.seq).limit(PAGE)).all()
            if not rows:
                break
            if raw:
                rows = [
                    (
                        o,
                        seq,
                        names.get(e) or entity_of(e),
                        r,
                        h.hex() if h.__class__ is bytes else h,
                        sc,
                        u,
                        unpack(d),
                    )
                    for o, seq, e, r, h, sc, u, d in rows
                ]
            o = id_hex(rows[0][0])
            bare = [(r[2], r[3], r[4]) for r in rows if r[7] is None]
            # as UTF-8, as SQLite writes the rows' JSON (the lines are hashed and compressed so)
            made = capture.creation_payloads(session.connection(), bare, bytes) if bare else {}
            for _o, seq, entity, row_id, hlc, sc, user, data in rows:
                user_json = f'"{id_hex(user)}"' if user else "null"
                yield (
                    (
                        f'{{"o":"{o}","s":{seq},"e":"{entity}","r":"{id_hex(row_id)}","h":"{hlc}",'
                        f'"c":"{sc}","u":{user_json},"d":'
                    ).encode()
                    + (
                        made[(entity, row_id)]  # a change that made its row: the row holds what it wrote
                        if data is None
                        else data.encode()
                    )
                    + b"}"
                )
                on_line()
            last = rows[-1][1]


def _last_logged(session: Session, origin: uuid.UUID) -> int:
    return session.scalar(select(func.max(ChangeLog.seq)).where(ChangeLog.origin == origin)) or 0


def _clock_now(session: Session) -> str:
    row = session.execute(select(SyncState.hlc_ms, SyncState.hlc_counter).where(SyncState.id == 1)).first()
    me = get_profile(session).device_id
    return capture.hlc_text(row[0], row[1], me) if row else ""


# ---------------------------------------------------------------------------- authority


@dataclass(frozen=True)
class Sender:
    """Who sent a bundle, as this device knows it from its card (never as the bundle says)."""

    role: str  # village | township | county
    code: str  # its village (12 digits), township (9) or county (6) code
    device: str  # its device id, hex

    @classmethod
    def of(cls, peer: Peer) -> Sender:
        return cls(peer.role, peer.code, peer.device_id.hex)


# Why a sender may not carry an op: each a whole sentence naming the op (placeholders: sender,
# entity, row, origin, scope).
REFUSALS = {
    "entity": QT_TRANSLATE_NOOP(
        "Sync", "同步包越权，整包未导入：{sender} 发来未知类型的记录 {entity} {row}（来源设备 {origin}）"
    ),
    "origin": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包越权，整包未导入：{entity} {row} 的变更来源是设备 {origin}，"
        "而村卫生室 {sender} 只能发送本机做的变更",
    ),
    "writer": QT_TRANSLATE_NOOP(
        "Sync", "同步包越权，整包未导入：{sender} 无权修改 {entity} 类记录（{row}，来源设备 {origin}）"
    ),
    "declared": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）标明属于 {scope}，超出 {sender} 的范围",
    ),
    "stored": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）在本机属于 {scope}，超出 {sender} 的范围",
    ),
    "new": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）按其内容属于 {scope}，"
        "超出 {sender} 的范围",
    ),
    "reference": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）指向属于 {scope} 的记录，"
        "与它自己所属的村不符，或超出 {sender} 的范围",
    ),
    "audience": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）属于 {scope}，不该由 {sender} 发给本机",
    ),
    "column": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包越权，整包未导入：{sender} 无权修改 {entity} {row} 的 {scope}（由乡镇卫生院维护；来源设备 {origin}）",
    ),
    "content": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包内容不合格，整包未导入：{entity} {row}（来源设备 {origin}）的 {scope} 不符合要求",
    ),
    "other_township": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包越权，整包未导入：{entity} {row} 的变更来源是另一乡镇的设备 {origin}，{sender} 不能代为转交",
    ),
    "snapshot_origin": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包越权，整包未导入：{entity} {row} 是整库快照里的一行，来源却写作设备 {origin}，不是发送方 {sender}",
    ),
    "archive_no": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）的档案编号 {scope} 不是 {sender} 能编的号："
        "编号应以居民所在村的代码开头，村卫生室编的序号在 {first} 以下",
    ),
    "delete": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包越权，整包未导入：{sender} 要删除 {entity} {row}（来源设备 {origin}）；这类记录不能删除，只能作废",
    ),
    "stamp": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）的变更盖着 {scope} 一台设备的时钟，"
        "冒充别处的修改",
    ),
    "made_whole": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）要修改已有记录的 {scope}；"
        "这类记录建好后不能修改（有错请作废后重录，或录一条更正）",
    ),
    "append_only": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）要修改或删除一条已有的审计日志；"
        "审计日志只能追加，不能修改",
    ),
    "device": QT_TRANSLATE_NOOP(
        "Sync",
        "同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）记在设备 {scope} 名下；"
        "每台设备只能以自己的名义记审计日志",
    ),
    "future": QT_TRANSLATE_NOOP(
        "Sync",
        "{sender} 的电脑时钟可能有误，整包未导入：{entity} {row}（来源设备 {origin}）的 {scope}，"
        "晚于本机的今天。请在 {sender} 改正这条记录的日期（随访、体检记录可作废后按正确日期重录），改正电脑的日期和时间后重新导出；本机未做任何更改",
    ),
}

# Rows that name the device that wrote them (an audit entry, in its device's hash chain): never
# this device, nor another township, nor a device known here to belong elsewhere than the sender's
# place.  Besides the op's origin, a device of the sender's own place is fine (the entries of a
# replaced PC, carried by its successor; in a township's snapshot, its villages' entries), and so is
# one unknown here (it impersonates no one this store knows).
DEVICE_COLUMNS = {"audit_log": "device_id"}

# Rows written once and never changed (the audit trail: append-only, each entry chained by hash to
# the one before it): an op may make such a row, or carry it again as it was made (the same clock:
# a township's snapshot, a relay), never change or delete it, nor make it twice in one bundle; and
# what it carries must hold together (an audit entry's own hash, over its content).  The store's triggers would abort the
# import midway with a generic error: refused here, before anything is written, naming the entry.
APPEND_ONLY = {"audit_log": audit.entry_problem}  # entity -> why a row as it travels is not sound

# Dates of what has happened (a visit, a check, an enrolment, a death …): none may be later than
# the receiving device's today and a day (as no clock may: _clock_limit).  A PC whose calendar ran
# ahead when the record was typed sends it so even after its clock is put right; the refusal
# names the record to correct.  Dates of what is planned (next_due, review_on, a contract's
# start_on and end_on, and the resident's contract_signed_on that mirrors the start of their
# newest contract: a renewal signed within the month before a term ends begins after it, and
# refused every bundle of its village as a clock run ahead) are left out.  The same for the dates a form keeps in its JSON (a first
# onset, a discharge): those its field table marks ``not_future`` (values.form_dates).
HAPPENED_ON = {
    "resident": ("enrolled_on", "birth_date", "status_date"),
    "program_enrolment": ("diagnosed_on", "enrolled_on", "status_date"),
    "followup_visit": ("visit_date", "death_date", "hba1c_date"),
    "smi_registration": ("diagnosis_date", "consent_date"),
    "smi_visit": ("visit_date", "death_date"),
    "elderly_check": ("check_date",),
    "family_contract": ("ended_on",),
    "referral": ("issued_on", "status_date"),
    "education_activity": ("held_on",),
    "poverty_household": ("registered_on",),
    "poverty_plan": ("made_on", "health_check_on"),
    "review_decision": ("decided_on",),
}
# The same for dates in a record's child rows, (children field, date key): a past disease's year
# or month ("2018", "2018-03"), an operation's or transfusion's day; each must also read as the form
# stores it.
HAPPENED_IN_CHILDREN = {"resident": ("choices", "event_date")}


SHAPE_REFUSAL = QT_TRANSLATE_NOOP(
    "Sync", "同步包内容不合格，整包未导入：第 {position} 条更改的 {key} 格式不对（{sender} 发来）"
)
_hex_id = sync_values.is_hex_id


def shape_problem(op, snapshot: bool = False) -> str | None:
    """The key of ``op`` that is not as every device writes it, or None: ids and clocks as
    lower-case hex of their length, a positive sequence number (0 and below: a row's state in a
    ``snapshot`` bundle, snapshot.py), text where text goes, the values as an object.  The clocks
    a change says it replaced (``b``) are clocks no later than its own.  A deletion carries
    nothing else.  Read before anything else of the op (a malformed one was refused only as
    "导入时出错")."""
    if type(op) is not dict:
        return "op"
    seq, data, clock = op.get("s"), op.get("d"), op.get("h")
    for key, ok in (
        ("o", _hex_id(op.get("o"))),
        ("s", type(seq) is int and -(2**63) < seq < 2**63 and (seq > 0 or snapshot)),
        ("e", type(op.get("e")) is str),
        ("r", _hex_id(op.get("r"))),
        ("h", _clock_ok(clock, seq)),
        ("c", type(op.get("c")) is str and len(op["c"]) <= 12),
        ("u", op.get("u") is None or _hex_id(op["u"])),
        ("d", type(data) is dict and type(data.get("v")) is dict and _bases_ok(data.get("b"), clock)),
        ("d", type(data) is dict and _deletion_ok(data.get("v"))),
    ):
        if not ok:
            return key
    return None


def _clock_ok(clock, seq) -> bool:
    if type(seq) is int and seq <= 0:  # a snapshot's row state: each field at the clock it has
        return clock == "" or _hex_id(clock, 24)
    return _hex_id(clock, 24)  # a change is stamped


def _bases_ok(bases, clock) -> bool:
    """``b``: "" (the change made its row) or, for each field, the clock the change replaced."""
    if bases == "":
        return True
    return type(bases) is dict and all(
        type(b) is str and (b == "" or (_hex_id(b, 24) and b <= clock)) for b in bases.values()
    )


def _deletion_ok(values) -> bool:
    return type(values) is not dict or capture.DELETED not in values or values == {capture.DELETED: True}


_OP_KEYS = itemgetter("o", "e", "r", "h", "c", "s", "d")


def _shapes_ok(ops: list[dict], snapshot: bool) -> bool:
    """:func:`shape_problem` for a chunk of ops at once, a key at a time in C loops (a 100k-change
    bundle pays for it once, not per op); False: one of them is malformed (found one by one)."""
    try:
        o, e, r, h, c, s, d = zip(*map(_OP_KEYS, ops), strict=True)
    except KeyError:
        return False
    users = [u for u in map(methodcaller("get", "u"), ops) if u is not None]
    if not (
        set(map(type, o)) == {str}
        and set(map(type, e)) == {str}
        and set(map(type, r)) == {str}
        and set(map(len, r)) == {32}
        and sync_values.all_hex("".join(r))
        and set(map(type, h)) == {str}
        and set(map(len, h)) <= ({0, 24} if snapshot else {24})
        and (not any(h) or sync_values.all_hex("".join(h)))
        and set(map(type, c)) == {str}
        and max(map(len, c)) <= 12
        and set(map(type, s)) == {int}
        and min(s) > (0 if not snapshot else -(2**63))
        and max(s) < 2**63
        and (not users or (set(map(type, users)) == {str} and set(map(len, users)) == {32}))
        and (not users or sync_values.all_hex("".join(users)))
        and set(map(type, d)) == {dict}
        and set(map(type, map(methodcaller("get", "v"), d))) == {dict}
    ):
        return False
    bases = list(map(methodcaller("get", "b"), d))
    if any(type(b) is not dict and b != "" for b in bases):
        return False
    replaced = [(b, x) for b, x in zip(bases, h, strict=True) if type(b) is dict and b]
    if replaced:
        texts = list(chain.from_iterable(b.values() for b, _ in replaced))
        if set(map(type, texts)) != {str} or set(map(len, texts)) - {0, 24}:
            return False
        if any(texts) and not sync_values.all_hex("".join(texts)):
            return False
        if any(max(b.values()) > x for b, x in replaced):
            return False
    return all(map(_deletion_ok, map(itemgetter("v"), d)))


# Fields of a record that must agree with one another, or with what is stored (CONTENT_CHECKS): the
# check reads them as the stored row and the bundle's ops leave them (each field's latest write,
# as the merge keeps it), not as one op carries them.  A resident's identity
# (resident_form.synced_resident_problem); an enrolment's programme and privacy flag
# (smi.synced_enrolment_problem).
AGREEING_FIELDS = {
    "resident": frozenset(("id_type", "id_number", "birth_date", "sex")),
    "program_enrolment": frozenset(("program", "sensitive")),
}

# Rows whose content is checked again on arrival, by entity: "module:function" (resolved when first
# needed); ``function(values, made, stored)`` names the first field a change of that entity may not
# carry (None: none), ``made`` saying whether the change makes its row here and ``stored`` its
# AGREEING_FIELDS as stored (None: not stored here).
CONTENT_CHECKS = {
    "education_attachment": "app.services.programmes.education:synced_attachment_problem",
    "program_enrolment": "app.services.programmes.smi:synced_enrolment_problem",
    "resident": "app.services.records.resident_form:synced_resident_problem",
}


def _take_latest(known: dict, fields: frozenset, values: dict, clock: str) -> None:
    """Into ``known`` ({field: (value, clock)}), each of ``fields`` that ``values`` carries, when
    written at ``clock`` or later: what the merge keeps of a field is its latest write."""
    for k in fields.intersection(values):
        if k not in known or clock >= known[k][1]:
            known[k] = (values[k], clock)


@cache
def _content_check(entity: str):
    target = CONTENT_CHECKS.get(entity)
    if target is None:
        return None
    module, name = target.split(":")
    return getattr(importlib.import_module(module), name)


@cache
def references(entity: str) -> tuple[tuple[str, str], ...]:
    """The (column, entity) pairs through which a row of ``entity`` points at other synced rows:
    each must belong where the row itself belongs (a village's row never points into another
    village)."""
    spec = capture.specs()[entity]
    tables = {s.table.name for s in capture.specs().values()}
    out = []
    for fk in spec.table.foreign_keys:
        target = fk.column.table.name
        if target in tables and fk.parent.name in spec.fields:
            out.append((fk.parent.name, target))
    return tuple(sorted(out))


@cache
def _references(entity: str) -> tuple[tuple[str, str, str], ...]:
    """:func:`references` with the key each one's scope takes in :func:`refusal`'s scopes."""
    return tuple((column, target, f"ref:{column}") for column, target in references(entity))


def refusal(sender: Sender, op: dict, scopes: dict[str, str]) -> tuple[str, str] | None:
    """Why ``sender`` may not carry ``op``, as (key of :data:`REFUSALS`, scope), or None if it may.

    ``scopes``: where the row really belongs, as far as this device knows: ``"stored"``, the row as
    this store holds it; ``"new"``, where the op's own values (or the same bundle's changes before
    it) place it.  A scope not known is left out (a change whose row has not arrived waits, and is
    checked again when it is applied: :func:`_admit_pending`).

    A village speaks only for itself: its own device's changes, to records its role may write
    (``__sync_writers__``), in its own village.  A township relays changes of any origin within
    its township."""
    spec = capture.specs().get(op["e"])
    if spec is None:
        return "entity", ""
    if sender.role not in spec.writers:
        return "writer", ""
    if sender.role == VILLAGE and op["o"] != sender.device:
        return "origin", ""
    if not _within(sender, op["c"]):
        return "declared", str(op["c"])
    own = scopes.get("new") or scopes.get("stored") or op["c"]
    for where, scope in scopes.items():
        if where.startswith("ref:"):
            # a row points into its own village, or at its township; a township's own row (its
            # decisions) may point into any of its villages
            if not (
                scope == own
                or (len(scope) == 9 and scope == own[:9] and scope.startswith(sender.code[:9]))
                or (len(own) == 9 and sender.role != VILLAGE and _within(sender, scope))
            ):
                return "reference", scope
        elif not _within(sender, scope):
            return where, scope
    return None


_NONE = object()  # (a value not carried)


def number_refusal(sender: Sender, op: dict, scopes: dict[str, str]) -> tuple[str, str] | None:
    """(``"archive_no"``, the number) when ``op`` gives a resident an archive number ``sender``
    may not give (:func:`archive_number_ok`); None otherwise."""
    number = _values(op).get("archive_no", _NONE) if op["e"] == "resident" else _NONE
    if number is not _NONE and not archive_number_ok(sender, number, scopes):
        return "archive_no", str(number)
    return None


def archive_number_ok(sender: Sender, number, scopes: dict[str, str]) -> bool:
    """Whether ``sender`` may give a resident the archive ``number``: one of the resident's own
    village (its code, then a serial), and from a village PC, one of the serials a village PC
    numbers with (a township numbers from TOWNSHIP_SERIAL_START).  Numbers are unique: one of
    another village's, or of the township's range, would take the number its owner gives next,
    and every later enrolment or bundle of that owner would fail on it."""
    if not (isinstance(number, str) and len(number) == 17 and is_digits(number)):  # (ASCII 0–9 only)
        return False
    village = scopes.get("new") or scopes.get("stored")
    if village is not None and number[:12] != village:
        return False
    if not _within(sender, number[:12]):
        return False
    serial = int(number[12:])  # (00000: nobody's)
    return serial > 0 and (sender.role != VILLAGE or serial < TOWNSHIP_SERIAL_START)


def _within(sender: Sender, scope) -> bool:
    """Whether a record of ``scope`` (a village or township code) is the sender's to speak for."""
    if sender.role == VILLAGE:
        return scope == sender.code
    # a township's own code, or a county's (a change admitted at the county: _admit_pending)
    return isinstance(scope, str) and len(scope) in (9, 12) and scope.startswith(sender.code[:9])


class _Scopes:
    """Where rows belong, for :func:`refusal`: rows this store holds (loaded a chunk of ops at a
    time, like the merge loads them, and cached), and rows placed by the ops seen so far."""

    def __init__(self, session: Session):
        self.conn = session.connection()
        self.village_codes = {
            vid.hex: code for vid, code in self.conn.execute(select(Village.id, Village.code))
        }
        self.resident_villages: dict[str, str | None] = {}  # resident -> village id (hex), None: unknown
        self.stored: dict[tuple[str, str], str | None] = {}  # (entity, row) -> stored scope; None: not here
        self.placed: dict[tuple[str, str], str] = {}  # rows not stored here, as earlier ops placed them

    def load(self, ops: list[dict], values: list[dict] | None = None) -> None:
        """Load the stored scope of every row ``ops`` touch, then note where the ops place rows
        (a resident made or moved, a village made), for every op of the chunk to see.
        ``values``: each op's :func:`_values`, if the caller has them."""
        if values is None:
            values = [_values(op) for op in ops]
        specs = capture.specs()
        stored = self.stored
        wanted: dict[str, set] = defaultdict(set)
        residents: set = set()
        for op, op_values in zip(ops, values, strict=True):
            entity = op["e"]
            spec = specs.get(entity)
            if spec is None:
                continue
            if (entity, op["r"]) not in stored:
                wanted[entity].add(op["r"])
            for column, target, _where in _references(entity):
                ref = op_values.get(column)
                if isinstance(ref, str) and (target, ref) not in stored:
                    wanted[target].add(ref)
            if spec.scope == "resident_id":
                value = op_values.get("resident_id")
                if isinstance(value, str):
                    residents.add(value)
        for entity, ids in wanted.items():
            spec = specs[entity]
            found = _lookup(self.conn, spec.table, spec.scope, sorted(ids))
            if spec.scope == "resident_id":
                residents.update(ref for ref in found.values() if ref is not None)
                self._load_residents(residents)
                residents = set()
            for row_id in ids:
                if row_id not in found:
                    self.stored[(entity, row_id)] = None
                    continue
                ref = found[row_id]
                if spec.scope in ("code", "scope_code"):
                    scope = ref or ""
                elif spec.scope == "village_id":
                    scope = self.village_codes.get(ref, "") if ref else ""
                else:
                    village = self.resident_villages.get(ref) if ref else None
                    scope = self.village_codes.get(village, "") if village else ""
                self.stored[(entity, row_id)] = scope
        self._load_residents(residents)
        for op, op_values in zip(ops, values, strict=True):
            if op["e"] == "resident" and "village_id" in op_values:
                self.resident_villages[op["r"]] = op_values["village_id"]
            elif op["e"] == "village" and isinstance(op_values.get("code"), str):
                self.village_codes[op["r"]] = op_values["code"]

    def _load_residents(self, ids: set) -> None:
        found = _lookup(
            self.conn,
            Resident.__table__,
            "village_id",
            sorted(i for i in ids if i not in self.resident_villages),
        )
        for rid in ids:
            if rid not in self.resident_villages:
                self.resident_villages[rid] = found.get(rid)

    def of(self, op: dict, values: dict | None = None) -> dict[str, str]:
        """The scopes :func:`refusal` takes for ``op`` (after :meth:`load` of its chunk);
        ``values``: its :func:`_values`, if the caller has them."""
        spec = capture.specs().get(op["e"])
        if spec is None:
            return {}
        key = (op["e"], op["r"])
        out = {}
        stored = self.stored.get(key)
        if stored is not None:
            out["stored"] = stored
        if values is None:
            values = _values(op)
        new = None
        if spec.scope in ("code", "scope_code"):
            if spec.scope in values:
                new = str(values[spec.scope] or "")
        elif spec.scope == "village_id":
            if "village_id" in values:
                new = self.village_codes.get(values["village_id"], "") if values["village_id"] else ""
        elif "resident_id" in values:
            village = self.resident_villages.get(values["resident_id"]) if values["resident_id"] else None
            if village is not None:
                new = self.village_codes.get(village, "")
        if new is None and stored is None:
            new = self.placed.get(key)
        if new is not None:
            out["new"] = new
            if stored is None:
                self.placed[key] = new
        for column, target, where in _references(op["e"]):
            ref = values.get(column)
            if not isinstance(ref, str):
                continue
            scope = self.stored.get((target, ref)) or self.placed.get((target, ref))
            if scope:
                out[where] = scope
        return out


@cache
def _column_exceptions(entity: str, role: str) -> tuple[frozenset, bool]:
    """Whether ``role`` may write ``entity``'s columns by default (``__sync_writers__``), and the
    columns where ``__sync_column_writers__`` says otherwise: read once per entity and role, not
    for every field of every op of a 100k-change bundle."""
    spec = capture.specs()[entity]
    by_default = role in spec.writers
    return frozenset(c for c, w in spec.column_writers.items() if (role in w) != by_default), by_default


def _values(op: dict) -> dict:
    data = op["d"]
    if isinstance(data, str):
        data = op["d"] = json.loads(data)
    values = data.get("v") if isinstance(data, dict) else None
    return values if isinstance(values, dict) else {}


def _as_uuid(text) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except (TypeError, ValueError, AttributeError):
        return None  # not a row id: found nowhere


def _lookup(conn, table, column: str, ids: list[str]) -> dict[str, str | None]:
    """``column`` of the rows of ``table`` with these ids (hex), by id; uuids as hex.  On SQLite
    straight through the driver, as the merge reads (no per-row binding)."""
    out: dict[str, str | None] = {}
    sqlite = conn.dialect.name == "sqlite"
    for i in range(0, len(ids), merge.IN_CHUNK):
        chunk = ids[i : i + merge.IN_CHUNK]
        if sqlite:
            sql = f"SELECT id, {column} FROM {table.name} WHERE id IN ({', '.join('?' * len(chunk))})"
            rows = conn.exec_driver_sql(sql, tuple(id_param(x) for x in chunk))
        else:
            rows = conn.execute(
                select(table.c.id, table.c[column]).where(ids_in(table.c.id, chunk, conn.dialect.name))
            )
        as_hex = is_id(table.c[column].type)
        for row_id, value in rows:
            out[id_hex(row_id)] = id_hex(value) if as_hex else value
    return out


class _Authority:
    """The checks of one incoming bundle: every op against :func:`refusal`, the manifest's claims of
    what it carries (``ranges``) and of what its sender holds (``acks``)."""

    def __init__(self, session: Session, peer: Peer):
        self.sender = Sender.of(peer)
        self.label = f"{peer.code} {peer.name}"
        me = get_profile(session)
        self.names = {p.device_id.hex: f"{p.code} {p.name}" for p in device_keys.peers(session)}
        self.names[me.device_id.hex] = f"{me.code} {me.name}"
        self._device_codes: dict[str, str] | None = None  # (device_codes)
        self.scopes = _Scopes(session)
        self.top_seq = 0  # the highest seq of the sender's own changes in the bundle
        # columns :meth:`_check_columns` took out of ops (origin, seq): taken out again when the
        # ops are read a second time to be applied (:func:`_apply_checked`)
        self.dropped: dict[tuple[str, int], list[tuple[str, object]]] = defaultdict(list)
        # devices a township may not speak for at its county: the county's other townships
        self.others = (
            {
                p.device_id.hex
                for p in device_keys.peers(session)
                if p.role == TOWNSHIP and p.device_id != peer.device_id
            }
            if me.role == COUNTY
            else set()
        )
        # what this device may receive at all (a village: its own village and its township)
        self.audience = (me.code, me.code[:9]) if me.role == VILLAGE else None
        self.me = me.device_id.hex
        self.my_code = me.code
        # the archive numbers the bundle gives residents (numbers.py)
        devices = {p.device_id.hex: numbers.Device(p.code, p.trusted_at) for p in device_keys.peers(session)}
        self.numbers = numbers.Clashes(
            self.me,
            me.role,
            devices[peer.device_id.hex],
            self.sender.role,
            self.sender.device,
            self.label,
            devices,
        )
        self._tails: dict[str, str] | None = None  # (_check_stamp)
        self.last_day = "9999-12-31"  # the latest date a record may carry (until_day)
        self.made: dict[str, str | None] = {}  # stored append-only rows: the clock that made each
        # stored rows written whole when made (__sync_after_made__): the clock of the change that made each
        self.making: dict[str, str] = {}
        self.appended: dict[str, str] = {}  # append-only rows this bundle carries: the clock of each
        # rows' AGREEING_FIELDS as stored (``stored``) and as this bundle's ops leave them, each
        # value with the clock of its write: a change of a birth date alone is checked against the
        # stored ID card, one of an enrolment's programme against the programme it was made for
        self.agreeing: dict[tuple[str, str], dict] = {}
        self.stored_agreeing: dict[tuple[str, str], dict] = {}
        self.made_rows: set[tuple[str, str]] = set()  # rows a change of this bundle made (_makes)
        self.made_whole: set[str] = set()  # rows written whole when made, that a change of this bundle made
        # rows carrying a date later than last_day, each with its refusal and the clock of the op
        # that dated it: forgiven when a later op of the bundle voids the row (a visit typed on a
        # PC whose calendar ran ahead, voided once the clock was put right, never counts anywhere)
        # and taken back if another un-voids it, or when later ops write each such date right
        # (the third item: the row's columns of HAPPENED_ON dated so); any left refuse the bundle
        # (:meth:`finish`)
        self.future: dict[tuple[str, str], tuple[UserError, str, frozenset]] = {}
        self.forgiven: dict[tuple[str, str], tuple[UserError, str, frozenset]] = {}

    def until_day(self, limit_ms: int) -> None:
        """No date of what has happened (:data:`HAPPENED_ON`) may be later than ``limit_ms``'s day."""
        self.last_day = capture.day_of(limit_ms).isoformat()

    def name(self, device: str) -> str:
        return self.names.get(device, str(device)[:8])

    def device_codes(self) -> dict[str, str]:
        """Where each device this store knows of belongs (hex id -> village or township code): its
        peers, and the devices whose audit entries it holds (a county knows its townships' villages
        only so).  Read once, when an op first names a device."""
        if self._device_codes is None:
            from app.models import AuditEntry, Peer

            conn = self.scopes.conn
            codes = {
                id_hex(d): c
                for d, c in conn.execute(select(AuditEntry.device_id, AuditEntry.scope_code).distinct())
                if d is not None and c
            }
            codes.update({id_hex(d): c for d, c in conn.execute(select(Peer.device_id, Peer.code))})
            self._device_codes = codes
        return self._device_codes

    def _refusal(self, reason: str, op: dict, scope: str) -> UserError:
        """The bundle refused for ``op``: why (a key of :data:`REFUSALS`), and where or what.  A
        value refused (its content, a date ahead) is named as the form names its field, and the row
        by its resident where this device holds them: the village doctor must find the record to
        put it right, and a row id and a column name tell them nothing."""
        row = str(op["r"])
        if reason in ("content", "future"):
            row = " ".join(filter(None, (row, self._whose(op))))
            column, _, rest = str(scope).partition(" ")
            label = field_label(str(op["e"]), column.split(".")[0])
            if label and rest:
                scope = Message(CTX, QT_TRANSLATE_NOOP("Sync", "{label}（{key} {value}）"), {
                    "label": label, "key": column, "value": rest
                })  # fmt: skip
            elif label:
                scope = Message(
                    CTX, QT_TRANSLATE_NOOP("Sync", "{label}（{key}）"), {"label": label, "key": column}
                )
        return _err(
            REFUSALS[reason],
            sender=self.label,
            entity=str(op["e"]),
            row=row,
            origin=self.name(op["o"]),
            scope=scope,
            first=TOWNSHIP_SERIAL_START,
        )

    def _makes(self, op: dict, scopes: dict) -> bool:
        """Whether ``op`` makes its row here: it says so (every base empty) and the row is neither
        stored here nor made by an earlier op of the bundle.  A change saying so of a row that
        exists is merged into it field by field like any other: checked as the update it is."""
        key = (op["e"], op["r"])
        if not (isinstance(op["d"], dict) and op["d"].get("b") == "") or "stored" in scopes:
            return False
        if key in self.made_rows:
            return False
        self.made_rows.add(key)
        return True

    def _made_whole(
        self, op: dict, values: dict, scopes: dict, fixed: frozenset[str]
    ) -> tuple[str, str] | None:
        """A change of a row written whole when made (a visit: ``__sync_after_made__``) that is
        not its making — its row stored here or made earlier in the bundle, or the change says
        it saw earlier writes — may change only the columns ``fixed``.  Found by the attacker: a
        village's bundle rewrote the blood pressure of a visit the township recorded.  (A
        snapshot's rows are its sender's whole store: not changes.)"""
        if op["s"] <= 0:
            return None
        bases = op["d"].get("b") if isinstance(op["d"], dict) else None
        if bases == "" and "stored" in scopes and self.making.get(op["r"]) == op["h"]:
            return None  # the very change that made the stored row, again (an import resumed, a relay)
        making = bases == "" and "stored" not in scopes and op["r"] not in self.made_whole
        if making:
            self.made_whole.add(op["r"])
            return None
        changed = sorted(set(values) - fixed - {capture.DELETED})
        return ("made_whole", changed[0]) if changed else None

    def _whose(self, op: dict) -> str:
        """ "name archive_no" of the resident ``op``'s row belongs to, if this device holds them; never
        for a 严重精神障碍 record (the refusal is read by people who may not know of it)."""
        if op["e"] in conflicts.SENSITIVE_ENTITIES:
            return ""
        rid = op["r"] if op["e"] == "resident" else _values(op).get("resident_id")
        found = _as_uuid(rid) if isinstance(rid, str) else None
        if found is None:
            return ""
        row = self.scopes.conn.execute(
            select(Resident.name, Resident.archive_no).where(Resident.id == found)
        ).first()
        return f"{row[0]} {row[1]}" if row else ""

    def _check(self, op: dict, scopes: dict, values: dict | None = None, *, held: bool = False) -> None:
        """``values``: the op's :func:`_values`, if the caller has them; ``held``: this device holds
        the op already (it is not applied again)."""
        if values is None:
            values = _values(op)
        if self.future or self.forgiven:
            self._void_seen(op, values)
        why = refusal(self.sender, op, scopes)
        if why is None and self.audience is not None:
            outside = [
                s for s in (op["c"], scopes.get("new"), scopes.get("stored")) if s and s not in self.audience
            ]
            if outside or op["e"] in _upward_set():
                why = ("audience", outside[0] if outside else str(op["c"]))
        if why is None and (check := _content_check(op["e"])) is not None:
            carried, stored = values, None
            fields = AGREEING_FIELDS.get(op["e"])
            if fields is not None and not fields.isdisjoint(values):
                # as the merge will leave the row: each field's value of the latest clock
                key = (op["e"], op["r"])
                known = self.agreeing.setdefault(key, dict(self.stored_agreeing.get(key, {})))
                _take_latest(known, fields, values, op["h"])
                carried = {k: v for k, (v, _clock) in known.items()}
                stored = {k: v for k, (v, _clock) in self.stored_agreeing.get(key, {}).items()} or None
            problem = check(carried, self._makes(op, scopes), stored)
            if problem is not None:
                why = ("content", problem)
        if why is None and op["o"] in self.others:  # (a county: another township's changes)
            why = ("other_township", "")
        if (
            why is None and op["s"] <= 0 and op["o"] != self.sender.device
        ):  # a snapshot's rows are its sender's
            why = ("snapshot_origin", "")
        if why is None:
            why = number_refusal(self.sender, op, scopes)
        if why is None and op["e"] in APPEND_ONLY:
            bases = op["d"].get("b") if isinstance(op["d"], dict) else None
            made = self.made.get(op["r"]) if "stored" in scopes else op["h"]
            first = self.appended.setdefault(op["r"], op["h"])  # (made again in this bundle: changed)
            if (
                capture.DELETED in values
                or (isinstance(bases, dict) and bases)
                or made != op["h"]
                or first != op["h"]
            ):
                why = ("append_only", "")
            elif (field := APPEND_ONLY[op["e"]]({**values, "id": op["r"]})) is not None:
                why = ("content", field)  # not what its device wrote: its own hash says so
        if why is None and (fixed := capture.specs()[op["e"]].after_made) is not None:
            why = self._made_whole(op, values, scopes, fixed)
        if why is None and capture.DELETED in values and not capture.specs()[op["e"]].deletable:
            why = ("delete", "")  # (the audit trail: refused above as append-only, said so)
        if why is None and (column := DEVICE_COLUMNS.get(op["e"])) is not None:
            named = values.get(column)
            named = named.lower() if isinstance(named, str) else None
            if named is not None and named != op["o"]:
                # not its origin: a device of the sender's own place (a replaced PC's entries,
                # carried by its successor; a township's villages' in its snapshot), or one unknown
                # here; never this device, another township, or a known device of another place
                place = self.device_codes().get(named)
                if named in (self.me, *self.others) or (
                    place is not None and not _within(self.sender, place)
                ):
                    why = ("device", self.name(named))
        late_days: frozenset = frozenset()
        if why is None and (days := HAPPENED_ON.get(op["e"])) is not None:
            last = self.last_day
            for column in days:  # (the first dated ahead named; every one of them waits to be put right)
                day = values.get(column)
                if isinstance(day, str) and day > last:
                    why = ("future", f"{column} {day}")
                    late_days = frozenset(
                        c for c in days if isinstance(values.get(c), str) and values[c] > last
                    )
                    break
        if why is None and (child := HAPPENED_IN_CHILDREN.get(op["e"])) is not None:
            field, key = child
            rows = values.get(field)
            for row in rows if isinstance(rows, list) else ():
                day = row.get(key) if isinstance(row, dict) else None
                if not isinstance(day, str) or not day:
                    continue
                if not sync_values.event_date_ok(day):
                    why = ("content", f"{field}.{key} {day}")
                elif day > self.last_day[: len(day)]:
                    why = ("future", f"{field}.{key} {day}")
                if why is not None:
                    break
        if why is None and (forms := sync_values.form_dates(op["e"])):
            last = self.last_day
            for column, keys in forms:
                form = values.get(column)
                if type(form) is not dict:
                    continue  # (not an object: refused by the value checks)
                late = [k for k in keys if isinstance(form.get(k), str) and form[k] > last]
                if late:
                    why = ("future", f"{column}.{late[0]} {form[late[0]]}")
                    break
        if why is not None:
            reason, scope = why
            refused = self._refusal(reason, op, scope)
            if reason == "future" and self._future_forgiven(op, held, values, refused, late_days):
                return
            raise refused

    def _future_forgiven(
        self, op: dict, held: bool, values: dict, refused: UserError, late: frozenset
    ) -> bool:
        """Whether a date in the future need not refuse the bundle (yet): the op is held already
        (never applied again), it carries its row voided (a township's snapshot), the row is voided
        by an earlier op of the bundle, or it may yet be by a later one, or have its dates (``late``:
        the row's own columns dated so) written right by a later one (:meth:`finish`)."""
        key = (op["e"], op["r"])
        if held or values.get("voided") is True or key in self.forgiven:
            return True
        if not (_voidable(op["e"]) or late):
            return False
        if key in self.future:  # dated in the future again: every such column waits to be put right
            refused, clock, before = self.future[key]
            self.future[key] = (refused, max(clock, op["h"]), before | late)
        else:
            self.future[key] = (refused, op["h"], late)
        return True

    def _void_seen(self, op: dict, values: dict) -> None:
        """An op of a row dated in the future: a void written after the date forgives it (its clock
        wins the merge), as does each date written right after it (a village that followed the
        refusal's advice: its later bundles carry the first write still); an un-void takes that back."""
        key = (op["e"], op["r"])
        voided = values.get("voided")
        waiting = self.future.get(key)
        if waiting is not None and op["h"] > waiting[1]:
            refused, clock, late = waiting
            if voided is True:
                self.forgiven[key] = self.future.pop(key)
                return
            righted = {c for c in late if isinstance(values.get(c), str) and values[c] <= self.last_day}
            if righted and late - righted:
                self.future[key] = (refused, clock, late - righted)
            elif righted:  # (dated in the future once more after this: waits again)
                del self.future[key]
        elif voided is False and key in self.forgiven:
            self.future[key] = self.forgiven.pop(key)

    def finish(self) -> None:
        """After the last op: a row dated in the future that the bundle did not void refuses it."""
        if self.future:
            raise next(iter(self.future.values()))[0]

    def carried(self, op: dict) -> None:
        if op["o"] == self.sender.device and op["s"] > self.top_seq:
            self.top_seq = op["s"]

    def check_held(self, op: dict) -> None:
        """An op this device already holds (not applied again): what needs no lookup."""
        self._check(op, {}, held=True)

    def check_chunk(self, ops: list[dict]) -> None:
        values = [_values(op) for op in ops]
        found = sync_values.problem(ops, values)
        if found is not None:
            op, field = found
            raise self._refusal("content", op, field)
        self.scopes.load(ops, values)
        self._load_made(ops)
        self._load_agreeing(ops, values)
        owned = self._owned_rows(ops)
        of, check = self.scopes.of, self._check
        for op, op_values in zip(ops, values, strict=True):
            if op["h"][-8:] != op["o"][-8:] and op["h"]:
                self._check_stamp(op)
            check(op, of(op, op_values), op_values)
            self._check_columns(op, owned)
            if op["e"] == "resident":
                self.numbers.carry(op, op_values, self.name(op["o"]))

    def _check_stamp(self, op: dict) -> None:
        """A change stamped with a clock that is not its origin's (``capture.hlc_text`` ends with
        the device's id): the clock of an earlier PC of the same village or township (a restore as
        a new device sends the old one's changes again, as they were), or a township's change
        carrying the clock of one of its villages' writes it passes on; never that of a device
        above or beside the origin.  A write stamped as another writer's is taken for that writer's own later write
        (``capture.same_writer``): a village posing so as its township overwrote the township's
        value without a conflict."""
        if self._tails is None:
            self._tails = {device[-8:]: code for device, code in self.device_codes().items()}
            self._tails[self.me[-8:]] = self.my_code
        writer = self._tails.get(op["h"][-8:])
        if writer is not None and not writer.startswith(self.device_codes().get(op["o"]) or op["c"]):
            raise self._refusal("stamp", op, writer)

    def drop_again(self, ops: list[dict]) -> None:
        """Take out of ``ops`` (read again) the columns the check took out of them."""
        if not self.dropped:
            return
        for op in ops:
            kept = self.dropped.get((op["o"], op["s"]))
            if kept:
                values = _values(op)
                for column, ours in kept:
                    values.pop(column, None)
                    op.setdefault(RELAY_VALUES, {})[column] = ours

    def _owned_columns(self, op: dict) -> list[str]:
        """The columns ``op`` writes that the sender's role may not (``__sync_column_writers__``)."""
        if op["e"] not in capture.specs():
            return []  # (no such record: refused by name in the check that follows)
        exceptions, by_default = _column_exceptions(op["e"], self.sender.role)
        if by_default:
            return [c for c in _values(op) if c in exceptions] if exceptions else []
        return [c for c in _values(op) if c not in exceptions]

    def _load_agreeing(self, ops: list[dict], values: list[dict]) -> None:
        """:data:`AGREEING_FIELDS` of each stored row whose ops change any of them, each value
        with the clock of its last write, for :meth:`_check`."""
        wanted: dict[str, list[str]] = defaultdict(list)
        waiting: dict[str, list[str]] = defaultdict(list)  # rows not here: made by a change still waiting?
        for op, v in zip(ops, values, strict=True):
            fields = AGREEING_FIELDS.get(op["e"])
            key = (op["e"], op["r"])
            if fields is None or key in self.stored_agreeing or fields.isdisjoint(v):
                continue
            self.stored_agreeing[key] = {}
            if self.scopes.stored.get(key) is not None:
                wanted[op["e"]].append(op["r"])
            elif key not in self.agreeing:
                waiting[op["e"]].append(op["r"])
        self._load_waiting(waiting)
        for entity, ids in wanted.items():
            spec = capture.specs()[entity]
            t, fields = spec.table, tuple(AGREEING_FIELDS[entity])
            for i in range(0, len(ids), merge.IN_CHUNK):
                chunk = [u for u in map(_as_uuid, ids[i : i + merge.IN_CHUNK]) if u is not None]
                for row_id, clocks, *stored in self.scopes.conn.execute(
                    select(t.c.id, t.c.sync_clocks, *(t.c[k] for k in fields)).where(
                        ids_in(t.c.id, chunk, self.scopes.conn.dialect.name)
                    )
                ):
                    self.stored_agreeing[(entity, row_id.hex)] = {
                        k: (v.isoformat() if isinstance(v, dt.date) else v, spec.clock(clocks, k)[0] or "")
                        for k, v in zip(fields, stored, strict=True)
                    }

    def _load_waiting(self, waiting: dict[str, list[str]]) -> None:
        """For rows not stored here, what changes of earlier bundles still waiting for them
        (``pending`` in the change log) will give their :data:`AGREEING_FIELDS` when they are made:
        a birth date sent now must agree with the ID card sent before."""
        t = ChangeLog.__table__
        for entity, ids in waiting.items():
            fields = AGREEING_FIELDS[entity]
            for i in range(0, len(ids), merge.IN_CHUNK):
                chunk = [u for u in map(_as_uuid, ids[i : i + merge.IN_CHUNK]) if u is not None]
                found = self.scopes.conn.execute(
                    select(t.c.row_id, t.c.hlc, t.c.data).where(
                        t.c.entity == entity,
                        t.c.pending.is_(True),
                        ids_in(t.c.row_id, chunk, self.scopes.conn.dialect.name),
                    )
                )
                for row_id, clock, data in found:
                    values = _values({"d": data}) if data else {}
                    _take_latest(self.agreeing.setdefault((entity, row_id.hex), {}), fields, values, clock)

    def _load_made(self, ops: list[dict]) -> None:
        """The clock that made each stored row of an :data:`APPEND_ONLY` entity ``ops`` touch (None:
        a row changed since it was made), for :meth:`_check`."""
        wanted: dict[str, list[str]] = defaultdict(list)
        specs = capture.specs()
        for op in ops:
            if (
                op["e"] in APPEND_ONLY or (op["e"] in specs and specs[op["e"]].after_made is not None)
            ) and self.scopes.stored.get((op["e"], op["r"])) is not None:
                wanted[op["e"]].append(op["r"])
        for entity, ids in wanted.items():
            t = specs[entity].table
            for i in range(0, len(ids), merge.IN_CHUNK):
                chunk = [u for u in map(_as_uuid, ids[i : i + merge.IN_CHUNK]) if u is not None]
                for row_id, clocks in self.scopes.conn.execute(
                    select(t.c.id, t.c.sync_clocks).where(
                        ids_in(t.c.id, chunk, self.scopes.conn.dialect.name)
                    )
                ):
                    if entity in APPEND_ONLY:
                        self.made[row_id.hex] = capture.made_by(clocks)
                    else:
                        self.making[row_id.hex] = ((clocks or {}).get("_") or [""])[0]

    def _owned_rows(self, ops: list[dict]) -> dict[tuple[str, str], tuple[dict, dict]]:
        """The stored values and clocks of the rows whose owned columns ``ops`` write."""
        wanted: dict[str, set] = defaultdict(set)
        for op in ops:
            if self._owned_columns(op):
                wanted[op["e"]].add(op["r"])
        out = {}
        for entity, ids in wanted.items():
            spec = capture.specs()[entity]
            t = spec.table
            columns = sorted(spec.column_writers)
            rows = self.scopes.conn.execute(
                select(t.c.id, t.c.sync_clocks, *(t.c[c] for c in columns)).where(
                    ids_in(
                        t.c.id,
                        [u for u in map(_as_uuid, ids) if u is not None],
                        self.scopes.conn.dialect.name,
                    )
                )
            )
            for row_id, clocks, *values in rows:
                encoded = {c: spec.encode[c](v) for c, v in zip(columns, values, strict=True)}
                out[(entity, row_id.hex)] = (encoded, clocks or {})
        return out

    def _check_columns(self, op: dict, owned: dict) -> None:
        """A column the sender may not write: refused when the op would change it here.  A
        village makes its own row (which the township's placeholder, or its renaming with a
        later clock, outweighs); a row made again where it exists (a replacement PC's set-up)
        keeps the values here, its own are dropped from the op; an op that repeats the stored value, or that the stored value's
        later clock outweighs, changes nothing."""
        columns = self._owned_columns(op)
        if not columns:
            return
        spec = capture.specs()[op["e"]]
        stored = owned.get((op["e"], op["r"]))
        values = _values(op)
        bases = op["d"].get("b") if isinstance(op["d"], dict) else None
        for column in columns:
            if bases == "":
                if stored is not None:  # made again by a new device of the village (a replacement
                    del values[column]  # PC): what it typed at set-up is not a renaming; ours stays
                    # relayed (to the county) with ours, so the row is made there as it is here
                    self.dropped[(op["o"], op["s"])].append((column, stored[0][column]))
                continue  # a row made by this op (where it may be made: checked above)
            if stored is not None and (
                values[column] == stored[0][column] or op["h"] <= spec.clock(stored[1], column)[0]
            ):
                continue
            raise self._refusal("column", op, column)

    def ranges(self, manifest: dict) -> list[tuple[uuid.UUID, int, int]]:
        """The claims "every change of this origin in (lo, hi] that concerns you is in here": a
        village speaks only for itself and only up to the last change it carries."""
        out = []
        for origin, pair in _mapping(manifest, "ranges").items():
            if not (isinstance(pair, list) and len(pair) == 2 and all(_is_count(x) for x in pair)):
                raise _manifest_error("ranges")
            lo, hi = pair
            if hi <= lo:
                continue
            if self.sender.role == COUNTY:  # a county relays nothing: its bundles acknowledge
                raise _err(
                    QT_TRANSLATE_NOOP(
                        "Sync",
                        "同步包越权，整包未导入：县级 {sender} 声称转交设备 {origin} 的第 {lo}–{hi} 号变更，"
                        "但县级只发送确认",
                    ),
                    sender=self.label,
                    origin=self.name(origin),
                    lo=lo + 1,
                    hi=hi,
                )
            if _origin(origin).hex in self.others:
                raise _err(
                    QT_TRANSLATE_NOOP(
                        "Sync",
                        "同步包越权，整包未导入：{sender} 声称转交另一乡镇 {origin} 的第 {lo}–{hi} 号变更",
                    ),
                    sender=self.label,
                    origin=self.name(origin),
                    lo=lo + 1,
                    hi=hi,
                )
            if self.sender.role == VILLAGE:
                if origin != self.sender.device:
                    raise _err(
                        QT_TRANSLATE_NOOP(
                            "Sync",
                            "同步包越权，整包未导入：村卫生室 {sender} 声称转交设备 {origin} 的第 {lo}–{hi} 号变更，"
                            "但它只能代表本机",
                        ),
                        sender=self.label,
                        origin=self.name(origin),
                        lo=lo + 1,
                        hi=hi,
                    )
                if hi > self.top_seq:
                    raise _err(
                        QT_TRANSLATE_NOOP(
                            "Sync",
                            "同步包越权，整包未导入：{sender} 声称本包带有它第 {lo}–{hi} 号变更，"
                            "实际只带到第 {carried} 号",
                        ),
                        sender=self.label,
                        lo=lo + 1,
                        hi=hi,
                        carried=self.top_seq,
                    )
            out.append((_origin(origin), lo, hi))
        return out

    def acks(self, manifest: dict, holding: Callable[[str], int]) -> dict[str, int]:
        """What the sender says it holds of each origin: never more than this device holds."""
        out = {}
        for origin, hw in _mapping(manifest, "acks").items():
            if not _is_count(hw):
                raise _manifest_error("acks")
            if not _hex_id(origin):  # (one spelling of each device, as every device writes it)
                raise _manifest_error("acks")
            held = holding(origin)
            if hw > held:
                raise _err(
                    QT_TRANSLATE_NOOP(
                        "Sync",
                        "同步包越权，整包未导入：{sender} 声称已收到设备 {origin} 的第 {hw} 号变更，"
                        "而本机只有到第 {held} 号",
                    ),
                    sender=self.label,
                    origin=self.name(origin),
                    hw=hw,
                    held=held,
                )
            out[origin] = hw
        return out


RELAY_VALUES = "relay_v"  # an op's key: the values this store kept in place of the op's own (relayed)


def _as_relayed(op: dict) -> dict:
    """``op`` as this store passes it on: with the values it kept in place of the op's own (a
    village's name and code, which only the township writes)."""
    kept = op.get(RELAY_VALUES)
    if not kept:
        return op
    return dict(op, d={**op["d"], "v": {**op["d"]["v"], **kept}})


def _is_count(x) -> bool:
    return type(x) is int and x >= 0


def _mapping(manifest: dict, key: str) -> dict:
    value = manifest.get(key, {})
    if not isinstance(value, dict):
        raise _manifest_error(key)
    return value


def _origin(text) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except (TypeError, ValueError, AttributeError):
        raise _manifest_error("origin") from None


def _manifest_error(name: str) -> UserError:
    return _err(QT_TRANSLATE_NOOP("Sync", "同步包的清单无效（{field}），整包未导入"), field=name)


def _admit_pending(session: Session) -> Callable[[list[dict]], list[dict]]:
    """For changes that waited for their row: checked again, now that the row is here, against
    what their origin may write (a village peer: its own village; anyone else: this township, or
    at a county, the county).  A change its origin may not make is dropped, never applied or
    relayed."""
    me = get_profile(session)
    villages = {p.device_id.hex: Sender.of(p) for p in device_keys.peers(session) if p.role == VILLAGE}
    town = Sender(TOWNSHIP, me.code[:9], "")  # the writers of a township; the area of this store

    def admit(ops: list[dict]) -> list[dict]:
        scopes = _Scopes(session)
        scopes.load(ops)
        out = []
        for op in ops:
            sender, where = villages.get(op["o"], town), scopes.of(op)
            why = refusal(sender, op, where) or number_refusal(sender, op, where)
            if why is None:
                out.append(op)
            else:
                log.warning("dropped waiting change %s %s of %s: %s %s", op["e"], op["r"], op["o"], *why)
        return out

    return admit


# ------------------------------------------------------------------------------- clocks


def _voidable(entity: str) -> bool:
    """Whether rows of ``entity`` are voided, never deleted (a visit, a check …)."""
    return "voided" in capture.specs()[entity].fields


TOWNSHIP_LEAD_MS = 366 * DAY_MS  # how far a township's clock may run past the newest time a village knows


def _clock_limit(session: Session, peer: Peer, manifest: dict, label: str = "") -> tuple[int, int]:
    """(reference, limit): no clock in a bundle may run past ``limit``, a day after this device's
    reference time.  A township's reference is its own clock, or the newest it sent a bundle at
    (the clocks it gave out come back stamped on its villages' writes); a village's, its own clock or the
    township's (the newest seen, and the one this bundle is sent at when the township sends it:
    the township is the villages' time reference, so its clock is not held against it, a village
    PC whose clock was reset takes the township's date).  Not without bound: a township bundle
    sent more than a year after the newest time this village knows (its clock, the township's seen,
    the newest clock it holds) is refused, naming both: a township PC set to a wrong year would
    move the village's clock with it, and the township would then refuse every bundle of the
    village for good."""
    ref = capture.wall_ms()
    conn = session.connection()
    if get_profile(session).role != VILLAGE:
        # What a village (a township) stamps follows the clock this device sent it: a township PC
        # whose date ran ahead, then put right, takes back the clocks its own bundles gave out
        # (not a clock any peer sent: that would let each bundle move the bound a day further).
        ref = max(ref, capture.told_clock_ms(conn) or 0)
    else:
        ref = max(ref, capture.township_clock_ms(conn) or 0)
        sent = manifest.get("sent_at_ms")
        if peer.role == TOWNSHIP and _is_count(sent):
            known = max(ref, capture.newest_clock_ms(conn))
            if sent > known + TOWNSHIP_LEAD_MS:
                raise _err(
                    QT_TRANSLATE_NOOP(
                        "Sync",
                        "{sender} 的电脑时钟可能有误：同步包的发送时间是 {clock}，比本机知道的最新时间 {mine}"
                        " 晚一年以上，未导入。请核对 {sender} 电脑的日期和时间；若是本机的日期有误，"
                        "请改正后重新导入。本机未做任何更改",
                    ),
                    sender=label or peer.name,
                    clock=capture.day_of(sent).isoformat(),
                    mine=capture.day_of(known).isoformat(),
                )
            ref = max(ref, sent)
    return ref, ref + DAY_MS


def _clock_error(label: str, clock_ms: int, ref_ms: int) -> UserError:
    return _err(
        QT_TRANSLATE_NOOP(
            "Sync",
            "{sender} 的电脑时钟有误：同步包里的时间是 {clock}，比本机的 {mine} 快一天以上。"
            "请把 {sender} 电脑的日期和时间改正后重新导出；本机未做任何更改",
        ),
        sender=label,
        clock=capture.day_of(clock_ms).isoformat(),
        mine=capture.day_of(ref_ms).isoformat(),
    )


def _check_manifest_clocks(label: str, manifest: dict, ref: int, limit: int) -> None:
    sent = manifest.get("sent_at_ms")
    if sent is not None and not _is_count(sent):
        raise _manifest_error("sent_at_ms")
    clock = manifest.get("clock", "")
    if not isinstance(clock, str) or (clock and not _hex_id(clock, 24)):
        raise _manifest_error("clock")
    for ms in (sent or 0, capture.hlc_ms(clock) if clock else 0):
        if ms > limit:
            raise _clock_error(label, ms, ref)


# ------------------------------------------------------------------------------- export


@dataclass(frozen=True)
class ExportedBundle:
    peer: str  # code and name
    path: Path | None
    ops: int
    bytes: int
    note: Message | None = None  # why nothing was written


@dataclass
class ExportResult:
    bundles: list[ExportedBundle] = field(default_factory=list)
    newly_logged: int = 0
    seconds: float = 0.0


def header_and_manifest(s: Session, me, peer: Peer, bundle_id: uuid.UUID, **claims) -> tuple[dict, dict]:
    """A bundle's signed header and its manifest, from this device (``me``, the profile) to ``peer``;
    ``claims``: ranges, acks and what else the manifest carries (a snapshot says so)."""
    header = {
        "bundle_id": bundle_id.hex,
        "sender": me.device_id.hex,
        "recipient": peer.device_id.hex,
        "recipient_fpr": peer.fingerprint,
        "schema": wire_revision(),  # what the ops are shaped by: older devices may take them
        "created": utcnow().isoformat(timespec="seconds") + "Z",
    }
    manifest = {
        **header,
        "format": bundle.FORMAT,
        "sender_db": me.db_id.hex,
        "sender_role": me.role,
        "sender_code": me.code,
        "app_version": __version__,
        "clock": _clock_now(s),
        "sent_at_ms": capture.wall_ms(),
        "acks_seen": peer.acked,
        **claims,
    }
    return header, manifest


# A village restored from an older backup says, in every bundle until its township's snapshot
# came (snapshot.py), that it lacks some of its own changes (merge.OWN_REST): those it made after
# the backup, which reached the township, come back to it as the rows' state.
LACKS_OWN = "lacks_own"


def acks_for(me, peer: Peer, held: dict[uuid.UUID, int], own: int | None = None) -> dict[str, int]:
    """What a bundle to ``peer`` acknowledges: all this device holds; a county, only the origins
    the township itself holds (those it said it holds), since it holds the other townships'
    origins too and a township refuses a claim past what it holds.  ``own``: the last of its own
    changes this device holds with none missing (merge.Holdings.own_held), when a restore left
    some missing: acknowledged so, they are sent back to it."""
    acks = {o.hex: hw for o, hw in held.items()}
    if own is not None:
        acks[me.device_id.hex] = min(own, acks.get(me.device_id.hex, own))
    if me.role == COUNTY:
        known = set(peer.acked or {}) | {peer.device_id.hex}
        acks = {o: hw for o, hw in acks.items() if o in known}
    return acks


def export_bundles(
    store: Store,
    paths: Paths,
    to_dir: str | Path,
    *,
    peer: str | None = None,
    always: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = _never,
    skip: frozenset | set = frozenset(),
    network: bool = False,
) -> ExportResult:
    """One bundle per trusted peer (or the one named) into ``to_dir``; none for the devices in
    ``skip`` (those just sent a snapshot).  ``network``: ``to_dir`` is where bundles wait to go
    over the network (recorded so: :func:`recorded_name`)."""
    started = time.perf_counter()
    to_dir = Path(to_dir)
    if not network:  # (a folder the user named: not one of the program's own, its keys' …)
        safe_output.not_own_place(to_dir)
    if not to_dir.is_dir():
        if not to_dir.parent.is_dir():  # e.g. the USB stick is not plugged in
            raise _err(QT_TRANSLATE_NOOP("Sync", "文件夹不存在：{path}"), path=str(to_dir))
        to_dir.mkdir()
    with store.session() as s:
        authz.require(s, "sync")
    keys = device_keys.keys_for_store(store, paths.sub("keys"))
    result = ExportResult()
    bundle.remove_plaintext_leftovers(paths.sub("inbox"), paths.sub("outbox"))
    with store.transaction() as s:
        result.newly_logged = capture.log_untracked(s)
        capture.repair_future_clocks(s)  # a clock once far ahead (since corrected) must not leave
    with store.session() as s:
        me = get_profile(s)
        targets = [p for p in device_keys.peers(s) if p.revoked_at is None]
        if peer:
            targets = [device_keys.find_peer(s, peer)]
            if targets[0].revoked_at is not None:
                raise _err(
                    QT_TRANSLATE_NOOP("Sync", "设备 {name} 已被撤销信任，不再向它导出"), name=targets[0].name
                )
        if not targets:
            raise _err(QT_TRANSLATE_NOOP("Sync", "还没有信任任何设备：请先核对指纹并导入对方的设备卡"))
        targets = [p for p in targets if p.device_id not in skip]
        held = holdings(s)
        if me.role == VILLAGE:
            # A village speaks only for itself (the township refuses anything else), and claims no
            # further than its last logged change (a restored store's skipped numbers come later).
            held[me.device_id] = min(held[me.device_id], _last_logged(s, me.device_id))
        own = merge.Holdings(s, me.device_id).own_held()
        escrow = settings.get(s, settings.ESCROW_KEY)
        plans = []
        for p in targets:
            ranges = _wanted(p, held)
            if me.role == VILLAGE:
                ranges = {o: r for o, r in ranges.items() if o == me.device_id}
            if me.role == COUNTY:
                ranges = {}  # a county speaks for nothing (audience): its bundles acknowledge
            count = _count(s, p, ranges)
            plans.append((p, ranges, count, acks_for(me, p, held, own)))
        total = sum(c for _, _, c, _ in plans)
        done = [0]

        def tick() -> None:
            done[0] += 1
            if progress and done[0] % 1000 == 0:
                progress(done[0], total)

        for p, ranges, count, acks in plans:
            label = f"{p.code} {p.name}"
            if count == 0 and not always and p.seen_acks == acks:
                result.bundles.append(
                    ExportedBundle(
                        label,
                        None,
                        0,
                        0,
                        Message(CTX, QT_TRANSLATE_NOOP("Sync", "对方已有全部变更，无需导出")),
                    )
                )
                continue
            bundle_id = uuid.uuid4()
            header, manifest = header_and_manifest(
                s,
                me,
                p,
                bundle_id,
                ranges={o.hex: [lo, hi] for o, (lo, hi) in ranges.items()},
                acks=acks,
                refused=[_told(r) for r in refusals_to_tell(s, p)],
                **({LACKS_OWN: True} if own is not None else {}),
            )
            recipients = [p.enc_key, *([escrow] if escrow else [])]
            passes: list[int] = []

            def op_lines(p=p, ranges=ranges, passes=passes):
                """Read once (counted, hashed and compressed: the progress follows this pass), or
                read again to be written when the bundle is too big to keep (bundle.write)."""
                passes.append(1)
                return _op_lines(s, p, ranges, tick if len(passes) == 1 else _nothing)

            written = bundle.write(
                to_dir,
                keys=keys,
                header=header,
                manifest=manifest,
                op_lines=op_lines,
                recipients=recipients,
                work_dir=paths.sub("outbox"),
                cancelled=cancelled,
            )
            result.bundles.append(ExportedBundle(label, written.path, written.ops, written.bytes))
            with store.transaction() as w:
                capture.note_told_clock(w, manifest["sent_at_ms"])  # (what the peer's clocks may follow)
                w.add(
                    BundleRecord(
                        bundle_id=bundle_id,
                        direction="out",
                        peer=p.device_id,
                        file_name=recorded_name(written.path.name, network),
                        ops=written.ops,
                        bytes=written.bytes,
                    )
                )
                w.get(Peer, p.device_id).last_export_at = utcnow()
                audit.record(
                    w,
                    "export",
                    "sync_bundle",
                    bundle_id,
                    audit.bundle_summary(label, written.ops, written.path.name),
                )
        if progress:
            progress(total, total)
    result.seconds = time.perf_counter() - started
    return result


# ------------------------------------------------------------------------------- import


@dataclass
class ImportOutcome:
    file: str
    status: str  # applied | already | foreign | rejected
    reason: Message | None = None
    sender: str = ""
    ops: int = 0
    applied: int = 0
    conflicts: int = 0  # found by this import
    settled: int = 0  # open conflicts closed by the township's decisions it carried (a village's)
    duplicates: int = 0
    pending: int = 0
    clock_warning: Message | None = None
    quarantined: Path | None = None
    renumbered: tuple[numbers.Renumbered, ...] = ()  # residents whose numbers it changed (numbers.py)

    @property
    def notice(self) -> Message | None:
        return numbers.notice(self.renumbered)

    def as_json(self, translate=None) -> dict:
        def render(m: Message) -> str:
            return m.render(translate) if translate else m.render()

        return {
            "file": self.file,
            "status": self.status,
            "reason": render(self.reason) if self.reason else None,
            "sender": self.sender,
            "ops": self.ops,
            "applied": self.applied,
            "conflicts": self.conflicts,
            "conflicts_settled": self.settled,
            "duplicates": self.duplicates,
            "pending": self.pending,
            "clock_warning": render(self.clock_warning) if self.clock_warning else None,
            "quarantined": str(self.quarantined) if self.quarantined else None,
            "renumbered": [
                {"name": r.name, "from": r.old, "to": r.new, "how": r.how} for r in self.renumbered
            ],
            "notice": render(self.notice) if self.notice else None,
        }


class Cancelled(UserError):
    def __init__(self):
        super().__init__(Message(CTX, QT_TRANSLATE_NOOP("Sync", "已取消")))


def bundle_files(path: str | Path) -> list[Path]:
    path = Path(path)
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix == bundle.SUFFIX and p.is_file())
    if not path.exists():
        raise _err(QT_TRANSLATE_NOOP("Sync", "找不到文件或文件夹：{path}"), path=str(path))
    if not path.is_file():  # a pipe would be read for ever; /dev/null, refused, moved aside
        raise _err(bundle.NOT_A_BUNDLE, name=str(path))
    return [path]


def import_path(
    store: Store,
    paths: Paths,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = _never,
) -> list[ImportOutcome]:
    """Import every bundle in ``path`` (a file or a folder) that is addressed to this device."""
    with store.session() as s:
        authz.require(s, "sync")
    files = bundle_files(path)
    keys = device_keys.keys_for_store(store, paths.sub("keys"), record=False)
    bundle.remove_plaintext_leftovers(paths.sub("inbox"), paths.sub("outbox"))
    outcomes = []
    for i, f in enumerate(files):
        if cancelled():
            break
        outcomes.append(import_file(store, paths, f, keys, cancelled=cancelled))
        if progress:
            progress(i + 1, len(files))
    return outcomes


REASON_CHARS = BundleRecord.__table__.c.reason.type.length  # a refusal kept in the history


def _quarantine(
    store: Store,
    paths: Paths,
    f: Path,
    error: UserError,
    header: bundle.Header | None,
    *,
    signed: bool,
    network: bool = False,
) -> Path | None:
    """Put a refused bundle in ``quarantine/``, with its reason beside it, after recording the
    refusal (a store that cannot be written just now leaves the file where it was, for the next
    try).  A file of the data folder (the network's inbox) is moved there; one the user brought
    (a USB stick, a folder of theirs) is copied, and stays where it is: nothing is taken off a
    stick, and a file that is no bundle at all (no header read) is not even copied.
    ``signed``: its sender's signature checked out; a file whose header names a sender it was not
    signed by goes to ``quarantine/unverified/`` (and can never crowd out, or count as, that
    sender's own)."""
    _record_refusal(
        store,
        BundleRecord(
            # a file not signed by the device its header names is no bundle of that device's: its
            # id is only a claim (never told to that device as its bundle refused: refusals_to_tell)
            bundle_id=header.bundle_id if header and signed else None,
            direction="rejected",
            peer=header.sender if header else None,
            file_name=recorded_name(f.name, network),
            bytes=f.stat().st_size if f.exists() else 0,
            reason=error.message.stored(REASON_CHARS),
        ),
    )
    ours = f.resolve().is_relative_to(paths.data_dir.resolve())
    if not f.is_file() or (header is None and not ours):
        # a device or a pipe is never moved (as root, /dev/null would go from every program); a
        # file that is no bundle at all (a document picked by mistake, junk named like a bundle)
        # stays where the user has it, and is not copied: there is nothing in it to import later
        return None
    dest_dir = paths.sub("quarantine") / ("" if signed else UNVERIFIED)
    dest_dir.mkdir(parents=True, exist_ok=True)
    try:
        dest = _set_aside_before(dest_dir, f)
        if dest is not None:  # refused before (the same stick imported again): kept once
            if ours:
                f.unlink()
        else:
            dest = dest_dir / f.name
            n = 1
            while dest.exists():
                dest = dest_dir / f"{f.stem}.{n}{f.suffix}"
                n += 1
            if ours:
                shutil.move(str(f), dest)
            else:  # (the user's own file stays on their stick)
                shutil.copyfile(f, dest)
        dest.touch()  # (the time it was refused, for _keep_newest: a move keeps the file's own)
        dest.with_name(dest.name + ".reason.txt").write_text(error.render() + "\n", encoding="utf-8")
    except OSError:
        log.exception("could not move %s to quarantine", f)
        dest = None
    if signed and header is not None:
        _keep_newest(dest_dir, f"{header.sender.hex}_*{bundle.SUFFIX}", QUARANTINE_KEPT)
    elif not signed:
        _keep_newest(dest_dir, f"*{bundle.SUFFIX}", UNVERIFIED_KEPT)
    return dest


def _record_refusal(store: Store, refused: BundleRecord) -> None:
    """Add ``refused`` to the sync history, or, when the latest refusal of a file of that name
    was of the same file for the same reason (a stick imported every day with the same refused
    bundle on it), move that entry's time to now instead of listing it again."""
    with store.transaction() as s:
        last = s.scalar(
            select(BundleRecord)
            .where(BundleRecord.direction == "rejected", BundleRecord.file_name == refused.file_name)
            .order_by(BundleRecord.id.desc())
            .limit(1)
        )
        if last is not None and (last.bundle_id, last.bytes, last.reason) == (
            refused.bundle_id,
            refused.bytes,
            refused.reason,
        ):
            last.at = utcnow()
        else:
            s.add(refused)


def _set_aside_before(dest_dir: Path, f: Path) -> Path | None:
    """The copy of ``f`` quarantine already holds (its name, or a numbered one as :func:`_quarantine`
    makes them, ``stem.N.suffix``; the same bytes)."""
    for kept in dest_dir.glob(f"{glob_escape(f.stem)}*{glob_escape(f.suffix)}"):
        number = kept.name[len(f.stem) + 1 : len(kept.name) - len(f.suffix)]
        named = kept.name == f.name or (kept.name.startswith(f.stem + ".") and is_digits(number))
        if named and kept.stat().st_size == f.stat().st_size and filecmp.cmp(kept, f, shallow=False):
            return kept
    return None


UNVERIFIED = "unverified"  # quarantine's folder for files no trusted device's signature vouches for
QUARANTINE_KEPT = 3  # refused bundles kept per sender (every one stays in the history, with its reason)
UNVERIFIED_KEPT = 20  # files kept in quarantine/unverified, whoever their headers name


def _keep_newest(folder: Path, pattern: str, kept: int) -> None:
    """Only the newest ``kept`` files of ``folder`` named by ``pattern``: a village whose bundles
    are refused (its clock, say) sends all it has again at every run, and a copy each time would
    fill the township's disk."""
    files = sorted(
        (p for p in folder.glob(pattern) if p.is_file()),
        key=lambda p: p.stat().st_mtime_ns,
        reverse=True,
    )
    for old in files[kept:]:
        with contextlib.suppress(OSError):
            old.unlink()
            old.with_name(old.name + ".reason.txt").unlink(missing_ok=True)


def _schema_known(rev: str) -> bool:
    from app.db import _known_revision

    return rev == head_revision() or _known_revision(rev)


def import_file(
    store: Store,
    paths: Paths,
    f: Path,
    keys: device_keys.DeviceKeys,
    *,
    cancelled: Callable[[], bool] = _never,
    network: bool = False,
) -> ImportOutcome:
    """Import one bundle file.  ``network``: it came over the network (recorded so:
    :func:`recorded_name`)."""
    header, signed = None, False
    try:
        header = bundle.read_header(f)
        with store.session() as s:
            me = get_profile(s)
            if header.recipient != me.device_id:
                return ImportOutcome(
                    f.name,
                    "foreign",
                    Message(CTX, QT_TRANSLATE_NOOP("Sync", "这是发给其他设备的同步包，未导入")),
                )
            if _imported_before(s, header):
                return ImportOutcome(
                    f.name, "already", Message(CTX, QT_TRANSLATE_NOOP("Sync", "此同步包已导入过，跳过"))
                )
            peer = s.get(Peer, header.sender)
            if peer is None:
                raise bundle.BundleError(
                    "untrusted",
                    QT_TRANSLATE_NOOP(
                        "Sync", "发送设备 {device} 未受信任：请先核对指纹并导入它的设备卡，再从隔离区导入"
                    ),
                    device=header.sender.hex[:8],
                )
            if peer.revoked_at is not None:
                raise bundle.BundleError(
                    "revoked",
                    QT_TRANSLATE_NOOP("Sync", "发送设备 {name} 已被撤销信任，拒绝导入"),
                    name=peer.name,
                )
            sender = f"{peer.code} {peer.name}"
            sign_key = peer.sign_key
        bundle.verify(f, header, sign_key)
        signed = True
        schema = str(header.data.get("schema", ""))
        if not _schema_known(schema):
            raise bundle.BundleError(
                "schema",
                QT_TRANSLATE_NOOP(
                    "Sync", "同步包来自更新版本的村医（数据结构 {schema}），请先将本机村医更新到最新版本"
                ),
                schema=schema,
            )
        with collector.paused():  # (a million small objects, no cycles)
            outcome = _import_bundle(store, f, header, keys, cancelled, recorded_name(f.name, network))
        outcome.sender = sender
        return outcome
    except (Cancelled, StoreMoved, StoreUnavailable):  # the bundle is not at fault: it stays where it is
        raise
    except UserError as e:
        dest = _quarantine(store, paths, f, e, header, signed=signed, network=network)
        return ImportOutcome(f.name, "rejected", e.message, quarantined=dest)
    except Exception as e:
        if (said := unavailable(e)) is not None:
            raise said from None
        _hide_parameters(e)
        log.exception("import of %s failed", f)
        error = UserError(Message(CTX, QT_TRANSLATE_NOOP("Sync", "导入时出错，未做任何更改（详见日志）")))
        dest = _quarantine(store, paths, f, error, header, signed=signed, network=network)
        return ImportOutcome(f.name, "rejected", error.message, quarantined=dest)


def _hide_parameters(error: BaseException | None) -> None:
    """A failed statement's message lists its parameters: the bundle's names and ID numbers must
    not reach the log file."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, StatementError):
            error.hide_parameters = True
        error = error.__cause__ or error.__context__


class _Relay:
    """Whether an incoming change must be kept to pass on: some trusted peer other than its
    origin is concerned by it.  A village's own records concern only that village, so a
    township keeps none of their 100k changes; a township row's change goes to every village."""

    def __init__(self, session: Session):
        self.peers = [p for p in device_keys.peers(session) if p.revoked_at is None]
        self.here = get_profile(session).role
        self.upward = set(_upward())
        self.wanting: dict[tuple[str, bool], set[str]] = {}

    def needed(self, op: dict) -> bool:
        """Whether any peer but the op's origin :func:`receives` it."""
        key = (op["c"], op["e"] in self.upward)
        wanting = self.wanting.get(key)
        if wanting is None:
            wanting = self.wanting[key] = {
                p.device_id.hex for p in self.peers if receives(p, *key, here=self.here)
            }
        return len(wanting) > 1 or (bool(wanting) and op["o"] not in wanting)


# An import applies a bundle in chunks, each its own short write transaction, so that the
# township's GUI (and its mailbox's other jobs) wait at most one chunk behind an import, never a
# whole bundle.  First every op is checked with nothing written (:func:`_check_bundle`: whatever
# can refuse a bundle refuses it before its first chunk commits); then the ops are read again and
# applied (:func:`_apply_checked`).  Each chunk commits with how far the import got
# (``sync_import_progress``); the last one commits with the bundle's record "in": an import killed
# between chunks is finished by the next import of the same file, from the op it had reached.
CHUNK_SECONDS = 0.5  # what one chunk's transaction aims at (its size in ops follows what it takes)
CHUNK_OPS = (1000, 2000, merge.CHUNK)  # a chunk's size in ops: least, first, most
# A chunk is applied a slice at a time, and the clock is read between slices: a chunk that takes
# longer than CHUNK_SECONDS (the CPU busy elsewhere: the mailbox's other threads, another
# program) commits what it applied and hands the rest to the next, so the write lock is held
# for about CHUNK_SECONDS plus one slice however slow the machine is just then.  A slice aims at
# a fifth of that, its size in ops following the last slice's speed.
SLICE_OPS = (25, 100, 2000)  # a slice's size in ops: least, first, most


PROGRESS_KEPT = dt.timedelta(days=30)  # how long an interrupted import's progress waits for its file


def _no_hook(chunk: int) -> None:
    pass


# Called after each chunk commits, with its number (from 1): the tests' way to kill an import there.
after_chunk: Callable[[int], None] = _no_hook


@dataclass
class _Checked:
    """What the check of a bundle found, for its application."""

    manifest: dict
    authority: _Authority
    received: int
    known: set[int]  # positions (from 1) of the ops this device already holds
    file_stat: tuple  # the file as checked: the same file is applied


def _resident_of(op: dict) -> str | None:
    """The resident an op's row is, or belongs to (a chunk never ends between two such ops)."""
    if op["e"] == "resident":
        return op["r"]
    value = _values(op).get("resident_id")
    return value if isinstance(value, str) else None


def _stat_of(f: Path) -> tuple:
    st = f.stat()
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def _import_bundle(
    store: Store, f: Path, header: bundle.Header, keys: device_keys.DeviceKeys, cancelled, record_as: str
) -> ImportOutcome:
    seen = bundle.Blocks()  # the blocks as checked: the same are applied

    def reopen():
        return bundle.open_bundle(f, header, keys.age, seen=seen)

    checked = _check_bundle(store, f, header, reopen, cancelled)
    if isinstance(checked, ImportOutcome):
        return checked
    return _apply_checked(store, f, header, reopen, checked, cancelled, record_as)


def _imported_before(s: Session, header: bundle.Header) -> bool:
    """Whether this store records the bundle as imported (by this import's rival, meanwhile, too)."""
    return (
        s.scalar(
            select(BundleRecord.id).where(
                BundleRecord.bundle_id == header.bundle_id, BundleRecord.direction == "in"
            )
        )
        is not None
    )


class _ImportedMeanwhile(Exception):
    """Another import of the same bundle (another workstation of a shared store, another process)
    recorded it while this one was applying it: this one stops at its next chunk."""


def _already(f: Path) -> ImportOutcome:
    return ImportOutcome(f.name, "already", Message(CTX, QT_TRANSLATE_NOOP("Sync", "此同步包已导入过，跳过")))


def _check_bundle(
    store: Store, f: Path, header: bundle.Header, reopen, cancelled
) -> _Checked | ImportOutcome:
    """Every check that can refuse the bundle, on all its ops, with nothing written: who may send
    what (:class:`_Authority`), clocks, the manifest's claims, the ops' count and hash."""
    file_stat = _stat_of(f)
    with store.session() as s, reopen() as opened:
        s.autoflush = False  # the holdings below are worked out in memory, never written here
        manifest = opened.manifest
        me = get_profile(s)
        if _imported_before(s, header):
            return _already(f)
        peer = s.get(Peer, header.sender)
        authority = _Authority(s, peer)
        ref, limit = _clock_limit(s, peer, manifest, authority.label)
        _check_manifest_clocks(authority.label, manifest, ref, limit)
        authority.until_day(limit)
        first_future = f"{limit + 1:012x}"
        held = merge.Holdings(s, me.device_id)
        snapshot = manifest.get("snapshot") is True
        if (
            snapshot and authority.sender.role != TOWNSHIP
        ):  # (a township's whole store, to its county or a new village PC)
            raise _err(
                QT_TRANSLATE_NOOP(
                    "Sync", "同步包越权，整包未导入：{sender} 发来整库快照，只有乡镇卫生院能发送快照"
                ),
                sender=authority.label,
            )
        batch: list[dict] = []
        positions: list[int] = []
        known: set[int] = set()
        origins: dict[str, uuid.UUID] = {}
        position = 0

        def malformed(op: dict, at: int) -> UserError:
            key = shape_problem(op, snapshot) or "op"
            return _err(SHAPE_REFUSAL, position=at, key=key, sender=authority.label)

        def check_chunk() -> None:
            if batch and not _shapes_ok(batch, snapshot):
                raise next(
                    (
                        malformed(o, at)
                        for o, at in zip(batch, positions, strict=True)
                        if shape_problem(o, snapshot)
                    ),
                    malformed(batch[0], positions[0]),  # (the two checks disagree: a bug, said as such)
                )
            authority.check_chunk(batch)

        for op in upgrades.as_this_version(opened.ops(), str(manifest.get("schema", ""))):
            position += 1
            # what this loop reads of every op (the rest of its shape: a chunk at a time)
            if type(op) is not dict or type(op.get("h")) is not str or type(op.get("s")) is not int:
                raise malformed(op, position)
            if op["h"] >= first_future:  # (or no clock at all: "zz" sorts after every hex clock)
                if not _hex_id(op["h"], 24):
                    raise malformed(op, position)
                raise _clock_error(authority.label, capture.hlc_ms(op["h"]), ref)
            origin = origins.get(op["o"])
            if origin is None:
                if not _hex_id(op["o"]):
                    raise malformed(op, position)
                origin = origins[op["o"]] = uuid.UUID(op["o"])
            authority.carried(op)
            if held.has(origin, op["s"]):
                if shape_problem(op, snapshot) is not None:
                    raise malformed(op, position)
                authority.check_held(op)
                known.add(position)
                continue
            batch.append(op)
            positions.append(position)
            if len(batch) >= merge.CHUNK:
                check_chunk()
                batch, positions = [], []
                if cancelled():
                    raise Cancelled()
        check_chunk()
        authority.finish()
        for origin, lo, hi in authority.ranges(manifest):
            held.add_range(origin, lo, hi)
        seq_now = capture._state(s.connection()).seq
        acked = authority.acks(manifest, _holding(me.device_id, seq_now, held))
        told = [int((p.acked or {}).get(me.device_id.hex, 0)) for p in device_keys.peers(s)]
        authority.numbers.find(s.connection(), max([acked.get(me.device_id.hex, 0), *told]))
        s.rollback()  # the holdings added to above: never written
    return _Checked(manifest, authority, position, known, file_stat)


STORES_REMEMBERED = 20  # a sender's earlier stores (one a restore) whose late bundles are passed over


def latest_word(word: dict | None, manifest: dict) -> dict | None:
    """Whose word a bundle's acknowledgements are, when they are the latest this device has of
    its sender (``Peer.acks_word`` is ``word``), else None; a word passed over says less (or more)
    than the sender holds now.  A restore gives the sender's store a new ``db_id``:

    - a bundle of the store whose word is held: taken unless its clock is older (two files on a
      stick imported in the other order);
    - a bundle of a store the sender had before it: passed over;
    - a bundle of a store not heard of: the sender restored since (taken, lower too), unless the
      sender wrote it before the word held (``sent_at_ms``: one PC, one wall clock), a file of a
      store restored over before it reached this device, arriving late."""
    db, clock = manifest.get("sender_db"), manifest.get("clock", "")
    if not isinstance(db, str) or not isinstance(clock, str):
        return None  # (a manifest of no version of this app; its changes are checked as any)
    sent = manifest.get("sent_at_ms")
    sent = sent if _is_count(sent) else None
    word = word if isinstance(word, dict) else {}
    said = word.get("sent") if _is_count(word.get("sent")) else None
    if db == word.get("db"):
        if clock < str(word.get("clock", "")):
            return None
        return {**word, "clock": clock, "sent": max(x for x in (sent, said, 0) if x is not None)}
    earlier = [d for d in word.get("dbs", []) if isinstance(d, str)]
    if db in earlier:
        return None
    if said is not None and sent is not None and sent < said:
        return None
    if isinstance(word.get("db"), str):
        earlier = [*earlier, word["db"]][-STORES_REMEMBERED:]
    return {"db": db, "clock": clock, "dbs": earlier, "sent": sent}


def _holding(me: uuid.UUID, seq_now: int, held: merge.Holdings) -> Callable[[str], int]:
    """What this device holds of an origin (hex): the changes it claims to hold in an ack."""

    def holding(origin: str) -> int:
        if origin == me.hex:
            return seq_now
        mark = held.marks.get(uuid.UUID(origin))
        return max([mark.hw, *(int(r[1]) for r in mark.ranges)]) if mark else 0

    return holding


COUNTS = ("applied", "pending", "conflicts", "duplicates")


def _apply_checked(
    store: Store, f: Path, header: bundle.Header, reopen, checked: _Checked, cancelled, record_as: str
) -> ImportOutcome:
    """Apply a checked bundle a chunk at a time (see :data:`CHUNK_SECONDS`), from where an
    interrupted import of it stopped."""
    with store.transaction() as s:
        capture.log_untracked(s)  # local rows get clocks before anything is merged into them
        progress = s.get(ImportProgress, header.bundle_id)
        start = progress.ops_done if progress else 0
        counts = dict(progress.counts or {}) if progress else {}
    # this device's residents given new numbers by the import (numbers.make_way), those of an
    # interrupted import of the bundle included
    renumbered = [numbers.Renumbered(*r) for r in counts.get("renumbered", ())]
    if _stat_of(f) != checked.file_stat:  # changed since it was checked: checked again next time
        raise _err(bundle.CHANGED)
    totals = merge.ApplyStats(received=checked.received, known=len(checked.known))
    for name in COUNTS:
        setattr(totals, name, int(counts.get(name, 0)))
    totals.max_clock = str(counts.get("max_clock", ""))
    authority = checked.authority
    size = CHUNK_OPS[1]
    chunks = 0
    outcome: list[ImportOutcome] = []

    def commit(ops: list[dict], positions: list[int], done: int, last: bool, whole: bool) -> int:
        """Apply ``ops`` (at ``positions`` in the bundle) in one transaction, or the slices of them
        done within :data:`CHUNK_SECONDS` unless ``last`` or ``whole``; returns how many it applied."""
        nonlocal size, chunks, totals
        began = time.perf_counter()
        # PostgreSQL: what the chunks before wrote, in the statistics this one is planned by
        refresh_statistics(store.engine, Base.metadata.tables)
        # a chunk but the last is provisional: the last one's flushed commit makes every chunk
        # before it durable; a power cut before then resumes from the last chunk that reached the disk
        with store.transaction(provisional=not last) as s:
            if _imported_before(s, header):  # (the write lock held: no rival commits meanwhile)
                raise _ImportedMeanwhile()
            conn = s.connection()
            if is_sqlite(conn.engine):
                for pragma in merge.SQLITE_BULK_PRAGMAS:
                    conn.exec_driver_sql(pragma)
            stats = merge.ApplyStats()
            relay = _Relay(s)
            parts = [ops] if last or whole else _slices(ops)
            applied = 0
            made_way: list[numbers.Renumbered] = []
            for part in parts:
                if not part:
                    continue
                if applied and time.perf_counter() - began > CHUNK_SECONDS:
                    done = positions[applied - 1]  # the rest goes to the next chunk
                    break
                authority.drop_again(part)
                made_way += numbers.make_way(s, authority.numbers, part)
                merge.log_ops(s, [_as_relayed(op) for op in part if relay.needed(op)])
                merge.apply_ops(s, part, stats)
                numbers.after_apply(s, authority.numbers)
                applied += len(part)
            if last:
                merge.retry_pending(s, stats, admit=_admit_pending(s))
                # the township's decisions close this device's copies (counted: said by the import)
                stats.settled = conflicts.close_decided(s)
            merge.refresh_derived(s, stats)
            now = merge.ApplyStats(received=totals.received, known=totals.known)
            for name in COUNTS:
                setattr(now, name, getattr(totals, name) + getattr(stats, name))
            now.max_clock = max(totals.max_clock, stats.max_clock)
            now.settled = stats.settled
            if last:
                said = numbers.noted((*renumbered, *made_way), REASON_CHARS)
                outcome.append(_finish(s, f, header, checked, now, record_as, said))
            else:
                row = s.get(ImportProgress, header.bundle_id)
                if row is None:
                    row = ImportProgress(bundle_id=header.bundle_id, peer=header.sender, started_at=utcnow())
                    s.add(row)
                row.ops_done = done
                row.counts = {
                    **{n: getattr(now, n) for n in COUNTS},
                    "max_clock": now.max_clock,
                    "renumbered": [[r.name, r.old, r.new, r.how] for r in (*renumbered, *made_way)],
                }
                row.updated_at = utcnow()
        totals = now  # committed
        renumbered.extend(made_way)
        chunks += 1
        after_chunk(chunks)
        took = max(time.perf_counter() - began, 1e-3)
        size = int(min(CHUNK_OPS[2], max(CHUNK_OPS[0], max(applied, 1) * min(2.0, CHUNK_SECONDS / took))))
        if not last and cancelled():
            raise Cancelled()
        return applied

    try:
        with reopen() as opened:
            _apply_in_chunks(opened, start, checked.known, commit, lambda: size)
    except _ImportedMeanwhile:
        # what this import applied before is the rival's too (the same ops; the later write of a
        # field wins): its progress is forgotten, or `cunyi check` said the import was cut off
        with store.transaction() as s:
            s.execute(delete(ImportProgress).where(ImportProgress.bundle_id == header.bundle_id))
        return _already(f)
    except (Cancelled, StoreMoved, StoreUnavailable):
        raise
    except UserError as e:
        if not chunks and not start:
            if isinstance(e, numbers.NoNumber):
                raise _err(
                    QT_TRANSLATE_NOOP("Sync", "同步包未导入：{reason}。本机未做任何更改"), reason=e.message
                ) from e
            raise  # nothing committed: "nothing changed" holds
        # refused half way (a number the township could not give: numbers.make_way): it must not
        # read as a refusal of the whole, which changes nothing
        raise _err(
            QT_TRANSLATE_NOOP(
                "Sync", "导入中途停止：{reason}。已导入的部分保留，问题解决后再次导入这个同步包会从中断处继续"
            ),
            reason=e.message,
        ) from e
    except Exception as e:
        if not chunks and not start:
            raise  # nothing committed: "nothing changed" holds
        _hide_parameters(e)
        log.exception("import of %s failed after %d chunks", f, chunks)
        raise _err(
            QT_TRANSLATE_NOOP(
                "Sync", "导入中途出错（详见日志）：已导入的部分保留，再次导入这个同步包会从中断处继续"
            )
        ) from e
    outcome[0].renumbered = tuple(renumbered)
    return outcome[0]


def _apply_in_chunks(
    opened: bundle.Opened, start: int, known: set[int], commit, size: Callable[[], int]
) -> None:
    """Cut the ops (after the first ``start``, without those ``known``) into chunks of about
    ``size()`` ops for ``commit``, never between two ops of the same resident (``commit`` may
    apply fewer, when they take longer than :data:`CHUNK_SECONDS`: the rest lead the next
    chunk).  A chunk with a row pointing at one the bundle makes only later (rows of several origins, in the order of
    their origins) cannot commit alone: it and the rest of the bundle then go in one transaction,
    as every import did before chunks."""
    batch: list[dict] = []
    positions: list[int] = []  # each op's place in the bundle (from 1)
    last_resident = None
    position = 0
    whole = False
    for op in upgrades.as_this_version(opened.ops(), str(opened.manifest.get("schema", ""))):
        position += 1
        if position <= start or position in known:
            continue
        resident = _resident_of(op)
        if not whole and len(batch) >= size() and (resident is None or resident != last_resident):
            whole = not _commit_some(commit, batch, positions, position - 1)
        batch.append(op)
        positions.append(position)
        last_resident = resident
    # The ops' hash and count were checked again as the loop ended: the rest, and then the last
    # chunk, small, with the import's bookkeeping.
    while not whole and len(batch) > SLICE_OPS[1]:
        whole = not _commit_some(commit, batch, positions, positions[-1])
    commit(batch, positions, position, last=True, whole=whole)


def _commit_some(commit, batch: list[dict], positions: list[int], done: int) -> bool:
    """Commit a chunk of ``batch`` and take what it applied off ``batch`` and ``positions``;
    False when the chunk could not commit alone (a row pointing at one later in the bundle)."""
    try:
        applied = commit(batch, positions, done, last=False, whole=False)
    except IntegrityError:
        log.info("a chunk refers to rows later in the bundle: the rest in one transaction")
        return False
    del batch[:applied], positions[:applied]
    return True


def _slices(ops: list[dict]) -> Iterator[list[dict]]:
    """``ops`` in slices (:data:`SLICE_OPS`) of about a fifth of :data:`CHUNK_SECONDS` each, as
    the caller applies them between two of them; never cut between two ops of one resident."""
    least, n, most = SLICE_OPS
    begin = 0
    while begin < len(ops):
        end = min(begin + n, len(ops))
        while end < len(ops) and (resident := _resident_of(ops[end])) is not None:
            if resident != _resident_of(ops[end - 1]):
                break
            end += 1
        t = time.perf_counter()
        yield ops[begin:end]
        took = max(time.perf_counter() - t, 1e-4)
        n = int(min(most, max(least, (end - begin) * min(2.0, CHUNK_SECONDS / 5 / took))))
        begin = end


def _finish(
    s: Session,
    f: Path,
    header: bundle.Header,
    checked: _Checked,
    stats: merge.ApplyStats,
    record_as: str,
    said: Message | None = None,
) -> ImportOutcome:
    """The last chunk's bookkeeping: what this device now holds and what the sender holds, the
    clocks, and the bundle recorded as imported as ``record_as`` (its progress forgotten), all in
    one transaction."""
    manifest, authority = checked.manifest, checked.authority
    conn = s.connection()
    me = get_profile(s)
    peer = s.get(Peer, header.sender)
    if _imported_before(s, header):
        raise _ImportedMeanwhile()
    held = merge.Holdings(s, me.device_id)
    for origin, lo, hi in authority.ranges(manifest):
        held.add_range(origin, lo, hi)
    # What the sender holds now, as it says: its latest word, lower than before too.  A PC restored
    # from an older backup holds less than it once said; kept at the highest ever said, this
    # device would never send again what the restore took away, while its bundles still claim to
    # hold it, which the restored PC refuses, for good.
    word = latest_word(peer.acks_word, manifest)
    if word is not None:
        peer.acked = authority.acks(manifest, _holding(me.device_id, capture._state(conn).seq, held))
        seen = manifest.get("acks_seen", {})
        peer.seen_acks = dict(seen) if isinstance(seen, dict) else {}
        word = _with_refusals(s, peer, word, manifest)
        word.pop(LACKS_OWN, None)
        if peer.role == VILLAGE and manifest.get(LACKS_OWN) is True:
            word[LACKS_OWN] = True
        peer.acks_word = word
    if manifest.get("snapshot") is True and me.role == VILLAGE:
        held.own_whole()  # all its township holds of it is here: nothing of its own lacks any more
    capture.advance(conn, me.device_id, 0, observed=max(stats.max_clock, str(manifest.get("clock", ""))))
    sent = manifest.get("sent_at_ms")
    skew = sent - capture.wall_ms() if sent else None
    if sent and me.role == VILLAGE and peer.role == TOWNSHIP:
        capture.note_township_clock(s, sent)  # the village's time reference (capture.clock_bound)
    peer.clock_skew_ms = skew
    peer.last_import_at = utcnow()
    audit.record(s, "import", "sync_bundle", header.bundle_id, f"{peer.code} {peer.name}: {stats.received}")
    s.add(
        BundleRecord(
            bundle_id=header.bundle_id,
            direction="in",
            peer=header.sender,
            file_name=record_as,
            ops=stats.received,
            bytes=f.stat().st_size,
            # what the import has to say besides (numbers it changed): the history's note
            reason=said.stored(REASON_CHARS) if said is not None else None,
        )
    )
    s.execute(
        delete(ImportProgress).where(
            or_(
                ImportProgress.bundle_id == header.bundle_id,
                # an import interrupted long ago and never finished: its file was given up (the
                # sender's next bundle carries the same changes); a re-import of it starts afresh,
                # skipping what this store holds
                ImportProgress.updated_at < utcnow() - PROGRESS_KEPT,
            )
        )
    )
    return ImportOutcome(
        f.name,
        "applied",
        ops=stats.received,
        applied=stats.applied,
        conflicts=stats.conflicts,
        settled=stats.settled,
        duplicates=stats.duplicates,
        pending=stats.pending,
        clock_warning=_skew_warning(peer.name, skew),
    )


def _skew_warning(name: str, skew_ms: int | None) -> Message | None:
    """A peer whose clock is more than a day ahead of ours (behind can be a slow USB stick)."""
    if skew_ms is None or skew_ms <= DAY_MS:
        return None
    return Message(
        CTX,
        QT_TRANSLATE_NOOP("Sync", "{name} 的电脑时钟比本机快约 {days} 天：请核对两台电脑的日期和时间"),
        {"name": name, "days": round(skew_ms / DAY_MS)},
    )


# ------------------------------------------------------------------------------- status


def unfinished_imports(session: Session) -> list[Message]:
    """Bundles whose import was cut off (a crash, a kill, the power) part-way and not finished
    since: what was applied stands, the rest waits for the same file to be imported again.  One
    made moot by a later bundle of the same sender, imported whole since, is not named."""
    out = []
    for progress, peer in session.execute(
        select(ImportProgress, Peer).join(Peer, Peer.device_id == ImportProgress.peer)
    ):
        if _finished_since(peer, progress.updated_at):
            continue
        out.append(
            Message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "来自 {sender} 的同步包导入到一半中断了（{at} 开始，已导入 {done} 条）："
                    "请把同一个文件再导入一次，会从中断处接着导入",
                ),
                {
                    "sender": f"{peer.code} {peer.name}",
                    "at": local_time(progress.started_at),
                    "done": progress.ops_done,
                },
            )
        )
    return out


def refused_lately(session: Session) -> list[Message]:
    """Peers whose latest bundle here was refused and none taken since: until what it carries is
    put right, the sender's next bundles carry the same change and are refused too — a village cut
    off from its township, or the township from a village, said nowhere but in the history."""
    out = []
    for peer in device_keys.peers(session):
        if peer.revoked_at is not None:
            continue
        last = session.execute(
            select(BundleRecord.direction, BundleRecord.at)
            .where(BundleRecord.peer == peer.device_id, BundleRecord.direction.in_(("in", "rejected")))
            .order_by(BundleRecord.at.desc(), BundleRecord.id.desc())
            .limit(1)
        ).first()
        if last is not None and last.direction == "rejected":
            out.append(
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Sync",
                        "{sender} 最近发来的同步包被本机拒收（{at}），之后没有收到过能导入的：问题解决前，"
                        "它以后的同步包也会被拒收。原因见“同步”页的记录",
                    ),
                    {"sender": f"{peer.code} {peer.name}", "at": local_time(last.at)},
                )
            )
    return out


REFUSALS_TOLD = 5  # a peer's refused bundles a bundle to it tells it of (the newest)
REFUSED_SINCE = dt.datetime(2000, 1, 1)  # no refusal told is older
# what a device tells a peer whose bundle it refused, as the peer's history says it
REFUSED_THERE = QT_TRANSLATE_NOOP("Sync", "对方拒收了这个同步包。对方的说明：{reason}")


def refusals_to_tell(session: Session, peer: Peer) -> list[BundleRecord]:
    """``peer``'s bundles this device refused since it last took one of them (newest first): what a
    bundle to ``peer`` tells it (the manifest's ``refused``).  Brought by USB stick, a refusal is
    otherwise never heard of by its sender, which only sees its changes stay unacknowledged (over
    the network, the mailbox answers the upload).  A bundle taken since says the matter is settled."""
    taken_since = session.scalar(
        select(func.max(BundleRecord.id)).where(
            BundleRecord.peer == peer.device_id, BundleRecord.direction == "in"
        )
    )
    q = select(BundleRecord).where(
        BundleRecord.peer == peer.device_id,
        BundleRecord.direction == "rejected",
        BundleRecord.bundle_id.is_not(None),
    )
    if taken_since is not None:
        q = q.where(BundleRecord.id > taken_since)
    return list(session.scalars(q.order_by(BundleRecord.id.desc()).limit(REFUSALS_TOLD)))


def _told(refused: BundleRecord) -> dict:
    return {
        "bundle": refused.bundle_id.hex,
        "at": refused.at.isoformat(timespec="seconds"),
        "reason": refused.reason or "",
    }


def _with_refusals(s: Session, peer: Peer, word: dict, manifest: dict) -> dict:
    """The sender's latest ``word``, with what it says of this device's bundles it refused: only
    bundles this device did send it (a file claiming another's name is nobody's business), each
    also noted on its history's "out" (:data:`REFUSED_THERE`).  An entry that is not one is passed
    over: a word on the past, never a reason to refuse what the bundle carries."""
    told = {}
    entries = manifest.get("refused")
    for e in entries[:REFUSALS_TOLD] if isinstance(entries, list) else ():
        if not isinstance(e, dict):
            continue
        bundle_id, at, reason = e.get("bundle"), e.get("at"), e.get("reason")
        if not (isinstance(bundle_id, str) and bundle.HEX32.match(bundle_id)):
            continue
        if not (isinstance(reason, str) and len(reason) <= REASON_CHARS and isinstance(at, str)):
            continue
        try:
            when = dt.datetime.fromisoformat(at)
        except ValueError:
            continue
        # UTC as this app keeps moments, within the years a refusal can be from (a year 9999 failed
        # every reading of it: said in local time, it is past what a date can hold)
        if when.tzinfo is not None or not REFUSED_SINCE <= when <= utcnow() + dt.timedelta(days=1):
            continue
        # the peer's words on one line, without control characters (escapes, overrides)
        said = transport.plain(Message.from_stored(reason, CTX) or Message(CTX, "{text}", {"text": ""}))
        told[uuid.UUID(bundle_id)] = {
            "bundle": bundle_id,
            "at": when.isoformat(timespec="seconds"),
            "reason": said.stored(REASON_CHARS),
        }
    sent = (
        set(
            s.scalars(
                select(BundleRecord.bundle_id).where(
                    BundleRecord.peer == peer.device_id,
                    BundleRecord.direction == "out",
                    BundleRecord.bundle_id.in_(list(told)),
                )
            )
        )
        if told
        else set()
    )
    word = {k: v for k, v in word.items() if k != "refused"}
    kept = [e for b, e in told.items() if b in sent]
    for e in kept:
        said = Message(CTX, REFUSED_THERE, {"reason": Message.from_stored(e["reason"], CTX) or ""})
        s.execute(
            update(BundleRecord)
            .where(
                BundleRecord.bundle_id == uuid.UUID(e["bundle"]),
                BundleRecord.direction == "out",
                BundleRecord.reason.is_(None),
            )
            .values(reason=said.stored(REASON_CHARS))
        )
    if kept:
        word["refused"] = kept
    return word


@dataclass(frozen=True)
class RefusedThere:
    """A bundle of this device a peer refused, as the peer's latest bundle says (``refused``)."""

    peer: Peer
    bundle_id: uuid.UUID
    sent_at: dt.datetime  # when this device wrote it
    refused_at: dt.datetime  # when the peer refused it (the peer's clock)
    reason: Message | None


def refused_there(session: Session) -> list[RefusedThere]:
    """This device's bundles its trusted peers refused, newest first, as each peer's latest word
    has it: until a bundle of this device is taken there, the next ones carry the same change and
    are refused too."""
    out = []
    for peer in device_keys.peers(session):
        word = peer.acks_word if isinstance(peer.acks_word, dict) else {}
        if peer.revoked_at is not None or not word.get("refused"):
            continue
        for e in word["refused"]:
            bundle_id = uuid.UUID(e["bundle"])
            sent_at = session.scalar(
                select(BundleRecord.at).where(
                    BundleRecord.bundle_id == bundle_id, BundleRecord.direction == "out"
                )
            )
            if sent_at is not None:
                out.append(
                    RefusedThere(
                        peer,
                        bundle_id,
                        sent_at,
                        dt.datetime.fromisoformat(e["at"]),
                        Message.from_stored(e["reason"], CTX),
                    )
                )
    return sorted(out, key=lambda r: r.sent_at, reverse=True)


def bundle_number(bundle_id: uuid.UUID) -> str:
    """How a bundle is named to people: the end of its id (as its file name ends)."""
    return bundle_id.hex[-8:].upper()


def refused_there_warnings(session: Session) -> list[Message]:
    """:func:`refused_there`, the newest of each peer, in words (the 同步 page, ``sync status``,
    ``check``)."""
    out, said = [], set()
    for r in refused_there(session):
        if r.peer.device_id in said:
            continue
        said.add(r.peer.device_id)
        out.append(
            Message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "{peer} 于 {at} 拒收了本机 {sent} 导出的同步包 {number}。对方的说明：{reason}。"
                    "问题解决前，本机以后的同步包也可能被拒收：请按说明处理，或与对方核对",
                ),
                {
                    "peer": f"{r.peer.code} {r.peer.name}",
                    "sent": local_time(r.sent_at),
                    "number": bundle_number(r.bundle_id),
                    "at": local_time(r.refused_at),
                    "reason": r.reason if r.reason is not None else "—",
                },
            )
        )
    return out


def clock_warnings(session: Session) -> list[Message]:
    """What is wrong with this PC's clock, or a peer's, in words that name the wrong one."""
    out = []
    row = session.execute(select(SyncState.hlc_ms).where(SyncState.id == 1)).first()
    now = capture.wall_ms()
    # A peer's clock may carry ours up to a day ahead (imports refuse more): only a larger gap is
    # this PC's own clock gone back.
    if row and row[0] - now > DAY_MS:
        out.append(
            Message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "本机已记录的时间比现在的时钟晚约 {days} 天：若电脑的日期和时间不对（被调回或电池没电），请校准；"
                    "若现在是对的，那是先前时钟走快时记下的，下次导出同步包时会改正",
                ),
                {"days": max(1, round((row[0] - now) / DAY_MS))},
            )
        )
    entry = capture.entry_day(session)
    if entry.pc_ahead:
        out.append(
            Message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "本机日期 {pc} 比最近一次同步时乡镇卫生院的日期 {town} 晚 {days} 天：如果电脑日期不对请改正，"
                    "并尽快与乡镇卫生院同步；在此之前随访日期最晚只能填 {today}",
                ),
                {
                    "pc": entry.pc_day.isoformat(),
                    "town": entry.township_day.isoformat(),
                    "days": (entry.pc_day - entry.township_day).days,
                    "today": entry.day.isoformat(),
                },
            )
        )
    for p in device_keys.peers(session):
        w = _skew_warning(p.name, p.clock_skew_ms)
        if w:
            out.append(w)
    return out


@dataclass(frozen=True)
class PeerStatus:
    device_id: str
    role: str
    code: str
    name: str
    fingerprint: str
    revoked: bool
    last_export_at: dt.datetime | None
    last_import_at: dt.datetime | None
    unacknowledged: int  # record changes the peer has not acknowledged
    unacknowledged_audit: int  # audit entries not yet acknowledged (an exchange's own entry always is)
    acked: dict
    clock_skew_ms: int | None
    import_cut_at: dt.datetime | None = None  # an import of its bundle cut off then, not finished since


def _finished_since(peer: Peer, cut_at: dt.datetime) -> bool:
    """Whether a bundle of ``peer`` was imported whole after an import cut off at ``cut_at``: the
    one cut off is then moot (a later bundle carries what it did)."""
    return peer.last_import_at is not None and peer.last_import_at > cut_at


def _imports_cut(session: Session) -> dict[uuid.UUID, dt.datetime]:
    """Each peer's latest import cut off part-way (:class:`ImportProgress`), by when it stopped."""
    return {
        peer: at
        for peer, at in session.execute(
            select(ImportProgress.peer, func.max(ImportProgress.updated_at)).group_by(ImportProgress.peer)
        )
    }


def status(session: Session) -> dict:
    me = get_profile(session)
    held = holdings(session)
    cut = _imports_cut(session)
    peers = []
    for p in device_keys.peers(session):
        cut_at = cut.get(p.device_id)
        if cut_at is not None and _finished_since(p, cut_at):
            cut_at = None
        peers.append(
            PeerStatus(
                p.device_id.hex,
                p.role,
                p.code,
                p.name,
                p.fingerprint,
                p.revoked_at is not None,
                p.last_export_at,
                p.last_import_at,
                0 if p.revoked_at else _count(session, p, _wanted(p, held), audit=False),
                0 if p.revoked_at else _count(session, p, _wanted(p, held), audit=True),
                dict(p.acked or {}),
                p.clock_skew_ms,
                cut_at,
            )
        )
    open_ = select(func.count()).select_from(SyncConflict).where(conflicts.still_open())
    return {
        "device_id": me.device_id.hex,
        "role": me.role,
        "code": me.code,
        "sequence": held[me.device_id],
        "high_water": {o.hex: hw for o, hw in held.items()},
        "peers": peers,
        **_open_conflict_counts(session, open_),
        "pending": session.scalar(
            select(func.count()).select_from(ChangeLog).where(ChangeLog.pending.is_(True))
        )
        or 0,
        "clock_warnings": clock_warnings(session),
        "unfinished_imports": unfinished_imports(session),
        "refused_by_peers": refused_there_warnings(session),
    }


def _open_conflict_counts(session: Session, open_) -> dict[str, int]:
    """Open conflicts and duplicates the actor may see, as ``sync conflicts`` lists them (a village
    doctor signed in at the township counts their own village's; staff without the mental-health
    permission none on a 严重精神障碍 record)."""
    if actor(session).is_system:
        return {
            "conflicts_open": session.scalar(open_.where(SyncConflict.kind == "field")) or 0,
            "duplicates_open": session.scalar(open_.where(SyncConflict.kind == "duplicate")) or 0,
        }
    seen = conflicts.visible_open(
        session, session.scalars(select(SyncConflict).where(conflicts.still_open()))
    )
    return {
        "conflicts_open": sum(c.kind == "field" for c in seen),
        "duplicates_open": sum(c.kind == "duplicate" for c in seen),
    }


# How a bundle travelled is told by its record's file name: a bundle that went or came over the
# network (a PC's outbox/network and inbox/network, a mailbox's folders) is recorded as
# "network/<file name>", one that went by USB stick or folder by its bare file name.
NETWORK_MARK = "network/"


def recorded_name(file_name: str, network: bool) -> str:
    """What ``sync_bundle.file_name`` holds for a bundle file of this name."""
    return NETWORK_MARK + file_name if network else file_name


def travelled(recorded: str) -> tuple[bool, str]:
    """(over the network, the bundle's file name) from what ``sync_bundle.file_name`` holds."""
    if recorded.startswith(NETWORK_MARK):
        return True, recorded[len(NETWORK_MARK) :]
    return False, recorded


# A bundle this PC left in its mailbox for a device below it, fetched (the recipient's
# acknowledgement, mailbox.py): a row of its own beside the bundle's "out", never listed itself.
TAKEN = "taken"


def history(session: Session, limit: int = 200) -> list[BundleRecord]:
    return list(
        session.scalars(
            select(BundleRecord)
            .where(BundleRecord.direction != TAKEN)
            .order_by(BundleRecord.id.desc())
            .limit(limit)
        )
    )


def note_taken(session: Session, bundle_id: uuid.UUID, device: uuid.UUID) -> bool:
    """Record that ``device`` fetched this PC's bundle ``bundle_id`` (once; only a bundle this PC
    wrote for that device).  True when it was recorded now."""
    mine = session.scalar(
        select(BundleRecord.file_name).where(
            BundleRecord.bundle_id == bundle_id, BundleRecord.direction == "out", BundleRecord.peer == device
        )
    )
    if mine is None or session.scalar(
        select(BundleRecord.id).where(BundleRecord.bundle_id == bundle_id, BundleRecord.direction == TAKEN)
    ):
        return False
    session.add(BundleRecord(bundle_id=bundle_id, direction=TAKEN, peer=device, file_name=mine))
    return True


def taken(session: Session) -> dict[uuid.UUID, dt.datetime]:
    """When each bundle this PC left in its mailbox was fetched, by bundle id."""
    q = select(BundleRecord.bundle_id, BundleRecord.at).where(BundleRecord.direction == TAKEN)
    return {bundle_id: at for bundle_id, at in session.execute(q)}


def unacknowledged_total(session: Session, role: str | None = None) -> int:
    """Changes a trusted peer (of ``role`` only: a village's township, a township's county) has
    not acknowledged, summed over the peers."""
    held = holdings(session)
    return sum(
        _count(session, p, _wanted(p, held), audit=False)
        for p in device_keys.peers(session)
        if p.revoked_at is None and (role is None or p.role == role)
    )
