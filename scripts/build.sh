#!/usr/bin/env bash
# Build the one-folder release into dist/cunyi/ (see build.spec).  With --smoke, exercise the
# frozen binary only: init a village in a temp dir, demo data, GUI smoke offscreen, a search,
# a printed follow-up card (checked for the resident's name), a worklist, every screen, and a
# sync export to a township in a second data dir that imports it.
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
  test -s "$D/shots/36-print-preview-card.png"
  test -s "$D/shots/10-sync.png"
  # the indicators (modules imported by name), a filled record and the mailbox server's CLI
  "$BIN" --data-dir "$D" report indicators --year "$(date +%Y)" --json > "$D/indicators.json"
  grep -q '"htn_standard"' "$D/indicators.json"
  grep -q '"education_lectures"' "$D/indicators.json"
  "$BIN" --data-dir "$D" print record 11010500110100001 -o "$D/record.pdf"
  pdftotext "$D/record.pdf" - | grep -q "$NAME"
  "$BIN" serve --help >/dev/null
  # sync: a township in a second data dir; cards exchanged; the village exports, the township
  # imports (age, Ed25519, zstd inside the frozen app), and status reports nothing unacknowledged
  T="$(mktemp -d)"
  "$BIN" --data-dir "$T" init --role township --code 110105001 --name 冒烟乡 --encrypt  # SQLCipher, frozen
  "$BIN" --data-dir "$D" device card -o "$D/card.json"
  "$BIN" --data-dir "$T" device card -o "$T/card.json"
  test -s "$D/card.png"
  "$BIN" --data-dir "$T" device trust "$D/card.json"
  "$BIN" --data-dir "$D" device trust "$T/card.json"
  "$BIN" --data-dir "$D" sync export --to "$D/usb"
  ls "$D"/usb/*.cyb >/dev/null
  "$BIN" --data-dir "$T" sync import "$D/usb"
  "$BIN" --data-dir "$T" residents search "$NAME" --json | grep -q 11010500110100001
  "$BIN" --data-dir "$T" sync status --json | grep -q '"unacknowledged"'
  # accounts (argon2id), the audit trail, a backup and the store check
  echo "smoke-pass-1" > "$D/pw"
  "$BIN" --data-dir "$D" --password-file "$D/pw" user passwd admin
  "$BIN" --data-dir "$D" --user admin --password-file "$D/pw" audit --action login | grep -q admin
  "$BIN" --data-dir "$D" --user admin --password-file "$D/pw" backup -o "$D/backup.db"
  "$BIN" --data-dir "$D" check
  # encryption at rest: the village's plain store converted, checked, searched; no name left in it
  "$BIN" --data-dir "$D" store encrypt
  "$BIN" --data-dir "$D" check
  "$BIN" --data-dir "$D" residents search "$NAME" --json | grep -q 11010500110100001
  ! grep -q "$NAME" "$D/cunyi.db"
  "$BIN" --data-dir "$T" check
  echo "frozen smoke: ok"
fi
