"""Network sync figures for ``cunyi bench`` (and the concurrency test): a township's mailbox served
in this process on loopback, villages syncing with it.

``sync.roundtrip``: one village's N changes exported, uploaded over HTTP and imported by the
township, against the same bundle carried by "USB" (export + import, no HTTP) in the same run.
``sync.concurrent30``: 30 villages with a few hundred changes each syncing at once; every change
applied once, throughput in changes per second; the township's own saves meanwhile (every 0.2 s),
how long each waited (max and p95).
``sync.followup_bytes``: bytes on the wire per follow-up visit, headers included (N = 1, 10, 100).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from app.config import Paths
from app.db import Store
from app.models import BundleRecord, ChangeLog
from app.services import profile
from app.services.errors import UserError
from app.services.sync import exchange, mailbox, service
from app.services.sync import keys as device_keys
from app.tools import demo

TOWN = "110105001"
METRICS = ("sync.roundtrip", "sync.concurrent30", "sync.replacement", "sync.followup_bytes")


@dataclass
class Node:
    paths: Paths
    store: Store
    code: str

    @property
    def device_id(self) -> uuid.UUID:
        with self.store.session() as s:
            return profile.get_profile(s).device_id

    def dispose(self) -> None:
        self.store.dispose()


def _node(root: Path, name: str, role: str, code: str, url: str | None = None) -> Node:
    paths = Paths(root / name).ensure()
    store = Store(url or f"sqlite:///{paths.db_file}")
    with store.transaction() as s:
        profile.init_profile(s, role=role, code=code, name=name, township_name="东风乡")
    device_keys.create_keys(paths.sub("keys"))
    return Node(paths, store, code)


def _card(node: Node) -> device_keys.DeviceCard:
    with node.store.session() as s:
        return device_keys.my_card(s, device_keys.load_keys(node.paths.sub("keys")))


def make_county(
    root: Path, villages: int, residents: int, seed: int = 1, town_url: str | None = None
) -> tuple[Node, list[Node]]:
    """A township and ``villages`` villages (codes …101, …102, …) trusting each other, each village
    with ``residents`` demo residents not yet sent.  ``town_url``: the township's store on a server
    (an empty database at the head schema); by default a SQLite file like the villages'."""
    town = _node(root, "town", "township", TOWN, town_url)
    nodes = []
    town_card = _card(town)
    for i in range(villages):
        v = _node(root, f"v{i + 1:03d}", "village", f"{TOWN}{101 + i:03d}")
        with v.store.transaction() as s:
            device_keys.trust(s, town_card)
            demo.generate_demo(s, residents, seed + i)
        with town.store.transaction() as s:
            device_keys.trust(s, _card(v))
        nodes.append(v)
    return town, nodes


def logged_changes(node: Node) -> int:
    with node.store.session() as s:
        me = profile.get_profile(s).device_id
        return s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.origin == me)) or 0


def bundles_from(town: Node, village: Node) -> int:
    with town.store.session() as s:
        q = select(func.count()).select_from(BundleRecord)
        return s.scalar(q.where(BundleRecord.direction == "in", BundleRecord.peer == village.device_id)) or 0


def held_of(town: Node, village: Node) -> int:
    """How many of the village's own changes the township holds."""
    with town.store.session() as s:
        return exchange.holdings(s).get(village.device_id, 0)


@dataclass
class ConcurrentRun:
    villages: int
    changes: int
    seconds: float
    failures: list[str]
    gui_writes: int = 0  # the township's own edits made meanwhile (as its GUI would)
    gui_max_ms: float = 0.0  # the longest of them
    gui_failures: list[str] = field(default_factory=list)
    gui_ms: list[float] = field(default_factory=list)  # each edit's time (waiting for the store included)

    @property
    def gui_p95_ms(self) -> float:
        if not self.gui_ms:
            return 0.0
        ordered = sorted(self.gui_ms)
        return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]

    @property
    def per_s(self) -> float:
        return self.changes / self.seconds if self.seconds else 0.0


