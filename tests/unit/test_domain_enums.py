"""The brief's enumerations, by name: they are stored in the database and shown on screen."""

from influfinder.domain.enums import (
    ApplicationStatus,
    CollaborationStatus,
    NotificationType,
    OfferStatus,
    SubmissionStatus,
    Tier,
    UserType,
)


def names(enum) -> list[str]:
    return [member.name for member in enum]


def test_there_are_the_briefs_eleven_notification_types_discoverys_two_and_reminders():
    assert len(NotificationType) == 14
    assert {"INVITATION_RECEIVED", "SAVED_SEARCH_MATCH", "COLLABORATION_REMINDER"} <= set(names(NotificationType))
    named_in_brief = {
        "APPLICATION_RECEIVED", "APPLICATION_ACCEPTED", "APPLICATION_REJECTED", "COLLABORATION_SCHEDULED",
        "CONTENT_SUBMITTED", "TIER_UPGRADED", "MESSAGE_RECEIVED",
    }
    assert named_in_brief <= set(names(NotificationType))


def test_offer_statuses_are_the_briefs():
    assert names(OfferStatus) == ["DRAFT", "ACTIVE", "PAUSED", "ARCHIVED"]


def test_application_statuses_are_the_briefs_plus_withdrawn():
    assert names(ApplicationStatus) == ["APPLIED", "UNDER_REVIEW", "ACCEPTED", "REJECTED", "WITHDRAWN"]


def test_collaboration_statuses_follow_the_briefs_flow_plus_cancelled():
    assert names(CollaborationStatus) == [
        "ACCEPTED", "SCHEDULED", "VISITED", "CONTENT_SUBMITTED", "IN_REVIEW", "COMPLETED", "DISPUTED", "CANCELLED",
    ]


def test_submission_statuses_are_the_briefs():
    assert names(SubmissionStatus) == ["SUBMITTED", "UNDER_REVIEW", "APPROVED", "REJECTED"]


def test_user_types_are_the_briefs():
    assert names(UserType) == ["CREATOR", "BUSINESS", "AGENCY"]


def test_tiers_are_numbered_zero_to_five_in_the_briefs_order():
    assert [(t.name, t.value) for t in Tier] == [
        ("NEWBIE", 0), ("EXPLORER", 1), ("PRO", 2), ("ELITE", 3), ("MASTER", 4), ("LEGEND", 5),
    ]
    assert Tier.LEGEND.label == "Legend"


def test_stored_values_are_the_names_themselves():
    for enum in (NotificationType, OfferStatus, ApplicationStatus, CollaborationStatus, SubmissionStatus, UserType):
        assert [m.value for m in enum] == names(enum)
