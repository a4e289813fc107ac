"""``cunyi bench``: measure the performance budgets against raw baselines in the same process."""

from __future__ import annotations

import sys

from app.cli.core import print_json
from app.cli.numbers import WholeNumber


def register(sub) -> None:
    b = sub.add_parser("bench", help="measure the performance budgets against raw baselines")
    b.add_argument("--scale", choices=["village", "township", "county"], default="township")
    b.add_argument("--json", action="store_true", help="print JSON instead of text")
    b.add_argument("--only", help="comma-separated metric names or prefixes (search,gui.rss)")
    b.add_argument("--seed", type=WholeNumber("随机种子"), default=1)
    b.add_argument(
        "--encrypt",
        action="store_true",
        help="also measure the store metrics on an encrypted copy (SQLCipher) and report the cost",
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
