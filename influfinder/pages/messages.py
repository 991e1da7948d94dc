"""/messages (conversations) and /messages/[user_id] (one chat, live: LiveState keeps its lines)."""

import reflex as rx

from influfinder.components import browser_time
from influfinder.components.empty_state import empty_state
from influfinder.components.forms import field_error, form_error, post_form
from influfinder.components.upload_feedback import upload_previews, upload_progress, upload_refusal, zone_limits
from influfinder.components.layout import page
from influfinder.components.list_nav import nav_button, pager
from influfinder.i18n import N_, translated
from influfinder.i18n.routes import page_href
from influfinder.services.message_files import MAX_FILES
from influfinder.services.messages import MAX_CHARS, STRANGER
from influfinder.state.live import ChatAttachment, ChatLine, LiveState
from influfinder.state.messages_page import UPLOAD_ID, ChatComposerState, ConversationRow, ConversationsState

ROUTE = "/messages"
CHAT_ROUTE = "/messages/[user_id]"
COPY = {
    "title": N_("Messages"),
    "subtitle": N_("Talk with the people you work with."),
    "pages": N_("Pages of conversations"),
    "you": N_("You: "),
    "unread": N_(" unread"),
    "empty_title": N_("No conversations yet"),
    "empty_text": N_("You can message people you share an application or a collaboration with. "
                  "Open one and choose Message to start."),
    "browse": N_("Browse offers"),
    "back": N_("Back to messages"),
    "load_older": N_("Load older messages"),
    "no_messages": N_("No messages yet. Say hello!"),
    "message": N_("Message"),
    "placeholder": N_("Write a message… (Enter sends, Shift+Enter adds a line)"),
    "attach": N_("Attach photos or PDF"),
    "attach_hint": N_("Up to {n} photos (PNG, JPEG, WebP) or PDF documents, 10 MB each."),
    "clear_files": N_("Remove the chosen files"),
    "send": N_("Send"),
    "seen": N_("Seen"),
    "sent": N_("Sent"),
    "cannot_send": STRANGER,
    "not_found_title": N_("Conversation not found"),
    "chat_log": N_("Messages with "),
    "attachment": N_("Attachment: "),
    "about_application": N_("Application: {title}"),
    "about_collaboration": N_("Collaboration: {title}"),
    "about": N_("About {title}"),
    "with_label": N_("Conversation with"),
}

C = ConversationsState
L = LiveState
W = ChatComposerState
# Styles live here rather than in assets/styles.css, which other areas own.
TRUNCATE = {"overflow": "hidden", "textOverflow": "ellipsis", "whiteSpace": "nowrap", "minWidth": "0"}
ONE_LINE = {**TRUNCATE, "display": "block", "maxWidth": "100%"}
SR_ONLY = {"position": "absolute", "width": "1px", "height": "1px", "overflow": "hidden", "clip": "rect(0 0 0 0)",
           "whiteSpace": "nowrap"}
LOG_STYLE = {"display": "flex", "flexDirection": "column-reverse", "overflowY": "auto", "width": "100%",
             "height": "min(62vh, 640px)", "minHeight": "320px", "padding": "0.75rem",
             "borderRadius": "var(--radius-4)", "background": rx.color("gray", 2),
             "border": f"1px solid {rx.color('gray', 4)}"}
BUBBLE_STYLE = {"maxWidth": "min(78%, 560px)", "padding": "0.55rem 0.8rem", "borderRadius": "16px",
                "display": "flex", "flexDirection": "column", "gap": "0.35rem", "overflowWrap": "anywhere"}
DAY_STYLE = {"alignSelf": "center", "fontSize": "0.75rem", "fontWeight": "500", "color": rx.color("gray", 11),
             "background": rx.color("gray", 3), "padding": "0.15rem 0.7rem", "borderRadius": "999px",
             "margin": "0.5rem 0"}


# ---- the conversations -----------------------------------------------------------------------------


