"""家庭医生签约 (DOMAIN.md "Family-doctor contracts"): sign, renew, end and list contracts.

History is never overwritten: a renewal is a new contract linked to the old one, a termination
keeps the row with its date and reason.  The resident's ``contract_signed_on``, ``contract_doctor``
and ``contract_years`` mirror the current contract and are written here only (:func:`_mirror`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP
from app.models import FamilyContract, Resident, Village, new_id
from app.services.access import authz
from app.services.access.actor import doctor_name
from app.services.errors import Message, NotFound, UserError
from app.services.records import sensitive
from app.services.records.residents import find_resident
from app.services.records.validators import (
    Invalid,
    age_on,
    born_by,
    clean_text,
    halfwidth,
    is_digits,
    parse_date,
)
from app.services.sync.capture import trusted_today

CTX = "Contract"
REMIND_DAYS = 30  # 到期提醒: contracts ending within this many days
MAX_YEARS = 10
ACTIVE = "1"  # resident status 在册


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


@dataclass(frozen=True)
class ContractRow:
    id: uuid.UUID
    resident_id: uuid.UUID
    resident_name: str
    archive_no: str
    team: str
    doctor: str
    packages: tuple[str, ...]
    start_on: dt.date
    end_on: dt.date
    years: int
    signature: str
    status: str
    ended_on: dt.date | None
    end_reason: str
    renewed_from_id: uuid.UUID | None
    household_batch: uuid.UUID | None
    lapsed: bool = False  # 履约中 on paper, its term over (已到期): to be renewed, not ended
    village: str = ""  # the resident's village (a township's list holds several)

    def yet_to_begin(self, today: dt.date) -> bool:
        """A term not yet begun (a renewal, signed ahead of the one it follows)."""
        return self.status == "active" and self.start_on > today

    def package_labels(self, lang: str = "zh") -> str:
        return "、".join(CODE_LISTS["contract_package"].label(p, lang) for p in self.packages)

    def as_json(self) -> dict:
        return {
            "id": str(self.id),
            "resident_id": str(self.resident_id),
            "resident": self.resident_name,
            "archive_no": self.archive_no,
            "team": self.team,
            "doctor": self.doctor,
            "packages": list(self.packages),
            "start": self.start_on.isoformat(),
            "end": self.end_on.isoformat(),
            "years": self.years,
            "signature": self.signature,
            "status": self.status,
            "ended_on": self.ended_on.isoformat() if self.ended_on else None,
            "end_reason": self.end_reason or None,
            "renewed_from": str(self.renewed_from_id) if self.renewed_from_id else None,
            "household_batch": str(self.household_batch) if self.household_batch else None,
            "lapsed": self.lapsed,
            "village": self.village,
        }


def visible_packages(session: Session, c: FamilyContract, resident: Resident) -> tuple[str, ...]:
    """The contract's packages as the acting user may read them: 严重精神障碍包 (a sensitive code of
    the list) only for those who may see the resident's 严重精神障碍 record (records.sensitive)."""
    packages = tuple(c.packages or ())
    hidden = set(CODE_LISTS["contract_package"].sensitive_codes) & set(packages)
    if hidden and not sensitive.may_see(session, resident):
        return tuple(p for p in packages if p not in hidden)
    return packages


def row_of(
    c: FamilyContract,
    resident: Resident,
    packages: tuple[str, ...] | None = None,
    today: dt.date | None = None,
    village: str | None = None,
) -> ContractRow:
    """``packages``: as the reader may see them (:func:`visible_packages`); by default all.
    ``today``: whether a contract still 履约中 has lapsed is told as of that day.  ``village``: the
    resident's village's name (read from the resident when not given)."""
    return ContractRow(
        c.id,
        c.resident_id,
        resident.name,
        resident.archive_no,
        c.team or "",
        c.doctor,
        tuple(c.packages or ()) if packages is None else packages,
        c.start_on,
        c.end_on,
        c.years,
        c.signature,
        c.status,
        c.ended_on,
        c.end_reason or "",
        c.renewed_from_id,
        c.household_batch,
        today is not None and lapsed(c, today),
        resident.village.name if village is None else village,
    )


def lapsed(c: FamilyContract, today: dt.date) -> bool:
    """A contract in force on paper (履约中) whose term ended before ``today`` (已到期)."""
    return c.status == "active" and c.end_on < today


TERM_OVER = "到期"  # 解约原因 of a lapsed contract closed by signing a new one (:func:`add_contract`)


