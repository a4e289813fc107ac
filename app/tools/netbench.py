"""Network sync figures for ``cunyi bench`` (and the concurrency test): a township's mailbox served
in this process on loopback, villages syncing with it.

``sync.roundtrip``: one village's N changes exported, uploaded over HTTP and imported by the
township, against the same bundle carried by "USB" (export + import, no HTTP) in the same run.
``sync.concurrent30``: 30 villages with a few hundred changes each syncing at once; every change
applied once, throughput in changes per second.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from app.config import Paths
from app.db import Store
from app.models import BundleRecord, ChangeLog
from app.services import profile
from app.services.sync import exchange, mailbox, service
from app.services.sync import keys as device_keys
from app.tools import demo

TOWN = "110105001"


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


def _node(root: Path, name: str, role: str, code: str) -> Node:
    paths = Paths(root / name).ensure()
    store = Store(f"sqlite:///{paths.db_file}")
    with store.transaction() as s:
        profile.init_profile(s, role=role, code=code, name=name, township_name="东风乡")
    device_keys.create_keys(paths.sub("keys"))
    return Node(paths, store, code)


def _card(node: Node) -> device_keys.DeviceCard:
    with node.store.session() as s:
        return device_keys.my_card(s, device_keys.load_keys(node.paths.sub("keys")))


def make_county(root: Path, villages: int, residents: int, seed: int = 1) -> tuple[Node, list[Node]]:
    """A township and ``villages`` villages (codes …101, …102, …) trusting each other, each village
    with ``residents`` demo residents not yet sent."""
    town = _node(root, "town", "township", TOWN)
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

    @property
    def per_s(self) -> float:
        return self.changes / self.seconds if self.seconds else 0.0


def concurrent_sync(town: Node, villages: list[Node]) -> ConcurrentRun:
    """Every village syncs at once with the township's mailbox (loopback): each pushes its changes
    and pulls the township's answer.  Returns the changes sent and the wall time."""
    changes = sum(logged_changes(v) for v in villages)
    with mailbox.Server(town.store, town.paths, host="127.0.0.1", port=0).start() as server:

        def one(v: Node) -> str | None:
            report = service.sync_once(v.store, v.paths, server=server.url)
            return None if report.ok else f"{v.code}: {report.error.render()}"

        t = time.perf_counter()
        with ThreadPoolExecutor(len(villages)) as pool:
            results = list(pool.map(one, villages))
        seconds = time.perf_counter() - t
    return ConcurrentRun(len(villages), changes, seconds, [r for r in results if r])


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


def _unenrolled_resident(session) -> uuid.UUID:
    from app.models import ProgramEnrolment, Resident

    enrolled = select(ProgramEnrolment.resident_id)
    return session.scalar(
        select(Resident.id).where(Resident.id.not_in(enrolled)).order_by(Resident.id).limit(1)
    )


def bench_network(seed: int, changes: int, log) -> list:
    """``sync.roundtrip`` (``changes`` changes, HTTP against USB in the same run) and
    ``sync.concurrent30`` (30 villages × a few hundred changes) as bench metrics."""
    import tempfile

    from app.tools.bench import Metric

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        residents = max(100, int(changes / 6.7))  # the demo logs about 6.7 changes per resident
        log(f"sync.roundtrip: {residents:,} residents over loopback HTTP and by USB …")
        r = roundtrip(Path(tmp) / "roundtrip", residents, seed)
        out.append(
            Metric(
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
        )
        log("sync.concurrent30: 30 villages at once …")
        town, villages = make_county(Path(tmp) / "county", 30, 40, seed)
        try:
            run = concurrent_sync(town, villages)
            complete = not run.failures and all(bundles_from(town, v) == 1 for v in villages)
        finally:
            for n in (town, *villages):
                n.dispose()
        out.append(
            Metric(
                "sync.concurrent30",
                "30 villages syncing at once: all applied, none twice",
                median_ms=run.seconds * 1000,
                p95_ms=run.seconds * 1000,
                per_s=run.per_s,
                ok=complete,
                note=f"{run.changes:,} changes from 30 villages; per_s = changes applied per second",
                extra={"changes": run.changes, "villages": run.villages},
            )
        )
    return out


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
    )
    old.dispose()
    if not keep:
        town.dispose()
        new.dispose()
    return figures, town, new

