"""The print layout toolkit: every document is a short description on top of this module.

Pages are laid out in millimetres from the top-left corner, as a form designer measures
them.  Text never overflows its box: single-line values shrink to fit (down to a legible
minimum) and then end in "…"; multi-line values wrap (CJK line breaking) and shrink the
same way.  Blank values print as ＿＿ lines so the slip can be completed by hand, never
"None".  The bundled CJK TrueType font is the only font, embedded as a subset.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.colors import Color, black
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from app.codes import code_list
from app.config import CJK_FONT, resource_path
from app.i18n import number_text  # noqa: F401 - (the forms' own name for it)
from app.services.errors import Translate
from app.services.printing import MISSING

FONT = "CunYiCJK"
PT = 0.3528  # mm per point
MIN_SIZE = 5.5  # pt: the smallest text a patient can still read on a card
GREY = Color(0.45, 0.45, 0.45)
BLANK = "＿＿＿＿"
_font_lock = threading.Lock()


# Characters the bundled font maps to an empty glyph (drawn as nothing), and what prints instead:
# "体温超过39℃" printed as "体温超过39" on a referral slip.  (The app's own words use "°C";
# this is for text typed before, or typed by a user.)
DRAWN_AS = {"\u2103": "°C"}


class _CoveredFont(TTFont):
    """The bundled font, where a character it has no glyph for (a rare 生僻字 such as 䶮 or 𠮷 in a
    name) prints as :data:`MISSING`: visible, for the doctor to write in by hand, never silently
    nothing ("刘䶮" printed as "刘"); one it draws as nothing prints as :data:`DRAWN_AS` says."""

    def _covered(self, text):
        if not isinstance(text, str):
            text = text.decode("utf-8")
        for char, instead in DRAWN_AS.items():
            if char in text:
                text = text.replace(char, instead)
        have = self.face.charToGlyph
        if all(ord(c) in have or c < " " for c in text):
            return text
        return "".join(c if ord(c) in have or c < " " else MISSING for c in text)

    def splitString(self, text, doc, encoding="utf-8"):  # noqa: N802 - reportlab's name
        return super().splitString(self._covered(text), doc, encoding)

    def stringWidth(self, text, size, encoding="utf8"):  # noqa: N802 - reportlab's name
        return super().stringWidth(self._covered(text), size, encoding)


def register_font() -> str:
    """Register the bundled WenQuanYi Micro Hei once per process (reportlab embeds a subset)."""
    with _font_lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(_CoveredFont(FONT, str(resource_path(*CJK_FONT)), subfontIndex=0))
    return FONT


def _identity(_context: str, text: str) -> str:
    return text


class Labels:
    """The words and formats of one document in one language.

    Documents call ``T("Print", "姓名")``; ``pyside6-lupdate`` extracts those calls (see
    ``scripts/i18n.py``, alias of QT_TRANSLATE_NOOP) and the view passes Qt's translator in.
    """

    def __init__(self, translate: Translate | None = None, lang: str = "zh"):
        self.translate = translate or _identity
        self.lang = "en" if lang == "en" else "zh"

    def __call__(self, context: str, text: str) -> str:
        return self.translate(context, text)

    def date(self, day: dt.date | None, blank: str = "") -> str:
        if day is None:
            return blank
        return day.isoformat() if self.lang == "en" else f"{day.year}年{day.month}月{day.day}日"

    def short_date(self, day: dt.date | None) -> str:
        if day is None:
            return ""
        return day.isoformat() if self.lang == "en" else f"{day.year}.{day.month:02d}.{day.day:02d}"

    def join(self, items: list[str]) -> str:
        return (", " if self.lang == "en" else "、").join(items)

    def code(self, list_name: str, code: str | None) -> str:
        return code_list(list_name).label(code, self.lang) if code else ""


def text_width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def fit_size(text: str, width: float, size: float, min_size: float = MIN_SIZE) -> float:
    """The largest size ≤ ``size`` (and ≥ ``min_size``) at which ``text`` fits ``width`` points."""
    w = text_width(text, size)
    if w <= width or not text:
        return size
    return max(min_size, size * width / w)


def ellipsize(text: str, width: float, size: float) -> str:
    if text_width(text, size) <= width + 0.01:  # (a text shrunk to fit exactly: not cut by rounding)
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


def para_style(
    size: float, leading: float | None = None, align: int = 0, first_indent: float = 0
) -> ParagraphStyle:
    return ParagraphStyle(
        f"p{size}",
        firstLineIndent=first_indent,
        fontName=FONT,
        fontSize=size,
        leading=leading or size * 1.3,
        wordWrap="CJK",
        alignment=align,
    )


def label_style(labels: Labels, size: float, leading: float | None = None, align: int = 0) -> ParagraphStyle:
    """A style for the form's own words: English wraps at spaces, never inside a word ("Sympt-
    oms"); Chinese (and what people typed, which keeps :func:`para_style`) breaks between characters."""
    style = para_style(size, leading, align)
    if labels.lang == "en":
        style.wordWrap = None
    return style


