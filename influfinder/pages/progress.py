"""/progress: a creator's "My progress": tier, karma, the bar to the next tier, what it unlocks, karma history."""

import reflex as rx

from influfinder.components.badges import tier_badge
from influfinder.components.charts import Line, chart_figure, line_chart
from influfinder.components.layout import link_button, page
from influfinder.components.recommendations import recommended_offers_panel
from influfinder.components.reputation_card import reputation_card
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href
from influfinder.state.progress import KarmaLine, ProgressState

ROUTE = "/progress"
COPY = {
    "eyebrow": N_("Your standing"),
    "title": N_("My progress"),
    "subtitle": N_("Every completed collaboration earns karma. Karma moves you up the tiers, and tiers open doors."),
    "karma": N_("karma"),
    "completed": N_("completed collaborations"),
    "to_next": N_("Progress to "),
    "top": N_("You reached the top tier. Every collaboration still adds karma."),
    "unlocks": N_("What the next tier unlocks"),
    "now": N_("What you have now"),
    "numbers": N_("Your numbers"),
    "collaborations": N_("Collaborations"),
    "done": N_("Completed"),
    "completion_rate": N_("Completion rate"),
    "rating": N_("Average rating"),
    "rating_one": N_(" rating"),
    "ratings": N_(" ratings"),
    "applications": N_("Applications sent"),
    "history": N_("Karma history"),
    "karma_chart": N_("Karma over time"),
    "col_n": "#",
    "col_offer": N_("Collaboration"),
    "col_date": N_("Completed"),
    "col_gain": N_("Karma"),
    "col_total": N_("Total"),
    "col_tier": N_("Tier"),
    "empty": N_("Complete your first collaboration to earn 100 karma and become an Explorer."),
    "empty_later": N_("Karma from your next completed collaboration shows up here."),
    "browse": N_("Find an offer"),
    "previous": N_("Previous"),
    "next": N_("Next"),
    "page": N_("Page "),
    "of": N_(" of "),
    "pages": N_("Pages of karma history"),
}

_S = ProgressState


def stat(label: str, value, hint=None) -> rx.Component:
    return rx.card(
        rx.vstack(rx.text(label, size="2", color_scheme="gray"),
                  rx.text(value, size="7", weight="bold", class_name="tabular"),
                  hint if hint is not None else rx.fragment(), spacing="1"),
        size="2", width="100%",
    )


def _hero() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.flex(
                rx.hstack(
                    rx.box(rx.icon("trophy", size=30), class_name="step-icon", width="64px", height="64px"),
                    rx.vstack(tier_badge(_S.tier_level, size="3"),
                              rx.hstack(rx.text(_S.karma, size="8", weight="bold", class_name="tabular",
                                                data_testid="karma"),
                                        rx.text(translated(COPY["karma"]), size="3", color_scheme="gray"), align="baseline",
                                        spacing="2"),
                              spacing="1"),
                    align="center", spacing="4",
                ),
                rx.text(rx.text.strong(_S.completed), " ", translated(COPY["completed"]), size="2", color_scheme="gray"),
                direction=rx.breakpoints(initial="column", sm="row"), justify="between",
                align=rx.breakpoints(initial="start", sm="center"), gap="3", width="100%",
            ),
            rx.cond(
                _S.next_tier != "",
                rx.vstack(
                    rx.hstack(rx.text(translated(COPY["to_next"]), rx.text.strong(_S.next_tier), size="2"), rx.spacer(),
                              rx.text(_S.to_next_words, size="2",
                                      color_scheme="gray", class_name="tabular"), width="100%", wrap="wrap"),
                    rx.progress(value=_S.progress.to(int), max=100, size="3",
                                aria_label=translated(COPY["to_next"]) + _S.next_tier),
                    spacing="2", width="100%",
                ),
                rx.text(translated(COPY["top"]), size="2"),
            ),
            spacing="5", width="100%",
        ),
        size="4", width="100%", data_testid="tier-card",
    )


def _bullets(title: str, items, icon: str) -> rx.Component:
    return rx.card(
        rx.vstack(rx.heading(title, size="4", as_="h2"),
                  rx.foreach(items, lambda t: rx.hstack(rx.icon(icon, size=16, color=rx.color("accent", 10),
                                                                flex_shrink="0"),
                                                        rx.text(t, size="2"), align="start", spacing="2")),
                  spacing="3"),
        size="3", width="100%",
    )


