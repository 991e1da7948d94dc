"""A status change that happens only if nobody changed the row meanwhile: one conditional UPDATE."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from influfinder.services.errors import ServiceError


def move_status(db: Session, row, target, changed: str, **values) -> None:
    """`row` (a model with `id` and `status`) goes to `target` with `values`, if its status is still the one
    read; else ServiceError(`changed`), and nothing is written. `row` is then read again."""
    model = type(row)
    result = db.exec(
        sa.update(model)
        .where(model.id == row.id, model.status == row.status)
        .values(status=target, **values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise ServiceError(changed)
    db.refresh(row)