def markup(text: str | None) -> str:
    """User text made safe for a reportlab Paragraph (which reads a small XML dialect)."""
    return escape(text or "").replace("\n", "<br/>")


def filled(value: str | None, blank: str = BLANK) -> str:
    """Paragraph markup for a blank in a sentence: the value underlined, or a ＿＿ line."""
    value = (value or "").strip()
    return f"<u>&nbsp;{markup(value)}&nbsp;</u>" if value else blank


@dataclass
class Box:
    x: float  # mm from the left edge
    y: float  # mm from the top edge
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def inset(self, dx: float, dy: float | None = None) -> Box:
        dy = dx if dy is None else dy
        return Box(self.x + dx, self.y + dy, self.w - 2 * dx, self.h - 2 * dy)


def field_wraps(width: float, label: str, value: str | None, size: float, min_size: float = MIN_SIZE) -> bool:
    """Whether :meth:`Page.field` ``width`` mm wide wraps ``value`` (given the lines): on one line it
    would shrink below 85 % of ``size``."""
    value = (value or "").strip()
    room = (width - text_width(label, size) / mm - 3) * mm
    return bool(value) and fit_size(value, room, size, min_size) < size * 0.85


def field_lines(width: float, label: str, value: str | None, size: float, min_size: float = MIN_SIZE) -> int:
    """How many ruled lines :meth:`Page.field` ``width`` mm wide needs to hold ``value`` whole at
    ``size``: one when it fits a line (:func:`field_wraps`), else as many as it wraps onto, the
    first after the label (the row a form gives more room when its text needs it)."""
    value = (value or "").strip()
    if not field_wraps(width, label, value, size, min_size):
        return 1
    leading = rule_pitch(size) / PT
    indent = (text_width(label, size) / mm + 2) * mm  # (where :meth:`Page.field` starts the value)
    p = Paragraph(markup(value), para_style(size, leading, first_indent=indent))
    _w, h = p.wrap(width * mm, 100_000)
    return max(1, round(h / leading))


def rule_pitch(size: float) -> float:
    """mm between the ruled lines of a :meth:`Page.field` written at ``size``."""
    return size * 1.7 * PT


def fit_line(canvas: rl_canvas.Canvas, x: float, y: float, width: float, text: str, size: float) -> None:
    """One line at (``x``, ``y``) in points on a platypus page's canvas (a header, a footer), whole
    within ``width`` points: shrunk to fit, cut with "…" below the smallest size (as
    :meth:`Page.fit_text` on a drawn form)."""
    size = fit_size(text, width, size)
    canvas.setFont(FONT, size)
    canvas.drawString(x, y, ellipsize(text, width, size))


def _boxed_frame(title_size: float) -> float:
    """mm of a :meth:`Page.boxed_text` box that are not its value's (its title, its margins)."""
    return 4.5 + title_size * 0.35


def boxed_height(value: str | None, width: float, size: float = 10, title_size: float | None = None) -> float:
    """The height (mm) of a :meth:`Page.boxed_text` box ``width`` mm wide that holds ``value`` whole
    at ``size``: the box a form gives more room when its text needs it."""
    frame = _boxed_frame(title_size or size)
    if not (value and value.strip()):
        return frame
    p = Paragraph(markup(value.strip()), para_style(size, size * 1.3))
    _w, h = p.wrap((width - 4) * mm, 100_000)
    return frame + h / mm


