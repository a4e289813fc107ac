"""Encryption at rest (issue 14, item 6): the store, its backups and its conversion.

A store written with encryption on holds no resident's name in its bytes, opens with the key
beside the device keys and refuses without it in one sentence; backup, restore and check round
trip encrypted (SIGKILLed restores too); a plain store keeps working and converts; migrations run
on an encrypted store.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pyrage
import pytest
from sqlalchemy import func, select

from app.cli import main
from app.config import Paths
from app.db import SQLITE_HEADER, Store, connect_file, current_revision, head_revision, sqlite_backup
from app.models import Resident
from app.services import backup, encryption
from app.services.errors import UserError
from app.services.records import residents as records
from app.services.sync import keys as device_keys
from tests import synckit
from tests.synckit import TODAY, county
from tests.test_restore_trust import STEPS, _after_kill, _restore_in_subprocess, _send, _set_phone

# SQLite only: SQLCipher encryption of the store's file, its backups and restores.  A store on a
# PostgreSQL server is refused in one sentence (tests/test_postgresql.py): the server's disk encryption.
pytestmark = [pytest.mark.both_databases, pytest.mark.sqlite_only]

NAME = "欧阳雪梅"  # a name that appears nowhere else: its UTF-8 bytes mark plaintext
DATA = Path(__file__).parent / "data"


def _person(name: str = NAME, phone: str = "13900000000") -> records.ResidentInput:
    return records.ResidentInput(
        name=name, sex="2", birth_date="1956-03-01", current_address="二组", phone=phone
    )


def _holds(path: Path, text: str = NAME) -> bool:
    return text.encode("utf-8") in path.read_bytes()


def _files_of(db: Path) -> list[Path]:
    return [p for p in (db, db.with_name(db.name + "-wal")) if p.exists()]


def _init(data: Path, *extra: str, password_file: Path) -> None:
    args = ["--data-dir", str(data), "--password-file", str(password_file), "init"]
    args += ["--role", "village", "--code", "110105001101", "--name", "测试村", *extra]
    assert main(args) == 0


@pytest.fixture
def password_file(tmp_path) -> Path:
    path = tmp_path / "pw.txt"
    path.write_text("secret-123\n", encoding="utf-8")
    return path


def _add_resident(data: Path, name: str = NAME) -> None:
    store = Store(f"sqlite:///{Paths(data).db_file}")
    with store.transaction() as s:
        records.save_resident(s, _person(name), today=TODAY)
    store.dispose()


@pytest.mark.parametrize("encrypt", [True, False], ids=["encrypted", "plain"])
def test_a_store_written_encrypted_holds_no_plaintext_name(tmp_path, password_file, encrypt):
    data = tmp_path / "pc"
    _init(data, *(["--encrypt"] if encrypt else []), password_file=password_file)
    _add_resident(data)
    db = Paths(data).db_file
    written = [p for p in _files_of(db) if _holds(p)]
    if encrypt:
        assert not written
        assert db.read_bytes()[:16] != SQLITE_HEADER
        assert (data / "keys" / encryption.KEY_FILE).stat().st_mode & 0o777 == 0o600
    else:  # the same check finds the name in a plain store: it can fail
        assert written
    store = Store(f"sqlite:///{db}")
    assert (store.key is not None) is encrypt
    with store.session() as s:
        assert s.scalar(select(Resident.name).where(Resident.name == NAME)) == NAME
    store.dispose()


def test_an_encrypted_store_refuses_to_open_without_its_key(tmp_path, password_file, capsys):
    data = tmp_path / "pc"
    _init(data, "--encrypt", password_file=password_file)
    _add_resident(data)
    own_keys = shutil.copytree(data / "keys", tmp_path / "own-keys")
    key_file = data / "keys" / encryption.KEY_FILE
    key_file.unlink()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "residents", "search", "欧阳"]) == 1
    err = capsys.readouterr().err
    assert "已加密" in err and "找不到它的密钥" in err and str(key_file) in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    # the key of another installation does not open it either
    other = tmp_path / "other"
    _init(other, "--encrypt", password_file=password_file)
    shutil.copytree(other / "keys", data / "keys", dirs_exist_ok=True)
    assert main(["--data-dir", str(data), "check"]) == 1
    err = capsys.readouterr().err
    assert "打不开" in err and "Traceback" not in err
    with pytest.raises(UserError):
        Store(f"sqlite:///{Paths(data).db_file}")
    # its own keys back: it opens, unchanged
    shutil.rmtree(data / "keys")
    shutil.copytree(own_keys, data / "keys")
    assert main(["--data-dir", str(data), "residents", "search", "欧阳"]) == 0
    assert NAME in capsys.readouterr().out


def test_the_key_file_and_the_device_key_belong_together(tmp_path, password_file, capsys):
    """The key file opens only with this PC's device key: a key file copied from another PC, or
    a damaged one, is refused in one sentence naming the file."""
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        _init(d, "--encrypt", password_file=password_file)
    shutil.copy(b / "keys" / encryption.KEY_FILE, a / "keys" / encryption.KEY_FILE)
    capsys.readouterr()
    assert main(["--data-dir", str(a), "check"]) == 1
    err = capsys.readouterr().err
    assert "不是本机设备密钥加密的" in err and encryption.KEY_FILE in err


@pytest.fixture
def encrypted_pc(tmp_path):
    """A village PC whose store is encrypted, with a county escrow key set, and one resident."""
    town, (village,) = county(tmp_path / "county", villages=1)
    town.store.dispose()
    escrow = pyrage.x25519.Identity.generate()
    with village.store.transaction() as s:
        device_keys.set_escrow(s, str(escrow.to_public()))
        rid = records.save_resident(s, _person(), today=TODAY).id
    encryption.encrypt_store(village.store)
    village.store = Store(f"sqlite:///{village.paths.db_file}", backups_dir=village.paths.sub("backups"))
    yield village, rid, escrow
    village.store.dispose()


@pytest.mark.slow
def test_conversion_encrypts_every_row_and_keeps_working(tmp_path):
    town, (village,) = county(tmp_path, villages=1)
    town.store.dispose()
    with village.store.transaction() as s:
        for i in range(30):
            records.save_resident(
                s,
                _person(NAME if i == 0 else "王" + "甲乙丙丁戊己庚辛壬癸"[i % 10] + "子丑寅"[i // 10]),
                today=TODAY,
            )
    db = village.paths.db_file
    old_backup = backup.backup_to(village.store, tmp_path / "plain-backup.db")
    assert _holds(old_backup)
    before = synckit.dump(village.store)
    done = encryption.encrypt_store(village.store)
    assert done.rows > 30 and done.plain_kept is None
    assert not any(_holds(p) for p in _files_of(db))
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith("cunyi.db")) == ["cunyi.db"]
    store = Store(f"sqlite:///{db}", backups_dir=village.paths.sub("backups"))
    assert store.key is not None
    after = synckit.dump(store)
    audited = after.pop("audit_log")
    assert len(audited) == len(before.pop("audit_log")) + 1  # the conversion, audited
    assert after == before  # every synced row, as it was
    assert backup.check(store).ok
    with pytest.raises(UserError, match="已经加密"):
        encryption.encrypt_store(store)
    # a backup from before the conversion restores, and the store stays encrypted
    with store.transaction() as s:
        records.save_resident(s, _person("后来的人"), today=TODAY)
    backup.restore(store, village.paths, old_backup)
    store = Store(f"sqlite:///{db}")
    assert store.key is not None and not _holds(db)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Resident).where(Resident.name == "后来的人")) == 0
        assert s.scalar(select(func.count()).select_from(Resident)) == 30
    assert backup.check(store).ok
    store.dispose()


def test_conversion_from_the_command_line(tmp_path, password_file, capsys):
    data = tmp_path / "pc"
    _init(data, password_file=password_file)
    _add_resident(data)
    assert main(["--data-dir", str(data), "backup", "-o", str(tmp_path / "old.db")]) == 0
    assert main(["--data-dir", str(data), "store", "encrypt", "--keep-plain"]) == 0
    out = capsys.readouterr().out
    assert "已加密数据库" in out and "未加密的原文件保留为" in out
    db = Paths(data).db_file
    assert not _holds(db)
    kept = list(data.glob("cunyi-plain-*.db"))
    assert len(kept) == 1 and _holds(kept[0])  # kept as asked, under a name nothing opens
    assert main(["--data-dir", str(data), "store", "encrypt"]) == 1
    assert "已经加密" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "store", "status", "--json"]) == 0
    assert '"encrypted": true' in capsys.readouterr().out
    assert main(["--data-dir", str(data), "check"]) == 0


def test_a_cut_short_conversion_leaves_a_working_store(tmp_path):
    """Whatever a kill leaves beside the store (the encrypted copy, the plain file kept during
    the swap) is removed at the next start, and the store opens as it was."""
    town, (village,) = county(tmp_path, villages=1)
    town.store.dispose()
    with village.store.transaction() as s:
        records.save_resident(s, _person(), today=TODAY)
    db = village.paths.db_file
    key = encryption.create_key(village.paths.sub("keys"))
    sqlite_backup(db, db.with_name(db.name + encryption.ENCRYPTING_SUFFIX), None, key)
    shutil.copy(db, db.with_name(db.name + encryption.PLAIN_SUFFIX))
    village.store.dispose()
    done = backup.recover_interrupted_restore(village.paths)
    assert sorted(done) == ["removed cunyi.db.encrypting", "removed cunyi.db.plain"]
    store = Store(f"sqlite:///{db}")
    assert store.key is None  # still the plain store: the swap had not happened
    encryption.encrypt_store(store)  # the key made before the kill is used
    store = Store(f"sqlite:///{db}")
    assert store.key == key
    store.dispose()


def test_backup_restore_and_check_round_trip_encrypted(encrypted_pc, tmp_path):
    village, rid, escrow = encrypted_pc
    (tmp_path / "stick").mkdir()
    saved = backup.backup_to(village.store, tmp_path / "stick" / "backup.db")
    assert saved.read_bytes()[:16] != SQLITE_HEADER and not _holds(saved)
    # beside it, its key: the county's escrow key opens it
    wrapped = encryption.backup_key_file(saved)
    assert bytes.fromhex(pyrage.decrypt(wrapped.read_bytes(), [escrow]).decode().strip()) == village.store.key
    # the daily backups are encrypted too
    daily = backup.auto_backup(village.store, village.paths, TODAY)
    assert daily is not None and not _holds(daily) and daily.read_bytes()[:16] != SQLITE_HEADER
    info = backup.verify(saved, village.store.key)
    assert info.residents == 1
    with pytest.raises(UserError, match="打不开"):
        backup.verify(saved)  # without a key
    _set_phone(village, rid, "13811112222", name=NAME)
    backup.restore(village.store, village.paths, saved)
    store = Store(f"sqlite:///{village.paths.db_file}")
    assert store.key is not None and not any(_holds(p) for p in _files_of(village.paths.db_file))
    with store.session() as s:
        assert s.get(Resident, rid).phone == "13900000000"  # as in the backup
    report = backup.check(store)
    assert report.ok, [(r.name, r.detail) for r in report.results if not r.ok]
    assert any(r.name == "存储加密" and "已加密" in r.detail for r in report.results)
    aside = sorted(village.paths.sub("backups").glob("pre-restore-*.db"))
    assert aside and not _holds(aside[-1])  # the replaced store, kept aside encrypted
    store.dispose()
    village.store = Store(f"sqlite:///{village.paths.db_file}")


def test_another_pcs_encrypted_backup_restores_with_its_key_file(
    encrypted_pc, tmp_path, password_file, capsys
):
    """The PC died: a new PC restores the stick's backup with the key the county recovered from
    the ``.key.age`` beside it; the restored store is encrypted with the new PC's own key."""
    village, _rid, escrow = encrypted_pc
    (tmp_path / "stick").mkdir()
    saved = backup.backup_to(village.store, tmp_path / "stick" / "backup.db")
    recovered = tmp_path / "recovered.key"
    recovered.write_bytes(pyrage.decrypt(encryption.backup_key_file(saved).read_bytes(), [escrow]))
    new_pc = tmp_path / "new-pc"
    _init(new_pc, "--encrypt", password_file=password_file)
    capsys.readouterr()
    assert main(["--data-dir", str(new_pc), "restore", str(saved), "--force-other-device"]) == 1
    err = capsys.readouterr().err
    assert "--key-file" in err and "Traceback" not in err
    (tmp_path / "bad.key").write_text("not a key")
    assert (
        main(["--data-dir", str(new_pc), "restore", str(saved), "--key-file", str(tmp_path / "bad.key")]) == 1
    )
    assert "64 位十六进制数" in capsys.readouterr().err
    args = [
        "--data-dir",
        str(new_pc),
        "restore",
        str(saved),
        "--force-other-device",
        "--key-file",
        str(recovered),
    ]
    assert main(args) == 0
    store = Store(f"sqlite:///{Paths(new_pc).db_file}")
    assert store.key == encryption.read_key(new_pc / "keys") != village.store.key
    with store.session() as s:
        assert s.scalar(select(Resident.name)) == NAME
    assert backup.check(store).ok
    store.dispose()


