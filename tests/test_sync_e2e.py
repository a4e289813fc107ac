"""Sync from the outside: two villages and a township through CLI commands only, and imports
killed with SIGKILL at random moments."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import cli
from app.config import Paths, resolve_db_url
from app.db import Store
from app.models import ImportProgress
from tests import storekit
from tests.synckit import dump, integrity

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

TOWN, A, B = "110105001", "110105001101", "110105001102"


def run(capsys, *argv) -> str:
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


@pytest.mark.slow
def test_two_villages_and_a_township_through_the_cli(tmp_path, capsys):
    dirs = {name: tmp_path / name for name in ("town", "a", "b")}
    storekit.data_dir_for_init(dirs["town"], "township")  # on PostgreSQL too (both_databases)

    def c(who, *argv) -> str:
        return run(capsys, "--data-dir", dirs[who], *argv)

    c("town", "init", "--role", "township", "--code", TOWN, "--name", "东风乡")
    c("a", "init", "--role", "village", "--code", A, "--name", "一村", "--township-name", "东风乡")
    c("b", "init", "--role", "village", "--code", B, "--name", "二村", "--township-name", "东风乡")
    for who in dirs:
        out = c(who, "device", "card", "-o", tmp_path / f"{who}.json")
        assert "指纹" in out and (tmp_path / f"{who}.png").exists()
    c("town", "device", "trust", tmp_path / "a.json")
    c("town", "device", "trust", tmp_path / "b.json")
    c("a", "device", "trust", tmp_path / "town.json")
    c("b", "device", "trust", tmp_path / "town.json")
    assert "一村" in c("town", "device", "list")
    # enrol and follow up
    c("a", "demo", "--residents", "30", "--seed", "3")
    c("b", "demo", "--residents", "20", "--seed", "4")
    found = json.loads(c("a", "residents", "search", "", "--json"))
    archive = found[0]["archive_no"]
    c(
        "a",
        "followup",
        "add",
        archive,
        "--program",
        "htn",
        "--date",
        "2026-11-20",
        "--sbp",
        "150",
        "--dbp",
        "95",
        "--enrol",
    )
    # villages → township
    for who in ("a", "b"):
        c(who, "sync", "export", "--to", tmp_path / "usb1")
    out = c("town", "sync", "import", tmp_path / "usb1")
    assert out.count("已导入") == 2
    # the township corrects the record and sends it back
    c("town", "residents", "update", archive, "--set", "phone=13912345678")
    c("town", "sync", "export", "--to", tmp_path / "usb2")
    for who in ("a", "b"):
        c(who, "sync", "import", tmp_path / "usb2")
        c(who, "sync", "export", "--to", tmp_path / "usb3")
    c("town", "sync", "import", tmp_path / "usb3")
    assert json.loads(c("a", "residents", "search", archive, "--json"))[0]["phone"] == "13912345678"
    statuses = {who: json.loads(c(who, "sync", "status", "--json")) for who in dirs}
    for who, st in statuses.items():
        assert st["peers"], who
        for peer in st["peers"]:
            assert peer["unacknowledged"] == 0, (who, peer)
            assert peer["last_export_at"] and peer["last_import_at"]
    town = Store(resolve_db_url(Paths(dirs["town"])))
    for who, code in (("a", A), ("b", B)):
        village = Store(f"sqlite:///{dirs[who] / 'cunyi.db'}")
        assert dump(village, code) == dump(town, code)
        village.dispose()
    town.dispose()


def test_cli_import_reports_a_rejected_bundle_and_fails(tmp_path, capsys):
    dirs = {name: tmp_path / name for name in ("town", "a")}
    storekit.data_dir_for_init(dirs["town"], "township")
    run(capsys, "--data-dir", dirs["town"], "init", "--role", "township", "--code", TOWN, "--name", "东风乡")
    run(capsys, "--data-dir", dirs["a"], "init", "--role", "village", "--code", A, "--name", "一村")
    run(capsys, "--data-dir", dirs["a"], "device", "card", "-o", tmp_path / "a.json")
    run(capsys, "--data-dir", dirs["town"], "device", "card", "-o", tmp_path / "t.json")
    run(capsys, "--data-dir", dirs["a"], "device", "trust", tmp_path / "t.json")
    run(capsys, "--data-dir", dirs["a"], "sync", "export", "--to", tmp_path / "usb")
    # the township has not trusted the village yet
    code = cli.main(["--data-dir", str(dirs["town"]), "sync", "import", str(tmp_path / "usb")])
    err = capsys.readouterr().err  # (an error, said as every other: on stderr, after "错误：")
    assert code == 1 and err.startswith("错误：") and "未受信任" in err, err
    assert list((dirs["town"] / "quarantine" / "unverified").glob("*.cyb"))  # (no trusted signature)


def records(store: Store) -> dict:
    """The records and how many imports the audit trail holds (each import's entry has its own
    id and time, so entries are counted rather than compared)."""
    d = dump(store)
    d["imports audited"] = sum(1 for row in d.pop("audit_log") if "import" in row)
    return d


KILLER = """
import sys
from app.cli import main
sys.exit(main(["--data-dir", sys.argv[1], "sync", "import", sys.argv[2]]))
"""


@pytest.mark.slow
@pytest.mark.sqlite_only  # restores the store's file between kills; PostgreSQL's atomicity is the server's
def test_import_killed_at_random_moments_loses_nothing(tmp_path):
    """SIGKILL during import, 20 trials: the store passes integrity_check and holds none of the
    bundle, all of it, or the chunks committed so far with a record of how far the import got
    (``sync_import_progress``); a re-import completes, and the village's next edit then reaches
    the township."""
    from app.tools import demo
    from tests.synckit import county
    from tests.test_sync import edit_resident, first_archive, resident_field

    town, (a,) = county(tmp_path / "w", 1)
    with a.store.transaction() as s:
        demo.generate_demo(s, 400, seed=9)
    (path,) = a.export(tmp_path / "usb")
    archive = first_archive(a)
    town.store.dispose()
    pristine = tmp_path / "pristine.db"
    import shutil

    shutil.copy(town.paths.db_file, pristine)
    before = records(Store(f"sqlite:///{pristine}"))
    # how long a full import takes, to spread the kills over it
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", KILLER, str(town.paths.data_dir), str(path)],
        check=True,
        cwd=Path(__file__).parent.parent,
    )
    full = time.perf_counter() - t0
    after = records(Store(f"sqlite:///{town.paths.db_file}"))
    assert after != before
    rng = random.Random(7)
    outcomes = {"none": 0, "part": 0, "all": 0}
    for trial in range(20):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{town.paths.db_file}{suffix}").unlink(missing_ok=True)
        shutil.copy(pristine, town.paths.db_file)
        proc = subprocess.Popen(
            [sys.executable, "-c", KILLER, str(town.paths.data_dir), str(path)],
            cwd=Path(__file__).parent.parent,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, full))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        store = Store(f"sqlite:///{town.paths.db_file}", upgrade=False)
        assert integrity(store) == "ok", trial
        state = records(store)
        with store.session() as s:
            progress = s.scalar(select(func.count()).select_from(ImportProgress))
        if state not in (before, after):  # chunks committed: the import knows how far it got
            assert progress == 1, f"trial {trial}: partial import with no record of its progress"
        outcomes["none" if state == before else "all" if state == after else "part"] += 1
        store.dispose()
        subprocess.run(
            [sys.executable, "-c", KILLER, str(town.paths.data_dir), str(path)],
            check=True,
            cwd=Path(__file__).parent.parent,
            stdout=subprocess.DEVNULL,
        )
        store = Store(f"sqlite:///{town.paths.db_file}", upgrade=False)
        assert records(store) == after, trial
        store.dispose()
        # and the village's next edit reaches the township
        phone = f"1390000{trial:04d}"
        edit_resident(a, archive, phone=phone)
        (edit_path,) = a.export(tmp_path / f"edit{trial}")
        subprocess.run(
            [sys.executable, "-c", KILLER, str(town.paths.data_dir), str(edit_path)],
            check=True,
            cwd=Path(__file__).parent.parent,
            stdout=subprocess.DEVNULL,
        )
        assert resident_field(town, archive, "phone") == phone, trial
        town.store.dispose()
    print(f"SIGKILL trials: {outcomes}, full import {full:.2f} s")
    assert outcomes["none"] + outcomes["part"] > 0  # the kills did land inside the import
