"""Realistic synthetic data: a rural village (or a township of villages) by household.

Deterministic for a seed.  Names follow common surname frequencies; ages follow a rural
age pyramid with many elderly (young adults work away); IDs are valid 18-digit numbers
whose address code is the profile's county; about 5% of households are poverty-registered.
Rows are bulk-inserted (60k residents in well under a minute), through the same search-key
and archive-number code as the enrolment service.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum.cn import ric

from app import search_index
from app.db import insert_rows
from app.i18n import QT_TRANSLATE_NOOP
from app.models import (
    FollowupVisit,
    Household,
    ProgramEnrolment,
    Resident,
    ResidentChoice,
    ResidentSearchKey,
    Township,
    Village,
    VillageGroup,
    new_id,
)
from app.services import profile as profiles
from app.services import settings
from app.services.access.actor import actor
from app.services.errors import Message, UserError
from app.services.programmes import followup_rules as rules
from app.services.records.pinyin_keys import sort_key
from app.services.records.residents import search_key_rows
from app.services.records.validators import age_on
from app.services.sync import bulk
from app.tools import demo_population, demo_referrals, demo_services, demo_smi_elderly, demo_township

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

# Approximate frequencies (%) of the commonest surnames.
SURNAMES = [
    ("王", 7.1),
    ("李", 7.0),
    ("张", 6.7),
    ("刘", 5.4),
    ("陈", 4.5),
    ("杨", 3.1),
    ("黄", 2.2),
    ("赵", 2.0),
    ("吴", 1.9),
    ("周", 1.9),
    ("徐", 1.5),
    ("孙", 1.5),
    ("马", 1.4),
    ("朱", 1.3),
    ("胡", 1.3),
    ("郭", 1.1),
    ("何", 1.1),
    ("高", 1.0),
    ("林", 1.0),
    ("罗", 0.9),
    ("郑", 0.9),
    ("梁", 0.9),
    ("谢", 0.8),
    ("宋", 0.7),
    ("唐", 0.7),
    ("许", 0.7),
    ("韩", 0.6),
    ("冯", 0.6),
    ("邓", 0.6),
    ("曹", 0.6),
    ("彭", 0.6),
    ("曾", 0.5),
    ("肖", 0.5),
    ("田", 0.5),
    ("董", 0.5),
    ("袁", 0.5),
    ("潘", 0.4),
    ("于", 0.4),
    ("蒋", 0.4),
    ("蔡", 0.4),
    ("余", 0.4),
    ("杜", 0.4),
    ("叶", 0.4),
    ("程", 0.4),
    ("苏", 0.4),
    ("魏", 0.4),
    ("吕", 0.3),
    ("丁", 0.3),
    ("任", 0.3),
    ("沈", 0.3),
    ("姚", 0.3),
    ("卢", 0.3),
    ("姜", 0.3),
    ("崔", 0.3),
    ("钟", 0.3),
    ("谭", 0.3),
    ("陆", 0.3),
    ("汪", 0.3),
    ("范", 0.3),
    ("金", 0.3),
    ("石", 0.3),
    ("廖", 0.3),
    ("贾", 0.3),
    ("单", 0.1),
    ("解", 0.05),
    ("查", 0.05),
    ("欧阳", 0.05),
    ("诸葛", 0.01),
]
MALE_CHARS = "伟强军平建国明华志勇杰涛斌超刚林峰磊亮宏海军东波辉鹏飞文德成福生荣贵发庆春金山"
FEMALE_CHARS = "芳娟秀英华玲丽敏静燕红霞梅兰凤琴桂珍淑云莲荣萍娥翠花艳丹雪慧婷佳欣怡"
OLD_MALE = ["建国", "国强", "建华", "国庆", "德胜", "福生", "长发", "有才", "金山", "志强", "永福", "宝山"]
OLD_FEMALE = ["秀英", "桂英", "秀兰", "玉兰", "桂兰", "淑珍", "凤英", "玉珍", "秀珍", "桂珍", "春花", "翠花"]
VILLAGE_NAMES = [
    "王庄",
    "李家",
    "张营",
    "刘庄",
    "陈家",
    "杨树",
    "黄土",
    "赵庄",
    "前进",
    "红旗",
    "东风",
    "新民",
    "胜利",
    "和平",
    "光明",
    "幸福",
    "向阳",
    "团结",
    "长青",
    "石桥",
    "柳林",
    "杏园",
    "马庄",
    "周家",
    "徐集",
    "孙楼",
    "高庙",
    "郭庄",
    "梁村",
    "谢湾",
]
GROUP_NAMES = [f"{n}组" for n in "一二三四五六七八九十"]
ROADS = ["幸福路", "建设路", "人民路", "中心街", "东大街", "西大街", "南街", "北街", "新村路", "文化路"]

# Rural age pyramid: weight per 5-year band from 0-4 to 95-99 (young adults are away working).
AGE_BANDS = [4, 5, 5, 4, 3, 3, 4, 5, 6, 8, 9, 9, 8, 8, 6, 4, 3, 1.5, 0.5, 0.1]


@dataclass
class DemoResult:
    villages: int
    households: int
    residents: int
    seconds: float


def _err(template: str, **params) -> UserError:
    return UserError(Message("Demo", template, params))


class _People:
    def __init__(self, rng: random.Random, county: str, today: dt.date):
        self.rng, self.county, self.today = rng, county, today
        self.surnames = [s for s, _ in SURNAMES]
        self.surname_w = [w for _, w in SURNAMES]
        self.used_ids: set[str] = set()

    def surname(self) -> str:
        return self.rng.choices(self.surnames, self.surname_w)[0]

    def given(self, sex: str, birth_year: int) -> str:
        r = self.rng
        if birth_year < 1965 and r.random() < 0.6:
            return r.choice(OLD_MALE if sex == "1" else OLD_FEMALE)
        chars = MALE_CHARS if sex == "1" else FEMALE_CHARS
        return r.choice(chars) + (r.choice(chars) if r.random() < 0.75 else "")

    def birth(self, age: int) -> dt.date:
        start = self.today.replace(month=1, day=1) - dt.timedelta(days=365 * age)
        day = start - dt.timedelta(days=self.rng.randrange(0, 365))
        return min(day, self.today - dt.timedelta(days=1))

    def id_number(self, birth: dt.date, sex: str) -> str:
        while True:
            seq = self.rng.randrange(0, 500) * 2 + (1 if sex == "1" else 0)
            body = f"{self.county}{birth:%Y%m%d}{seq:03d}"
            number = body + ric.calc_check_digit(body + "0")
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def phone(self) -> str:
        r = self.rng
        return f"1{r.choice('3578')}{r.randrange(0, 10)}{r.randrange(0, 10**8):08d}"

    def band_age(self) -> int:
        band = self.rng.choices(range(len(AGE_BANDS)), AGE_BANDS)[0]
        return band * 5 + self.rng.randrange(5)


def _household_members(p: _People) -> list[tuple[str, str, int]]:
    """(relation code, sex, age) of one household: a head, maybe a spouse, children, parents, grandchildren."""
    r = p.rng
    head_age = max(22, min(95, p.band_age() if r.random() < 0.7 else r.randrange(30, 85)))
    head_sex = "1" if r.random() < 0.82 else "2"
    members = [("0", head_sex, head_age)]
    if r.random() < (0.55 if head_age > 75 else 0.85):
        members.append(("1", "2" if head_sex == "1" else "1", max(20, head_age + r.randint(-6, 4))))
    if head_age < 70:
        for _ in range(r.choices([0, 1, 2, 3], [2, 4, 3, 1])[0]):
            child_age = head_age - r.randint(22, 34)
            if child_age >= 0 and (child_age < 20 or r.random() < 0.45):  # grown children often live away
                sex = r.choice("12")
                members.append(("2" if sex == "1" else "3", sex, child_age))
    if head_age < 55 and r.random() < 0.3:
        members.append(("5", r.choice("12"), min(99, head_age + r.randint(24, 32))))
    if head_age >= 50 and r.random() < 0.35:
        for _ in range(r.randint(1, 2)):
            members.append(("4", r.choice("12"), r.randint(0, min(16, head_age - 45))))
    return members[:7]


def check_demo_store(session: Session) -> None:
    """``cunyi demo`` adds synthetic residents only to an empty store, or to one it made demo data
    in before: invented residents, back-dated visits and health-education activities in a store of
    real records would count in its reports and travel to the township as real."""
    if settings.get(session, settings.DEMO_STORE) == "1":
        return
    real = session.scalar(select(func.count()).select_from(Resident))
    if real:
        raise _err(
            QT_TRANSLATE_NOOP(
                "Demo",
                "这个数据库里已有 {n} 份档案：演示数据只能生成在新建的数据库里（或以前生成过演示数据的数据库），"
                "以免虚构的居民和随访混进统计、同步到乡镇卫生院。请用新的数据文件夹（--data-dir）试用",
            ),
            n=real,
        )
    settings.put(session, settings.DEMO_STORE, "1")


def generate_demo(
    session: Session,
    residents: int,
    seed: int = 1,
    *,
    villages: int | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: dt.date | None = None,
    referrals: bool = True,
) -> DemoResult:
    """Add ``residents`` synthetic residents to this store (village: its village; township: its
    villages); ``referrals``: with referrals in every state of their life."""
    import time

    started = time.perf_counter()
    if residents < 1 or residents > 2_000_000:
        raise _err(QT_TRANSLATE_NOOP("Demo", "居民人数应在1到2000000之间"))
    prof = profiles.get_profile(session)
    today = today or dt.date.today()
    rng = random.Random(seed)
    people = _People(rng, prof.county_code, today)
    people.used_ids.update(n for (n,) in session.execute(select(Resident.id_number)) if n)

    if prof.role == profiles.VILLAGE:
        village_list = [profiles.get_village(session)]
    else:
        n_villages = villages or max(1, min(30, residents // 1000))  # 3,000 residents: 3 villages
        names = list(VILLAGE_NAMES)
        rng.shuffle(names)
        village_list = [
            profiles.ensure_village(session, f"{prof.code}{i + 1:03d}", f"{names[i % len(names)]}村")
            for i in range(n_villages)
        ]
    institution = prof.institution
    doctors = [people.surname() + people.given("1", 1975) for _ in range(max(2, len(village_list) * 2))]

    groups: dict[uuid.UUID, list[VillageGroup]] = {}
    for v in village_list:
        groups[v.id] = [profiles.ensure_group(session, v, name) for name in GROUP_NAMES[: rng.randint(4, 8)]]

    who = actor(session)
    township = session.scalar(select(Township.name).where(Township.code == prof.code[:9])) or ""
    per_village = _split(residents, len(village_list))
    made_households = made = 0
    for v_index, (village, quota) in enumerate(zip(village_list, per_village, strict=True)):
        # visits are entered by the village's doctor, whoever runs the demo (a township admin too)
        doctor_id, doctor_user, village_doctor = demo_referrals.village_doctor(
            session, village, doctors[v_index * 2 % len(doctors)]
        )
        numbers = iter(profiles.allocate_archive_numbers(session, village.code, quota))
        done_here = 0
        while done_here < quota:
            if cancelled and cancelled():
                raise _err(QT_TRANSLATE_NOOP("Demo", "已取消"))
            batch_res, batch_hh, batch_choice, batch_keys = [], [], [], []
            while done_here < quota and len(batch_res) < 2000:
                members = _household_members(people)[: quota - done_here]
                hh = _household(
                    people, village, groups[village.id], members, institution, village_doctor, today
                )
                batch_hh.append(hh.pop("household"))
                for row in hh["residents"]:
                    row["archive_no"] = next(numbers)
                    batch_res.append(row)
                    batch_keys.extend(search_key_rows(row["id"], row["name"]))
                batch_choice.extend(hh["choices"])
                done_here += len(members)
            # Follow-ups first: a patient's record and diagnosis are moved to before management began.
            enrolments, visits = _followups(people.rng, batch_res, batch_choice, today)
            for row in (*batch_hh, *batch_res):
                row["created_by"] = row["updated_by"] = who.id
            demo_referrals.stamp_entered(enrolments, doctor_id, "enrolled_on")
            demo_referrals.stamp_entered(visits, doctor_id, "visit_date")
            demo_township.shape_batch(
                session, people.rng, village_list, v_index, batch_res, enrolments, visits, batch_keys, today
            )
            _summaries_by_rule(enrolments, visits)
            planned = (
                demo_referrals.plan_referrals(
                    people.rng,
                    visits,
                    from_institution=f"{village.name}卫生室",
                    to_institution=f"{township}卫生院" if township.strip("0123456789") else "乡镇卫生院",
                    today=today,
                )
                if referrals
                else []
            )
            # Written around the ORM for speed, so logged (bulk.prepare) and audited here as the
            # capture hook would; the last fortnight's visits also get an audit entry each, dated
            # their visit day within clinic hours, so the demo's audit page opens on days of activity.
            choices: dict = {}
            for c in batch_choice:
                choices.setdefault(c["resident_id"], []).append(c)
            bulk.prepare(session, "household", batch_hh)
            bulk.prepare(session, "resident", batch_res, children={"choices": choices})
            bulk.prepare(session, "program_enrolment", enrolments)
            bulk.prepare(session, "followup_visit", visits)
            insert_rows(session, Household, batch_hh)
            with search_index.bulk_insert(session.connection()):
                insert_rows(session, Resident, batch_res)
            insert_rows(session, ResidentChoice, batch_choice)
            insert_rows(session, ResidentSearchKey, batch_keys)
            if enrolments:
                insert_rows(session, ProgramEnrolment, enrolments)
                insert_rows(session, FollowupVisit, visits)
            bulk.audit_batch(session, "household", batch_hh)
            bulk.audit_batch(session, "resident", batch_res)
            bulk.audit_batch(session, "program_enrolment", enrolments)
            recent = functools.partial(_recent_visit_entered, since=today - dt.timedelta(days=14))
            bulk.audit_batch(
                session, "followup_visit", visits, audit_at=recent, users={doctor_id: doctor_user}
            )
            demo_referrals.add_referrals(session, planned, doctor_id, doctor_user)
            demo_smi_elderly.add_smi_and_elderly(
                session, people.rng, batch_res, today, doctor_id, one_at_least=done_here == len(batch_res)
            )
            made += len(batch_res)
            made_households += len(batch_hh)
            if progress:
                progress(made, residents)
    demo_population.add_population_figures(session, village_list, today, seed)
    demo_services.generate(session, rng, today)  # contracts, poverty, health education (issue 19)
    return DemoResult(len(village_list), made_households, made, time.perf_counter() - started)


def _summaries_by_rule(enrolments: list[dict], visits: list[dict]) -> None:
    """Each enrolment's visit summary as the app derives it (followup's one rule), from the visits
    as finally shaped: a store that receives these visits computes the same summary."""
    from types import SimpleNamespace

    from app.services.programmes.followup import SUMMARY_COLUMNS, _summary

    counted: dict = {}
    for v in visits:
        if v.get("outcome", "done") == "done" and not v.get("voided"):
            counted.setdefault(v["enrolment_id"], []).append(
                SimpleNamespace(**{c: v.get(c) for c in SUMMARY_COLUMNS})
            )
    for e in enrolments:
        done = sorted(counted.get(e["id"], []), key=lambda v: v.visit_date)
        e.update(_summary(done, e["enrolled_on"]))


def _recent_visit_entered(visit, *, since: dt.date) -> dt.datetime | None:
    """The last fortnight's visits get an audit entry each, when they were entered (clinic hours)."""
    return visit["created_at"] if visit["visit_date"] >= since else None


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _household(p: _People, village: Village, groups: list[VillageGroup], members, institution, doctor, today):
    r = p.rng
    group = r.choice(groups)
    surname = p.surname()
    hh_id = new_id()
    address = f"{village.name}{group.name}{r.randint(1, 120)}号"
    poor = r.random() < 0.05
    # Environment is per household.
    env = {
        "kitchen_exhaust": r.choices("1234", [3, 3, 3, 2])[0],
        "fuel": r.choices("123456", [5, 2, 1, 1, 3, 0.3])[0],
        "water": r.choices("123456", [7, 1, 3, 0.2, 0.1, 0.1])[0],
        "toilet": r.choices("12345", [6, 3, 0.3, 0.5, 1])[0],
        "livestock": r.choices("1234", [5, 2, 0.5, 2])[0],
    }
    household = {
        "id": hh_id,
        "village_id": village.id,
        "group_id": group.id,
        "address": address,
        "created_at": dt.datetime.now(),
        "updated_at": dt.datetime.now(),
        "voided": False,
    }
    rows, choices = [], []
    head_phone = p.phone()
    for relation, sex, age in members:
        birth = p.birth(age)
        own_surname = surname if relation in ("0", "2", "3", "4") else p.surname()
        name = own_surname + p.given(sex, birth.year)
        rid = new_id()
        enrolled = max(birth, today - dt.timedelta(days=r.randrange(30, 365 * 8)))
        signed = (poor or (age >= 60 and r.random() < 0.6) or r.random() < 0.25) and age >= 1
        rows.append(
            {
                "id": rid,
                "name": name,
                "name_pinyin": sort_key(name),
                "sex": sex,
                "birth_date": birth,
                "id_type": "1",
                "id_number": p.id_number(birth, sex),
                "phone": (head_phone if relation == "0" else p.phone())
                if 16 <= age <= 75 and r.random() < 0.85
                else None,
                "contact_name": None,
                "contact_phone": None if age >= 16 else head_phone,
                "current_address": address,
                "registered_address": address,
                "residence_type": "1" if r.random() < 0.95 else "2",
                "ethnicity": "01" if r.random() < 0.93 else r.choice(["03", "06", "08", "11", "15"]),
                "blood_abo": r.choices("12345", [28, 24, 30, 9, 9])[0],
                "blood_rh": r.choices("123", [1, 80, 19])[0],
                "education": _education(r, birth.year, age),
                "occupation": _occupation(r, age),
                "marital": _marital(r, age, relation),
                "workplace": None,
                "has_genetic_disease": False,
                "genetic_disease": None,
                **env,
                "village_id": village.id,
                "group_id": group.id,
                "household_id": hh_id,
                "relation_to_head": relation,
                "poverty_registered": poor,
                # signed with the record made, or after (never before: the quarter's 签约率 left
                # out residents signed before they were enrolled)
                "contract_signed_on": max(today - dt.timedelta(days=r.randrange(0, 360)), enrolled)
                if signed
                else None,
                "contract_doctor": doctor if signed else None,
                "contract_years": 1 if signed else None,
                "status": "1",
                "status_date": None,
                "enrolling_unit": institution,
                "enrolled_by": doctor,
                "responsible_doctor": doctor,
                "enrolled_on": enrolled,
                "created_at": dt.datetime.now(),
                "updated_at": dt.datetime.now(),
                "voided": False,
            }
        )
        choices.append(_choice(rid, "payment", "3" if r.random() < 0.9 else r.choice("1245")))
        choices.append(_choice(rid, "allergy", "1" if r.random() < 0.93 else r.choice("234")))
        choices.append(_choice(rid, "exposure", "1"))
        choices.append(_choice(rid, "disability", "1" if r.random() < 0.95 else r.choice("2345")))
        diseases = []
        if age >= 35 and r.random() < min(0.42, 0.05 + (age - 35) * 0.009):
            diseases.append("2")
        if age >= 35 and r.random() < min(0.15, 0.02 + (age - 35) * 0.003):
            diseases.append("3")
        if age >= 55 and r.random() < 0.04:
            diseases.append("4")
        for code in diseases or ["1"]:
            when = None
            if code != "1":
                years_ago = r.randint(0, max(0, min(20, age - 30)))
                when = f"{today.year - years_ago}-{r.randint(1, 12):02d}"
                when = min(when, today.strftime("%Y-%m"))
            choices.append(_choice(rid, "past_disease", code, when))
        for rel in ("father", "mother", "sibling", "child"):
            choices.append(_choice(rid, f"family_{rel}", "2" if r.random() < 0.15 else "1"))
    return {"household": household, "residents": rows, "choices": choices}


