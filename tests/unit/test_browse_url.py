"""Browse's URL handling: a shared link with a bad value keeps what is good and says what was dropped;
each active filter gets a link that removes it (and never leaves a link the search would refuse)."""

from decimal import Decimal

from influfinder.state.offers import _chips, _form_params, _from_url, search_href


def test_a_good_link_is_read_whole():
    search, problems = _from_url({"q": "brunch", "category": "food", "page": "2", "utm_source": "mail"})
    assert (search.q, search.category.value, search.page, problems) == ("brunch", "FOOD", 2, [])


def test_a_bad_value_is_dropped_with_its_message_and_the_rest_is_kept():
    search, problems = _from_url({"q": "brunch", "category": "spaceships", "sort": "cheapest", "page": "3"})
    assert (search.q, search.category, search.sort, search.page) == ("brunch", None, "newest", 3)
    assert [p.split(":")[0] for p in problems] == ["Unknown category", "Unknown sort"]


def test_a_budget_without_a_currency_drops_the_budget_not_the_search():
    search, problems = _from_url({"q": "reel", "budget_min": "100", "budget_max": "50", "currency": "eur"})
    assert (search.q, search.budget_min, search.budget_max) == ("reel", None, Decimal("50"))
    assert problems == ["The minimum budget cannot be more than the maximum."]
    search, problems = _from_url({"budget_min": "100"})
    assert (search.budget_min, problems) == (None, ["Choose a currency for the budget range."])


def test_page_numbers_out_of_range_fall_back_to_the_first_page():
    for page in ("-1", "0", "1000000000", "two"):
        search, problems = _from_url({"page": page})
        assert search.page == 1 and problems and problems[0].startswith("Page must be")


def test_each_chip_removes_its_filter_and_the_page_but_keeps_the_sort():
    params = {"q": "coffee", "city": "Madrid", "sort": "closing", "page": "2"}
    chips = {chip.label: chip.href for chip in _chips(params)}
    assert chips == {"“coffee”": search_href({"city": "Madrid", "sort": "closing"}),
                     "Madrid": search_href({"q": "coffee", "sort": "closing"})}


def test_removing_the_currency_also_removes_the_budget_it_gives_meaning_to():
    chips = {c.label: c.href for c in _chips({"budget_min": "100", "currency": "eur", "category": "food"})}
    assert chips["In EUR"] == search_href({"category": "food"})
    assert chips["From €100"] == search_href({"currency": "eur", "category": "food"})


def test_the_filter_form_is_read_as_url_parameters_and_forged_forms_are_refused():
    form = {"q": "tacos", "city": "", "budget_min": "", "budget_max": "", "category": "FOOD", "platform": "any",
            "currency": "any", "compensation_type": "any", "deadline_within_days": "7", "qualified_only": "on"}
    assert _form_params(form) == {"q": "tacos", "city": "", "budget_min": "", "budget_max": "", "category": "FOOD",
                                  "platform": "", "currency": "", "compensation_type": "",
                                  "deadline_within_days": "7", "qualified_only": "1"}
    assert _form_params({**form, "q": {"$gt": ""}}) is None
    assert _form_params(["q", "tacos"]) is None
