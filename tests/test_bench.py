"""`cunyi bench` runs at village scale and reports every metric with every key (no timing assertions)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from app.tools.bench import NOT_YET

MEASURED = [
    "store.bytes_per_resident",
    "search.name",
    "search.pinyin",
    "search.initials",
    "search.id4",
    "search.archive",
    "demo.generate",
    "worklist.overdue",
    "report.quality",
    "followup.save",
    "resident.open",
    "print.referral",
    "print.cards500",
    "report.indicators",
    "report.drilldown",
    "sync.export",
    "sync.import",
    "sync.roundtrip",
    "sync.concurrent30",
    "sync.replacement",
    "sync.followup_bytes",
    "gui.cold_start",
    "gui.rss",
]
KEYS = {"median_ms", "p95_ms", "per_s", "budget", "baseline_ms", "ratio", "ok", "status"}


@pytest.mark.bench
@pytest.mark.slow
def test_village_bench_reports_every_metric(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-m", "app", "bench", "--scale", "village", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr
    # the export's baseline reads the village's changes as the export does (clocks as hex text)
    assert "no longer holds what it wrote" not in out.stderr
    result = json.loads(out.stdout)
    assert set(result["metrics"]) == set(MEASURED) | set(NOT_YET)
    for name in MEASURED:
        m = result["metrics"][name]
        assert set(m) >= KEYS, name
        assert m["status"] == "measured" and isinstance(m["ok"], bool), name
        figures = ("peak_mb", "bytes_per_visit_n1")  # a memory or a byte figure, not a time
        assert (m["median_ms"] is not None) or (m["per_s"] is not None) or any(f in m for f in figures), name
    for name in NOT_YET:
        assert result["metrics"][name]["status"] == "not yet"
    # the GUI's peak is its own (see test_bench_figures), and the sync figures count the logged changes
    assert result["metrics"]["gui.rss"]["peak_source"] in ("VmHWM", "peak_wset", "polled rss")
    assert result["metrics"]["gui.rss"]["rows_loaded"] > 0
    assert result["metrics"]["sync.export"]["changes"] > 0
    wire = result["metrics"]["sync.followup_bytes"]  # bytes per visit: a bundle's fixed cost shared
    assert wire["bytes_per_visit_n1"] > wire["bytes_per_visit_n10"] > wire["bytes_per_visit_n100"] > 0
    assert result["metrics"]["sync.concurrent30"]["township_edit_p95_ms"] >= 0
    # the import and its baseline take turns: medians of the rounds, and their ratio
    imp = result["metrics"]["sync.import"]
    assert len(imp["rounds_ms"]) == len(imp["baseline_rounds_ms"]) == 3
    assert imp["median_ms"] == pytest.approx(statistics.median(imp["rounds_ms"]), abs=1)
    assert imp["baseline_ms"] == pytest.approx(statistics.median(imp["baseline_rounds_ms"]), abs=1)
    assert imp["p95_ms"] == pytest.approx(max(imp["rounds_ms"]), abs=1)
    assert imp["ratio"] == pytest.approx(imp["median_ms"] / imp["baseline_ms"], rel=0.01)
    store = result["metrics"]["store.bytes_per_resident"]
    assert store["bytes_per_resident"] > 0 and 0 < store["backup_mb"] < store["store_mb"]
    assert "resident" in store["tables_mb"]
    assert result["machine"]["cores"] >= 1


@pytest.mark.bench
@pytest.mark.slow
def test_bench_reports_the_cost_of_encryption_at_rest(tmp_path):
    """`bench --encrypt`: each store metric measured again on an encrypted copy of the same store,
    its baseline the plain figure of the same rounds, so the ratio is the cost of encryption."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    only = "worklist.overdue,resident.open,sync.import"
    out = subprocess.run(
        [sys.executable, "-m", "app", "bench", "--scale", "village", "--json", "--encrypt", "--only", only],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr
    metrics = json.loads(out.stdout)["metrics"]
    for name in only.split(","):
        m = metrics[f"{name}.encrypted"]
        assert m["status"] == "measured" and m["budget"] == "≤ 1.2× plain", name
        assert m["baseline_ms"] > 0 and m["ratio"] == pytest.approx(
            m["median_ms"] / m["baseline_ms"], rel=0.01
        )
    encrypted = list((tmp_path / "cunyi-bench").glob("village-*-encrypted/cunyi.db"))
    assert encrypted and encrypted[0].read_bytes()[:16] != b"SQLite format 3\x00"


@pytest.mark.sqlite_only  # the bench's own SQLite cache
def test_a_cached_store_marked_moved_is_built_again(tmp_path, monkeypatch):
    """The PostgreSQL bench of an earlier version moved the cached township store itself: marked
    moved, it refused writes, and the GUI bench's children then waited at the error dialog until
    they were killed.  Such a cache is built again (fails on the code before: it was reused)."""
    import sqlite3

    from app.db import MOVED, Store, mark_moved
    from app.tools import bench

    monkeypatch.setattr(bench.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setitem(bench.SCALES, "village", (60, 1))
    said: list[str] = []
    folder, built = bench.bench_store("village", 7, said.append)
    assert built is not None
    store = Store(f"sqlite:///{folder / 'cunyi.db'}", upgrade=False)
    with store.engine.begin() as conn:
        mark_moved(conn)
    store.dispose()
    _again, rebuilt = bench.bench_store("village", 7, said.append)
    assert rebuilt is not None and said[-1].startswith("building")
    with sqlite3.connect(folder / "cunyi.db") as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] != MOVED
    assert bench.bench_store("village", 7, said.append)[1] is None and said[-1].startswith("reusing")


@pytest.mark.sqlite_only  # the copy is SQLite's; what moves it is stood in for
def test_the_postgresql_bench_moves_a_copy_never_the_cached_store(tmp_path):
    from app.db import Store, mark_moved
    from app.tools import bench, pgbench

    db = tmp_path / "cunyi.db"
    Store(f"sqlite:///{db}").dispose()
    with pgbench._copy_to_move(db) as moving:
        with moving.engine.begin() as conn:  # what migrate_store does to the file it moved
            mark_moved(conn)
        assert bench._moved(Path(moving.engine.url.database))
    assert not bench._moved(db)
