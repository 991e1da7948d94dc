"""/collaborations/[collab_id]: one collaboration, its next step for the viewer, its content and its timeline."""

import reflex as rx

from influfinder.components.collaboration_badges import score_badge, stars, status_badge
from influfinder.components.empty_state import empty_state
from influfinder.components.forms import field, field_error, form_error, notice
from influfinder.components.layout import link_button, page
from influfinder.state.collaboration_detail import (
    UPLOAD_ID, AnalysisView, CaptionItem, CollaborationDetailState, MediaItem, TimelineRow, VersionCard,
)

ROUTE = "/collaborations/[collab_id]"
COPY = {
    "back": "All collaborations",
    "creator": "Creator",
    "business": "Business",
    "fee": "Agreed fee",
    "no_fee": "None agreed",
    "visit": "Visit",
    "where": "Where",
    "started": "Started",
    "status": "Status",
    "view_offer": "View the offer",
    "proposed": " (proposed)",
    "calendar": "Add to calendar",
    "times_in": "Times are in ",
    # scheduling
    "schedule_title": "Schedule visit",
    "schedule_text": "Propose a date and time to visit. The business confirms it or proposes another.",
    "visit_date": "Visit date and time",
    "note": "Note (optional)",
    "schedule": "Schedule visit",
    "confirm_title": "Confirm the visit",
    "proposed_by_other": " proposed ",
    "confirm": "Confirm visit",
    "another": "Propose another date",
    "move": "Move the visit",
    "send_date": "Propose this date",
    "waiting_confirm_title": "Waiting for confirmation",
    "you_proposed": "You proposed ",
    "will_confirm": ". They will confirm it or propose another date.",
    # the visit
    "code_title": "Your visit code",
    "confirmed_title": "Visit confirmed",
    "code_text": "Show this code at the venue. The business types it, or scans the QR code, to mark your visit.",
    "code_at": "Visit on ",
    "qr_alt": "QR code of your visit code",
    "mark_title": "Mark visited",
    "mark_text": "When the creator arrives, ask for their one-time visit code and type it here.",
    "code": "Visit code",
    "mark": "Mark visited",
    "by_hand": "Mark visited by hand",
    "by_hand_title": "Mark the visit without the code?",
    "by_hand_text": "Do this only if the creator did come but cannot show the code. The timeline will say "
                    "the visit was marked by hand.",
    "by_hand_note": "What happened (optional)",
    "keep": "Go back",
    # content
    "submit_title": "Submit content",
    "submit_text": "Share what you published: photos and videos, the links to the posts and their captions.",
    "include": "What to include",
    "hashtags": "Hashtags",
    "mentions": "Mentions",
    "disclosure_hint": "Add a disclosure such as #ad or #publi, or turn on the paid-partnership label.",
    "files": "Photos and videos",
    "files_hint": "PNG, JPEG or WebP photos up to 20 MB; MP4 videos up to 100 MB. Up to 10 files.",
    "drop": "Drag files here, or",
    "choose": "Choose files",
    "links": "Links to your published posts",
    "links_hint": "One per line.",
    "platform": "Platform",
    "post_id": "Post id (optional)",
    "caption": " caption",
    "paid": "The post carries the platform's paid-partnership label",
    "precheck": "Check before submitting",
    "checking": "Checking…",
    "submit": "Submit content",
    "precheck_title": "Before you submit",
    "precheck_ok": "Everything the offer asks for is there.",
    "waiting_content_title": "Waiting for the content",
    "waiting_content_text": "The creator submits the photos, videos and links of the posts here. Visit marked on ",
    "review_title": "Review content",
    "review_text": "Look at the content and its analysis below, then Approve it or Request changes.",
    "waiting_review_title": "Waiting for review",
    "waiting_review_text": "The business is looking at your content. You will be told when they decide.",
    # versions and analysis
    "content": "Content",
    "version": "Version ",
    "latest": "Latest",
    "earlier": "Earlier versions",
    "submitted_on": "Submitted ",
    "paid_on": "Paid-partnership label on",
    "post": "Post id ",
    "notes": "Notes from the business",
    "analysis": "AI analysis",
    "analyzing": "Analyzing…",
    "analyzing_text": "The result appears here by itself in a few seconds.",
    "failed": "Analysis failed",
    "retry": "Retry",
    "quality": "Quality",
    "relevance": "Relevance",
    "compliance": "Compliance",
    "found": "Found",
    "missing": "Missing",
    "none": "None required",
    "disclosure": "Disclosure",
    "disclosed": "Disclosed as advertising",
    "not_disclosed": "Not disclosed",
    "suggestions": "Suggestions",
    "approve": "Approve",
    "request_changes": "Request changes",
    "changes_title": "Request changes",
    "changes_text": "Tell the creator what to change. They will submit a new version; this one stays visible.",
    "changes_notes": "What should change",
    "send_back": "Send back",
    # ratings
    "rate_title": "Rate",
    "rate_text": "How was it to work with ",
    "your_rating": "Your rating",
    "feedback": "Feedback (optional)",
    "rate": "Rate",
    "waiting_rating_title": "Waiting for the other rating",
    "waiting_rating_text": "The collaboration completes when both of you have rated (or 7 days after approval).",
    "you_gave": "You rated them",
    "you_got": "They rated you",
    "completed_title": "Collaboration completed",
    "completed_on": "Completed on ",
    "disputed_title": "In dispute",
    "disputed_text": "Our team will look at it with both of you. The reason given:",
    "cancelled_title": "Cancelled",
    "cancelled_text": "This collaboration was called off. The timeline says why.",
    # calling it off
    "trouble": "Something wrong?",
    "cancel": "Cancel collaboration",
    "cancel_title": "Cancel this collaboration?",
    "cancel_text": "Either of you can cancel before the visit. The other party sees your reason. "
                   "This cannot be undone.",
    "dispute": "Open dispute",
    "dispute_title": "Open a dispute?",
    "dispute_text": "Our team steps in and the collaboration pauses until it is resolved. "
                    "The other party sees your reason.",
    "reason": "Reason",
    # timeline
    "timeline": "Timeline",
    "not_found_title": "Collaboration not found",
    "not_found_text": "It may not exist, or it belongs to other people. Your collaborations are all listed here.",
}
PLATFORMS = (("INSTAGRAM", "Instagram"), ("TIKTOK", "TikTok"), ("FACEBOOK", "Facebook"))
ACCEPTED_FILES = {"image/png": [".png"], "image/jpeg": [".jpg", ".jpeg"], "image/webp": [".webp"],
                  "video/mp4": [".mp4"]}
