"""The audit trail: every create, update, void, print, export, import, login, failed login and
refusal, with user, device, time, entity and a summary.  Append-only; synced to the township.

Changes to synced records are audited by the sync capture hook in the same flush as the change
(one entry per changed record); this module records everything else.

The hash chain
--------------
Triggers keep the trail append-only, but whoever can open the file can drop them.  So each
device's entries are also chained: an entry stores its number on its device (``chain_seq``: 1, 2,
3 …), the hash of the device's entry before it (``chain_prev``, "" for the first) and
``chain_hash`` = SHA-256 of its content and those two (:func:`chain_hash`).  The store keeps the
last link it wrote for each device (setting ``audit.chain.<device>``); updating that row first is
also the lock that keeps two writers from taking the same number.

Entries are chained where they are written:
- one by one (:func:`record`, :func:`record_now`, the capture hook's entries): at flush, by itself;
- in bulk (``session.execute(insert(AuditEntry), rows)``, as ``sync.bulk`` does for the demo): the
  writer calls :func:`chain_rows` on the row dicts first (no hook on every statement: that would
  slow every query of the app);
- a writer that inserted around the session calls :func:`chain_inserted` after its insert and before
  ``capture.log_inserted``.
Entries that arrive by sync keep their origin's links (the merge writes them with Core), and
:func:`verify_chains` (``cunyi check``) checks every device's chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

from sqlalchemy import bindparam, event, func, select, text, update
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import AuditEntry, Peer, Profile, Setting, new_id, utcnow
from app.models.base import as_uuid
from app.services.access.actor import actor
from app.services.errors import Message, UserError

log = logging.getLogger(__name__)
ACTIONS = (
    "create",
    "update",
    "void",
    "delete",
    "print",
    "read",  # a sensitive record was read (严重精神障碍)
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
    "review",  # a township decision on a review item (审核)
    "user_permissions",
)


def update_summary(record: str, columns: Iterable[str]) -> str:
    """An update's summary as the capture hook writes it: the record's words, then the columns it
    changed (``罗有才 11010500110100001: current_address, phone``); read back by :func:`updated_columns`."""
    return f"{record}: {', '.join(sorted(columns))}"


_UPDATE = re.compile(r"(.*): ([a-z][a-z0-9_]*(?:, [a-z][a-z0-9_]*)*)", re.S)


def updated_columns(summary: str) -> tuple[str, list[str]] | None:
    """The record's words and the columns of an :func:`update_summary`, or None for another summary."""
    m = _UPDATE.fullmatch(summary)
    return (m.group(1), m.group(2).split(", ")) if m else None


def exported(session: Session, entity: str, what, path) -> None:
    """A file for people written (a list, a report, its PDF) in the audit trail: what it holds and
    the file's name.  In a transaction of its own (:func:`record_now`): exports read, never write.
    Where the store takes no entry (:func:`require_trail`), the file is removed and the export
    refused: no export without its trace."""
    try:
        record_now(session, "export", entity, None, f"{what} → {Path(path).name}")
    except Untraceable:
        Path(path).unlink(missing_ok=True)
        raise


def bundle_summary(peer: str, ops: int, file_name: str, *, snapshot: bool = False) -> str:
    """A bundle export's summary: to whom, how many changes, the file (``110105001 朝阳乡: 48 → ….cyb``;
    a snapshot's ``…: snapshot 48 → …``); read back by :func:`bundle_sent`."""
    return f"{peer}: {'snapshot ' if snapshot else ''}{ops} → {file_name}"


_BUNDLE = re.compile(r"(.*): (snapshot )?([0-9]+) → .*", re.S)


def bundle_sent(summary: str) -> tuple[str, bool, int] | None:
    """(peer, snapshot?, changes) of a :func:`bundle_summary`, or None for another summary."""
    m = _BUNDLE.fullmatch(summary)
    return (m.group(1), bool(m.group(2)), int(m.group(3))) if m else None