def ran_out(c: FamilyContract | ContractRow, today: dt.date) -> bool:
    """已到期: a term run out, whether still 履约中 on paper (:func:`lapsed`: to be renewed) or closed
    when the resident signed anew (:data:`TERM_OVER`: no one ended it, it is no 解约)."""
    return (c.status == "active" and c.end_on < today) or (
        c.status == "ended" and c.end_reason == TERM_OVER and c.ended_on == c.end_on
    )


LAPSED = QT_TRANSLATE_NOOP("Contract", "已到期")
STARTS = QT_TRANSLATE_NOOP("Contract", "{start} 起生效")
ENDED = QT_TRANSLATE_NOOP("Contract", "{status} {day} {reason}")


def status_message(r: ContractRow, today: dt.date) -> Message:
    """What a contract's 状态 reads on ``today``: the state of its term, the one wording of the 签约
    page and of ``contract list``.  已到期 for a term run out (:func:`ran_out`); 起生效 for a renewal
    yet to begin; a contract ended, with its day and reason.  Whether its resident has signed is
    the 签字 column's to say, beside it (the list said 待居民签字 in both)."""
    if ran_out(r, today):
        return Message(CTX, LAPSED)
    if r.yet_to_begin(today):
        status = Message(CTX, STARTS, {"start": r.start_on.isoformat()})
    else:  # (a code label: the "Field" context finds its English in the code lists)
        status = Message("Field", CODE_LISTS["contract_status"].label(r.status))
    if r.ended_on:
        return Message(CTX, ENDED, {"status": status, "day": r.ended_on.isoformat(), "reason": r.end_reason})
    return status


# ------------------------------------------------------------------------------- rules


def end_of_term(start: dt.date, years: int) -> dt.date:
    """The last day a contract of ``years`` starting on ``start`` covers (一年期: 1月1日 → 12月31日)."""
    try:
        later = start.replace(year=start.year + years)
    except ValueError:  # from 29 February: the anniversary falls on 1 March, the term ends on 28 February
        later = dt.date(start.year + years, 3, 1)
    return later - dt.timedelta(days=1)


def renewal_opens(c: FamilyContract) -> dt.date:
    """The first day a contract may be renewed: a month before its term ends (期满前一个月内)."""
    end = c.end_on
    year, month = (end.year, end.month - 1) if end.month > 1 else (end.year - 1, 12)
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(end.day, last))


def last_day(c: FamilyContract) -> dt.date:
    """The last day the contract covers: its term's end, or the day it was ended if earlier."""
    return min(c.end_on, c.ended_on) if c.ended_on else c.end_on


SIGNED = "signed"  # (contract_signature) a renewal is made "pending": signed on paper again
CHILD_AGE = 6  # 儿童包 and the key group of children: aged 0–6


@dataclass(frozen=True)
class _Groups:
    """Of the members signing, those in the groups a personalised package is for that the records
    say (:func:`_groups`): patients under management (严重精神障碍, whom the acting user may see; 高血压
    or 2型糖尿病) and residents with a disability on their record."""

    smi: frozenset = frozenset()
    chronic: frozenset = frozenset()
    disabled: frozenset = frozenset()


def _fits(code: str, member: Resident, on: dt.date, groups: _Groups) -> bool:
    """Whether package ``code`` is for ``member``: by age and sex (老年人包 65+ in the year, 儿童包
    0–6, 孕产妇包 women), by the records (严重精神障碍包 and 慢病包 a patient under management, 残疾人包 a
    disability on the record, 贫困人口包 a registered poor household's member); 基础包 is everyone's."""
    if code == "smi":
        return member.id in groups.smi
    if code == "chronic":
        return member.id in groups.chronic
    if code == "disabled":
        return member.id in groups.disabled
    if code == "poor":
        return bool(member.poverty_registered)
    if code == "elderly":
        return member.birth_date <= born_by(on.year)
    if code == "child":
        return age_on(member.birth_date, on) <= CHILD_AGE
    if code == "maternal":
        return member.sex == "2"
    return True


