"""The offer form for businesses and agencies: /offers/new and /offers/[offer_id]/edit.

The form's inputs are uncontrolled: each change is sent to `set_field`, which keeps the value
in a backend-only dict (`_values`) and recomputes why Publish is not possible yet, so the page
can say so before anyone clicks. Saving and publishing send those values to
services.offer_management, which validates them again: the live check is a courtesy only.

The cover photo is not a form value: a saved offer's cover is stored as soon as it is dropped
(services.offer_covers), and a new offer gets one once its draft is saved.

Dates: the inputs are `datetime-local`, in the person's own time. The browser tells us its
time zone (an IANA name, and its UTC offset as a fallback) when the page loads; the state
converts to UTC before the service sees a date, and back to local time to fill the form.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo

import reflex as rx

from influfinder.i18n import _
from influfinder.domain.enums import CompensationType
from influfinder.i18n.routes import page_href
from influfinder.services import offer_covers, offer_management
from influfinder.services.errors import ServiceError
from influfinder.services.offer_management import EditorPage, InvalidOffer
from influfinder.state.browser import ask_zone, scroll_into_view
from influfinder.state.display import path_part, query
from influfinder.state.forms import FormState
from influfinder.state.service_handler import REFUSED, call_service, service_handler, try_service
from influfinder.state.offer_cards import uploaded_cover_url

ERROR_ID = "offer-form-error"
GROUPS = ("platforms", "content_specs.formats", "compensation_type")  # labelled by a text, not a <label for>
from influfinder.state.offer_form import (
    ARCHIVED, CHECK_FIELDS, COVER_SAVE_FIRST, FIELD_NAMES, LISTS, LOCAL_FORMAT, NEW, PUBLISHED, SAVED,
    acceptable, blank_values, checked, chips, dropzone_refusal, form_values, publish_blockers, raw_offer,
    with_change, zone_from,
)


class OfferEditorState(FormState, rx.State):
    loading: bool = True
    found: bool = True
    editing_id: str = ""  # "" while the offer is new
    status: str = ""
    form_key: str = ""  # changes on every load, so the inputs re-mount with the loaded values
    initial: dict[str, str] = {}
    initial_flags: dict[str, bool] = {}
    initial_lists: dict[str, list[str]] = {}
    category: str = ""
    compensation_type: str = CompensationType.PAID.value
    requires_visit: bool = False
    hashtags: list[str] = []
    mentions: list[str] = []
    blockers: list[str] = []
    is_agency: bool = False
    can_edit: bool = True
    zone_name: str = "UTC"
    min_deadline: str = ""
    views: int = 0
    applications_total: int = 0
    saving: bool = False
    publishing: bool = False
    saved: str = ""
    cover_url: str = ""  # the uploaded cover; "" shows the category's illustration
    cover_busy: bool = False
    _values: dict = {}
    _zone: str = "UTC"
    _offset: int = 0
    _verified: bool = False
    _loads: int = 0

    @rx.event
    def load(self):
        """Ask the browser for its time zone; `load_in_zone` reads the offer with it."""
        self.loading, self.found, self.saved = True, True, ""
        self._reset_errors()
        yield ask_zone(OfferEditorState.load_in_zone)

    @rx.event
    @service_handler("loading the offer form")
    async def load_in_zone(self, answer: list):
        zone, self.zone_name = zone_from(answer)
        self._zone, self._offset = self.zone_name, _minutes(zone)
        target = path_part(self, 2)
        self.editing_id = "" if path_part(self, 1) == NEW else target
        try:
            page = await call_service(self, offer_management.editor_page, self.editing_id)
        except ServiceError:
            self.found = False
            raise
        finally:
            self.loading = False
        self._show(page, self._read(page, zone), zone)
        self.saved = PUBLISHED if query(self, "published") else SAVED if query(self, "saved") else ""

    def _read(self, page: EditorPage, zone: tzinfo) -> dict:
        self.cover_url, self.cover_busy = "", False
        offer = page.offer
        if offer is None:
            self.status, self.can_edit, self.views, self.applications_total = "", True, 0, 0
            return blank_values()
        self.status, self.can_edit = offer.status, "edit" in offer.actions
        self.cover_url = uploaded_cover_url(offer.values.get("cover_image"))
        self.views, self.applications_total = offer.views, sum(offer.applications.values())
        return form_values(offer.values, zone)

    def _show(self, page: EditorPage, values: dict, zone: tzinfo) -> None:
        self._values, self._verified = values, page.author_verified
        self.is_agency = page.author_is_agency
        self.initial = {k: v for k, v in values.items() if isinstance(v, str)}
        self.initial_flags = {k: v for k, v in values.items() if isinstance(v, bool)}
        self.initial_lists = {group: checked(values, group) for group in LISTS}
        self.category, self.compensation_type = values["category"], values["compensation_type"]
        self.requires_visit = bool(values["requires_visit"])
        self.hashtags = chips(values["content_specs.required_hashtags"])
        self.mentions = chips(values["content_specs.required_mentions"])
        self.min_deadline = datetime.now(zone).strftime(LOCAL_FORMAT)
        self._loads += 1
        self.form_key = f"{self.editing_id or NEW}-{self._loads}"
        self._recheck()
        self.loading = False

    def _zone_info(self) -> tzinfo:
        zone, _name = zone_from([self._zone, -self._offset])
        return zone

    def _recheck(self) -> None:
        self.blockers = publish_blockers(self._values, self._zone_info(), verified=self._verified,
                                         with_brand=self.is_agency)

    @rx.event
    def set_field(self, name: str, value: str | bool | list[str]):
        """One input changed. Only this person's unsaved form changes, so no actor is needed here;
        saving checks the session and everything again."""
        if not self._values or not acceptable(name, value):
            return
        self._values = with_change(self._values, name, value)
        if name == "category":
            self.category = value
        elif name == "compensation_type":
            self.compensation_type = value
        elif name == "requires_visit":
            self.requires_visit = value
        elif name == "content_specs.required_hashtags":
            self.hashtags = chips(value)
        elif name == "content_specs.required_mentions":
            self.mentions = chips(value)
        if name in self.field_errors:
            self.field_errors = {k: v for k, v in self.field_errors.items() if k != name}
        self._recheck()

    @rx.event
    @service_handler("saving an offer")
    async def save(self):
        """Save draft, or save the changes of a published offer."""
        self.saving = True
        yield
        try:
            created = await self._save()
        finally:
            self.saving = False
        if created:
            yield rx.redirect(page_href(f"/offers/{created}/edit?saved=1"))
        elif created == "":
            self.saved = SAVED if self.status == "DRAFT" else _("Changes saved.")
        else:
            yield self._show_problem()

    @rx.event
    @service_handler("publishing an offer")
    async def publish(self):
        """Save what is on screen, then DRAFT -> ACTIVE."""
        self.publishing = True
        yield
        try:
            created = await self._save()
            offer_id = created or self.editing_id
            saved = created is not None and offer_id
            published = await try_service(self, offer_management.publish, offer_id) if saved else REFUSED
        finally:
            self.publishing = False
        if not saved:
            yield self._show_problem()
            return
        if published is REFUSED:
            if created:  # the draft exists now: go to its address (the reasons show beside Publish)
                yield rx.redirect(page_href(f"/offers/{created}/edit?saved=1"))
            else:
                yield self._show_problem()
            return
        yield rx.redirect(page_href(f"/offers/{offer_id}/edit?published=1"))

    # ---- the cover photo -----------------------------------------------------------------------

    @rx.event
    @service_handler("uploading an offer cover", field=offer_covers.FIELD)
    async def upload_cover(self, files: list[rx.UploadFile]):
        """A photo dropped on (or chosen in) the cover zone: checked and stored at once."""
        one_file = isinstance(files, list) and len(files) == 1
        refusal = COVER_SAVE_FIRST if not self.editing_id else "" if one_file else offer_covers.NO_IMAGE
        self._cover_error(refusal)
        if refusal:
            self.cover_busy = False
            return
        self.cover_busy = True
        yield
        try:
            # One byte over the limit is enough for the check to say the file is too large.
            data = await files[0].read(offer_covers.MAX_BYTES + 1)
            key = await call_service(self, offer_covers.set_cover, self.editing_id, data)
            self.cover_url = uploaded_cover_url(key)
        finally:
            self.cover_busy = False

    @rx.event
    def cover_refused(self, rejected: list):
        """The browser refused the file before sending it (react-dropzone's size or type check)."""
        self.cover_busy = False
        self._cover_error(dropzone_refusal(rejected))

    @rx.event
    @service_handler("removing an offer cover", field=offer_covers.FIELD)
    async def remove_cover(self):
        if not self.editing_id:
            return
        self._cover_error("")
        self.cover_busy = True
        yield
        try:
            await call_service(self, offer_covers.remove_cover, self.editing_id)
            self.cover_url = ""
        finally:
            self.cover_busy = False

    def _cover_error(self, message: str) -> None:
        """Only the cover's message changes: the form's own messages stay where they are."""
        others = {k: v for k, v in self.field_errors.items() if k != offer_covers.FIELD}
        self.field_errors = {**others, offer_covers.FIELD: message} if message else others

    def _show_problem(self):
        """Scroll to the first field with a message (in the form's order), or to the message on top."""
        first = next((name for name in FIELD_NAMES if name in self.field_errors), None)
        if first is None:
            return scroll_into_view(ERROR_ID)
        return scroll_into_view(f"label-{first}" if first in GROUPS else f"field-{first}")

    async def _save(self) -> str | None:
        """Create or update; the new offer's id when one was created, "" when updated, None on failure."""
        self._reset_errors()
        self.saved = ""
        if not self._values or not self.can_edit:
            self.error = ARCHIVED if not self.can_edit else _("Reload the page and try again.")
            return None
        raw, problems = raw_offer(self._values, self._zone_info(), with_brand=self.is_agency)
        if problems:
            self.field_errors, self.error = problems, CHECK_FIELDS
            return None
        if self.editing_id:
            saved = await try_service(self, offer_management.update_offer, self.editing_id, raw)
            return None if saved is REFUSED else ""
        created = await try_service(self, offer_management.create_draft, raw)
        return None if created is REFUSED else str(created)

    def _refused(self, error: ServiceError) -> None:
        """The cover's refusals show under the cover; the offer's problems beside their fields."""
        if error.field == offer_covers.FIELD:
            self._cover_error(error.message)
            return
        problems = getattr(error, "problems", None) if isinstance(error, InvalidOffer) else None
        if not problems:
            super()._refused(error)
            return
        shown = {k: v for k, v in problems.items() if k in FIELD_NAMES}
        others = [v for k, v in problems.items() if k not in FIELD_NAMES]
        self.field_errors = shown
        # A summary ("Before publishing: ...") says more than "check the fields"; a bare first problem does not.
        summary = error.message if error.message != next(iter(problems.values())) else CHECK_FIELDS
        self.error = " ".join(others) or summary


def _minutes(zone: tzinfo) -> int:
    offset = datetime.now(timezone.utc).astimezone(zone).utcoffset() or timedelta(0)
    return int(offset.total_seconds() // 60)
