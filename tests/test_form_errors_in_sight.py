"""Found in a village doctor's day at 1024×768 (review): a refused save whose wrong field lay below
the fold kept its message out of sight, and the elderly check's referral left out the record's past
history and treatment (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea

from app.services.programmes import elderly, followup
from app.services.programmes.followup import VisitInput
from app.services.records import residents as records
from app.views.elderly_check import ElderlyCheckDialog
from app.views.enrolment_form import EnrolmentDialog
from tests.conftest import TODAY

pytestmark = [pytest.mark.gui, pytest.mark.both_databases]


def _in_sight(scroll: QScrollArea, widget) -> bool:
    top = widget.mapTo(scroll.widget(), widget.rect().topLeft()).y() - scroll.verticalScrollBar().value()
    return top >= 0 and top + widget.height() <= scroll.viewport().height()


def test_a_refused_member_shows_its_relation_message_in_sight(gui_app, qtbot, store, person):
    with store.transaction() as s:
        head = records.save_resident(s, person(name="甄国栋"), today=TODAY)
        household = (head.household_id, head.name)
    dialog = EnrolmentDialog(store)
    qtbot.addWidget(dialog)
    dialog.resize(860, 600)  # (a small screen: 与户主关系 lies below the fold)
    dialog.show()
    qtbot.waitExposed(dialog)
    form = dialog.form
    form.set_household(*household)
    form.name.setText("柏秀英")
    form.sex.set_code("2")
    form.birth_date.setText("1958-07-20")
    scroll = dialog.findChild(QScrollArea)
    box = form.boxes["relation_to_head"]
    assert not _in_sight(scroll, box)
    assert dialog.save() is False  # no relation chosen
    assert box.error.text()
    assert _in_sight(scroll, box)


def test_the_elderly_checks_referral_names_the_past_history_and_treatment(gui_app, qtbot, store, person):
    with store.transaction() as s:
        r = records.save_resident(s, person(name="甄国栋", past_diseases={"2": "2018-04"}), today=TODAY)
        followup.enrol(s, r, "htn", TODAY)
        followup.save_visit(
            s,
            r,
            VisitInput(
                visit_date=TODAY.isoformat(),
                measurements={"sbp": "150", "dbp": "90"},
                drugs=[{"name": "氨氯地平", "times_per_day": "1", "mg_per_time": "5"}],
            ),
            today=TODAY,
        )
        rid = r.id
    with store.session() as s:
        dialog = ElderlyCheckDialog(store, elderly.check_context(s, rid))
    qtbot.addWidget(dialog)
    dialog.form.editors["sbp"].main.setText("172")
    dialog.form.editors["dbp"].main.setText("96")
    slip = dialog.draft_referral()  # as typed, before the check is saved
    qtbot.addWidget(slip)
    assert "2018-04" in slip.value("past_history")
    assert "氨氯地平" in slip.value("treatment")
    for key in ("eating", "grooming", "dressing", "toilet", "activity"):
        dialog.form.editors[f"selfcare_{key}"].main.set_code("1")
    with store.transaction() as s:
        saved = elderly.record_check(s, rid, dialog.form.to_input(), today=dialog.context.today)
    with store.session() as s:
        draft = elderly.referral_draft(s, saved.id)  # from the saved check
    assert "2018-04" in draft.past_history and "氨氯地平" in draft.treatment
