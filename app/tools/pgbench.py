"""``cunyi bench --db postgresql+psycopg://…``: the store metrics on PostgreSQL, each against the same work
on the scale's SQLite bench store in the same run (the ratio is the figure; times on a shared machine
are noise).

The scale's cached SQLite store (app.tools.bench) is copied into the empty database at ``--db`` with
``migrate-store``'s copy (timed: the figure for moving a township), then the same searches and the
same indicator year run on both; the store's size per resident is reported for both.
"""

from __future__ import annotations

import contextlib
import math
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import text as sa_text

from app.db import Store, sqlite_backup
from app.services.records.pinyin_keys import GIVEN_MARK, name_keys
from app.tools.bench import QUERIES, SCALES, Log, Metric, _search_queries, _stats, bench_store, machine

QUERIES_PER_KIND = QUERIES

SEARCH_BUDGET_MS = {"county": 100.0}  # others: 30 ms, as on SQLite
INDICATOR_BUDGET_MS = {"county": 10_000.0}  # a township's year: 2 s


@contextlib.contextmanager
def _copy_to_move(db: Path) -> Iterator[Store]:
    """A store on a copy of ``db`` for ``migrate_store`` to move: a moved file is marked so and
    takes no more writes, and the bench's cached store must stay a store the other benches (the
    GUI's among them) can open."""
    with tempfile.TemporaryDirectory(prefix="cunyi-bench-move-") as tmp:
        copy = Path(tmp) / db.name
        sqlite_backup(db, copy)  # (a plain store: a plain copy)
        store = Store(f"sqlite:///{copy}", upgrade=False)
        try:
            yield store
        finally:
            store.dispose()


def _time_searches(store: Store, queries: list[str]) -> list[float]:
    from app.services.records import search

    out = []
    with store.session() as s:
        for q in queries[:10]:  # warm, like a doctor's second search
            search.search_residents(s, q)
        for q in queries:
            t = time.perf_counter()
            search.search_residents(s, q)
            out.append((time.perf_counter() - t) * 1000)
    return out


def _time_indicators(store: Store, runs: int) -> list[float]:
    import datetime as dt

    from app.services.indicators import Period, engine

    period = Period.year(dt.date.today().year - 1)
    out = []
    with store.session() as s:
        engine.evaluate(s, period)
        for _ in range(runs):
            t = time.perf_counter()
            engine.evaluate(s, period)
            out.append((time.perf_counter() - t) * 1000)
    return out


def _metric(name: str, budget_ms: float, times: list[float], base: list[float], **extra) -> Metric:
    median, p95 = _stats(times)
    b_median, _ = _stats(base)
    return Metric(
        name,
        f"p95 < {budget_ms:.0f} ms (baseline: the same on SQLite)",
        median,
        p95,
        baseline_ms=b_median,
        ratio=median / b_median if b_median else None,
        ok=p95 < budget_ms,
        extra=extra,
    )


def _wanted(only: list[str] | None):
    if not only:
        return lambda _n: True
    return lambda n: any(n == o or n.startswith(o + ".") or o == n.split(".")[0] for o in only)