def _township_desk(town: Node, stop, out: ConcurrentRun) -> None:
    """The township's GUI at work while the villages sync: a small edit every 0.2 s (another
    connection to the same store, as the GUI process has), each timed."""
    from app.models import Setting

    n = 0
    while not stop.wait(0.2):
        n += 1
        t = time.perf_counter()
        try:
            with town.store.transaction() as s:
                row = s.get(Setting, "bench.desk")
                if row is None:
                    s.add(Setting(key="bench.desk", value=str(n)))
                else:
                    row.value = str(n)
        except Exception as e:  # a lock held past the busy timeout: the GUI would have blocked
            out.gui_failures.append(f"{type(e).__name__}: {e}")
            continue
        took_ms = (time.perf_counter() - t) * 1000
        out.gui_writes += 1
        out.gui_ms.append(took_ms)
        out.gui_max_ms = max(out.gui_max_ms, took_ms)


def concurrent_sync(town: Node, villages: list[Node]) -> ConcurrentRun:
    """Every village syncs at once with the township's mailbox (loopback): each pushes its changes
    and pulls the township's answer, while the township edits its own store.  Returns the changes
    sent, the wall time, and how the township's edits fared meanwhile."""
    import threading

    changes = sum(logged_changes(v) for v in villages)
    run = ConcurrentRun(len(villages), changes, 0.0, [])
    stop = threading.Event()
    desk = threading.Thread(target=_township_desk, args=(town, stop, run), name="township-desk")
    with mailbox.Server(town.store, town.paths, host="127.0.0.1", port=0).start() as server:

        def one(v: Node) -> str | None:
            report = service.sync_once(v.store, v.paths, server=server.url)
            return None if report.ok else f"{v.code}: {report.error.render()}"

        desk.start()
        t = time.perf_counter()
        try:
            with ThreadPoolExecutor(len(villages)) as pool:
                results = list(pool.map(one, villages))
        finally:
            run.seconds = time.perf_counter() - t
            stop.set()
            desk.join()
    run.failures = [r for r in results if r]
    return run


@dataclass
class RoundTrip:
    changes: int
    http_s: float
    usb_s: float
    bundle_bytes: int
    followup_bytes_up: int
    followup_bytes_down: int
    applied: bool  # the township holds every change sent


def roundtrip(root: Path, residents: int, seed: int = 1) -> RoundTrip:
    """One village's changes to the township over HTTP, against the same bundle by "USB", then
    the bytes on the wire for one follow-up visit afterwards."""
    from app.services.programmes import followup

    town, (v,) = make_county(root / "net", 1, residents, seed)
    usb_town, (usb_v,) = make_county(root / "usb", 1, residents, seed)
    try:
        changes = logged_changes(v)
        t = time.perf_counter()
        result = exchange.export_bundles(usb_v.store, usb_v.paths, root / "stick")
        exchange.import_path(usb_town.store, usb_town.paths, root / "stick")
        usb_s = time.perf_counter() - t
        bundle_bytes = sum(b.bytes for b in result.bundles)
        with mailbox.Server(town.store, town.paths, host="127.0.0.1", port=0).start() as server:
            t = time.perf_counter()
            report = service.sync_once(v.store, v.paths, server=server.url)
            http_s = time.perf_counter() - t
            if not report.ok:
                raise RuntimeError(report.error.render())
            service.sync_once(v.store, v.paths)  # acknowledgements settle
            with v.store.transaction() as s:
                visit = followup.VisitInput(
                    program="htn",
                    visit_date=(dt.date.today() - dt.timedelta(days=1)).isoformat(),
                    measurements={"sbp": "150", "dbp": "95"},
                )
                followup.record_visit(s, str(_unenrolled_resident(s)), visit, enrol_if_needed=True)
            after = service.sync_once(v.store, v.paths)
        applied = held_of(town, v) >= changes
        return RoundTrip(changes, http_s, usb_s, bundle_bytes, after.bytes_up, after.bytes_down, applied)
    finally:
        for n in (town, v, usb_town, usb_v):
            n.dispose()


