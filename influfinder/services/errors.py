"""The one error type services raise for a refusal a person should read.

The message is an English msgid, translated here into the current language (the page's, set
before every event; influfinder.i18n). So `raise ServiceError("Choose a password.", "password")`
needs no marking (Babel extracts ServiceError/NotAllowed arguments); a message with values is
`ServiceError(_("Keep it under {n} characters.").format(n=...))`, a constant is `N_("...")`.
"""

from influfinder.i18n import N_, translated


class ServiceError(Exception):
    """A refused request: nothing was changed, and `message` says why in plain words.

    `field` names the form field the message belongs next to, when there is one.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        message = translated(message)
        super().__init__(message)
        self.message = message
        self.field = field


class NotAllowed(ServiceError):
    """The actor may not do this. The message reveals nothing about the object."""

    def __init__(self, message: str = N_("You are not allowed to do that.")) -> None:
        super().__init__(message)


class LogInRequired(NotAllowed):
    """Nobody is signed in (or the session ended): the pages send the visitor to log in."""


class Forbidden(NotAllowed):
    """This account may not use this part of the site at all (the pages show "not for this account")."""


class RateLimited(ServiceError):
    """Too many attempts: nothing was changed; `retry_after` seconds until one more is allowed."""

    def __init__(self, message: str, field: str | None = None, *, retry_after: int = 1) -> None:
        super().__init__(message, field)
        self.retry_after = max(1, int(retry_after))
