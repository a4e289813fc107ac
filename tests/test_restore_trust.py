"""Restore cannot drop edits, a backup of another installation is refused, and CunYi's files are
owner-only ("Trust at every boundary", items 2, 3 and 5).

The fault trials: a village restores a backup that is older than what the township already holds
from it, and the restore is SIGKILLed — at each named step (right after the file swap above all)
and at random moments.  Whatever the kill left, the next start cleans up, and an edit made on
that PC afterwards must reach the township through a bundle and show there.
"""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
import uuid
import zlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.config import Paths, setup_logging
from app.db import Store
from app.models import AuditEntry, OriginMark, Peer, Profile, Resident, SyncConflict, SyncState
from app.services import backup
from app.services.errors import UserError
from app.services.records import residents as records
from app.services.sync import exchange, snapshot
from app.services.sync import keys as device_keys
from tests import storekit, synckit
from tests.synckit import TODAY, VILLAGES, copy_devices, county, dump, make_device
from tests.test_clocks import clock  # noqa: F401  (the fixture)

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

ROOT = Path(__file__).parent.parent
GAP = backup.SEQ_GAP_AFTER_RESTORE
STEPS = ("aside", "copied", "prepared", "closed", "swapped", "done")


def _person(name: str, phone: str = "13900000000") -> records.ResidentInput:
    return records.ResidentInput(
        name=name, sex="1", birth_date="1950-01-01", current_address="一组", phone=phone
    )


def _set_phone(device: synckit.Device, resident_id: uuid.UUID, phone: str, name: str = "张三") -> None:
    with device.store.transaction() as s:
        records.save_resident(s, _person(name, phone), resident_id=resident_id, today=TODAY)


def _town_phone(town: synckit.Device, resident_id: uuid.UUID) -> str | None:
    with town.store.session() as s:
        return s.scalar(select(Resident.phone).where(Resident.id == resident_id))


def _send(village: synckit.Device, town: synckit.Device, folder: Path) -> list:
    bundles = village.export(folder)
    assert bundles
    return town.import_(folder)


def _state(device: synckit.Device) -> tuple[uuid.UUID, int]:
    with device.store.session() as s:
        return s.get(Profile, 1).db_id, s.scalar(select(SyncState.seq))


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    """A township and a village that synced, a backup of the village, and edits the village made
    after the backup that the township already holds: what a restore of that backup loses."""
    root = tmp_path_factory.mktemp("restore-scene")
    town, (village,) = county(root, villages=1)
    with village.store.transaction() as s:
        rid = records.save_resident(s, _person("张三"), today=TODAY).id
        for name in ("李四", "王五"):
            records.save_resident(s, _person(name), today=TODAY)
    [first] = _send(village, town, root / "b1")
    assert first.status == "applied"
    saved = backup.backup_to(village.store, root / "village-backup.db")
    for i in range(5):  # after the backup: lost by the restore, but already at the township
        _set_phone(village, rid, f"1380000000{i}")
    [second] = _send(village, town, root / "b2")
    assert second.status == "applied" and _town_phone(town, rid) == "13800000004"
    db_id, seq = _state(village)
    synckit.freeze(town, village)
    return {"town": town, "village": village, "backup": saved, "rid": rid, "db_id": db_id, "seq": seq}


RESTORER = """
import os, signal, sys
from app.config import Paths
from app.db import Store
from app.services import backup
data, src, kill_at, force = sys.argv[1:5]
from pathlib import Path
if kill_at != "-":
    def stop(step):
        if step == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
    backup.on_step = stop
print("READY", flush=True)
paths = Paths(Path(data)).ensure()  # as `cunyi restore` opens the store
store = Store(f"sqlite:///{paths.db_file}", backups_dir=paths.sub("backups"))
backup.restore(store, paths, src, force_other_device=force == "1")
print("RESTORED", flush=True)
"""


