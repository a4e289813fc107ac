"""``cunyi bench``: measure the performance budgets against raw baselines in the same process."""

from __future__ import annotations

import sys

from app.cli.core import add_json, print_json
from app.cli.numbers import WholeNumber
from app.i18n import QT_TRANSLATE_NOOP


def register(sub) -> None:
    b = sub.add_parser("bench", help=QT_TRANSLATE_NOOP("Cli", "对照原始基线测量各项性能预算"))
    b.add_argument(
        "--scale",
        choices=["village", "township", "county"],
        default="township",
        help=QT_TRANSLATE_NOOP(
            "Cli", "数据规模：一个村、一个乡镇（默认，6 万居民）或县级（100 万居民，需 --db）"
        ),
    )
    add_json(b)
    b.add_argument("--only", help=QT_TRANSLATE_NOOP("Cli", "测量项名称或前缀，用逗号分隔（search,gui.rss）"))
    b.add_argument(
        "--seed",
        type=WholeNumber(QT_TRANSLATE_NOOP("Field", "随机种子")),
        default=1,
        help=QT_TRANSLATE_NOOP("Cli", "生成测试数据的随机种子（默认 1）"),
    )
    b.add_argument(
        "--encrypt",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "另在加密副本（SQLCipher）上测量数据库各项，并报告加密开销"),
    )
    b.set_defaults(func=measure)


def measure(args) -> int:
    from app.tools.bench import format_table, run_bench

    only = [o.strip() for o in args.only.split(",")] if args.only else None
    if args.db:  # the store metrics on PostgreSQL: the scale's bench store copied into the empty --db
        from app.tools.pgbench import run_pg_bench

        result = run_pg_bench(
            args.scale, args.db, seed=args.seed, only=only, log=lambda m: print(m, file=sys.stderr)
        )
        print_json(result) if args.json else print(format_table(result))
        return 0
    result = run_bench(
        args.scale, only=only, seed=args.seed, encrypt=args.encrypt, log=lambda m: print(m, file=sys.stderr)
    )
    if args.json:
        print_json(result)
    else:
        print(format_table(result))
    return 0
