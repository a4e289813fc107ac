"""The quality report: what in a village's follow-ups a supervisor should look at (DOMAIN.md,
"Quality problems townships really face").

One read of the period's visits (and each patient's visit before it), then pure rules over plain
rows, each finding naming its village, doctor, resident and visit with a translatable detail:

- ``copied``: every measurement of a visit repeats the one before exactly (copied forward);
- ``burst``: many visits saved by one user within minutes (``created_at``);
- ``future`` / ``before_enrolment`` / ``after_death``: a visit dated after today, before the patient
  was taken under management, or after the resident died;
- ``missing``: a completed visit without a field its form makes mandatory (``followup.mandatory``:
  a phone visit is not asked for 体征 it cannot take);
- ``late``: saved more than :attr:`QualityRules.late_days` after the visit date;
- ``clock``: a PC whose clock is wrong — visits saved before the day they record (clock behind),
  saved more than a day past the row's own hybrid clock, which sync bounds by the township's (clock
  ahead), or a village whose last bundle came from a clock more than a day ahead (``Peer``).

Thresholds are data (:class:`QualityRules`), like the follow-up rules' ``Thresholds``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, local_time
from app.models import FollowupVisit, Peer, ProgramEnrolment, Resident, User, Village
from app.models.base import id_hex
from app.services.access import authz
from app.services.errors import Message, NotFound, Translate, UserError
from app.services.indicators import Period
from app.services.profile import VILLAGE, get_profile
from app.services.programmes import followup
from app.services.sync import capture

CTX = "Quality"
DIED = "3"  # resident_status 死亡
ACTIVE = "1"  # program_status 在管
HISTORY_DAYS = (
    200  # how far before the period a patient's previous visit is looked for (visits are quarterly)
)

# The kinds, in the order reports list them, with their names (translated in the "Quality" context).
KINDS: dict[str, str] = {
    "copied": QT_TRANSLATE_NOOP("Quality", "数值照抄上次"),
    "burst": QT_TRANSLATE_NOOP("Quality", "短时集中录入"),
    "future": QT_TRANSLATE_NOOP("Quality", "随访日期在将来"),
    "before_enrolment": QT_TRANSLATE_NOOP("Quality", "早于纳入管理"),
    "after_death": QT_TRANSLATE_NOOP("Quality", "晚于死亡日期"),
    # what two devices' records, each sound, say together once merged: a visit after the
    # management ended, two visits of one day (a correction made on each PC)
    "contradicts": QT_TRANSLATE_NOOP("Quality", "记录相互矛盾"),
    "missing": QT_TRANSLATE_NOOP("Quality", "必填项缺失"),
    "late": QT_TRANSLATE_NOOP("Quality", "补录过晚"),
    "clock": QT_TRANSLATE_NOOP("Quality", "电脑时钟有误"),
}


@dataclass(frozen=True)
class QualityRules:
    """The report's thresholds (a township may adjust them)."""

    late_days: int = 30  # 补录: saved more than this many days after the visit date
    burst_visits: int = 10  # this many visits saved by one user ...
    burst_minutes: int = 10  # ... within this many minutes is not how visits are entered
    clock_days: int = 1  # a saving time this far off is a wrong clock, not a time zone


DEFAULT = QualityRules()


@dataclass(frozen=True)
class Finding:
    kind: str
    village_code: str
    village_name: str
    doctor: str  # 随访医生, or the user who saved the visits
    resident_id: uuid.UUID | None
    archive_no: str
    name: str
    visit_id: uuid.UUID | None
    visit_date: dt.date | None
    detail: Message  # tuple parameters are lists of field labels

    def render_detail(self, translate: Translate | None = None) -> str:
        return render(self.detail, translate)

    def as_json(self, translate: Translate | None = None) -> dict:
        return {
            "kind": self.kind,
            "village": self.village_code,
            "doctor": self.doctor,
            "archive_no": self.archive_no,
            "name": self.name,
            "visit_date": self.visit_date.isoformat() if self.visit_date else None,
            "detail": self.render_detail(translate),
        }


@dataclass(frozen=True)
class SummaryRow:
    village_code: str
    village_name: str
    kind: str
    count: int


