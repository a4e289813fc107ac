#!/usr/bin/env bash
# README command 2: install test needs and run the whole suite.  Extra arguments go to pytest
# (e.g. -m "not slow" for the fast tier).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" test
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
# On every core (pytest-xdist), a module's tests on one worker (its templates are built once);
# CUNYI_TEST_WORKERS=0 runs in this process.  Each worker starts its own PostgreSQL cluster.
exec python -m pytest -n "${CUNYI_TEST_WORKERS:-auto}" --dist loadfile "$@"
