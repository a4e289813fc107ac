"""Fault of load: 30 villages with 5,000 changes each sync with the township's mailbox at the same
moment (one import worker serialises them) while the township edits its own store, as its GUI
would.  Every change is applied, none twice, and none of the township's edits fails."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.models import Resident
from app.tools import netbench
from tests import storekit
from tests.synckit import dump

pytestmark = [pytest.mark.slow, pytest.mark.both_databases]


def test_thirty_villages_at_once_all_applied_none_duplicated(tmp_path, record_property):
    each = int(5_000 / netbench.CHANGES_PER_RESIDENT)
    town_url = storekit.server_url(tmp_path / "town")  # PostgreSQL in the second run
    town, villages = netbench.make_county(tmp_path, 30, each, town_url=town_url)
    try:
        sent = [netbench.logged_changes(v) for v in villages]
        assert min(sent) >= 4_000 and sum(sent) >= 30 * 4_500  # about 5,000 changes each
        run = netbench.concurrent_sync(town, villages)
        assert run.failures == []
        assert run.gui_writes > 0 and run.gui_failures == []  # the township's desk went on meanwhile
        record_property("changes_per_s", round(run.per_s))
        record_property("township_edit_max_ms", round(run.gui_max_ms))
        print(
            f"30 villages: {run.changes} changes in {run.seconds:.1f} s, {run.per_s:.0f} changes/s; "
            f"{run.gui_writes} township edits meanwhile, the slowest {run.gui_max_ms:.0f} ms"
        )
        for v, n in zip(villages, sent, strict=True):
            assert netbench.held_of(town, v) >= n, v.code  # every change applied
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
