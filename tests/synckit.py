"""Devices for sync tests: each its own data dir, store and keys, trusting each other by card."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from app.config import Paths
from app.db import Store
from app.models import Resident, ResidentChoice, Village
from app.services import profile
from app.services.sync import capture, exchange
from app.services.sync import keys as device_keys
from tests import storekit

TOWN = "110105001"
VILLAGES = ("110105001101", "110105001102", "110105001103")


@dataclass
class Device:
    name: str
    paths: Paths
    store: Store

    @property
    def keys(self) -> device_keys.DeviceKeys:
        return device_keys.load_keys(self.paths.sub("keys"))

    def card(self) -> Path:
        with self.store.session() as s:
            card = device_keys.my_card(s, self.keys)
        path = self.paths.data_dir / f"{self.name}.card.json"
        path.write_text(card.to_json(), encoding="utf-8")
        return path

    def trust(self, other: Device) -> None:
        card = device_keys.read_card(other.card())
        with self.store.transaction() as s:
            device_keys.trust(s, card)

    def export(self, to: Path, **kw) -> list[Path]:
        to.mkdir(parents=True, exist_ok=True)
        result = exchange.export_bundles(self.store, self.paths, to, **kw)
        return [b.path for b in result.bundles if b.path]

    def import_(self, path: Path) -> list[exchange.ImportOutcome]:
        return exchange.import_path(self.store, self.paths, path)

    @property
    def device_id(self) -> uuid.UUID:
        with self.store.session() as s:
            return profile.get_profile(s).device_id

    def status(self) -> dict:
        with self.store.session() as s:
            return exchange.status(s)

    def unacked(self) -> int:
        with self.store.session() as s:
            return exchange.unacknowledged_total(s)


def make_device(root: Path, name: str, role: str, code: str) -> Device:
    """A freshly initialised device: its own device id and keys."""
    paths = Paths(root / name).ensure()
    store = storekit.new_store(paths.db_file, shared=role == "township")
    with store.transaction() as s:
        profile.init_profile(s, role=role, code=code, name=name, township_name="东风乡")
    device_keys.create_keys(paths.sub("keys"))
    return Device(name, paths, store)


def county(root: Path, villages: int = 2) -> tuple[Device, list[Device]]:
    """A township and its villages, each trusting the other."""
    town = make_device(root, "东风乡", "township", TOWN)
    vs = [make_device(root, f"村{i + 1}", "village", VILLAGES[i]) for i in range(villages)]
    for v in vs:
        town.trust(v)
        v.trust(town)
    return town, vs


def freeze(*devices: Device) -> None:
    """Close the devices of a template so that their data folders can be copied (see storekit)."""
    storekit.freeze(*(d.store for d in devices))


def copy_devices(devices: list[Device], root: Path) -> list[Device]:
    """A test's own copy of frozen devices: each whole data folder (database, keys, cards)
    under ``root``, opened.  They are the same devices, trusting each other as before."""
    out = []
    for d in devices:
        paths = Paths(storekit.copy_tree(d.paths.data_dir, root / d.paths.data_dir.name))
        out.append(Device(d.name, paths, storekit.open_copy(paths.data_dir)))
    return out


def dump(store: Store, village: str | None = None) -> dict[str, list[tuple]]:
    """Every synced table's rows (all synced columns, derived ones too), and each resident's
    ticked boxes by content.  ``village``: only the rows that concern that village."""
    out = {}
    tables = {name: spec.table for name, spec in capture.specs().items()}
    village_ids = sa.select(tables["village"].c.id).where(tables["village"].c.code == village)
    resident_ids = sa.select(tables["resident"].c.id).where(tables["resident"].c.village_id.in_(village_ids))
    with store.engine.connect() as conn:
        for name, spec in capture.specs().items():
            t = spec.table
            cols = [c for c in t.c if c.name != "sync_clocks"]
            q = sa.select(*cols)
            if village is not None:
                if spec.scope == "scope_code":
                    continue  # the audit trail travels to the township only
                if spec.scope == "code":
                    q = q.where(sa.or_(t.c.code == village, t.c.code == village[:9]))
                elif spec.scope == "village_id":
                    q = q.where(t.c.village_id.in_(village_ids))
                else:
                    # a real subquery: ``IN ((SELECT …))`` from a text clause is a list of its first row
                    q = q.where(t.c.resident_id.in_(resident_ids))
            # (by their text: a column may hold None in one row and an id in the next)
            out[name] = sorted((tuple(r) for r in conn.execute(q.order_by(t.c.id)).all()), key=repr)
        c = ResidentChoice.__table__
        rows = conn.execute(sa.select(c.c.resident_id, c.c.field, c.c.code, c.c.note, c.c.event_date)).all()
        out["resident_choice"] = sorted((tuple("" if v is None else v for v in r) for r in rows), key=str)
        if village is not None:
            ids = set(conn.execute(resident_ids).scalars())
            out["resident_choice"] = [r for r in out["resident_choice"] if r[0] in ids]
    return out


def integrity(store: Store) -> str:
    """SQLite's integrity_check; PostgreSQL checks its own pages: "ok" once the store answers."""
    with store.engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            return "ok" if conn.exec_driver_sql("SELECT 1").scalar() == 1 else "no answer"
        return conn.exec_driver_sql("PRAGMA integrity_check").scalar()


TODAY = dt.date(2026, 11, 23)


# ------------------------------------------------------------- hand-made bundles (fault tests)


