"""The 同步 page: export and import off the GUI thread, a rejected bundle's reason, conflicts
resolved with one click, trusting a card, the clock banner."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from app.cli import main
from app.models import Resident
from app.services.programmes import followup
from app.services.quality import review
from app.services.records import residents as records
from app.services.sync import capture
from app.tools import demo
from app.views import sync_page
from app.views.main_window import MainWindow
from app.views.operations import ChangeBus
from tests.synckit import TODAY, county, round_trip
from tests.test_sync import edit_resident, first_archive, resident_field

pytestmark = [pytest.mark.gui, pytest.mark.both_databases]


@pytest.fixture
def world(tmp_path):
    town, (a, b) = county(tmp_path)
    with a.store.transaction() as s:
        demo.generate_demo(s, 12, seed=5, today=TODAY)
    return town, a, b, tmp_path


@pytest.fixture
def boxes(monkeypatch):
    said = []
    for name in ("information", "warning"):
        monkeypatch.setattr(sync_page.QMessageBox, name, lambda _p, title, text, *a, **k: said.append(text))
    monkeypatch.setattr(sync_page.QMessageBox, "question", lambda *a, **k: sync_page.QMessageBox.Yes)
    return said


def opened(qtbot, device) -> MainWindow:
    """The device's main window, on screen: a page refreshes itself when it is visible."""
    win = MainWindow(device.store, device.paths)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_export_and_import_from_the_page(qtbot, world, boxes):
    town, a, _b, tmp = world
    win = opened(qtbot, a)
    page = win.show_page("sync")
    page.refresh()
    assert page.peers.rowCount() == 1 and int(page.peers.item(0, 3).text()) > 0  # changes waiting
    page.set_folder(tmp / "usb")
    task = page.export_bundles()
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert "已导出" in boxes[-1] and list((tmp / "usb").glob("*.cyb"))
    assert page.history.item(0, 1).text() == "导出（U盘/文件夹）"
    # an empty list says why it is empty; a list with rows says nothing more
    assert page.no_history.isHidden()
    assert page.no_conflicts.isHidden() == (page.conflicts.rowCount() > 0)
    page._fill_history(())
    assert not page.no_history.isHidden() and page.history.rowCount() == 0
    page.refresh()
    twin = opened(qtbot, town)
    tpage = twin.show_page("sync")
    tpage.refresh()
    tpage.set_folder(tmp / "usb")
    task = tpage.import_bundles()
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert "来自 110105001101" in boxes[-1]
    # a damaged bundle: rejected with its reason, shown in the history
    (path,) = a.export(tmp / "bad")
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    tpage.set_folder(tmp / "bad")
    task = tpage.import_bundles()
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert "已拒绝" in boxes[-1] and "损坏" in boxes[-1]
    assert (
        tpage.history.item(0, 1).text() == "拒收（U盘/文件夹）" and "损坏" in tpage.history.item(0, 5).text()
    )
    # its whole reason under the history, wrapped, once the row is selected (the column cuts it)
    assert tpage.history_note.isHidden()
    tpage.history.selectRow(0)
    assert tpage.history_note.isVisible() and tpage.history_note.text() == tpage.history.item(0, 5).text()
    assert tpage.history_note.wordWrap()
    # refused: nothing taken from it (no count of 0 changes), and in red until a later bundle
    # of the same village is imported, which carries what it did
    red = tpage.history.item(0, 1).foreground().color().name()
    assert tpage.history.item(0, 3).text() == "—" and red == "#a40000"
    edit_resident(a, first_archive(a), phone="13100000009")
    a.export(tmp / "later")
    tpage.set_folder(tmp / "later")
    task = tpage.import_bundles()
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert tpage.history.item(0, 1).text() == "导入（U盘/文件夹）"
    refused = tpage.history.item(1, 1)
    assert refused.text() == "拒收（U盘/文件夹）" and refused.foreground().color().name() != red
    assert (
        "损坏" in tpage.history.item(1, 5).text()
        and "之后该设备的同步包已导入" in tpage.history.item(1, 5).text()
    )