class WireCounter:
    """A TCP relay on loopback in front of the mailbox counting every byte each way: what a
    village's sync puts on the wire, HTTP request lines and headers included (the client's own
    count is bodies only).  ``url``: the address the village syncs with instead of the server's."""

    def __init__(self, target_port: int):
        import socket
        import threading

        self.target_port = target_port
        self.up = self.down = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._threads: list = []
        self._closed = False
        accept = threading.Thread(target=self._accept, name="wire-counter", daemon=True)
        accept.start()

    def _accept(self) -> None:
        import socket
        import threading

        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            for src, dst, up in ((client, server, True), (server, client, False)):
                t = threading.Thread(target=self._pump, args=(src, dst, up), daemon=True)
                t.start()
                self._threads.append(t)

    def _pump(self, src, dst, up: bool) -> None:
        import socket

        try:
            while block := src.recv(65536):
                with self._lock:
                    if up:
                        self.up += len(block)
                    else:
                        self.down += len(block)
                dst.sendall(block)
        except OSError:
            pass
        finally:
            for sock in (src, dst):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def take(self) -> tuple[int, int]:
        """(up, down) since the last call."""
        with self._lock:
            out = (self.up, self.down)
            self.up = self.down = 0
        return out

    def close(self) -> None:
        self._closed = True
        self._listener.close()


@dataclass
class FollowupWire:
    idle_up: int  # a sync with nothing new: what every sync costs
    idle_down: int
    by_n: dict[int, tuple[int, int, int]]  # N -> (bytes up, bytes down, changes logged)
    bodies: dict[int, tuple[int, int]] = field(default_factory=dict)  # N -> the client's own count (bodies)

    def per_change(self, n: int) -> float:
        up, down, _changes = self.by_n[n]
        return (up + down) / n


def followup_wire(
    root: Path, ns: tuple[int, ...] = (1, 10, 100), residents: int = 700, seed: int = 1
) -> FollowupWire:
    """Bytes on the wire per follow-up visit: a village in step with its township records N visits
    (of residents already enrolled in the hypertension programme) and syncs once over loopback
    HTTP; every byte both ways is counted (:class:`WireCounter`), headers included."""
    from app.models import ProgramEnrolment
    from app.services.programmes import followup

    town, (v,) = make_county(root, 1, residents, seed)
    try:
        with mailbox.Server(town.store, town.paths, host="127.0.0.1", port=0).start() as server:
            wire = WireCounter(server.port)
            try:
                for _ in range(3):  # the village's records up, acknowledgements settled
                    report = service.sync_once(v.store, v.paths, server=wire.url)
                    if not report.ok:
                        raise RuntimeError(report.error.render())
                wire.take()
                service.sync_once(v.store, v.paths)
                idle = wire.take()
                with v.store.session() as s:
                    enrolled = list(
                        s.scalars(
                            select(ProgramEnrolment.resident_id)
                            .where(
                                ProgramEnrolment.program == followup.rules.HTN,
                                ProgramEnrolment.voided.is_(False),
                                ProgramEnrolment.status == followup.UNDER_MANAGEMENT,
                            )
                            .order_by(ProgramEnrolment.resident_id)
                            .distinct()
                        )
                    )
                # a visit a day per resident, on the days before today: (day, resident) pairs
                slots = [
                    ((dt.date.today() - dt.timedelta(days=d)).isoformat(), r)
                    for d in range(1, 31)
                    for r in enrolled
                ]
                slots.reverse()
                by_n, bodies = {}, {}
                for n in ns:
                    before = logged_changes(v)
                    made = 0
                    while made < n:
                        if not slots:
                            raise RuntimeError(f"too few residents with hypertension for {n} visits")
                        day, resident = slots.pop()
                        visit = followup.VisitInput(
                            program="htn", visit_date=day, measurements={"sbp": "150", "dbp": "95"}
                        )
                        try:
                            with v.store.transaction() as s:
                                followup.record_visit(s, str(resident), visit)
                        except UserError:  # e.g. a visit that day already: the next one
                            continue
                        made += 1
                    changes = logged_changes(v) - before
                    report = service.sync_once(v.store, v.paths)
                    if not report.ok:
                        raise RuntimeError(report.error.render())
                    up, down = wire.take()
                    by_n[n] = (up, down, changes)
                    bodies[n] = (report.bytes_up, report.bytes_down)
                    service.sync_once(v.store, v.paths)  # acknowledgements settle before the next N
                    wire.take()
            finally:
                wire.close()
        return FollowupWire(idle[0], idle[1], by_n, bodies)
    finally:
        for node in (town, v):
            node.dispose()


