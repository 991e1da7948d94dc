"""A completed collaboration's numbers in words (state/collaboration_figures.py)."""

from influfinder.i18n import use_language
from influfinder.services.metrics import CollaborationMetrics
from influfinder.state.collaboration_figures import collaboration_figures


def shown(**changes) -> dict[str, str]:
    values = dict(status="COMPLETED", duration_days=3.5, ai_quality=8.0, creator_rating=5, business_rating=None)
    values.update(changes)
    return {f.key: f.value for f in collaboration_figures(CollaborationMetrics(**values))}


def test_the_figures_read_as_people_write_them():
    with use_language("en"):
        assert shown() == {"duration": "3.5 days", "quality": "8 of 10", "creator_rating": "5 of 5",
                           "business_rating": "—"}
        assert shown(duration_days=1.0)["duration"] == "1 day"
        assert shown(duration_days=0.2)["duration"] == "Less than a day"
    with use_language("es"):
        assert shown()["duration"] == "3,5 días" and shown(duration_days=0.2)["duration"] == "Menos de un día"


def test_nothing_is_shown_before_completion():
    assert collaboration_figures(None) == []
