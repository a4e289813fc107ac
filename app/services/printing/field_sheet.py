"""A form declared as a field table, printed as the paper form: section by section, two fields a
row, filled with a saved record's values or blank for writing by hand (every option of a code list
printed with its box, so a blank form is complete on paper).  Documents of the SMI and elderly
programmes are short descriptions on top of this (``smi_forms``, ``elderly_forms``)."""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP, number_text
from app.services.printing.layout import (
    FONT,
    Labels,
    label_style,
    markup,
    numbered_canvas,
    page_numbers,
    para_style,
    register_font,
)
from app.services.records.field_table import Field, FieldTable, Kind

A4 = (210 * mm, 297 * mm)
MARGIN = 14 * mm
TICK, BOX = "■", "□"
NO, YES = QT_TRANSLATE_NOOP("Field", "否"), QT_TRANSLATE_NOOP("Field", "是")


def resident_heading(T: Labels, resident) -> list[str]:  # noqa: N803
    """A form's head: the resident's name and short archive number (101-00052), or blanks to write
    them on."""
    if resident is None:
        return [T("Print", "姓名：＿＿＿＿"), T("Print", "编号：＿＿＿-＿＿＿＿＿")]
    no = resident.archive_no
    return [
        T("Print", "姓名：{name}").replace("{name}", resident.name),
        T("Print", "编号：{no}").replace("{no}", f"{no[-8:-5]}-{no[-5:]}"),
    ]


def value_text(f: Field, value, T: Labels, *, blank: bool) -> str:
    """A field's value as printed; blank: what the paper form shows before it is filled."""
    if f.kind in (Kind.CODE, Kind.MULTI):
        cl = CODE_LISTS[f.codes]
        chosen = set(value or []) if f.kind is Kind.MULTI else {value} if value not in (None, "") else set()
        if blank or len(cl.codes) <= 6 or f.kind is Kind.MULTI:
            return "  ".join(f"{TICK if c.code in chosen else BOX}{c.label(T.lang)}" for c in cl)
        return "、".join(cl.label(c, T.lang) for c in chosen)
    if f.kind is Kind.BOOL:  # 否 and 是 both printed: "not ticked" never reads as "not filled in"
        no, yes = (BOX, BOX) if blank or value is None else ((BOX, TICK) if value else (TICK, BOX))
        return f"{no}{T('Field', NO)}  {yes}{T('Field', YES)}"
    if f.kind is Kind.NUMBER and _choices(f):  # a small scale (危险性评估 0–5): every step with its box
        chosen = None if blank or value in (None, "") else str(value)
        return "  ".join(f"{TICK if str(n) == chosen else BOX}{n}" for n in _choices(f))
    if blank and f.unit:  # the unit printed for the hand that fills it in (creatinine: μmol/L, not mg/dL)
        return f"＿＿＿ {T('Field', f.unit)}"
    if blank or value in (None, ""):
        return ""
    if isinstance(value, dt.date):
        return T.date(value)
    if isinstance(value, float):
        value = number_text(value, f.decimals)
    return f"{value} {T('Field', f.unit)}".strip() if f.unit else str(value)


def _choices(f: Field) -> range | None:
    """The steps of a whole-number field with at most 6 of them (a scale), else None."""
    low, high = f.minimum, f.maximum
    if isinstance(low, int) and isinstance(high, int) and 0 < high - low + 1 <= 6:
        return range(low, high + 1)
    return None


# The page's room for a form (A4 less the margins :func:`render` leaves), and the sizes a form that
# must stay on one page steps down through (font pt, cell padding pt): never below 7.5 pt on A4.
FRAME = (A4[0] - 2 * MARGIN, A4[1] - 23 * mm - 16 * mm)
ONE_PAGE_SIZES = ((8.5, 3.0), (8.0, 2.0), (7.5, 1.5))


def one_page_form(table: FieldTable, values: dict | None, T: Labels, *, skip: tuple[str, ...] = ()) -> list:
    """:func:`form_flowables` at the largest size at which the form fits one page (a visit's form
    is one sheet in the archive, in English too), else at the smallest."""
    for size, pad in ONE_PAGE_SIZES:
        flowables = form_flowables(table, values, T, skip=skip, size=size, pad=pad)
        if sum(f.wrap(*FRAME)[1] for f in flowables) <= FRAME[1]:
            break
    return flowables


