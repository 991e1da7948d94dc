"""Small pieces every part of the collaboration page uses: step cards, labels, buttons, form dialogs."""

import reflex as rx

from influfinder.components.forms import field_error, form_error, post_form
from influfinder.i18n import translated
from influfinder.pages.collaboration.words import COPY
from influfinder.state.collaboration_detail import CollaborationDetailState as _S


def step_card(title: str, icon: str, *children, **props) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(rx.box(rx.icon(icon, size=18), class_name="step-icon", flex_shrink="0"),
                      rx.heading(title, size="5", as_="h2"), align="center", spacing="3"),
            *children,
            spacing="4", width="100%",
        ),
        size="3", width="100%", **props,
    )


def note_card(title: str, icon: str, *children) -> rx.Component:
    """A next step that is somebody else's, or no step at all: a card that only says where things stand."""
    return step_card(title, icon, *children, data_testid="next-step")


def muted(*children) -> rx.Component:
    return rx.text(*children, size="2", color_scheme="gray")


def field_label(text: str, html_for: str) -> rx.Component:
    return rx.el.label(text, html_for=html_for, style={"fontWeight": "500", "fontSize": "0.9rem"})


def textarea(label: str, name: str, *, rows: str = "3", required: bool = False, **props) -> rx.Component:
    return rx.vstack(
        field_label(label, f"field-{name}"),
        rx.text_area(id=f"field-{name}", name=name, rows=rows, required=required, width="100%", **props),
        field_error(_S.field_errors.get(name, "")),
        spacing="1", width="100%",
    )


def action_button(label: str, **props) -> rx.Component:
    return rx.button(rx.cond(_S.busy, rx.spinner(size="2")), label, disabled=_S.busy, size="3", **props)


def chips(items, color: str, icon: str) -> rx.Component:
    return rx.hstack(
        rx.foreach(items, lambda t: rx.badge(rx.icon(icon, size=12), t, color_scheme=color, variant="soft", size="2")),
        spacing="2", wrap="wrap",
    )


def form_dialog(name: str, title: str, text: str, field: rx.Component, submit: rx.Component, handler,
                trigger: rx.Component | None = None) -> rx.Component:
    """A dialog with one field, "Go back" and a submit button; open while the state's `dialog` is `name`.

    Its form's errors show inside it (the page's message area stays quiet while a dialog is open).
    """
    return rx.alert_dialog.root(
        *([rx.alert_dialog.trigger(trigger)] if trigger is not None else []),
        rx.alert_dialog.content(
            rx.alert_dialog.title(title),
            rx.alert_dialog.description(text, size="2"),
            post_form(
                rx.vstack(
                    field,
                    form_error(_S.error),
                    rx.hstack(rx.alert_dialog.cancel(rx.button(translated(COPY["keep"]), variant="soft", color_scheme="gray",
                                                               type="button")),
                              submit,
                              justify="end", spacing="3", width="100%", wrap="wrap"),
                    spacing="3", width="100%", margin_top="1rem",
                ),
                on_submit=handler,
            ),
            max_width="480px",
        ),
        open=_S.dialog == name,
        on_open_change=lambda is_open: _S.toggle_dialog(name, is_open),
    )
