"""Applying changes from other devices (DESIGN.md, "Change capture": the merge rule).

Each field of a synced row carries the clock of its last write.  An incoming write sets a field
only if its clock is greater; ties cannot happen between devices (the clock ends in the device
id).  So applying the same changes twice, or in any order, gives the same row.

A write is *concurrent* with the value it meets when neither saw the other: the incoming write's
base (the clock it replaced on its own device) is older than the value here, or the value here
was written over a base older than the incoming write.  The losing value of a concurrent write
is kept in ``sync_conflict`` for township staff to review.

Ops are applied in bulk with Core statements (a bundle may carry 100k changes), in foreign-key
order, inside the caller's transaction.  Derived data (pinyin keys, visit summaries) is
recomputed for the rows touched; residents sharing an ID number are listed as duplicates.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from app.db import note_changes
from app.models import ChangeLog, FollowupVisit, OriginMark, Resident, ResidentSearchKey, SyncConflict, new_id
from app.models.base import id_hex, id_param, is_id, json_text
from app.models.packing import pack
from app.services.programmes import followup
from app.services.records.pinyin_keys import sort_key
from app.services.records.residents import search_key_rows
from app.services.sync.capture import BOOKKEEPING, DELETED, EntitySpec, dumps, provisional, specs

CHUNK = 5000
IN_CHUNK = 500
# Bookkeeping, not content: the last write wins without a conflict to review.
QUIET = BOOKKEEPING


@dataclass
class ApplyStats:
    received: int = 0
    known: int = 0  # already held: skipped
    applied: int = 0
    pending: int = 0
    conflicts: int = 0
    duplicates: int = 0
    max_clock: str = ""
    touched: dict[str, set] = field(default_factory=lambda: defaultdict(set))


# --------------------------------------------------------------------------- holdings


class Holdings:
    """Which (origin, seq) this device already holds: its own, and each origin's high-water
    mark plus the ranges received beyond it."""

    def __init__(self, session: Session, me: uuid.UUID):
        self.me = me
        self.marks = {m.origin: m for m in session.scalars(select(OriginMark))}
        self.session = session

    def has(self, origin: uuid.UUID, seq: int) -> bool:
        if origin == self.me:
            return True
        if seq <= 0:  # a row's state in a replacement PC's first bundle (snapshot.py), not a change
            return False
        mark = self.marks.get(origin)
        if mark is None:
            return False
        return seq <= mark.hw or any(lo < seq <= hi for lo, hi in mark.ranges)

    def add_range(self, origin: uuid.UUID, lo: int, hi: int) -> None:
        """Record that every change of ``origin`` in (lo, hi] that concerns us is here."""
        if origin == self.me or hi <= lo:
            return
        mark = self.marks.get(origin)
        if mark is None:
            mark = OriginMark(origin=origin, hw=0, ranges=[])
            self.session.add(mark)
            self.marks[origin] = mark
        ranges = sorted([*(tuple(r) for r in mark.ranges), (lo, hi)])
        hw, rest = mark.hw, []
        for a, b in ranges:
            if a <= hw:
                hw = max(hw, b)
            else:
                rest.append([a, b])
        # Ranges beyond a gap may now touch each other or the new mark.
        changed = True
        while changed:
            changed = False
            for r in list(rest):
                if r[0] <= hw:
                    hw = max(hw, r[1])
                    rest.remove(r)
                    changed = True
        mark.hw, mark.ranges = hw, rest

    def high_water(self) -> dict[uuid.UUID, int]:
        return {o: m.hw for o, m in self.marks.items()}


# ------------------------------------------------------------------------------ apply


def _row_state(spec: EntitySpec, row) -> dict:
    return {
        "values": {f: spec.encode[f](row[f]) for f in spec.fields},
        "clocks": dict(row["sync_clocks"] or {}),
    }


def _children_now(conn, spec: EntitySpec, name: str, row_id) -> list[dict]:
    model, fk, fields = spec.children[name]
    t = model.__table__
    rows = conn.execute(select(*(t.c[f] for f in fields)).where(t.c[fk] == row_id)).mappings()
    return sorted(({f: r[f] for f in fields} for r in rows), key=dumps)


def _conflict(stats: ApplyStats, spec, row_id, name, kept, kept_clock, lost, lost_clock) -> dict:
    stats.conflicts += 1
    return {
        "id": new_id(),
        "kind": "field",
        "entity": spec.name,
        "row_id": uuid.UUID(row_id),
        "field": name,
        "kept_value": dumps(kept),
        "kept_clock": kept_clock,
        "lost_value": dumps(lost),
        "lost_clock": lost_clock,
    }


def _apply_entity(
    session: Session, spec: EntitySpec, ops: list[dict], stats: ApplyStats, conflicts: list
) -> list:
    """Apply one entity's ops; returns the ops that must wait (row not made yet)."""
    conn = session.connection()
    sqlite = conn.dialect.name == "sqlite"
    t = spec.table
    ids = list({op["r"] for op in ops})
    if sqlite:  # which rows exist, by their stored ids, before loading any of them
        present = []
        for i in range(0, len(ids), IN_CHUNK):
            chunk = ids[i : i + IN_CHUNK]
            sql = f"SELECT id FROM {t.name} WHERE id IN ({', '.join('?' * len(chunk))})"
            present += [id_hex(r[0]) for r in conn.exec_driver_sql(sql, tuple(id_param(x) for x in chunk))]
        ids = present
    existing: dict = {}
    for i in range(0, len(ids), IN_CHUNK):
        chunk = [uuid.UUID(x) for x in ids[i : i + IN_CHUNK]]
        for row in conn.execute(select(t).where(t.c.id.in_(chunk))).mappings():
            existing[row["id"].hex] = _row_state(spec, row)
    states: dict[str, dict] = {}
    changed: dict[str, set] = defaultdict(set)
    deleted: set = set()
    waiting: list = []
    owned_elsewhere = set(provisional(session, spec, spec.column_writers))  # columns we may not write
    for op in sorted(ops, key=lambda o: o["h"]):
        rid, clock, data = op["r"], op["h"], op["d"]
        values, bases = data["v"], data["b"]
        if DELETED in values:
            deleted.add(rid)
            continue
        state = states.get(rid) or existing.get(rid)
        if state is None and bases == "":
            # Fast path (most of a first bundle): a row made by this op and unknown here.
            known = (
                values
                if values.keys() <= spec.encode.keys()
                else {n: v for n, v in values.items() if n in spec.encode}
            )
            states[rid] = {"values": known, "clocks": {"_": [clock, ""]}, "new": True}
            changed[rid] = known.keys()
            stats.applied += 1
            if clock > stats.max_clock:
                stats.max_clock = clock
            continue
        new_row = state is None or state.get("new", False)
        if state is None:
            state = {"values": {}, "clocks": {}, "new": True}
        states[rid] = state
        if not isinstance(changed[rid], set):  # the fast path left a key view
            changed[rid] = set(changed[rid])
            state["values"] = dict(state["values"])
        for name, value in values.items():
            if name not in spec.encode:
                continue  # a field this version does not have: ignored, kept in the log
            base = bases.get(name, "") if isinstance(bases, dict) else ""
            cur_clock, cur_base = spec.clock(state["clocks"], name)
            if clock == cur_clock:
                # Two values never written with a clock (a village's name as the township placed it,
                # and as a new village PC typed it at set-up): the writer's, arriving here, stands.
                if clock or state["values"].get(name) == value or name not in owned_elsewhere:
                    continue
                state["values"][name] = value
                changed[rid].add(name)
                continue
            if name in spec.children and not new_row and name not in state["values"]:
                state["values"][name] = _children_now(conn, spec, name, uuid.UUID(rid))
            current = state["values"].get(name)
            if clock > cur_clock:
                if cur_clock and base < cur_clock and current != value and name not in QUIET:
                    conflicts.append(_conflict(stats, spec, rid, name, value, clock, current, cur_clock))
                state["values"][name] = value
                state["clocks"][name] = [clock, base]
                changed[rid].add(name)
            elif current != value and cur_base < clock and name not in QUIET:
                conflicts.append(_conflict(stats, spec, rid, name, current, cur_clock, value, clock))
        stats.applied += 1
        stats.max_clock = max(stats.max_clock, clock)
        op["_state"] = rid
    # Inserts: rows made by these ops (every required field present), else they wait.
    inserts: dict[frozenset, list] = defaultdict(list)
    updates: dict[frozenset, list] = defaultdict(list)
    children: dict[str, dict] = defaultdict(dict)
    for rid, state in states.items():
        row_id = uuid.UUID(rid)
        if state.get("new"):
            fields = state["values"]
            if any(n not in state["values"] for n in spec.required):
                waiting.extend(op for op in ops if op["r"] == rid)
                continue
            clocks = _compact(state["clocks"])
            row = {"id": row_id, "sync_clocks": clocks}
            if sqlite:  # values stay in the state; rows are grouped by which fields they carry
                inserts[frozenset(fields)].append(row)
            else:
                row.update({n: spec.decode[n](v) for n, v in fields.items() if n not in spec.children})
                inserts[frozenset(row)].append(row)
        elif changed[rid]:
            fields = {n: state["values"][n] for n in changed[rid]}
            row = {"_id": row_id, "v_sync_clocks": state["clocks"]}
            row.update({f"v_{n}": spec.decode[n](v) for n, v in fields.items() if n not in spec.children})
            updates[frozenset(row)].append(row)
        for name in spec.children:
            if name in changed[rid]:
                children[name][row_id] = state["values"][name]
        stats.touched[spec.name].add(row_id)
    if inserts and conn.dialect.name == "sqlite":
        _sqlite_inserts(conn, spec, states, inserts)
    else:
        for rows in inserts.values():
            conn.execute(insert(t), rows)
    for keys, rows in updates.items():
        cols = {k[2:]: bindparam(k) for k in keys if k != "_id"}
        conn.execute(update(t).where(t.c.id == bindparam("_id")).values(cols), rows)
    for name, by_row in children.items():
        model, fk, _fields = spec.children[name]
        ct = model.__table__
        ids_ = list(by_row)
        for i in range(0, len(ids_), IN_CHUNK):
            conn.execute(delete(ct).where(ct.c[fk].in_(ids_[i : i + IN_CHUNK])))
        # Child rows made by a UUID (their key is theirs) or by the database (an integer key).
        own_id = is_id(ct.c.id.type)
        rows = [
            {**({"id": new_id()} if own_id else {}), fk: rid, **child}
            for rid, items in by_row.items()
            for child in items
        ]
        cols = list(rows[0]) if rows else []
        if rows and sqlite and all(isinstance(ct.c[c].type, sa.String) or is_id(ct.c[c].type) for c in cols):
            # text and id columns only (a resident's ticked boxes): straight through the driver
            conn.exec_driver_sql(
                f"INSERT INTO {ct.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                [tuple(id_param(r[c]) if isinstance(r[c], uuid.UUID) else r[c] for c in cols) for r in rows],
            )
        elif rows:
            conn.execute(insert(ct), rows)
    for rid in deleted:
        row_id = uuid.UUID(rid)
        for model, fk, _ in spec.children.values():
            conn.execute(delete(model.__table__).where(model.__table__.c[fk] == row_id))
        conn.execute(delete(t).where(t.c.id == row_id))
    return waiting


