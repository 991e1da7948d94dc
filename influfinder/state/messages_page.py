"""/messages (the conversations) and the composer of /messages/[user_id] (the chat itself is LiveState's).

The chat's lines live in LiveState so that pushes from other processes land in the same list the
page shows; this module only lists conversations and sends. Sending goes through the upload
endpoint even without files, so text and files travel in one request and one service call.
"""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.i18n import N_, translated
from influfinder.services import live_updates, message_files, messages
from influfinder.services.messages import ConversationView
from influfinder.state.auth import backend_url
from influfinder.state.display import query_page
from influfinder.state.forms import FormState
from influfinder.state.list_pages import ListPageState
from influfinder.state.live import LiveState, chat_line
from influfinder.state.service_handler import call_service, service_handler
from influfinder.state.upload_feedback import CHAT as UPLOAD_ID

PAGE_SIZE = 20
DRAFT_LIMIT = messages.MAX_CHARS + 1000  # longer is cut; the counter already shows it is too long
NO_CHAT = N_("Open a conversation first.")


@dataclass
class ConversationRow:
    user_id: str = ""
    name: str = ""
    username: str = ""
    initials: str = ""
    avatar_url: str = ""
    last_text: str = ""
    last_from_me: bool = False
    last_at: str = ""  # ISO 8601; the browser shows it in its own zone
    unread: int = 0
    link: str = ""
    about: str = ""  # the offer the two work on (the latest application or collaboration)


def conversation_row(view: ConversationView) -> ConversationRow:
    other = view.other
    return ConversationRow(
        user_id=other.id, name=other.display_name, username=other.username,
        initials=(other.display_name or other.username)[:2].upper(), avatar_url=backend_url(other.avatar_url) if other.avatar_url else "",
        last_text=view.last_text, last_from_me=view.last_from_me,
        last_at=live_updates.payload(view)["last_at"], unread=view.unread, link=view.link,
        about=view.about.offer_title if view.about else "",
    )


class ConversationsState(ListPageState, FormState, rx.State):
    rows: list[ConversationRow] = []

    @rx.event
    @service_handler("listing conversations")
    async def load(self):
        self.loading = True
        self._reset_errors()
        yield
        try:
            result = await call_service(self, messages.conversations, query_page(self), PAGE_SIZE)
        finally:
            self.loading = False
        self.rows = [conversation_row(v) for v in result.items]
        self._show_page(result)


class ChatComposerState(FormState, rx.State):
    draft: str = ""

    @rx.event
    def set_draft(self, value: str):
        if isinstance(value, str):
            self.draft = value[:DRAFT_LIMIT]
            if self.field_errors:
                self.field_errors = {}

    @rx.event
    def reset_composer(self):
        """on_load of the chat page: a new chat starts with an empty box."""
        self.draft = ""
        self._reset_errors()
        self.busy = False

    @rx.event
    @service_handler("sending a message")
    async def send(self, files: list[rx.UploadFile]):
        """The text in the box and the chosen files, as one message to the open chat's person."""
        live = await self.get_state(LiveState)
        self._reset_errors()
        if not live.chat_with:
            self.error = translated(NO_CHAT)
            return
        self.busy = True
        yield
        try:
            view = await call_service(self, messages.send, live.chat_with, self.draft, await _read(files))
        finally:
            self.busy = False
        self.draft = ""
        # The echo: this tab shows its own message at once (the bus tells the other tabs).
        live._add_line(chat_line(live_updates.payload(view)))
        yield rx.clear_selected_files(UPLOAD_ID)


async def _read(files: object) -> list[tuple[str, bytes]]:
    """The uploaded files as (name, bytes); one byte over the limit is enough for the service to refuse."""
    if not isinstance(files, list):
        return []
    pairs = []
    for upload in files[: message_files.MAX_FILES + 1]:
        name = upload.name or upload.filename or ""
        pairs.append((name, await upload.read(message_files.MAX_BYTES + 1)))
    return pairs
