"""A throwaway PostgreSQL cluster for tests: initdb in a temp dir, a free local port, stopped at the end.

The server must be installed (scripts/setup.sh test installs Debian's ``postgresql``); a missing one
is an error, never a skip.  ``initdb`` refuses root, so as root (CI) the cluster belongs to Debian's
``postgres`` account and its commands run through ``runuser``; otherwise they run as the current user.

Databases for tests are made fast the way :mod:`tests.storekit` copies a file: the head schema is
migrated once into a template database and each test's store is ``CREATE DATABASE … TEMPLATE``.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "cunyi"
RUN_AS = "postgres"  # the unprivileged account a root test run starts the server as


class ServerMissing(RuntimeError):
    """PostgreSQL's server programs are not installed."""


def bin_dir() -> Path:
    """The newest installed server's programs (Debian keeps them out of PATH)."""
    env = os.environ.get("CUNYI_PG_BIN")
    candidates = [env] if env else []
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True
    )
    found = shutil.which("initdb")
    if found:
        candidates.append(str(Path(found).parent))
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    raise ServerMissing(
        "PostgreSQL server not found (initdb, pg_ctl): run scripts/setup.sh test, or apt-get install postgresql"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One running server; ``url(db)`` gives a SQLAlchemy URL for a database on it."""

    def __init__(self, root: Path | None = None):
        self.bin = bin_dir()
        self.root = Path(root or tempfile.mkdtemp(prefix="cunyi-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.as_root = os.geteuid() == 0 if hasattr(os, "geteuid") else False
        self.log = self.root / "server.log"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", RUN_AS, "--", *cmd]
        return subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=self.root)

    def start(self) -> Cluster:
        if self.as_root:
            shutil.chown(self.root, RUN_AS, RUN_AS)
        self.root.chmod(0o700)
        try:
            self._run(
                "initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8",
                "--locale=C.UTF-8", "--no-sync",
            )  # fmt: skip
            options = (
                f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
            )
            self._run(
                "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start"
            )
        except subprocess.CalledProcessError as e:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"could not start PostgreSQL: {e.cmd}\n{e.stdout}\n{e.stderr}\n{log}") from e
        self._watch()
        return self

    def _stop_command(self) -> list[str]:
        cmd = [str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]
        return ["runuser", "-u", RUN_AS, "--", *cmd] if self.as_root else cmd

    def _watch(self) -> None:
        """A watcher that outlives this process: once it is gone (finished, killed, a test run
        interrupted), the server is stopped and its folder removed, never left running."""
        stop = " ".join(shlex.quote(a) for a in self._stop_command())
        script = (
            f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 1; done; "
            f"{stop} >/dev/null 2>&1; rm -rf {shlex.quote(str(self.root))}"
        )
        subprocess.Popen(
            ["sh", "-c", script],
            start_new_session=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def stop(self) -> None:
        """Stop the server now; its folder is removed by the watcher once the test run has ended
        (a cluster's hundreds of databases take a while to delete)."""
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """One statement outside a transaction (CREATE/DROP DATABASE) on the maintenance database."""
        import psycopg

        for attempt in range(50):
            try:
                with psycopg.connect(
                    f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname=postgres", autocommit=True
                ) as c:
                    c.execute(sql)
                return
            except psycopg.errors.ObjectInUse:  # a template still being disconnected from
                if attempt == 49:
                    raise
                time.sleep(0.1)

    def create_database(self, name: str, template: str | None = None) -> str:
        # FILE_COPY: ~3x faster than the default WAL_LOG for a small template (fsync is off here)
        self.admin(
            f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else "")
        )
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
