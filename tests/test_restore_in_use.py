"""What swaps the store's file (a restore, encrypting the store) is refused while another process has
the store open: that process went on writing into the file swapped out, and every save it reported
was lost without a word (a tester's window saved a phone number after a restore from the command
line: "committed", and in no store afterwards).  A process starting during a restore waits for it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db import Store
from app.models import Resident
from app.services import backup, encryption
from app.services.errors import UserError
from app.services.records import residents as records
from tests.synckit import TODAY
from tests.test_restore_integrity import _english, _person, village  # noqa: F401 - its fixture

pytestmark = pytest.mark.sqlite_only  # (a SQLite file swapped; a server's store is the server's job)

# Another process with the store open, as a window or `cunyi serve` has it: opened the way every
# process opens it (the command line's open_store), one read, then waiting for its stdin to close.
HOLDER = textwrap.dedent(
    """
    import argparse, sys
    from sqlalchemy import text
    from app.cli.core import open_store
    args = argparse.Namespace(data_dir=sys.argv[1], db=None, user=None, password_file=None)
    _paths, store = open_store(args, need_profile=False)
    with store.session() as s:
        s.execute(text("SELECT count(*) FROM resident")).scalar()
    print("open", flush=True)
    sys.stdin.readline()
    """
)


class Holder:
    def __init__(self, data_dir):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(data_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout.readline().strip() == "open"

    def close(self) -> None:
        self.proc.stdin.close()
        assert self.proc.wait(30) == 0


def _residents(db_file) -> int:
    store = Store(f"sqlite:///{db_file}")
    try:
        with store.session() as s:
            return s.scalar(select(func.count()).select_from(Resident))
    finally:
        store.dispose()


def test_a_restore_is_refused_while_another_process_has_the_store_open(village, tmp_path, capsys):  # noqa: F811
    saved = backup.backup_to(village.store, tmp_path / "bk.db")
    with village.store.transaction() as s:  # after the backup: what a restore would take away
        records.save_resident(s, _person("王五"), today=TODAY)
    village.store.dispose()
    data, db = village.paths.data_dir, village.paths.db_file
    aside_before = sorted(village.paths.sub("backups").iterdir())
    holder = Holder(data)
    try:
        capsys.readouterr()
        assert main(["--data-dir", str(data), "restore", str(saved)]) == 1
        out, err = capsys.readouterr()
        assert not out and err.count("\n") == 1, err
        assert "另一个窗口或程序" in err and "恢复未进行" in err and "请先关闭它们" in err, err
        assert _residents(db) == 3  # nothing restored
        assert sorted(village.paths.sub("backups").iterdir()) == aside_before  # nothing set aside
        with pytest.raises(UserError) as refused:  # the service, as a window would call it, in English
            backup.restore(village.store, village.paths, saved)
        english = refused.value.render(_english())
        assert "another window or program" in english and "restore" in english, english
        assert _residents(db) == 3
    finally:
        holder.close()
    assert main(["--data-dir", str(data), "restore", str(saved)]) == 0  # closed: restored
    assert _residents(db) == 2


def test_encrypting_the_store_is_refused_while_another_process_has_it_open(village):  # noqa: F811
    data, db = village.paths.data_dir, village.paths.db_file
    holder = Holder(data)
    try:
        with pytest.raises(UserError) as refused:
            encryption.encrypt_store(village.store)
        assert "加密数据库未进行" in refused.value.render(), refused.value.render()
        assert not encryption.looks_encrypted(db)
    finally:
        holder.close()
    store = Store(f"sqlite:///{db}")
    try:
        encryption.encrypt_store(store)  # closed: encrypted
    finally:
        store.dispose()
    assert encryption.looks_encrypted(db)


def test_a_process_starting_during_a_restore_waits_for_it(village, tmp_path):  # noqa: F811
    """While the file is being swapped a command does not open it; past the wait it says why."""
    from app.db import held_alone

    village.store.dispose()
    data = village.paths.data_dir
    starting = textwrap.dedent(
        """
        import sys
        import app.db
        app.db.OPEN_WAIT_S = 0.5
        from app.cli import main
        sys.exit(main(["--data-dir", sys.argv[1], "residents", "search", "张"]))
        """
    )
    with held_alone(village.paths.db_file, "恢复"):  # as a restore holds it
        run = subprocess.run(
            [sys.executable, "-c", starting, str(data)], capture_output=True, text=True, timeout=60
        )
    assert run.returncode == 1 and not run.stdout, run
    assert "正在从备份恢复这个数据库" in run.stderr and "Traceback" not in run.stderr, run.stderr
    after = subprocess.run(
        [sys.executable, "-c", starting, str(data)], capture_output=True, text=True, timeout=60
    )
    assert after.returncode == 0, after.stderr  # the swap over: it opens


# What Windows refuses while another process holds the store: its journal and the file (SQLite
# holds all three open), or the file only (a program that opened the file alone: a virus scanner)
HELD = {"journal and file": ("-wal", "-shm", ""), "file only": ("",)}


@pytest.fixture(params=sorted(HELD))
def as_on_windows(village, monkeypatch, request):  # noqa: F811
    """The store held open by another process as Windows sees it: the lock files tell nothing
    (held_alone is POSIX-only: it says it could not tell), and what is held open is neither
    removed nor replaced."""
    import contextlib
    from pathlib import Path

    db = village.paths.db_file
    held = {Path(f"{db}{suffix}") for suffix in HELD[request.param]}

    def refused(path):
        if Path(path) in held:
            raise PermissionError(
                13, "The process cannot access the file because it is being used by another process"
            )

    real_replace, real_unlink = Path.replace, Path.unlink
    monkeypatch.setattr(Path, "replace", lambda self, target: refused(target) or real_replace(self, target))
    monkeypatch.setattr(
        Path, "unlink", lambda self, missing_ok=False: refused(self) or real_unlink(self, missing_ok)
    )
    for module in (backup, encryption):
        monkeypatch.setattr(module, "held_alone", lambda db, doing: contextlib.nullcontext(False))
    return monkeypatch


def _files(folder) -> list[str]:
    """What ``folder`` holds but the store's journal (SQLite's while it is open)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))


