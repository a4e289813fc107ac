"""``cunyi demo``: realistic synthetic residents, households and follow-ups."""

from __future__ import annotations

import sys
import time

from app.cli.core import open_store
from app.cli.numbers import WholeNumber
from app.i18n import QT_TRANSLATE_NOOP


def register(sub) -> None:
    d = sub.add_parser("demo", help=QT_TRANSLATE_NOOP("Cli", "添加逼真的模拟居民"))
    d.add_argument(
        "--residents",
        type=WholeNumber(QT_TRANSLATE_NOOP("Field", "居民人数")),
        default=3000,
        help=QT_TRANSLATE_NOOP("Cli", "模拟居民人数（默认 3000）"),
    )
    d.add_argument(
        "--seed",
        type=WholeNumber(QT_TRANSLATE_NOOP("Field", "随机种子")),
        default=1,
        help=QT_TRANSLATE_NOOP("Cli", "随机种子：相同的种子生成相同的数据（默认 1）"),
    )
    d.add_argument(
        "--villages",
        type=WholeNumber(QT_TRANSLATE_NOOP("Field", "村数")),
        help=QT_TRANSLATE_NOOP("Cli", "（乡镇）村的数量（默认：每 1,000 名居民一个村，最多 30 个）"),
    )
    d.set_defaults(func=generate)


def generate(args) -> int:
    from app.tools import demo

    _, store = open_store(args)
    last = [0.0]

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty() and (time.perf_counter() - last[0] > 1 or done == total):
            last[0] = time.perf_counter()
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    with store.transaction() as s:
        demo.check_demo_store(s)  # (never into a store of real records)
        result = demo.generate_demo(s, args.residents, args.seed, villages=args.villages, progress=progress)
    print(file=sys.stderr)
    print(
        f"已生成演示数据：{result.villages} 个村，{result.households} 户，{result.residents} 人，"
        f"用时 {result.seconds:.1f} 秒"
    )
    return 0
