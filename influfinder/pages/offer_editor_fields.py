"""The offer editor's fields: each reads its first value from OfferEditorState and sends every change to it,
with its error right under it (pages/offer_editor.py lays them out)."""

import reflex as rx

from influfinder.components.forms import field, field_error
from influfinder.state.offer_editor import OfferEditorState as S


def field_error_of(name: str):
    return S.field_errors.get(name, "")


def text_field(label: str, name: str, **props) -> rx.Component:
    """A text input whose every change goes to the state; its error sits right under it."""
    return field(label, name, error=field_error_of(name), required=False, default_value=S.initial[name],
                 on_change=lambda value: S.set_field(name, value), **props)


def field_label(text: str, name: str) -> rx.Component:
    return rx.el.label(text, html_for=f"field-{name}", style={"fontWeight": "500", "fontSize": "0.9rem"})


def textarea_field(label: str, name: str, hint: str) -> rx.Component:
    return rx.vstack(
        field_label(label, name),
        rx.text_area(id=f"field-{name}", default_value=S.initial[name], rows="6", size="3", width="100%",
                     on_change=lambda value: S.set_field(name, value),
                     aria_invalid=rx.cond(field_error_of(name), "true", "false")),
        rx.text(hint, size="1", color_scheme="gray"),
        field_error(field_error_of(name)),
        spacing="1", width="100%",
    )


def select_field(label: str, name: str, options: list[tuple[str, str]], placeholder: str = "") -> rx.Component:
    return rx.vstack(
        field_label(label, name),
        rx.select.root(
            rx.select.trigger(id=f"field-{name}", placeholder=placeholder, width="100%"),
            rx.select.content(*[rx.select.item(text, value=value) for value, text in options]),
            default_value=S.initial[name],
            on_change=lambda value: S.set_field(name, value),
            size="3",
        ),
        field_error(field_error_of(name)),
        spacing="1", width="100%",
    )


def checkbox_group(label: str, name: str, options: list[tuple[str, str]], columns) -> rx.Component:
    """Checkbox cards sending their checked values together (platforms, formats)."""
    return rx.vstack(
        rx.text(label, id=f"label-{name}", size="2", weight="medium"),
        rx.checkbox_cards.root(
            *[rx.checkbox_cards.item(rx.text(text, size="2", weight="medium"), value=value) for value, text in options],
            default_value=S.initial_lists[name],
            on_value_change=lambda values: S.set_field(name, values),
            columns=columns, gap="2", size="1", width="100%", aria_labelledby=f"label-{name}",
        ),
        field_error(field_error_of(name)),
        spacing="1", width="100%",
    )


def switch_field(label: str, name: str, hint: str) -> rx.Component:
    return rx.vstack(
        rx.el.label(
            rx.hstack(rx.switch(id=f"field-{name}", default_checked=S.initial_flags[name],
                                on_change=lambda value: S.set_field(name, value)),
                      rx.text(label, size="2", weight="medium"), spacing="2", align="center"),
            html_for=f"field-{name}",
        ),
        rx.text(hint, size="1", color_scheme="gray"),
        spacing="1",
    )


def checkbox_field(label: str, name: str) -> rx.Component:
    return rx.el.label(
        rx.hstack(rx.checkbox(id=f"field-{name}", default_checked=S.initial_flags[name],
                              on_change=lambda value: S.set_field(name, value)),
                  rx.text(label, size="2"), spacing="2", align="center"),
        html_for=f"field-{name}",
    )


def section(title: str, *children, hint: str = "") -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(title, size="4", as_="h2"),
            rx.text(hint, size="2", color_scheme="gray") if hint else rx.fragment(),
            *children,
            spacing="4", width="100%",
        ),
        size="3", width="100%",
    )


def two_columns(*children) -> rx.Component:
    return rx.grid(*children, columns=rx.breakpoints(initial="1", sm="2"), spacing="4", width="100%")


def chips(items) -> rx.Component:
    return rx.hstack(rx.foreach(items, lambda item: rx.el.span(item, class_name="chip")), spacing="2", wrap="wrap")
