"""scripts/setup.sh's PostgreSQL path, dry-run: Debian's ``postgresql`` is installed (apt-get, as
root or through sudo, never stopping to ask) when no server is found where tests/pg.py looks, and
not otherwise; a server still missing afterwards stops the set-up with a plain message.  apt-get,
dpkg-query, sudo and id are stubs that record what they were asked; nothing is installed."""

from __future__ import annotations

import hashlib
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

APT_GET = """#!/bin/bash
echo "apt-get $* DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-}" >> "$LOG"
if [[ "$1" == install && " $* " == *" postgresql "* && -n "${PROVIDES_SERVER:-}" ]]; then
  mkdir -p "$CUNYI_PG_LIBDIR/15/bin"
  for p in initdb pg_ctl; do printf '#!/bin/sh\\n' > "$CUNYI_PG_LIBDIR/15/bin/$p"; chmod +x "$CUNYI_PG_LIBDIR/15/bin/$p"; done
fi
"""
# every package installed but those named in $MISSING
DPKG_QUERY = """#!/bin/bash
for p in $MISSING; do [[ "${@: -1}" == "$p" ]] && exit 1; done
printf 'install ok installed'
"""
SUDO = """#!/bin/bash
echo "sudo $*" >> "$LOG"
exec env -i PATH="$PATH" LOG="$LOG" CUNYI_PG_LIBDIR="$CUNYI_PG_LIBDIR" PROVIDES_SERVER="${PROVIDES_SERVER:-}" "$@"
"""  # as sudo's env_reset does: the caller's DEBIAN_FRONTEND does not get through
ID = """#!/bin/bash
[[ "$1" == -u ]] && echo "${FAKE_UID:-0}" || /usr/bin/id "$@"
"""


def _script(path: Path, text: str) -> None:
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def sandbox(tmp_path):
    """A copy of the project's set-up with its virtual environment already made, and stubs first
    on PATH (no /usr/local/bin: no server but the sandbox's)."""
    root = tmp_path / "root"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "setup.sh", root / "scripts" / "setup.sh")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    venv = root / ".venv" / "bin"
    venv.mkdir(parents=True)
    _script(venv / "python", "#!/bin/sh\n")
    stamp = hashlib.sha256((root / "pyproject.toml").read_bytes() + b"test\n").hexdigest()[:16]
    (root / ".venv" / f".stamp-{stamp}").touch()
    stubs = tmp_path / "stubs"
    stubs.mkdir()
    for name, text in (("apt-get", APT_GET), ("dpkg-query", DPKG_QUERY), ("sudo", SUDO), ("id", ID)):
        _script(stubs / name, text)
    log = tmp_path / "calls.log"
    log.touch()
    env = {
        "PATH": f"{stubs}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LOG": str(log),
        "CUNYI_PG_LIBDIR": str(tmp_path / "pg"),
        "MISSING": "",
    }

    def run(**extra) -> tuple[subprocess.CompletedProcess, list[str]]:
        r = subprocess.run(
            ["bash", "-c", f"source {root / 'scripts' / 'setup.sh'} test"],
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=60,
        )
        return r, log.read_text().splitlines()

    return run, tmp_path


def test_the_server_is_installed_by_root_when_initdb_is_missing(sandbox):
    run, _ = sandbox
    r, calls = run(MISSING="poppler-utils postgresql", PROVIDES_SERVER="1")
    assert r.returncode == 0, r.stderr
    assert calls[0] == "apt-get update -qq DEBIAN_FRONTEND="
    assert calls[1].startswith("apt-get install -y -qq --no-install-recommends poppler-utils postgresql")
    assert calls[1].endswith("DEBIAN_FRONTEND=noninteractive") and len(calls) == 2
    assert "setup: installing poppler-utils postgresql" in r.stdout


def test_through_sudo_apt_still_never_asks(sandbox):
    run, _ = sandbox
    r, calls = run(FAKE_UID="1000", MISSING="postgresql", PROVIDES_SERVER="1")
    assert r.returncode == 0, r.stderr
    installs = [c for c in calls if c.startswith("apt-get install")]
    assert [c for c in calls if c.startswith("sudo")][-1].startswith(
        "sudo env DEBIAN_FRONTEND=noninteractive"
    )
    assert installs and installs[0].endswith(" postgresql DEBIAN_FRONTEND=noninteractive"), calls


def test_an_installed_server_is_left_alone(sandbox):
    run, tmp_path = sandbox
    bin_dir = tmp_path / "pg" / "16" / "bin"
    bin_dir.mkdir(parents=True)
    for p in ("initdb", "pg_ctl"):
        _script(bin_dir / p, "#!/bin/sh\n")
    r, calls = run(MISSING="postgresql")  # the metapackage is absent, the server is not
    assert r.returncode == 0, r.stderr
    assert calls == []


def test_a_server_still_missing_stops_the_setup_in_words(sandbox):
    run, _ = sandbox
    r, calls = run()  # dpkg says postgresql is installed, yet no initdb anywhere
    assert r.returncode == 1 and calls == []
    assert "PostgreSQL's server (initdb, pg_ctl) is not installed" in r.stderr
    assert "Traceback" not in r.stderr and "CUNYI_PG_BIN" in r.stderr
