"""Every file for people an export writes — a list of residents, a report naming them, its PDF — is
in the audit trail with what it held and the file's name (the indicator workbook's sheets list every
resident, and for a user who may see them the 专项随访 patients: written with no trace before)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db import Store
from app.models import AuditEntry
from app.services.records import residents as records
from tests import storekit

pytestmark = pytest.mark.sqlite_only  # a village's store, through the command line


@pytest.fixture(scope="module")
def village(tmp_path_factory):
    d = storekit.data_dir_for_init(tmp_path_factory.mktemp("exports") / "data")
    assert (
        main(
            ["--data-dir", str(d), "init", "--role", "village", "--code", "110105001101", "--name", "测试村"]
        )
        == 0
    )
    store = Store(f"sqlite:///{d / 'cunyi.db'}")
    with store.transaction() as s:
        records.save_resident(s, records.ResidentInput(name="张三", id_number="11010519491231002X"))
    store.dispose()
    return d


def _exports(d) -> list[tuple[str, str]]:
    store = Store(f"sqlite:///{d / 'cunyi.db'}")
    try:
        with store.session() as s:
            return [
                (e, summary)
                for e, summary in s.execute(
                    select(AuditEntry.entity, AuditEntry.summary)
                    .where(AuditEntry.action == "export")
                    .order_by(AuditEntry.chain_seq)
                )
            ]
    finally:
        store.dispose()


@pytest.mark.parametrize(
    ("argv", "entity", "name"),
    [
        (["report", "indicators", "--year", "2026", "-o", "{tmp}/i.xlsx"], "indicator_report", "i.xlsx"),
        (["report", "indicators", "--year", "2026", "-o", "{tmp}/i.pdf"], "indicator_report", "i.pdf"),
        (["report", "quality", "--year", "2026", "-o", "{tmp}/q.xlsx"], "quality_report", "q.xlsx"),
        (["report", "quality", "--year", "2026", "-o", "{tmp}/q.pdf"], "quality_report", "q.pdf"),
        (["poverty", "list", "-o", "{tmp}/p.xlsx"], "poverty_household", "p.xlsx"),
        (["poverty", "list", "--plans", "-o", "{tmp}/pp.xlsx"], "poverty_plan", "pp.xlsx"),
        (["residents", "export", "{tmp}/r.xlsx"], "resident", "r.xlsx"),
        (["audit", "-o", "{tmp}/a.csv"], "audit_log", "a.csv"),
    ],
)
def test_each_export_is_in_the_audit_trail(village, tmp_path, argv, entity, name):
    before = _exports(village)
    assert main(["--data-dir", str(village), *(a.format(tmp=tmp_path) for a in argv)]) == 0
    assert (tmp_path / name).is_file()
    (new,) = _exports(village)[len(before) :]
    assert new[0] == entity and new[1].endswith(f"→ {name}"), new


def test_the_audit_command_exports_and_lists_every_entry_it_selects(village, tmp_path, capsys):
    """``audit -o`` wrote the newest 2,000 entries (the list on screen's limit) and said it exported
    them all; ``--json`` was cut there too."""
    import csv
    import json

    from app.services.access import audit

    store = Store(f"sqlite:///{village / 'cunyi.db'}")
    try:
        with store.transaction() as s:
            for i in range(2100):
                audit.record(s, "print", None, None, f"card ×{i}")
        with store.session() as s:
            total = s.scalar(select(func.count()).select_from(AuditEntry))
    finally:
        store.dispose()
    assert total > 2100
    out = tmp_path / "all.csv"
    assert main(["--data-dir", str(village), "audit", "-o", str(out)]) == 0
    assert f"已导出 {total} 条" in capsys.readouterr().out
    with open(out, encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) == 1 + total  # (the header)
    assert main(["--data-dir", str(village), "audit", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) >= total  # (and the export's own entry)


def test_a_json_list_written_as_it_is_read_is_the_same_text(capsys):
    """``cunyi audit --json`` writes its entries as it reads them (a trail of millions is never
    held): the text is print_json's of the whole list, byte for byte."""
    import datetime as dt

    from app.cli.core import print_json, print_json_items

    for items in (
        [],
        [{}],
        [{"at": dt.datetime(2026, 12, 6, 8, 0), "s": "张三\n\u2028", "n": [1, [2, {}]]}],
        [1, "x"] * 3,
    ):
        print_json(list(items))
        whole = capsys.readouterr().out
        print_json_items(iter(items))
        assert capsys.readouterr().out == whole
