"""The 同步 page's network box: an address saved, 立即同步 pressed, the village's records reach the
township's mailbox, and the box, the status bar and the other pages hear about it."""

from __future__ import annotations

import pytest

from app.services import settings
from app.services.errors import Message
from app.services.sync import service, transport
from app.views.main_window import MainWindow
from app.views.operations import RESIDENTS, ChangeBus
from app.views.sync_network import LastSyncLabel, NetworkSync, NetworkSyncBox
from tests import netkit

pytestmark = [pytest.mark.gui, pytest.mark.both_databases]


@pytest.fixture
def world(tmp_path):
    town, (a, b) = netkit.fresh_county(tmp_path, residents=(8, 5))
    yield town, a, b
    if NetworkSync._instance is not None:
        NetworkSync._instance.stop()
        NetworkSync._instance = None


def sync_page(qtbot, device):
    """``device``'s main window, shown on its 同步 page: (window, page, network sync box)."""
    win = MainWindow(device.store, device.paths)
    qtbot.addWidget(win)
    win.show()
    page = win.show_page("sync")
    return win, page, page.findChild(NetworkSyncBox)


def test_sync_now_from_the_page_reaches_the_township(qtbot, world):
    town, a, _ = world
    win, page, box = sync_page(qtbot, a)
    label = win.statusBar().findChild(LastSyncLabel)
    assert "未设置" in label.text() and "尚未设置服务器地址" in box.state.text()
    heard = []
    ChangeBus.instance().changed.connect(lambda changes, _who: heard.append(changes))
    with netkit.serve(town) as server:
        qtbot.keyClicks(box.address, server.url)
        with qtbot.waitSignal(box.sync.running, timeout=5_000, check_params_cb=lambda busy: not busy):
            qtbot.mouseClick(box.now_button, qtbot_left())
        assert not box.error.isVisible() and "正在同步" not in box.state.text()
        assert box.saved.text() == "已保存。本机能连上乡镇卫生院时会自动同步。"  # (the address typed)
    assert box.runs.rowCount() == 1 and box.runs.item(0, 1).text() == "成功"
    assert "上次同步：" in label.text() and "从未" not in label.text()
    assert netkit.village_rows(town, a) == netkit.village_rows(a, a)
    assert any(c.touches(RESIDENTS) or c.touches({"net_sync_run"}) for c in heard)


def test_a_failed_run_says_why_in_plain_words(qtbot, world):
    town, a, _ = world
    win, _page, box = sync_page(qtbot, a)
    qtbot.keyClicks(box.address, f"http://127.0.0.1:{netkit.free_port()}")  # nobody listens there
    with qtbot.waitSignal(box.sync.running, timeout=10_000, check_params_cb=lambda busy: not busy):
        qtbot.mouseClick(box.now_button, qtbot_left())
    assert box.error.isVisible() and "连不上乡镇卫生院服务器" in box.error.text()
    assert box.runs.item(0, 1).text() == "失败"
    assert "最近一次失败" in win.statusBar().findChild(LastSyncLabel).text()


def test_sync_now_without_an_address_says_so_and_stays_ready(qtbot, world, monkeypatch):
    """立即同步 with no address typed or saved: the page asks for one and the button stays usable
    (it used to start a run that waited for an address, "正在同步…" for ever)."""
    from PySide6.QtWidgets import QMessageBox

    _town, a, _ = world
    win, _page, box = sync_page(qtbot, a)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a, **_k: warned.append(text))
    qtbot.mouseClick(box.now_button, qtbot_left())
    assert warned == ["请填写服务器地址（例如 http://192.168.1.10:8765）"]
    assert not box.sync.busy and box.now_button.isEnabled()
    assert "正在同步" not in box.state.text() and "尚未设置服务器地址" in box.state.text()
    from app.views.township_home import TownshipHomePage  # (imported once the app runs: pyqtgraph)

    for home in win.findChildren(TownshipHomePage):  # its report: in before the window closes
        home.wait_until_loaded()


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.LeftButton


def test_a_revoked_pc_is_told_so_and_what_to_do_with_no_next_try(qtbot, world):
    """The township revoked A: A's box names no next try (none would be taken) and says what to
    do; the status bar says so too."""
    from app.services.sync import keys as device_keys

    town, a, _ = world
    with town.store.transaction() as s:
        device_keys.revoke(s, a.device_id.hex)
    win, _page, box = sync_page(qtbot, a)
    with netkit.serve(town) as server:
        qtbot.keyClicks(box.address, server.url)
        with qtbot.waitSignal(box.sync.running, timeout=10_000, check_params_cb=lambda busy: not busy):
            qtbot.mouseClick(box.now_button, qtbot_left())
    assert "下次尝试" not in box.state.text() and "上次成功：从未" in box.state.text()
    said = box.error.text()
    assert box.error.isVisible() and "乡镇卫生院已撤销对本机的信任" in said
    assert "导出本机设备卡" in said and "重新信任本机" in said and "连续" not in said
    assert "撤销信任" in win.statusBar().findChild(LastSyncLabel).text()


