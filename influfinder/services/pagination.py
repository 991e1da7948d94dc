"""One page of rows and the total, counted in SQL (DESIGN rule 8)."""

from dataclasses import dataclass
from math import ceil
from typing import Generic, TypeVar

from influfinder.i18n import _

T = TypeVar("T")

MAX_PAGE = 10_000


class InvalidPage(ValueError):
    pass


def check_page(page: object, page_size: object, *, max_size: int = 100) -> tuple[int, int]:
    """Validate a page request from the outside world; bool and non-int values are refused."""
    if type(page) is not int or not 1 <= page <= MAX_PAGE:
        raise InvalidPage(_("Page must be a whole number from 1 to {n}.").format(n=MAX_PAGE))
    if type(page_size) is not int or not 1 <= page_size <= max_size:
        raise InvalidPage(_("Page size must be a whole number from 1 to {n}.").format(n=max_size))
    return page, page_size


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.page_size))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def page_or_last(db, actor, service, *args, page: object, page_size: object):
    """`service(db, actor, *args, page, page_size)`, whose answer is a Page or holds one in `.page`.

    Past the last page (rows went away since the link was made) it answers with the last page,
    in the same transaction.
    """
    result = service(db, actor, *args, page, page_size)
    shown = result if isinstance(result, Page) else result.page
    if not shown.items and shown.page > shown.pages:
        result = service(db, actor, *args, shown.pages, page_size)
    return result
