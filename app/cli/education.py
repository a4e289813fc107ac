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
    _activity_options(ea, required=True)
    add_json(ea)
    ea.set_defaults(func=add)
    ed = e.add_parser("edit", help=QT_TRANSLATE_NOOP("Cli", "修改录错的活动：只改给出的栏目，其余照旧"))
    ed.add_argument("id", help=QT_TRANSLATE_NOOP("Cli", "活动 ID（见 education list）"))
    _activity_options(ed, required=False)
    ed.add_argument(
        "--remove-file",
        dest="remove",
        nargs="+",
        default=[],
        metavar="FILE",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "移除误存的存档材料：附件 ID（见 education list --json）或文件名；文件作废保留，不再列出和打印",
        ),
    )
    add_json(ed)
    ed.set_defaults(func=edit)
    ev = e.add_parser("void", help=QT_TRANSLATE_NOOP("Cli", "作废误录的活动（没有举办、录了两次）"))
    ev.add_argument("id", help=QT_TRANSLATE_NOOP("Cli", "活动 ID（见 education list）"))
    ev.add_argument(
        "--reason", required=True, help=QT_TRANSLATE_NOOP("Cli", "作废原因（随记录保留，乡镇卫生院可见）")
    )
    add_json(ev)
    ev.set_defaults(func=void)
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


# the options of the record's fields: (option, ActivityInput field, help); ``add`` requires the first five
FIELDS = (
    ("--date", "held_on", QT_TRANSLATE_NOOP("Cli", "活动时间 YYYY-MM-DD")),
    (
        "--form",
        "form",
        QT_TRANSLATE_NOOP(
            "Cli",
            "活动形式：1 发放印刷资料，2 播放音像资料，3 宣传栏，4 公众健康咨询活动，5 健康知识讲座，6 个体化健康教育",
        ),
    ),
    ("--topic", "topic", QT_TRANSLATE_NOOP("Cli", "活动主题")),
    ("--place", "place", QT_TRANSLATE_NOOP("Cli", "活动地点")),
    ("--audience", "audience_count", QT_TRANSLATE_NOOP("Cli", "接受健康教育人数")),
    ("--audience-kind", "audience_kind", QT_TRANSLATE_NOOP("Cli", "接受健康教育人员类别")),
    ("--organiser", "organiser", QT_TRANSLATE_NOOP("Cli", "组织者")),
    ("--materials", "materials", QT_TRANSLATE_NOOP("Cli", "资料发放种类及数量")),
    ("--kinds", "material_kinds", QT_TRANSLATE_NOOP("Cli", "资料种类数（印刷/音像）")),
    ("--content", "content", QT_TRANSLATE_NOOP("Cli", "活动内容")),
    ("--evaluation", "evaluation", QT_TRANSLATE_NOOP("Cli", "活动总结评价")),
)


def _activity_options(parser, *, required: bool) -> None:
    """The record's fields and its archived files.  ``required`` (``add``): the first five must be
    given, the rest are blank unless given; else (``edit``) each is left as it is unless given."""
    for i, (option, key, help_text) in enumerate(FIELDS):
        parser.add_argument(
            option, dest=key, required=required and i < 5, default="" if required else None, help=help_text
        )
    parser.add_argument(
        "--attach",
        nargs="+",
        default=[],
        metavar="FILE",
        help=QT_TRANSLATE_NOOP("Cli", "照片（JPEG/PNG）或 PDF"),
    )
    parser.add_argument(
        "--signin",
        nargs="+",
        default=[],
        metavar="FILE",
        help=QT_TRANSLATE_NOOP("Cli", "签到表（JPEG/PNG/PDF）"),
    )


def _given(args) -> dict:
    return {key: getattr(args, key) for _option, key, _help in FIELDS if getattr(args, key) is not None}


def _files(args) -> list[tuple[str, bytes, str]]:
    from app.services.programmes import education

    return education.read_files(args.attach, "photo") + education.read_files(args.signin, "signin")


def _saved(store, aid, args, said: str) -> int:
    from app.services.programmes import education

    with store.session() as s:
        row = education.get_activity(s, aid)
    if args.json:
        print_json(row.as_json())
    else:
        print(f"{said}：{row.id}  {row.held_on} {row.topic}（附件 {len(row.attachments)} 个）")
    return 0


def add(args) -> int:
    from app.services.programmes import education

    files = _files(args)
    _, store = open_store(args)
    with store.transaction() as s:
        aid = education.add_activity(s, education.ActivityInput(**_given(args)), files).id
    return _saved(store, aid, args, "已保存")


def edit(args) -> int:
    from app.services.programmes import education

    files = _files(args)
    _, store = open_store(args)
    with store.transaction() as s:
        aid = education.edit_activity(s, args.id, _given(args), files, args.remove).id
    return _saved(store, aid, args, "已修改")


def void(args) -> int:
    from app.services.programmes import education

    _, store = open_store(args)
    with store.transaction() as s:
        a = education.void_activity(s, args.id, args.reason)
        done = {
            "id": str(a.id),
            "date": a.held_on.isoformat(),
            "topic": a.topic,
            "voided": a.voided,
            "void_reason": a.void_reason,
        }
    if args.json:
        print_json(done)
    else:
        print(f"已作废：{done['date']} 的健康教育活动“{done['topic']}”（{done['void_reason']}）")
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
