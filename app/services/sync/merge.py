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
from collections.abc import Callable, Collection
from contextlib import nullcontext
from dataclasses import dataclass, field
from operator import itemgetter

import sqlalchemy as sa
from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from app import search_index
from app.db import note_changes, point_lookups
from app.models import (
    ChangeLog,
    OriginMark,
    ProgramEnrolment,
    Resident,
    ResidentSearchKey,
    SyncConflict,
    new_id,
)
from app.models.base import Day, Timestamp, id_hex, id_param, ids_in, is_id, is_json, new_id_hexes
from app.models.packing import pack
from app.services.programmes import followup
from app.services.records.pinyin_keys import sort_key
from app.services.records.residents import search_key_rows
from app.services.store_copy import copy_rows
from app.services.sync import capture
from app.services.sync.capture import BOOKKEEPING, DELETED, EntitySpec, dumps, provisional, specs

CHUNK = 5000
IN_CHUNK = 500
# What an SQLite connection applies a bundle under (the import's transaction, and the bench's
# baseline of it): parents and children in any order; and 64 MB of page cache instead of SQLite's
# 2 MB, as a big bundle touches every index of the store (measured: 100k changes, 20 s -> 13 s).
SQLITE_BULK_PRAGMAS = ("PRAGMA defer_foreign_keys=ON", "PRAGMA cache_size=-65536")
_CLOCK = itemgetter("h")
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
    settled: int = 0  # open conflicts the township's decisions closed (conflicts.close_decided)
    max_clock: str = ""
    touched: dict[str, set] = field(default_factory=lambda: defaultdict(set))  # entity -> row ids (hex)
    names: dict[str, str] = field(default_factory=dict)  # resident (hex) -> its name, if written here
    derived_on_insert: set = field(default_factory=set)  # rows (hex) inserted with DERIVED_ON_INSERT
    visit_enrolments: set = field(default_factory=set)  # enrolments (hex) of the visits touched
    poverty_changed: set = field(
        default_factory=set
    )  # stored residents (hex) whose poverty_registered changed


# --------------------------------------------------------------------------- holdings


# A village restored from a backup lacks its own changes made after the backup that reached its
# township: its mark of its own origin says so (backup.py), with every change from its new numbers
# on held (``[floor, OWN_REST]``), until the township has sent the lost ones back.
OWN_REST = 2**62


class Holdings:
    """Which (origin, seq) this device already holds: its own (all of them, unless a restore left
    a mark of its own origin: :data:`OWN_REST`), and each origin's high-water mark plus the ranges
    received beyond it."""

    def __init__(self, session: Session, me: uuid.UUID):
        self.me = me
        self.marks = {m.origin: m for m in session.scalars(select(OriginMark))}
        self.session = session

    def has(self, origin: uuid.UUID, seq: int) -> bool:
        if origin == self.me and origin not in self.marks:
            return True
        if seq <= 0:  # a row's state in a replacement PC's first bundle (snapshot.py), not a change
            return False
        mark = self.marks.get(origin)
        if mark is None:
            return False
        return seq <= mark.hw or any(lo < seq <= hi for lo, hi in mark.ranges)

    def add_range(self, origin: uuid.UUID, lo: int, hi: int) -> None:
        """Record that every change of ``origin`` in (lo, hi] that concerns us is here."""
        if hi <= lo or (origin == self.me and origin not in self.marks):
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
        if origin == self.me and hw >= OWN_REST:  # what the restore lost is back: all held again
            self.session.delete(mark)
            del self.marks[origin]

    def high_water(self) -> dict[uuid.UUID, int]:
        """Each other origin's mark (this device's own number is its sequence: exchange.holdings)."""
        return {o: m.hw for o, m in self.marks.items() if o != self.me}

    def own_whole(self) -> None:
        """This device holds all of its own changes there are to hold (a snapshot of its records
        came): a restore's mark of what it lacked is gone."""
        mark = self.marks.pop(self.me, None)
        if mark is not None:
            self.session.delete(mark)

    def own_held(self) -> int | None:
        """The last of this device's own changes it holds with none missing before it, when a
        restore left some missing (else None: it holds all it ever made)."""
        mark = self.marks.get(self.me)
        return mark.hw if mark is not None else None


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


