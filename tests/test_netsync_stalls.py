"""The mailbox and the village against links that stall and servers that are not what they say:
an upload's connection gone silent (a router that lost its power) is given up and the village
waits for it instead of sending the bundle over and over; a download never runs past the size the
mailbox listed; an address that answers but is no mailbox is said so; a waiting bundle is made again
when the village's changes arrived after it (else they are sent again); uploads a village left
half-sent never keep it out."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import socket
import threading
import time
import uuid

import httpx
import pytest
from sqlalchemy import select

from app.services.errors import UserError
from app.services.sync import keys as device_keys
from app.services.sync import mailbox, service, transport
from app.services.sync.bundle import NAME
from tests import netkit, test_netsync
from tests.test_netsync import exported, mailbox_files, signed

net_template, net = test_netsync.net_template, test_netsync.net  # its fixtures: one village set per module

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


def _stall(server, device, upload_id: str, body: bytes) -> socket.socket:
    """A signed PUT of ``body`` whose connection sends half of it and then nothing (left open)."""
    target = f"/v1/uploads/{upload_id}"
    given = {"Upload-Offset": "0", "Upload-Length": str(len(body))}
    headers = signed(device, "PUT", target, body, given)
    host, port = server.url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)))
    lines = [f"PUT {target} HTTP/1.1", f"Host: {host}:{port}", f"Content-Length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body[: len(body) // 2])
    return sock


def _state(server, device, upload_id: str) -> dict:
    target = f"/v1/uploads/{upload_id}"
    return httpx.get(server.url + target, headers=signed(device, "GET", target)).json()


def _client(village, server) -> transport.MailboxClient:
    return transport.MailboxClient(server.url, village.keys, village.device_id)


def test_a_silent_upload_connection_is_given_up_and_its_bytes_not_kept(net, monkeypatch):
    town, a, _ = net
    monkeypatch.setattr(mailbox, "UPLOAD_IDLE_S", 1.0)
    path = exported(a, None)
    upload_id = NAME.match(path.name).group(3)
    body = path.read_bytes()
    with netkit.serve(town) as server:
        stalled = _stall(server, a, upload_id, body)
        try:
            time.sleep(0.3)
            busy = _state(server, a, upload_id)
            # the bytes under way are not told as received: they are not checked yet
            assert busy["offset"] == 0 and busy["retry_after"] > 0
            deadline = time.monotonic() + 10
            while _state(server, a, upload_id).get("retry_after") and time.monotonic() < deadline:
                time.sleep(0.2)
            assert _state(server, a, upload_id) == {"upload_id": upload_id, "status": "partial", "offset": 0}
            with _client(a, server) as client:
                assert client.upload(path, upload_id)["status"] in ("queued", "applied")
        finally:
            stalled.close()


def test_an_upload_trickling_a_byte_at_a_time_is_given_up_too(net, monkeypatch):
    """Never silent for the idle limit, one byte now and then: it held the upload's lock for as long
    as it went on.  A chunk slower than the slowest link is given up."""
    town, a, _ = net
    monkeypatch.setattr(mailbox, "UPLOAD_IDLE_S", 1.0)
    monkeypatch.setattr(mailbox, "MIN_UPLOAD_RATE", 10**9)  # (a chunk's whole time: the idle limit)
    path = exported(a, None)
    upload_id = NAME.match(path.name).group(3)
    body = path.read_bytes()
    with netkit.serve(town) as server:
        sock = _stall(server, a, upload_id, body)
        stop = threading.Event()

        def trickle():
            at = len(body) // 2
            while not stop.is_set() and at < len(body) - 1:
                with contextlib.suppress(OSError):
                    sock.sendall(body[at : at + 1])
                at += 1
                stop.wait(0.3)

        sender = threading.Thread(target=trickle)
        sender.start()
        try:
            deadline = time.monotonic() + 10
            time.sleep(0.3)
            while _state(server, a, upload_id).get("retry_after") and time.monotonic() < deadline:
                time.sleep(0.2)
            assert time.monotonic() < deadline  # given up while it still trickled
            assert _state(server, a, upload_id)["offset"] == 0
        finally:
            stop.set()
            sender.join()
            sock.close()


def test_the_village_waits_for_a_stalled_upload_instead_of_sending_it_again_and_again(net, monkeypatch):
    """Before, every 409 was answered at once with the chunk again: a 30 KB bundle became 5.6 MB on a
    village's 4G link in 20 s, until the silent connection closed (it never did)."""
    town, a, _ = net
    monkeypatch.setattr(mailbox, "UPLOAD_IDLE_S", 2.0)
    monkeypatch.setattr(mailbox, "BUSY_RETRY_S", 0.2)
    path = exported(a, None)
    upload_id = NAME.match(path.name).group(3)
    size = path.stat().st_size
    with netkit.serve(town) as server:
        stalled = _stall(server, a, upload_id, path.read_bytes())
        closer = threading.Timer(8.0, stalled.close)  # (what ends it without the fix)
        closer.start()
        try:
            time.sleep(0.3)
            with _client(a, server) as client:
                state = client.upload(path, upload_id)
                sent = client.bytes_up
        finally:
            closer.cancel()
            stalled.close()
    assert state["status"] in ("queued", "applied")
    assert sent < 2 * size, (sent, size)


