"""Which event handlers take uploads, how much each may receive, and who may call it.

api/upload_guard.py enforces these in front of Reflex's POST /_upload, before the body is read;
a handler not listed here cannot receive files at all. The handlers check everything again.
"""

from __future__ import annotations

from reflex_base.utils.format import format_event_handler

from influfinder.api.upload_guard import UploadRule
from influfinder.integrations.images import AVATAR_MAX_BYTES, COVER_MAX_BYTES
from influfinder.services import message_files
from influfinder.services.actors import Actor
from influfinder.services.submission_checks import MAX_TOTAL_BYTES
from influfinder.state.collaboration_detail import CollaborationDetailState
from influfinder.state.messages_page import ChatComposerState
from influfinder.state.offer_editor import OfferEditorState
from influfinder.state.settings import SettingsState


def _anyone_signed_in(_actor: Actor) -> bool:
    return True


def _business(actor: Actor) -> bool:
    return actor.is_business


def _creator(actor: Actor) -> bool:
    return actor.is_creator


CONTENT = UploadRule(MAX_TOTAL_BYTES, _creator)

UPLOAD_RULES: dict[str, UploadRule] = {
    format_event_handler(handler): rule
    for handler, rule in [
        (SettingsState.upload_avatar, UploadRule(AVATAR_MAX_BYTES, _anyone_signed_in)),
        (OfferEditorState.upload_cover, UploadRule(COVER_MAX_BYTES, _business)),
        (ChatComposerState.send, UploadRule(message_files.MAX_BYTES * message_files.MAX_FILES, _anyone_signed_in)),
        (CollaborationDetailState.submit_content, CONTENT),
        (CollaborationDetailState.run_precheck, CONTENT),
    ]
}
