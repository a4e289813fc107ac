"""Referrals: drafted from a follow-up, refused without a destination, and their life after issue."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import Referral
from app.services.errors import ValidationError
from app.services.programmes import followup, referral
from app.services.programmes.followup import VisitInput, save_visit
from app.services.records.residents import ResidentInput, save_resident
from tests.conftest import TODAY

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


@pytest.fixture
def emergency_visit(store):
    with store.transaction() as s:
        r = save_resident(
            s,
            ResidentInput(
                name="赵急",
                sex="1",
                birth_date="1950-02-02",
                past_diseases={"2": "2015-06"},
                enrolled_on="2020-01-01",
            ),
            today=TODAY,
        )
        followup.enrol(s, r, "htn", dt.date(2024, 1, 1))
        saved = save_visit(
            s,
            r,
            VisitInput(
                visit_date="2026-11-20",
                measurements={"sbp": "186", "dbp": "112"},
                signs=["headache"],
                drugs=[{"name": "氨氯地平片", "times_per_day": 1, "mg_per_time": 5}],
                doctor="李医生",
            ),
            today=TODAY,
        )
        return saved.id


def test_draft_is_prefilled_from_the_visit(store, emergency_visit):
    with store.session() as s:
        d = referral.draft_from_visit(s, emergency_visit)
    assert d.emergency and d.program == "htn"
    assert d.impression == "高血压（控制不满意）"
    assert d.present_history.startswith("血压 186/112 mmHg")
    assert "收缩压≥180mmHg（186）" in d.present_history and "剧烈头痛或头晕" in d.present_history
    assert d.past_history == "高血压（2015-06）"
    assert d.treatment == "氨氯地平片 5mg 每日1次"
    assert (d.issued_on, d.issued_by) == ("2026-11-20", "李医生")


def test_a_referral_without_destination_is_refused(store, emergency_visit):
    with store.session() as s:
        d = referral.draft_from_visit(s, emergency_visit)
    with pytest.raises(ValidationError) as e, store.transaction() as s:
        referral.create_referral(s, d, today=TODAY)
    assert "没有去向的转诊单不能开具" in e.value.by_field()["to_institution"].render()


def test_issue_arrive_and_return(store, emergency_visit):
    with store.session() as s:
        d = referral.draft_from_visit(s, emergency_visit)
    d.to_institution, d.to_department = "朝阳乡卫生院", "内科"
    with store.transaction() as s:
        rid = referral.create_referral(s, d, today=TODAY).id
    with store.session() as s:
        assert [r.id for r in referral.open_referrals(s)] == [rid]
    with store.transaction() as s:
        referral.set_status(s, rid, "arrived", TODAY)
        referral.set_status(
            s,
            rid,
            "returned",
            TODAY,
            return_diagnosis="高血压3级",
            return_record_no="Z123",
            return_plan="继续服药，2周后复查",
        )
    with store.session() as s:
        r = s.get(Referral, rid)
        assert (r.status, r.return_diagnosis, r.return_record_no) == ("returned", "高血压3级", "Z123")
        assert referral.open_referrals(s) == []


def test_the_visit_a_referral_is_made_from_records_it(store, emergency_visit):
    """The follow-up form's 转诊 box (原因, 机构及科别) is filled from the referral made from that
    visit (it stayed empty); a 转诊 the doctor wrote there is kept."""
    from app.models import FollowupVisit

    with store.session() as s:
        d = referral.draft_from_visit(s, emergency_visit)
    d.to_institution, d.to_department = "朝阳乡卫生院", "内科"
    with store.transaction() as s:
        referral.create_referral(s, d, today=TODAY)
    with store.session() as s:
        v = s.get(FollowupVisit, emergency_visit)
        assert (v.referral_institution, v.referral_department) == ("朝阳乡卫生院", "内科")
        assert v.referral_reason.startswith("收缩压≥180mmHg（186）")
    d.to_institution, d.force = "县人民医院", True  # a second referral: the first one stays on the form
    with store.transaction() as s:
        referral.create_referral(s, d, today=TODAY)
    with store.session() as s:
        assert s.get(FollowupVisit, emergency_visit).referral_institution == "朝阳乡卫生院"


def test_a_referral_without_a_visit_takes_the_past_history_from_the_record(store, emergency_visit):
    from app.models import FollowupVisit

    with store.session() as s:
        resident_id = s.get(FollowupVisit, emergency_visit).resident_id
    with store.transaction() as s:
        made = referral.create_referral(
            s, referral.ReferralInput(resident_id=resident_id, to_institution="县人民医院"), today=TODAY
        )
        assert made.past_history == "高血压（2015-06）"


PASSWORD = "s3cret-Pass!"


@pytest.fixture
def smi_history(store):
    """A resident whose 既往史 has 高血压 and 严重精神障碍, held by 钱医生; 赵医生 is another doctor of
    the village.  The resident's id."""
    from app.services.access import accounts

    with store.transaction() as s:
        accounts.create_user(s, "qian", PASSWORD, "village_doctor", display_name="钱医生")
        accounts.create_user(s, "zhao", PASSWORD, "village_doctor", display_name="赵医生")
        r = save_resident(
            s,
            ResidentInput(
                name="钱病",
                sex="1",
                birth_date="1960-02-02",
                past_diseases={"2": "2015-06", "8": "2018-03"},
                responsible_doctor="钱医生",
                enrolled_on="2020-01-01",
            ),
            today=TODAY,
        )
        return r.id


