#!/usr/bin/env bash
# README command 2: install test needs and run the whole suite.  Extra arguments go to pytest
# (e.g. -m "not slow").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" test
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
exec python -m pytest "$@"
