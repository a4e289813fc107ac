"""The follow-up and check dialogs beyond the plain save (pytest-qt, offscreen): 失访 and 死亡 visits in
the 专项随访 dialog, and 开转诊单 offered as soon as the rules find a reason — an abnormal check result,
a follow-up assessed 不稳定 — before anything is saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from app.models import ElderlyCheck, ProgramEnrolment, Referral, SmiVisit
from app.services.programmes import elderly, smi, smi_forms
from app.services.records import residents as records
from app.views.elderly_check import ElderlyCheckDialog
from app.views.referral_dialog import ReferralDialog
from app.views.smi_page import SmiVisitDialog
from tests.conftest import TODAY

pytestmark = [pytest.mark.gui, pytest.mark.both_databases]


@pytest.fixture
def patient(store, person):
    def make(name: str):
        with store.transaction() as s:
            r = records.save_resident(s, person(name=name), today=TODAY)
            smi.register(s, r.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"))
            return r.id

    return make


def _dialog(qtbot, store, rid) -> SmiVisitDialog:
    with store.session() as s:
        dialog = SmiVisitDialog(store, smi.visit_context(s, rid))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _status(store, rid) -> tuple[str, str | None]:
    with store.session() as s:
        e = s.scalar(select(ProgramEnrolment).where(ProgramEnrolment.resident_id == rid))
        return e.status, e.status_reason


def test_a_lost_to_follow_up_visit_from_the_dialog(gui_app, qtbot, store, patient):
    rid = patient("钱某")
    dialog = _dialog(qtbot, store, rid)
    assert dialog.scroll.isVisible() and not dialog.failed.isVisible()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("lost"))
    # the assessment gives way to the date and the reason, as the hypertension follow-up does
    assert not dialog.scroll.isVisible() and dialog.failed.isVisible()
    assert dialog.lost_reason.isVisible() and not dialog.death_cause.isVisible()
    assert not dialog.refer.isEnabled()
    assert dialog.save() is False  # no reason chosen: marked there, nothing saved
    assert dialog.failed_boxes["lost_reason"].error.text() == "请选择失访原因（1–5）"
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(SmiVisit)) == 0
    dialog.lost_reason.setFocus()
    qtbot.keyClicks(dialog.lost_reason, "1")  # 1 外出务工, typed as on paper
    assert dialog.lost_reason.code() == "1"
    assert dialog.save() is True
    with store.session() as s:
        v = s.scalar(select(SmiVisit).where(SmiVisit.resident_id == rid))
        assert (v.outcome, v.lost_reason, v.visit_date) == ("lost", "1", dialog.context.today)
    assert _status(store, rid) == ("2", "外出务工")  # 失访: off the list of patients under management


def test_a_death_visit_from_the_dialog(gui_app, qtbot, store, patient):
    rid = patient("孙某")
    dialog = _dialog(qtbot, store, rid)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("died"))
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("done"))  # a mistaken choice costs nothing
    assert dialog.scroll.isVisible() and not dialog.failed.isVisible()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("died"))
    assert dialog.death_date.isVisible() and dialog.death_cause.isVisible()
    assert not dialog.lost_reason.isVisible()
    today = dialog.context.today  # the dialog's today (the PC's, bounded by the township's)
    dialog.death_date.setText((today.replace(year=today.year + 1)).isoformat())
    dialog.death_cause.set_code("1")
    assert dialog.save() is False
    assert dialog.failed_boxes["death_date"].error.text() == "死亡日期应在出生之后、今天之前"
    dialog.death_date.setText(today.isoformat())
    assert dialog.save() is True
    with store.session() as s:
        v = s.scalar(select(SmiVisit).where(SmiVisit.resident_id == rid))
        assert (v.outcome, v.death_date, v.death_cause) == ("died", today, "1")
    assert _status(store, rid) == ("4", "躯体疾病")


def test_the_smi_referral_is_offered_as_soon_as_the_assessment_says_so(gui_app, qtbot, store, patient):
    rid = patient("周某")
    dialog = _dialog(qtbot, store, rid)
    danger = dialog.form.editors["danger"].main
    assert not dialog.refer.isEnabled()
    danger.setFocus()
    qtbot.keyClicks(danger, "1")  # 基本稳定: no referral
    assert dialog.suggestion.text().startswith("建议：基本稳定") and not dialog.refer.isEnabled()
    danger.setText("4")  # 不稳定: 立即转诊 — the same rule as the suggestion
    assert "立即转诊" in dialog.suggestion.text() and dialog.refer.isEnabled()
    slip = dialog.draft_referral()
    assert isinstance(slip, ReferralDialog)
    assert slip.value("impression") == "专项随访（不稳定）"  # the programme's neutral name
    assert slip.value("present_history") == "危险性评估 4 级"
    assert slip.urgent.isChecked()
    slip.fields["to_institution"].setText("县精神卫生中心")
    slip.print_after.setChecked(False)
    assert slip.save() is True
    assert dialog.referral_id is not None
    assert dialog.save() is True  # the visit itself is still saved as usual
    with store.session() as s:
        ref = s.scalar(select(Referral).where(Referral.resident_id == rid))
        assert (ref.to_institution, ref.program, ref.emergency) == ("县精神卫生中心", "smi", True)
        assert s.scalar(select(SmiVisit.classification).where(SmiVisit.resident_id == rid)) == 1


def test_the_elderly_referral_is_offered_as_soon_as_an_abnormal_result_is_entered(
    gui_app, qtbot, store, person, monkeypatch
):
    with store.transaction() as s:
        rid = records.save_resident(s, person(name="吴大爷"), today=TODAY).id
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.No
    )
    with store.session() as s:
        dialog = ElderlyCheckDialog(store, elderly.check_context(s, rid))
    qtbot.addWidget(dialog)
    dialog.show()
    editors = dialog.form.editors
    assert not dialog.refer.isEnabled() and dialog.findings.text() == ""
    editors["sbp"].main.setFocus()
    qtbot.keyClicks(editors["sbp"].main, "128")
    assert not dialog.refer.isEnabled()  # normal so far
    qtbot.keyClick(editors["sbp"].main, Qt.Key_Backspace)
    qtbot.keyClicks(editors["sbp"].main, "6")  # 126 → still normal
    assert not dialog.refer.isEnabled()
    editors["sbp"].main.setText("172")
    editors["dbp"].main.setText("88")
    # the rule the save uses finds it now, before any save
    assert dialog.refer.isEnabled()
    assert dialog.findings.text() == "异常结果：血压172/88mmHg"
    slip = dialog.draft_referral()
    assert slip.value("present_history") == "血压172/88mmHg"
    assert slip.value("impression") == "老年人健康体检发现异常"
    slip.fields["to_institution"].setText("县人民医院")
    slip.print_after.setChecked(False)
    assert slip.save() is True
    for key, level in zip(("eating", "grooming", "dressing", "toilet", "activity"), "11111", strict=True):
        editors[f"selfcare_{key}"].main.set_code(level)
    assert dialog.save() is True
    # management is offered; the referral is not offered twice for the same check
    assert len(asked) == 1 and "纳入" in asked[0]
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 1
        assert s.scalar(select(ElderlyCheck.sbp)) == 172


def test_typed_abnormal_is_the_saved_rule(store, person):
    """One source of truth: the live offer and the save's list of abnormal results agree."""
    with store.transaction() as s:
        rid = records.save_resident(s, person(name="郑奶奶"), today=TODAY).id
    with store.session() as s:
        ctx = elderly.check_context(s, rid)
    inp = ctx.initial
    for key, level in zip(("eating", "grooming", "dressing", "toilet", "activity"), "11111", strict=True):
        setattr(inp, f"selfcare_{key}", level)
    inp.glucose, inp.sbp, inp.dbp = "7.4", "128", "76"
    typed = elderly.typed_abnormal(ctx, inp)
    with store.transaction() as s:
        saved = elderly.record_check(s, rid, inp, today=ctx.today)
    assert tuple(m.render() for m in typed) == saved.abnormal == ("空腹血糖7.4mmol/L",)


