"""Charts with a text alternative: a <figure> whose drawing is hidden from screen readers and whose
<figcaption> says the figures in words (the state writes it: state/chart_text.py).

The drawing fits its box (Recharts' responsive container): at 390 px the axes keep small ticks and
a narrow y axis, so the plot keeps most of the width.
"""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx


@dataclass(frozen=True)
class Line:
    key: str  # the data key of the values
    label: object  # what the legend and tooltip call it (translated text)
    color: str  # a Radix color name


def _axes(data_key: str = "label", whole: bool = True) -> list[rx.Component]:
    return [
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", stroke=rx.color("gray", 5), vertical=False),
        rx.recharts.x_axis(data_key=data_key, stroke=rx.color("gray", 9), tick_line=False, font_size=11,
                           min_tick_gap=12),
        rx.recharts.y_axis(stroke=rx.color("gray", 9), tick_line=False, width=44, font_size=11, allow_decimals=not whole),
        rx.recharts.graphing_tooltip(),
    ]


def line_chart(data, lines: list[Line], height: int = 220) -> rx.Component:
    return rx.recharts.line_chart(
        *[rx.recharts.line(data_key=line.key, name=line.label, stroke=rx.color(line.color, 9), stroke_width=2,
                           type_="linear", is_animation_active=False,  # a curve would overshoot the counts
                           dot={"stroke": rx.color(line.color, 9), "fill": rx.color(line.color, 3), "r": 2.5})
          for line in lines],
        *_axes(),
        *([rx.recharts.legend()] if len(lines) > 1 else []),
        data=data, height=height, width="100%", margin={"top": 8, "right": 8, "left": 0, "bottom": 0},
    )


def bar_chart(data, line: Line, height: int = 200) -> rx.Component:
    return rx.recharts.bar_chart(
        rx.recharts.bar(data_key=line.key, name=line.label, fill=rx.color(line.color, 9), radius=[3, 3, 0, 0],
                        is_animation_active=False),
        *_axes(),
        data=data, height=height, width="100%", margin={"top": 8, "right": 8, "left": 0, "bottom": 0},
    )


def chart_figure(title, drawing: rx.Component, caption, test_id: str) -> rx.Component:
    """A titled chart and its figures in words; the drawing itself is skipped by screen readers."""
    return rx.el.figure(
        rx.text(title, size="3", weight="bold", as_="div"),
        rx.box(drawing, width="100%", min_width="0", aria_hidden="true"),
        rx.el.figcaption(rx.text(caption, size="1", color_scheme="gray"), data_testid=test_id + "-caption"),
        data_testid=test_id,
        style={"margin": "0", "width": "100%", "minWidth": "0", "display": "flex", "flexDirection": "column",
               "gap": "0.5rem"},
    )