@dataclass(frozen=True)
class QualityReport:
    period: Period
    rules: QualityRules
    today: dt.date
    villages: tuple[tuple[str, str], ...]  # (code, name) of every village covered
    visits: int  # visits in the period that were checked
    findings: tuple[Finding, ...]

    def summary(self) -> list[SummaryRow]:
        """Counts per village and kind (kinds without findings left out), villages by code."""
        counts = Counter((f.village_code, f.kind) for f in self.findings)
        names = dict(self.villages)
        return [
            SummaryRow(code, names.get(code, ""), kind, counts[code, kind])
            for code, _name in self.villages
            for kind in KINDS
            if counts[code, kind]
        ]

    def by_doctor(self) -> list[tuple[str, str, str, int]]:
        """(village code, doctor, kind, count), by village, doctor and kind order."""
        counts = Counter((f.village_code, f.doctor, f.kind) for f in self.findings)
        order = {k: i for i, k in enumerate(KINDS)}
        return sorted(
            ((v, d, k, n) for (v, d, k), n in counts.items()), key=lambda r: (r[0], r[1], order[r[2]])
        )

    def of_village(self, code: str) -> list[Finding]:
        return [f for f in self.findings if f.village_code == code]


def render(message: Message, translate: Translate | None = None) -> str:
    """A detail in the reader's language (:meth:`Message.render`: tuple parameters are field
    labels, each translated and joined)."""
    return message.render(translate) if translate is not None else message.render()


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


# --------------------------------------------------------------------------- the report


@dataclass
class _Visit:
    """One visit as the rules read it (a plain row: 100k of them for a township year; ids as hex)."""

    id: str
    enrolment_id: str
    resident_id: str
    program: str
    visit_date: dt.date
    outcome: str
    doctor: str
    created_at: dt.datetime | None
    created_by: str | None
    enrolled_on: dt.date
    name: str
    archive_no: str
    village_id: str
    status: str
    status_date: dt.date | None
    enrolment_status: str  # program_status: 1 在管, else ended (迁出, 失访, 死亡 …) on enrolment_ended
    enrolment_ended: dt.date | None
    created_clock: int  # wall-clock ms of the hybrid clock the row was made with (0: unknown)
    values: dict  # the programme's mandatory fields, and the method


def _fields() -> tuple[str, ...]:
    """Every field a programme makes mandatory, once, and the visit's method, which decides which
    of them its visit must carry (the query reads these columns)."""
    out: list[str] = ["method"]
    for names in followup.MANDATORY.values():
        out += [n for n in names if n not in out]
    return tuple(out)


@cache
def _measurements(program: str) -> tuple[str, ...]:
    """The programme's mandatory measurements (what copying forward repeats)."""
    return tuple(n for n in followup.MANDATORY[program] if n in followup.RANGES)


def _village_scope(session: Session, village_code: str | None) -> dict[uuid.UUID, Village]:
    """The villages covered: the one asked for, or every village the actor may read here."""
    if get_profile(session).role == VILLAGE and village_code is None:
        village_code = get_profile(session).code
    q = select(Village)
    if village_code is not None:
        village_code = village_code.strip()
        q = q.where(Village.code == village_code)
    clause = authz.village_clause(session, Village.id)
    if clause is not None:
        q = q.where(clause)
    villages = {v.id: v for v in session.scalars(q.order_by(Village.code))}
    if village_code is not None and not villages:
        authz.refused_unseen(session, village_code, "quality_report")
        raise NotFound(
            Message(CTX, QT_TRANSLATE_NOOP("Quality", "没有可查看的村：{code}"), {"code": village_code})
        )
    return villages


def _hex(value) -> str | None:
    """A UUID column read raw (16 bytes on SQLite; a UUID from some drivers) as hex text."""
    return id_hex(value)


def _raw(column):
    """The column without SQLAlchemy's UUID processing: 100k+ rows read raw, UUIDs made only for findings."""
    return type_coerce(column, String)