def test_the_resident_page_shows_the_special_follow_ups_and_opens_their_form(
    gui_app, qtbot, store, patient, tmp_path
):
    """A 专项随访 patient's page showed an empty glucose chart and table for the programme, its
    button read "录入专项随访随访" and said the programme must be htn or t2dm.  Now the tab lists the
    visits (newest first, with danger level and classification), the button opens the 专项随访 form,
    and a visit recorded by mistake is voided from there."""
    import datetime as dt

    from app.services.records import overview as records_overview
    from app.views.residents import ResidentDialog

    rid = patient("周某")
    today = _dialog(qtbot, store, rid).context.today
    with store.transaction() as s:
        for day, danger in ((today - dt.timedelta(days=60), "0"), (today, "1")):
            smi.record_visit(
                s, rid, smi.input_with(visit_date=day.isoformat(), method="1", danger=danger, insight="1")
            )
    with store.session() as s:
        overview = records_overview.resident_overview(s, rid)
    dialog = ResidentDialog(store, overview)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.sections.setCurrentWidget(dialog.programme_tabs["smi"])
    dialog.grab().save(str(tmp_path / "smi-tab.png"))
    table = dialog.visit_tables["smi"]
    assert table.rowCount() == 2
    assert [table.item(0, c).text() for c in (0, 2, 3)] == [today.isoformat(), "1级", "完全"]
    assert dialog.visit_buttons["smi"].text() == "录入专项随访"
    form = dialog.record_visit("smi")
    assert isinstance(form, SmiVisitDialog) and form.context.resident_id == rid
    form.reject()
    table.selectRow(0)
    assert dialog.void_buttons["smi"].isEnabled()
    dialog.ask_reason = lambda title, text: "日期录错"
    dialog.void_buttons["smi"].click()
    qtbot.waitUntil(lambda: dialog.visit_tables["smi"].rowCount() == 1, timeout=5_000)
    assert dialog.notice.text() == f"已作废 {today.isoformat()} 的专项随访"
    with store.session() as s:
        (voided,) = s.scalars(select(SmiVisit).where(SmiVisit.voided)).all()
        assert (voided.visit_date, voided.void_reason) == (today, "日期录错")