@pytest.mark.slow
def test_conflict_resolved_with_one_click(qtbot, world, boxes):
    town, a, b, tmp = world
    round_trip(town, [a, b], tmp, "1")
    archive = first_archive(a)
    edit_resident(a, archive, phone="13100000001")
    edit_resident(town, archive, phone="13100000002")
    round_trip(town, [a, b], tmp, "2")
    win = opened(qtbot, town)
    page = win.show_page("sync")
    page.refresh()
    assert page.conflicts.rowCount() == 1
    assert (
        "13100000001" in page.conflicts.item(0, 3).text() and page.conflicts.item(0, 1).text() == "本人电话"
    )
    table = page.conflicts  # both values in sight at 800 and 1000 px (the other was off the edge)
    for width in (800, 1000):
        win.resize(width, 760)
        qtbot.wait(50)
        assert table.horizontalScrollBar().maximum() == 0, width
        for column in (2, 3):  # each wraps between words; none wider than its column
            words = table.item(0, column).text().split()
            assert max(map(table.fontMetrics().horizontalAdvance, words)) < table.columnWidth(column), width
    # the buttons of the selected row's kind only: a field's two values take a reason, a
    # possible duplicate is taken to 审核 (nothing typed is dropped by it)
    assert not page.other_button.isEnabled() and not page.reason.isEnabled()  # nothing selected
    field_conflict = page.conflicts.item(0, 0).data(Qt.UserRole)
    page.conflicts.item(0, 0).setData(Qt.UserRole, dataclasses.replace(field_conflict, kind="duplicate"))
    page.conflicts.selectRow(0)
    assert page.review_button.isEnabled()
    assert (
        not page.keep_button.isEnabled() and not page.other_button.isEnabled() and not page.reason.isEnabled()
    )
    page.conflicts.clearSelection()
    page.conflicts.item(0, 0).setData(Qt.UserRole, field_conflict)
    page.conflicts.selectRow(0)
    assert page.keep_button.isEnabled() and page.other_button.isEnabled() and page.reason.isEnabled()
    assert not page.review_button.isEnabled()
    page.reason.setText("村医电话核实")  # optional: goes to the village with the decision
    page.other_button.click()
    assert page.conflicts.rowCount() == 0 and page.reason.text() == ""
    assert resident_field(town, archive, "phone") == "13100000001"
    round_trip(town, [a, b], tmp, "3")
    with a.store.session() as s:
        (seen,) = review.village_decisions(s)
    assert seen.decision == "lost" and seen.reason == "村医电话核实"
    # at a village, conflicts are only shown
    vwin = opened(qtbot, a)
    assert not vwin.show_page("sync").other_button.isEnabled()
    assert not vwin.show_page("sync").reason.isVisibleTo(vwin)


def test_trusting_a_card_and_the_clock_banner(qtbot, tmp_path, boxes, monkeypatch):
    from tests.synckit import make_device

    town = make_device(tmp_path, "东风乡", "township", "110105001")
    village = make_device(tmp_path, "一村", "village", "110105001101")
    win = opened(qtbot, town)
    page = win.show_page("sync")
    page.refresh()
    assert page.peers.rowCount() == 0
    # before the first pairing the page says what to do first
    assert page.first_step.isVisible() and "各村卫生室和县级" in page.first_step.text()
    asked = []  # the button opens the file dialog (it once handed its checked flag over as the path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (asked.append(a), ("", ""))[1])
    qtbot.mouseClick(page.trust_button, Qt.LeftButton)
    assert len(asked) == 1 and page.peers.rowCount() == 0
    assert page.trust_card(str(village.card()))
    assert page.peers.rowCount() == 1 and page.peers.item(0, 1).text() == "110105001101"
    assert not page.first_step.isVisible()
    # a device listed is trusted; one revoked says so in its name's cell, in red (no 状态 column
    # of its own, which 1024 px cut)
    name = page.peers.item(0, 0)
    assert page.peers.columnCount() == 6 and "撤销" not in name.text()
    page.peers.selectRow(0)
    page.revoke()
    name = page.peers.item(0, 0)
    assert "已撤销信任" in name.text() and name.foreground().color().name() == "#a40000"
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    assert not page.trust_card(str(bad)) and "不是村医设备卡" in boxes[-1]
    assert page.banner.isHidden()
    real = capture.wall_ms
    with town.store.transaction() as s:  # the clock has seen a time a year ahead of the PC's
        capture.advance(
            s.connection(),
            town.device_id,
            0,
            observed=capture.hlc_text(real() + 365 * 86_400_000, 0, town.device_id),
        )
    page.refresh()
    assert not page.banner.isHidden() and "晚约" in page.banner.text()
    with town.store.session() as s:
        assert s.scalar(select(Resident.id)) is None