def _choice(resident_id, field, code, event_date=None) -> dict:
    return {
        "resident_id": resident_id,
        "field": field,
        "code": code,
        "note": None,
        "event_date": event_date,
    }


def _education(r: random.Random, birth_year: int, age: int) -> str | None:
    if age < 7:
        return None
    if age < 16:
        return "8" if age < 13 else "7"
    if birth_year < 1955:
        return r.choices(["9", "8", "7"], [4, 4, 1])[0]
    if birth_year < 1975:
        return r.choices(["9", "8", "7", "6"], [1, 4, 5, 1])[0]
    return r.choices(["8", "7", "6", "4", "3", "2"], [1, 5, 3, 2, 2, 1])[0]


def _occupation(r: random.Random, age: int) -> str | None:
    if age < 16:
        return None
    if age >= 70:
        return "8"
    return r.choices("483157", [8, 1, 1, 0.3, 0.5, 0.5])[0]


def _marital(r: random.Random, age: int, relation: str) -> str:
    if age < 20:
        return "1"
    if relation in ("0", "1") and age < 70:
        return "2"
    if age >= 70:
        return r.choices("23", [3, 2])[0]
    return r.choices("1234", [1, 8, 0.5, 0.5])[0]


# ---------------------------------------------------------------- chronic-disease follow-ups

