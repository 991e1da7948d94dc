"""The collaboration as steps: Accepted -> ... -> Completed, the current one marked, who acts next,
by when, and a warning when the visit or the content is late (domain/collaboration_steps.py)."""

import reflex as rx

from influfinder.i18n import N_, _, translated
from influfinder.state.collaboration_detail import CollaborationDetailState as _S

STEP_LABELS = (N_("Accepted"), N_("Visit scheduled"), N_("Visited"), N_("Content submitted"), N_("In review"),
               N_("Completed"))


def _step(index: int, label: str) -> rx.Component:
    done, current = _S.step > index, _S.step == index
    return rx.el.li(
        rx.hstack(
            rx.box(
                rx.cond(done, rx.icon("check", size=14), rx.text(str(index + 1), size="1", weight="bold")),
                class_name=rx.cond(current, "stepper-dot stepper-current", rx.cond(done, "stepper-dot stepper-done",
                                                                                   "stepper-dot")),
            ),
            rx.text(label, size="2", weight=rx.cond(current, "bold", "regular"), color_scheme="gray",
                    high_contrast=current),
            align="center", spacing="2",
        ),
        aria_current=rx.cond(current, "step", None),
        class_name="stepper-step",
    )


def stepper() -> rx.Component:
    """Nothing once the collaboration left the steps (cancelled or disputed: the next-step card says so)."""
    return rx.cond(
        _S.step >= 0,
        rx.card(
            rx.vstack(
                rx.el.ol(*[_step(i, translated(label)) for i, label in enumerate(STEP_LABELS)],
                         class_name="stepper", aria_label=_("Steps of the collaboration")),
                rx.hstack(
                    rx.cond(_S.step_who != "", rx.badge(rx.icon("user-round", size=14), _S.step_who,
                                                        variant="soft", size="2", data_testid="step-who")),
                    rx.cond(_S.step_due != "", rx.text(_("By"), " ", rx.text.strong(_S.step_due), size="2",
                                                       color_scheme="gray", data_testid="step-due")),
                    spacing="3", wrap="wrap", align="center",
                ),
                rx.cond(_S.step_late != "", rx.callout(_S.step_late, icon="triangle-alert", color_scheme="red",
                                                       size="1", width="100%", data_testid="step-late")),
                spacing="3", width="100%",
            ),
            size="2", width="100%", data_testid="stepper",
        ),
    )
