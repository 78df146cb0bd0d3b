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


#: the longest a sign-in stays locked, however often it is tried (a stranger must not keep the admin
#: out for hours); the owner's way in during a lock is a new hash (``python -m kkb hash-password``)
MAX_LOCKOUT = 15 * 60.0


@dataclass
class _Client:
    failures: int = 0
    in_flight: int = 0
    until: float = 0.0
    lockouts: int = 0
    generation: int = 0


@dataclass
class Limiter:
    """At most ``attempts`` failures per client, then a wait of ``lockout`` seconds.

    Each attempt is counted *before* the password is hashed, under one lock: parallel guesses cannot
    outrun the limit, because a guess that would be one too many is refused without being checked.
    A success forgets the failures of guesses still being checked beside it, so they cannot lock out
    the password that just got in. The wait doubles with each lockout in a row, up to
    ``MAX_LOCKOUT``; once a wait is over the client has its full ``attempts`` again. Clients are
    told apart by what the caller passes (the app passes the visitor's address), and each stored hash
    has its own counts, so setting a new hash lets the owner in at once.
    """

    attempts: int = 5
    lockout: float = 60.0
    _clients: dict[tuple[str, str], _Client] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _client(self, client: str, stored: str) -> _Client:
        return self._clients.setdefault((client, stored), _Client())

    def wait_seconds(self, now: float | None = None, client: str = "", stored: str = "") -> float:
        """How long until ``client`` may try again (0 when it may)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            found = self._clients.get((client, stored))
            return max(found.until - now, 0.0) if found else 0.0

    def check(self, password: str, stored: str, now: float | None = None, client: str = "") -> bool:
        """Verify ``password`` for ``client`` unless that client is locked out or out of attempts."""
        now = time.monotonic() if now is None else now
        with self._lock:
            c = self._client(client, stored)
            if c.until > now:
                return False
            if c.until and c.until <= now:  # a wait is over: a fresh round of attempts
                c.failures, c.until = 0, 0.0
            if c.failures + c.in_flight >= self.attempts:
                return False  # a guess beyond the limit is never checked
            c.in_flight += 1
            generation = c.generation
        try:
            ok = verify(password, stored)
        finally:
            with self._lock:
                c.in_flight -= 1
        with self._lock:
            if ok:
                c.failures, c.until, c.lockouts = 0, 0.0, 0
                c.generation += 1
            elif generation == c.generation:  # not a guess that a success has overtaken
                c.failures += 1
                if c.failures >= self.attempts and c.until <= now:
                    c.until = now + min(self.lockout * (2**c.lockouts), MAX_LOCKOUT)
                    c.lockouts += 1
        return ok
