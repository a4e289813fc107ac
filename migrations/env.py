"""alembic environment: the app hands us its connection (see app.db.migrate)."""

from __future__ import annotations

from alembic import context

from app.models import Base
from app.search_index import is_derived_table

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=lambda name, type_, _parents: not (type_ == "table" and is_derived_table(name or "")),
    )


connection = config.attributes.get("connection")
if connection is not None:
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()
else:  # developer use: `alembic -x url=sqlite:///x.db revision --autogenerate`
    from app.db import make_engine, sqlite_file
    from app.services.encryption import key_for_store

    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    db_file = sqlite_file(url)
    # an encrypted store opens with the key beside its device keys, as the app opens it
    engine = make_engine(url, key_for_store(db_file) if db_file is not None else None)
    with engine.begin() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()
