"""The bench's process figures are the child's own: a child started from a bench that holds 400 MB
reports its own small peak, not the bench's (getrusage carries the parent's peak over exec on Linux).
No timing assertions."""

from __future__ import annotations

import subprocess
import sys

import psutil
import pytest

from app.tools import bench

pytestmark = pytest.mark.bench

BIG = 400 * 2**20


@pytest.fixture
def heavy_parent():
    """This process, with 400 MB resident (every page written, so it is not a lazy zero mapping)."""
    buffer = bytearray(b"\x01") * BIG
    peak, _source = bench.own_peak()
    parent_mb = peak if peak is not None else psutil.Process().memory_info().rss / 2**20
    assert parent_mb >= BIG / 2**20
    yield parent_mb
    del buffer


def test_a_small_child_reports_its_own_peak_not_the_benchs(heavy_parent):
    child = bench.run_child(["-c", bench._CHILD_PROBE + "x = list(range(1000))"])
    assert child.polled_peak_mb > 0
    if sys.platform.startswith("linux") or sys.platform == "win32":
        assert child.peak_source in ("VmHWM", "peak_wset")  # the child's own report
    assert child.peak_mb < 100 < heavy_parent - 300


def test_the_bare_window_baseline_reports_its_own_peak(heavy_parent):
    window = bench.run_child(["-c", bench._BARE_WINDOW])
    assert "first paint:" in window.stdout
    assert 0 < window.peak_mb < heavy_parent - 250


def test_the_gui_child_probe_runs_the_app_and_reports_its_own_peak(heavy_parent):
    child = bench.run_child(["-c", bench._APP_WITH_PROBE, "--help"])
    assert "gui" in child.stdout  # the app's own argument parser answered
    assert 0 < child.peak_mb < heavy_parent - 300


def test_without_a_report_the_child_is_polled():
    child = bench.run_child(
        ["-c", "import time; x = bytearray(b'1') * (60 * 2**20); time.sleep(0.5)"], poll_s=0.002
    )
    assert child.peak_source == "polled rss"
    assert child.peak_mb == child.polled_peak_mb >= 50


def test_the_childs_clock_counts_from_process_creation():
    """/proc on Linux, psutil's creation time elsewhere (Windows): never time since some import."""
    since = bench.since_process_start
    age = since(0.0)  # t0 = 0 would make the perf_counter fallback huge
    assert 0 < age < 3600
    by_psutil = since(0.0, linux=False)
    assert 0 < by_psutil < 3600
    if sys.platform.startswith("linux"):  # psutil's Linux creation time rests on whole-second boot time
        assert abs(by_psutil - age) < 2


def test_a_failing_child_raises():
    with pytest.raises(subprocess.CalledProcessError):
        bench.run_child(["-c", "raise SystemExit(3)"])