def boxed_parts(
    value: str | Paragraph, width: float, size: float, room: float
) -> tuple[Paragraph | None, Paragraph | None]:
    """``value`` (text, or the rest of a text split before) of a :meth:`Page.boxed_text` box
    ``width`` mm wide, split where a box ``room`` mm tall (its title and margins too) ends: the
    part that fits (None: not a line does) and the rest (None: nothing is left), for a box that
    runs on onto the next page (:meth:`Page.boxed_part`).  Nothing is shrunk or cut."""
    p = (
        value
        if isinstance(value, Paragraph)
        else Paragraph(markup(value.strip()), para_style(size, size * 1.3))
    )
    parts = p.split((width - 4) * mm, max(room - _boxed_frame(size), 0) * mm)
    if not parts:
        return None, p
    return parts[0], parts[1] if len(parts) > 1 else None


def share_heights(room: float, needs: list[float], weights: list[float]) -> list[float]:
    """Heights (mm) for boxes stacked in ``room``: each its share by ``weights`` (a paper form's
    blank boxes keep the room to write in), but a box whose text needs more takes it from the
    boxes that need less than their share, so that text is shrunk or cut only when the boxes'
    texts together do not fit.  The heights add up to ``room``."""
    share = [room * w / sum(weights) for w in weights]
    if all(n <= s for n, s in zip(needs, share, strict=True)):
        return share
    spare = sum(s - n for n, s in zip(needs, share, strict=True) if n < s)
    wanted = sum(n - s for n, s in zip(needs, share, strict=True) if n > s)
    given = min(1.0, spare / wanted) if wanted else 0.0
    taken = min(1.0, wanted / spare) if spare else 0.0
    return [s + (n - s) * given if n > s else s - (s - n) * taken for n, s in zip(needs, share, strict=True)]