def _present(conn, spec: EntitySpec, ids: list[str]) -> set[str]:
    """Which of these rows (hex ids) this store holds; on SQLite straight through the driver."""
    t = spec.table
    if conn.dialect.name != "sqlite":
        return set(ids)  # loaded below all the same
    out: set[str] = set()
    for i in range(0, len(ids), IN_CHUNK):
        chunk = ids[i : i + IN_CHUNK]
        sql = f"SELECT id FROM {t.name} WHERE id IN ({', '.join('?' * len(chunk))})"
        out.update(id_hex(r[0]) for r in conn.exec_driver_sql(sql, tuple(id_param(x) for x in chunk)))
    return out


def _apply_entity(
    session: Session, spec: EntitySpec, ops: list[dict], stats: ApplyStats, conflicts: list
) -> list:
    """Apply one entity's ops; returns the ops that must wait (row not made yet)."""
    conn = session.connection()
    sqlite = conn.dialect.name == "sqlite"
    t = spec.table
    present = _present(conn, spec, list({op["r"] for op in ops}))
    existing: dict = {}
    ids = sorted(present)
    for i in range(0, len(ids), IN_CHUNK):
        chunk = [uuid.UUID(x) for x in ids[i : i + IN_CHUNK]]
        for row in conn.execute(select(t).where(ids_in(t.c.id, chunk, conn.dialect.name))).mappings():
            existing[row["id"].hex] = _row_state(spec, row)
    # rows whose making change keeps no payload (capture.made_by): kept before they are written
    made = {rid: clock for rid, state in existing.items() if (clock := capture.made_by(state["clocks"]))}
    states: dict[str, dict] = {}
    changed: dict[str, set] = defaultdict(set)
    deleted: set = set()
    encode = spec.encode
    applied, max_clock = 0, stats.max_clock
    owned_elsewhere = set(provisional(session, spec, spec.column_writers))  # columns we may not write
    for op in sorted(ops, key=_CLOCK):
        rid, clock, data = op["r"], op["h"], op["d"]
        values, bases = data["v"], data["b"]
        if DELETED in values:
            state = states.get(rid) or existing.get(rid)
            if state is not None and any(pair[0] > clock for pair in state["clocks"].values()):
                continue  # a deletion older than the row's last write loses to it
            deleted.add(rid)
            continue
        state = states.get(rid) or existing.get(rid)
        if state is None and bases == "":
            # Fast path (most of a first bundle): a row made by this op and unknown here.  Its
            # values are the op's own (fields this version does not have are left out below,
            # once for every row carrying the same fields).
            states[rid] = {"values": values, "clocks": {"_": [clock, ""]}, "new": True, "fast": True}
            applied += 1
            if clock > max_clock:
                max_clock = clock
            continue
        new_row = state is None or state.get("new", False)
        if state is None:
            state = {"values": {}, "clocks": {}, "new": True}
        states[rid] = state
        if state.pop("fast", False):  # a row the fast path made, written again
            state["values"] = {n: v for n, v in state["values"].items() if n in encode}
            changed[rid] = set(state["values"])
        for name, value in values.items():
            if name not in encode:
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
                if (
                    cur_clock
                    and not capture.has_seen(clock, base, cur_clock)
                    and current != value
                    and name not in QUIET
                ):
                    conflicts.append(_conflict(stats, spec, rid, name, value, clock, current, cur_clock))
                state["values"][name] = value
                state["clocks"][name] = [clock, base]
                changed[rid].add(name)
            elif current != value and not capture.has_seen(cur_clock, cur_base, clock) and name not in QUIET:
                conflicts.append(_conflict(stats, spec, rid, name, current, cur_clock, value, clock))
        applied += 1
        max_clock = max(max_clock, clock)
    stats.applied += applied
    stats.max_clock = max_clock
    # Inserts: rows made by these ops, grouped by the fields they carry; a group without every
    # required field waits (its rows can't exist yet).
    inserts: dict[tuple, list] = defaultdict(list)
    updates: dict[frozenset, list] = defaultdict(list)
    children: dict[str, dict] = defaultdict(dict)
    waiting_rows: set = set()
    touched = stats.touched[spec.name]
    names_of = stats.names if spec.name == "resident" else None
    shapes: dict[tuple, tuple] = {}  # fields an op carries -> (those this version has, all required)
    for rid, state in states.items():
        if "fast" in state:
            fields = tuple(state["values"])
            shape = shapes.get(fields)
            if shape is None:
                known = tuple(n for n in fields if n in encode)
                shape = shapes[fields] = (known, all(n in known for n in spec.required))
            if len(shape[0]) < len(fields):
                state["values"] = {n: state["values"][n] for n in shape[0]}
            changed[rid] = state["values"].keys()
            if not shape[1]:
                waiting_rows.add(rid)
                continue
            inserts[shape[0]].append(rid)
        elif state.get("new"):
            fields = tuple(state["values"])
            if not all(n in state["values"] for n in spec.required):
                waiting_rows.add(rid)
                continue
            inserts[fields].append(rid)
        elif changed[rid]:
            row_id = uuid.UUID(rid)
            fields = {n: state["values"][n] for n in changed[rid]}
            row = {"_id": row_id, "v_sync_clocks": state["clocks"]}
            row.update({f"v_{n}": spec.decode[n](v) for n, v in fields.items() if n not in spec.children})
            updates[frozenset(row)].append(row)
        for name in spec.children:
            if name in changed[rid]:
                children[name][rid] = state["values"][name]
        if names_of is not None and "name" in changed[rid]:
            names_of[rid] = state["values"]["name"]
        if names_of is not None and "poverty_registered" in changed[rid] and not state.get("new"):
            stats.poverty_changed.add(rid)  # (a new row's enrolments are new rows too: refreshed)
        touched.add(rid)
    if spec.name == "followup_visit":  # their enrolments' summaries are refreshed afterwards
        stats.visit_enrolments.update(
            e
            for rid, state in states.items()
            if rid in touched and (e := state["values"].get("enrolment_id"))
        )
    if made:
        rewritten = {
            uuid.UUID(rid): clock for rid, clock in made.items() if changed.get(rid) or rid in deleted
        }
        capture.keep_creations(conn, spec, rewritten)
    if inserts:
        if sqlite:
            _sqlite_inserts(conn, spec, states, inserts, stats)
        else:
            _copy_inserts(conn, spec, states, inserts, stats)
    for keys, rows in updates.items():
        cols = {k[2:]: bindparam(k) for k in keys if k != "_id"}
        conn.execute(update(t).where(t.c.id == bindparam("_id")).values(cols), rows)
    for name, by_row in children.items():
        # the rows stored before these ops (``present`` is every row on PostgreSQL)
        _write_children(conn, spec, name, by_row, existing.keys())
    for rid in deleted:
        row_id = uuid.UUID(rid)
        for model, fk, _ in spec.children.values():
            conn.execute(delete(model.__table__).where(model.__table__.c[fk] == row_id))
        conn.execute(delete(t).where(t.c.id == row_id))
    return [op for op in ops if op["r"] in waiting_rows] if waiting_rows else []


