"""``cunyi bench --db postgresql+psycopg://…``: the store metrics on PostgreSQL, each against the same work
on the scale's SQLite bench store in the same run (the ratio is the figure; times on a shared machine
are noise).

The scale's cached SQLite store (app.tools.bench) is copied into the empty database at ``--db`` with
``migrate-store``'s copy (timed: the figure for moving a township), then the same searches and the
same indicator year run on both; the store's size per resident is reported for both.
"""

from __future__ import annotations

import time
from pathlib import Path

from app.db import Store
from app.tools.bench import SCALES, Log, Metric, _search_queries, _stats, bench_store, machine

SEARCH_BUDGET_MS = {"county": 100.0}  # others: 30 ms, as on SQLite
INDICATOR_BUDGET_MS = {"county": 10_000.0}  # a township's year: 2 s


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


def run_pg_bench(
    scale: str, url: str, *, seed: int = 1, only: list[str] | None = None, log: Log = print
) -> dict:
    from app.services import store_copy

    if scale == "village":
        raise ValueError("a village's store is SQLite only: use --scale township or county")
    wanted = (
        (lambda n: any(n == o or n.startswith(o + ".") or o == n.split(".")[0] for o in only))
        if only
        else (lambda _n: True)
    )
    started = time.perf_counter()
    folder, _ = bench_store(scale, seed, log)
    db = folder / "cunyi.db"
    sqlite = Store(f"sqlite:///{db}", upgrade=False)
    metrics: list[Metric] = []
    log(f"copying the {scale} store into PostgreSQL …")
    t = time.perf_counter()
    copied = store_copy.migrate_store(sqlite, url)
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
