"""Devices for sync tests: each its own data dir, store and keys, trusting each other by card."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from app.config import Paths
from app.db import Store
from app.models import ResidentChoice
from app.services import profile
from app.services.sync import capture, exchange
from app.services.sync import keys as device_keys

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
    paths = Paths(root / name).ensure()
    store = Store(f"sqlite:///{paths.db_file}")
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


def dump(store: Store, village: str | None = None) -> dict[str, list[tuple]]:
    """Every synced table's rows (all synced columns, derived ones too), and each resident's
    ticked boxes by content.  ``village``: only the rows that concern that village."""
    out = {}
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
                    q = q.where(
                        t.c.village_id.in_(sa.text(f"(SELECT id FROM village WHERE code = '{village}')"))
                    )
                else:
                    q = q.where(
                        t.c.resident_id.in_(
                            sa.text(
                                "(SELECT r.id FROM resident r JOIN village v ON v.id = r.village_id "
                                f"WHERE v.code = '{village}')"
                            )
                        )
                    )
            out[name] = sorted(tuple(r) for r in conn.execute(q.order_by(t.c.id)).all())
        c = ResidentChoice.__table__
        rows = conn.execute(sa.select(c.c.resident_id, c.c.field, c.c.code, c.c.note, c.c.event_date)).all()
        out["resident_choice"] = sorted((tuple("" if v is None else v for v in r) for r in rows), key=str)
        if village is not None:
            ids = {r[0] for r in out["resident"]}
            out["resident_choice"] = [r for r in out["resident_choice"] if r[0] in ids]
    return out


def integrity(store: Store) -> str:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("PRAGMA integrity_check").scalar()


TODAY = dt.date(2026, 11, 23)
