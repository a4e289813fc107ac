"""Crash safety: SIGKILL at random moments during a follow-up save, a batch enrolment, a backup
and a restore.  Afterwards the store passes integrity_check, every record is either fully there
(with its change-log and audit entries) or absent, and the app starts normally."""

from __future__ import annotations

import csv
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import cli
from app.db import Store
from app.models.base import day_param
from app.models.packing import word_code
from app.services import backup

# SQLite only: SIGKILL against a village's store file, its journal and its file backups (a PostgreSQL
# store's atomicity is the server's).
pytestmark = [pytest.mark.slow, pytest.mark.both_databases, pytest.mark.sqlite_only]
ROOT = Path(__file__).parent.parent
VILLAGE = "110105001101"
TRIALS = 8


def _cli(*argv) -> int:
    return cli.main([str(a) for a in argv])


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    d = tmp_path_factory.mktemp("crash") / "village"
    assert _cli("--data-dir", d, "init", "--role", "village", "--code", VILLAGE, "--name", "一村") == 0
    assert _cli("--data-dir", d, "demo", "--residents", "60", "--seed", "4") == 0
    return d


def _copy(base: Path, dest: Path) -> Path:
    shutil.copytree(base, dest)
    return dest


def _kill_after(args: list[str], delay: float) -> list[str]:
    """Run ``python -c`` args, SIGKILL after ``delay`` s; returns what it printed."""
    proc = subprocess.Popen(
        [sys.executable, *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate()
    return [w[len("SAVED=") :] for w in out.split() if w.startswith("SAVED=")]


def _integrity(db: Path) -> tuple[str, list]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0], conn.execute(
            "PRAGMA foreign_key_check"
        ).fetchall()
    finally:
        conn.close()


def _starts(d: Path) -> None:
    """The app starts normally: the CLI opens the store and the GUI's main window paints."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(d), "gui", "--smoke"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]


def _complete(db: Path, table: str, setup: Path) -> None:
    """Each row of ``table`` has its change-log entry, and vice versa; each row the interrupted work
    made (not in the ``setup`` store) has its own audit entry; the rows the demo wrote in bulk for
    the setup are covered by their batches' audit entries."""
    ids = "SELECT id FROM {} WHERE sync_clocks IS NOT NULL"
    conn = sqlite3.connect(db)
    before = sqlite3.connect(setup / "cunyi.db")
    try:
        rows = {r[0] for r in conn.execute(ids.format(table))}
        setup_rows = {r[0] for r in before.execute(ids.format(table))}
        # (a table's name as the change log stores it: app.models.packing.Word)
        logged = {
            r[0] for r in conn.execute("SELECT row_id FROM change_log WHERE entity = ?", (word_code(table),))
        }
        audited = {r[0] for r in conn.execute("SELECT entity_id FROM audit_log WHERE entity = ?", (table,))}
        audited = {bytes.fromhex(a) for a in audited if a}  # the trail names ids as hex; rows hold 16 bytes
        batched = sum(
            int(summary.split()[1])
            for (summary,) in conn.execute(
                "SELECT summary FROM audit_log WHERE entity = ? AND entity_id IS NULL AND summary LIKE '批量写入 %'",
                (table,),
            )
        )
        assert rows <= logged, "a row without its change-log entry"
        assert logged <= rows, "a change-log entry without its row"
        assert rows - setup_rows <= audited, "a row without its audit entry"
        assert len(setup_rows - audited) <= batched, "a demo row outside any audited batch"
    finally:
        conn.close()
        before.close()


SAVER = """
import sys, datetime as dt
from app import cli
d, archives = sys.argv[1], sys.argv[2].split(",")
day = dt.date(2026, 1, 1)
for i in range(100000):
    a = archives[i % len(archives)]
    date = (day + dt.timedelta(days=i // len(archives))).isoformat()
    if cli.main(["--data-dir", d, "followup", "add", a, "--program", "htn", "--date", date,
                 "--sbp", "131", "--dbp", "83", "--hr", "71", "--enrol", "--confirm"]) == 0:
        print("SAVED=" + date + "/" + a, flush=True)
"""


def test_kill_during_follow_up_saves(base, tmp_path):
    import json

    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "--data-dir",
            str(base),
            "residents",
            "search",
            "",
            "--json",
            "--limit",
            "10",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    archives = [r["archive_no"] for r in json.loads(out.stdout)]
    rng = random.Random(11)
    for trial in range(TRIALS):
        d = _copy(base, tmp_path / f"t{trial}")
        saved = _kill_after(["-c", SAVER, str(d), ",".join(archives)], rng.uniform(1.5, 4.0))
        db = d / "cunyi.db"
        assert _integrity(db) == ("ok", []), trial
        conn = sqlite3.connect(db)
        marked = "FROM followup_visit v JOIN resident r ON r.id = v.resident_id WHERE v.sbp = 131 AND v.dbp = 83 AND v.heart_rate = 71"
        for item in saved:  # everything reported saved (committed) is there
            date, archive = item.split("/")
            n = conn.execute(
                f"SELECT count(*) {marked} AND r.archive_no = ? AND v.visit_date = ?",
                (archive, day_param(date)),
            ).fetchone()[0]
            assert n == 1, (trial, item)
        total = conn.execute(f"SELECT count(*) {marked}").fetchone()[0]
        assert total in (len(saved), len(saved) + 1), trial  # + the one committed as the kill came
        conn.close()
        _complete(db, "followup_visit", base)
    _starts(d)
    assert saved, "the kills came before any save: raise the delays"


def _roster(path: Path, n: int) -> None:
    from stdnum.cn import ric

    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "姓名",
                "性别",
                "出生日期",
                "身份证号",
                "联系电话",
                "现住址",
                "村民小组",
                "户主身份证号",
                "与户主关系",
            ]
        )
        for i in range(n):
            body = f"110105{1950 + i % 50}{1 + i % 12:02d}{1 + i % 28:02d}{500 + i:03d}"[:17]
            number = body + ric.calc_check_digit(body + "0")  # stdnum drops the last character
            w.writerow(
                [
                    f"批量{'甲乙丙丁戊己庚辛壬癸'[i % 10]}{'子丑寅卯辰巳午未申酉戌亥'[i // 10 % 12]}",
                    "",
                    "",
                    number,
                    "",
                    f"七组{i}号",
                    "七组",
                    "",
                    "户主",
                ]
            )