# What each service package gives (the agreement prints the chosen ones), after the national
# family-doctor contract service (基本公共卫生服务规范, 家庭医生签约服务) packages.
PACKAGE_CONTENTS = {
    "basic": QT_TRANSLATE_NOOP(
        "Contract",
        "建立并维护健康档案；国家基本公共卫生服务项目（健康教育、预防接种、慢性病、老年人、孕产妇和儿童健康管理等）；"
        "常见病、多发病诊疗和健康咨询，需要时转诊。",
    ),
    "elderly": QT_TRANSLATE_NOOP(
        "Contract",
        "每年1次健康体检（生活方式和健康状况评估、体格检查、辅助检查）和生活自理能力评估，体检结果告知与健康指导。",
    ),
    "chronic": QT_TRANSLATE_NOOP(
        "Contract",
        "高血压、2型糖尿病患者每年至少4次面对面随访，测量血压、血糖，用药和生活方式指导，每年1次健康检查。",
    ),
    "smi": QT_TRANSLATE_NOOP(
        "Contract", "每年至少4次随访，危险性评估和服药指导，每年1次健康检查，对家属进行护理指导。"
    ),
    "maternal": QT_TRANSLATE_NOOP(
        "Contract", "孕期健康管理和产前检查，产后访视和产后42天健康检查，孕产期保健指导。"
    ),
    "child": QT_TRANSLATE_NOOP(
        "Contract", "新生儿家庭访视，0–6岁儿童定期健康检查和生长发育评估，预防接种，喂养和护理指导。"
    ),
    "disabled": QT_TRANSLATE_NOOP("Contract", "健康评估和康复指导，协助申请辅助器具和康复服务。"),
    "poor": QT_TRANSLATE_NOOP(
        "Contract", "一人一档、一患一策；患慢病的每月随访；协助落实医疗救助和先诊疗后付费等政策。"
    ),
}

# Why a package is not for a resident, by package (the others are the doctor's judgement).
NOT_FOR = {
    "elderly": QT_TRANSLATE_NOOP("Contract", "老年人包只适用于65岁及以上老年人：{name}{year}年未满65岁"),
    "child": QT_TRANSLATE_NOOP("Contract", "儿童包只适用于0–6岁儿童：{name}已{age}岁"),
    "maternal": QT_TRANSLATE_NOOP("Contract", "孕产妇包只适用于女性：{name}的性别不是女"),
    # (the same words whether there is no such patient or the user may not see one: nothing told)
    "smi": QT_TRANSLATE_NOOP(
        "Contract", "严重精神障碍包只能签给您负责管理的严重精神障碍患者，{name}不在其中"
    ),
    "chronic": QT_TRANSLATE_NOOP(
        "Contract", "慢病包只适用于在管的高血压、2型糖尿病患者：{name}不在管理中（请先登记管理）"
    ),
    "disabled": QT_TRANSLATE_NOOP(
        "Contract", "残疾人包只适用于有残疾的居民：{name}的档案中残疾情况为无残疾（请先在档案中填写）"
    ),
    "poor": QT_TRANSLATE_NOOP(
        "Contract", "贫困人口包只适用于登记在册的贫困户成员：{name}的家庭不是建档立卡贫困户或防返贫监测户"
    ),
}


def _groups(session: Session, members: list[Resident], codes: list[str]) -> _Groups:
    """Of ``members``, those in the groups the records say (asked only for the packages in
    ``codes``).  严重精神障碍: the patients under management the acting user may see (a doctor who may
    not see them put the package on anyone's contract, then saw the contract without it, and printed
    the agreement so)."""
    from app.models import ProgramEnrolment, ResidentChoice
    from app.services.programmes import followup, smi

    ids = [m.id for m in members]

    def managed(programs) -> frozenset:
        q = select(ProgramEnrolment.resident_id).where(
            ProgramEnrolment.resident_id.in_(ids),
            ProgramEnrolment.program.in_(programs),
            ProgramEnrolment.voided.is_(False),
            ProgramEnrolment.status == ACTIVE,
        )
        if (
            smi.PROGRAM in programs
            and (hidden := authz.sensitive_clause(session, ProgramEnrolment)) is not None
        ):
            q = q.where(hidden)
        return frozenset(session.scalars(q))

    disabled = frozenset()
    if "disabled" in codes:
        disabled = frozenset(
            session.scalars(
                select(ResidentChoice.resident_id).where(
                    ResidentChoice.resident_id.in_(ids),
                    ResidentChoice.field == "disability",
                    ResidentChoice.code != CODE_LISTS["disability"].none_code,
                )
            )
        )
    return _Groups(
        smi=managed((smi.PROGRAM,)) if "smi" in codes else frozenset(),
        chronic=managed(tuple(followup.PROGRAMS)) if "chronic" in codes else frozenset(),
        disabled=disabled,
    )


def _packages_for(
    member: Resident, codes: list[str], on: dt.date, groups: _Groups, *, household: bool
) -> list[str]:
    """The packages ``member`` signs: all of ``codes``, each checked against the member.  One
    resident signed with a package not for them is refused; a household's members (and a renewal)
    each get the packages that are for them (the basic package when none is)."""
    misfits = [c for c in codes if not _fits(c, member, on, groups)]
    if misfits and not household:
        raise _err(NOT_FOR[misfits[0]], name=member.name, year=on.year, age=age_on(member.birth_date, on))
    return [c for c in codes if c not in misfits] or ["basic"]