def never_visited_patient(device) -> Resident:
    """A hypertension patient enrolled in January and never visited: overdue, not seen this year."""
    with device.store.transaction() as s:
        patient = records.save_resident(
            s, records.ResidentInput(name="随访甲", sex="1", birth_date="1950-03-03", current_address="一组")
        )
        followup.enrol(s, patient, "htn", dt.date(2026, 1, 10))
    return patient


def visit_today(device, patient) -> None:
    visit = followup.VisitInput(
        visit_date=dt.date.today().isoformat(), measurements={"sbp": "132", "dbp": "82"}, doctor="李医生"
    )
    with device.store.transaction() as s:
        followup.record_visit(s, patient.id, visit)


def test_imported_visits_show_on_followups_and_home_without_reopening(qtbot, world, boxes):
    """The township has been shown a patient as overdue; the village records the visit, and the
    bundle carrying it is imported on the 同步 page: going back to 随访 and 工作台 (no refresh,
    no new window) shows the patient seen."""
    town, a, b, tmp = world
    patient = never_visited_patient(a)
    round_trip(town, [a, b], tmp, "1")  # the township has the patient
    win = opened(qtbot, town)
    worklist = win.show_page("followups")  # 逾期未随访, the default list
    assert patient.id in {item.resident_id for item in worklist.model.items}
    home = win.show_page("home")  # the township 工作台: indicators, computed in the background
    home.wait_until_loaded()
    controlled = home.bench.report.result("htn_control").total.numerator
    visit_today(a, patient)
    a.export(tmp / "visits")

    announced: list[frozenset] = []

    def heard(changes, _initiator) -> None:
        announced.append(changes.tables)

    ChangeBus.instance().changed.connect(heard)
    try:
        page = win.show_page("sync")
        page.set_folder(tmp / "visits")
        task = page.import_bundles()
        with qtbot.waitSignal(task.finished, timeout=20_000):
            pass
    finally:
        ChangeBus.instance().changed.disconnect(heard)
    assert "来自 110105001101" in boxes[-1]
    assert any("followup_visit" in tables for tables in announced), announced  # the merge's driver writes

    win.show_page("followups")
    assert patient.id not in {item.resident_id for item in worklist.model.items}
    win.show_page("home")
    home.wait_until_loaded()
    # the visit's 132/82 is the patient's latest reading this year: now one more controlled
    assert home.bench.report.result("htn_control").total.numerator == controlled + 1


def test_an_import_announces_the_visits_and_the_summaries_it_rewrites(world):
    town, a, b, tmp = world
    patient = never_visited_patient(a)
    round_trip(town, [a, b], tmp, "1")
    visit_today(a, patient)
    a.export(tmp / "visits")
    with town.store.recording_changes() as changed:
        town.import_(tmp / "visits")
    assert changed >= {"followup_visit", "program_enrolment"}  # (FOLLOWUPS: SMI and checks too)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_devices_table_reads_whole_on_a_1024_screen(qtbot, world, gui_app, lang):
    """单位 (with its kind), the fingerprint and the last column read whole in a 1024-pixel window
    (the fingerprint's whole text is in the tooltip too)."""
    from app.views.startup import install_translator

    town, _a, _b, _tmp = world
    install_translator(gui_app, lang)
    try:
        win = opened(qtbot, town)
        win.resize(1024, 768)
        page = win.show_page("sync")
        page.refresh()
        qtbot.wait(50)
        table = page.peers
        header = table.horizontalHeader()
        visible = table.viewport().width()
        last = table.columnCount() - 1
        for column in (0, last):
            for row in range(table.rowCount()):
                text = table.item(row, column).text()
                assert table.fontMetrics().horizontalAdvance(text) < header.sectionSize(column), (
                    column,
                    text,
                )
        right = header.sectionPosition(last) + header.sectionSize(last) - header.offset()
        assert right <= visible, (right, visible)  # no sideways scroll to see the last import
        assert table.item(0, 2).toolTip() == table.item(0, 2).text()
        # the fingerprint, read aloud to check a device's card, whole (it was cut to "40305 97513 50891 …")
        fingerprint = table.item(0, 2).text()
        assert len(fingerprint.split()) == 4
        assert table.fontMetrics().horizontalAdvance(fingerprint) < header.sectionSize(2), fingerprint
    finally:
        install_translator(gui_app, "zh")


