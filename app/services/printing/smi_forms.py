"""严重精神障碍患者随访服务记录表 on paper: blank for a visit, or filled from a saved visit for the
archive.  A filled form names the programme, so printing it is refused (and audited) for anyone who
may not see the record."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import Resident, SmiVisit
from app.services.errors import Message, NotFound
from app.services.printing import _may_print, field_sheet
from app.services.printing.layout import Labels
from app.services.programmes import smi
from app.services.programmes.smi_forms import FAILED_SECTION, VISIT_FORM
from app.services.records.field_table import FieldTable

# As on paper: the visit's date and form, then 失访原因 / 死亡, then the assessment.
PRINTED_FORM = FieldTable(
    "smi_visit_printed", (VISIT_FORM.sections[0], FAILED_SECTION, *VISIT_FORM.sections[1:])
)


def visit_pdf(session: Session, visit_id: uuid.UUID | None, labels: Labels) -> bytes:
    T = labels
    values, heading = None, [T("Print", "姓名：＿＿＿＿"), T("Print", "编号：＿＿＿-＿＿＿＿＿")]
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
        no = resident.archive_no
        heading = [
            T("Print", "姓名：{name}").replace("{name}", resident.name),
            T("Print", "编号：{no}").replace("{no}", f"{no[-8:-5]}-{no[-5:]}"),
        ]
    return field_sheet.render(
        T("Print", "严重精神障碍患者随访服务记录表"),
        heading,
        field_sheet.one_page_form(PRINTED_FORM, values, T),
        T,
    )