def test_escrow_change_rewraps_the_store_key(tmp_path, password_file):
    data = tmp_path / "pc"
    _init(data, "--encrypt", password_file=password_file)
    county_key = pyrage.x25519.Identity.generate()
    assert main(["--data-dir", str(data), "sync", "escrow", str(county_key.to_public())]) == 0
    wrapped = (data / "keys" / encryption.KEY_FILE).read_bytes()
    key = bytes.fromhex(pyrage.decrypt(wrapped, [county_key]).decode().strip())
    assert key == encryption.read_key(data / "keys")
    assert main(["--data-dir", str(data), "sync", "escrow", "--clear"]) == 0
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt((data / "keys" / encryption.KEY_FILE).read_bytes(), [county_key])


@pytest.mark.slow
def test_a_released_schema_upgrades_encrypted(tmp_path):
    """alembic's batch migrations on an encrypted store: the oldest released file, encrypted,
    upgraded at open, with its rows, and its pre-upgrade backup encrypted too."""
    oldest = sorted(DATA.glob("schema_*.db"))[0]
    data = Paths(tmp_path / "pc").ensure()
    device_keys.create_keys(data.sub("keys"))
    key = encryption.create_key(data.sub("keys"))
    sqlite_backup(oldest, data.db_file, None, key)
    with connect_file(oldest, None) as plain:
        residents = plain.execute("SELECT count(*) FROM resident").fetchone()[0]
    store = Store(f"sqlite:///{data.db_file}", backups_dir=data.sub("backups"))
    assert store.key == key and current_revision(store.engine) == head_revision()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM resident").scalar() == residents
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    [pre] = data.sub("backups").glob("pre-upgrade-*.db")
    assert pre.read_bytes()[:16] != SQLITE_HEADER
    assert backup.verify(pre, key).residents == residents
    store.dispose()


