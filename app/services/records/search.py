"""Resident search: one box for name, pinyin, initials, ID fragment, archive number and phone.

Ranking: exact ID / archive number / phone / name first, then prefix matches, then
fragments; within a rank, residents on the books (在册) before those who moved or died,
then by pinyin of the name.  Results are paged (limit/offset) for lazy list models.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from sqlalchemy import and_, case, column, func, literal, or_, select, table
from sqlalchemy.orm import Session

from app import search_index
from app.i18n import QT_TRANSLATE_NOOP
from app.models import (
    ProgramEnrolment,
    Resident,
    ResidentChoice,
    ResidentSearchKey,
    Village,
    VillageGroup,
)
from app.models.base import Id
from app.services.access import authz
from app.services.errors import Message, UserError
from app.services.programmes import contracts
from app.services.records.pinyin_keys import GIVEN_MARK
from app.services.records.validators import age_on, halfwidth, mask_id

MIN_DIGITS = 4
# Characters a search may have: a name, an ID, an archive number or a phone is far shorter (the
# search boxes take no more).  A query of thousands made SQLite refuse the LIKE pattern, and the
# digits check below takes time growing with the square of the length.
MAX_QUERY = 100
_DIGITS = re.compile(r"^[0-9\s\-]*[0-9][0-9\s\-]*[xX]?$")
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class ResidentRow:
    id: uuid.UUID
    archive_no: str
    name: str
    sex: str
    birth_date: dt.date
    age: int
    id_number: str | None
    id_masked: str
    group_name: str
    village_name: str
    phone: str
    status: str
    tags: tuple[str, ...]  # codes: htn, t2dm, poverty, contract
    rank: int

    def as_json(self) -> dict:
        return {
            "id": str(self.id),
            "archive_no": self.archive_no,
            "name": self.name,
            "sex": self.sex,
            "birth_date": self.birth_date.isoformat(),
            "age": self.age,
            "village_group": self.group_name,
            "village": self.village_name,
            "phone": self.phone,
            "status": self.status,
            "tags": list(self.tags),
        }


def classify_query(query: str) -> tuple[str, str]:
    """('all'|'digits'|'name'|'pinyin'|'short', normalised query); a query longer than
    :data:`MAX_QUERY` is refused."""
    q = halfwidth(query or "").strip()
    if len(q) > MAX_QUERY:
        raise UserError(
            Message(
                "Search",
                QT_TRANSLATE_NOOP("Search", "搜索内容太长：最多 {limit} 个字（现在是 {length} 个）"),
                {"limit": MAX_QUERY, "length": len(q)},
            )
        )
    if not q:
        return "all", ""
    if _DIGITS.match(q):
        digits = re.sub(r"[\s\-]", "", q).upper()
        return ("digits" if len(digits) >= MIN_DIGITS else "short"), digits
    if _HAN.search(q):
        return "name", re.sub(r"\s+", "", q)
    letters = re.sub(r"[\s'·]", "", q).lower()
    if letters.isascii() and letters.isalpha():
        return "pinyin", letters
    return "name", q


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_residents(
    session: Session,
    query: str,
    *,
    limit: int = 50,
    offset: int = 0,
    after: str | None = None,
    village_id: uuid.UUID | None = None,
    today: dt.date | None = None,
) -> list[ResidentRow]:
    """Ranked matches, a page at a time.  For the whole register (empty query) pass ``after``,
    the last archive number already shown: keyset paging costs the same on page 600 as on page 1."""
    kind, q = classify_query(query)
    if kind == "short":
        return []
    R = Resident
    if kind == "all":
        stmt = _listed(literal(3)).order_by(R.archive_no).limit(limit)
        stmt = stmt.where(R.archive_no > after) if after else stmt.offset(offset)
        return _rows(session, stmt, village_id, today)
    if kind == "pinyin":
        first = _pinyin_first_pages(session, q, limit, offset, village_id, today)
        if first is not None:
            return first
    base = _match_ids(session, kind, q)
    # MATERIALIZED: find the matching ids first (narrow index scans), then read only those
    # residents; flattened, SQLite would evaluate the match while scanning the wide rows.
    sub = base.cte("matches").prefix_with("MATERIALIZED")
    stmt = (
        _listed(sub.c.rank, (sub, sub.c.rid == R.id))
        .order_by(*_ranked(kind, q, sub.c.rank))
        .limit(limit)
        .offset(offset)
    )
    return _rows(session, stmt, village_id, today)


def _listed(rank, *joined):
    """SELECT of the live residents a search lists, with ``rank``, their group's and village's
    names (:func:`_rows` reads them), joined first to each (target, on) of ``joined``."""
    R = Resident
    stmt = select(R, rank, VillageGroup.name, Village.name)
    for target, on in joined:
        stmt = stmt.join(target, on)
    return (
        stmt.join(Village, Village.id == R.village_id)
        .outerjoin(VillageGroup, VillageGroup.id == R.group_id)
        .where(R.voided.is_(False))
    )


def _read_as(q: str):
    """Whether a resident's name, read the usual way (``name_pinyin``), starts with ``q``."""
    return and_(Resident.name_pinyin >= q, Resident.name_pinyin < q + "\x7f")


