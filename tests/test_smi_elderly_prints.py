"""The SMI and elderly documents: filled and blank, in both languages (pdftotext reads them back);
a filled SMI form is refused to anyone who may not see the record."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
from sqlalchemy import select

from app.services.access import accounts
from app.services.errors import UserError
from app.services.printing import Labels, elderly_forms, smi_forms
from app.services.programmes import elderly, smi
from app.services.records import residents as records

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

TODAY = dt.date(2026, 11, 20)


def text_of(data: bytes, tmp_path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


@pytest.fixture
def filled(store, person):
    with store.transaction() as s:
        r = records.save_resident(s, person(name="王老汉"), today=TODAY)
        check = elderly.record_check(
            s,
            r.archive_no,
            elderly.ElderlyCheckInput(
                check_date="2026-11-01",
                selfcare_eating="3",
                selfcare_grooming="2",
                selfcare_dressing="1",
                selfcare_toilet="3",
                selfcare_activity="4",
                sbp="150",
                dbp="92",
                glucose="4.0",
                temperature="36",
                hdl="1.25",
                problems="血压偏高",
            ),
            today=TODAY,
        )
        smi.register(s, r.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY)
        visit = smi.record_visit(
            s, r.archive_no, smi.input_with(visit_date="2026-11-02", danger="3"), today=TODAY
        )
    return r.id, check.id, visit.id


def test_filled_and_blank_elderly_documents(store, filled, tmp_path):
    _rid, check_id, _visit = filled
    with store.session() as s:
        form = text_of(elderly_forms.selfcare_pdf(s, check_id, Labels()), tmp_path)
        summary = text_of(elderly_forms.check_summary_pdf(s, check_id, Labels()), tmp_path)
        blank = text_of(elderly_forms.selfcare_pdf(s, None, Labels()), tmp_path)
        blank_check = text_of(elderly_forms.check_summary_pdf(s, None, Labels()), tmp_path)
        due = text_of(elderly_forms.unchecked_pdf(s, 2027, Labels(), today=TODAY), tmp_path)
    assert "老年人生活自理能力评估表" in form and "总评分：19" in form and "不能自理" in form
    assert "王老汉" in form and "150 mmHg" in summary and "血压偏高" in summary
    assert "王老汉" not in blank and "总评分" in blank and "评估日期" in blank
    assert "体检日期：" in blank_check and "评估日期" not in blank_check  # (the check's own date)
    # the blank form names each measurement's unit (found by review: 血肌酐 μmol/L or mg/dL?)
    flat = re.sub(r"\s", "", blank_check)
    assert "mmHg" in flat and "μmol/L" in flat and "次/分钟" in flat and "cm" in flat, flat
    assert "王老汉" in due and "老年人健康体检工作单" in due
    # the row is 血压, both its readings named (found by review: a row "收缩压" read "150 mmHg 舒张压：92")
    assert re.search(r"血压\s+收缩压：150 mmHg\s+舒张压：92 mmHg", summary), summary
    # a reading is written as measured, to the tenth (found by review: 4.0 mmol/L printed "4")
    assert "4.0 mmol/L" in summary and "36.0 °C" in summary and "1.25 mmol/L" in summary, summary
    assert re.search(r"血压\s+收缩压：＿+ mmHg\s+舒张压：＿+ mmHg", blank_check), blank_check


def test_smi_form_filled_blank_and_english(store, filled, tmp_path):
    _rid, _check, visit_id = filled
    with store.session() as s:
        form = text_of(smi_forms.visit_pdf(s, visit_id, Labels()), tmp_path)
        blank = text_of(smi_forms.visit_pdf(s, None, Labels()), tmp_path)
    assert "严重精神障碍患者随访服务记录表" in form and "王老汉" in form and "■不稳定" in form
    assert "王老汉" not in blank and "危险性评估" in blank and "□不稳定" in blank
    # 危险性评估 as its 0–5 scale; 是否转诊 as 否 and 是; the 失访 and 死亡 rows of the paper form
    assert "□0 □1 □2 ■3 □4 □5" in form and "□0 □1 □2 □3 □4 □5" in blank
    assert "□否 □是" in blank and "失访原因" in blank and "死亡原因" in blank
    # each drug row has a blank for the drug's name before its three doses
    assert len(re.findall(r"药物名称\s+＿{6}\s*早（mg）：＿", blank)) == 3, blank
    # a filled form's drug rows without a drug: "—" for the name too, never the doses alone
    assert len(re.findall(r"药物名称\s+—\s*早（mg）：—", form)) == 3, form


def test_a_lost_or_died_visit_prints_its_reason_and_no_assessment(store, filled, tmp_path):
    rid, _check, _visit = filled
    with store.transaction() as s:
        archive_no = records.find_resident(s, str(rid)).archive_no
        lost = smi.record_failed_visit(s, archive_no, "lost", "2026-11-15", lost_reason="1", today=TODAY)
    with store.session() as s:
        form = text_of(smi_forms.visit_pdf(s, lost.id, Labels()), tmp_path)
    assert "■外出务工" in form and "2026年11月15日" in form
    assert "■" not in form.replace("■外出务工", "")  # no 门诊, no class: nothing was assessed


def test_a_filled_smi_form_is_refused_to_others(store, filled, tmp_path):
    _rid, _check, visit_id = filled
    with store.transaction() as s:
        accounts.create_user(s, "other", "村医-secret-1", "village_doctor", display_name="王医生")
    store.actor = accounts.login(store, "other", "村医-secret-1")
    try:
        with store.session() as s, pytest.raises(UserError):
            smi_forms.visit_pdf(s, visit_id, Labels())
        with store.session() as s:  # the blank form names no one
            assert smi_forms.visit_pdf(s, None, Labels())
    finally:
        store.actor = None


def test_the_follow_up_card_of_an_smi_patient_names_no_disorder(store, filled, tmp_path):
    """The card travels with the patient (family, other clinics): it names no sensitive programme,
    not even as 专项随访, the app's own name for it (found by review: "专项随访随访逾期 3 天"); the
    next visit it asks for is that programme's all the same."""
    from app.models import ProgramEnrolment, Resident
    from app.services import printing
    from app.services.printing import followup_card

    rid, _check, _visit = filled
    with store.session() as s:
        archive = s.get(Resident, rid).archive_no
        text = text_of(printing.card_pdf(s, archive, Labels()), tmp_path)
        due = s.scalar(select(ProgramEnrolment.next_due).where(ProgramEnrolment.resident_id == rid))
        (card,) = followup_card.card_data(s, [rid], today=due)
    assert card.programs == [] and card.dues == {} and card.next_visit == due
    assert "专项" not in text and "管理项目" not in text  # (no programme: no bare label either)
    assert not any(word in text for word in ("精神", "严重", "smi"))
    assert "慢病" not in text  # an 专项随访 patient's card is a 随访卡, not a chronic-disease card
    assert "随访卡" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_smi_visit_form_is_one_sheet_in_either_language(store, filled, tmp_path, lang):
    """English words are longer: the form steps down (never below 7.5 pt) to stay on one page
    (it ran onto a second page for its last row)."""
    import pypdfium2 as pdfium

    from app.cli.printing import print_labels

    _rid, _check, visit_id = filled
    with store.session() as s:
        for visit in (visit_id, None):
            pdf = pdfium.PdfDocument(smi_forms.visit_pdf(s, visit, print_labels(lang)))
            try:
                assert len(pdf) == 1
            finally:
                pdf.close()  # (a document left open is closed at exit, where pdfium can crash the worker)


