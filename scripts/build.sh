#!/usr/bin/env bash
# Build the one-folder release into dist/cunyi/ (see build.spec).  With --smoke, exercise the
# frozen binary only: init a village in a temp dir, demo data, GUI smoke offscreen, a search,
# a printed follow-up card (checked for the resident's name) and a worklist.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" test,build
cd "$ROOT"
python scripts/i18n.py release
pyinstaller --noconfirm --log-level WARN build.spec
echo "built dist/cunyi: $(du -sh dist/cunyi | cut -f1)"
if [[ "${1:-}" == "--smoke" ]]; then
  BIN="$ROOT/dist/cunyi/cunyi"
  D="$(mktemp -d)"
  "$BIN" --data-dir "$D" init --role village --code 110105001101 --name 冒烟村
  "$BIN" --data-dir "$D" demo --residents 200 --seed 3
  QT_QPA_PLATFORM=offscreen "$BIN" --data-dir "$D" gui --smoke
  "$BIN" --data-dir "$D" residents search 0001 --json | grep -q '"archive_no": "110105001101'
  # a follow-up card of a demo patient: the PDF must carry the resident's name
  "$BIN" --data-dir "$D" print card 11010500110100001 -o "$D/card.pdf"
  NAME="$("$BIN" --data-dir "$D" residents search 11010500110100001 --json | python -c 'import json,sys; print(json.load(sys.stdin)[0]["name"])')"
  pdftotext "$D/card.pdf" - | grep -q "$NAME"
  "$BIN" --data-dir "$D" print worklist -o "$D/worklist.pdf"
  # every page and dialog, including the print preview (pdfium) of a card and a worklist
  QT_QPA_PLATFORM=offscreen "$BIN" --data-dir "$D" gui --screenshots "$D/shots" >/dev/null
  test -s "$D/shots/16-print-preview-card.png"
  echo "frozen smoke: ok"
fi
