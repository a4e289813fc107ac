"""The county-scale bench store on PostgreSQL: a township's demo store, replicated.

Generating a million residents through the demo generator (and then copying them row by row) takes
hours; a county is its townships side by side, so the loader builds the township-scale demo store
once (cached by :func:`app.tools.bench.bench_store`) and streams ``copies`` replicas of it into
PostgreSQL with ``COPY … FROM STDIN``.  Each replica is a township of its own:

- every id (the models' ``Id`` columns) is mapped to a fresh one, the same mapping in every column
  of the replica, so references, the change log's row ids and origins stay consistent; the users'
  ids are kept (one set of accounts for the store);
- every code and number that starts with the township's code (township and village codes, archive
  numbers, scopes) gets the replica's township code, the township's name a number, and ID numbers
  the replica's area code (with a valid check digit), so archive numbers stay unique;
- integer keys with a sequence (ticked boxes) are left to the sequence;
- the store's own tables (profile, settings, users, audit trail, sync peers and clocks) are copied
  once.

Values pass through the models' own column types (each column's bind processor for the target
dialect, TypeDecorators included): nothing here knows how an id, a time or a JSON value is stored.
The change log's row payloads are copied as they are (their text still names the first township's
ids); they stand for the bytes and rows the app keeps, not for replayable history.

Secondary indexes are dropped during the load and rebuilt after it (faster than maintaining them row
by row), foreign-key and audit triggers are off for the load's session (``session_replication_role``
= replica) when the user may do that.  The loaded database is marked with its cache key (schema head,
seed, township data version, copies) in ``setting``, so the next bench run reuses it.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from stdnum.cn import ric

from app.db import Store
from app.models import Base
from app.services.records.validators import is_digits
from app.services.store_copy import bind_processors

Log = Callable[[str], None]

LOADER_VERSION = 1
CACHE_SETTING = "bench.county_store"
# copied once: the store's own state, not a township's records
STORE_TABLES = {
    "alembic_version",
    "app_user",
    "audit_log",
    "net_sync_run",
    "net_sync_state",
    "profile",
    "setting",
    "sync_bundle",
    "sync_origin",
    "sync_peer",
    "sync_state",
}
_MASK = 0x9E3779B97F4A7C15F39CC0605CEDC835  # odd 128-bit constant: k * mask differs for every k


@dataclass
class Loaded:
    copies: int
    rows: int
    residents: int
    seconds: float
    reused: bool


def township_code(base: str, k: int) -> str:
    """Replica ``k``'s township code: the county part of ``base`` and a township number."""
    return base[:6] + f"{int(base[6:]) + k:03d}"


def _id_number(number: str | None, k: int) -> str | None:
    if not number or len(number) != 18 or not is_digits(number[:17]) or k == 0:
        return number
    area = f"{(int(number[:6]) + k) % 1_000_000:06d}"
    body = area + number[6:17]
    return body + ric.calc_check_digit(body + "0")


class _Plan:
    """How one table's rows are read, rewritten for replica ``k`` and bound for the target."""

    def __init__(self, table: sa.Table, dialect, rows: list[tuple], base_code: str, base_name: str):
        self.table = table
        self.replicated = table.name not in STORE_TABLES
        cols = list(table.c)
        # integer keys with a sequence: the target's sequence numbers the replicas' rows
        pk = list(table.primary_key.columns)
        self.skip = {
            c.name
            for c in pk
            if self.replicated
            and len(pk) == 1
            and isinstance(c.type, sa.Integer)
            and c.autoincrement is not False
        }
        self.columns = [c for c in cols if c.name not in self.skip]
        idx = {c.name: i for i, c in enumerate(cols)}
        self.source_index = [idx[c.name] for c in self.columns]
        self.ids = [i for i, c in enumerate(self.columns) if _is_id(c.type)]
        self.codes = []
        for i, c in enumerate(self.columns):
            if isinstance(c.type, sa.String) and not _is_id(c.type):
                j = self.source_index[i]
                if any(isinstance(r[j], str) and r[j].startswith(base_code) for r in rows):
                    self.codes.append(i)
        self.id_numbers = [i for i, c in enumerate(self.columns) if c.name == "id_number"]
        self.names = (
            [i for i, c in enumerate(self.columns) if c.name == "name"] if table.name == "township" else []
        )
        self.base_code = base_code
        self.base_name = base_name
        self.binds = bind_processors(self.columns, dialect)

    def copy_sql(self) -> str:
        names = ", ".join(f'"{c.name}"' for c in self.columns)
        return f'COPY "{self.table.name}" ({names}) FROM STDIN'

    def rows_for(self, rows: list[tuple], k: int, keep: set[uuid.UUID]):
        code = township_code(self.base_code, k)
        n = len(self.base_code)
        mask = (k * _MASK) & ((1 << 128) - 1)
        ids, codes, numbers, names, binds = self.ids, self.codes, self.id_numbers, self.names, self.binds
        src = self.source_index
        for r in rows:
            out = [r[j] for j in src]
            if k:
                for i in ids:
                    v = out[i]
                    if v is not None and v not in keep:
                        out[i] = uuid.UUID(int=v.int ^ mask)
                for i in codes:
                    v = out[i]
                    if isinstance(v, str) and v.startswith(self.base_code):
                        out[i] = code + v[n:]
                for i in numbers:
                    out[i] = _id_number(out[i], k)
                for i in names:
                    out[i] = f"{self.base_name}{k + 1}"
            yield [b(v) if b is not None and v is not None else v for b, v in zip(binds, out, strict=True)]


