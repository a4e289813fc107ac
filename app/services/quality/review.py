"""The township's review queue and the decisions that close it (issue 17, "Review queue").

The queue is computed, not stored: possible duplicates (same ID number; same name, birth date and
household address), field conflicts from sync (``SyncConflict``), records that fail today's
validation (the resident form's declaration and its rules), and referrals open too long.  Each item
has a stable key; a :class:`~app.models.ReviewDecision` with that key closes it.  Deciding writes the
decision (and any change it makes to the records, as ordinary edits) in one unit of work; the
decision syncs to the village each record belongs to, which lists what the township changed and why
(:func:`village_decisions`).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP
from app.models import (
    Household,
    ProgramEnrolment,
    Referral,
    Resident,
    ResidentChoice,
    ReviewDecision,
    SyncConflict,
    Village,
    VillageGroup,
    utcnow,
)
from app.models.resident import on_register
from app.services.access import audit, authz
from app.services.access.actor import actor
from app.services.errors import Message, NotFound, UserError, ValidationError
from app.services.profile import TOWNSHIP, get_profile
from app.services.programmes import smi
from app.services.records import field_labels, resident_form
from app.services.records import residents as resident_records
from app.services.records.validators import mask_id
from app.services.sync import capture, conflicts
from app.services.sync.conflicts import pair_key

CTX = "Review"
REFERRAL_OPEN_DAYS = 30  # a referral issued this long ago without 到位/不到位 is chased
ISSUED, NOT_ARRIVED = QT_TRANSLATE_NOOP("Review", "已转出"), QT_TRANSLATE_NOOP("Review", "未到位")
YES, NO = QT_TRANSLATE_NOOP("Review", "是"), QT_TRANSLATE_NOOP("Review", "否")  # how a change's yes/no reads
SCAN_BATCH = 500  # records read and checked against today's form at a time (the scan covers them all)

KINDS = {
    "duplicate": QT_TRANSLATE_NOOP("Review", "疑似重复档案"),
    "conflict": QT_TRANSLATE_NOOP("Review", "同步冲突"),
    "invalid": QT_TRANSLATE_NOOP("Review", "未通过校验"),
    "referral": QT_TRANSLATE_NOOP("Review", "转诊超期未结"),
}
# What may be decided on each kind of item, and the words for it.  Sent back to the village
# (sent_back, merge_back) closes an item for SENT_BACK_DAYS only (:func:`_closed`).
DECISIONS = {
    "distinct": QT_TRANSLATE_NOOP("Review", "不是同一人，两份都保留"),
    "void_other": QT_TRANSLATE_NOOP("Review", "同一人：作废“档案”这份，保留“另一份档案”"),
    "void_first": QT_TRANSLATE_NOOP("Review", "同一人：作废“另一份档案”，保留“档案”这份"),
    "merge_back": QT_TRANSLATE_NOOP("Review", "同一人，两份都有记录：退回村医，把不再使用的一份结案（迁出）"),
    "kept": QT_TRANSLATE_NOOP("Review", "保留现值"),
    "lost": QT_TRANSLATE_NOOP("Review", "采用另一值"),  # (the 同步 page's button: one action, one name)
    "sent_back": QT_TRANSLATE_NOOP("Review", "退回村医修改"),
    "not_arrived": QT_TRANSLATE_NOOP("Review", "登记为未到位"),
}
# A field conflict, as 审核 lists it.  Who wrote each value after a comma: "（110105001002" after a
# quoted value was one unbreakable run, off the edge of the 问题 column at 800 px.
CONFLICT_DETAIL = QT_TRANSLATE_NOOP(
    "Review", "{field}：现值“{kept}”，来自{kept_by}；另一值“{lost}”，来自{lost_by}"
)
OPTIONS = {
    "duplicate": ("distinct", "void_other", "void_first", "merge_back"),
    "conflict": ("kept", "lost"),
    "invalid": ("sent_back",),
    "referral": ("sent_back", "not_arrived"),
}


@dataclass(frozen=True)
class ReviewItem:
    key: str
    kind: str
    village_code: str
    village_name: str
    resident_id: uuid.UUID | None
    record: str  # "name archive_no"
    other_record: str  # the other record of a duplicate: "name archive_no"
    detail: Message
    since: dt.date | None  # when the problem arose (as far as known)
    only: tuple[str, ...] = ()  # the decisions this item allows, if fewer than its kind's
    blocked: tuple[str, ...] = ()  # of those, the ones bound to be refused as things stand
    other_village: str = ""  # the village that holds the other record
    note: Message | None = None  # why fewer decisions are offered than its kind has, when the user may know

    @property
    def options(self) -> tuple[str, ...]:
        return self.only or OPTIONS[self.kind]

    @property
    def offered(self) -> tuple[str, ...]:
        """The decisions a screen or a list offers: those that can succeed (all of them when none
        can: the refusal then says what to do, e.g. merge the records at the village first)."""
        return tuple(o for o in self.options if o not in self.blocked) or self.options


@dataclass(frozen=True)
class DecisionView:
    """A decision as the village (or the township) lists it."""

    decided_on: dt.date
    decided_by: str
    kind: str
    record: str
    other_record: str
    decision: str
    changes: tuple[dict, ...]
    reason: str
    village_code: str  # the village told (at the township: every village told, "、"-joined)


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


def _label(r) -> str:
    return f"{r.name} {r.archive_no}"


def may_decide(session: Session) -> bool:
    """Whether the actor decides here: the queue is a township's, for who may resolve conflicts
    (a village doctor signed in at the township reads their village's, and decides nothing)."""
    return get_profile(session).role == TOWNSHIP and authz.permits(session, "resolve_conflicts")


def open_duplicates(session: Session) -> int:
    """How many possible duplicates wait on 审核 (the 同步 page says so: the pairs it lists itself
    are only those an import found); 0 for whoever does not decide there."""
    if not may_decide(session):
        return 0
    return len(review_queue(session, kinds=("duplicate",)))


def _require_township(session: Session) -> None:
    if get_profile(session).role != TOWNSHIP:
        raise _err(QT_TRANSLATE_NOOP("Review", "审核队列由乡镇卫生院处理"))
    authz.require(session, "resolve_conflicts")


# ------------------------------------------------------------------------------- queue


def review_queue(
    session: Session, *, today: dt.date | None = None, kinds=tuple(KINDS), progress=None
) -> list[ReviewItem]:
    """Every open item, duplicates first, each kind oldest first (records failing validation: most
    recently changed first).  ``progress(done, total)`` follows the validation scan."""
    one_snapshot = _one_snapshot(session)
    _require_township(session)
    today = today or capture.trusted_today(session)
    decided = _closed(session, today)
    villages = {v.id: v for v in session.scalars(select(Village))}
    found: list[ReviewItem] = []
    if "duplicate" in kinds:
        found += _duplicates(session, villages)
    if "conflict" in kinds:
        found += _conflicts(session, villages)
    if "invalid" in kinds:
        found += _invalid(session, villages, today, progress, reuse=one_snapshot)
    if "referral" in kinds:
        found += _referrals(session, villages, today)
    return [i for i in found if i.key not in decided]


def _one_snapshot(session: Session) -> bool:
    """Whether every read of the queue sees the store at one moment: SQLite's transaction does;
    on PostgreSQL a transaction begun here is made REPEATABLE READ (by default each statement
    sees the latest commits: a record changed between its fingerprint and its check would keep
    the wrong finding, :func:`_invalid`).  False: a caller's transaction was under way."""
    if session.get_bind().dialect.name == "sqlite":
        return True
    if session.in_transaction():
        return False
    session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    return True


def _duplicates(session: Session, villages) -> list[ReviewItem]:
    """Pairs of live records with the same ID number, or the same name, birth date and household
    address (a second enrolment without the ID).  Groups of three give two pairs, each to the first."""
    R = Resident
    # records on the register: one closed (迁出, 死亡) is no second record of a living person here
    # (a resident who moved from one village to another has one of each, rightly)
    live = on_register(R)
    same_id = (
        select(R.id_number).where(live, R.id_number.is_not(None), R.id_number != "").group_by(R.id_number)
    ).having(func.count() > 1)
    same_person = (
        select(R.name, R.birth_date, Household.address)
        .join(Household, Household.id == R.household_id)
        .where(live)
        .group_by(R.name, R.birth_date, Household.address)
        .having(func.count() > 1)
    )
    groups: dict[tuple, list[Resident]] = defaultdict(list)
    # every group (a queue cut at 500 of them hid the rest, and the decided ones among the 500 kept
    # them hidden): the members of all of them in one read per rule
    q = select(R).where(live, R.id_number.in_(same_id)).order_by(R.id_number, R.created_at, R.id)
    for r in session.scalars(q):
        groups["id", r.id_number].append(r)
    alike = same_person.subquery()
    q = (
        select(R, Household.address)
        .join(Household, Household.id == R.household_id)
        .join(
            alike,
            (alike.c.name == R.name)
            & (alike.c.birth_date == R.birth_date)
            & alike.c.address.is_not_distinct_from(Household.address),  # (no address: alike too)
        )
        .where(live)
        .order_by(R.name, R.birth_date, Household.address, R.created_at, R.id)
    )
    for r, address in session.execute(q):
        groups["person", r.name, r.birth_date, address].append(r)
    ids = {r.id for members in groups.values() for r in members}
    held, live = _holdings(session, ids), _live_rows(session, ids)
    items, seen = [], set()
    for key, members in groups.items():
        first = members[0]
        for other in members[1:]:
            k = pair_key(first.id, other.id)
            if k in seen:
                continue
            seen.add(k)
            blind = _blind(session, (first, other))
            template = (
                QT_TRANSLATE_NOOP(
                    "Review",
                    "身份证号相同：{number}。这份有随访{visits}次、老年人体检{checks}次、签约{contracts}份；"
                    "另一份有随访{o_visits}次、老年人体检{o_checks}次、签约{o_contracts}份",
                )
                if key[0] == "id"
                else QT_TRANSLATE_NOOP(
                    "Review",
                    "姓名、出生日期和家庭住址相同：{address}。这份有随访{visits}次、老年人体检{checks}次、"
                    "签约{contracts}份；另一份有随访{o_visits}次、老年人体检{o_checks}次、签约{o_contracts}份",
                )
            )
            mine, theirs = held[other.id], held[first.id]
            v = villages[other.village_id]
            items.append(
                ReviewItem(
                    k,
                    "duplicate",
                    v.code,
                    v.name,
                    other.id,
                    _label(other),
                    _label(first),
                    Message(
                        CTX,
                        template,
                        {
                            "number": mask_id(key[1]),  # (as every list shows it)
                            "address": key[-1] or "",
                            **mine,
                            **{f"o_{k}": n for k, n in theirs.items()},
                        },
                    ),
                    other.created_at.date() if other.created_at else None,
                    # one ID number is one person: "not the same person" would leave two records
                    # that cannot both be right; one who may not see a record's 严重精神障碍 rows
                    # sends the pair back (_blind)
                    _pair_options(key[0] == "id", blind),
                    () if blind else _blocked(live[other.id], live[first.id]),
                    villages[first.village_id].name,
                    BLIND_NOTE if blind else None,  # (said of every pair to such a user: it tells no one)
                )
            )
    return items


BLIND_NOTE = Message(
    CTX,
    QT_TRANSLATE_NOOP(
        "Review",
        "作废其中一份，要由有“精神卫生”权限的账户决定（作废前要看清两份记录的全部内容，包括您无权查看的专项记录）；"
        "您可以判定不是同一人，或退回村医",
    ),
    {},
)


def _blind(session: Session, pair) -> bool:
    """Whether the acting user may not see the 严重精神障碍 rows of one of ``pair`` (a township
    account without that permission: so for every record alike).  Such a user cannot weigh what a
    void would leave without an owner; and which voids were offered or refused (a record holding
    nothing they can see, yet not to be voided) told them which residents are patients.  They
    decide "not the same person" or send the pair back to the village, whatever the records hold."""
    from app.services.records import sensitive

    return not all(sensitive.may_see(session, r) for r in pair)


def _pair_options(same_id: bool, blind: bool) -> tuple[str, ...]:
    """The decisions a duplicate pair allows (() for all of its kind's)."""
    if blind:
        return ("merge_back",) if same_id else ("distinct", "merge_back")
    return ("void_other", "void_first", "merge_back") if same_id else ()


def _blocked(mine: int, theirs: int) -> tuple[str, ...]:
    """The decisions :func:`decide` would refuse: the void of a record holding follow-ups, checks or
    contracts (``mine``: the record listed as the item's, ``theirs``: the other); sending the pair
    back to be merged while one of them holds nothing (void that one instead)."""
    return (
        (("void_other",) if mine else ())
        + (("void_first",) if theirs else ())
        + (() if mine and theirs else ("merge_back",))
    )


def _live_rows(session: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Per resident, rows not voided of every synced record that belongs to one (follow-ups,
    enrolments, checks, contracts, referrals, 严重精神障碍 records …): a record voided with them
    leaves them with no one (`cunyi check`: 已作废的居民没有未作废的随访), and a user who may not
    see the sensitive ones would void them blind.  What the queue offers and what :func:`decide`
    accepts are both read from here."""
    from app.services.sync import capture

    out = dict.fromkeys(ids, 0)
    chunks = [sorted(ids)[i : i + 500] for i in range(0, len(ids), 500)]
    for spec in capture.specs().values():
        t = spec.table
        if spec.scope == "resident_id" and "voided" in t.c and "resident_id" in t.c:
            for chunk in chunks:
                q = (
                    select(t.c.resident_id, func.count())
                    .where(t.c.resident_id.in_(chunk), t.c.voided.is_(False))
                    .group_by(t.c.resident_id)
                )
                for rid, n in session.execute(q):
                    out[rid] += n
    return out


def _holdings(session: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, dict[str, int]]:
    """What each record holds that a decision on its duplicate weighs: its live follow-ups
    (高血压, 2型糖尿病), yearly checks and contracts.  (Nothing of a sensitive programme: the count
    itself would tell.)"""
    from app.models import ElderlyCheck, FamilyContract, FollowupVisit

    out = {i: {"visits": 0, "checks": 0, "contracts": 0} for i in ids}
    for name, model in (("visits", FollowupVisit), ("checks", ElderlyCheck), ("contracts", FamilyContract)):
        for i in range(0, len(ids), 500):
            chunk = sorted(ids)[i : i + 500]
            q = (
                select(model.resident_id, func.count())
                .where(model.resident_id.in_(chunk), model.voided.is_(False))
                .group_by(model.resident_id)
            )
            for rid, n in session.execute(q):
                out[rid][name] = n
    return out


def _conflicts(session: Session, villages) -> list[ReviewItem]:
    items = []
    for c in conflicts.open_conflicts(session, kind="field"):
        resident = _conflict_resident(session, c.entity, c.row_id)
        v = villages.get(resident.village_id) if resident else None
        items.append(
            ReviewItem(
                conflicts.item_key(c),
                "conflict",
                v.code if v else "",
                v.name if v else "",
                resident.id if resident else None,
                c.record,
                "",
                Message(
                    CTX,
                    CONFLICT_DETAIL,
                    {
                        "field": c.field_label,
                        "kept": _shown(c.kept),
                        "lost": _shown(c.lost),
                        "kept_by": c.kept_by,
                        "lost_by": c.lost_by,
                    },
                ),
                c.detected_at.date(),
            )
        )
    return items


def _shown(value) -> str:
    if value is None or value == "":
        return "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _conflict_resident(session: Session, entity: str, row_id) -> Resident | None:
    spec = capture.specs().get(entity)
    row = session.get(spec.model, row_id) if spec else None
    if row is None:
        return None
    if isinstance(row, Resident):
        return row
    rid = getattr(row, "resident_id", None)
    return session.get(Resident, rid) if rid else None


# What the last validation scan found, per record, for the next scan to reuse (the review page
# reads its queue again after every decision and every import: 60,000 records took 20 s each time).
# One entry: the scan's key (:func:`_scan_key`) and, per record, a fingerprint of everything its
# check reads (:func:`_fingerprints`) with what the check found.  A record whose fingerprint is
# unchanged is not checked again; any other is.
_LAST_SCAN: dict = {}
_LAST_SCAN_LOCK = threading.Lock()


def _scan_key(session: Session, today: dt.date) -> tuple:
    """What every record's check depends on besides the record: this store (a restore gives it a
    new id), the acting user as signed in (the boxes they may see: role, village, permissions),
    the day, the villages and their groups, the form and the code lists (a province's codes.json
    replaces lists as the app runs)."""
    places = session.execute(
        select(Village.id, Village.code, Village.name, VillageGroup.id, VillageGroup.name)
        .outerjoin(VillageGroup, VillageGroup.village_id == Village.id)
        .order_by(Village.id, VillageGroup.id)
    ).all()
    profile = get_profile(session)
    # the form and the lists are replaced when they change, never changed in place: their identity
    rules = (id(resident_form.RESIDENT_FORM), tuple(map(id, CODE_LISTS.values())))
    return (profile.db_id, profile.role, profile.code, actor(session), today, hash(tuple(places)), rules)


def _fingerprints(session: Session, page: list, heads: dict) -> dict[uuid.UUID, int]:
    """Per record of ``page``, a hash of everything the form's check reads of it: its row (every
    column), its ticked boxes, its household's row, the household's heads and its 严重精神障碍
    records.  Values are taken as the driver reads them (no conversion: what matters is whether
    they changed)."""
    R, C, H = Resident.__table__, ResidentChoice.__table__, Household.__table__
    # (places of columns read as dicts or lists, JSON on PostgreSQL, per table: taken by their repr)
    loose: dict[str, set[int]] = {"boxes": set(), "households": set(), "residents": set(), "smi": set()}
    boxes: dict[object, list] = defaultdict(list)  # by the resident's id as stored
    at = list(C.columns).index(C.c.resident_id)
    q = select(*_as_stored(C)).where(C.c.resident_id.in_(page)).order_by(C.c.resident_id, C.c.id)
    result = session.connection().execute(q)
    try:  # (the driver's rows: half a million of them, no conversion to make)
        for row in result.cursor.fetchall():
            boxes[row[at]].append(_hashable(row, loose["boxes"]))
    finally:
        result.close()
    # whose 严重精神障碍 record it is decides who may see its sensitive boxes (sensitive.may_see)
    E = ProgramEnrolment.__table__
    q = select(E.c.resident_id, *_as_stored(E)).where(E.c.resident_id.in_(page), E.c.program == smi.PROGRAM)
    smi_records: dict[uuid.UUID, list] = defaultdict(list)
    for rid, *row in session.execute(q.order_by(E.c.id)).all():
        smi_records[rid].append(_hashable(row, loose["smi"]))
    rows = session.execute(select(R.c.id, R.c.household_id, *_as_stored(R)).where(R.c.id.in_(page))).all()
    q = select(H.c.id, *_as_stored(H)).where(H.c.id.in_({r[1] for r in rows} - {None}))
    households = {hid: _hashable(row, loose["households"]) for hid, *row in session.execute(q).all()}
    at = list(R.columns).index(R.c.id)
    return {
        rid: hash(
            (
                _hashable(row, loose["residents"]),
                tuple(boxes.get(row[at], ())),
                households.get(household_id),
                tuple(heads.get(household_id, ())),
                tuple(smi_records.get(rid, ())),
            )
        )
        for rid, household_id, *row in rows
    }


def _as_stored(table) -> list:
    """``table``'s columns, read as the driver gives them (no type's conversion)."""
    return [literal_column(f'{table.name}."{c.name}"') for c in table.columns]


def _hashable(row, loose: set[int]) -> tuple:
    """``row``'s values as a tuple that hashes: those at ``loose`` places (and any other found not
    to hash, added to ``loose``) by their repr."""
    values = tuple(repr(v) if i in loose else v for i, v in enumerate(row)) if loose else tuple(row)
    try:
        hash(values)
    except TypeError:
        for i, v in enumerate(row):
            try:
                hash(v)
            except TypeError:
                loose.add(i)
        return _hashable(row, loose)
    return values


def _invalid(
    session: Session, villages, today: dt.date, progress=None, *, reuse: bool = True
) -> list[ReviewItem]:
    """Live records that today's form would refuse (rules change; old imports slipped through),
    most recently changed first.

    Every record of the store is checked with the form's whole check, streamed in batches of
    :data:`SCAN_BATCH` by id (keyset: never the whole table in memory): a batch's ticked boxes and
    households are read at once, the clock and the villages once for the scan, and the batch is
    let go before the next.  A record unchanged since the scan before (same fingerprint, same
    :func:`_scan_key`) keeps what that scan found.  ``progress(done, total)`` follows it."""
    from app.services import profile as profiles

    today = min(today, capture.trusted_today(session))
    live = (on_register(Resident),)
    total = session.scalar(select(func.count()).select_from(Resident).where(*live)) or 0
    key = _scan_key(session, today)
    with _LAST_SCAN_LOCK:
        before = _LAST_SCAN.get(key, {}) if reuse else {}
    found: dict[uuid.UUID, tuple[int, tuple | None]] = {}
    session.info[profiles.VILLAGE_MEMO] = {v.code: v for v in villages.values()}
    keep = get_profile(session)  # held: the form's checks find it in the session, not the database
    try:
        last, done = None, 0
        while True:
            q = (
                select(Resident.id, Resident.household_id)
                .where(*live)
                .order_by(Resident.id)
                .limit(SCAN_BATCH)
            )
            if last is not None:
                q = q.where(Resident.id > last)
            page = session.execute(q).all()
            if not page:
                break
            last = page[-1].id
            ids = [r.id for r in page]
            heads = resident_form.heads_of(session, {r.household_id for r in page} - {None})
            prints = _fingerprints(session, ids, heads)
            ids = [rid for rid in ids if rid in prints]  # (one deleted meanwhile: none to check)
            again = [rid for rid in ids if before.get(rid, (None,))[0] != prints[rid]]
            checked = _invalid_batch(session, again, villages, today, heads) if again else {}
            for rid in ids:
                found[rid] = (prints[rid], checked[rid] if rid in checked else before[rid][1])
            done += len(page)
            if progress is not None:
                progress(done, total)
    finally:
        session.info.pop(profiles.VILLAGE_MEMO, None)
        del keep
    if reuse:
        with _LAST_SCAN_LOCK:
            _LAST_SCAN.clear()
            _LAST_SCAN[key] = found
    items = [item for _print, item in found.values() if item is not None]
    items.sort(key=lambda pair: pair[0], reverse=True)
    return [item for _updated, item in items]


def _invalid_batch(session: Session, page: list, villages, today: dt.date, heads: dict) -> dict:
    """Per record of ``page``: (updated at, item) if it fails the form's check, else None."""
    # as stored now, not as objects this session held already (its fingerprint was read so)
    fresh = {"populate_existing": True}
    rows = list(session.scalars(select(Resident).where(Resident.id.in_(page)).execution_options(**fresh)))
    choices: dict[uuid.UUID, list] = defaultdict(list)  # (plain rows: half a million ORM objects took 13 s)
    C = ResidentChoice
    q = select(C.resident_id, C.field, C.code, C.note, C.event_date).where(C.resident_id.in_(page))
    for row in session.execute(q.order_by(C.resident_id, C.field, C.id)):  # as Resident.choices
        choices[row.resident_id].append(row)
    households = list(  # held while the batch is checked: the form's household rule finds them in the session
        session.scalars(
            select(Household)
            .where(Household.id.in_(select(Resident.household_id).where(Resident.id.in_(page))))
            .execution_options(**fresh)
        )
    )
    session.info[resident_form.HEADS_MEMO] = heads
    found: dict = {}
    try:
        for r in rows:
            found[r.id] = None
            try:
                resident_records.validate_resident(
                    session,
                    resident_records.resident_input_from(r, choices[r.id]),
                    resident_id=r.id,
                    today=today,
                    check_duplicates=False,
                    today_is_trusted=True,
                )
            except ValidationError as e:
                v = villages[r.village_id]
                found[r.id] = (
                    r.updated_at or dt.datetime.min,
                    ReviewItem(
                        f"invalid:{r.id.hex}:{r.updated_at.isoformat() if r.updated_at else ''}",
                        "invalid",
                        v.code,
                        v.name,
                        r.id,
                        _label(r),
                        "",
                        e.errors[0].message if e.errors else e.message,
                        r.updated_at.date() if r.updated_at else None,
                    ),
                )
        del rows, households  # the batch is checked: the session's identity map (weak) lets go of it
    finally:
        del session.info[resident_form.HEADS_MEMO]
    return found