def _write_children(
    conn, spec: EntitySpec, name: str, by_row: dict[str, list], present: Collection[str]
) -> None:
    """A child collection's rows, replaced whole for each parent (hex id) in ``by_row``: each
    child's own fields only (a field this version does not have is ignored, as for rows)."""
    model, fk, fields = spec.children[name]
    ct = model.__table__
    old = [rid for rid in by_row if rid in present]  # a row made just now has no children yet
    for i in range(0, len(old), IN_CHUNK):
        conn.execute(delete(ct).where(ids_in(ct.c[fk], old[i : i + IN_CHUNK], conn.dialect.name)))
    pick = lambda c: tuple(map(c.get, fields))  # noqa: E731 - a field a row does not carry: NULL
    count = sum(len(items) for items in by_row.values())
    if not count:
        return
    # a child row keyed by an id of its own, or by a random integer (ticked boxes)
    own_id = is_id(ct.c.id.type)
    if own_id:
        ids = iter(new_id_hexes(count))
    else:
        key = ct.c.id.default.arg
        ids = iter([key(None) for _ in range(count)])
    if conn.dialect.name != "sqlite":  # by COPY (see _copy_inserts)
        rows = ((next(ids), rid, *pick(child)) for rid, items in by_row.items() for child in items)
        columns = [ct.c.id, ct.c[fk], *(ct.c[f] for f in fields)]
        with conn.connection.driver_connection.cursor() as cursor:
            copy_rows(cursor, ct, columns, rows, conn.dialect, as_text={"id", fk} if own_id else {fk})
        return
    # straight through the driver, each value as its column stores it
    id_of = capture.sqlite_param(ct.c.id) or (lambda v: v)
    parent_of = capture.sqlite_param(ct.c[fk]) or (lambda v: v)
    convert = [(i, fn) for i, f in enumerate(fields) if (fn := capture.sqlite_param(ct.c[f])) is not None]
    params = []
    for rid, items in by_row.items():
        parent = parent_of(rid)
        for child in items:
            values = pick(child)
            if convert:
                values = list(values)
                for i, fn in convert:
                    values[i] = fn(values[i])
            params.append((id_of(next(ids)), parent, *values))
    cols = ["id", fk, *fields]
    conn.exec_driver_sql(
        f"INSERT INTO {ct.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", params
    )