def test_the_history_says_how_each_bundle_travelled(qtbot, world, tmp_path):
    """A's bundle made by a run that could not reach the township reads as a failure with its
    reason (sent again next time), then as sent once it went; a USB export reads as one; the
    township reads A's as received over the network.  Bundles show a short number, their whole
    file name in the tooltip."""
    town, a, _ = world
    win, page, box = sync_page(qtbot, a)
    with netkit.serve(town) as server:
        netkit.sync(a, server, client_factory=_dropping_uploads)  # the bundle made, then the line drops
        page.refresh()
        (waiting,) = service.outbox(a.paths).glob("*.cyb")
        number = waiting.stem[-8:].upper()
        assert history(page) == [("经网络发送失败", number)]
        note = page.history.item(0, 5).text()
        assert "连不上乡镇卫生院服务器" in note and note.endswith("（下次同步时自动重发）")
        assert page.history.item(0, 4).toolTip() == waiting.name  # the whole name, for support
        box.address.clear()
        qtbot.keyClicks(box.address, server.url)
        with qtbot.waitSignal(box.sync.running, timeout=10_000, check_params_cb=lambda busy: not busy):
            qtbot.mouseClick(box.now_button, qtbot_left())
        assert not box.error.isVisible()
    page.refresh()
    assert ("经网络发送", number) in history(page) and ("经网络发送失败", number) not in history(page)
    sent = [r for r in range(page.history.rowCount()) if page.history.item(r, 4).text() == number]
    assert page.history.item(sent[0], 5).text() == ""
    a.export(tmp_path / "usb", always=True)
    page.refresh()
    assert history(page)[0][0] == "导出（U盘/文件夹）"
    _twin, tpage, _ = sync_page(qtbot, town)
    tpage.refresh()
    assert ("经网络接收", number) in history(tpage)
    # what the township left in its mailbox for A, fetched by A's runs: when, in its note
    fetched = [r for r, (what, _n) in enumerate(history(tpage)) if what == "经网络已被取走"]
    assert fetched and all(tpage.history.item(r, 5).text().endswith(" 取走") for r in fetched)
    # closed before the test lets go of them: a window let go of open is destroyed at once, and
    # the township's workbench, still loading, would then fill a page half taken down
    _twin.close()
    win.close()


def history(page) -> list[tuple[str, str]]:
    """The 同步 page's history as (what became of the bundle, its number), newest first."""
    table = page.history
    return [(table.item(r, 1).text(), table.item(r, 4).text()) for r in range(table.rowCount())]


def _dropping_uploads(*args, **kw):
    """A mailbox client whose uploads fail as a dropped line does (the bundle stays in the outbox)."""
    client = transport.MailboxClient(*args, **kw)

    def upload(path, upload_id):
        raise transport.Unreachable(
            Message(
                "NetSync",
                "连不上乡镇卫生院服务器 {url}：网络不通，或服务器没有开",
                {"url": client.base_url},
            )
        )

    client.upload = upload
    return client


