"""The mailbox's and the client's boundaries against a hostile peer: headers that are no bundle's,
a revoked sender's upload left complete at a restart, uploads that together would fill the disk,
a listing naming paths outside the inbox, ids with a trailing newline, and a bundle the township
refuses in the background (the village is told, not shown 同步完成)."""

from __future__ import annotations

import base64
import json
import shutil
from collections import namedtuple

import httpx
import pytest
from sqlalchemy import delete, select

from app.cli.printing import print_labels
from app.models import Resident, Village
from app.services.errors import Message
from app.services.sync import bundle, mailbox, overview, service, transport
from app.services.sync import keys as device_keys
from tests import netkit, test_netsync
from tests.synckit import VILLAGES
from tests.test_netsync import bundles_in, mailbox_files, signed

net_template, net = test_netsync.net_template, test_netsync.net  # its fixtures: one village set per module

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


def _put(
    server, device, upload_id: str, body: bytes, total: int | None = None, offset: int = 0
) -> httpx.Response:
    target = f"/v1/uploads/{upload_id}"
    given = {"Upload-Offset": str(offset), "Upload-Length": str(len(body) if total is None else total)}
    headers = signed(device, "PUT", target, body, given)
    return httpx.put(server.url + target, content=body, headers=headers)


def _not_a_header(kind: str) -> bytes:
    line = {
        "number": json.dumps({"bundle_id": 123, "sender": "a" * 32, "recipient": "b" * 32}),
        "nested": "[" * 8000 + "]" * 8000,
        "list": json.dumps(["bundle_id"]),
    }[kind]
    return bundle.MAGIC + line.encode() + b"\n" + base64.b64encode(b"x" * 64) + b"\n" + b"\0" * 100


@pytest.mark.parametrize("kind", ["number", "nested", "list"])
def test_a_header_that_is_no_bundles_is_refused_in_json_and_nothing_is_kept(net, kind):
    town, a, _ = net
    with netkit.serve(town) as server:
        r = _put(server, a, "ab" * 16, _not_a_header(kind))
        assert r.status_code == 422 and r.json()["error"] == "bundle"
        assert "不是村医同步包" in r.json()["message"]
        assert httpx.get(server.url + "/v1/health").status_code == 200  # still serving
    assert mailbox_files(town, "uploads") == [] and mailbox_files(town, "incoming") == []


def _left_complete(town, sender, upload_id: str, content: bytes) -> None:
    """An upload whose last byte arrived just before the server stopped (not yet checked)."""
    folder = town.paths.sub("mailbox") / "uploads" / sender.device_id.hex
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{upload_id}.part").write_bytes(content)
    (folder / f"{upload_id}.json").write_text(json.dumps({"length": len(content)}))


def test_the_server_starts_past_uploads_that_cannot_be_finished(net):
    """A complete upload that is no bundle, and one whose sender was revoked since: the start logs
    and removes them (before, either stopped ``cunyi serve`` from starting at all)."""
    town, a, b = net
    _left_complete(town, a, "cd" * 16, _not_a_header("number"))
    _left_complete(town, b, "ef" * 16, _not_a_header("nested"))
    with town.store.transaction() as s:
        device_keys.revoke(s, b.device_id.hex)
    with netkit.serve(town) as server:
        assert httpx.get(server.url + "/v1/health").status_code == 200
        assert netkit.sync(a, server).ok  # and serves as ever
    assert [p for p in mailbox_files(town, "uploads") if p.suffix in (".part", ".json")] == []


def test_uploads_under_way_count_against_the_free_space(net, monkeypatch):
    """Each new upload is weighed against the free space less what the unfinished ones may still
    write: two villages' declared uploads cannot together eat the reserve."""
    town, a, b = net
    Usage = namedtuple("Usage", "total used free")
    monkeypatch.setattr(mailbox.shutil, "disk_usage", lambda _p: Usage(10**9, 0, 30_000))
    with netkit.serve(town, reserve_bytes=10_000) as server:
        first = _put(server, a, "ab" * 16, b"x" * 100, total=15_000)  # 15,000 promised of 20,000
        assert first.status_code == 200 and first.json()["offset"] == 100
        second = _put(server, b, "cd" * 16, b"y" * 100, total=15_000)
        assert second.status_code == 507 and second.json()["error"] == "disk_full"
        small = _put(server, b, "ef" * 16, b"z" * 100, total=4_000)
        assert small.status_code == 200