FORM_ID = "content-form"
# The content form's fields as the pre-check sends them (it is a button, not the form's submit).
_FORM_DATA = rx.Var(_js_expr=f"Object.fromEntries(new FormData(document.getElementById('{FORM_ID}')))",
                    _var_type=dict)

_S = CollaborationDetailState


# ---- small pieces ---------------------------------------------------------------------------------


def _card(title: str, icon: str, *children, **props) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(rx.box(rx.icon(icon, size=18), class_name="step-icon", flex_shrink="0"),
                      rx.heading(title, size="5", as_="h2"), align="center", spacing="3"),
            *children,
            spacing="4", width="100%",
        ),
        size="3", width="100%", **props,
    )


def _muted(*children) -> rx.Component:
    return rx.text(*children, size="2", color_scheme="gray")


def _label(text: str, html_for: str) -> rx.Component:
    return rx.el.label(text, html_for=html_for, style={"fontWeight": "500", "fontSize": "0.9rem"})


def _textarea(label: str, name: str, *, rows: str = "3", required: bool = False, **props) -> rx.Component:
    return rx.vstack(
        _label(label, f"field-{name}"),
        rx.text_area(id=f"field-{name}", name=name, rows=rows, required=required, width="100%", **props),
        field_error(_S.field_errors.get(name, "")),
        spacing="1", width="100%",
    )


def _action_button(label: str, **props) -> rx.Component:
    return rx.button(rx.cond(_S.busy, rx.spinner(size="2")), label, disabled=_S.busy, size="3", **props)


def _chips(items, color: str, icon: str) -> rx.Component:
    return rx.hstack(
        rx.foreach(items, lambda t: rx.badge(rx.icon(icon, size=12), t, color_scheme=color, variant="soft", size="2")),
        spacing="2", wrap="wrap",
    )


# ---- the header and the side panel ------------------------------------------------------------------


def _header() -> rx.Component:
    return rx.vstack(
        rx.link(rx.hstack(rx.icon("arrow-left", size=16), COPY["back"], align="center", spacing="1"),
                href="/collaborations", size="2", color_scheme="gray", underline="hover"),
        rx.hstack(status_badge(_S.status), rx.cond(_S.fee != "", rx.badge(rx.icon("wallet", size=14), _S.fee,
                                                                             color_scheme="green", variant="soft",
                                                                             size="2", radius="full")),
                  spacing="2", wrap="wrap", margin_top="0.5rem"),
        rx.heading(_S.offer_title, size=rx.breakpoints(initial="7", sm="8"), as_="h1"),
        rx.text(COPY["creator"], " ", rx.text.strong(_S.creator_name), " · ", COPY["business"], " ",
                rx.text.strong(_S.business_name), size="3", color_scheme="gray"),
        spacing="2", width="100%",
    )


def _fact(label: str, value) -> rx.Component:
    return rx.data_list.item(rx.data_list.label(label, min_width="88px"), rx.data_list.value(value))


def _visit_value() -> rx.Component:
    return rx.cond(
        _S.confirmed_when != "", rx.text(_S.confirmed_when, class_name="tabular"),
        rx.cond(_S.proposed_when != "", rx.text(_S.proposed_when, COPY["proposed"], class_name="tabular"),
                rx.text("—")),
    )


