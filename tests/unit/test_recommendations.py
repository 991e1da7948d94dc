"""The recommendation scores: each point has its reason, and the order follows the reasons."""

from influfinder.domain import recommendations as rec
from influfinder.domain.recommendations import CreatorFacts, CreatorTaste, OfferFacts

TASTE = CreatorTaste(city="Madrid", categories=frozenset({"FOOD", "TRAVEL"}), completed_by_category={"FOOD": 2},
                     businesses_worked_with=frozenset({"aurora"}))


def offer(key: str, category="FOOD", city="Madrid", eligible=True, business="other", similar=0) -> OfferFacts:
    return OfferFacts(key, business, "Café Aurora", category, city, eligible, similar)


def test_a_food_offer_in_the_creators_city_says_why_and_beats_one_elsewhere():
    near, far = rec.score_offer(TASTE, offer("near")), rec.score_offer(TASTE, offer("far", category="TECH", city="Lisboa"))
    assert near.score > far.score
    assert "Food, one of your categories" in near.why and "In Madrid, your city" in near.why
    assert sum(r.points for r in near.reasons) == near.score
    assert [r.text for r in far.reasons] == ["You meet its requirements"]


def test_past_work_with_the_business_and_similar_applicants_add_points_with_their_reason():
    plain, known = rec.score_offer(TASTE, offer("a")), rec.score_offer(TASTE, offer("b", business="aurora", similar=3))
    assert known.score == plain.score + rec.SAME_BUSINESS + 3 * rec.SIMILAR_APPLIED
    texts = [r.text for r in known.reasons]
    assert "You worked with Café Aurora before" in texts and "3 creators like you applied" in texts
    assert "You completed 2 food collaborations" in texts


def test_an_offer_the_creator_cannot_apply_to_ranks_below_an_equal_one_they_can():
    assert rec.score_offer(TASTE, offer("ok")).score > rec.score_offer(TASTE, offer("no", eligible=False)).score


def test_a_suggested_creator_reads_like_a_business_would_say_it():
    creator = CreatorFacts("c", "Madrid", frozenset({"FOOD"}), tier=2, rating=4.9, completed=6, available=True,
                           eligible=True)
    scored = rec.score_creator("FOOD", "madrid", creator)
    assert scored.why.startswith("Food creator in Madrid")
    assert "4.9 rating" in scored.why
    stranger = CreatorFacts("d", "Lisboa", frozenset({"TECH"}), tier=0, rating=None, completed=0, available=False,
                            eligible=False)
    assert rec.score_creator("FOOD", "Madrid", stranger).score == 0


def test_top_keeps_the_best_in_order_and_ties_in_candidate_order():
    scored = [rec.Scored("a", 5), rec.Scored("b", 9), rec.Scored("c", 5)]
    assert [s.key for s in rec.top(scored, 2)] == ["b", "a"]
