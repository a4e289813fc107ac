"""设置 holds the township server's address (the same setting as the 同步 page's) and shows the
certificate fingerprint pinned from the township's card; a wrong address is refused in words and
nothing is saved; `sync run` without --server then uses what was saved."""

from __future__ import annotations

import pytest

from app import cli
from app.services.sync import keys as device_keys
from app.services.sync import service
from app.views.main_window import MainWindow
from app.views.sync_network import NetworkSync, NetworkSyncBox, ServerAddressBox, ServerBox
from tests import netkit, storekit, synckit

pytestmark = [pytest.mark.gui, pytest.mark.both_databases]


@pytest.fixture
def world(tmp_path):
    town, (a, b) = netkit.fresh_county(tmp_path, residents=(6, 4))
    yield town, a, b
    if NetworkSync._instance is not None:
        NetworkSync._instance.stop()
        NetworkSync._instance = None


def _saved(device) -> service.ServerSetting:
    with device.store.session() as s:
        return service.server_setting(s)


def _type(qtbot, box: ServerAddressBox, text: str) -> None:
    box.address.clear()
    qtbot.keyClicks(box.address, text)
    qtbot.mouseClick(box.save_button, _left())


def test_the_server_address_is_set_in_settings_checked_and_used_by_sync_run(qtbot, world, tmp_path, capsys):
    town, a, _ = world
    win = MainWindow(a.store, a.paths)
    qtbot.addWidget(win)
    win.show()
    box = win.show_page("settings").findChild(ServerAddressBox)
    assert box is not None and "连接不用证书（http 地址）：同步包本身已加密并签名" in box.pin.text()

    for wrong, words in (
        ("ftp://10.0.0.1", "不是有效的服务器地址"),
        ("http://10.0.0.1:99999", "不是有效的服务器地址"),
        ("https://10.0.0.1:8765", "证书指纹"),
    ):
        _type(qtbot, box, wrong)
        assert words in box.note.text(), wrong
        assert "c62828" in box.address.styleSheet() and box.address.text() == wrong  # kept as typed
        assert _saved(a).url == ""  # nothing saved

    with netkit.serve(town) as server:
        _type(qtbot, box, server.url.removeprefix("http://"))  # host:port means http
        assert _saved(a).url == server.url and box.address.text() == server.url
        assert "已保存" in box.note.text() and box.address.styleSheet() == ""
        assert win.show_page("sync").findChild(NetworkSyncBox).address.text() == server.url  # one setting
        win.grab().save(str(tmp_path / "settings.png"))
        NetworkSync._instance.stop()  # the service started by saving; the CLI run below is alone
        code = cli.main(["--data-dir", str(a.paths.data_dir), "sync", "run", "--once", "--json"])
        out = capsys.readouterr()
        assert code == 0, out.err
    assert netkit.village_rows(town, a) == netkit.village_rows(a, a)


def test_the_pin_from_the_township_card_is_shown(qtbot, world, tmp_path):
    town, a, _ = world
    cert, _key = netkit.self_signed(tmp_path)
    from app.services.sync import transport

    pin = transport.certificate_pin_of_file(cert)
    with town.store.session() as s:
        card = device_keys.my_card(s, town.keys, server="https://127.0.0.1:8765", tls_pin=pin)
    path = tmp_path / "town.json"
    path.write_text(card.to_json(), encoding="utf-8")
    with a.store.transaction() as s:
        device_keys.trust(s, device_keys.read_card(path))
    win = MainWindow(a.store, a.paths)
    qtbot.addWidget(win)
    win.show()
    box = win.show_page("settings").findChild(ServerAddressBox)
    assert box.address.text() == "https://127.0.0.1:8765"
    assert pin[:8] in box.pin.text() and pin[-8:] in box.pin.text()
    _type(qtbot, box, "https://127.0.0.1:9443")  # the card's pin stays with a new https address
    assert _saved(a) == service.ServerSetting("https://127.0.0.1:9443", pin)
    win.grab().save(str(tmp_path / "settings_pin.png"))


@pytest.mark.sqlite_only  # the county's own store is made by the hub (PostgreSQL: test_county)
def test_a_township_syncs_up_to_its_county_from_the_sync_page_and_a_county_has_no_address(qtbot, tmp_path):
    """A township is a village to its county: the county server's address in 设置, and on the 同步
    page its box (named for the county) with 立即同步, beside its own server's box; a county syncs
    up to no one, so it has its server's box only."""
    from tests.test_county import Hub, applied

    hub = Hub(tmp_path)
    town = next(iter(hub.towns.values()))
    try:
        for code, v in hub.villages.items():
            if code.startswith(town.status()["code"]):
                applied(hub.usb(v, town))
        assert any(code.startswith(town.status()["code"]) for code in hub.villages)
        win = MainWindow(town.store, town.paths)
        qtbot.addWidget(win)
        win.show()
        settings = win.show_page("settings").findChild(ServerAddressBox)
        assert settings is not None and settings.title() == "县级同步服务器"
        box = win.show_page("sync").findChild(NetworkSyncBox)
        assert box.title() == "网络同步（县级服务器）" and box.upward
        assert "能连上县级时自动同步" in box.state.text()
        with netkit.serve(hub.county) as server:
            box.address.setText(server.url)
            qtbot.mouseClick(box.now_button, _left())
            qtbot.waitUntil(lambda: not box.sync.busy, timeout=60_000)
            box.refresh()
        assert box.runs.rowCount() == 1 and box.runs.item(0, 1).text() == "成功", [
            [box.runs.item(r, c).text() for c in range(box.runs.columnCount()) if box.runs.item(r, c)]
            for r in range(box.runs.rowCount())
        ]
        mine = [code for code in hub.villages if code.startswith(town.status()["code"])]
        for code in mine:  # the county holds the township's villages now, as the township does
            assert synckit.dump(hub.county.store, code) == synckit.dump(town.store, code), code
        win.close()
        NetworkSync._instance.stop()
        NetworkSync._instance = None

        county = MainWindow(hub.county.store, hub.county.paths)
        qtbot.addWidget(county)
        county.show()
        assert county.show_page("settings").findChild(ServerAddressBox) is None
        page = county.show_page("sync")
        assert page.findChild(NetworkSyncBox) is None  # it syncs up to no one
        assert page.findChild(ServerBox).title() == "同步服务器（各乡镇卫生院连到本机）"
        county.close()
    finally:
        for d in [hub.county, *hub.towns.values(), *hub.villages.values()]:
            storekit.discard(d.store)


def _left():
    from PySide6.QtCore import Qt

    return Qt.LeftButton
