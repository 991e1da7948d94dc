"""Content a creator submits for a collaboration, with its AI analysis, and its private media files."""

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
    # The platform's own "Paid partnership" label: counts as disclosure in the analysis.
    paid_partnership: bool = Field(default=False, sa_column=sa.Column(sa.Boolean(), nullable=False,
                                                                      server_default=sa.false()))
    analysis_status: AnalysisStatus = enum_column(AnalysisStatus, AnalysisStatus.PENDING)
    # When the running analysis started: one stuck past its deadline (a restart) may be retried.
    analysis_started_at: datetime | None = timestamp(nullable=True)
    ai_score: float | None = None
    ai_analysis: dict = json_column(dict)
    passed_requirements: bool | None = None
    reviewed_by: uuid.UUID | None = fk("users.id", nullable=True, index=False, ondelete="SET NULL")
    reviewer_notes: str | None = Field(default=None, max_length=2000)
    submitted_at: datetime = timestamp()
    reviewed_at: datetime | None = timestamp(nullable=True)


class SubmissionMedia(SQLModel, table=True):
    """One stored file of a submission. The unique storage key is how the media route finds
    whose file it is, so it can serve it to the collaboration's two parties and admins only."""

    __tablename__ = "submission_media"
    __table_args__ = (
        sa.UniqueConstraint("submission_id", "position", name="uq_submission_media_position"),
        sa.CheckConstraint("size_bytes >= 0", name="ck_submission_media_size"),
    )

    id: uuid.UUID = uuid_pk()
    submission_id: uuid.UUID = fk("content_submissions.id", index=False, ondelete="CASCADE")
    position: int = 0  # the order the creator gave the files in
    storage_key: str = Field(sa_column=sa.Column(sa.String(120), nullable=False, unique=True))
    content_type: str = Field(max_length=40)  # image/png, image/jpeg, image/webp or video/mp4
    size_bytes: int = 0
    width: int | None = None  # images only
    height: int | None = None
    original_name: str = Field(default="", max_length=255)  # shown to the parties, never used as a path
    created_at: datetime = timestamp()
