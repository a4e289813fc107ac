"""Demo data for issue 15: who entered the visits (the village's doctor, at clinic hours) and
referrals in every state of their life (issued, arrived, not arrived, returned)."""

from __future__ import annotations

import datetime as dt
import random
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import insert_rows
from app.models import Referral, User, Village
from app.models.base import new_id, utcnow
from app.services.access.actor import actor
from app.services.sync import bulk

# When a demo visit was entered: its day, in the clinic's hours on this PC's clock (stored as UTC,
# shown in local time, so the audit page reads 08:00–17:30 wherever the demo runs).
CLINIC_OPENS, CLINIC_MINUTES = dt.time(8), 9 * 60 + 30  # 08:00–17:30


def clinic_hours(row_id: uuid.UUID, day: dt.date) -> dt.datetime:
    """A time on ``day`` in clinic hours, spread by the row's id (the same on every run), as naive
    UTC like every stored time; never later than now."""
    minutes = int(row_id.hex[-4:], 16) % (CLINIC_MINUTES + 1)
    local = dt.datetime.combine(day, CLINIC_OPENS) + dt.timedelta(minutes=minutes)
    return min(local.astimezone(dt.UTC).replace(tzinfo=None), utcnow())


def village_doctor(session: Session, village: Village, name: str) -> tuple[uuid.UUID, str, str]:
    """The account of the doctor who enters this village's visits: (id, username, display name).

    The doctor acting, if a village doctor of this village; else the village's first active doctor
    account; else a demo account in the doctor's name that cannot log in until an admin gives it a
    password.  Never the admin or township staff who ran the demo."""
    who = actor(session)
    if not who.is_system and who.role == "village_doctor" and who.village_code == village.code:
        return who.id, who.username, who.display_name
    user = session.scalars(
        select(User)
        .where(User.role == "village_doctor", User.village_code == village.code, User.active.is_(True))
        .order_by(User.username)
    ).first()
    if user is None:
        username = f"doctor{village.code[-3:]}"  # doctor101: the village's number in its township
        if session.scalar(select(User.id).where(User.username == username)) is not None:
            username = f"doctor-{village.code}"
        user = User(
            username=username,
            display_name=name,
            role="village_doctor",
            village_code=village.code,
            password_hash=None,
        )
        session.add(user)
        session.flush()
    return user.id, user.username, user.display_name


def stamp_entered(rows: list[dict], doctor_id: uuid.UUID, day_key: str) -> None:
    """Rows entered by the village's doctor on their own day, in clinic hours."""
    for row in rows:
        when = clinic_hours(row["id"], row[day_key])
        row["created_by"] = row["updated_by"] = doctor_id
        row["created_at"] = row["updated_at"] = when


