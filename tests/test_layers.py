"""Layers you can see: services and models never import Qt (they run from the CLI without a display)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_services_and_models_do_not_load_qt():
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for folder in ("app/services", "app/models")
        for p in (ROOT / folder).glob("*.py")
        if p.stem != "__init__"
    )
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + (
            "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\nprint(bad)\nsys.exit(1 if bad else 0)"
        )
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert len(modules) >= 15


def test_views_hold_no_sql():
    offenders = []
    for path in (ROOT / "app" / "views").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for marker in ("import sqlalchemy", "from sqlalchemy", "select(", ".execute(", "exec_driver_sql"):
            if marker in text:
                offenders.append(f"{path.name}: {marker}")
    assert offenders == []