def test_an_upload_that_never_moves_on_stops_the_run(net, monkeypatch):
    """A mailbox (or something in the middle) that answers every chunk with the same offset: the
    run stops after a few tries, said in words, instead of sending the chunk without end."""
    _town, a, _ = net
    path = exported(a, None)
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.method)
        return httpx.Response(
            409 if request.method == "PUT" else 200, json={"status": "partial", "offset": 0}
        )

    client = transport.MailboxClient("http://127.0.0.1:9", a.keys, a.device_id)
    client.http = httpx.Client(transport=httpx.MockTransport(handler), base_url=client.base_url)
    with pytest.raises(transport.Unreachable) as stopped:
        client.upload(path, NAME.match(path.name).group(3))
    assert calls.count("PUT") == transport.STALLED_TRIES
    assert "上传连接还没有断开" in stopped.value.render()


def test_a_download_stops_at_the_size_listed(net, tmp_path):
    """A server (an impostor, or something in the middle of a plain-http link) that lists 10 bytes
    and streams without end filled the village's disk before the checksum could refuse it."""
    _town, a, _ = net
    sent = []

    def endless():
        for _ in range(10_000):
            sent.append(1)
            yield b"x" * 65536

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless())

    client = transport.MailboxClient("http://127.0.0.1:9", a.keys, a.device_id)
    client.http = httpx.Client(transport=httpx.MockTransport(handler), base_url=client.base_url)
    name = f"{'ab' * 16}_{a.device_id.hex}_{'cd' * 16}.cyb"
    item = transport.Waiting(name, 10, hashlib.sha256(b"x" * 10).hexdigest())
    with pytest.raises(UserError) as refused:
        client.download(item, tmp_path / "inbox")
    assert "与它列出的大小不符" in refused.value.render()
    assert len(sent) <= 2  # stopped at the first block past the size
    assert [p.stat().st_size for p in (tmp_path / "inbox").iterdir()] in ([], [0])


def test_a_listed_bundle_past_the_limit_is_never_fetched(net, tmp_path):
    """Found by the attacker: a server that listed a bundle of 10^15 bytes was downloaded from until
    the village's disk was full (and no record could be saved).  The listing is refused, in words,
    before a byte is fetched."""
    _town, a, _ = net
    fetched = []
    name = f"{'ab' * 16}_{a.device_id.hex}_{'cd' * 16}.cyb"

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/bundles":
            return httpx.Response(200, json={"bundles": [{"name": name, "size": 10**15, "sha256": "0" * 64}]})
        fetched.append(request.url.path)
        return httpx.Response(200, content=b"x" * 65536)

    client = transport.MailboxClient("http://127.0.0.1:9", a.keys, a.device_id)
    client.http = httpx.Client(transport=httpx.MockTransport(handler), base_url=client.base_url)
    with pytest.raises(UserError) as refused:
        client.waiting()
    said = refused.value.render()
    assert "超过同步包的上限 512 MB，没有下载" in said and "127.0.0.1:9" in said, said
    assert fetched == []


