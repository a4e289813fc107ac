"""Worklists: overdue (longest first), due today, due this week, not seen this year, progress to 4 visits."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import Resident
from app.services.programmes import followup, worklist
from app.services.programmes import poverty as poverty_households
from app.services.programmes.followup import VisitInput, save_visit
from app.services.records.residents import ResidentInput, save_resident
from tests import storekit
from tests.conftest import TODAY, make_store

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

# name, programme, enrolled, visits as (date, sbp, dbp, method), poverty
PATIENTS = [
    (
        "王老大",
        "htn",
        "2025-01-05",
        [("2026-07-01", "130", "80", "1")],
        False,
    ),  # due 2026-09-29: 55 days overdue
    ("李老二", "htn", "2025-01-05", [("2026-10-20", "150", "95", "1")], False),  # recheck 2026-11-03: 20 days
    ("张老三", "htn", "2025-01-05", [("2026-08-25", "132", "82", "1")], False),  # due 2026-11-23: today
    ("赵老四", "htn", "2025-01-05", [("2026-08-28", "132", "82", "3")], False),  # due 2026-11-26: this week
    ("钱老五", "htn", "2024-01-05", [("2025-12-01", "128", "80", "1")], False),  # not seen in 2026
    (
        "孙老六",
        "t2dm",
        "2025-01-05",
        [(f"2026-0{m}-10", "128", "80", "1") for m in (1, 4, 7)] + [("2026-10-10", "128", "80", "2")],
        False,
    ),
    ("周老七", "htn", "2026-11-01", [], False),  # enrolled, never visited: due since 2026-11-01
]


@pytest.fixture(scope="module")
def caseload(tmp_path_factory, db_backend):  # built once per module and database
    """A village with PATIENTS enrolled and visited, built once for this module: (its data
    folder, their resident ids)."""
    root = tmp_path_factory.mktemp("caseload")
    store = make_store(root)
    ids = {}
    with store.transaction() as s:
        for i, (name, program, enrolled, visits, poverty) in enumerate(PATIENTS):
            r = save_resident(
                s,
                ResidentInput(
                    name=name,
                    sex="1",
                    birth_date=f"195{i}-01-01",
                    enrolled_on="2020-01-01",
                ),
                today=TODAY,
            )
            if poverty:  # the household's registration marks its members
                poverty_households.set_household(s, r.archive_no, status="registered", cause="illness")
            followup.enrol(s, r, program, dt.date.fromisoformat(enrolled))
            ids[name] = r.id
            for day, sbp, dbp, method in visits:
                m = {"sbp": sbp, "dbp": dbp} | ({"glucose": "6.5"} if program == "t2dm" else {})
                save_visit(
                    s,
                    r,
                    VisitInput(program=program, visit_date=day, method=method, measurements=m),
                    today=TODAY,
                )
    storekit.freeze(store)
    return root / "data-village", ids


@pytest.fixture
def store(caseload, tmp_path):
    """In this module the village store already holds PATIENTS: each test's own copy of `caseload`."""
    s = storekit.copy_store(caseload[0], tmp_path / "data-village")
    yield s
    s.dispose()


@pytest.fixture
def patients(caseload):
    """name -> resident id of PATIENTS in `store`."""
    return caseload[1]


def names(store, kind, **kw):
    with store.session() as s:
        return [i.name for i in worklist.worklist(s, kind, today=TODAY, **kw)]


def test_overdue_longest_first(store, patients):
    with store.session() as s:
        items = worklist.worklist(s, "overdue", today=TODAY)
    assert {i.name: i.days_overdue for i in items} == {
        "钱老五": 267,
        "王老大": 55,
        "周老七": 22,
        "李老二": 20,
    }
    assert [i.days_overdue for i in items] == sorted((i.days_overdue for i in items), reverse=True)


def test_due_today_and_this_week(store, patients):
    assert names(store, "due_today") == ["张老三"]
    assert set(names(store, "due_week")) == {"张老三", "赵老四"}


def test_not_seen_this_year(store, patients):
    assert set(names(store, "not_seen_this_year")) == {"钱老五", "周老七"}


def test_progress_counts_face_to_face_visits_only(store, patients):
    with store.session() as s:
        by_name = {i.name: i for i in worklist.worklist(s, "all", today=TODAY)}
    assert by_name["孙老六"].visits_this_year == 4  # clinic ×3 + home
    assert by_name["赵老四"].visits_this_year == 0  # a phone call does not count
    assert (by_name["李老二"].last_sbp, by_name["李老二"].last_classification) == (150, 2)


def test_filters(store, patients):
    assert names(store, "all", program="t2dm") == ["孙老六"]
    assert "孙老六" not in names(store, "all", program="htn")


def test_lost_and_moved_patients_leave_the_lists(store, patients):
    with store.transaction() as s:
        save_visit(
            s,
            s.get(Resident, patients["王老大"]),
            VisitInput(visit_date="2026-11-20", outcome="lost", lost_reason="外出务工"),
            today=TODAY,
        )
        s.get(Resident, patients["钱老五"]).status = "2"  # 迁出
    assert {"王老大", "钱老五"}.isdisjoint(names(store, "all"))


def test_counts_match_the_lists(store, patients):
    with store.session() as s:
        c = worklist.counts(s, today=TODAY)
    assert c == {
        "overdue": 4,
        "due_today": 1,
        "due_week": 2,
        "not_seen_this_year": 2,
        "under_management": 7,
        "on_track": 1,
    }