def _unenrolled_resident(session) -> uuid.UUID:
    from app.models import ProgramEnrolment, Resident

    enrolled = select(ProgramEnrolment.resident_id)
    return session.scalar(
        select(Resident.id).where(Resident.id.not_in(enrolled)).order_by(Resident.id).limit(1)
    )


def bench_network(
    seed: int,
    changes: int,
    log,
    *,
    per_village: int = 5_000,
    replacement_residents: int = 3_000,
    wanted=lambda name: True,
) -> list:
    """``sync.roundtrip`` (``changes`` changes, HTTP against USB in the same run),
    ``sync.concurrent30`` (30 villages × ``per_village`` changes at once, the township editing
    meanwhile) and ``sync.replacement`` (a new PC gets a village of ``replacement_residents``
    back over 256 kbit/s, the connection dropped half way) as bench metrics."""
    import tempfile

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        if wanted("sync.roundtrip"):
            out.append(_roundtrip_metric(Path(tmp), seed, changes, log))
        if wanted("sync.concurrent30"):
            out.append(_concurrent_metric(Path(tmp), seed, per_village, log))
        if wanted("sync.replacement"):
            out.append(_replacement_metric(Path(tmp), seed, replacement_residents, log))
        if wanted("sync.followup_bytes"):
            out.append(_followup_bytes_metric(Path(tmp), seed, log))
    return out


def _followup_bytes_metric(tmp: Path, seed: int, log):
    from app.tools.bench import Metric

    ns = (1, 10, 100)
    log(f"sync.followup_bytes: a village records {', '.join(map(str, ns))} follow-up visits and syncs …")
    w = followup_wire(tmp / "followup", ns, seed=seed)
    return Metric(
        "sync.followup_bytes",
        "bytes on the wire (both ways, HTTP headers included) per follow-up visit synced, N = 1, 10, 100",
        ok=all(up > 0 and down > 0 for up, down, _ in w.by_n.values()),
        note="one sync_once carrying N new visits, loopback; a sync with nothing new costs "
        f"{w.idle_up + w.idle_down:,} B",
        extra={
            **{f"bytes_per_visit_n{n}": round(w.per_change(n)) for n in ns},
            **{f"bytes_up_n{n}": w.by_n[n][0] for n in ns},
            **{f"bytes_down_n{n}": w.by_n[n][1] for n in ns},
            **{f"changes_n{n}": w.by_n[n][2] for n in ns},
            "idle_sync_bytes": w.idle_up + w.idle_down,
        },
    )


def _roundtrip_metric(tmp: Path, seed: int, changes: int, log):
    from app.tools.bench import Metric

    residents = max(100, int(changes / CHANGES_PER_RESIDENT))
    log(f"sync.roundtrip: {residents:,} residents over loopback HTTP and by USB …")
    r = roundtrip(tmp / "roundtrip", residents, seed)
    return Metric(
        "sync.roundtrip",
        "export + HTTP upload + import, loopback; every change applied (baseline: the same by USB)",
        median_ms=r.http_s * 1000,
        p95_ms=r.http_s * 1000,
        baseline_ms=r.usb_s * 1000,
        ratio=r.http_s / r.usb_s if r.usb_s else None,
        ok=r.applied,
        note=f"{r.changes:,} changes; bundle {r.bundle_bytes / 1e6:.1f} MB",
        extra={
            "changes": r.changes,
            "bundle_bytes": r.bundle_bytes,
            "followup_bytes_up": r.followup_bytes_up,
            "followup_bytes_down": r.followup_bytes_down,
        },
    )


