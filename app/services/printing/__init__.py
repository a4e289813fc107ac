"""Printing: every paper document CunYi makes, as PDF bytes (reportlab, no Qt).

One module per document on top of the shared layout toolkit (``layout``):
referral slips (``referral_slip``), follow-up cards (``followup_card``), record covers
(``record_cover``), home-visit worklists (``home_visits``) and blank follow-up forms
(``blank_forms``).  The functions here read what a document needs from the store and
render it; the GUI previews/prints the bytes, the CLI writes them to a file.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app.models import Resident
from app.services import safe_output
from app.services.access import audit, authz
from app.services.records.residents import find_resident

if TYPE_CHECKING:
    from app.services.printing.layout import Labels

# The documents and their toolkit (reportlab, ~150 ms to import) load when a document is first
# made, not when the GUI starts: each function below imports the one module it renders with.


def __getattr__(name: str):  # PEP 562: ``printing.Labels`` without loading reportlab at import
    if name == "Labels":
        from app.services.printing.layout import Labels

        return Labels
    raise AttributeError(name)


__all__ = [
    "Labels",
    "blank_form_pdf",
    "card_pdf",
    "cards_pdf",
    "cover_pdf",
    "due_resident_ids",
    "missing_marks",
    "record_pdf",
    "referral_pdf",
    "sheet_years",
    "visits_pdf",
    "worklist_pdf",
    "write_pdf",
]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

MISSING = "〓"  # printed for a character the font lacks (the typesetter's 〓 for a missing 生僻字)


def missing_marks(pdf) -> int:
    """How many characters of an open PDF (a ``pypdfium2.PdfDocument`` of ours) printed as
    :data:`MISSING`, the bundled font having no glyph for them: the preview asks the doctor to
    write them in by hand."""
    from app.services.printing.engine import LOCK

    found = 0
    with LOCK:
        for index in range(len(pdf)):
            page = pdf[index]
            text = page.get_textpage()
            try:
                found += text.get_text_range().count(MISSING)
            finally:
                text.close()
                page.close()
    return found


def _may_print(
    session: Session, resident_ids, document: str, *, record: tuple[str, uuid.UUID] | None = None
) -> None:
    """Every resident on a document must be printable by the actor; the print is audited (as of
    ``record``, (entity, id), when the document is one record's: a referral's entry is hidden as
    its referral is, from those who may not know of a 专项随访 one)."""
    from sqlalchemy import select

    ids = list(resident_ids)
    for i in range(0, len(ids), 500):
        for r in session.scalars(select(Resident).where(Resident.id.in_(ids[i : i + 500]))):
            authz.require_resident(session, "print", r)
    from app.services.access.audit_review import SENSITIVE_ENTITIES

    sensitive = document in SENSITIVE_ENTITIES  # (an SMI form): its entry is hidden as its record is
    entity, entity_id = record or (
        document if sensitive else "resident" if len(ids) == 1 else None,
        ids[0] if len(ids) == 1 else None,
    )
    audit.record_now(session, "print", entity, entity_id, f"{document} ×{len(ids)}")


def referral_pdf(
    session: Session, referral_id: uuid.UUID, labels: Labels, *, returning: bool = False
) -> bytes:
    """双向转诊单 (转出, or 回转 with ``returning``); refused when the referral has no destination."""
    from app.services.printing import referral_slip
    from app.services.programmes.referral import find_referral

    found = find_referral(session, referral_id)  # not found for who may not know
    data = referral_slip.slip_data(session, referral_id)
    _may_print(session, [found.resident_id], "referral", record=("referral", found.id))
    return referral_slip.render_referral(data, labels, returning=returning)


def card_pdf(
    session: Session,
    resident_ref: str,
    labels: Labels,
    *,
    today: dt.date | None = None,
    planned: dt.date | None = None,
) -> bytes:
    """One follow-up card (front and back, card size) for a resident by archive number or id."""
    from app.services.printing import followup_card

    resident = find_resident(session, resident_ref)
    cards = followup_card.card_data(session, [resident.id], today=today, planned=planned)
    _may_print(session, [resident.id], "card")
    return followup_card.render_card(cards[0], labels)


def due_resident_ids(
    session: Session,
    due_within: int,
    *,
    group_id: uuid.UUID | None = None,
    village_id: uuid.UUID | None = None,
    today: dt.date | None = None,
) -> list[uuid.UUID]:
    """Residents overdue or due within ``due_within`` days, by village group, most overdue first."""
    from app.services.printing import home_visits

    visits = home_visits.home_visit_list(
        session, due_within=due_within, group_id=group_id, village_id=village_id, today=today
    )
    return [row.resident_id for row in visits.rows]


def cards_pdf(
    session: Session,
    resident_ids: list[uuid.UUID],
    labels: Labels,
    *,
    per_sheet: int = 10,
    today: dt.date | None = None,
    planned: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> bytes | None:
    """A4 sheets of cards for these residents; None if cancelled.  ``planned``: the next visit
    printed on overdue patients' cards (else they say how many days overdue)."""
    from app.services.printing import followup_card

    cards = followup_card.card_data(session, resident_ids, today=today, planned=planned)
    if resident_ids:
        _may_print(session, resident_ids, "cards")
    return followup_card.render_card_sheets(cards, labels, per_sheet, progress=progress, cancelled=cancelled)