def test_a_referral_names_the_severe_mental_disorder_only_on_a_referral_of_that_programme(store, smi_history):
    """主要既往史 was filled from the record as its own doctor sees it, 严重精神障碍 included, and a
    referral of another programme is read by every doctor of the village and the township's staff,
    who may not know of the disorder: it is left out there (the doctor may write it in), and kept
    on a referral of that programme, which only those who may see the patient read."""
    from app.models import Resident
    from app.services.access import accounts

    rid = smi_history
    store.actor = accounts.login(store, "qian", PASSWORD)
    try:
        with store.transaction() as s:
            made = referral.create_referral(
                s, referral.ReferralInput(resident_id=rid, to_institution="县人民医院"), today=TODAY
            )
            assert made.past_history == "高血压（2015-06）"
            resident = s.get(Resident, rid)
            assert referral.past_history(s, resident, "smi") == "高血压（2015-06）、严重精神障碍（2018-03）"
    finally:
        store.actor = None


@pytest.mark.parametrize(
    "old,left",
    [
        ("高血压（2015-06）、严重精神障碍（2018-03）", "高血压（2015-06）"),  # as the form filled it in
        ("高血压（2015-03-01），严重精神障碍（2018-05-01）", "高血压（2015-03-01）"),  # as typed
        ("严重精神障碍（2018-05-01）；高血压", "高血压"),
        ("高血压\n严重精神障碍（2018）", "高血压"),
        ("高血压、 严重精神障碍", "高血压"),
    ],
)
def test_a_slip_made_before_leaves_the_disorder_out_for_a_reader_who_may_not_see_it(
    store, smi_history, old, left
):
    """A referral of another programme made before its 主要既往史 left the disorder out still
    names it: its slip leaves the part naming it out, whatever separates the parts, for a reader
    who may not see the resident's 严重精神障碍 box, and reads whole for the patient's own doctor."""
    from app.services.access import accounts
    from app.services.printing.referral_slip import slip_data

    with store.transaction() as s:
        made = referral.create_referral(
            s,
            referral.ReferralInput(resident_id=smi_history, to_institution="县人民医院", past_history=old),
            today=TODAY,
        )
        rid = made.id
    for user, shown in (("zhao", left), ("qian", old)):
        store.actor = accounts.login(store, user, PASSWORD)
        try:
            with store.session() as s:
                assert slip_data(s, rid).past_history == shown, user
        finally:
            store.actor = None


def test_the_past_history_carries_allergies_operations_and_the_other_disease_named(store):
    """The slip's 主要既往史 said "其他（2021-12）" without the disease typed, and nothing of the
    record's drug allergies, operations or transfusions: what the hospital receiving the patient
    must not miss."""
    with store.transaction() as s:
        r = save_resident(
            s,
            ResidentInput(
                name="钱过敏",
                sex="1",
                birth_date="1950-02-02",
                past_diseases={"2": "2015-06", "13": "2021-12"},
                past_disease_other="慢性肾功能不全",
                allergy=["2", "5"],
                allergy_other="头孢类",
                history_events=[
                    ("surgery", "冠脉搭桥术", "2019-05-10"),
                    ("transfusion", "术中输血", "2019-05-10"),
                ],
                enrolled_on="2020-01-01",
            ),
            today=TODAY,
        )
        made = referral.create_referral(
            s, referral.ReferralInput(resident_id=r.id, to_institution="县人民医院"), today=TODAY
        )
        assert made.past_history == (
            "高血压（2015-06）、其他：慢性肾功能不全（2021-12）；药物过敏史：青霉素、其他：头孢类；"
            "手术：冠脉搭桥术（2019-05-10）；输血：术中输血（2019-05-10）"
        )


def insulin_patient(s) -> tuple:
    """钱糖, diabetic, seen on 2026-11-20 with metformin and premixed insulin: (resident, visit id)."""
    r = save_resident(s, ResidentInput(name="钱糖", sex="2", birth_date="1950-03-03"), today=TODAY)
    followup.enrol(s, r, "t2dm", dt.date(2025, 1, 1))
    visit = save_visit(
        s,
        r,
        VisitInput(
            program="t2dm",
            visit_date="2026-11-20",
            measurements={"glucose": "17.2"},
            drugs=[{"name": "二甲双胍片", "times_per_day": 2, "mg_per_time": 500}],
            insulin_type="门冬胰岛素30",
            insulin_dosage="早16U 晚12U",
            doctor="李医生",
            confirmed=True,
        ),
        today=TODAY,
    )
    return r, visit.id


def test_the_treatment_names_the_insulin_first(store):
    """Found by review: 治疗经过 on the referral slip and 目前用药 on a 65+ check listed the tablets and
    left the insulin out: the hospital was not told the patient injects it."""
    from app.services.programmes import elderly

    with store.transaction() as s:
        resident, visit_id = insulin_patient(s)
        expected = "胰岛素 门冬胰岛素30 早16U 晚12U；二甲双胍片 500mg 每日2次"
        assert referral.draft_from_visit(s, visit_id).treatment == expected
        assert referral.current_treatment(s, resident.id) == expected  # (a slip from the command line)
        assert elderly.current_medication(s, resident) == expected  # (a 65+ check's 目前用药)


@pytest.mark.gui
def test_the_residents_visit_list_shows_the_insulin(gui_app, qtbot, store):
    """The 用药 column of a programme's visits listed the tablets only."""
    from app.services.records import overview as records_overview
    from app.views.residents import ResidentDialog

    with store.transaction() as s:
        rid = insulin_patient(s)[0].id
    with store.session() as s:
        dialog = ResidentDialog(store, records_overview.resident_overview(s, rid, TODAY))
    qtbot.addWidget(dialog)
    table = dialog.visit_tables["t2dm"]
    column = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())].index("用药")
    assert table.item(0, column).text() == "胰岛素 门冬胰岛素30 早16U 晚12U、二甲双胍片 500mg×2"
