"""Export and import of bundles, and sync status (DESIGN.md, "Bundles" and "Transport").

Export writes one bundle per trusted peer with every change the peer has not acknowledged
(its own excepted): a lost USB stick costs nothing, the next export carries the same changes.
A township relays to each village the changes that concern it, whatever their origin.

Import checks a bundle before it opens it (addressed to me, sender trusted and not revoked,
signature, length and hash, schema), then applies all of it in ONE transaction with its new
high-water marks and acknowledgements.  Any failure applies nothing and moves the file to
``quarantine/`` with a reason; a bundle imported twice is a no-op.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import __version__
from app.config import Paths
from app.db import Store, head_revision, is_sqlite
from app.i18n import QT_TRANSLATE_NOOP
from app.models import BundleRecord, ChangeLog, Peer, SyncConflict, SyncState, utcnow
from app.services import settings
from app.services.access import audit, authz
from app.services.errors import Message, UserError
from app.services.profile import VILLAGE, get_profile
from app.services.sync import bundle, capture, merge
from app.services.sync import keys as device_keys

log = logging.getLogger(__name__)
CTX = "Sync"
DAY_MS = 86_400_000
PAGE = 5000
Progress = Callable[[int, int], None]


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


def _never() -> bool:
    return False


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


def audience(peer: Peer) -> tuple[str, ...] | None:
    """Who may receive a change, declared once: a village gets the changes whose scope is its own
    village or its whole township, never those of upward-only entities (the audit trail); a
    township gets all (None).  Export filters with it in SQL, relay asks :func:`receives`."""
    return (peer.code, peer.code[:9]) if peer.role == VILLAGE else None


def receives(peer: Peer, scope: str, upward: bool) -> bool:
    scopes = audience(peer)
    return scopes is None or (not upward and scope in scopes)


def _scope_filter(peer: Peer):
    """:func:`audience` as a WHERE clause on the change log (None: no filter)."""
    scopes = audience(peer)
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
    scope = _scope_filter(peer)
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
    scope = _scope_filter(peer)
    cols = (
        ChangeLog.origin,
        ChangeLog.seq,
        ChangeLog.entity,
        ChangeLog.row_id,
        ChangeLog.hlc,
        ChangeLog.scope,
        ChangeLog.user_id,
        ChangeLog.data,
    )
    for origin, (lo, hi) in ranges.items():
        last = lo
        while True:
            q = select(*cols).where(ChangeLog.origin == origin, ChangeLog.seq > last, ChangeLog.seq <= hi)
            if scope is not None:
                q = q.where(scope)
            rows = session.execute(q.order_by(ChangeLog.seq).limit(PAGE)).all()
            if not rows:
                break
            for o, seq, entity, row_id, hlc, sc, user, data in rows:
                user_json = f'"{user.hex}"' if user else "null"
                yield (
                    f'{{"o":"{o.hex}","s":{seq},"e":"{entity}","r":"{row_id.hex}","h":"{hlc}",'
                    f'"c":"{sc}","u":{user_json},"d":{data}}}'
                )
                on_line()
            last = rows[-1].seq


def _clock_now(session: Session) -> str:
    row = session.execute(select(SyncState.hlc_ms, SyncState.hlc_counter).where(SyncState.id == 1)).first()
    me = get_profile(session).device_id
    return capture.hlc_text(row[0], row[1], me) if row else ""


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


def export_bundles(
    store: Store,
    paths: Paths,
    to_dir: str | Path,
    *,
    peer: str | None = None,
    always: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = _never,
) -> ExportResult:
    """One bundle per trusted peer (or the one named) into ``to_dir``."""
    started = time.perf_counter()
    to_dir = Path(to_dir)
    if not to_dir.is_dir():
        if not to_dir.parent.is_dir():  # e.g. the USB stick is not plugged in
            raise _err(QT_TRANSLATE_NOOP("Sync", "文件夹不存在：{path}"), path=str(to_dir))
        to_dir.mkdir()
    with store.session() as s:
        authz.require(s, "sync")
    keys = device_keys.load_keys(paths.sub("keys"))
    result = ExportResult()
    with store.transaction() as s:
        result.newly_logged = capture.log_untracked(s)
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
        held = holdings(s)
        escrow = settings.get(s, settings.ESCROW_KEY)
        acks = {o.hex: hw for o, hw in held.items()}
        plans = []
        for p in targets:
            ranges = _wanted(p, held)
            count = _count(s, p, ranges)
            plans.append((p, ranges, count))
        total = sum(c for _, _, c in plans)
        done = [0]

        def tick() -> None:
            done[0] += 1
            if progress and done[0] % 1000 == 0:
                progress(done[0], total)

        for p, ranges, count in plans:
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
            created = utcnow().isoformat(timespec="seconds") + "Z"
            header = {
                "bundle_id": bundle_id.hex,
                "sender": me.device_id.hex,
                "recipient": p.device_id.hex,
                "recipient_fpr": p.fingerprint,
                "schema": head_revision(),
                "created": created,
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
                "ranges": {o.hex: [lo, hi] for o, (lo, hi) in ranges.items()},
                "acks": acks,
                "acks_seen": p.acked,
            }
            recipients = [p.enc_key, *([escrow] if escrow else [])]
            written = bundle.write(
                to_dir,
                keys=keys,
                header=header,
                manifest=manifest,
                op_lines=_op_lines(s, p, ranges, tick),
                recipients=recipients,
                work_dir=paths.sub("outbox"),
                cancelled=cancelled,
            )
            result.bundles.append(ExportedBundle(label, written.path, written.ops, written.bytes))
            with store.transaction() as w:
                w.add(
                    BundleRecord(
                        bundle_id=bundle_id,
                        direction="out",
                        peer=p.device_id,
                        file_name=written.path.name,
                        ops=written.ops,
                        bytes=written.bytes,
                    )
                )
                w.get(Peer, p.device_id).last_export_at = utcnow()
                audit.record(
                    w, "export", "sync_bundle", bundle_id, f"{label}: {written.ops} → {written.path.name}"
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
    conflicts: int = 0
    duplicates: int = 0
    pending: int = 0
    clock_warning: Message | None = None
    quarantined: Path | None = None

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
            "duplicates": self.duplicates,
            "pending": self.pending,
            "clock_warning": render(self.clock_warning) if self.clock_warning else None,
            "quarantined": str(self.quarantined) if self.quarantined else None,
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
    keys = device_keys.load_keys(paths.sub("keys"))
    outcomes = []
    for i, f in enumerate(files):
        if cancelled():
            break
        outcomes.append(import_file(store, paths, f, keys, cancelled=cancelled))
        if progress:
            progress(i + 1, len(files))
    return outcomes


def _quarantine(
    store: Store, paths: Paths, f: Path, error: UserError, header: bundle.Header | None
) -> Path | None:
    dest_dir = paths.sub("quarantine")
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / f.name
    n = 1
    while dest.exists():
        dest = dest_dir / f"{f.stem}.{n}{f.suffix}"
        n += 1
    try:
        shutil.move(str(f), dest)
        dest.with_name(dest.name + ".reason.txt").write_text(error.render() + "\n", encoding="utf-8")
    except OSError:
        log.exception("could not move %s to quarantine", f)
        dest = None
    with store.transaction() as s:
        s.add(
            BundleRecord(
                bundle_id=header.bundle_id if header else None,
                direction="rejected",
                peer=header.sender if header else None,
                file_name=f.name,
                bytes=dest.stat().st_size if dest and dest.exists() else 0,
                reason=error.render()[:500],
            )
        )
    return dest


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
) -> ImportOutcome:
    header = None
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
            if s.scalar(
                select(BundleRecord.id).where(
                    BundleRecord.bundle_id == header.bundle_id, BundleRecord.direction == "in"
                )
            ):
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
        schema = str(header.data.get("schema", ""))
        if not _schema_known(schema):
            raise bundle.BundleError(
                "schema",
                QT_TRANSLATE_NOOP(
                    "Sync", "同步包来自更新版本的村医（数据结构 {schema}），请先将本机村医更新到最新版本"
                ),
                schema=schema,
            )
        with bundle.open_bundle(f, header, keys.age, paths.sub("inbox")) as opened:
            outcome = _apply_bundle(store, f, header, opened, cancelled)
        outcome.sender = sender
        return outcome
    except Cancelled:
        raise
    except UserError as e:
        dest = _quarantine(store, paths, f, e, header)
        return ImportOutcome(f.name, "rejected", e.message, quarantined=dest)
    except Exception:
        log.exception("import of %s failed", f)
        error = UserError(Message(CTX, QT_TRANSLATE_NOOP("Sync", "导入时出错，未做任何更改（详见日志）")))
        dest = _quarantine(store, paths, f, error, header)
        return ImportOutcome(f.name, "rejected", error.message, quarantined=dest)


class _Relay:
    """Whether an incoming change must be kept to pass on: some trusted peer other than its
    origin is concerned by it.  A village's own records concern only that village, so a
    township keeps none of their 100k changes; a township row's change goes to every village."""

    def __init__(self, session: Session):
        self.peers = [p for p in device_keys.peers(session) if p.revoked_at is None]
        self.upward = set(_upward())
        self.wanting: dict[tuple[str, bool], set[str]] = {}

    def needed(self, op: dict) -> bool:
        """Whether any peer but the op's origin :func:`receives` it."""
        key = (op["c"], op["e"] in self.upward)
        wanting = self.wanting.get(key)
        if wanting is None:
            wanting = self.wanting[key] = {p.device_id.hex for p in self.peers if receives(p, *key)}
        return bool(wanting - {op["o"]})


