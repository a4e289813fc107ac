# ruff: noqa: F811  (the fixtures imported below are used as test arguments)
"""The contract indicators share one read of the residents and the contracts per evaluation
(``cached``), and nothing they read outlives it: a second evaluation in the same session sees a
contract signed in between (on the hand-built village of test_services_indicators)."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from app.models import Resident
from app.services.indicators import CACHE, engine
from app.services.indicators import services as ind
from app.services.programmes import contracts

# the village and its fixtures (pytest finds fixtures by the names imported here)
from tests.test_services_indicators import ALL, Y2025, clock, store, village, who  # noqa: F401

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

KEYS = ["contract", "contract_key_groups", "poor_contract", "poor_monthly"]


def _statements(session):
    seen: list[str] = []
    event.listen(session.get_bind(), "before_cursor_execute", lambda *a: seen.append(a[2]))
    return seen


def test_one_read_of_contracts_and_residents_per_evaluation(store):
    with store.session() as s:
        seen = _statements(s)
        report = engine.evaluate(s, Y2025, keys=KEYS)
        assert CACHE not in s.info
    contract_reads = [q for q in seen if "FROM family_contract" in q]
    resident_reads = [q for q in seen if "FROM resident" in q and "WHERE resident.voided" in q]
    assert len(contract_reads) == 1, contract_reads
    assert len(resident_reads) == 1, resident_reads
    # 签约率 over 常住人口, a figure this village has not been given: 2 signed, no denominator
    assert (report.result("contract").total.numerator, report.result("contract").total.denominator) == (
        2,
        None,
    )


def test_nothing_read_outlives_an_evaluation(store, who):
    with store.session() as s:
        rates = ind.key_group_rates(s, Y2025, ALL)
        assert CACHE not in s.info
        first = engine.evaluate(s, Y2025, keys=["contract_key_groups"]).result("contract_key_groups").total
        ids = {who([i])[0]: i for i in rates["t2dm"]["denominator"]}
    with store.transaction() as s:
        archive_no = s.get(Resident, ids["王庚"]).archive_no
        contracts.add_contract(s, archive_no, doctor="李医生", packages="basic", start="2025-11-01")
    with store.session() as s:
        again = engine.evaluate(s, Y2025, keys=["contract_key_groups"]).result("contract_key_groups").total
        rates = ind.key_group_rates(s, Y2025, ALL)
    assert (first.numerator, first.denominator) == (1, 5)
    assert (again.numerator, again.denominator) == (2, 5)
    assert who(rates["t2dm"]["numerator"]) == ["王庚"]


def test_a_programmes_list_does_not_read_every_resident(store):
    """A hypertension list of the whole store asks the ID-number index which numbers two records
    carry, not every resident (a township's 60k residents were half of the list's time); an
    evaluation, which reads them all anyway, finds those numbers among the rows it read."""
    with store.session() as s:
        seen = _statements(s)
        engine.drilldown(s, "htn_standard", Y2025, "denominator")
        every_resident = [q for q in seen if "FROM resident" in q and "WHERE resident.voided" in q]
        assert every_resident == []
        assert any("GROUP BY resident.id_number" in q for q in seen)
        seen.clear()
        engine.evaluate(s, Y2025, keys=["htn_standard"])
        assert not any("GROUP BY resident.id_number" in q for q in seen)
