#!/usr/bin/env bash
# Shared set-up for scripts/start.sh and scripts/test.sh: Debian packages, a local virtual
# environment (.venv) and the project installed into it.  Idempotent: a second run installs
# nothing new.  Usage: source scripts/setup.sh [EXTRAS]   (e.g. test, or test,build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXTRA="${1:-}"
if [[ ! "$EXTRA" =~ ^[a-z,]*$ ]]; then echo "setup: extras must look like test,build (got '$EXTRA')" >&2; exit 2; fi

# Qt needs these even offscreen; poppler-utils renders and reads PDFs in tests, and the tests start
# a throwaway PostgreSQL cluster (tests/pg.py) from Debian's server package, installed only when no
# server is found where tests/pg.py looks (CUNYI_PG_BIN, /usr/lib/postgresql/*/bin, PATH).
DEB_PACKAGES=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libxcb-cursor0 libxkbcommon-x11-0)
pg_server_found() {
  local d
  for d in ${CUNYI_PG_BIN:+"$CUNYI_PG_BIN"} "${CUNYI_PG_LIBDIR:-/usr/lib/postgresql}"/*/bin; do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && return 0
  done
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}
if [[ "$EXTRA" == *test* ]]; then
  DEB_PACKAGES+=(poppler-utils)
  pg_server_found || DEB_PACKAGES+=(postgresql)
fi

apt_install() {
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "setup: please install these Debian packages: $*" >&2; return 1; fi
  fi
  # `env` after sudo: sudo drops the caller's environment, and apt must not stop to ask questions
  if [[ -z "${CUNYI_APT_UPDATED:-}" ]]; then $sudo apt-get update -qq; export CUNYI_APT_UPDATED=1; fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then echo "setup: installing ${missing[*]}"; apt_install "${missing[@]}"; fi
fi
if [[ "$EXTRA" == *test* ]] && ! pg_server_found; then
  # a missing server fails the test run (tests/pg.py), never skips it: say so before pytest does
  echo "setup: PostgreSQL's server (initdb, pg_ctl) is not installed; the tests need it" >&2
  echo "setup: install Debian's postgresql package, or set CUNYI_PG_BIN to its bin folder" >&2
  exit 1
fi

PY="${PYTHON:-python3}"
if [[ ! -x "$ROOT/.venv/bin/python" ]]; then
  if ! "$PY" -m venv "$ROOT/.venv" >/dev/null 2>&1; then
    rm -rf "$ROOT/.venv"
    echo "setup: installing python3-venv"
    apt_install python3-venv python3-pip
    "$PY" -m venv "$ROOT/.venv"
  fi
fi

stamp="$ROOT/.venv/.stamp-$( (cat "$ROOT/pyproject.toml"; echo "$EXTRA") | sha256sum | cut -c1-16)"
if [[ ! -f "$stamp" ]]; then
  if [[ -n "$EXTRA" ]]; then spec="$ROOT[$EXTRA]"; else spec="$ROOT"; fi
  echo "setup: installing Python packages into .venv"
  log="$ROOT/.venv/pip-install.log"
  if ! { "$ROOT/.venv/bin/python" -m pip install -q --upgrade pip &&
         "$ROOT/.venv/bin/python" -m pip install -q -e "$spec"; } >"$log" 2>&1; then
    cat "$log" >&2; echo "setup: pip install failed (log above)" >&2; exit 1
  fi
  rm -f "$ROOT"/.venv/.stamp-*
  touch "$stamp"
fi
export PATH="$ROOT/.venv/bin:$PATH"