def test_uploads_never_begun_record_nothing_and_block_no_one(net):
    """Empty requests for new uploads at an offset past their start (what an upload resumed
    against another server might send, or a village flooding the mailbox): each is told to start
    from 0 and nothing is recorded, so they neither take the village's slots nor promise the
    disk away from the other villages; a stale record left by an older version goes at start."""
    town, a, b = net
    folder = town.paths.sub("mailbox") / "uploads" / a.device_id.hex
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{'9' * 32}.json").write_text(json.dumps({"length": 536_870_000}))  # a record alone
    with netkit.serve(town) as server:
        for n in range(3 * mailbox.MAX_PARTIAL_UPLOADS):
            r = _put(server, a, f"{n:032x}", b"", total=536_870_000, offset=1)
            assert r.status_code == 409 and r.json()["offset"] == 0
        assert [p.name for p in mailbox_files(town, "uploads")] == []
        assert netkit.sync(b, server).ok and netkit.sync(a, server).ok  # everyone still syncs


def test_an_id_with_a_trailing_newline_is_no_id(net):
    town, a, _ = net
    with netkit.serve(town) as server:
        assert _put(server, a, "ab" * 16 + "%0A", b"x" * 10).status_code == 404
        target = "/v1/bundles/" + "_".join(["ab" * 16] * 3) + ".cyb%0A"
        assert httpx.get(server.url + target, headers=signed(a, "GET", target)).status_code == 404
    assert mailbox_files(town, "uploads") == []


@pytest.mark.parametrize(
    "name",
    [
        "/tmp/important.txt",
        "../../cunyi.db",
        "{me}/../x.cyb",
        "{other}_{me}_{other}.cyb/../../keys",
        "{other}_{other}_{other}.cyb",  # a bundle, for another PC
        "{other}_{me}_{other}.cyb\n",
    ],
)
def test_a_listing_naming_anything_but_a_bundle_for_this_pc_is_never_written(net, tmp_path, name):
    """A rogue server (or anyone in the middle on plain HTTP) lists a path: the client neither
    downloads it nor writes anywhere; its own bundles are still taken."""
    _town, a, _ = net
    me, other = a.device_id.hex, "0f" * 16
    bad = name.format(me=me, other=other)
    good = f"{other}_{me}_{'1e' * 16}.cyb"

    class Listing:
        status_code = 200

        def json(self):
            rows = [{"name": n, "size": 10, "sha256": "0" * 64} for n in (bad, good)]
            return {"bundles": rows, "pending": False}

    client = transport.MailboxClient("http://127.0.0.1:9", a.keys, a.device_id)
    client._send = lambda *args, **kw: Listing()
    assert [w.name for w in client.waiting()] == [good]
    victim = tmp_path / "inbox"
    with pytest.raises(ValueError):
        client.download(transport.Waiting(bad, 10, "0" * 64), victim)
    assert not victim.exists() and not (tmp_path / "important.txt").exists()
    client.close()


def test_a_bundle_the_township_refuses_on_import_is_the_villages_error(net):
    """A's bundle writes B's village and moves one of its residents there: the township quarantines
    it in the background; A's run says so in plain words (and again for the next), never 同步完成."""
    town, a, b = net
    overstep(a, b)
    with netkit.serve(town) as server:
        report = netkit.sync(a, server)
        assert not report.ok and report.uploaded == 1
        assert "乡镇卫生院拒收了本机的同步包" in report.error.render()
        assert "越权" in report.error.render()
    assert bundles_in(town, a) == 0
    assert not (a.paths.sub("sync-awaited")).exists() or not list(a.paths.sub("sync-awaited").glob("*.json"))