def _load(session: Session, period: Period, village_ids: list | None, history_days: int) -> list[_Visit]:
    """The visits of the period (and ``history_days`` before it, for copying forward) of
    ``village_ids`` (None: every village)."""
    V, E, R = FollowupVisit, ProgramEnrolment, Resident
    fields = _fields()
    q = (
        select(
            _raw(V.id),
            _raw(V.enrolment_id),
            _raw(V.resident_id),
            V.program,
            V.visit_date,
            V.outcome,
            V.doctor,
            V.created_at,
            _raw(V.created_by),
            E.enrolled_on,
            R.name,
            R.archive_no,
            _raw(R.village_id),
            R.status,
            R.status_date,
            E.status,
            E.status_date,
            V.sync_clocks,  # (its "_": the clock the row was made with, bounded by sync)
            *(getattr(V, f) for f in fields),
        )
        .join(E, E.id == V.enrolment_id)
        .join(R, R.id == V.resident_id)
        .where(
            V.voided.is_(False),
            V.visit_date >= period.start - dt.timedelta(days=history_days),
            V.visit_date <= period.end + dt.timedelta(days=3660),  # future-dated visits are findings too
        )
    )
    if village_ids is not None:
        q = q.where(R.village_id.in_(village_ids))
    hidden = authz.sensitive_clause(session, E)
    if hidden is not None:
        q = q.where(hidden)
    out = []
    for row in session.connection().execute(q):  # plain rows: no ORM bookkeeping per row
        vid, eid, rid, program, day, outcome, doctor, created_at, by = row[:9]
        out.append(
            _Visit(
                _hex(vid),
                _hex(eid),
                _hex(rid),
                program,
                day,
                outcome,
                doctor or "",
                created_at,
                _hex(by),
                *row[9:12],
                _hex(row[12]),
                row[13],
                row[14],
                row[15],
                row[16],
                capture.hlc_ms(((row[17] or {}).get("_") or [""])[0] or ""),
                dict(zip(fields, row[18:], strict=True)),
            )
        )
    return out


def quality_report(
    session: Session,
    period: Period,
    *,
    village_code: str | None = None,
    rules: QualityRules = DEFAULT,
    today: dt.date | None = None,
) -> QualityReport:
    """Every finding on the visits dated in ``period`` (future-dated ones too), for one village or
    every village the actor may read here."""
    if rules.late_days < 1 or rules.burst_visits < 2 or rules.burst_minutes < 1 or rules.clock_days < 1:
        raise _err(QT_TRANSLATE_NOOP("Quality", "质量规则的天数、次数和分钟数都应为正整数"))
    today = today or capture.trusted_today(session)
    villages = _village_scope(session, village_code)
    every = village_code is None and authz.village_clause(session, Village.id) is None
    visits = _load(session, period, None if every else list(villages), history_days=HISTORY_DAYS)
    users = {_hex(i): name for i, name in session.execute(select(User.id, User.display_name))}
    by_hex = {v.id.hex: v for v in villages.values()}
    current = period.start <= today <= period.end
    in_period = [
        v for v in visits if period.start <= v.visit_date <= period.end or (current and v.visit_date > today)
    ]
    findings: list[Finding] = []

    def add(kind: str, v: _Visit, template: str, doctor: str | None = None, **params) -> None:
        village = by_hex[v.village_id]
        findings.append(
            Finding(
                kind,
                village.code,
                village.name,
                v.doctor if doctor is None else doctor,
                uuid.UUID(v.resident_id),
                v.archive_no,
                v.name,
                uuid.UUID(v.id),
                v.visit_date,
                Message(CTX, template, params),
            )
        )

    _copied(visits, period, add)
    _bursts(in_period, rules, users, add)
    ahead = _clock(in_period, rules, users, add)
    _twice(in_period, add)
    for v in in_period:
        _dates(v, today, add)
        _missing(v, add)
        _late(v, rules, ahead, add)
    findings += _peer_clocks(session, villages, rules)
    order = {k: i for i, k in enumerate(KINDS)}
    findings.sort(key=lambda f: (f.village_code, order[f.kind], f.visit_date or dt.date.min, f.archive_no))
    return QualityReport(
        period,
        rules,
        today,
        tuple((v.code, v.name) for v in villages.values()),
        len(in_period),
        tuple(findings),
    )


def counts(
    session: Session, period: Period, village_ids: Iterable[uuid.UUID] | None = None
) -> dict[uuid.UUID, dict[str, int]]:
    """Findings per village (by id) and kind, for other reports (the indicators table shows them).
    ``village_ids``: None for every village the actor may read here."""
    report = quality_report(session, period)
    ids = {v.code: v.id for v in session.scalars(select(Village))}
    wanted = None if village_ids is None else set(village_ids)
    out: dict[uuid.UUID, dict[str, int]] = defaultdict(dict)
    for row in report.summary():
        vid = ids[row.village_code]
        if wanted is None or vid in wanted:
            out[vid][row.kind] = row.count
    return dict(out)


# --------------------------------------------------------------------------------- rules


