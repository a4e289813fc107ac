"""Referrals on the 工作台 and the resident page: urgent first, and the steps of their life."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.models import Referral, Resident
from app.services.programmes import referral
from app.services.programmes.referral import ReferralInput
from app.tools.demo import generate_demo
from app.views.main_window import MainWindow
from app.views.referrals import ReferralStepDialog
from tests.conftest import TODAY
from tests.test_gui import type_into_focus

pytestmark = [pytest.mark.gui, pytest.mark.both_databases]


@pytest.fixture
def two_referrals(store):
    """One routine referral issued three weeks ago, one urgent issued yesterday."""
    with store.transaction() as s:
        generate_demo(s, 30, seed=3, today=TODAY, referrals=False)
        a, b = s.scalars(select(Resident).order_by(Resident.archive_no).limit(2))
        today = dt.date.today()
        old = referral.create_referral(
            s,
            ReferralInput(resident_id=a.id, to_institution="县医院", present_history="血糖控制不满意",
                          issued_on=(today - dt.timedelta(days=21)).isoformat()),
        ).id  # fmt: skip
        urgent = referral.create_referral(
            s,
            ReferralInput(resident_id=b.id, to_institution="朝阳乡卫生院", present_history="剧烈头痛",
                          emergency=True, issued_on=(today - dt.timedelta(days=1)).isoformat()),
        ).id  # fmt: skip
    return old, urgent, b.id


def test_home_lists_open_referrals_urgent_first_and_records_arrival_and_return(
    gui_app, qtbot, store, two_referrals
):
    old, urgent, _ = two_referrals
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    board = win.show_page("home").referrals
    assert [r.id for r in board.rows] == [urgent, old]
    texts = [[board.table.item(i, j).text() for j in range(board.table.columnCount())] for i in range(2)]
    assert texts[0][0] == "紧急" and "1" in texts[0] and "21" in texts[1]
    board.table.selectRow(1)
    assert board.arrived.isEnabled() and board.not_arrived.isEnabled() and board.returned.isEnabled()
    assert board.step("arrived").save() is True  # dated today unless changed
    board.table.selectRow([r.id for r in board.rows].index(old))
    assert not board.arrived.isEnabled() and not board.not_arrived.isEnabled() and board.returned.isEnabled()
    dialog = board.step("returned")
    assert isinstance(dialog, ReferralStepDialog)
    assert dialog.save() is False  # no diagnosis: refused, said next to the field
    assert "诊断结果" in dialog.boxes["return_diagnosis"].error.text()
    dialog.fields["return_diagnosis"].setFocus()
    type_into_focus(qtbot, "2型糖尿病", dialog.fields["return_diagnosis"])
    dialog.fields["return_plan"].setPlainText("二甲双胍，每月复查血糖")
    assert dialog.save() is True
    qtbot.waitUntil(lambda: [r.id for r in board.rows] == [urgent])  # closed: off the board
    with store.session() as s:
        r = s.get(Referral, old)
        assert (r.status, r.return_diagnosis, r.return_plan) == (
            "returned",
            "2型糖尿病",
            "二甲双胍，每月复查血糖",
        )


def test_not_arrived_asks_why_and_the_resident_page_keeps_the_history(gui_app, qtbot, store, two_referrals):
    _, urgent, resident_id = two_referrals
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    detail = win.show_page("residents").open_resident(resident_id)
    lst = detail.referrals
    detail.sections.setCurrentWidget(lst)  # the 转诊 tab
    assert [r.id for r in lst.rows] == [urgent]
    dialog = lst.step("not_arrived")
    type_into_focus(qtbot, "外出务工", dialog.fields["not_arrived_reason"])
    qtbot.keyClick(dialog.fields["not_arrived_reason"], Qt.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [(r.id, r.status, r.not_arrived_reason) for r in lst.rows] == [(urgent, "not_arrived", "外出务工")]
    # closed, but a patient who went after all may still be marked 到位 (a correction)
    assert [k for k, b in lst.buttons.items() if b.isEnabled()] == ["arrived"]
    assert QApplication.activeModalWidget() is detail
    detail.reject()


@pytest.mark.slow
def test_the_township_board_names_each_referrals_village_and_records_the_return(
    gui_app, qtbot, township_store
):
    with township_store.transaction() as s:
        generate_demo(s, 300, seed=4, villages=2, today=TODAY)
    win = MainWindow(township_store)
    qtbot.addWidget(win)
    win.show()
    home = win.show_page("home")
    home.show_referrals()  # the township 工作台: the tab beside the charts
    board = home.referrals
    assert len({r.village_name for r in board.rows}) == 2  # both villages' open referrals
    village_column = [k for k, _t, _w in board.columns].index("village")
    assert {board.table.item(i, village_column).text() for i in range(len(board.rows))} == {
        r.village_name for r in board.rows
    } and all(r.village_name for r in board.rows)
    target = board.rows[0]
    board.table.selectRow(0)
    dialog = board.step("returned")
    dialog.fields["return_diagnosis"].setText("高血压2级")
    assert dialog.save() is True
    with township_store.session() as s:
        assert s.get(Referral, target.id).status == "returned"
    assert target.id not in {r.id for r in board.rows}


def test_an_urgent_referral_issued_from_the_resident_page_goes_before_routine_ones(
    gui_app, qtbot, store, two_referrals
):
    old, urgent, resident_id = two_referrals
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    detail = win.show_page("residents").open_resident(resident_id)
    dialog = detail.new_referral()
    dialog.print_after.setChecked(False)
    dialog.fields["to_institution"].setText("县医院")
    dialog.fields["present_history"].setPlainText("胸痛半小时")
    dialog.urgent.setChecked(True)
    assert dialog.save() is True
    board = win.show_page("home").referrals
    assert board.rows[0].id == urgent and board.rows[2].id == old  # urgent first, longest open first
    newest = board.rows[1]
    assert newest.id not in (old, urgent) and newest.urgent and newest.days_open == 0
    with store.session() as s:
        assert s.get(Referral, newest.id).issued_by is None  # the system account names no doctor
    detail.reject()