def test_a_bundle_the_township_refused_reads_as_a_failed_send_with_its_reason(net):
    """In A's history, its refused bundle is a failed network send saying why (not sent again);
    in the township's, a bundle refused that came over the network."""
    town, a, b = net
    overstep(a, b)
    with netkit.serve(town) as server:
        assert not netkit.sync(a, server).ok
    with a.store.session() as s:
        seen = overview.sync_overview(s, a.paths.sub("keys"), service.outbox(a.paths)).history
    (row,) = [h for h in seen if h.kind != overview.NET_IN]  # (and the township's answer came)
    assert (row.kind, row.retry) == (overview.NET_FAILED, False)
    assert "乡镇卫生院拒收了本机的同步包" in row.reason.render() and "越权" in row.reason.render()
    assert row.number == row.file_name.removesuffix(bundle.SUFFIX)[-8:].upper()
    with town.store.session() as s:
        seen = overview.sync_overview(s, town.paths.sub("keys")).history
    (refused,) = [h for h in seen if h.number == row.number]
    assert refused.kind == overview.NET_REJECTED and "越权" in refused.reason.render()
    assert {h.kind for h in seen} == {overview.NET_REJECTED, overview.NET_TAKEN}  # (and its answer, fetched)
    # Each reads it in its own language: kept as a message, not as the Chinese text of the moment
    english = print_labels("en").translate
    for said in (row.reason.render(english), refused.reason.render(english)):
        assert "oversteps its sender" in said and "越权" not in said and "拒收" not in said, said
    assert row.reason.render(english).startswith(
        "The township refused this PC's bundle. The township's explanation: "
    )


def overstep(a, b) -> None:
    """A writes B's village row (as a copy of A's PC could) and moves a resident there."""
    with b.store.session() as s:
        theirs = s.scalars(select(Village)).one()
        b_village = (theirs.id, theirs.code, theirs.name, theirs.township_id)
    with a.store.transaction() as s:
        vid, code, name, township_id = b_village
        s.add(Village(id=vid, code=code, name=name, township_id=township_id))
        s.flush()
        resident = s.scalars(select(Resident).order_by(Resident.archive_no)).first()
        resident.village_id = vid


def test_an_ordinary_run_leaves_nothing_awaited(net):
    town, a, _ = net
    with netkit.serve(town) as server:
        assert netkit.sync(a, server).ok
        assert netkit.sync(a, server).ok
    awaited = a.paths.sub("sync-awaited")
    assert not awaited.exists() or list(awaited.glob("*.json")) == []
    shutil.rmtree(awaited, ignore_errors=True)


@pytest.mark.parametrize(
    ("method", "header", "value"),
    [("PUT", "Upload-Length", "5"), ("PUT", "Upload-Offset", "3"), ("GET", "Range", "bytes=0-1")],
)
def test_headers_that_place_the_bytes_are_signed(net, method, header, value):
    """Someone on the way rewrites an upload's length or offset, or a download's range: the
    signature no longer holds and the mailbox refuses the request, changing nothing."""
    town, a, _ = net
    with netkit.serve(town) as server:
        if method == "PUT":
            target, body = "/v1/uploads/" + "ab" * 16, b"x" * 100
            headers = signed(a, method, target, body, {"Upload-Offset": "0", "Upload-Length": "1000"})
        else:
            target, body = "/v1/bundles/" + "_".join(["ab" * 16] * 3) + ".cyb", b""
            headers = signed(a, method, target, body, {"Range": "bytes=0-"})
        headers[header] = value
        r = httpx.request(method, server.url + target, content=body, headers=headers)
        assert r.status_code == 401 and r.json()["error"] == "signature"
    assert mailbox_files(town, "uploads") == []


