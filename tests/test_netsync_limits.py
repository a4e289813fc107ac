"""What a stuck or hostile village can cost the township, and what a clock put right costs the
village: a run refused for the clock makes no bundle and never holds later runs back for days; the
township keeps a few of a sender's refused bundles, not one a run; uploads declared and never sent
stop holding the disk; a revoked device is told so only once its signature checks out; the upload
and range headers are read strictly, as HTTP says."""

from __future__ import annotations

import base64
import datetime as dt
import functools
import os
import time
import uuid

import httpx
import pytest

from app.models import NetSyncState, utcnow
from app.services.errors import Message, UserError
from app.services.sync import bundle, capture, exchange, mailbox, service, transport
from app.services.sync import keys as device_keys
from tests import netkit, test_netsync
from tests.test_netsync import mailbox_files, signed
from tests.test_netsync_boundaries import _put

net_template, net = test_netsync.net_template, test_netsync.net  # its fixtures: one village set per module

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


def test_a_run_refused_for_the_clock_makes_no_bundle_and_the_next_try_is_never_days_off(net):
    town, a, _ = net
    ahead = functools.partial(transport.MailboxClient, clock=lambda: capture.wall_ms() + 3 * 86_400_000)
    with netkit.serve(town) as server:
        report = netkit.sync(a, server, client_factory=ahead)
        assert isinstance(report.error, transport.ClockRefused)
        # told before anything was exported under that clock: nothing left to be refused later
        assert list(service.outbox(a.paths).glob("*" + bundle.SUFFIX)) == []
        # the next try as recorded by a clock three days ahead (the PC's, since put right)
        with a.store.transaction() as s:
            s.get(NetSyncState, 1).next_try_at = utcnow() + dt.timedelta(days=3)
        assert service.seconds_until_next(a.store) <= service.BACKOFF_MAX_S
        with a.store.session() as s:
            shown = service.net_state(s, a.paths).next_try_at
        assert shown <= utcnow() + dt.timedelta(seconds=service.BACKOFF_MAX_S + 5)
        assert netkit.sync(a, server).ok


def test_the_township_keeps_a_few_of_a_senders_refused_bundles_not_one_a_run(net, tmp_path):
    town, a, _ = net
    refused = UserError(Message("Sync", "（测试）拒收"))
    folder = town.paths.sub("quarantine")
    for n in range(exchange.QUARANTINE_KEPT + 4):
        bundle_id = uuid.UUID(int=n + 1)
        f = tmp_path / bundle.file_name(a.device_id, town.device_id, bundle_id)
        f.write_bytes(b"refused %d" % n)
        os.utime(f, (1, 1))  # (an old file: kept by when it was refused, not by its own time)
        data = {"bundle_id": bundle_id.hex, "sender": a.device_id.hex, "recipient": town.device_id.hex}
        exchange._quarantine(
            town.store, town.paths, f, refused, bundle.Header(data, b"", b"", 0), signed=True
        )
    kept = sorted(p.read_bytes() for p in folder.glob(f"{a.device_id.hex}_*{bundle.SUFFIX}"))
    assert kept == [b"refused %d" % n for n in (4, 5, 6)]  # the newest three
    assert len(list(folder.glob("*.reason.txt"))) == exchange.QUARANTINE_KEPT
    with town.store.session() as s:  # each one is still in the history, with its reason
        rejected = [r for r in exchange.history(s) if r.direction == "rejected"]
    assert len(rejected) == exchange.QUARANTINE_KEPT + 4


def test_an_upload_declared_and_never_sent_stops_holding_the_disk(net):
    town, a, b = net
    big = 400 << 20
    with netkit.serve(town) as server:
        # a village's declared uploads promise one bundle's most, however many it declares
        for n in range(3):
            assert _put(server, a, f"{n + 1:032x}", b"", total=big).status_code == 200
        folder = town.paths.sub("mailbox") / "uploads" / a.device_id.hex
        assert [m.stem for m in folder.glob("*.json")] == [f"{3:032x}"]  # its newest, alone
        assert server.mailbox._promised() == big
        # and one with not a byte an hour after it was declared is given up at the next one
        hour_ago = time.time() - mailbox.EMPTY_UPLOAD_S - 60
        os.utime(folder / f"{3:032x}.part", (hour_ago, hour_ago))
        assert _put(server, a, f"{9:032x}", b"x" * 10, total=20).status_code == 200
        assert sorted(m.stem for m in folder.glob("*.json")) == [f"{9:032x}"]
        assert server.mailbox._promised() == 10
        assert netkit.sync(b, server).ok  # and the others sync all along


def test_a_revoked_device_is_told_so_only_once_its_signature_checks_out(net):
    town, a, _ = net
    with town.store.transaction() as s:
        device_keys.revoke(s, a.device_id.hex)
    with netkit.serve(town) as server:
        headers = signed(a, "GET", "/v1/status")
        forged = {**headers, transport.H_SIGNATURE: base64.b64encode(b"x" * 64).decode()}
        r = httpx.get(server.url + "/v1/status", headers=forged)
        assert r.status_code == 401 and r.json()["error"] == "signature"  # not "revoked"
        r = httpx.get(server.url + "/v1/status", headers=headers)
        assert r.status_code == 403 and r.json()["error"] == "revoked"


