"""Branded mails: one HTML body (inline styles, as mail clients drop <style>) and one plain-text body.

Every value that comes from a person (names, titles, texts) is escaped in the HTML. Links are
built by the caller with `action_url`, from PUBLIC_URL, to a plain page path: the language redirect
in front of the pages (api/language_redirect.py) opens it in the reader's language. Mails are written
in the current language: the caller wraps a mail to someone else in `use_language(their language)`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import urlencode

from influfinder.i18n import N_, _, current_language, translated
from influfinder.settings import get_settings

BRAND_COLOUR = "#6E56CF"
FOOTER = N_("Influfinder · collaborations between creators and businesses. You get this mail because of your account.")


@dataclass(frozen=True)
class MailMessage:
    to: str
    subject: str
    text: str
    html: str
    link: str | None = None  # the call to action; the console outbox shows it


def action_url(path: str, **query: str | int) -> str:
    """An absolute link into the site, e.g. action_url("/verify", token=t)."""
    url = f"{get_settings().public_url.rstrip('/')}/{path.lstrip('/')}"
    return f"{url}?{urlencode(query)}" if query else url


def verification_mail(to: str, name: str, link: str) -> MailMessage:
    return _render(to, _("Confirm your email"), _Body(
        heading=_("Confirm your email"),
        greeting=name,
        paragraphs=(_("Welcome to Influfinder! Please confirm that this email address is yours."),),
        button=_("Confirm email"),
        link=link,
        note=_("This link is valid for 24 hours. If you did not create an Influfinder account, ignore this mail."),
    ))


def password_reset_mail(to: str, name: str, link: str) -> MailMessage:
    return _render(to, _("Reset your password"), _Body(
        heading=_("Reset your password"),
        greeting=name,
        paragraphs=(_("Someone asked to reset the password of your Influfinder account."),),
        button=_("Choose a new password"),
        link=link,
        note=_("This link is valid for 30 minutes. If you did not ask, ignore this mail: your password stays the same."),
    ))


def password_changed_mail(to: str, name: str, reset_link: str) -> MailMessage:
    return _render(to, _("Your password was changed"), _Body(
        heading=_("Your password was changed"),
        greeting=name,
        paragraphs=(
            _("The password of your Influfinder account was just changed, and your other sessions were signed out."),
            _("If it was you, there is nothing more to do. If it was not you, reset your password now."),
        ),
        button=_("Reset password"),
        link=reset_link,
    ))


def notification_mail(to: str, title: str, text: str, link: str, button: str = N_("Open Influfinder")) -> MailMessage:
    # A subject is one line: a title with line breaks would be refused by the mail library.
    subject = " ".join(title.split())
    return _render(to, subject, _Body(heading=subject, paragraphs=(text,), button=translated(button), link=link))


# --- rendering ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Body:
    heading: str
    paragraphs: tuple[str, ...]
    button: str
    link: str
    greeting: str | None = None  # the person's name; None for mails without a greeting
    note: str = ""


def _render(to: str, subject: str, body: _Body) -> MailMessage:
    if not body.link.startswith(("https://", "http://")):
        raise ValueError("mail links must be absolute http(s) URLs; build them with action_url")
    return MailMessage(to=to, subject=subject, text=_text(body), html=_html(subject, body), link=body.link)


def _greeting(name: str | None) -> str | None:
    if name is None:
        return None
    return _("Hi {name},").format(name=name.strip()) if name.strip() else _("Hi,")


def _text(body: _Body) -> str:
    greeting = _greeting(body.greeting)
    lines = [greeting] if greeting else []
    lines += [*body.paragraphs, f"{body.button}: {body.link}"]
    if body.note:
        lines.append(body.note)
    lines.append(f"-- \n{translated(FOOTER)}")
    return "\n\n".join(lines) + "\n"


def _paragraph(text: str, style: str = "margin:0 0 16px;font-size:16px;line-height:1.5;") -> str:
    return f'<p style="{style}">{html.escape(text).replace(chr(10), "<br>")}</p>'


def _button(label: str, link: str) -> str:
    return (
        '<table role="presentation" cellpadding="0" cellspacing="0" style="margin:24px 0;"><tr>'
        f'<td style="border-radius:6px;background:{BRAND_COLOUR};">'
        f'<a href="{html.escape(link)}" style="display:inline-block;padding:12px 24px;color:#ffffff;'
        f'font-weight:bold;text-decoration:none;border-radius:6px;">{html.escape(label)}</a>'
        "</td></tr></table>"
    )


def _content(body: _Body) -> str:
    small = "margin:0 0 12px;font-size:13px;line-height:1.5;color:#6b6880;"
    greeting = _greeting(body.greeting)
    parts = [f'<h1 style="margin:0 0 16px;font-size:22px;color:#1f1d2b;">{html.escape(body.heading)}</h1>']
    parts += [_paragraph(greeting)] if greeting else []
    parts += [_paragraph(text) for text in body.paragraphs]
    parts.append(_button(body.button, body.link))
    parts += [_paragraph(body.note, small)] if body.note else []
    link = html.escape(body.link)
    anchor = f'<a href="{link}" style="color:{BRAND_COLOUR};word-break:break-all;">{link}</a>'
    parts.append(f'<p style="{small}">'
                 + html.escape(_("If the button does not work, open this link: {link}")).format(link=anchor) + "</p>")
    return "\n".join(parts)


def _html(subject: str, body: _Body) -> str:
    return f"""<!DOCTYPE html>
<html lang="{current_language()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f3f8;font-family:Arial,Helvetica,sans-serif;color:#1f1d2b;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f3f8;padding:24px 0;">
<tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;">
<tr><td style="background:{BRAND_COLOUR};padding:20px 32px;border-radius:8px 8px 0 0;color:#ffffff;font-size:22px;font-weight:bold;">Influfinder</td></tr>
<tr><td style="padding:32px;">
{_content(body)}
</td></tr>
<tr><td style="padding:16px 32px;border-top:1px solid #eceaf4;font-size:12px;color:#8a879a;">{html.escape(translated(FOOTER))}</td></tr>
</table>
</td></tr></table>
</body></html>
"""