# ------------------------------------------------------------------ SIGKILLed restores, encrypted


@pytest.fixture(scope="module")
def encrypted_scene(tmp_path_factory):
    """As test_restore_trust's scene, with the village's store encrypted: a backup, then edits the
    township already holds, which a restore of that backup loses."""
    from tests.test_restore_trust import _state, _town_phone

    root = tmp_path_factory.mktemp("encrypted-restore-scene")
    town, (village,) = county(root, villages=1)
    encryption.encrypt_store(village.store)
    village.store = Store(f"sqlite:///{village.paths.db_file}")
    assert village.store.key is not None
    with village.store.transaction() as s:
        rid = records.save_resident(s, _person("张三"), today=TODAY).id
    [first] = _send(village, town, root / "b1")
    assert first.status == "applied"
    saved = backup.backup_to(village.store, root / "village-backup.db")
    for i in range(3):
        _set_phone(village, rid, f"1380000000{i}")
    [second] = _send(village, town, root / "b2")
    assert second.status == "applied" and _town_phone(town, rid) == "13800000002"
    db_id, seq = _state(village)
    synckit.freeze(town, village)
    return {"town": town, "village": village, "backup": saved, "rid": rid, "db_id": db_id, "seq": seq}


@pytest.mark.slow
def test_sigkill_during_an_encrypted_restore_never_drops_a_later_edit(encrypted_scene, tmp_path):
    scene = encrypted_scene
    town, village = synckit.copy_devices([scene["town"], scene["village"]], tmp_path / "timing")
    village.store.dispose()
    town.store.dispose()
    _, full = _restore_in_subprocess(village.paths.data_dir, scene["backup"])
    rng = random.Random(20261130)
    trials = [(f"swapped-{i}", {"kill_at": "swapped"}) for i in range(6)]
    trials += [(f"step-{step}", {"kill_at": step}) for step in STEPS]
    trials += [(f"timer-{i}", {"delay": rng.uniform(0.0, 2 * full)}) for i in range(8)]
    landed = {"before": [], "after": []}
    for name, kill in trials:
        landed[_after_kill(tmp_path, scene, name, **kill)].append(name)
        db = tmp_path / name / village.paths.data_dir.name / "cunyi.db"
        assert db.read_bytes()[:16] != SQLITE_HEADER, name  # encrypted, whichever store it is
    assert len(trials) >= 20
    assert {f"swapped-{i}" for i in range(6)} <= set(landed["after"])
    assert landed["before"]


