#!/usr/bin/env bash
# README command 1: install, create a demo village (first run only) and open CunYi on it.
# Extra arguments go to `cunyi gui` (e.g. --smoke).  CUNYI_DEMO_DIR picks the data folder.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" ""  # an explicit (empty) extras argument: a sourced script would see ours
DATA="${CUNYI_DEMO_DIR:-$ROOT/demo-data}"
if [[ ! -f "$DATA/.demo-ready" ]]; then  # absent, or a run that stopped half-way
  rm -rf "$DATA"
  mkdir -p "$DATA"
  echo "demo1234" > "$DATA/demo-password.txt"  # the demo's login: doctor / demo1234 (see README)
  cunyi --data-dir "$DATA" --password-file "$DATA/demo-password.txt" init --role village --code 110105001101 \
    --name 向阳村 --township-name 朝阳乡 --admin doctor --admin-name 李医生
  # the demo records are entered by the village doctor (the actor of every row, log and audit entry)
  cunyi --data-dir "$DATA" --user doctor --password-file "$DATA/demo-password.txt" demo --residents 3000 --seed 1
  touch "$DATA/.demo-ready"
fi
exec cunyi --data-dir "$DATA" gui "$@"