def decision_summary(item_key: str, decision: str) -> str:
    """A review decision's summary (审核): the item's key (kind first) and the decision; read back
    by :func:`decided`."""
    return f"{item_key}: {decision}"


_DECIDED = re.compile(r"([a-z]+):.*: ([a-z_]+)", re.S)


def resolve_summary(field: str | None, choice: str) -> str:
    """A sync conflict's resolution (处理冲突): the field and the choice; read back by
    :func:`resolved`."""
    return f"{field}: {choice}"


def resolved(summary: str) -> tuple[str, str] | None:
    """(field, choice) of a :func:`resolve_summary`, or None for another summary."""
    m = re.fullmatch(r"([a-z_0-9]+): (kept|lost)", summary)
    return (m.group(1), m.group(2)) if m else None


def decided(summary: str) -> tuple[str, str] | None:
    """(item kind, decision) of a :func:`decision_summary`, or None for another summary."""
    m = _DECIDED.fullmatch(summary)
    return (m.group(1), m.group(2)) if m else None


def _device(session: Session):
    cached = session.info.get("audit_device")
    if cached is None:
        with session.no_autoflush:
            row = session.execute(select(Profile.device_id, Profile.code).where(Profile.id == 1)).first()
        cached = session.info["audit_device"] = tuple(row) if row else (None, "")
    return cached


# what may not reach a line of text from outside as it is: line breaks, terminal escapes, direction
# overrides (the trail shows them escaped; a server's words reach the screen without them)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def one_line(text: str) -> str:
    """``text`` with control characters (line breaks, terminal escapes, direction overrides) shown
    as ``\\xNN`` / ``\\uNNNN``: what anyone can type (a failed login's user name) must not make a line
    of the trail read as another entry, or colour a terminal."""
    return CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def _make(
    session: Session, action: str, entity, entity_id, summary, *, username=None, scope=None
) -> AuditEntry:
    who = actor(session)
    device, code = _device(session)
    return AuditEntry(
        id=new_id(),
        at=utcnow(),
        user_id=who.id,
        username=one_line(username or who.username),
        device_id=device,
        action=action,
        entity=entity,
        entity_id=entity_id.hex if isinstance(entity_id, uuid.UUID) else _text(entity_id),
        summary=one_line(str(summary or ""))[:1000],
        scope_code=scope or code,
    )


def entry(
    session: Session, action: str, entity, entity_id, summary, *, username=None, scope=None
) -> AuditEntry:
    """A new entry for ``session`` to add.  Made during a flush (the capture hook's entries, which
    the hook logs for sync at once), it takes its place in the chain now; otherwise at flush."""
    e = _make(session, action, entity, entity_id, summary, username=username, scope=scope)
    if getattr(session, "_flushing", False):
        _chain(session, [e], session.info.setdefault(_FLUSH_HEADS, {}))
    return e


def record(
    session: Session, action: str, entity=None, entity_id=None, summary=None, *, username=None, scope=None
) -> None:
    """Audit inside the caller's transaction (it commits with the work it describes)."""
    session.add(entry(session, action, entity, entity_id, summary, username=username, scope=scope))


def record_now(
    session: Session, action: str, entity=None, entity_id=None, summary=None, *, username=None, scope=None
) -> None:
    """Audit in a transaction of its own, for events whose own unit of work has nothing else to
    commit or is about to roll back (a print, a refusal).  The entry is written right after the
    caller's transaction ends, either way, so it never waits on the write lock that transaction
    may hold (SQLite has one writer)."""
    if action in TRACED:
        require_trail(session)
    e = _make(session, action, entity, entity_id, summary, username=username, scope=scope)
    if session.in_transaction():
        session.info.setdefault(_AFTER_END, []).append(e)
    else:
        _write_own(
            session.get_bind(), type(session), session.info.get("actor"), [e], session.info.get("store")
        )


_AFTER_END = "audit_after_transaction"