def test_a_download_the_disk_has_no_room_for_is_not_begun(net, tmp_path, monkeypatch):
    """A bundle within the limit that would leave the disk without room for the import and the
    day's records is not begun: the doctor is told how much room it needs."""
    import collections

    _town, a, _ = net
    fetched = []

    def handler(request: httpx.Request) -> httpx.Response:
        fetched.append(request.url.path)
        return httpx.Response(200, content=b"x" * 10)

    client = transport.MailboxClient("http://127.0.0.1:9", a.keys, a.device_id)
    client.http = httpx.Client(transport=httpx.MockTransport(handler), base_url=client.base_url)
    usage = collections.namedtuple("usage", "total used free")
    monkeypatch.setattr(transport.shutil, "disk_usage", lambda _p: usage(1 << 30, 0, 150 << 20))
    name = f"{'ab' * 16}_{a.device_id.hex}_{'cd' * 16}.cyb"
    item = transport.Waiting(name, 60 << 20, "0" * 64)
    with pytest.raises(UserError) as refused:
        client.download(item, tmp_path / "inbox")
    said = refused.value.render()
    assert "本机磁盘空间不足：下载同步包需要 60 MB，磁盘只剩 150 MB" in said, said
    assert fetched == [] and not any((tmp_path / "inbox").iterdir())
    small = transport.Waiting(name, 10, hashlib.sha256(b"x" * 10).hexdigest())
    assert client.download(small, tmp_path / "inbox").read_bytes() == b"x" * 10  # room for this one


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(200, text="<html>Directory listing</html>"),
        httpx.Response(200, json={"status": "up"}),
        httpx.Response(404, text="not found"),
    ],
)
def test_an_address_that_is_no_mailbox_is_said_so(net, answer):
    """A web server at the address typed (another program's): "同步时出错（详见日志），稍后会自动
    重试" and a JSONDecodeError in the log, though trying again never helps."""
    _town, a, _ = net
    client = transport.MailboxClient("http://127.0.0.1:9", a.keys, a.device_id)
    client.http = httpx.Client(transport=httpx.MockTransport(lambda _r: answer), base_url=client.base_url)
    with pytest.raises(UserError) as refused:
        client.health()
    assert not isinstance(refused.value, transport.Unreachable)
    assert "不是乡镇卫生院的同步服务器" in refused.value.render() and "127.0.0.1:9" in refused.value.render()


def test_a_waiting_bundle_is_made_again_when_the_villages_changes_arrived_after_it(net):
    """The township's bundle made at a listing the village did not follow with a download (a run
    cut off) acknowledged nothing of what the village sent next: the village sent it all again."""
    from app.services.records import residents as records
    from app.tools import demo
    from tests.synckit import TODAY

    town, a, _ = net
    with netkit.serve(town) as server:
        assert netkit.sync(a, server).ok
        assert netkit.sync(a, server).ok  # all acknowledged
        with town.store.transaction() as s:  # the township corrects one of the village's records
            r = s.scalars(select(records.Resident).limit(1)).first()
            records.correct_resident(s, r.archive_no, {"phone": "13611112222"})
        target = "/v1/bundles"
        listed = httpx.get(server.url + target, headers=signed(a, "GET", target)).json()
        assert len(listed["bundles"]) == 1  # made, never fetched
        with a.store.transaction() as s:
            demo.generate_demo(s, 5, seed=99, today=TODAY)
        first = netkit.sync(a, server)
        assert first.ok and first.uploaded == 1 and first.downloaded == 1
        again = netkit.sync(a, server)  # what it sent is acknowledged: only its audit of the import
        assert again.ok and first.ops_sent > 50 and again.ops_sent <= 3, (first.ops_sent, again.ops_sent)


def test_uploads_a_village_left_half_sent_never_keep_it_out(net):
    """Eight uploads begun and left (a byte each) refused every new one with 429 for a week."""
    town, a, _ = net
    with netkit.serve(town) as server:
        for n in range(mailbox.MAX_PARTIAL_UPLOADS + 3):
            target = f"/v1/uploads/{n:032x}"
            given = {"Upload-Offset": "0", "Upload-Length": "1000"}
            r = httpx.put(server.url + target, content=b"x", headers=signed(a, "PUT", target, b"x", given))
            assert r.status_code == 200 and r.json()["offset"] == 1, r.text
            time.sleep(0.01)  # (in the order begun)
        kept = sorted(p.stem for p in mailbox_files(town, "uploads") if p.suffix == ".json")
        assert kept == [f"{n:032x}" for n in range(3, mailbox.MAX_PARTIAL_UPLOADS + 3)]  # the newest
        assert netkit.sync(a, server).ok


@pytest.mark.sqlite_only  # a village's own store
def test_a_run_refused_before_it_begins_is_said_on_the_page(tmp_path):
    """立即同步 on a township that trusts no county card yet: the button greyed for a second and
    nothing was said (the command line says why); the refusal is now the run's recorded error."""
    import threading

    from app.services.sync import service
    from tests.synckit import VILLAGES, make_device

    village = make_device(tmp_path, "村1", "village", VILLAGES[0])
    with village.store.transaction() as s:
        service.set_server(s, "http://127.0.0.1:9")
    stop = threading.Event()
    service.run_service(village.store, village.paths, stop, on_report=lambda _r: stop.set())
    with village.store.session() as s:
        state = service.net_state(s, village.paths)
    assert "还没有信任上级" in state.last_error.render() and state.failures == 1
    assert [r.ok for r in state.history] == [False]
    village.store.dispose()


