"""设置 → 本机构信息 typed by the user, and the paper archive printed from the GUI (preview)."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.models import FollowupVisit, Resident
from app.services import institution
from app.tools.demo import generate_demo
from app.views.main_window import MainWindow
from app.views.print_page import print_resident_document, print_resident_visits
from tests.conftest import TODAY

pytestmark = [pytest.mark.gui, pytest.mark.both_databases]


@pytest.fixture
def window(gui_app, qtbot, store):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def editor(page, key):
    return page.institution_editors[key].main


def test_settings_page_saves_the_institution_profile(window, qtbot, store):
    page = window.show_page("settings")
    assert editor(page, "institution").text() == "测试村卫生室"  # what init wrote
    editor(page, "phone").clear()
    qtbot.keyClicks(editor(page, "phone"), "0371-6123 4567")
    editor(page, "address").insert("测试村村委会东侧")  # an input method commits Chinese at once
    editor(page, "doctors").insert("李医生、王医生")
    qtbot.mouseClick(page.institution_save, Qt.LeftButton)
    with store.session() as s:
        saved = institution.institution_profile(s)
    assert (saved.phone, saved.address, saved.doctors) == (
        "0371-61234567",
        "测试村村委会东侧",
        ("李医生", "王医生"),
    )
    assert "已保存" in page.institution_note.text()


def test_a_bad_phone_is_marked_and_nothing_saved(window, qtbot, store):
    page = window.show_page("settings")
    qtbot.keyClicks(editor(page, "phone"), "12345")
    qtbot.mouseClick(page.institution_save, Qt.LeftButton)
    assert "联系电话" in page.institution_note.text()
    assert "c62828" in editor(page, "phone").styleSheet() and editor(page, "phone").hasFocus()
    assert editor(page, "phone").text() == "12345"  # kept what was typed
    with store.session() as s:
        assert institution.institution_profile(s).phone == ""


def test_record_and_visits_print_from_the_resident(window, store, tmp_path):
    with store.transaction() as s:
        generate_demo(s, 40, seed=5, today=TODAY)
    with store.session() as s:
        archive_no, year = s.execute(
            select(Resident.archive_no, func.min(FollowupVisit.visit_date))
            .join(FollowupVisit, FollowupVisit.resident_id == Resident.id)
            .where(FollowupVisit.program == "htn", FollowupVisit.voided.is_(False))
            .group_by(Resident.id)
            .limit(1)
        ).one()
    record = print_resident_document(window, store, archive_no, "record")
    visits = print_resident_visits(window, store, archive_no, "htn", year.year)
    for preview, title in ((record, "个人基本信息表"), (visits, "高血压患者随访服务记录表")):
        assert preview.images
        saved = preview.save_as(str(tmp_path / "doc"))
        text = subprocess.run(["pdftotext", str(saved), "-"], capture_output=True, text=True).stdout
        assert title in text
        preview.reject()