def _numbers() -> rx.Component:
    n = _S.numbers
    return rx.vstack(
        rx.heading(translated(COPY["numbers"]), size="5", as_="h2"),
        rx.grid(
            stat(translated(COPY["collaborations"]), n.collaborations),
            stat(translated(COPY["done"]), n.completed),
            stat(translated(COPY["completion_rate"]), n.completion_rate),
            stat(translated(COPY["rating"]), n.average_rating,
                 rx.text(n.rating_count, rx.cond(n.rating_count == 1, translated(COPY["rating_one"]), translated(COPY["ratings"])), size="1",
                         color_scheme="gray")),
            stat(translated(COPY["applications"]), n.applications_sent),
            columns=rx.breakpoints(initial="2", sm="3", lg="5"), spacing="3", width="100%",
        ),
        spacing="3", width="100%",
    )


def _history_row(line: KarmaLine) -> rx.Component:
    return rx.table.row(
        rx.table.cell(line.number, class_name="tabular"),
        rx.table.row_header_cell(rx.link(line.offer_title, href=page_href("/collaborations/") + line.collaboration_id)),
        rx.table.cell(line.completed, class_name="tabular", white_space="nowrap"),
        rx.table.cell("+", line.gained, class_name="tabular", color=rx.color("green", 11)),
        rx.table.cell(line.total, class_name="tabular"),
        rx.table.cell(line.tier),
    )


def _pager() -> rx.Component:
    def link(label, target, enabled):
        return rx.cond(enabled, link_button(label, href=page_href("/progress?page=") + target.to_string(), variant="soft",
                                            size="2"),
                       rx.button(label, variant="soft", size="2", disabled=True))

    return rx.cond(_S.pages > 1, rx.el.nav(
        rx.hstack(link(translated(COPY["previous"]), _S.page - 1, _S.page > 1),
                  rx.text(translated(COPY["page"]), _S.page, translated(COPY["of"]), _S.pages, size="2", color_scheme="gray"),
                  link(translated(COPY["next"]), _S.page + 1, _S.page < _S.pages), spacing="3", align="center"),
        aria_label=translated(COPY["pages"])))


def _history() -> rx.Component:
    head = [translated(COPY[k]) for k in ("col_n", "col_offer", "col_date", "col_gain", "col_total", "col_tier")]
    return rx.vstack(
        rx.heading(translated(COPY["history"]), size="5", as_="h2"),
        rx.cond(
            _S.history_total > 0,
            rx.vstack(
                rx.card(chart_figure(translated(COPY["karma_chart"]),
                                     line_chart(_S.karma_chart, [Line("karma", translated(COPY["col_total"]), "violet")]),
                                     _S.karma_caption, "karma-chart"), size="2", width="100%"),
                rx.box(rx.table.root(
                    rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in head])),
                    rx.table.body(rx.foreach(_S.history, _history_row)),
                    variant="surface", width="100%",
                ), width="100%", overflow_x="auto"),
                _pager(),
                spacing="3", width="100%",
            ),
            # "Become an Explorer" is only true for a Newbie; a creator placed higher (say by an import) reads the rest.
            rx.card(rx.hstack(rx.text(rx.cond(_S.tier_level == 0, translated(COPY["empty"]), translated(COPY["empty_later"])), size="2"),
                              rx.spacer(),
                              link_button(translated(COPY["browse"]), href=page_href("/offers"), size="2"), align="center", wrap="wrap",
                              spacing="3", width="100%"), size="2", width="100%"),
        ),
        spacing="3", width="100%",
    )


def _header() -> rx.Component:
    return rx.vstack(
        rx.text(translated(COPY["eyebrow"]), size="2", weight="bold", color=rx.color("accent", 11)),
        rx.heading(translated(COPY["title"]), size="8", as_="h1"),
        rx.text(translated(COPY["subtitle"]), color_scheme="gray", size="3"),
        spacing="2",
    )


def progress_page() -> rx.Component:
    return page(rx.vstack(
        _header(),
        rx.cond(
            _S.loading,
            rx.vstack(rx.skeleton(height="180px", width="100%"), rx.skeleton(height="140px", width="100%"),
                      spacing="4", width="100%", aria_busy="true"),
            rx.vstack(
                _hero(),
                recommended_offers_panel(),
                rx.grid(
                    rx.cond(_S.next_tier != "", _bullets(translated(COPY["unlocks"]), _S.next_unlocks, "lock-open")),
                    _bullets(translated(COPY["now"]), _S.benefits, "check"),
                    columns=rx.breakpoints(initial="1", md="2"), spacing="4", width="100%",
                ),
                _numbers(),
                reputation_card(_S.record),
                _history(),
                spacing="6", width="100%",
            ),
        ),
        spacing="5", width="100%",
    ))