def test_what_the_upper_level_has_not_acknowledged_counts_its_changes_only(net):
    """A township without a county: "县级未确认：3 条变更" counted what its villages had not
    acknowledged (told on their own rows)."""
    from app.services.records import residents as records
    from app.services.sync import service

    town, a, _ = net
    with netkit.serve(town) as server:
        assert netkit.sync(a, server).ok
    with town.store.transaction() as s:  # a change of the township's own, for village A
        r = s.scalars(select(records.Resident).limit(1)).first()
        records.correct_resident(s, r.archive_no, {"phone": "13611112222"})
    with town.store.session() as s:
        assert service.net_state(s, town.paths).unacknowledged == 0


def test_a_download_begun_of_a_bundle_made_again_since_leaves_no_part_behind(net):
    """The township made its waiting bundle again (the village's changes arrived after it) once a
    restart had forgotten that its download began: the old name's part stayed in the inbox for good."""
    from app.services.sync import service

    town, a, _ = net
    folder = service.inbox(a.paths)
    folder.mkdir(parents=True, exist_ok=True)
    stale = folder / f"{'ab' * 16}_{a.device_id.hex}_{'cd' * 16}.cyb.part"
    stale.write_bytes(b"x" * 500)
    with netkit.serve(town) as server:
        assert netkit.sync(a, server).ok
    assert not stale.exists()


def _mocked(village, handler, answer_key: str | None = None) -> transport.MailboxClient:
    client = transport.MailboxClient(
        "http://127.0.0.1:9", village.keys, village.device_id, answer_key=answer_key
    )
    client.http = httpx.Client(transport=httpx.MockTransport(handler), base_url=client.base_url)
    return client


def _run_against(village, answering):
    """One network run of ``village`` against a server that answers the health probe as a mailbox
    does, and every other request with ``answering(request)``."""
    from app.services.sync import service

    def handler(request):
        if request.url.path == "/v1/health":
            return httpx.Response(200, json={"ok": True, "time_ms": int(time.time() * 1000)})
        return answering(request)

    with village.store.transaction() as s:
        service.set_server(s, "http://127.0.0.1:9")
    return service.sync_once(
        village.store, village.paths, client_factory=lambda *a, **k: _mocked(village, handler)
    )


def _trickle(total: int, every_s: float):
    for _ in range(total):
        time.sleep(every_s)
        yield b" "


def test_an_answer_trickling_in_is_given_up_at_its_deadline(net, monkeypatch):
    """A server that answered the health probe and then sent a byte every few seconds (never silent
    for the read timeout) held a run for ever, and the next scheduled run ran beside it."""
    _town, a, _ = net
    monkeypatch.setattr(transport, "ANSWER_DEADLINE_S", 0.3)
    for call in (lambda c: c.status(), lambda c: c.health(), lambda c: c.waiting()):
        client = _mocked(a, lambda _r: httpx.Response(200, content=_trickle(1000, 0.05)))
        began = time.monotonic()
        with pytest.raises(transport.Unreachable, match="响应超时"):
            call(client)
        assert time.monotonic() - began < 5  # (stopped at the deadline, not after the 50 s it trickles)


def test_a_download_slower_than_the_least_rate_stops_and_keeps_what_came(net, tmp_path, monkeypatch):
    _town, a, _ = net
    monkeypatch.setattr(transport, "RATE_GRACE_S", 0.2)
    monkeypatch.setattr(transport, "MIN_DOWNLOAD_RATE", 1000)
    client = _mocked(a, lambda _r: httpx.Response(200, content=_trickle(500, 0.02)))
    name = f"{'ab' * 16}_{a.device_id.hex}_{'cd' * 16}.cyb"
    item = transport.Waiting(name, 500, hashlib.sha256(b" " * 500).hexdigest())
    with pytest.raises(transport.Unreachable, match="下载中断"):
        client.download(item, tmp_path / "inbox")
    (part,) = (tmp_path / "inbox").iterdir()
    assert part.name.endswith(".part") and 0 < part.stat().st_size < 500  # the next run goes on from there


