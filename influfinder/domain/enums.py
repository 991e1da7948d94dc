"""The brief's enumerations, named exactly as the brief names them.

Values are the names themselves, so they read the same in the database, the UI and the logs.
"""

from enum import Enum


class StrEnum(str, Enum):
    def __str__(self) -> str:
        return self.value

    @classmethod
    def values(cls) -> list[str]:
        return [m.value for m in cls]


class UserType(StrEnum):
    CREATOR = "CREATOR"
    BUSINESS = "BUSINESS"
    AGENCY = "AGENCY"


class Tier(int, Enum):
    NEWBIE = 0
    EXPLORER = 1
    PRO = 2
    ELITE = 3
    MASTER = 4
    LEGEND = 5

    @property
    def label(self) -> str:
        return self.name.title()


class OfferCategory(StrEnum):
    FASHION = "FASHION"
    BEAUTY = "BEAUTY"
    FOOD = "FOOD"
    TRAVEL = "TRAVEL"
    TECH = "TECH"
    FITNESS = "FITNESS"
    LIFESTYLE = "LIFESTYLE"
    HOME = "HOME"
    ENTERTAINMENT = "ENTERTAINMENT"
    OTHER = "OTHER"


class Platform(StrEnum):
    INSTAGRAM = "INSTAGRAM"
    TIKTOK = "TIKTOK"
    FACEBOOK = "FACEBOOK"


class Currency(StrEnum):
    EUR = "EUR"
    USD = "USD"
    MXN = "MXN"


class OfferStatus(StrEnum):
    DRAFT = "DRAFT"
    ACTIVE = "ACTIVE"
    PAUSED = "PAUSED"
    ARCHIVED = "ARCHIVED"


class CompensationType(StrEnum):
    PAID = "PAID"
    PRODUCT = "PRODUCT"
    EXPERIENCE = "EXPERIENCE"


class ContentFormat(StrEnum):
    POST = "POST"
    REEL = "REEL"
    STORY = "STORY"
    VIDEO = "VIDEO"


class ApplicationStatus(StrEnum):
    APPLIED = "APPLIED"
    UNDER_REVIEW = "UNDER_REVIEW"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    # Not in the brief: a creator may take back an undecided application.
    WITHDRAWN = "WITHDRAWN"


class CollaborationStatus(StrEnum):
    ACCEPTED = "ACCEPTED"
    SCHEDULED = "SCHEDULED"
    VISITED = "VISITED"
    CONTENT_SUBMITTED = "CONTENT_SUBMITTED"
    IN_REVIEW = "IN_REVIEW"
    COMPLETED = "COMPLETED"
    DISPUTED = "DISPUTED"
    # Not in the brief: either party may call it off before the visit.
    CANCELLED = "CANCELLED"


class SubmissionStatus(StrEnum):
    SUBMITTED = "SUBMITTED"
    UNDER_REVIEW = "UNDER_REVIEW"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


class AnalysisStatus(StrEnum):
    """Where the AI analysis of a submission stands; a failed one can be retried."""

    PENDING = "PENDING"
    RUNNING = "RUNNING"
    DONE = "DONE"
    FAILED = "FAILED"


class NotificationType(StrEnum):
    """The brief's eleven notification types, the two of discovery (issue 13) and reminders (issue 11)."""

    APPLICATION_RECEIVED = "APPLICATION_RECEIVED"
    APPLICATION_ACCEPTED = "APPLICATION_ACCEPTED"
    APPLICATION_REJECTED = "APPLICATION_REJECTED"
    COLLABORATION_SCHEDULED = "COLLABORATION_SCHEDULED"
    CONTENT_SUBMITTED = "CONTENT_SUBMITTED"
    CONTENT_APPROVED = "CONTENT_APPROVED"
    CONTENT_CHANGES_REQUESTED = "CONTENT_CHANGES_REQUESTED"
    RATING_RECEIVED = "RATING_RECEIVED"
    TIER_UPGRADED = "TIER_UPGRADED"
    MESSAGE_RECEIVED = "MESSAGE_RECEIVED"
    DISPUTE_OPENED = "DISPUTE_OPENED"
    # Discovery (issue 13)
    INVITATION_RECEIVED = "INVITATION_RECEIVED"
    SAVED_SEARCH_MATCH = "SAVED_SEARCH_MATCH"
    # A collaboration's reminders (issue 11): a visit tomorrow or today, content late
    COLLABORATION_REMINDER = "COLLABORATION_REMINDER"


class InvitationStatus(StrEnum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"


class SavedSearchKind(StrEnum):
    OFFERS = "OFFERS"  # a creator's Browse search
    CREATORS = "CREATORS"  # a business's Find creators search


class AuthProvider(StrEnum):
    EMAIL = "EMAIL"
    GOOGLE = "GOOGLE"
    FACEBOOK = "FACEBOOK"
    INSTAGRAM = "INSTAGRAM"
    TIKTOK = "TIKTOK"


class ReputationBadge(StrEnum):
    """Earned from what happened (domain/reputation.py). The value is the English name, which is also
    what a day's cached figures hold; people read it through the label table."""

    NEWCOMER = "Newcomer"
    RESPONSIVE = "Responds within a day"
    TOP_RATED = "Top rated"
    RELIABLE = "Reliable"


class TokenPurpose(StrEnum):
    VERIFY_EMAIL = "VERIFY_EMAIL"
    RESET_PASSWORD = "RESET_PASSWORD"
