"""The suite's prepared stores (tests/storekit.py): a copy opens at head without migrating, every
store is its own device, and nothing a test writes reaches the template or another test."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select

import app.db
from app import search_index
from app.db import current_revision, head_revision
from app.models import Resident
from app.services import profile
from app.services.records.residents import save_resident
from app.services.sync import keys
from tests import storekit
from tests.conftest import TODAY, TOWNSHIP_CODE, make_store
from tests.synckit import county


def test_a_copied_store_opens_at_head_without_migrating(tmp_path, monkeypatch):
    storekit.schema_template()  # built (by migrating) before migrations are forbidden

    def no_migration(*_a, **_kw):
        raise AssertionError("a copied store must not run the migrations")

    monkeypatch.setattr(app.db, "migrate", no_migration)
    store = storekit.new_store(tmp_path / "cunyi.db")
    assert current_revision(store.engine) == head_revision()
    with store.engine.begin() as conn:
        assert search_index.ensure(conn) is False  # nothing to rebuild
    store.dispose()


def test_every_store_is_its_own_device(tmp_path):
    stores = [make_store(tmp_path / "a"), make_store(tmp_path / "b")]
    stores.append(make_store(tmp_path / "c", "township", TOWNSHIP_CODE, "朝阳乡"))
    ids = []
    for store in stores:
        with store.session() as s:
            p = profile.get_profile(s)
            ids += [p.device_id, p.db_id]
        store.dispose()
    assert len(set(ids)) == 6
    key_files = [
        (tmp_path / d / f"data-{role}" / "keys" / keys.SIGN_FILE).read_bytes()
        for d, role in (("a", "village"), ("b", "village"), ("c", "township"))
    ]
    assert len(set(key_files)) == 3
    town, villages = county(tmp_path / "county")
    devices = [town, *villages]
    assert len({d.device_id for d in devices}) == 3
    assert len({d.keys.sign_public for d in devices}) == 3
    for d in devices:
        d.store.dispose()


def test_a_test_writes_into_its_own_copy_only(store, person, tmp_path):
    template = storekit.schema_template()
    before = hashlib.sha256(template.read_bytes()).hexdigest()
    with store.transaction() as s:
        save_resident(s, person(), today=TODAY)
    other = make_store(tmp_path / "other")
    with other.session() as s:
        assert s.scalar(select(func.count()).select_from(Resident)) == 0
    other.dispose()
    assert hashlib.sha256(template.read_bytes()).hexdigest() == before
