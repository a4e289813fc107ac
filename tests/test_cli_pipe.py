"""``cunyi … --json | head -1`` and ``| grep -q``: the reader stops reading early; the CLI ends
quietly (exit status 141, as a shell reports SIGPIPE) with nothing on stderr."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from app.tools.demo import generate_demo
from tests.conftest import make_store


def _cunyi(data_dir: str, stdout: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", data_dir, "residents", "search", "110105", "--json"],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_a_broken_pipe_in_any_command_ends_it_with_141_and_nothing_on_stderr(capsys):
    """The one place that handles it (``core.run``), in process: the fast tier's check."""
    from app.cli import core

    def writes_to_a_closed_pipe(_args) -> int:
        print("[")
        raise BrokenPipeError(32, "Broken pipe")

    assert core.run(writes_to_a_closed_pipe, None) == 141
    assert capsys.readouterr().err == ""


@pytest.mark.slow  # three runs of the program itself
def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path):
    fcntl = pytest.importorskip("fcntl")  # a pipe made small enough for a small store's output
    if not hasattr(fcntl, "F_SETPIPE_SZ"):
        pytest.skip("pipe size cannot be set here")
    store = make_store(tmp_path)
    with store.transaction() as s:
        generate_demo(s, 40, seed=1)  # 20 shown: ~6 KB of JSON
    store.engine.dispose()
    data_dir = str(tmp_path / "data-village")

    # like `| head -1`: one line read, then the pipe closed while the rest (more than it holds) waits
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)
    proc = _cunyi(data_dir, write_end)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        assert reader.readline().strip() == b"["
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141, stderr
    assert stderr == ""  # not "Exception ignored … BrokenPipeError", not a traceback

    # a reader gone before the first byte: the final flush fails, and quietly too
    read_end, write_end = os.pipe()
    os.close(read_end)
    proc = _cunyi(data_dir, write_end)
    os.close(write_end)
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141, stderr
    assert stderr == ""