def _sqlite_inserts(conn, spec: EntitySpec, states: dict, inserts: dict) -> None:
    """New rows straight through the driver: the op values are already what SQLite stores
    (``EntitySpec.sqlite`` converts the few that are not), so a 100k-change bundle does not
    pay SQLAlchemy's per-row bind processing."""
    t = spec.table
    for keys, rows in inserts.items():
        names = ["id", "sync_clocks", *sorted(k for k in keys if k not in spec.children)]
        convert = [spec.sqlite.get(n) for n in names[2:]]
        # Columns the op does not carry (derived ones) take their defaults, as Core would give.
        defaults = {
            c.name: c.default.arg
            for c in t.c
            if c.name not in names and c.default is not None and c.default.is_scalar
        }
        sql_names = [*names, *defaults]
        sql = f"INSERT INTO {t.name} ({', '.join(sql_names)}) VALUES ({', '.join('?' * len(sql_names))})"
        tail = tuple(defaults.values())
        params = []
        for row in rows:
            values = states[row["id"].hex]["values"]
            out = [id_param(row["id"]), json_text(row["sync_clocks"])]
            for n, fn in zip(names[2:], convert, strict=True):
                v = values.get(n)
                out.append(fn(v) if fn is not None else v)
            params.append((*out, *tail))
        conn.exec_driver_sql(sql, params)


