"""A bundle refused where it was taken by USB stick is said back to its sender: the next bundle the
refusing device writes it carries the refusal (the manifest's ``refused``), and the sender's 同步
page, ``sync status`` and ``check`` name the bundle and the reason until a later bundle is taken.
Before, a village whose bundle the township refused saw only its 待对方确认 count grow."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from app.models import BundleRecord
from app.services import backup
from app.services.records import residents as records
from app.services.sync import capture, exchange
from app.services.sync import overview as ov
from tests.synckit import TODAY, VILLAGES, county, craft_bundle, round_trip
from tests.test_clocks import clock  # noqa: F401  (the fixture)

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

A = VILLAGES[0]


def refused_words(device) -> list[str]:
    return [m.render() for m in device.status()["refused_by_peers"]]


def history_row(device, path) -> ov.BundleRow:
    with device.store.session() as s:
        seen = ov.sync_overview(s, device.paths.sub("keys"))
    (row,) = [h for h in seen.history if h.file_name == path.name]
    return row


def checked(device) -> backup.CheckResult:
    return next(r for r in backup.check(device.store).results if r.name == "同步包导入")


def number(path) -> str:
    return path.stem.rsplit("_", 1)[1][-8:].upper()


def test_a_bundle_refused_by_usb_is_said_back_until_a_later_one_is_taken(tmp_path, clock):  # noqa: F811
    town, (a,) = county(tmp_path, 1)
    round_trip(town, [a], tmp_path, "before")  # each holds all the other has
    clock.set(to=dt.date(2099, 6, 1))  # the village PC's clock is wrong: the township refuses
    with a.store.transaction() as s:
        records.save_resident(
            s,
            records.ResidentInput(name="赵未来", sex="1", birth_date="1960-01-01", current_address="一村"),
            today=TODAY,
        )
    (refused,) = a.export(tmp_path / "stick1")
    clock.set()
    (outcome,) = town.import_(refused)
    assert outcome.status == "rejected"
    assert refused_words(a) == []  # (nothing said yet: the stick has not come back)

    (back,) = town.export(tmp_path / "stick1")  # (the stick goes back)
    (taken,) = a.import_(back)
    assert taken.status == "applied"

    (said,) = refused_words(a)
    assert f"{town.name}" in said and number(refused) in said and "2099-06-01" in said, said
    row = history_row(a, refused)
    assert row.kind == ov.OUT_REFUSED and row.failed and not row.settled
    assert "2099-06-01" in row.reason.render()
    assert not checked(a).ok and number(refused) in checked(a).detail
    with a.store.session() as s:
        assert exchange.status(s)["refused_by_peers"]  # (`sync status`' key)

    # the clock put right, the next bundle is taken; the township's next word clears it
    (fixed,) = a.export(tmp_path / "stick3")
    (outcome,) = town.import_(fixed)
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()
    (back,) = town.export(tmp_path / "stick3", always=True)
    a.import_(back)
    assert refused_words(a) == []
    row = history_row(a, refused)
    assert row.kind == ov.OUT_REFUSED and row.settled  # history now
    assert checked(a).ok, checked(a).detail


def test_a_refusal_the_sender_never_sent_or_malformed_is_passed_over(tmp_path):
    """What a bundle says of refusals is a word on the past: entries naming a bundle this device
    never sent to the sender, or not shaped as one, are passed over, and the bundle is taken."""
    town, (a,) = county(tmp_path, 1)
    (mine,) = a.export(tmp_path / "up", always=True)
    assert town.import_(mine)[0].status == "applied"
    bundle_of = uuid.UUID(mine.stem.rsplit("_", 1)[1])
    at = dt.datetime(2026, 12, 1, 8, 0).isoformat()
    reason = '{"c": "Sync", "t": "{text}", "p": {"text": "越权"}}'
    entries = [
        {"bundle": uuid.uuid4().hex, "at": at, "reason": reason},  # not a bundle of A's
        {"bundle": bundle_of.hex.upper(), "at": at, "reason": reason},  # not how ids travel
        {"bundle": bundle_of.hex, "at": "yesterday", "reason": reason},
        {"bundle": bundle_of.hex, "at": at + "+08:00", "reason": reason},
        {"bundle": bundle_of.hex, "at": at, "reason": "x" * 5000},
        {"bundle": bundle_of.hex, "at": at, "reason": 7},
        "garbage",
    ]
    path = craft_bundle(town, a, [], tmp_path / "down", acks={}, extra={"refused": entries})
    (outcome,) = a.import_(path)
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()
    assert refused_words(a) == []
    with a.store.session() as s:
        assert s.scalar(select(BundleRecord.reason).where(BundleRecord.bundle_id == bundle_of)) is None
    # a well-formed one about A's own bundle is taken (the township's real word)
    good = {"bundle": bundle_of.hex, "at": at, "reason": reason}
    path = craft_bundle(town, a, [], tmp_path / "down2", acks={}, extra={"refused": [good, "garbage"]})
    assert a.import_(path)[0].status == "applied"
    (said,) = refused_words(a)
    assert "越权" in said and bundle_of.hex[-8:].upper() in said, said
    assert capture  # (imported for the clock fixture's module)


@pytest.mark.gui
def test_the_sync_page_names_the_refused_bundle_and_its_reason(qtbot, tmp_path, clock):  # noqa: F811
    from app.views.main_window import MainWindow

    town, (a,) = county(tmp_path, 1)
    round_trip(town, [a], tmp_path, "before")
    clock.set(to=dt.date(2099, 6, 1))
    with a.store.transaction() as s:
        records.save_resident(
            s,
            records.ResidentInput(name="赵未来", sex="1", birth_date="1960-01-01", current_address="一村"),
            today=TODAY,
        )
    (refused,) = a.export(tmp_path / "stick")
    clock.set()
    town.import_(refused)
    for back in town.export(tmp_path / "stick"):
        a.import_(back)
    win = MainWindow(a.store, a.paths)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    page = win.show_page("sync")
    page.refresh()
    assert not page.banner.isHidden() and number(refused) in page.banner.text(), page.banner.text()
    (r,) = [r for r in range(page.history.rowCount()) if page.history.item(r, 4).text() == number(refused)]
    assert page.history.item(r, 1).text() == "导出后被对方拒收（U盘/文件夹）"
    assert (
        "对方拒收了这个同步包" in page.history.item(r, 5).text()
        and "2099-06-01" in page.history.item(r, 5).text()
    )