class Page:
    """One page of a document, drawn in millimetres from its top-left corner."""

    def __init__(self, canvas: rl_canvas.Canvas, width_mm: float, height_mm: float, labels: Labels):
        self.c = canvas
        self.width, self.height = width_mm, height_mm
        self.T = labels

    # -- coordinates
    def _x(self, x: float) -> float:
        return x * mm

    def _y(self, y: float) -> float:
        return (self.height - y) * mm

    # -- lines and shapes
    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.5, dash=None) -> None:
        c = self.c
        c.saveState()
        c.setLineWidth(width)
        if dash:
            c.setDash(*dash)
        c.line(self._x(x0), self._y(y0), self._x(x1), self._y(y1))
        c.restoreState()

    def rect(self, box: Box, width: float = 0.6, fill: Color | None = None) -> None:
        c = self.c
        c.saveState()
        c.setLineWidth(width)
        if fill is not None:
            c.setFillColor(fill)
        c.rect(self._x(box.x), self._y(box.bottom), box.w * mm, box.h * mm, stroke=1, fill=fill is not None)
        c.restoreState()

    # -- text
    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = 10,
        *,
        align: str = "left",
        bold: bool = False,
        color: Color = black,
    ) -> None:
        """One line with its baseline at ``y``.  ``bold`` strokes the outline (the font has no bold face)."""
        c = self.c
        c.saveState()
        c.setFillColor(color)
        t = c.beginText()
        t.setFont(FONT, size)
        if bold:
            c.setStrokeColor(color)
            c.setLineWidth(size / 40)
            t.setTextRenderMode(2)
        w = text_width(text, size)
        dx = {"left": 0, "center": -w / 2, "right": -w}[align]
        t.setTextOrigin(self._x(x) + dx, self._y(y))
        t.textLine(text)
        c.drawText(t)
        c.restoreState()

    def fit_text(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        size: float = 10,
        *,
        min_size: float = MIN_SIZE,
        align: str = "left",
        bold: bool = False,
        color: Color = black,
    ) -> float:
        """One line in ``width`` mm: shrunk to fit, and cut with "…" below ``min_size``.  Returns the size used."""
        size = fit_size(text, width * mm, size, min_size)
        text = ellipsize(text, width * mm, size)
        anchor = {"left": x, "center": x + width / 2, "right": x + width}[align]
        self.text(anchor, y, text, size, align=align, bold=bold, color=color)
        return size

    def paragraph(
        self,
        box: Box,
        text_markup: str,
        size: float = 10,
        *,
        min_size: float = MIN_SIZE,
        align: int = 0,
        leading: float = 1.3,
        first_indent: float = 0,
    ) -> float:
        """Wrapped markup inside ``box``, shrunk until it fits; past ``min_size`` the last lines are cut.

        Returns the height used (mm)."""
        width, height = box.w * mm, box.h * mm
        while True:
            p = Paragraph(text_markup, para_style(size, size * leading, align, first_indent))
            _w, h = p.wrap(width, height)
            if h <= height or size <= min_size:
                break
            size = max(min_size, size - 0.5)
        if h > height:  # even the smallest size overflows: keep the lines that fit, end with …
            lines = p.split(width, height)
            if lines:
                p = lines[0]
                _w, h = p.wrap(width, height)
                self._note_cut(box, size)
            else:
                return 0
        p.drawOn(self.c, self._x(box.x), self._y(box.y) - h)
        return h / mm

    def _note_cut(self, box: Box, size: float) -> None:
        self.text(box.x + box.w, box.bottom - 0.4, "…", size, align="right")

    def flow(self, x: float, y: float, width: float, text_markup: str, size: float = 10) -> float:
        """A sentence that flows onto as many lines as it needs; returns the height used (mm)."""
        p = Paragraph(text_markup, para_style(size, size * 1.6))
        _w, h = p.wrap(width * mm, 10_000)
        p.drawOn(self.c, self._x(x), self._y(y) - h)
        return h / mm

    # -- form parts
    def field(
        self,
        x: float,
        y: float,
        width: float,
        label: str,
        value: str | None,
        size: float = 10,
        *,
        min_size: float = MIN_SIZE,
        lines: int = 1,
    ) -> float:
        """``label`` followed by an underlined blank to ``x + width`` with the value on it.

        With ``lines`` > 1 the blank has that many ruled lines and a long value wraps onto
        them (shrinking if it must).  Returns the y of the last line."""
        self.text(x, y, label, size)
        start = x + text_width(label, size) / mm + 1
        pitch = rule_pitch(size)
        for i in range(lines):
            self.line(start if i == 0 else x, y + 1 + i * pitch, x + width, y + 1 + i * pitch, 0.4)
        value = (value or "").strip()
        if not value:
            return y + (lines - 1) * pitch
        if lines == 1 or not field_wraps(width, label, value, size, min_size):
            self.fit_text(start + 1, y, x + width - start - 2, value, size, min_size=min_size)
        else:  # wrap: the first line starts after the label, the rest use the full width
            self._on_rules(x, y, width, (start + 1 - x) * mm, markup(value), size, min_size, lines, pitch)
        return y + (lines - 1) * pitch

    def _on_rules(
        self, x: float, y: float, width: float, indent: float, text_markup: str, size: float,
        min_size: float, lines: int, pitch: float,
    ) -> None:  # fmt: skip
        """:meth:`field`'s wrapped value: each line on its ruled line (baselines ``pitch`` mm apart
        from ``y``) whatever size it shrinks to; past ``min_size`` the lines that fit, ending with
        "…".  (Shrunk with its line spacing, the text drifted off the rules: its second line between
        two, the rule through the third.)"""
        leading = pitch / PT  # points
        while True:
            p = Paragraph(text_markup, para_style(size, leading, first_indent=indent))
            _w, h = p.wrap(width * mm, 100_000)
            if h <= lines * leading + 0.1 or size <= min_size:
                break
            size = max(min_size, size - 0.5)
        if h > lines * leading + 0.1:
            p = p.split(width * mm, lines * leading + 0.1)[0]
            _w, h = p.wrap(width * mm, lines * leading + 0.1)
            self.text(x + width, y + (lines - 1) * pitch + size * PT, "…", size, align="right")
        # reportlab sets the first baseline one font size under the paragraph's top
        p.drawOn(self.c, self._x(x), self._y(y - size * PT) - h)

    def boxed_text(
        self, box: Box, title: str, value: str | None, size: float = 10, *, title_size: float | None = None
    ) -> None:
        """A framed area: its title on the first line, the wrapped value below (blank lines if empty)."""
        self.rect(box)
        title_size = title_size or size
        self.text(box.x + 2, box.y + 2 + title_size * 0.35, title, title_size)
        inner = Box(box.x + 2, box.y + 3.5 + title_size * 0.35, box.w - 4, box.h - _boxed_frame(title_size))
        if value and value.strip():
            self.paragraph(inner, markup(value.strip()), size)
        else:  # ruled lines to write on by hand
            y = inner.y + 7
            while y < inner.bottom:
                self.line(inner.x, y, inner.x + inner.w, y, 0.25, dash=(1, 2))
                y += 7

    def boxed_part(
        self, x: float, y: float, width: float, title: str, part: Paragraph, size: float = 10
    ) -> float:
        """A framed area from ``y`` holding ``part`` of a text (:func:`boxed_parts`) under its
        title, as tall as the part needs; returns where it ends (mm)."""
        _w, h = part.wrap((width - 4) * mm, 100_000)
        box = Box(x, y, width, _boxed_frame(size) + h / mm)
        self.rect(box)
        self.text(box.x + 2, box.y + 2 + size * 0.35, title, size)
        part.drawOn(self.c, self._x(box.x + 2), self._y(box.y + 3.5 + size * 0.35) - h)
        return box.bottom

    def check(self, x: float, y: float, checked: bool = False, size: float = 3) -> None:
        """A check box with its bottom-left at (x, y); ticked when ``checked``."""
        self.rect(Box(x, y - size, size, size), 0.5)
        if checked:
            c = self.c
            c.saveState()
            c.setLineWidth(0.8)
            p = c.beginPath()
            p.moveTo(self._x(x + size * 0.2), self._y(y - size * 0.5))
            p.lineTo(self._x(x + size * 0.42), self._y(y - size * 0.2))
            p.lineTo(self._x(x + size * 0.85), self._y(y - size * 0.85))
            c.drawPath(p, stroke=1, fill=0)
            c.restoreState()

    def check_row(
        self, x: float, y: float, options: list[tuple[str, str]], chosen: set[str], size: float = 9
    ) -> float:
        """``□ 1 门诊  ☑ 2 家庭 …`` on one line; returns the x after the last option."""
        box = size * 0.35
        for code, label in options:
            self.check(x, y + 0.3, code in chosen, box)
            x += box + 1
            text = f"{code} {label}"
            self.text(x, y, text, size)
            x += text_width(text, size) / mm + 3
        return x

    def digit_boxes(
        self,
        x: float,
        y: float,
        digits: str,
        count: int,
        cell: float = 5,
        *,
        dash_after: tuple[int, ...] = (),
    ) -> float:
        """Digits in a row of boxes (``□□□-□□□□□``); empty boxes for missing digits.  Returns the end x."""
        digits = (digits or "").rjust(count)[-count:] if digits else " " * count
        for i, ch in enumerate(digits):
            self.rect(Box(x, y - cell, cell, cell), 0.5)
            if ch.strip():
                self.text(x + cell / 2, y - cell * 0.25, ch, cell * 2.1, align="center")
            x += cell
            if i + 1 in dash_after and i + 1 < count:
                self.line(x + 0.6, y - cell / 2, x + 2.4, y - cell / 2, 0.6)
                x += 3
        return x

    def cut_line(self, y: float, x0: float, x1: float, label: str = "") -> None:
        """A dashed cut line with a scissors mark (drawn: the font has no ✂ glyph)."""
        self.line(x0 + 9, y, x1, y, 0.6, dash=(4, 2.5))
        self._scissors(x0, y)
        if label:
            w = text_width(label, 7) / mm
            mid = (x0 + x1) / 2
            self.c.saveState()
            self.c.setFillColorRGB(1, 1, 1)
            self.c.rect(
                self._x(mid - w / 2 - 1.5), self._y(y + 1.6), (w + 3) * mm, 3.2 * mm, stroke=0, fill=1
            )
            self.c.restoreState()
            self.text(mid, y + 1.1, label, 7, align="center", color=GREY)

    def _scissors(self, x: float, y: float) -> None:
        c = self.c
        c.saveState()
        c.setLineWidth(0.6)
        r = 1.2
        c.circle(self._x(x + r), self._y(y - 1.7), r * mm)  # finger rings
        c.circle(self._x(x + r), self._y(y + 1.7), r * mm)
        c.line(self._x(x + 2 * r), self._y(y - 1.2), self._x(x + 8), self._y(y + 0.9))  # blades crossing
        c.line(self._x(x + 2 * r), self._y(y + 1.2), self._x(x + 8), self._y(y - 0.9))
        c.restoreState()

    def crop_marks(self, box: Box, length: float = 3, gap: float = 1) -> None:
        """Corner marks outside ``box`` to cut along (they stay clear of the card itself)."""
        for cx in (box.x, box.x + box.w):
            for cy in (box.y, box.bottom):
                sx = -1 if cx == box.x else 1
                sy = -1 if cy == box.y else 1
                self.line(cx + sx * gap, cy, cx + sx * (gap + length), cy, 0.3)
                self.line(cx, cy + sy * gap, cx, cy + sy * (gap + length), 0.3)

    def qr(self, x: float, y: float, size: float, data: str, border: int = 2) -> None:
        """A QR code of ``data`` (error correction M), ``size`` mm square with a ``border``-module
        quiet zone, top-left at (x, y).  Drawn as one filled path: fast, and no font involved."""
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(data)
        code.make()
        count = code.getModuleCount()
        cell = size / (count + 2 * border)
        path = self.c.beginPath()
        for r, row in enumerate(code.modules):
            col = 0
            for dark, run in groupby(bool(m) for m in row):
                n = len(list(run))
                if dark:
                    left, top = x + (col + border) * cell, y + (r + border) * cell
                    path.rect(self._x(left), self._y(top + cell), n * cell * mm, cell * mm)
                col += n
        self.c.saveState()
        self.c.setFillColor(black)
        self.c.drawPath(path, stroke=0, fill=1)
        self.c.restoreState()