def _aside() -> rx.Component:
    return rx.vstack(
        rx.card(
            rx.vstack(
                rx.data_list.root(
                    _fact(COPY["status"], status_badge(_S.status, size="1")),
                    _fact(COPY["visit"], _visit_value()),
                    rx.cond(_S.place != "", _fact(COPY["where"], _S.place)),
                    _fact(COPY["fee"], rx.cond(_S.fee != "", _S.fee, COPY["no_fee"])),
                    _fact(COPY["started"], _S.started),
                    orientation="vertical", size="2",
                ),
                rx.cond(_S.ics_url != "", rx.button(rx.el.a(rx.icon("calendar-plus", size=16), COPY["calendar"],
                                                            href=_S.ics_url, download="influfinder-visit.ics"),
                                                    as_child=True, variant="soft", width="100%")),
                link_button(rx.icon("external-link", size=16), COPY["view_offer"], href="/offers/" + _S.offer_id,
                            variant="outline", width="100%"),
                _muted(COPY["times_in"], _S.time_zone, "."),
                spacing="4", width="100%",
            ),
            size="2", width="100%",
        ),
        rx.cond(_S.actions.contains("cancel") | _S.actions.contains("open_dispute"), _trouble()),
        spacing="4", width="100%", class_name="sticky-aside",
    )


