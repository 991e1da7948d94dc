"""Content a creator submits for a collaboration, with its AI analysis."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from influfinder.domain.enums import AnalysisStatus, Platform, SubmissionStatus
from influfinder.models._base import enum_column, fk, json_column, timestamp, uuid_pk


class ContentSubmission(SQLModel, table=True):
    __tablename__ = "content_submissions"
    __table_args__ = (
        sa.UniqueConstraint("collaboration_id", "version", name="uq_content_submissions_collab_version"),
        sa.CheckConstraint("ai_score IS NULL OR (ai_score >= 0 AND ai_score <= 100)", name="ck_submissions_ai_score"),
    )

    id: uuid.UUID = uuid_pk()
    collaboration_id: uuid.UUID = fk("collaborations.id", ondelete="CASCADE")
    creator_id: uuid.UUID = fk("users.id")
    version: int = 1  # a new version after "Request changes"; earlier ones stay visible
    status: SubmissionStatus = enum_column(SubmissionStatus, SubmissionStatus.SUBMITTED)
    content_urls: list = json_column(list)  # public post URLs
    media_files: list = json_column(list)  # private storage keys, served through an authorized route
    captions: dict = json_column(dict)  # {platform: caption}
    platform: Platform = enum_column(Platform, Platform.INSTAGRAM)
    platform_post_id: str | None = Field(default=None, max_length=120)
    analysis_status: AnalysisStatus = enum_column(AnalysisStatus, AnalysisStatus.PENDING)
    ai_score: float | None = None
    ai_analysis: dict = json_column(dict)
    passed_requirements: bool | None = None
    reviewed_by: uuid.UUID | None = fk("users.id", nullable=True, index=False, ondelete="SET NULL")
    reviewer_notes: str | None = Field(default=None, max_length=2000)
    submitted_at: datetime = timestamp()
    reviewed_at: datetime | None = timestamp(nullable=True)