def _conversation(row: ConversationRow) -> rx.Component:
    has_unread = row.unread > 0
    return rx.link(
        rx.hstack(
            rx.avatar(src=row.avatar_url, fallback=row.initials, size="4", radius="full", flex_shrink="0"),
            rx.vstack(
                rx.hstack(
                    rx.text(row.name, size="3", weight=rx.cond(has_unread, "bold", "medium"),
                            style={**TRUNCATE, "flexShrink": "0", "maxWidth": "100%"}),
                    rx.text("@", row.username, size="1", color_scheme="gray", style=TRUNCATE),
                    spacing="2", align="baseline", min_width="0", width="100%",  # the handle yields first
                ),
                rx.cond(row.about != "", rx.text(_around(COPY["about"], row.about), size="1",
                                                 color=rx.color("accent", 11), style=ONE_LINE,
                                                 data_testid="conversation-about")),
                rx.text(rx.cond(row.last_from_me, translated(COPY["you"]), ""), row.last_text, size="2",
                        color=rx.cond(has_unread, rx.color("gray", 12), rx.color("gray", 11)),
                        style=ONE_LINE),
                spacing="1", align="start", min_width="0", flex="1",
            ),
            rx.vstack(
                rx.el.time(browser_time.short(row.last_at), date_time=row.last_at,
                           title=browser_time.full(row.last_at), style={"fontSize": "0.8rem", "whiteSpace": "nowrap"},
                           color=rx.color("gray", 11)),
                rx.cond(has_unread, rx.badge(row.unread, rx.el.span(translated(COPY["unread"]), style=SR_ONLY),
                                             color_scheme="violet", variant="solid", radius="full",
                                             data_testid="conversation-unread")),
                spacing="1", align="end", flex_shrink="0",
            ),
            spacing="3", align="center", width="100%",
        ),
        href=row.link,
        underline="none",
        color="inherit",
        data_testid="conversation",
        # The list is a start-aligned column: without a full width a long last message widens the row
        # past a phone's screen instead of ending in an ellipsis.
        style={"display": "block", "width": "100%", "boxSizing": "border-box", "padding": "0.85rem 1rem",
               "borderRadius": "var(--radius-4)",
               "border": f"1px solid {rx.color('gray', 4)}",
               "background": rx.cond(has_unread, rx.color("accent", 2), "transparent")},
        class_name="notification-row",
    )


def _conversation_list() -> rx.Component:
    return rx.cond(
        C.total > 0,
        rx.vstack(
            rx.foreach(C.rows, _conversation),
            pager(C.page, C.pages, ROUTE + "?", translated(COPY["pages"])),
            spacing="2", width="100%",
        ),
        empty_state("messages-square", translated(COPY["empty_title"]), translated(COPY["empty_text"]),
                    nav_button(translated(COPY["browse"]), href=page_href("/offers"), variant="soft")),
    )


def messages_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.heading(translated(COPY["title"]), size="8", as_="h1"),
            rx.text(translated(COPY["subtitle"]), color_scheme="gray"),
            form_error(C.error),
            rx.cond(C.loading,
                    rx.vstack(*[rx.skeleton(height="72px", width="100%") for _ in range(4)], spacing="2",
                              width="100%", aria_busy="true"),
                    _conversation_list()),
            spacing="4", width="100%", max_width="760px", margin_x="auto",
        ),
    )


# ---- one chat --------------------------------------------------------------------------------------


def _chat_header() -> rx.Component:
    return rx.hstack(
        rx.icon_button(rx.el.a(rx.icon("arrow-left", size=18), href=page_href(ROUTE), aria_label=translated(COPY["back"])),
                       as_child=True, variant="ghost", color_scheme="gray", size="2"),
        rx.avatar(fallback=L.chat_name[:2].upper(), size="3", radius="full"),
        rx.vstack(
            rx.heading(rx.el.span(translated(COPY["with_label"]) + " ", style=SR_ONLY), L.chat_name, size="4",
                       as_="h1", style=ONE_LINE),
            rx.text("@", L.chat_username, size="1", color_scheme="gray"),
            _chat_about(),
            spacing="0", min_width="0",
        ),
        spacing="3", align="center", width="100%",
        padding_bottom="0.75rem", border_bottom=f"1px solid {rx.color('gray', 4)}",
    )


