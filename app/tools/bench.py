"""``cunyi bench``: the performance budgets, each measured against a raw baseline in the same run.

On a noisy shared machine only a ratio against a baseline measured in the same process (or
the same kind of subprocess) is trustworthy, so every metric reports its figure, its budget,
the baseline doing the same data work with plain tools, and the ratio.  Metrics whose
capability has not landed yet are listed as "not yet", never silently missing.

Figures of a subprocess (the GUI's start time and peak memory) are the child's own: its time since
the OS created it, and its peak resident memory since exec as it reports it (else as psutil polled
it), never a getrusage figure that carries the bench's own peak.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from app.db import MOVED, Store, connect_file, head_revision
from app.models.base import as_uuid, day_param, id_hex, id_param
from app.models.packing import unpack
from app.services import backup, profile
from app.services.records import search
from app.services.records.pinyin_keys import GIVEN_MARK, name_keys
from app.tools import demo

SCALES = {
    # residents, villages
    "village": (3_000, 1),
    "township": (60_000, 30),
    "county": (1_000_000, 300),
}
DATA_VERSION = 9  # bump when the demo generator changes what a cached store holds
QUERIES = 200
NOT_YET: list[str] = []
SYNC_CHANGES = {"village": 10_000, "township": 100_000, "county": 100_000}  # the figure is 100k
# sync.concurrent30: changes per village; sync.replacement: residents of the village brought back
NET_SIZES = {"village": (300, 300), "township": (5_000, 3_000), "county": (5_000, 3_000)}
Log = Callable[[str], None]


@dataclass
class Metric:
    name: str
    budget: str
    median_ms: float | None = None
    p95_ms: float | None = None
    per_s: float | None = None
    baseline_ms: float | None = None
    ratio: float | None = None
    ok: bool | None = None
    status: str = "measured"
    note: str = ""
    extra: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        out = {
            "median_ms": _r(self.median_ms),
            "p95_ms": _r(self.p95_ms),
            "per_s": _r(self.per_s),
            "budget": self.budget,
            "baseline_ms": _r(self.baseline_ms),
            "ratio": _r(self.ratio),
            "ok": self.ok,
            "status": self.status,
        }
        if self.note:
            out["note"] = self.note
        out.update(self.extra)
        return out


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def _stats(samples_ms: list[float]) -> tuple[float, float]:
    ordered = sorted(samples_ms)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def compared(name: str, budget: str, times: list[float], base: list[float], ok, **extra) -> Metric:
    """A metric from its timings and its baseline's, in ms; ``ok`` gets (median, p95)."""
    median, p95 = _stats(times)
    b_median, _ = _stats(base)
    return Metric(
        name,
        budget,
        median,
        p95,
        baseline_ms=b_median,
        ratio=median / b_median if b_median else None,
        ok=ok(median, p95),
        extra=extra,
    )


def machine() -> dict:
    cpu = ""
    with contextlib.suppress(OSError):
        lines = Path("/proc/cpuinfo").read_text().splitlines()
        cpu = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), "")
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "python": sys.version.split()[0],
        "platform": sys.platform,
        "date": dt.date.today().isoformat(),
    }


# ---------------------------------------------------------------- the store


def bench_store(scale: str, seed: int, log: Log) -> tuple[Path, float | None]:
    """A cached demo store for the scale (built once per seed, scale and schema)."""
    residents, villages = SCALES[scale]
    folder = (
        Path(tempfile.gettempdir()) / "cunyi-bench" / f"{scale}-s{seed}-r{head_revision()}-d{DATA_VERSION}"
    )
    ready = folder / ".ready"
    if ready.exists() and not _moved(folder / "cunyi.db"):
        log(f"reusing {folder}")
        return folder, None
    ready.unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cunyi.db").unlink(missing_ok=True)
    log(f"building a {scale} store ({residents:,} residents) in {folder} …")
    store = Store(f"sqlite:///{folder / 'cunyi.db'}")
    role, code = ("village", "110105001101") if scale == "village" else ("township", "110105001")
    with store.transaction() as s:
        profile.init_profile(s, role=role, code=code, name="基准村" if role == "village" else "基准乡")
    started = time.perf_counter()
    with store.transaction() as s:
        demo.generate_demo(s, residents, seed, villages=villages)
    per_s = residents / (time.perf_counter() - started)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    store.dispose()
    ready.write_text(f"{per_s:.0f}\n")
    return folder, per_s


