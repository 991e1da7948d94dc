"""What the services say happened: the typed events that `events.emit` hands to subscribers.

Each is a frozen dataclass of ids and plain values (equal events in one commit are delivered once).
Who listens is decided at start-up (services/subscribers.py): the live push to open pages
(services/live_updates.py) and the notification emails (services/notification_preferences.py).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from influfinder.domain.enums import NotificationType
from influfinder.services.events import DomainEvent


@dataclass(frozen=True)
class NotificationCreated(DomainEvent):
    """A notification row was written for `user_id` (the bell, and perhaps an email)."""

    id: uuid.UUID
    user_id: uuid.UUID
    type: NotificationType
    title: str
    link: str


@dataclass(frozen=True)
class CountsChanged(DomainEvent):
    """Something changed the user's navbar counts (marking read, deleting, deciding an application)."""

    user_id: uuid.UUID


@dataclass(frozen=True)
class MessageSent(DomainEvent):
    message_id: uuid.UUID


@dataclass(frozen=True)
class MessagesRead(DomainEvent):
    """`reader_id` read what `sender_id` had sent them, at `read_at`."""

    reader_id: uuid.UUID
    sender_id: uuid.UUID
    read_at: datetime


@dataclass(frozen=True)
class CollaborationChanged(DomainEvent):
    """A collaboration moved, was rated, got a submission or an analysis: its pages reload it."""

    collaboration_id: uuid.UUID


@dataclass(frozen=True)
class AnalysisFinished(DomainEvent):
    """The content analysis of a submission ended (done or failed); already stored."""

    submission_id: uuid.UUID
