"""leaner store: a change that made a row keeps no copy of it while the row holds what it wrote

Revision ID: 0017
Revises: 0015
Create Date: 2026-11-30 12:00:00

``change_log.data`` becomes nullable.  A change that made its row (``"b": ""``) whose row still
holds exactly what it wrote (its clocks are still ``{"_": [the change's clock, ""]}``) loses its
payload: the export reads the row (``app.services.sync.capture.made_by``), and the first write
that moves the row on puts the row as it was back into the payload first.  Changes waiting for
their row (``pending``) keep theirs.

``resident_choice`` (a resident's ticked boxes, half a million rows in a township) is keyed by
(resident_id, id) and clustered on that key (WITHOUT ROWID on SQLite): every query reads the boxes
by resident, so ``ix_resident_choice_resident_id`` goes.  Existing integer ids are kept; new ones
are handed out in increasing order (``app.models.resident.new_choice_id``).

On SQLite every ``DATETIME`` column holds an integer, microseconds since 1970
(``app.models.base.Timestamp``), instead of 26 characters of text; the declared type stays (its
NUMERIC affinity keeps integers as they are).  The triggers (the audit trail's append-only guards)
are set aside while the values are rewritten.  PostgreSQL keeps its native timestamps.

On SQLite the change log (WITHOUT ROWID) is rebuilt with the column nullable and the payloads
left out in the same pass; the store is VACUUMed after the upgrade
(``app.db.compact_if_mostly_free``).  On PostgreSQL the column's NOT NULL is dropped and the
payloads are cleared in place.  Downgrade writes every payload back from its row.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from contextlib import contextmanager
from dataclasses import replace

import sqlalchemy as sa
from alembic import op

from app.models.packing import pack, unpack

revision = "0017"
down_revision = "0015"
branch_labels = None
depends_on = None


def _made_row(data) -> int:
    """1 when a stored payload is that of a change that made its row."""
    if data is None:
        return 0
    try:
        return int(json.loads(unpack(data)).get("b") == "")
    except (ValueError, AttributeError):
        return 0


def _synced_tables(bind, sqlite: bool) -> list[str]:
    """The tables changes were logged for that still exist and carry clocks."""
    entities = [r[0] for r in bind.exec_driver_sql("SELECT DISTINCT entity FROM change_log")]
    out = []
    for name in entities:
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", name or ""):
            continue
        if sqlite:
            cols = {r[1] for r in bind.exec_driver_sql(f'PRAGMA table_info("{name}")')}
        else:
            cols = {
                r[0]
                for r in bind.exec_driver_sql(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = %(t)s",
                    {"t": name},
                )
            }
        if {"id", "sync_clocks"} <= cols:
            out.append(name)
    return out


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    _cluster_choices(bind, sqlite)
    if sqlite:
        _integer_timestamps(bind, to_text=False)
    tables = _synced_tables(bind, sqlite)
    if not sqlite:
        op.alter_column("change_log", "data", nullable=True)
        for name in tables:
            bind.exec_driver_sql(
                "UPDATE change_log c SET data = NULL FROM "
                f'"{name}" r WHERE c.entity = %(e)s AND NOT c.pending AND r.id = c.row_id '
                "AND (c.data::jsonb -> 'b') = '\"\"'::jsonb "
                "AND r.sync_clocks::jsonb = jsonb_build_object('_', jsonb_build_array(c.hlc, ''))",
                {"e": name},
            )
        return
    dbapi = bind.connection.dbapi_connection
    dbapi.create_function("cunyi_made_row", 1, _made_row, deterministic=True)
    ddl = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'change_log'"
    ).scalar()
    indexes = [
        r[0]
        for r in bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'change_log' AND sql IS NOT NULL"
        )
    ]
    ddl = re.sub(r"^CREATE TABLE\s+(\"[^\"]+\"|\w+)", 'CREATE TABLE "_lean_change_log"', ddl, count=1)
    ddl, n = re.subn(r"(\bdata\s+BLOB)\s+NOT NULL", r"\1", ddl, count=1, flags=re.I)
    assert n == 1, ddl
    bind.exec_driver_sql(ddl)
    # rows still holding what their making change wrote: the row's clock text as the app stores it
    made = " OR ".join(
        f"(c.entity = '{name}' AND EXISTS (SELECT 1 FROM \"{name}\" r WHERE r.id = c.row_id "
        f'AND r.sync_clocks = \'{{"_":["\' || c.hlc || \'",""]}}\'))'
        for name in tables
    )
    keep = (
        f"CASE WHEN c.pending = 0 AND ({made}) AND cunyi_made_row(c.data) THEN NULL ELSE c.data END"
        if made
        else "c.data"
    )
    bind.exec_driver_sql(
        'INSERT INTO "_lean_change_log" (origin, seq, entity, row_id, hlc, scope, user_id, data, pending) '
        f"SELECT c.origin, c.seq, c.entity, c.row_id, c.hlc, c.scope, c.user_id, {keep}, c.pending "
        "FROM change_log c"
    )
    bind.exec_driver_sql("DROP TABLE change_log")
    bind.exec_driver_sql('ALTER TABLE "_lean_change_log" RENAME TO change_log')
    for sql in indexes:
        bind.exec_driver_sql(sql)


CHOICE_COLUMNS = "id, resident_id, field, code, note, event_date"
EPOCH = dt.datetime(1970, 1, 1)


def _to_micros(value):
    if not isinstance(value, str):
        return value
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    return (when.replace(tzinfo=None) - EPOCH) // dt.timedelta(microseconds=1)


def _to_text(value):
    if not isinstance(value, int):
        return value
    return (EPOCH + dt.timedelta(microseconds=value)).isoformat(sep=" ", timespec="microseconds")


def _integer_timestamps(bind, *, to_text: bool) -> None:
    """Every DATETIME column's values as integers (or back to SQLAlchemy's text)."""
    dbapi = bind.connection.dbapi_connection
    dbapi.create_function("cunyi_moment", 1, _to_text if to_text else _to_micros, deterministic=True)
    triggers = bind.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _sql in triggers:
        bind.exec_driver_sql(f'DROP TRIGGER "{name}"')
    tables = [
        r[0]
        for r in bind.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'resident_digits%' AND name != 'alembic_version'"
        )
    ]
    kind = "integer" if to_text else "text"
    for table in tables:
        columns = [
            r[1] for r in bind.exec_driver_sql(f'PRAGMA table_info("{table}")') if r[2].upper() == "DATETIME"
        ]
        if columns:
            sets = ", ".join(f'"{c}" = cunyi_moment("{c}")' for c in columns)
            where = " OR ".join(f"typeof(\"{c}\") = '{kind}'" for c in columns)
            bind.exec_driver_sql(f'UPDATE "{table}" SET {sets} WHERE {where}')
    for _name, sql in triggers:
        bind.exec_driver_sql(sql)


def _cluster_choices(bind, sqlite: bool) -> None:
    op.drop_index("ix_resident_choice_resident_id", table_name="resident_choice")
    if not sqlite:
        op.drop_constraint("pk_resident_choice", "resident_choice", type_="primary")
        op.execute("ALTER TABLE resident_choice ALTER COLUMN id DROP DEFAULT, ALTER COLUMN id TYPE BIGINT")
        op.execute("DROP SEQUENCE IF EXISTS resident_choice_id_seq")
        op.create_primary_key("pk_resident_choice", "resident_choice", ["resident_id", "id"])
        return
    op.create_table(
        "_lean_resident_choice",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("resident_id", sa.LargeBinary(16), nullable=False),
        sa.Column("field", sa.String(length=30), nullable=False),
        sa.Column("code", sa.String(length=4), nullable=True),
        sa.Column("note", sa.String(length=100), nullable=True),
        sa.Column("event_date", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name="fk_resident_choice_resident_id_resident"
        ),
        sa.PrimaryKeyConstraint("resident_id", "id", name="pk_resident_choice"),
        sqlite_with_rowid=False,
    )
    bind.exec_driver_sql(
        f"INSERT INTO _lean_resident_choice ({CHOICE_COLUMNS}) SELECT {CHOICE_COLUMNS} FROM resident_choice"
    )
    op.drop_table("resident_choice")
    op.rename_table("_lean_resident_choice", "resident_choice")


def _uncluster_choices(bind, sqlite: bool) -> None:
    """Back to an integer key of its own (SQLite's rowid; a serial on PostgreSQL), renumbered."""
    if not sqlite:
        op.drop_constraint("pk_resident_choice", "resident_choice", type_="primary")
        op.execute("CREATE SEQUENCE resident_choice_id_seq OWNED BY resident_choice.id")
        op.execute("UPDATE resident_choice SET id = nextval('resident_choice_id_seq')")
        op.execute(
            "ALTER TABLE resident_choice ALTER COLUMN id TYPE INTEGER, "
            "ALTER COLUMN id SET DEFAULT nextval('resident_choice_id_seq')"
        )
        op.create_primary_key("pk_resident_choice", "resident_choice", ["id"])
    else:
        op.create_table(
            "_full_resident_choice",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("resident_id", sa.LargeBinary(16), nullable=False),
            sa.Column("field", sa.String(length=30), nullable=False),
            sa.Column("code", sa.String(length=4), nullable=True),
            sa.Column("note", sa.String(length=100), nullable=True),
            sa.Column("event_date", sa.String(length=10), nullable=True),
            sa.ForeignKeyConstraint(
                ["resident_id"], ["resident.id"], name="fk_resident_choice_resident_id_resident"
            ),
            sa.PrimaryKeyConstraint("id", name="pk_resident_choice"),
        )
        rest = "resident_id, field, code, note, event_date"
        bind.exec_driver_sql(
            f"INSERT INTO _full_resident_choice ({rest}) SELECT {rest} FROM resident_choice ORDER BY resident_id, id"
        )
        op.drop_table("resident_choice")
        op.rename_table("_full_resident_choice", "resident_choice")
    op.create_index("ix_resident_choice_resident_id", "resident_choice", ["resident_id"])


@contextmanager
def _as_this_schema(bind, capture):
    """Today's sync specs (which read the rows here) without the columns later migrations added,
    gone by now on the way down (0026: ``poverty_plan.written_unaware``)."""
    from sqlalchemy import inspect

    specs = capture.specs()
    saved = dict(specs)
    inspector = inspect(bind)
    for name, spec in saved.items():
        present = {c["name"] for c in inspector.get_columns(spec.table.name)}
        if not set(spec.fields) <= present:
            specs[name] = replace(spec, fields=tuple(f for f in spec.fields if f in present))
    capture.forget_readings()
    try:
        yield
    finally:
        specs.update(saved)
        capture.forget_readings()


def downgrade() -> None:
    """Every payload written back from its row, then the column NOT NULL again."""
    from sqlalchemy.orm import Session

    from app.services.sync import capture

    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    session = Session(bind=bind)
    conn = session.connection()
    t = "change_log"
    while True:
        rows = bind.exec_driver_sql(
            f"SELECT origin, seq, entity, row_id, hlc FROM {t} WHERE data IS NULL LIMIT 2000"
        ).fetchall()
        if not rows:
            break
        from app.models.base import as_uuid

        with _as_this_schema(bind, capture):
            payloads = capture.creation_payloads(conn, [(e, as_uuid(r), h) for _o, _s, e, r, h in rows])
        params = [
            (
                pack(payloads[(e, as_uuid(r))]) if sqlite else payloads[(e, as_uuid(r))],
                o,
                s,
            )
            for o, s, e, r, _h in rows
        ]
        if sqlite:
            bind.exec_driver_sql(f"UPDATE {t} SET data = ? WHERE origin = ? AND seq = ?", params)
        else:
            bind.exec_driver_sql(
                f"UPDATE {t} SET data = %(d)s WHERE origin = %(o)s AND seq = %(s)s",
                [{"d": d, "o": o, "s": s} for d, o, s in params],
            )
    if not sqlite:
        op.alter_column("change_log", "data", nullable=False)
        _uncluster_choices(bind, sqlite)
        return
    _integer_timestamps(bind, to_text=True)
    ddl = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'change_log'"
    ).scalar()
    indexes = [
        r[0]
        for r in bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'change_log' AND sql IS NOT NULL"
        )
    ]
    ddl = re.sub(r"^CREATE TABLE\s+(\"[^\"]+\"|\w+)", 'CREATE TABLE "_full_change_log"', ddl, count=1)
    ddl = re.sub(r"(\bdata\s+BLOB)(?=\s*,)", r"\1 NOT NULL", ddl, count=1, flags=re.I)
    bind.exec_driver_sql(ddl)
    bind.exec_driver_sql('INSERT INTO "_full_change_log" SELECT * FROM change_log')
    bind.exec_driver_sql("DROP TABLE change_log")
    bind.exec_driver_sql('ALTER TABLE "_full_change_log" RENAME TO change_log')
    for sql in indexes:
        bind.exec_driver_sql(sql)
    _uncluster_choices(bind, sqlite)