def _moved(db: Path) -> bool:
    """Whether ``db`` was marked moved to a server (``migrate-store``): it takes no more writes,
    so the benches cannot use it (the PostgreSQL bench of an earlier version moved the cached
    store itself, and the GUI's children then stopped at the error it gives)."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as c:
            return c.execute("PRAGMA user_version").fetchone()[0] == MOVED
    except sqlite3.Error:
        return True  # unreadable: built again


STORE_BUDGET_BYTES = 150_000_000  # the township store (60k residents, 3 years of visits): issue 16


def store_sizes(db: Path) -> dict[str, int]:
    """Bytes of each table and index (SQLite's ``dbstat``), largest first."""
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as c:
        rows = c.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    return dict(rows)


def bench_store_size(db: Path, scale: str, log: Log) -> Metric:
    """``store.bytes_per_resident``: the store file over its residents, with where the bytes are
    and what one compressed automatic backup (and the 7 daily + 4 weekly kept) take.  Budget:
    the township store under 150 MB, i.e. 2,500 bytes a resident."""
    import zstandard

    residents = SCALES[scale][0]
    total = db.stat().st_size
    sizes = store_sizes(db)
    log("store: compressing a copy as the automatic backup does …")
    started = time.perf_counter()
    with open(db, "rb") as f:
        counter = _Counter()
        zstandard.ZstdCompressor(level=backup.ZSTD_LEVEL).copy_stream(f, counter)
    seconds = time.perf_counter() - started
    per_resident = total / residents
    budget = STORE_BUDGET_BYTES / SCALES["township"][0]
    return Metric(
        "store.bytes_per_resident",
        f"< {budget:,.0f} B/resident (township store < {STORE_BUDGET_BYTES // 1_000_000} MB)",
        baseline_ms=None,
        ok=per_resident < budget,
        note="size of the bench store's file; per_s = bytes per resident",
        per_s=per_resident,
        extra={
            "bytes_per_resident": round(per_resident),
            "store_mb": round(total / 1e6, 1),
            "tables_mb": {name: round(b / 1e6, 1) for name, b in list(sizes.items())[:15]},
            "backup_mb": round(counter.n / 1e6, 1),
            "backups_kept_mb": round(counter.n * (backup.DAILY_KEEP + backup.WEEKLY_KEEP) / 1e6, 1),
            "backup_compress_s": round(seconds, 1),
        },
    )


class _Counter:
    """A file-like sink that only counts what is written to it."""

    def __init__(self) -> None:
        self.n = 0

    def write(self, data) -> int:
        self.n += len(data)
        return len(data)


def encrypted_store(folder: Path, log: Log) -> tuple[Path, bytes]:
    """The bench store encrypted at rest (SQLCipher), beside the plain one, with its own device
    keys and store key: what ``init --encrypt`` or ``store encrypt`` leaves in a data folder."""
    from app.db import sqlite_backup
    from app.services import encryption
    from app.services.sync import keys

    enc = folder.with_name(folder.name + "-encrypted")
    ready = enc / ".ready"
    if ready.exists():
        return enc, encryption.read_key(enc / "keys")
    log(f"encrypting a copy into {enc} …")
    enc.mkdir(parents=True, exist_ok=True)
    (enc / "cunyi.db").unlink(missing_ok=True)
    (enc / "keys" / encryption.KEY_FILE).unlink(missing_ok=True)
    keys.create_keys(enc / "keys")
    key = encryption.create_key(enc / "keys")
    sqlite_backup(folder / "cunyi.db", enc / "cunyi.db", None, key)
    with connect_file(enc / "cunyi.db", key) as c:
        c.execute("ANALYZE")  # like the plain store (the export does not carry its statistics)
    ready.write_text("1\n")
    return enc, key


def encryption_cost(name: str, plain: list[float], encrypted: list[float]) -> Metric:
    """One metric measured alternately on the plain store and its encrypted copy (``plain`` and
    ``encrypted``: the medians of each round): the baseline is the plain figure of the same rounds,
    the ratio what encryption at rest costs (budget: under 20 %)."""
    median, p95 = _stats(encrypted)
    base = statistics.median(plain)
    ratio = median / base if base else None
    return Metric(
        f"{name}.encrypted",
        "≤ 1.2× plain",
        median,
        p95,
        baseline_ms=base,
        ratio=ratio,
        ok=ratio is not None and ratio <= 1.2,
        note=f"median of {len(encrypted)} rounds on the SQLCipher-encrypted copy, alternating with the "
        "plain store; baseline = the plain store's median of the same rounds",
    )


# ---------------------------------------------------------------- indicators


def bench_indicators(db: Path, runs: int = 5) -> list[Metric]:
    """Every registered indicator for last year (a full year of visits), per village and in total;
    and one drill-down list (the township's hypertension patients with reasons).  The baseline
    is the same data work in plain SQL: residents per village, and per hypertension and diabetes
    patient the face-to-face visit days and the year's latest readings."""
    from app.services.indicators import Period, engine

    store = Store(f"sqlite:///{db}", upgrade=False)
    period = Period.year(dt.date.today().year - 1)
    times, drill = [], []
    with store.session() as s:
        report = engine.evaluate(s, period)  # warm: imports, caches of SQLite pages
        for _ in range(runs):
            t = time.perf_counter()
            report = engine.evaluate(s, period)
            times.append((time.perf_counter() - t) * 1000)
        for _ in range(runs):
            t = time.perf_counter()
            lines = engine.drilldown(s, "htn_standard", period, "denominator")
            drill.append((time.perf_counter() - t) * 1000)
    store.dispose()
    raw = sqlite3.connect(db)
    args = (day_param(period.start), day_param(period.end))  # dates as the store holds them
    sql = [
        (
            "SELECT village_id, count(*) FROM resident WHERE voided = 0 AND enrolled_on <= ? GROUP BY village_id",
            args[1:],
        ),
        (
            "SELECT e.resident_id, count(DISTINCT CASE WHEN v.method IN ('1','2') THEN v.visit_date END), "
            "max(v.visit_date) FROM program_enrolment e JOIN followup_visit v ON v.resident_id = e.resident_id "
            "AND v.program = e.program AND v.voided = 0 AND v.outcome = 'done' AND v.visit_date BETWEEN ? AND ? "
            "WHERE e.voided = 0 GROUP BY e.resident_id, e.program",
            args,
        ),
    ]
    base, base_drill = [], []
    for _ in range(runs):
        t = time.perf_counter()
        for q, params in sql:
            raw.execute(q, params).fetchall()
        base.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        raw.execute(
            "SELECT r.archive_no, r.name, r.village_id FROM program_enrolment e JOIN resident r ON r.id = e.resident_id "
            "WHERE e.program = 'htn' AND e.voided = 0 ORDER BY r.village_id, r.archive_no"
        ).fetchall()
        base_drill.append((time.perf_counter() - t) * 1000)
    raw.close()
    return [
        compared(
            "report.indicators",
            "< 2 s (all indicators, a year)",
            times,
            base,
            lambda median, p95: p95 < 2000,
            indicators=len(report.results),
            villages=len(report.villages),
        ),
        compared(
            "report.drilldown",
            "< 300 ms (one list)",
            drill,
            base_drill,
            lambda median, p95: p95 < 300,
            rows=len(lines),
        ),
    ]


# ---------------------------------------------------------------- search


def _search_queries(db: Path, seed: int, key: bytes | None = None) -> dict[str, list[str]]:
    """200 realistic queries per kind, drawn from the residents in the store."""
    rng = random.Random(seed)
    with connect_file(db, key) as c:
        rows = c.execute(
            "SELECT name, id_number, archive_no FROM resident WHERE id_number IS NOT NULL"
        ).fetchall()
    picks = [rng.choice(rows) for _ in range(QUERIES)]
    return {
        "name": [name[1:] if len(name) > 2 else name for name, _, _ in picks],  # given name: many matches
        "pinyin": [name_keys(name)[0][: rng.randint(4, 8)] for name, _, _ in picks],
        "initials": [
            next(k for k in name_keys(name) if len(k) <= 4 and not k.startswith(GIVEN_MARK))
            for name, _, _ in picks
        ],
        "id4": [number[-4:] for _, number, _ in picks],
        "archive": [archive[-8:] for _, _, archive in picks],
    }


_BASELINE_SQL = {
    # the same data work with a plain LIKE over the same column (what a naive app would do)
    "name": "SELECT id FROM resident WHERE name LIKE ? LIMIT 50",
    "pinyin": "SELECT id FROM resident WHERE name_pinyin LIKE ? LIMIT 50",
    "initials": "SELECT resident_id FROM resident_search_key WHERE key LIKE ? LIMIT 50",
    "id4": "SELECT id FROM resident WHERE id_number LIKE ? LIMIT 50",
    "archive": "SELECT id FROM resident WHERE archive_no LIKE ? LIMIT 50",
}


def _baseline_pattern(kind: str, q: str) -> str:
    return {"name": f"%{q}%", "pinyin": f"{q}%", "initials": f"{q}%", "id4": f"%{q}", "archive": f"%{q}"}[
        kind
    ]


def bench_search(db: Path, scale: str, seed: int, key: bytes | None = None) -> list[Metric]:
    limit = 100.0 if scale == "county" else 30.0
    store = Store(f"sqlite:///{db}", upgrade=False, key=key)
    metrics = []
    raw = connect_file(db, key)
    try:
        for kind, queries in _search_queries(db, seed, key).items():
            with store.session() as s:
                for q in queries[:10]:  # warm the page cache like a doctor's second search
                    search.search_residents(s, q)
                times = []
                for q in queries:
                    t = time.perf_counter()
                    search.search_residents(s, q)
                    times.append((time.perf_counter() - t) * 1000)
            base = []
            for q in queries:
                t = time.perf_counter()
                raw.execute(_BASELINE_SQL[kind], (_baseline_pattern(kind, q),)).fetchall()
                base.append((time.perf_counter() - t) * 1000)
            median, p95 = _stats(times)
            b_median, _ = _stats(base)
            metrics.append(
                Metric(
                    f"search.{kind}",
                    f"p95 < {limit:.0f} ms",
                    median,
                    p95,
                    baseline_ms=b_median,
                    ratio=median / b_median if b_median else None,
                    ok=p95 < limit,
                )
            )
    finally:
        raw.close()
        store.dispose()
    return metrics


# ---------------------------------------------------------------- demo generation


def bench_demo(seed: int, n: int = 5_000) -> Metric:
    """Residents per second into a fresh village store, against raw executemany of the same rows."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'd.db'}")
        with store.transaction() as s:
            profile.init_profile(s, role="village", code="110105001101", name="基准村")
        t = time.perf_counter()
        with store.transaction() as s:
            demo.generate_demo(s, n, seed)
        seconds = time.perf_counter() - t
        with sqlite3.connect(Path(tmp) / "d.db") as c:
            cols = [r[1] for r in c.execute("PRAGMA table_info(resident)")]
            rows = c.execute(f"SELECT {', '.join(cols)} FROM resident").fetchall()
        store.dispose()
        plain = sqlite3.connect(Path(tmp) / "plain.db")
        plain.execute(f"CREATE TABLE resident ({', '.join(cols)})")
        t = time.perf_counter()
        with plain:
            plain.executemany(f"INSERT INTO resident VALUES ({', '.join('?' * len(cols))})", rows)
        base = time.perf_counter() - t
        plain.close()
    per_s = n / seconds
    return Metric(
        "demo.generate",
        "≥ 1,000 residents/s",
        per_s=per_s,
        baseline_ms=base * 1000,
        ratio=seconds / base if base else None,
        ok=per_s >= 1000,
        note=f"{n} residents: {seconds * 1000:.0f} ms; baseline inserts the same resident rows only",
    )


# ---------------------------------------------------------------- follow-up


def bench_worklist(db: Path, runs: int = 20, key: bytes | None = None) -> Metric:
    """The overdue list of every village, against a plain query over the same enrolment columns."""
    from app.services.programmes import worklist

    store = Store(f"sqlite:///{db}", upgrade=False, key=key)
    today = dt.date.today()
    times = []
    with store.session() as s:
        worklist.worklist(s, "overdue", today=today)
        for _ in range(runs):
            t = time.perf_counter()
            rows = worklist.worklist(s, "overdue", today=today)
            times.append((time.perf_counter() - t) * 1000)
    store.dispose()
    raw = connect_file(db, key)
    base = []
    sql = (
        "SELECT e.id, r.name, e.next_due FROM program_enrolment e JOIN resident r ON r.id = e.resident_id "
        "WHERE e.status = '1' AND e.next_due < ? ORDER BY e.next_due"
    )
    for _ in range(runs):
        t = time.perf_counter()
        raw.execute(sql, (day_param(today),)).fetchall()
        base.append((time.perf_counter() - t) * 1000)
    raw.close()
    return compared(
        "worklist.overdue", "< 100 ms", times, base, lambda median, p95: p95 < 100, rows=len(rows)
    )


def bench_quality(db: Path, runs: int = 3) -> Metric:
    """The quality report for this year over every village, against a plain read of the same
    visits' columns (the report's own query is one join; the rest is rules in Python)."""
    from app.services.indicators import Period
    from app.services.quality import report as quality

    store = Store(f"sqlite:///{db}", upgrade=False)
    year = dt.date.today().year
    times, found = [], 0
    with store.session() as s:
        for _ in range(runs):
            t = time.perf_counter()
            found = len(quality.quality_report(s, Period.year(year)).findings)
            times.append((time.perf_counter() - t) * 1000)
    store.dispose()
    raw = sqlite3.connect(db)
    sql = (
        "SELECT v.id, v.enrolment_id, v.visit_date, v.sbp, v.dbp, v.heart_rate, v.weight, v.glucose, "
        "v.adherence, v.next_due, v.doctor, v.created_at, e.enrolled_on, r.name, r.village_id "
        "FROM followup_visit v JOIN program_enrolment e ON e.id = v.enrolment_id "
        "JOIN resident r ON r.id = v.resident_id WHERE v.voided = 0 AND v.visit_date >= ?"
    )
    base = []
    for _ in range(runs):
        t = time.perf_counter()
        raw.execute(sql, (f"{year - 2}-11-27",)).fetchall()
        base.append((time.perf_counter() - t) * 1000)
    raw.close()
    return compared("report.quality", "< 5 s", times, base, lambda median, p95: p95 < 5000, findings=found)


def bench_followup_save(db: Path, n: int = 60, key: bytes | None = None) -> Metric:
    """Validate + rules + write + commit one visit, on a copy of the store; baseline: a raw INSERT + commit."""
    from app.db import sqlite_backup
    from app.models import ProgramEnrolment
    from app.services.programmes import followup

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        sqlite_backup(db, copy, key)
        store = Store(f"sqlite:///{copy}", upgrade=False, key=key)
        today = dt.date.today()
        with store.session() as s:
            from sqlalchemy import select

            patients = s.execute(
                select(ProgramEnrolment.resident_id, ProgramEnrolment.program)
                .where(ProgramEnrolment.status == "1", ProgramEnrolment.last_visit < today)
                .limit(n)
            ).all()
        times = []
        rng = random.Random(5)
        for resident_id, program in patients:
            measurements = {"sbp": str(rng.randint(118, 165)), "dbp": str(rng.randint(70, 98))}
            if program == "t2dm":
                measurements["glucose"] = f"{rng.uniform(5.5, 9.5):.1f}"
            inp = followup.VisitInput(
                program=program, visit_date=today.isoformat(), measurements=measurements, confirmed=True
            )
            t = time.perf_counter()
            with store.transaction() as s:
                from app.models import Resident

                followup.save_visit(s, s.get(Resident, resident_id), inp, today=today)
            times.append((time.perf_counter() - t) * 1000)
        store.dispose()
        raw = connect_file(copy, key)
        raw.execute("PRAGMA synchronous=FULL")
        cols = [r[1] for r in raw.execute("PRAGMA table_info(followup_visit)")]
        row = raw.execute(f"SELECT {', '.join(cols)} FROM followup_visit LIMIT 1").fetchone()
        base = []
        for i in range(len(times)):
            values = list(row)
            values[cols.index("id")] = i.to_bytes(16, "big")  # an id as stored (16 bytes)
            t = time.perf_counter()
            with raw:
                raw.execute(
                    f"INSERT INTO followup_visit ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    values,
                )
            base.append((time.perf_counter() - t) * 1000)
        raw.close()
    return compared(
        "followup.save", "median < 15 ms", times, base, lambda median, p95: median < 15, saves=len(times)
    )


def _raw_pdf(pages: int, lines: list[str]) -> bytes:
    """The least a CJK PDF costs: the same embedded font, plain drawString, no layout."""
    import io

    from reportlab.pdfgen import canvas

    from app.services.printing.layout import FONT, register_font

    register_font()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, initialFontName=FONT)
    per_page = max(1, len(lines) // pages)
    for p in range(pages):
        c.setFont(FONT, 10)
        for i, line in enumerate(lines[p * per_page : (p + 1) * per_page]):
            c.drawString(40, 800 - 12 * (i % 60), line)
        c.showPage()
    c.save()
    return buffer.getvalue()


def bench_print(db: Path, runs: int = 20, cards: int = 500) -> list[Metric]:
    """A referral slip, and 500 follow-up cards as one PDF (10 a sheet, fronts and backs)."""
    from sqlalchemy import select

    from app.db import sqlite_backup
    from app.models import FollowupVisit, ProgramEnrolment, Referral
    from app.services import printing
    from app.services.printing import Labels
    from app.services.programmes import referral

    labels = Labels()
    metrics = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        sqlite_backup(db, copy)
        store = Store(f"sqlite:///{copy}", upgrade=False)
        with store.transaction() as s:
            # The demo data refers some of these patients itself: a slip for one the same day
            # would be refused as a duplicate, so the slip is for a patient with none open.
            referred = select(Referral.id).where(
                Referral.resident_id == FollowupVisit.resident_id, Referral.status.in_(referral.OPEN)
            )
            visit_id = s.scalar(
                select(FollowupVisit.id)
                .where(FollowupVisit.sbp >= 180, ~referred.exists())
                .order_by(FollowupVisit.visit_date.desc())
            )
            draft = referral.draft_from_visit(s, visit_id)
            draft.to_institution, draft.to_department = "乡镇卫生院", "内科"
            referral_id = referral.create_referral(s, draft).id
        with store.session() as s:
            printing.referral_pdf(s, referral_id, labels)  # font loaded once per process, as in the app
            times, base = [], []
            for _ in range(runs):
                t = time.perf_counter()
                slip = printing.referral_pdf(s, referral_id, labels)
                times.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                _raw_pdf(1, ["双向转诊单"] * 40)
                base.append((time.perf_counter() - t) * 1000)
            metrics.append(
                compared(
                    "print.referral", "< 150 ms", times, base, lambda m, p95: p95 < 150, kb=len(slip) // 1024
                )
            )
            ids = list(
                s.scalars(
                    select(ProgramEnrolment.resident_id)
                    .where(ProgramEnrolment.status == "1")
                    .distinct()
                    .limit(cards)
                )
            )
            times, base, size = [], [], 0
            for _ in range(3):
                t = time.perf_counter()
                size = len(printing.cards_pdf(s, ids, labels))
                times.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                _raw_pdf(len(ids) // 5, [f"随访卡 {i}" for i in range(len(ids) * 12)])
                base.append((time.perf_counter() - t) * 1000)
            metrics.append(
                compared(
                    "print.cards500",
                    "< 10 s and < 20 MB",
                    times,
                    base,
                    lambda m, p95: p95 < 10_000 and size < 20 * 2**20,
                    cards=len(ids),
                    size_mb=round(size / 2**20, 2),
                )
            )
        store.dispose()
    return metrics


def bench_resident_open(db: Path, n: int = 50, key: bytes | None = None) -> Metric:
    """What the resident page reads (record, household, programmes, every visit), for the patients
    with the most visits; baseline: a plain select of the same visit rows."""
    from sqlalchemy import func, select

    from app.models import FollowupVisit
    from app.services.programmes import followup
    from app.services.records import residents as records

    store = Store(f"sqlite:///{db}", upgrade=False, key=key)
    with store.session() as s:
        busiest = s.execute(
            select(FollowupVisit.resident_id, func.count().label("n"))
            .group_by(FollowupVisit.resident_id)
            .order_by(func.count().desc())
            .limit(n)
        ).all()
    times = []
    for resident_id, _count in busiest:
        t = time.perf_counter()
        with store.session() as s:
            r = records.get_resident(s, resident_id)
            records.household_members(s, r.household_id)
            _ = [c.code for c in r.choices]
            for e in followup.enrolments_of(s, resident_id):
                followup.visit_history(s, resident_id, e.program)
        times.append((time.perf_counter() - t) * 1000)
    store.dispose()
    raw = connect_file(db, key)
    base = []
    for resident_id, _count in busiest:
        t = time.perf_counter()
        raw.execute(
            "SELECT * FROM followup_visit WHERE resident_id = ? ORDER BY visit_date", (id_param(resident_id),)
        ).fetchall()
        base.append((time.perf_counter() - t) * 1000)
    raw.close()
    return compared(
        "resident.open",
        "< 50 ms (service level)",
        times,
        base,
        lambda median, p95: p95 < 50,
        visits_max=max(c for _, c in busiest) if busiest else 0,
    )


# ---------------------------------------------------------------- GUI (subprocesses, offscreen)

# Code every measured child runs first: its own clock and its own peak memory, with nothing from the
# app imported (a bare window that imported app.db would carry SQLAlchemy's import in its baseline).
#
# Peak memory is the child's own since exec, never a figure the bench process could leak into:
# ``getrusage`` is no use here, RUSAGE_CHILDREN is the maximum over every child and on Linux even
# RUSAGE_SELF of an exec'd child starts at the parent's peak (the kernel carries ``maxrss`` over
# fork and exec), so a bare window started from a 1 GB bench "peaked" at 1 GB.  Linux: VmHWM of the
# child's own address space (made new by exec); Windows: its PeakWorkingSetSize; elsewhere the child
# reports nothing and the bench uses the resident size it polled with psutil.
_PROBE_FUNCTIONS = r"""
import atexit as _atexit, os as _os, sys as _sys, time as _time

