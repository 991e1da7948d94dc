"""Form building blocks: the form itself, labelled fields with their error, the auth card, the strength meter."""

from __future__ import annotations

import reflex as rx


def post_form(*children, **props) -> rx.Component:
    """A form of the app. Once the page runs, Reflex handles its submit and the browser sends nothing.
    Before that (a phone still loading the scripts), the browser would submit it itself: as a GET, the
    fields, a password too, would go into the address, the history and the server's logs. As a POST
    they stay in the body, and the server sends the browser back to the page (api/prerendered_pages.py)."""
    return rx.form(*children, method="post", **props)


def field(label: str, name: str, *, error=None, type: str = "text", placeholder: str = "", hint: str = "",
          autocomplete: str | None = None, required: bool = True, default_value=None, **input_props) -> rx.Component:
    """A visible label, the input, an optional hint, and the error next to the field."""
    field_id = f"field-{name}"
    return rx.vstack(
        rx.el.label(label, html_for=field_id, style={"fontWeight": "500", "fontSize": "0.9rem"}),
        rx.input(
            id=field_id, name=name, type=type, placeholder=placeholder, required=required,
            auto_complete=autocomplete, size="3", width="100%",
            default_value=default_value, aria_invalid=rx.cond(error, "true", "false") if error is not None else None,
            **input_props,
        ),
        rx.cond(hint != "", rx.text(hint, size="1", color_scheme="gray")) if hint else rx.fragment(),
        field_error(error) if error is not None else rx.fragment(),
        spacing="1",
        width="100%",
        align="stretch",
    )


def field_error(error) -> rx.Component:
    return rx.cond(
        error,
        rx.text(error, size="2", color_scheme="red", role="alert"),
    )


def form_error(error) -> rx.Component:
    return rx.cond(
        error,
        rx.callout(error, icon="triangle_alert", color_scheme="red", role="alert", width="100%"),
    )


def notice(text, color: str = "green", icon: str = "circle_check") -> rx.Component:
    return rx.cond(text, rx.callout(text, icon=icon, color_scheme=color, width="100%"))


def submit_button(label: str, busy=False, **props) -> rx.Component:
    return rx.button(
        rx.cond(busy, rx.spinner(size="2"), rx.fragment()),
        label,
        type="submit",
        size="3",
        width="100%",
        disabled=busy,
        **props,
    )


def auth_card(title: str, subtitle, *children: rx.Component) -> rx.Component:
    return rx.center(
        rx.card(
            rx.vstack(
                rx.heading(title, size="7"),
                rx.text(subtitle, color_scheme="gray") if subtitle else rx.fragment(),
                *children,
                spacing="4",
                width="100%",
            ),
            size="4",
            width="100%",
            max_width="440px",
        ),
        padding_y=rx.breakpoints(initial="1rem", md="3rem"),
    )


def strength_meter(score, label, hint) -> rx.Component:
    colors = ["red", "red", "orange", "yellow", "green"]
    return rx.cond(
        label != "",
        rx.vstack(
            rx.hstack(
                *[rx.box(height="6px", flex="1", border_radius="3px",
                         background_color=rx.cond(score >= i, rx.color(colors[i], 9), rx.color("gray", 5)))
                  for i in range(5)],
                spacing="1",
                width="100%",
            ),
            rx.text(rx.text.strong(label), " · ", hint, size="1", color_scheme="gray", aria_live="polite"),
            spacing="1",
            width="100%",
            data_testid="strength-meter",
        ),
    )