class _Memo(dict):
    """``fn``'s answers by value: a value seen before is a dictionary lookup (in C, when used as
    ``memo.__getitem__``), only a new one calls ``fn``."""

    __slots__ = ("fn",)

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, value):
        out = self[value] = self.fn(value)
        return out


def _fast(fn, column: sa.Column):
    """The converter ``fn`` of ``column``, remembering its answers where values repeat across a
    bundle's rows: ids (the resident a visit is of, who wrote it), and JSON lists of codes (the
    symptoms ticked).  Each distinct value is converted by ``fn`` once."""
    if is_id(column.type) or isinstance(column.type, (Timestamp, Day)):  # (rows share moments and days too)
        return _Memo(fn).__getitem__
    if is_json(column.type):
        seen: dict = {}

        def convert_json(value):
            if value is None or (type(value) is list and all(type(v) is str for v in value)):
                key = value if value is None else tuple(value)  # (strings only: 1 == 1.0 == True)
                out = seen.get(key)
                if out is None:
                    out = seen[key] = fn(value)
                return out
            return fn(value)

        return convert_json
    return fn


def _scalar_defaults(t: sa.Table, given: set[str]) -> dict[str, object]:
    """The scalar defaults of the columns not in ``given``: what Core's INSERT would fill in for
    rows written around it (straight through the driver, or by COPY)."""
    return {
        c.name: c.default.arg
        for c in t.c
        if c.name not in given and c.default is not None and c.default.is_scalar
    }


def _copy_inserts(conn, spec: EntitySpec, states: dict, inserts: dict, stats: ApplyStats) -> None:
    """PostgreSQL: new rows by ``COPY … FROM STDIN`` (store_copy.copy_rows: ids as the hex text
    they travel as, other values through their column's type), not INSERTs: a 100k-change
    bundle's rows in a fraction of the time."""
    with conn.connection.driver_connection.cursor() as cursor:
        for keys, rids in inserts.items():
            _copy_shape(cursor, conn.dialect, spec, states, keys, rids, stats)


