"""Bytes on the wire per follow-up visit (netbench.followup_wire): every byte both ways counted
by a relay in front of the mailbox, headers included."""

from __future__ import annotations

import pytest

from app.tools import netbench


@pytest.mark.slow
def test_the_wire_counts_headers_and_the_visits_cost_less_each_in_bulk(tmp_path):
    wire = netbench.followup_wire(tmp_path, ns=(1, 8), residents=120)
    up1, down1, changes1 = wire.by_n[1]
    up8, down8, changes8 = wire.by_n[8]
    assert changes1 >= 1 and changes8 >= 8 * changes1  # the visits were logged (and sent)
    # a sync with nothing new still asks and answers, headers and all
    assert wire.idle_up > 0 and wire.idle_down > 0
    assert up1 > wire.idle_up and up8 > up1  # the visits went up
    for n in (1, 8):  # more than the bodies the client counts: request lines and headers too
        assert wire.by_n[n][0] > wire.bodies[n][0] and wire.by_n[n][1] > wire.bodies[n][1]
    # a bundle's fixed cost (header, signature, manifest) is shared by the visits it carries
    assert wire.per_change(8) < wire.per_change(1)
