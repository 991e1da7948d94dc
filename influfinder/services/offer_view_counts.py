"""Offer views: counted once per viewer and day, with anonymous viewers known only by a keyed hash."""

from __future__ import annotations

import hashlib
import hmac
import uuid
from datetime import date

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from influfinder.domain.enums import OfferStatus
from influfinder.models import Offer, OfferView
from influfinder.settings import get_settings



def viewer_key(user_id: uuid.UUID | None, ip_address: str, user_agent: str) -> str:
    """Who is looking: the user id, or for anonymous visitors a keyed hash (the IP itself is never stored)."""
    if user_id is not None:
        return str(user_id)
    secret = get_settings().secret_key.encode()
    return hmac.new(secret, f"{ip_address}\n{user_agent}".encode(), hashlib.sha256).hexdigest()


def record_view(db: Session, offer_id: object, viewer_key: str, day: date) -> bool:
    """Count a view of an active public offer once per viewer and day; True when this one counted."""
    if not isinstance(viewer_key, str) or not 1 <= len(viewer_key) <= 64:
        raise ValueError("viewer_key must be 1 to 64 characters")
    try:
        key = uuid.UUID(str(offer_id))
    except ValueError:
        return False
    public = db.exec(
        select(Offer.id).where(Offer.id == key, Offer.status == OfferStatus.ACTIVE, Offer.is_public.is_(True))
    ).first()
    if public is None:
        return False
    insert = postgresql.insert if db.get_bind().dialect.name == "postgresql" else sqlite.insert
    # The table, not the entity: a plain Core INSERT whose RETURNING row exists only when it inserted.
    table = OfferView.__table__
    added = db.exec(
        insert(table)
        .values(id=uuid.uuid4(), offer_id=key, viewer_key=viewer_key, day=day)
        .on_conflict_do_nothing(index_elements=["offer_id", "viewer_key", "day"])
        .returning(table.c.id)
    ).first()
    if added is None:
        return False
    # One atomic increment in SQL: two viewers at the same moment both count.
    db.exec(sa.update(Offer).where(Offer.id == key).values(views_count=Offer.views_count + 1))
    return True
