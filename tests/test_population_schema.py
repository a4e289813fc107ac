"""Migration 0009 makes exactly the population_figure table the model declares."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.db import make_engine, migrate
from app.models import Base


def test_migration_matches_the_population_model(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    mine = [d for d in diff if "population_figure" in repr(d)]
    assert mine == []
    engine.dispose()
