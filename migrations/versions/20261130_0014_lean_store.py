"""lean store: ids in 16 bytes, change-log payloads compressed, a resident's ticked boxes keyed by
a local integer, search keys without a rowid copy, and the two visit indexes no query reads dropped

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 09:00:00

On SQLite every id column was ``CHAR(32)`` (hex text): it becomes ``BLOB`` holding the 16 bytes,
and ``change_log.data`` (JSON text) a ``BLOB`` holding it zstd-compressed (app.models.packing).
Each table is rebuilt once, the SQLite way (new table from the old one's own DDL with the id
columns' type changed, rows copied with the ids converted and JSON rewritten compact, old dropped,
new renamed, its indexes and triggers made again): every constraint, default, index and trigger
stays as it was, and the copy is a single pass over each table.  The store is VACUUMed after the
upgrade (``app.db.compact_if_mostly_free``): the old tables' pages are free.  The full-text index of digits (derived data) is dropped
and rebuilt at the next start by ``app.search_index.ensure``.

PostgreSQL stores ``Uuid`` natively in 16 bytes already: there only the ticked boxes' key changes
and the two indexes go.
"""

from __future__ import annotations

import json
import re
import uuid

import sqlalchemy as sa
from alembic import op

from app.models.base import json_text
from app.models.packing import pack, unpack

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

HEX_TYPE = "CHAR(32)"
BYTES_TYPE = "BLOB"
DIGITS = "resident_digits"  # app.search_index.TABLE (derived; rebuilt at start)
REBUILT_APART = {"resident_choice", "resident_search_key"}
PACKED = {"change_log": "data"}  # JSON text stored compressed
CLUSTERED = {"change_log"}  # WITHOUT ROWID: the primary key is the table
UNUSED_INDEXES = (
    ("ix_followup_visit_next_due", "followup_visit"),
    ("ix_followup_visit_classification", "followup_visit"),
)


def _to_bytes(value):
    if isinstance(value, str):
        try:
            return uuid.UUID(value).bytes
        except ValueError:
            return value
    return value


def _compact_json(value):
    """JSON text as the app now writes it: no spaces, Chinese as UTF-8 rather than escapes."""
    if not isinstance(value, str):
        return value
    try:
        return json_text(json.loads(value))
    except ValueError:
        return value


def _to_hex(value):
    if isinstance(value, bytes) and len(value) == 16:
        return value.hex()
    return value


def upgrade() -> None:
    bind = op.get_bind()
    for name, table in UNUSED_INDEXES:
        op.drop_index(name, table_name=table)
    op.drop_index("ix_change_log_pending", table_name="change_log")
    if bind.dialect.name != "sqlite":
        _choices_integer_key_elsewhere()
        _pending_index()
        return
    dbapi = bind.connection.dbapi_connection
    dbapi.create_function("cunyi_id", 1, _to_bytes, deterministic=True)
    dbapi.create_function("cunyi_pack", 1, lambda v: pack(v) if isinstance(v, str) else v, deterministic=True)
    dbapi.create_function("cunyi_json", 1, _compact_json, deterministic=True)
    triggers = _drop_triggers(bind)
    for table in _tables(bind):
        if table not in REBUILT_APART:
            changes = {c: (BYTES_TYPE, "cunyi_id") for c in _declared(bind, table, HEX_TYPE)}
            changes.update({c: ("JSON", "cunyi_json") for c in _declared(bind, table, "JSON")})
            if table in PACKED:
                changes[PACKED[table]] = (BYTES_TYPE, "cunyi_pack")
            _rebuild(bind, table, changes, without_rowid=table in CLUSTERED)
    _rebuild_choices(bind)
    _rebuild_search_keys(bind)
    _make_triggers(bind, triggers)
    _pending_index()


def _pending_index() -> None:
    """Only the changes waiting for their row are indexed (a partial index)."""
    op.create_index(
        "ix_change_log_pending",
        "change_log",
        ["pending"],
        sqlite_where=sa.text("pending IS 1"),
        postgresql_where=sa.text("pending"),
    )


def downgrade() -> None:
    bind = op.get_bind()
    op.drop_index("ix_change_log_pending", table_name="change_log")
    if bind.dialect.name != "sqlite":
        op.drop_constraint("pk_resident_choice", "resident_choice", type_="primary")
        op.drop_column("resident_choice", "id")
        op.add_column("resident_choice", sa.Column("id", sa.Uuid(), nullable=True))
        op.execute("UPDATE resident_choice SET id = gen_random_uuid()")
        op.alter_column("resident_choice", "id", nullable=False)
        op.create_primary_key("pk_resident_choice", "resident_choice", ["id"])
    else:
        dbapi = bind.connection.dbapi_connection
        dbapi.create_function("cunyi_id", 1, _to_hex, deterministic=True)
        dbapi.create_function("cunyi_unpack", 1, unpack, deterministic=True)
        dbapi.create_function("cunyi_new_id", 1, lambda _n: uuid.uuid4().hex, deterministic=False)
        triggers = _drop_triggers(bind)
        for table in _tables(bind):
            changes = {c: (HEX_TYPE, "cunyi_id") for c in _declared(bind, table, BYTES_TYPE)}
            if table in PACKED:
                changes[PACKED[table]] = ("TEXT", "cunyi_unpack")
            if table == "resident_choice":  # the ticked boxes get UUID keys again
                changes["id"] = (HEX_TYPE, "cunyi_new_id")
            _rebuild(bind, table, changes, without_rowid=False)
        _make_triggers(bind, triggers)
    op.create_index("ix_resident_choice_field_code", "resident_choice", ["field", "code"])
    op.create_index("ix_followup_visit_classification", "followup_visit", ["classification"])
    op.create_index("ix_followup_visit_next_due", "followup_visit", ["next_due"])
    op.create_index("ix_change_log_pending", "change_log", ["pending"])