def parse_packages(text: str | list | tuple) -> list[str]:
    items = text.split(",") if isinstance(text, str) else list(text)
    codes = [halfwidth(p).strip().lower() for p in items if p and p.strip()]
    if not codes:
        raise _err(QT_TRANSLATE_NOOP("Contract", "请选择至少一个服务包"))
    known = CODE_LISTS["contract_package"]
    for code in codes:
        if code not in known:
            choices = ",".join(c.code for c in known)
            raise _err(
                QT_TRANSLATE_NOOP("Contract", "服务包“{code}”不存在，可选：{choices}"),
                code=code,
                choices=choices,
            )
    return sorted(set(codes), key=[c.code for c in known].index)


def parse_years(value: str | int) -> int:
    text = halfwidth(str(value)).strip()
    if not is_digits(text) or not 1 <= int(text) <= MAX_YEARS:
        raise _err(QT_TRANSLATE_NOOP("Contract", "签约年限应为1到{max}年"), max=MAX_YEARS)
    return int(text)


def _not_before_birth(start_on: dt.date, members: list[Resident]) -> None:
    """No one signs before they are born: refused, naming the first who would."""
    for member in members:
        if member.birth_date and start_on < member.birth_date:
            raise _err(
                QT_TRANSLATE_NOOP("Contract", "签约日期{start}早于{name}的出生日期{birth}"),
                start=start_on.isoformat(),
                name=member.name,
                birth=member.birth_date.isoformat(),
            )


def _current(session: Session, resident_id: uuid.UUID) -> FamilyContract | None:
    """The newest contract still in force or yet to start (neither ended nor renewed)."""
    return session.scalars(
        select(FamilyContract)
        .where(
            FamilyContract.resident_id == resident_id,
            FamilyContract.voided.is_(False),
            FamilyContract.status == "active",
        )
        .order_by(FamilyContract.start_on.desc())
        .limit(1)
    ).first()


def current_seen(session: Session, resident: Resident) -> FamilyContract | None:
    """The resident's current contract (as :func:`_mirror` names it: the newest neither ended nor
    renewed) of those the acting user may see: never one :func:`hidden` from them (a 严重精神障碍包
    alone), which the mirrored columns name all the same.  What the record's page and print say."""
    for c in session.scalars(
        select(FamilyContract)
        .where(
            FamilyContract.resident_id == resident.id,
            FamilyContract.voided.is_(False),
            FamilyContract.status == "active",
        )
        .order_by(FamilyContract.start_on.desc())
    ):
        if not hidden(session, c, resident):
            return c
    return None


def _mirror(session: Session, resident: Resident) -> None:
    """Copy the current contract onto the resident's columns (None when there is none)."""
    session.flush()
    c = _current(session, resident.id)
    resident.contract_signed_on = c.start_on if c else None
    resident.contract_doctor = c.doctor if c else None
    resident.contract_years = c.years if c else None


# ------------------------------------------------------------------------------- actions


@dataclass(frozen=True)
class DoctorChoices:
    """签约医生 as a new contract's form offers it: the acting user's name first, and the known
    doctors' names offered as one is typed (a slip makes a doctor who does not exist); a name
    typed by hand (a township's doctor with no account here) is taken too.  ``per_resident``: the
    names are those of the resident's village, to be read again for another resident named."""

    default: str
    names: tuple[str, ...]
    per_resident: bool = False


def doctor_choices(session: Session, resident_ref: str = "") -> DoctorChoices:
    """The acting user's name and the doctors of the institution the contract belongs to: the
    resident's village.  On a village PC, its own (institution.doctor_names: 设置's list and the
    doctors' accounts).  Elsewhere (a township's PC holds the accounts of all its villages, and
    offered them all) the doctors of the village of the resident ``resident_ref`` names
    (institution.village_doctor_names), once it names one the user may read; none before."""
    from app.services import institution, profile

    default = doctor_name(session)
    if profile.get_profile(session).role == profile.VILLAGE:
        names = (default, *institution.doctor_names(session))
        return DoctorChoices(default, tuple(dict.fromkeys(n for n in names if n)))
    names = ()
    village = _village_named(session, resident_ref)
    if village is not None:
        names = institution.village_doctor_names(session, village.code)
    return DoctorChoices(default, tuple(dict.fromkeys(n for n in names if n)), per_resident=True)


def _village_named(session: Session, resident_ref: str) -> Village | None:
    """The village of the resident ``resident_ref`` names, if it names one of a village the user
    may read (read as it is typed: nobody named, or a village out of reach, is no refusal)."""
    if not (resident_ref or "").strip():
        return None
    try:
        resident = find_resident(session, resident_ref)
    except UserError:
        return None
    village = resident.village
    return village if authz.permits(session, "read", village=village.code) else None


