"""Figures per 村民小组 on the hand-built township of test_indicators, its 东村 split into groups:
一组 (r1 r2), 二组 (r3 r4 r6) and 三组 (nobody).  The engine's group figures, the JSON's groups
under each village, ``report indicators --by group``, and the 工作台 expanding a village into its
groups with a drill-down to one group's residents."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from app.cli import main
from app.models import Resident
from app.services import profile
from app.services.indicators import engine
from tests.test_indicators import YEAR, A, B, build

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

GROUPS = {"一组": ("r1", "r2"), "二组": ("r3", "r4", "r6"), "三组": ()}
# htn_standard in 东村: r2 has 3 face-to-face visits of 4; r1, r3 (pro rata) and r4 (died) count
HTN_STANDARD = {"一组": (1, 2), "二组": (2, 2), "三组": (0, 0)}
RECORDS = {"一组": (2, None), "二组": (2, None), "三组": (0, None)}  # r4 died: not on the books


@pytest.fixture
def grouped(township_store):
    ids = build(township_store)
    with township_store.transaction() as s:
        village = profile.ensure_village(s, A, "东村")
        for name, members in GROUPS.items():
            group = profile.ensure_group(s, village, name)
            for n in members:
                s.get(Resident, ids[n]).group_id = group.id
    return township_store


def test_the_engine_figures_per_group(grouped):
    with grouped.session() as s:
        report = engine.evaluate(s, engine.parse_period(YEAR))
    east = next(v for v in report.villages if v.code == A)
    groups = {g.name: g for g in report.groups_of(east.id)}
    assert list(groups) == list(GROUPS)  # 一组, 二组, 三组: in their natural order
    for key, expected in (("htn_standard", HTN_STANDARD), ("records", RECORDS)):
        result = report.result(key)
        got = {
            n: (result.group_figure(g.id).numerator, result.group_figure(g.id).denominator)
            for n, g in groups.items()
        }
        assert got == expected, key
    west = next(v for v in report.villages if v.code == B)
    assert report.groups_of(west.id) == []


def run(capsys, folder, *args) -> str:
    capsys.readouterr()
    assert main(["--data-dir", folder, "report", "indicators", "--year", str(YEAR), *args]) == 0
    return capsys.readouterr().out


def test_json_lists_each_villages_groups_and_text_by_group(grouped, tmp_path, capsys):
    grouped.dispose()
    folder = str(tmp_path / "data-township")
    data = json.loads(run(capsys, folder, "--json"))
    by_key = {i["key"]: i for i in data["indicators"]}
    east, west = by_key["htn_standard"]["villages"]
    assert (east["code"], west["code"]) == (A, B)
    assert {g["name"]: (g["numerator"], g["denominator"]) for g in east["groups"]} == HTN_STANDARD
    assert west["groups"] == []
    one = next(g for g in east["groups"] if g["name"] == "一组")
    assert one["rate"] == 0.5 and set(one) == {"id", "name", "numerator", "denominator", "rate"}
    records = by_key["records"]["villages"][0]["groups"]
    assert {g["name"]: (g["numerator"], g["denominator"]) for g in records} == RECORDS

    text = run(capsys, folder, "--by", "group")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("高血压患者规范管理率"))
    block = [line.split() for line in lines[start + 1 : start + 6]]
    assert block[0][:4] == ["东村", "3", "/", "4"]
    assert [row[0] for row in block[1:4]] == ["一组", "二组", "三组"]  # in their natural order
    assert block[1][1:5] == ["1", "/", "2", "50.0%"]
    assert block[4][:4] == ["西村", "1", "/", "1"]
    village_only = run(capsys, folder, "--by", "village")
    assert "一组" not in village_only and "  东村" in village_only
    assert "东村" not in run(capsys, folder)  # totals only by default


@pytest.mark.gui
def test_the_workbench_expands_a_village_into_its_groups(gui_app, grouped, qtbot):
    from app.views.township_home import FIXED_COLUMNS, TownshipHomePage

    page = TownshipHomePage(grouped)
    qtbot.addWidget(page)
    page.show()
    page.wait_until_loaded()
    page.year.setValue(YEAR)
    page.wait_until_loaded()
    row = [r.key for r in page.bench.report.results].index("htn_standard")
    # 东村, 西村, then the township's own (its health-education minimums: 乡镇本级)
    assert page.table.columnCount() == FIXED_COLUMNS + 3
    assert page.table.horizontalHeaderItem(FIXED_COLUMNS).text() == "▶ 东村"
    assert page.table.horizontalHeaderItem(FIXED_COLUMNS + 2).text().endswith("本级")
    page.header_clicked(FIXED_COLUMNS)  # a click on 东村's name shows its groups
    assert page.table.columnCount() == FIXED_COLUMNS + 6
    assert page.show_groups.checkState() == Qt.CheckState.Checked  # (the one village with groups)
    col = page.column_of(A, "一组")
    assert col == FIXED_COLUMNS + 1 and page.table.horizontalHeaderItem(col).text() == "东村\n· 一组"
    assert page.table.item(row, col).text() == "50.0%\n1 / 2"
    assert page.table.item(row, page.column_of(A, "二组")).text() == "100.0%\n2 / 2"
    assert page.table.item(row, page.column_of(B)).text() == "100.0%\n1 / 1"  # 西村 after the groups

    dialog = page.cell_clicked(row, col)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.task.finished, timeout=30_000):
        pass
    names = sorted(dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount()))
    assert names == ["r1", "r2"] and {dialog.table.item(r, 3).text() for r in range(2)} == {"一组"}

    page.header_clicked(FIXED_COLUMNS)  # and folds them again
    assert page.table.columnCount() == FIXED_COLUMNS + 3
    assert page.show_groups.checkState() == Qt.CheckState.Unchecked
    page.show_groups.click()  # every village at once
    assert page.table.columnCount() == FIXED_COLUMNS + 6
    page.show_groups.click()
    assert page.table.columnCount() == FIXED_COLUMNS + 3


@pytest.mark.sqlite_only  # no store: pure rules
def test_groups_sort_in_their_natural_order():
    names = ["十一组", "二组", "十组", "一组", "新村组", "2组", "10组", "三十二组"]
    assert sorted(names, key=engine.group_order) == [
        "一组",
        "2组",
        "二组",
        "10组",
        "十组",
        "十一组",
        "三十二组",
        "新村组",
    ]


@pytest.mark.sqlite_only  # no store: a widget
def test_a_box_for_all_shows_some_and_sets_all_when_clicked(gui_app, qtbot):
    """展开村民小组 stayed unchecked beside a village whose groups were shown (one clicked open)."""
    from app.views.widgets import AllOrSome

    box = AllOrSome("all")
    qtbot.addWidget(box)
    toggled = []
    box.chosen.connect(toggled.append)
    box.show_share(1, 2)
    assert box.checkState() == Qt.CheckState.PartiallyChecked and toggled == []  # shown, not done
    box.click()  # from some: all
    assert box.checkState() == Qt.CheckState.Checked and toggled == [True]
    box.click()
    assert box.checkState() == Qt.CheckState.Unchecked and toggled == [True, False]
    box.show_share(2, 2)
    assert box.checkState() == Qt.CheckState.Checked and toggled == [True, False]
