"""Qt Linguist workflow for CunYi.  Source strings are Simplified Chinese; English is translated.

python scripts/i18n.py update    # pyside6-lupdate: extract tr()/QT_TRANSLATE_NOOP strings into the .ts files
python scripts/i18n.py release   # pyside6-lrelease: compile .ts → .qm (committed, checked by tests)
python scripts/i18n.py check     # exit 1 if a string is unfinished or a .qm is stale
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGS = {"en": "en", "zh_CN": "zh_CN"}


def tool(name: str) -> str:
    """pyside6-lupdate/lrelease from the same environment as this Python, else from PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else name


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))


def ts_file(lang: str) -> Path:
    return TS_DIR / f"cunyi_{lang}.ts"


def lupdate(lang: str, ts: Path, *options: str) -> None:
    """Extract every tr()/QT_TRANSLATE_NOOP string of app/ into ``ts`` (source language zh_CN)."""
    cmd = [
        tool("pyside6-lupdate"),
        *sources(),
        "-source-language",
        "zh_CN",
        "-target-language",
        lang,
        "-locations",
        "none",
        # printed documents call their Labels object T("Print", "…"): extract those like QT_TRANSLATE_NOOP
        "-tr-function-alias",
        "QT_TRANSLATE_NOOP+=T",
        *options,
        "-ts",
        str(ts),
    ]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)


def update() -> None:
    for lang in LANGS:
        lupdate(lang, ts_file(lang), "-no-obsolete")
        if lang == "zh_CN":  # the source language: every string is its own finished translation
            tree = ET.parse(ts_file(lang))
            for message in tree.getroot().iter("message"):
                tr = message.find("translation")
                tr.text = message.find("source").text
                tr.attrib.pop("type", None)
            tree.write(ts_file(lang), encoding="utf-8", xml_declaration=True)


def release(out_dir: Path = TS_DIR) -> None:
    for lang in LANGS:
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts_file(lang)), "-qm", str(out_dir / f"cunyi_{lang}.qm")],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )


FULL_WIDTH = frozenset("“”‘’，。：；（）、")  # Chinese punctuation: never in an English translation


def problems() -> list[str]:
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            fresh = Path(tmp) / f"{lang}.ts"
            lupdate(lang, fresh)
            wanted = {
                (c.findtext("name"), m.findtext("source"))
                for c in ET.parse(fresh).getroot().iter("context")
                for m in c.iter("message")
            }
            have = {}
            for c in ET.parse(ts_file(lang)).getroot().iter("context"):
                for m in c.iter("message"):
                    tr = m.find("translation")
                    have[(c.findtext("name"), m.findtext("source"))] = (tr.get("type"), tr.text)
            for key in sorted(wanted):
                kind, text = have.get(key, ("missing", None))
                if kind in ("missing", "unfinished") or not text:
                    found.append(f"{lang}: {kind or 'empty'} translation for [{key[0]}] {key[1]!r}")
                elif lang == "en" and (marks := sorted(set(text) & FULL_WIDTH)):
                    # drawn by the CJK font as wide as a character: “Record decision” read spaced out
                    found.append(f"en: Chinese punctuation {''.join(marks)} in [{key[0]}] {text!r}")
        release(Path(tmp))
        for lang in LANGS:
            committed = TS_DIR / f"cunyi_{lang}.qm"
            if (
                not committed.exists()
                or committed.read_bytes() != (Path(tmp) / f"cunyi_{lang}.qm").read_bytes()
            ):
                found.append(f"{lang}: {committed.name} is stale; run python scripts/i18n.py release")
    return found


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else "check"
    if action == "update":
        update()
    elif action == "release":
        release()
    else:
        issues = problems()
        print("\n".join(issues) or "translations complete")
        sys.exit(1 if issues else 0)
