"""Demo data of issue 19: contracts for the residents the demo marked signed (most poor households,
a few ending within 30 days), poverty registration of the poor households, 一患一策 plans for their
chronic patients, and a year of health-education activities with one kind behind its minimum.

Rows go in around the ORM (``sync.bulk``), like the rest of the demo; the few residents whose
household is left unsigned are changed through the ORM (logged by the capture hook)."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import CODE_LISTS
from app.db import insert_rows
from app.models import (
    EducationActivity,
    FamilyContract,
    PovertyHousehold,
    PovertyPlan,
    ProgramEnrolment,
    Resident,
    Village,
    new_id,
)
from app.services import profile as profiles
from app.services.access.actor import actor
from app.services.programmes import contracts
from app.services.sync import bulk

UNSIGNED_POOR_SHARE = 0.12  # poor households the demo leaves unsigned (the workbench lists them)
CAUSES = (("illness", 45), ("disability", 20), ("labour", 20), ("schooling", 5), ("other", 10))
TOPICS = {
    "1": ["高血压防治知识手册", "糖尿病饮食指导折页", "老年人防跌倒", "合理用药", "控烟限酒", "预防接种须知"],
    "2": ["健康生活方式", "慢病管理", "传染病预防"],
    "3": [
        "春季传染病预防",
        "全民健康生活方式",
        "高血压日",
        "结核病防治",
        "老年人健康管理",
        "冬季心脑血管病预防",
    ],
    "4": ["义诊与健康咨询", "世界卫生日咨询", "高血压日咨询"],
    "5": ["高血压的防治", "糖尿病足的预防", "老年人合理膳食", "脑卒中早期识别", "家庭急救常识", "心理健康"],
    "6": ["戒烟指导", "低盐饮食指导"],
}


def generate(session: Session, rng: random.Random, today: dt.date) -> None:
    who = actor(session).id
    stamp = {"created_by": who, "updated_by": who}
    have_contract = set(session.scalars(select(FamilyContract.resident_id)))
    registered = set(session.scalars(select(PovertyHousehold.household_id)))
    residents = [
        r
        for r in session.execute(
            select(
                Resident.id,
                Resident.household_id,
                Resident.village_id,
                Resident.birth_date,
                Resident.poverty_registered,
                Resident.contract_signed_on,
                Resident.contract_doctor,
                Resident.contract_years,
            ).where(Resident.voided.is_(False))
        )
        if r.id not in have_contract
    ]
    chronic: dict = {}  # (never a sensitive programme: a plan is read by all who see poverty work)
    for rid, program in session.execute(
        select(ProgramEnrolment.resident_id, ProgramEnrolment.program).where(
            ProgramEnrolment.voided.is_(False),
            ProgramEnrolment.status == "1",
            ProgramEnrolment.sensitive.is_(False),
        )
    ):
        chronic.setdefault(rid, program)

    # 建档立卡: one registration per poor household
    poor_households = sorted({r.household_id for r in residents if r.poverty_registered} - registered)
    village_of = {r.household_id: r.village_id for r in residents}
    households = []
    for hh in poor_households:
        cause = rng.choices([c for c, _ in CAUSES], [w for _, w in CAUSES])[0]
        status = rng.choices(["registered", "lifted", "monitored"], [70, 20, 10])[0]
        relapse = cause == "illness" and rng.random() < 0.15  # (因病返贫, or else 因病致贫: one of them)
        households.append(
            {
                "id": new_id(),
                "household_id": hh,
                "village_id": village_of[hh],
                "status": status,
                "cause": cause,
                "by_illness": cause == "illness" and not relapse,
                "relapse_by_illness": relapse,
                "registered_on": today.replace(month=1, day=1) - dt.timedelta(days=rng.randrange(0, 1500)),
                **stamp,
            }
        )
    _insert(session, "poverty_household", PovertyHousehold, households)

    # Most poor households are signed; the demo leaves a few out, so their rows are changed here.
    unsigned = {hh for hh in poor_households if rng.random() < UNSIGNED_POOR_SHARE}
    if poor_households and not unsigned:
        unsigned = {poor_households[0]}
    for r in residents:
        if r.household_id in unsigned and r.contract_signed_on is not None:
            row = session.get(Resident, r.id)
            row.contract_signed_on = row.contract_doctor = row.contract_years = None

    rows = []
    for r in residents:
        if r.contract_signed_on is None or r.household_id in unsigned:
            continue
        age = (today - r.birth_date).days // 365
        packages = ["basic"] + (["elderly"] if age >= 65 else []) + (["chronic"] if r.id in chronic else [])
        packages += ["poor"] if r.poverty_registered else []
        years = r.contract_years or 1
        rows.append(
            {
                "id": new_id(),
                "resident_id": r.id,
                "doctor": r.contract_doctor or "",
                "packages": packages,
                "start_on": r.contract_signed_on,
                "end_on": contracts.end_of_term(r.contract_signed_on, years),
                "years": years,
                "signature": "signed" if rng.random() < 0.95 else "pending",
                "status": "active",
                **stamp,
            }
        )
    _insert(session, "family_contract", FamilyContract, rows)

    # 一患一策 for the chronic patients of poor households
    plans = []
    for r in residents:
        if (
            not (r.poverty_registered and r.id in chronic)
            or r.household_id in unsigned
            and rng.random() < 0.5
        ):
            continue
        made = today - dt.timedelta(days=rng.randrange(10, 200))
        plans.append(
            {
                "id": new_id(),
                "resident_id": r.id,
                "condition": CODE_LISTS["program"].label(chronic[r.id]),
                "track": rng.choices(["chronic", "major", "severe"], [80, 12, 8])[0],
                "measures": rng.choice(
                    [
                        "家庭医生每月随访，免费提供降压药",
                        "每月随访，指导饮食和运动",
                        "转诊县医院，先诊疗后付费",
                    ]
                ),
                "made_on": made,
                "review_on": made + dt.timedelta(days=180),
                "health_check_on": today - dt.timedelta(days=rng.randrange(0, 200))
                if rng.random() < 0.7
                else None,
                "doctor": r.contract_doctor,
                **stamp,
            }
        )
    _insert(session, "poverty_plan", PovertyPlan, plans)

    # 健康教育: this year so far, per institution; bulletin boards fall behind (every 3 months).
    prof = profiles.get_profile(session)
    codes = [prof.code] if len(prof.code) == 12 else [prof.code, *session.scalars(select(Village.code))]
    activities = []
    for code in codes:
        village = len(code) == 12
        plan = {
            "5": 2 if village else 1,
            "3": 3,
            "1": 1,
            "2": 3,
            "4": 0 if village else 1,
            "6": 2,
        }  # months apart
        for form, every in plan.items():
            if not every:
                continue
            for month in range(1, today.month + 1, every):
                day = dt.date(today.year, month, rng.randint(3, 25))
                if day > today:
                    continue
                topic = rng.choice(TOPICS[form])
                activities.append(
                    {
                        "id": new_id(),
                        "scope_code": code,
                        "held_on": day,
                        "place": rng.choice(["村卫生室", "村委会", "村文化广场"]) if village else "卫生院",
                        "form": form,
                        "topic": topic,
                        "organiser": prof.institution if not village else None,
                        "audience_kind": "辖区居民" if form != "6" else "慢病患者",
                        "audience_count": _audience(form, rng),
                        "materials": f"{topic} {rng.randint(20, 80)}份" if form == "1" else None,
                        "material_kinds": rng.randint(1, 2) if form in ("1", "2") else 0,
                        "content": f"围绕“{topic}”讲解与答疑。" if form in ("4", "5") else None,
                        "evaluation": "居民参与积极。" if form in ("4", "5") else None,
                        **stamp,
                    }
                )
                _name_every_kind(activities[-1])
    _insert(session, "education_activity", EducationActivity, activities)


def _audience(form: str, rng) -> int:
    """接受健康教育人数 of a demo activity: as many as education.AUDIENCE_LIMITS allow (个体化: one
    to three), with one draw of the seeded generator whatever the form (the demo's other rows stay
    as they were)."""
    if form in ("4", "5"):
        return rng.randint(15, 60)
    drawn = rng.randint(0, 40)
    return 1 + drawn % 3 if form == "6" else drawn


def _name_every_kind(activity: dict) -> None:
    """Name each kind of material the activity counts (a kind counted but not named is one of that
    record alone, listed under its topic: education.material_kinds), with no draw of the seeded
    generator (the demo's other rows stay as they were)."""
    topic, kinds = activity["topic"], activity["material_kinds"]
    if activity["form"] == "1":
        # a topic that is itself a printed item's name (…手册, …折页) is not named twice over
        item = topic if topic.endswith(("折页", "手册")) else f"{topic}折页"
        first = activity["materials"].replace(topic, item, 1)
        base = topic.removesuffix("折页").removesuffix("手册")
        other = f"{base}手册" if item != f"{base}手册" else f"{base}折页"
        activity["materials"] = first if kinds < 2 else f"{first}；{other} {20 + 3 * len(topic)}份"
    elif activity["form"] == "2":
        activity["materials"] = "；".join((f"{topic}视频", f"{topic}音频")[:kinds])


def _insert(session: Session, entity: str, model, rows: list[dict]) -> None:
    if not rows:
        return
    bulk.prepare(session, entity, rows)
    insert_rows(session, model, rows)
    bulk.audit_batch(session, entity, rows)
