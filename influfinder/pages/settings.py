"""/settings: profile, photo, email address, password, devices, delete account."""

import reflex as rx

from influfinder.components.forms import field, field_error, form_error, notice, post_form, submit_button
from influfinder.components.language_switcher import language_switcher
from influfinder.components.layout import page
from influfinder.components.connected_accounts import connected_accounts_section
from influfinder.components.linked_accounts import linked_accounts_section
from influfinder.components.upload_feedback import upload_previews, upload_progress, upload_refusal, zone_limits
from influfinder.domain.enums import OfferCategory
from influfinder.i18n import N_, _, translated
from influfinder.state.email_settings import EmailSettingsState
from influfinder.state.notification_settings import NotificationSettingsState, PreferenceRow
from influfinder.state.settings import Device, SettingsState
from influfinder.state.upload_feedback import AVATAR

COPY = {
    "title": N_("Account settings"),
    "profile": N_("Profile"),
    "display_name": N_("Display name"),
    "bio": N_("Bio"),
    "city": N_("City"),
    "audience": N_("Your audience"),
    "audience_hint": N_("Type your numbers in: they are shown as self-reported. Connect an account under "
                        "Verified audience and its figures replace the typed ones."),
    "handle": N_("handle"),
    "followers": N_("followers"),
    "engagement": N_("engagement rate (%)"),
    "categories": N_("Categories you like to create for"),
    "company": N_("Company name"),
    "website": N_("Website"),
    "business_category": N_("Category"),
    "save": N_("Save profile"),
    "photo": N_("Photo"),
    "photo_hint": N_("PNG, JPEG or WebP, up to 5 MB."),
    "choose_photo": N_("Choose a photo"),
    "upload": N_("Upload photo"),
    "email": N_("Email address"),
    "no_email": N_("No email yet"),
    "no_email_text": N_("Add an email address to apply, publish offers and send messages. "
                     "We send it a link to confirm it."),
    "unconfirmed": N_("Not confirmed yet"),
    "confirmed": N_("Confirmed"),
    "new_email": N_("New email address"),
    "email_password": N_("Your password"),
    "change_email": N_("Change email"),
    "add_email": N_("Add email"),
    "password": N_("Password"),
    "set_password": N_("Set a password"),
    "set_password_text": N_("You sign in with another account. Set a password to also log in with your username."),
    "current_password": N_("Current password"),
    "new_password": N_("New password"),
    "confirm": N_("Repeat the new password"),
    "change": N_("Change password"),
    "devices": N_("Signed-in devices"),
    "this_device": N_("This device"),
    "sign_out": N_("Sign out"),
    "sign_out_all": N_("Sign out everywhere"),
    "danger": N_("Delete my account"),
    "danger_text": N_("Your profile and personal data are removed. People you worked with keep their history, "
                   "shown as “Deleted user”. This cannot be undone."),
    "confirm_password": N_("Your password"),
    "confirm_username": N_("Type your username to confirm"),
    "delete": N_("Delete my account"),
    "cancel": N_("Cancel"),
    "notifications": N_("Notifications"),
    "notifications_text": N_("Everything shows up in the app and in the bell. Choose what should also reach you by email."),
    "email_column": N_("Also by email"),
    "recommended": N_("Recommended"),
}
PLATFORMS = [("instagram", "Instagram"), ("tiktok", "TikTok"), ("facebook", "Facebook")]


def _section(title: str, *children, **props) -> rx.Component:
    return rx.card(rx.vstack(rx.heading(title, size="5"), *children, spacing="4", width="100%"), size="3", width="100%",
                   **props)


def _textarea(label: str, name: str, value) -> rx.Component:
    return rx.vstack(
        rx.el.label(label, html_for=f"field-{name}", style={"fontWeight": "500", "fontSize": "0.9rem"}),
        rx.text_area(id=f"field-{name}", name=name, default_value=value, rows="4", width="100%"),
        field_error(SettingsState.field_errors.get(name, "")),
        spacing="1", width="100%",
    )