def add_contract(
    session: Session,
    resident_ref: str,
    *,
    doctor: str = "",
    packages: str | list = "basic",
    start: str | dt.date = "",
    years: str | int = 1,
    team: str = "",
    household: bool = False,
    signature: str = "signed",
) -> tuple[list[FamilyContract], list[Resident]]:
    """Sign ``resident`` (with ``household``: every registered member of their household, as one
    batch).  Returns the contracts made and the members skipped because they already hold one."""
    today = trusted_today(session)
    resident = find_resident(session, resident_ref)
    authz.require_resident(session, "write", resident)
    try:
        doctor_text = clean_text(doctor or doctor_name(session), 50, QT_TRANSLATE_NOOP("Field", "签约医生"))
        team_text = clean_text(team, 100, QT_TRANSLATE_NOOP("Field", "签约团队"))
        start_on = (
            start if isinstance(start, dt.date) else parse_date(start, QT_TRANSLATE_NOOP("Field", "签约日期"))
        )
    except Invalid as e:
        raise UserError(e.message) from None
    if not doctor_text:
        raise _err(QT_TRANSLATE_NOOP("Contract", "请填写签约医生"))
    start_on = start_on or today
    if start_on > today:
        raise _err(QT_TRANSLATE_NOOP("Contract", "签约日期不能晚于今天"))
    codes = parse_packages(packages)
    n_years = parse_years(years)
    if signature not in CODE_LISTS["contract_signature"]:
        raise ValueError(signature)
    members = [resident]
    if household:
        members = [m for m in resident.household.members if not m.voided and m.status == ACTIVE] or [resident]
    if resident.status != ACTIVE:
        raise _err(QT_TRANSLATE_NOOP("Contract", "{name}不在册，不能签约"), name=resident.name)
    _not_before_birth(start_on, members)  # (a household's newborn included)
    batch = new_id() if household else None
    groups = _groups(session, members, codes)
    made, skipped = [], []
    for member in members:
        held = _current(session, member.id)
        if held is not None and last_day(held) >= start_on:
            if not household:
                raise _overlap(
                    session,
                    held,
                    member,
                    QT_TRANSLATE_NOOP("Contract", "{name}已签约至{end}：请续约或先解约"),
                    end=held.end_on.isoformat(),
                )
            skipped.append(member)
            continue
        if held is not None:  # lapsed: the old term is over
            held.status = "ended"
            held.ended_on, held.end_reason = held.end_on, TERM_OVER
        c = FamilyContract(
            resident_id=member.id,
            team=team_text,
            doctor=doctor_text,
            packages=_packages_for(member, codes, start_on, groups, household=household),
            start_on=start_on,
            end_on=end_of_term(start_on, n_years),
            years=n_years,
            signature=signature,
            status="active",
            household_batch=batch,
        )
        session.add(c)
        made.append(c)
        _mirror(session, member)
    return made, skipped


def _get(session: Session, contract_id: uuid.UUID | str, action: str = "write") -> FamilyContract:
    """The contract, for ``action`` on its resident.  One whose every package the acting user may
    not see (a 严重精神障碍包 alone: :func:`hidden`) is not found, as one that does not exist."""
    try:
        cid = contract_id if isinstance(contract_id, uuid.UUID) else uuid.UUID(halfwidth(contract_id).strip())
    except ValueError:
        cid = None
    c = session.get(FamilyContract, cid) if cid else None
    if c is not None and not c.voided:
        authz.require_resident(session, action, c.resident)
    if c is None or c.voided or hidden(session, c, c.resident):
        raise NotFound(
            Message(CTX, QT_TRANSLATE_NOOP("Contract", "找不到签约记录：{ref}"), {"ref": str(contract_id)})
        )
    return c


def hidden(session: Session, c: FamilyContract, resident: Resident) -> bool:
    """A contract whose packages are all hidden from the acting user (:func:`visible_packages`):
    listed, printed or changed it would tell them the resident is a 严重精神障碍 patient."""
    return bool(c.packages) and not visible_packages(session, c, resident)


# (no term, no package: a contract hidden from the user names the resident a 严重精神障碍 patient)
HIDDEN_OVERLAP = QT_TRANSLATE_NOOP(
    "Contract", "{name}已有另一份签约，与这段签约期重叠：请由能查看那份签约的人员处理"
)


