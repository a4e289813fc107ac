"""Convergence, as a property: two villages and a township make random creates, edits and voids;
bundles are exported, lost, duplicated and delivered in any order; after a final full round
trip every device holds the identical rows it should, and no change is unacknowledged."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.models import ChangeLog, Resident
from app.services import profile
from app.services.records import residents as records
from app.services.sync import merge
from tests.synckit import TODAY, VILLAGES, Device, copy_devices, county, dump, freeze

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨军", "赵敏", "黄磊"]
ADDRESSES = ["一组1号", "二组5号", "三组8号", "四组2号"]

step = st.one_of(
    st.tuples(
        st.just("create"), st.sampled_from(["town", "a", "b"]), st.sampled_from([0, 1]), st.integers(0, 7)
    ),
    st.tuples(
        st.just("edit"),
        st.sampled_from(["town", "a", "b"]),
        st.integers(0, 50),
        st.sampled_from(["phone", "current_address", "name"]),
        st.integers(0, 7),
    ),
    st.tuples(st.just("void"), st.sampled_from(["town", "a", "b"]), st.integers(0, 50)),
    st.tuples(st.just("export"), st.sampled_from(["town", "a", "b"])),
    st.tuples(st.just("deliver"), st.integers(0, 20), st.sampled_from(["once", "twice", "lose"])),
)


@pytest.fixture(scope="module")
def template(tmp_path_factory, db_backend):  # built once per module and database
    town, (a, b) = county(tmp_path_factory.mktemp("template"), 2)
    freeze(town, a, b)
    return [town, a, b]


def _devices(template, root: Path) -> dict[str, Device]:
    return dict(zip(("town", "a", "b"), copy_devices(template, root), strict=True))


def _residents(device: Device) -> list:
    with device.store.session() as s:
        return list(s.scalars(select(Resident.id).where(Resident.voided.is_(False)).order_by(Resident.id)))


def _apply_step(devs, inbox, step_, counter):
    kind = step_[0]
    if kind == "create":
        _, who, village, n = step_
        device = devs[who]
        code = VILLAGES[village] if who == "town" else None
        if who != "town" and village:  # a village enrols only its own residents
            code = None
        with device.store.transaction() as s:
            inp = records.ResidentInput(
                name=NAMES[n],
                sex="1" if n % 2 else "2",
                birth_date=f"19{50 + n}-0{1 + n % 9}-1{n % 9}",
                current_address=ADDRESSES[n % 4],
                village_code=code or "",
            )
            records.save_resident(s, inp, today=TODAY)
    elif kind in ("edit", "void"):
        device = devs[step_[1]]
        ids = _residents(device)
        if not ids:
            return
        rid = ids[step_[2] % len(ids)]
        with device.store.transaction() as s:
            r = s.get(Resident, rid)
            if kind == "void":
                r.voided, r.void_reason = True, "重复建档"
                return
            field, n = step_[3], step_[4]
            counter[0] += 1
            value = {
                "phone": f"139{counter[0]:08d}",
                "current_address": ADDRESSES[n % 4] + f"{counter[0]}室",
                "name": NAMES[n],
            }[field]
            inp = records.resident_input_from(r)
            setattr(inp, field, value)
            records.save_resident(s, inp, resident_id=rid, today=TODAY)
    elif kind == "export":
        device = devs[step_[1]]
        out = Path(tempfile.mkdtemp(dir=device.paths.data_dir.parent))
        inbox.extend(device.export(out, always=True))
    elif kind == "deliver" and inbox:
        path = inbox.pop(step_[1] % len(inbox))
        if step_[2] == "lose":
            return
        for device in devs.values():
            if device.device_id.hex == path.name.split("_")[1]:
                device.import_(path)
                if step_[2] == "twice":
                    device.import_(path)


def _round_trip(devs, root: Path, tag: str) -> None:
    town, villages = devs["town"], [devs["a"], devs["b"]]
    up, down, ack = root / f"{tag}-up", root / f"{tag}-down", root / f"{tag}-ack"
    for v in villages:
        v.export(up, always=True)
    town.import_(up)
    town.export(down, always=True)
    for v in villages:
        v.import_(down)
        v.export(ack, always=True)
    town.import_(ack)


@pytest.mark.slow
@settings(  # as many examples as the Hypothesis profile says (conftest: 200 in CI)
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(steps=st.lists(step, max_size=14))
def test_random_histories_converge(template, steps):
    root = Path(tempfile.mkdtemp())
    devs = _devices(template, root)
    try:
        inbox: list[Path] = []
        counter = [0]
        for s in steps:
            _apply_step(devs, inbox, s, counter)
        for i, path in enumerate(reversed(inbox)):  # stragglers arrive late, newest first
            if i % 3 != 2:
                _apply_step(devs, [path], ("deliver", 0, "once"), counter)
        _round_trip(devs, root, "final")
        town = devs["town"]
        for name, code in (("a", VILLAGES[0]), ("b", VILLAGES[1])):
            assert dump(devs[name].store, code) == dump(town.store, code), name
            assert devs[name].unacked() == 0
            with (
                devs[name].store.session() as s,
                town.store.session() as t,
            ):  # every change is at the township
                # (the audit entry of the village's last export travels with its next one)
                theirs = set(
                    s.execute(
                        select(ChangeLog.origin, ChangeLog.seq).where(ChangeLog.entity != "audit_log")
                    ).all()
                )
                held = merge.Holdings(t, profile.get_profile(t).device_id)
                assert all(held.has(origin, seq) for origin, seq in theirs)
        assert town.unacked() == 0
    finally:
        for d in devs.values():
            d.store.dispose()
        shutil.rmtree(root, ignore_errors=True)