def _audience_row(key: str, label: str) -> rx.Component:
    data = SettingsState.audience[key]
    return rx.grid(
        field(f"{label} {translated(COPY['handle'])}", f"{key}_handle", required=False, default_value=data["handle"].to(str),
              error=SettingsState.field_errors.get(f"{key}.handle", "")),
        field(f"{label} {translated(COPY['followers'])}", f"{key}_followers", type="number", required=False, min="0",
              default_value=data["followers"].to(str), error=SettingsState.field_errors.get(f"{key}.followers", "")),
        field(f"{label} {translated(COPY['engagement'])}", f"{key}_engagement", type="number", required=False, step="0.1",
              min="0", max="100", default_value=data["engagement"].to(str),
              error=SettingsState.field_errors.get(f"{key}.engagement", "")),
        columns=rx.breakpoints(initial="1", md="3"), spacing="3", width="100%",
    )


def _creator_fields() -> rx.Component:
    return rx.vstack(
        rx.heading(translated(COPY["audience"]), size="3"),
        rx.text(translated(COPY["audience_hint"]), size="2", color_scheme="gray"),
        *[_audience_row(key, label) for key, label in PLATFORMS],
        rx.text(translated(COPY["categories"]), weight="medium", size="2"),
        # A grid, so each box sits with its own word and the columns line up at every width.
        rx.grid(
            *[rx.el.label(
                rx.hstack(rx.checkbox(name=f"category_{c.value}", id=f"category-{c.value}",
                                      default_checked=SettingsState.preferred_categories.contains(c.value)),
                          rx.text(c.value.title(), size="2"), spacing="2", align="center"),
                html_for=f"category-{c.value}", style={"cursor": "pointer"},
            ) for c in OfferCategory],
            columns=rx.breakpoints(initial="2", xs="3", md="5"), spacing="3", width="100%",
        ),
        spacing="3", width="100%",
    )


def _business_fields() -> rx.Component:
    return rx.grid(
        field(translated(COPY["company"]), "company_name", required=False, default_value=SettingsState.company_name,
              error=SettingsState.field_errors.get("company_name", "")),
        field(translated(COPY["website"]), "website", type="url", required=False, placeholder="https://",
              default_value=SettingsState.website, error=SettingsState.field_errors.get("website", "")),
        rx.vstack(
            rx.el.label(translated(COPY["business_category"]), html_for="field-business_category",
                        style={"fontWeight": "500", "fontSize": "0.9rem"}),
            rx.el.select(
                rx.el.option("—", value=""),
                *[rx.el.option(c.value.title(), value=c.value) for c in OfferCategory],
                id="field-business_category", name="business_category",
                default_value=SettingsState.business_category, class_name="native-select",
            ),
            spacing="1", width="100%",
        ),
        columns=rx.breakpoints(initial="1", md="3"), spacing="3", width="100%",
    )


def _profile_section() -> rx.Component:
    return _section(
        translated(COPY["profile"]),
        notice(SettingsState.saved),
        form_error(SettingsState.error),
        rx.cond(SettingsState.username == "", _profile_skeleton(), _profile_form()),
    )


def _profile_skeleton() -> rx.Component:
    """The form's shape until the profile has loaded, rather than empty fields that fill in a moment later."""
    return rx.vstack(*[rx.skeleton(height=h, width="100%") for h in ("64px", "96px", "64px", "64px")],
                     spacing="3", width="100%", aria_busy="true")


def _profile_form() -> rx.Component:
    return post_form(
        rx.vstack(
            rx.grid(
                field(translated(COPY["display_name"]), "display_name", required=False, default_value=SettingsState.display_name,
                      error=SettingsState.field_errors.get("display_name", "")),
                field(translated(COPY["city"]), "city", required=False, default_value=SettingsState.city,
                      error=SettingsState.field_errors.get("city", "")),
                columns=rx.breakpoints(initial="1", md="2"), spacing="3", width="100%",
            ),
            _textarea(translated(COPY["bio"]), "bio", SettingsState.bio),
            rx.cond(SettingsState.user_type == "CREATOR", _creator_fields(), _business_fields()),
            rx.button(translated(COPY["save"]), type="submit", size="3"),
            spacing="4", width="100%", align="start",
        ),
        on_submit=SettingsState.save_profile,
        key=SettingsState.username,  # re-mount with fresh defaults once the profile has loaded
        width="100%",
    )


