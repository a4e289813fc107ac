"""This installation's profile (village, township or county), its organisation rows, and archive numbers.

The three roles stand in one line, each above the one before (:data:`UPSTREAM`): a village syncs
with its township, a township with its villages and its county.  A county (县级卫生健康委) receives
its townships' stores and reports on them; it keeps no records of its own (:func:`refuse_record_edit`)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import ArchiveSerial, Profile, Township, User, Village, VillageGroup, new_id, org_id
from app.services.access.passwords import hash_password
from app.services.errors import Message, NotFound, UserError
from app.services.records.validators import Invalid, clean_text, halfwidth, is_digits, known_address_code
from app.services.sync import capture

CTX = "Profile"
VILLAGE, TOWNSHIP, COUNTY = "village", "township", "county"
ROLES = (VILLAGE, TOWNSHIP, COUNTY)
CODE_LENGTH = {VILLAGE: 12, TOWNSHIP: 9, COUNTY: 6}  # GB/T 2260 county 6 + township 3 + village 3
UPSTREAM = {VILLAGE: TOWNSHIP, TOWNSHIP: COUNTY}  # who each role sends its changes up to
MAX_SERIAL = 99_999
# A township enrolling a resident of one of its villages (roster import) takes serials from
# the top of the range, so it never collides with the serials the village PC hands out offline.
TOWNSHIP_SERIAL_START = 90_000


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


@dataclass(frozen=True)
class ProfileInfo:
    role: str
    code: str
    name: str
    institution: str
    township_name: str
    device_id: uuid.UUID

    @property
    def is_village(self) -> bool:
        return self.role == VILLAGE

    @property
    def is_county(self) -> bool:
        return self.role == COUNTY


def is_upstream_of(upper_role: str, upper_code: str, lower_role: str, lower_code: str) -> bool:
    """Whether ``upper`` is the organisation directly above ``lower`` (a village's township, a
    township's county): the one rule of who enrols whom, read by device trust."""
    return UPSTREAM.get(lower_role) == upper_role and lower_code[: CODE_LENGTH[upper_role]] == upper_code


def normalise_code(code: str, role: str) -> str:
    code = re.sub(r"\s", "", halfwidth(code or ""))
    want = CODE_LENGTH.get(role, 9)
    if not is_digits(code) or len(code) != want:
        if role == COUNTY:
            raise _err(
                QT_TRANSLATE_NOOP(
                    "Profile", "县级代码应为6位数字（GB/T 2260 县级行政区划代码），现在是“{code}”"
                ),
                code=code,
            )
        if role == VILLAGE:
            raise _err(
                QT_TRANSLATE_NOOP("Profile", "村代码应为12位数字（县6位+乡镇3位+村3位），现在是“{code}”"),
                code=code,
            )
        raise _err(
            QT_TRANSLATE_NOOP("Profile", "乡镇代码应为9位数字（县6位+乡镇3位），现在是“{code}”"), code=code
        )
    if not known_address_code(code[:6]):
        raise _err(
            QT_TRANSLATE_NOOP("Profile", "前6位{county}不是有效的县级行政区划代码（GB/T 2260）"),
            county=code[:6],
        )
    return code


NAME_CHARS = 100  # a place's name, an institution's (the columns' length)


def checked_name(text: str | None, label: str) -> str:
    """A place's or an institution's name as every form takes it (``init``, a card trusted from
    another PC): no control characters, at most :data:`NAME_CHARS` characters.  A name that
    `institution set` refused came in through `init --name` and a card, and broke every workbook."""
    try:
        name = clean_text(text, NAME_CHARS, label)
    except Invalid as e:
        raise UserError(e.message) from None
    if not name:
        raise _err(QT_TRANSLATE_NOOP("Profile", "请填写名称"))
    return name


# What a place's institution is called after its name (a county's is typed whole).
INSTITUTION_SUFFIX = {VILLAGE: "卫生室", TOWNSHIP: "卫生院"}


def init_profile(
    session: Session,
    *,
    role: str,
    code: str,
    name: str,
    township_name: str | None = None,
    institution: str | None = None,
    phone: str | None = None,
    admin: str = "admin",
    admin_name: str | None = None,
    admin_password: str | None = None,
) -> Profile:
    if role not in ROLES:
        raise _err(
            QT_TRANSLATE_NOOP(
                "Profile", "角色应为 village（村卫生室）、township（乡镇卫生院）或 county（县级卫生健康委）"
            )
        )
    if session.get(Profile, 1) is not None:
        raise _err(QT_TRANSLATE_NOOP("Profile", "本机已初始化，不能再次初始化"))
    code = normalise_code(code, role)
    name = checked_name(name, QT_TRANSLATE_NOOP("Field", "名称"))
    if institution is not None:
        institution = checked_name(institution, QT_TRANSLATE_NOOP("Field", "机构名称"))
    if township_name is not None and township_name.strip():
        township_name = checked_name(township_name, QT_TRANSLATE_NOOP("Field", "乡镇名称"))
    suffix = INSTITUTION_SUFFIX.get(role, "")
    if suffix and name.endswith(suffix) and len(name) > len(suffix):
        name = name[: -len(suffix)]  # the institution's name typed ("朝阳镇卫生院"): the place is 朝阳镇
    profile = Profile(
        id=1,
        role=role,
        code=code,
        name=name,
        institution=institution or f"{name}{suffix}",
        phone=phone,
        device_id=new_id(),
        db_id=new_id(),
    )
    session.add(profile)
    session.flush()  # the sync hook stamps what follows with this device's clock
    capture.mark_untracked_logged(session)  # a new store has nothing written around the hook
    if role == VILLAGE:
        # The township owns its own row: the village's copy carries the lowest clock, so the
        # township's name replaces it when the first bundle comes back.  It is not logged.
        session.add(
            Township(
                id=org_id("township", code[:9]),
                code=code[:9],
                name=township_name or code[:9],
                sync_clocks={"_": ["", ""]},
            )
        )
        session.flush()
        session.add(
            Village(
                id=org_id("village", code), code=code, name=name, township_id=org_id("township", code[:9])
            )
        )
    elif role == TOWNSHIP:
        session.add(Township(id=org_id("township", code), code=code, name=name))
    # A county holds no organisation row of its own: its townships' rows arrive with their stores.
    # Without a password the first admin sets one at the first login (the GUI asks).
    session.add(
        User(
            username=admin,
            display_name=admin_name or admin,
            role="admin",
            password_hash=hash_password(admin_password) if admin_password else None,
        )
    )
    session.flush()
    return profile


def get_profile(session: Session) -> Profile:
    profile = session.get(Profile, 1)
    if profile is None:
        raise not_set_up()
    return profile


def not_set_up() -> NotFound:
    """The refusal of a store this installation has not set up (``init``)."""
    return NotFound(Message(CTX, QT_TRANSLATE_NOOP("Profile", "本机尚未初始化：请先运行 cunyi init")))


def place_names(session: Session) -> dict[str, str]:
    """The names of the villages and townships this store knows, by code (an audit entry's scope,
    whose activity a health-education record is)."""
    return {
        **dict(session.execute(select(Township.code, Township.name)).all()),
        **dict(session.execute(select(Village.code, Village.name)).all()),
    }


def profile_info(session: Session) -> ProfileInfo:
    p = get_profile(session)
    town = session.scalar(select(Township).where(Township.code == p.code[:9]))
    return ProfileInfo(p.role, p.code, p.name, p.institution, town.known_name if town else "", p.device_id)


def villages(session: Session) -> list[Village]:
    return list(session.scalars(select(Village).order_by(Village.code)))


# ``session.info`` key: ``{code: Village}`` of every village, set by a reader that checks many
# records in one unit of work (the review queue's validation scan) and removed when it is done.
VILLAGE_MEMO = "village_by_code"


def get_village(session: Session, code: str | None = None) -> Village:
    """The village a record belongs to: this village's own, or (township) the one named."""
    profile = get_profile(session)
    if profile.role == VILLAGE:
        code = profile.code
    elif not code:
        raise _err(QT_TRANSLATE_NOOP("Profile", "乡镇模式下请指定村代码"))
    memo = session.info.get(VILLAGE_MEMO)
    village = memo.get(code) if memo is not None else None
    if village is None:
        village = session.scalar(select(Village).where(Village.code == code))
    if village is None:
        raise _err(QT_TRANSLATE_NOOP("Profile", "村代码{code}不属于本乡镇"), code=code)
    return village


def ensure_village(session: Session, code: str, name: str) -> Village:
    """Township side: a village of this township, created on first sight."""
    profile = get_profile(session)
    code = normalise_code(code, VILLAGE)
    if code[:9] != profile.code[:9]:
        raise _err(
            QT_TRANSLATE_NOOP("Profile", "村代码{code}不属于本乡镇{town}"), code=code, town=profile.code[:9]
        )
    village = session.scalar(select(Village).where(Village.code == code))
    if village is None:
        town = session.scalar(select(Township).where(Township.code == code[:9]))
        village = Village(id=org_id("village", code), code=code, name=name, township_id=town.id)
        session.add(village)
        session.flush()
    return village


def ensure_group(session: Session, village: Village, name: str | None) -> VillageGroup | None:
    if not name:
        return None
    group = session.scalar(
        select(VillageGroup).where(VillageGroup.village_id == village.id, VillageGroup.name == name)
    )
    if group is None:
        group = VillageGroup(id=org_id("group", village.code, name), village_id=village.id, name=name)
        session.add(group)
        session.flush()
    return group


def serial_range(session: Session) -> tuple[int, int]:
    """This store's archive serials, as (the last serial before its first, its last): a village PC
    numbers 1 to TOWNSHIP_SERIAL_START − 1, a township from TOWNSHIP_SERIAL_START to MAX_SERIAL."""
    if get_profile(session).role == VILLAGE:
        return 0, TOWNSHIP_SERIAL_START - 1
    return TOWNSHIP_SERIAL_START - 1, MAX_SERIAL


def archive_numbers_left(session: Session, village_code: str) -> int:
    """How many more residents of the village this store can give an archive number."""
    start, limit = serial_range(session)
    row = session.get(ArchiveSerial, village_code)
    return max(0, limit - (row.last_serial if row is not None else start))


def allocate_archive_numbers(
    session: Session, village_code: str, count: int = 1, *, avoid: Collection[str] = ()
) -> list[str]:
    """Next 17-digit archive numbers (county 6 + township 3 + village 3 + serial 5) for a village.

    Serials are per device and village, never reused, and need no network: each village PC
    owns its village code; a township uses its own range (TOWNSHIP_SERIAL_START and up).
    ``avoid``: numbers passed over as if on a record (an import's, not stored yet).
    """
    start, limit = serial_range(session)
    row = session.get(ArchiveSerial, village_code)
    if row is None:  # two workstations of one PostgreSQL store may make the row at once: one wins
        from app.db import insert_ignore

        session.execute(
            insert_ignore(session, ArchiveSerial).values(village_code=village_code, last_serial=start)
        )
        row = session.get(ArchiveSerial, village_code)
    numbers: list[str] = []
    while len(numbers) < count:
        need = count - len(numbers)
        # An UPDATE first takes the write lock (SQLite: the database's; PostgreSQL: the row's, held
        # to the commit, a second writer's UPDATE waiting and then adding to the committed value),
        # so two writers can't read the same serial.
        session.execute(
            update(ArchiveSerial)
            .where(ArchiveSerial.village_code == village_code)
            .values(last_serial=ArchiveSerial.last_serial + need)
        )
        session.refresh(row)
        last = row.last_serial
        if last > limit:
            raise _err(QT_TRANSLATE_NOOP("Profile", "村{code}的档案编号已用完"), code=village_code)
        given = [f"{village_code}{serial:05d}" for serial in range(last - need + 1, last + 1)]
        # A number already on a record (one a sync brought, given by an older version or a PC since
        # replaced) is passed over, not given twice: the next ones are taken instead (as many
        # rounds as it takes: a loop, as thousands may be passed over).
        taken = _taken(session, given)
        numbers += [n for n in given if n not in taken and n not in avoid]
    return numbers


def _taken(session: Session, numbers: list[str]) -> set[str]:
    from app.models import Resident

    found: set[str] = set()
    for i in range(0, len(numbers), 500):
        chunk = numbers[i : i + 500]
        found.update(session.scalars(select(Resident.archive_no).where(Resident.archive_no.in_(chunk))))
    return found