@pytest.mark.parametrize("as_new_device", [False, True])
def test_on_windows_a_restore_refused_at_the_swap_leaves_the_store_and_nothing_else(
    village,  # noqa: F811
    tmp_path,
    as_on_windows,
    as_new_device,
):
    """Where the lock files cannot tell another process has the store (Windows), the swap itself
    is refused by the system: the user reads the same sentence, not the system's error, and
    nothing of the restore is left (the copy put aside, its seal, the prepared copy, the new
    device keys of a restore as a new device)."""
    from app.services.profile import get_profile

    saved = backup.backup_to(village.store, tmp_path / "bk.db")
    if as_new_device:  # (a backup without this PC's seal is restored as a new device only)
        saved.with_name(saved.name + backup.SEAL_SUFFIX).unlink()
    with village.store.transaction() as s:
        records.save_resident(s, _person("王五"), today=TODAY)
        device = get_profile(s).device_id
    folder, backups, keys = village.paths.data_dir, village.paths.sub("backups"), village.paths.sub("keys")
    before = (_files(folder), _files(backups), _files(keys))
    with pytest.raises(UserError) as refused:
        backup.restore(village.store, village.paths, saved, force_other_device=as_new_device)
    assert "另一个窗口或程序" in refused.value.render() and "恢复未进行" in refused.value.render()
    assert (_files(folder), _files(backups), _files(keys)) == before
    as_on_windows.undo()
    assert _residents(village.paths.db_file) == 3  # nothing restored, the store as it was
    with village.store.session() as s:
        assert get_profile(s).device_id == device
    backup.restore(village.store, village.paths, saved, force_other_device=as_new_device)  # now it is
    assert _residents(village.paths.db_file) == 2


