"""A replacement PC over a slow link: a village's PC dies, a new one (new keys, same village) is
trusted, and gets the whole village back from the township's mailbox over a throttled loopback
link, the connection dropped half way and resumed; then every synced column of the village is the
same on both, nothing twice, and the dead PC's records go on merging as changes would."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models import BundleRecord, FollowupVisit, Peer, Resident, SmiRegistration, SyncConflict, Village
from app.services.sync import exchange, mailbox, service, snapshot
from app.services.sync import keys as device_keys
from app.tools import netbench
from tests.synckit import dump

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

RATE = 256_000 // 8  # 256 kbit/s


def _count(node, model, *where) -> int:
    with node.store.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _converged(town, new, code) -> None:
    at_town, at_new = dump(town.store, code), dump(new.store, code)
    for table in at_town:
        assert at_town[table] == at_new[table], table
    assert len(at_new["resident"]) == _count(new, Resident)  # the new PC has this village only
    ids = select(Resident.id_number).where(Resident.id_number.is_not(None))
    with new.store.session() as s:
        numbers = s.scalars(ids).all()
    assert len(numbers) == len(set(numbers))  # nobody twice
    assert _count(new, SyncConflict) == 0


def _check(figures, town, new, residents: int) -> None:
    code = new.code
    assert figures.residents == residents
    assert 0 < figures.dropped_at < figures.bundle_bytes  # dropped mid-transfer …
    # … and resumed from there: the snapshot travelled once, plus a few small answers
    assert figures.bytes_down < figures.bundle_bytes + 16_384
    assert figures.complete
    _converged(town, new, code)
    with town.store.session() as s:
        outs = s.scalars(
            select(BundleRecord).where(BundleRecord.peer == new.device_id, BundleRecord.direction == "out")
        ).all()
        ins = s.scalars(
            select(BundleRecord).where(BundleRecord.peer == new.device_id, BundleRecord.direction == "in")
        ).all()
    outs.sort(key=lambda b: b.id)
    # the snapshot, written once; then at most ordinary answers (the township's few own changes)
    assert outs[0].ops == figures.ops and all(b.ops < 50 for b in outs[1:])
    assert len({b.bundle_id for b in ins}) == len(ins)  # each of the new PC's bundles applied once
    with new.store.session() as s:
        got = s.scalars(select(BundleRecord).where(BundleRecord.direction == "in")).all()
    assert sorted(b.bundle_id for b in got) == sorted(b.bundle_id for b in outs)  # each imported once
    # afterwards an ordinary exchange: nothing more to fetch
    with mailbox.Server(town.store, town.paths, host="127.0.0.1", port=0).start() as server:
        again = service.sync_once(new.store, new.paths, server=server.url)
    assert again.ok and again.downloaded == 0
    _converged(town, new, code)


@pytest.mark.slow  # a rate-limited link: seconds by design
@pytest.mark.sqlite_only
def test_a_replacement_pc_gets_its_village_back_over_a_slow_link_resuming_once_dropped(tmp_path):
    figures, town, new = netbench.replacement(tmp_path, 120, rate_bytes_per_s=RATE, keep=True)
    try:
        _check(figures, town, new, 120)
        assert _count(new, FollowupVisit) == _count(town, FollowupVisit) > 0
        # 严重精神障碍 records reach the village's own new device (and only its village exists there)
        assert _count(new, SmiRegistration) == _count(town, SmiRegistration)
        print(
            f"\nreplacement, {figures.residents} residents: snapshot {figures.bundle_bytes:,} B "
            f"({figures.ops:,} ops), {figures.bytes_down:,} B down in {figures.seconds:.1f} s at 256 kbit/s"
        )
    finally:
        town.dispose()
        new.dispose()


@pytest.mark.slow
@pytest.mark.sqlite_only
def test_full_size_3000_residents_with_3_years_of_visits_at_256_kbit(tmp_path, record_property):
    figures, town, new = netbench.replacement(tmp_path, 3000, rate_bytes_per_s=RATE, keep=True)
    try:
        _check(figures, town, new, 3000)
        assert figures.bundle_bytes < netbench.LINK_BUDGET_BYTES  # 5 minutes of the link at most
        for key in ("bundle_bytes", "ops", "bytes_down", "seconds", "visits"):
            record_property(key, getattr(figures, key))
        print(
            f"\nreplacement, 3,000 residents / {figures.visits:,} visits: snapshot {figures.bundle_bytes:,} B "
            f"({figures.ops:,} ops), {figures.bytes_down:,} B down, {figures.seconds:.1f} s at 256 kbit/s "
            f"(dropped at {figures.dropped_at:,} B)"
        )
    finally:
        town.dispose()
        new.dispose()


@pytest.mark.sqlite_only
def test_only_a_new_device_of_a_known_village_gets_a_snapshot_and_only_its_villages_rows(tmp_path):
    """Who gets the whole village: a second device of a village the township knows, once; never a
    first device (its own records are its), never another village's records or the audit trail."""
    town, (a, b) = netbench.make_county(tmp_path, 2, 15)
    with mailbox.Server(town.store, town.paths, host="127.0.0.1", port=0).start() as server:
        for v in (a, b):
            assert service.sync_once(v.store, v.paths, server=server.url).ok
    new = netbench._node(tmp_path, "new", "village", a.code)
    with town.store.transaction() as s:
        device_keys.trust(s, netbench._card(new))
    with town.store.session() as s:
        assert not snapshot.wanted(s, a.device_id) and not snapshot.wanted(s, b.device_id)
        assert snapshot.wanted(s, new.device_id)
        peer = s.get(Peer, new.device_id)
        ops = [line for line in snapshot.op_lines(s, peer, town.device_id, lambda: None)]
    assert ops and all(f'"c":"{a.code}"' in op or f'"c":"{a.code[:9]}"' in op for op in ops)
    assert not any('"e":"audit_log"' in op for op in ops)
    with town.store.session() as s:
        a_residents = s.scalar(
            select(func.count()).select_from(Resident).where(Resident.village.has(Village.code == a.code))
        )
    assert sum('"e":"resident"' in op for op in ops) == a_residents
    result = snapshot.export(town.store, town.paths, tmp_path / "out", new.device_id)
    assert result.bundles[0].ops == len(ops)
    with town.store.session() as s:
        assert not snapshot.wanted(s, new.device_id)  # once
    for n in (town, a, b, new):
        n.dispose()