def _reason_dialog(name: str, trigger: str, title: str, text: str, handler) -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(rx.button(trigger, color_scheme="red", variant="soft", width="100%")),
        rx.alert_dialog.content(
            rx.alert_dialog.title(title),
            rx.alert_dialog.description(text, size="2"),
            rx.form(
                rx.vstack(
                    _textarea(COPY["reason"], "reason", required=True),
                    form_error(_S.error),
                    rx.hstack(rx.alert_dialog.cancel(rx.button(COPY["keep"], variant="soft", color_scheme="gray",
                                                               type="button")),
                              _action_button(trigger, color_scheme="red", type="submit"),
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


def _trouble() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(COPY["trouble"], weight="bold", size="2"),
            rx.cond(_S.actions.contains("cancel"),
                    _reason_dialog("cancel", COPY["cancel"], COPY["cancel_title"], COPY["cancel_text"], _S.cancel)),
            rx.cond(_S.actions.contains("open_dispute"),
                    _reason_dialog("dispute", COPY["dispute"], COPY["dispute_title"], COPY["dispute_text"],
                                   _S.open_dispute)),
            spacing="3", width="100%",
        ),
        size="2", width="100%", variant="surface",
    )


# ---- scheduling and the visit --------------------------------------------------------------------------


def _date_form(handler, button: str) -> rx.Component:
    return rx.form(
        rx.vstack(
            field(COPY["visit_date"], "visit_date", type="datetime-local", min=_S.earliest_visit,
                  error=_S.field_errors.get("visit_date", "")),
            rx.text(COPY["times_in"], _S.time_zone, ".", size="1", color_scheme="gray", margin_top="-0.5rem"),
            _textarea(COPY["note"], "note", rows="2"),
            _action_button(button, type="submit"),
            spacing="3", width="100%", align="start",
        ),
        on_submit=handler, width="100%",
    )


def _another_date(summary: str) -> rx.Component:
    return rx.el.details(
        rx.el.summary(summary, style={"cursor": "pointer", "fontWeight": "500", "fontSize": "0.95rem"}),
        rx.box(_date_form(_S.counter_propose, COPY["send_date"]), padding_top="1rem"),
        width="100%",
    )


def _schedule() -> rx.Component:
    return _card(COPY["schedule_title"], "calendar-plus", _muted(COPY["schedule_text"]),
                 _date_form(_S.propose_visit, COPY["schedule"]), data_testid="next-step")


def _confirm() -> rx.Component:
    return _card(
        COPY["confirm_title"], "calendar-check",
        rx.text(rx.text.strong(_S.other_name), COPY["proposed_by_other"], rx.text.strong(_S.proposed_when), ".",
                size="3"),
        _action_button(COPY["confirm"], on_click=_S.confirm_visit),
        _another_date(COPY["another"]),
        data_testid="next-step",
    )


def _waiting_confirmation() -> rx.Component:
    return _card(
        COPY["waiting_confirm_title"], "hourglass",
        rx.text(COPY["you_proposed"], rx.text.strong(_S.proposed_when), COPY["will_confirm"], size="3"),
        _another_date(COPY["another"]),
        data_testid="next-step",
    )


def _visit_code() -> rx.Component:
    return _card(
        COPY["code_title"], "ticket",
        rx.flex(
            rx.vstack(
                rx.text(_S.visit_code, size=rx.breakpoints(initial="8", sm="9"), weight="bold", class_name="tabular",
                        data_testid="visit-code",
                        style={"letterSpacing": "0.18em", "fontFamily": "ui-monospace, monospace"}),
                _muted(COPY["code_text"]),
                rx.text(COPY["code_at"], rx.text.strong(_S.confirmed_when), size="2"),
                spacing="3", flex="1", width="100%", min_width="0",
            ),
            rx.image(src=_S.visit_qr, alt=COPY["qr_alt"], width="180px", height="180px",
                     style={"imageRendering": "pixelated", "borderRadius": "var(--radius-3)"}),
            direction=rx.breakpoints(initial="column", sm="row"), gap="5", align="center", width="100%",
        ),
        _another_date(COPY["move"]),
        data_testid="next-step",
    )


def _by_hand_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(rx.button(COPY["by_hand"], variant="ghost", color_scheme="gray", type="button")),
        rx.alert_dialog.content(
            rx.alert_dialog.title(COPY["by_hand_title"]),
            rx.alert_dialog.description(COPY["by_hand_text"], size="2"),
            rx.form(
                rx.vstack(
                    _textarea(COPY["by_hand_note"], "note", rows="2"),
                    form_error(_S.error),
                    rx.hstack(rx.alert_dialog.cancel(rx.button(COPY["keep"], variant="soft", color_scheme="gray",
                                                               type="button")),
                              _action_button(COPY["by_hand"], type="submit"),
                              justify="end", spacing="3", width="100%", wrap="wrap"),
                    spacing="3", width="100%", margin_top="1rem",
                ),
                on_submit=_S.mark_visited_by_hand,
            ),
            max_width="480px",
        ),
        open=_S.dialog == "by_hand",
        on_open_change=lambda is_open: _S.toggle_dialog("by_hand", is_open),
    )


def _mark_visited() -> rx.Component:
    return _card(
        COPY["mark_title"], "map-pin-check",
        _muted(COPY["mark_text"]),
        rx.text(COPY["code_at"], rx.text.strong(_S.confirmed_when), size="2"),
        rx.form(
            rx.flex(
                rx.box(field(COPY["code"], "code", default_value=_S.code_from_link, autocomplete="off",
                             error=_S.field_errors.get("code", ""), placeholder="ABCD2345",
                             style={"textTransform": "uppercase", "letterSpacing": "0.12em"}),
                       flex="1", width="100%"),
                _action_button(COPY["mark"], type="submit"),
                direction=rx.breakpoints(initial="column", sm="row"), gap="3",
                align=rx.breakpoints(initial="stretch", sm="end"), width="100%",
            ),
            on_submit=_S.mark_visited, key=_S.code_from_link, width="100%",
        ),
        rx.hstack(_by_hand_dialog(), _another_date(COPY["move"]), spacing="4", align="start", width="100%",
                  wrap="wrap"),
        data_testid="next-step",
    )


# ---- content: the form and the pre-check ------------------------------------------------------------


def _include() -> rx.Component:
    return rx.callout.root(
        rx.callout.icon(rx.icon("list-checks")),
        rx.vstack(
            rx.text(COPY["include"], weight="bold", size="2"),
            rx.cond(_S.spec_hashtags.length() > 0,
                    rx.hstack(rx.text(COPY["hashtags"], size="2"), _chips(_S.spec_hashtags, "violet", "hash"),
                              spacing="2", wrap="wrap", align="center")),
            rx.cond(_S.spec_mentions.length() > 0,
                    rx.hstack(rx.text(COPY["mentions"], size="2"), _chips(_S.spec_mentions, "violet", "at-sign"),
                              spacing="2", wrap="wrap", align="center")),
            rx.text(COPY["disclosure_hint"], size="2"),
            spacing="2",
        ),
        color_scheme="violet", variant="surface", width="100%",
    )


def _dropzone() -> rx.Component:
    return rx.vstack(
        rx.text(COPY["files"], weight="medium", size="2", as_="div", id="files-label"),
        rx.upload.root(
            rx.vstack(
                rx.icon("image-up", size=28, color=rx.color("accent", 10)),
                rx.text(COPY["drop"], size="2", color_scheme="gray"),
                rx.button(COPY["choose"], type="button", variant="soft", size="2"),
                align="center", spacing="2",
            ),
            id=UPLOAD_ID, accept=ACCEPTED_FILES, multiple=True, max_files=10, max_size=100 * 1024 * 1024,
            border=f"1.5px dashed {rx.color('accent', 7)}", border_radius="var(--radius-4)", padding="1.5rem",
            width="100%", background_color=rx.color("accent", 2), aria_labelledby="files-label",
        ),
        rx.foreach(rx.selected_files(UPLOAD_ID),
                   lambda name: rx.hstack(rx.icon("paperclip", size=14), rx.text(name, size="2"), align="center",
                                          spacing="2")),
        _muted(COPY["files_hint"]),
        field_error(_S.field_errors.get("files", "")),
        spacing="2", width="100%",
    )


def _platform_select() -> rx.Component:
    return rx.vstack(
        _label(COPY["platform"], "field-platform"),
        rx.el.select(*[rx.el.option(label, value=value) for value, label in PLATFORMS], id="field-platform",
                     name="platform", class_name="native-select",
                     style={"height": "40px", "padding": "0 0.75rem", "borderRadius": "var(--radius-3)",
                            "border": f"1px solid {rx.color('gray', 7)}", "background": "var(--color-surface)",
                            "width": "100%", "fontSize": "1rem"}),
        field_error(_S.field_errors.get("platform", "")),
        spacing="1", width="100%",
    )


def _content_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            _dropzone(),
            _textarea(COPY["links"], "links", rows="2", placeholder="https://", aria_describedby="links-hint"),
            rx.text(COPY["links_hint"], size="1", color_scheme="gray", id="links-hint", margin_top="-0.5rem"),
            field_error(_S.field_errors.get("content_urls", "")),
            rx.grid(_platform_select(),
                    field(COPY["post_id"], "post_id", required=False,
                          error=_S.field_errors.get("platform_post_id", "")),
                    columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%"),
            *[_textarea(label + COPY["caption"], f"caption_{value}", rows="3") for value, label in PLATFORMS],
            field_error(_S.field_errors.get("captions", "")),
            rx.el.label(rx.hstack(rx.checkbox(name="paid_partnership", id="field-paid"),
                                  rx.text(COPY["paid"], size="2"), spacing="2", align="center"),
                        html_for="field-paid"),
            _precheck_result(),
            form_error(_S.error),
            rx.flex(
                rx.button(rx.cond(_S.prechecking, rx.spinner(size="2"), rx.icon("scan-search", size=16)),
                          rx.cond(_S.prechecking, COPY["checking"], COPY["precheck"]), type="button", variant="soft",
                          size="3", disabled=_S.prechecking | _S.busy,
                          on_click=_S.run_precheck(rx.upload_files(upload_id=UPLOAD_ID), _FORM_DATA)),
                _action_button(COPY["submit"], type="submit"),
                gap="3", wrap="wrap", justify="end", width="100%",
            ),
            spacing="4", width="100%",
        ),
        id=FORM_ID,
        on_submit=lambda form: _S.submit_content(rx.upload_files(upload_id=UPLOAD_ID), form),
        width="100%",
    )


