"""The viewer's next step: one card chosen by the collaboration's status, the viewer's role and actions."""

import reflex as rx

from influfinder.i18n import translated
from influfinder.pages.collaboration.parts import muted, note_card
from influfinder.pages.collaboration.ratings import rate_step, ratings_given
from influfinder.pages.collaboration.submit_form import submit_step
from influfinder.pages.collaboration.visit import schedule, scheduled
from influfinder.pages.collaboration.words import COPY
from influfinder.state.collaboration_detail import CollaborationDetailState as _S


def _in_review() -> rx.Component:
    owner = _S.role == "owner"
    return rx.cond(
        _S.approved,
        rx.cond(_S.actions.contains("rate"), rate_step(),
                note_card(translated(COPY["waiting_rating_title"]), "hourglass", muted(translated(COPY["waiting_rating_text"])),
                          ratings_given())),
        rx.cond(owner, note_card(translated(COPY["review_title"]), "eye", muted(translated(COPY["review_text"]))),
                note_card(translated(COPY["waiting_review_title"]), "hourglass", muted(translated(COPY["waiting_review_text"])))),
    )


def next_step() -> rx.Component:
    return rx.match(
        _S.status,
        ("ACCEPTED", rx.cond(_S.actions.contains("propose_visit"), schedule(),
                             note_card(translated(COPY["waiting_date_title"]), "hourglass",
                                       muted(translated(COPY["waiting_date_text"]))))),
        ("SCHEDULED", scheduled()),
        ("VISITED", rx.cond(_S.actions.contains("submit_content"), submit_step(),
                            note_card(translated(COPY["waiting_content_title"]), "hourglass",
                                      muted(translated(COPY["waiting_content_text"]), _S.visited_when, ".")))),
        ("CONTENT_SUBMITTED", _in_review()),
        ("IN_REVIEW", _in_review()),
        ("COMPLETED", note_card(translated(COPY["completed_title"]), "party-popper",
                                muted(translated(COPY["completed_on"]), _S.completed_when, "."), ratings_given())),
        ("DISPUTED", note_card(translated(COPY["disputed_title"]), "triangle-alert", muted(translated(COPY["disputed_text"])),
                               rx.blockquote(_S.dispute_reason))),
        ("CANCELLED", note_card(translated(COPY["cancelled_title"]), "circle-x", muted(translated(COPY["cancelled_text"])))),
        rx.fragment(),
    )