# What is done only with its trace: a print, an export, a read of a sensitive record.  (The entry
# is written after the caller's transaction; a failure then is logged, never raised into a refusal
# or a crash: what :func:`require_trail` rules out beforehand is a store that takes no entry at all.)
TRACED = frozenset(("print", "export", "read"))


class Untraceable(UserError):
    """This store takes no audit entry (a database account that may only read): what must leave a
    trace is not done."""


def require_trail(session: Session) -> None:
    """Raise :class:`Untraceable` where the store cannot take an audit entry: on a database server,
    an account that may not write the tables an entry is written to (the trail, the chain's head,
    the change log and its clock), or a read-only server (a standby).  A SQLite store that cannot
    be written fails at its opening."""
    if session.get_bind().dialect.name != "postgresql":
        return
    from app.models import ChangeLog, SyncState

    wanted = [
        (AuditEntry.__table__.name, "INSERT"),
        (ChangeLog.__table__.name, "INSERT"),
        (Setting.__table__.name, "INSERT"),
        (Setting.__table__.name, "UPDATE"),  # (one check of "INSERT, UPDATE" holds with either)
        (SyncState.__table__.name, "UPDATE"),
    ]
    checks = " AND ".join(f"has_table_privilege(:t{i}, :p{i})" for i in range(len(wanted)))
    params = {k: v for i, (t, p) in enumerate(wanted) for k, v in ((f"t{i}", t), (f"p{i}", p))}
    writable = (
        session.connection()
        .execute(text(f"SELECT current_setting('transaction_read_only') = 'off' AND {checks}"), params)
        .scalar()
    )
    if not writable:
        raise Untraceable(
            Message(
                "Audit",
                QT_TRANSLATE_NOOP(
                    "Audit",
                    "数据库服务器不允许这个数据库账户写入（只读账户或只读服务器）。打印、导出和查看严重精神障碍记录"
                    "都要记入审计日志，因此未进行。请在数据库地址中使用有写入权限的账户",
                ),
                {},
            )
        )


def _write_own(bind, session_class, who, entries: list[AuditEntry], store=None) -> None:
    try:  # a session of the same class: the store's hooks chain the entries and log them to sync
        with session_class(bind=bind) as own, own.begin():
            if bind.dialect.name == "sqlite":  # a writer's transaction, as the store's (app.db imports us)
                from app.db import WRITER

                own.connection(execution_options={WRITER: True})
            own.info["actor"], own.info["store"] = who, store
            own.add_all(entries)
    except Exception:  # the audit must never turn a refusal into a crash
        log.exception("could not write audit entries %s", [(e.action, e.summary) for e in entries])


def _write_deferred(session: Session, transaction) -> None:
    if transaction.parent is not None:  # a nested transaction: the outer one still holds the lock
        return
    entries = session.info.pop(_AFTER_END, None)
    if entries:
        _write_own(
            session.get_bind(), type(session), session.info.get("actor"), entries, session.info.get("store")
        )


# ---------------------------------------------------------------------------- the chain

CHAIN_VERSION = 1
CONTENT = (
    "id",
    "at",
    "user_id",
    "username",
    "device_id",
    "action",
    "entity",
    "entity_id",
    "summary",
    "scope_code",
)
UUIDS = frozenset({"id", "user_id", "device_id"})
HEAD_PREFIX = "audit.chain."  # setting: the last link this store wrote for a device, "seq hash"
_FLUSH_HEADS = "audit_chain_heads"  # session.info: the heads read under lock during this flush


def _text(value) -> str | None:
    return None if value is None else str(value)


def _canonical(name: str, value):
    """A content value as stored and read back, whatever form the writer held it in."""
    if value is None:
        return None
    if name in UUIDS:
        return as_uuid(value).hex  # a UUID, its text, or the 16 bytes stored
    if name == "at":
        if not isinstance(value, dt.datetime):
            value = dt.datetime.fromisoformat(str(value))
        return value.isoformat(sep=" ", timespec="microseconds")
    return str(value)


