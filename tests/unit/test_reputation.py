"""The documented thresholds of the reputation badges, and the double-blind rule for ratings."""

from datetime import datetime, timedelta, timezone

from influfinder.domain.reputation import Records, reputation, review_visible

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=timezone.utc)
H = timedelta(hours=1)


def _creator(**records) -> list[str]:
    return reputation(Records(role="creator", **records), NOW).badges


def test_new_until_three_collaborations_have_finished():
    assert _creator(finished=2, completed=2, ratings=[5, 5, 5]) == ["Newcomer"]
    assert "Newcomer" not in _creator(finished=3, completed=3)


def test_top_rated_needs_four_and_a_half_stars_over_three_ratings():
    assert "Top rated" in _creator(finished=3, completed=3, ratings=[5, 4, 5])  # 4.67
    assert "Top rated" not in _creator(finished=3, completed=3, ratings=[5, 4, 4])  # 4.33
    assert "Top rated" not in _creator(finished=3, completed=3, ratings=[5, 5])  # too few


def test_responds_within_a_day_is_the_median_of_at_least_three_replies():
    quick = [(NOW, NOW + 2 * H), (NOW, NOW + 3 * H), (NOW, NOW + 80 * H)]
    assert "Responds within a day" in _creator(replies=quick)  # median 3 h, even while still New
    assert "Responds within a day" not in _creator(replies=quick[:2])
    assert "Responds within a day" not in _creator(replies=[(NOW, NOW + 30 * H)] * 3)


def test_reliable_creators_complete_nine_in_ten_and_visit_on_time():
    on_time = [(NOW - timedelta(days=5), NOW - timedelta(days=5) + 20 * H)] * 3
    assert "Reliable" in _creator(finished=3, completed=3, visits=on_time)
    assert "Reliable" not in _creator(finished=4, completed=3, visits=on_time)  # 75 % completed
    missed = on_time + [(NOW - timedelta(days=5), None)]  # the day passed without a visit
    assert "Reliable" not in _creator(finished=3, completed=3, visits=missed)


def test_a_visit_not_yet_due_is_not_late():
    rep = reputation(Records(role="creator", visits=[(NOW + timedelta(days=2), None)]), NOW)
    assert rep.on_time_visits is None


def test_a_business_loses_reliable_with_a_lost_dispute():
    ok = reputation(Records(role="business", finished=3, completed=3, visits_proposed=3, visits_confirmed=3), NOW)
    lost = reputation(Records(role="business", finished=3, completed=3, visits_proposed=3, visits_confirmed=3,
                              disputes_lost=1), NOW)
    assert "Reliable" in ok.badges and "Reliable" not in lost.badges


def test_the_other_sides_rating_shows_once_both_rated_or_after_fourteen_days():
    approved = NOW - timedelta(days=13)
    assert not review_visible(False, True, approved, NOW)
    assert review_visible(True, True, approved, NOW)
    assert review_visible(False, True, approved, NOW + timedelta(days=1))
    assert review_visible(False, False, approved, NOW)  # completed (or disputed): rating is over
    assert not review_visible(False, True, None, NOW)


def test_my_record_reads_as_counterparties_see_it():
    from influfinder.state.progress import record_view

    creator = record_view(reputation(Records(role="creator", finished=4, completed=3,
                                             replies=[(NOW, NOW + 5 * H)] * 3), NOW))
    assert creator.badges == ["Responds within a day"]
    assert creator.figures[0] == ["Completed", "75%"] and creator.figures[-1] == ["Replies to messages in", "5 h"]
    business = record_view(reputation(Records(role="business", decisions=[(NOW, NOW + 72 * H)]), NOW))
    assert ["Answers applications in", "3 days"] in business.figures and business.badges == ["Newcomer"]