@pytest.mark.parametrize(
    ("path", "answer"),
    [
        ("/v1/uploads/", {"status": "weird"}),  # no status a mailbox gives
        ("/v1/uploads/", {"status": "partial", "offset": "x"}),
        ("/v1/uploads/", [1, 2]),
        ("/v1/bundles", {"bundles": [{"name": 1}]}),
        ("/v1/bundles", {"pending": True, "retry_after": "soon"}),
        ("/v1/bundles", {"bundles": "all"}),
        ("/v1/uploads/", {"status": "partial", "offset": 0, "retry_after": "soon"}),
    ],
)
def test_answers_no_mailbox_gives_are_said_so_and_nothing_is_set_aside(net, path, answer):
    """A server answering the health probe as a mailbox but its other requests with what no mailbox
    says crashed the run (同步时出错（详见日志）: int('x'), a RecursionError) and set the village's
    own bundle aside in quarantine with the reason "None"."""

    _town, a, _ = net

    def answering(request):
        if request.url.path.startswith(path):
            return httpx.Response(200, json=answer)
        if request.url.path.startswith("/v1/uploads/"):
            return httpx.Response(200, json={"status": "queued", "offset": 0})
        return httpx.Response(200, json={"bundles": []})

    report = _run_against(a, answering)
    assert not report.ok and "不是乡镇卫生院的同步服务器" in report.error.render(), report.error
    assert not list(a.paths.sub("quarantine").glob("*")), "the village's own bundle set aside"


def test_a_bundle_fetched_whole_before_is_not_fetched_again(net, tmp_path):
    """A replacement PC stopped after its whole village had come (662 KB over a slow link) and
    before it was imported fetched all of it again at its next run."""
    _town, a, _ = net
    asked = []
    client = _mocked(a, lambda r: (asked.append(r), httpx.Response(200, content=b"y" * 100))[1])
    name = f"{'ab' * 16}_{a.device_id.hex}_{'cd' * 16}.cyb"
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / name).write_bytes(b"x" * 100)
    item = transport.Waiting(name, 100, hashlib.sha256(b"x" * 100).hexdigest())
    assert client.download(item, tmp_path / "inbox") == tmp_path / "inbox" / name
    assert asked == [] and client.bytes_down == 0
    # a file of that name that is not the one listed is fetched
    other = transport.Waiting(name, 100, hashlib.sha256(b"y" * 100).hexdigest())
    assert client.download(other, tmp_path / "inbox").read_bytes() == b"y" * 100 and len(asked) == 1


def test_a_refusal_the_mailbox_gives_as_409_is_said_as_its_refusal(net):
    """An upload whose length differs from the one the mailbox recorded is refused with a 409 of
    the error's shape: it read as "not the township's sync server"."""

    _town, a, _ = net

    def answering(request):
        if request.url.path.startswith("/v1/uploads/") and request.method == "PUT":
            return httpx.Response(409, json={"error": "length", "message": "上传长度与先前不符"})
        if request.url.path.startswith("/v1/uploads/"):
            return httpx.Response(200, json={"status": "partial", "offset": 0})
        return httpx.Response(200, json={"bundles": []})

    report = _run_against(a, answering)
    said = report.error.render()
    assert not report.ok and "拒绝了请求（409）" in said and "上传长度与先前不符" in said, said


def test_a_connection_that_never_finishes_its_headers_is_closed(net, monkeypatch):
    """Found by the attacker: a thousand connections each sending half a request line, and never
    the rest, were kept open for good (uvicorn times out a connection idle between requests only):
    the server ran out of file handles and every village's sync timed out.  A request's line and
    headers must now be whole within HEADERS_S; a request that is still serves."""
    town, a, _ = net
    monkeypatch.setattr(mailbox, "HEADERS_S", 0.5)
    with netkit.serve(town) as server:
        host, port = server.url.removeprefix("http://").split(":")
        slow = [socket.create_connection((host, int(port))) for _ in range(3)]
        for sock in slow:
            sock.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n")  # (and never the blank line)
            sock.settimeout(5)
        began = time.monotonic()
        assert [sock.recv(100) for sock in slow] == [b""] * 3  # closed by the server
        assert time.monotonic() - began < 4
        for sock in slow:
            sock.close()
        assert _client(a, server).health()  # a whole request is served as before


@pytest.mark.sqlite_only  # (words: no store)
def test_a_servers_words_reach_the_screen_on_one_line_without_escapes():
    """Found by the attacker: a refusal's text from a server (anyone's, over plain http) reached the
    console as it came: colours, and a line of its own saying "同步完成：上传 9 个"."""
    evil = "\x1b[31mRED\x1b[0m\r\nfake line\n同步完成：上传 9 个\u202e"
    detail = {"c": "NetSync", "t": "拒绝：{why}\n同步完成", "p": {"why": evil, "more": [evil]}}
    for message in (transport.said({"detail": detail}, ""), transport.said({}, evil)):
        text = message.render()
        assert not any(c in text for c in "\x1b\r\n\u202e"), repr(text)
        assert "RED" in text and "同步完成" in text  # (the words are kept, on one line)


