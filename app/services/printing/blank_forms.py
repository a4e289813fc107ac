"""随访服务记录表 (hypertension, type-2 diabetes): blank for days without power, or filled from
the record for the paper archive.

Laid out like the national forms (规范第三版): A4, items down the left, four visit columns, coded
answers as "1 门诊 2 家庭 3 电话" with an answer box.  Each row is declared once (:func:`rows`): its
item, what a blank visit cell shows, and how a saved visit fills it; the blank form and the
filled one are the same layout.  Made for a pen: answer boxes are drawn squares of
:data:`BOX_MM`, blanks to write on are :data:`BLANK_MM` wide, every row is as tall as its tallest
cell needs (and the page then shares out what is left), so no text leaves its cell
(:func:`form_layout` holds the measured sizes; the tests check them).  Option lists come from
``app.codes``, so a province's code changes reach the paper form too.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.codes import code_list
from app.services.printing.layout import (
    FONT,
    MIN_SIZE,
    Labels,
    cjk_canvas,
    fit_line,
    label_style,
    markup,
    number_text,
    para_style,
    register_font,
    text_width,
)

VISITS = 4
PROGRAMS = ("htn", "t2dm")
BOX_MM = 4.0  # an answer box a pen can write a digit in (≥ 3.5 mm)
BLANK_MM = 9.0  # a blank to write a number on (每日＿次)
PAD_MM = 1.0  # cell padding, each side
SECTION_W, ITEM_W = 16.0, 30.0  # 16: "Medication" whole at 7.5 pt
PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 5.0
VISIT_W = (PAGE_W - 2 * MARGIN - SECTION_W - ITEM_W) / VISITS
ROOM_MM = 256.0  # the table's share of the page below the title and above the note
ITEM_SIZE, CELL_SIZE, VALUE_SIZE = 7.5, 7.0, 8.5
MIN_ROW = 6.0  # mm: a line of handwriting


def blank(size: float = CELL_SIZE, width_mm: float = BLANK_MM) -> str:
    """Markup for a line to write on, ``width_mm`` wide at ``size``."""
    n = math.ceil(width_mm * mm / text_width("\u00a0", size))
    return "<u>" + "&nbsp;" * n + "</u>"


@dataclass(frozen=True)
class Cell:
    """What one visit cell shows: text (markup) and answer boxes (with the codes written in them)."""

    text: str = ""
    boxes: int = 0
    codes: tuple[str, ...] = ()
    size: float = CELL_SIZE
    typed: bool = False  # what people typed (a drug's name): may break between any characters
    options: bool = False  # coded options ("3不良反应 4并发症"): break between options only
    box_w: float = BOX_MM  # mm: wider for two-character codes (足背动脉搏动 2L, 3B)


class AnswerCell(Flowable):
    """Wrapped text with answer boxes: at its right when they fit beside it, else in rows below."""

    def __init__(self, cell: Cell, labels: Labels):
        super().__init__()
        self.cell = cell
        self.box = cell.box_w * mm  # a box's width (its height is BOX_MM)
        self.box_h = BOX_MM * mm
        self.gap = 0.8 * mm
        style = (para_style if cell.typed else partial(label_style, labels))(cell.size, cell.size * 1.25)
        if cell.options:
            style.wordWrap = None  # break at the spaces between options, never inside one
        self.para = Paragraph(cell.text, style) if cell.text else None
        self._beside = False

    def used_width(self) -> float:
        """The width its content takes after wrap(): its widest line, or its boxes."""
        boxes_w = self.cell.boxes * (self.box + self.gap) - self.gap if self.cell.boxes else 0
        text_w = used_width(self.para) if self.para else 0
        if self._beside:
            return text_w + boxes_w + self.gap
        per_row = max(1, int((self.width + self.gap) // (self.box + self.gap)))
        return max(text_w, min(self.cell.boxes, per_row) * (self.box + self.gap) - self.gap)

    def box_rows(self, width: float) -> int:
        per_row = max(1, int((width + self.gap) // (self.box + self.gap)))
        return math.ceil(self.cell.boxes / per_row) if self.cell.boxes else 0

    def wrap(self, avail_w: float, avail_h: float):
        self.width = avail_w
        boxes_w = self.cell.boxes * (self.box + self.gap)
        self._beside = self.cell.boxes <= 2 and boxes_w < avail_w * 0.45
        text_w = avail_w - boxes_w if self._beside else avail_w
        text_h = self.para.wrap(text_w, avail_h)[1] if self.para else 0
        # a typed name whose closing bracket may not begin a line ("…片（复代文）") ran past the
        # cell's edge: smaller, until it fits (or reaches the smallest readable size)
        while self.cell.typed and self.para and used_width(self.para) > text_w + 0.1:
            style = self.para.style
            if style.fontSize - 0.5 < MIN_SIZE:
                break
            smaller = ParagraphStyle(
                style.name, parent=style, fontSize=style.fontSize - 0.5, leading=(style.fontSize - 0.5) * 1.25
            )
            self.para = Paragraph(self.cell.text, smaller)
            text_h = self.para.wrap(text_w, avail_h)[1]
        box_h = self.box_rows(avail_w) * (self.box_h + self.gap) - self.gap if self.cell.boxes else 0
        self.height = (
            max(text_h, self.box_h)
            if self._beside
            else text_h + box_h + (self.gap if text_h and box_h else 0)
        )
        self._text_h = text_h
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setLineWidth(0.5)
        if self._beside:
            if self.para:
                self.para.drawOn(c, 0, (self.height - self._text_h) / 2)
            x = self.width - self.cell.boxes * (self.box + self.gap) + self.gap
            y = (self.height - self.box_h) / 2
            for i in range(self.cell.boxes):
                self._box(x + i * (self.box + self.gap), y, i)
        else:
            per_row = max(1, int((self.width + self.gap) // (self.box + self.gap)))
            for i in range(self.cell.boxes):
                row, col = divmod(i, per_row)
                self._box(
                    col * (self.box + self.gap), self.height - (row + 1) * self.box_h - row * self.gap, i
                )
            if self.para:
                self.para.drawOn(c, 0, 0)
        c.restoreState()

    def _box(self, x: float, y: float, i: int) -> None:
        c = self.canv
        c.rect(x, y, self.box, self.box_h)
        if i < len(self.cell.codes) and self.cell.codes[i]:
            code = self.cell.codes[i]
            size = min(9.0, 9.0 * (self.box * 0.9) / max(text_width(code, 9.0), 1))
            c.setFont(FONT, size)
            c.drawCentredString(x + self.box / 2, y + (self.box_h - size * 0.7) / 2, code)


class _FormStarts(Flowable):
    """Drawn where a form's page begins (its title): a page without one is the form's overflow, and
    :class:`_FormDocument` heads it with whose it is."""

    def wrap(self, _w, _h):
        return 0, 0

    def draw(self) -> None:
        self.canv._form_started = True


class _FormDocument(SimpleDocTemplate):
    """A filled form whose page ran over (long texts, many drugs): the sheet it ran onto says
    whose form it is, as loose sheets are filed (it had no title, name or number)."""

    def __init__(self, *args, continued: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.continued = continued

    def afterPage(self) -> None:  # noqa: N802 - reportlab's name
        c = self.canv
        if not getattr(c, "_form_started", False):
            width = self.pagesize[0] - self.leftMargin - self.rightMargin
            c.saveState()
            fit_line(c, self.leftMargin, self.pagesize[1] - 5.5 * mm, width, self.continued, 9)
            c.restoreState()
        c._form_started = False


class NumberBoxes(Flowable):
    """编号 □□□-□□□□□ (the archive number's last 8 digits) as boxes a pen can fill."""

    def __init__(self, digits: str = ""):
        super().__init__()
        self.digits = digits
        self.box = 4.5 * mm
        self.dash = 3 * mm
        self.width, self.height = 8 * self.box + self.dash, self.box

    def wrap(self, avail_w: float, avail_h: float):
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setLineWidth(0.5)
        x = 0.0
        for i in range(8):
            c.rect(x, 0, self.box, self.box)
            if i < len(self.digits):
                c.setFont(FONT, 10)
                c.drawCentredString(x + self.box / 2, self.box * 0.22, self.digits[i])
            x += self.box
            if i == 2:
                c.line(x + 0.8 * mm, self.box / 2, x + self.dash - 0.8 * mm, self.box / 2)
                x += self.dash
        c.restoreState()


Fill = Callable[[Any, Labels], Cell]


@dataclass(frozen=True)
class Row:
    section: str  # "" = the item spans both left columns
    item: str  # markup
    blank: Cell
    fill: Fill | None = None
    failed: bool = False  # also filled for a 失访/死亡 visit (its date and the doctor); other rows stay empty


def _options(T: Labels, list_name: str) -> str:  # noqa: N803
    """ "1门诊 2家庭 3电话" / "1 Clinic 2 Home …": each option held together (a non-breaking space
    between an English code and its words), options separated by spaces where a line may break."""
    codes = code_list(list_name).codes
    if any(len(c.code) == 2 for c in codes):  # 2B = 2 减弱 + B 双侧: the parts once each, as on paper
        return _compound_options(T, codes)
    if T.lang == "en":
        return " ".join(markup(f"{c.code} {c.label('en')}").replace(" ", "&nbsp;") for c in codes)
    return " ".join(markup(f"{c.code}{c.label('zh')}") for c in codes)


def _compound_options(T: Labels, codes) -> str:  # noqa: N803
    """ "1触及正常 2减弱 3消失" over "B双侧 L左侧 R右侧" for codes made of a number and a side letter
    ("2L 减弱（左侧）"): 足背动脉搏动 written the short way the paper form has it."""
    sep = " " if T.lang == "en" else ""
    main: dict[str, str] = {}
    sides: dict[str, str] = {}
    for c in codes:
        base, _, side = c.label(T.lang).partition("（" if T.lang == "zh" else " (")
        main.setdefault(c.code[0], base)
        if len(c.code) == 2:
            sides.setdefault(c.code[1], side.rstrip("）)"))

    def line(items: dict[str, str]) -> str:
        return " ".join(markup(f"{k}{sep}{v}").replace(" ", "&nbsp;") for k, v in items.items())

    return line(main) + "<br/>" + line(sides)


def _yes_no(T: Labels) -> str:  # noqa: N803
    """ "1无 2有" / "1 No 2 Yes": an English code never runs into its word."""
    sep = "&nbsp;" if T.lang == "en" else ""
    return f"1{sep}{markup(T('Print', '无'))} 2{sep}{markup(T('Print', '有'))}"


def _pair(now, target) -> str:
    """now/target as on the form; just the value when no target was set (never a dangling "68.3/")."""
    if target is None or target == "":
        return number_text(now)
    return f"{number_text(now)}/{number_text(target)}"


def _value(text: str) -> Cell:
    return Cell(markup(text), size=VALUE_SIZE, typed=True)


def _coded(T: Labels, list_name: str, code: str | None) -> Cell:  # noqa: N803
    wide = max(len(c.code) for c in code_list(list_name)) > 1  # a box a pen writes "2L" in
    return Cell(_options(T, list_name), 1, (code or "",), options=True, box_w=7.0 if wide else BOX_MM)


def outcome(v, T: Labels) -> Cell:  # noqa: N803
    """What the paper form writes in a failed visit's column instead of the findings: 失访 and its
    reason, or 死亡 with the date and cause (printed in the tall 症状 cell: the page keeps its size)."""
    if v.outcome == "lost":
        lines = [T("Print", "失访原因：") + (v.lost_reason or "")]
    else:
        lines = [
            T("Print", "死亡日期：") + T.short_date(v.death_date),
            T("Print", "死亡原因：") + (v.death_cause or ""),
        ]
    return Cell("<br/>".join(markup(x) for x in lines), size=VALUE_SIZE, typed=True)


def failed(v) -> bool:
    return getattr(v, "outcome", "done") not in ("done", None)


def rows(program: str, T: Labels) -> list[Row]:  # noqa: N803
    """The form's rows, top to bottom: item, blank cell, and how a visit fills it."""
    if program not in PROGRAMS:
        raise ValueError(program)
    sym_list = "htn_symptom" if program == "htn" else "t2dm_symptom"
    n_sym = len(code_list(sym_list).codes)
    sign, life, drug = T("Print", "体征"), T("Print", "生活方式指导"), T("Print", "用药情况")
    other_line = markup(T("Print", "其他：")) + blank(width_mm=20)

    def symptoms(v, T):  # noqa: N803
        if failed(v):
            return outcome(v, T)
        codes = tuple(v.symptoms or [])
        other = markup(T("Print", "其他：") + v.symptom_other) if v.symptom_other else ""
        return Cell(other, n_sym, codes)

    out: list[Row] = [
        Row(
            "",
            markup(T("Print", "随访日期")),
            Cell(),
            lambda v, T: _value(T.short_date(v.visit_date)),
            failed=True,
        ),
        Row(
            "",
            markup(T("Print", "随访方式")),
            _coded(T, "followup_method", None),
            lambda v, T: _coded(T, "followup_method", v.method),
        ),
        Row(
            T("Print", "症状"),
            "<br/>".join(markup(f"{c.code} {c.label(T.lang)}") for c in code_list(sym_list)),
            Cell(other_line, n_sym),
            symptoms,
            failed=True,
        ),
        Row(sign, markup(T("Print", "血压（mmHg）")), Cell(), lambda v, T: _value(_pair(v.sbp, v.dbp))),
        Row(
            sign,
            markup(T("Print", "体重（kg）")),
            Cell("/"),
            lambda v, T: _value(_pair(v.weight, v.weight_target)),
        ),
        Row(
            sign,
            markup(T("Print", "体质指数（kg/m²）")),
            Cell("/"),
            lambda v, T: _value(_pair(v.bmi, v.bmi_target)),
        ),
    ]
    if program == "htn":
        out.append(
            Row(
                sign,
                markup(T("Print", "心率（次/分钟）")),
                Cell(),
                lambda v, T: _value(number_text(v.heart_rate)),
            )
        )
    else:
        out.append(
            Row(
                sign,
                markup(T("Print", "足背动脉搏动")),
                _coded(T, "foot_pulse", None),
                lambda v, T: _coded(T, "foot_pulse", v.foot_pulse),
            )
        )
    exercise_blank = blank() + markup(T("Print", "次/周")) + " " + blank() + markup(T("Print", "分钟/次"))

    def exercise_fill(v, T):  # noqa: N803
        lines = []
        for times, minutes in (
            (v.exercise_times, v.exercise_minutes),
            (v.exercise_times_target, v.exercise_minutes_target),
        ):
            if times is not None or minutes is not None:
                lines.append(
                    markup(
                        T("Print", "{n}次/周 {m}分钟/次")
                        .replace("{n}", number_text(times))
                        .replace("{m}", number_text(minutes))
                    )
                )
        return Cell("<br/>".join(lines), size=VALUE_SIZE, typed=True)

    out += [
        Row(sign, markup(T("Print", "其他")), Cell()),
        Row(
            life,
            markup(T("Print", "日吸烟量（支）")),
            Cell("/"),
            lambda v, T: _value(_pair(v.smoking, v.smoking_target)),
        ),
        Row(
            life,
            markup(T("Print", "日饮酒量（两）")),
            Cell("/"),
            lambda v, T: _value(_pair(v.alcohol, v.alcohol_target)),
        ),
        Row(life, markup(T("Print", "运动")), Cell(exercise_blank + "<br/>" + exercise_blank), exercise_fill),
    ]
    if program == "htn":

        def salt(v, T):  # noqa: N803
            return Cell(
                _options(T, "salt") + "<br/>" + markup(T("Print", "（目前/目标）")),
                2,
                (v.salt or "", v.salt_target or ""),
                options=True,
            )

        out.append(
            Row(
                life,
                markup(T("Print", "摄盐情况（咸淡）")),
                Cell(_options(T, "salt") + "<br/>" + markup(T("Print", "（目前/目标）")), 2, options=True),
                salt,
            )
        )
    else:
        out.append(
            Row(
                life,
                markup(T("Print", "主食（克/天）")),
                Cell("/"),
                lambda v, T: _value(_pair(v.staple_food, v.staple_food_target)),
            )
        )
    out += [
        Row(
            life,
            markup(T("Print", "心理调整")),
            _coded(T, "good_fair_poor", None),
            lambda v, T: _coded(T, "good_fair_poor", v.psychology),
        ),
        Row(
            life,
            markup(T("Print", "遵医行为")),
            _coded(T, "good_fair_poor", None),
            lambda v, T: _coded(T, "good_fair_poor", v.compliance),
        ),
    ]
    if program == "htn":
        out.append(
            Row("", markup(T("Print", "辅助检查*")), Cell(), lambda v, T: _value(v.auxiliary_exam or ""))
        )
    else:

        def hba1c(v, T):  # noqa: N803
            if v.hba1c is None:
                return _value(v.auxiliary_exam or "")
            text = T("Print", "糖化血红蛋白{value}%").replace("{value}", number_text(v.hba1c))
            if v.hba1c_date:
                text += " " + T.short_date(v.hba1c_date)
            return _value(" ".join(x for x in (text, v.auxiliary_exam or "") if x))

        out += [
            Row(
                T("Print", "辅助检查"),
                markup(T("Print", "空腹血糖值")),
                Cell(blank() + "mmol/L"),
                # one decimal, as the lab reports it: 7.0 (the control threshold) never prints as "7"
                lambda v, T: _value(f"{v.glucose:.1f} mmol/L" if v.glucose is not None else ""),
            ),
            Row(
                T("Print", "辅助检查"),
                markup(T("Print", "其他检查*")),
                Cell(
                    markup(T("Print", "糖化血红蛋白"))
                    + blank()
                    + "%<br/>"
                    + markup(T("Print", "检查日期："))
                    + blank()
                ),
                hba1c,
            ),
        ]

    def adverse(v, T):  # noqa: N803
        code = "2" if v.adverse_reaction else "1"
        text = _yes_no(T) + (" " + markup(v.adverse_text) if v.adverse_reaction and v.adverse_text else "")
        return Cell(text, 1, (code,))

    out += [
        Row(
            "",
            markup(T("Print", "服药依从性")),
            _coded(T, "adherence", None),
            lambda v, T: _coded(T, "adherence", v.adherence),
        ),
        Row(
            "",
            markup(T("Print", "药物不良反应")),
            Cell(_yes_no(T) + blank(width_mm=14), 1),
            adverse,
        ),
    ]
    if program == "t2dm":
        out.append(
            Row(
                "",
                markup(T("Print", "低血糖反应")),
                _coded(T, "hypoglycaemia", None),
                lambda v, T: _coded(T, "hypoglycaemia", v.hypoglycaemia),
            )
        )
    out.append(
        Row(
            "",
            markup(T("Print", "此次随访分类")),
            _coded(T, "visit_class", None),
            lambda v, T: _coded(T, "visit_class", str(v.classification) if v.classification else None),
        )
    )
    dose_blank = (  # 8.5 mm blanks: the line fits the visit column at 7 pt
        markup(T("Print", "每日"))
        + blank(width_mm=8.5)
        + markup(T("Print", "次"))
        + " "
        + markup(T("Print", "每次"))
        + blank(width_mm=8.5)
        + "mg"
    )

    # The form has four drug rows for hypertension (药物名称1–3, 其他药物) and three for diabetes (then
    # insulin); a visit holds up to ten drugs.  The last row holds every drug from its own on, in
    # order, names and doses alike ("、" between names, "；" between doses): a fifth drug was
    # missing from the paper, with nothing to say so.
    last = 2 if program == "t2dm" else 3

    def drugs_at(v, i):
        drugs = v.drugs or []
        return drugs[i : i + 1] if i < last else drugs[i:]

    def drug_name(i):
        return lambda v, T: _value(T.join([d.get("name") or "" for d in drugs_at(v, i)]))

    def dose(d, T) -> str:  # noqa: N803
        parts = []
        if d.get("times_per_day") not in (None, ""):
            parts.append(T("Print", "每日{n}次").replace("{n}", number_text(d.get("times_per_day"))))
        if d.get("mg_per_time") not in (None, ""):
            parts.append(T("Print", "每次{n}mg").replace("{n}", number_text(d.get("mg_per_time"))))
        return " ".join(parts)

    def drug_dose(i):
        def fill(v, T):  # noqa: N803
            drugs = drugs_at(v, i)
            if not drugs:
                return Cell()
            return _value(("; " if T.lang == "en" else "；").join(dose(d, T) for d in drugs))

        return fill

    for i in (0, 1, 2):
        out += [
            Row(drug, markup(T("Print", "药物名称{n}").replace("{n}", str(i + 1))), Cell(), drug_name(i)),
            Row(drug, markup(T("Print", "用法用量")), Cell(dose_blank), drug_dose(i)),
        ]
    if program == "t2dm":
        out += [
            Row(
                drug,
                markup(T("Print", "胰岛素")),
                Cell(markup(T("Print", "种类：")) + blank(width_mm=20)),
                lambda v, T: _value((v.insulin or {}).get("type") or ""),
            ),
            Row(
                drug,
                markup(T("Print", "用法和用量")),
                Cell(),
                lambda v, T: _value((v.insulin or {}).get("dosage") or ""),
            ),
        ]
    else:
        out += [
            Row(drug, markup(T("Print", "其他药物")), Cell(), drug_name(3)),
            Row(drug, markup(T("Print", "用法用量")), Cell(dose_blank), drug_dose(3)),
        ]
    referral = T("Print", "转诊")
    out += [
        Row(referral, markup(T("Print", "原因")), Cell(), lambda v, T: _value(v.referral_reason or "")),
        Row(
            referral,
            markup(T("Print", "机构及科别")),
            Cell(),
            lambda v, T: _value(" ".join(x for x in (v.referral_institution, v.referral_department) if x)),
        ),
        Row("", markup(T("Print", "下次随访日期")), Cell(), lambda v, T: _value(T.short_date(v.next_due))),
        Row("", markup(T("Print", "随访医生签名")), Cell(), lambda v, T: _value(v.doctor or ""), failed=True),
    ]
    return out


@dataclass
class FormLayout:
    """One page of the form, measured: column widths and row heights (mm) and every cell's flowable."""

    widths: list[float]
    heights: list[float]
    cells: list[list[Any]]  # rows × columns: Paragraph, AnswerCell or ""
    spans: list[tuple[int, int, int, int]]  # (col0, row0, col1, row1)

    def width_of(self, r: int, c: int) -> float:
        """The width (mm) of cell (r, c): its column, or its columns when it spans them."""
        for c0, r0, c1, r1 in self.spans:
            if (r0, c0) == (r, c) and r0 == r1:
                return sum(self.widths[c0 : c1 + 1])
        return self.widths[c]

    def needed(self, r: int, c: int) -> tuple[float, float]:
        """(width, height) in mm that cell (r, c)'s content needs: its longest unbreakable word (or
        box), and its height wrapped inside the cell's padding."""
        cell = self.cells[r][c]
        if not cell:
            return 0.0, 0.0
        inner = (self.width_of(r, c) - 2 * PAD_MM) * mm
        _w, h = cell.wrap(inner, 10_000)
        return (cell.used_width() if isinstance(cell, AnswerCell) else used_width(cell)) / mm, h / mm

    def span_height(self, r: int, c: int) -> float:
        """The height (mm) of cell (r, c): its row, or its rows when it spans them."""
        for c0, r0, _c1, r1 in self.spans:
            if (r0, c0) == (r, c):
                return sum(self.heights[r0 : r1 + 1])
        return self.heights[r]


def used_width(p: Paragraph) -> float:
    """The widest line of a wrapped paragraph (points): wider than the cell when a word cannot break."""
    lines = getattr(p.blPara, "lines", []) or []
    widest = 0.0
    for line in lines:
        extra = line.extraSpace if hasattr(line, "extraSpace") else line[0]
        widest = max(widest, p.width - extra)
    return widest


def words_fit(T: Labels, text: str, width_mm: float, style):  # noqa: N803
    """``style``, smaller if the longest English word would not fit ``width_mm`` ("Medication")."""
    if T.lang != "en":
        return style
    words = re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ").split()
    widest = max((text_width(w, style.fontSize) for w in words), default=0)
    if widest <= width_mm * mm:
        return style
    size = style.fontSize * width_mm * mm / widest * 0.95  # a margin: the table wraps it again
    return label_style(T, size, size * 1.2)


def form_layout(program: str, T: Labels, visits: list | None = None) -> FormLayout:  # noqa: N803
    """The page's table: items, and ``visits`` (up to four, else blank cells), each row as tall as
    its tallest cell needs (at least a line of handwriting), then stretched to fill the page.  Four
    visits are one page, as on paper: when what was typed (eight drugs, a long 辅助检查) would not
    fit, it steps down in size (never below :data:`TYPED_SIZES`' last) before the page runs over —
    it ran onto a second page, the 转诊, next date and signature rows of four visits alone there."""
    layout = None
    for typed_size in TYPED_SIZES:
        layout = _form_layout(program, T, visits, typed_size)
        if sum(layout.heights) <= ROOM_MM + 0.01:
            break
    return layout


# What people typed, in a visit's cells: its size, and the smaller ones it steps down to (pt)
TYPED_SIZES = (VALUE_SIZE, 7.5, 7.0, 6.5, 6.0)


def _form_layout(program: str, T: Labels, visits: list | None, typed_size: float) -> FormLayout:  # noqa: N803
    register_font()
    visits = list(visits or [])[:VISITS]
    item_style = label_style(T, ITEM_SIZE, ITEM_SIZE * 1.2)
    widths = [SECTION_W, ITEM_W] + [VISIT_W] * VISITS
    cells: list[list[Any]] = []
    spans: list[tuple[int, int, int, int]] = []
    section_start: dict[str, int] = {}
    declared = rows(program, T)
    for i, row in enumerate(declared):
        item = Paragraph(row.item, words_fit(T, row.item, ITEM_W - 2 * PAD_MM, item_style))
        visit_cells = []
        for k in range(VISITS):
            if k >= len(visits):
                cell = row.blank
            elif row.fill and (row.failed or not failed(visits[k])):
                cell = row.fill(visits[k], T)
            else:
                cell = Cell()
            if cell.size > typed_size:
                cell = replace(cell, size=typed_size)
            visit_cells.append(AnswerCell(cell, T) if (cell.text or cell.boxes) else "")
        if row.section:
            first = section_start.setdefault(row.section, i)
            style = words_fit(T, markup(row.section), SECTION_W - 2 * PAD_MM, item_style)
            label = Paragraph(markup(row.section), style) if first == i else ""
            cells.append([label, item, *visit_cells])
        else:
            cells.append([item, "", *visit_cells])
            spans.append((0, i, 1, i))
    for section, first in section_start.items():
        last = max(i for i, row in enumerate(declared) if row.section == section)
        if last > first:
            spans.append((0, first, 0, last))
    # a row is a line of handwriting (MIN_ROW) unless a cell needs more; when the page is short
    # (longer English options) the plain rows give up a little, never below 5 mm
    for min_row in (MIN_ROW, 5.5, 5.0):
        layout = FormLayout(widths, [min_row] * len(cells), cells, spans)
        for r in range(len(cells)):
            for c in range(len(widths)):
                if (c, r) in ((s[0], s[1]) for s in spans if s[1] != s[3]):
                    continue  # a section label spanning rows is measured below
                layout.heights[r] = max(layout.heights[r], layout.needed(r, c)[1] + 2 * PAD_MM + 0.4)
        for c0, r0, _c1, r1 in spans:  # a section label taller than its rows: the rows grow evenly
            if r1 > r0:
                short = layout.needed(r0, c0)[1] + 2 * PAD_MM - sum(layout.heights[r0 : r1 + 1])
                for r in range(r0, r1 + 1):
                    layout.heights[r] += max(0.0, short) / (r1 - r0 + 1)
        if sum(layout.heights) <= ROOM_MM:
            break
    total = sum(layout.heights)
    if total < ROOM_MM:  # room to write by hand: the page's rest shared out
        layout.heights = [h * ROOM_MM / total for h in layout.heights]
    return layout


def _table(layout: FormLayout) -> Table:
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, ITEM_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_MM * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_MM * mm),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_MM * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_MM * mm),
    ]
    style += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in layout.spans]
    table = Table(
        layout.cells,
        colWidths=[w * mm for w in layout.widths],
        rowHeights=[h * mm for h in layout.heights],
        repeatRows=1,  # the visits' dates over the rows a page ran onto
    )
    table.setStyle(TableStyle(style))
    return table


