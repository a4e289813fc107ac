"""Layers you can see: services, tools and models never import Qt (they run from the CLI without a
display), views hold no SQL and open no sessions, and nothing outside ``app/services`` guesses the actor."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADLESS = ("app/services", "app/models", "app/tools")


def modules_under(folder: str) -> list[str]:
    """Every module below ``folder``, sub-packages included (``services/sync``, ``services/printing`` …)."""
    return sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in (ROOT / folder).rglob("*.py")
        if p.stem != "__init__"
    )


def test_services_tools_and_models_do_not_load_qt():
    modules = [m for folder in HEADLESS for m in modules_under(folder)]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\nprint(bad)\nsys.exit(1 if bad else 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    # the sub-packages are really covered, not just the top level
    for sub in (
        "app.services.sync.",
        "app.services.printing.",
        "app.services.programmes.",
        "app.services.records.",
    ):
        assert any(m.startswith(sub) for m in modules), sub


def test_views_hold_no_sql_and_open_no_sessions():
    """Views act through app/views/operations.py, the one place a unit of work is opened for them."""
    offenders = []
    for path in (ROOT / "app" / "views").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        markers = ["import sqlalchemy", "from sqlalchemy", "select(", ".execute(", "exec_driver_sql"]
        if path.name != "operations.py":
            markers += [".session()", ".transaction()", ".rollback()"]
        offenders += [f"{path.name}: {marker}" for marker in markers if marker in text]
    assert offenders == []
    gateway = (ROOT / "app" / "views" / "operations.py").read_text(encoding="utf-8")
    assert (
        gateway.count(".transaction()") == 1 and ".session()" not in gateway and ".rollback()" not in gateway
    )


def test_nobody_guesses_the_actor():
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "app").rglob("*.py")
        if "default_user" in p.read_text(encoding="utf-8") or "actor=" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_no_button_hands_its_checked_flag_to_a_slot_that_takes_an_argument():
    """``clicked`` and ``triggered`` carry ``checked``: connected straight to a method whose first
    argument is optional (a path, a folder), Qt passes False for it and the method skips its file
    dialog (信任对方设备卡… and 导出 once did nothing).  Such a method is connected through a lambda."""
    import ast
    import re

    wrong = []
    for f in sorted((ROOT / "app" / "views").rglob("*.py")):
        source = f.read_text(encoding="utf-8")
        takes_one = {
            node.name
            for cls in ast.walk(ast.parse(source))
            if isinstance(cls, ast.ClassDef)
            for node in cls.body
            if isinstance(node, ast.FunctionDef) and len(node.args.args) > 1
        }
        for m in re.finditer(r"\.(clicked|triggered)\.connect\(self\.(\w+)\)", source):
            if m.group(2) in takes_one:
                wrong.append(f"{f.relative_to(ROOT)}:{source[: m.start()].count(chr(10)) + 1} {m.group(2)}")
    assert not wrong, wrong
