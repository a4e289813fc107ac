"""A county reads and counts its townships' records and writes none: its windows offer no action
that would only be refused after a form was filled (编辑, 添加家庭成员, 录入随访, 纳入管理, 开转诊单,
a referral's 到位/不到位/回转, 新建档案, 导入花名册), while a township's offer them all."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from sqlalchemy import select

from app.models import Resident
from app.services.records import overview as records_overview
from app.views.main_window import MainWindow
from app.views.residents import ResidentDialog
from tests import storekit
from tests.test_county import Hub

pytestmark = [pytest.mark.gui]


@pytest.fixture
def hub(tmp_path, gui_app):
    h = Hub(tmp_path)
    h.up()
    yield h
    for d in [h.county, *h.towns.values(), *h.villages.values()]:
        storekit.discard(d.store)


def _shown(widget, texts) -> set[str]:
    return {b.text() for b in widget.findChildren(QPushButton) if b.isVisibleTo(widget) and b.text() in texts}


WRITES = {"编辑", "添加家庭成员", "开转诊单…", "到位", "不到位…", "回转…", "撤销到位/不到位"}


@pytest.mark.parametrize("level", ["county", "township"])
def test_a_county_is_offered_no_action_it_may_not_take(hub, qtbot, level):
    device = hub.county if level == "county" else next(iter(hub.towns.values()))
    with device.store.session() as s:
        rid = s.scalar(select(Resident.id).order_by(Resident.archive_no).limit(1))
    with device.store.session() as s:
        overview = records_overview.resident_overview(s, rid)
    dialog = ResidentDialog(device.store, overview)
    qtbot.addWidget(dialog)
    dialog.show()
    actions = {b.text() for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog)}
    visits = {t for t in actions if t.startswith(("录入", "纳入"))}
    offered = _shown(dialog, WRITES) | visits
    assert dialog.findChild(QDialogButtonBox) is not None
    if level == "county":
        assert overview.read_only and offered == set(), offered
    else:
        assert not overview.read_only and {"编辑", "添加家庭成员", "开转诊单…"} <= offered
    dialog.close()
    win = MainWindow(device.store, device.paths)
    qtbot.addWidget(win)
    win.show()
    page = win.show_page("residents")
    assert page.new_button.isVisibleTo(page) == page.import_button.isVisibleTo(page) == (level != "county")
    home = win.show_page("home")
    assert home.referrals.read_only == (level == "county")
    win.close()