def run_pg_bench(
    scale: str, url: str, *, seed: int = 1, only: list[str] | None = None, log: Log = print
) -> dict:
    from app.services import store_copy

    if scale == "village":
        raise ValueError("a village's store is SQLite only: use --scale township or county")
    if scale == "county":
        return run_county_bench(url, seed=seed, only=only, log=log)
    wanted = _wanted(only)
    started = time.perf_counter()
    folder, _ = bench_store(scale, seed, log)
    db = folder / "cunyi.db"
    sqlite = Store(f"sqlite:///{db}", upgrade=False)
    metrics: list[Metric] = []
    log(f"copying the {scale} store into PostgreSQL …")
    with _copy_to_move(db) as moving:
        t = time.perf_counter()
        copied = store_copy.migrate_store(moving, url)
        copy_s = time.perf_counter() - t
    pg = Store(url)
    try:
        with pg.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            pg_bytes = conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar()
        residents = next(c.rows for c in copied.tables if c.table == "resident")
        metrics.append(
            Metric(
                "pg.migrate_store",
                "verified copy (rows and checksums per table)",
                per_s=copied.rows / copy_s if copy_s else None,
                ok=True,
                extra={"rows": copied.rows, "seconds": round(copy_s, 1)},
            )
        )
        metrics.append(
            Metric(
                "pg.store_size",
                "bytes per resident (SQLite file for comparison)",
                ok=True,
                extra={
                    "residents": residents,
                    "postgresql_bytes_per_resident": round(pg_bytes / residents) if residents else None,
                    "sqlite_bytes_per_resident": round(Path(db).stat().st_size / residents)
                    if residents
                    else None,
                },
            )
        )
        limit = SEARCH_BUDGET_MS.get(scale, 30.0)
        for kind, queries in _search_queries(db, seed).items():
            name = f"pg.search.{kind}"
            if not wanted(name):
                continue
            log(f"{name} …")
            metrics.append(_metric(name, limit, _time_searches(pg, queries), _time_searches(sqlite, queries)))
        if wanted("pg.report.indicators"):
            log("pg.report.indicators …")
            budget = INDICATOR_BUDGET_MS.get(scale, 2000.0)
            metrics.append(
                _metric("pg.report.indicators", budget, _time_indicators(pg, 3), _time_indicators(sqlite, 3))
            )
    finally:
        pg.dispose()
        sqlite.dispose()
    return {
        "scale": scale,
        "residents": SCALES[scale][0],
        "database": store_copy.shown_url(url),
        "machine": machine(),
        "seconds": round(time.perf_counter() - started, 1),
        "metrics": {m.name: m.as_json() for m in metrics},
    }


# ---------------------------------------------------------------- the county: a million residents

COUNTY_SEARCH_KINDS = ("name2", "name3", "fragment2", "pinyin", "initials", "id4", "id_full", "archive")
TOWNSHIP_YEAR_BUDGET_MS = 2_000.0
COUNTY_YEAR_BUDGET_MS = 10_000.0
SCAN_QUERIES = 10  # a plain LIKE scan of a million names: a few suffice for its median


def county_queries(store: Store, seed: int, n: int = QUERIES_PER_KIND) -> dict[str, list[str]]:
    """``n`` queries per kind, drawn from the store's residents (ids scatter the townships):
    whole 2- and 3-character names, the 2-character given name of a 3-character name, pinyin,
    initials, the last 4 digits of an ID, a whole ID and an archive number."""
    rng = random.Random(seed)
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name, id_number, archive_no FROM resident WHERE id_number IS NOT NULL ORDER BY id LIMIT 50000"
        ).fetchall()
    two = [r for r in rows if len(r[0]) == 2]
    three = [r for r in rows if len(r[0]) == 3]

    def pick(pool):
        return [rng.choice(pool) for _ in range(n)]

    anyone = pick(rows)
    return {
        "name2": [r[0] for r in pick(two)],
        "name3": [r[0] for r in pick(three)],
        "fragment2": [r[0][1:] for r in pick(three)],
        "pinyin": [name_keys(r[0])[0][: rng.randint(4, 8)] for r in anyone],
        "initials": [
            next(k for k in name_keys(r[0]) if len(k) <= 4 and not k.startswith(GIVEN_MARK)) for r in anyone
        ],
        "id4": [r[1][-4:] for r in anyone],
        "id_full": [r[1] for r in anyone],
        "archive": [r[2] for r in anyone],
    }


