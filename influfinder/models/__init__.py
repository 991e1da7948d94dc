"""Every table of the app. Importing this package registers them all on SQLModel.metadata."""

from influfinder.models.analytics import Analytics
from influfinder.models.api_token import ApiRefreshToken
from influfinder.models.application import Application
from influfinder.models.auth import OneTimeToken, UserSession
from influfinder.models.collaboration import Collaboration, CollaborationEvent
from influfinder.models.connected_account import AudienceSnapshot, ConnectedAccount
from influfinder.models.invitation import BusinessMute, Invitation
from influfinder.models.live_sequence import LiveSequence
from influfinder.models.message import Message, conversation_key
from influfinder.models.notification import Notification
from influfinder.models.notification_preference import NotificationPreference
from influfinder.models.oauth_identity import OAuthIdentity
from influfinder.models.offer import Offer
from influfinder.models.offer_view import OfferView
from influfinder.models.reminder import CollaborationReminder
from influfinder.models.reputation_day import ReputationDay
from influfinder.models.saved_search import SavedSearch
from influfinder.models.submission import ContentSubmission
from influfinder.models.user import Profile, User

__all__ = [
    "Analytics",
    "ApiRefreshToken",
    "Application",
    "AudienceSnapshot",
    "BusinessMute",
    "Collaboration",
    "CollaborationReminder",
    "CollaborationEvent",
    "ConnectedAccount",
    "ContentSubmission",
    "Invitation",
    "LiveSequence",
    "Message",
    "Notification",
    "NotificationPreference",
    "OAuthIdentity",
    "Offer",
    "OfferView",
    "OneTimeToken",
    "Profile",
    "ReputationDay",
    "SavedSearch",
    "User",
    "UserSession",
    "conversation_key",
]
