"""Who looked at an offer on which day: views are counted once per viewer per day, not per reload."""

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.models._base import fk, uuid_pk


class OfferView(SQLModel, table=True):
    __tablename__ = "offer_views"
    __table_args__ = (
        # The unique key is what makes a repeated view a no-op (INSERT ... ON CONFLICT DO NOTHING);
        # it leads with offer_id, so it also serves the foreign key's lookups.
        sa.UniqueConstraint("offer_id", "viewer_key", "day", name="uq_offer_views_offer_viewer_day"),
    )

    id: uuid.UUID = uuid_pk()
    offer_id: uuid.UUID = fk("offers.id", index=False, ondelete="CASCADE")
    # A user id, or a keyed hash of IP and user agent for anonymous visitors (never the raw IP).
    viewer_key: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))
    day: dt.date = Field(sa_column=sa.Column(sa.Date(), nullable=False))