def _ranked(kind: str, q: str, rank) -> tuple:
    """The order of a search's matches: by rank (:func:`_match_ids`), then, for pinyin, the names
    whose usual reading matches before those matched by another reading of a character only
    (长 read zhang as well as chang), then the active records, then alphabetically."""
    R = Resident
    usual = (case((_read_as(q), 0), else_=1),) if kind == "pinyin" else ()
    return (rank, *usual, R.status != "1", R.name_pinyin, R.archive_no)


def _pinyin_first_pages(
    session: Session, q: str, limit: int, offset: int, village_id: uuid.UUID | None, today: dt.date | None
) -> list[ResidentRow] | None:
    """The first pages of a pinyin or initials search without ranking every match: a county's
    "wang" matches some 70,000 residents, and sorting them all for 50 took half a second.  In
    :func:`_ranked` order the exact keys come first (rank 0: "wangfang", or the initials "wf";
    hundreds, read whole), then the active residents whose usual reading starts with ``q``, read
    in the order of the name_pinyin index, as far as the page needs.  None when those two do not
    fill the page: the whole ranking (:func:`_match_ids`) answers then."""
    R, K = Resident, ResidentSearchKey
    need = offset + limit
    exact = select(K.resident_id).where(K.key == q)

    def page(rank: int, where, order) -> list[ResidentRow]:
        stmt = _listed(literal(rank)).where(*where).order_by(*order).limit(need)
        return _rows(session, stmt, village_id, today)

    found = page(0, [R.id.in_(exact)], _ranked("pinyin", q, literal(0)))
    if len(found) < need:
        more = page(
            1,
            [
                _read_as(q),
                R.status == "1",
                ~select(K.resident_id).where(K.resident_id == R.id, K.key == q).exists(),
            ],
            (R.name_pinyin, R.archive_no),
        )
        found += more[: need - len(found)]
        if len(found) < need:
            return None
    return found[offset:need]


def _match_ids(session: Session, kind: str, q: str):
    """SELECT rid, rank of the residents matching a classified query (not 'all' or 'short')."""
    R = Resident
    if kind == "digits":
        ends = f"%{_escape_like(q)}"
        rank = case(
            (or_(R.id_number == q, R.archive_no == q, R.phone == q), 0),
            (
                or_(
                    R.id_number.like(ends, escape="\\"),
                    R.archive_no.like(ends, escape="\\"),
                    R.phone.like(ends, escape="\\"),
                ),
                1,
            ),
            else_=2,
        )
        if session.get_bind().dialect.name == "sqlite":
            fts = table(search_index.TABLE, column("resident_id", Id), column("digits"))
            # digits and X only (classify_query): nothing for LIKE to escape, so FTS5 answers it
            matched = select(fts.c.resident_id).where(fts.c.digits.like(f"%{q}%"))
            cond = R.id.in_(matched)
        else:
            like = f"%{_escape_like(q)}%"
            cond = or_(
                R.id_number.like(like, escape="\\"),
                R.archive_no.like(like, escape="\\"),
                R.phone.like(like, escape="\\"),
            )
        base = select(R.id.label("rid"), rank.label("rank")).where(cond)
    elif kind == "name":
        like = f"%{_escape_like(q)}%"
        rank = case((R.name == q, 0), (R.name.like(f"{_escape_like(q)}%", escape="\\"), 1), else_=2)
        cond = R.name.like(like, escape="\\")
        indexed = search_index.name_fragment_clause(session.get_bind().dialect.name, R.name, q)
        base = select(R.id.label("rid"), rank.label("rank")).where(
            cond if indexed is None else and_(indexed, cond)
        )
    else:  # pinyin: prefix ranges over the indexed keys; whole-name keys before given-name keys
        K = ResidentSearchKey
        given = GIVEN_MARK + q
        rank = func.min(case((K.key == q, 0), (K.key == given, 2), (K.key < GIVEN_MARK, 1), else_=3))
        base = (
            select(K.resident_id.label("rid"), rank.label("rank"))
            .where(or_(and_(K.key >= q, K.key < q + "\x7f"), and_(K.key >= given, K.key < given + "\x7f")))
            .group_by(K.resident_id)
        )
    return base