@pytest.mark.parametrize("full", ["file", "store"])
def test_a_full_disk_during_a_network_sync_is_said_so(net, monkeypatch, full):
    """Found by the attacker: with the village's disk full, ``sync run`` said "同步时出错（详见日志）";
    the doctor can free room, if told."""
    import errno
    import sqlite3

    from sqlalchemy.exc import OperationalError

    town, a, _ = net

    def no_room(*_args, **_kw):
        if full == "file":
            raise OSError(errno.ENOSPC, "No space left on device", str(a.paths.sub("outbox") / "x.cyb"))
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(service, "_round", no_room)
    with netkit.serve(town) as server:
        report = service.sync_once(a.store, a.paths, server=server.url)
    assert not report.ok
    assert "磁盘空间已满" in report.error.render() and "详见日志" not in report.error.render()


def test_a_busy_township_store_fails_the_run_never_reads_as_nothing_waiting(net, monkeypatch):
    """Found by an attacker: the township's store held by another writer, its export for the village
    failed, and the village said "同步完成 … 下载 0 个" (the listing's refusal read as an empty list).
    The run fails, saying the township is busy, and the next run takes what waits."""
    from app.services.errors import StoreUnavailable

    town, a, _ = net
    with netkit.serve(town) as server:
        assert netkit.sync(a, server).ok
        real = mailbox.Mailbox._export_now

        def busy(self, caller):
            raise StoreUnavailable(transport.Message(transport.CTX, "数据库正被另一个窗口或程序写入"))

        monkeypatch.setattr(mailbox.Mailbox, "_export_now", busy)
        report = netkit.sync(a, server)
        assert not report.ok
        assert "乡镇卫生院的数据库正忙，这次没有同步：稍后会自动重试" in report.error.render()
        monkeypatch.setattr(mailbox.Mailbox, "_export_now", real)
        assert netkit.sync(a, server).ok


def _answered_by(a, answer) -> transport.MailboxClient:
    client = transport.MailboxClient("http://127.0.0.1:9", a.keys, a.device_id)
    client.http = httpx.Client(transport=httpx.MockTransport(lambda _r: answer), base_url=client.base_url)
    return client


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (httpx.Response(409, json={"error": "export", "message": "x"}), "拒绝了请求（409）"),
        (
            httpx.Response(200, content=b'{"pending": true, "retry_after": NaN}'),
            "不是乡镇卫生院的同步服务器",
        ),
        (httpx.Response(401, json={"error": "clock", "server_time_ms": "abc"}), "不是乡镇卫生院的同步服务器"),
        (
            httpx.Response(401, content=b'{"error": "clock", "server_time_ms": 1e300}'),
            "不是乡镇卫生院的同步服务器",
        ),
        (httpx.Response(401, json={"error": "clock", "server_time_ms": [1]}), "不是乡镇卫生院的同步服务器"),
        (
            httpx.Response(
                400, json={"error": "weird", "message": "\u202e\x1b[2Jevil\r\n同步完成：一切正常"}
            ),
            "拒绝了请求（400）",
        ),
    ],
)
def test_a_servers_odd_answers_are_said_plainly(net, answer, said):
    """Found by an attacker: a server's words reached the screen with line breaks, terminal escapes
    and direction overrides (a line of its own reading "同步完成"); a clock refusal of "abc" or 1e300
    was an internal error, or 290 digits of days; a retry_after of NaN crashed the wait."""
    _town, a, _ = net
    with pytest.raises(UserError) as refused:
        _answered_by(a, answer).waiting(patience_s=1)
    text = refused.value.render()
    assert said in text, text
    assert not transport.audit.CONTROL.search(text) and len(text) < 400, repr(text)


@pytest.mark.sqlite_only  # (no store)
@pytest.mark.parametrize("typed", ["http://", "https:///", " http:// "])
def test_a_scheme_alone_is_no_address(typed):
    """Found by an attacker: "http://" was kept as the address http://http:."""
    with pytest.raises(UserError) as refused:
        service.check_url(typed)
    assert "请填写服务器地址" in refused.value.render()
    assert service.check_url("10.0.0.1:8765/") == "http://10.0.0.1:8765"


