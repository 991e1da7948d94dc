"""Rules for the names people sign up with."""

import re

from email_validator import EmailNotValidError, validate_email

USERNAME = re.compile(r"^[a-z0-9_.]{3,30}$")
RESERVED_USERNAMES = frozenset({
    "admin", "administrator", "root", "support", "help", "influfinder", "system", "api", "auth", "login",
    "logout", "signup", "settings", "offers", "messages", "notifications", "dev", "deleted",
})


class IdentityError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def normalize_email(value: object) -> str:
    """A valid address, lower-cased. Deliverability is not checked: the verification mail does that."""
    if not isinstance(value, str) or not value.strip():
        raise IdentityError("email", "Enter your email address.")
    if len(value) > 254:
        raise IdentityError("email", "That email address is too long.")
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise IdentityError("email", "Enter a valid email address, like name@example.com.") from None


def normalize_username(value: object, *, allow_reserved: bool = False) -> str:
    if not isinstance(value, str) or not value.strip():
        raise IdentityError("username", "Choose a username.")
    username = value.strip().lower()
    if not USERNAME.match(username):
        raise IdentityError("username", "Use 3 to 30 characters: letters, digits, dots or underscores.")
    if username in RESERVED_USERNAMES and not allow_reserved:
        raise IdentityError("username", "That username is reserved. Choose another.")
    return username


def looks_like_email(identifier: str) -> bool:
    return "@" in identifier
