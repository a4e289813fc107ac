"""Shared fixtures: a fresh store per test (village or township), the Qt app with the bundled font."""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A broken Qt must fail the suite, never skip it: import it unconditionally here.
import PySide6.QtWidgets  # noqa: E402,F401
import pytest  # noqa: E402

from app.db import Store  # noqa: E402
from app.services import profile  # noqa: E402
from app.services.records.residents import ResidentInput  # noqa: E402
from app.services.sync import keys  # noqa: E402

VILLAGE_CODE = "110105001101"
TOWNSHIP_CODE = "110105001"
TODAY = dt.date(2026, 11, 23)


def make_store(tmp_path, role: str = "village", code: str = VILLAGE_CODE, name: str = "测试村") -> Store:
    data = tmp_path / f"data-{role}"
    data.mkdir(parents=True, exist_ok=True)
    store = Store(f"sqlite:///{data / 'cunyi.db'}", backups_dir=data / "backups")
    with store.transaction() as s:
        profile.init_profile(s, role=role, code=code, name=name, admin="doctor", admin_name="李医生")
    keys.create_keys(data / "keys")  # as `cunyi init` does
    return store


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path)
    yield s
    s.dispose()


@pytest.fixture
def township_store(tmp_path):
    s = make_store(tmp_path, "township", TOWNSHIP_CODE, "朝阳乡")
    yield s
    s.dispose()


@pytest.fixture
def person():
    """A valid resident input: 女, born 1949-12-31."""

    def make(**kw) -> ResidentInput:
        base = dict(name="张三", id_number="11010519491231002X", phone="13812345678", group_name="一组")
        base.update(kw)
        return ResidentInput(**base)

    return make


@pytest.fixture(scope="session")
def qapp_args():
    return ["cunyi-tests"]


@pytest.fixture(scope="session")
def qapp_cls():
    from PySide6.QtWidgets import QApplication

    return QApplication


@pytest.fixture
def gui_app(qapp):
    from app.views.startup import install_translator, register_cjk_font

    register_cjk_font(qapp)
    install_translator(qapp, "zh")
    return qapp
