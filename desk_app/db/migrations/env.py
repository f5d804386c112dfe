"""Alembic environment: runs on the connection the application hands over
(desk_app.db.migrate), so frozen builds need no alembic.ini."""

from alembic import context

from desk_app.db.schema import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _described_here(obj, name, type_, reflected, compare_to) -> bool:
    """The search indexes made outside the schema module (db/search_index.py)
    are not differences."""
    from desk_app.db.search_index import is_database_only

    return not (reflected and is_database_only(name, type_))


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=_described_here,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