def _referrals(session: Session, villages, today: dt.date) -> list[ReviewItem]:
    limit = today - dt.timedelta(days=REFERRAL_OPEN_DAYS)
    q = (
        select(Referral, Resident)
        .join(Resident, Resident.id == Referral.resident_id)
        .where(Referral.voided.is_(False), Referral.status == "issued", Referral.issued_on <= limit)
        .order_by(Referral.issued_on)
    )
    from app.services.programmes.referral import sensitive_hidden

    hidden = sensitive_hidden(session)  # a 严重精神障碍 patient's, only to those who may know
    if hidden is not None:
        q = q.where(hidden)
    items = []
    for ref, r in session.execute(q):
        v = villages[r.village_id]
        items.append(
            ReviewItem(
                f"referral:{ref.id.hex}",
                "referral",
                v.code,
                v.name,
                r.id,
                _label(r),
                "",
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Review", "{day} 转往 {to}，{days} 天未登记到位"),
                    {
                        "day": ref.issued_on.isoformat(),
                        "to": ref.to_institution,
                        "days": (today - ref.issued_on).days,
                    },
                ),
                ref.issued_on,
            )
        )
    return items


# ---------------------------------------------------------------------------- decisions


def decide_conflict(
    session: Session, conflict_id: uuid.UUID, decision: str, reason: str = "", *, today: dt.date | None = None
) -> list[ReviewDecision]:
    """A field conflict decided on the 同步 page or by ``sync resolve`` (保留现值 / 采用另一值),
    recorded as :func:`decide` records it, with the reason if one is given (``sync resolve
    --reason``; none is asked for): its village is told, and closes its own copy of the conflict
    (``conflicts.close_decided``); it stayed open there for good."""
    _require_township(session)
    view = next(iter(conflicts.open_conflicts(session, ids=[conflict_id])), None)
    if view is None or view.kind != "field":
        conflicts.resolve(session, conflict_id, decision)  # (its refusal, in its words)
        return []
    return decide(session, conflicts.item_key(view), decision, reason, today=today, reason_required=False)


