"""Network sync on loopback: the township's mailbox in this process, villages syncing with it."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import socket
import threading
import time

import httpx
import pytest
from sqlalchemy import func, select

from app.models import BundleRecord
from app.services.errors import UserError
from app.services.sync import capture, exchange, mailbox, service, transport
from app.services.sync import keys as device_keys
from tests import netkit, synckit

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


@pytest.fixture(scope="module")
def net_template(tmp_path_factory, db_backend):  # built once per module and database
    town, vs = netkit.fresh_county(tmp_path_factory.mktemp("netcounty"))
    synckit.freeze(town, *vs)
    return [town, *vs]


@pytest.fixture
def net(net_template, tmp_path):
    devices = synckit.copy_devices(net_template, tmp_path)
    yield devices
    for d in devices:
        d.store.dispose()


@pytest.mark.slow
def test_a_village_pushes_and_pulls_through_the_mailbox(net):
    town, a, b = net
    server = netkit.serve(town)
    try:
        report = netkit.sync(a, server)
        assert report.ok, report.error
        assert report.uploaded == 1 and report.ops_sent > 0
        assert netkit.village_rows(town, a) == netkit.village_rows(a, a)
        assert netkit.sync(a, server).ok  # the township's answer came: A says it has it
        idle = netkit.sync(a, server)  # then an idle pair exchanges nothing (no audit ping-pong)
        assert idle.ok and (idle.uploaded, idle.downloaded) == (0, 0)
    finally:
        server.stop()


# ------------------------------------------------------------------------------- helpers


def bundles_in(town, sender) -> int:
    with town.store.session() as s:
        return s.scalar(
            select(func.count())
            .select_from(BundleRecord)
            .where(BundleRecord.direction == "in", BundleRecord.peer == sender.device_id)
        )


def signed(device, method: str, target: str, body: bytes = b"", headers: dict | None = None, **kw) -> dict:
    """``headers`` with the device's signature of the request added."""
    headers = dict(headers or {})
    sha = hashlib.sha256(body).hexdigest()
    return headers | transport.sign_headers(
        device.keys, device.device_id, method, target, sha, headers=headers, **kw
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mailbox_files(town, sub: str) -> list:
    return [p for p in (town.paths.sub("mailbox") / sub).rglob("*") if p.is_file()]


def exported(village, tmp_path):
    """The village's next bundle for the township, as the sync service would make it."""
    folder = service.outbox(village.paths)
    result = service.exchange.export_bundles(village.store, village.paths, folder)
    return next(b.path for b in result.bundles if b.path)


# ------------------------------------------------------------------------------- who may call


@pytest.mark.slow
def test_two_villages_and_the_township_converge_over_the_network(net):
    town, a, b = net
    with netkit.serve(town) as server:
        for v in (a, b, a, b):
            assert netkit.sync(v, server).ok
        # the township edits a resident of village A; A pulls it, and B does not receive it
        from app.models import Resident, Village

        with town.store.transaction() as s:
            r = s.scalars(
                select(Resident)
                .join(Village)
                .where(Village.code == netkit.village_code(a))
                .order_by(Resident.id)
            ).first()
            r.phone, edited = "13900001111", r.id
        for v in (a, b):
            assert netkit.sync(v, server).ok
    for v in (a, b):
        assert netkit.village_rows(town, v) == netkit.village_rows(v, v)
    with a.store.session() as s:
        assert s.get(Resident, edited).phone == "13900001111"
    assert bundles_in(town, a) >= 2 and bundles_in(town, b) >= 2


def test_an_unknown_device_gets_401_and_a_revoked_one_403(net, tmp_path):
    town, a, _ = net
    stranger = synckit.make_device(tmp_path, "陌生村", "village", synckit.VILLAGES[2])
    stranger.trust(town)
    with netkit.serve(town) as server:
        r = httpx.get(server.url + "/v1/status", headers=signed(stranger, "GET", "/v1/status"))
        assert r.status_code == 401 and r.json()["error"] == "unknown_device"
        report = netkit.sync(stranger, server)
        assert not report.ok and "不认识本机" in report.error.render()
        assert httpx.get(server.url + "/v1/status").status_code == 401  # unsigned
        with town.store.transaction() as s:
            device_keys.revoke(s, a.device_id.hex)
        r = httpx.get(server.url + "/v1/status", headers=signed(a, "GET", "/v1/status"))
        assert r.status_code == 403 and r.json()["error"] == "revoked"
        assert "撤销" in netkit.sync(a, server).error.render()
    assert bundles_in(town, a) == 0 and bundles_in(town, stranger) == 0


def test_a_signature_for_another_path_or_body_is_refused(net):
    town, a, _ = net
    with netkit.serve(town) as server:
        headers = signed(a, "GET", "/v1/status")
        r = httpx.get(server.url + "/v1/bundles", headers=headers)
        assert r.status_code == 401 and r.json()["error"] == "signature"
        body = b"x" * 100
        headers = signed(
            a, "PUT", "/v1/uploads/" + "ab" * 16, b"y" * 100, {"Upload-Offset": "0", "Upload-Length": "100"}
        )
        r = httpx.put(server.url + "/v1/uploads/" + "ab" * 16, content=body, headers=headers)
        assert r.status_code == 400 and r.json()["error"] == "body"
        assert mailbox_files(town, "incoming") == []


def test_a_replayed_request_is_refused_even_after_a_restart(net):
    town, a, _ = net
    port = free_port()
    with netkit.serve(town, port) as server:
        headers = signed(a, "GET", "/v1/status")
        assert httpx.get(server.url + "/v1/status", headers=headers).status_code == 200
        again = httpx.get(server.url + "/v1/status", headers=headers)
        assert again.status_code == 401 and again.json()["error"] == "replay"
    with netkit.serve(town, port) as server:
        again = httpx.get(server.url + "/v1/status", headers=headers)
        assert again.status_code == 401 and again.json()["error"] == "replay"
        fresh = httpx.get(server.url + "/v1/status", headers=signed(a, "GET", "/v1/status"))
        assert fresh.status_code == 200


@pytest.mark.parametrize(
    ("offset_ms", "words"),
    [
        (3 * 86_400_000, "本机时钟比乡镇卫生院服务器快约 3 天"),
        (-45 * 60_000, "本机时钟比乡镇卫生院服务器慢约 45 分钟"),
    ],
)
def test_a_village_clock_outside_the_window_is_refused_naming_the_clock(net, offset_ms, words):
    town, a, _ = net
    skewed = functools.partial(transport.MailboxClient, clock=lambda: capture.wall_ms() + offset_ms)
    with netkit.serve(town) as server:
        report = netkit.sync(a, server, client_factory=skewed)
        assert not report.ok and isinstance(report.error, transport.ClockRefused)
        assert words in report.error.render() and "日期和时间" in report.error.render()
        assert netkit.sync(a, server).ok  # the clock set right: it goes through
    state = _state(a)
    assert state.last_error is None and state.failures == 0


def _state(device) -> service.NetState:
    with device.store.session() as s:
        return service.net_state(s, device.paths)


# ------------------------------------------------------------------------------- faults


class DroppingTransport(httpx.HTTPTransport):
    """Fault: the connection drops after ``limit`` bytes of a response body have arrived."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def handle_request(self, request):
        response = super().handle_request(request)
        if not request.url.path.startswith("/v1/bundles/") or request.url.path.endswith("/ack"):
            return response
        inner, limit = response.stream, self.limit

        class Dropping(httpx.SyncByteStream):
            def __iter__(self):
                sent = 0
                for block in inner:
                    if sent + len(block) > limit:
                        yield block[: limit - sent]
                        raise httpx.ReadError("connection reset by peer")
                    sent += len(block)
                    yield block

            def close(self):
                inner.close()

        return httpx.Response(response.status_code, headers=response.headers, stream=Dropping())


def _half_fetched(town, village, server) -> transport.Waiting:
    """The township has the village's records and something new for it, whose download the village
    began and lost half-way (the connection dropped): the bundle it was fetching."""
    from app.models import Village

    assert netkit.sync(village, server).ok  # the township now has its records and answers with a bundle
    with town.store.transaction() as s:  # something new for the village to fetch
        s.scalars(select(Village).where(Village.code == netkit.village_code(village))).one().name = "新名村"
    with transport.MailboxClient(server.url, village.keys, village.device_id) as client:
        (item,) = client.waiting()
        client.http = httpx.Client(base_url=server.url, transport=DroppingTransport(item.size // 2))
        with pytest.raises(transport.Unreachable, match="下次从断点继续"):
            client.download(item, service.inbox(village.paths))
    return item


@pytest.mark.slow
def test_a_dropped_download_resumes_from_the_byte_it_had(net):
    town, a, _ = net
    with netkit.serve(town) as server:
        item = _half_fetched(town, a, server)
        part = service.inbox(a.paths) / (item.name + ".part")
        assert part.stat().st_size == item.size // 2
        report = netkit.sync(a, server)
        assert report.ok and report.downloaded == 1
        assert report.bytes_down == item.size - item.size // 2  # only the rest travelled
    assert not part.exists()
    assert netkit.village_rows(town, a) == netkit.village_rows(a, a)


def test_a_download_begun_resumes_after_a_restart_of_the_server_and_a_new_upload(net):
    """The mailbox kept the downloads begun in memory: after a restart, a village that had sent
    something new since found its half-fetched bundle made again and fetched it from the start."""
    from tests.test_sync import edit_resident, first_archive

    town, a, _ = net
    port = netkit.free_port()
    server = netkit.serve(town, port)
    try:
        item = _half_fetched(town, a, server)
        server.stop()
        server = netkit.serve(town, port)  # restarted; meanwhile the doctor edited a record
        edit_resident(a, first_archive(a), phone="13100000077")
        report = netkit.sync(a, server)
        assert report.ok and report.downloaded >= 1
        assert report.bytes_down < item.size  # the rest of the one begun (and nothing made again whole)
    finally:
        server.stop()
    assert netkit.village_rows(town, a) == netkit.village_rows(a, a)


class KillingClient(transport.MailboxClient):
    """Fault: after ``after`` chunks of an upload the server is killed (connections dropped, its
    queue lost); the client's next request finds nobody."""

    kill_after = 2
    server = None

    def upload(self, path, upload_id, *, after_chunk=None):
        chunks = [0]

        def hook(offset):
            chunks[0] += 1
            if chunks[0] == self.kill_after:
                self.server.stop(abruptly=True)

        return super().upload(path, upload_id, after_chunk=hook)


@pytest.mark.slow
def test_server_killed_mid_upload_the_village_retries_and_one_copy_is_applied(net):
    town, a, _ = net
    port = free_port()
    server = netkit.serve(town, port)
    KillingClient.server = server
    report = netkit.sync(a, server, client_factory=functools.partial(KillingClient, chunk=4096))
    assert not report.ok and isinstance(report.error, transport.Unreachable)
    assert bundles_in(town, a) == 0
    made = report.ops_sent
    (waiting,) = service.outbox(a.paths).glob("*.cyb")
    size, bundle_id = waiting.stat().st_size, service.bundle.read_header(waiting).bundle_id
    held = sum(p.stat().st_size for p in mailbox_files(town, "uploads") if p.suffix == ".part")
    assert 2 * 4096 <= held < size  # the township kept what it had received
    with netkit.serve(town, port) as server:
        report = netkit.sync(a, server)
        assert report.ok and report.uploaded == 1
        assert report.ops_sent == made > 0  # its changes, sent now (the resumed bundle read 0 changes)
        assert report.bytes_up <= size - held + 4096  # resumed, not started over
        assert netkit.sync(a, server).ok  # and again: nothing is sent twice
    with town.store.session() as s:
        ids = s.scalars(select(BundleRecord.bundle_id).where(BundleRecord.direction == "in")).all()
    assert ids.count(bundle_id) == 1 and len(ids) == 2  # that bundle once, then A's acknowledgement
    assert netkit.village_rows(town, a) == netkit.village_rows(a, a)


@pytest.mark.slow
def test_server_killed_before_importing_a_complete_upload_imports_it_at_start(net, tmp_path):
    town, a, _ = net
    port = free_port()
    server = netkit.serve(town, port)
    hold = threading.Event()
    server.mailbox.submit(hold.wait)  # the worker is busy: the upload will only be queued
    f = exported(a, tmp_path)
    with transport.MailboxClient(server.url, a.keys, a.device_id) as client:
        state = client.upload(f, service.bundle.read_header(f).bundle_id.hex)
    assert state["status"] == "queued"
    server.stop(abruptly=True)
    hold.set()
    assert bundles_in(town, a) == 0 and len(mailbox_files(town, "incoming")) == 1
    # the village's run had noted the upload as queued (then was cut off, as the server stopped)
    service._awaited(a.paths).mkdir(parents=True, exist_ok=True)
    (service._awaited(a.paths) / f"{service.bundle.read_header(f).bundle_id.hex}.json").write_text("{}")
    f.unlink()  # (sent whole: out of its outbox)
    with netkit.serve(town, port) as server:
        deadline = time.monotonic() + 30  # imported at the server's start
        # (its outcome is written after the import commits: until then the village hears 'queued')
        while server.mailbox.imported == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        report = netkit.sync(a, server)
        assert report.ok and report.uploaded == 0  # what it sent is there: not made and sent again
    assert bundles_in(town, a) == 1 and mailbox_files(town, "incoming") == []
    assert netkit.village_rows(town, a) == netkit.village_rows(a, a)


def test_an_upload_heard_of_holds_back_one_run_only(net, tmp_path, monkeypatch):
    """What an imported upload carries is not sent again while its acknowledgement comes with the
    pull; a pull cut off again and again (a slow link) held back every later bundle, and what the
    doctor entered meanwhile never went."""
    from tests.test_sync import edit_resident, first_archive

    town, a, _ = net
    with netkit.serve(town) as server:
        f = exported(a, tmp_path)
        with transport.MailboxClient(server.url, a.keys, a.device_id) as client:
            assert client.upload(f, service.bundle.read_header(f).bundle_id.hex)["status"] == "queued"
        service._awaited(a.paths).mkdir(parents=True, exist_ok=True)
        (service._awaited(a.paths) / f"{service.bundle.read_header(f).bundle_id.hex}.json").write_text("{}")
        f.unlink()
        deadline = time.monotonic() + 30
        while bundles_in(town, a) == 0 and time.monotonic() < deadline:
            time.sleep(0.05)

        def cut_off(*_a, **_k):
            raise transport.Unreachable(service.Message("NetSync", "下载中断", {}))

        monkeypatch.setattr(service, "_pull", cut_off)
        edit_resident(a, first_archive(a), phone="13100000066")
        held = netkit.sync(a, server)
        assert not held.ok and held.uploaded == 0  # held back once: its acknowledgement is on its way
        sent = netkit.sync(a, server)  # the pull cut off again: the new changes go all the same
        assert not sent.ok and sent.uploaded == 1


@pytest.mark.sqlite_only  # the moved mark is the SQLite file's (migrate-store to PostgreSQL)
def test_a_server_whose_file_was_moved_keeps_what_came_and_refuses_until_restarted_on_the_store(net):
    """migrate-store moved the township's file while ``cunyi serve`` ran on it: a bundle that
    arrives is not quarantined as if at fault but waits in incoming/; every request is then refused
    (503) with words the village shows and retries on; the server restarted on the store imports it."""
    import sqlite3

    from app.db import MOVED

    town, a, _ = net
    port = free_port()
    with netkit.serve(town, port) as server:
        with sqlite3.connect(town.paths.db_file) as c:  # as migrate-store marks the file it moved
            c.execute(f"PRAGMA user_version = {MOVED}")
        report = netkit.sync(a, server)
        assert not report.ok and isinstance(report.error, transport.Unreachable), report.error
        assert "同步服务需要在那边重新启动" in report.error.render()
        (waiting,) = mailbox_files(town, "incoming")
        assert not list(town.paths.sub("quarantine").glob("*"))
        r = httpx.get(f"{server.url}/v1/status", headers=signed(a, "GET", "/v1/status"))
        assert r.status_code == 503 and r.json()["error"] == "store_moved", r.text
    with sqlite3.connect(town.paths.db_file) as c:  # (the store the server is restarted on)
        c.execute("PRAGMA user_version = 0")
    assert bundles_in(town, a) == 0
    with netkit.serve(town, port) as server:
        assert netkit.sync(a, server).ok
    assert mailbox_files(town, "incoming") == [] and not list(town.paths.sub("quarantine").glob("*"))
    with town.store.session() as s:  # the bundle that waited was imported at the restart
        assert s.scalar(
            select(BundleRecord.id).where(
                BundleRecord.file_name == exchange.recorded_name(waiting.name, network=True),
                BundleRecord.direction == "in",
            )
        )
    assert netkit.village_rows(town, a) == netkit.village_rows(a, a)


@pytest.mark.slow
def test_network_gone_for_long_nothing_is_lost_and_sync_resumes_by_itself(net, monkeypatch):
    town, a, _ = net
    monkeypatch.setattr(service, "BACKOFF_FIRST_S", 0.05)
    monkeypatch.setattr(service, "BACKOFF_MAX_S", 0.2)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with a.store.transaction() as s:
        service.set_server(s, url)
    reports, stop = [], threading.Event()
    worker = threading.Thread(
        target=service.run_service,
        args=(a.store, a.paths, stop),
        kwargs={"interval_s": 0.2, "on_report": reports.append},
    )
    worker.start()
    server = None
    try:
        deadline = time.monotonic() + 20
        while len(reports) < 4 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(reports) >= 4 and not any(r.ok for r in reports)  # nobody there: it keeps trying
        assert all(isinstance(r.error, transport.Unreachable) for r in reports)
        assert _state(a).failures >= 4 and "连不上" in _state(a).last_error.render()
        server = netkit.serve(town, port)  # the township is back
        while not any(r.ok for r in reports) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert any(r.ok for r in reports)
    finally:
        stop.set()
        worker.join(timeout=10)
        if server:
            server.stop()
    assert netkit.village_rows(town, a) == netkit.village_rows(a, a)
    assert _state(a).failures == 0 and _state(a).last_error is None and _state(a).last_success_at


def test_an_oversized_upload_is_refused_before_it_fills_the_disk(net, tmp_path):
    town, a, _ = net
    with netkit.serve(town, max_bundle_bytes=2000) as server:
        report = netkit.sync(a, server)
        assert not report.ok and "超过服务器允许的大小" in report.error.render()
        target = "/v1/uploads/" + "cd" * 16
        headers = signed(a, "PUT", target, b"abc", {"Upload-Offset": "0", "Upload-Length": str(10**12)})
        r = httpx.put(server.url + target, content=b"abc", headers=headers)
        assert r.status_code == 413 and r.json()["error"] == "too_large"
        # an empty one is no bundle, not one too large (found by the attacker: said "超过允许的大小")
        headers = signed(a, "PUT", target, b"", {"Upload-Offset": "0", "Upload-Length": "0"})
        r = httpx.put(server.url + target, content=b"", headers=headers)
        assert r.status_code == 400 and "为 0" in r.text
    with netkit.serve(town, reserve_bytes=10**18) as server:  # the disk is (nearly) full
        report = netkit.sync(a, server)
        assert not report.ok and "磁盘空间不足" in report.error.render()
    assert mailbox_files(town, "uploads") == [] and mailbox_files(town, "incoming") == []
    assert bundles_in(town, a) == 0


def test_a_garbage_upload_is_refused_and_nothing_is_applied(net):
    town, a, _ = net
    garbage = os.urandom(50_000)
    target = "/v1/uploads/" + "ef" * 16
    with netkit.serve(town) as server:
        headers = signed(
            a, "PUT", target, garbage, {"Upload-Offset": "0", "Upload-Length": str(len(garbage))}
        )
        r = httpx.put(server.url + target, content=garbage, headers=headers)
        assert r.status_code == 422 and r.json()["error"] == "bundle"
        assert "不是村医同步包" in r.json()["message"]
    assert mailbox_files(town, "uploads") == [] and mailbox_files(town, "incoming") == []
    assert bundles_in(town, a) == 0


# ------------------------------------------------------------------------------- TLS


@pytest.mark.slow
def test_tls_the_village_pins_the_certificate_named_on_the_township_card(net, tmp_path):
    town, a, b = net
    cert, key = netkit.self_signed(tmp_path)
    server = mailbox.Server(
        town.store, town.paths, host="127.0.0.1", port=0, tls_cert=str(cert), tls_key=str(key)
    )
    with server.start():
        assert server.url.startswith("https://")
        with town.store.session() as s:
            card = device_keys.my_card(
                s, town.keys, server=server.url, tls_pin=transport.certificate_pin_of_file(cert)
            )
        path = tmp_path / "town-card.json"
        path.write_text(card.to_json(), encoding="utf-8")
        with a.store.transaction() as s:  # trusting the card again brings the address and the pin
            device_keys.trust(s, device_keys.read_card(path))
        state = _state(a)
        assert state.server_url == server.url and state.tls_pin == transport.certificate_pin_of_file(cert)
        report = service.sync_once(a.store, a.paths)
        assert report.ok, report.error
        with b.store.transaction() as s:  # B was told another certificate: an impostor, for B
            service.set_server(s, server.url, "00" * 32)
        report = service.sync_once(b.store, b.paths)
        assert not report.ok and "假冒" in report.error.render()
    assert bundles_in(town, a) == 1 and bundles_in(town, b) == 0


def test_a_card_whose_server_address_was_changed_is_refused(net, tmp_path):
    town, a, _ = net
    with town.store.session() as s:
        card = device_keys.my_card(s, town.keys, server="http://10.0.0.1:8765")
    data = json.loads(card.to_json())
    data["server"] = "http://10.6.6.6:8765"
    path = tmp_path / "forged.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(UserError, match="服务器地址或证书指纹被改动过"):
        device_keys.read_card(path)


def test_uploads_given_up_long_ago_are_forgotten_at_start(net):
    town, a, _ = net
    folder = town.paths.sub("mailbox") / "uploads" / a.device_id.hex
    folder.mkdir(parents=True)
    old, fresh = folder / ("aa" * 16 + ".part"), folder / ("bb" * 16 + ".part")
    for part in (old, fresh):
        part.write_bytes(b"x" * 100)
        part.with_suffix(".json").write_text('{"length": 1000}')
    eight_days_ago = time.time() - 8 * 86_400
    os.utime(old, (eight_days_ago, eight_days_ago))
    with netkit.serve(town):
        pass
    assert not old.exists() and not old.with_suffix(".json").exists()
    assert fresh.exists()  # a village may still resume this one


def test_a_bundle_that_cannot_go_is_set_aside_and_the_next_run_sends_afresh(net):
    town, a, _ = net
    folder = service.outbox(a.paths)
    folder.mkdir(parents=True)
    damaged = folder / ("ab" * 16 + "_" + "cd" * 16 + "_" + "ef" * 16 + ".cyb")
    damaged.write_bytes(b"not a bundle")
    with netkit.serve(town) as server:
        report = netkit.sync(a, server)
        assert report.ok and report.uploaded == 1  # set aside, and A's changes went in a new bundle
    assert (a.paths.sub("quarantine") / damaged.name).exists() and not damaged.exists()
    assert netkit.village_rows(town, a) == netkit.village_rows(a, a)


def test_a_failure_that_is_not_the_users_is_logged_and_the_service_goes_on(net, monkeypatch, caplog):
    town, a, _ = net

    def broken(*_a, **_k):  # (a full disk is said as such: test_a_full_disk_during_a_network_sync…)
        raise RuntimeError("a bug")

    with netkit.serve(town) as server:
        monkeypatch.setattr(service.exchange, "import_file", broken)
        report = netkit.sync(a, server)
        assert not report.ok and "详见日志" in report.error.render()
        assert "network sync run failed" in caplog.text
        monkeypatch.undo()
        assert netkit.sync(a, server).ok  # the next run picks up where it was
    assert netkit.village_rows(town, a) == netkit.village_rows(a, a)


@pytest.mark.slow
def test_a_listing_behind_a_long_import_says_ask_again_and_the_village_does(net, monkeypatch):
    town, a, _ = net
    monkeypatch.setattr(mailbox, "LISTING_WAIT_S", 0.2)
    with netkit.serve(town) as server:
        hold = threading.Event()
        server.mailbox.submit(hold.wait)  # a big import of another village is running
        r = httpx.get(server.url + "/v1/bundles", headers=signed(a, "GET", "/v1/bundles"))
        assert r.status_code == 202 and r.json() == {"bundles": [], "pending": True, "retry_after": 2}
        threading.Timer(1.0, hold.set).start()
        report = netkit.sync(a, server)  # its upload is imported after that one, then answered
        assert report.ok and report.uploaded == 1 and report.downloaded == 1
    assert netkit.village_rows(town, a) == netkit.village_rows(a, a)


@pytest.mark.parametrize("abruptly", [False, True])
def test_a_transfer_cut_off_by_the_servers_stop_is_one_line_not_a_traceback(net, abruptly):
    """Stopping ``cunyi serve`` while a village on a slow link is still receiving: uvicorn cancels
    the response after its graceful wait (at once when stopped abruptly) and logged it as
    "Exception in ASGI application" with a traceback on the operator's console, and an abrupt stop
    the lifespan's cancelled wait as another.  The village resumes it at its next sync: one line."""
    town, a, _ = net
    server = netkit.serve(town, rate_bytes_per_s=40)  # the status answer alone takes seconds
    answers: list = []

    def ask() -> None:
        try:
            answers.append(
                httpx.get(server.url + "/v1/status", headers=signed(a, "GET", "/v1/status"), timeout=30)
            )
        except httpx.HTTPError as e:
            answers.append(e)

    class Kept(logging.Handler):  # uvicorn's own loggers do not propagate to pytest's
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    records: list[logging.LogRecord] = []
    kept = Kept()
    uvicorn_log = logging.getLogger("uvicorn.error")
    uvicorn_log.addHandler(kept)
    asking = threading.Thread(target=ask)
    try:
        asking.start()
        # stopped once the answer is on its way: a fixed half second was not always enough on a
        # busy machine, and a server stopped before the request arrived logged nothing at all
        deadline = time.monotonic() + 20
        while not server.uvicorn.server_state.tasks and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server.uvicorn.server_state.tasks, "the request never reached the server"
        time.sleep(0.3)  # (into the slow answer)
        server.stop(abruptly=abruptly)
        asking.join(timeout=30)
    finally:
        uvicorn_log.removeHandler(kept)
    assert answers and not isinstance(answers[0], (httpx.Response, httpx.ConnectError))  # it was cut off
    said = [(r.levelname, r.getMessage()) for r in records]
    assert said == [("WARNING", mailbox.CUT_OFF)], said  # no traceback, no "ERROR"


@pytest.mark.sqlite_only  # no store: the service's loop alone
def test_sync_now_pressed_when_a_run_is_due_gives_one_run_not_two(monkeypatch):
    """立即同步 as the service starts, with a run due at once (never run, or its time passed): that
    run answers it.  The run did not wait, so the wake was left set and started a second run at
    once (CI, a busy machine: the 同步 page listed two runs for one click)."""
    due = {"in": 0.0}
    runs: list[int] = []

    def sync_once(store, paths, **_kw):
        runs.append(1)
        due["in"] = 3600.0  # the next run an interval away
        return service.RunReport(ok=True)

    monkeypatch.setattr(service, "configured", lambda store: True)
    monkeypatch.setattr(service, "seconds_until_next", lambda store: due["in"])
    monkeypatch.setattr(service, "sync_once", sync_once)
    stop, wake, reported = threading.Event(), threading.Event(), threading.Event()
    wake.set()  # pressed before the service's loop looks
    loop = threading.Thread(
        target=service.run_service,
        args=(None, None, stop),
        kwargs={"wake": wake, "on_report": lambda r: reported.set()},
    )
    loop.start()
    try:
        assert reported.wait(10)
        time.sleep(0.5)  # (a second run, if any, would have started by now)
    finally:
        stop.set()
        wake.set()
        loop.join(10)
    assert runs == [1]


@pytest.mark.slow  # (waits as long as a client may keep a connection idle)
def test_the_mailbox_keeps_an_idle_connection_open_longer_than_a_client_reuses_one(net):
    """A village reuses an idle connection for up to transport.KEEPALIVE_S; the mailbox closed idle
    connections after the same 5 s (uvicorn's default), so a request sent as it closed one failed
    as "连不上乡镇卫生院服务器" (CI: one of 30 villages syncing at once, busy between requests).
    (A signed request's: no connection is kept open after one that is not.)"""
    town, a, _b = net
    assert mailbox.KEEPALIVE_S > transport.KEEPALIVE_S

    def request() -> bytes:
        headers = signed(a, "GET", "/v1/status")
        lines = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        return f"GET /v1/status HTTP/1.1\r\nHost: {server.host}\r\n{lines}\r\n".encode()

    with (
        netkit.serve(town) as server,
        socket.create_connection((server.host, server.port), timeout=10) as sock,
    ):
        sock.sendall(request())
        first = _one_response(sock)
        time.sleep(transport.KEEPALIVE_S + 1)  # idle as long as a client may leave it, and more
        sock.sendall(request())
        second = _one_response(sock)  # b"": the server had closed it
    assert first.startswith(b"HTTP/1.1 200") and second.startswith(b"HTTP/1.1 200"), second


def _one_response(sock: socket.socket) -> bytes:
    """One whole HTTP response read from ``sock`` (its head and body may come in several pieces),
    or what came before the server closed the connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        piece = sock.recv(65536)
        if not piece:
            return data
        data += piece
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(
        next(
            line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")
        )
    )
    while len(body) < length:
        piece = sock.recv(65536)
        if not piece:
            break
        body += piece
    return head + b"\r\n\r\n" + body


def test_one_run_at_a_time_per_data_folder(net, monkeypatch):
    """The window's sync and a scheduled task's ran at once: one failed on a file the other removed,
    both wrote one download's part file (set aside as damaged), and the village's changes went
    three times.  A second run while one is under way is refused in words, sending nothing; the
    service waits its turn, no failure counted."""
    import filelock

    town, a, _ = net
    server = netkit.serve(town)
    try:
        with a.store.transaction() as s:
            service.set_server(s, server.url)
        held = filelock.FileLock(a.paths.sub("outbox") / ".network-run.lock")
        with held:  # (another process's run: the lock is the folder's, whoever holds it)
            with pytest.raises(service.SyncBusy, match="已有一次同步正在进行"):
                service.sync_once(a.store, a.paths)
            assert bundles_in(town, a) == 0
            reports, stop = [], threading.Event()
            monkeypatch.setattr(service, "seconds_until_next", lambda _store: 0.0)
            worker = threading.Thread(
                target=service.run_service,
                args=(a.store, a.paths, stop),
                kwargs={"interval_s": 0.05, "on_report": reports.append},
            )
            worker.start()
            time.sleep(0.5)
            assert reports == [] and _state(a).failures == 0 and _state(a).last_error is None
        deadline = time.monotonic() + 20  # the lock let go: the service's next turn runs
        while not any(r.ok for r in reports) and time.monotonic() < deadline:
            time.sleep(0.02)
        stop.set()
        worker.join(timeout=10)
        assert any(r.ok for r in reports) and bundles_in(town, a) >= 1
        assert netkit.village_rows(town, a) == netkit.village_rows(a, a)
    finally:
        server.stop()


def test_sync_status_tells_the_network_sync_as_the_page_does(net, capsys):
    """A PC syncing by a scheduled task (sync run --once) has no window to show why its runs fail:
    sync status said nothing of the network (a revoked or unreachable village looked as any)."""
    from app.cli import main

    _town, a, _ = net
    url = f"http://127.0.0.1:{netkit.free_port()}"  # nobody there
    report = netkit.sync(a, url)
    assert not report.ok
    capsys.readouterr()
    assert main(["--data-dir", str(a.paths.data_dir), "sync", "status"]) == 0
    out = capsys.readouterr().out
    assert f"网络同步：服务器 {url}，上次成功 从未" in out and "最近 1 次未成功：连不上" in out, out
    assert main(["--data-dir", str(a.paths.data_dir), "sync", "status", "--json"]) == 0
    network = json.loads(capsys.readouterr().out)["network"]
    assert network["server_url"] == url and network["failures"] == 1 and "连不上" in network["last_error"]
    assert network["revoked"] is False and network["last_success_at"] is None