def cover_pdf(session: Session, resident_ref: str, labels: Labels) -> bytes:
    from app.services.printing import record_cover

    resident = find_resident(session, resident_ref)
    _may_print(session, [resident.id], "cover")
    return record_cover.render_cover(record_cover.cover_data(session, resident.id), labels)


def worklist_pdf(
    session: Session,
    labels: Labels,
    *,
    due_within: int = 7,
    group_id: uuid.UUID | None = None,
    village_id: uuid.UUID | None = None,
    program: str | None = None,
    today: dt.date | None = None,
) -> bytes:
    from app.services.printing import home_visits

    data = home_visits.home_visit_list(
        session, due_within=due_within, group_id=group_id, village_id=village_id, program=program, today=today
    )  # built from the worklist service, which keeps to the actor's villages
    audit.record_now(session, "print", None, None, f"worklist ×{len(data.rows)}")
    return home_visits.render_home_visits(data, labels)


def blank_form_pdf(program: str, labels: Labels, session: Session | None = None) -> bytes:
    """A blank 随访服务记录表 (with this institution's name at the foot when a store is given)."""
    from app.services.institution import institution_profile
    from app.services.printing import blank_forms

    org = institution_profile(session).institution if session is not None else ""
    return blank_forms.render_blank_form(program, labels, institution=org)


def record_pdf(session: Session, resident_ref: str, labels: Labels) -> bytes:
    """个人基本信息表 filled from the record (printed from the resident form's declaration)."""
    from app.services.printing import personal_record

    resident = find_resident(session, resident_ref)
    _may_print(session, [resident.id], "record")
    return personal_record.render_record(personal_record.record_data(session, resident.id, labels), labels)


def sheet_years(visits) -> list[int]:
    """The years a 随访服务记录表 can be printed for (those with a visit), the latest first: the
    one printed when no year is asked for (in January, last year's, the sheet still to file)."""
    return sorted({v.visit_date.year for v in visits}, reverse=True)


def visits_pdf(session: Session, resident_ref: str, program: str, year: int | None, labels: Labels) -> bytes:
    """随访服务记录表 filled with a resident's visits of one programme and year (None: the latest year
    with a visit, the sheet still to file in January), four to a page as on paper; voided visits
    left out (a corrected visit is voided, so its correction prints); a 失访 or 死亡 visit keeps its
    column, with its date and the reason (or the date and cause of death)."""
    from app.i18n import QT_TRANSLATE_NOOP
    from app.services.errors import Message, UserError
    from app.services.institution import clinic_for
    from app.services.printing import blank_forms
    from app.services.programmes.followup import visit_history

    if program not in blank_forms.PROGRAMS:
        raise UserError(
            Message("Print", QT_TRANSLATE_NOOP("Print", "管理项目应为 htn（高血压）或 t2dm（2型糖尿病）"))
        )
    resident = find_resident(session, resident_ref)
    history = visit_history(session, resident.id, program)
    if year is None:
        year = next(iter(sheet_years(history)), dt.date.today().year)
    authz.require_resident(session, "print", resident)  # (before saying whether there are visits)
    visits = [v for v in history if v.visit_date.year == year]
    if not visits:  # (nothing printed: not audited as a print)
        raise UserError(
            Message(
                "Print",
                QT_TRANSLATE_NOOP("Print", "{name}在{year}年没有{program}随访记录"),
                {"name": resident.name, "year": year, "program": labels.code("program", program)},
            )
        )
    _may_print(session, [resident.id], f"visits {program} {year}")
    return blank_forms.render_form(
        program,
        labels,
        visits=visits,
        name=resident.name,
        archive_no=resident.archive_no,
        institution=clinic_for(session, resident.village_id).name,
    )


def write_pdf(path: str | Path, data: bytes) -> Path:
    """Write whole or not at all: a half-written PDF never replaces a good one (:func:`safe_output.write_file`);
    never under a name ending otherwise than .pdf (``card.xlsx`` opened as a broken workbook)."""
    return safe_output.write_file(safe_output.named_as(path, ".pdf"), lambda f: f.write(data))