def _precheck_result() -> rx.Component:
    a = _S.precheck
    return rx.cond(
        _S.prechecked,
        rx.card(
            rx.vstack(
                rx.hstack(rx.text(COPY["precheck_title"], weight="bold"), rx.spacer(), score_badge(a.score, a.passed),
                          width="100%", align="center"),
                rx.cond(a.passed, rx.text(COPY["precheck_ok"], size="2", color_scheme="green")),
                _analysis_details(a),
                spacing="3", width="100%",
            ),
            size="2", width="100%", variant="surface", data_testid="precheck",
        ),
    )


def _submit() -> rx.Component:
    return _card(COPY["submit_title"], "upload", _muted(COPY["submit_text"]), _include(), _content_form(),
                 data_testid="next-step")


# ---- review and rating -------------------------------------------------------------------------------


def _star_choice(n: int) -> rx.Component:
    label = "1 star" if n == 1 else f"{n} stars"
    return rx.el.label(
        rx.hstack(rx.radio_group.item(value=str(n), id=f"stars-{n}", aria_label=label),
                  rx.hstack(*[rx.icon("star", size=14, fill="currentColor", color=rx.color("amber", 9))
                              for _ in range(n)], spacing="0", aria_hidden="true"),
                  rx.text(label, size="2"), spacing="2", align="center"),
        html_for=f"stars-{n}", style={"cursor": "pointer"},
    )


def _rate() -> rx.Component:
    return _card(
        COPY["rate_title"], "star",
        rx.text(COPY["rate_text"], rx.text.strong(_S.other_name), "?", size="3"),
        rx.form(
            rx.vstack(
                rx.el.fieldset(
                    rx.el.legend(COPY["your_rating"], style={"fontWeight": "500", "fontSize": "0.9rem",
                                                              "marginBottom": "0.5rem"}),
                    rx.radio_group.root(*[_star_choice(n) for n in range(5, 0, -1)], name="stars", required=True,
                                        direction="column", spacing="2"),
                    style={"border": "none", "padding": "0", "margin": "0"},
                ),
                field_error(_S.field_errors.get("stars", "")),
                _textarea(COPY["feedback"], "feedback", rows="3"),
                _action_button(COPY["rate"], type="submit"),
                spacing="4", width="100%", align="start",
            ),
            on_submit=_S.rate, width="100%",
        ),
        data_testid="next-step",
    )


def _ratings() -> rx.Component:
    return rx.vstack(
        rx.cond(_S.rating_given > 0, rx.vstack(rx.text(COPY["you_gave"], size="2", weight="medium"),
                                               stars(_S.rating_given, "You rated them "),
                                               rx.cond(_S.feedback_given != "", _muted("“", _S.feedback_given, "”")),
                                               spacing="1")),
        rx.cond(_S.rating_received > 0, rx.vstack(rx.text(COPY["you_got"], size="2", weight="medium"),
                                                  stars(_S.rating_received, "They rated you "),
                                                  rx.cond(_S.feedback_received != "",
                                                          _muted("“", _S.feedback_received, "”")),
                                                  spacing="1")),
        spacing="3",
    )


