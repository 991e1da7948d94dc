"""The portfolio section of a creator's public profile, and the creator's switch on a completed
collaboration (state/portfolio.py; both states load with their page: pages/discovery.py, influfinder.py)."""

import reflex as rx

from influfinder.components.forms import notice
from influfinder.i18n import N_, translated
from influfinder.state.portfolio import PortfolioItemView, PortfolioState, PortfolioSwitchState

COPY = {
    "title": N_("Portfolio"),
    "post": N_("View the post"),
    "switch": N_("Show this collaboration in my portfolio"),
    "switch_hint": N_("Your public profile will show the offer, the business, your caption, your approved images "
                      "and the links to your posts."),
    "forbidden": N_("The business asked that this offer's content stays out of portfolios."),
}


def _item(item: PortfolioItemView) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.cond(item.cover_url != "",
                    rx.image(src=item.cover_url, alt=item.offer_title, width="100%", height="180px",
                             object_fit="cover", border_radius="var(--radius-2)", loading="lazy")),
            rx.text.strong(item.offer_title),
            rx.text(item.business, " · ", item.platform, " · ", item.on, size="1", color_scheme="gray"),
            rx.cond(item.caption != "", rx.text(item.caption, size="2", class_name="line-clamp-3")),
            rx.foreach(item.post_urls, lambda url: rx.link(translated(COPY["post"]), href=url, is_external=True,
                                                           rel="noopener nofollow", size="2")),
            spacing="2", width="100%",
        ),
        width="100%",
    )


def portfolio_section() -> rx.Component:
    """Nothing at all until the creator shows something: an empty portfolio is not news for a visitor."""
    return rx.box(
        rx.cond(
            PortfolioState.items.length() > 0,
            rx.vstack(
                rx.heading(translated(COPY["title"]), size="4", as_="h2"),
                rx.grid(rx.foreach(PortfolioState.items, _item), columns=rx.breakpoints(initial="1", sm="2", md="3"),
                        spacing="4", width="100%"),
                spacing="3", width="100%",
            ),
        ),
        width="100%", data_testid="portfolio",
    )


def portfolio_switch() -> rx.Component:
    """On a completed collaboration, for its creator only."""
    return rx.box(
        rx.cond(
            PortfolioSwitchState.offered,
            rx.card(rx.vstack(
                rx.el.label(
                    rx.hstack(rx.switch(id="in-portfolio", checked=PortfolioSwitchState.shown,
                                        disabled=~PortfolioSwitchState.allowed & ~PortfolioSwitchState.shown,
                                        on_change=PortfolioSwitchState.set_shown),
                              rx.text(translated(COPY["switch"]), size="2", weight="medium"), spacing="2", align="center"),
                    html_for="in-portfolio",
                ),
                rx.text(rx.cond(PortfolioSwitchState.allowed, translated(COPY["switch_hint"]), translated(COPY["forbidden"])),
                        size="1", color_scheme="gray"),
                rx.cond(PortfolioSwitchState.field_errors.contains("in_portfolio"),
                        rx.text(PortfolioSwitchState.field_errors["in_portfolio"], size="2", color_scheme="red",
                                role="alert")),
                notice(PortfolioSwitchState.notice),
                spacing="2", width="100%",
            ), width="100%"),
        ),
        width="100%", data_testid="portfolio-switch",
    )
