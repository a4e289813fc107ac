"""随访卡: the pocket follow-up card (85.6 × 54 mm, front and back).

Front: clinic, name, archive number, programmes, responsible doctor, clinic phone, a QR
code carrying the 17-digit archive number (a scanner types it into the search box, which
opens the resident), and the next visit in large type.  A card never sends a patient to a
past date: an overdue patient's card says how many days overdue and asks them to come soon,
or carries the date the clinic planned in the batch dialog (never before the print date).
Back: the last readings with dates, the current medication with doses, and the warning signs
of the patient's programmes (hypertension; diabetes: hypo- and hyperglycaemia; both: all, the
readings table giving up rows so that they fit).  The clinic is the resident's
(``institution.clinic_for``): its name and phone come from the institution profile.

Printed one card per PDF (two card-size pages) or as A4 sheets of 8 or 10 cards with
crop marks; on sheets each page of fronts is followed by its page of backs, mirrored
so that long-edge duplex printing puts every back behind its front.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import FollowupVisit, ProgramEnrolment, Resident
from app.services.access import authz
from app.services.errors import Message, UserError
from app.services.institution import clinic_for
from app.services.printing.layout import (
    GREY,
    Box,
    Document,
    Labels,
    Page,
    markup,
    number_text,
    para_style,
    text_width,
)

CARD_W, CARD_H = 85.6, 54.0
READINGS = 6  # rows of readings on the back; fewer when more warning signs need the room
# Warning signs by programme, in the order they print; a patient in both gets all three.
WARNINGS = {
    "htn": (
        QT_TRANSLATE_NOOP(
            "Print",
            "血压：剧烈头痛、头晕、胸闷胸痛、心慌、视物模糊、一侧肢体麻木无力或意识改变，请立即就诊。",
        ),
    ),
    "t2dm": (
        QT_TRANSLATE_NOOP(
            "Print",
            "低血糖：心慌、出汗、手抖、饥饿感、头晕乏力，立即吃糖或喝糖水；15分钟不缓解或意识不清，速就医。",
        ),
        QT_TRANSLATE_NOOP(
            "Print", "高血糖：口渴多饮、多尿、恶心呕吐、腹痛、呼吸深快、呼气有烂苹果味或嗜睡，请立即就诊。"
        ),
    ),
}
GENERAL_WARNING = QT_TRANSLATE_NOOP("Print", "如有胸闷、心慌、视物模糊或意识改变，请立即就诊。")
SHEET_LAYOUTS = {10: (2, 5, 0.0), 8: (2, 4, 8.0)}  # cards per A4 sheet: columns, rows, gap between rows
COLUMN_GAP = 8.0


@dataclass(frozen=True)
class Reading:
    day: dt.date
    sbp: int | None = None
    dbp: int | None = None
    glucose: float | None = None


@dataclass
class CardData:
    resident_id: uuid.UUID
    name: str
    archive_no: str
    programs: list[str]
    doctor: str
    clinic: str
    clinic_phone: str
    next_due: dt.date | None  # as the record says: may be past for an overdue patient
    clinic_address: str = ""
    printed_on: dt.date = field(default_factory=dt.date.today)
    planned: dt.date | None = None  # the date the clinic set for overdue patients (≥ printed_on)
    readings: list[Reading] = field(default_factory=list)
    medication: list[Medicine] = field(default_factory=list)
    dues: dict[str, dt.date] = field(
        default_factory=dict
    )  # each programme's next visit (next_due: the first)

    @property
    def days_overdue(self) -> int:
        """Days the next visit is past the print date (0 when not overdue)."""
        if self.next_due is None:
            return 0
        return max(0, (self.printed_on - self.next_due).days)

    @property
    def next_visit(self) -> dt.date | None:
        """The date the card prints: never before the print date (None: the overdue notice, or a blank)."""
        if self.days_overdue:
            return self.planned
        return self.next_due

    @property
    def chronic(self) -> bool:
        """Whether a 慢病 (hypertension, diabetes) is among the card's programmes: an 专项随访-only
        card is titled 随访卡, never 慢病随访卡."""
        return any(p in ("htn", "t2dm") for p in self.programs)

    def warnings(self) -> list[str]:
        found = [w for p in ("htn", "t2dm") if p in self.programs for w in WARNINGS[p]]
        return found or [GENERAL_WARNING]


@dataclass(frozen=True)
class Medicine:
    name: str
    mg_per_time: str = ""
    times_per_day: str = ""
    dosage: str = ""  # free text (insulin)
    insulin: bool = False

    def describe(self, T: Labels) -> str:  # noqa: N803 - T is the label function lupdate reads
        return " ".join(x for x in self.parts(T) if x)

    def parts(self, T: Labels) -> tuple[str, str]:  # noqa: N803
        """(name, dose): the name as typed, the dose as phrases ("25mg 每日2次") never broken inside."""
        if self.insulin:
            return " ".join(x for x in (T("Print", "胰岛素"), self.name) if x), self.dosage
        dose = []
        if self.mg_per_time:
            dose.append(f"{self.mg_per_time}mg")
        if self.times_per_day:
            dose.append(T("Print", "每日{n}次").replace("{n}", self.times_per_day))
        return self.name, " ".join(dose)


def card_data(
    session: Session,
    resident_ids: Iterable[uuid.UUID],
    *,
    today: dt.date | None = None,
    planned: dt.date | None = None,
) -> list[CardData]:
    """Cards for these residents, in the order given; three queries per 500 residents.

    ``today`` is the print date; ``planned`` the next visit printed for overdue patients
    (refused when before the print date)."""
    today = today or dt.date.today()
    if planned is not None and planned < today:
        raise UserError(
            Message(
                "Print",
                QT_TRANSLATE_NOOP("Print", "新约定的随访日期{date}早于打印日期{today}，请选今天或以后的日期"),
                {"date": planned.isoformat(), "today": today.isoformat()},
            )
        )
    ids = list(dict.fromkeys(resident_ids))
    hidden = authz.sensitive_clause(session, ProgramEnrolment)  # sensitive programmes stay off cards
    cards: list[CardData] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        residents = {r.id: r for r in session.scalars(select(Resident).where(Resident.id.in_(chunk)))}
        enrolments = defaultdict(list)
        for e in session.scalars(
            select(ProgramEnrolment).where(
                ProgramEnrolment.resident_id.in_(chunk),
                ProgramEnrolment.voided.is_(False),
                ProgramEnrolment.status == "1",
                *([hidden] if hidden is not None else []),
            )
        ):
            enrolments[e.resident_id].append(e)
        visits = defaultdict(list)
        visit_q = select(FollowupVisit).where(
            FollowupVisit.resident_id.in_(chunk),
            FollowupVisit.voided.is_(False),
            FollowupVisit.outcome == "done",
        )
        if hidden is not None:
            visit_q = visit_q.join(ProgramEnrolment, ProgramEnrolment.id == FollowupVisit.enrolment_id).where(
                hidden
            )
        for v in session.scalars(visit_q.order_by(FollowupVisit.visit_date)):
            visits[v.resident_id].append(v)
        for rid in chunk:
            r = residents.get(rid)
            if r is None or r.voided:
                continue
            clinic = clinic_for(session, r.village_id)
            card = _card(r, enrolments[rid], visits[rid], clinic.name, clinic.phone)
            card.clinic_address = clinic.address
            card.printed_on, card.planned = today, planned
            cards.append(card)
    return cards


def _card(
    r: Resident, enrolments: list[ProgramEnrolment], visits: list[FollowupVisit], clinic, phone
) -> CardData:
    enrolments.sort(key=lambda e: e.program)
    by_day: dict[dt.date, Reading] = {}
    for v in visits:  # oldest first; two programmes seen the same day share a row
        old = by_day.get(v.visit_date, Reading(v.visit_date))
        by_day[v.visit_date] = Reading(
            v.visit_date,
            v.sbp if v.sbp is not None else old.sbp,
            v.dbp if v.dbp is not None else old.dbp,
            v.glucose if v.glucose is not None else old.glucose,
        )
    readings = [x for x in by_day.values() if x.sbp is not None or x.glucose is not None][-READINGS:]
    medication: list[Medicine] = []
    for program in sorted({v.program for v in visits}):
        latest = [v for v in visits if v.program == program][-1]
        for drug in latest.drugs or []:
            medicine = Medicine(
                (drug.get("name") or "").strip(),
                number_text(drug.get("mg_per_time")),
                number_text(drug.get("times_per_day")),
            )
            if medicine.name and medicine not in medication:
                medication.append(medicine)
        insulin = latest.insulin or {}
        if insulin.get("type") or insulin.get("dosage"):
            # first: a card with more drugs than room leaves the last ones off, and insulin (its
            # type and dose, injected) is the one a doctor elsewhere must not miss
            medication.insert(
                0, Medicine(insulin.get("type") or "", dosage=insulin.get("dosage") or "", insulin=True)
            )
    dues = [e.next_due or e.enrolled_on for e in enrolments]
    doctors = [e.responsible_doctor for e in enrolments if e.responsible_doctor]
    # The card travels with the patient, shown to family and other clinics: a sensitive programme
    # (严重精神障碍) is never named on it, whoever prints it
    named = [e for e in enrolments if not e.sensitive]
    # the named programmes' next visit; a card naming none (严重精神障碍 only) gives that one's: the
    # unnamed one's date on a card naming another called it overdue beside last week's reading (the
    # card showed 高血压 and "逾期 11 天", the 11 days being the other's)
    shown = [e.next_due or e.enrolled_on for e in named] or dues
    return CardData(
        resident_id=r.id,
        name=r.name,
        archive_no=r.archive_no,
        programs=[e.program for e in named],
        doctor=(doctors[0] if doctors else r.responsible_doctor) or "",
        clinic=clinic,
        clinic_phone=phone,
        next_due=min(shown) if shown else None,
        readings=readings,
        medication=medication,
        dues={e.program: e.next_due or e.enrolled_on for e in named},
    )


# ---------------------------------------------------------------- drawing


MIN_PRINT = 6.5  # pt: nothing on a card smaller (a patient reads it without glasses)


def draw_front(page: Page, card: CardData, x: float, y: float) -> None:
    T = page.T
    page.rect(Box(x, y, CARD_W, CARD_H), 0.3)
    page.fit_text(
        x + 3,
        y + 5.5,
        CARD_W - 6,
        card.clinic + "  " + (T("Print", "慢病随访卡") if card.chronic else T("Print", "随访卡")),
        8,
        min_size=MIN_PRINT,
        bold=True,
    )
    page.line(x + 3, y + 7.5, x + CARD_W - 3, y + 7.5, 0.4)
    left = CARD_W - 29
    page.fit_text(x + 3, y + 14.5, left - 3, card.name, 13, min_size=MIN_PRINT, bold=True)
    rows = [
        (T("Print", "档案编号"), card.archive_no),
        (T("Print", "管理项目"), T.join([T.code("program", p) for p in card.programs])),
        (T("Print", "责任医生"), card.doctor),
    ]
    rows = [(label, value) for label, value in rows if value]  # never a bare label
    # the clinic's phone and address when the profile has them: never a bare label
    rows += [(label, value) for label, value in ((T("Print", "联系电话"), card.clinic_phone),) if value]
    rows += [(T("Print", "地址"), card.clinic_address)] if card.clinic_address else []
    label_w = max(text_width(label, MIN_PRINT) for label, _v in rows) / mm + 1.5  # a gap before the value
    ry = y + 18.8
    for label, value in rows:
        page.text(x + 3, ry, label, MIN_PRINT, color=GREY)
        page.fit_text(x + 3 + label_w, ry, left - 3 - label_w, value or "", 7, min_size=MIN_PRINT)
        ry += 4.0
    page.qr(x + CARD_W - 26, y + 9.5, 23, card.archive_no)
    page.fit_text(
        x + CARD_W - 26,
        y + 34.5,
        23,
        T("Print", "扫码查档"),
        MIN_PRINT,
        min_size=MIN_PRINT,
        align="center",
        color=GREY,
    )
    page.line(x + 3, y + 38.5, x + CARD_W - 3, y + 38.5, 0.4)
    if card.next_visit is None and card.days_overdue:  # never a past date: say so instead
        page.text(x + 3, y + 44, T("Print", "随访提醒"), 7.5)
        notice = _overdue_notice(card, T)
        # one line in Chinese; English wraps onto two rather than shrink out of sight
        page.paragraph(Box(x + 18, y + 40.5, CARD_W - 21, 12.5), markup(notice), 11, min_size=6.5, align=1)
        return
    page.text(x + 3, y + 44, T("Print", "下次随访"), 7.5)
    due = T.date(card.next_visit, T("Print", "＿＿年＿＿月＿＿日"))
    page.fit_text(x + 18, y + 49.5, CARD_W - 21, due, 16, bold=True, align="center")


def _overdue_notice(card: CardData, T: Labels) -> str:  # noqa: N803
    """The overdue notice; for a patient of two programmes it names the one overdue and when the
    other is due (a patient seen today for hypertension read "逾期 71 天", of diabetes, with his
    hypertension recheck nowhere)."""
    late = min(card.dues, key=lambda p: (card.dues[p], p)) if card.dues else None
    if len(card.dues) < 2 or card.dues[late] >= card.printed_on:  # (late: a programme the card names not)
        return T("Print", "逾期 {n} 天，请尽快到卫生室随访").replace("{n}", str(card.days_overdue))
    days = str((card.printed_on - card.dues[late]).days)
    notice = (
        T("Print", "{program}随访逾期 {n} 天，请尽快到卫生室随访")
        .replace("{program}", T.code("program", late))
        .replace("{n}", days)
    )
    for program, day in sorted(card.dues.items()):
        if program == late:
            continue
        if day >= card.printed_on:
            notice += (
                T("Print", "；{program}下次随访 {date}")
                .replace("{program}", T.code("program", program))
                .replace("{date}", T.date(day))
            )
        else:  # overdue too: each programme's own days (not only the longest)
            notice += (
                T("Print", "；{program}随访逾期 {n} 天")
                .replace("{program}", T.code("program", program))
                .replace("{n}", str((card.printed_on - day).days))
            )
    return notice


def _stack(
    page: Page,
    box: Box,
    groups: list[list[tuple[str, bool]]],
    size: float,
    left_off: Callable[[int], str] | None = None,
) -> None:
    """Paragraphs one under another in ``box``, all shrunk alike until they fit (not below
    :data:`MIN_PRINT`).  An item marked True is typed text (a drug's name: breaks anywhere);
    the others are phrases that break only at spaces ("25mg 每日2次" never as "每日/2次").
    ``groups`` are kept whole (a drug and its dose); when even at :data:`MIN_PRINT` they do not
    all fit, the last give way to one line ``left_off(n)`` saying how many are not printed: a
    patient's list of drugs is never cut short without saying so."""
    from reportlab.platypus import Paragraph

    def laid_out(items: list[tuple[str, bool]], size: float):
        paras = []
        for text, typed in items:
            style = para_style(size, size * 1.2)
            if not typed:
                style.wordWrap = None
            paras.append(Paragraph(text, style))
        return paras, [p.wrap(box.w * mm, 10_000)[1] for p in paras]

    room = box.h * mm
    items = [item for group in groups for item in group]
    while True:
        paras, heights = laid_out(items, size)
        if sum(heights) <= room or size <= MIN_PRINT:
            break
        size = max(MIN_PRINT, size - 0.25)
    shown = len(groups)
    while sum(heights) > room and left_off is not None and shown > 0:
        shown -= 1
        items = [item for group in groups[:shown] for item in group]
        paras, heights = laid_out(items + [(markup(left_off(len(groups) - shown)), False)], size)
    top = page._y(box.y)
    for p, h in zip(paras, heights, strict=True):
        if top - h < page._y(box.bottom) - 0.5:
            break  # (a single drug taller than the box: never printed over the next part)
        p.drawOn(page.c, page._x(box.x), top - h)
        top -= h


def draw_back(page: Page, card: CardData, x: float, y: float) -> None:
    T = page.T
    page.rect(Box(x, y, CARD_W, CARD_H), 0.3)
    # the warning signs first: they take the room they need at 6.5 pt, the readings table the rest
    lines = [T("Print", "每次就诊请带上此卡。")] + [T("Print", w) for w in card.warnings()]
    note = "<br/>".join(markup(line) for line in lines)
    note_w = CARD_W - 6
    note_h = warning_height(note, note_w)
    divider = y + CARD_H - 1.5 - note_h - 1.5
    # readings: date | BP | glucose (title over unit), an empty ruled table when there are none yet
    tx, tw = x + 3, 44.0
    page.text(tx, y + 5, T("Print", "近期测量"), 7, bold=True)
    cols = [
        (T("Print", "日期"), "", 16.0),
        (T("Print", "血压"), "mmHg", 15.0),
        (T("Print", "血糖"), "mmol/L", 13.0),
    ]
    row_h, head_h, top = 4.0, 5.8, y + 6.5
    rows = max(1, min(READINGS, int((divider - 1.5 - top - head_h) / row_h)))
    table_h = head_h + row_h * rows
    page.rect(Box(tx, top, tw, table_h), 0.4)
    cx = tx
    for title, unit, w in cols:
        if unit:
            page.fit_text(cx + 0.5, top + 2.6, w - 1, title, MIN_PRINT, min_size=MIN_PRINT, align="center")
            page.fit_text(cx + 0.5, top + 5.0, w - 1, unit, MIN_PRINT, min_size=MIN_PRINT, align="center")
        else:
            page.fit_text(cx + 0.5, top + 3.8, w - 1, title, MIN_PRINT, min_size=MIN_PRINT, align="center")
        cx += w
        if cx < tx + tw - 0.1:
            page.line(cx, top, cx, top + table_h, 0.3)
    readings = card.readings[-rows:]
    for i in range(rows):
        ry = top + head_h + row_h * i
        page.line(tx, ry, tx + tw, ry, 0.4 if i == 0 else 0.3)
        if i < len(readings):
            r = readings[i]
            bp = f"{r.sbp}/{r.dbp}" if r.sbp is not None else ""
            glucose = f"{r.glucose:.1f}" if r.glucose is not None else ""
            cx = tx
            for value, (_t, _u, w) in zip((T.short_date(r.day), bp, glucose), cols, strict=True):
                page.fit_text(cx + 0.5, ry + 2.9, w - 1, value, 7, min_size=MIN_PRINT, align="center")
                cx += w
    # medication: a drug's name may break, its dose never inside a phrase
    mx, mw = x + 50, CARD_W - 53
    page.text(mx, y + 5, T("Print", "目前用药"), 7, bold=True)
    drugs: list[list[tuple[str, bool]]] = []
    for m in card.medication:
        name, dose = m.parts(T)
        drugs.append(
            [("· " + markup(name), True)] + ([("&nbsp;&nbsp;" + markup(dose), False)] if dose else [])
        )
    _stack(
        page,
        Box(mx, y + 6.5, mw, divider - y - 7.5),
        drugs or [[(markup(T("Print", "（无）")), False)]],
        7,
        lambda n: T("Print", "另有{n}种药未印出，见随访记录").replace("{n}", str(n)),
    )
    page.line(x + 3, divider, x + CARD_W - 3, divider, 0.3)
    page.paragraph(
        Box(x + 3, divider + 1.5, note_w, note_h + 0.5), note, MIN_PRINT, min_size=MIN_PRINT, leading=1.2
    )


def warning_height(note: str, width_mm: float) -> float:
    """The height (mm) the warning lines take at :data:`MIN_PRINT`."""
    from reportlab.platypus import Paragraph

    p = Paragraph(note, para_style(MIN_PRINT, MIN_PRINT * 1.2))
    return p.wrap(width_mm * mm, 10_000)[1] / mm


def render_card(card: CardData, labels: Labels) -> bytes:
    """One card as a two-page card-size PDF: front, then back."""
    T = labels
    doc = Document(CARD_W, CARD_H, T("Print", "随访卡") + " " + card.name, labels)
    draw_front(doc.new_page(), card, 0, 0)
    draw_back(doc.new_page(), card, 0, 0)
    return doc.to_bytes()


def render_card_sheets(
    cards: list[CardData],
    labels: Labels,
    per_sheet: int = 10,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes | None:
    """A4 sheets of ``per_sheet`` (8 or 10) cards with crop marks; fronts page, then backs page.

    Returns None when ``cancelled()`` turns true."""
    if per_sheet not in SHEET_LAYOUTS:
        raise ValueError(per_sheet)
    cols, rows, row_gap = SHEET_LAYOUTS[per_sheet]
    grid_w = cols * CARD_W + (cols - 1) * COLUMN_GAP
    grid_h = rows * CARD_H + (rows - 1) * row_gap
    x0, y0 = (210 - grid_w) / 2, (297 - grid_h) / 2
    T = labels
    doc = Document(210, 297, T("Print", "随访卡"), labels)
    total = len(cards)
    for start in range(0, max(total, 1), per_sheet):
        batch = cards[start : start + per_sheet]
        for side in ("front", "back"):
            page = doc.new_page()
            boxes = []
            for i, card in enumerate(batch):
                col, row = i % cols, i // cols
                if side == "back":
                    col = cols - 1 - col  # long-edge duplex: the back of the left card is on the right
                x = x0 + col * (CARD_W + COLUMN_GAP)
                y = y0 + row * (CARD_H + row_gap)
                (draw_front if side == "front" else draw_back)(page, card, x, y)
                boxes.append(Box(x, y, CARD_W, CARD_H))
            _crop_marks(page, boxes)
            page.text(
                105,
                297 - 4,
                _sheet_caption(labels, side, start // per_sheet + 1),
                MIN_PRINT,
                align="center",
                color=GREY,
            )
        if progress:
            progress(min(start + per_sheet, total), total)
        if cancelled and cancelled():
            return None
    return doc.to_bytes()


def _sheet_caption(T: Labels, side: str, number: int) -> str:
    text = T("Print", "第{n}张 正面") if side == "front" else T("Print", "第{n}张 背面（长边翻转双面打印）")
    return text.replace("{n}", str(number))


def _crop_marks(page: Page, boxes: list[Box]) -> None:
    """Marks at every cut line, drawn only where they touch no card."""
    xs = sorted({round(v, 2) for b in boxes for v in (b.x, b.x + b.w)})
    ys = sorted({round(v, 2) for b in boxes for v in (b.y, b.bottom)})
    if not boxes:
        return
    left, right = min(xs), max(xs)
    top, bottom = min(ys), max(ys)
    for x in xs:
        page.line(x, top - 1, x, top - 5, 0.3)
        page.line(x, bottom + 1, x, bottom + 5, 0.3)
    for y in ys:
        page.line(left - 1, y, left - 5, y, 0.3)
        page.line(right + 1, y, right + 5, y, 0.3)
    # marks in the gap between columns
    gaps = [(a, b) for a, b in zip(xs[1::2], xs[2::2], strict=False) if b - a >= 4]
    for a, b in gaps:
        for y in ys:
            page.line(a + 1, y, min(a + 3, (a + b) / 2 - 0.5), y, 0.3)
            page.line(b - 1, y, max(b - 3, (a + b) / 2 + 0.5), y, 0.3)