def decide(
    session: Session,
    key: str,
    decision: str,
    reason: str,
    *,
    today: dt.date | None = None,
    reason_required: bool = True,
) -> list[ReviewDecision]:
    """Close the open item ``key`` with ``decision`` for ``reason`` (which the village reads).
    Returns the decisions written: one per village concerned."""
    _require_township(session)
    reason = (reason or "").strip()
    if not reason and reason_required:
        raise _err(QT_TRANSLATE_NOOP("Review", "请写明处理理由：村卫生室会看到它"))
    if len(reason) > 500:
        raise _err(QT_TRANSLATE_NOOP("Review", "处理理由最多500字"))
    today = today or capture.trusted_today(session)
    kind = key.split(":", 1)[0]
    if kind not in OPTIONS:
        raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Review", "该审核项不存在或已处理")))
    item = next((i for i in _open_items(session, key, kind, today) if i.key == key), None)
    if item is None:
        raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Review", "该审核项不存在或已处理")))
    if decision not in item.options:
        raise _err(
            QT_TRANSLATE_NOOP("Review", "这一项不能这样处理（{decision}）；可选的处理：{options}"),
            decision=str(decision)[:40],
            options=", ".join(item.offered),
        )
    changes: list[dict] = []
    concerned: list[Resident] = [session.get(Resident, item.resident_id)] if item.resident_id else []
    if kind == "duplicate":
        _, a, b = key.split(":")
        pair = [session.get(Resident, uuid.UUID(a)), session.get(Resident, uuid.UUID(b))]
        concerned = pair
        # void_other: the record listed as the item's (the later made); void_first: the other
        listed = next(r for r in pair if r.id == item.resident_id)
        voided = {"void_other": listed, "void_first": next(r for r in pair if r is not listed)}.get(decision)
        live = _live_rows(session, {r.id for r in pair})
        if decision == "merge_back" and not _blind(session, pair) and not all(live[r.id] for r in pair):
            raise _err(
                QT_TRANSLATE_NOOP(
                    "Review",
                    "两份中有一份没有任何随访、体检、签约、转诊或专项管理记录：请直接作废那一份，不必退回村医",
                )
                if any(live.values())
                else QT_TRANSLATE_NOOP(
                    "Review",
                    "两份都没有任何随访、体检、签约、转诊或专项管理记录：请直接作废其中一份，不必退回村医",
                )
            )
        if voided is not None:
            if live[voided.id]:
                raise _err(
                    QT_TRANSLATE_NOOP(
                        "Review",
                        "{record} 还有未作废的随访、体检、签约、转诊或专项管理记录，作废后它们会失去归属："
                        "请作废另一份；两份都有记录的，请选“退回村医，把不再使用的一份结案”",
                    ),
                    record=_label(voided),
                )
            voided.voided, voided.void_reason = True, reason[:200]
            changes.append(
                {
                    "field": field_labels.COMMON["voided"],
                    "record": _label(voided),
                    "from": False,
                    "to": True,
                }
            )
        for c in session.scalars(
            select(SyncConflict).where(
                SyncConflict.kind == "duplicate",
                SyncConflict.resolved_at.is_(None),
                SyncConflict.row_id.in_([a_.id for a_ in pair]),
            )
        ):
            c.resolved_at, c.resolved_by, c.resolution = utcnow(), actor(session).id, "reviewed"
    elif kind == "conflict":
        conflict_id = uuid.UUID(key.split(":")[1])
        (view,) = conflicts.open_conflicts(session, ids=[conflict_id])
        conflicts.resolve(session, conflict_id, decision)
        if decision == "lost":
            changes.append(
                {
                    "field": view.field_label,
                    "record": view.record,
                    "from": _shown(view.kept),
                    "to": _shown(view.lost),
                }
            )
    elif kind == "referral" and decision == "not_arrived":
        from app.services.programmes import referral

        referral.mark_not_arrived(session, uuid.UUID(key.split(":")[1]), reason, today)
        changes.append(
            {
                "field": field_labels.COMMON["status"],
                "record": item.record,
                "from": ISSUED,
                "to": NOT_ARRIVED,
            }
        )
    written = []
    by_village = {r.village_id: r for r in concerned if r is not None}
    for village_id, r in by_village.items():
        record, other, told = item.record, item.other_record, decision
        if kind == "conflict":  # which field (a kept value changes nothing: the field said nowhere else)
            record = f"{item.record} {item.detail.params['field']}"[:120]
        if kind == "duplicate" and r.id != item.resident_id:
            # the village of the other record reads the decision about its own record: the pair
            # the other way round, and which of them was voided said of that record ("this one"
            # and "the other" as its village sees them; it read that its own record was voided)
            listed = next(x for x in concerned if x.id == item.resident_id)
            record, other = _label(r), _label(listed)
            told = {"void_other": "void_first", "void_first": "void_other"}.get(decision, decision)
        other_village = _village_name(session, concerned, r) if kind == "duplicate" else item.other_village
        d = ReviewDecision(
            village_id=village_id,
            kind=kind,
            item_key=key,
            resident_id=r.id,
            record=record,
            # as the decision's record keeps it: the other record and, in brackets, its village
            other_record=(f"{other}（{other_village}）" if other_village else other) or None,
            decision=told,
            changes=changes,
            reason=reason,
            decided_by=actor(session).display_name,
            decided_on=today,
        )
        session.add(d)
        written.append(d)
    session.flush()
    audit.record(
        session,
        "review",
        "review_decision",
        written[0].id if written else None,
        audit.decision_summary(key, decision),
    )
    return written


