"""严重精神障碍患者随访服务记录表 and 个人信息补充表 on paper: blank, or filled from a saved visit or the
registration for the archive.  A filled form names the programme, so printing it is refused (and
audited) for anyone who may not see the record."""

from __future__ import annotations

import datetime as dt
import uuid
from contextlib import suppress

from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import Resident, SmiVisit
from app.services.errors import Message, NotFound
from app.services.printing import _may_print, field_sheet
from app.services.printing.layout import Labels
from app.services.programmes import smi
from app.services.programmes.smi_forms import FAILED_SECTION, REGISTRATION_FORM, VISIT_FORM
from app.services.records.field_table import FieldTable, Kind

# As on paper: the visit's date and form, then 失访原因 / 死亡, then the assessment.
PRINTED_FORM = FieldTable(
    "smi_visit_printed", (VISIT_FORM.sections[0], FAILED_SECTION, *VISIT_FORM.sections[1:])
)


def registration_pdf(session: Session, resident_ref: str | uuid.UUID | None, labels: Labels) -> bytes:
    """严重精神障碍患者个人信息补充表 (DOMAIN.md): filled from the patient's registration, or blank
    (``resident_ref`` None) for registering on paper."""
    T = labels
    values, resident = None, None
    if resident_ref is not None:
        record = smi.record_of(session, resident_ref)  # refused (and audited) for anyone who may not see it
        resident = session.get(Resident, record.resident_id)
        _may_print(session, [resident.id], "smi_registration")
        values = dict(record.registration)
        for f in REGISTRATION_FORM:  # (dates as the form prints them: 2020年5月1日)
            if f.kind is Kind.DATE and isinstance(values.get(f.key), str) and values[f.key]:
                with suppress(ValueError):  # (else printed as it is stored)
                    values[f.key] = dt.date.fromisoformat(values[f.key])
    return field_sheet.render(
        T("Print", "严重精神障碍患者个人信息补充表"),
        field_sheet.resident_heading(T, resident),
        field_sheet.one_page_form(REGISTRATION_FORM, values, T),
        T,
    )


def visit_pdf(session: Session, visit_id: uuid.UUID | None, labels: Labels) -> bytes:
    T = labels
    values, heading = None, field_sheet.resident_heading(T, None)
    if visit_id is not None:
        visit = session.get(SmiVisit, visit_id)
        if visit is None or visit.voided:
            raise NotFound(Message("Smi", QT_TRANSLATE_NOOP("Smi", "找不到该随访记录")))
        resident = session.get(Resident, visit.resident_id)
        smi.record_of(session, resident.id)  # refused (and audited) for anyone who may not see it
        _may_print(session, [resident.id], "smi_visit")
        values = smi.visit_values(visit)
        values["visit_date"] = visit.visit_date
        values["next_due"] = visit.next_due
        values["death_date"] = visit.death_date
        values["danger"] = "" if visit.danger is None else str(visit.danger)
        values["classification"] = str(visit.classification) if visit.classification else None
        if visit.outcome != "done":  # 失访 / 死亡: no assessment was made, nothing of it is ticked
            kept = {"visit_date", "doctor", "lost_reason", "death_date", "death_cause"}
            values = {k: (v if k in kept else None) for k, v in values.items()}
        heading = field_sheet.resident_heading(T, resident)
    return field_sheet.render(
        T("Print", "严重精神障碍患者随访服务记录表"),
        heading,
        field_sheet.one_page_form(PRINTED_FORM, values, T),
        T,
    )