def _note_card(title: str, icon: str, *children) -> rx.Component:
    return _card(title, icon, *children, data_testid="next-step")


def _in_review() -> rx.Component:
    owner = _S.role == "owner"
    return rx.cond(
        _S.approved,
        rx.cond(_S.actions.contains("rate"), _rate(),
                _note_card(COPY["waiting_rating_title"], "hourglass", _muted(COPY["waiting_rating_text"]), _ratings())),
        rx.cond(owner, _note_card(COPY["review_title"], "eye", _muted(COPY["review_text"])),
                _note_card(COPY["waiting_review_title"], "hourglass", _muted(COPY["waiting_review_text"]))),
    )


def _confirmed() -> rx.Component:
    """A confirmed visit without a code to show (an admin's view, or a code issued before codes existed)."""
    return _note_card(
        COPY["confirmed_title"], "calendar-check",
        rx.text(COPY["code_at"], rx.text.strong(_S.confirmed_when), ".", size="3"),
        rx.cond(_S.actions.contains("counter_propose"), _another_date(COPY["move"])),
    )


def _scheduled() -> rx.Component:
    return rx.cond(
        _S.confirmed_when != "",
        rx.cond(_S.role == "creator", rx.cond(_S.visit_code != "", _visit_code(), _confirmed()),
                rx.cond(_S.actions.contains("mark_visited"), _mark_visited(), _confirmed())),
        rx.cond(_S.awaiting_me, _confirm(), rx.cond(_S.role != "admin", _waiting_confirmation())),
    )


def _next_step() -> rx.Component:
    return rx.match(
        _S.status,
        ("ACCEPTED", rx.cond(_S.actions.contains("propose_visit"), _schedule(),
                             _note_card(COPY["waiting_confirm_title"], "hourglass",
                                        _muted(COPY["schedule_text"])))),
        ("SCHEDULED", _scheduled()),
        ("VISITED", rx.cond(_S.actions.contains("submit_content"), _submit(),
                            _note_card(COPY["waiting_content_title"], "hourglass",
                                       _muted(COPY["waiting_content_text"], _S.visited_when, ".")))),
        ("CONTENT_SUBMITTED", _in_review()),
        ("IN_REVIEW", _in_review()),
        ("COMPLETED", _note_card(COPY["completed_title"], "party-popper",
                                 _muted(COPY["completed_on"], _S.completed_when, "."), _ratings())),
        ("DISPUTED", _note_card(COPY["disputed_title"], "triangle-alert", _muted(COPY["disputed_text"]),
                                rx.blockquote(_S.dispute_reason))),
        ("CANCELLED", _note_card(COPY["cancelled_title"], "circle-x", _muted(COPY["cancelled_text"]))),
        rx.fragment(),
    )


# ---- versions and the analysis -------------------------------------------------------------------------


def _meter(label: str, value, text, high) -> rx.Component:
    return rx.vstack(
        rx.hstack(rx.text(label, size="2"), rx.spacer(), rx.text(text, size="2", weight="bold", class_name="tabular"),
                  width="100%"),
        rx.progress(value=value, max=100, color_scheme=rx.cond(high, "green", "amber"), size="2"),
        spacing="1", width="100%",
    )


def _found_missing(title: str, found, missing) -> rx.Component:
    return rx.vstack(
        rx.text(title, size="2", weight="medium"),
        rx.cond((found.length() == 0) & (missing.length() == 0), _muted(COPY["none"]),
                rx.hstack(_chips(found, "green", "check"), _chips(missing, "red", "x"), spacing="2", wrap="wrap")),
        spacing="1", width="100%",
    )


def _analysis_details(a: AnalysisView) -> rx.Component:
    return rx.vstack(
        _meter(COPY["quality"], a.quality * 10, a.quality.to_string() + " / 10", a.quality >= 7),
        _meter(COPY["relevance"], a.relevance * 10, a.relevance.to_string() + " / 10", a.relevance >= 7),
        rx.text(COPY["compliance"], ": ", rx.text.strong(a.compliance), size="2"),
        _found_missing(COPY["hashtags"], a.hashtags_found, a.hashtags_missing),
        _found_missing(COPY["mentions"], a.mentions_found, a.mentions_missing),
        rx.hstack(rx.text(COPY["disclosure"], size="2", weight="medium"),
                  rx.cond(a.disclosure, rx.badge(rx.icon("check", size=12), COPY["disclosed"], color_scheme="green"),
                          rx.badge(rx.icon("x", size=12), COPY["not_disclosed"], color_scheme="red")),
                  spacing="2", align="center", wrap="wrap"),
        rx.cond(a.suggestions.length() > 0, rx.vstack(
            rx.text(COPY["suggestions"], size="2", weight="medium"),
            rx.el.ul(rx.foreach(a.suggestions, lambda s: rx.el.li(rx.text(s, size="2"))),
                     style={"paddingLeft": "1.25rem", "margin": "0"}),
            spacing="1", width="100%",
        )),
        spacing="3", width="100%",
    )


