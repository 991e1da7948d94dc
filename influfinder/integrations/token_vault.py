"""Provider access and refresh tokens, sealed at rest with Fernet (AES-128-CBC + HMAC-SHA256).

The keys come from SECRET_KEY (to seal and open) and OLD_SECRET_KEYS (to open only), each through
HKDF with its own label, so the sealing key is never the signing key itself. MultiFernet tries
them in order: after SECRET_KEY changes, `reseal` (run by every refresh) moves a token to the new key.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from influfinder.settings import get_settings

_LABEL = b"influfinder provider tokens v1"


class TokenUnreadable(Exception):
    """Sealed with a key we no longer have (or not by us): the account must be connected again."""


def _fernet(secret: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_LABEL).derive(secret.encode("utf-8"))
    return Fernet(base64.urlsafe_b64encode(key))


def _vault() -> MultiFernet:
    settings = get_settings()
    return MultiFernet([_fernet(settings.secret_key), *(_fernet(k) for k in settings.old_secret_key_list)])


def seal(token: str) -> str:
    return _vault().encrypt(token.encode("utf-8")).decode("ascii")


def open_sealed(sealed: str) -> str:
    try:
        return _vault().decrypt(sealed.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError) as error:
        raise TokenUnreadable("the token was sealed with a key that is no longer configured") from error


def reseal(sealed: str) -> str:
    """The same token sealed with the current SECRET_KEY (a no-op in meaning when it already was)."""
    try:
        return _vault().rotate(sealed.encode("ascii")).decode("ascii")
    except (InvalidToken, ValueError) as error:
        raise TokenUnreadable("the token was sealed with a key that is no longer configured") from error
