"""Demo data of issue 18: severe mental disorder patients (about 0.4% of residents, registered and
followed for a year) and this year's elderly health checks (about 60% of the residents aged 65+, and
most of them last year too).  Rows are classified and scored by the same rules as a real entry and
written in bulk, logged and audited like the rest of the demo (``sync.bulk``)."""

from __future__ import annotations

import datetime as dt
import random
from types import SimpleNamespace

from sqlalchemy.orm import Session

from app.db import insert_rows
from app.models import ElderlyCheck, ProgramEnrolment, SmiRegistration, SmiVisit, new_id
from app.services.programmes import selfcare, smi, smi_rules
from app.services.records.validators import born_by
from app.services.sync import bulk

SMI_SHARE = 0.004
CHECKED_SHARE = 0.6
SELFCARE_WEIGHTS = ("1", 80), ("2", 12), ("3", 6), ("4", 2)


def add_smi_and_elderly(
    session: Session, rng: random.Random, residents: list[dict], today: dt.date, who, *, one_at_least=False
) -> None:
    """Patients and checks for one batch of demo residents (dicts as the demo inserted them).
    With ``one_at_least`` (a village's first batch) a batch of a village's size (250+ residents, where
    one patient is expected) that drew none gets one, its first eligible resident, so a demo village
    shows its 严重精神障碍 page at work whatever the date the draws were made on."""
    enrolments, registrations, visits, checks = [], [], [], []
    eligible = []
    for r in residents:
        if r.get("status") != "1":
            continue
        age = today.year - r["birth_date"].year
        if 15 <= age <= 75:
            eligible.append(r)
            if rng.random() < SMI_SHARE:
                _patient(rng, r, today, enrolments, registrations, visits)
        if r["birth_date"] <= born_by(today.year):
            for year in (today.year - 1, today.year):
                if rng.random() < CHECKED_SHARE and r["birth_date"] <= born_by(year):
                    checks.append(_check(rng, r, year, today))
    if one_at_least and len(residents) * SMI_SHARE >= 1 and not registrations and eligible:
        _patient(rng, eligible[0], today, enrolments, registrations, visits)
    for row in (*enrolments, *registrations, *visits, *checks):
        row["created_by"] = row["updated_by"] = who
    for entity, model, rows in (
        ("program_enrolment", ProgramEnrolment, enrolments),
        ("smi_registration", SmiRegistration, registrations),
        ("smi_visit", SmiVisit, visits),
        ("elderly_check", ElderlyCheck, checks),
    ):
        if rows:
            bulk.prepare(session, entity, rows)
            insert_rows(session, model, rows)
            bulk.audit_batch(session, entity, rows)


def _patient(rng, r, today, enrolments, registrations, visits) -> None:
    enrolled = today - dt.timedelta(days=rng.randint(400, 900))
    enrolment_id = new_id()
    doctor = r["responsible_doctor"]
    day, previous, done = today - dt.timedelta(days=rng.randint(330, 365)), None, []
    while day <= today:
        danger = rng.choices(range(6), [70, 14, 8, 4, 3, 1])[0]
        symptoms = frozenset(
            rng.sample([str(i) for i in range(1, 12)], rng.choices([0, 1, 2, 3], [6, 2, 1, 1])[0])
        )
        insight = rng.choices("123", [6, 3, 1])[0]
        f = smi_rules.SmiFindings(
            danger, symptoms, insight, ("1", "1", rng.choice("129"), "1", rng.choice("12"))
        )
        s = smi_rules.suggest(f, day, previous=previous)
        visits.append(
            {
                "id": new_id(),
                "enrolment_id": enrolment_id,
                "resident_id": r["id"],
                "visit_date": day,
                "method": rng.choices("123", [4, 5, 1])[0],
                "outcome": "done",
                "danger": danger,
                "insight": insight,
                "classification": s.classification,
                "classification_suggested": s.classification,
                "referral_suggested": s.referral,
                "next_due": s.next_due,
                "next_due_suggested": s.next_due,
                "doctor": doctor,
                "form": {"symptoms": sorted(symptoms), "adherence": rng.choices("1234", [6, 2, 1, 1])[0]},
            }
        )
        done.append(visits[-1])
        previous = s.classification
        day = s.next_due + dt.timedelta(days=rng.randint(-3, 10 if rng.random() < 0.8 else 60))
    enrolments.append(
        {
            "id": enrolment_id,
            "resident_id": r["id"],
            "program": "smi",
            "enrolled_on": enrolled,
            "diagnosed_on": enrolled - dt.timedelta(days=rng.randint(30, 3000)),
            "enrolling_doctor": doctor,
            "responsible_doctor": doctor,
            "status": "1",
            "sensitive": True,
            # the summary by the app's rule (smi.refresh_summary's), from the visits as made
            **smi.summary_of([SimpleNamespace(**v) for v in done], enrolled),
        }
    )
    registrations.append(
        {
            "id": new_id(),
            "enrolment_id": enrolment_id,
            "resident_id": r["id"],
            "diagnosis": rng.choices("123456", [50, 5, 8, 20, 7, 10])[0],
            "diagnosis_hospital": rng.choice(("县精神卫生中心", "市第三人民医院", "省精神卫生中心")),
            "diagnosis_date": enrolled - dt.timedelta(days=rng.randint(10, 200)),
            "consent": "1",
            "consent_date": enrolled,
            "guardian_name": None,
            "form": {
                "economy": rng.choices("123", [3, 6, 1])[0],
                "past_locking": rng.choices("123", [8, 1, 1])[0],
            },
        }
    )


def _check(rng, r, year, today) -> dict:
    last_day = today if year == today.year else dt.date(year, 12, 31)
    # Outreach checks run from March; early in a year this year's so far are January's and February's.
    day = dt.date(year, rng.randint(min(3, last_day.month), last_day.month), 1)
    day = min(day + dt.timedelta(days=rng.randint(0, 27)), last_day)
    levels = [rng.choices(*zip(*SELFCARE_WEIGHTS, strict=True))[0] for _ in selfcare.ITEMS]
    sc = selfcare.score(levels)
    sbp = int(rng.gauss(138, 16))
    return {
        "id": new_id(),
        "resident_id": r["id"],
        "check_date": day,
        "sbp": sbp,
        "dbp": int(sbp * 0.6 + rng.gauss(0, 6)),
        "glucose": round(rng.gauss(6.0, 1.2), 1),
        "selfcare": list(sc.levels),
        "selfcare_score": sc.score,
        "selfcare_level": sc.level,
        "next_check": day + dt.timedelta(days=365),
        "doctor": r["responsible_doctor"],
        "form": {"exercise": rng.choice("1234"), "smoking": rng.choices("123", [6, 2, 2])[0]},
    }