def _since_start(t0, linux=_sys.platform.startswith("linux")):
    # Seconds since the OS created this process.  Linux: clock ticks against uptime (psutil's
    # creation time there rests on a boot time in whole seconds); elsewhere psutil's creation time.
    if linux:
        try:
            with open("/proc/self/stat", encoding="ascii") as f:
                start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
            with open("/proc/uptime", encoding="ascii") as f:
                uptime = float(f.read().split()[0])
            return uptime - start_ticks / _os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            pass
    now = _time.time()
    try:
        import psutil
        return now - psutil.Process().create_time()
    except Exception:
        return _time.perf_counter() - t0

def _own_peak(linux=_sys.platform.startswith("linux")):
    # (MB, source) of this process's own peak resident memory since exec, or (None, "").
    if linux:
        try:
            with open("/proc/self/status", encoding="ascii") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024, "VmHWM"
        except (OSError, ValueError, IndexError):
            pass
    try:
        import psutil
        peak = getattr(psutil.Process().memory_info(), "peak_wset", None)
    except Exception:
        peak = None
    return (peak / 2**20, "peak_wset") if peak else (None, "")

def _report_own_peak():
    mb, source = _own_peak()
    if mb is not None:
        print(f"own peak: {mb:.1f} MB ({source})", flush=True)