def _around(message: str, title) -> rx.Component:
    """The translated sentence with the offer's title (a var) where its {title} is."""
    before, _sep, after = translated(message).partition("{title}")
    return rx.fragment(before, title, after)


def _chat_about() -> rx.Component:
    """The application or collaboration the two share (the latest), linked."""
    is_collab = L.chat_about_kind == "collaboration"
    return rx.cond(
        L.chat_about_id != "",
        rx.link(rx.hstack(rx.cond(is_collab, rx.icon("handshake", size=14), rx.icon("file-text", size=14)),
                          rx.text(rx.cond(is_collab, _around(COPY["about_collaboration"], L.chat_about_title),
                                          _around(COPY["about_application"], L.chat_about_title)), style=ONE_LINE),
                          spacing="1", align="center", min_width="0"),
                href=rx.cond(is_collab, page_href("/collaborations/"), page_href("/applications/")) + L.chat_about_id,
                size="2", data_testid="chat-about", style={"maxWidth": "100%"}),
    )


def _attachment(item: ChatAttachment) -> rx.Component:
    return rx.cond(
        item.is_image,
        rx.el.a(rx.image(src=item.url, alt=item.name, max_width="240px", max_height="240px",
                         border_radius="10px", object_fit="cover"), href=item.url, target="_blank",
                rel="noopener", aria_label=translated(COPY["attachment"]) + item.name),
        rx.el.a(rx.hstack(rx.icon("file-text", size=16), rx.text(item.name, size="2", style=TRUNCATE),
                          spacing="2", align="center"),
                href=item.url, download=item.name, style={"color": "inherit", "textDecoration": "underline"},
                aria_label=translated(COPY["attachment"]) + item.name),
    )


def _status(line: ChatLine) -> rx.Component:
    return rx.hstack(
        rx.el.time(browser_time.clock(line.created_at), date_time=line.created_at,
                   title=browser_time.full(line.created_at)),
        rx.cond(line.mine, rx.cond(
            line.is_read,
            rx.hstack(rx.icon("check-check", size=12), rx.text(translated(COPY["seen"])), spacing="1", align="center",
                      data_testid="seen"),
            rx.hstack(rx.icon("check", size=12), rx.text(translated(COPY["sent"])), spacing="1", align="center"),
        )),
        spacing="2", align="center", justify="end", style={"fontSize": "0.7rem", "opacity": "0.8"},
    )


def _bubble(line: ChatLine) -> rx.Component:
    return rx.box(
        rx.box(
            rx.cond(line.text != "", rx.text(line.text, as_="p", size="2", white_space="pre-wrap")),
            rx.foreach(line.attachments, _attachment),
            _status(line),
            style=BUBBLE_STYLE,
            background=rx.cond(line.mine, rx.color("accent", 9), rx.color("gray", 1)),
            color=rx.cond(line.mine, "white", rx.color("gray", 12)),
            border=rx.cond(line.mine, "1px solid transparent", f"1px solid {rx.color('gray', 5)}"),
        ),
        display="flex", width="100%", justify_content=rx.cond(line.mine, "flex-end", "flex-start"),
        data_testid="chat-line",
        data_mine=rx.cond(line.mine, "true", "false"),
    )


def _day_separator(line: ChatLine, index) -> rx.Component:
    today = browser_time.day_label(line.created_at)
    first = index == 0
    previous = browser_time.day_label(L.chat[rx.cond(first, 0, index - 1)].created_at)
    return rx.cond(first | (previous != today),
                   rx.box(rx.el.span(today), style=DAY_STYLE, role="separator"))


def _line(line: ChatLine, index) -> rx.Component:
    return rx.fragment(_day_separator(line, index), _bubble(line))