def test_the_danger_scale_and_the_dose_boxes_say_what_they_are(gui_app, qtbot, store, patient, tmp_path):
    """危险性评估 was a bare box "0–5" (a doctor needs the six levels' meaning), and each drug row
    had three unlabeled boxes, the error naming "早（mg）" nowhere on screen."""
    from PySide6.QtWidgets import QLabel

    dialog = _dialog(qtbot, store, patient("吴某"))
    texts = [w.text() for w in dialog.findChildren(QLabel)]
    assert any("3级 明显打砸" in t for t in texts)
    assert sum(t == "早（mg）" for t in texts) == smi_forms.DRUG_ROWS
    dialog.scroll.widget().grab().save(str(tmp_path / "smi-form.png"))


def test_the_home_page_counts_overdue_special_follow_ups_for_who_may_see_them(gui_app, qtbot, store, patient):
    """专项随访 overdue patients appeared nowhere on the 工作台 (逾期未随访 counts hypertension and
    diabetes only); a card now counts them for the users the section is shown to, and for no one
    else (not even as a 0)."""
    import datetime as dt

    from app.services.access import accounts
    from app.views.home import HomePage

    rid = patient("郑某")
    day = _dialog(qtbot, store, rid).context.today - dt.timedelta(days=120)
    with store.transaction() as s:  # last seen 4 months ago: the next visit was due long since
        smi.record_visit(s, rid, smi.input_with(visit_date=day.isoformat(), danger="0"))
        accounts.create_user(s, "clerk", "村医-secret-1", "admin", display_name="管理员")
    home = HomePage(store)
    qtbot.addWidget(home)
    assert home.cards["special_overdue"].text() == "1"
    store.actor = accounts.login(store, "clerk", "村医-secret-1")
    other = HomePage(store)
    qtbot.addWidget(other)
    assert "special_overdue" not in other.cards