def count_residents(session: Session, query: str, *, village_id: uuid.UUID | None = None) -> int:
    """How many residents the search would list in all (the same matches and access as
    :func:`search_residents`), so a page of results can say "20 of 275"."""
    kind, q = classify_query(query)
    if kind == "short":
        return 0
    R = Resident
    stmt = select(func.count()).select_from(R).where(R.voided.is_(False))
    if kind != "all":
        stmt = stmt.where(R.id.in_(select(_match_ids(session, kind, q).subquery().c.rid)))
    if village_id is not None:
        stmt = stmt.where(R.village_id == village_id)
    allowed = authz.village_clause(session, R.village_id)
    if allowed is not None:
        stmt = stmt.where(allowed)
    return session.scalar(stmt) or 0


def matching_ids(session: Session, query: str) -> set[uuid.UUID] | None:
    """The residents a query names, as the search box reads it (name, pinyin, initials, ID or
    archive-number digits, phone, a scanned card), to filter a list already on screen; None: the
    query is empty and filters nothing."""
    kind, q = classify_query(scanned_archive_no(query) or query)
    if kind == "all":
        return None
    if kind == "short":
        return set()
    return set(session.scalars(select(_match_ids(session, kind, q).subquery().c.rid)))


_ARCHIVE_NO_IN = re.compile(r"(?<![0-9])[0-9]{17}(?![0-9])")


def scanned_archive_no(text: str) -> str | None:
    """The 17-digit archive number inside what a scanner typed (the follow-up card's QR code), or
    inside a pasted line around it; None when the text holds no single such number."""
    found = _ARCHIVE_NO_IN.findall(halfwidth(text or "").replace("-", "").replace(" ", ""))
    return found[0] if len(set(found)) == 1 else None


def _rows(session: Session, stmt, village_id: uuid.UUID | None, today: dt.date | None) -> list[ResidentRow]:
    R = Resident
    if village_id is not None:
        stmt = stmt.where(R.village_id == village_id)
    allowed = authz.village_clause(session, R.village_id)  # nothing leaks through search
    if allowed is not None:
        stmt = stmt.where(allowed)
    rows = session.execute(stmt).all()
    today = today or dt.date.today()
    tags = _tags(session, [r[0] for r in rows], today)
    return [
        ResidentRow(
            id=r.id,
            archive_no=r.archive_no,
            name=r.name,
            sex=r.sex,
            birth_date=r.birth_date,
            age=age_on(r.birth_date, today),
            id_number=r.id_number,
            id_masked=mask_id(r.id_number),
            group_name=group or "",
            village_name=village,
            phone=r.phone or "",
            status=r.status,
            tags=tags.get(r.id, ()),
            rank=rank_,
        )
        for r, rank_, group, village in rows
    ]


def _tags(session: Session, residents: list[Resident], today: dt.date) -> dict[uuid.UUID, tuple[str, ...]]:
    """高血压 / 糖尿病 from the past-history boxes (programme enrolment replaces this), 贫困, 签约 (a
    signed contract covering ``today``, contracts.in_force as 签约率 counts, of those the reader may
    see: contracts.signed_seen)."""
    if not residents:
        return {}
    ids = [r.id for r in residents]
    out: dict[uuid.UUID, list[str]] = {i: [] for i in ids}
    disease = {"2": "htn", "3": "t2dm"}
    # By resident id only: with field/code in the WHERE, SQLite prefers the (field, code)
    # index and walks every past-history row of the township.
    for rid, field, code in session.execute(
        select(ResidentChoice.resident_id, ResidentChoice.field, ResidentChoice.code)
        .where(ResidentChoice.resident_id.in_(ids))
        .order_by(ResidentChoice.code)
    ):
        if field == "past_disease" and code in disease:
            out[rid].append(disease[code])
    # 严重精神障碍: tagged only for those who may see the enrolment (authz.sensitive_clause)
    smi = select(ProgramEnrolment.resident_id).where(
        ProgramEnrolment.resident_id.in_(ids),
        ProgramEnrolment.program == "smi",
        ProgramEnrolment.status == "1",
        ProgramEnrolment.voided.is_(False),
    )
    hidden = authz.sensitive_clause(session, ProgramEnrolment)
    for rid in session.scalars(smi if hidden is None else smi.where(hidden)):
        out[rid].append("smi")
    signed = contracts.signed_seen(session, residents, today)
    for rid in session.scalars(
        select(Resident.id).where(Resident.id.in_(ids), Resident.poverty_registered.is_(True))
    ):
        out[rid].append("poverty")
    for rid in ids:
        if rid in signed:
            out[rid].append("contract")
    return {k: tuple(v) for k, v in out.items()}


TAG_LABELS = {
    "htn": ("高血压", "HTN"),
    "t2dm": ("糖尿病", "T2DM"),
    "poverty": ("贫困", "Poverty"),
    "contract": ("签约", "Signed"),
    "smi": ("专项", "Special"),
}