@pytest.mark.sqlite_only  # (no store)
def test_a_message_kept_or_sent_as_data_reads_the_same_in_every_language():
    """A refusal kept in the history or sent to a village is its message (context, source text,
    parameters, a message inside), rendered when read; text kept by an earlier version reads as it
    is, and one too long for its column is kept as its Chinese text, cut."""
    inner = Message("Sync", "同步包越权，整包未导入：{sender}", {"sender": "110105001101 一村"})
    outer = Message("NetSync", transport.REFUSED, {"reason": inner, "n": 3, "l": ("a", "b")})
    again = Message.from_stored(outer.stored(500), "Sync")
    assert again == Message("NetSync", outer.template, {"reason": inner, "n": "3", "l": ("a", "b")})
    english = print_labels("en").translate
    assert again.render(english) == outer.render(english) != outer.render()
    assert "refused" in again.render(english) and "拒收" not in again.render(english)
    assert Message.from_stored("旧版本保存的文字", "Sync").render() == "旧版本保存的文字"
    assert Message.from_stored(None, "Sync") is None
    assert outer.stored(20) == outer.render()[:20]
    for bad in ('{"c": 1, "t": "x"}', '{"c": "x", "t": "y", "p": [1]}', "[]", '"text"'):
        assert Message.from_stored(bad, "Sync").render() == bad


@pytest.mark.sqlite_only  # (no store)
@pytest.mark.parametrize(
    "template",
    ["{text:>2000000000}", "{text.render.__globals__}", "{0}", "{text!r}", "{text[0]}", "{", "{other}"],
)
def test_a_message_from_a_rogue_server_is_shown_as_its_text_never_formatted(template):
    """A township's refusal arrives as a message to render here: one whose template is not plain
    ``{name}`` fields of its parameters (a 2 GB padding, this program's insides, a deep nest) is
    not rendered as a template; the server's text stands instead."""
    hostile = {"c": "Sync", "t": template, "p": {"text": {"c": "Sync", "t": "x", "p": {}}}}
    said = transport.said({"detail": hostile}, "乡镇卫生院的原话")
    assert said.render() == "乡镇卫生院的原话"
    kept = json.dumps(hostile)
    assert Message.from_stored(kept, "Sync").render() == kept[:300]


@pytest.mark.sqlite_only  # (no store)
def test_a_message_nested_past_a_few_levels_or_too_big_is_refused():
    deep = {"c": "Sync", "t": "{p}", "p": {"p": "x"}}
    for _ in range(6):
        deep = {"c": "Sync", "t": "{p}", "p": {"p": deep}}
    for data in (
        deep,
        {"c": "Sync", "t": "{p}", "p": {"p": "x" * 100_000}},
        {"c": "Sync", "t": "x" * 100_000},
    ):
        assert transport.said({"detail": data}, "原话").render() == "原话"


def test_the_township_sees_when_a_village_fetched_what_it_left_for_it(net):
    """A bundle the township leaves in its mailbox reads as left for the village until the village
    acknowledges it, then as fetched, with the time; the village's own uploads stay 经网络发送."""
    from app.models import BundleRecord

    town, a, _b = net
    with netkit.serve(town) as server:
        assert netkit.sync(a, server).ok
    with town.store.session() as s:
        seen = overview.sync_overview(s, town.paths.sub("keys")).history
    left = [h for h in seen if h.kind in (overview.NET_LEFT, overview.NET_TAKEN)]
    assert left and all(h.kind == overview.NET_TAKEN and h.taken_at is not None for h in left), left
    assert all(h.device.startswith(VILLAGES[0]) for h in left)
    with a.store.session() as s:
        mine = overview.sync_overview(s, a.paths.sub("keys")).history
    assert {h.kind for h in mine} == {overview.NET_OUT, overview.NET_IN}
    with town.store.transaction() as s:  # as if the village had not fetched them yet
        s.execute(delete(BundleRecord).where(BundleRecord.direction == "taken"))
    with town.store.session() as s:
        seen = overview.sync_overview(s, town.paths.sub("keys")).history
    assert {h.kind for h in seen if h.number in {x.number for x in left}} == {overview.NET_LEFT}


