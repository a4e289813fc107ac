"""Every user-visible string has a finished English and zh_CN translation, and the .qm files are current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _i18n():
    spec = importlib.util.spec_from_file_location("i18n", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_translations_are_complete_and_compiled():
    assert _i18n().problems() == []


def test_english_ui_is_english(gui_app, store, qtbot):
    from app.services.records.validators import Invalid, validate_phone
    from app.views.main_window import MainWindow
    from app.views.startup import install_translator
    from app.views.widgets import render

    install_translator(gui_app, "en")
    try:
        window = MainWindow(store)
        qtbot.addWidget(window)
        assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
            "Today",
            "Health records",
            "Follow-up",
            "Elderly",
            "Special follow-up",
            "Contracts",
            "Poverty",
            "Education",
            "Print",
            "Sync",
            "Audit",
            "Quality",
            "Review",
            "Users",
            "Settings",
        ]
        with pytest.raises(Invalid) as e:
            validate_phone("1381234", "本人电话")
        assert render(e.value.message) == "Own phone: a mobile number has 11 digits starting with 1"
    finally:
        install_translator(gui_app, "zh")
