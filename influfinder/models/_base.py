"""Column helpers shared by every table: UUID keys, UTC timestamps, enums stored as text."""

import uuid
from datetime import datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field

from influfinder import clock


def utcnow() -> datetime:
    return clock.now()  # the real time, or the moment of a replay (influfinder/clock.py)


def uuid_pk() -> Any:
    return Field(default_factory=uuid.uuid4, primary_key=True)


def fk(target: str, *, nullable: bool = False, index: bool = True, ondelete: str | None = None) -> Any:
    return Field(
        default=None if nullable else ...,
        sa_column=sa.Column(
            sa.Uuid(), sa.ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index
        ),
    )


def timestamp(*, nullable: bool = False, index: bool = False) -> Any:
    kwargs: dict[str, Any] = {"default": None} if nullable else {"default_factory": utcnow}
    return Field(sa_column=sa.Column(sa.DateTime(timezone=True), nullable=nullable, index=index), **kwargs)


def enum_column(enum: type[Enum], default: Enum | None = None, *, index: bool = False) -> Any:
    """Enums are stored as their names in a VARCHAR with a CHECK, the same on SQLite and PostgreSQL."""
    column = sa.Column(
        sa.Enum(enum, native_enum=False, create_constraint=True, length=32, name=f"ck_{enum.__name__.lower()}"),
        nullable=False,
        index=index,
    )
    return Field(default=default, sa_column=column) if default is not None else Field(sa_column=column)


def json_column(default_factory: Any) -> Any:
    return Field(default_factory=default_factory, sa_column=sa.Column(sa.JSON(), nullable=False))


def money(*, nullable: bool = True) -> Any:
    return Field(default=None, sa_column=sa.Column(sa.Numeric(12, 2), nullable=nullable))