def _photo_section() -> rx.Component:
    return _section(
        translated(COPY["photo"]),
        rx.hstack(
            rx.avatar(src=SettingsState.avatar_url, fallback=SettingsState.username[:2].upper(), size="7",
                      radius="full"),
            rx.vstack(
                rx.upload.root(
                    rx.button(translated(COPY["choose_photo"]), variant="soft", type="button"),
                    id=AVATAR, **zone_limits(AVATAR),
                ),
                upload_refusal(AVATAR),
                rx.box(upload_previews(AVATAR), width="120px"),
                upload_progress(AVATAR, [SettingsState.upload_avatar]),
                rx.button(translated(COPY["upload"]), size="2",
                          on_click=SettingsState.upload_avatar(rx.upload_files(upload_id=AVATAR))),
                rx.text(translated(COPY["photo_hint"]), size="1", color_scheme="gray"),
                field_error(SettingsState.field_errors.get("avatar", "")),
                spacing="2",
            ),
            spacing="5", align="center", wrap="wrap",
        ),
    )


def _email_status() -> rx.Component:
    return rx.cond(
        EmailSettingsState.email != "",
        rx.hstack(
            rx.text(EmailSettingsState.email, weight="medium"),
            rx.cond(EmailSettingsState.verified, rx.badge(translated(COPY["confirmed"]), color_scheme="green"),
                    rx.badge(translated(COPY["unconfirmed"]), color_scheme="amber")),
            spacing="3", align="center", wrap="wrap", data_testid="current-email",
        ),
        rx.vstack(
            rx.text(translated(COPY["no_email"]), weight="medium", data_testid="current-email"),
            rx.text(translated(COPY["no_email_text"]), size="2", color_scheme="gray"),
            spacing="1",
        ),
    )


def _email_section() -> rx.Component:
    errors = EmailSettingsState.field_errors
    return _section(
        translated(COPY["email"]),
        _email_status(),
        notice(EmailSettingsState.notice),
        form_error(EmailSettingsState.error),
        post_form(
            rx.vstack(
                field(translated(COPY["new_email"]), "new_email", type="email", autocomplete="email",
                      error=errors.get("new_email", "")),
                rx.cond(EmailSettingsState.has_password,
                        field(translated(COPY["email_password"]), "email_password", type="password",
                              autocomplete="current-password", error=errors.get("email_password", ""))),
                rx.box(submit_button(rx.cond(EmailSettingsState.email != "", translated(COPY["change_email"]), translated(COPY["add_email"])),
                                     EmailSettingsState.busy), width="220px"),
                spacing="3", width="100%", max_width="420px",
            ),
            on_submit=EmailSettingsState.change_email, reset_on_submit=True,
        ),
        # Its own state, loaded when the card appears (the page's on_load belongs to the settings state).
        on_mount=EmailSettingsState.load,
        id="email",
    )


def _password_section() -> rx.Component:
    return _section(
        rx.cond(SettingsState.has_password, translated(COPY["password"]), translated(COPY["set_password"])),
        rx.cond(~SettingsState.has_password, rx.text(translated(COPY["set_password_text"]), size="2", color_scheme="gray")),
        notice(SettingsState.security_notice),
        post_form(
            rx.vstack(
                rx.cond(SettingsState.has_password,
                        field(translated(COPY["current_password"]), "current_password", type="password",
                              autocomplete="current-password",
                              error=SettingsState.field_errors.get("current_password", ""))),
                field(translated(COPY["new_password"]), "password", type="password", autocomplete="new-password",
                      error=SettingsState.field_errors.get("password", "")),
                field(translated(COPY["confirm"]), "confirm", type="password", autocomplete="new-password",
                      error=SettingsState.field_errors.get("confirm", "")),
                rx.box(submit_button(rx.cond(SettingsState.has_password, translated(COPY["change"]), translated(COPY["set_password"])),
                                     SettingsState.busy), width="220px"),
                spacing="3", width="100%", max_width="420px",
            ),
            on_submit=SettingsState.change_password, reset_on_submit=True,
        ),
        id="password",
    )


def _device_row(device: Device) -> rx.Component:
    return rx.hstack(
        rx.icon("monitor-smartphone", size=20),
        rx.vstack(
            rx.text(device.browser, weight="medium", size="2"),
            rx.text(device.ip_address, " · ", device.last_seen, size="1", color_scheme="gray"),
            spacing="0",
        ),
        rx.spacer(),
        rx.cond(
            device.current,
            rx.badge(translated(COPY["this_device"]), color_scheme="green"),
            rx.button(translated(COPY["sign_out"]), size="1", variant="soft", on_click=SettingsState.sign_out_device(device.id)),
        ),
        width="100%", align="center", padding_y="0.5rem",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
    )