def _chat_log() -> rx.Component:
    # column-reverse keeps the view pinned to the newest message as lines arrive.
    return rx.box(
        rx.vstack(
            rx.cond(L.chat_has_older, rx.center(
                rx.button(rx.icon("arrow-up", size=14), translated(COPY["load_older"]), variant="soft", size="1",
                          on_click=L.load_older, type="button"),
                width="100%", padding_y="0.5rem")),
            rx.cond(L.chat.length() == 0,
                    rx.center(rx.text(translated(COPY["no_messages"]), color_scheme="gray", size="2"), padding_y="3rem",
                              width="100%")),
            rx.foreach(L.chat, _line),
            spacing="2", width="100%",
        ),
        role="log",
        aria_live="polite",
        aria_label=translated(COPY["chat_log"]) + L.chat_name,
        tab_index=0,
        style=LOG_STYLE,
        data_testid="chat-log",
    )


def _chosen_files() -> rx.Component:
    chosen = rx.selected_files(UPLOAD_ID)
    return rx.cond(
        chosen.length() > 0,
        rx.hstack(
            rx.box(upload_previews(UPLOAD_ID), flex="1", min_width="0"),
            rx.icon_button(rx.icon("x", size=14), on_click=rx.clear_selected_files(UPLOAD_ID), type="button",
                           variant="ghost", color_scheme="gray", size="1", aria_label=translated(COPY["clear_files"])),
            spacing="2", align="start", width="100%",
        ),
    )


def _composer() -> rx.Component:
    length = W.draft.length()
    too_long = length > MAX_CHARS
    return post_form(
        rx.vstack(
            rx.hstack(
                rx.el.label(translated(COPY["message"]), html_for="chat-text", style={"fontWeight": "500", "fontSize": "0.9rem"}),
                rx.spacer(),
                rx.text(length, f" / {MAX_CHARS:,}", size="1", class_name="tabular", data_testid="chat-counter",
                        color=rx.cond(too_long, rx.color("red", 11), rx.color("gray", 11)), aria_live="polite"),
                width="100%", align="center",
            ),
            rx.text_area(id="chat-text", name="text", value=W.draft, on_change=W.set_draft, enter_key_submit=True,
                         placeholder=translated(COPY["placeholder"]), rows="2", resize="vertical", width="100%",
                         aria_invalid=rx.cond(too_long | W.field_errors.contains("text"), "true", "false")),
            field_error(W.field_errors.get("text", "")),
            field_error(W.field_errors.get("attachments", "")),
            form_error(W.error),
            upload_refusal(UPLOAD_ID),
            _chosen_files(),
            upload_progress(UPLOAD_ID, [W.send]),
            rx.hstack(
                rx.upload.root(
                    rx.button(rx.icon("paperclip", size=16), translated(COPY["attach"]), variant="soft", color_scheme="gray",
                              type="button", size="2"),
                    id=UPLOAD_ID, no_drag=True, **zone_limits(UPLOAD_ID),
                ),
                rx.spacer(),
                rx.button(rx.cond(W.busy, rx.spinner(size="2"), rx.icon("send-horizontal", size=16)), translated(COPY["send"]),
                          type="submit", size="2", disabled=W.busy | too_long, data_testid="chat-send"),
                width="100%", align="center", wrap="wrap", spacing="2",
            ),
            rx.text(translated(COPY["attach_hint"]).format(n=MAX_FILES), size="1", color_scheme="gray"),
            spacing="2", width="100%",
        ),
        on_submit=lambda _form: W.send(rx.upload_files(upload_id=UPLOAD_ID)),
        width="100%",
    )


def _chat() -> rx.Component:
    return rx.vstack(
        _chat_header(),
        _chat_log(),
        rx.cond(L.chat_can_send, _composer(),
                rx.callout(translated(COPY["cannot_send"]), icon="info", color_scheme="gray", width="100%")),
        rx.window_event_listener(on_focus=L.mark_chat_read),
        spacing="3", width="100%",
    )


def chat_page() -> rx.Component:
    return page(
        rx.box(
            rx.cond(
                L.chat_error != "",
                empty_state("message-circle-off", translated(COPY["not_found_title"]), L.chat_error,
                            nav_button(translated(COPY["back"]), href=ROUTE, variant="soft")),
                rx.cond(L.chat_with != "", _chat(),
                        rx.vstack(*[rx.skeleton(height="56px", width="100%") for _ in range(5)], spacing="3",
                                  width="100%", aria_busy="true")),
            ),
            width="100%", max_width="820px", margin_x="auto",
        ),
    )