@pytest.mark.parametrize(
    ("offset", "length"), [("-5", "20"), ("+0", "20"), ("0_0", "20"), ("0", "+2_0"), ("0", "2e1")]
)
def test_upload_numbers_are_plain_digits(net, offset, length):
    town, a, _ = net
    target = f"/v1/uploads/{'ab' * 16}"
    body = b"x" * 20
    with netkit.serve(town) as server:
        headers = signed(a, "PUT", target, body, {"Upload-Offset": offset, "Upload-Length": length})
        r = httpx.put(server.url + target, content=body, headers=headers)
        assert r.status_code == 400 and r.json()["error"] == "headers"
    assert mailbox_files(town, "uploads") == []


def test_ranges_as_http_reads_them(net):
    town, a, _ = net
    name = bundle.file_name(town.device_id, a.device_id, uuid.uuid4())
    folder = town.paths.sub("mailbox") / "out" / a.device_id.hex
    folder.mkdir(parents=True, exist_ok=True)
    content = os.urandom(1000)  # (a bundle waiting for A, as far as the download is concerned)
    (folder / name).write_bytes(content)
    size, target = len(content), f"/v1/bundles/{name}"
    with netkit.serve(town) as server:

        def get(value: str) -> httpx.Response:
            return httpx.get(server.url + target, headers=signed(a, "GET", target, headers={"Range": value}))

        for unread in ("bytes=0-0,5-9", "items=0-1", "bytes=9-3", "bytes=-"):
            r = get(unread)
            assert r.status_code == 200 and r.content == content, unread  # ignored: the whole file
        r = get("bytes=-10")
        assert r.status_code == 206 and r.content == content[-10:]
        assert r.headers["Content-Range"] == f"bytes {size - 10}-{size - 1}/{size}"
        r = get(f"bytes={size - 1}-{size + 100}")
        assert r.status_code == 206 and r.content == content[-1:]
        for past in (f"bytes={size}-", "bytes=-0"):
            r = get(past)
            assert r.status_code == 416 and r.headers["Content-Range"] == f"bytes */{size}", past


def test_files_no_signature_vouches_for_never_crowd_out_a_senders_refused_bundles(net, tmp_path):
    """Files whose header names village A but that A did not sign (anyone can write one onto a
    stick) are kept apart, capped on their own, and never take the place of A's own refused
    bundles, however many arrive and whatever they are named."""
    town, a, _ = net
    refused = UserError(Message("Sync", "（测试）拒收"))
    genuine = tmp_path / bundle.file_name(a.device_id, town.device_id, uuid.UUID(int=1))
    genuine.write_bytes(b"A's own")
    data = {"bundle_id": uuid.UUID(int=1).hex, "sender": a.device_id.hex, "recipient": town.device_id.hex}
    kept = exchange._quarantine(
        town.store, town.paths, genuine, refused, bundle.Header(data, b"", b"", 0), signed=True
    )
    for n in range(exchange.UNVERIFIED_KEPT + 5):
        forged = tmp_path / bundle.file_name(a.device_id, town.device_id, uuid.UUID(int=100 + n))
        forged.write_bytes(b"forged %d" % n)
        exchange._quarantine(
            town.store, town.paths, forged, refused, bundle.Header(data, b"", b"", 0), signed=False
        )
    assert kept.exists() and kept.read_bytes() == b"A's own"
    unverified = town.paths.sub("quarantine") / exchange.UNVERIFIED
    assert len(list(unverified.glob("*" + bundle.SUFFIX))) == exchange.UNVERIFIED_KEPT


@pytest.mark.sqlite_only  # SQLite's write lock
def test_a_refusal_that_cannot_be_recorded_leaves_the_file_where_it_was(net, tmp_path, monkeypatch):
    import sqlite3

    from app import db
    from app.services.errors import StoreUnavailable

    town, a, _ = net
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_MS", 300)
    town.store.engine.dispose()
    stick = tmp_path / "stick"
    stick.mkdir()
    junk = stick / bundle.file_name(a.device_id, town.device_id, uuid.uuid4())
    junk.write_bytes(bundle.MAGIC + b'{"x": 1}\n' + b"garbage")
    other = sqlite3.connect(town.paths.db_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreUnavailable):
            exchange.import_path(town.store, town.paths, stick)
    finally:
        other.rollback()
        other.close()
    assert junk.exists() and not list(town.paths.sub("quarantine").rglob("*" + bundle.SUFFIX))
    (outcome,) = exchange.import_path(town.store, town.paths, stick)  # refused once it can be said
    assert outcome.status == "rejected" and junk.exists()  # (no header read: not even copied aside)
    assert outcome.quarantined is None and not list(town.paths.sub("quarantine").rglob("*" + bundle.SUFFIX))


@pytest.mark.sqlite_only  # no store: the header alone
def test_a_range_in_other_scripts_digits_is_not_read():
    assert mailbox._range("bytes=\u0663-", 10) is None  # (Arabic-Indic 3: ignored, the whole file)
    assert mailbox._range("bytes=3-", 10) == (3, 9)