def _is_id(type_) -> bool:
    from app.models.base import Id

    return isinstance(type_, Id | sa.Uuid)


def cache_key(seed: int, copies: int) -> str:
    from app.tools.bench import DATA_VERSION, head_revision

    return f"r{head_revision()}-s{seed}-d{DATA_VERSION}-c{copies}-v{LOADER_VERSION}"


def cached(url: str, key: str) -> bool:
    """True when the database at ``url`` already holds the county store for ``key``."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            has = conn.exec_driver_sql("SELECT to_regclass('setting') IS NOT NULL").scalar()
            if not has:
                return False
            got = conn.exec_driver_sql("SELECT value FROM setting WHERE key = %s", (CACHE_SETTING,)).scalar()
            return got == key
    finally:
        engine.dispose()


def load_county(source: Store, url: str, copies: int, *, key: str, log: Log = print) -> Loaded:
    """Replicate the township store ``source`` ``copies`` times into the database at ``url``.

    The target is brought to the schema head by the app's migrations; it must be empty, or hold this
    ``key``'s load (then nothing is done)."""
    started = time.perf_counter()
    if cached(url, key):
        log(f"reusing the county store ({key})")
        target = Store(url)
        with target.engine.connect() as conn:
            residents = conn.exec_driver_sql("SELECT count(*) FROM resident").scalar()
        target.dispose()
        return Loaded(copies, 0, residents, time.perf_counter() - started, True)
    target = Store(url)
    try:
        tables = [t for t in Base.metadata.sorted_tables]
        with target.engine.connect() as conn:
            for t in tables:
                if conn.execute(sa.select(sa.literal(1)).select_from(t).limit(1)).first():
                    raise RuntimeError(f"{url}: the target database is not empty ({t.name}); use a new one")
        dialect = target.engine.dialect
        with source.engine.connect() as src:
            prof = src.exec_driver_sql("SELECT code, name FROM profile").first()
            base_code = prof[0]
            base_name = src.exec_driver_sql("SELECT name FROM township WHERE code = ?", (base_code,)).scalar()
            keep = set(src.execute(sa.select(Base.metadata.tables["app_user"].c.id)).scalars())
        total = 0
        raw = target.engine.raw_connection()
        try:
            dbapi = raw.driver_connection
            with dbapi.cursor() as cur:
                try:
                    cur.execute("SET session_replication_role = replica")
                except Exception:  # not a superuser: triggers stay on (slower, same result)
                    dbapi.rollback()
                cur.execute("SET maintenance_work_mem = '256MB'")
                names = [t.name for t in tables if t.name != "alembic_version"]
                dropped = _pg_indexes(cur, names)
                for name, _ddl in dropped:
                    cur.execute(f'DROP INDEX "{name}"')
                for t in tables:
                    if t.name == "alembic_version":
                        continue
                    with source.engine.connect() as src:
                        rows = [tuple(r) for r in src.execute(sa.select(t))]
                    if not rows:
                        continue
                    plan = _Plan(t, dialect, rows, base_code, base_name)
                    t0 = time.perf_counter()
                    n = 0
                    with cur.copy(plan.copy_sql()) as cp:
                        for k in range(copies if plan.replicated else 1):
                            for row in plan.rows_for(rows, k, keep):
                                cp.write_row(row)
                                n += 1
                    total += n
                    log(f"  {t.name}: {n:,} rows in {time.perf_counter() - t0:.1f} s")
                t0 = time.perf_counter()
                for _name, ddl in dropped:
                    cur.execute(ddl)
                log(f"  {len(dropped)} indexes rebuilt in {time.perf_counter() - t0:.1f} s")
                _reset_sequences(cur, tables)
                cur.execute(
                    "INSERT INTO setting (key, value) VALUES (%s, %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                    (CACHE_SETTING, key),
                )
            dbapi.commit()
        finally:
            raw.close()
        with target.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
            residents = conn.exec_driver_sql("SELECT count(*) FROM resident").scalar()
        return Loaded(copies, total, residents, time.perf_counter() - started, False)
    finally:
        target.dispose()


def _pg_indexes(cur, names: list[str]) -> list[tuple[str, str]]:
    cur.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
        "AND tablename = ANY(%s) AND indexname NOT IN (SELECT conname FROM pg_constraint)",
        (names,),
    )
    return [(r[0], r[1]) for r in cur.fetchall()]


def _reset_sequences(cur, tables: list[sa.Table]) -> None:
    for t in tables:
        pk = list(t.primary_key.columns)
        if len(pk) == 1 and isinstance(pk[0].type, sa.Integer) and pk[0].autoincrement is not False:
            cur.execute("SELECT pg_get_serial_sequence(%s, %s)", (t.name, pk[0].name))
            seq = cur.fetchone()[0]
            if seq:
                cur.execute(
                    f'SELECT setval(%s, coalesce((SELECT max("{pk[0].name}") FROM "{t.name}"), 0) + 1, false)',
                    (seq,),
                )
