"""Direct messages on real databases (SQLite and PostgreSQL, built by the migrations): who may write
to whom, what a refusal leaves behind (nothing), paging, read receipts, attachments and the route
that serves them, and the 30-a-minute limit.

Each call runs in its own transaction, committed on success and rolled back on a refusal, the way
a state handler runs it with `session_scope`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlmodel import select

from influfinder import database
from influfinder.api.message_routes import routes
from influfinder.domain.enums import NotificationType, UserType
from influfinder.models import Message, Notification
from influfinder.services import effects, messages, notifications
from influfinder.services.actors import UNVERIFIED
from influfinder.services.errors import NotAllowed, ServiceError
from tests.support.media import CAMERA_MAKE, photo
from tests.support.people import (
    applied, collaborating, empty_every_table, person, reset_app_caches, session_for,
)

pytestmark = pytest.mark.integration

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
WINDOWS_EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200 + b"This program cannot be run in DOS mode"
LINUX_ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 300


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path_factory) -> str:
    url = (f"sqlite:///{tmp_path_factory.mktemp('messages') / 'messages.db'}" if request.param == "sqlite"
           else request.getfixturevalue("pg_url"))
    database.migrate(url)
    return url


@pytest.fixture(autouse=True)
def app_env(settings_env, db_url, tmp_path) -> Iterator[None]:
    settings_env.set(DATABASE_URL=db_url, SECRET_KEY="messages-test-secret", UPLOAD_DIR=str(tmp_path / "uploads"))
    reset_app_caches()
    yield
    effects.drain()
    empty_every_table()
    reset_app_caches()


def send(actor, other, text="Hello!", files=()):
    with database.session_scope() as db:
        return messages.send(db, actor, other.id if hasattr(other, "id") else other, text, files)


def call(fn, *args, **kwargs):
    with database.session_scope() as db:
        return fn(db, *args, **kwargs)


def stored_messages() -> list[Message]:
    with database.session_scope() as db:
        return list(db.exec(select(Message).order_by(Message.created_at)).all())


def uploaded_files(tmp_path) -> list:
    root = tmp_path / "uploads"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def refused(fn, *args, message: str | None = None, **kwargs) -> ServiceError:
    with pytest.raises(ServiceError) as caught:
        call(fn, *args, **kwargs)
    if message is not None:
        assert caught.value.message == message
    return caught.value


# ---- who may write to whom -------------------------------------------------------------------------


def test_an_application_lets_the_creator_and_the_business_write_both_ways():
    creator, business = person(name="Ana"), person(UserType.BUSINESS, name="Café Aurora")
    applied(creator, business)
    first = send(creator, business, "Hi! Is Saturday fine for the visit?")
    answer = send(business, creator, "  Saturday is perfect.  ")
    assert first.mine and answer.text == "Saturday is perfect."
    view = call(messages.chat, creator, business.id)
    assert [(m.text, m.mine) for m in view.messages] == [
        ("Hi! Is Saturday fine for the visit?", True), ("Saturday is perfect.", False)]
    assert view.can_send and view.other.display_name == "Café Aurora"


def test_a_collaboration_lets_its_two_parties_write():
    creator, business = person(), person(UserType.AGENCY)
    collaborating(creator, business)
    send(business, creator, "Welcome aboard")
    assert [m.text for m in call(messages.chat, creator, business.id).messages] == ["Welcome aboard"]


def test_a_stranger_is_refused_and_nothing_is_stored(tmp_path):
    creator, business, stranger = person(), person(UserType.BUSINESS), person()
    applied(creator, business)
    for sender, recipient in ((stranger, business), (business, stranger), (stranger, creator)):
        refused(messages.send, sender, recipient.id, "Buy my course!", [("a.png", photo(64, 64, fmt="PNG"))],
                message=messages.STRANGER)
    # An id nobody has, or no id at all, reads exactly like a stranger: nothing is revealed.
    for target in (uuid.uuid4(), "not-an-id", {"$gt": ""}, None, 12):
        refused(messages.send, stranger, target, "Hello?", message=messages.STRANGER)
    assert stored_messages() == [] and uploaded_files(tmp_path) == []


def test_an_admin_may_write_to_anyone_and_be_answered():
    admin, creator = person(UserType.BUSINESS, admin=True), person()
    refused(messages.send, creator, admin.id, "Hello admin", message=messages.STRANGER)
    send(admin, creator, "Your profile needs a photo.")
    send(creator, admin, "Done, thanks!")
    assert [m.content for m in stored_messages()] == ["Your profile needs a photo.", "Done, thanks!"]


def test_an_unconfirmed_email_cannot_send_and_nobody_can_write_to_themself():
    creator, business = person(verified=False), person(UserType.BUSINESS)
    applied(creator, business)
    refused(messages.send, creator, business.id, "Hi", message=UNVERIFIED)
    refused(messages.send, business, business.id, "Note to self", message=messages.SELF)
    assert stored_messages() == []


@pytest.mark.parametrize("text", ["", "   \n\t ", None, 42, ["hi"], {"$ne": ""}])
def test_an_empty_message_is_refused(text):
    creator, business = person(), person(UserType.BUSINESS)
    applied(creator, business)
    refused(messages.send, creator, business.id, text, message=messages.EMPTY)
    assert stored_messages() == []


def test_four_thousand_characters_pass_and_ten_thousand_are_refused():
    creator, business = person(), person(UserType.BUSINESS)
    applied(creator, business)
    refused(messages.send, creator, business.id, "x" * 10_000, message=messages.TOO_LONG)
    refused(messages.send, creator, business.id, "x" * 4001, message=messages.TOO_LONG)
    assert stored_messages() == []
    send(creator, business, "y" * 4000)
    assert [len(m.content) for m in stored_messages()] == [4000]


def test_the_thirty_first_message_within_a_minute_is_refused(tmp_path):
    creator, business = person(), person(UserType.BUSINESS)
    applied(creator, business)
    outcomes = []
    for n in range(100):
        try:
            send(creator, business, f"message {n}")
            outcomes.append("sent")
        except ServiceError as error:
            outcomes.append(error.message)
    assert outcomes[:30] == ["sent"] * 30
    assert all(o.startswith("You can send 30 messages a minute. Wait ") for o in outcomes[30:])
    assert len(stored_messages()) == 30
    # The limit is the sender's: the business can still answer.
    send(business, creator, "Slow down, please!")


# ---- attachments -------------------------------------------------------------------------------------


def test_a_photo_is_cleaned_and_a_pdf_kept_and_both_are_served_to_the_two_parties_only(tmp_path):
    creator, business, stranger = person(), person(UserType.BUSINESS), person()
    applied(creator, business)
    sent = send(creator, business, "", [("menu.pdf", PDF), ("IMG_0001.JPG", photo())])
    pdf, picture = sent.attachments
    assert (pdf.name, pdf.content_type, pdf.is_image) == ("menu.pdf", "application/pdf", False)
    assert picture.is_image and picture.name.startswith("IMG_0001.")
    assert len(uploaded_files(tmp_path)) == 2
    tokens = {who: session_for(actor) for who, actor in
              (("creator", creator), ("business", business), ("stranger", stranger))}
    for who in ("creator", "business"):
        got = fetch(picture.url, tokens[who])
        assert got.status_code == 200 and got.headers["content-type"] == picture.content_type
        assert CAMERA_MAKE.encode() not in got.content  # the EXIF block did not survive
        download = fetch(pdf.url, tokens[who])
        assert download.content == PDF and download.headers["content-disposition"].startswith("attachment;")
    for token in (tokens["stranger"], None):
        assert fetch(picture.url, token).status_code == 404
    # The other message's id does not open this file.
    other = send(business, creator, "Thanks")
    assert fetch(picture.url.replace(sent.id, other.id), tokens["business"]).status_code == 404


@pytest.mark.parametrize("name,data,says", [
    ("invoice.pdf", WINDOWS_EXE, "invoice.pdf is not a PDF document."),
    ("invoice.pdf", LINUX_ELF, "invoice.pdf is not a PDF document."),
    ("setup.exe", WINDOWS_EXE, "setup.exe: Only photos"),
    ("cut.pdf", PDF[:-7], "cut.pdf is not a complete PDF document."),
    ("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "photo.pdf is not a PDF document."),
    ("menu.png", PDF, "menu.png is a PDF document, but its name says .png."),
    ("empty.pdf", b"", "empty.pdf is empty."),
])
def test_a_file_that_is_not_what_it_claims_is_refused_and_nothing_is_stored(tmp_path, name, data, says):
    creator, business = person(), person(UserType.BUSINESS)
    applied(creator, business)
    error = refused(messages.send, creator, business.id, "See attached", [("fine.png", photo(32, 32, fmt="PNG")),
                                                                          (name, data)])
    assert error.message.startswith(says) and error.field == "attachments"
    assert stored_messages() == [] and uploaded_files(tmp_path) == []


def test_too_many_or_too_large_files_are_refused(tmp_path):
    creator, business = person(), person(UserType.BUSINESS)
    applied(creator, business)
    six = [(f"{n}.pdf", PDF) for n in range(6)]
    refused(messages.send, creator, business.id, "Docs", six, message="Attach at most 5 files to one message.")
    huge = PDF[:-6] + b"\x00" * (10 * 1024 * 1024) + b"%%EOF\n"
    refused(messages.send, creator, business.id, "Big", [("big.pdf", huge)], message="big.pdf is larger than 10 MB.")
    assert stored_messages() == [] and uploaded_files(tmp_path) == []


def fetch(url: str, token: str | None):
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    client = TestClient(Starlette(routes=routes), base_url="http://127.0.0.1")
    if token:
        client.cookies.set("influfinder_session", token)
    return client.get(url)


# ---- reading -------------------------------------------------------------------------------------------


def test_conversations_are_listed_newest_first_with_the_last_message_and_unread_counts():
    me = person(UserType.BUSINESS, name="Café Aurora")
    ana, ben = person(name="Ana"), person(name="Ben")
    applied(ana, me), applied(ben, me)
    send(ana, me, "Hi from Ana")
    send(ana, me, "Are you there?")
    send(ben, me, "Hi from Ben")
    send(me, ana, "Yes! Coming.")
    page = call(messages.conversations, me)
    assert page.total == 2
    assert [(c.other.display_name, c.last_text, c.last_from_me, c.unread) for c in page.items] == [
        ("Ana", "Yes! Coming.", True, 2), ("Ben", "Hi from Ben", False, 1)]
    second = call(messages.conversations, me, page=2, page_size=1)
    assert [c.other.display_name for c in second.items] == ["Ben"] and second.pages == 2
    assert [(c.other.display_name, c.unread) for c in call(messages.conversations, ana).items] == [("Café Aurora", 1)]
    assert call(messages.unread_count, me) == 3


def test_a_chat_pages_backwards_from_the_newest_message():
    creator, business = person(), person(UserType.BUSINESS)
    applied(creator, business)
    for n in range(65):
        with database.session_scope() as db:  # the rate limit is not what this test is about
            db.add(Message(conversation_key=messages.conversation_key(creator.id, business.id),
                           sender_id=creator.id, recipient_id=business.id, content=f"m{n}"))
    newest = call(messages.chat, business, creator.id)
    assert [m.text for m in newest.messages] == [f"m{n}" for n in range(35, 65)] and newest.has_older
    older = call(messages.chat, business, creator.id, before_id=newest.messages[0].id)
    assert [m.text for m in older.messages] == [f"m{n}" for n in range(5, 35)] and older.has_older
    oldest = call(messages.chat, business, creator.id, before_id=older.messages[0].id, limit=30)
    assert [m.text for m in oldest.messages] == [f"m{n}" for n in range(5)] and not oldest.has_older


def test_another_conversation_cannot_be_read_by_any_door():
    ana, ben, cafe = person(), person(), person(UserType.BUSINESS)
    applied(ana, cafe), applied(ben, cafe)
    private = send(ana, cafe, "My phone number is 600 000 000")
    send(ben, cafe, "Hello")
    # Ben opens a chat with Ana (a stranger) or with nobody: the same "not found".
    for target in (ana.id, uuid.uuid4(), "../../etc/passwd", None):
        refused(messages.chat, ben, target, message=messages.NOT_FOUND)
    # Ben pages his own chat from a cursor of Ana's conversation.
    refused(messages.chat, ben, cafe.id, before_id=private.id, message=messages.NOT_FOUND)
    # Ben "marks as read" what Ana sent to the café: nothing changes.
    assert call(messages.mark_read, ben, ana.id) == 0
    assert [m.is_read for m in stored_messages() if m.id == uuid.UUID(private.id)] == [False]
    assert "600 000 000" not in repr(call(messages.conversations, ben))


def test_reading_a_chat_marks_it_read_and_the_sender_sees_the_receipt():
    creator, business = person(), person(UserType.BUSINESS)
    applied(creator, business)
    send(creator, business, "One")
    send(creator, business, "Two")
    assert [m.is_read for m in call(messages.chat, creator, business.id).messages] == [False, False]
    assert call(messages.mark_read, business, creator.id) == 2
    receipts = call(messages.chat, creator, business.id).messages
    assert all(m.is_read and m.read_at is not None for m in receipts)
    assert call(messages.unread_count, business) == 0
    assert call(messages.mark_read, business, creator.id) == 0  # read_at is kept from the first time


def test_a_burst_leaves_one_unread_message_notification_per_sender_which_reading_clears():
    creator, business = person(name="Ana"), person(UserType.BUSINESS)
    applied(creator, business)
    for text in ("One", "Two", "Three"):
        send(creator, business, text)
    page = call(notifications.list_for_user, business, unread_only=True)
    assert [(n.type, n.title, n.content) for n in page.items] == [
        (NotificationType.MESSAGE_RECEIVED.value, "New message from Ana", "One")]
    call(messages.mark_read, business, creator.id)
    assert call(notifications.unread_count, business) == 0
    send(creator, business, "Four")
    assert call(notifications.unread_count, business) == 1


# ---- authorization of every action --------------------------------------------------------------------

ACTIONS = {
    "send": lambda w, a: (messages.send, a, w["cafe"].id, "Hello"),
    "conversations": lambda w, a: (messages.conversations, a),
    "chat": lambda w, a: (messages.chat, a, w["cafe"].id),
    "mark_read": lambda w, a: (messages.mark_read, a, w["cafe"].id),
    "unread_count": lambda w, a: (messages.unread_count, a),
}
# Ana applied to the café, which wrote to her; Ben has nothing to do with the café. Reading one's own
# inbox is for everyone signed in; writing to and opening a chat with the café, for Ana and admins.
ALLOWED = {"send": {"ana", "admin"}, "conversations": {"ana", "ben", "admin"}, "chat": {"ana", "admin"},
           "mark_read": {"ana", "ben", "admin"}, "unread_count": {"ana", "ben", "admin"}}
ROLES = ("ana", "ben", "admin", "anonymous")


@pytest.mark.parametrize("action,role", [(a, r) for a in ACTIONS for r in ROLES])
def test_authorization(action, role):
    world = {"ana": person(), "ben": person(), "admin": person(UserType.BUSINESS, admin=True),
             "cafe": person(UserType.BUSINESS)}
    applied(world["ana"], world["cafe"])
    send(world["cafe"], world["ana"], "Welcome!")
    fn, *args = ACTIONS[action](world, world.get(role))
    before = [(m.id, m.is_read) for m in stored_messages()]
    if role in ALLOWED[action]:
        call(fn, *args)
        return
    with pytest.raises(NotAllowed):
        call(fn, *args)
    assert [(m.id, m.is_read) for m in stored_messages()] == before


def test_no_message_row_is_left_when_the_transaction_fails_after_sending(tmp_path):
    creator, business = person(), person(UserType.BUSINESS)
    applied(creator, business)
    with pytest.raises(RuntimeError), database.session_scope() as db:
        messages.send(db, creator, business.id, "Hi", [("p.png", photo(32, 32, fmt="PNG"))])
        raise RuntimeError("the handler failed after the service returned")
    assert stored_messages() == [] and uploaded_files(tmp_path) == []
    with database.session_scope() as db:
        assert db.exec(select(sa.func.count()).select_from(Notification)).one() == 0


# ---- what a conversation is about -------------------------------------------------------------------


def test_the_chat_names_and_links_the_application_the_two_share():
    creator, business = person(name="Ana"), person(UserType.BUSINESS, name="Café Aurora")
    application_id = applied(creator, business)
    for viewer, other in ((creator, business), (business, creator)):
        about = call(messages.chat, viewer, other.id).about
        assert (about.kind, about.offer_title, about.link) == (
            "application", "Brunch for two", f"/applications/{application_id}")


def test_once_they_collaborate_the_chat_is_about_the_collaboration_and_the_list_names_its_offer():
    creator, business = person(), person(UserType.BUSINESS)
    applied(creator, business)
    collab_id = collaborating(creator, business)
    send(business, creator, "See you Saturday")
    assert call(messages.chat, creator, business.id).about.link == f"/collaborations/{collab_id}"
    row = call(messages.conversations, creator).items[0]
    assert (row.about.kind, row.about.offer_title) == ("collaboration", "Brunch for two")


def test_an_admin_chat_is_about_nothing_the_two_share():
    admin, creator, business = person(admin=True), person(), person(UserType.BUSINESS)
    applied(creator, business)  # the creator's work with someone else is not the admin's to show
    send(admin, creator, "About your account")
    assert call(messages.chat, admin, creator.id).about is None
    assert call(messages.conversations, creator).items[0].about is None