def dump_everything(store: Store) -> dict[str, list[str]]:
    """Every table of the store, change_log and sync bookkeeping included, as sorted row texts; the
    bundle history (which records a rejection) is left out."""
    from app.models import Base

    out = {}
    with store.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name == "sync_bundle":
                continue
            out[table.name] = sorted(repr(tuple(r)) for r in conn.execute(sa.select(table)).all())
    return out


def change_op(row, session=None) -> dict:
    """A change_log row as it travels in a bundle.  A change that made its row keeps no copy of it
    while the row holds what it wrote: its payload is read from the row, as the export does (pass
    the ``session`` the row was read in)."""
    import json

    data = row.data
    if data is None:
        made = capture.creation_payloads(session.connection(), [(row.entity, row.row_id, row.hlc)])
        data = made[(row.entity, row.row_id)]
    return {
        "o": row.origin.hex,
        "s": row.seq,
        "e": row.entity,
        "r": row.row_id.hex,
        "h": row.hlc,
        "c": row.scope,
        "u": row.user_id.hex if row.user_id else None,
        "d": json.loads(data),
    }


def craft_bundle(
    sender: Device,
    recipient: Device,
    ops: list[dict],
    to: Path,
    *,
    ranges: dict | None = None,
    acks: dict | None = None,
    clock: str | None = None,
    sent_at_ms: int | None = None,
    snapshot: bool = False,
    extra: dict | None = None,
) -> Path:
    """A bundle made by hand but sealed as ``sender`` seals its own: signed with its real key,
    encrypted to ``recipient``'s, with the manifest export writes.  ``ranges`` default: each
    origin's ops from the lowest seq to the highest; ``acks``: none; ``clock``: the ops' newest;
    ``extra``: more of the manifest."""
    import json

    from app import __version__
    from app.db import head_revision
    from app.models import Peer, utcnow
    from app.services.sync import bundle

    with sender.store.session() as s:
        me = profile.get_profile(s)
        peer = s.get(Peer, recipient.device_id)
        enc_key, fingerprint, acked = peer.enc_key, peer.fingerprint, dict(peer.acked or {})
        me_id, db_id, role, code = me.device_id, me.db_id, me.role, me.code
    if ranges is None:
        ranges = {}
        for op in ops:
            lo, hi = ranges.get(op["o"], [op["s"] - 1, op["s"]])
            ranges[op["o"]] = [min(lo, op["s"] - 1), max(hi, op["s"])]
    bundle_id = uuid.uuid4()
    header = {
        "bundle_id": bundle_id.hex,
        "sender": me_id.hex,
        "recipient": recipient.device_id.hex,
        "recipient_fpr": fingerprint,
        "schema": head_revision(),
        "created": utcnow().isoformat(timespec="seconds") + "Z",
    }
    manifest = {
        **header,
        "format": bundle.FORMAT,
        "sender_db": db_id.hex,
        "sender_role": role,
        "sender_code": code,
        "app_version": __version__,
        "clock": clock if clock is not None else max((op["h"] for op in ops), default=""),
        "sent_at_ms": sent_at_ms if sent_at_ms is not None else capture.wall_ms(),
        "ranges": ranges,
        "acks": acks or {},
        "acks_seen": acked,
        **({"snapshot": True} if snapshot else {}),
        **(extra or {}),
    }
    to.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(op, ensure_ascii=False, separators=(",", ":")) for op in ops]
    written = bundle.write(
        to,
        keys=sender.keys,
        header=header,
        manifest=manifest,
        op_lines=lines,
        recipients=[enc_key],
        work_dir=sender.paths.sub("outbox"),
    )
    return written.path


def round_trip(town: Device, villages: list[Device], root: Path, tag: str) -> None:
    """Villages → township → villages → township: everything acknowledged everywhere."""
    up, down, ack = root / f"{tag}-up", root / f"{tag}-down", root / f"{tag}-ack"
    for v in villages:
        v.export(up)
    town.import_(up)
    town.export(down)
    for v in villages:
        v.import_(down)
        v.export(ack)
    town.import_(ack)


def synced_county(root: Path) -> list[Device]:
    """A township and two villages with 25 and 15 demo residents after one full round trip (the
    township holds both villages' records, each village has seen the township's clock), frozen
    to be copied by each test (:func:`copy_devices`)."""
    from app.tools import demo

    town, (a, b) = county(root)
    with a.store.transaction() as s:
        demo.generate_demo(s, 25, seed=5, today=TODAY)
    with b.store.transaction() as s:
        demo.generate_demo(s, 15, seed=6, today=TODAY)
    round_trip(town, [a, b], root, "setup")
    freeze(town, a, b)
    return [town, a, b]


def first_resident(device, code: str) -> Resident:
    """The resident of village ``code`` with the lowest archive number in ``device``'s store."""
    with device.store.session() as s:
        return s.scalar(
            sa.select(Resident)
            .join(Village, Village.id == Resident.village_id)
            .where(Village.code == code)
            .order_by(Resident.archive_no)
        )


def changes_made(device: Device, make) -> list[dict]:
    """The changes ``make(session)`` logs on ``device``, in one transaction, as they travel in a
    bundle (its own, in order)."""
    from sqlalchemy import func, select

    from app.models import ChangeLog

    with device.store.session() as s:
        before = s.scalar(select(func.max(ChangeLog.seq)).where(ChangeLog.origin == device.device_id)) or 0
    with device.store.transaction() as s:
        make(s)
    with device.store.session() as s:
        rows = s.scalars(
            select(ChangeLog)
            .where(ChangeLog.origin == device.device_id, ChangeLog.seq > before)
            .order_by(ChangeLog.seq)
        ).all()
        return [change_op(row, s) for row in rows]
