"""Done-when of network sync: `cunyi serve` in its own process on 127.0.0.1, two villages syncing
with `sync run --once`, the township editing while it serves, the villages pulling: all converge
(every synced column compared)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from app import cli
from app.config import Paths, resolve_db_url
from app.db import Store
from tests import storekit
from tests.netkit import free_port
from tests.synckit import dump

pytestmark = [pytest.mark.slow, pytest.mark.both_databases]
TOWN, A, B = "110105001", "110105001101", "110105001102"
ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *argv) -> str:
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def start_server(data_dir: Path, port: int) -> subprocess.Popen:
    """`cunyi serve` in its own process, once it answers."""
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app",
            "--data-dir",
            str(data_dir),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(url + "/v1/health", timeout=1).json()["ok"]:
                return server
        except httpx.TransportError:
            pass
        assert server.poll() is None and time.monotonic() < deadline, server.communicate()
        time.sleep(0.1)


def test_serve_two_villages_sync_the_township_edits_all_converge(tmp_path, capsys):
    dirs = {name: tmp_path / name for name in ("town", "a", "b")}
    storekit.data_dir_for_init(dirs["town"], "township")  # PostgreSQL in the second run

    def c(who, *argv) -> str:
        return run(capsys, "--data-dir", dirs[who], *argv)

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    c("town", "init", "--role", "township", "--code", TOWN, "--name", "东风乡")
    c("a", "init", "--role", "village", "--code", A, "--name", "一村", "--township-name", "东风乡")
    c("b", "init", "--role", "village", "--code", B, "--name", "二村", "--township-name", "东风乡")
    c("town", "device", "card", "-o", tmp_path / "town.json", "--server", url)
    for who in ("a", "b"):
        c(who, "device", "card", "-o", tmp_path / f"{who}.json")
        c("town", "device", "trust", tmp_path / f"{who}.json")
        c(who, "device", "trust", tmp_path / "town.json")  # the address comes with the card
    c("a", "demo", "--residents", "30", "--seed", "3")
    c("b", "demo", "--residents", "20", "--seed", "4")
    archive = json.loads(c("a", "residents", "search", "", "--json"))[0]["archive_no"]

    server = start_server(dirs["town"], port)
    try:
        # villages → township (and the township's answer back)
        for who in ("a", "b"):
            out = c(who, "sync", "run", "--once")
            assert "同步完成" in out
        # the township corrects a record of village A while it serves
        c("town", "residents", "update", archive, "--set", "phone=13912345678")
        for who in ("a", "b", "a", "b"):
            report = json.loads(c(who, "sync", "run", "--once", "--json"))
            assert report["ok"] and report["error"] is None
        # converged: nothing left to send either way
        for who in ("a", "b"):
            report = json.loads(c(who, "sync", "run", "--once", "--json"))
            assert (report["uploaded"], report["downloaded"]) == (0, 0), report
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=30)
    assert server.returncode == 0, err
    assert "同步服务器已开启" in out

    found = json.loads(c("a", "residents", "search", archive, "--json"))
    assert found[0]["phone"] == "13912345678"
    stores = {who: Store(resolve_db_url(Paths(d))) for who, d in dirs.items()}
    try:
        for who, code in (("a", A), ("b", B)):
            assert dump(stores["town"], code) == dump(stores[who], code), who
            assert dump(stores[who], code)["resident"]  # really compared something
    finally:
        for s in stores.values():
            s.dispose()


def test_server_process_killed_mid_upload_the_village_retries_and_one_copy_is_applied(tmp_path, capsys):
    """Fault: SIGKILL of `cunyi serve` while a village's bundle is half uploaded."""
    from app.services.sync import service, transport
    from tests.synckit import dump

    dirs = {name: tmp_path / name for name in ("town", "a")}
    storekit.data_dir_for_init(dirs["town"], "township")  # PostgreSQL in the second run

    def c(who, *argv) -> str:
        return run(capsys, "--data-dir", dirs[who], *argv)

    port = free_port()
    c("town", "init", "--role", "township", "--code", TOWN, "--name", "东风乡")
    c("a", "init", "--role", "village", "--code", A, "--name", "一村", "--township-name", "东风乡")
    c("town", "device", "card", "-o", tmp_path / "town.json", "--server", f"http://127.0.0.1:{port}")
    c("a", "device", "card", "-o", tmp_path / "a.json")
    c("town", "device", "trust", tmp_path / "a.json")
    c("a", "device", "trust", tmp_path / "town.json")
    c("a", "demo", "--residents", "60", "--seed", "5")
    server = start_server(dirs["town"], port)

    class Killing(transport.MailboxClient):
        def upload(self, path, upload_id, *, after_chunk=None):
            def kill(offset):
                if offset >= 3 * 4096 and server.poll() is None:
                    server.kill()  # SIGKILL: no shutdown, no cleanup
                    server.wait()

            return super().upload(path, upload_id, after_chunk=kill)

    village = Store(f"sqlite:///{dirs['a'] / 'cunyi.db'}")
    paths = Paths(dirs["a"])
    try:
        report = service.sync_once(
            village, paths, client_factory=lambda *a, **k: Killing(*a, chunk=4096, **k)
        )
        assert not report.ok and isinstance(report.error, transport.Unreachable)
        assert server.returncode == -signal.SIGKILL
        server = start_server(dirs["town"], port)
        report = service.sync_once(village, paths)
        assert report.ok and report.uploaded == 1, report.error
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=30)
        village.dispose()
    town = Store(resolve_db_url(Paths(dirs["town"])))
    village = Store(f"sqlite:///{dirs['a'] / 'cunyi.db'}")
    try:
        with town.engine.connect() as conn:
            ins = conn.exec_driver_sql("SELECT count(*) FROM sync_bundle WHERE direction = 'in'").scalar()
        assert ins == 1  # exactly one copy applied
        assert dump(town, A) == dump(village, A) and dump(village, A)["resident"]
    finally:
        town.dispose()
        village.dispose()