"""
_CHILD_PROBE = _PROBE_FUNCTIONS + "_atexit.register(_report_own_peak)\n"
# The same functions in the bench process: since_process_start(t0), own_peak() -> (MB | None, source).
_probe: dict = {}
exec(compile(_PROBE_FUNCTIONS, "<bench child probe>", "exec"), _probe)
since_process_start: Callable[..., float] = _probe["_since_start"]
own_peak: Callable[..., tuple[float | None, str]] = _probe["_own_peak"]


_BARE_WINDOW = (
    _CHILD_PROBE
    + r"""
import sys, time
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1200, 760)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Paint:
            print(f"first paint: {_since_start(t0) * 1000:.0f} ms"); QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""
)

# ``python -m app ARGS`` with the probe in front, for the memory run (the GUI's own "peak rss" line
# comes from getrusage and is not used).
_APP_WITH_PROBE = (
    _CHILD_PROBE
    + r"""
import runpy, sys
sys.argv[:] = ["app", *sys.argv[1:]]
runpy.run_module("app", run_name="__main__", alter_sys=True)
"""
)


@dataclass
class Child:
    """What one measured subprocess printed, and its peak memory as the child itself saw it."""

    stdout: str
    peak_mb: float  # the child's own report, else the maximum the bench polled
    peak_source: str  # "VmHWM", "peak_wset" or "polled rss"
    polled_peak_mb: float  # psutil rss of the child, polled every few ms: a floor, not the peak


