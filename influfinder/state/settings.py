"""Account settings: profile, avatar, password (changed, or set when there is none), devices, deleting the account."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from influfinder.i18n import _
from influfinder.domain.moments import day_label
from influfinder.services import account_settings, accounts, profiles
from influfinder.state.auth import backend_url, full_page_load, session_token
from influfinder.state.email_settings import EmailSettingsState
from influfinder.state.forms import FormState, form_text
from influfinder.state.linked_accounts import LinkedAccountsState
from influfinder.state.service_handler import call_service, service_handler
from influfinder.state.upload_feedback import AVATAR, LIMITS

MAX_AVATAR_BYTES = LIMITS[AVATAR].max_file_bytes


@dataclass
class Device:
    id: str
    browser: str
    ip_address: str
    last_seen: str
    current: bool


def _browser(user_agent: str) -> str:
    for name in ("Edg", "OPR", "Firefox", "Chrome", "Safari"):
        if name in user_agent:
            label = {"Edg": "Edge", "OPR": "Opera"}.get(name, name)
            system = next((s for s in ("Android", "iPhone", "iPad", "Mac OS", "Windows", "Linux") if s in user_agent), "")
            return f"{label} on {system}".replace("Mac OS", "macOS") if system else label
    return _("Unknown browser")


class SettingsState(FormState, rx.State):
    # The signed-in user's own profile; nobody else's data is ever loaded here.
    username: str = ""
    user_type: str = ""
    display_name: str = ""
    bio: str = ""
    city: str = ""
    avatar_url: str = ""
    company_name: str = ""
    website: str = ""
    business_category: str = ""
    audience: dict[str, dict] = {}
    preferred_categories: list[str] = []
    devices: list[Device] = []
    saved: str = ""
    security_notice: str = ""
    # False for an account made through a provider: it sets a first password, and confirms deletion by username.
    has_password: bool = True

    @rx.event
    @service_handler("loading settings")
    async def load(self):
        self._reset_errors()
        self.saved = self.security_notice = ""
        page = await call_service(self, account_settings.settings_page)
        view = page.profile
        self.username, self.user_type = view.username, view.user_type
        self.display_name, self.bio, self.city = view.display_name, view.bio, view.city
        self.avatar_url = backend_url(f"/media/{view.avatar_path}") if view.avatar_path else ""
        self.company_name, self.website, self.business_category = view.company_name, view.website, view.business_category
        self.audience = view.audience
        self.preferred_categories = view.preferred_categories
        self._show_devices(page.devices)
        self.has_password = page.has_password

    def _show_devices(self, devices: list[account_settings.Device]) -> None:
        self.devices = [
            Device(id=d.record.id, browser=_browser(d.record.user_agent), ip_address=d.record.ip_address,
                   last_seen=f"{day_label(d.record.last_seen_at)}, {d.record.last_seen_at:%H:%M} UTC",
                   current=d.current)
            for d in devices
        ]

    @rx.event
    @service_handler("saving a profile")
    async def save_profile(self, form: dict):
        self._reset_errors()
        self.saved = ""
        raw = _profile_form(form)
        if raw is None:
            self.error = _("The form could not be read. Reload the page and try again.")
            return
        await call_service(self, profiles.update_profile, raw)
        self.saved = _("Profile saved.")
        return SettingsState.load

    @rx.event
    @service_handler("uploading an avatar")
    async def upload_avatar(self, files: list[rx.UploadFile]):
        self._reset_errors()
        if not files or len(files) != 1:
            self.field_errors = {"avatar": _("Choose one image.")}
            return
        data = await files[0].read(MAX_AVATAR_BYTES + 1)
        key = await call_service(self, profiles.set_avatar, data)
        self.avatar_url = backend_url(f"/media/{key}")
        self.saved = _("Photo updated.")
        yield rx.clear_selected_files(AVATAR)

    @rx.event
    @service_handler("changing a password")
    async def change_password(self, form: dict):
        self._reset_errors()
        self.security_notice = ""
        current, new, confirm = (form_text(form, k, 1024) for k in ("current_password", "password", "confirm"))
        if new is not None and new != confirm:
            self.field_errors = {"confirm": _("The two passwords do not match.")}
            return
        self.busy = True
        yield
        try:
            await call_service(self, accounts.change_password, current, new, keep_token=session_token(self) or "")
        finally:
            self.busy = False
        self.security_notice = (_("Password changed. Your other devices have been signed out.") if self.has_password
                                else _("Password set. You can now also log in with your username and this password. "
                                     "Your other devices have been signed out."))
        self.has_password = True
        # The other cards read it too: the email card asks for it, linked accounts can now be unlinked.
        yield EmailSettingsState.load
        yield LinkedAccountsState.load

    @rx.event
    @service_handler("signing out a device")
    async def sign_out_device(self, session_id: str):
        self._show_devices(await call_service(self, account_settings.sign_out_device, session_id))

    @rx.event
    @service_handler("signing out everywhere")
    async def sign_out_everywhere(self):
        await call_service(self, account_settings.sign_out_everywhere)
        return full_page_load(backend_url("/auth/signout"))

    @rx.event
    @service_handler("deleting an account", field="delete_confirm")
    async def delete_account(self, form: dict):
        self._reset_errors()
        confirmation = form_text(form, "delete_confirm", 1024)  # the password, or the username without one
        await call_service(self, accounts.delete_account, confirmation)
        return full_page_load(backend_url("/auth/signout?next=/goodbye"))


def _profile_form(form: object) -> dict | None:
    """Flat form fields to the nested shape services.profiles expects."""
    if not isinstance(form, dict) or len(form) > 40:
        return None
    fields = {k: v for k, v in form.items() if isinstance(k, str) and isinstance(v, (str, bool))}
    data: dict = {k: fields[k] for k in ("display_name", "bio", "city", "company_name", "website") if k in fields}
    if fields.get("business_category"):
        data["business_category"] = fields["business_category"]
    for platform in ("instagram", "tiktok", "facebook"):
        handle = fields.get(f"{platform}_handle")
        if handle is None:
            continue
        data[platform] = {
            "handle": handle,
            "followers": _number(fields.get(f"{platform}_followers")),
            "engagement": _number(fields.get(f"{platform}_engagement")),
        }
    categories = [k.removeprefix("category_") for k, v in fields.items() if k.startswith("category_") and v in ("on", True)]
    if categories:
        data["preferred_categories"] = categories
    return data


def _number(value: object) -> object:
    """Blank means 0; anything else goes to validation as typed, so bad input gets a message."""
    return 0 if value in (None, "") else value