def _compact(clocks: dict) -> dict:
    """A row made by one write stores one clock for all its fields."""
    if len(clocks) == 1:
        return clocks
    distinct = {tuple(c) for c in clocks.values()}
    if len(distinct) == 1:
        return {"_": list(distinct.pop())}
    return clocks


def _decode_op(op: dict) -> dict:
    if isinstance(op["d"], str):
        op["d"] = json.loads(op["d"])
    return op


def log_ops(session: Session, ops: list[dict]) -> None:
    """Keep received changes in the change log (to relay them, or to retry them later)."""
    if not ops:
        return
    conn = session.connection()
    if conn.dialect.name == "sqlite":  # through the driver: 100k rows without per-row binding
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO change_log (origin, seq, entity, row_id, hlc, scope, user_id, data, pending)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
            [
                (
                    id_param(op["o"]),
                    op["s"],
                    op["e"],
                    id_param(op["r"]),
                    op["h"],
                    op["c"],
                    id_param(op["u"]) if op.get("u") else None,
                    pack(
                        op["d"]
                        if isinstance(op["d"], str)
                        else json.dumps(op["d"], ensure_ascii=False, separators=(",", ":"))
                    ),
                )
                for op in ops
            ],
        )
        return
    rows = [
        {
            "origin": uuid.UUID(op["o"]),
            "seq": op["s"],
            "entity": op["e"],
            "row_id": uuid.UUID(op["r"]),
            "hlc": op["h"],
            "scope": op["c"],
            "user_id": uuid.UUID(op["u"]) if op.get("u") else None,
            # The origin wrote it with sorted keys: dumped again, it is the same text.
            "data": op["d"]
            if isinstance(op["d"], str)
            else json.dumps(op["d"], ensure_ascii=False, separators=(",", ":")),
            "pending": False,
        }
        for op in ops
    ]
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    conn.execute(dialect_insert(ChangeLog).on_conflict_do_nothing(), rows)


