"""Enrolment: residents and households, with the validation of the 个人基本信息表.

The form, the roster importer, the demo and the CLI all go through :func:`validate_resident`
and :func:`save_resident`.  A rejected input raises :class:`ValidationError` listing every
bad field and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field

from sqlalchemy import case, delete, func, insert, select
from sqlalchemy.orm import Session

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Household, Resident, ResidentChoice, ResidentSearchKey, Village
from app.services import profile as profiles
from app.services.access import authz
from app.services.errors import FieldError, Message, NotFound, UserError, ValidationError
from app.services.records.pinyin_keys import name_keys, sort_key
from app.services.records.validators import (
    CTX,
    Invalid,
    age_on,
    check_birth_date,
    clean_text,
    halfwidth,
    is_digits,
    parse_date,
    parse_month,
    parse_resident_id,
    validate_name,
    validate_phone,
)

HEAD = "0"  # 与户主关系: 户主
SINGLE_CODED = (
    "sex",
    "residence_type",
    "ethnicity",
    "blood_abo",
    "blood_rh",
    "education",
    "occupation",
    "marital",
    "kitchen_exhaust",
    "fuel",
    "water",
    "toilet",
    "livestock",
)
MULTI_CODED = ("payment", "allergy", "exposure", "disability")
RELATIVES = ("father", "mother", "sibling", "child")
HISTORY_EVENTS = ("surgery", "trauma", "transfusion")


@dataclass
class ResidentInput:
    """What a user typed for one resident, before validation (strings as typed)."""

    name: str = ""
    id_type: str = "1"
    id_number: str = ""
    sex: str = ""  # empty: taken from the ID
    birth_date: str = ""  # empty: taken from the ID
    workplace: str = ""
    phone: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    current_address: str = ""
    registered_address: str = ""
    residence_type: str = ""
    ethnicity: str = ""
    blood_abo: str = ""
    blood_rh: str = ""
    education: str = ""
    occupation: str = ""
    marital: str = ""
    payment: list[str] = field(default_factory=list)
    payment_other: str = ""
    allergy: list[str] = field(default_factory=list)
    allergy_other: str = ""
    exposure: list[str] = field(default_factory=list)
    # 既往史·疾病: code -> diagnosis month as typed ("2015-06"); "other" text separately.
    past_diseases: dict[str, str] = field(default_factory=dict)
    past_disease_other: str = ""
    # 手术/外伤/输血: (kind, name, date) rows; an empty list means 无.
    history_events: list[tuple[str, str, str]] = field(default_factory=list)
    has_genetic_disease: bool | None = None
    genetic_disease: str = ""
    family: dict[str, list[str]] = field(default_factory=dict)  # relative -> codes
    family_other: str = ""
    disability: list[str] = field(default_factory=list)
    disability_other: str = ""
    kitchen_exhaust: str = ""
    fuel: str = ""
    water: str = ""
    toilet: str = ""
    livestock: str = ""
    # household and village
    village_code: str = ""  # township mode only: which village
    group_name: str = ""  # 村民小组
    household_id: uuid.UUID | None = None  # join this household; None: a new one
    relation_to_head: str = HEAD
    poverty_registered: bool = False
    contract_signed_on: str = ""
    contract_doctor: str = ""
    contract_years: str = ""
    # cover
    enrolled_by: str = ""
    responsible_doctor: str = ""
    enrolled_on: str = ""  # empty: today
    status: str = "1"
    status_date: str = ""


@dataclass
class CleanResident:
    """A validated resident: column values plus the multi-choice rows."""

    values: dict
    choices: list[dict]
    village: Village
    group_name: str | None
    household_id: uuid.UUID | None


def _label(name: str) -> str:
    return CODE_LISTS[name].zh


def validate_resident(
    session: Session,
    inp: ResidentInput,
    *,
    resident_id: uuid.UUID | None = None,
    today: dt.date | None = None,
    check_duplicates: bool = True,
) -> CleanResident:
    """Check every field; collect all errors; return the clean values.  Writes nothing."""
    today = today or dt.date.today()
    errors: list[FieldError] = []
    values: dict = {}

    def attempt(field_name: str, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Invalid as e:
            errors.append(FieldError(field_name, e.message))
            return None

    def fail(field_name: str, template: str, **params) -> None:
        errors.append(FieldError(field_name, Message(CTX, template, params)))

    values["name"] = attempt("name", validate_name, inp.name)

    # ---- identity: ID number, sex, birth date must agree ----
    id_type = (inp.id_type or "1").strip()
    if id_type not in CODE_LISTS["id_type"]:
        fail("id_type", QT_TRANSLATE_NOOP("Validation", "证件类型代码“{value}”无效"), value=id_type)
    values["id_type"] = id_type
    rid = None
    if id_type == "1" and (inp.id_number or "").strip():
        rid = attempt("id_number", parse_resident_id, inp.id_number)
        values["id_number"] = rid.number if rid else None
    else:
        # No ID yet (infants often have none): sex and birth date are then required.
        values["id_number"] = attempt(
            "id_number", clean_text, inp.id_number, 30, QT_TRANSLATE_NOOP("Field", "证件号码")
        )
    typed_birth = attempt("birth_date", parse_date, inp.birth_date, QT_TRANSLATE_NOOP("Field", "出生日期"))
    typed_sex = (inp.sex or "").strip()
    if typed_sex and typed_sex not in CODE_LISTS["sex"]:
        fail("sex", QT_TRANSLATE_NOOP("Validation", "性别代码“{value}”无效"), value=typed_sex)
        typed_sex = ""
    birth = typed_birth
    sex = typed_sex
    if rid:
        if typed_birth and typed_birth != rid.birth_date:
            fail(
                "birth_date",
                QT_TRANSLATE_NOOP("Validation", "出生日期与身份证号不一致（身份证号中为{d}）"),
                d=rid.birth_date.isoformat(),
            )
        if typed_sex in ("1", "2") and typed_sex != rid.sex:
            fail(
                "sex",
                QT_TRANSLATE_NOOP("Validation", "性别与身份证号不一致（身份证号第17位表示{sex}）"),
                sex=CODE_LISTS["sex"].label(rid.sex),
            )
        birth = birth or rid.birth_date
        sex = sex or rid.sex
    if not sex and not any(e.field == "sex" for e in errors):
        fail("sex", QT_TRANSLATE_NOOP("Validation", "请选择性别"))
    if birth is None and not any(e.field in ("birth_date", "id_number") for e in errors):
        fail("birth_date", QT_TRANSLATE_NOOP("Validation", "请填写出生日期"))
    if birth is not None:
        attempt("birth_date" if typed_birth else "id_number", check_birth_date, birth, today)
    values["sex"], values["birth_date"] = sex, birth

    # ---- free text and phones ----
    for name, max_len, label in (
        ("workplace", 100, QT_TRANSLATE_NOOP("Field", "工作单位")),
        ("contact_name", 50, QT_TRANSLATE_NOOP("Field", "联系人姓名")),
        ("current_address", 200, QT_TRANSLATE_NOOP("Field", "现住址")),
        ("registered_address", 200, QT_TRANSLATE_NOOP("Field", "户籍地址")),
        ("enrolled_by", 50, QT_TRANSLATE_NOOP("Field", "建档人")),
        ("responsible_doctor", 50, QT_TRANSLATE_NOOP("Field", "责任医生")),
        ("contract_doctor", 50, QT_TRANSLATE_NOOP("Field", "签约医生")),
        ("genetic_disease", 100, QT_TRANSLATE_NOOP("Field", "遗传病名称")),
    ):
        values[name] = attempt(name, clean_text, getattr(inp, name), max_len, label)
    values["phone"] = attempt("phone", validate_phone, inp.phone, QT_TRANSLATE_NOOP("Field", "本人电话"))
    values["contact_phone"] = attempt(
        "contact_phone", validate_phone, inp.contact_phone, QT_TRANSLATE_NOOP("Field", "联系人电话")
    )

    # ---- single-choice codes ----
    for name in SINGLE_CODED:
        if name == "sex":
            continue
        code = (getattr(inp, name) or "").strip()
        if code and code not in CODE_LISTS[name]:
            fail(
                name,
                QT_TRANSLATE_NOOP("Validation", "{label}代码“{value}”无效"),
                label=_label(name),
                value=code,
            )
            code = ""
        values[name] = code or None

    # ---- multi-choice codes ----
    choices: list[dict] = []

    def multi(list_name: str, codes: list[str], other_text: str, field_name: str, form_field: str) -> None:
        cl = CODE_LISTS[list_name]
        codes = list(dict.fromkeys(c.strip() for c in codes if c and c.strip()))
        bad = [c for c in codes if c not in cl]
        if bad:
            fail(
                form_field,
                QT_TRANSLATE_NOOP("Validation", "{label}代码“{value}”无效"),
                label=cl.zh,
                value=bad[0],
            )
            return
        if cl.none_code and cl.none_code in codes and len(codes) > 1:
            fail(
                form_field,
                QT_TRANSLATE_NOOP("Validation", "{label}选了“{none}”就不能再选其他项"),
                label=cl.zh,
                none=cl.label(cl.none_code),
            )
            return
        other = attempt(form_field, clean_text, other_text, 100, cl.zh)
        if cl.other_code and cl.other_code in codes and not other:
            fail(form_field, QT_TRANSLATE_NOOP("Validation", "{label}选了“其他”，请写明"), label=cl.zh)
            return
        for c in codes:
            choices.append(
                {
                    "field": field_name,
                    "code": c,
                    "note": other if c == cl.other_code else None,
                    "event_date": None,
                }
            )

    for name in MULTI_CODED:
        multi(name, getattr(inp, name), getattr(inp, f"{name}_other", ""), name, name)
    for rel in RELATIVES:
        multi("family_disease", inp.family.get(rel, []), inp.family_other, f"family_{rel}", "family")

    # 既往史·疾病 with diagnosis months
    cl = CODE_LISTS["past_disease"]
    codes = [c for c in inp.past_diseases if c]
    if any(c not in cl for c in codes):
        fail(
            "past_diseases",
            QT_TRANSLATE_NOOP("Validation", "{label}代码“{value}”无效"),
            label=cl.zh,
            value=next(c for c in codes if c not in cl),
        )
    elif cl.none_code in codes and len(codes) > 1:
        fail(
            "past_diseases",
            QT_TRANSLATE_NOOP("Validation", "{label}选了“{none}”就不能再选其他项"),
            label=cl.zh,
            none=cl.label(cl.none_code),
        )
    else:
        other = attempt("past_diseases", clean_text, inp.past_disease_other, 100, cl.zh)
        for c in codes:
            month = attempt(
                "past_diseases", parse_month, inp.past_diseases[c], QT_TRANSLATE_NOOP("Field", "确诊时间")
            )
            if month and birth and month < birth.isoformat()[: len(month)]:
                fail(
                    "past_diseases",
                    QT_TRANSLATE_NOOP("Validation", "{disease}的确诊时间早于出生日期"),
                    disease=cl.label(c),
                )
            if month and month > today.isoformat()[: len(month)]:
                fail(
                    "past_diseases",
                    QT_TRANSLATE_NOOP("Validation", "{disease}的确诊时间晚于今天"),
                    disease=cl.label(c),
                )
            if c == cl.other_code and not other:
                fail(
                    "past_diseases", QT_TRANSLATE_NOOP("Validation", "{label}选了“其他”，请写明"), label=cl.zh
                )
            choices.append(
                {
                    "field": "past_disease",
                    "code": c,
                    "event_date": month,
                    "note": other if c == cl.other_code else None,
                }
            )

    for kind, ev_name, ev_date in inp.history_events:
        if kind not in HISTORY_EVENTS:
            fail(
                "history_events",
                QT_TRANSLATE_NOOP("Validation", "手术/外伤/输血类型“{value}”无效"),
                value=kind,
            )
            continue
        label = CODE_LISTS["history_event"].label(kind)
        name = attempt(
            "history_events", clean_text, ev_name, 100, QT_TRANSLATE_NOOP("Field", "手术/外伤/输血名称")
        )
        when = attempt(
            "history_events", parse_date, ev_date, QT_TRANSLATE_NOOP("Field", "手术/外伤/输血时间")
        )
        if not name and not any(e.field == "history_events" for e in errors):
            fail("history_events", QT_TRANSLATE_NOOP("Validation", "请填写{label}名称"), label=label)
        if when and (when > today or (birth and when < birth)):
            fail(
                "history_events",
                QT_TRANSLATE_NOOP("Validation", "{label}时间应在出生之后、今天之前"),
                label=label,
            )
        choices.append(
            {
                "field": f"history_{kind}",
                "code": None,
                "note": name,
                "event_date": when.isoformat() if when else None,
            }
        )
    values["has_genetic_disease"] = inp.has_genetic_disease
    if inp.has_genetic_disease and not values.get("genetic_disease"):
        fail("genetic_disease", QT_TRANSLATE_NOOP("Validation", "有遗传病史时请写明疾病名称"))

    # ---- cover and management ----
    enrolled_on = (
        attempt("enrolled_on", parse_date, inp.enrolled_on, QT_TRANSLATE_NOOP("Field", "建档日期")) or today
    )
    if enrolled_on > today:
        fail("enrolled_on", QT_TRANSLATE_NOOP("Validation", "建档日期不能晚于今天"))
    if birth and enrolled_on < birth:
        fail("enrolled_on", QT_TRANSLATE_NOOP("Validation", "建档日期不能早于出生日期"))
    values["enrolled_on"] = enrolled_on
    values["poverty_registered"] = bool(inp.poverty_registered)
    signed = attempt(
        "contract_signed_on", parse_date, inp.contract_signed_on, QT_TRANSLATE_NOOP("Field", "签约日期")
    )
    if signed and signed > today:
        fail("contract_signed_on", QT_TRANSLATE_NOOP("Validation", "签约日期不能晚于今天"))
    values["contract_signed_on"] = signed
    years = (inp.contract_years or "").strip()
    values["contract_years"] = None
    if years:
        if not is_digits(years) or not 1 <= int(years) <= 10:
            fail("contract_years", QT_TRANSLATE_NOOP("Validation", "签约年限应为1到10年"))
        else:
            values["contract_years"] = int(years)
    status = (inp.status or "1").strip()
    if status not in CODE_LISTS["resident_status"]:
        fail("status", QT_TRANSLATE_NOOP("Validation", "档案状态代码“{value}”无效"), value=status)
    values["status"] = status
    status_date = attempt(
        "status_date", parse_date, inp.status_date, QT_TRANSLATE_NOOP("Field", "状态变更日期")
    )
    if status != "1" and status_date is None and not any(e.field == "status_date" for e in errors):
        fail("status_date", QT_TRANSLATE_NOOP("Validation", "迁出或死亡请填写日期"))
    if status_date and (status_date > today or (birth and status_date < birth)):
        fail("status_date", QT_TRANSLATE_NOOP("Validation", "状态变更日期应在出生之后、今天之前"))
    values["status_date"] = status_date if status != "1" else None

    relation = (inp.relation_to_head or HEAD).strip()
    if relation not in CODE_LISTS["relation"]:
        fail(
            "relation_to_head", QT_TRANSLATE_NOOP("Validation", "与户主关系代码“{value}”无效"), value=relation
        )
    values["relation_to_head"] = relation
    group_name = None
    try:
        group_name = clean_text(inp.group_name, 50, QT_TRANSLATE_NOOP("Field", "村民小组"))
    except Invalid as e:
        errors.append(FieldError("group_name", e.message))

    village = None
    try:
        village = profiles.get_village(session, (inp.village_code or "").strip() or None)
    except UserError as e:
        errors.append(FieldError("village_code", e.message))

    household_id = inp.household_id
    if household_id is not None:
        household = session.get(Household, household_id)
        if household is None or household.voided:
            fail("household", QT_TRANSLATE_NOOP("Validation", "所选家庭户不存在"))
        else:
            if village is not None and household.village_id != village.id:
                fail("household", QT_TRANSLATE_NOOP("Validation", "家庭户不属于本村"))
            if relation == HEAD:
                head = session.scalar(
                    select(Resident).where(
                        Resident.household_id == household_id,
                        Resident.relation_to_head == HEAD,
                        Resident.voided.is_(False),
                        Resident.id != resident_id,
                    )
                )
                if head is not None:
                    fail(
                        "relation_to_head",
                        QT_TRANSLATE_NOOP("Validation", "该户已有户主{name}，请选择与户主的关系"),
                        name=head.name,
                    )
    elif relation != HEAD and resident_id is None:
        fail(
            "relation_to_head",
            QT_TRANSLATE_NOOP(
                "Validation", "新建家庭户时本人应为户主；其他家庭成员请从户主档案中“添加家庭成员”"
            ),
        )

    # ---- the same person twice ----
    if check_duplicates and values.get("id_number") and not any(e.field == "id_number" for e in errors):
        other = find_by_id_number(session, values["id_number"], exclude=resident_id)
        if other is not None:
            fail(
                "id_number",
                QT_TRANSLATE_NOOP("Validation", "该证件号已建档：{name}，档案编号{archive}，{village}"),
                name=other.name,
                archive=other.archive_no,
                village=other.village.name,
            )

    if errors:
        raise ValidationError(errors)
    return CleanResident(values, choices, village, group_name, household_id)


def find_by_id_number(session: Session, number: str, exclude: uuid.UUID | None = None) -> Resident | None:
    q = select(Resident).where(Resident.id_number == number, Resident.voided.is_(False))
    if exclude is not None:
        q = q.where(Resident.id != exclude)
    return session.scalar(q.limit(1))


def search_key_rows(resident_id: uuid.UUID, name: str) -> list[dict]:
    return [{"resident_id": resident_id, "key": k} for k in name_keys(name)]


def _write_search_keys(session: Session, resident: Resident) -> None:
    session.execute(delete(ResidentSearchKey).where(ResidentSearchKey.resident_id == resident.id))
    rows = search_key_rows(resident.id, resident.name)
    if rows:
        session.execute(insert(ResidentSearchKey), rows)


def save_resident(
    session: Session,
    inp: ResidentInput,
    *,
    resident_id: uuid.UUID | None = None,
    today: dt.date | None = None,
) -> Resident:
    """Create (resident_id None) or update a resident.  The caller owns the transaction."""
    if resident_id is not None:
        existing = session.get(Resident, resident_id)
        if existing is not None:
            authz.require_resident(session, "write", existing)
    clean = validate_resident(session, inp, resident_id=resident_id, today=today)
    authz.require(session, "write", village=clean.village.code, what=clean.values.get("name") or "")
    v = clean.values
    group = profiles.ensure_group(session, clean.village, clean.group_name)
    if resident_id is None:
        if clean.household_id is None:
            household = Household(
                village_id=clean.village.id,
                group_id=group.id if group else None,
                address=v["current_address"],
            )
            session.add(household)
            session.flush()
        else:
            household = session.get(Household, clean.household_id)
        archive_no = profiles.allocate_archive_numbers(session, clean.village.code)[0]
        resident = Resident(archive_no=archive_no, village_id=clean.village.id, household_id=household.id)
        session.add(resident)
    else:
        resident = session.get(Resident, resident_id)
        if resident is None or resident.voided:
            raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Validation", "档案不存在或已作废")))
        if clean.household_id is not None and clean.household_id != resident.household_id:
            resident.household_id = clean.household_id
    for key, value in v.items():
        setattr(resident, key, value)
    resident.group_id = group.id if group else None
    resident.name_pinyin = sort_key(resident.name)
    resident.choices = [ResidentChoice(**c) for c in clean.choices]
    session.flush()
    _write_search_keys(session, resident)
    return resident


def get_resident(session: Session, resident_id: uuid.UUID) -> Resident:
    resident = session.get(Resident, resident_id)
    if resident is None or resident.voided:
        raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Validation", "档案不存在或已作废")))
    authz.require_resident(session, "read", resident)
    return resident


def resident_input_from(resident: Resident) -> ResidentInput:
    """The form values of a saved resident, for editing."""
    by_field: dict[str, list[ResidentChoice]] = {}
    for c in resident.choices:
        by_field.setdefault(c.field, []).append(c)

    def codes(name: str) -> list[str]:
        return [c.code for c in by_field.get(name, []) if c.code]

    def other(name: str) -> str:
        return next((c.note for c in by_field.get(name, []) if c.note), "") or ""

    def text(value) -> str:
        return "" if value is None else str(value)

    return ResidentInput(
        name=resident.name,
        id_type=resident.id_type,
        id_number=text(resident.id_number),
        sex=resident.sex,
        birth_date=resident.birth_date.isoformat(),
        workplace=text(resident.workplace),
        phone=text(resident.phone),
        contact_name=text(resident.contact_name),
        contact_phone=text(resident.contact_phone),
        current_address=text(resident.current_address),
        registered_address=text(resident.registered_address),
        residence_type=text(resident.residence_type),
        ethnicity=text(resident.ethnicity),
        blood_abo=text(resident.blood_abo),
        blood_rh=text(resident.blood_rh),
        education=text(resident.education),
        occupation=text(resident.occupation),
        marital=text(resident.marital),
        payment=codes("payment"),
        payment_other=other("payment"),
        allergy=codes("allergy"),
        allergy_other=other("allergy"),
        exposure=codes("exposure"),
        past_diseases={c.code: c.event_date or "" for c in by_field.get("past_disease", []) if c.code},
        past_disease_other=other("past_disease"),
        history_events=[
            (f.removeprefix("history_"), c.note or "", c.event_date or "")
            for f in (f"history_{k}" for k in HISTORY_EVENTS)
            for c in by_field.get(f, [])
        ],
        has_genetic_disease=resident.has_genetic_disease,
        genetic_disease=text(resident.genetic_disease),
        family={rel: codes(f"family_{rel}") for rel in RELATIVES},
        family_other=next((other(f"family_{r}") for r in RELATIVES if other(f"family_{r}")), ""),
        disability=codes("disability"),
        disability_other=other("disability"),
        kitchen_exhaust=text(resident.kitchen_exhaust),
        fuel=text(resident.fuel),
        water=text(resident.water),
        toilet=text(resident.toilet),
        livestock=text(resident.livestock),
        village_code=resident.village.code,
        group_name=resident.group.name if resident.group else "",
        household_id=resident.household_id,
        relation_to_head=resident.relation_to_head,
        poverty_registered=resident.poverty_registered,
        contract_signed_on=resident.contract_signed_on.isoformat() if resident.contract_signed_on else "",
        contract_doctor=text(resident.contract_doctor),
        contract_years=text(resident.contract_years),
        enrolled_by=text(resident.enrolled_by),
        responsible_doctor=text(resident.responsible_doctor),
        enrolled_on=resident.enrolled_on.isoformat(),
        status=resident.status,
        status_date=resident.status_date.isoformat() if resident.status_date else "",
    )


@dataclass(frozen=True)
class HouseholdMember:
    id: uuid.UUID
    name: str
    relation: str
    sex: str
    age: int
    archive_no: str


def household_members(
    session: Session, household_id: uuid.UUID, today: dt.date | None = None
) -> list[HouseholdMember]:
    today = today or dt.date.today()
    rows = session.scalars(
        select(Resident)
        .where(Resident.household_id == household_id, Resident.voided.is_(False))
        .order_by(Resident.relation_to_head, Resident.birth_date)
    )
    return [
        HouseholdMember(r.id, r.name, r.relation_to_head, r.sex, age_on(r.birth_date, today), r.archive_no)
        for r in rows
    ]


def counts(session: Session, today: dt.date | None = None) -> dict[str, int]:
    """Figures for the home page, in one pass over the residents on the books."""
    R = Resident
    row = session.execute(
        select(
            func.count(),
            func.count(func.distinct(R.household_id)),
            func.count(case((R.poverty_registered.is_(True), 1))),
            func.count(R.contract_signed_on),
            func.count(case((R.birth_date <= _years_ago(65, today), 1))),
        ).where(R.voided.is_(False), R.status == "1")
    ).one()
    return dict(
        zip(
            ("residents", "households", "poverty", "contracted", "elderly"),
            (n or 0 for n in row),
            strict=True,
        )
    )


def _years_ago(years: int, today: dt.date | None = None) -> dt.date:
    today = today or dt.date.today()
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 Feb
        return today.replace(year=today.year - years, day=28)


_UUID = re.compile(r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")


def find_resident(session: Session, ref: str) -> Resident:
    """A resident by 17-digit archive number, its last 8 digits (with or without the dash), or record id."""
    text = halfwidth(ref or "").strip()
    digits = text.replace("-", "").replace(" ", "")
    resident = None
    if _UUID.match(text):
        resident = session.get(Resident, uuid.UUID(text))
    elif is_digits(digits) and len(digits) == 17:
        resident = session.scalar(select(Resident).where(Resident.archive_no == digits))
    elif is_digits(digits) and len(digits) == 8:
        found = session.scalars(select(Resident).where(Resident.archive_no.like(f"%{digits}"))).all()
        if len(found) > 1:
            raise UserError(
                Message(
                    "Followup",
                    QT_TRANSLATE_NOOP("Followup", "档案编号后8位{ref}对应多人，请用17位档案编号"),
                    {"ref": text},
                )
            )
        resident = found[0] if found else None
    if resident is None or resident.voided:
        raise NotFound(Message("Followup", QT_TRANSLATE_NOOP("Followup", "找不到档案：{ref}"), {"ref": text}))
    authz.require_resident(session, "read", resident)
    return resident
