"""``cunyi gui``: open the app (the default command), or its smoke run and screenshots."""

from __future__ import annotations

from app.cli.core import PROCESS_T0, add_lang, open_store
from app.i18n import QT_TRANSLATE_NOOP


def register(sub) -> None:
    g = sub.add_parser("gui", help=QT_TRANSLATE_NOOP("Cli", "打开程序（默认）"))
    g.add_argument(
        "--smoke", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "打开主窗口，输出首次绘制耗时后退出")
    )
    g.add_argument(
        "--screenshots", metavar="DIR", help=QT_TRANSLATE_NOOP("Cli", "保存各主页面的 PNG 截图后退出")
    )
    add_lang(g, QT_TRANSLATE_NOOP("Cli", "本次运行的界面语言"), default=None)
    g.add_argument(
        "--scroll-residents",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "（配合 --smoke）加载完整居民列表，然后输出内存峰值"),
    )
    g.set_defaults(func=open_gui)


def open_gui(args) -> int:
    from app.services import collector

    with collector.paused():  # starting: objects by the hundred thousand, none of them garbage
        from app.views.startup import run_gui  # PySide6: only when the GUI is wanted
    try:
        with collector.paused():
            paths, store = open_store(args)
    except Exception as e:
        if not (args.smoke or args.screenshots):
            _tell_in_a_window(e, args.lang)  # the desktop shortcut's CunYi has no console …
        raise  # … and the CLI's says it on stderr too
    return run_gui(
        store,
        paths,
        smoke=args.smoke,
        screenshots=args.screenshots,
        lang=args.lang,
        t0=PROCESS_T0,
        scroll_residents=args.scroll_residents,
    )


def _tell_in_a_window(error: Exception, lang: str | None) -> None:
    """Why the app did not open, in a window in the user's language: the store did not open."""
    from app.cli.core import user_text
    from app.services.errors import UserError
    from app.views.operations import show_error
    from app.views.startup import make_app
    from app.views.widgets import translate

    make_app(lang)
    title = translate("Startup", "村医未能打开")
    if isinstance(error, UserError) or user_text(error) is None:
        show_error(None, title, error)  # (a bug: one sentence; the traceback goes to the log)
    else:  # the command line's own sentence
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, title, user_text(error))
