"""The 同步 page's network box: an address saved, 立即同步 pressed, the village's records reach the
township's mailbox, and the box, the status bar and the other pages hear about it."""

from __future__ import annotations

import pytest

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


def test_sync_now_from_the_page_reaches_the_township(qtbot, world):
    town, a, _ = world
    win = MainWindow(a.store, a.paths)
    qtbot.addWidget(win)
    win.show()
    page = win.show_page("sync")
    box = page.findChild(NetworkSyncBox)
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
    win = MainWindow(a.store, a.paths)
    qtbot.addWidget(win)
    win.show()
    box = win.show_page("sync").findChild(NetworkSyncBox)
    qtbot.keyClicks(box.address, f"http://127.0.0.1:{netkit.free_port()}")  # nobody listens there
    with qtbot.waitSignal(box.sync.running, timeout=10_000, check_params_cb=lambda busy: not busy):
        qtbot.mouseClick(box.now_button, qtbot_left())
    assert box.error.isVisible() and "连不上乡镇卫生院服务器" in box.error.text()
    assert box.runs.item(0, 1).text() == "失败"
    assert "最近一次失败" in win.statusBar().findChild(LastSyncLabel).text()


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.LeftButton