def _scan_ms(store: Store, queries: list[str]) -> float:
    """Median of a plain ``LIKE '%q%'`` over every name (no index can answer it): what the indexed
    path saves."""
    times = []
    with store.engine.connect() as conn:
        for q in queries[:SCAN_QUERIES]:
            t = time.perf_counter()
            conn.exec_driver_sql(
                "SELECT id FROM resident WHERE name || '' LIKE %s LIMIT 50", (f"%{q}%",)
            ).fetchall()
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _scratch(url: str, name: str) -> tuple[str, Callable[[], None]]:
    """A new empty database ``name`` on the server of ``url`` (dropped first if left behind) and
    the function that drops it."""
    import psycopg
    import sqlalchemy as sa

    base = sa.engine.make_url(url)
    admin = base.set(database="postgres", drivername="postgresql").render_as_string(hide_password=False)

    def run(sql: str) -> None:
        with psycopg.connect(admin, autocommit=True) as c:
            c.execute(sql)

    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    run(f'CREATE DATABASE "{name}"')
    return base.set(database=name).render_as_string(hide_password=False), lambda: run(
        f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
    )


def store_size(store: Store, residents: int) -> Metric:
    with store.engine.connect() as conn:
        total = conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar()
        tables = conn.exec_driver_sql(
            "SELECT relname, pg_total_relation_size(c.oid) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind = 'r' AND n.nspname = current_schema() ORDER BY 2 DESC"
        ).fetchall()
    return Metric(
        "pg.store_size",
        "bytes per resident (reported)",
        ok=True,
        extra={
            "residents": residents,
            "database_bytes": total,
            "bytes_per_resident": round(total / residents) if residents else None,
            "tables_bytes": {name: size for name, size in tables if size > 1_000_000},
        },
    )


def run_county_bench(url: str, *, seed: int = 1, only: list[str] | None = None, log: Log = print) -> dict:
    """A million residents on PostgreSQL (the township bench store replicated, :mod:`county_load`):
    search, a township's and the county's indicator year, the 100k import, store size, and the
    township's migrate-store copy.  Baselines: the same work on the township's SQLite store."""
    import datetime as dt

    from app.services import store_copy
    from app.services.indicators import Period
    from app.tools import county_load

    wanted = _wanted(only)
    started = time.perf_counter()
    folder, _ = bench_store("township", seed, log)
    db = folder / "cunyi.db"
    sqlite = Store(f"sqlite:///{db}", upgrade=False)
    copies = math.ceil(SCALES["county"][0] / SCALES["township"][0])
    metrics: list[Metric] = []
    log(f"loading the county store ({copies} townships) into {store_copy.shown_url(url)} …")
    loaded = county_load.load_county(sqlite, url, copies, key=county_load.cache_key(seed, copies), log=log)
    metrics.append(
        Metric(
            "pg.county_load",
            "a million residents by COPY (cached: reused when the schema and seed are unchanged)",
            per_s=loaded.rows / loaded.seconds if loaded.rows else None,
            ok=True,
            extra={
                "residents": loaded.residents,
                "rows": loaded.rows,
                "seconds": round(loaded.seconds, 1),
                "reused": loaded.reused,
            },
        )
    )
    pg = Store(url)
    try:
        warm(pg)
        if wanted("pg.store_size"):
            metrics.append(store_size(pg, loaded.residents))
        for kind, queries in county_queries(pg, seed).items():
            name = f"pg.search.{kind}"
            if not wanted(name):
                continue
            log(f"{name} …")
            extra = {"queries": len(queries)}
            if kind in ("name2", "name3", "fragment2"):
                extra["plain_scan_median_ms"] = round(_scan_ms(pg, queries), 1)
            metrics.append(
                _metric(
                    name, SEARCH_BUDGET_MS["county"], _time_searches(pg, queries), _time_searches(sqlite, queries),
                    **extra,
                )
            )  # fmt: skip
        period = Period.year(dt.date.today().year - 1)
        with sqlite.session() as s:
            code = s.execute(sa_text("SELECT code FROM profile")).scalar()
        if wanted("pg.report.township_year"):
            log("pg.report.township_year …")
            times = _time_year(pg, period, 3, township_code=code)
            metrics.append(
                _metric(
                    "pg.report.township_year", TOWNSHIP_YEAR_BUDGET_MS, times, _time_year(sqlite, period, 3),
                    townships=1,
                )
            )  # fmt: skip
        if wanted("pg.report.county_year"):
            log("pg.report.county_year …")
            times = _time_year(pg, period, 2)
            metrics.append(
                _metric(
                    "pg.report.county_year", COUNTY_YEAR_BUDGET_MS, times, _time_year(sqlite, period, 2),
                    townships=copies,
                )
            )  # fmt: skip
        if wanted("pg.sync.import"):
            metrics += pg_sync_import(url, seed, log)
        if wanted("pg.migrate_store"):
            log("pg.migrate_store (the township's store) …")
            target, drop = _scratch(url, f"{sa_url_database(url)}_migrate")
            try:
                with _copy_to_move(db) as moving:
                    t = time.perf_counter()
                    copied = store_copy.migrate_store(moving, target)
                    copy_s = time.perf_counter() - t
            finally:
                drop()
            metrics.append(
                Metric(
                    "pg.migrate_store",
                    "the township (60k residents) copied by COPY and verified (rows and checksums per table)",
                    per_s=copied.rows / copy_s if copy_s else None,
                    ok=True,
                    extra={"rows": copied.rows, "seconds": round(copy_s, 1)},
                )
            )
    finally:
        pg.dispose()
        sqlite.dispose()
    return {
        "scale": "county",
        "residents": loaded.residents,
        "database": store_copy.shown_url(url),
        "machine": {**machine(), **server(url)},
        "seconds": round(time.perf_counter() - started, 1),
        "metrics": {m.name: m.as_json() for m in metrics},
    }