def test_the_class_the_doctor_chooses_is_what_the_form_shows_and_books(
    gui_app, qtbot, store, patient, monkeypatch
):
    """The rules find 基本稳定; the doctor judges 不稳定: the line under the form says what saving
    books (2 weeks, not the rules' date), with the referral that 不稳定 calls for."""
    import datetime as dt

    rid = patient("吴某")
    dialog = _dialog(qtbot, store, rid)
    today = dialog.context.today
    danger = dialog.form.editors["danger"].main
    danger.setFocus()
    qtbot.keyClicks(danger, "1")
    ruled = dialog.suggestion.text()
    assert ruled.startswith("建议：基本稳定") and not dialog.refer.isEnabled()
    dialog.form.editors["classification"].main.set_code("1")
    booked = today + dt.timedelta(days=14)
    assert dialog.suggestion.text().startswith(
        f"建议：基本稳定；医生判为不稳定，下次随访 {booked.isoformat()}"
    )
    assert "立即转诊" in dialog.suggestion.text() and dialog.refer.isEnabled()
    assert dialog.draft_referral().value("impression") == "专项随访（不稳定）"
    dialog.form.editors["classification"].main.set_code("2")  # the rules' own: as they said
    assert dialog.suggestion.text() == ruled
    dialog.form.editors["classification"].main.set_code("1")
    from PySide6.QtWidgets import QMessageBox

    from app.views import smi_page

    asked = []  # (the slip drafted above was never issued: saving offers it)
    monkeypatch.setattr(
        smi_page.QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.No
    )
    assert dialog.save() is True and len(asked) == 1
    with store.session() as s:
        v = s.scalar(select(SmiVisit).where(SmiVisit.resident_id == rid))
        assert (v.classification, v.next_due) == (1, booked)


def test_the_visit_outcome_comes_before_the_form_in_tab_order(gui_app, qtbot, store, patient):
    """Found by review: 随访结果, the top row, was reached from 随访日期 by Shift+Tab twice (the form's
    scroll area was a stop of its own between them), or as the 67th stop, after 取消."""
    from PySide6.QtCore import Qt

    dialog = _dialog(qtbot, store, patient("顺序某"))
    first = dialog.form.editors["visit_date"].main
    stops, w = [], dialog.outcome
    for _ in range(400):
        if w.focusPolicy() & Qt.TabFocus and w.isVisible():
            stops.append(w)
        w = w.nextInFocusChain()
        if w is dialog.outcome:
            break
    assert stops.index(first) == 1  # Shift+Tab once


def test_an_unstable_visit_saved_with_enter_offers_the_referral(gui_app, qtbot, store, patient, monkeypatch):
    """Found by review: 危险性 4 said 不稳定, 立即转诊 in the form, and Enter saved the visit and closed
    it; the referral the rules call for was never offered (the 老年人 check and the chronic
    follow-up offer theirs)."""
    from PySide6.QtWidgets import QMessageBox

    from app.views import referral_dialog, smi_page

    asked, opened = [], []
    monkeypatch.setattr(
        smi_page.QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.Yes
    )
    monkeypatch.setattr(referral_dialog.ReferralDialog, "exec", lambda d: opened.append(d) or 0)
    dialog = _dialog(qtbot, store, patient("吴某"))
    dialog.form.editors["danger"].main.setText("4")
    assert dialog.save() is True
    assert len(asked) == 1 and "立即转诊" in asked[0]
    assert len(opened) == 1 and opened[0].value("present_history") == "危险性评估 4 级"
