"""``app.db.insert_rows``, the bulk writers' insert (the demo's): rows it writes are stored as an
insert through SQLAlchemy stores them, on both databases, defaults included."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select, text

from app.db import insert_rows
from app.models import FollowupVisit, ResidentChoice, new_id
from app.tools import demo
from tests.synckit import TODAY, TOWN, make_device

pytestmark = pytest.mark.both_databases


@pytest.fixture
def village(tmp_path, db_backend):
    """A township's store (on the server in the PostgreSQL runs) with a demo village's rows."""
    v = make_device(tmp_path, "东风乡", "township", TOWN)
    with v.store.transaction() as s:
        demo.generate_demo(s, 12, seed=5, today=TODAY)
    yield v
    v.store.dispose()


def _stored(s, table, row_id) -> dict:
    """A row as the database keeps it: on SQLite each value with its storage class."""
    if s.get_bind().dialect.name == "sqlite":
        names = [c.name for c in table.columns if c.name != "id"]
        got = s.execute(
            text(f"SELECT {', '.join(f'typeof({n}), {n}' for n in names)} FROM {table.name} WHERE id = :id"),
            {"id": row_id.bytes},
        ).one()
        return dict(zip(names, zip(got[::2], got[1::2], strict=True), strict=True))
    row = s.execute(select(table).where(table.c.id == row_id)).mappings().one()
    return {k: v for k, v in row.items() if k != "id"}


def test_rows_are_stored_as_sqlalchemys_insert_stores_them(village):
    t = FollowupVisit.__table__
    with village.store.session() as s:
        visits = [dict(r) for r in s.execute(select(t).limit(3)).mappings()]
    assert visits
    with village.store.transaction() as s:
        by_orm = [{**v, "id": new_id()} for v in visits]
        mine = [{**v, "id": new_id()} for v in visits]
        mine[1].pop("doctor")  # rows with other keys: written with their own statement
        by_orm[1].pop("doctor")
        s.execute(insert(FollowupVisit), by_orm)
        insert_rows(s, FollowupVisit, mine)
    with village.store.session() as s:
        for a, b in zip(by_orm, mine, strict=True):
            assert _stored(s, t, b["id"]) == _stored(s, t, a["id"])


def test_a_key_a_row_lacks_takes_its_column_default(village):
    with village.store.session() as s:
        resident_id = s.scalar(select(ResidentChoice.resident_id).limit(1))
    rows = [{"resident_id": resident_id, "field": "allergy", "code": "2"}]
    with village.store.transaction() as s:
        insert_rows(s, ResidentChoice, rows)
    assert isinstance(rows[0]["id"], int)  # new_choice_id, as SQLAlchemy would have called it
    with village.store.session() as s:
        got = s.execute(
            select(ResidentChoice.field, ResidentChoice.code).where(ResidentChoice.id == rows[0]["id"])
        ).one()
    assert tuple(got) == ("allergy", "2")
