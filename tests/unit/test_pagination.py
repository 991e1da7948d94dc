"""Page numbers come from URLs and sockets: only whole numbers in range get through."""

import pytest

from influfinder.services.pagination import MAX_PAGE, InvalidPage, Page, check_page


@pytest.mark.parametrize("page", [-1, 0, 10**9, True, "2", {"$gt": 1}, 2.0, None, [1]])
def test_a_bad_page_number_is_refused(page):
    with pytest.raises(InvalidPage, match="Page must be a whole number"):
        check_page(page, 20)


@pytest.mark.parametrize("size", [0, -5, 101, True, "20", {"$gt": 1}])
def test_a_bad_page_size_is_refused(size):
    with pytest.raises(InvalidPage, match="Page size"):
        check_page(1, size)


def test_the_first_and_last_pages_are_accepted():
    assert check_page(1, 20) == (1, 20)
    assert check_page(MAX_PAGE, 100) == (MAX_PAGE, 100)


def test_page_counts_and_neighbours():
    page = Page(items=[], total=26, page=2, page_size=20)
    assert page.pages == 2 and page.has_previous and not page.has_next
    empty = Page(items=[], total=0, page=1, page_size=20)
    assert empty.pages == 1 and not empty.has_next and not empty.has_previous
