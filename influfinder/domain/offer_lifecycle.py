"""The offer lifecycle: DRAFT -> ACTIVE <-> PAUSED, and any live offer -> ARCHIVED.

"edit" is a move that keeps the state: it exists so the table also says which states can be
edited (an archived offer cannot). Admins may pause and archive (moderation) but never publish
or edit on a business's behalf.
"""

from __future__ import annotations

from influfinder.domain.enums import OfferStatus
from influfinder.domain.transitions import ADMIN, OWNER, Lifecycle, TransitionRefused, move, moves, transition

DRAFT, ACTIVE, PAUSED, ARCHIVED = OfferStatus.DRAFT, OfferStatus.ACTIVE, OfferStatus.PAUSED, OfferStatus.ARCHIVED

EDIT = "edit"
PUBLISH = "publish"
PAUSE = "pause"
RESUME = "resume"
ARCHIVE = "archive"

NOT_ARCHIVED = (DRAFT, ACTIVE, PAUSED)

OFFER_LIFECYCLE = Lifecycle(
    noun="offer",
    moves=(
        *(move(state, EDIT, state, OWNER) for state in NOT_ARCHIVED),
        move(DRAFT, PUBLISH, ACTIVE, OWNER),
        move(ACTIVE, PAUSE, PAUSED, OWNER, ADMIN),
        move(PAUSED, RESUME, ACTIVE, OWNER),
        *moves(NOT_ARCHIVED, ARCHIVE, ARCHIVED, OWNER, ADMIN),
    ),
)

__all__ = [
    "ACTIVE", "ARCHIVE", "ARCHIVED", "DRAFT", "EDIT", "OFFER_LIFECYCLE", "PAUSE", "PAUSED", "PUBLISH",
    "RESUME", "TransitionRefused", "offer_transition", "transition",
]


def offer_transition(state: OfferStatus, action: str, role: str) -> OfferStatus:
    return transition(OFFER_LIFECYCLE, state, action, role)  # type: ignore[return-value]
