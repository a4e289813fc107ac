"""Starting the GUI: QApplication, bundled CJK font, translator, main window, smoke and screenshot modes."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.config import CJK_FONT, Paths, resource_path
from app.db import Store
from app.services.errors import UserError


def seconds_since_process_start(fallback_t0: float) -> float:
    """Wall time since the OS started this process: /proc on Linux (psutil's creation time there
    rests on a boot time in whole seconds), psutil elsewhere, time since our first import last."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    now = time.time()
    try:
        import psutil

        return now - psutil.Process().create_time()
    except Exception:  # noqa: BLE001 - a figure for people, never a reason to fail
        return time.perf_counter() - fallback_t0


def peak_rss_mb() -> float:
    """This process's own peak memory.  Not ``ru_maxrss``: on Linux it carries the parent's peak
    across fork and exec, so a GUI started by a big process would report that process's peak."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    import psutil

    peak = getattr(psutil.Process().memory_info(), "peak_wset", None)  # Windows
    return peak / 2**20 if peak else float("nan")


def register_cjk_font(app: QApplication) -> str:
    """Register the bundled font and make it the UI font, so no machine shows empty boxes."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path(*CJK_FONT)))
    if font_id < 0:
        raise RuntimeError(f"cannot load the bundled CJK font {resource_path(*CJK_FONT)}")
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family, 10)
    app.setFont(font)
    return family


def install_translator(app: QApplication, lang: str) -> None:
    """Source strings are Simplified Chinese; English comes from the .qm file."""
    app.setProperty("cunyi_lang", lang)
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        translator = QTranslator(app)
        if translator.load(str(resource_path("translations", "cunyi_en.qm"))):
            app.installTranslator(translator)
    else:
        QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
        # Qt's own words (保存 / 取消 / 关闭 on standard buttons, context menus) from Qt's catalogue
        qt = QTranslator(app)
        if qt.load(
            QLocale(QLocale.Chinese, QLocale.China),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.TranslationsPath),
        ):
            app.installTranslator(qt)


def make_app(lang: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CunYi")
    app.setApplicationDisplayName("村医 CunYi")
    register_cjk_font(app)
    install_translator(app, lang or os.environ.get("CUNYI_LANG", "zh"))
    return app


class _FirstPaint(QObject):
    def __init__(self, on_paint):
        super().__init__()
        self.on_paint = on_paint
        self.done = False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if not self.done and event.type() == QEvent.Paint:
            self.done = True
            QTimer.singleShot(0, self.on_paint)
        return False


def _backup_daily(store: Store, paths: Paths, *, wait: bool = False) -> None:
    """The automatic backup (at most one a day), at start on a worker thread, at close in line."""
    import logging
    import threading

    from app.services import backup

    def run() -> None:
        try:
            made = backup.auto_backup(store, paths)
            if made:
                logging.getLogger(__name__).info("daily backup %s", made)
        except Exception:
            logging.getLogger(__name__).exception("daily backup failed")

    if wait:
        run()
    else:
        threading.Thread(target=run, name="daily-backup", daemon=True).start()


def run_gui(
    store: Store,
    paths: Paths,
    *,
    smoke: bool = False,
    screenshots: str | None = None,
    lang: str | None = None,
    t0: float = 0.0,
    scroll_residents: bool = False,
) -> int:
    from app.services import collector
    from app.views.operations import Op

    # Until the window is built, the collector waits: starting makes objects by the hundred
    # thousand (modules, classes, mappers), none of them garbage, and walking them again and
    # again took a tenth of the time to first paint.  (Not while the login dialog waits.)
    with collector.paused():
        app = make_app(lang)
        if lang is None and "CUNYI_LANG" not in os.environ:  # the language chosen in 设置
            from app.services import settings

            chosen = Op(None, store, lambda s: settings.get(s, settings.LANGUAGE)).run()
            if chosen and chosen != app.property("cunyi_lang"):
                install_translator(app, chosen)
        from app.views.main_window import MainWindow

    from app.views.operations import report_unexpected

    sys.excepthook = report_unexpected  # a handler's own fault: logged and said, never only on stderr
    if not smoke and not screenshots:
        from app.services import profile as profiles
        from app.views.login import LoginDialog

        info = Op(None, store, profiles.profile_info).run()
        if info is None:  # not initialised, or the store cannot be read: the user was told
            return 1
        if LoginDialog(store, info.institution).exec() != LoginDialog.Accepted:
            return 0
        _backup_daily(store, paths)
        app.aboutToQuit.connect(lambda: _backup_daily(store, paths, wait=True))
    try:
        with collector.paused():
            window = MainWindow(store, paths)
    except UserError as e:
        print(f"错误：{e.render()}", file=sys.stderr)
        return 1
    if screenshots:
        from app.views.screenshots import save_screenshots

        for path in save_screenshots(window, Path(screenshots)):
            print(path)
        return 0
    if smoke:

        def painted() -> None:
            print(f"first paint: {seconds_since_process_start(t0) * 1000:.0f} ms after process start")
            if (
                scroll_residents
            ):  # the memory probe of `cunyi bench`: the whole list, as if scrolled to the end
                model = window.show_page("residents").model
                while model.canFetchMore():
                    model.fetchMore()
                print(f"rows loaded: {model.rowCount()}")
                print(f"peak rss: {peak_rss_mb():.0f} MB")
            app.quit()

        watcher = _FirstPaint(painted)
        window.installEventFilter(watcher)
        QTimer.singleShot(20_000, lambda: (print("no paint within 20 s", file=sys.stderr), app.exit(2)))
    window.show()
    if not smoke:  # charts need pyqtgraph (~0.3 s to import): load it once the window is up
        from app.views.charts import warm_up

        QTimer.singleShot(1500, warm_up)
    return app.exec()
