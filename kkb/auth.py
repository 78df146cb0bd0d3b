"""The admin password: a salted PBKDF2 hash, checked in constant time, with failures rate-limited.

Browsing needs no login. Importing, undoing and clearing on the web need the admin password, whose
hash is read from the environment variable ``KKB_ADMIN_PASSWORD_HASH`` or from
``.streamlit/secrets.toml`` (``admin_password_hash = "..."``). ``python -m kkb hash-password``
makes a hash. With none configured, the web import is off; the command line still works for the
machine's owner.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import threading
import time
from dataclasses import dataclass, field

ENV = "KKB_ADMIN_PASSWORD_HASH"
ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 600_000


def make_hash(password: str, iterations: int = ITERATIONS) -> str:
    """A storable hash of ``password``: ``pbkdf2_sha256$<iterations>$<salt>$<digest>``."""
    if not password:
        raise ValueError("kata sandi kosong")
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    encode = base64.b64encode
    return f"{ALGORITHM}${iterations}${encode(salt).decode()}${encode(digest).decode()}"


def verify(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored`` (a malformed hash matches nothing)."""
    try:
        algorithm, iterations, salt, digest = stored.strip().split("$")
        if algorithm != ALGORITHM:
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iterations))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def configured_hash(secrets_value: object = None) -> str | None:
    """The configured hash: the environment first, then the secrets file's value; None if neither."""
    value = os.environ.get(ENV) or (str(secrets_value) if secrets_value else "")
    return value.strip() or None


@dataclass
class Limiter:
    """At most ``attempts`` failures, then a wait of ``lockout`` seconds (doubling while it goes on)."""

    attempts: int = 5
    lockout: float = 60.0
    _failures: int = 0
    _until: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait_seconds(self, now: float | None = None) -> float:
        """How long until the next attempt is allowed (0 when it is)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            return max(self._until - now, 0.0)

    def check(self, password: str, stored: str, now: float | None = None) -> bool:
        """Verify ``password`` unless locked out; count a failure, reset on success."""
        now = time.monotonic() if now is None else now
        with self._lock:
            if self._until > now:
                return False
        ok = verify(password, stored)
        with self._lock:
            if ok:
                self._failures, self._until = 0, 0.0
            else:
                self._failures += 1
                if self._failures >= self.attempts:
                    rounds = self._failures - self.attempts
                    self._until = now + self.lockout * (2 ** min(rounds, 6))
        return ok
