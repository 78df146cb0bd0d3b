"""Sign-in that holds: parallel guesses, a stranger trying to lock the admin out, the owner's way in."""

from __future__ import annotations

import threading
import time

import pytest

from kkb import auth

STORED = auth.make_hash("rahasia", iterations=1000)


@pytest.fixture()
def slow_verify(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``auth.verify`` that takes 50 ms, as PBKDF2 does, and records each password it checked."""
    checked: list[str] = []
    real = auth.verify

    def slow(password: str, stored: str) -> bool:
        checked.append(password)
        time.sleep(0.05)
        return real(password, stored)

    monkeypatch.setattr(auth, "verify", slow)
    return checked


def _all_at_once(calls: list[tuple[auth.Limiter, str, str]]) -> list[bool]:
    start = threading.Barrier(len(calls))
    results: list[bool] = [False] * len(calls)

    def run(i: int, limiter: auth.Limiter, password: str, client: str) -> None:
        start.wait()
        results[i] = limiter.check(password, STORED, client=client)

    threads = [threading.Thread(target=run, args=(i, *call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_24_parallel_wrong_guesses_check_at_most_the_limit(slow_verify: list[str]) -> None:
    limiter = auth.Limiter(attempts=5, lockout=60)
    results = _all_at_once(
        [(limiter, f"tebakan{i}", "penyerang") for i in range(23)] + [(limiter, "rahasia", "penyerang")]
    )
    assert len(slow_verify) <= 5  # the rest were refused unchecked
    assert not any(results[:23])
    # the owner, from another machine, still gets in
    assert limiter.check("rahasia", STORED, client="pemilik")


def test_failures_that_finish_after_a_success_do_not_lock_the_right_password_out(
    slow_verify: list[str],
) -> None:
    limiter = auth.Limiter(attempts=5, lockout=60)
    results = _all_at_once([(limiter, "salah", "kantor")] * 4 + [(limiter, "rahasia", "kantor")])
    assert results[-1] and not any(results[:-1])
    assert limiter.wait_seconds(client="kantor", stored=STORED) == 0
    assert limiter.check("rahasia", STORED, client="kantor")


def test_a_lock_is_bounded_and_a_wait_that_is_over_gives_every_attempt_back() -> None:
    limiter = auth.Limiter(attempts=3, lockout=60)
    now = 0.0
    for _ in range(12):  # twelve rounds of three wrong guesses, each as soon as the lock ends
        for _ in range(3):
            assert not limiter.check("salah", STORED, now=now, client="x")
        wait = limiter.wait_seconds(now=now, client="x", stored=STORED)
        assert 0 < wait <= auth.MAX_LOCKOUT
        now += wait
    # after a lock: one wrong guess does not lock again at once
    assert not limiter.check("salah", STORED, now=now, client="x")
    assert limiter.wait_seconds(now=now, client="x", stored=STORED) == 0
    assert limiter.check("rahasia", STORED, now=now, client="x")


def test_a_new_hash_lets_the_owner_in_during_a_lock() -> None:
    limiter = auth.Limiter(attempts=3, lockout=60)
    for _ in range(3):
        limiter.check("salah", STORED, now=0.0)
    assert limiter.wait_seconds(now=1.0, stored=STORED) > 0
    fresh = auth.make_hash("baru", iterations=1000)
    assert limiter.check("baru", fresh, now=1.0)