def _copied(visits: list[_Visit], period: Period, add) -> None:
    """Each completed visit against the patient's completed visit before it: every measurement the
    form asks for present on both and equal (two or more of them) is copying forward, not measuring."""
    by_enrolment: dict[uuid.UUID, list[_Visit]] = defaultdict(list)
    for v in visits:
        if v.outcome == "done":
            by_enrolment[v.enrolment_id].append(v)
    for series in by_enrolment.values():
        series.sort(key=lambda v: v.visit_date)
        for before, v in zip(series, series[1:], strict=False):
            if not period.start <= v.visit_date <= period.end:
                continue
            names = _measurements(v.program)
            now = [v.values[n] for n in names]
            if sum(x is not None for x in now) < 2:
                continue
            if now == [before.values[n] for n in names]:
                shown = tuple(  # each value named: 收缩压 146、舒张压 82 …
                    Message(CTX, "{label} {value}", {"label": followup.field_label(n), "value": f"{x:g}"})
                    for n, x in zip(names, now, strict=True)
                    if x is not None
                )
                add(
                    "copied",
                    v,
                    QT_TRANSLATE_NOOP("Quality", "测量值与 {previous} 的上次随访完全相同：{values}"),
                    values=shown,
                    previous=before.visit_date.isoformat(),
                )


