"""Restore refuses a tampered backup ("Trust at every boundary"): what ``cunyi check`` would find
wrong with the audit trail after the swap — an append-only trigger dropped, a hash chain broken by a
deleted or edited entry — is found on the prepared copy before it replaces anything.  A refused
restore changes nothing: the live store, its keys and its folder are as they were, and no copy of
the backup is left beside the store.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db import Store
from app.models import AuditEntry, Resident, User
from app.services import backup
from app.services.access import accounts, audit
from app.services.errors import UserError
from app.services.records import residents as records
from tests.synckit import TODAY, VILLAGES, Device, dump_everything, make_device

# backup and restore of the store's SQLite file (a server's store is the server tools' job: test_postgresql)
pytestmark = pytest.mark.sqlite_only


def _person(name: str) -> records.ResidentInput:
    return records.ResidentInput(
        name=name, sex="1", birth_date="1950-01-01", current_address="一组", phone="13900000000"
    )


@pytest.fixture
def village(tmp_path) -> Device:
    """A village with an audit trail worth tampering with: records, a user, refusals, and more
    records after them (a deleted refusal leaves a gap in the middle of the chain)."""
    device = make_device(tmp_path, "村1", "village", VILLAGES[0])
    with device.store.transaction() as s:
        records.save_resident(s, _person("张三"), today=TODAY)
        accounts.create_user(s, "x", "secret-password-1", "village_doctor", village_code=VILLAGES[0])
    for i in range(2):
        with device.store.transaction() as s:
            audit.record(s, "denied", "resident", None, f"x: export refused {i}", username="x")
    with device.store.transaction() as s:
        records.save_resident(s, _person("李四"), today=TODAY)
    yield device
    device.store.dispose()


def _tamper(village, path: Path, *sql: str, keep_triggers: bool = True) -> None:
    """Change a backup file behind CunYi's back.  ``keep_triggers``: put the audit triggers back
    afterwards, as a careful forger would, so that only the hash chain can tell.  The forger also
    holds this PC's keys folder and seals the file again (``backup.seal``): what follows the seal
    must hold on its own (a backup edited without the keys is refused by its seal:
    test_restore_trust)."""
    conn = sqlite3.connect(path)
    try:
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
        ).fetchall()
        assert {name for name, _ in triggers} >= set(backup.AUDIT_TRIGGERS)
        if keep_triggers:
            for name, _ in triggers:
                conn.execute(f"DROP TRIGGER {name}")
        for statement in sql:
            conn.execute(statement)
        if keep_triggers:
            for _, create in triggers:
                conn.execute(create)
        conn.commit()
    finally:
        conn.close()
    backup.seal(path, village.paths.sub("keys"))


def _snapshot(device: Device) -> tuple:
    """Everything a restore could change: every table, the data folder's files, the keys' bytes.
    (Not the WAL beside the store, nor the log the command line starts.)"""
    folder = device.paths.data_dir
    files = sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if not p.name.startswith("cunyi.db-") and p.parent.name != "logs"
    )
    keys = {p.name: p.read_bytes() for p in device.paths.sub("keys").iterdir()}
    return dump_everything(device.store), files, keys


def _refused(device: Device, src: Path) -> str:
    """Restore ``src`` into ``device``: refused with a message, nothing changed.  Returns the message."""
    before = _snapshot(device)
    with pytest.raises(UserError) as e:
        backup.restore(device.store, device.paths, src)
    assert _snapshot(device) == before  # the store, its folder (no copy aside) and its keys
    db = device.paths.db_file
    assert not list(db.parent.glob(db.name + backup.PREPARED_SUFFIX + "*"))  # the prepared copy removed
    report = backup.check(device.store)
    assert report.ok, [(r.name, r.detail) for r in report.results if not r.ok]
    text = e.value.render()
    assert "\n" not in text and "拒绝恢复" in text and src.name in text
    return text


def test_a_backup_without_an_audit_trigger_is_refused(village, tmp_path):
    saved = backup.backup_to(village.store, tmp_path / "bk.db")
    _tamper(village, saved, "DROP TRIGGER audit_log_no_delete", keep_triggers=False)
    text = _refused(village, saved)
    assert "缺少审计保护触发器" in text and "audit_log_no_delete" in text


def test_a_backup_with_a_deleted_audit_entry_is_refused(village, tmp_path):
    saved = backup.backup_to(village.store, tmp_path / "bk.db")
    _tamper(village, saved, "DELETE FROM audit_log WHERE action = 'denied' AND summary LIKE '%0'")
    text = _refused(village, saved)
    assert "哈希链断裂" in text and "记录被删除" in text


def test_a_backup_whose_newest_audit_entries_were_deleted_is_refused(village, tmp_path):
    saved = backup.backup_to(village.store, tmp_path / "bk.db")
    _tamper(
        village, saved, "DELETE FROM audit_log WHERE chain_seq > (SELECT max(chain_seq) - 2 FROM audit_log)"
    )
    text = _refused(village, saved)
    assert "哈希链断裂" in text


def test_a_backup_with_an_edited_audit_entry_is_refused(village, tmp_path):
    saved = backup.backup_to(village.store, tmp_path / "bk.db")
    _tamper(village, saved, "UPDATE audit_log SET summary = 'nothing happened' WHERE action = 'denied'")
    text = _refused(village, saved)
    assert "哈希链断裂" in text and "被改动过" in text


@pytest.mark.parametrize("table", ["followup_visit", "change_log"])
def test_a_backup_missing_a_table_is_refused_in_words(village, tmp_path, table):
    """A backup cut down by hand (a table dropped) ended the restore with "程序内部出错
    (OperationalError)" and left a copy of the store aside; it is refused as damaged, and nothing
    of the attempt stays."""
    saved = backup.backup_to(village.store, tmp_path / "bk.db")
    _tamper(village, saved, f"DROP TABLE {table}")
    text = _refused(village, saved)
    assert "缺少表或列" in text and "Error" not in text


def test_the_testers_repro_is_refused_by_the_command_line(village, tmp_path, capsys):
    """Trigger dropped, refusals deleted, a doctor made admin: `cunyi restore` says so (status 1)."""
    saved = backup.backup_to(village.store, tmp_path / "bk.db")
    _tamper(
        village,
        saved,
        "DROP TRIGGER audit_log_no_delete",
        "DELETE FROM audit_log WHERE action = 'denied'",
        "UPDATE app_user SET role = 'admin' WHERE username = 'x'",
        keep_triggers=False,
    )
    before = _snapshot(village)
    village.store.dispose()
    capsys.readouterr()
    assert main(["--data-dir", str(village.paths.data_dir), "restore", str(saved)]) == 1
    out, err = capsys.readouterr()
    assert not out
    assert err.startswith("错误：") and err.count("\n") == 1
    assert "缺少审计保护触发器" in err and "拒绝恢复" in err
    store = Store(f"sqlite:///{village.paths.db_file}")
    village = dataclasses.replace(village, store=store)
    try:
        assert _snapshot(village) == before
        with store.session() as s:
            assert s.scalar(select(User.role).where(User.username == "x")) == "village_doctor"
        assert backup.check(store).ok
    finally:
        store.dispose()


def _english():
    """Translate as the English UI does: the committed cunyi_en.qm."""
    from PySide6.QtCore import QTranslator

    from app.config import resource_path

    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "cunyi_en.qm")))
    return lambda context, text: translator.translate(context, text) or text


def test_the_refusals_read_in_english(village, tmp_path):
    saved = backup.backup_to(village.store, tmp_path / "bk.db")
    edited = tmp_path / "edited.db"
    edited.write_bytes(saved.read_bytes())
    _tamper(
        village,
        saved,
        "DROP TRIGGER audit_log_no_update",
        "DROP TRIGGER audit_log_chain_once",
        keep_triggers=False,
    )
    _tamper(village, edited, "UPDATE audit_log SET username = 'nobody' WHERE action = 'denied'")
    for src, words in ((saved, "audit_log_no_update, audit_log_chain_once"), (edited, "hash chain")):
        with pytest.raises(UserError) as e:
            backup.restore(village.store, village.paths, src)
        text = e.value.render(_english())
        assert words in text and src.name in text and "拒绝" not in text, text


def test_an_untampered_backup_still_restores(village, tmp_path):
    with village.store.session() as s:
        entries = s.scalar(select(func.count()).select_from(AuditEntry))
    saved = backup.backup_to(village.store, tmp_path / "bk.db")  # audited after the copy: not in it
    info, aside = backup.restore(village.store, village.paths, saved)
    assert aside.exists() and info.residents == 2
    store = Store(f"sqlite:///{village.paths.db_file}")
    try:
        with store.session() as s:
            assert (
                s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "restore"))
                == 1
            )
            # the backup (audited after its copy: not in it, carried over) and the restore
            assert s.scalar(select(func.count()).select_from(AuditEntry)) == entries + 2
        assert backup.check(store).ok
    finally:
        store.dispose()


def _summaries(device: Device) -> list[str]:
    with device.store.session() as s:
        return list(s.scalars(select(AuditEntry.summary).order_by(AuditEntry.chain_seq)))


def test_the_audit_trail_goes_on_through_a_restore(village, tmp_path):
    """What was done after the backup stays in the trail of the restored store (a restore is no
    way to make a refusal or a deletion disappear), once, chained, and the restore after it;
    restoring the same backup again adds the second restore only."""
    saved = backup.backup_to(village.store, tmp_path / "bk.db")
    with village.store.transaction() as s:
        audit.record(s, "denied", "resident", None, "x: export refused after the backup", username="x")
        records.save_resident(s, _person("王五"), today=TODAY)
    after = _summaries(village)
    for _round in (1, 2):
        backup.restore(village.store, village.paths, saved)
        village = dataclasses.replace(village, store=Store(f"sqlite:///{village.paths.db_file}"))
        kept = _summaries(village)
        assert kept[: len(after)] == after  # everything, in its order
        assert len(kept) == len(after) + 1 and kept[-1].startswith("bk.db")
        assert "audit entries made after the backup kept" in kept[-1]
        report = backup.check(village.store)
        assert report.ok, [(r.name, r.detail) for r in report.results if not r.ok]
        with village.store.session() as s:  # the record made after the backup is not restored
            assert s.scalar(select(func.count()).where(Resident.name == "王五")) == 0
        after = kept
    village.store.dispose()


def test_a_damaged_trail_is_left_in_the_old_store_and_the_restore_goes_on(village, tmp_path):
    """The replaced store's trail edited behind CunYi's back: carried over, it would make the
    restore refused as if the backup were tampered.  It stays in the copy put aside, and the
    restore says so in its own entry."""
    saved = backup.backup_to(village.store, tmp_path / "bk.db")
    with village.store.transaction() as s:
        audit.record(s, "denied", "resident", None, "x: refused after the backup", username="x")
    village.store.dispose()
    _tamper(
        village,
        village.paths.db_file,
        "UPDATE audit_log SET summary = 'nothing' WHERE summary LIKE '%after%'",
    )
    store = Store(f"sqlite:///{village.paths.db_file}")
    backup.restore(store, village.paths, saved)
    village = dataclasses.replace(village, store=Store(f"sqlite:///{village.paths.db_file}"))
    kept = _summaries(village)
    assert not any("after the backup" in k or k == "nothing" for k in kept[:-1])
    assert "audit entries made after the backup not kept" in kept[-1]
    assert backup.check(village.store).ok
    village.store.dispose()


def test_a_restores_copies_stay_in_the_data_folder_and_a_killed_ones_go_at_the_next_start(
    village, tmp_path, monkeypatch
):
    """The copies a restore makes of a backup (the file as checked, and a compressed one unpacked)
    are in a private folder of the data folder while it runs, and gone after it: none in the
    system's temporary folder, where a restore killed half-way would leave a copy of every record
    for good.  A folder such a kill left is removed at the next start; one a running restore holds
    is not."""
    import tempfile

    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    data = village.paths.data_dir
    saved = backup.auto_backup(village.store, village.paths)
    assert saved is not None and backup.is_compressed(saved)
    seen = {}

    def step(name):
        seen[name] = sorted(p.relative_to(data).as_posix() for p in data.glob(backup.WORK_PREFIX + "*/**/*"))

    monkeypatch.setattr(backup, "on_step", step)
    backup.restore(village.store, village.paths, saved)
    held = seen["aside"]  # (the restore's copy of the file, and the unpacked one, while it ran)
    assert any(p.endswith("/" + saved.name) for p in held), held
    assert not list(data.glob(backup.WORK_PREFIX + "*")) and not list(system_tmp.iterdir())

    left = data / f"{backup.WORK_PREFIX}killed"  # as a SIGKILL leaves it: nobody holds it
    left.mkdir()
    (left / backup.WORK_BUSY).write_bytes(b"")
    (left / saved.name).write_bytes(b"records")
    with backup.work_folder(village.paths) as running:
        (running / "copy.db").write_bytes(b"records")
        done = backup.recover_interrupted_restore(village.paths)
        assert f"removed {left.name}" in done and not left.exists()
        assert (running / "copy.db").exists()  # a restore under way keeps its folder
    assert not running.exists()


def test_a_backup_unpacking_beyond_the_free_disk_is_refused_and_changes_nothing(village, monkeypatch):
    """A compressed backup is unpacked no further than the disk can spare, keeping
    :data:`~app.config.DISK_RESERVE` free: a small file may unpack to any size (found by the
    attacker: a zstd file of a few kB filled the disk before the restore looked at it)."""
    import shutil as real_shutil

    saved = backup.auto_backup(village.store, village.paths)
    before = dump_everything(village.store)
    unpacked = Path(saved).stat().st_size * 3  # (far more than the file: a store compresses ~5×)
    disk = real_shutil.disk_usage(village.paths.data_dir)

    def nearly_full(path):
        return disk._replace(free=backup.DISK_RESERVE + unpacked)

    monkeypatch.setattr(backup.shutil, "disk_usage", nearly_full)
    with pytest.raises(UserError, match="磁盘空间不足") as refused:
        backup.restore(village.store, village.paths, saved)
    assert saved.name in refused.value.message.render() and "本机数据未改动" in refused.value.message.render()
    village = dataclasses.replace(village, store=Store(f"sqlite:///{village.paths.db_file}"))
    assert dump_everything(village.store) == before
    assert not list(village.paths.data_dir.glob(backup.WORK_PREFIX + "*"))
    monkeypatch.undo()  # with the room it needs, the same file restores
    backup.restore(village.store, village.paths, saved)
