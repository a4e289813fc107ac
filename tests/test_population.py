"""Population figures: entered at the township only, checked, and synced to their own village
(not to the other villages), where the village's own report divides by them."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.models import Resident, Village
from app.services.errors import UserError
from app.services.indicators import Period, engine, population
from tests.synckit import VILLAGES, round_trip

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

A, B = VILLAGES[0], VILLAGES[1]


def test_figures_sync_to_their_village_only(world):
    town, a, b, root = world
    with town.store.transaction() as s:
        population.set_figures(s, A, 2026, 300, 60)
        population.set_figures(s, B, 2026, 200, 40)
    round_trip(town, [a, b], root, "pop")
    with a.store.session() as s:
        assert [
            (f.code, f.resident_population, f.elderly_population) for f in population.figures(s, 2026)
        ] == [(A, 300, 60)]
        report = engine.evaluate(s, Period.year(2026), keys=["records", "elderly", "contract"])
        assert report.result("records").total.denominator == 300
        # 家庭医生签约率 over 常住人口 too (DOMAIN.md: signed / population)
        assert report.result("contract").total.denominator == 300
        with pytest.raises(UserError, match="常住人口"):
            engine.drilldown(s, "contract", Period.year(2026), "denominator")
        # 老年人健康管理率 over the 65+ figure, as the 人口数 dialog says: no list of residents behind it
        assert report.result("elderly").total.denominator == 60
        with pytest.raises(UserError, match="65岁及以上常住人口"):
            engine.drilldown(s, "elderly", Period.year(2026), "denominator")
    with town.store.session() as s:
        report = engine.evaluate(s, Period.year(2026), keys=["elderly"])
        assert report.result("elderly").total.denominator == 60 + 40
    with b.store.session() as s:
        assert [(f.code, f.resident_population) for f in population.figures(s, 2026)] == [(B, 200)]
    # a correction at the township reaches the village too
    with town.store.transaction() as s:
        population.set_figures(s, A, 2026, 310, 60)
    round_trip(town, [a, b], root, "pop2")
    with a.store.session() as s:
        assert population.figures(s, 2026)[0].resident_population == 310


def test_a_village_cannot_enter_figures(world):
    _town, a, _b, _root = world
    with a.store.transaction() as s, pytest.raises(UserError, match="乡镇卫生院录入"):
        population.set_figures(s, A, 2026, 30, 6)


@pytest.mark.parametrize(
    ("code", "year", "residents", "elderly", "message"),
    [
        (A, 1999, 10, 1, "年份"),
        (A, 2099, 10, 1, "2099年还没有到"),  # (next year's may be entered: issued ahead)
        (A, 2026, -1, 1, "常住人口应是 0 到"),
        (A, 2026, 10, 11, "不能多于常住人口"),
        (A, 2026, 2_000_000, None, "常住人口应是 0 到"),
        ("110105001", 2026, 10, 1, "村代码应为12位数字"),
        ("999999999999", 2026, 10, 1, "不是有效的县级行政区划代码"),
    ],
)
def test_bad_figures_are_refused_and_change_nothing(world, code, year, residents, elderly, message):
    town, _a, _b, _root = world
    with town.store.transaction() as s, pytest.raises(UserError, match=message):
        population.set_figures(s, code, year, residents, elderly)
    with town.store.session() as s:
        assert all(f.resident_population is None for f in population.figures(s, 2026))


def test_a_figure_below_the_villages_own_records_is_refused(world):
    """500 typed for 5000: 建档率 read 150% and 老年人健康管理率 126%, and went on to the county."""
    town, _a, _b, _root = world
    with town.store.session() as s:
        on_books = s.scalar(
            select(func.count())
            .select_from(Resident)
            .join(Village)
            .where(Village.code == A, Resident.voided.is_(False))
        )
    assert on_books > 2
    for residents, elderly, what in (
        (on_books - 1, None, "常住人口填了"),
        (None, 0, "65岁及以上常住人口填了"),
    ):
        with pytest.raises(UserError, match=what) as refused, town.store.transaction() as s:
            population.set_figures(s, A, 2026, residents, elderly)
        assert "少于该村已建档的" in refused.value.render()
    with town.store.transaction() as s:
        population.set_figures(s, A, 2026, on_books, None)  # as many as the records: fine


def test_the_floor_holds_for_every_quarter_of_the_year(world):
    """Residents who moved away in October: the year-end floor let a figure through that read
    建档率 150% for the third quarter."""
    town, _a, _b, _root = world
    with town.store.transaction() as s:
        rows = s.scalars(
            select(Resident).join(Village).where(Village.code == A, Resident.voided.is_(False))
        ).all()
        total = len(rows)
        for r in rows[:2]:
            r.status, r.status_date = "2", dt.date(2026, 10, 15)  # 迁出
    with pytest.raises(UserError, match="少于该村已建档的"), town.store.transaction() as s:
        population.set_figures(s, A, 2026, total - 2, None)
    with town.store.transaction() as s:
        population.set_figures(s, A, 2026, total, None)
