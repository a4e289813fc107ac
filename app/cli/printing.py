"""``cunyi print``: every paper document as a PDF file, with Chinese or English labels."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from app.cli.core import (
    PDF_HELP,
    PROGRAM_HELP,
    RESIDENT_HELP,
    CliError,
    add_lang,
    english_translator,
    open_store,
)
from app.cli.numbers import DUE_DAYS, YEAR, WholeNumber
from app.i18n import QT_TRANSLATE_NOOP

NEXT_VISIT_HELP = QT_TRANSLATE_NOOP(
    "Cli", "逾期患者随访卡上打印的下次随访日期 YYYY-MM-DD（今天或之后）；不指定时卡上注明逾期天数"
)


def visit_day(text: str):
    """``--next-visit``: a date as the forms take it, refused in one sentence otherwise."""
    import argparse

    from app.cli import core
    from app.services.records.validators import Invalid, parse_date

    try:
        return parse_date(text, QT_TRANSLATE_NOOP("Field", "下次随访日期"))
    except Invalid as e:  # (said in the language of the command line)
        raise argparse.ArgumentTypeError(e.message.render(core.speak)) from None


def register(sub) -> None:
    pr = sub.add_parser("print", help=QT_TRANSLATE_NOOP("Cli", "打印文档（PDF）")).add_subparsers(
        dest="document", required=True
    )

    def document(name: str, help_text: str):
        sp = pr.add_parser(name, help=help_text)
        sp.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help=PDF_HELP)
        add_lang(sp, QT_TRANSLATE_NOOP("Cli", "表单标签的语言"))
        sp.set_defaults(func=print_document)
        return sp

    pp = document("referral", QT_TRANSLATE_NOOP("Cli", "双向转诊单（转出；加 --return 为回转）"))
    pp.add_argument("id", help=QT_TRANSLATE_NOOP("Cli", "转诊单 ID"))
    pp.add_argument(
        "--return", dest="returning", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "打印回转单")
    )
    pp = document("card", QT_TRANSLATE_NOOP("Cli", "单张随访卡，正反面，卡片尺寸"))
    pp.add_argument("resident", help=RESIDENT_HELP)
    pp.add_argument("--next-visit", type=visit_day, metavar="DATE", help=NEXT_VISIT_HELP)
    for name, help_text in (
        ("cards", QT_TRANSLATE_NOOP("Cli", "A4 纸排版的随访卡")),
        ("worklist", QT_TRANSLATE_NOOP("Cli", "入户随访工作单")),
    ):
        pp = document(name, help_text)
        pp.add_argument(
            "--due-within",
            type=DUE_DAYS,
            default=7,
            metavar="DAYS",
            help=QT_TRANSLATE_NOOP("Cli", "逾期及 DAYS 天内到期（0-365，默认 7）"),
        )
        pp.add_argument("--group", default="", help=QT_TRANSLATE_NOOP("Cli", "仅限此村民小组（按名称）"))
        pp.add_argument("--village", default="", help=QT_TRANSLATE_NOOP("Cli", "（乡镇）仅限此12位村代码"))
        if name == "cards":
            pp.add_argument(
                "--per-sheet",
                type=WholeNumber(QT_TRANSLATE_NOOP("Field", "每页张数")),
                choices=[8, 10],
                default=10,
                help=QT_TRANSLATE_NOOP("Cli", "每张 A4 纸排几张卡（默认 10）"),
            )
            pp.add_argument("--next-visit", type=visit_day, metavar="DATE", help=NEXT_VISIT_HELP)
        else:
            pp.add_argument("--program", choices=["htn", "t2dm"], help=PROGRAM_HELP)
    pp = document("cover", QT_TRANSLATE_NOOP("Cli", "居民健康档案封面，含完整的17位档案编号"))
    pp.add_argument("resident", help=RESIDENT_HELP)
    pp = document("blank", QT_TRANSLATE_NOOP("Cli", "空白随访表（停电时手填）"))
    pp.add_argument("program", choices=["htn", "t2dm"], help=PROGRAM_HELP)
    pp = document("record", QT_TRANSLATE_NOOP("Cli", "按档案填好的个人基本信息表"))
    pp.add_argument("resident", help=RESIDENT_HELP)
    pp = document("visits", QT_TRANSLATE_NOOP("Cli", "填入一年随访记录的随访服务记录表，每页4次"))
    pp.add_argument("resident", help=RESIDENT_HELP)
    pp.add_argument("--program", required=True, choices=["htn", "t2dm"], help=PROGRAM_HELP)
    pp.add_argument(
        "--year",
        type=YEAR,
        metavar="Y",
        help=QT_TRANSLATE_NOOP("Cli", "随访年份（默认：有随访的最近一年）"),
    )


def print_labels(lang: str):
    """Labels for printed documents: Chinese as written, English from the .qm the GUI uses."""
    from app.services.printing import Labels

    if lang != "en":
        return Labels()
    return Labels(english_translator(), "en")


def print_document(args) -> int:
    from app.services import printing, safe_output

    _, store = open_store(args)
    labels = print_labels(args.lang)
    if Path(args.output).is_dir():  # before rendering, which records the print in the audit trail
        raise CliError(
            QT_TRANSLATE_NOOP("Cli", "无法写入 {folder}：这是一个文件夹，请给出文件名，如 {example}"),
            folder=args.output,
            example=Path(args.output) / "card.pdf",
        )
    safe_output.named_as(args.output, ".pdf")  # (so is a name the file would open wrong under)
    safe_output.file_target(args.output)  # (so is what else would stop the file being written)
    started = time.perf_counter()
    with store.session() as s:
        data = _render(s, args, labels)
    path = printing.write_pdf(args.output, data)
    print(f"已写入 {path}（{len(data) / 1024:.0f} KB，用时 {time.perf_counter() - started:.2f} 秒）")
    warn_missing_characters(data)
    return 0


def warn_missing_characters(data: bytes) -> None:
    """Every printed document says so when characters of its text are not in the print font (a rare
    name character printed as 〓): the doctor fills them in by hand."""
    from app.services import printing
    from app.services.printing.engine import close_pdf, open_pdf

    pdf = open_pdf(data)
    try:
        marks = printing.missing_marks(pdf)
    finally:
        close_pdf(pdf)
    if marks:
        print(
            f"注意：有 {marks} 个字打印字库中没有，印成了“{printing.MISSING}”：请打印后用笔补写",
            file=sys.stderr,
        )


def _render(s, args, labels) -> bytes:
    import uuid

    from app.services import printing

    if args.document == "referral":
        try:
            referral_id = uuid.UUID(args.id if args.id.isascii() else "")  # int(…, 16) takes ٣
        except ValueError:
            raise CliError(QT_TRANSLATE_NOOP("Cli", "转诊单编号格式不对：{id}"), id=args.id) from None
        return printing.referral_pdf(s, referral_id, labels, returning=args.returning)
    if args.document == "card":
        return printing.card_pdf(s, args.resident, labels, planned=args.next_visit)
    if args.document == "cover":
        return printing.cover_pdf(s, args.resident, labels)
    if args.document == "blank":
        return printing.blank_form_pdf(args.program, labels, s)
    if args.document == "record":
        return printing.record_pdf(s, args.resident, labels)
    if args.document == "visits":  # without --year: the latest year with a visit
        return printing.visits_pdf(s, args.resident, args.program, args.year, labels)
    scope = _scope(s, args)
    if args.document == "cards":
        ids = printing.due_resident_ids(s, args.due_within, **scope)
        if not ids:
            raise CliError(
                QT_TRANSLATE_NOOP("Cli", "没有逾期或{days}天内到期的随访对象，未生成文件"),
                days=args.due_within,
            )
        return printing.cards_pdf(s, ids, labels, per_sheet=args.per_sheet, planned=args.next_visit)
    return printing.worklist_pdf(s, labels, due_within=args.due_within, program=args.program, **scope)


def _scope(s, args) -> dict:
    from app.services.programmes import worklist

    return worklist.print_scope(s, args.village, args.group)
