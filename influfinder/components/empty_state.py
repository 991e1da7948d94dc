"""A friendly message where content would be: no results, not found, nothing yet."""

import reflex as rx


def empty_state(icon: str, title: str, text: str, *actions: rx.Component, **props) -> rx.Component:
    return rx.center(
        rx.vstack(
            rx.box(rx.icon(icon, size=28), class_name="step-icon", width="64px", height="64px"),
            rx.heading(title, size="6", text_align="center"),
            rx.text(text, color_scheme="gray", text_align="center", max_width="440px"),
            rx.hstack(*actions, spacing="3", wrap="wrap", justify="center", margin_top="0.5rem"),
            align="center",
            spacing="3",
        ),
        padding_y="4rem",
        padding_x="1.5rem",
        border=f"1px dashed {rx.color('gray', 6)}",
        border_radius="var(--radius-5)",
        width="100%",
        **props,
    )