def _village_name(session: Session, pair: list[Resident], r: Resident) -> str:
    """The village of the other record of a duplicate ``pair``, from ``r``'s side ("" when it is
    ``r``'s own village)."""
    other = next((x for x in pair if x.id != r.id), None)
    if other is None or other.village_id == r.village_id:
        return ""
    village = session.get(Village, other.village_id)
    return village.name if village is not None else ""


SENT_BACK_DAYS = 30  # a record or referral sent back to its village is asked about again after this
SENT_BACK = ("sent_back", "merge_back")  # the decisions that send an item back to its village


def _closed(session: Session, today: dt.date, key: str | None = None) -> set[str]:
    """The items a decision closed (or only ``key``, if it is).  Sent back to the village (退回村医修改)
    closes an item for :data:`SENT_BACK_DAYS`: a record still failing, or a referral still open,
    then comes back (a referral sent back 41 days late left the queue for good)."""
    q = select(ReviewDecision.item_key).where(
        ReviewDecision.decision.not_in(SENT_BACK)
        | (ReviewDecision.decided_on >= today - dt.timedelta(days=SENT_BACK_DAYS))
    )
    if key is not None:
        q = q.where(ReviewDecision.item_key == key)
    return set(session.scalars(q))


def _open_items(session: Session, key: str, kind: str, today: dt.date) -> list[ReviewItem]:
    """The open items of ``kind`` that may be ``key``: for a record failing validation only that
    record is checked again (not the whole store)."""
    if kind != "invalid":
        return review_queue(session, today=today, kinds=(kind,))
    try:
        resident_id = uuid.UUID(key.split(":")[1])
    except (IndexError, ValueError):
        return []
    if key in _closed(session, today, key):
        return []
    live = session.scalar(select(Resident.id).where(Resident.id == resident_id, on_register(Resident)))
    if live is None:
        return []
    villages = {v.id: v for v in session.scalars(select(Village))}
    household = session.scalar(select(Resident.household_id).where(Resident.id == resident_id))
    heads = resident_form.heads_of(session, [household] if household is not None else [])
    found = _invalid_batch(
        session, [resident_id], villages, min(today, capture.trusted_today(session)), heads
    )
    return [found[resident_id][1]] if found.get(resident_id) else []