def _copy_shape(cursor, dialect, spec: EntitySpec, states: dict, keys, rids, stats: ApplyStats) -> None:
    """The new rows ``rids``, which carry the fields ``keys``, by COPY (:func:`_copy_inserts`)."""
    t = spec.table
    fields = [k for k in keys if k not in spec.children]
    derived = {c: d for c, d in DERIVED_ON_INSERT.get(spec.name, {}).items() if d[0] in fields}
    defaults = _scalar_defaults(t, {"id", "sync_clocks", *fields, *derived})
    columns = [t.c.id, t.c.sync_clocks, *(t.c[n] for n in (*fields, *derived, *defaults))]
    ids = {"id", *(f for f in fields if is_id(t.c[f].type))}  # as hex text (copy_rows)
    decode = [(i, spec.decode[f]) for i, f in enumerate(fields) if f not in ids]
    make = [(fields.index(source), fn) for source, fn in derived.values()]
    tail = tuple(defaults.values())
    pick = itemgetter(*fields) if len(fields) > 1 else (lambda values, f=fields[0]: (values[f],))

    def rows():
        for rid in rids:
            state = states[rid]
            values = list(pick(state["values"]))
            made = [fn(values[i]) for i, fn in make]
            for i, fn in decode:
                values[i] = fn(values[i])
            yield (rid, _compact(state["clocks"]), *values, *made, *tail)

    copy_rows(cursor, t, columns, rows(), dialect, as_text=ids)
    if derived:
        stats.derived_on_insert.update(rids)


# Derived columns a new row gets as it is inserted (instead of an UPDATE afterwards):
# entity -> {column: (field it derives from, fn(value))}.
DERIVED_ON_INSERT = {"resident": {"name_pinyin": ("name", sort_key)}}


