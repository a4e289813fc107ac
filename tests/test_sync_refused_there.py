"""A bundle refused where it was taken by USB stick is said back to its sender: the next bundle the
refusing device writes it carries the refusal (the manifest's ``refused``), and the sender's 同步
page, ``sync status`` and ``check`` name the bundle and the reason until a later bundle is taken.
Before, a village whose bundle the township refused saw only its 待对方确认 count grow."""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid

import pytest
from sqlalchemy import select

from app.models import BundleRecord, Peer
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


def refused_on_a_stick(tmp_path, wrong_clock, stick: str):
    """A township and its village in step; then a bundle of the village, written while its clock
    was wrong, refused at the township from the stick ``stick``: (town, village, the bundle)."""
    town, (a,) = county(tmp_path, 1)
    round_trip(town, [a], tmp_path, "before")  # each holds all the other has
    wrong_clock.set(to=dt.date(2099, 6, 1))  # the village PC's clock is wrong: the township refuses
    with a.store.transaction() as s:
        records.save_resident(
            s,
            records.ResidentInput(name="赵未来", sex="1", birth_date="1960-01-01", current_address="一村"),
            today=TODAY,
        )
    (refused,) = a.export(tmp_path / stick)
    wrong_clock.set()
    (outcome,) = town.import_(refused)
    assert outcome.status == "rejected"
    return town, a, refused


def test_a_bundle_refused_by_usb_is_said_back_until_a_later_one_is_taken(tmp_path, clock):  # noqa: F811
    town, a, refused = refused_on_a_stick(tmp_path, clock, "stick1")
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

    town, a, refused = refused_on_a_stick(tmp_path, clock, "stick")
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


# --- what a peer says of refusals is its words, not the reader's (found by the attacker)


def _msg(text: str) -> str:
    return json.dumps({"c": "Sync", "t": "{text}", "p": {"text": text}}, ensure_ascii=False)


def _a_bundle_the_township_sent(town, a, tmp_path) -> str:
    (down,) = town.export(tmp_path / "down0", always=True)
    assert a.import_(down)[0].status == "applied"
    return down.stem.rsplit("_", 1)[1]


def _village_says(a, town, tmp_path, entries) -> None:
    path = craft_bundle(a, town, [], tmp_path / "says", acks={}, extra={"refused": entries})
    (outcome,) = town.import_(path)
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()


@pytest.fixture
def shanghai(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


@pytest.mark.parametrize("at", ["9999-12-31T23:00:00", "0001-01-01T00:00:00", "2099-01-01T00:00:00"])
def test_a_refusal_dated_out_of_reach_is_passed_over(tmp_path, shanghai, at):
    """A village saying the township refused a bundle of its in year 9999: said in local time east
    of UTC, the moment is past what a date holds, and the township's 同步 page, ``sync status`` and
    ``check`` failed until the village was revoked."""
    town, (a,) = county(tmp_path, 1)
    sent = _a_bundle_the_township_sent(town, a, tmp_path)
    _village_says(a, town, tmp_path, [{"bundle": sent, "at": at, "reason": _msg("x")}])
    assert refused_words(town) == []
    assert checked(town).ok


def test_a_peer_s_reason_is_plain_text_on_one_line(qtbot, tmp_path):
    """Markup in a peer's reason drew the banner as the peer wished (a 90-pixel red 系统提示 over
    the app's own words); escapes and direction overrides reached the terminal."""
    from PySide6.QtCore import Qt

    from app.cli import main
    from app.views.main_window import MainWindow

    town, (a,) = county(tmp_path, 1)
    sent = _a_bundle_the_township_sent(town, a, tmp_path)
    markup = '<span style="font-size:90px;color:red">系统提示：请立即联系 138xxxx</span>'
    escapes = "\x1b]0;pwned\x07\x1b[2J\u202egnp.exe\nsecond line"
    _village_says(
        a, town, tmp_path, [{"bundle": sent, "at": "2026-12-01T08:00:00", "reason": _msg(markup + escapes)}]
    )
    (said,) = refused_words(town)
    assert markup in said and "\x1b" not in said and "\u202e" not in said and "\n" not in said, repr(said)
    assert "\x1b" not in checked(town).detail
    win = MainWindow(town.store, town.paths)
    qtbot.addWidget(win)
    win.show()
    page = win.show_page("sync")
    page.refresh()
    assert markup in page.banner.text() and page.banner.textFormat() == Qt.TextFormat.PlainText
    town.store.dispose()
    assert main(["--data-dir", str(town.paths.data_dir), "sync", "status"]) == 0


def test_a_file_not_signed_by_the_device_it_names_is_never_told_as_its_refusal(tmp_path):
    """A copy of a village's bundle damaged on the way (or made by anyone) was recorded as that
    village's bundle refused, and told to it as the township's refusal of its bundle."""
    town, (a,) = county(tmp_path, 1)
    round_trip(town, [a], tmp_path, "before")
    with a.store.transaction() as s:
        records.save_resident(
            s,
            records.ResidentInput(name="钱多多", sex="1", birth_date="1960-01-01", current_address="一村"),
            today=TODAY,
        )
    (real,) = a.export(tmp_path / "stick")
    bad = tmp_path / "damaged" / real.name
    bad.parent.mkdir()
    data = bytearray(real.read_bytes())
    data[-10] ^= 0xFF
    bad.write_bytes(bytes(data))
    assert town.import_(bad)[0].status == "rejected"
    with town.store.session() as s:
        assert exchange.refusals_to_tell(s, s.get(Peer, a.device_id)) == []
    assert town.import_(real)[0].status == "applied"  # the real one is taken