def render_form(
    program: str,
    labels: Labels,
    *,
    visits: list | None = None,
    name: str = "",
    archive_no: str = "",
    institution: str = "",
) -> bytes:
    """The form: blank (no ``visits``), or filled with the visits four to a page, oldest first."""
    if program not in PROGRAMS:
        raise ValueError(program)
    T = labels
    register_font()
    title = (
        T("Print", "高血压患者随访服务记录表")
        if program == "htn"
        else T("Print", "2型糖尿病患者随访服务记录表")
    )
    head = Table(
        [
            [
                Paragraph(
                    markup(T("Print", "姓名：") + (" " if T.lang == "en" else ""))
                    + (markup(name) if name else blank(10, 35)),
                    para_style(10),
                ),
                Paragraph(markup(T("Print", "编号")), para_style(10, align=2)),
                NumberBoxes(archive_no[-8:] if archive_no else ""),
            ]
        ],
        colWidths=[100 * mm, 57 * mm, 43 * mm],
    )
    head.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (2, 0), (2, 0), 1.5 * mm),
            ]
        )
    )
    note = Paragraph(
        markup(
            T("Print", "填表说明：在□中填写选项编号；多选项在对应□中逐一填写。*辅助检查填写检查项目及结果。")
        )
        + (markup("  " + institution) if institution else ""),
        para_style(6.5, 8),
    )
    story: list = []
    pages = [visits[i : i + VISITS] for i in range(0, len(visits), VISITS)] if visits else [None]
    for n, page_visits in enumerate(pages):
        if n:
            story.append(PageBreak())
        story += [
            _FormStarts(),
            Paragraph(markup(title), para_style(15, 18, align=1)),
            Spacer(1, 2 * mm),
            head,
            Spacer(1, 1.5 * mm),
            _table(form_layout(program, T, page_visits)),
            Spacer(1, 1 * mm),
            note,
        ]
    buffer = io.BytesIO()
    who = "  ".join(
        x
        for x in (
            T("Print", "（续）").join((title, "")),
            T("Print", "编号") + " " + archive_no[-8:-5] + "-" + archive_no[-5:] if archive_no else "",
            T("Print", "姓名：") + (" " if T.lang == "en" else "") + name if name else "",
        )
        if x
    )
    doc = _FormDocument(
        buffer,
        pagesize=(PAGE_W * mm, PAGE_H * mm),
        leftMargin=MARGIN * mm,
        rightMargin=MARGIN * mm,
        topMargin=8 * mm,
        bottomMargin=5 * mm,
        title=title,
        creator="CunYi 村医",
        continued=who,
    )
    doc.build(story, canvasmaker=cjk_canvas)
    return buffer.getvalue()


def render_blank_form(program: str, labels: Labels, institution: str = "") -> bytes:
    return render_form(program, labels, institution=institution)