HTN_DRUGS = [
    ("氨氯地平片", 1, 5),
    ("硝苯地平缓释片", 2, 20),
    ("厄贝沙坦片", 1, 150),
    ("缬沙坦胶囊", 1, 80),
    ("氢氯噻嗪片", 1, 12.5),
    ("酒石酸美托洛尔片", 2, 25),
]
T2DM_DRUGS = [("盐酸二甲双胍片", 3, 500), ("格列美脲片", 1, 2), ("阿卡波糖片", 3, 50)]
# How a patient's course goes: mostly controlled; some never controlled, some stop coming, a few lost.
COURSES = (("good", 55), ("uncontrolled", 18), ("overdue", 22), ("lost", 5))


def _followups(rng: random.Random, residents: list[dict], choices: list[dict], today: dt.date):
    """Enrol the residents whose past history has 高血压/糖尿病 and give them 2–3 years of visits,
    classified by the same rules as a real entry."""
    by_id = {r["id"]: r for r in residents}
    enrolments, visits = [], []
    for c in choices:
        if c["field"] != "past_disease" or c["code"] not in ("2", "3"):
            continue
        program = rules.HTN if c["code"] == "2" else rules.T2DM
        r = by_id[c["resident_id"]]
        enrolled = max(
            r["birth_date"] + dt.timedelta(days=365 * 30), today - dt.timedelta(days=rng.randint(760, 1100))
        )
        r["enrolled_on"] = min(r["enrolled_on"], enrolled)  # the health record predates management
        if c["event_date"] and c["event_date"] > enrolled.strftime("%Y-%m"):
            c["event_date"] = enrolled.strftime("%Y-%m")  # diagnosed before being managed
        enrolment_id = new_id()
        course = rng.choices([k for k, _ in COURSES], [w for _, w in COURSES])[0]
        status, status_date = "1", None
        drugs = rng.sample(HTN_DRUGS if program == rules.HTN else T2DM_DRUGS, rng.randint(1, 2))
        drug_rows = [{"name": n, "times_per_day": t, "mg_per_time": mg} for n, t, mg in drugs]
        base_sbp, base_glucose = rng.gauss(154, 12), rng.gauss(9.0, 1.8)
        stop = today - dt.timedelta(days=rng.randint(120, 330)) if course in ("overdue", "lost") else today
        day = enrolled + dt.timedelta(days=rng.randint(0, 20))
        previous = None
        # One draw makes the patient's build: a height, and a usual weight (BMI about 23) the
        # readings stay near (a random walk drifted to the 38 kg floor over three years)
        build = max(-1.8, min(1.8, (rng.gauss(64, 9) - 64) / 9))
        height = round((166.0 if r["sex"] == "1" else 155.0) + 6 * build, 1)
        usual = round(23.0 * (height / 100) ** 2 + 4 * build, 1)
        weight = usual
        while day <= stop:
            months = (day - enrolled).days / 30
            effect = min(1.0, months / 9) * (0.25 if course == "uncontrolled" else 1.0)
            method = rng.choices("123", [6, 3, 1])[0]
            sbp = dbp = glucose = None
            if method != "3":  # a 电话 visit measures nothing
                sbp = int(base_sbp - (base_sbp - 131) * effect + rng.gauss(0, 8))
                dbp = int(sbp * 0.58 + rng.gauss(4, 5))
                sbp, dbp = max(90, min(sbp, 215)), max(50, min(dbp, sbp - 20))
                step = rng.uniform(-2, 2)  # back towards the usual weight, at most 2 kg from the last
                weight = round(
                    max(weight - 2, min(weight + 2, usual + 0.6 * (weight - usual) + 0.6 * step)), 1
                )
                if program == rules.T2DM:  # treated, fasting: above 3.9 (≤ 3.9 is a hypoglycaemia referral)
                    glucose = round(
                        max(4.4, base_glucose - (base_glucose - 6.4) * effect + rng.gauss(0, 0.8)), 1
                    )
            findings = rules.Findings(program, age_on(r["birth_date"], day), sbp, dbp, glucose=glucose)
            s = rules.suggest(findings, day, previous_control=previous, poverty=r["poverty_registered"])
            row = _visit_row(enrolment_id, r, program, day, rng, sbp, dbp, glucose, s, drug_rows)
            row.update(
                method=method,
                weight=weight if sbp else None,
                height=height if sbp else None,
                bmi=round(weight / (height / 100) ** 2, 1) if sbp else None,
            )
            visits.append(row)
            previous = rules.control(findings) or previous  # a call measures nothing: the last reading stands
            day = s.next_due + dt.timedelta(days=rng.randint(-4, 9))
        if course == "lost" and stop < today:
            status, status_date = "2", stop
            lost = _visit_row(enrolment_id, r, program, stop, rng, None, None, None, None, [])
            lost.update(outcome="lost", lost_reason=rng.choice(["外出务工", "迁居他处", "连续3次未访到"]))
            visits.append(lost)
        enrolments.append(
            {
                "id": enrolment_id,
                "resident_id": r["id"],
                "program": program,
                "diagnosed_on": None,
                "enrolled_on": enrolled,
                "enrolling_doctor": r["responsible_doctor"],
                "responsible_doctor": r["responsible_doctor"],
                "status": status,
                "status_date": status_date,
                "status_reason": "外出务工" if status == "2" else None,
                "created_at": dt.datetime.now(),
                "updated_at": dt.datetime.now(),
                "voided": False,  # (its visit summary: _summaries_by_rule, once the batch is shaped)
            }
        )
    return enrolments, visits