def _devices_section() -> rx.Component:
    return _section(
        translated(COPY["devices"]),
        rx.vstack(rx.foreach(SettingsState.devices, _device_row), width="100%", spacing="0"),
        rx.button(translated(COPY["sign_out_all"]), variant="outline", color_scheme="red", on_click=SettingsState.sign_out_everywhere),
    )


def _danger_section() -> rx.Component:
    return _section(
        translated(COPY["danger"]),
        rx.text(translated(COPY["danger_text"]), size="2", color_scheme="gray"),
        rx.alert_dialog.root(
            rx.alert_dialog.trigger(rx.button(translated(COPY["delete"]), color_scheme="red", variant="soft")),
            rx.alert_dialog.content(
                rx.alert_dialog.title(translated(COPY["danger"])),
                rx.alert_dialog.description(translated(COPY["danger_text"])),
                post_form(
                    rx.vstack(
                        rx.cond(
                            SettingsState.has_password,
                            field(translated(COPY["confirm_password"]), "delete_confirm", type="password",
                                  autocomplete="current-password",
                                  error=SettingsState.field_errors.get("delete_confirm", "")),
                            field(translated(COPY["confirm_username"]), "delete_confirm", autocomplete="off",
                                  placeholder=SettingsState.username,
                                  error=SettingsState.field_errors.get("delete_confirm", "")),
                        ),
                        rx.hstack(
                            rx.alert_dialog.cancel(rx.button(translated(COPY["cancel"]), variant="soft", color_scheme="gray",
                                                             type="button")),
                            rx.button(translated(COPY["delete"]), color_scheme="red", type="submit"),
                            justify="end", spacing="3", width="100%",
                        ),
                        spacing="4", margin_top="1rem",
                    ),
                    on_submit=SettingsState.delete_account,
                ),
            ),
        ),
        border=f"1px solid {rx.color('red', 6)}",
    )


def _preference_row(row: PreferenceRow) -> rx.Component:
    switch_id = "email-" + row.type
    return rx.hstack(
        rx.el.label(row.label, html_for=switch_id, style={"fontSize": "0.95rem", "cursor": "pointer"}),
        rx.cond(row.email_by_default, rx.badge(translated(COPY["recommended"]), size="1", variant="soft", color_scheme="violet")),
        rx.spacer(),
        rx.switch(id=switch_id, checked=row.email, on_change=lambda on: NotificationSettingsState.set_email(row.type, on),
                  data_testid=switch_id),
        width="100%", align="center", spacing="2", padding_y="0.6rem",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
    )


def _notifications_section() -> rx.Component:
    return _section(
        translated(COPY["notifications"]),
        rx.text(translated(COPY["notifications_text"]), size="2", color_scheme="gray"),
        notice(NotificationSettingsState.saved),
        form_error(NotificationSettingsState.error),
        rx.hstack(rx.spacer(), rx.text(translated(COPY["email_column"]), size="1", weight="medium", color_scheme="gray"),
                  width="100%"),
        rx.vstack(rx.foreach(NotificationSettingsState.preferences, _preference_row), width="100%", spacing="0"),
        # Its own state, loaded when the section appears (the page's on_load belongs to the settings state).
        on_mount=NotificationSettingsState.load,
        id="notifications",
    )


def settings_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.heading(translated(COPY["title"]), size="8"),
            rx.cond(SettingsState.username != "", rx.text("@", SettingsState.username, color_scheme="gray"),
                    rx.skeleton(rx.text(_("@username")), width="120px")),
            _profile_section(),
            _photo_section(),
            _email_section(),
            _password_section(),
            rx.cond(SettingsState.user_type == "CREATOR", connected_accounts_section()),
            linked_accounts_section(),
            _notifications_section(),
            _section(_("Language"), rx.text(_("Pages, notifications and mails reach you in this language."), size="2",
                                             color_scheme="gray"), language_switcher(), id="language"),
            _devices_section(),
            _danger_section(),
            spacing="5", width="100%", max_width="860px", margin_x="auto",
        )
    )
