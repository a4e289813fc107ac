"""Visit from any door (issue 15): a card scanned into the search → the resident page with 录入随访
focused → a routine hypertension visit saved with the keyboard only, by the doctor logged in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from app.models import FollowupVisit, ProgramEnrolment, Resident, User
from app.services import printing
from app.services.access import accounts
from app.services.printing import Labels
from app.tools.demo import generate_demo
from app.views.followups import FollowupDialog
from app.views.main_window import MainWindow
from app.views.residents import ResidentDialog
from tests.conftest import TODAY
from tests.test_gui import press, type_into_focus
from tests.test_printing import scan_qr_codes

pytestmark = [pytest.mark.gui, pytest.mark.both_databases]
PASSWORD = "Cunyi-2026!"


@pytest.fixture
def doctor_window(gui_app, qtbot, store):
    """The village's doctor logged in, over a demo village."""
    with store.transaction() as s:
        generate_demo(s, 120, seed=8, today=TODAY)
        accounts.create_user(s, "wang", PASSWORD, "village_doctor", display_name="王医生")
    store.actor = accounts.login(store, "wang", PASSWORD)
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    store.actor = None


def _htn_patient(store) -> Resident:
    """A patient managed for hypertension only (a scan of someone in both opens the one due first)."""
    with store.session() as s:
        t2dm = select(ProgramEnrolment.resident_id).where(
            ProgramEnrolment.program == "t2dm", ProgramEnrolment.status == "1"
        )
        return s.scalars(
            select(Resident)
            .join(ProgramEnrolment, ProgramEnrolment.resident_id == Resident.id)
            .where(ProgramEnrolment.program == "htn", ProgramEnrolment.status == "1")
            .where(Resident.id.not_in(t2dm))
            .order_by(Resident.archive_no)
        ).first()


def modal(qtbot, kind):
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    return QApplication.activeModalWidget()


def tab_to(qtbot, widget, limit: int = 80) -> None:
    """Tab through the form (as the doctor does) until ``widget`` has the focus."""
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        press(qtbot, Qt.Key_Tab)
    raise AssertionError(f"Tab never reached {widget!r}")


def test_scanned_card_to_saved_routine_visit_with_the_keyboard_only(doctor_window, qtbot, store, tmp_path):
    patient = _htn_patient(store)
    with store.session() as s:
        (scanned,) = scan_qr_codes(printing.card_pdf(s, patient.archive_no, Labels()), tmp_path)
        before = s.scalar(select(FollowupVisit.id).where(FollowupVisit.visit_date == TODAY.today()))
    assert before is None
    page = doctor_window.show_page("residents")
    page.search.setFocus()
    type_into_focus(qtbot, scanned)
    press(qtbot, Qt.Key_Return)  # scanners end with Enter

    detail = modal(qtbot, ResidentDialog)
    assert detail.resident_id == patient.id
    qtbot.waitUntil(lambda: QApplication.focusWidget() is detail.visit_buttons["htn"])
    press(qtbot, Qt.Key_Return)  # 录入高血压随访

    form = modal(qtbot, FollowupDialog)
    assert form.program == "htn"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.visit_date)
    assert form.doctor.text() == "王医生"  # 随访医生: the doctor logged in
    tab_to(qtbot, form.sbp)
    type_into_focus(qtbot, "128")
    press(qtbot, Qt.Key_Tab)
    assert QApplication.focusWidget() is form.dbp
    type_into_focus(qtbot, "82")
    for _ in range(4):  # as on the paper form: 体重, 目标体重, 身高 (体质指数), then 心率
        press(qtbot, Qt.Key_Tab)
    assert QApplication.focusWidget() is form.heart_rate
    type_into_focus(qtbot, "72")  # 心率
    press(qtbot, Qt.Key_Return)  # 保存 (Enter)
    qtbot.waitUntil(lambda: not form.isVisible())

    with store.session() as s:
        visit = s.scalars(
            select(FollowupVisit)
            .where(FollowupVisit.resident_id == patient.id, FollowupVisit.program == "htn")
            .order_by(FollowupVisit.created_at.desc())
        ).first()
        wang = s.scalar(select(User).where(User.username == "wang"))
        assert (visit.sbp, visit.dbp, visit.heart_rate) == (128, 82, 72)
        assert visit.classification == 1  # 控制满意: a routine visit
        assert visit.doctor == "王医生" and visit.created_by == wang.id
    # the resident page shows the new visit at once (it reloads when follow-ups change)
    table = detail.visit_tables["htn"]
    assert table.item(0, 2).text() == "128/82"
    detail.reject()