def _bursts(visits: list[_Visit], rules: QualityRules, users: dict, add) -> None:
    """Sliding window over each user's saving times: ``burst_visits`` saved within
    ``burst_minutes`` flags them all; overlapping windows make one burst."""
    window = dt.timedelta(minutes=rules.burst_minutes)
    by_user: dict[tuple, list[_Visit]] = defaultdict(list)
    for v in visits:
        if v.created_at is not None:
            by_user[v.village_id, v.created_by].append(v)
    for (_village, user), saved in by_user.items():
        saved.sort(key=lambda v: v.created_at)
        flagged = [False] * len(saved)
        j = 0
        for i in range(len(saved)):
            j = max(j, i)
            while j + 1 < len(saved) and saved[j + 1].created_at - saved[i].created_at <= window:
                j += 1
            if j - i + 1 >= rules.burst_visits:
                for k in range(i, j + 1):
                    flagged[k] = True
        i = 0
        while i < len(saved):
            if not flagged[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(saved) and flagged[j + 1]:
                j += 1
            run = saved[i : j + 1]
            first, last = run[0].created_at, run[-1].created_at
            minutes = max(1, round((last - first).total_seconds() / 60))
            who = users.get(user) or run[0].doctor
            for v in run:
                add(
                    "burst",
                    v,
                    QT_TRANSLATE_NOOP("Quality", "{user} 在 {minutes} 分钟内保存了 {n} 次随访（{start} 起）"),
                    doctor=who,
                    user=who,
                    minutes=minutes,
                    n=len(run),
                    # this PC's local time, as the 审计 page shows the same saves
                    start=local_time(first),
                )
            i = j + 1


def _dates(v: _Visit, today: dt.date, add) -> None:
    if v.visit_date > today:
        add(
            "future",
            v,
            QT_TRANSLATE_NOOP("Quality", "随访日期 {date} 晚于今天（{today}）"),
            date=v.visit_date.isoformat(),
            today=today.isoformat(),
        )
    if v.visit_date < v.enrolled_on:
        add(
            "before_enrolment",
            v,
            QT_TRANSLATE_NOOP("Quality", "随访日期 {date} 早于纳入管理日期 {enrolled}"),
            date=v.visit_date.isoformat(),
            enrolled=v.enrolled_on.isoformat(),
        )
    if (
        v.enrolment_status != ACTIVE
        and v.enrolment_ended is not None
        and v.visit_date > v.enrolment_ended
        and not (v.status == DIED and v.status_date is not None and v.visit_date > v.status_date)
    ):
        add(
            "contradicts",
            v,
            QT_TRANSLATE_NOOP("Quality", "随访日期 {date} 晚于结束管理的日期 {ended}"),
            date=v.visit_date.isoformat(),
            ended=v.enrolment_ended.isoformat(),
        )
    if v.status == DIED and v.status_date is not None and v.visit_date > v.status_date:
        add(
            "after_death",
            v,
            QT_TRANSLATE_NOOP("Quality", "随访日期 {date} 晚于死亡日期 {died}"),
            date=v.visit_date.isoformat(),
            died=v.status_date.isoformat(),
        )


def _twice(visits: list[_Visit], add) -> None:
    """Two visits of one programme on one day, neither voided: each PC corrected the same visit (or
    recorded the same one) before they met; the later made is named, beside the other's date."""
    seen: dict[tuple[str, dt.date], _Visit] = {}
    for v in sorted(visits, key=lambda v: (v.created_clock, v.id)):
        key = (v.enrolment_id, v.visit_date)
        first = seen.setdefault(key, v)
        if first is not v and v.outcome == first.outcome == "done":
            add(
                "contradicts",
                v,
                QT_TRANSLATE_NOOP(
                    "Quality", "{date} 有两条随访记录（另一条的随访医生：{by}）：请作废错的一条"
                ),
                date=v.visit_date.isoformat(),
                by=first.doctor or "?",
            )


def _missing(v: _Visit, add) -> None:
    if v.outcome != "done":
        return
    values = v.values
    missing = tuple(
        followup.field_label(n)
        for n in followup.mandatory(v.program, values["method"])
        if values[n] is None or values[n] == ""
    )
    if missing:
        add("missing", v, QT_TRANSLATE_NOOP("Quality", "缺少必填项：{fields}"), fields=missing)


def _late(v: _Visit, rules: QualityRules, ahead: set[str], add) -> None:
    if v.created_at is None or v.id in ahead:
        return
    days = (v.created_at.date() - v.visit_date).days
    if days > rules.late_days:
        add(
            "late",
            v,
            QT_TRANSLATE_NOOP("Quality", "随访日期 {date}，{days} 天后才录入（{saved}）"),
            date=v.visit_date.isoformat(),
            days=days,
            saved=v.created_at.date().isoformat(),
        )


def _clock(visits: list[_Visit], rules: QualityRules, users: dict, add) -> set[str]:
    """One finding per village PC user whose saving times show a wrong clock: saved before the day
    the visit records (behind), or past the row's own sync clock (ahead).  Returns the ids of the
    visits saved ahead (their "late" entry is the clock's doing)."""
    margin = dt.timedelta(days=rules.clock_days)
    behind: dict[tuple, list[tuple[float, _Visit]]] = defaultdict(list)
    ahead: dict[tuple, list[tuple[float, _Visit]]] = defaultdict(list)
    for v in visits:
        if v.created_at is None:
            continue
        start = dt.datetime.combine(v.visit_date, dt.time())
        if v.created_at < start - margin:
            behind[v.village_id, v.created_by].append(((start - v.created_at).total_seconds() / 86400, v))
        if v.created_clock:
            logged = dt.datetime.fromtimestamp(v.created_clock / 1000, dt.UTC).replace(tzinfo=None)
            if v.created_at > logged + margin:
                ahead[v.village_id, v.created_by].append(((v.created_at - logged).total_seconds() / 86400, v))
    for groups, template in (
        (
            behind,
            QT_TRANSLATE_NOOP("Quality", "电脑时钟慢：{n} 次随访的保存时间早于随访日期，最多早 {days} 天"),
        ),
        (
            ahead,
            QT_TRANSLATE_NOOP("Quality", "电脑时钟快：{n} 次随访的保存时间比同步时钟晚，最多晚 {days} 天"),
        ),
    ):
        for (_village, user), rows in groups.items():
            days, worst = max(rows, key=lambda r: r[0])
            who = users.get(user) or worst.doctor
            add("clock", worst, template, doctor=who, n=len(rows), days=round(days))
    return {v.id for rows in ahead.values() for _d, v in rows}


def _peer_clocks(session: Session, villages: dict[uuid.UUID, Village], rules: QualityRules) -> list[Finding]:
    """Village PCs whose last bundle here was sent from a clock more than ``clock_days`` ahead."""
    by_code = {v.code: v for v in villages.values()}
    out = []
    for p in session.scalars(select(Peer).where(Peer.role == VILLAGE, Peer.revoked_at.is_(None))):
        village = by_code.get(p.code)
        skew = p.clock_skew_ms or 0
        if village is None or skew <= rules.clock_days * capture.DAY_MS:
            continue
        out.append(
            Finding(
                "clock",
                village.code,
                village.name,
                "",
                None,
                "",
                "",
                None,
                None,
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Quality", "{device} 最近一次同步时，电脑时钟比本机快约 {days} 天"),
                    {"device": p.name, "days": round(skew / capture.DAY_MS)},
                ),
            )
        )
    return out