def run_child(args: list[str], *, timeout: float = 300, poll_s: float = 0.005) -> Child:
    """``python ARGS`` offscreen, watched with psutil until it exits; raises if it fails."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    # Byte-code cached as an installed copy has it (the first run writes it): a shell that says
    # not to write it (PYTHONDONTWRITEBYTECODE) had every start compile the app's sources again,
    # 0.3–0.4 s of a 1.4 s start that no user's PC pays.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = [sys.executable, *args]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        # Popen returns once the child has exec'd, so every poll sees the child's own memory.
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        polled = 0
        deadline = time.monotonic() + timeout
        try:
            try:
                watched = psutil.Process(proc.pid)
            except psutil.Error:  # already gone: nothing to poll
                watched = None
            while proc.poll() is None:
                with contextlib.suppress(psutil.Error):
                    polled = max(polled, watched.memory_info().rss) if watched else polled
                if time.monotonic() > deadline:
                    raise subprocess.TimeoutExpired(cmd, timeout)
                time.sleep(poll_s)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd, stdout, stderr)
    polled_mb = polled / 2**20
    own = re.search(r"own peak: ([\d.]+) MB \((\w+)\)", stdout)
    if own:  # VmHWM is brought up to date lazily; a higher polled figure is the child's too
        return Child(stdout, max(float(own.group(1)), polled_mb), own.group(2), polled_mb)
    return Child(stdout, polled_mb, "polled rss", polled_mb)


def _number(pattern: str, text: str) -> float:
    m = re.search(pattern, text)
    if not m:
        raise RuntimeError(f"benchmark subprocess printed no {pattern!r}: {text!r}")
    return float(m.group(1))


def bench_gui(folder: Path, runs: int = 5) -> list[Metric]:
    app = ["-m", "app", "--data-dir", str(folder), "gui", "--smoke"]
    starts, bare, bare_peaks = [], [], []
    run_child(app)  # warm byte-code and page cache
    for _ in range(runs):
        # The GUI's first paint as it reports it (app.views.startup, time since process creation).
        starts.append(_number(r"first paint: (\d+)", run_child(app).stdout))
        window = run_child(["-c", _BARE_WINDOW])
        bare.append(_number(r"first paint: (\d+)", window.stdout))
        bare_peaks.append(window.peak_mb)
    median, p95 = _stats(starts)
    b_median, _ = _stats(bare)
    ratio = median / b_median if b_median else None
    cold = Metric(
        "gui.cold_start",
        "< 2500 ms and ≤ 2× bare window",
        median,
        p95,
        baseline_ms=b_median,
        ratio=ratio,
        ok=p95 < 2500 and (ratio or 0) <= 2,
    )
    gui = run_child(
        ["-c", _APP_WITH_PROBE, "--data-dir", str(folder), "gui", "--smoke", "--scroll-residents"]
    )
    bare_rss = statistics.median(bare_peaks)
    memory = Metric(
        "gui.rss",
        "< 400 MB",
        baseline_ms=None,
        ratio=gui.peak_mb / bare_rss if bare_rss else None,
        ok=gui.peak_mb < 400,
        note="peak resident memory of the GUI child itself since exec (not getrusage, which carries "
        "the bench's own peak into its children)",
        extra={
            "peak_mb": round(gui.peak_mb, 1),
            "baseline_mb": round(bare_rss, 1),
            "rows_loaded": int(_number(r"rows loaded: (\d+)", gui.stdout)),
            "peak_source": gui.peak_source,
            "polled_peak_mb": round(gui.polled_peak_mb, 1),
            "bench_process_peak_mb": _r(own_peak()[0]),
        },
    )
    return [cold, memory]


# ---------------------------------------------------------------- the run


IMPORT_ROUNDS = 3  # sync.import: the plain import and its baseline, taking turns


def bench_sync(
    seed: int, log: Log, changes: int = 100_000, *, encrypt: bool = False, pg_url: str | None = None
) -> list[Metric]:
    """A village with ``changes`` logged changes exports one bundle to its township, which imports
    it.  Baselines in the same run: export = the same log rows read, zstd-compressed and
    age-encrypted with no bundle logic; import = the same rows inserted with executemany into
    plain tables of the same schema in one transaction.  ``encrypt``: the same bundle is imported
    first into an encrypted twin of the township (same device, same keys), then into the plain one.
    ``pg_url`` (an empty PostgreSQL database): the same bundle is imported first into a twin of the
    township there (``pg.sync.import``, against the SQLite import as its baseline)."""
    import io

    import pyrage
    import zstandard

    from app.config import Paths
    from app.models import ChangeLog
    from app.services.sync import capture, exchange
    from app.services.sync import keys as device_keys

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        devices = {}
        for name, role, code in (("t", "township", "110105001"), ("v", "village", "110105001101")):
            paths = Paths(root / name).ensure()
            store = Store(f"sqlite:///{paths.db_file}")
            with store.transaction() as s:
                profile.init_profile(s, role=role, code=code, name=name)
            device_keys.create_keys(paths.sub("keys"))
            devices[name] = (paths, store, device_keys.load_keys(paths.sub("keys")))
        (tp, ts, tk), (vp, vs, _vk) = devices["t"], devices["v"]
        for a_store, (_bp, b_store, b_keys) in ((ts, devices["v"]), (vs, devices["t"])):
            with b_store.session() as s:
                card = device_keys.my_card(s, b_keys)
            with a_store.transaction() as s:
                device_keys.trust(s, card)
        log(f"sync: making a village with {changes:,} changes …")
        residents = max(100, int(changes / 5.3))
        with vs.transaction() as s:
            demo.generate_demo(s, residents, seed)
        t = time.perf_counter()
        with vs.transaction() as s:
            capture.log_untracked(s)  # the demo logs its own rows: usually nothing left to do
        capture_s = time.perf_counter() - t
        # export
        t = time.perf_counter()
        result = exchange.export_bundles(vs, vp, root / "usb")
        export_s = time.perf_counter() - t
        (bundle,) = [b for b in result.bundles if b.path]
        entity = capture.sqlite_travel(ChangeLog.__table__.c.entity)  # (a table's name as stored)
        with sqlite3.connect(vp.db_file) as c:
            rows = [  # as the bundle carries them: ids and clocks as hex, payloads as JSON text
                (
                    id_hex(o),
                    seq,
                    entity(e),
                    id_hex(r),
                    h.hex() if isinstance(h, bytes) else h,
                    sc,
                    id_hex(u),
                    unpack(d),
                )
                for o, seq, e, r, h, sc, u, d in c.execute(
                    "SELECT origin, seq, entity, row_id, hlc, scope, user_id, data FROM change_log"
                )
            ]
        with vs.session() as s:  # a change that made its row keeps no copy: the export reads the row
            made = capture.creation_payloads(
                s.connection(), [(r[2], as_uuid(r[3]), r[4]) for r in rows if r[7] is None]
            )
        rows = [r if r[7] is not None else (*r[:7], made[(r[2], as_uuid(r[3]))]) for r in rows]
        visit_lines = [r[7] for r in rows if r[2] == "followup_visit"]
        logged = len(rows)  # every change in the village's log, whoever wrote it
        t = time.perf_counter()
        plain = zstandard.ZstdCompressor(level=3).compress("\n".join(str(r) for r in rows).encode())
        out = io.BytesIO()
        pyrage.encrypt_io(io.BytesIO(plain), out, [pyrage.x25519.Recipient.from_str(tk.age_recipient)])
        export_base = time.perf_counter() - t
        per_visit = len(zstandard.ZstdCompressor(level=3).compress("\n".join(visit_lines).encode())) / max(
            1, len(visit_lines)
        )
        # import
        encrypted_s = None
        if encrypt:
            from app.db import sqlite_backup
            from app.services import encryption

            ep = Paths(root / "t-encrypted").ensure()
            shutil.copytree(tp.sub("keys"), ep.sub("keys"), dirs_exist_ok=True)
            sqlite_backup(tp.db_file, ep.db_file, None, encryption.create_key(ep.sub("keys")))
            es = Store(f"sqlite:///{ep.db_file}")
            (root / "copy").mkdir()
            copy = Path(shutil.copy(bundle.path, root / "copy" / bundle.path.name))
            t = time.perf_counter()
            (enc_outcome,) = exchange.import_path(es, ep, copy)
            encrypted_s = time.perf_counter() - t
            assert enc_outcome.applied, enc_outcome
            es.dispose()
        pg_s = None
        if pg_url:
            from app.services import store_copy

            # the township before the import, on the server: moved from a copy of its file (a store
            # moved to a server is marked so and takes no more writes; the rounds below use the file)
            source = Paths(root / "t-pg-source")
            shutil.copytree(tp.data_dir, source.data_dir)
            moving = Store(f"sqlite:///{source.db_file}")
            store_copy.migrate_store(moving, pg_url)
            moving.dispose()
            pp = Paths(root / "t-pg").ensure()
            shutil.copytree(tp.sub("keys"), pp.sub("keys"), dirs_exist_ok=True)
            ps = Store(pg_url)
            (root / "pg-copy").mkdir()
            copy = Path(shutil.copy(bundle.path, root / "pg-copy" / bundle.path.name))
            log(f"sync: importing {logged:,} changes into PostgreSQL …")
            t = time.perf_counter()
            (pg_outcome,) = exchange.import_path(ps, pp, copy)
            pg_s = time.perf_counter() - t
            assert pg_outcome.applied, pg_outcome
            ps.dispose()
        # The plain import and its baseline, in turns, each round into a copy of the township as it
        # was before any import: a median of rounds, not one figure, on a noisy machine.
        ts.dispose()
        import_times, base_times = [], []
        for i in range(IMPORT_ROUNDS):
            rp = Paths(root / f"t-round{i}")
            shutil.copytree(tp.data_dir, rp.data_dir)
            rs = Store(f"sqlite:///{rp.db_file}")
            (root / f"copy-{i}").mkdir()
            copy = Path(shutil.copy(bundle.path, root / f"copy-{i}" / bundle.path.name))
            t = time.perf_counter()
            (outcome,) = exchange.import_path(rs, rp, copy)
            import_times.append(time.perf_counter() - t)
            assert outcome.applied, outcome
            rs.dispose()
            if i == 0:
                with sqlite3.connect(rp.db_file) as c:
                    data = {n: c.execute(f"SELECT * FROM {n}").fetchall() for n in record_tables()}
            base_times.append(executemany_baseline(root / f"plain-{i}.db", data))
        import_s, import_base = statistics.median(import_times), statistics.median(base_times)
        # The baseline this metric used before (kept for comparison): the synced tables without
        # their child and derived rows, on a bare sqlite3 connection (no foreign keys, 2 MB cache).
        Store(f"sqlite:///{root / 'records-only.db'}").dispose()
        old_db = sqlite3.connect(root / "records-only.db")
        old_db.execute("PRAGMA journal_mode=WAL")
        old_db.execute("PRAGMA synchronous=FULL")
        t = time.perf_counter()
        with old_db:
            for n in capture.specs():
                if data[n] and n not in ("township", "village"):
                    old_db.executemany(
                        f"INSERT INTO {n} VALUES ({', '.join('?' * len(data[n][0]))})", data[n]
                    )
        records_only_base = time.perf_counter() - t
        old_db.close()
        vs.dispose()
    base_rows = sum(len(rows) for rows in data.values())
    note = f"{logged:,} changes from {residents:,} residents; bundle {bundle.bytes / 1e6:.1f} MB"
    return (
        [
            Metric(
                "sync.export",
                f"{changes // 1000}k changes < {3 * changes / 100_000:g} s",
                median_ms=export_s * 1000,
                p95_ms=export_s * 1000,
                baseline_ms=export_base * 1000,
                ratio=export_s / export_base if export_base else None,
                ok=export_s < 3 * changes / 100_000,
                note=note,
                extra={
                    "changes": logged,
                    "bundle_bytes": bundle.bytes,
                    "bytes_per_change": round(bundle.bytes / max(1, logged), 1),
                    "bytes_per_followup_change": round(per_visit, 1),
                    "capture_backfill_ms": round(capture_s * 1000),
                },
            ),
            Metric(
                "sync.import",
                f"{changes // 1000}k changes < {6 * changes / 100_000:g} s and < 3× executemany of the same rows",
                median_ms=import_s * 1000,
                p95_ms=max(import_times) * 1000,
                baseline_ms=import_base * 1000,
                ratio=import_s / import_base if import_base else None,
                ok=import_s < 6 * changes / 100_000 and import_s < 3 * import_base,
                note=f"median of {IMPORT_ROUNDS} rounds, each into a copy of the township as it was, "
                f"taking turns with its baseline; applied {outcome.applied:,} of {outcome.ops:,}; "
                f"baseline: the {base_rows:,} rows the import "
                "left in the records' tables, their child rows (ticked boxes) and derived rows (search keys), "
                "inserted with executemany in one transaction into a fresh store made by the app (same schema, "
                "indexes and triggers) on a connection set up as the store's (foreign keys on, WAL, "
                "synchronous=FULL) with the import's bulk pragmas (deferred foreign keys, 64 MB cache)",
                extra={
                    "changes": outcome.ops,
                    "rounds_ms": [round(x * 1000) for x in import_times],
                    "baseline_rounds_ms": [round(x * 1000) for x in base_times],
                    "baseline_rows": base_rows,
                    "baseline_records_only_ms": round(records_only_base * 1000),
                    "ratio_to_records_only": round(import_s / records_only_base, 2)
                    if records_only_base
                    else None,
                },
            ),
        ]
        + ([encryption_cost("sync.import", [import_s * 1000], [encrypted_s * 1000])] if encrypted_s else [])
        + (
            [
                Metric(
                    "pg.sync.import",
                    f"{changes // 1000}k changes < {10 * changes / 100_000:g} s on PostgreSQL",
                    median_ms=pg_s * 1000,
                    p95_ms=pg_s * 1000,
                    baseline_ms=import_s * 1000,
                    ratio=pg_s / import_s if import_s else None,
                    ok=pg_s < 10 * changes / 100_000,
                    note=f"applied {pg_outcome.applied:,} of {pg_outcome.ops:,}; baseline: the same bundle "
                    "imported into the same township on SQLite",
                    extra={"changes": pg_outcome.ops},
                )
            ]
            if pg_s is not None
            else []
        )
    )


def record_tables() -> list[str]:
    """The tables a bundle's records land in, parents first: the synced ones, and those whose rows
    hang off a synced row (a resident's ticked boxes, the search keys derived from its name).
    Tables a trigger fills are left to the trigger."""
    from app.models import Base
    from app.services.sync import capture

    synced = {spec.table.name for spec in capture.specs().values()}
    return [
        t.name
        for t in Base.metadata.sorted_tables
        if t.name in synced or any(fk.column.table.name in synced for fk in t.foreign_keys)
    ]


def executemany_baseline(db: Path, rows: dict[str, list[tuple]]) -> float:
    """Seconds to insert ``rows`` ({table: rows as SELECT * reads them}) with one executemany a
    table, in one transaction, into a fresh store at ``db`` made by the app (the same schema,
    indexes and triggers), on a connection the store's engine set up (foreign keys on, WAL,
    synchronous=FULL) under the pragmas a bundle is applied with: the import minus everything
    but the inserts."""
    from app.services.sync import merge

    store = Store(f"sqlite:///{db}")
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        t = time.perf_counter()
        cur.execute("BEGIN")
        for pragma in merge.SQLITE_BULK_PRAGMAS:
            cur.execute(pragma)
        for name, data in rows.items():
            if data:
                cur.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * len(data[0]))})", data)
        cur.execute("COMMIT")
        return time.perf_counter() - t
    finally:
        raw.close()
        store.dispose()


def run_bench(
    scale: str = "township",
    *,
    only: list[str] | None = None,
    seed: int = 1,
    encrypt: bool = False,
    log: Log = lambda _m: None,
) -> dict:
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}")
    wanted = (
        (lambda name: any(name == o or name.startswith(o + ".") for o in only)) if only else (lambda _n: True)
    )
    started = time.perf_counter()
    folder, built_per_s = bench_store(scale, seed, log)

    def clean_heap() -> None:
        # Each metric starts from a collected heap: objects the earlier metrics left alive in this
        # process would otherwise make a full collection land inside a later metric's timings.
        gc.collect()
        gc.freeze()

    metrics: list[Metric] = []
    if wanted("store.bytes_per_resident"):
        metrics.append(bench_store_size(folder / "cunyi.db", scale, log))
    clean_heap()
    if any(wanted(f"search.{k}") for k in _BASELINE_SQL):
        log("search …")
        metrics += [m for m in bench_search(folder / "cunyi.db", scale, seed) if wanted(m.name)]
    clean_heap()
    if wanted("demo.generate"):
        log("demo.generate …")
        m = bench_demo(seed)
        if built_per_s:
            m.extra["store_build_per_s"] = round(built_per_s)
        metrics.append(m)
    clean_heap()
    if wanted("worklist.overdue"):
        log("worklist …")
        metrics.append(bench_worklist(folder / "cunyi.db"))
    clean_heap()
    if wanted("followup.save"):
        log("followup.save …")
        metrics.append(bench_followup_save(folder / "cunyi.db"))
    clean_heap()
    if wanted("resident.open"):
        log("resident.open …")
        metrics.append(bench_resident_open(folder / "cunyi.db"))
    clean_heap()
    if wanted("report.quality"):
        log("report.quality …")
        metrics.append(bench_quality(folder / "cunyi.db"))
    clean_heap()
    if wanted("print.referral") or wanted("print.cards500"):
        log("print …")
        metrics += [m for m in bench_print(folder / "cunyi.db") if wanted(m.name)]
    clean_heap()
    if wanted("report.indicators") or wanted("report.drilldown"):
        log("report …")
        metrics += [m for m in bench_indicators(folder / "cunyi.db") if wanted(m.name)]
    clean_heap()
    if wanted("sync.export") or wanted("sync.import"):
        log("sync …")
        metrics += [m for m in bench_sync(seed, log, SYNC_CHANGES[scale], encrypt=encrypt) if wanted(m.name)]
    from app.tools import netbench

    if any(wanted(n) for n in netbench.METRICS):
        per_village, replacement = NET_SIZES[scale]
        metrics += netbench.bench_network(
            seed,
            SYNC_CHANGES[scale],
            log,
            per_village=per_village,
            replacement_residents=replacement,
            wanted=wanted,
        )
    if wanted("gui.cold_start") or wanted("gui.rss"):
        log("gui …")
        metrics += [m for m in bench_gui(folder) if wanted(m.name)]
    if encrypt:
        metrics += bench_encrypted(folder, scale, seed, wanted, log, clean_heap)
    for name in NOT_YET:
        if wanted(name):
            metrics.append(Metric(name, "", status="not yet", note="capability not landed yet"))
    return {
        "scale": scale,
        "residents": SCALES[scale][0],
        "machine": machine(),
        "seconds": round(time.perf_counter() - started, 1),
        "metrics": {m.name: m.as_json() for m in metrics},
    }


ENCRYPTED_ROUNDS = 3


def bench_encrypted(
    folder: Path,
    scale: str,
    seed: int,
    wanted: Callable[[str], bool],
    log: Log,
    clean_heap: Callable[[], None],
) -> list[Metric]:
    """The store metrics on the plain store and on an encrypted copy of it, alternately, round by
    round (a busy machine slows both alike), and the GUI's cold start likewise, child by child."""
    enc, key = encrypted_store(folder, log)
    plain_db, enc_db = folder / "cunyi.db", enc / "cunyi.db"
    runs: list[tuple[str, Callable[[Path, bytes | None], list[Metric]]]] = [
        ("search", lambda db, k: bench_search(db, scale, seed, k)),
        ("worklist.overdue", lambda db, k: [bench_worklist(db, key=k)]),
        ("followup.save", lambda db, k: [bench_followup_save(db, key=k)]),
        ("resident.open", lambda db, k: [bench_resident_open(db, key=k)]),
    ]
    out = []
    for label, run in runs:
        if not wanted(label) and not any(wanted(f"{label}.{kind}") for kind in _BASELINE_SQL):
            continue
        log(f"{label}: plain and encrypted, {ENCRYPTED_ROUNDS} rounds …")
        plain: dict[str, list[float]] = {}
        encrypted: dict[str, list[float]] = {}
        for _ in range(ENCRYPTED_ROUNDS):
            for db, k, into in ((plain_db, None, plain), (enc_db, key, encrypted)):
                clean_heap()
                for m in run(db, k):
                    into.setdefault(m.name, []).append(m.median_ms)
        out += [encryption_cost(name, plain[name], encrypted[name]) for name in plain if wanted(name)]
    if wanted("gui.cold_start"):
        log("gui.cold_start: plain and encrypted, alternately …")
        starts: dict[Path, list[float]] = {folder: [], enc: []}
        for data in starts:
            run_child(["-m", "app", "--data-dir", str(data), "gui", "--smoke"])  # warm both
        for _ in range(5):
            for data, times in starts.items():
                child = run_child(["-m", "app", "--data-dir", str(data), "gui", "--smoke"])
                times.append(_number(r"first paint: (\d+)", child.stdout))
        out.append(encryption_cost("gui.cold_start", starts[folder], starts[enc]))
    return out


def format_table(result: dict) -> str:
    lines = [
        f"cunyi bench — {result['scale']} ({result['residents']:,} residents), {result['machine']['cores']} cores, "
        f"{result['machine']['cpu']}, {result['seconds']} s",
        f"{'metric':<18} {'median':>9} {'p95':>9} {'per s':>9} {'baseline':>9} {'ratio':>6}  ok   budget",
    ]
    for name, m in result["metrics"].items():
        if m["status"] != "measured":
            lines.append(f"{name:<18} {'not yet':>9}")
            continue

        def f(x, unit=""):
            return f"{x:.1f}{unit}" if isinstance(x, (int, float)) else "—"

        lines.append(
            f"{name:<18} {f(m['median_ms']):>9} {f(m['p95_ms']):>9} {f(m['per_s']):>9} "
            f"{f(m['baseline_ms']):>9} {f(m['ratio']):>6}  {'yes' if m['ok'] else 'NO ':<4} {m['budget']}"
            + (f"  peak {m['peak_mb']:.0f} MB" if "peak_mb" in m else "")
        )
    return "\n".join(lines)