@pytest.mark.slow
def test_a_possible_duplicate_is_decided_on_the_review_page(qtbot, world, boxes):
    """Found: 已核实 on this page closed a possible duplicate here only (审核 still listed it, and no
    village was told).  The page now takes the pair to 审核, selected, where it is decided."""
    town, a, b, tmp = world
    person = dict(name="赵桂兰", id_number="11010519491231002X", phone="13812345678", group_name="一组")
    ids = []
    for device in (a, b):
        with device.store.transaction() as s:
            ids.append(records.save_resident(s, records.ResidentInput(**person), today=TODAY).id)
    round_trip(town, [a, b], tmp, "dup")
    win = opened(qtbot, town)
    page = win.show_page("sync")
    page.refresh()
    (row,) = [
        r
        for r in range(page.conflicts.rowCount())
        if page.conflicts.item(r, 0).data(Qt.UserRole).kind == "duplicate"
    ]
    page.conflicts.selectRow(row)
    assert page.review_button.isEnabled() and page.review_button.isVisible()
    page.review_button.click()
    queue = win.page("review")
    assert win.stack.currentWidget().widget() is queue
    qtbot.waitUntil(lambda: queue.current() is not None, timeout=20_000)
    assert queue.current().key == review.pair_key(*ids)
    offered = [queue.decision.itemData(i) for i in range(queue.decision.count())]
    assert offered[0] is None and set(offered[1:]) <= set(review.OPTIONS["duplicate"])  # none chosen


@pytest.mark.sqlite_only  # (words on the page: no store)
def test_the_peer_list_says_an_import_cut_off_rather_than_never(gui_app):
    """After an import cut off part-way, the devices' list said the last import was "从未" (or the
    import before it) while only the banner said what happened."""
    from types import SimpleNamespace

    from app.i18n import local_time

    cut = dt.datetime(2026, 12, 6, 10, 0)
    before = dt.datetime(2026, 11, 30, 9, 0)
    never = SimpleNamespace(last_import_at=None, import_cut_at=cut)
    assert sync_page._last_import(never) == f"{local_time(cut)} 中断，未导入完"
    earlier = SimpleNamespace(last_import_at=before, import_cut_at=cut)
    assert sync_page._last_import(earlier) == f"{local_time(cut)} 中断，未导入完"
    whole = SimpleNamespace(last_import_at=before, import_cut_at=None)
    assert sync_page._last_import(whole) == local_time(before)


def test_the_page_counts_the_duplicates_waiting_on_review_that_no_import_found(qtbot, world, boxes, capsys):
    """Found by review: the box said "没有待处理的冲突或疑似重复档案" while 审核 listed two pairs
    (they were enrolled at the township, so no import found them).  The page now says how many
    wait on 审核, and its button opens them there."""
    town, _a, _b, _tmp = world
    person = dict(name="王秀英", sex="2", birth_date="1950-03-01", village_code="110105001101")
    with town.store.transaction() as s:
        one = records.save_resident(
            s, records.ResidentInput(**person, current_address="一组3号"), today=TODAY
        )
        records.save_resident(
            s,
            records.ResidentInput(**person, household_id=one.household_id, relation_to_head="8"),
            today=TODAY,
        )
    win = opened(qtbot, town)
    page = win.show_page("sync")
    page.refresh()
    assert page.conflicts.rowCount() == 0
    assert page.no_conflicts.isHidden()  # it would say there is no duplicate
    assert not page.review_note.isHidden() and "审核中共有 1 对疑似重复档案" in page.review_note.text()
    assert page.review_button.isEnabled() and page.review_button.isVisible()
    capsys.readouterr()
    assert main(["--data-dir", str(town.paths.data_dir), "sync", "status", "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert (said["duplicates_open"], said["review_duplicates"]) == (0, 1)  # (the imports' notices: none)
    assert main(["--data-dir", str(town.paths.data_dir), "sync", "status"]) == 0
    assert "审核中共有 1 对疑似重复档案待处理" in capsys.readouterr().out
    page.review_button.click()
    queue = win.page("review")
    assert win.stack.currentWidget().widget() is queue
    qtbot.waitUntil(lambda: queue.table.rowCount() == 1, timeout=20_000)
    assert queue.kind.currentData() == "duplicate"
    # decided there: nothing waits, and the page says there is nothing
    with town.store.session() as s:
        (item,) = review.review_queue(s, today=TODAY, kinds=("duplicate",))
    with town.store.transaction() as s:
        review.decide(s, item.key, "distinct", "母女同名，出生日期登记有误待核", today=TODAY)
    page.refresh()
    assert page.review_note.isHidden() and not page.no_conflicts.isHidden()
    assert not page.review_button.isEnabled()
