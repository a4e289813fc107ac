"""The resident form (居民健康档案封面 + 个人基本信息表) declared once: :data:`RESIDENT_FORM`.

Everything about a resident's fields is derived from this table: :class:`ResidentInput` (what a user
typed), :func:`app.services.records.residents.validate_resident`, the enrolment form's widgets and
tab order (``app.views.enrolment_form``), loading a saved resident into the form
(``residents.resident_input_from``) and the roster template, import and export columns
(``roster``).  To add a plain field, add one :class:`Field` line here.

Saving: a field whose key is a column of ``Resident`` is stored in it; a MULTI field is stored as
``resident_choice`` rows and needs no column.  Any other field is validated, shown on the form and
read from and written to the roster, but **not stored** (``save_resident`` skips it and a reloaded
record shows its initial value) until a column and a migration are added for it.

The rules that tie fields together (ID number ↔ sex and birth date, household and head, status
dates …) are the functions below, each named by the field that owns it (``check=`` replaces the
kind's check; ``rules=`` run after it, in table order, so they can read the fields before them).
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Household, Resident
from app.services import profile as profiles
from app.services.errors import FieldError, Message, UserError
from app.services.records.field_table import (
    Checking,
    Column,
    Field,
    FieldTable,
    Kind,
    Saved,
    Section,
    check_choices,
    check_person,
    other_unticked,
)
from app.services.records.validators import (
    Invalid,
    check_birth_date,
    clean_text,
    parse_date,
    parse_month,
    parse_resident_id,
    validate_name,
)

HEAD = "0"  # 与户主关系: 户主
RELATIVES = ("father", "mother", "sibling", "child")  # 家族史: 父亲, 母亲, 兄弟姐妹, 子女
HISTORY_EVENTS = ("surgery", "trauma", "transfusion")  # 既往史: 手术, 外伤, 输血
ID_CARD = "1"  # 证件类型: 居民身份证


# ---------------------------------------------------------------- identity


def check_name(c: Checking, f: Field) -> None:
    c.values[f.key] = c.attempt(f.key, validate_name, c.raw(f.key))


def check_id_number(c: Checking, f: Field) -> None:
    """A resident ID card number is checked digit by digit; other documents are plain text."""
    raw = c.raw(f.key) or ""
    if c.values.get("id_type") == ID_CARD and raw.strip():
        rid = c.attempt(f.key, parse_resident_id, raw)
        c.found["resident_id"] = rid
        c.values[f.key] = rid.number if rid else None
    else:  # no ID yet (infants often have none): sex and birth date are then required
        c.values[f.key] = c.attempt(f.key, clean_text, raw, f.max_len, QT_TRANSLATE_NOOP("Field", "证件号码"))


def identity_agrees(c: Checking, f: Field) -> None:
    """Rule of 出生日期: the ID, the sex and the birth date agree; the ID fills what was left empty."""
    typed_birth, typed_sex = c.values.get("birth_date"), c.values.get("sex") or ""
    birth, sex = typed_birth, typed_sex
    rid = c.found.get("resident_id")
    if rid:
        if typed_birth and typed_birth != rid.birth_date:
            c.fail(
                "birth_date",
                QT_TRANSLATE_NOOP("Validation", "出生日期与身份证号不一致（身份证号中为{d}）"),
                d=rid.birth_date.isoformat(),
            )
        if typed_sex in ("1", "2") and typed_sex != rid.sex:
            c.fail(
                "sex",
                QT_TRANSLATE_NOOP("Validation", "性别与身份证号不一致（身份证号第17位表示{sex}）"),
                sex=CODE_LISTS["sex"].label(rid.sex),
            )
        birth, sex = birth or rid.birth_date, sex or rid.sex
    # (an ID that did not pass fills neither: both are asked for, as without an ID)
    if not sex and not c.failed("sex"):
        c.fail("sex", QT_TRANSLATE_NOOP("Validation", "请选择性别"))
    if birth is None and not c.failed("birth_date"):
        c.fail("birth_date", QT_TRANSLATE_NOOP("Validation", "请填写出生日期"))
    if birth is not None and typed_birth:
        c.attempt("birth_date", check_birth_date, birth, c.today)
    elif birth is not None and birth > c.today:  # the ID's own date: the ID is wrong, not a typed date
        c.fail(
            "id_number",
            QT_TRANSLATE_NOOP("Validation", "身份证号中的出生日期{d}晚于今天，请核对身份证号"),
            d=birth.isoformat(),
        )
    elif birth is not None:
        c.attempt("id_number", check_birth_date, birth, c.today)
    c.values["sex"], c.values["birth_date"] = sex, birth


def synced_resident_problem(values: dict, made: bool = False, _stored: dict | None = None) -> str | None:
    """The field of a resident's change arriving in a bundle that the form would have refused, of
    those that must agree: an ID card number that does not check, a birth date or sex that
    contradicts it.  ``values``: the identity as the bundle leaves the row (the importer merges in
    what is stored, each field's latest write); only an ID card is checked, other documents are
    plain text, and a row made without a document type takes the column's default, an ID card.
    (Each field alone: ``sync.values``.)"""
    number = values.get("id_number")
    id_type = values.get("id_type", Resident.__table__.c.id_type.default.arg if made else None)
    if not isinstance(number, str) or not number or id_type != ID_CARD:
        return None
    try:
        rid = parse_resident_id(number)
    except Invalid:
        return "id_number"
    if rid.number != number:
        return "id_number"
    birth = values.get("birth_date")
    if birth is not None and birth != rid.birth_date.isoformat():
        return "birth_date"
    if values.get("sex") in ("1", "2") and values["sex"] != rid.sex:
        return "sex"
    return None


def identity_brought_back(row: Resident, field: str) -> str | None:
    """After ``field`` of the identity (:func:`synced_resident_problem`'s) was set back on ``row`` to
    the value that lost a conflict: the birth date and sex read from an ID card number that came
    back, as the form fills them; then the field that still contradicts the others (None: none).
    Brought back alone, a number with another birth date left the row contradicting itself, and
    every village then refused the township's bundles for good."""
    if field == "id_number" and row.id_type == ID_CARD and row.id_number:
        try:
            rid = parse_resident_id(row.id_number)
        except Invalid:
            return "id_number"
        row.birth_date, row.sex = rid.birth_date, rid.sex
    identity = {"id_type": row.id_type, "id_number": row.id_number, "sex": row.sex}
    identity["birth_date"] = row.birth_date.isoformat() if row.birth_date else None
    return synced_resident_problem(identity)


# ---------------------------------------------------------------- history


def check_past_diseases(c: Checking, f: Field) -> None:
    """既往史·疾病: each ticked disease with its diagnosis month, after birth and not after today."""
    cl = CODE_LISTS["past_disease"]
    typed: dict[str, str] = c.raw(f.key) or {}
    codes = [code for code in typed if code]
    birth = c.values.get("birth_date")
    if any(code not in cl for code in codes):
        c.fail(
            f.key,
            QT_TRANSLATE_NOOP("Validation", "{label}代码“{value}”无效"),
            label=cl.zh,
            value=next(code for code in codes if code not in cl),
        )
        return
    if cl.none_code in codes and len(codes) > 1:
        c.fail(
            f.key,
            QT_TRANSLATE_NOOP("Validation", "{label}选了“{none}”就不能再选其他项"),
            label=cl.zh,
            none=cl.label(cl.none_code),
        )
        return
    other_unticked(c, f.key, cl.zh, c.raw(f.other), cl.other_code in codes)
    other = c.attempt(f.key, clean_text, c.raw(f.other), 100, cl.zh)
    for code in codes:
        named = Message(
            "Validation", QT_TRANSLATE_NOOP("Validation", "{disease}的确诊时间"), {"disease": cl.label(code)}
        )
        month = c.attempt(f.key, parse_month, typed[code], named)
        if month and birth and month < birth.isoformat()[: len(month)]:
            c.fail(
                f.key,
                QT_TRANSLATE_NOOP("Validation", "{disease}的确诊时间早于出生日期"),
                disease=cl.label(code),
            )
        if month and month > c.today.isoformat()[: len(month)]:
            c.fail(
                f.key, QT_TRANSLATE_NOOP("Validation", "{disease}的确诊时间晚于今天"), disease=cl.label(code)
            )
        if code == cl.other_code and not other:
            c.fail(f.key, QT_TRANSLATE_NOOP("Validation", "{label}选了“其他”，请写明"), label=cl.zh)
        c.choices.append(
            {
                "field": "past_disease",
                "code": code,
                "event_date": month,
                "note": other if code == cl.other_code else None,
            }
        )


def check_history_events(c: Checking, f: Field) -> None:
    """手术/外伤/输血: each with a name and a date between birth and today."""
    birth = c.values.get("birth_date")
    for kind, name_typed, date_typed in c.raw(f.key) or []:
        if kind not in HISTORY_EVENTS:
            c.fail(f.key, QT_TRANSLATE_NOOP("Validation", "手术/外伤/输血类型“{value}”无效"), value=kind)
            continue
        label = CODE_LISTS["history_event"].label(kind)
        name = c.attempt(f.key, clean_text, name_typed, 100, QT_TRANSLATE_NOOP("Field", "手术/外伤/输血名称"))
        when = c.attempt(f.key, parse_date, date_typed, QT_TRANSLATE_NOOP("Field", "手术/外伤/输血时间"))
        if not name and not c.failed(f.key):
            c.fail(f.key, QT_TRANSLATE_NOOP("Validation", "请填写{label}名称"), label=label)
        if when and (when > c.today or (birth and when < birth)):
            c.fail(f.key, QT_TRANSLATE_NOOP("Validation", "{label}时间应在出生之后、今天之前"), label=label)
        c.choices.append(
            {
                "field": f"history_{kind}",
                "code": None,
                "note": name,
                "event_date": when.isoformat() if when else None,
            }
        )


def genetic_disease_named(c: Checking, f: Field) -> None:
    """Rule of 遗传病名称: 有遗传病史 needs the disease's name."""
    if c.values.get("has_genetic_disease") and not c.values.get(f.key):
        c.fail(f.key, QT_TRANSLATE_NOOP("Validation", "有遗传病史时请写明疾病名称"))


def check_family(c: Checking, f: Field) -> None:
    """家族史: one code list per relative, one shared "other" text."""
    typed: dict[str, list[str]] = c.raw(f.key) or {}
    other_code = CODE_LISTS["family_disease"].other_code
    other_unticked(
        c, f.key, f.label, c.raw(f.other), any(other_code in typed.get(rel, []) for rel in RELATIVES)
    )
    for rel in RELATIVES:
        check_choices(
            c, f.key, "family_disease", typed.get(rel, []), c.raw(f.other), f.label, f"family_{rel}"
        )


def load_past_diseases(saved: Saved, f: Field) -> dict:
    return {
        f.key: {r.code: r.event_date or "" for r in saved.rows("past_disease") if r.code},
        f.other: saved.note("past_disease"),
    }


def load_history_events(saved: Saved, f: Field) -> dict:
    return {
        f.key: [
            (kind, r.note or "", r.event_date or "")
            for kind in HISTORY_EVENTS
            for r in saved.rows(f"history_{kind}")
        ]
    }


def load_family(saved: Saved, f: Field) -> dict:
    notes = [saved.note(f"family_{rel}") for rel in RELATIVES]
    return {
        f.key: {rel: saved.codes(f"family_{rel}") for rel in RELATIVES},
        f.other: next((n for n in notes if n), ""),
    }


# ---------------------------------------------------------------- household and record


def check_village(c: Checking, f: Field) -> None:
    """所属村: this village's own, or (township) the one chosen; a saved record's stays its own (its
    archive number begins with its village's code: a move is a new record in the new village)."""
    session, typed = c.context["session"], (c.raw(f.key) or "").strip()
    try:
        village = c.found["village"] = profiles.get_village(session, typed or None)
    except UserError as e:
        c.errors.append(FieldError(f.key, e.message))
        return
    if typed and typed != village.code:  # a village's PC keeps its own village's records only
        c.fail(
            f.key,
            QT_TRANSLATE_NOOP("Validation", "本机只为{village}建档，不能填写别的村（{code}）"),
            village=village.name,
            code=typed,
        )
        return
    resident_id = c.context.get("resident_id")
    stored = session.get(Resident, resident_id) if resident_id is not None else None
    if stored is not None and stored.village_id != village.id:
        c.fail(
            f.key,
            QT_TRANSLATE_NOOP(
                "Validation",
                "档案所属的村不能更改（档案编号以村代码开头）：迁到别的村的居民，请在新村建档，并在本档案登记迁出",
            ),
        )


def check_group(c: Checking, f: Field) -> None:
    """村民小组: stored as a group of the village (created on first use), not as text."""
    c.found["group_name"] = c.attempt(f.key, clean_text, c.raw(f.key), f.max_len, f.label)


def check_household(c: Checking, f: Field) -> None:
    """家庭户: join an existing household (one head each) or found a new one as its head."""
    session, resident_id = c.context["session"], c.context.get("resident_id")
    household_id: uuid.UUID | None = c.raw(f.key)
    relation = (c.raw("relation_to_head") or HEAD).strip()
    village = c.found.get("village")
    c.found["household_id"] = household_id
    if household_id is None:
        if relation != HEAD and resident_id is None:
            c.fail(
                "relation_to_head",
                QT_TRANSLATE_NOOP(
                    "Validation", "新建家庭户时本人应为户主；其他家庭成员请从户主档案中“添加家庭成员”"
                ),
            )
        return
    household = session.get(Household, household_id)
    if household is None or household.voided:
        c.fail(f.key, QT_TRANSLATE_NOOP("Validation", "所选家庭户不存在"))
        return
    if village is not None and household.village_id != village.id:
        c.fail(f.key, QT_TRANSLATE_NOOP("Validation", "家庭户不属于本村"))
    if relation == HEAD:
        head = other_head(session, household_id, resident_id)
        if head is not None:
            c.fail(
                "relation_to_head",
                QT_TRANSLATE_NOOP("Validation", "该户已有户主{name}，请选择与户主的关系"),
                name=head,
            )


# ``session.info`` key: ``{household id: [(head's id, head's name), …]}`` of the live heads of the
# households of the records being checked, set by a reader that checks many records in one unit of
# work (the review queue's validation scan, :func:`heads_of`) and removed when it is done.
HEADS_MEMO = "household_heads"


def heads_of(session: Session, household_ids) -> dict[uuid.UUID, list[tuple[uuid.UUID, str]]]:
    """The live heads of these households, read at once: :data:`HEADS_MEMO`'s value."""
    heads: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {h: [] for h in household_ids}
    q = select(Resident.household_id, Resident.id, Resident.name).where(
        Resident.household_id.in_(list(heads)), Resident.relation_to_head == HEAD, Resident.voided.is_(False)
    )
    for household_id, head_id, name in session.execute(q):
        heads[household_id].append((head_id, name))
    return heads


def other_head(session: Session, household_id: uuid.UUID, resident_id: uuid.UUID | None) -> str | None:
    """The name of the household's live head other than ``resident_id``, if it has one."""
    memo = session.info.get(HEADS_MEMO)
    heads = memo.get(household_id) if memo is not None else None
    if heads is None:
        heads = heads_of(session, [household_id])[household_id]
    return next((name for head_id, name in heads if head_id != resident_id), None)


def enrolled_on_rule(c: Checking, f: Field) -> None:
    """Rule of 建档日期: today when left empty; not before birth."""
    enrolled_on = c.values.get(f.key) or c.today
    birth = c.values.get("birth_date")
    if birth and enrolled_on < birth and not c.failed("birth_date", "id_number"):  # (said once, there)
        c.fail(f.key, QT_TRANSLATE_NOOP("Validation", "建档日期不能早于出生日期"))
    c.values[f.key] = enrolled_on


def status_date_rule(c: Checking, f: Field) -> None:
    """Rule of 状态变更日期: 迁出 and 死亡 need their date, between birth and today; 在册 has none."""
    status, when, birth = c.values.get("status") or "1", c.values.get(f.key), c.values.get("birth_date")
    if status != "1" and when is None and not c.failed(f.key):
        c.fail(f.key, QT_TRANSLATE_NOOP("Validation", "迁出或死亡请填写日期"))
    if when and (when > c.today or (birth and when < birth)):
        c.fail(f.key, QT_TRANSLATE_NOOP("Validation", "状态变更日期应在出生之后、今天之前"))
    c.values[f.key] = when if status != "1" else None


def load_village(saved: Saved, f: Field) -> dict:
    return {f.key: saved.record.village.code}


def load_group(saved: Saved, f: Field) -> dict:
    return {f.key: saved.record.group.name if saved.record.group else ""}


# ---------------------------------------------------------------- the table

RESIDENT_FORM = FieldTable(
    "resident",
    [
        Section(
            "basic",
            QT_TRANSLATE_NOOP("Field", "基本信息"),
            (
                Field(
                    "name",
                    QT_TRANSLATE_NOOP("Field", "姓名"),
                    Kind.TEXT,
                    max_len=50,
                    required=True,
                    hint=QT_TRANSLATE_NOOP("Field", "如 张三"),
                    check=check_name,
                    roster=Column("姓名", 1, "张三", required=True),
                ),
                Field(
                    "id_type",
                    QT_TRANSLATE_NOOP("Field", "证件类型"),
                    Kind.CODE,
                    codes="id_type",
                    default=ID_CARD,
                ),
                Field(
                    "id_number",
                    QT_TRANSLATE_NOOP("Field", "身份证号"),
                    Kind.RESIDENT_ID,
                    max_len=30,
                    hint=QT_TRANSLATE_NOOP("Field", "18位身份证号，末位可为X"),
                    check=check_id_number,
                    roster=Column("身份证号", 4, "110105196503081234"),
                ),
                Field(
                    "sex",
                    QT_TRANSLATE_NOOP("Field", "性别"),
                    Kind.CODE,
                    codes="sex",
                    required=True,
                    roster=Column("性别", 2, "男"),
                ),
                Field(
                    "birth_date",
                    QT_TRANSLATE_NOOP("Field", "出生日期"),
                    Kind.DATE,
                    required=True,
                    hint=QT_TRANSLATE_NOOP("Field", "年-月-日，如 1965-03-08"),
                    rules=(identity_agrees,),
                    roster=Column("出生日期", 3, "1965-03-08"),
                ),
                Field("ethnicity", QT_TRANSLATE_NOOP("Field", "民族"), Kind.CODE, codes="ethnicity"),
                Field(
                    "residence_type",
                    QT_TRANSLATE_NOOP("Field", "常住类型"),
                    Kind.CODE,
                    codes="residence_type",
                ),
                Field("blood_abo", QT_TRANSLATE_NOOP("Field", "血型"), Kind.CODE, codes="blood_abo"),
                Field(
                    "blood_rh", QT_TRANSLATE_NOOP("Field", "RH血型"), Kind.CODE, codes="blood_rh", inline="RH"
                ),
                Field("education", QT_TRANSLATE_NOOP("Field", "文化程度"), Kind.CODE, codes="education"),
                Field("occupation", QT_TRANSLATE_NOOP("Field", "职业"), Kind.CODE, codes="occupation"),
                Field("marital", QT_TRANSLATE_NOOP("Field", "婚姻状况"), Kind.CODE, codes="marital"),
                Field("workplace", QT_TRANSLATE_NOOP("Field", "工作单位"), Kind.TEXT, max_len=100),
            ),
        ),
        Section(
            "contact",
            QT_TRANSLATE_NOOP("Field", "联系方式与住址"),
            (
                Field(
                    "phone",
                    QT_TRANSLATE_NOOP("Field", "本人电话"),
                    Kind.PHONE,
                    hint=QT_TRANSLATE_NOOP("Field", "手机11位，或区号-号码"),
                    roster=Column("联系电话", 5, "13812345678"),
                ),
                Field("contact_name", QT_TRANSLATE_NOOP("Field", "联系人姓名"), Kind.TEXT, max_len=50),
                Field("contact_phone", QT_TRANSLATE_NOOP("Field", "联系人电话"), Kind.PHONE),
                Field(
                    "current_address",
                    QT_TRANSLATE_NOOP("Field", "现住址"),
                    Kind.TEXT,
                    max_len=200,
                    roster=Column("现住址", 6, "幸福路12号"),
                ),
                Field("registered_address", QT_TRANSLATE_NOOP("Field", "户籍地址"), Kind.TEXT, max_len=200),
            ),
        ),
        Section(
            "household",
            QT_TRANSLATE_NOOP("Field", "家庭户与管理"),
            (
                Field(
                    "village_code",
                    QT_TRANSLATE_NOOP("Field", "所属村"),
                    Kind.CUSTOM,
                    annotation="str",
                    default="",
                    check=check_village,
                    load=load_village,
                    editor="village",
                ),
                Field(
                    "group_name",
                    QT_TRANSLATE_NOOP("Field", "村民小组"),
                    Kind.TEXT,
                    max_len=50,
                    check=check_group,
                    load=load_group,
                    editor="group",
                    roster=Column("村民小组", 7, "一组"),
                ),
                Field(
                    "relation_to_head",
                    QT_TRANSLATE_NOOP("Field", "与户主关系"),
                    Kind.CODE,
                    codes="relation",
                    default=HEAD,
                    editor="relation",
                    roster=Column("与户主关系", 9, "户主"),
                ),
                # 贫困户 and 家庭医生签约 are kept by their own records (programmes.poverty, .contracts);
                # the resident's poverty_registered / contract_* columns mirror them.
                Field(
                    "household_id",
                    QT_TRANSLATE_NOOP("Field", "家庭户"),
                    Kind.CUSTOM,
                    annotation="uuid.UUID | None",  # join this household; None: found a new one
                    default=None,
                    check=check_household,
                    editor="household",
                    roster=Column("户主身份证号", 8, "", as_text=True),
                ),
            ),
        ),
        Section(
            "insurance",
            QT_TRANSLATE_NOOP("Field", "医疗费用支付方式、药物过敏史、暴露史"),
            (
                Field(
                    "payment",
                    QT_TRANSLATE_NOOP("Field", "医疗费用支付方式"),
                    Kind.MULTI,
                    codes="payment",
                    columns=3,
                    other="payment_other",
                    other_hint=QT_TRANSLATE_NOOP("Field", "其他，请写明"),
                ),
                Field(
                    "allergy",
                    QT_TRANSLATE_NOOP("Field", "药物过敏史"),
                    Kind.MULTI,
                    codes="allergy",
                    columns=5,
                    other="allergy_other",
                    other_hint=QT_TRANSLATE_NOOP("Field", "其他过敏药物"),
                ),
                Field(
                    "exposure", QT_TRANSLATE_NOOP("Field", "暴露史"), Kind.MULTI, codes="exposure", columns=4
                ),
            ),
        ),
        Section(
            "history",
            QT_TRANSLATE_NOOP("Field", "既往史"),
            (
                Field(
                    "past_diseases",
                    QT_TRANSLATE_NOOP("Field", "疾病"),
                    Kind.CUSTOM,
                    annotation="dict[str, str]",  # code -> diagnosis month as typed ("2015-06")
                    default=dict,
                    other="past_disease_other",
                    other_hint=QT_TRANSLATE_NOOP("Field", "其他疾病，请写明"),
                    check=check_past_diseases,
                    load=load_past_diseases,
                    editor="past_diseases",
                ),
                Field(
                    "history_events",
                    QT_TRANSLATE_NOOP("Field", "手术/外伤/输血"),
                    Kind.CUSTOM,
                    annotation="list[tuple[str, str, str]]",  # (kind, name, date); an empty list means 无
                    default=list,
                    check=check_history_events,
                    load=load_history_events,
                    editor="history_events",
                ),
                Field(
                    "has_genetic_disease",
                    QT_TRANSLATE_NOOP("Field", "遗传病史"),
                    Kind.BOOL,
                    default=None,  # None: not asked
                    choice=QT_TRANSLATE_NOOP("Field", "有"),
                ),
                Field(
                    "genetic_disease",
                    QT_TRANSLATE_NOOP("Field", "遗传病名称"),
                    Kind.TEXT,
                    max_len=100,
                    inline="",
                    hint=QT_TRANSLATE_NOOP("Field", "疾病名称"),
                    rules=(genetic_disease_named,),
                ),
                Field(
                    "disability",
                    QT_TRANSLATE_NOOP("Field", "残疾情况"),
                    Kind.MULTI,
                    codes="disability",
                    columns=4,
                    other="disability_other",
                    other_hint=QT_TRANSLATE_NOOP("Field", "其他残疾，请写明"),
                ),
            ),
        ),
        Section(
            "family",
            QT_TRANSLATE_NOOP("Field", "家族史"),
            (
                Field(
                    "family",
                    QT_TRANSLATE_NOOP("Field", "家族史"),
                    Kind.CUSTOM,
                    annotation="dict[str, list[str]]",  # relative -> codes
                    default=dict,
                    other="family_other",
                    other_hint=QT_TRANSLATE_NOOP("Field", "其他疾病，请写明"),
                    check=check_family,
                    load=load_family,
                    editor="family",
                ),
            ),
        ),
        Section(
            "environment",
            QT_TRANSLATE_NOOP("Field", "生活环境"),
            (
                Field(
                    "kitchen_exhaust",
                    QT_TRANSLATE_NOOP("Field", "厨房排风设施"),
                    Kind.CODE,
                    codes="kitchen_exhaust",
                ),
                Field("fuel", QT_TRANSLATE_NOOP("Field", "燃料类型"), Kind.CODE, codes="fuel"),
                Field("water", QT_TRANSLATE_NOOP("Field", "饮水"), Kind.CODE, codes="water"),
                Field("toilet", QT_TRANSLATE_NOOP("Field", "厕所"), Kind.CODE, codes="toilet"),
                Field("livestock", QT_TRANSLATE_NOOP("Field", "禽畜栏"), Kind.CODE, codes="livestock"),
            ),
        ),
        Section(
            "cover",
            QT_TRANSLATE_NOOP("Field", "建档信息"),
            (
                Field(
                    "enrolled_on",
                    QT_TRANSLATE_NOOP("Field", "建档日期"),
                    Kind.DATE,
                    not_future=True,
                    hint=QT_TRANSLATE_NOOP("Field", "默认今天"),
                    rules=(enrolled_on_rule,),
                ),
                Field(
                    "enrolled_by",
                    QT_TRANSLATE_NOOP("Field", "建档人"),
                    Kind.TEXT,
                    max_len=50,
                    check=check_person,
                ),
                Field(
                    "responsible_doctor",
                    QT_TRANSLATE_NOOP("Field", "责任医生"),
                    Kind.TEXT,
                    max_len=50,
                    check=check_person,
                ),
                Field(
                    "status",
                    QT_TRANSLATE_NOOP("Field", "档案状态"),
                    Kind.CODE,
                    codes="resident_status",
                    default="1",
                ),
                Field(
                    "status_date",
                    QT_TRANSLATE_NOOP("Field", "状态变更日期"),
                    Kind.DATE,
                    hint=QT_TRANSLATE_NOOP("Field", "迁出或死亡日期"),
                    rules=(status_date_rule,),
                ),
            ),
        ),
    ],
)

# What a user typed for one resident, before validation (strings as typed).  Code that must follow
# a replaced table (tests that add a field) uses ``RESIDENT_FORM.input_type`` at call time.
ResidentInput = RESIDENT_FORM.input_type
