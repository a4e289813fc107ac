"""Two-character name search (migration 0018's bigram index on PostgreSQL): the same residents as a
plain LIKE scan, on both databases."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app import search_index
from app.models import Resident
from app.services.records import search
from app.tools import demo
from tests import storekit
from tests.conftest import TODAY, TOWNSHIP_CODE, make_store

pytestmark = pytest.mark.both_databases


@pytest.fixture(scope="module")
def township(tmp_path_factory, db_backend):
    """A demo township of 400 residents (2- and 3-character names), built once per database."""
    root = tmp_path_factory.mktemp("names")
    store = make_store(root, "township", TOWNSHIP_CODE, "朝阳乡")
    with store.transaction() as s:
        demo.generate_demo(s, 400, 3, villages=2, today=TODAY)
    yield store
    storekit.discard(store)


def _names(store) -> list[str]:
    with store.session() as s:
        return sorted(set(s.scalars(sa.select(Resident.name))))


def _like(store, fragment: str) -> set:
    with store.engine.connect() as conn:
        return set(
            conn.execute(
                sa.select(Resident.id).where(Resident.name.like(f"%{fragment}%"), Resident.voided.is_(False))
            ).scalars()
        )


def _queries(names: list[str]) -> list[str]:
    two = [n for n in names if len(n) == 2][:15]
    three = [n for n in names if len(n) == 3][:15]
    assert two and three, "the demo makes 2- and 3-character names"
    return two + three + [n[1:] for n in three] + [n[:2] for n in three] + ["王", "不存在的名"]


def test_two_character_names_and_fragments_find_what_a_like_scan_finds(township):
    names = _names(township)
    with township.session() as s:
        for q in _queries(names):
            want = _like(township, q)
            assert search.matching_ids(s, q) == want, q
            assert search.count_residents(s, q) == len(want), q
            shown = search.search_residents(s, q, limit=500)
            assert {r.id for r in shown} == want, q
            assert all(q in r.name for r in shown), q


def test_a_whole_two_character_name_ranks_first(township):
    name = next(n for n in _names(township) if len(n) == 2)
    with township.session() as s:
        rows = search.search_residents(s, name)
    assert rows and rows[0].name == name and rows[0].rank == 0


@pytest.mark.sqlite_only  # no store: pure rules
def test_bigrams_are_the_two_character_substrings():
    assert set(search_index.bigrams("张建国")) == {"张建", "建国"}
    assert search_index.bigrams("王芳") == ["王芳"]
    assert search_index.bigrams("王") == []
    assert set(search_index.bigrams("阿依古丽")) == {"阿依", "依古", "古丽"}


def test_postgresql_answers_two_characters_from_the_bigram_index(township, db_backend):
    """The database's bigrams are the service's; with scans switched off the planner can take the
    index for a 2-character fragment (pg_trgm cannot: no whole trigram in '%建国%')."""
    if db_backend != "postgresql":
        with township.session() as s:  # SQLite needs no index of its own for this
            clause = search_index.name_fragment_clause("sqlite", Resident.name, "建国")
        assert clause is None
        return
    with township.engine.connect() as conn:
        for name in ("张建国", "王芳", "阿依古丽·买买提"):
            got = conn.exec_driver_sql("SELECT cunyi_bigrams(%s)", (name,)).scalar()
            assert sorted(got) == search_index.bigrams(name)
        conn.exec_driver_sql("SET enable_seqscan = off")
        with township.session() as s:
            stmt = sa.select(Resident.id).where(
                search_index.name_fragment_clause("postgresql", Resident.name, "建国"),
                Resident.name.like("%建国%"),
            )
            sql = str(stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
        plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + sql))
        assert "ix_resident_name_bigram" in plan, plan


def test_postgresql_plans_each_search_with_its_values(township, db_backend):
    """A generic plan (psycopg prepares a statement after five runs) of LIKE '%王芳%' scans every
    resident: the store's connections plan with the values, and without JIT."""
    if db_backend != "postgresql":
        return
    with township.engine.connect() as conn:
        # a statement run again and again is never prepared (psycopg would, from its fifth run):
        # each run is planned with its values
        assert conn.connection.driver_connection.prepare_threshold is None
        for _ in range(8):
            conn.execute(sa.select(Resident.id).where(Resident.name.like("%王芳%"))).all()
        assert conn.exec_driver_sql("SELECT count(*) FROM pg_prepared_statements").scalar() == 0
        # the server plans as usual: forced custom plans re-planned a foreign key's lookup for
        # every row written (a bundle's ticked boxes took three times as long to copy)
        assert conn.exec_driver_sql("SHOW plan_cache_mode").scalar() == "auto"
        assert conn.exec_driver_sql("SHOW jit").scalar() == "off"
        # a county's report sorts and hashes more than the server's default 4 MB holds in memory
        assert conn.exec_driver_sql("SHOW work_mem").scalar() == "64MB"
    # a server's own choice, given in the store's URL, comes after the store's
    from app.db import _postgresql_engine

    own = _postgresql_engine(
        township.engine.url.update_query_dict({"options": "-c work_mem=8MB"}).render_as_string(False)
    )
    try:
        with own.connect() as conn:
            assert conn.exec_driver_sql("SHOW work_mem").scalar() == "8MB"
            assert conn.exec_driver_sql("SHOW jit").scalar() == "off"
    finally:
        own.dispose()
