"""The county bench's loader (app/tools/county_load.py): a township's store replicated into
PostgreSQL by COPY, each replica a township of its own, consistent, searchable and cached."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from stdnum.cn import ric

from app.db import Store
from app.models import ChangeLog, FollowupVisit, Resident, Township, Village
from app.services import profile
from app.services.records import search
from app.tools import county_load, demo
from tests.conftest import TODAY, TOWNSHIP_CODE

COPIES = 2


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """A demo township of 300 residents on SQLite (the bench's township store, small)."""
    db = tmp_path_factory.mktemp("town") / "cunyi.db"
    store = Store(f"sqlite:///{db}")
    with store.transaction() as s:
        profile.init_profile(s, role="township", code=TOWNSHIP_CODE, name="基准乡")
    with store.transaction() as s:
        demo.generate_demo(s, 300, 2, villages=2, today=TODAY)
    yield store
    store.dispose()


@pytest.fixture(scope="module")
def county(source, pg_cluster):
    """The township loaded twice into a fresh database: (its URL, the load's result)."""
    url = pg_cluster.create_database("county_load")
    loaded = county_load.load_county(source, url, COPIES, key="test-key", log=lambda _m: None)
    yield url, loaded
    pg_cluster.drop_database("county_load")


def _count(store: Store, entity) -> int:
    with store.session() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(entity))


def test_every_replicated_table_holds_each_township_once_per_copy(source, county):
    url, loaded = county
    target = Store(url)
    try:
        for entity in (Resident, FollowupVisit, Village, ChangeLog):
            assert _count(target, entity) == COPIES * _count(source, entity), entity
        assert loaded.residents == COPIES * _count(source, Resident)
        with target.session() as s:
            codes = sorted(s.scalars(sa.select(Township.code)))
            assert codes == [TOWNSHIP_CODE, county_load.township_code(TOWNSHIP_CODE, 1)]
            # the store's own rows once: its profile
            assert s.scalar(sa.select(sa.func.count()).select_from(sa.table("profile"))) == 1
    finally:
        target.dispose()


def test_replicas_are_townships_of_their_own_with_consistent_references(county):
    url, _ = county
    target = Store(url)
    second = county_load.township_code(TOWNSHIP_CODE, 1)
    try:
        with target.session() as s:
            archives = list(s.scalars(sa.select(Resident.archive_no)))
            assert len(archives) == len(set(archives))
            for r in s.scalars(sa.select(Resident)):  # each resident in a village of its township
                village = s.get(Village, r.village_id)
                assert village is not None
                assert r.archive_no.startswith(village.code)
                assert s.get(Township, village.township_id).code == village.code[:9]
                if r.id_number and len(r.id_number) == 18:
                    assert ric.is_valid(r.id_number), r.id_number
            orphans = s.scalar(
                sa.select(sa.func.count())
                .select_from(FollowupVisit)
                .outerjoin(Resident, Resident.id == FollowupVisit.resident_id)
                .where(Resident.id.is_(None))
            )
            assert orphans == 0
            logged = s.scalar(
                sa.select(sa.func.count()).select_from(ChangeLog).where(ChangeLog.scope.startswith(second))
            )
            assert logged > 0
    finally:
        target.dispose()


def test_values_arrive_as_the_models_read_them(source, county):
    """The first replica is the township itself: the same resident, field for field."""
    url, _ = county
    target = Store(url)
    try:
        with source.session() as s:
            want = s.scalars(sa.select(Resident).order_by(Resident.archive_no).limit(5)).all()
            want = [{c.key: getattr(r, c.key) for c in sa.inspect(Resident).column_attrs} for r in want]
        with target.session() as s:
            for row in want:
                got = s.get(Resident, row["id"])
                assert {c.key: getattr(got, c.key) for c in sa.inspect(Resident).column_attrs} == row
    finally:
        target.dispose()


def test_search_finds_a_name_in_every_township(county):
    url, _ = county
    target = Store(url)
    try:
        with target.session() as s:
            name = s.scalar(sa.select(Resident.name).order_by(Resident.archive_no).limit(1))
            found = search.search_residents(s, name, limit=100)
        assert {r.archive_no[:9] for r in found if r.name == name} == {
            TOWNSHIP_CODE,
            county_load.township_code(TOWNSHIP_CODE, 1),
        }
    finally:
        target.dispose()


def test_a_second_load_with_the_same_key_reuses_the_store(source, county):
    url, loaded = county
    again = county_load.load_county(source, url, COPIES, key="test-key", log=lambda _m: None)
    assert again.reused and again.rows == 0 and again.residents == loaded.residents
    assert county_load.cached(url, "test-key")
    assert not county_load.cached(url, "another-key")
    with pytest.raises(RuntimeError, match="not empty"):
        county_load.load_county(source, url, COPIES, key="another-key", log=lambda _m: None)


def test_the_bench_draws_every_kind_of_query_from_the_county(county):
    from app.tools.pgbench import COUNTY_SEARCH_KINDS, county_queries

    url, _ = county
    target = Store(url)
    try:
        queries = county_queries(target, 1, n=5)
        assert tuple(queries) == COUNTY_SEARCH_KINDS
        assert all(len(q) == 2 for q in queries["name2"] + queries["fragment2"])
        assert all(len(q) == 3 for q in queries["name3"])
        assert all(len(q) == 4 and q[:3].isdigit() for q in queries["id4"])
        with target.session() as s:  # every query finds someone
            for kind, qs in queries.items():
                for q in qs:
                    assert search.search_residents(s, q), (kind, q)
    finally:
        target.dispose()


def test_migrate_store_checksum_ignores_row_order_and_sees_every_change():
    """store_copy.table_check: the same rows in another order agree; one changed value, a missing
    or a duplicated row does not (the two databases need not return rows alike)."""
    from app.services import store_copy

    meta = sa.MetaData()
    t = sa.Table("t", meta, sa.Column("k", sa.Integer, primary_key=True), sa.Column("v", sa.String))
    rows = [{"k": i, "v": f"值{i % 3}"} for i in range(50)]

    def check(data):
        engine = sa.create_engine("sqlite://")
        meta.create_all(engine)
        with engine.begin() as conn:
            if data:
                conn.execute(t.insert(), data)
            return store_copy.table_check(conn, t)

    base = check(rows)
    assert check(list(reversed(rows))) == base
    assert check(rows[:-1] + [{"k": 49, "v": "变"}]) != base
    assert check(rows[:-1]).checksum != base.checksum and check(rows[:-1]).rows == 49
    swapped = [{"k": r["k"], "v": rows[(r["k"] + 1) % 50]["v"]} for r in rows]  # same values, other rows
    assert check(swapped) != base


@pytest.mark.bench
@pytest.mark.slow
def test_the_bench_imports_its_bundle_into_a_township_on_the_server_and_into_the_file(pg_cluster):
    """`bench --db postgresql… --only pg.sync.import`: the township moved to the server is a copy
    of its file (a moved file takes no more writes), so the file's own import rounds still run."""
    from app.tools.bench import bench_sync

    url = pg_cluster.create_database("bench_sync")
    try:
        found = {m.name: m for m in bench_sync(1, lambda _m: None, 600, pg_url=url)}
    finally:
        pg_cluster.drop_database("bench_sync")
    pg, plain = found["pg.sync.import"], found["sync.import"]
    assert pg.median_ms > 0 and plain.median_ms > 0 and pg.extra["changes"] == plain.extra["changes"] > 0