def apply_ops(session: Session, ops: list[dict], stats: ApplyStats) -> None:
    """Apply ops (already decoded, already known to be new here) in foreign-key order; ops
    whose row can't be made yet are marked pending in the change log."""
    by_entity: dict[str, list] = defaultdict(list)
    for op in ops:
        by_entity[op["e"]].append(_decode_op(op))
    conflicts: list = []
    waiting: list = []
    for name, spec in specs().items():
        if by_entity.get(name):
            waiting += _apply_entity(session, spec, by_entity[name], stats, conflicts)
    # Applied through the driver, around the ORM: tell the store what changed (pages refresh).
    note_changes(session, *(name for name, ids in stats.touched.items() if ids))
    if conflicts:
        note_changes(session, "sync_conflict")
        session.connection().execute(insert(SyncConflict), conflicts)
    if waiting:
        stats.pending += len(waiting)
        stats.applied -= len(waiting)
        log_ops(session, waiting)
        t = ChangeLog.__table__
        session.connection().execute(
            update(t).where(t.c.origin == bindparam("o"), t.c.seq == bindparam("s")).values(pending=True),
            [{"o": uuid.UUID(op["o"]), "s": op["s"]} for op in waiting],
        )


def retry_pending(
    session: Session, stats: ApplyStats, admit: Callable[[list[dict]], list[dict]] | None = None
) -> None:
    """Ops that waited for their row: apply those whose row can now be made.  ``admit``: the
    importer's check of who may make each change, now that its row's place is known; the ops it
    leaves out are dropped from the change log (never applied, never relayed)."""
    t = ChangeLog.__table__
    rows = session.connection().execute(select(t).where(t.c.pending.is_(True))).mappings().all()
    if not rows:
        return
    session.connection().execute(update(t).where(t.c.pending.is_(True)).values(pending=False))
    ops = [
        {
            "o": r["origin"].hex,
            "s": r["seq"],
            "e": r["entity"],
            "r": r["row_id"].hex,
            "h": r["hlc"],
            "c": r["scope"],
            "d": r["data"],
        }
        for r in rows
    ]
    if admit is not None:
        kept = admit(ops)
        if len(kept) < len(ops):
            ids = {id(op) for op in kept}
            session.connection().execute(
                delete(t).where(t.c.origin == bindparam("_o"), t.c.seq == bindparam("_s")),
                [{"_o": uuid.UUID(op["o"]), "_s": op["s"]} for op in ops if id(op) not in ids],
            )
            ops = kept
    before = stats.pending
    apply_ops(session, ops, stats)
    stats.applied -= len(ops) - (stats.pending - before)  # counted when first received
    stats.applied = max(stats.applied, 0)