IMPORTER = """
import sys
from app import cli
sys.exit(cli.main(["--data-dir", sys.argv[1], "residents", "import", sys.argv[2]]))
"""


def test_kill_during_batch_enrolment(base, tmp_path):
    roster = tmp_path / "roster.csv"
    _roster(roster, 300)

    def count(d):
        conn = sqlite3.connect(d / "cunyi.db")
        try:
            return conn.execute("SELECT count(*) FROM resident").fetchone()[0]
        finally:
            conn.close()

    before = count(base)
    # how long a full import takes
    full_dir = _copy(base, tmp_path / "full")
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", IMPORTER, str(full_dir), str(roster)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    full = time.perf_counter() - t0
    assert count(full_dir) == before + 300
    rng = random.Random(12)
    seen = set()
    for trial in range(TRIALS):
        d = _copy(base, tmp_path / f"t{trial}")
        _kill_after(["-c", IMPORTER, str(d), str(roster)], rng.uniform(0.3, full))
        assert _integrity(d / "cunyi.db") == ("ok", []), trial
        n = count(d)
        assert n in (before, before + 300), (trial, n)  # all or nothing
        seen.add(n)
        _complete(d / "cunyi.db", "resident", base)
    _starts(d)
    assert before in seen  # some kills did land inside the import


BACKUPER = """
import sys
from app import cli
sys.exit(cli.main(["--data-dir", sys.argv[1], "backup", "-o", sys.argv[2]]))
"""
RESTORER = """
import sys
from app import cli
sys.exit(cli.main(["--data-dir", sys.argv[1], "restore", sys.argv[2]]))
"""


def test_kill_during_backup_and_restore(base, tmp_path):
    big = _copy(base, tmp_path / "big")
    assert _cli("--data-dir", big, "demo", "--residents", "1500", "--seed", "5") == 0
    rng = random.Random(13)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", BACKUPER, str(big), str(tmp_path / "timing.db")],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    full = time.perf_counter() - t0
    completed = 0
    for trial in range(TRIALS):  # backup
        dest = tmp_path / f"backup-{trial}.db"
        _kill_after(["-c", BACKUPER, str(big), str(dest)], rng.uniform(0.3, full))
        assert _integrity(big / "cunyi.db") == ("ok", [])
        if dest.exists():  # complete, or absent (only the .part may be left)
            backup.verify(dest)
            completed += 1
    # restore: the small store, replaced by the big backup, killed on the way
    good = tmp_path / "timing.db"
    small_count = _count(base)
    big_count = _count(big)
    t0 = time.perf_counter()
    d = _copy(base, tmp_path / "restore-timing")
    subprocess.run(
        [sys.executable, "-c", RESTORER, str(d), str(good)], cwd=ROOT, check=True, capture_output=True
    )
    full = time.perf_counter() - t0
    outcomes = set()
    for trial in range(TRIALS):
        d = _copy(base, tmp_path / f"r{trial}")
        _kill_after(["-c", RESTORER, str(d), str(good)], rng.uniform(0.3, full))
        store = Store(f"sqlite:///{d / 'cunyi.db'}", backups_dir=d / "backups")  # opens: the app's own start
        store.dispose()
        assert _integrity(d / "cunyi.db") == ("ok", []), trial
        n = _count(d)
        assert n in (small_count, big_count), (trial, n)  # the old store or the backup, never a mix
        outcomes.add(n)
    print(f"restore kills: old store kept {sorted(outcomes)}; backups completed {completed}/{TRIALS}")
    _starts(d)


def _count(d: Path) -> int:
    conn = sqlite3.connect(d / "cunyi.db")
    try:
        return conn.execute("SELECT count(*) FROM resident").fetchone()[0]
    finally:
        conn.close()
