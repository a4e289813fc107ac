"""Indicators of contracts, poverty and health education on a hand-built village, with the
expected figures written out (boundary dates: a contract ending on 31 December, a visit on the
first of a month and one on the last day of a month)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services.indicators import REGISTRY, Period, Scope
from app.services.indicators import services as ind
from app.services.programmes import contracts, education, followup, poverty
from app.services.programmes.followup import VisitInput, save_visit
from app.services.records.residents import ResidentInput, save_resident
from app.services.sync import capture
from tests import storekit
from tests.conftest import make_store

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

NOW = dt.date(2026, 11, 23)
Y2025 = Period.year(2025)
ALL = Scope()


def at_noon(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, 12).timestamp() * 1000)


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """Today is NOW for the services (the one time source, capture.wall_ms)."""
    monkeypatch.setattr(capture, "wall_ms", lambda: at_noon(NOW))


# name, birth date, household (same letter: same household), relation, programme and enrolment date
PEOPLE = [
    ("王甲", "1950-06-01", "H1", "0", ("htn", "2024-01-01")),  # 65+, hypertension, poor
    ("王乙", "1990-02-02", "H1", "1", None),  # poor
    ("王庚", "1962-03-03", "H1", "7", ("t2dm", "2025-03-15")),  # poor, diabetes
    ("李丙", "1980-04-04", "H2", "0", ("t2dm", "2025-06-15")),
    ("赵丁", "1955-12-31", "H3", "0", ("htn", "2024-05-01")),  # 65+ (70), hypertension
    ("钱戊", "2000-05-05", "H4", "0", None),
    ("孙己", "1970-07-07", "H5", "0", None),  # moved away (迁出): in no figure
]


@pytest.fixture(scope="module")
def village(tmp_path_factory, db_backend):  # built once per module and database
    root = tmp_path_factory.mktemp("services-village")
    store = make_store(root)
    ids: dict[str, object] = {}
    mp = pytest.MonkeyPatch()
    mp.setattr(capture, "wall_ms", lambda: at_noon(NOW))
    try:
        with store.transaction() as s:
            heads = {}
            for name, birth, house, relation, programme in PEOPLE:
                r = save_resident(
                    s,
                    ResidentInput(
                        name=name,
                        sex="1",
                        birth_date=birth,
                        enrolled_on="2020-01-01",
                        relation_to_head=relation,
                        household_id=heads.get(house),
                    ),
                    today=NOW,
                )
                heads.setdefault(house, r.household_id)
                ids[name] = r.id
                if programme:
                    followup.enrol(s, r, programme[0], dt.date.fromisoformat(programme[1]))
            ref = {n: s.get(type(r), i).archive_no for n, i in ids.items()}
            poverty.set_household(
                s, ref["王甲"], status="registered", cause="illness", registered_on="2024-01-01"
            )

            def sign(name, start, years=1):
                made, _ = contracts.add_contract(
                    s, ref[name], doctor="李医生", packages="basic", start=start, years=years
                )
                return made[0]

            sign("王甲", "2025-01-01")  # ends 2025-12-31: holds on the last day of the year
            sign("王乙", "2024-12-31")  # ends 2025-12-30: lapsed on 31 December
            c = sign("李丙", "2025-03-01")
            s.flush()
            contracts.end_contract(s, c.id, "搬去城里", day=dt.date(2025, 10, 1))
            sign("钱戊", "2025-05-01", years=2)
            sign("孙己", "2025-01-01")
            s.get(type(r), ids["孙己"]).status = "2"  # then moved away: counted nowhere

            def visit(name, program, day):
                m = {"sbp": "128", "dbp": "80"} | ({"glucose": "6.0"} if program == "t2dm" else {})
                save_visit(
                    s,
                    s.get(type(r), ids[name]),
                    VisitInput(program=program, visit_date=day, measurements=m),
                    today=NOW,
                )

            for month in range(1, 13):  # 王甲: on the first of every month
                visit("王甲", "htn", f"2025-{month:02d}-01")
            # 王庚: 31 March and 1 April (two visits, two months), 30 June counts for June; no July
            for day in ("2025-03-31", "2025-04-01", "2025-05-20", "2025-06-30"):
                visit("王庚", "t2dm", day)
            for month in range(8, 13):
                visit("王庚", "t2dm", f"2025-{month:02d}-01")
            visit("赵丁", "htn", "2025-12-31")  # not poor: in no poverty figure
    finally:
        mp.undo()
    storekit.freeze(store)
    return root / "data-village", ids


@pytest.fixture
def store(village, tmp_path):
    s = storekit.copy_store(village[0], tmp_path / "data-village")
    yield s
    s.dispose()


@pytest.fixture
def who(village):
    by_id = {v: k for k, v in village[1].items()}
    return lambda ids: sorted(by_id[i] for i in ids)


def figures(store, key, period=Y2025, scope=ALL):
    with store.session() as s:
        entries = list(REGISTRY[key].compute(s, period, scope))
    return entries


def split(entries, who):
    return who(e.resident_id for e in entries if e.counted), who(e.resident_id for e in entries)


def test_contract_rate_counts_the_contract_ending_on_31_december(store, who):
    # over 常住人口 (a figure): only the signed residents on the register are listed
    entries = figures(store, "contract")
    assert split(entries, who) == (["王甲", "钱戊"], ["王甲", "钱戊"])  # 孙己 moved away
    assert REGISTRY["contract"].denominator_figure == "resident_population"
    reasons = {who([e.resident_id])[0]: str(e.reason) for e in entries}
    assert reasons["王甲"] == "已签约，有效至 2025-12-31"
    assert reasons["钱戊"] == "已签约，有效至 2027-04-30"
    unsigned = {who([e.resident_id])[0]: str(e.reason) for e in figures(store, "poor_contract")}
    assert unsigned["王乙"] == "2025-12-31 没有有效的签约"  # ended 2025-12-30
    groups = {who([e.resident_id])[0]: str(e.reason) for e in figures(store, "contract_key_groups")}
    assert groups["李丙"] == "2型糖尿病患者：2025-12-31 没有有效的签约"  # terminated 2025-10-01


def test_a_contract_awaiting_the_residents_signature_is_not_yet_signed(store, who, village):
    """签约率 is signed / population (DOMAIN.md): a renewal is made awaiting the resident's
    signature (待签字), and was counted as signed all the same (55 of 1,175 in a demo township).
    It counts once it is marked signed; until then the lines say why it does not."""
    from sqlalchemy import select

    from app.models import FamilyContract

    with store.transaction() as s:
        wang = s.scalar(select(FamilyContract).where(FamilyContract.resident_id == village[1]["王甲"]))
        wang.signature = "pending"
        contract_id = wang.id
    assert split(figures(store, "contract"), who)[0] == ["钱戊"]
    groups = {
        who([e.resident_id])[0]: (e.counted, str(e.reason)) for e in figures(store, "contract_key_groups")
    }
    assert groups["王甲"] == (
        False,
        "65岁及以上老年人、高血压患者、建档立卡贫困人口：2025-12-31 的签约（续约）还待居民签字，未计为已签约",
    )
    poor = {who([e.resident_id])[0]: (e.counted, str(e.reason)) for e in figures(store, "poor_contract")}
    assert poor["王甲"] == (False, "2025-12-31 的签约（续约）还待居民签字，未计为已签约")
    with store.session() as s:
        assert village[1]["王甲"] not in contracts.signed_resident_ids(s, dt.date(2025, 6, 1))
    with store.transaction() as s:
        contracts.mark_signed(s, contract_id)
    assert split(figures(store, "contract"), who)[0] == ["王甲", "钱戊"]


def test_contract_on_an_earlier_reference_day(store, who):
    # Q3 2025 ends 30 September: 王乙 (to 2025-12-30) and 李丙 (ended 1 October) still hold theirs.
    entries = figures(store, "contract", Period.quarter(2025, 3))
    assert split(entries, who)[0] == ["李丙", "王乙", "王甲", "钱戊"]


def test_contract_key_groups_union_and_per_group(store, who):
    entries = figures(store, "contract_key_groups")
    assert split(entries, who) == (["王甲"], ["李丙", "王乙", "王庚", "王甲", "赵丁"])
    reason = next(str(e.reason) for e in entries if who([e.resident_id]) == ["王甲"])
    assert reason == "65岁及以上老年人、高血压患者、建档立卡贫困人口：已签约，有效至 2025-12-31"
    with store.session() as s:
        rates = ind.key_group_rates(s, Y2025, ALL)
    assert {g: (who(v["numerator"]), who(v["denominator"])) for g, v in rates.items()} == {
        "elderly": (["王甲"], ["王甲", "赵丁"]),
        "htn": (["王甲"], ["王甲", "赵丁"]),
        "t2dm": ([], ["李丙", "王庚"]),
        "smi": ([], []),
        "poor": (["王甲"], ["王乙", "王庚", "王甲"]),
        "children": ([], []),
        "disabled": ([], []),
    }


def test_children_and_the_disabled_are_key_groups(store):
    """DOMAIN.md's key groups include children 0-6 and the disabled: a township reviewer found 318
    of 333 children and 131 of 208 disabled residents outside 重点人群家庭医生签约率.  A child is one
    not yet 7 on the reference day (31 December); the disabled, those with a disability ticked."""
    from app.models import Resident

    with store.transaction() as s:
        made = {
            name: save_resident(
                s,
                ResidentInput(name=name, sex="1", birth_date=born, enrolled_on="2020-01-01", **more),
                today=NOW,
            ).id
            for name, born, more in (
                ("小六", "2019-01-01", {}),  # 6 on 31 December 2025
                ("小七", "2018-12-31", {}),  # 7 that day: no longer a child
                ("周残", "1985-01-01", {"disability": ["5"]}),
                ("吴无", "1985-01-01", {"disability": ["1"]}),  # 无残疾
            )
        }
        ref = {n: s.get(Resident, i).archive_no for n, i in made.items()}
        contracts.add_contract(s, ref["周残"], doctor="李医生", packages="disabled", start="2025-06-01")
    with store.session() as s:
        rates = ind.key_group_rates(s, Y2025, ALL)
    named = {v: k for k, v in made.items()}
    assert [named[r] for r in rates["children"]["denominator"]] == ["小六"]
    assert [named[r] for r in rates["disabled"]["denominator"]] == ["周残"]
    assert [named[r] for r in rates["disabled"]["numerator"]] == ["周残"]
    union = {e.resident_id for e in figures(store, "contract_key_groups")}
    assert {made["小六"], made["周残"]} <= union and made["小七"] not in union and made["吴无"] not in union
    for group in ("children", "disabled"):
        entries = figures(store, f"contract_{group}")
        assert {e.resident_id for e in entries} == set(rates[group]["denominator"]), group


def test_each_key_groups_signing_rate_is_a_figure_of_the_report(store, who):
    """重点人群签约率 per group was worked out and shown nowhere: each group is now an indicator of
    its own (the poor's is 贫困人口家庭医生签约率), with the same members as key_group_rates."""
    with store.session() as s:
        rates = ind.key_group_rates(s, Y2025, ALL)
    for group in ("elderly", "htn", "t2dm", "smi"):
        entries = figures(store, f"contract_{group}")
        assert split(entries, who) == (who(rates[group]["numerator"]), who(rates[group]["denominator"])), (
            group
        )
    reasons = {who([e.resident_id])[0]: str(e.reason) for e in figures(store, "contract_htn")}
    assert reasons == {"王甲": "已签约，有效至 2025-12-31", "赵丁": "2025-12-31 没有有效的签约"}


def test_a_past_years_key_groups_are_those_of_that_year(store, who, village):
    """赵丁 died in May 2026: in 2025 a hypertension patient aged 65+, on the register, so in
    2025's key groups — not dropped because the record is closed today."""
    from app.models import ProgramEnrolment, Resident

    rid = village[1]["赵丁"]
    with store.transaction() as s:
        r = s.get(Resident, rid)
        r.status, r.status_date = "3", dt.date(2026, 5, 1)
        for e in s.query(ProgramEnrolment).filter_by(resident_id=rid):
            e.status, e.status_date = "4", dt.date(2026, 5, 1)
    assert "赵丁" in split(figures(store, "contract_htn"), who)[1]
    assert "赵丁" in split(figures(store, "contract_elderly"), who)[1]
    assert "赵丁" not in split(figures(store, "contract_htn", Period.year(2026)), who)[1]


def test_reasons_listing_groups_or_months_read_in_english(store, who):
    """A reason naming several key groups, or the months missed, is a list: each item in the
    reader's language, joined as that language joins them (no 、 left in English)."""
    from app.cli.printing import print_labels

    english = print_labels("en").translate
    groups = {who([e.resident_id])[0]: e.reason for e in figures(store, "contract_key_groups")}
    assert groups["王甲"].render(english) == (
        "Aged 65 and over, Hypertension, Registered poor: under contract until 2025-12-31"
    )
    months = {who([e.resident_id])[0]: e.reason for e in figures(store, "poor_monthly")}
    assert "、" not in months["王庚"].render(english) and "2025-07" in months["王庚"].render(english)


def test_poor_contract(store, who):
    assert split(figures(store, "poor_contract"), who) == (["王甲"], ["王乙", "王庚", "王甲"])
    assert REGISTRY["poor_contract"].target == 1.0


def test_poor_monthly_follow_up(store, who):
    entries = figures(store, "poor_monthly")
    assert split(entries, who) == (["王甲"], ["王庚", "王甲"])
    reasons = {who([e.resident_id])[0]: str(e.reason) for e in entries}
    assert reasons["王甲"] == "12个月每月都有随访"  # every visit on the first of the month
    assert reasons["王庚"] == "9/10个月有随访，缺2025-07"  # from enrolment in March; 30 June counts for June


@pytest.mark.parametrize(
    ("today", "expected", "reasons"),
    [
        # 王庚 has no July visit yet on 15 July: July is running, not missed
        (
            "2025-07-15",
            (["王庚", "王甲"], ["王庚", "王甲"]),
            {"王甲": "7个月每月都有随访", "王庚": "4个月每月都有随访"},
        ),
        # enrolled on 15 March and not seen yet on the 20th: no month due, in neither figure
        ("2025-03-20", (["王甲"], ["王甲"]), {"王甲": "3个月每月都有随访"}),
        # the last day of July: July has ended, and 王庚 missed it
        (
            "2025-07-31",
            (["王甲"], ["王庚", "王甲"]),
            {"王甲": "7个月每月都有随访", "王庚": "4/5个月有随访，缺2025-07"},
        ),
    ],
)
def test_poor_monthly_does_not_count_the_running_month_as_missed(
    store, who, monkeypatch, today, expected, reasons
):
    from app.services.indicators import services

    monkeypatch.setattr(services, "pc_today", lambda: dt.date.fromisoformat(today))
    entries = figures(store, "poor_monthly")
    assert split(entries, who) == expected
    assert {who([e.resident_id])[0]: str(e.reason) for e in entries} == reasons


def test_poverty_figures_read_the_report_day_not_today(store, who, village):
    """A household registered poor in June 2025 is not poor in a report of the first quarter, and its
    patients are due a visit a month only from June; a patient lost to follow-up in 2026 was under
    management all of 2025 and counts in that year's figure."""
    from sqlalchemy import select

    from app.models import PovertyHousehold, ProgramEnrolment

    with store.transaction() as s:
        s.scalars(select(PovertyHousehold)).one().registered_on = dt.date(2025, 6, 10)
        lost = s.scalars(
            select(ProgramEnrolment).where(ProgramEnrolment.resident_id == village[1]["王甲"])
        ).one()
        lost.status, lost.status_date = "2", dt.date(2026, 7, 13)
    assert split(figures(store, "poor_contract", Period.quarter(2025, 1)), who) == ([], [])
    assert split(figures(store, "poor_contract", Period.quarter(2025, 3)), who) == (
        ["王乙", "王甲"],  # (王乙's contract runs to 30 December)
        ["王乙", "王庚", "王甲"],
    )
    assert split(figures(store, "poor_monthly", Period.quarter(2025, 1)), who) == ([], [])
    entries = figures(store, "poor_monthly")
    assert split(entries, who) == (["王甲"], ["王庚", "王甲"])
    reasons = {who([e.resident_id])[0]: str(e.reason) for e in entries}
    assert reasons == {"王甲": "7个月每月都有随访", "王庚": "6/7个月有随访，缺2025-07"}


def test_poor_monthly_in_a_quarter_without_the_gap(store, who):
    assert split(figures(store, "poor_monthly", Period.quarter(2025, 2)), who) == (
        ["王庚", "王甲"],
        ["王庚", "王甲"],
    )


def test_a_scope_of_another_village_is_empty(store):
    from app.models import org_id

    other = Scope(frozenset({org_id("village", "110105001102")}))
    for key in ("contract", "contract_key_groups", "poor_contract", "poor_monthly"):
        assert figures(store, key, scope=other) == []


EDUCATION = [
    ("2024-12-31", "5"),  # the year before
    ("2025-01-01", "5"),  # first day of the year
    ("2025-03-15", "5"),
    ("2025-02-01", "3"),
    ("2025-04-01", "1"),
    ("2025-12-31", "4"),  # last day of the year
    ("2025-06-01", "6"),
    ("2026-01-01", "5"),  # the year after
]


def test_education_counts_against_the_village_minimums(store):
    with store.transaction() as s:
        for day, form in EDUCATION:
            education.add_activity(
                s,
                education.ActivityInput(
                    held_on=day,
                    place="村委会",
                    form=form,
                    topic=f"主题{day}",
                    audience_count="1" if form == "6" else "10",  # (个体化: one to one)
                ),
            )
    counts = {
        k: len(figures(store, f"education_{k}")) for k in ("lectures", "consultations", "boards", "materials")
    }
    assert counts == {"lectures": 2, "consultations": 1, "boards": 1, "materials": 1}
    with store.session() as s:
        assert ind.education_minimum(s, "lectures", Y2025, ALL) == 6  # 村: 每2个月1次
        assert ind.education_minimum(s, "lectures", Period.quarter(2025, 1), ALL) == 1
        assert ind.education_minimum(s, "consultations", Y2025, ALL) == 0
        assert ind.education_minimum(s, "boards", Y2025, ALL) == 6
        assert ind.education_minimum(s, "materials", Y2025, ALL) == 12
    lecture = figures(store, "education_lectures")[0]
    assert str(lecture.reason) == "2025-01-01 测试村 村委会：主题2025-01-01（健康知识讲座）"
    assert REGISTRY["education_lectures"].denominator_figure == "education_minimum_lectures"


def test_an_evaluation_pauses_the_collector_and_resumes_it(store):
    """The engine pauses the cyclic collector while it counts (a third of its time otherwise) and
    always turns it back on, even when the evaluation fails."""
    import gc

    from app.services.errors import UserError
    from app.services.indicators import engine

    seen = []
    with store.session() as s:
        engine.evaluate(s, Period.year(2025), progress=lambda done, total: seen.append(gc.isenabled()))
        assert seen and not any(seen) and gc.isenabled()
        with pytest.raises(UserError):
            engine.drilldown(s, "records", Period.year(2025), "denominator")
        assert gc.isenabled()
        gc.disable()  # a caller that had it off keeps it off
        try:
            engine.evaluate(s, Period.year(2025), keys=["records"])
            assert not gc.isenabled()
        finally:
            gc.enable()


def test_a_quarter_counts_the_lectures_of_the_periods_ending_in_it(store):
    """A village's lecture of 10 March is March–April's: due in the second quarter, it counts there,
    not toward the first quarter's January–February, which had none."""
    with store.transaction() as s:
        education.add_activity(
            s,
            education.ActivityInput(
                held_on="2025-03-10", place="村委会", form="5", topic="高血压", audience_count="10"
            ),
        )
    with store.session() as s:
        got = [
            len(list(REGISTRY["education_lectures"].compute(s, Period.quarter(2025, q), ALL))) for q in (1, 2)
        ]
    assert got == [0, 1]


def test_education_minimums_due_by_period_count_one_activity_a_period(store):
    """Six lectures and six board changes, all in January: one of each counts toward a village's
    minimum of one every two months (the report says 1 of 6, not 6 of 6, as the 健康教育 page does)."""
    with store.transaction() as s:
        for i in range(6):
            for form in ("5", "3"):
                education.add_activity(
                    s,
                    education.ActivityInput(
                        held_on=f"2025-01-{10 + i:02d}",
                        place="村委会",
                        form=form,
                        topic=f"主题{i}{form}",
                        audience_count="10",
                    ),
                )
    assert len(figures(store, "education_lectures")) == 1
    assert len(figures(store, "education_boards")) == 1
    with store.session() as s:
        assert [ind.education_minimum(s, "lectures", Period.quarter(2025, q), ALL) for q in (1, 2, 3, 4)] == [
            1,
            2,
            1,
            2,
        ]