def _concurrent_metric(tmp: Path, seed: int, per_village: int, log):
    from app.tools.bench import Metric

    each = max(10, int(per_village / CHANGES_PER_RESIDENT))
    log(f"sync.concurrent30: 30 villages × {each:,} residents at once …")
    town, villages = make_county(tmp / "county", 30, each, seed)
    try:
        sent = [logged_changes(v) for v in villages]
        run = concurrent_sync(town, villages)
        complete = (
            not run.failures
            and all(bundles_from(town, v) == 1 for v in villages)
            and all(held_of(town, v) >= n for v, n in zip(villages, sent, strict=True))
        )
    finally:
        for n in (town, *villages):
            n.dispose()
    return Metric(
        "sync.concurrent30",
        "30 villages syncing at once: all applied, none twice; the township's edits go on",
        median_ms=run.seconds * 1000,
        p95_ms=run.seconds * 1000,
        per_s=run.per_s,
        ok=complete and not run.gui_failures,
        note=f"{run.changes:,} changes from 30 villages; per_s = changes applied per second",
        extra={
            "changes": run.changes,
            "villages": run.villages,
            "township_edits": run.gui_writes,
            "township_edit_max_ms": round(run.gui_max_ms, 1),
            "township_edit_p95_ms": round(run.gui_p95_ms, 1),
            "import_chunk_s": exchange.CHUNK_SECONDS,
            "failures": (run.failures + run.gui_failures)[:3],
        },
    )


def _replacement_metric(tmp: Path, seed: int, replacement_residents: int, log):
    from app.tools.bench import Metric

    log(f"sync.replacement: a new PC gets {replacement_residents:,} residents back at 256 kbit/s …")
    rep, _, _ = replacement(tmp / "replacement", replacement_residents, seed=seed)
    floor_s = rep.bundle_bytes / rep.rate_bytes_per_s
    return Metric(
        "sync.replacement",
        "a replacement PC gets its village back at 256 kbit/s, dropped once: under 5 min for "
        "3,000 residents (baseline: the bundle's bytes at the link's rate)",
        median_ms=rep.seconds * 1000,
        p95_ms=rep.seconds * 1000,
        baseline_ms=floor_s * 1000,
        ratio=rep.seconds / floor_s if floor_s else None,
        ok=rep.complete and rep.seconds < 300 and rep.bundle_bytes < LINK_BUDGET_BYTES,
        note=f"{rep.residents:,} residents, {rep.visits:,} visits; bundle {rep.bundle_bytes / 1e6:.2f} MB",
        extra={
            "residents": rep.residents,
            "visits": rep.visits,
            "ops": rep.ops,
            "bundle_bytes": rep.bundle_bytes,
            "bytes_down": rep.bytes_down,
            "dropped_at": rep.dropped_at,
            "rate_bytes_per_s": rep.rate_bytes_per_s,
        },
    )


CHANGES_PER_RESIDENT = 5.6  # what the demo logs per resident (measured: 125,987 for 22,380)
LINK_BUDGET_BYTES = 256_000 // 8 * 300  # 256 kbit/s for 5 minutes: 9.6 MB


# ------------------------------------------------------------------------ a replacement PC


@dataclass
class Replacement:
    residents: int
    visits: int
    bundle_bytes: int  # the snapshot bundle
    ops: int
    bytes_down: int  # on the wire, every run together (the interrupted one too)
    bytes_up: int
    dropped_at: int  # bytes of the snapshot the new PC had when the connection dropped
    seconds: float  # the runs' wall time, interrupted one included (not the pause between)
    rate_bytes_per_s: int
    runs: int
    complete: bool  # the new PC holds as many rows of every synced table as the township


def _drop_when_half_arrived(server: mailbox.Server, town: Node, device: uuid.UUID, inbox: Path, stop) -> list:
    """Watch the new PC's download; when half the snapshot is in, kill the server (connections
    dropped mid-transfer).  Returns [bytes the PC had] once it did."""
    out: list[int] = []
    folder = town.paths.sub("mailbox") / "out" / device.hex
    while not stop.is_set():
        sizes = [f.stat().st_size for f in folder.glob("*.cyb")] if folder.is_dir() else []
        parts = list(inbox.glob("*.part")) if inbox.is_dir() else []
        try:
            have = parts[0].stat().st_size if parts else 0
        except FileNotFoundError:  # it completed meanwhile (a link too fast to catch)
            have = 0
        if sizes and have >= sizes[0] // 2:
            server.stop(abruptly=True)
            out.append(have)
            return out
        time.sleep(0.02)
    return out