def test_two_acknowledgements_at_once_record_one_pick_up(net):
    """Two acknowledgements of the same bundle at the same moment (a village retrying while its
    first request still runs): each is a unit of work, which takes the store's write lock at its
    start (db.py), so the second reads only once the first has committed, finds its record and
    adds none."""
    import threading
    import time

    from app.models import BundleRecord
    from app.services.sync import exchange

    town, a, _b = net
    with netkit.serve(town) as server:
        assert netkit.sync(a, server).ok
    with town.store.transaction() as s:
        s.execute(delete(BundleRecord).where(BundleRecord.direction == exchange.TAKEN))
    with town.store.session() as s:
        bundle_id, device = s.execute(
            select(BundleRecord.bundle_id, BundleRecord.peer).where(
                BundleRecord.direction == "out", BundleRecord.peer.is_not(None)
            )
        ).first()
    first_wrote, said = threading.Event(), {}

    def second():
        first_wrote.wait(10)
        with town.store.transaction() as s:
            said["second"] = exchange.note_taken(s, bundle_id, device)

    other = threading.Thread(target=second)
    other.start()
    with town.store.transaction() as s:
        said["first"] = exchange.note_taken(s, bundle_id, device)
        first_wrote.set()
        time.sleep(0.5)  # the second is waiting for the store now
    other.join(30)
    assert said == {"first": True, "second": False}
    with town.store.session() as s:
        kept = s.scalars(
            select(BundleRecord.id).where(
                BundleRecord.bundle_id == bundle_id, BundleRecord.direction == exchange.TAKEN
            )
        ).all()
    assert len(kept) == 1


@pytest.mark.sqlite_only  # (no store)
def test_a_message_that_would_render_to_gigabytes_is_shown_as_its_text():
    """Plain fields, each within bounds, can still multiply: "{a}" 666 times, with ``a`` a message
    of the same shape, is 4 KB on the wire and 887 million characters rendered (591 billion one
    level deeper).  What a message may render to is bounded; the server's text stands instead."""
    level = {"c": "Sync", "t": "x", "p": {}}
    for _ in range(2):
        level = {"c": "Sync", "t": "{a}" * 666, "p": {"a": level}}
    said = transport.said({"detail": level}, "原话")
    assert said.render() == "原话"
    assert service._refused(said).render().endswith("原话")  # (the village's own sentence about it)
    fine = {"c": "Sync", "t": "{a}，{a}", "p": {"a": {"c": "Sync", "t": "{b}", "p": {"b": "越权"}}}}
    assert transport.said({"detail": fine}, "原话").render() == "越权，越权"


@pytest.mark.sqlite_only  # (no store)
def test_a_stored_message_nested_past_the_parser_s_depth_reads_as_its_text():
    deep = "[" * 100_000
    assert Message.from_stored(deep, "Sync").render() == deep[:300]


def test_a_township_bundle_the_village_refuses_fails_the_run(net, capsys):
    """Found by the attacker: the village refused its township's bundle, and ``sync run --once``
    said 同步完成 with status 0 (``"ok": true``): a scheduled task never knew the village was cut
    off.  The run fails, saying which bundle was refused and why."""
    import datetime as dt

    from app.cli import main

    town, a, _ = net
    with netkit.serve(town) as server:
        assert netkit.sync(a, server).ok
        with (
            town.store.transaction() as s
        ):  # a change the village's checks refuse (an ID's birth date contradicted)
            r = s.scalars(
                select(Resident)
                .where(Resident.id_type == "1", Resident.id_number.is_not(None))
                .where(Resident.archive_no.startswith(VILLAGES[0]))  # (A's, sent to A)
                .limit(1)
            ).one()
            r.birth_date = r.birth_date - dt.timedelta(days=400)
        report = netkit.sync(a, server)
        assert not report.ok and [o.status for o in report.outcomes] == ["rejected"]
        said = report.error.render()
        assert "本机拒收了上级发来的同步包" in said and report.outcomes[0].file in said and "出生日期" in said
        a.store.dispose()
        code = main(["--data-dir", str(a.paths.data_dir), "sync", "run", "--once", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and out["ok"] is False and "拒收" in out["error"]
    from app.services import backup

    checked = next(r for r in backup.check(a.store).results if r.name == "同步包导入")
    assert not checked.ok and "最近发来的同步包被本机拒收" in checked.detail, (
        checked
    )  # (`cunyi check` says so)
