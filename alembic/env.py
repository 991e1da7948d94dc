"""Alembic environment: the URL comes from the app's settings, the metadata from its models."""

from alembic import context
from sqlalchemy import pool
from sqlmodel import SQLModel

import influfinder.models  # noqa: F401  (registers every table)
from influfinder.database import make_engine
from influfinder.models.creator_index import include_name  # offer and creator search objects
from influfinder.settings import get_settings

config = context.config
target_metadata = SQLModel.metadata


def _url() -> str:
    return config.attributes.get("database_url") or get_settings().database_url


def run_migrations_offline() -> None:
    context.configure(
        url=_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection")
    if connectable is not None:
        _run(connectable)
        return
    engine = make_engine(_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
        compare_type=True,
        include_name=include_name,  # the full-text search objects live beside the models, not in them
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            # Several app processes may start together: one migrates, the others wait.
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(727274)")
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
