"""What a record's column is called on its paper form, for the lists that name changed fields: the
审计 trail's updates and the sync conflicts.  Chinese source text, translated in the "Field" context.

The labels come from the forms' own declarations (their field tables, the follow-up measurements);
:data:`COMMON` names the columns no form table declares (the record's status, voiding, the ticked
boxes, …).  A column nobody names has no label: callers count it rather than show its name.
"""

from __future__ import annotations

from functools import cache

from app.i18n import QT_TRANSLATE_NOOP

COMMON = {
    "name": QT_TRANSLATE_NOOP("Field", "姓名"),
    "sex": QT_TRANSLATE_NOOP("Field", "性别"),
    "birth_date": QT_TRANSLATE_NOOP("Field", "出生日期"),
    "id_number": QT_TRANSLATE_NOOP("Field", "身份证号"),
    "phone": QT_TRANSLATE_NOOP("Field", "本人电话"),
    "contact_name": QT_TRANSLATE_NOOP("Field", "联系人姓名"),
    "contact_phone": QT_TRANSLATE_NOOP("Field", "联系人电话"),
    "current_address": QT_TRANSLATE_NOOP("Field", "现住址"),
    "registered_address": QT_TRANSLATE_NOOP("Field", "户籍地址"),
    "workplace": QT_TRANSLATE_NOOP("Field", "工作单位"),
    "responsible_doctor": QT_TRANSLATE_NOOP("Field", "责任医生"),
    "group_id": QT_TRANSLATE_NOOP("Field", "村民小组"),
    "household_id": QT_TRANSLATE_NOOP("Field", "户"),
    "choices": QT_TRANSLATE_NOOP("Field", "勾选项（既往史、过敏史等）"),
    "status": QT_TRANSLATE_NOOP("Field", "状态"),
    "status_date": QT_TRANSLATE_NOOP("Field", "状态日期"),
    "status_reason": QT_TRANSLATE_NOOP("Field", "原因"),
    "voided": QT_TRANSLATE_NOOP("Field", "作废"),
    "void_reason": QT_TRANSLATE_NOOP("Field", "作废原因"),
    "address": QT_TRANSLATE_NOOP("Field", "地址"),
    "form": QT_TRANSLATE_NOOP("Field", "表内其他项目"),
    "doctor": QT_TRANSLATE_NOOP("Field", "医生签名"),
    "next_due": QT_TRANSLATE_NOOP("Field", "下次随访日期"),
    "relation_to_head": QT_TRANSLATE_NOOP("Field", "与户主关系"),
    "poverty_registered": QT_TRANSLATE_NOOP("Field", "建档立卡贫困户"),
    "contract_signed_on": QT_TRANSLATE_NOOP("Field", "签约日期"),
    "contract_doctor": QT_TRANSLATE_NOOP("Field", "签约医生"),
    "contract_years": QT_TRANSLATE_NOOP("Field", "签约年限"),
    # the dates of what happened, as a refusal of a date ahead names them (sync.exchange.HAPPENED_ON)
    "visit_date": QT_TRANSLATE_NOOP("Field", "随访日期"),
    "death_date": QT_TRANSLATE_NOOP("Field", "死亡日期"),
    "hba1c_date": QT_TRANSLATE_NOOP("Field", "糖化血红蛋白检查日期"),
    "check_date": QT_TRANSLATE_NOOP("Field", "体检日期"),
    "issued_on": QT_TRANSLATE_NOOP("Field", "转诊日期"),
    "diagnosed_on": QT_TRANSLATE_NOOP("Field", "确诊日期"),
}


@cache
def _forms() -> dict[str, dict[str, str]]:
    """{entity: {column: label}} of the records whose forms are declared as field tables."""
    from app.services.institution import INSTITUTION_FORM
    from app.services.programmes import followup, smi_forms
    from app.services.records.resident_form import RESIDENT_FORM

    tables = {
        t.name: {f.key: f.label for f in t}
        for t in (RESIDENT_FORM, INSTITUTION_FORM, smi_forms.REGISTRATION_FORM, smi_forms.VISIT_FORM)
    }
    tables["followup_visit"] = {
        **{key: followup.field_label(key) for key in followup.RANGES},
        **followup.MANDATORY_LABELS,
    }
    return tables


def field_label(entity: str | None, column: str) -> str | None:
    """The paper form's name of ``column`` of an ``entity`` record, or None when no form names it."""
    return _forms().get(entity or "", {}).get(column) or COMMON.get(column)