# ---------------------------------------------------------------------------- SQLite


def _tables(bind) -> list[str]:
    return [
        r[0]
        for r in bind.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            f"AND name != 'alembic_version' AND name NOT LIKE '{DIGITS}%' ORDER BY name"
        )
    ]


def _drop_triggers(bind) -> list[str]:
    """Every trigger's DDL (the audit trail's append-only guards), dropped while ids are rewritten;
    the digit index's own triggers and table go with it (``search_index.ensure`` makes them)."""
    rows = bind.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _sql in rows:
        bind.exec_driver_sql(f'DROP TRIGGER "{name}"')
    bind.exec_driver_sql(f"DROP TABLE IF EXISTS {DIGITS}")
    return [sql for name, sql in rows if not name.startswith(DIGITS)]


def _make_triggers(bind, triggers: list[str]) -> None:
    for sql in triggers:
        bind.exec_driver_sql(sql)


def _declared(bind, table: str, declared: str) -> list[str]:
    """The columns of ``table`` declared with the type ``declared``."""
    return [r[1] for r in bind.exec_driver_sql(f'PRAGMA table_info("{table}")') if r[2].upper() == declared]


def _rebuild(bind, table: str, changes: dict[str, tuple[str, str]], *, without_rowid: bool = False) -> None:
    """Rebuild ``table`` with each column of ``changes`` declared with its new type and its
    values passed through its SQL function: ``{column: (new type, function)}``; clustered on its
    primary key (WITHOUT ROWID) or not."""
    if not changes:
        return
    ddl = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).scalar()
    columns = [(r[1], r[2]) for r in bind.exec_driver_sql(f'PRAGMA table_info("{table}")')]
    indexes = [
        r[0]
        for r in bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            (table,),
        )
    ]
    new = f"_lean_{table}"
    ddl = re.sub(r"^CREATE TABLE\s+(\"[^\"]+\"|\w+)", f'CREATE TABLE "{new}"', ddl, count=1)
    for name, declared in columns:
        if name in changes:
            pattern = rf'(^|[\s(,])("?{re.escape(name)}"?\s+){re.escape(declared)}(?=[\s,)])'
            ddl, n = re.subn(pattern, rf"\g<1>\g<2>{changes[name][0]}", ddl, count=1, flags=re.I)
            assert n == 1, (table, name)
    ddl = re.sub(r"\s*WITHOUT ROWID\s*$", "", ddl.rstrip(), flags=re.I)
    bind.exec_driver_sql(ddl + (" WITHOUT ROWID" if without_rowid else ""))
    names = [name for name, _ in columns]
    select = [f'{changes[n][1]}("{n}")' if n in changes else f'"{n}"' for n in names]
    cols = ", ".join(f'"{n}"' for n in names)
    bind.exec_driver_sql(f'INSERT INTO "{new}" ({cols}) SELECT {", ".join(select)} FROM "{table}"')
    bind.exec_driver_sql(f'DROP TABLE "{table}"')
    bind.exec_driver_sql(f'ALTER TABLE "{new}" RENAME TO "{table}"')
    for sql in indexes:
        bind.exec_driver_sql(sql)


def _rebuild_choices(bind) -> None:
    """resident_choice: an integer key (the rowid) instead of a UUID and its index; rows of one
    resident side by side; read by resident only, so (field, code) is no longer indexed."""
    op.create_table(
        "_lean_resident_choice",
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
    bind.exec_driver_sql(
        "INSERT INTO _lean_resident_choice (resident_id, field, code, note, event_date) "
        "SELECT cunyi_id(resident_id), field, code, note, event_date FROM resident_choice "
        "ORDER BY resident_id, field, rowid"
    )
    op.drop_table("resident_choice")  # its three indexes go with it
    op.rename_table("_lean_resident_choice", "resident_choice")
    op.create_index("ix_resident_choice_resident_id", "resident_choice", ["resident_id"])


def _rebuild_search_keys(bind) -> None:
    """resident_search_key: the primary key is the table (WITHOUT ROWID), not a copy beside it."""
    op.create_table(
        "_lean_resident_search_key",
        sa.Column("resident_id", sa.LargeBinary(16), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
            name="fk_resident_search_key_resident_id_resident",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("resident_id", "key", name="pk_resident_search_key"),
        sqlite_with_rowid=False,
    )
    bind.exec_driver_sql(
        "INSERT INTO _lean_resident_search_key (resident_id, key) "
        "SELECT cunyi_id(resident_id), key FROM resident_search_key"
    )
    op.drop_table("resident_search_key")
    op.rename_table("_lean_resident_search_key", "resident_search_key")
    op.create_index("ix_resident_search_key_key", "resident_search_key", ["key"])


# ---------------------------------------------------------------------------- elsewhere


def _choices_integer_key_elsewhere() -> None:
    op.drop_index("ix_resident_choice_field_code", table_name="resident_choice")
    op.drop_constraint("pk_resident_choice", "resident_choice", type_="primary")
    op.drop_column("resident_choice", "id")
    op.execute("ALTER TABLE resident_choice ADD COLUMN id SERIAL NOT NULL")
    op.create_primary_key("pk_resident_choice", "resident_choice", ["id"])
