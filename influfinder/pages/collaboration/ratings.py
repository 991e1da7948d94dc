"""Rating the other party, and the ratings given and received."""

import reflex as rx

from influfinder.components.collaboration_badges import stars
from influfinder.components.forms import field_error, post_form
from influfinder.components.phrases import filled
from influfinder.i18n import _, ngettext, translated
from influfinder.pages.collaboration.parts import action_button, muted, step_card, textarea
from influfinder.pages.collaboration.words import COPY
from influfinder.state.collaboration_detail import CollaborationDetailState as _S


def _star_choice(n: int) -> rx.Component:
    label = ngettext("{n} star", "{n} stars", n).format(n=n)
    return rx.el.label(
        rx.hstack(rx.radio_group.item(value=str(n), id=f"stars-{n}", aria_label=label),
                  rx.hstack(*[rx.icon("star", size=14, fill="currentColor", color=rx.color("amber", 9))
                              for _ in range(n)], spacing="0", aria_hidden="true"),
                  rx.text(label, size="2"), spacing="2", align="center"),
        html_for=f"stars-{n}", style={"cursor": "pointer"},
    )


def rate_step() -> rx.Component:
    return step_card(
        translated(COPY["rate_title"]), "star",
        rx.text(*filled(translated(COPY["rate_text"]), name=rx.text.strong(_S.other_name)), size="3"),
        post_form(
            rx.vstack(
                rx.el.fieldset(
                    rx.el.legend(translated(COPY["your_rating"]), style={"fontWeight": "500", "fontSize": "0.9rem",
                                                              "marginBottom": "0.5rem"}),
                    rx.radio_group.root(*[_star_choice(n) for n in range(5, 0, -1)], name="stars", required=True,
                                        direction="column", spacing="2"),
                    style={"border": "none", "padding": "0", "margin": "0"},
                ),
                field_error(_S.field_errors.get("stars", "")),
                textarea(translated(COPY["feedback"]), "feedback", rows="3"),
                action_button(translated(COPY["rate"]), type="submit"),
                spacing="4", width="100%", align="start",
            ),
            on_submit=_S.rate, width="100%",
        ),
        data_testid="next-step",
    )


def ratings_given() -> rx.Component:
    return rx.vstack(
        rx.cond(_S.rating_given > 0, rx.vstack(rx.text(translated(COPY["you_gave"]), size="2", weight="medium"),
                                               stars(_S.rating_given, _("You rated them {n} out of 5 stars")),
                                               rx.cond(_S.feedback_given != "", muted("“", _S.feedback_given, "”")),
                                               spacing="1")),
        rx.cond(_S.rating_received > 0, rx.vstack(rx.text(translated(COPY["you_got"]), size="2", weight="medium"),
                                                  stars(_S.rating_received, _("They rated you {n} out of 5 stars")),
                                                  rx.cond(_S.feedback_received != "",
                                                          muted("“", _S.feedback_received, "”")),
                                                  spacing="1")),
        spacing="3",
    )