def test_an_upload_leaves_no_lock_behind(net):
    """Found by an attacker (reading the code): each upload id kept its lock for good, so a device
    sending fresh ids grew the server's memory without bound."""
    from app.tools import demo
    from tests.synckit import TODAY

    town, a, _ = net
    with netkit.serve(town) as server:
        for seed in (31, 32):
            with a.store.transaction() as s:
                demo.generate_demo(s, 3, seed=seed, today=TODAY)
            report = netkit.sync(a, server)
            assert report.ok and report.uploaded == 1
        assert server.mailbox._locks == {}


@pytest.mark.parametrize("encoding", ["gzip", "zstd"])
def test_a_compressed_answer_is_no_mailboxs_and_is_never_unpacked(net, encoding):
    """Found by the attacker: a 32 KB answer compressed with zstd (offered, as zstandard is
    installed) unpacked to a gigabyte in the village's memory before the limit on an answer's size
    saw it.  The village asks for answers as sent and refuses one compressed all the same, unread."""
    import gzip

    _town, a, _ = net
    asked, read = [], []
    packed = gzip.compress(b"\0" * (8 << 20))

    def body():
        read.append(True)
        yield packed

    def handler(request):
        asked.append(request.headers.get("accept-encoding"))
        return httpx.Response(200, content=body(), headers={"Content-Encoding": encoding})

    for call in (lambda c: c.health(), lambda c: c.status()):
        with pytest.raises(UserError) as refused:
            call(_mocked(a, handler))
        assert "不是乡镇卫生院的同步服务器" in refused.value.render(), refused.value.render()
    assert asked == ["identity", "identity"] and not read


def test_a_busy_server_is_said_busy_not_a_wrong_address(net):
    """Found by the attacker: a server answering its health probe 503 (too many connections, a
    proxy's 502) sent the doctor to 设置 to change an address that was right."""
    _town, a, _ = net
    for status in (502, 503, 504):
        with pytest.raises(transport.Unreachable) as busy:
            _mocked(a, lambda _r, status=status: httpx.Response(status, text="Service Unavailable")).health()
        assert f"乡镇卫生院服务器暂时出错（{status}），稍后会自动重试" == busy.value.render()


def _raw(server) -> socket.socket:
    host, port = server.url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)))
    sock.settimeout(5)
    return sock


def _until_closed(sock: socket.socket) -> bytes:
    answer = b""
    while block := sock.recv(65536):
        answer += block
    return answer


def test_one_address_holds_only_so_many_connections(net, monkeypatch):
    """Found by the attacker: one machine holding 255 idle connections (an unsigned health probe on
    each every few seconds) took every place the server has, and every village was answered 503."""
    town, a, _ = net
    monkeypatch.setattr(mailbox, "MOST_PER_ADDRESS", 3)
    with netkit.serve(town) as server:
        held = [_raw(server) for _ in range(3)]
        extra = _raw(server)
        assert _until_closed(extra) == b""  # closed as it opened
        for sock in (*held, extra):
            sock.close()
        deadline = time.monotonic() + 5
        while True:  # (the server hears of the closes a moment later)
            try:
                assert _client(a, server).health()["ok"] is True
                break
            except transport.Unreachable:
                assert time.monotonic() < deadline
                time.sleep(0.05)