def test_on_windows_encrypting_refused_at_the_swap_leaves_the_store_plain(village, as_on_windows):  # noqa: F811
    db = village.paths.db_file
    before = _files(db.parent)
    with pytest.raises(UserError) as refused:
        encryption.encrypt_store(village.store)
    assert "加密数据库未进行" in refused.value.render(), refused.value.render()
    assert not encryption.looks_encrypted(db) and _residents(db) == 2
    as_on_windows.undo()
    assert _files(db.parent) == before  # no .plain, no .encrypting (the key made stays, in keys/)
    encryption.encrypt_store(Store(f"sqlite:///{db}"))  # the other process gone: encrypted
    assert encryption.looks_encrypted(db)


def test_where_the_locks_tell_a_refused_swap_is_not_taken_for_another_window(village, monkeypatch):  # noqa: F811
    """On POSIX held_alone has seen no other process: a system refusal at the swap has another
    cause (a hard link on a FAT drive), and is not told as a window to close."""
    import os

    def no_links(*args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    with pytest.raises(PermissionError):
        encryption.encrypt_store(village.store)
    assert not encryption.looks_encrypted(village.paths.db_file)


def test_a_connection_still_reading_the_store_stops_the_swap(village, tmp_path, monkeypatch):  # noqa: F811
    """A connection of this process still in a read (a page that kept its session open) holds the
    journal: what was written since its read began cannot be emptied into the file, and removing
    the journal would lose it.  The restore is refused before anything is removed, and nothing of
    it is left."""
    import sqlite3

    from app import db as app_db

    saved = backup.backup_to(village.store, tmp_path / "bk.db")
    with village.store.transaction() as s:
        records.save_resident(s, _person("王五"), today=TODAY)
    monkeypatch.setattr(app_db, "SQLITE_BUSY_TIMEOUT_MS", 200)
    village.store.dispose()  # (its connections made again, waiting 200 ms)
    backups = village.paths.sub("backups")
    before = _files(backups)
    reader = sqlite3.connect(village.paths.db_file)
    try:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM resident").fetchone() == (3,)
        with village.store.transaction() as s:  # written after the read began: the reader's
            records.save_resident(s, _person("赵六"), today=TODAY)  # snapshot keeps it in the journal
        with pytest.raises(UserError) as refused:
            backup.restore(village.store, village.paths, saved)
        assert "恢复未进行" in refused.value.render()
        assert _files(backups) == before
    finally:
        reader.close()
    assert _residents(village.paths.db_file) == 4  # nothing lost, nothing restored


def test_a_refused_restore_removes_what_it_can_and_the_next_start_the_rest(village, tmp_path, monkeypatch):  # noqa: F811
    """Windows refuses the swap, and the prepared copy cannot be removed either (a virus scanner
    reading it): the copy put aside and its seal (a whole copy of the records) and the new device
    keys are removed all the same; the prepared copy goes at the next start."""
    import contextlib
    from pathlib import Path

    saved = backup.backup_to(village.store, tmp_path / "bk.db")
    saved.with_name(saved.name + backup.SEAL_SUFFIX).unlink()  # (restored as a new device: new keys)
    db = village.paths.db_file
    prepared = db.with_name(db.name + backup.PREPARED_SUFFIX)

    def refused(path, held):
        if Path(path) in held:
            raise PermissionError(
                13, "The process cannot access the file because it is being used by another process"
            )

    real_replace, real_unlink = Path.replace, Path.unlink
    monkeypatch.setattr(
        Path, "replace", lambda self, target: refused(target, {db}) or real_replace(self, target)
    )
    monkeypatch.setattr(
        Path,
        "unlink",
        lambda self, missing_ok=False: refused(self, {prepared}) or real_unlink(self, missing_ok),
    )
    monkeypatch.setattr(backup, "held_alone", lambda db, doing: contextlib.nullcontext(False))
    backups = village.paths.sub("backups")
    before = _files(backups)
    with pytest.raises(UserError, match="恢复未进行"):
        backup.restore(village.store, village.paths, saved, force_other_device=True)
    assert _files(backups) == before  # the copy put aside and its seal: gone
    assert not (village.paths.data_dir / backup.KEYS_PENDING).exists()
    assert prepared.exists()  # held: left for the next start
    monkeypatch.undo()
    assert f"removed {prepared.name}" in backup.recover_interrupted_restore(village.paths)
    assert not prepared.exists() and _residents(db) == 2
