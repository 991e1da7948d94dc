"""The one-time visit code: the creator shows it at the venue, the business types it to mark VISITED.

How it is kept without storing it in clear:

- On confirmation a random nonce is stored with the collaboration. The code is
  HMAC-SHA256(SECRET_KEY, "visit-code|<collaboration id>|<nonce>") written in ALPHABET, so the
  creator's page can show it again at any time by recomputing it, and nobody who reads the
  database alone (a backup, a leaked dump) can compute it.
- Its fingerprint, a second keyed HMAC of the code, is stored too; the business's typed code is
  checked against it in constant time. The fingerprint pins the code that was issued: if the
  secret key is rotated, the recomputed code no longer matches and the service issues a new one
  instead of silently accepting a different code.

A fresh nonce for every confirmation (and every new date) makes an earlier code worthless, and
a code is single-use because marking the visit moves the collaboration out of SCHEDULED.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

# No 0/O, 1/I/L: nothing that reads the same aloud or on a phone screen.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8  # 31**8 ≈ 8.5e11 codes; at 5 guesses an hour, guessing is hopeless
NONCE_BYTES = 16


def new_nonce() -> str:
    return secrets.token_hex(NONCE_BYTES)


def derive(secret: str, collaboration_id: str, nonce: str) -> str:
    """The code for one confirmation: the same inputs always give the same code."""
    digest = _mac(secret, f"visit-code|{collaboration_id}|{nonce}")
    number = int.from_bytes(digest, "big")
    letters = []
    for _ in range(LENGTH):
        number, index = divmod(number, len(ALPHABET))
        letters.append(ALPHABET[index])
    return "".join(letters)


def fingerprint(secret: str, collaboration_id: str, code: str) -> str:
    """What is stored to check a typed code: 64 hex characters."""
    return _mac(secret, f"visit-check|{collaboration_id}|{code}").hex()


def normalize(typed: object) -> str | None:
    """A typed code as stored: upper case, spaces and dashes dropped; None if it cannot be a code."""
    if not isinstance(typed, str) or len(typed) > 40:
        return None
    code = typed.replace(" ", "").replace("-", "").upper()
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def matches(secret: str, collaboration_id: str, typed: object, stored_fingerprint: str | None) -> bool:
    code = normalize(typed)
    if code is None or not stored_fingerprint:
        return False
    return hmac.compare_digest(fingerprint(secret, collaboration_id, code), stored_fingerprint)


def _mac(secret: str, message: str) -> bytes:
    return hmac.new(secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).digest()