def _overlap(
    session: Session, other: FamilyContract, resident: Resident, template: str, **params
) -> UserError:
    """The refusal of a term overlapping ``other``, another of ``resident``'s contracts: ``template``
    naming its term (``params``) to whoever may see it; to whoever may not (:func:`hidden`: a
    严重精神障碍包 alone), only that there is one, to be settled by whoever may see it."""
    if hidden(session, other, resident):
        return _err(HIDDEN_OVERLAP, name=resident.name)
    return _err(template, name=resident.name, **params)


def renew_contract(
    session: Session, contract_id: uuid.UUID | str, *, years: str | int | None = None
) -> FamilyContract:
    """续约: a new contract from the day after the old one ends (today if it has lapsed), same doctor,
    team and packages; the old one is kept, marked ``renewed``."""
    old = _get(session, contract_id)
    if old.status == "renewed":
        raise _err(QT_TRANSLATE_NOOP("Contract", "这份签约已续约，不能再续约"))
    if old.status != "active":
        raise _err(QT_TRANSLATE_NOOP("Contract", "这份签约已解约，不能续约"))
    today = trusted_today(session)
    opens = renewal_opens(old)
    if today < opens:  # (the agreement says so: 期满前一个月内可申请续约)
        raise _err(
            QT_TRANSLATE_NOOP("Contract", "这份签约到 {end} 期满，期满前一个月内（{opens} 起）才能续约"),
            end=old.end_on.isoformat(),
            opens=opens.isoformat(),
        )
    n_years = parse_years(years) if years is not None else old.years
    start_on = max(old.end_on + dt.timedelta(days=1), today)
    # the packages still for the resident on the new term's first day (a child of 7 no longer
    # takes 儿童包; a patient no longer managed, 慢病包): as adding the contract would check them
    packages = _packages_for(
        old.resident,
        list(old.packages),
        start_on,
        _groups(session, [old.resident], old.packages),
        household=True,
    )
    new = FamilyContract(
        resident_id=old.resident_id,
        team=old.team,
        doctor=old.doctor,
        packages=packages,
        start_on=start_on,
        end_on=end_of_term(start_on, n_years),
        years=n_years,
        signature="pending",  # the renewal is signed on paper again: not 已签约 until it is
        status="active",
        renewed_from_id=old.id,
        household_batch=old.household_batch,
    )
    old.status = "renewed"
    session.add(new)
    _mirror(session, old.resident)
    return new


def editable(session: Session, contract_id: uuid.UUID | str) -> FamilyContract:
    """The contract, if :func:`edit_contract` may correct it (one in force, or a renewal yet to
    begin, that the acting user may write); else why not."""
    c = _get(session, contract_id)
    if ran_out(c, trusted_today(session)):
        raise _err(
            QT_TRANSLATE_NOOP("Contract", "这份签约已于 {end} 期满，不能修改"),
            end=c.end_on.isoformat(),
        )
    if c.status != "active":
        raise _err(
            QT_TRANSLATE_NOOP("Contract", "这份签约{status}，不能修改"),
            status=CODE_LISTS["contract_status"].label(c.status),
        )
    return c