def form_flowables(
    table: FieldTable,
    values: dict | None,
    T: Labels,
    *,
    skip: tuple[str, ...] = (),
    size: float = 8.5,
    pad: float = 3.0,
) -> list:
    """The table's sections as a grid: label | value | label | value."""
    register_font()  # before any Paragraph: their styles name the font
    leading = size * 11 / 8.5
    body = para_style(size, leading)  # what was typed: breaks between characters (a long Chinese name)
    words = label_style(T, size, leading)  # the form's own words: English wraps at spaces, never mid-word
    blank = values is None
    values = values or {}
    rows: list[list] = []
    spans: list[int] = []
    wide: list[int] = []

    def style_of(f: Field, followers: list[Field]):
        """Ticked boxes of a code list are the form's words; anything typed keeps :data:`body`."""
        return words if f.kind in (Kind.CODE, Kind.MULTI, Kind.BOOL) and not followers else body

    def label_of(f: Field):
        return Paragraph(markup(T("Field", f.row_label or f.label)), words)

    def text_of(f: Field, followers: list[Field]) -> str:
        colon = ": " if T.lang == "en" else "："
        text = value_text(f, values.get(f.key), T, blank=blank)
        if f.row_label:  # the row is named for all its fields (血压): the leader's named too
            text = f"{T('Field', f.label)}{colon}{text or ('＿＿＿' if blank else '—')}"
        if f.other and values.get(f.other):
            text += f"（{values[f.other]}）"
        if followers and not text:  # the leader's own blank (a drug's name), before its followers'
            text = "＿＿＿＿＿＿" if blank else "—"  # (filled: "—", never the doses alone)
        for g in followers:  # fields printed on their leader's line (早/中/晚 mg, 异常情况 …)
            value = value_text(g, values.get(g.key), T, blank=blank) or ("＿＿＿" if blank else "—")
            text += f"　{T('Field', g.label)}{colon}{value}"
        return text

    for section in table.sections:
        fields = [f for f in section.fields if f.key not in skip]
        if not fields:
            continue
        spans.append(len(rows))
        rows.append([Paragraph(markup(T("Field", section.title)), words), "", "", ""])
        units: list[tuple[Field, list[Field]]] = []
        for f in fields:
            if f.inline is not None and units:
                units[-1][1].append(f)
            else:
                units.append((f, []))
        pending: list[tuple[Field, list[Field]]] = []

        def flush(pending=pending) -> None:
            if not pending:
                return
            cells = []
            for f, followers in pending:
                cells += [label_of(f), Paragraph(markup(text_of(f, followers)), style_of(f, followers))]
            rows.append(cells + [""] * (4 - len(cells)))
            pending.clear()

        for f, followers in units:
            long = f.kind in (Kind.MULTI,) or (f.kind is Kind.CODE and len(CODE_LISTS[f.codes].codes) > 3)
            long = long or (f.kind is Kind.TEXT and f.max_len > 100) or bool(followers)
            if long:
                flush()
                wide.append(len(rows))
                rows.append(
                    [label_of(f), Paragraph(markup(text_of(f, followers)), style_of(f, followers)), "", ""]
                )
                continue
            pending.append((f, followers))
            if len(pending) == 2:
                flush()
        flush()
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, size),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
    ]
    for i in spans:
        style += [("SPAN", (0, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), colors.Color(0.9, 0.9, 0.9))]
    for i in wide:
        style += [("SPAN", (1, i), (-1, i))]
    grid = Table(rows, colWidths=[32 * mm, 59 * mm, 32 * mm, 59 * mm], repeatRows=0)
    grid.setStyle(TableStyle(style))
    return [grid]


def render(
    title: str,
    heading: list[str],
    flowables: list,
    T: Labels,
    *,
    footer_note: str = "",
) -> bytes:
    """A titled A4 document: the title, a line of who/what, the flowables, page numbers."""
    register_font()

    def on_page(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 14)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 13 * mm, title)
        canvas.setFont(FONT, 8.5)
        canvas.drawString(MARGIN, A4[1] - 19 * mm, "    ".join(x for x in heading if x))
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=23 * mm,
        bottomMargin=16 * mm,
        title=title,
        creator="CunYi 村医",
    )
    doc.build(
        [Spacer(1, 0), *flowables],
        onFirstPage=on_page,
        onLaterPages=on_page,
        canvasmaker=numbered_canvas(page_numbers(T, 8.5, footer_note, MARGIN)),
    )
    return buffer.getvalue()