def _restore_in_subprocess(
    data: Path, src: Path, *, kill_at: str = "-", delay: float | None = None, force: bool = False
) -> tuple[bool, float]:
    """Run a restore in its own process; SIGKILL it at step ``kill_at`` (from inside) or ``delay``
    seconds after it is ready (from outside).  Returns (killed, seconds from ready to the end)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", RESTORER, str(data), str(src), kill_at, "1" if force else "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "READY"
    t0 = time.perf_counter()
    took = None
    if delay is not None:
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
    elif kill_at == "-":
        assert proc.stdout.readline().strip() == "RESTORED"
        took = time.perf_counter() - t0  # the restore itself, without the interpreter's exit
    out, err = proc.communicate(timeout=120)
    killed = proc.returncode == -signal.SIGKILL
    assert killed or proc.returncode == 0, err[-3000:]
    assert killed or "RESTORED" in out or took is not None
    return killed, took or 0.0


def _after_kill(root: Path, scene, trial: str, **kill) -> str:
    """One trial: fresh copies of the township and the village, a restore killed as asked, the
    next start, then an edit on the village PC that must show at the township.  Returns where the
    kill landed: "before" the swap (old store) or "after" it (the prepared backup)."""
    town, village = copy_devices([scene["town"], scene["village"]], root / trial)
    data = village.paths.data_dir
    village.store.dispose()
    killed, _ = _restore_in_subprocess(data, scene["backup"], **kill)
    # the next start: clean up, then open the store as the app does
    backup.recover_interrupted_restore(village.paths)
    leftovers = [
        p.name
        for p in data.rglob("*")
        if p.name.endswith((".part", ".restore"))
        or ".restore-" in p.name
        or p.name.startswith(backup.WORK_PREFIX)  # its copies of the backup
    ]
    assert not leftovers, (trial, leftovers)
    assert not (data / backup.KEYS_PENDING).exists()
    village = dataclasses.replace(village, store=Store(f"sqlite:///{village.paths.db_file}"))
    assert synckit.integrity(village.store) == "ok", trial
    db_id, seq = _state(village)
    if db_id == scene["db_id"]:
        landed = "before"
        assert seq == scene["seq"], trial  # the old store, untouched
    else:
        landed = "after"
        assert seq >= scene["seq"] + GAP, (trial, seq)  # prepared before the swap, never after
        with village.store.session() as s:
            assert all(p.acked == {} for p in s.scalars(select(Peer)))  # everything is sent again
            restores = select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "restore")
            assert s.scalar(restores) == 1
    phone = f"137{zlib.crc32(trial.encode()) % 10**8:08d}"
    _set_phone(village, scene["rid"], phone)
    outcomes = _send(village, town, root / trial / "bundle")
    assert [o.status for o in outcomes] == ["applied"], (trial, outcomes)
    assert _town_phone(town, scene["rid"]) == phone, (trial, landed, killed)  # the edit reached it
    report = backup.check(town.store)  # the village's audit chain, with the restore's branch
    assert report.ok, (trial, [(r.name, r.detail) for r in report.results if not r.ok])
    assert backup.check(village.store).ok, trial
    village.store.dispose()
    town.store.dispose()
    return landed


@pytest.mark.sqlite_only  # backup and restore of the store's SQLite file (a server's: test_postgresql)
@pytest.mark.slow
def test_sigkill_during_restore_never_drops_a_later_edit(scene, tmp_path):
    rng = random.Random(20261124)
    # an uninterrupted restore first: it works, and tells how long one takes
    town, village = copy_devices([scene["town"], scene["village"]], tmp_path / "timing")
    village.store.dispose()
    town.store.dispose()
    _, full = _restore_in_subprocess(village.paths.data_dir, scene["backup"])
    trials: list[tuple[str, dict]] = []
    trials += [(f"swapped-{i}", {"kill_at": "swapped"}) for i in range(8)]  # right after the rename
    trials += [(f"step-{step}", {"kill_at": step}) for step in STEPS]  # each step once
    trials += [(f"timer-{i}", {"delay": rng.uniform(0.0, 2 * full)}) for i in range(8)]  # around the swap
    landed = {"before": [], "after": []}
    for name, kill in trials:
        how = kill.get("kill_at") or f"{kill['delay']:.3f}s"
        landed[_after_kill(tmp_path, scene, name, **kill)].append(f"{name}:{how}")
    print(
        f"\nrestore kills: {len(trials)} trials (one restore: {full:.2f} s); "
        f"landed before the swap: {len(landed['before'])}, after: {len(landed['after'])}; "
        "every later edit reached the township"
    )
    print(f"before: {landed['before']}\nafter: {landed['after']}")
    assert len(trials) >= 20
    assert {f"swapped-{i}:swapped" for i in range(8)} <= set(landed["after"])
    assert landed["before"]  # some kills did land before the swap


@pytest.mark.sqlite_only  # backup and restore of the store's SQLite file (a server's: test_postgresql)
def test_restoring_the_same_backup_twice_still_reaches_the_township(scene, tmp_path):
    town, village = copy_devices([scene["town"], scene["village"]], tmp_path)
    for round_ in range(2):
        backup.restore(village.store, village.paths, scene["backup"])
        village = dataclasses.replace(village, store=Store(f"sqlite:///{village.paths.db_file}"))
        phone = f"1360000000{round_}"
        _set_phone(village, scene["rid"], phone)
        assert [o.status for o in _send(village, town, tmp_path / f"r{round_}")] == ["applied"]
        assert _town_phone(town, scene["rid"]) == phone
    assert backup.check(town.store).ok and backup.check(village.store).ok


def test_the_trail_carried_through_a_restore_reaches_the_township_once(scene, tmp_path):
    """A restore keeps the audit entries made after the backup (test_restore_integrity) and sends
    them: one never sent reaches the township, those it holds already are taken as the same
    entries (sent at another clock they were refused as changed, and the whole bundle with them)."""
    from app.services.access import audit

    town, village = copy_devices([scene["town"], scene["village"]], tmp_path)
    with village.store.transaction() as s:
        audit.record(s, "denied", "resident", None, "refused after the backup, never sent", username="x")
    backup.restore(village.store, village.paths, scene["backup"])
    village = dataclasses.replace(village, store=Store(f"sqlite:///{village.paths.db_file}"))
    assert [o.status for o in _send(village, town, tmp_path / "after")] == ["applied"]
    with town.store.session() as s:
        told = select(func.count()).select_from(AuditEntry)
        assert s.scalar(told.where(AuditEntry.summary == "refused after the backup, never sent")) == 1
        phones = told.where(AuditEntry.action == "update", AuditEntry.summary.like("张三%phone%"))
        assert s.scalar(phones) == 5  # the five edits after the backup, sent before it: once each
    assert backup.check(town.store).ok and backup.check(village.store).ok


# ------------------------------------------------------------------ another installation


@pytest.fixture
def pair(tmp_path):
    town, (a, b) = county(tmp_path, villages=2)
    with a.store.transaction() as s:
        records.save_resident(s, _person("张三"), today=TODAY)
    yield town, a, b
    for d in (town, a, b):
        d.store.dispose()


def _refused(target: synckit.Device, src: Path, **options) -> str:
    before = dump(target.store)
    files = sorted(p.name for p in target.paths.data_dir.rglob("*"))
    with pytest.raises(UserError) as e:
        backup.restore(target.store, target.paths, src, **options)
    assert dump(target.store) == before  # nothing changed
    assert sorted(p.name for p in target.paths.data_dir.rglob("*")) == files  # not even a copy aside
    return e.value.render()


@pytest.mark.sqlite_only  # backup and restore of the store's SQLite file (a server's: test_postgresql)
def test_a_backup_of_another_village_is_refused(pair, tmp_path):
    """Even as a new device: a restore brings back this institution's data; it never turns a
    village's PC into another village's (with that village's records, 严重精神障碍 included)."""
    _town, a, b = pair
    for options in ({}, {"force_other_device": True}):
        text = _refused(b, backup.backup_to(a.store, tmp_path / "a.db"), **options)
        assert "不会把本机变成另一个村卫生室或卫生院" in text and VILLAGES[0] in text and VILLAGES[1] in text
        assert "用备份所属单位的代码运行 cunyi init" in text and "--force-other-device" in text


@pytest.mark.sqlite_only  # backup and restore of the store's SQLite file (a server's: test_postgresql)
def test_a_backup_of_the_township_is_refused(pair, tmp_path):
    """A village PC never becomes the township's (every village's records) by a restore."""
    town, a, _b = pair
    for options in ({}, {"force_other_device": True}):
        text = _refused(a, backup.backup_to(town.store, tmp_path / "town.db"), **options)
        assert "不会把本机变成另一个村卫生室或卫生院" in text and synckit.TOWN in text


@pytest.mark.sqlite_only  # backup and restore of the store's SQLite file (a server's: test_postgresql)
def test_a_backup_of_this_village_from_another_pc_is_refused(tmp_path):
    """Same village code, another device (the old PC; or this one re-initialised after a wipe)."""
    old = make_device(tmp_path, "旧电脑", "village", VILLAGES[0])
    new = make_device(tmp_path, "新电脑", "village", VILLAGES[0])
    text = _refused(new, backup.backup_to(old.store, tmp_path / "old.db"))
    assert "另一台设备的备份" in text
    old.store.dispose()
    new.store.dispose()


@pytest.mark.sqlite_only  # backup and restore of the store's SQLite file (a server's: test_postgresql)
def test_a_backup_edited_to_read_as_this_pc_is_refused_by_its_seal(pair, tmp_path):
    """Another village's backup with this PC's device id written into its profile row (the id is
    public: it is on the device card) was restored as this PC's own, no question asked, and its
    accounts then worked here.  And this PC's own backup with a record changed inside."""
    _town, a, b = pair
    forged = backup.backup_to(a.store, tmp_path / "forged.db")
    conn = sqlite3.connect(forged)
    with conn:
        conn.execute(
            "UPDATE profile SET device_id = ?, code = ? WHERE id = 1", (b.device_id.bytes, VILLAGES[1])
        )
    conn.close()
    text = _refused(b, forged)  # (its seal beside it: another PC's)
    assert "与它旁边的备份签章（forged.db.seal）对不上" in text and "--force-other-device" in text
    edited = backup.backup_to(b.store, tmp_path / "edited.db")
    conn = sqlite3.connect(edited)
    with conn:
        assert conn.execute("UPDATE profile SET phone = '13900000000' WHERE id = 1").rowcount == 1
    conn.close()
    assert "对不上" in _refused(b, edited)  # this PC's own seal beside it: the file changed since
    edited.with_name(edited.name + backup.SEAL_SUFFIX).unlink()
    assert "没有本机的备份签章" in _refused(b, edited)  # and without one


@pytest.mark.sqlite_only  # backup and restore of the store's SQLite file (a server's: test_postgresql)
def test_this_pcs_backup_restores_with_its_seal_and_not_without(pair, tmp_path):
    _town, a, _b = pair
    saved = (
        backup.backup_to(a.store, tmp_path / "usb" / "a.db") if (tmp_path / "usb").mkdir() is None else None
    )
    moved = tmp_path / "alone.db"
    moved.write_bytes(saved.read_bytes())  # copied without its seal
    assert "没有本机的备份签章" in _refused(a, moved)
    info, _aside = backup.restore(a.store, a.paths, saved)
    assert info.new_device_id is None  # this PC's own, as it was: the same identity


@pytest.mark.sqlite_only  # backup and restore of the store's SQLite file (a server's: test_postgresql)
def test_force_other_device_takes_a_new_identity_that_peers_must_trust(tmp_path):
    """The disk was wiped: CunYi reinstalled and initialised (a new device), the old PC's backup
    restored with force.  The PC gets yet another device id and new keys; its records are the
    backup's; the township accepts its bundles only after trusting its new card."""
    town, (village,) = county(tmp_path, villages=1)
    with village.store.transaction() as s:
        rid = records.save_resident(s, _person("张三"), today=TODAY).id
    [o] = _send(village, town, tmp_path / "b0")
    assert o.status == "applied"
    with village.store.transaction() as s:  # after the last export: the township never got it
        late = records.save_resident(s, _person("李四"), today=TODAY).id
    saved = backup.backup_to(village.store, tmp_path / "usb.db")
    before = dump(village.store)
    old_device = village.device_id
    with village.store.session() as s:
        old_fpr = device_keys.my_card(s, village.keys).fingerprint
    village.store.dispose()
    wiped = Paths(tmp_path / "reinstalled")
    fresh = make_device(tmp_path, "reinstalled", "village", VILLAGES[0])
    fresh_device = fresh.device_id
    info, aside = backup.restore(fresh.store, fresh.paths, saved, force_other_device=True)
    assert aside.exists() and info.device_id == old_device
    store = Store(f"sqlite:///{wiped.db_file}")
    pc = synckit.Device("reinstalled", wiped, store)
    assert info.new_device_id == pc.device_id
    assert pc.device_id not in (old_device, fresh_device)  # a new identity
    after = dump(store)
    del after["audit_log"], before["audit_log"]  # the restore itself is audited
    assert after == before  # the backup's records
    with store.session() as s:
        card = device_keys.my_card(s, pc.keys)
    assert card.device_id == pc.device_id.hex and card.fingerprint != old_fpr  # new keys
    assert len(list(tmp_path.glob("reinstalled/keys-pre-restore-*"))) == 1  # the given-up keys, kept aside
    with store.session() as s:
        assert all(p.acked == {} for p in s.scalars(select(Peer)))
    _set_phone(pc, rid, "13511112222")
    [o] = _send(pc, town, tmp_path / "b1")
    assert o.status == "rejected" and "未受信任" in o.reason.render()  # peers must trust the new card
    town.trust(pc)
    [o] = town.import_(o.quarantined)  # (quarantine/unverified: no trusted signature vouched for it)
    assert o.status == "applied", o.reason.render() if o.reason else o
    assert _town_phone(town, rid) == "13511112222"
    assert _town_phone(town, late) == "13900000000"  # what the old PC never delivered arrived too
    assert backup.check(store).ok and backup.check(town.store).ok
    store.dispose()
    town.store.dispose()


@pytest.mark.sqlite_only  # backup and restore of the store's SQLite file (a server's: test_postgresql)
@pytest.mark.slow
@pytest.mark.parametrize("kill_at", ["keys", "closed", "swapped", "done"])
def test_a_killed_restore_as_a_new_device_keeps_store_and_keys_together(tmp_path, kill_at):
    old = make_device(tmp_path, "旧电脑", "village", VILLAGES[0])
    saved = backup.backup_to(old.store, tmp_path / "old.db")
    old_device = old.device_id
    old.store.dispose()
    pc = make_device(tmp_path, "新电脑", "village", VILLAGES[0])
    before_device = pc.device_id
    with pc.store.session() as s:
        before_card = device_keys.my_card(s, pc.keys)
    pc.store.dispose()
    killed, _ = _restore_in_subprocess(pc.paths.data_dir, saved, kill_at=kill_at, force=True)
    assert killed
    backup.recover_interrupted_restore(pc.paths)
    store = Store(f"sqlite:///{pc.paths.db_file}")
    with store.session() as s:
        card = device_keys.my_card(s, device_keys.load_keys(pc.paths.sub("keys")))
    if kill_at in ("keys", "closed"):  # before the swap: the PC as it was, keys and all
        assert card == before_card
    else:  # after: the new identity with its own new keys
        assert card.device_id not in (before_device.hex, old_device.hex)
        assert card.fingerprint != before_card.fingerprint
    assert not (pc.paths.data_dir / backup.KEYS_PENDING).exists()
    store.dispose()


# --------------------------------------------------------------------- start and check


@pytest.mark.sqlite_only  # backup and restore of the store's SQLite file (a server's: test_postgresql)
def test_leftovers_of_a_cut_restore_are_removed_at_start_but_not_live_files(store, tmp_path):
    paths = Paths(storekit.data_dir(store)).ensure()
    db = paths.db_file
    made = [
        db.with_name(db.name + ".restore"),
        db.with_name(db.name + ".restore-journal"),
        paths.sub("backups") / "pre-restore-20261124-101010.db.part",
        paths.sub("backups") / "daily-20261124.db.part",
    ]
    for p in made:
        p.write_bytes(b"half")
    pending = paths.data_dir / backup.KEYS_PENDING  # keys of a restore that never swapped
    device_keys.create_keys(pending)
    (pending / backup.DEVICE_MARK).write_text(uuid.uuid4().hex)
    live = paths.sub("backups") / "being-written.db.part"
    if os.name == "posix":  # a backup another process is writing right now: left alone
        import fcntl

        fd = os.open(live, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
    done = backup.recover_interrupted_restore(paths)
    assert not any(p.exists() for p in made) and not pending.exists(), done
    if os.name == "posix":
        assert live.exists()
        os.close(fd)
        backup.recover_interrupted_restore(paths)
        assert not live.exists()
    assert (paths.sub("keys") / device_keys.SIGN_FILE).exists()  # this PC's own keys untouched


def test_check_finds_a_sequence_behind_what_was_handed_out(store):
    with store.transaction() as s:
        records.save_resident(s, _person("张三"), today=TODAY)
    assert backup.check(store).ok
    with store.engine.begin() as conn:  # what a restore cut short used to leave
        conn.exec_driver_sql("UPDATE sync_state SET seq = 1")
    bad = [r for r in backup.check(store).results if not r.ok]
    assert [r.name for r in bad] == ["本机同步序号"] and "丢弃" in bad[0].detail


# ---------------------------------------------------------------------- owner-only files


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.sqlite_only  # backup and restore of the store's SQLite file (a server's: test_postgresql)
@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions; Windows keeps its defaults")
def test_store_backups_logs_and_folders_are_owner_only(tmp_path):
    import logging

    old_umask = os.umask(0o022)  # a usual desktop: files 0644 unless CunYi says otherwise
    try:
        device = make_device(tmp_path, "村1", "village", VILLAGES[0])
        paths = device.paths
        with device.store.transaction() as s:
            records.save_resident(s, _person("张三"), today=TODAY)
        db = paths.db_file
        for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            assert _mode(p) == 0o600, p.name
        for p in (
            paths.data_dir,
            *(paths.sub(n) for n in ("keys", "backups", "logs", "quarantine", "inbox", "outbox")),
        ):
            assert _mode(p) == 0o700, p.name
        made = [
            backup.backup_to(device.store, tmp_path / "usb.db"),
            backup.auto_backup(device.store, paths),
            *paths.sub("backups").glob("weekly-*.db.zst"),
        ]
        assert len(made) == 3
        info, aside = backup.restore(device.store, paths, made[0])
        made.append(aside)
        for p in made:
            assert _mode(p) == 0o600, p.name
        store = Store(f"sqlite:///{db}")
        assert _mode(db) == 0o600
        store.dispose()
        root = logging.getLogger()
        earlier = [h for h in root.handlers if getattr(h, "_cunyi", False)]
        for h in earlier:  # logging is set up once per process: ours for this test
            root.removeHandler(h)
        setup_logging(paths)
        try:
            logging.getLogger("cunyi.test").warning("居民 张三")
            assert _mode(paths.sub("logs") / "cunyi.log") == 0o600
        finally:
            for h in [h for h in root.handlers if getattr(h, "_cunyi", False)]:
                root.removeHandler(h)
                h.close()
            for h in earlier:
                root.addHandler(h)
        # an installation from an older version is tightened when it next starts
        loose = tmp_path / "old-install"
        (loose / "backups").mkdir(parents=True)
        os.chmod(loose, 0o755)
        legacy = loose / "cunyi.db"
        sqlite3.connect(legacy).close()
        os.chmod(legacy, 0o644)
        Paths(loose).ensure()
        assert _mode(loose) == 0o700 and _mode(loose / "backups") == 0o700
        Store(f"sqlite:///{legacy}").dispose()
        assert _mode(legacy) == 0o600
        # a folder of the user's given to init keeps its own permissions (a mistyped /etc was
        # locked to its owner); what CunYi makes in it is owner-only
        theirs = tmp_path / "Documents"
        (theirs / "Photos").mkdir(parents=True)
        os.chmod(theirs, 0o755)
        Paths(theirs).ensure()
        assert _mode(theirs) == 0o755 and _mode(theirs / "keys") == 0o700
        # a new folder made for it (a file or two in it, as the demo's password) is CunYi's
        made = tmp_path / "demo"
        made.mkdir()
        (made / "demo-password.txt").write_text("demo1234")
        os.chmod(made, 0o755)
        Paths(made).ensure()
        assert _mode(made) == 0o700
    finally:
        os.umask(old_umask)


@pytest.mark.sqlite_only  # backup and restore of the store's SQLite file (a server's: test_postgresql)
def test_a_backup_from_an_older_schema_is_upgraded_before_the_swap(tmp_path):
    """A released store of schema 0003 (before sync existed), restored as a new device: the copy
    is upgraded and prepared before it replaces anything, and the result passes `check`."""
    old = tmp_path / "schema_0003.db"
    old.write_bytes((Path(__file__).parent / "data" / "schema_0003.db").read_bytes())
    pc = make_device(tmp_path, "村1", "village", VILLAGES[0])
    info, _aside = backup.restore(pc.store, pc.paths, old, force_other_device=True)
    assert info.revision == "0003" and info.new_device_id is not None
    store = Store(f"sqlite:///{pc.paths.db_file}")
    with store.session() as s:
        assert s.get(Profile, 1).device_id == info.new_device_id
        assert s.scalar(select(SyncState.seq)) >= GAP
        assert s.scalar(select(func.count()).select_from(Resident)) == info.residents > 0
    assert backup.check(store).ok
    store.dispose()


@pytest.mark.sqlite_only  # backup and restore of the store's SQLite file (a server's: test_postgresql)
def test_a_restore_over_newer_changes_says_how_many_are_only_in_the_old_store(pair, tmp_path, capsys):
    """Two edits after the backup were dropped by the restore without a word (they were only in the
    pre-restore copy); the command line now says so, and where they are."""
    from app.cli import main

    _town, a, _b = pair
    saved = backup.backup_to(a.store, tmp_path / "a.db")
    with a.store.transaction() as s:
        r = s.scalar(select(Resident))
        inp = records.resident_input_from(r)
        inp.phone = "13911112222"
        records.save_resident(s, inp, resident_id=r.id, today=TODAY)
    a.store.dispose()
    capsys.readouterr()
    assert main(["--data-dir", str(a.paths.data_dir), "restore", str(saved)]) == 0
    err = capsys.readouterr().err
    assert "之后又做过" in err and "pre-restore-" in err and "下次与乡镇同步时会回到本机" in err, err
    assert main(["--data-dir", str(a.paths.data_dir), "restore", str(saved)]) == 0  # nothing newer now
    assert "之后又做过" not in capsys.readouterr().err


@pytest.mark.sqlite_only  # backup and restore of the store's SQLite file (a server's: test_postgresql)
def test_the_file_checked_is_the_file_restored(pair, tmp_path, monkeypatch):
    """The file was read three times (checked, its seal checked, copied): swapped in between, by a
    share or a stick rewritten meanwhile, another village's store was restored as this PC's."""
    _town, a, b = pair
    saved = backup.backup_to(a.store, tmp_path / "a.db")
    other = backup.backup_to(b.store, tmp_path / "b.db")
    real = backup.sealed_here

    def swapped(path, keys_dir):
        saved.write_bytes(other.read_bytes())  # the original, rewritten once its copy is checked
        return real(path, keys_dir)

    monkeypatch.setattr(backup, "sealed_here", swapped)
    info, _aside = backup.restore(a.store, a.paths, saved)
    assert (info.code, info.new_device_id) == (VILLAGES[0], None)
    store = Store(f"sqlite:///{a.paths.db_file}")
    try:
        with store.session() as s:
            assert s.scalar(select(Profile.code)) == VILLAGES[0]
            assert [r.name for r in s.scalars(select(Resident))] == ["张三"]
    finally:
        store.dispose()


@pytest.mark.sqlite_only  # backup and restore of the store's SQLite file (a server's: test_postgresql)
def test_backups_in_this_pcs_own_folder_are_sealed_if_a_kill_or_an_older_version_left_them_bare(pair):
    """A kill between the backup and its seal (the day then counted as done), a schema upgrade's
    copy, an older version's backups: sealed at the next start, and then restored as this PC's."""
    _town, a, _b = pair
    made = backup.auto_backup(a.store, a.paths, today=TODAY)
    made.with_name(made.name + backup.SEAL_SUFFIX).unlink()
    assert backup.seal_own(a.paths) == [made.with_name(made.name + backup.SEAL_SUFFIX)]
    info, _aside = backup.restore(a.store, a.paths, made)
    assert info.new_device_id is None


@pytest.mark.sqlite_only  # a village's PC: its SQLite file
def test_a_new_pc_not_set_up_yet_is_set_up_by_the_backup(tmp_path, capsys):
    """The village PC died; on the new one, `cunyi restore` of the stick's backup is the first
    command: the PC takes the backup's institution as a new device (its own identity and keys), with
    every record, and says what to do next.  A note or a broken file refused there sets up nothing."""
    from app.cli import main

    old = make_device(tmp_path, "旧电脑", "village", VILLAGES[0])
    with old.store.transaction() as s:
        for name in ("张三", "李四"):
            records.save_resident(s, _person(name), today=TODAY)
    (tmp_path / "stick").mkdir()
    saved = backup.backup_to(old.store, tmp_path / "stick" / "backup.db")
    old_device = old.device_id
    old.store.dispose()
    note = tmp_path / "note.db"
    note.write_text("备份说明\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "other"), "restore", str(note)]) == 1
    assert "不是村医备份文件" in capsys.readouterr().err
    new = tmp_path / "new-pc"
    tampered = tmp_path / "tampered.db"  # refused after the checks began: the PC is left as it was
    tampered.write_bytes(saved.read_bytes())
    with sqlite3.connect(tampered) as conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
    conn.close()
    assert main(["--data-dir", str(new), "restore", str(tampered)]) == 1
    assert "缺少审计保护触发器" in capsys.readouterr().err
    assert not Paths(new).db_file.exists() and not any((new / "keys").iterdir())
    capsys.readouterr()
    assert main(["--data-dir", str(new), "restore", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "居民 2 人" in out and "新设备" in out and "cunyi device card" in out
    store = Store(f"sqlite:///{Paths(new).db_file}")
    try:
        with store.session() as s:
            profile = s.get(Profile, 1)
            assert (profile.code, profile.name) == (VILLAGES[0], "旧电脑")
            assert profile.device_id != old_device
            assert sorted(s.scalars(select(Resident.name))) == ["张三", "李四"]
        assert backup.check(store).ok
        assert (new / "keys").is_dir()
    finally:
        store.dispose()


def test_a_village_restored_from_an_older_backup_gets_again_what_the_restore_took(tmp_path):
    """Village A held village B's changes (relayed by the township) when it was restored from a
    backup made before: the township, told by A's next bundle what A now holds, sends the rest
    again, and its bundles (which say what the township holds of B) are taken, not refused as
    claiming more than A holds, round after round."""
    town, a, b = _a_village_in_step(tmp_path)
    saved = backup.backup_to(a.store, tmp_path / "a-backup.db")
    with b.store.transaction() as s:
        records.save_resident(s, _person("李四"), today=TODAY)
    _send(b, town, tmp_path / "b1")
    town.export(tmp_path / "t2", peer=VILLAGES[0])
    assert [o.status for o in a.import_(tmp_path / "t2")] == ["applied"]  # B's range reaches A
    _send(a, town, tmp_path / "a2")  # the township now knows A holds it
    a = _restored(a, saved)
    for round_ in range(2):
        _set_phone(a, _resident_id(a, "张三"), f"1370000000{round_}")
        _send(a, town, tmp_path / f"a-after{round_}")
        assert town.export(tmp_path / f"t-after{round_}", peer=VILLAGES[0])
        assert [o.status for o in a.import_(tmp_path / f"t-after{round_}")] == ["applied"], round_
        assert _town_phone(town, _resident_id(a, "张三")) == f"1370000000{round_}"
    assert a.unacked() == 0
    assert backup.check(town.store).ok and backup.check(a.store).ok


def _a_village_in_step(tmp_path: Path) -> tuple[synckit.Device, synckit.Device, synckit.Device]:
    """A township and villages A and B; A has enrolled 张三, sent it and taken the township's reply."""
    town, (a, b) = county(tmp_path / "c", villages=2)
    with a.store.transaction() as s:
        records.save_resident(s, _person("张三"), today=TODAY)
    _send(a, town, tmp_path / "a1")
    town.export(tmp_path / "t1", peer=VILLAGES[0])
    a.import_(tmp_path / "t1")
    return town, a, b


def _restored(device: synckit.Device, saved: Path) -> synckit.Device:
    """``device`` restored from the backup ``saved``, on a store opened afresh."""
    device.store.dispose()
    backup.restore(device.store, device.paths, saved)
    return dataclasses.replace(device, store=Store(f"sqlite:///{device.paths.db_file}"))


def _resident_id(device: synckit.Device, name: str) -> uuid.UUID:
    with device.store.session() as s:
        return s.scalar(select(Resident.id).where(Resident.name == name))


def test_a_backup_written_anywhere_is_sealed_before_it_is_there(pair, tmp_path, monkeypatch):
    """`backup -o FILE` killed between the file's rename and its seal left a whole backup that
    this PC's own restore refused as another PC's: the seal is now written (over the finished
    .part) before the file takes its name, so FILE never stands without it."""
    _town, a, _b = pair
    dest = tmp_path / "usb" / "a.db"
    dest.parent.mkdir()
    real = backup.seal
    seen = []

    def seal(path, keys_dir, content=None):
        seen.append((path, path.exists(), content))
        return real(path, keys_dir, content)

    monkeypatch.setattr(backup, "seal", seal)
    saved = backup.backup_to(a.store, dest)
    assert seen == [(dest, False, dest.with_name("a.db.part"))]
    assert backup.sealed_here(saved, a.paths.sub("keys"))
    backup.restore(a.store, a.paths, saved)


def test_an_older_bundle_imported_late_does_not_speak_over_a_newer_one(tmp_path):
    """Two files of village A on a stick, imported in the other order: the older one's word of
    what A holds (less than it holds now) is passed over, and the township sends A nothing again."""
    town, (a, b) = county(tmp_path / "c", villages=2)
    with a.store.transaction() as s:
        records.save_resident(s, _person("张三"), today=TODAY)
    _send(a, town, tmp_path / "a0")
    town.export(tmp_path / "t1", peer=VILLAGES[0])
    a.import_(tmp_path / "t1")
    zhang = _resident_id(a, "张三")
    _set_phone(a, zhang, "13700000001")
    assert a.export(tmp_path / "a1")  # written, not yet taken to the township
    with b.store.transaction() as s:
        records.save_resident(s, _person("李四"), today=TODAY)
    _send(b, town, tmp_path / "b1")
    town.export(tmp_path / "t2", peer=VILLAGES[0])
    assert [o.status for o in a.import_(tmp_path / "t2")] == ["applied"]  # B's range reaches A
    _set_phone(a, zhang, "13700000002")
    assert a.export(tmp_path / "a2")
    assert [o.status for o in town.import_(tmp_path / "a2")] == ["applied"]
    believed = _acked(town, VILLAGES[0])
    assert [o.status for o in town.import_(tmp_path / "a1")] == ["applied"]  # the older file, late
    assert _acked(town, VILLAGES[0]) == believed
    assert _town_phone(town, zhang) == "13700000002"  # the later edit stands
    sent = exchange.export_bundles(town.store, town.paths, tmp_path / "t3", peer=VILLAGES[0], always=True)
    assert [b.ops for b in sent.bundles] == [0]  # nothing A holds is sent again
    # A restored from a backup is a store not heard of before: its word is taken (its bundles
    # carry a new store id); a file its earlier store wrote, imported after, is passed over
    saved = backup.backup_to(a.store, tmp_path / "a-backup.db")
    _set_phone(a, zhang, "13700000004")
    assert a.export(tmp_path / "a-old")
    a = _restored(a, saved)
    _set_phone(a, zhang, "13700000005")
    _send(a, town, tmp_path / "a3")
    believed = _acked(town, VILLAGES[0])
    assert [o.status for o in town.import_(tmp_path / "a-old")] == ["applied"]
    assert _acked(town, VILLAGES[0]) == believed


def _acked(town: synckit.Device, code: str) -> dict:
    with town.store.session() as s:
        return dict(s.scalar(select(Peer).where(Peer.code == code)).acked)


def test_a_late_file_of_a_store_restored_over_is_passed_over(tmp_path):
    """Village A restored twice from the same backup (the wrong one picked first): the store in
    between took a township bundle (holding B's range) and left a file on the stick, which reaches
    the township after the last store's bundle.  It is passed over (written before the word held),
    so the township neither believes A holds what it does not (A then refused every township
    bundle as overreach) nor passes over A's later bundles."""
    town, a, b = _a_village_in_step(tmp_path)
    saved = backup.backup_to(a.store, tmp_path / "a-backup.db")
    a = _restored(a, saved)  # the wrong backup, say
    with b.store.transaction() as s:
        records.save_resident(s, _person("李四"), today=TODAY)
    _send(b, town, tmp_path / "b1")
    town.export(tmp_path / "t2", peer=VILLAGES[0])
    assert [o.status for o in a.import_(tmp_path / "t2")] == ["applied"]  # B's range
    assert a.export(tmp_path / "a-between")  # left on the stick
    a = _restored(a, saved)  # again, from the same backup
    zhang = _resident_id(a, "张三")
    _set_phone(a, zhang, "13700000002")
    _send(a, town, tmp_path / "a-last")
    believed = _acked(town, VILLAGES[0])
    assert [o.status for o in town.import_(tmp_path / "a-between")] == ["applied"]  # late
    assert _acked(town, VILLAGES[0]) == believed
    for round_ in range(2):
        _set_phone(a, zhang, f"1370000003{round_}")
        _send(a, town, tmp_path / f"a-after{round_}")
        assert town.export(tmp_path / f"t-after{round_}", peer=VILLAGES[0])
        assert [o.status for o in a.import_(tmp_path / f"t-after{round_}")] == ["applied"], round_
    assert a.unacked() == 0
    assert backup.check(town.store).ok and backup.check(a.store).ok


def test_a_village_restored_from_an_older_backup_gets_back_its_own_later_edits(tmp_path):
    """Edits made on the village after its backup, which reached the township, were lost to the
    village by the restore for good: it claimed to hold all it ever made, so the township never sent
    them, and the two stores differed on them until someone typed them again.  The restored
    village now acknowledges its own changes only up to the backup's last; the township sends the
    later ones back; they are applied (a field's newer clock wins), and its own newer edits still win."""
    town, a, _b = _a_village_in_step(tmp_path)
    zhang = _resident_id(a, "张三")
    saved = backup.backup_to(a.store, tmp_path / "a-backup.db")
    _set_phone(a, zhang, "13700000001")  # after the backup
    with a.store.transaction() as s:
        records.save_resident(s, _person("王五"), today=TODAY)  # a resident enrolled after it
    _send(a, town, tmp_path / "a2")
    assert _town_phone(town, zhang) == "13700000001"
    a = _restored(a, saved)
    assert _resident_id(a, "王五") is None and _phone(a, zhang) == "13900000000"  # (as the backup was)
    _send(a, town, tmp_path / "a3")  # the restored village says what it holds of its own
    assert (
        len(snapshot.export_bundles(town.store, town.paths, tmp_path / "t3", peer=VILLAGES[0]).bundles) == 2
    )
    assert {o.status for o in a.import_(tmp_path / "t3")} == {"applied"}
    assert _phone(a, zhang) == "13700000001" and _resident_id(a, "王五") is not None
    assert dump(a.store, VILLAGES[0]) == dump(town.store, VILLAGES[0])
    for device in (a, town):  # its own values coming back are no one's conflict
        with device.store.session() as s:
            assert s.scalar(select(func.count()).select_from(SyncConflict)) == 0, device.name
    # what it types afterwards still wins, and nothing is sent back twice
    _set_phone(a, zhang, "13700000002")
    for round_ in range(2):
        _send(a, town, tmp_path / f"a-after{round_}")
        sent = snapshot.export_bundles(
            town.store, town.paths, tmp_path / f"t-after{round_}", peer=VILLAGES[0]
        )
        assert len([b for b in sent.bundles if b.path]) == 1  # no snapshot again
        assert [o.status for o in a.import_(tmp_path / f"t-after{round_}")] == ["applied"], round_
    assert _town_phone(town, zhang) == _phone(a, zhang) == "13700000002"
    assert dump(a.store, VILLAGES[0]) == dump(town.store, VILLAGES[0])
    with a.store.session() as s:
        assert s.get(OriginMark, a.device_id) is None  # holds all its own again
    assert a.unacked() == 0
    assert backup.check(town.store).ok and backup.check(a.store).ok


def _phone(device: synckit.Device, resident_id: uuid.UUID) -> str | None:
    with device.store.session() as s:
        return s.scalar(select(Resident.phone).where(Resident.id == resident_id))


def test_over_the_network_too_a_restored_village_gets_back_its_own_later_edits(tmp_path):
    from tests import netkit

    town, a, _b = _a_village_in_step(tmp_path)
    zhang = _resident_id(a, "张三")
    saved = backup.backup_to(a.store, tmp_path / "a-backup.db")
    _set_phone(a, zhang, "13700000001")
    with netkit.serve(town) as server:
        assert netkit.sync(a, server).ok
        assert _town_phone(town, zhang) == "13700000001"
        a = _restored(a, saved)
        assert _phone(a, zhang) == "13900000000"
        for _ in range(2):  # the run that says what it lacks, and the one that gets it, at most
            report = netkit.sync(a, server)
            assert report.ok, report.error and report.error.render()
        assert _phone(a, zhang) == "13700000001"
        assert dump(a.store, VILLAGES[0]) == dump(town.store, VILLAGES[0])


def test_what_is_typed_after_a_restore_wins_over_the_edit_coming_back(tmp_path, clock):  # noqa: F811
    """The lost edit was made while the PC's clock ran 6 hours ahead; the clock put right, the PC
    restored, the doctor types the field again: the township's snapshot brought the lost edit back
    over the doctor's newer one (its clock was later), without a conflict.  The restore carries the
    replaced store's clock forward, as it does its numbers."""
    town, a, _b = _a_village_in_step(tmp_path)
    zhang = _resident_id(a, "张三")
    saved = backup.backup_to(a.store, tmp_path / "bk.db")
    clock.set(days=0.25)
    _set_phone(a, zhang, "13700000001")  # lost by the restore
    _send(a, town, tmp_path / "a1")
    clock.set()
    a = _restored(a, saved)
    _set_phone(a, zhang, "13700000009")  # typed after the restore: the newest
    clock.set(days=0.3)  # (past the replaced store's own time: its word is the latest again)
    for round_ in range(3):
        _send(a, town, tmp_path / f"up{round_}")
        snapshot.export_bundles(town.store, town.paths, tmp_path / f"down{round_}", peer=VILLAGES[0])
        assert {o.status for o in a.import_(tmp_path / f"down{round_}")} == {"applied"}
    assert _phone(a, zhang) == _town_phone(town, zhang) == "13700000009"
    with a.store.session() as s:
        assert s.get(OriginMark, a.device_id) is None  # the snapshot came
