"""Fault of load: 30 villages with a few hundred changes each sync with the township's mailbox at
the same moment (one import worker serialises them).  Every change is applied, none twice."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.models import Resident
from app.tools import netbench
from tests.synckit import dump

pytestmark = pytest.mark.slow


def test_thirty_villages_at_once_all_applied_none_duplicated(tmp_path, record_property):
    town, villages = netbench.make_county(tmp_path, 30, 40)
    try:
        run = netbench.concurrent_sync(town, villages)
        assert run.failures == []
        assert run.changes >= 30 * 200  # a few hundred changes each
        record_property("changes_per_s", round(run.per_s))
        print(f"30 villages: {run.changes} changes in {run.seconds:.1f} s, {run.per_s:.0f} changes/s")
        for v in villages:
            assert netbench.bundles_from(town, v) == 1, v.code  # one bundle each, applied once
            assert dump(town.store, v.code) == dump(v.store, v.code), v.code
        with town.store.session() as s:
            at_town = s.scalar(sa.select(sa.func.count()).select_from(Resident))
        expected = 0
        for v in villages:
            with v.store.session() as s:
                expected += s.scalar(sa.select(sa.func.count()).select_from(Resident))
        assert at_town == expected  # nobody twice
    finally:
        for n in (town, *villages):
            n.dispose()
