"""Demo data (issue 15): referrals in every state; visits entered by the village's doctor at clinic
hours, also when a township admin runs the demo."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.models import AuditEntry, ChangeLog, FollowupVisit, ProgramEnrolment, Referral, User
from app.services.access import accounts
from app.tools import demo_referrals
from app.tools.demo import generate_demo
from tests.conftest import TODAY

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

PASSWORD = "Cunyi-2026!"


def _local(at: dt.datetime) -> dt.datetime:
    return at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


@pytest.mark.slow
def test_a_township_demo_is_entered_by_each_villages_doctor_in_clinic_hours(township_store):
    accounts.set_first_password(township_store, "doctor", PASSWORD, PASSWORD)
    township_store.actor = accounts.login(township_store, "doctor", PASSWORD)  # the township admin
    try:
        with township_store.transaction() as s:
            generate_demo(s, 400, seed=9, villages=2, today=TODAY)
    finally:
        township_store.actor = None
    with township_store.session() as s:
        admin = s.scalar(select(User).where(User.username == "doctor"))
        doctors = {u.id: u for u in s.scalars(select(User).where(User.role == "village_doctor"))}
        assert len(doctors) == 2 and {u.village_code for u in doctors.values()} == {
            "110105001001",
            "110105001002",
        }
        visits = s.scalars(select(FollowupVisit)).all()
        assert visits and {v.created_by for v in visits} == set(doctors)
        assert {v.doctor for v in visits} == {u.display_name for u in doctors.values()}  # 随访医生 too
        assert all(e.created_by in doctors for e in s.scalars(select(ProgramEnrolment)))
        for v in visits:
            when = _local(v.created_at)
            # on the visit's day, or later (a late entry, which the quality report finds)
            assert when.date() >= v.visit_date and dt.time(8) <= when.time() <= dt.time(17, 30), when
        logged = s.scalars(select(ChangeLog.user_id).where(ChangeLog.entity == "followup_visit")).all()
        assert set(logged) == set(doctors)
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "followup_visit")).all()
        per_visit = [e for e in entries if e.entity_id]
        assert per_visit and {e.username for e in per_visit} == {u.username for u in doctors.values()}
        assert {e.username for e in entries if not e.entity_id} == {admin.username}  # who ran the batch
        referrals = s.scalars(select(Referral)).all()
        assert {r.status for r in referrals} == {"issued", "arrived", "not_arrived", "returned"}
        urgent = [r for r in referrals if r.emergency]
        assert urgent and any(r.status in ("issued", "arrived") for r in urgent)  # 工作台 shows some first
        assert all(r.created_by in doctors for r in referrals)
        for r in referrals:
            assert (r.status == "not_arrived") == bool(r.not_arrived_reason)
            assert (r.status == "returned") == bool(r.return_diagnosis and r.return_record_no)
            assert (r.status == "issued") == (r.status_date is None)
            assert r.to_institution == "朝阳乡卫生院"


def test_a_village_doctor_running_the_demo_enters_it_themselves(store):
    with store.transaction() as s:
        accounts.create_user(s, "wang", PASSWORD, "village_doctor", display_name="王医生")
    store.actor = accounts.login(store, "wang", PASSWORD)
    try:
        with store.transaction() as s:
            generate_demo(s, 60, seed=2, today=TODAY)
    finally:
        store.actor = None
    with store.session() as s:
        wang = s.scalar(select(User).where(User.username == "wang"))
        assert {v.created_by for v in s.scalars(select(FollowupVisit))} == {wang.id}
        assert {v.doctor for v in s.scalars(select(FollowupVisit))} == {"王医生"}
        assert (
            s.scalars(select(User).where(User.username != "wang", User.role == "village_doctor")).all() == []
        )


@pytest.mark.sqlite_only  # no store: pure rules
def test_clinic_hours_never_run_past_now():
    today = dt.date.today()
    for row_id in (demo_referrals.new_id() for _ in range(50)):
        past = _local(demo_referrals.clinic_hours(row_id, today - dt.timedelta(days=3)))
        assert dt.time(8) <= past.time() <= dt.time(17, 30)
        assert demo_referrals.clinic_hours(row_id, today) <= demo_referrals.utcnow()
