"""``cunyi education``: the health-education log (健康教育活动记录表) with its archived files."""

from __future__ import annotations

from app.cli.core import PDF_HELP, add_json, add_lang, open_store, print_json
from app.cli.numbers import YEAR
from app.i18n import QT_TRANSLATE_NOOP


def register(sub) -> None:
    e = sub.add_parser("education", help=QT_TRANSLATE_NOOP("Cli", "健康教育活动")).add_subparsers(
        dest="action", required=True
    )
    ea = e.add_parser("add", help=QT_TRANSLATE_NOOP("Cli", "记录一次活动"))
    ea.add_argument("--date", required=True, help=QT_TRANSLATE_NOOP("Cli", "活动时间 YYYY-MM-DD"))
    ea.add_argument(
        "--form",
        required=True,
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "活动形式：1 发放印刷资料，2 播放音像资料，3 宣传栏，4 公众健康咨询活动，5 健康知识讲座，6 个体化健康教育",
        ),
    )
    ea.add_argument("--topic", required=True, help=QT_TRANSLATE_NOOP("Cli", "活动主题"))
    ea.add_argument("--place", required=True, help=QT_TRANSLATE_NOOP("Cli", "活动地点"))
    ea.add_argument("--audience", required=True, help=QT_TRANSLATE_NOOP("Cli", "接受健康教育人数"))
    ea.add_argument("--audience-kind", default="", help=QT_TRANSLATE_NOOP("Cli", "接受健康教育人员类别"))
    ea.add_argument("--organiser", default="", help=QT_TRANSLATE_NOOP("Cli", "组织者"))
    ea.add_argument("--materials", default="", help=QT_TRANSLATE_NOOP("Cli", "资料发放种类及数量"))
    ea.add_argument("--kinds", default="", help=QT_TRANSLATE_NOOP("Cli", "资料种类数（印刷/音像）"))
    ea.add_argument("--content", default="", help=QT_TRANSLATE_NOOP("Cli", "活动内容"))
    ea.add_argument("--evaluation", default="", help=QT_TRANSLATE_NOOP("Cli", "活动总结评价"))
    ea.add_argument(
        "--attach",
        nargs="+",
        default=[],
        metavar="FILE",
        help=QT_TRANSLATE_NOOP("Cli", "照片（JPEG/PNG）或 PDF"),
    )
    ea.add_argument(
        "--signin",
        nargs="+",
        default=[],
        metavar="FILE",
        help=QT_TRANSLATE_NOOP("Cli", "签到表（JPEG/PNG/PDF）"),
    )
    add_json(ea)
    ea.set_defaults(func=add)
    el = e.add_parser("list", help=QT_TRANSLATE_NOOP("Cli", "活动列表，最新的在前"))
    el.add_argument("--year", type=YEAR, help=QT_TRANSLATE_NOOP("Cli", "只列出这一年的活动"))
    add_json(el)
    el.set_defaults(func=list_)
    ep = e.add_parser("progress", help=QT_TRANSLATE_NOOP("Cli", "本年各项次数与规范最低次数对照"))
    ep.add_argument("--year", type=YEAR, help=QT_TRANSLATE_NOOP("Cli", "年份（默认：今年）"))
    add_json(ep)
    ep.set_defaults(func=progress)
    pr = e.add_parser("print", help=QT_TRANSLATE_NOOP("Cli", "一次活动的健康教育活动记录表（PDF）"))
    pr.add_argument("id", help=QT_TRANSLATE_NOOP("Cli", "活动 ID（见 education list）"))
    pr.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help=PDF_HELP)
    add_lang(pr, QT_TRANSLATE_NOOP("Cli", "记录表栏目名称的语言"))
    pr.set_defaults(func=print_record)


def add(args) -> int:
    from app.services.programmes import education

    files = education.read_files(args.attach, "photo") + education.read_files(args.signin, "signin")
    _, store = open_store(args)
    with store.transaction() as s:
        a = education.add_activity(
            s,
            education.ActivityInput(
                held_on=args.date,
                place=args.place,
                form=args.form,
                topic=args.topic,
                organiser=args.organiser,
                audience_kind=args.audience_kind,
                audience_count=args.audience,
                materials=args.materials,
                material_kinds=args.kinds,
                content=args.content,
                evaluation=args.evaluation,
            ),
            files,
        )
        aid = a.id
    with store.session() as s:
        row = education.get_activity(s, aid)
    if args.json:
        print_json(row.as_json())
    else:
        print(f"已保存：{row.id}  {row.held_on} {row.topic}（附件 {len(row.attachments)} 个）")
    return 0


def list_(args) -> int:
    from app.codes import CODE_LISTS
    from app.services.programmes import education

    _, store = open_store(args)
    with store.session() as s:
        rows = education.list_activities(s, args.year)
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    if not rows:
        print(f"{args.year}年没有健康教育活动记录" if args.year else "没有健康教育活动记录")
    for r in rows:
        print(
            f"{r.id}  {r.held_on}  {CODE_LISTS['education_form'].label(r.form)}  {r.topic}  "
            f"{r.place}  {r.audience_count}人  附件{len(r.attachments)}"
        )
    return 0


def progress(args) -> int:
    from app.services.programmes import education
    from app.services.sync.capture import pc_today

    year = args.year or pc_today().year
    _, store = open_store(args)
    with store.session() as s:
        lines = education.progress(s, year)
    if args.json:
        print_json(
            [
                {
                    "key": p.key,
                    "done": p.done,
                    "minimum": p.minimum,
                    "expected_by_now": p.expected_by_now,
                    "behind": p.behind,
                    "text": education.progress_text(p),
                    # each institution on its own (a township's: its villages and itself)
                    "units": [
                        {
                            "code": u.code,
                            "name": u.name,
                            "done": u.done,
                            "minimum": u.minimum,
                            "expected_by_now": u.expected_by_now,
                            "every_months": u.every_months,
                            "missed": [list(m) for m in u.missed],  # [first month, last month]
                            "behind": u.behind,
                        }
                        for u in p.units
                    ],
                }
                for p in lines
            ]
        )
        return 0
    for p in lines:
        print(education.progress_text(p))
    return 0


def print_record(args) -> int:
    from pathlib import Path

    from app.cli.printing import print_labels, warn_missing_characters
    from app.services.printing import education_form

    _, store = open_store(args)
    with store.transaction() as s:
        pages = education_form.write(s, args.id, args.output, print_labels(args.lang))
    print(f"已生成 {args.output}（{pages} 页）")
    warn_missing_characters(Path(args.output).read_bytes())
    return 0