def _apply_bundle(
    store: Store, f: Path, header: bundle.Header, opened: bundle.Opened, cancelled
) -> ImportOutcome:
    manifest = opened.manifest
    stats = merge.ApplyStats()
    with store.transaction() as s:
        conn = s.connection()
        if is_sqlite(conn.engine):
            conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")  # parents and children in any order
            # A big bundle touches every index of the store: 64 MB of page cache instead of
            # SQLite's 2 MB keeps them in memory (measured: 100k changes, 20 s -> see bench).
            conn.exec_driver_sql("PRAGMA cache_size=-65536")
        me = get_profile(s).device_id
        if s.scalar(
            select(BundleRecord.id).where(
                BundleRecord.bundle_id == header.bundle_id, BundleRecord.direction == "in"
            )
        ):
            return ImportOutcome(
                f.name, "already", Message(CTX, QT_TRANSLATE_NOOP("Sync", "此同步包已导入过，跳过"))
            )
        capture.log_untracked(s)  # local rows get clocks before anything is merged into them
        held = merge.Holdings(s, me)
        batch: list[dict] = []
        relay = _Relay(s)

        def flush() -> None:
            if batch:
                merge.log_ops(s, [op for op in batch if relay.needed(op)])
                merge.apply_ops(s, batch, stats)
                batch.clear()
            if cancelled():
                raise Cancelled()

        for op in opened.ops():
            stats.received += 1
            if held.has(uuid.UUID(op["o"]), op["s"]):
                stats.known += 1
                continue
            batch.append(op)
            if len(batch) >= merge.CHUNK:
                flush()
        flush()
        for origin, (lo, hi) in manifest.get("ranges", {}).items():
            held.add_range(uuid.UUID(origin), int(lo), int(hi))
        merge.retry_pending(s, stats)
        merge.refresh_derived(s, stats)
        peer = s.get(Peer, header.sender)
        acked = dict(peer.acked or {})
        for origin, hw in manifest.get("acks", {}).items():
            acked[origin] = max(int(hw), int(acked.get(origin, 0)))
        peer.acked = acked
        peer.seen_acks = dict(manifest.get("acks_seen", {}))
        # A restored store must never hand out a seq a peer already holds from it.
        mine = int(acked.get(me.hex, 0))
        state = capture._state(conn)
        if mine > state.seq:
            log.warning(
                "peer holds our changes up to %s but our sequence is %s: restored store?", mine, state.seq
            )
            capture.advance(conn, me, mine - state.seq)
        capture.advance(conn, me, 0, observed=max(stats.max_clock, str(manifest.get("clock", ""))))
        skew = int(manifest.get("sent_at_ms", 0)) - capture.wall_ms() if manifest.get("sent_at_ms") else None
        peer.clock_skew_ms = skew
        peer.last_import_at = utcnow()
        audit.record(
            s, "import", "sync_bundle", header.bundle_id, f"{peer.code} {peer.name}: {stats.received}"
        )
        s.add(
            BundleRecord(
                bundle_id=header.bundle_id,
                direction="in",
                peer=header.sender,
                file_name=f.name,
                ops=stats.received,
                bytes=f.stat().st_size,
            )
        )
    return ImportOutcome(
        f.name,
        "applied",
        ops=stats.received,
        applied=stats.applied,
        conflicts=stats.conflicts,
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


def clock_warnings(session: Session) -> list[Message]:
    out = []
    row = session.execute(select(SyncState.hlc_ms).where(SyncState.id == 1)).first()
    now = capture.wall_ms()
    if row and row[0] - now > 60_000:
        out.append(
            Message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "本机时钟比已记录的时间早约 {days} 天（时钟被调回或电池没电）：请校准电脑的日期和时间",
                ),
                {"days": max(1, round((row[0] - now) / DAY_MS))},
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


def status(session: Session) -> dict:
    me = get_profile(session)
    held = holdings(session)
    peers = []
    for p in device_keys.peers(session):
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
            )
        )
    open_ = select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None))
    return {
        "device_id": me.device_id.hex,
        "role": me.role,
        "code": me.code,
        "sequence": held[me.device_id],
        "high_water": {o.hex: hw for o, hw in held.items()},
        "peers": peers,
        "conflicts_open": session.scalar(open_.where(SyncConflict.kind == "field")) or 0,
        "duplicates_open": session.scalar(open_.where(SyncConflict.kind == "duplicate")) or 0,
        "pending": session.scalar(
            select(func.count()).select_from(ChangeLog).where(ChangeLog.pending.is_(True))
        )
        or 0,
        "clock_warnings": clock_warnings(session),
    }


def history(session: Session, limit: int = 200) -> list[BundleRecord]:
    return list(session.scalars(select(BundleRecord).order_by(BundleRecord.id.desc()).limit(limit)))


def unacknowledged_total(session: Session) -> int:
    held = holdings(session)
    return sum(
        _count(session, p, _wanted(p, held), audit=False)
        for p in device_keys.peers(session)
        if p.revoked_at is None
    )