def _analysis_panel(v: VersionCard) -> rx.Component:
    a = v.analysis
    return rx.card(
        rx.vstack(
            rx.hstack(rx.icon("sparkles", size=16), rx.text(COPY["analysis"], weight="bold"), rx.spacer(),
                      rx.cond(a.state == "done", score_badge(a.score, a.passed)), align="center", width="100%"),
            rx.match(
                a.state,
                ("running", rx.hstack(rx.spinner(size="3"), rx.vstack(rx.text(COPY["analyzing"], weight="medium"),
                                                                       _muted(COPY["analyzing_text"]), spacing="0"),
                                      align="center", spacing="3", role="status")),
                ("failed", rx.vstack(
                    rx.callout(rx.text(rx.text.strong(COPY["failed"]), ". ", a.error), icon="circle-alert",
                               color_scheme="red", role="alert", width="100%"),
                    rx.cond(v.can_retry, rx.button(rx.icon("rotate-ccw", size=16), COPY["retry"], variant="soft",
                                                   disabled=_S.busy, on_click=_S.retry_analysis(v.id))),
                    spacing="3", width="100%")),
                _analysis_details(a),
            ),
            spacing="3", width="100%",
        ),
        size="2", width="100%", variant="surface", data_testid="analysis",
    )


def _media(item: MediaItem) -> rx.Component:
    return rx.cond(
        item.is_video,
        rx.el.video(src=item.url, controls=True, preload="metadata", aria_label=item.name,
                    style={"width": "100%", "borderRadius": "var(--radius-3)", "background": "black"}),
        rx.el.a(rx.image(src=item.url, alt=item.name, width="100%", loading="lazy",
                         style={"borderRadius": "var(--radius-3)", "objectFit": "cover", "aspectRatio": "4 / 3"}),
                href=item.url, target="_blank", rel="noopener"),
    )


def _caption(item: CaptionItem) -> rx.Component:
    return rx.vstack(rx.text(item.platform, size="1", weight="bold", color_scheme="gray"),
                     rx.text(item.text, size="2", style={"whiteSpace": "pre-line", "overflowWrap": "anywhere"}),
                     spacing="1", width="100%")


def _submitted_content(v: VersionCard) -> rx.Component:
    return rx.vstack(
        rx.cond(v.media.length() > 0,
                rx.grid(rx.foreach(v.media, _media), columns=rx.breakpoints(initial="1", sm="2"), spacing="2",
                        width="100%")),
        rx.foreach(v.captions, _caption),
        rx.foreach(v.links, lambda url: rx.hstack(
            rx.icon("link", size=14, flex_shrink="0"),
            rx.link(url, href=url, is_external=True, size="2", style={"overflowWrap": "anywhere"}),
            spacing="2", align="center", min_width="0")),
        rx.hstack(rx.badge(v.platform, variant="outline"),
                  rx.cond(v.post_id != "", rx.badge(COPY["post"], v.post_id, variant="outline")),
                  rx.cond(v.paid_partnership, rx.badge(COPY["paid_on"], color_scheme="green", variant="soft")),
                  spacing="2", wrap="wrap"),
        spacing="3", width="100%",
    )


def _review_buttons(v: VersionCard) -> rx.Component:
    return rx.cond(
        v.can_review,
        rx.flex(
            _action_button(COPY["approve"], on_click=_S.approve(v.id), color_scheme="green"),
            rx.button(COPY["request_changes"], size="3", variant="soft", disabled=_S.busy,
                      on_click=_S.ask_changes(v.id)),
            gap="3", wrap="wrap", width="100%",
        ),
    )


def _version_body(v: VersionCard) -> rx.Component:
    return rx.vstack(
        rx.cond(v.reviewer_notes != "", rx.callout.root(
            rx.callout.icon(rx.icon("message-square-warning")),
            rx.callout.text(rx.text.strong(COPY["notes"]), ": ", v.reviewer_notes),
            color_scheme="amber", width="100%")),
        rx.grid(
            _submitted_content(v),
            rx.vstack(_analysis_panel(v), _review_buttons(v), spacing="3", width="100%"),
            columns=rx.breakpoints(initial="1", md="2"), spacing="5", width="100%",
        ),
        spacing="3", width="100%",
    )


def _version_title(v: VersionCard) -> rx.Component:
    return rx.hstack(
        rx.heading(COPY["version"], v.version, size="4", as_="h3"),
        rx.badge(v.status_label, variant="soft", color_scheme=rx.match(v.status, ("APPROVED", "green"),
                                                                       ("REJECTED", "amber"), "blue")),
        rx.spacer(),
        _muted(COPY["submitted_on"], v.submitted),
        align="center", spacing="2", wrap="wrap", width="100%",
    )