@pytest.mark.slow
def test_a_passphrase_on_the_device_keys_protects_the_store_too(tmp_path, password_file, capsys, monkeypatch):
    data = tmp_path / "pc"
    _init(data, "--encrypt", password_file=password_file)
    phrase = tmp_path / "phrase.txt"
    phrase.write_text("a long passphrase\n", encoding="utf-8")
    assert main(["--data-dir", str(data), "device", "protect", "--new-password-file", str(phrase)]) == 0
    assert "也需要这个口令" in capsys.readouterr().out
    monkeypatch.setattr(device_keys, "_unlocked", {})  # a new process: nothing remembered
    monkeypatch.delenv(device_keys.PASSPHRASE_ENV, raising=False)
    assert main(["--data-dir", str(data), "check"]) == 1
    assert "口令" in capsys.readouterr().err
    monkeypatch.setenv(device_keys.PASSPHRASE_ENV, "a long passphrase")
    assert main(["--data-dir", str(data), "check"]) == 0


def test_a_text_file_or_a_cut_off_copy_is_not_called_encrypted(encrypted_pc, tmp_path):
    """Only a file sized as a database is can be an encrypted backup: a note renamed .db is "not a
    backup", a copy cut off on the stick "damaged"; a whole backup of another PC still asks for
    its key (--key-file)."""
    village, _rid, _escrow = encrypted_pc
    saved = backup.backup_to(village.store, tmp_path / "backup.db")
    note = tmp_path / "note.db"
    note.write_text("村医备份 2026-12-01\n", encoding="utf-8")
    with pytest.raises(UserError, match="note.db 不是村医备份文件"):
        backup.verify(note, None)
    cut = tmp_path / "cut.db"
    cut.write_bytes(saved.read_bytes()[:-1000])
    with pytest.raises(UserError, match="cut.db 已损坏"):
        backup.verify(cut, None)
    with pytest.raises(UserError, match="--key-file"):
        backup.verify(saved, None)
    with pytest.raises(UserError, match="是一个文件夹：请给出其中的备份文件"):
        backup.verify(tmp_path, None)