def village_decisions(session: Session, limit: int = 500) -> list[DecisionView]:
    """What the township decided about this device's records, newest first: a village sees its own
    village's; a township every decision it made, once (with every village it told)."""
    q = select(ReviewDecision, Village.code).join(Village, Village.id == ReviewDecision.village_id)
    allowed = authz.village_clause(session, ReviewDecision.village_id)
    if allowed is not None:
        q = q.where(allowed)
    q = q.order_by(ReviewDecision.decided_on.desc(), ReviewDecision.created_at.desc(), Village.code).limit(
        limit
    )
    township = get_profile(session).role == TOWNSHIP
    told: dict[str, list[str]] = defaultdict(list)
    first: dict[str, ReviewDecision] = {}
    for d, code in session.execute(q):
        key = d.item_key if township else d.id.hex
        told[key].append(code)
        first.setdefault(key, d)
    out = []
    for key, d in first.items():
        changes = _readable_changes(session, d)
        if changes is None:
            continue
        out.append(
            DecisionView(
                d.decided_on,
                d.decided_by,
                d.kind,
                d.record,
                d.other_record or "",
                d.decision,
                changes,
                d.reason,
                "、".join(told[key]),
            )
        )
    return out


def _readable_changes(session: Session, d: ReviewDecision) -> tuple[dict, ...] | None:
    """What a decision changed, as the reader may see it (records.sensitive), or None when the
    decision itself is not theirs to read.  A decision is written with what its decider saw: one on
    a 严重精神障碍 record (监护人电话 …) named the patient to everyone who read the decisions, and one
    on the ticked boxes showed the 严重精神障碍 box.  Such a decision is left out for a reader who
    may not see the patient's programme; a box they may not see is taken out of the values, and a
    decision whose values then read the same is left out too (it would tell the box apart)."""
    from app.services.records import sensitive

    changes = tuple(d.changes or ())
    parts = d.item_key.split(":")
    # the row decided on: a conflict's ("conflict:<id>:<row>:<field>"), a referral's ("referral:<id>")
    at = {"conflict": 2, "referral": 1}.get(d.kind)
    if at is None or len(parts) <= at or d.resident_id is None:
        return changes
    resident = session.get(Resident, d.resident_id)
    if resident is None or sensitive.may_see(session, resident):
        return changes
    try:
        row_id = uuid.UUID(parts[at])
    except ValueError:
        return changes
    if conflicts.about_sensitive_row(session, row_id):
        return None
    if d.kind != "conflict" or parts[-1] != "choices" or not changes:
        return changes
    shown = []
    for change in changes:
        values = [_without_sensitive(change.get(side)) for side in ("from", "to")]
        if values[0] == values[1]:
            continue
        shown.append({**change, "from": values[0], "to": values[1]})
    return tuple(shown) or None  # (what it changed was only what they may not see)


def _without_sensitive(shown: str | None) -> str | None:
    """A value of the ticked boxes as :func:`_shown` wrote it, without the boxes that name a
    sensitive programme (records.sensitive)."""
    from app.services.records import sensitive

    try:
        rows = json.loads(shown) if shown else None
    except ValueError:
        return shown
    if not isinstance(rows, list):
        return shown
    kept = [
        r
        for r in rows
        if not (isinstance(r, dict) and sensitive.is_sensitive(r.get("field", ""), r.get("code")))
    ]
    return _shown(kept or None)