def _latest_version(v: VersionCard) -> rx.Component:
    return rx.card(rx.vstack(_version_title(v), _version_body(v), spacing="4", width="100%"), size="3",
                   width="100%", data_testid="latest-version")


def _earlier_version(v: VersionCard) -> rx.Component:
    return rx.el.details(
        rx.el.summary(rx.box(_version_title(v), display="inline-block", width="calc(100% - 1.5rem)"),
                      style={"cursor": "pointer"}),
        rx.box(_version_body(v), padding_top="1rem"),
        style={"border": f"1px solid {rx.color('gray', 5)}", "borderRadius": "var(--radius-4)", "padding": "1rem"},
        width="100%",
    )


def _changes_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(COPY["changes_title"]),
            rx.alert_dialog.description(COPY["changes_text"], size="2"),
            rx.form(
                rx.vstack(
                    _textarea(COPY["changes_notes"], "notes", rows="4", required=True),
                    form_error(_S.error),
                    rx.hstack(rx.alert_dialog.cancel(rx.button(COPY["keep"], variant="soft", color_scheme="gray",
                                                               type="button")),
                              _action_button(COPY["send_back"], type="submit"),
                              justify="end", spacing="3", width="100%", wrap="wrap"),
                    spacing="3", width="100%", margin_top="1rem",
                ),
                on_submit=_S.request_changes,
            ),
            max_width="480px",
        ),
        open=_S.dialog == "changes",
        on_open_change=lambda is_open: _S.toggle_dialog("changes", is_open),
    )


def _content_section() -> rx.Component:
    return rx.cond(
        _S.versions.length() > 0,
        rx.vstack(
            rx.heading(COPY["content"], size="5", as_="h2"),
            _latest_version(_S.versions[0]),
            rx.cond(_S.earlier_versions.length() > 0, rx.vstack(
                rx.heading(COPY["earlier"], size="3", as_="h3", color_scheme="gray"),
                rx.foreach(_S.earlier_versions, _earlier_version),
                spacing="3", width="100%",
            )),
            _changes_dialog(),
            spacing="4", width="100%",
        ),
    )


# ---- the timeline ---------------------------------------------------------------------------------------


def _event(row: TimelineRow) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            rx.box(width="10px", height="10px", border_radius="50%", background_color=rx.color("accent", 9),
                   margin_top="0.4rem", flex_shrink="0"),
            rx.vstack(
                rx.hstack(rx.text(row.label, weight="bold", size="2"),
                          rx.cond(row.change != "", rx.badge(row.change, variant="outline", size="1")),
                          spacing="2", wrap="wrap", align="center"),
                rx.text(row.who, " · ", row.when, size="1", color_scheme="gray", class_name="tabular"),
                rx.cond(row.note != "", rx.text(row.note, size="2", style={"overflowWrap": "anywhere"})),
                spacing="1",
            ),
            spacing="3", align="start",
        ),
        style={"listStyle": "none", "paddingBottom": "1rem"},
    )


def _timeline() -> rx.Component:
    return rx.vstack(
        rx.heading(COPY["timeline"], size="5", as_="h2"),
        rx.el.ol(rx.foreach(_S.timeline, _event), style={"padding": "0", "margin": "0"}, data_testid="timeline"),
        spacing="3", width="100%",
    )


# ---- the page -----------------------------------------------------------------------------------------------


def _messages() -> rx.Component:
    # Errors of a dialog's form show inside the dialog; the rest show above the next step. Nothing is
    # rendered when there is nothing to say, so the column keeps its rhythm.
    return rx.cond(
        (_S.notice != "") | ((_S.error != "") & (_S.dialog == "")),
        rx.vstack(notice(_S.notice), rx.cond(_S.dialog == "", form_error(_S.error)), width="100%", spacing="2",
                  role="status"),
    )


def _detail() -> rx.Component:
    return rx.vstack(
        _header(),
        rx.grid(
            rx.vstack(_messages(), _next_step(), _content_section(), _timeline(), spacing="6", width="100%",
                      min_width="0"),
            rx.box(_aside()),
            columns=rx.breakpoints(initial="1", md="minmax(0, 2fr) minmax(0, 1fr)"),
            spacing="6", width="100%", margin_top="1rem",
        ),
        width="100%", spacing="3", data_testid="collaboration-detail",
    )


def _loading() -> rx.Component:
    return rx.vstack(
        rx.skeleton(rx.text("All collaborations"), width="160px"),
        rx.skeleton(rx.heading("A collaboration is loading", size="8")),
        rx.skeleton(height="220px", width="100%"),
        spacing="4", width="100%", aria_busy="true",
    )


def collaboration_detail_page() -> rx.Component:
    return page(
        rx.cond(
            _S.loading,
            _loading(),
            rx.cond(_S.found, _detail(),
                    empty_state("search-x", COPY["not_found_title"], COPY["not_found_text"],
                                link_button(COPY["back"], href="/collaborations"))),
        ),
    )