def edit_contract(
    session: Session,
    contract_id: uuid.UUID | str,
    *,
    doctor: str | None = None,
    team: str | None = None,
    packages: str | list | None = None,
    start: str | dt.date | None = None,
    years: str | int | None = None,
) -> FamilyContract:
    """修改 a contract in force (or a renewal yet to begin) signed with a slip: its doctor, team,
    packages, start and term; None leaves a field as it is.  Checked as signing checks them (the
    packages for the resident on the first day, :func:`_packages_for`; the start not after today,
    nor before the resident's birth, nor within another of their contracts).  A renewal's start
    stays the day its renewal gave it (:func:`renew_contract`).  The resident is not changed: a
    contract signed for the wrong resident is ended and signed anew.  Packages the acting user may
    not see (:func:`visible_packages`) stay on the contract."""
    c = editable(session, contract_id)
    resident = c.resident
    if resident.status != ACTIVE:  # (as signing: a resident moved away or dead is not signed anew)
        raise _err(QT_TRANSLATE_NOOP("Contract", "{name}不在册，不能签约"), name=resident.name)
    today = trusted_today(session)
    try:
        doctor_text = (
            None if doctor is None else clean_text(doctor, 50, QT_TRANSLATE_NOOP("Field", "签约医生"))
        )
        team_text = None if team is None else clean_text(team, 100, QT_TRANSLATE_NOOP("Field", "签约团队"))
        start_on = (
            start
            if start is None or isinstance(start, dt.date)
            else parse_date(start, QT_TRANSLATE_NOOP("Field", "签约日期"))
        )
    except Invalid as e:
        raise UserError(e.message) from None
    if doctor is not None and not doctor_text:
        raise _err(QT_TRANSLATE_NOOP("Contract", "请填写签约医生"))
    start_on = start_on or c.start_on
    if start_on != c.start_on:
        if c.renewed_from_id is not None:
            raise _err(QT_TRANSLATE_NOOP("Contract", "续约的签约日期随原签约的期满日，不能修改"))
        if start_on > today:
            raise _err(QT_TRANSLATE_NOOP("Contract", "签约日期不能晚于今天"))
        _not_before_birth(start_on, [resident])
    n_years = c.years if years is None else parse_years(years)
    end_on = end_of_term(start_on, n_years)
    others = select(FamilyContract).where(
        FamilyContract.resident_id == resident.id,
        FamilyContract.id != c.id,
        FamilyContract.voided.is_(False),
        FamilyContract.start_on <= end_on,
    )
    moved = (start_on, end_on) != (c.start_on, c.end_on)
    # (a renewal's start stays: the contract it renews still ends the day before)
    for other in session.scalars(others) if moved else ():
        if last_day(other) >= start_on:
            raise _overlap(
                session,
                other,
                resident,
                QT_TRANSLATE_NOOP("Contract", "{name}的另一份签约到 {end} 为止，与修改后的签约期重叠"),
                end=last_day(other).isoformat(),
            )
    seen = visible_packages(session, c, resident)
    codes = parse_packages(packages) if packages is not None else list(seen)
    unseen = [p for p in c.packages or () if p not in seen]
    checked = _packages_for(resident, codes, start_on, _groups(session, [resident], codes), household=False)
    new_packages = parse_packages([*checked, *unseen])  # (in the code list's order)
    # the paper the resident signed names the packages and the term: changed, it is signed again
    # (as a renewal is); a doctor's or team's name put right changes nothing they agreed to
    if (list(new_packages), start_on, end_on) != (list(c.packages or ()), c.start_on, c.end_on):
        c.signature = "pending"
    c.packages = new_packages
    if doctor is not None:
        c.doctor = doctor_text
    if team is not None:  # (emptied: no team)
        c.team = team_text
    c.start_on, c.end_on, c.years = start_on, end_on, n_years
    _mirror(session, resident)
    return c


def end_contract(
    session: Session, contract_id: uuid.UUID | str, reason: str, day: dt.date | None = None
) -> FamilyContract:
    """解约 with a reason; the record stays."""
    c = _get(session, contract_id)
    try:
        text = clean_text(reason, 200, QT_TRANSLATE_NOOP("Field", "解约原因"))
    except Invalid as e:
        raise UserError(e.message) from None
    if not text:
        raise _err(QT_TRANSLATE_NOOP("Contract", "请填写解约原因"))
    if c.status != "active":
        raise _err(
            QT_TRANSLATE_NOOP("Contract", "这份签约{status}，不能再解约"),
            status=CODE_LISTS["contract_status"].label(c.status),
        )
    day = day or trusted_today(session)
    if lapsed(c, day):
        raise _err(
            QT_TRANSLATE_NOOP("Contract", "这份签约已于 {end} 期满，不需要解约（可以续约）"),
            end=c.end_on.isoformat(),
        )
    c.status, c.ended_on, c.end_reason = "ended", max(day, c.start_on), text
    _mirror(session, c.resident)
    return c


CLOSED = ("2", "3")  # resident_status 迁出, 死亡


def closing_reason(status: str) -> str:
    """解约原因 of a contract a record's closing ended (档案状态：死亡), told apart from a 解约 a
    doctor typed (死亡)."""
    return f"档案状态：{CODE_LISTS['resident_status'].label(status)}"


def follow_record(
    session: Session, resident: Resident, before_status: str | None, before_date: dt.date | None
) -> None:
    """The contracts follow the record's status.  A record closed (死亡, 迁出) on a day ends that
    day every contract covering a later one, a renewed one or one yet to start included, the
    reason being the status: else a dead resident's contract read 履约中, was counted as signed
    and came up for renewal.  A closing corrected (another day, another status) gives back what
    the earlier one ended first; a record back on the register (an error undone, or a resident
    come back) gives nothing back: the contract did not cover the time away, and is signed anew."""
    if (resident.status, resident.status_date) == (before_status, before_date):
        return
    mine = select(FamilyContract).where(
        FamilyContract.resident_id == resident.id, FamilyContract.voided.is_(False)
    )
    if before_status in CLOSED and resident.status in CLOSED:  # what the earlier closing ended
        for c in session.scalars(mine.where(FamilyContract.end_reason == closing_reason(before_status))):
            if before_date is None or c.ended_on == before_date:
                c.status = "active" if c.status == "ended" else c.status
                c.ended_on = c.end_reason = None
        session.flush()
    if resident.status in CLOSED:
        day = resident.status_date or trusted_today(session)
        for c in session.scalars(
            mine.where(
                FamilyContract.status.in_(("active", "renewed")),
                FamilyContract.ended_on.is_(None),
                FamilyContract.end_on > day,
            )
        ):
            # (one yet to start ends before it begins: it never covers a day)
            c.status = "ended" if c.status == "active" else c.status
            c.ended_on, c.end_reason = day, closing_reason(resident.status)
    _mirror(session, resident)