def test_the_resident_page_offers_management_when_the_history_names_the_disease(doctor_window, qtbot, store):
    from app.models import ResidentChoice
    from app.services.programmes import followup

    with store.transaction() as s:  # a resident whose past history names 高血压, not yet managed
        managed = set(s.scalars(select(ProgramEnrolment.resident_id)))
        rid = next(
            r.id for r in s.scalars(select(Resident).order_by(Resident.archive_no)) if r.id not in managed
        )
        s.add(ResidentChoice(resident_id=rid, field="past_disease", code="2", event_date="2020-01"))
    with store.session() as s:
        offer = followup.programs_to_offer(s, rid)[0]
    page = doctor_window.show_page("residents")
    detail = page.open_resident(rid, focus_visit=True)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is detail.enrol_buttons[offer])
    assert offer not in detail.visit_buttons
    press(qtbot, Qt.Key_Return)  # 纳入…管理
    qtbot.waitUntil(lambda: offer in detail.visit_buttons)
    assert offer not in detail.enrol_buttons
    with store.session() as s:
        e = s.scalar(
            select(ProgramEnrolment).where(
                ProgramEnrolment.resident_id == rid,
                ProgramEnrolment.program == offer,
                ProgramEnrolment.status == "1",
            )
        )
        assert e.responsible_doctor == "王医生"
    detail.reject()


def test_the_followup_page_search_filters_its_list_and_enter_opens_the_one_left(doctor_window, qtbot, store):
    from app.services.programmes import followup

    with store.transaction() as s:  # a patient of both programmes: two rows, one person
        both = s.scalars(
            select(ProgramEnrolment.resident_id)
            .where(ProgramEnrolment.status == "1", ProgramEnrolment.program.in_(("htn", "t2dm")))
            .group_by(ProgramEnrolment.resident_id)
            .having(func.count() == 1)
        ).first()
        held = s.scalar(select(ProgramEnrolment.program).where(ProgramEnrolment.resident_id == both))
        followup.start_management(s, both, "t2dm" if held == "htn" else "htn", today=TODAY)
    page = doctor_window.show_page("followups")
    page.kind.setCurrentIndex(page.kind.findData("all"))
    page.refresh()
    everyone = len(page.model.items)
    people = len({i.resident_id for i in page.model.items})
    assert people < everyone
    said = f"共 {people} 人（{everyone} 项随访）"
    assert page.summary.text() == said
    target = page.model.items[everyone // 2]
    page.search.setFocus()
    type_into_focus(qtbot, target.archive_no)
    page.apply_filter()
    assert [i.resident_id for i in page.model.items] == [target.resident_id] * len(page.model.items)
    assert page.summary.text() == f"{said}，找到 1 人"
    page.search.clear()
    type_into_focus(qtbot, target.name, page.search)
    page.apply_filter()
    assert target in page.model.items and len(page.model.items) < everyone
    page.search.clear()
    page.apply_filter()
    assert len(page.model.items) == everyone
    page.search.setFocus()
    type_into_focus(qtbot, target.archive_no)
    if len({i.program for i in page.model.items if i.resident_id == target.resident_id}) == 1:
        press(qtbot, Qt.Key_Return)
        form = modal(qtbot, FollowupDialog)
        assert form.resident_id == target.resident_id
        form.reject()
    else:  # (not left for the typing's timer to filter once the store is gone)
        page.apply_filter()


def test_the_register_says_how_many_matched_in_all_not_just_the_first_page(doctor_window, qtbot):
    page = doctor_window.show_page("residents")
    page.search.setText("")
    page.refresh()
    assert len(page.model.rows) == 100 and page.model.canFetchMore()
    assert page.hint.text() == "找到 120 人"