def test_check_is_not_misled_by_another_programs_writes_to_the_search_index(encrypted_pc):
    """SQLCipher's SQLite checks FTS5 tables in integrity_check, against the structure the
    connection cached at its last read of the index: after another program changed a phone (the
    digit index is rewritten), a check on a connection that had searched before reported a sound
    index as a "checksum mismatch".  The check reads the index first, in its own transaction."""
    village, rid, _escrow = encrypted_pc
    with village.store.engine.connect() as conn:  # the pool's one connection: it searched once
        conn.exec_driver_sql("SELECT rowid FROM resident_digits LIMIT 1").all()
    other = Store(f"sqlite:///{village.paths.db_file}")  # another program on the same file
    try:
        for i in range(3):
            with other.transaction() as s:
                records.save_resident(s, _person(phone=f"1380000000{i}"), resident_id=rid, today=TODAY)
    finally:
        other.dispose()
    report = backup.check(village.store)
    integrity = next(r for r in report.results if "integrity_check" in r.name)
    assert integrity.ok, integrity.detail
    assert report.ok, [(r.name, r.detail) for r in report.results if not r.ok]


def test_a_link_planted_where_the_backups_key_goes_is_never_written_through(encrypted_pc, tmp_path, capsys):
    """Found by the attacker: ``backup -o share/c.db`` wrote the backup's key through a link at
    ``share/c.db.key.age`` into ``keys/device_sign.pem``, emptying the device's signing key (every
    command after it failed).  The key is written as every file for people: refused in the data
    folder's own places before the backup is made, and renamed over a link, never through it."""
    village, _rid, _escrow = encrypted_pc
    village.store.dispose()
    share = tmp_path / "share"
    share.mkdir()
    signing = village.paths.sub("keys") / "device_sign.pem"
    before = signing.read_bytes()
    beside = share / "c.db.key.age"
    beside.symlink_to(signing)
    args = ["--data-dir", str(village.paths.data_dir), "backup", "-o", str(share / "c.db")]
    capsys.readouterr()
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "是村医自己的数据" in err and "内部出错" not in err, err
    assert signing.read_bytes() == before and not (share / "c.db").exists()
    mine = tmp_path / "notes.txt"  # a link to a file of the user's: the link replaced, the file kept
    mine.write_text("my notes")
    beside.unlink()
    beside.symlink_to(mine)
    assert main(args) == 0
    assert mine.read_text() == "my notes" and not beside.is_symlink() and beside.stat().st_size > 0
    assert main(["--data-dir", str(village.paths.data_dir), "check"]) == 0