def test_a_township_opens_its_villages_server_from_the_sync_page(qtbot, world, tmp_path, monkeypatch):
    """A township officer had to run ``cunyi serve`` from a command line.  The 同步 page opens the
    server on the port typed, says the address the villages type, counts what they send and shows
    it; 停止 closes it; opened, it opens again with the program.  A bad port is refused, a taken
    one said, and nothing is listening then."""
    import socket

    import httpx
    from sqlalchemy import select

    from app.models import AuditEntry
    from app.services.access import accounts
    from app.views.sync_network import MailboxServing, ServerBox

    town, a, _ = world
    win = MainWindow(town.store, town.paths)
    qtbot.addWidget(win)
    win.show()
    box = win.show_page("sync").findChild(ServerBox)
    assert box.title() == "同步服务器（各村卫生室连到本机）" and "未开启" in box.state.text()
    assert box.port.text() == "8765" and box.start_button.isVisible() and not box.stop_button.isVisible()
    try:
        from PySide6.QtWidgets import QMessageBox

        said = []
        monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a, **_k: said.append(text))
        box.port.setText("80")
        qtbot.mouseClick(box.start_button, qtbot_left())
        assert said == ["端口应是 1024 到 65535 之间的整数，不是“80”"]
        assert box.serving.server is None and not box.serving.busy and "未开启" in box.state.text()
        port = netkit.free_port()
        with socket.socket() as taken:
            taken.bind(("0.0.0.0", port))
            taken.listen()
            box.port.setText(str(port))
            qtbot.mouseClick(box.start_button, qtbot_left())
            # opened off the GUI thread: the page says so meanwhile, and takes no second click
            assert "正在开启服务器" in box.state.text() and not box.start_button.isEnabled()
            qtbot.waitUntil(lambda: not box.serving.busy, timeout=10_000)
            assert box.serving.server is None and box.error.isVisible() and str(port) in box.error.text()
            assert box.start_button.isEnabled() and box.port.isEnabled()
        with town.store.session() as s:
            assert settings.serving_port(s) is None  # the port that failed is not opened next time
        wide = str(port).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        box.port.setText(f" {wide} ")  # as pasted, from a Chinese input method
        qtbot.mouseClick(box.start_button, qtbot_left())
        qtbot.waitUntil(lambda: not box.serving.busy, timeout=10_000)
        assert box.serving.port == port and not box.error.isVisible() and box.stop_button.isVisible()
        assert box.port.text() == str(port)
        assert "正在接收" in box.state.text() and "开启以来已收到 0 个同步包" in box.state.text()
        assert httpx.get(f"http://127.0.0.1:{port}/v1/health").status_code == 200
        with town.store.transaction() as s:
            accounts.create_user(s, "plain", "pass-plain-123", "township_staff", display_name="公卫")
        town.store.actor = accounts.login(town.store, "plain", "pass-plain-123")  # at the desk
        report = netkit.sync(a, f"http://127.0.0.1:{port}")
        assert report.ok, report.error
        qtbot.waitUntil(lambda: "已收到 1 个同步包" in box.state.text(), timeout=10_000)
        town.store.actor = None
        with town.store.session() as s:  # the import is the system's, not the officer's at the desk
            who = s.scalars(select(AuditEntry.username).where(AuditEntry.action == "import")).all()
        assert who and set(who) == {"system"}, who
        assert netkit.village_rows(town, a) == netkit.village_rows(a, a)
        win.grab().save(str(tmp_path / "township_server.png"))
        win.close()

        MailboxServing._instance.stop()  # the program ends …
        MailboxServing._instance = None
        again = MainWindow(town.store, town.paths)  # … and starts again: the server with it
        qtbot.addWidget(again)
        again.show()
        qtbot.waitUntil(lambda: MailboxServing._instance.port == port, timeout=10_000)
        assert httpx.get(f"http://127.0.0.1:{port}/v1/health").status_code == 200
        box = again.show_page("sync").findChild(ServerBox)
        qtbot.mouseClick(box.stop_button, qtbot_left())
        assert "正在停止服务器" in box.state.text() and not box.stop_button.isEnabled()
        qtbot.waitUntil(lambda: not box.serving.busy, timeout=10_000)
        assert box.serving.server is None and "未开启" in box.state.text()
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"http://127.0.0.1:{port}/v1/health")
        with town.store.session() as s:
            assert settings.serving_port(s) is None
        again.close()
    finally:
        if MailboxServing._instance is not None:
            MailboxServing._instance.stop()
            MailboxServing._instance = None


def test_a_server_that_cannot_open_at_the_start_is_said_on_the_page_and_stays_saved(qtbot, world):
    """The port saved in 设置 is taken when the program starts: the window opens all the same (the
    server opens off the GUI thread), the 同步 page says which port and why, and 设置 still says to
    serve (the next start tries again)."""
    import socket

    from app.services.sync import mailbox
    from app.views.sync_network import MailboxServing, ServerBox

    town, _a, _ = world
    port = netkit.free_port()
    with town.store.transaction() as s:
        mailbox.set_serving(s, port)
    try:
        with socket.socket() as taken:
            taken.bind(("0.0.0.0", port))
            taken.listen()
            win = MainWindow(town.store, town.paths)
            qtbot.addWidget(win)
            win.show()
            serving = MailboxServing._instance
            qtbot.waitUntil(lambda: not serving.busy, timeout=10_000)
            box = win.show_page("sync").findChild(ServerBox)
            assert serving.server is None and box.start_button.isVisible() and box.start_button.isEnabled()
            assert box.error.isVisible()
            assert box.error.text() == (
                f"设置为开启，但端口 {port} 开不了：可能已有程序（如另一个“cunyi serve”）在用它。"
            )
        with town.store.session() as s:
            assert settings.serving_port(s) == port
        win.close()
    finally:
        if MailboxServing._instance is not None:
            MailboxServing._instance.stop()
            MailboxServing._instance = None