def chain_hash(values: Mapping) -> str:
    """SHA-256 (hex) of an entry's content, its number and the hash of the entry before it."""
    doc = [CHAIN_VERSION, *(_canonical(n, values.get(n)) for n in CONTENT)]
    doc += [int(values["chain_seq"]), values["chain_prev"] or ""]
    return hashlib.sha256(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


def entry_problem(values: Mapping) -> str | None:
    """Why an entry as it travels (``values`` with its ``id``) cannot be what its device wrote:
    its hash does not match its content (the field named), or its content does not read.  None
    when it holds together, or when it carries no link (an entry from before the chain)."""
    if values.get("chain_hash") is None and values.get("chain_seq") is None:
        return None
    try:
        made = chain_hash(values)
    except (TypeError, ValueError, KeyError, AttributeError):
        return "chain_seq"
    return None if made == values.get("chain_hash") else "chain_hash"


def head_key(device: uuid.UUID | None) -> str:
    return HEAD_PREFIX + (device.hex if device else "-")


def _device_of_key(key: str) -> uuid.UUID | None:
    tail = key[len(HEAD_PREFIX) :]
    return None if tail == "-" else uuid.UUID(tail)


def _parse_head(value: str) -> list:
    seq, _, digest = value.partition(" ")
    return [int(seq), digest, False]


def _lock_head(session: Session, key: str) -> list:
    """A device's head ``[seq, hash, dirty]``, read after taking the write lock on it (SQLite:
    the database's; PostgreSQL: the row's), which is held until the transaction ends.  A store
    with no head yet for the device (new, or upgraded: the migration chains old entries but adds
    no rows) starts it from the device's newest chained entry."""
    conn = session.connection()
    t = Setting.__table__
    touch = update(t).where(t.c.key == key).values(value=t.c.value)
    if conn.execute(touch).rowcount == 0:
        a = AuditEntry.__table__
        device = _device_of_key(key)
        newest = conn.execute(
            select(a.c.chain_seq, a.c.chain_hash)
            .where(a.c.device_id.is_(None) if device is None else a.c.device_id == device)
            .where(a.c.chain_seq.is_not(None), a.c.chain_hash.is_not(None))
            .order_by(a.c.chain_seq.desc())
            .limit(1)
        ).first()
        start = f"{newest[0]} {newest[1]}" if newest else "0 "
        from app.db import insert_ignore  # app.db imports the capture, which imports this module

        conn.execute(insert_ignore(conn, t).values(key=key, value=start))
        conn.execute(touch)
    return _parse_head(conn.execute(select(t.c.value).where(t.c.key == key)).scalar_one())


def _write_heads(session: Session, heads: dict) -> None:
    t = Setting.__table__
    rows = [{"_key": k, "_value": f"{h[0]} {h[1]}"} for k, h in heads.items() if h[2]]
    if rows:
        session.connection().execute(
            update(t).where(t.c.key == bindparam("_key")).values(value=bindparam("_value")), rows
        )


class _Row:
    """An entry being chained: an AuditEntry object or a dict of column values (bulk rows)."""

    def __init__(self, item):
        self.item = item
        self.is_dict = isinstance(item, dict)
        if self.get("id") is None:
            self.set("id", new_id())
        if self.get("at") is None:
            self.set("at", utcnow())
        if self.get("scope_code") is None:
            self.set("scope_code", "")

    def get(self, name):
        return self.item.get(name) if self.is_dict else getattr(self.item, name)

    def set(self, name, value) -> None:
        if self.is_dict:
            self.item[name] = value
        else:
            setattr(self.item, name, value)


def _chain(session: Session, items: Iterable, heads: dict | None = None) -> None:
    """Give ``items`` (entries or row dicts, in order) their places in their devices' chains.
    ``heads``: the flush's cache, written back after the flush; None: written back now."""
    own = heads if heads is not None else {}
    latest = None
    for item in items:
        row = _Row(item)
        if latest is None:
            from app.services.sync.capture import stamp_now  # (the capture imports this module)

            latest = stamp_now(session)
        if row.get("at") > latest:  # a PC clock ahead of its township (capture.stamp_now)
            row.set("at", latest)
        key = head_key(_uuid_or_none(row.get("device_id")))
        head = own.get(key)
        if head is None:
            head = own[key] = _lock_head(session, key)
        seq, prev = head[0] + 1, head[1]
        values = {n: row.get(n) for n in CONTENT}
        digest = chain_hash({**values, "chain_seq": seq, "chain_prev": prev})
        row.set("chain_seq", seq)
        row.set("chain_prev", prev)
        row.set("chain_hash", digest)
        head[:] = [seq, digest, True]
    if heads is None:
        _write_heads(session, own)


def _uuid_or_none(value) -> uuid.UUID | None:
    return as_uuid(value)


def _chain_pending(session: Session, _flush_context, _instances) -> None:
    session.info[_FLUSH_HEADS] = {}
    pending = [o for o in session.new if isinstance(o, AuditEntry) and o.chain_hash is None]
    if pending:
        for o in pending:
            _Row(o)  # id and time set, so the order below is the order they were made
        pending.sort(key=lambda o: (o.at, o.id))
        _chain(session, pending, session.info[_FLUSH_HEADS])


def _store_heads(session: Session, _flush_context) -> None:
    heads = session.info.pop(_FLUSH_HEADS, None)
    if heads:
        _write_heads(session, heads)


def _forget_heads(session: Session, _previous_transaction) -> None:
    session.info.pop(_FLUSH_HEADS, None)


def chain_rows(session: Session, rows: list[dict]) -> list[dict]:
    """Chain row dicts a bulk writer is about to insert (``session.execute(insert(AuditEntry), rows)``),
    in the order given; the device heads are written now, in the caller's transaction."""
    _chain(session, [r for r in rows if not r.get("chain_hash")])
    return rows


def attach(session_class: type[Session]) -> None:
    """Chain every audit entry written through sessions of ``session_class`` (the store's own,
    attached when a store opens, before the capture hook so links travel with the entries), and
    write :func:`record_now` entries once the caller's transaction has ended (idempotent)."""
    for name, fn, kw in (
        ("before_flush", _chain_pending, {"insert": True}),
        ("after_flush", _store_heads, {}),
        ("after_soft_rollback", _forget_heads, {}),
        ("after_transaction_end", _write_deferred, {}),  # commit, rollback or close
    ):
        if not event.contains(session_class, name, fn):
            event.listen(session_class, name, fn, **kw)


def chain_inserted(session: Session, ids: list, *, batch: int = 2000) -> int:
    """Chain entries a writer inserted around the session (``connection.execute(insert(...))``),
    in the caller's transaction: call it after the insert and before ``capture.log_inserted``, so
    the links travel with the entries.  Entries already chained are left alone.  Returns how
    many were chained."""
    t = AuditEntry.__table__
    conn = session.connection()
    rows: list[dict] = []
    for i in range(0, len(ids), batch):
        chunk = ids[i : i + batch]
        q = select(*(t.c[n] for n in CONTENT)).where(t.c.id.in_(chunk), t.c.chain_hash.is_(None))
        rows += [dict(r) for r in conn.execute(q).mappings()]
    rows.sort(key=lambda r: (r["at"], r["id"]))
    _chain(session, rows)
    if rows:
        conn.execute(
            update(t)
            .where(t.c.id == bindparam("_id"))
            .values(
                chain_seq=bindparam("_seq"), chain_prev=bindparam("_prev"), chain_hash=bindparam("_hash")
            ),
            [
                {"_id": r["id"], "_seq": r["chain_seq"], "_prev": r["chain_prev"], "_hash": r["chain_hash"]}
                for r in rows
            ],
        )
    return len(rows)


def heads(session: Session) -> dict[uuid.UUID | None, tuple[int, str]]:
    """The last link this store wrote for each device: {device: (seq, hash)}."""
    t = Setting.__table__
    rows = session.connection().execute(select(t.c.key, t.c.value).where(t.c.key.like(HEAD_PREFIX + "%")))
    return {_device_of_key(k): tuple(_parse_head(v)[:2]) for k, v in rows}


def skip_after_restore(
    session: Session, device: uuid.UUID | None, at_least: int, gap: int, link: str | None = None
) -> None:
    """A restored store's next entry for ``device`` is numbered past ``gap`` more than anything
    either copy handed out (``at_least``: the replaced store's number), and links to the restored
    head, or to ``link`` (the replaced store's head, when its entries were carried over:
    :func:`carry_over`): the township, which may hold the lost copy's entries, sees a branch, not
    a clash."""
    key = head_key(device)
    head = _lock_head(session, key)
    head[:] = [max(head[0], at_least) + gap, head[1] if link is None else link, True]
    _write_heads(session, {key: head})


def own_entries(session: Session, device: uuid.UUID) -> list[dict] | None:
    """Every entry of ``device``'s chain in this store, as rows to insert elsewhere
    (:func:`carry_over`), or None when its chain does not verify (a tampered trail is not carried
    into a restored store: the restore would be refused as if the backup were tampered)."""
    if not verify_chains(session, device=device).ok:
        return None
    t = AuditEntry.__table__
    q = select(t).where(t.c.device_id == device, t.c.chain_hash.is_not(None))
    return [dict(r) for r in session.connection().execute(q).mappings()]


def carry_over(session: Session, entries: list[dict]) -> list:
    """Insert into a restored copy the replaced store's entries (:func:`own_entries`) it lacks,
    with their links: the trail goes on through a restore, the entries made after the backup
    included.  Returns the ids inserted (for the change log: ``capture.log_inserted``)."""
    if not entries:
        return []
    t = AuditEntry.__table__
    device = entries[0]["device_id"]
    have = set(session.connection().execute(select(t.c.id).where(t.c.device_id == device)).scalars())
    missing = [e for e in entries if e["id"] not in have]
    for i in range(0, len(missing), 2000):
        session.connection().execute(t.insert(), missing[i : i + 2000])
    return [e["id"] for e in missing]


# ----------------------------------------------------------------------- verification


@dataclass
class ChainReport:
    """``cunyi check``'s view of the audit chains: problems (each a sentence), and notes that are
    no problem (entries from devices that had no chain yet)."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    devices: int = 0
    entries: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _labels(session: Session) -> dict:
    names = {p.device_id: f"{p.code} {p.name}" for p in session.scalars(select(Peer))}
    me = session.scalar(select(Profile.device_id).where(Profile.id == 1))
    if me is not None:
        names[me] = "本机"
    return names


def _label(names: dict, device) -> str:
    if device in names:
        return names[device]
    return f"设备 {device.hex[:8]}" if device else "未记设备"


def _describe(row) -> str:
    at = row.at.strftime("%Y-%m-%d %H:%M") if row.at else "?"
    return f"第{row.chain_seq}条（{at} {row.username} {row.action} {row.entity or ''}".rstrip() + "）"


def _span(lo: int, hi: int) -> str:
    return f"第{lo}条" if lo == hi else f"第{lo}–{hi}条"


def verify_chains(session: Session, device: uuid.UUID | None = None) -> ChainReport:
    """Check every device's chain (or ``device``'s only): each entry's hash against its content
    (edits), each link and number against the entry before it (deletions, insertions), and, for
    chains this store wrote, the last entry against the head it recorded (the newest entries
    deleted or added).  Chains received by sync may start anywhere (the township holds a
    village's entries from the first one the village chained); a ``restore`` entry may link back
    to any earlier entry (the copy that was lost went on without it)."""
    t = AuditEntry.__table__
    report = ChainReport()
    names = _labels(session)
    me = session.scalar(select(Profile.device_id).where(Profile.id == 1))
    recorded = heads(session)
    cols = [*(t.c[n] for n in CONTENT), t.c.chain_seq, t.c.chain_prev, t.c.chain_hash]
    q = (
        select(*cols)
        .where(t.c.chain_hash.is_not(None), t.c.chain_seq.is_not(None))
        .order_by(t.c.device_id, t.c.chain_seq, t.c.id)
    )
    unchained_q = select(t.c.device_id, func.count()).where(
        (t.c.chain_hash.is_(None)) | (t.c.chain_seq.is_(None))
    )
    if device is not None:
        recorded = {d: h for d, h in recorded.items() if d == device}
        q = q.where(t.c.device_id == device)
        unchained_q = unchained_q.where(t.c.device_id == device)
    seen_devices = set()
    rows = session.execute(q.execution_options(yield_per=5000))
    for device, group in groupby(rows, key=lambda r: r.device_id):
        seen_devices.add(device)
        report.devices += 1
        who = _label(names, device)
        local = device in recorded or device == me
        problems: list[str] = []
        hashes: set[str] = set()
        prev_seq, prev_hashes, last = None, set(), None
        for row in group:
            report.entries += 1
            values = row._mapping
            if chain_hash(values) != row.chain_hash:
                problems.append(f"{_describe(row)}的内容与校验值不符：这条记录被改动过")
            if prev_seq is None:
                starts = row.chain_prev == "" and (row.chain_seq == 1 or row.action == "restore")
                if local and not starts:
                    problems.append(
                        f"{_span(1, row.chain_seq - 1)}缺失：记录被删除"
                        if row.chain_seq > 1 and row.chain_prev
                        else f"{_describe(row)}不是链的开头：记录被删除或插入过"
                    )
            elif row.chain_seq == prev_seq:
                problems.append(f"{_describe(row)}的编号重复：有一条是在村医之外插入的")
            elif row.chain_seq == prev_seq + 1 and row.chain_prev in prev_hashes:
                pass
            elif row.action == "restore" and (row.chain_prev == "" or row.chain_prev in hashes):
                pass  # a restored store goes on from the backup's last entry
            elif row.chain_seq > prev_seq + 1:
                problems.append(f"{_span(prev_seq + 1, row.chain_seq - 1)}缺失：记录被删除")
            else:
                problems.append(f"{_describe(row)}与前一条接不上：前面的记录被改动、替换或插入过")
            if row.chain_seq != prev_seq:
                prev_seq, prev_hashes = row.chain_seq, set()
            prev_hashes.add(row.chain_hash)
            hashes.add(row.chain_hash)
            last = row
        if device in recorded and last is not None:
            head_seq, head_hash = recorded[device]
            if head_seq > last.chain_seq:
                problems.append(f"最新的{_span(last.chain_seq + 1, head_seq)}缺失：记录被删除")
            elif last.chain_seq > head_seq:
                problems.append(f"{_span(head_seq + 1, last.chain_seq)}不是村医写入的：记录被插入")
            elif head_hash not in prev_hashes:
                problems.append(f"{_describe(last)}被替换过：与记录的最后校验值不符")
        report.problems += [f"{who}：{p}" for p in problems]
    for device, (head_seq, _) in recorded.items():
        if device not in seen_devices and head_seq > 0:
            report.problems.append(f"{_label(names, device)}：{_span(1, head_seq)}全部缺失：记录被删除")
    unchained = session.execute(unchained_q.group_by(t.c.device_id)).all()
    for device, n in unchained:
        if device in recorded or device == me:
            report.problems.append(f"{_label(names, device)}：{n}条记录没有校验值：不是村医写入的（被插入）")
        else:
            report.notes.append(f"{_label(names, device)}：{n}条来自旧版本村医，没有校验值")
    return report
