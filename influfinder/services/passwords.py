"""Password hashing with bcrypt.

bcrypt reads only the first 72 bytes of its input. So that a long passphrase is never silently
truncated, the password is first reduced with SHA-256 and base64-encoded (44 bytes), the scheme
known as "bcrypt-sha256". Hashing is CPU-bound: async callers run it in a thread (DESIGN rule 7).
"""

import base64
import hashlib

import bcrypt

from influfinder.domain.password_policy import normalize
from influfinder.settings import get_settings


def _prehash(password: str) -> bytes:
    # NFC first: "é" typed composed on one device and decomposed on another is one password.
    return base64.b64encode(hashlib.sha256(normalize(password).encode("utf-8", "surrogatepass")).digest())


def hash_password(password: str, rounds: int | None = None) -> str:
    salt = bcrypt.gensalt(rounds=rounds or get_settings().bcrypt_rounds)
    return bcrypt.hashpw(_prehash(password), salt).decode("ascii")


def verify_password(password: str, password_hash: str | None) -> bool:
    if not password_hash:
        return False
    try:
        return bcrypt.checkpw(_prehash(password), password_hash.encode("ascii"))
    except ValueError:
        return False
