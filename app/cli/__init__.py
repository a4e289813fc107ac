"""The ``cunyi`` command line: a thin view over the services (see DESIGN.md, CLI contract).

One module per command group, each with ``register(subparsers)``; :mod:`app.cli.core` holds the
global options, opening the store and the error path.  User errors are one plain sentence on
stderr and exit status 1 (argument errors: status 2); never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from app.cli import (
    audit,
    backup,
    bench,
    contract,
    core,
    demo,
    device,
    education,
    elderly,
    followup,
    gui,
    init,
    institution,
    migrate_store,
    poverty,
    printing,
    referral,
    report,
    residents,
    review,
    serve,
    smi,
    store,
    sync,
    users,
)
from app.i18n import QT_TRANSLATE_NOOP

# In the order `cunyi --help` lists them.
GROUPS = (
    gui,
    init,
    institution,
    demo,
    residents,
    printing,
    followup,
    smi,
    elderly,
    contract,
    poverty,
    education,
    referral,
    report,
    review,
    device,
    sync,
    serve,
    users,
    audit,
    backup,
    store,
    migrate_store,
    bench,
)


def build_parser() -> argparse.ArgumentParser:
    parser = core.CliParser(
        prog="cunyi", description=QT_TRANSLATE_NOOP("Cli", "CunYi 村医 — 村卫生室居民健康档案")
    )
    core.add_global_options(parser)
    sub = parser.add_subparsers(dest="command")
    for group in GROUPS:
        group.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = core.globals_first(list(sys.argv[1:] if argv is None else argv))
    core.use_language(core.cli_language())  # (CUNYI_LANG=en: help and errors in English)
    try:
        parser = core.translated(build_parser())
        core.refuse_unreadable(parser, argv)  # (bytes that are not UTF-8: refused once, here)
        args = parser.parse_args(argv)
        if args.command is None:  # the GUI is the default command
            args = parser.parse_args([*argv, "gui"])
        return core.run(args.func, args)
    finally:
        core.use_language("zh")  # (a process that goes on, as tests run commands, starts afresh)