def _visit_row(enrolment_id, r, program, day, rng, sbp, dbp, glucose, s, drugs) -> dict:
    now = dt.datetime.now()
    return {
        "id": new_id(),
        "enrolment_id": enrolment_id,
        "resident_id": r["id"],
        "program": program,
        "visit_date": day,
        "method": rng.choices("123", [6, 3, 1])[0],
        "outcome": "done",
        "lost_reason": None,
        "symptoms": ["1"] if rng.random() < 0.7 else [rng.choice("2468")],
        "sbp": sbp,
        "dbp": dbp,
        "heart_rate": rng.randint(62, 92) if program == rules.HTN and sbp else None,
        "glucose": glucose,
        "hypoglycaemia": "1" if glucose is not None else None,  # 无: the demo's glucose stays above 3.9
        "weight": None,  # set by the caller: it drifts from visit to visit
        "adherence": rng.choices("123", [7, 2, 1])[0],
        "adverse_reaction": False,
        "complication": False,
        "drugs": drugs,
        "classification": s.classification if s else None,
        "classification_suggested": s.classification if s else None,
        "emergency_reasons": [str(m) for m in s.emergency_reasons] if s else [],
        "referral_suggested": s.referral if s else False,
        "referral_reason": None,  # filled when a referral is made from it (demo_referrals)
        "referral_institution": None,
        "referral_department": None,
        "next_due": s.next_due if s else None,
        "next_due_suggested": s.next_due if s else None,
        "overridden": False,
        "doctor": r["responsible_doctor"],
        "created_at": now,
        "updated_at": now,
        "voided": False,
    }