def test_the_supplementary_form_is_filled_from_the_registration_blank_and_refused_to_others(
    store, person, tmp_path
):
    """DOMAIN.md's 严重精神障碍患者个人信息补充表 could not be printed: filled from the registration (its
    dates as the form writes them), blank for a registration on paper, refused to a doctor who may
    not see the patient."""
    with store.transaction() as s:
        r = records.save_resident(s, person(name="王老汉"), today=TODAY)
        smi.register(
            s,
            r.archive_no,
            smi.SmiRegistrationInput(
                diagnosis="1",
                consent="1",
                guardian_name="王大妮",
                guardian_phone="13800000000",
                diagnosis_hospital="市第三人民医院",
                diagnosis_date="2020-05-01",
            ),
            today=TODAY,
        )
    with store.session() as s:
        form = text_of(smi_forms.registration_pdf(s, r.archive_no, Labels()), tmp_path)
        blank = text_of(smi_forms.registration_pdf(s, None, Labels()), tmp_path)
    assert "严重精神障碍患者个人信息补充表" in form and "王老汉" in form and "王大妮" in form
    assert "■精神分裂症" in form and "2020年5月1日" in form and "市第三人民医院" in form
    assert "王老汉" not in blank and "监护人姓名" in blank and "□精神分裂症" in blank
    with store.transaction() as s:
        accounts.create_user(s, "other", "村医-secret-1", "village_doctor", display_name="王医生")
    store.actor = accounts.login(store, "other", "村医-secret-1")
    try:
        with store.session() as s, pytest.raises(UserError):
            smi_forms.registration_pdf(s, r.archive_no, Labels())
    finally:
        store.actor = None


def test_a_card_naming_one_programme_gives_that_ones_next_visit(store, filled):
    """Found by review: 高血压 named, and "逾期 11 天" beside last week's reading — the days were
    the unnamed 专项随访's.  A card gives the next visit of the programmes it names; one naming
    none (严重精神障碍 only) gives that one's."""
    from app.models import ProgramEnrolment, Resident
    from app.services.printing import followup_card
    from app.services.programmes import followup

    rid, _check, _visit = filled
    with store.transaction() as s:
        followup.enrol(s, s.get(Resident, rid), "htn", dt.date(2026, 1, 1))
        for e in s.scalars(select(ProgramEnrolment).where(ProgramEnrolment.resident_id == rid)):
            e.next_due = dt.date(2026, 11, 20) if e.program == "smi" else dt.date(2026, 12, 20)
    with store.session() as s:
        (card,) = followup_card.card_data(s, [rid], today=dt.date(2026, 12, 1))
    assert card.programs == ["htn"] and card.next_due == dt.date(2026, 12, 20) and card.days_overdue == 0
