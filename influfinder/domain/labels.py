"""The one table of words for every enum value the product shows: badges, tabs, counts,
notifications and mails all read a status here. English msgids, translated by influfinder.i18n.labels.

`N_` only marks a string for the catalogs (Babel extracts it); domain imports nothing of ours.
"""

from __future__ import annotations

from influfinder.domain.enums import (
    AnalysisStatus,
    ApplicationStatus,
    CollaborationStatus,
    CompensationType,
    ContentFormat,
    Currency,
    NotificationType,
    OfferCategory,
    OfferStatus,
    Platform,
    ReputationBadge,
    SubmissionStatus,
    Tier,
    UserType,
)


def N_(message: str) -> str:
    return message


LABELS: dict[object, str] = {
    UserType.CREATOR: N_("Creator"), UserType.BUSINESS: N_("Business"), UserType.AGENCY: N_("Agency"),
    Tier.NEWBIE: N_("Newbie"), Tier.EXPLORER: N_("Explorer"), Tier.PRO: N_("Pro"), Tier.ELITE: N_("Elite"),
    Tier.MASTER: N_("Master"), Tier.LEGEND: N_("Legend"),
    OfferCategory.FASHION: N_("Fashion"), OfferCategory.BEAUTY: N_("Beauty"), OfferCategory.FOOD: N_("Food"),
    OfferCategory.TRAVEL: N_("Travel"), OfferCategory.TECH: N_("Tech"), OfferCategory.FITNESS: N_("Fitness"),
    OfferCategory.LIFESTYLE: N_("Lifestyle"), OfferCategory.HOME: N_("Home"),
    OfferCategory.ENTERTAINMENT: N_("Entertainment"), OfferCategory.OTHER: N_("Other"),
    Platform.INSTAGRAM: "Instagram", Platform.TIKTOK: "TikTok", Platform.FACEBOOK: "Facebook",
    Currency.EUR: "EUR", Currency.USD: "USD", Currency.MXN: "MXN",
    OfferStatus.DRAFT: N_("Draft"), OfferStatus.ACTIVE: N_("Active"), OfferStatus.PAUSED: N_("Paused"),
    OfferStatus.ARCHIVED: N_("Archived"),
    CompensationType.PAID: N_("Paid"), CompensationType.PRODUCT: N_("Product"),
    CompensationType.EXPERIENCE: N_("Experience"),
    ContentFormat.POST: N_("Post"), ContentFormat.REEL: N_("Reel"), ContentFormat.STORY: N_("Story"),
    ContentFormat.VIDEO: N_("Video"),
    ApplicationStatus.APPLIED: N_("New"), ApplicationStatus.UNDER_REVIEW: N_("Under review"),
    ApplicationStatus.ACCEPTED: N_("Accepted"), ApplicationStatus.REJECTED: N_("Rejected"),
    ApplicationStatus.WITHDRAWN: N_("Withdrawn"),
    CollaborationStatus.ACCEPTED: N_("Accepted"), CollaborationStatus.SCHEDULED: N_("Scheduled"),
    CollaborationStatus.VISITED: N_("Visited"), CollaborationStatus.CONTENT_SUBMITTED: N_("Content submitted"),
    CollaborationStatus.IN_REVIEW: N_("In review"), CollaborationStatus.COMPLETED: N_("Completed"),
    CollaborationStatus.DISPUTED: N_("Disputed"), CollaborationStatus.CANCELLED: N_("Cancelled"),
    SubmissionStatus.SUBMITTED: N_("Submitted"), SubmissionStatus.UNDER_REVIEW: N_("Under review"),
    SubmissionStatus.APPROVED: N_("Approved"), SubmissionStatus.REJECTED: N_("Changes requested"),
    AnalysisStatus.PENDING: N_("Waiting"), AnalysisStatus.RUNNING: N_("Analyzing"), AnalysisStatus.DONE: N_("Done"),
    AnalysisStatus.FAILED: N_("Failed"),
    NotificationType.APPLICATION_RECEIVED: N_("Application received"),
    NotificationType.APPLICATION_ACCEPTED: N_("Application accepted"),
    NotificationType.APPLICATION_REJECTED: N_("Application rejected"),
    NotificationType.COLLABORATION_SCHEDULED: N_("Visit scheduled"),
    NotificationType.CONTENT_SUBMITTED: N_("Content submitted"),
    NotificationType.CONTENT_APPROVED: N_("Content approved"),
    NotificationType.CONTENT_CHANGES_REQUESTED: N_("Changes requested"),
    NotificationType.RATING_RECEIVED: N_("Rating received"),
    NotificationType.TIER_UPGRADED: N_("New tier"),
    NotificationType.MESSAGE_RECEIVED: N_("New message"),
    NotificationType.DISPUTE_OPENED: N_("Dispute opened"),
    NotificationType.COLLABORATION_REMINDER: N_("Reminder"),
    ReputationBadge.NEWCOMER: N_("Newcomer"), ReputationBadge.RESPONSIVE: N_("Responds within a day"),
    ReputationBadge.TOP_RATED: N_("Top rated"), ReputationBadge.RELIABLE: N_("Reliable"),
}

# Where one side reads a status differently: the creator who sent an application reads "Sent".
CREATOR_LABELS: dict[object, str] = {ApplicationStatus.APPLIED: N_("Sent")}