# ------------------------------------------------------------------------ derived data


def refresh_derived(session: Session, stats: ApplyStats) -> None:
    """Recompute what is derived from the rows just applied, and list possible duplicates."""
    conn = session.connection()
    residents = list(stats.touched.get("resident", ()))
    for i in range(0, len(residents), IN_CHUNK):
        chunk = residents[i : i + IN_CHUNK]
        rows = conn.execute(select(Resident.id, Resident.name).where(Resident.id.in_(chunk))).all()
        if not rows:
            continue
        t = Resident.__table__
        conn.execute(
            update(t).where(t.c.id == bindparam("_id")).values(name_pinyin=bindparam("_p")),
            [{"_id": rid, "_p": sort_key(name)} for rid, name in rows],
        )
        conn.execute(delete(ResidentSearchKey).where(ResidentSearchKey.resident_id.in_([r[0] for r in rows])))
        keys = [k for rid, name in rows for k in search_key_rows(rid, name)]
        if keys:
            conn.execute(insert(ResidentSearchKey), keys)
    enrolments = set(stats.touched.get("program_enrolment", ()))
    visits = list(stats.touched.get("followup_visit", ()))
    for i in range(0, len(visits), IN_CHUNK):
        enrolments.update(
            conn.execute(
                select(FollowupVisit.enrolment_id)
                .where(FollowupVisit.id.in_(visits[i : i + IN_CHUNK]))
                .distinct()
            ).scalars()
        )
    if enrolments:
        followup.refresh_summaries(session, enrolments)
    smi_visits = stats.touched.get("smi_visit", ())
    if enrolments or smi_visits:  # 严重精神障碍: its summary comes from its own visits
        from app.services.programmes import smi

        smi.refresh_summaries(session, enrolments | smi.enrolments_of_visits(session, smi_visits))
    if residents:
        _find_duplicates(session, residents, stats)


def _find_duplicates(session: Session, resident_ids: list, stats: ApplyStats) -> None:
    """Residents just applied whose ID number another live record also has (two villages
    enrolled the same person): listed for review, never merged or dropped."""
    conn = session.connection()
    r, other = Resident.__table__.alias("r"), Resident.__table__.alias("o")
    found = []
    for i in range(0, len(resident_ids), IN_CHUNK):
        chunk = resident_ids[i : i + IN_CHUNK]
        found += conn.execute(
            select(r.c.id, other.c.id)
            .join(other, sa.and_(other.c.id_number == r.c.id_number, other.c.id != r.c.id))
            .where(
                r.c.id.in_(chunk),
                r.c.id_number.is_not(None),
                r.c.id_number != "",
                r.c.voided.is_(False),
                other.c.voided.is_(False),
            )
        ).all()
    if not found:
        return
    t = SyncConflict.__table__
    seen = {
        frozenset((a, b))
        for a, b in conn.execute(select(t.c.row_id, t.c.other_id).where(t.c.kind == "duplicate")).all()
    }
    rows = []
    for a, b in found:
        if frozenset((a, b)) in seen:
            continue
        seen.add(frozenset((a, b)))
        rows.append({"id": new_id(), "kind": "duplicate", "entity": "resident", "row_id": a, "other_id": b})
    if rows:
        conn.execute(insert(t), rows)
        stats.duplicates += len(rows)