def warm(store: Store) -> None:
    """Read the residents' tables and their indexes into the server's cache, as a server that has
    been up a while holds them (a freshly loaded or restarted one reads every search from disk)."""
    import sqlalchemy as sa

    tables = ("resident", "resident_search_key")
    with store.engine.connect() as conn:
        try:
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
            conn.exec_driver_sql(
                "SELECT pg_prewarm(c.oid::regclass) FROM pg_class c WHERE c.relname = ANY(%s) OR c.oid IN "
                "(SELECT indexrelid FROM pg_index WHERE indrelid = ANY(%s::regclass[]))",
                (list(tables), list(tables)),
            )
            conn.commit()
        except sa.exc.DBAPIError:  # no pg_prewarm, or not allowed: a scan reads the tables at least
            conn.rollback()
            for t in tables:
                conn.exec_driver_sql(f"SELECT count(*) FROM {t}")


def _time_year(store: Store, period, runs: int, township_code: str | None = None) -> list[float]:
    from app.services.indicators import engine

    out = []
    with store.session() as s:
        engine.evaluate(s, period, township_code=township_code)  # warm
    for _ in range(runs):
        with store.session() as s:  # a new session: nothing cached from the run before
            t = time.perf_counter()
            engine.evaluate(s, period, township_code=township_code)
            out.append((time.perf_counter() - t) * 1000)
    return out


def pg_sync_import(url: str, seed: int, log: Log) -> list[Metric]:
    """The bench's 100k-change import with the township's store on PostgreSQL (a scratch database on
    the same server), against the same bundle imported into the township on SQLite."""
    from app.tools.bench import SYNC_CHANGES, bench_sync

    target, drop = _scratch(url, f"{sa_url_database(url)}_sync")
    try:
        found = bench_sync(seed, log, SYNC_CHANGES["county"], pg_url=target)
    finally:
        drop()
    return [m for m in found if m.name.startswith("pg.")]


def sa_url_database(url: str) -> str:
    import sqlalchemy as sa

    return sa.engine.make_url(url).database or "cunyi"


def server(url: str) -> dict:
    """The PostgreSQL server's version and the machine's memory, for the figures' record."""
    import psutil
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            version = conn.exec_driver_sql("SHOW server_version").scalar()
            shared = conn.exec_driver_sql("SHOW shared_buffers").scalar()
    finally:
        engine.dispose()
    return {
        "postgresql": version,
        "shared_buffers": shared,
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
    }
