"""``cunyi gui``: open the app (the default command), or its smoke run and screenshots."""

from __future__ import annotations

from app.cli.core import PROCESS_T0, add_lang, open_store


def register(sub) -> None:
    g = sub.add_parser("gui", help="open the app (default)")
    g.add_argument(
        "--smoke", action="store_true", help="open the main window, print time to first paint, exit"
    )
    g.add_argument("--screenshots", metavar="DIR", help="save PNGs of every main page and exit")
    add_lang(g, "UI language for this run", default=None)
    g.add_argument(
        "--scroll-residents",
        action="store_true",
        help="(with --smoke) load the whole resident list, then print peak memory",
    )
    g.set_defaults(func=open_gui)


def open_gui(args) -> int:
    from app.views.startup import run_gui  # PySide6: only when the GUI is wanted

    paths, store = open_store(args)
    return run_gui(
        store,
        paths,
        smoke=args.smoke,
        screenshots=args.screenshots,
        lang=args.lang,
        t0=PROCESS_T0,
        scroll_residents=args.scroll_residents,
    )