def test_no_connection_is_kept_open_for_a_caller_who_never_signed(net):
    """Found by the attacker: after refusing an unsigned upload that declared a gigabyte, the server
    read the gigabyte to its end to keep the connection open; and an unsigned health probe every few
    seconds kept a connection open for good.  Both are answered, then closed."""
    town, _a, _ = net
    with netkit.serve(town) as server:
        sock = _raw(server)
        sock.sendall(
            f"PUT /v1/uploads/{'ab' * 16} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n".encode()
            + b"\0" * 1000
        )
        began = time.monotonic()
        answer = _until_closed(sock)  # (the rest of the gigabyte never sent)
        assert answer.startswith(b"HTTP/1.1 401") and b"connection: close" in answer.lower(), answer[:300]
        assert time.monotonic() - began < 4
        sock.close()
        sock = _raw(server)
        sock.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
        answer = _until_closed(sock)
        assert answer.startswith(b"HTTP/1.1 200") and b'"ok":true' in answer, answer[:300]
        sock.close()


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(200, json={"status": "applied", "offset": 0}),  # a sync done that was not
        httpx.Response(  # a refusal in the words of whoever answers
            422,
            json={"error": "bundle", "message": "本机设备卡已过期。请立即致电 400-000-0000 报上管理员口令"},
        ),
        httpx.Response(400, text="请立即致电 400-000-0000 报上管理员口令"),
        # (found by the attacker again: answers not saying they are JSON went unchecked, and read)
        httpx.Response(
            200, text='{"status": "applied", "offset": 0}', headers={"Content-Type": "text/plain"}
        ),
        httpx.Response(403, text='{"error": "revoked"}', headers={"Content-Type": "text/plain"}),
        httpx.Response(401, content=b'{"error": "clock", "server_time_ms": 1000000000000}'),
        httpx.Response(
            422,
            text='{"error": "bundle", "message": "请立即致电 400-000-0000"}',
            headers={"Content-Type": "text/html"},
        ),
    ],
)
def test_a_server_in_the_townships_place_is_not_taken_at_its_word(net, answer):
    """Found by the attacker: over plain http, a server answering at the township's address had the
    village report 同步完成 for bundles never sent (and record a last success), or show its own
    words as the township's refusal (乡镇卫生院的说明：请立即致电 …) and set the village's own
    bundles aside.  The township signs its JSON answers with its card's key; the village takes no
    other answer, and no unsigned words are shown as the township's."""
    from app.services.sync import service

    town, a, _ = net

    def handler(request):
        if request.url.path == "/v1/health":
            return httpx.Response(200, json={"ok": True, "time_ms": int(time.time() * 1000)})
        return answer  # (to every signed request: the first is the upload's state)

    with a.store.transaction() as s:
        service.set_server(s, "http://127.0.0.1:9")
    report = service.sync_once(
        a.store, a.paths, client_factory=lambda *_a, **k: _mocked(a, handler, k["answer_key"])
    )
    said = report.error.render() if report.error else ""
    assert not report.ok and "400-000-0000" not in said, said
    assert "服务器的应答没有乡镇卫生院的签名" in said, said
    with a.store.session() as s:
        state = service.net_state(s, a.paths)
        assert state.last_success_at is None and not state.revoked
    assert not list(a.paths.sub("quarantine").glob("*")), "the village's own bundle set aside"
    with netkit.serve(town) as server:  # the township itself: its answers signed, taken
        assert netkit.sync(a, server).ok


@pytest.mark.parametrize(
    "body",
    [
        {"error": "revoked"},
        {"error": "bundle", "message": "冒充的话"},
        {"error": "clock", "server_time_ms": 1},
    ],
)
def test_a_server_error_on_the_health_probe_says_only_that(net, body):
    """Found by the attacker: the health probe (unsigned) answered 503 with a mailbox's refusal in
    its body had the village record itself revoked, show the words as the township's, or report a
    clock thousands of days off.  A server error there is only that: tried again later."""
    from app.services.sync import service

    _town, a, _ = net
    with a.store.transaction() as s:
        service.set_server(s, "http://127.0.0.1:9")
    report = service.sync_once(
        a.store,
        a.paths,
        client_factory=lambda *_a, **k: _mocked(
            a, lambda _r: httpx.Response(503, json=body), k["answer_key"]
        ),
    )
    assert isinstance(report.error, transport.Unreachable), report.error
    assert report.error.render() == "乡镇卫生院服务器暂时出错（503），稍后会自动重试"
    with a.store.session() as s:
        assert not service.net_state(s, a.paths).revoked


def test_an_answer_is_bound_to_the_request_as_the_village_sent_it(net):
    """Found by the attacker: a man in the middle named another device in the village's request;
    the township's signed answer (401 不认识这台设备) passed the village's check, and the village
    told its doctor the township did not know it.  The signature covers the request as it arrived
    (nonce, device, method, path): the village checks it against the request it sent."""
    town, a, _ = net
    with netkit.serve(town) as server:
        headers = signed(a, "GET", "/v1/status")
        honest = httpx.get(server.url + "/v1/status", headers=headers)
        altered = httpx.get(
            server.url + "/v1/status", headers={**headers, transport.H_DEVICE: uuid.uuid4().hex}
        )

    def vouched(response, device: str) -> bool:
        text = transport.answer_text(
            headers[transport.H_NONCE], device, "GET", "/v1/status", response.status_code, response.content
        )
        return device_keys.verify(
            town.keys.sign_public, base64.b64decode(response.headers[transport.H_ANSWER]), text
        )

    assert honest.status_code == 200 and vouched(honest, a.device_id.hex)
    assert altered.status_code == 401 and altered.json()["error"] == "unknown_device"
    assert not vouched(altered, a.device_id.hex)  # not the answer to what the village sent