class Document:
    """A PDF being built page by page; ``pages()`` hands out :class:`Page` objects."""

    def __init__(self, width_mm: float, height_mm: float, title: str, labels: Labels):
        register_font()
        self.buffer = io.BytesIO()
        self.width, self.height = width_mm, height_mm
        self.labels = labels
        self.c = rl_canvas.Canvas(
            self.buffer,
            pagesize=(width_mm * mm, height_mm * mm),
            initialFontName=FONT,
            initialFontSize=10,
            pageCompression=1,
        )
        self.c.setTitle(title)
        self.c.setCreator("CunYi 村医")
        self._started = False

    def new_page(self) -> Page:
        if self._started:
            self.c.showPage()
            self.c.setFont(FONT, 10)
        self._started = True
        return Page(self.c, self.width, self.height, self.labels)

    def to_bytes(self) -> bytes:
        if not self._started:
            self.new_page()
        self.c.save()
        return self.buffer.getvalue()


def cjk_canvas(*args, **kwargs) -> rl_canvas.Canvas:
    """A canvas whose initial font is ours, so no unembedded base-14 font is ever referenced."""
    kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
    return rl_canvas.Canvas(*args, **kwargs)


def page_numbers(T: Labels, size: float = 9, note: str = "", left: float = 12 * mm):
    """The footer of a list document: "第 n 页 / 共 m 页" centred at the bottom, and ``note`` at the
    left above it (for :func:`numbered_canvas`)."""

    def footer(canvas: rl_canvas.Canvas, n: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(FONT, size)
        text = T("Print", "第 {n} 页 / 共 {total} 页").replace("{n}", str(n)).replace("{total}", str(total))
        canvas.drawCentredString(canvas._pagesize[0] / 2, 7 * mm, text)
        if note:
            canvas.drawString(left, 11 * mm, note)
        canvas.restoreState()

    return footer


def numbered_canvas(footer: Callable[[rl_canvas.Canvas, int, int], None]) -> type[rl_canvas.Canvas]:
    """A canvas class for platypus documents that knows the page count when it draws ``footer``
    (for "第 n 页 / 共 m 页"): pages are kept until ``save`` and numbered then."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                footer(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


HEAD_FILL = Color(0.88, 0.88, 0.88)  # a table's header row


def grid_table(
    rows: list[list], widths_mm: list[float], *, header: bool = True, align_right: tuple[int, ...] = ()
) -> Table:
    """A ruled table of 8.5 pt cells (widths in mm): a grey header row repeated on every page,
    columns in ``align_right`` right-aligned below it."""
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL))
    for col in align_right:
        style.append(("ALIGN", (col, 1), (col, -1), "RIGHT"))
    return Table(
        rows, colWidths=[w * mm for w in widths_mm], style=TableStyle(style), repeatRows=1 if header else 0
    )