def replaced_by_stick(tmp_path, town, old):
    """A new PC for ``old``'s village, trusted both ways, set up by USB stick: its own first bundle
    to the township first (its init wrote the village's row anew: the township takes it, then
    sends everything back, as over the network), then the township's export, written to
    ``tmp_path / "stick2"``: (the new PC, that export)."""
    new = netbench._node(tmp_path, "new", "village", old.code)
    with new.store.transaction() as s:
        device_keys.trust(s, netbench._card(town))
    with town.store.transaction() as s:
        device_keys.trust(s, netbench._card(new))
    exchange.export_bundles(new.store, new.paths, tmp_path / "stick1")
    assert exchange.import_path(town.store, town.paths, tmp_path / "stick1")[0].status == "applied"
    return new, snapshot.export_bundles(town.store, town.paths, tmp_path / "stick2")


@pytest.mark.sqlite_only
def test_a_replacement_pc_set_up_by_usb_stick_gets_its_village_back_too(tmp_path):
    town, (old,) = netbench.make_county(tmp_path, 1, 15)
    stick = tmp_path / "stick"
    exchange.export_bundles(old.store, old.paths, stick)
    assert exchange.import_path(town.store, town.paths, stick)[0].status == "applied"
    new, result = replaced_by_stick(tmp_path, town, old)
    mine = [b for b in result.bundles if b.path and new.device_id.hex in b.path.name]
    assert len(mine) == 2 and mine[0].ops > mine[1].ops  # the snapshot first, then the usual bundle
    outcomes = exchange.import_path(new.store, new.paths, tmp_path / "stick2")
    assert {o.status for o in outcomes} <= {"applied", "foreign"}
    _converged(town, new, old.code)
    for n in (town, old, new):
        n.dispose()