def mark_signed(session: Session, contract_id: uuid.UUID | str) -> FamilyContract:
    """The paper agreement came back signed (签字)."""
    c = _get(session, contract_id)
    c.signature = SIGNED
    return c


# ------------------------------------------------------------------------------- lists


def list_contracts(
    session: Session,
    *,
    expiring_days: int | None = None,
    resident_ref: str | None = None,
    include_history: bool = True,
    today: dt.date | None = None,
) -> list[ContractRow]:
    """Contracts, newest first; ``expiring_days``: only those in force that end within that many
    days from today (到期提醒); ``resident_ref``: one resident's whole history."""
    today = today or trusted_today(session)
    q = (
        select(FamilyContract, Resident, Village.name)
        .join(Resident, Resident.id == FamilyContract.resident_id)
        .join(Village, Village.id == Resident.village_id)
    )
    q = q.where(FamilyContract.voided.is_(False), Resident.voided.is_(False))
    allowed = authz.village_clause(session, Resident.village_id)
    if allowed is not None:
        q = q.where(allowed)
    if resident_ref:
        q = q.where(FamilyContract.resident_id == find_resident(session, resident_ref).id)
    if expiring_days is not None:
        if expiring_days < 0:
            raise _err(QT_TRANSLATE_NOOP("Contract", "到期天数不能为负数"))
        q = q.where(
            FamilyContract.status == "active",
            FamilyContract.end_on >= today,
            FamilyContract.end_on <= today + dt.timedelta(days=expiring_days),
        )
    elif not include_history:
        q = q.where(FamilyContract.status == "active")
    q = q.order_by(FamilyContract.end_on if expiring_days is not None else FamilyContract.start_on.desc())
    rows = []
    for c, r, village in session.execute(q):
        seen = visible_packages(session, c, r)
        if seen or not c.packages:  # (every package hidden: the contract is, :func:`hidden`)
            rows.append(row_of(c, r, seen, today, village))
    return rows


def expiring_soon(session: Session, today: dt.date | None = None) -> list[ContractRow]:
    """到期提醒: contracts in force that end within :data:`REMIND_DAYS` days."""
    return list_contracts(session, expiring_days=REMIND_DAYS, today=today)


def in_force(day: dt.date, *, signed: bool = True):
    """The contracts covering ``day`` (their term, to :func:`last_day`; a WHERE clause) that their
    resident has signed: a resident holding one is 已签约 (DOMAIN.md: 签约率 = signed / population).
    With ``signed=False``: those covering it that still await the signature (a renewal)."""
    C = FamilyContract
    return and_(
        C.voided.is_(False),
        C.start_on <= day,
        C.end_on >= day,
        or_(C.ended_on.is_(None), C.ended_on >= day),
        (C.signature == SIGNED) if signed else (C.signature != SIGNED),
    )


def signed_resident_ids(session: Session, day: dt.date) -> set[uuid.UUID]:
    """Residents holding a signed contract that covers ``day`` (:func:`in_force`), whoever may see
    it (what the indicators count); a list a user reads counts :func:`signed_seen`."""
    return set(session.scalars(select(FamilyContract.resident_id).where(in_force(day))))


def signed_seen(session: Session, residents: list[Resident], day: dt.date) -> set[uuid.UUID]:
    """Of ``residents``, those holding a signed contract covering ``day`` (:func:`in_force`) that the
    acting user may see: one :func:`hidden` from them (a 严重精神障碍包 alone) is not counted (the
    search list's 签约 tag named a contract their 签约 list and the record do not show)."""
    by_id = {r.id: r for r in residents}
    if not by_id:
        return set()
    seen: set[uuid.UUID] = set()
    for c in session.scalars(
        select(FamilyContract).where(FamilyContract.resident_id.in_(list(by_id)), in_force(day))
    ):
        if c.resident_id not in seen and not hidden(session, c, by_id[c.resident_id]):
            seen.add(c.resident_id)
    return seen


def contract_text(session: Session, contract_id: uuid.UUID | str) -> tuple[FamilyContract, Resident]:
    """A contract and its resident, for printing the agreement (读权限)."""
    c = _get(session, contract_id, "print")
    return c, c.resident