def plan_referrals(
    rng: random.Random,
    visits: list[dict],
    *,
    from_institution: str,
    to_institution: str,
    today: dt.date,
) -> list[dict]:
    """Referrals from the last half year's visits that called for one (and a few routine ones):
    the newest still issued, then arrived, and older ones not arrived or returned with results.
    Each visit referred from gets its 转诊 box filled, so plan before the visits are written."""
    since = today - dt.timedelta(days=180)
    recent = [v for v in visits if v["visit_date"] >= since and v["outcome"] == "done" and v["sbp"]]
    if not recent:
        return []
    wanted = max(4, len({v["resident_id"] for v in recent}) // 12)
    urgent = [v for v in recent if v["emergency_reasons"] or v["referral_suggested"]]
    others = [v for v in recent if not (v["emergency_reasons"] or v["referral_suggested"])]
    rng.shuffle(urgent)
    urgent.sort(key=lambda v: not v["emergency_reasons"])  # an emergency first, whatever the draw
    rng.shuffle(others)
    chosen, seen = [], set()
    for v in urgent + others:
        if v["resident_id"] not in seen and len(chosen) < wanted:
            chosen.append(v)
            seen.add(v["resident_id"])
    chosen.sort(key=lambda v: v["visit_date"], reverse=True)
    # the newest emergency first: still issued, so the 工作台 lists an open 紧急转诊 whatever the
    # draw (not only when one happens to be among the newest)
    if (first := next((v for v in chosen if v["emergency_reasons"]), None)) is not None:
        chosen.remove(first)
        chosen.insert(0, first)
    rows = []
    for i, v in enumerate(chosen):
        status = _status(rng, i, (today - v["visit_date"]).days)
        issued = v["visit_date"]
        later = min(today, issued + dt.timedelta(days=rng.randint(1, 3)))
        back = min(today, issued + dt.timedelta(days=rng.randint(7, 20)))
        htn = v["program"] == "htn"
        reading = f"血压 {v['sbp']}/{v['dbp']} mmHg" + (
            f"，空腹血糖 {v['glucose']:g} mmol/L" if v.get("glucose") is not None else ""
        )
        if v["emergency_reasons"]:
            reasons = "；".join(v["emergency_reasons"])
        elif v["referral_suggested"]:
            reasons = "连续两次控制不满意"
        else:  # a routine referral: the doctor wants the hospital to review the treatment
            reasons = "需上级医院调整治疗方案"
        department = "内科" if htn else "内分泌科"
        # the visit's own 转诊 box says so, as a referral made from a visit does (referral._mark_visit)
        v["referral_reason"], v["referral_institution"], v["referral_department"] = (
            reasons[:200],
            to_institution,
            department,
        )
        returned = status == "returned"
        rows.append(
            {
                "id": new_id(),
                "resident_id": v["resident_id"],
                "visit_id": v["id"],
                "program": v["program"],
                "emergency": bool(v["emergency_reasons"]),  # 紧急转诊: an emergency criterion fired
                "from_institution": from_institution,
                "to_institution": to_institution,
                "to_department": department,
                "to_doctor": None,
                "impression": "高血压" if htn else "2型糖尿病",
                "present_history": f"{reading}；{reasons}",
                "past_history": None,
                "treatment": "；".join(d["name"] for d in v["drugs"]) or None,
                "issued_on": issued,
                "issued_by": v["doctor"],
                "issuer_phone": None,
                "status": status,
                "status_date": None if status == "issued" else (back if returned else later),
                "not_arrived_reason": rng.choice(["外出务工", "家中农忙", "自行去县医院"])
                if status == "not_arrived"
                else None,
                "return_record_no": f"ZY{issued:%Y}-{rng.randint(1000, 9999)}" if returned else None,
                "return_diagnosis": ("高血压2级 中危" if htn else "2型糖尿病 血糖控制不佳")
                if returned
                else None,
                "return_findings": ("心电图未见明显异常" if htn else "糖化血红蛋白 8.6%")
                if returned
                else None,
                "return_plan": ("调整降压药，两周后社区复查血压" if htn else "加用二甲双胍，每月复查血糖")
                if returned
                else None,
                "return_doctor": "陈医生" if returned else None,
                "voided": False,
            }
        )
    return rows


def add_referrals(session: Session, rows: list[dict], doctor_id: uuid.UUID, doctor_username: str) -> int:
    """Write the planned referrals, entered by the village's doctor on their day."""
    if not rows:
        return 0
    stamp_entered(rows, doctor_id, "issued_on")
    bulk.prepare(session, "referral", rows)
    insert_rows(session, Referral, rows)
    bulk.audit_batch(
        session,
        "referral",
        rows,
        audit_at=lambda r: r["created_at"],
        users={doctor_id: doctor_username},
    )
    return len(rows)


def _status(rng: random.Random, i: int, age_days: int) -> str:
    """Every state at least once (the newest four, one each, the newest still issued); the rest
    by age: a fortnight's referrals still open, older ones mostly closed."""
    if i < 4:
        return ("issued", "arrived", "not_arrived", "returned")[i]
    if age_days <= 14:
        return rng.choice(("issued", "arrived"))
    if age_days <= 30:
        return rng.choices(("arrived", "returned", "not_arrived"), (2, 3, 1))[0]
    return rng.choices(("returned", "not_arrived"), (3, 1))[0]