def _sqlite_inserts(conn, spec: EntitySpec, states: dict, inserts: dict, stats: ApplyStats) -> None:
    """New rows straight through the driver: the op values are already what SQLite stores
    (``EntitySpec.sqlite`` converts the few that are not), so a 100k-change bundle does not
    pay SQLAlchemy's per-row bind processing.  Rows carrying the same fields share one
    statement, and their values are picked out of each op in one C call."""
    t = spec.table
    clocks_param = capture.sqlite_param(t.c.sync_clocks)
    one_clock: dict[str, object] = {}  # clock -> its stored text: a batch of rows shares one clock
    derived_all = DERIVED_ON_INSERT.get(spec.name, {})
    for keys, rids in inserts.items():
        fields = [k for k in keys if k not in spec.children]
        derived = {c: d for c, d in derived_all.items() if d[0] in fields}
        # Columns the op does not carry (derived ones) take their defaults, as Core would give.
        defaults = _scalar_defaults(t, {"id", "sync_clocks", *fields, *derived})
        sql_names = ["id", "sync_clocks", *fields, *derived, *defaults]
        sql = f"INSERT INTO {t.name} ({', '.join(sql_names)}) VALUES ({', '.join('?' * len(sql_names))})"
        tail = tuple(defaults.values())
        pick = itemgetter(*fields) if len(fields) > 1 else (lambda v, f=fields: tuple(v[n] for n in f))
        convert = [
            (i, _fast(fn, t.c[n])) for i, n in enumerate(fields) if (fn := spec.sqlite.get(n)) is not None
        ]
        if not rids:
            continue
        # Column by column: each converter runs over a whole column (a lookup in C for the
        # values seen before), and the rows are put together again in one zip.
        columns = list(zip(*(pick(states[rid]["values"]) for rid in rids), strict=True))
        made = [list(map(fn, columns[fields.index(src)])) for src, fn in derived.values()]
        for i, fn in convert:
            columns[i] = list(map(fn, columns[i]))

        def clock_text(rid: str):
            clocks = states[rid]["clocks"]
            if len(clocks) == 1 and (only := clocks.get("_")) is not None and only[1] == "":
                text = one_clock.get(only[0])
                if text is None:
                    text = one_clock[only[0]] = clocks_param(clocks)
                return text
            return clocks_param(_compact(clocks))

        ids, texts = list(map(id_param, rids)), list(map(clock_text, rids))
        params = list(zip(ids, texts, *columns, *made, *([v] * len(rids) for v in tail), strict=True))
        with search_index.bulk_insert(conn) if spec.name == "resident" else nullcontext():
            conn.exec_driver_sql(sql, params)
        if derived:
            stats.derived_on_insert.update(rids)


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
        entity = ChangeLog.__table__.c.entity.type.words.param  # (as the Word type stores it)
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO change_log (origin, seq, entity, row_id, hlc, scope, user_id, data, pending)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
            [
                (
                    id_param(op["o"]),
                    op["s"],
                    entity(op["e"]),
                    id_param(op["r"]),
                    bytes.fromhex(op["h"]),  # (as the Clock type stores it)
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
    sqlite = conn.dialect.name == "sqlite"
    # Pinyin of the names written here: a new row got its sort key as it was inserted; every
    # written name gets its search keys (none existed for a new row).
    t, kt = Resident.__table__, ResidentSearchKey.__table__
    written = list(stats.names.items())
    for i in range(0, len(written), IN_CHUNK):
        chunk = written[i : i + IN_CHUNK]
        again = [(rid, name) for rid, name in chunk if rid not in stats.derived_on_insert]
        if again:
            conn.execute(
                update(t).where(t.c.id == bindparam("_id")).values(name_pinyin=bindparam("_p")),
                [{"_id": uuid.UUID(rid), "_p": sort_key(name)} for rid, name in again],
            )
            conn.execute(
                delete(kt).where(ids_in(kt.c.resident_id, [rid for rid, _ in again], conn.dialect.name))
            )
        keys = [k for rid, name in chunk for k in search_key_rows(rid, name)]
        if keys and sqlite:
            conn.exec_driver_sql(
                'INSERT INTO resident_search_key (resident_id, "key") VALUES (?, ?)',
                [(id_param(k["resident_id"]), k["key"]) for k in keys],
            )
        elif keys:
            with conn.connection.driver_connection.cursor() as cursor:
                copy_rows(
                    cursor,
                    kt,
                    [kt.c.resident_id, kt.c.key],
                    ((k["resident_id"], k["key"]) for k in keys),
                    conn.dialect,
                    as_text={"resident_id"},
                )
    enrolments = {
        uuid.UUID(x) for x in (*stats.touched.get("program_enrolment", ()), *stats.visit_enrolments)
    }
    poor = [uuid.UUID(x) for x in stats.poverty_changed]
    for i in range(0, len(poor), IN_CHUNK):  # monthly follow-ups of a poor household (followup._next_due)
        enrolments.update(
            session.scalars(
                select(ProgramEnrolment.id).where(
                    ProgramEnrolment.resident_id.in_(poor[i : i + IN_CHUNK]),
                    ProgramEnrolment.program.in_(followup.PROGRAMS),
                )
            )
        )
    if enrolments:
        followup.refresh_summaries(session, enrolments)
    smi_visits = [uuid.UUID(x) for x in stats.touched.get("smi_visit", ())]
    if enrolments or smi_visits:  # 严重精神障碍: its summary comes from its own visits
        from app.services.programmes import smi

        smi.refresh_summaries(session, enrolments | smi.enrolments_of_visits(session, smi_visits))
    residents = [uuid.UUID(x) for x in stats.touched.get("resident", ())]
    if residents:
        _find_duplicates(session, residents, stats)


def _find_duplicates(session: Session, resident_ids: list, stats: ApplyStats) -> None:
    """Residents just applied whose ID number another live record also has (two villages
    enrolled the same person): listed for review, never merged or dropped."""
    conn = session.connection()
    r, other = Resident.__table__.alias("r"), Resident.__table__.alias("o")
    found = []
    with point_lookups(conn):  # by the ID number's btree, never its trigram index
        for i in range(0, len(resident_ids), IN_CHUNK):
            found += conn.execute(
                select(r.c.id, other.c.id)
                .join(other, sa.and_(other.c.id_number == r.c.id_number, other.c.id != r.c.id))
                .where(
                    r.c.id.in_(resident_ids[i : i + IN_CHUNK]),
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
