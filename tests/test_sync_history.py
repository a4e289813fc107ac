"""The 同步 page's history, as the overview gives it: a refused or unsent bundle is settled once a
later bundle between the same two devices went through the same way (it carried the same changes)."""

from __future__ import annotations

import datetime as dt

from app.services.sync import overview as ov


def row(kind: str, device: str, *, retry: bool = False) -> ov.BundleRow:
    return ov.BundleRow(dt.datetime(2026, 12, 1), kind, device, 0, "AB12CD34", "f.cyb", None, retry)


def test_a_failure_is_settled_by_a_later_bundle_the_same_way_between_the_same_devices():
    rows = [  # newest first, as the history lists them
        row(ov.NET_OUT, "town"),
        row(ov.IN, "village A"),
        row(ov.NET_FAILED, "town"),  # refused by the township, then a bundle went through: settled
        row(ov.NET_FAILED, "county", retry=True),  # nothing went to the county since
        row(ov.REJECTED, "village A"),  # a later bundle of village A was imported: settled
        row(ov.REJECTED, "town"),  # a bundle from the town was refused; nothing came in since
        row(ov.NET_FAILED, "town", retry=True),  # still waiting to go again: not history yet
    ]
    settled = [r.settled for r in ov._settled(rows)]
    assert settled == [False, False, True, False, True, False, False]
    assert [r.failed for r in rows] == [False, False, True, True, True, True, True]


def test_a_failure_after_the_last_success_stays_to_be_acted_on():
    rows = [
        row(ov.NET_FAILED, "town"),
        row(ov.NET_OUT, "town"),
        row(ov.REJECTED, "village A"),
        row(ov.IN, "village A"),
    ]
    assert [r.settled for r in ov._settled(rows)] == [False, False, False, False]


def test_a_pc_replaced_is_not_settled_by_its_replacement():
    """Two PCs of one village read alike ("110105001101 向阳村"): a bundle of the old one refused is
    not settled by the new one's imported, which does not carry the old one's changes."""
    import uuid

    old, new = uuid.uuid4(), uuid.uuid4()
    rows = [
        ov.BundleRow(dt.datetime(2026, 12, 2), ov.IN, "village A", 9, "X", "f", None, peer=new),
        ov.BundleRow(dt.datetime(2026, 12, 1), ov.REJECTED, "village A", 0, "Y", "g", None, peer=old),
    ]
    assert [r.settled for r in ov._settled(rows)] == [False, False]
