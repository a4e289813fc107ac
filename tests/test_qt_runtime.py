"""The Qt binding the project installs keeps Python's reference counts straight.

PySide6 6.12.0 (shiboken6 6.12.0) on Python 3.11 drops a reference to None on every Qt call
that returns nothing: after some thousands of them (a township officer's afternoon of
drill-downs) Python aborts with "Fatal Python error: none_dealloc" and the window vanishes.
pyproject.toml keeps that release out; this test runs the same calls in a child process, so
a binding that regresses fails here and not in a clinic.
"""

import subprocess
import sys

import pytest

pytestmark = pytest.mark.sqlite_only

CALLS = 30_000

PROGRAM = f"""
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for i in range({CALLS}):
    label.setText("x")
    label.setEnabled(True)
after = sys.getrefcount(None)
print(before, after)
"""


def test_thousands_of_qt_calls_that_return_nothing_leave_none_alone(tmp_path):
    run = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    before, after = map(int, run.stdout.split())
    # a leak of one reference per call would show as tens of thousands; allow for noise
    assert abs(after - before) < 100, (before, after)