def replacement(
    root: Path, residents: int, *, rate_bytes_per_s: int = 32_000, seed: int = 1, keep: bool = False
) -> tuple[Replacement, Node, Node]:
    """A village with ``residents`` residents (demo: 2–3 years of visits) synced to the township,
    a township edit of its records, then its PC dies: a new PC (new keys, same village) is trusted
    and gets everything back over a link of ``rate_bytes_per_s``, the connection dropped half way.
    Returns the figures, the township and the new PC (``keep``: left open for the caller to
    compare; else disposed)."""
    import threading

    from app.models import FollowupVisit, Resident

    town, (old,) = make_county(root, 1, residents, seed)
    with mailbox.Server(town.store, town.paths, host="127.0.0.1", port=0).start() as server:
        for _ in range(2):  # the old PC's records reach the township; acknowledgements settle
            report = service.sync_once(old.store, old.paths, server=server.url)
            if not report.ok:
                raise RuntimeError(report.error.render())
    with town.store.transaction() as s:  # the township corrects a record of that village
        r = s.scalars(select(Resident).order_by(Resident.id).limit(1)).one()
        r.phone = "13800000000"
        old_id = old.device_id
        device_keys.revoke(s, old_id.hex)  # the dead PC is no longer trusted
    new = _node(root, "new", "village", old.code)
    with new.store.transaction() as s:
        device_keys.trust(s, _card(town))
    with town.store.transaction() as s:
        device_keys.trust(s, _card(new))
    with town.store.session() as s:
        count = {
            "residents": s.scalar(select(func.count()).select_from(Resident)),
            "visits": s.scalar(select(func.count()).select_from(FollowupVisit)),
        }
    config = mailbox.MailboxConfig(rate_bytes_per_s=rate_bytes_per_s)
    server = mailbox.Server(town.store, town.paths, host="127.0.0.1", port=0, config=config).start()
    port, url = server.port, server.url
    stop = threading.Event()
    dropped: list[int] = []
    watcher = threading.Thread(
        target=lambda: dropped.extend(
            _drop_when_half_arrived(server, town, new.device_id, service.inbox(new.paths), stop)
        )
    )
    watcher.start()
    t = time.perf_counter()
    first = service.sync_once(new.store, new.paths, server=url)
    seconds = time.perf_counter() - t
    stop.set()
    watcher.join()
    server.stop()
    if first.ok or not dropped:
        raise RuntimeError("the connection was not dropped mid-transfer")
    reports = [first]
    server = mailbox.Server(town.store, town.paths, host="127.0.0.1", port=port, config=config).start()
    try:
        t = time.perf_counter()
        for _ in range(2):  # the rest of the snapshot; then the new PC says what it holds
            report = service.sync_once(new.store, new.paths)
            reports.append(report)
            if not report.ok:
                raise RuntimeError(report.error.render())
        seconds += time.perf_counter() - t
    finally:
        server.stop()
    with town.store.session() as s:
        out = s.scalars(
            select(BundleRecord).where(BundleRecord.peer == new.device_id, BundleRecord.direction == "out")
        ).first()
    figures = Replacement(
        residents=count["residents"],
        visits=count["visits"],
        bundle_bytes=out.bytes,
        ops=out.ops,
        bytes_down=sum(r.bytes_down for r in reports),
        bytes_up=sum(r.bytes_up for r in reports),
        dropped_at=dropped[0],
        seconds=seconds,
        rate_bytes_per_s=rate_bytes_per_s,
        runs=len(reports),
        complete=_table_counts(town) == _table_counts(new),
    )
    old.dispose()
    if not keep:
        town.dispose()
        new.dispose()
    return figures, town, new


def _table_counts(node: Node) -> dict[str, int]:
    """Rows per synced table that travels to villages (a county of one village: all of them)."""
    from app.services.sync import capture

    with node.store.session() as s:
        return {
            name: s.scalar(select(func.count()).select_from(spec.table)) or 0
            for name, spec in capture.specs().items()
            if spec.to_villages
        }
