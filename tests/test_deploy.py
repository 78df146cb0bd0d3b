"""Many servers: ``deploy/replicas.py`` starts two replicas behind Debian's nginx, and stops them all.

Through nginx a visitor keeps one session (its page, websocket and uploads reach one replica), and
an admin's import through one replica is published to every replica's copy, which each replica
then reads. nginx comes from Debian's package (``.ci/run`` installs it).
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from kkb import auth, db
from tests.browsing import TWO_SERANG_ROWS, choose, heading, settle, sign_in_and_upload

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "deploy" / "replicas.py"
#: what the script said (addresses, PIDs, copies), the primary database, the script's process
Deployed = tuple[dict[str, Any], Path, subprocess.Popen[bytes]]


@pytest.fixture()
def deployment(small_db: Path, tmp_path: Path) -> Iterator[Deployed]:
    """``deploy/replicas.py`` on a copy of the small database, with an admin password set."""
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        pytest.fail("nginx not found: install Debian's `nginx-light` package (.ci/run does)")
    primary = tmp_path / "kkb.duckdb"
    shutil.copyfile(small_db, primary)
    env = {**os.environ, auth.ENV: auth.make_hash("rahasia", iterations=1000)}
    run = tmp_path / "run"
    command = [sys.executable, str(SCRIPT), "--db", str(primary), "--run-dir", str(run), "--port", "0"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE)
    try:
        yield _facts(process), primary, process
    finally:
        process.terminate()
        process.wait(timeout=60)


def _facts(process: subprocess.Popen[bytes], seconds: float = 180) -> dict[str, Any]:
    """The JSON line the script prints once nginx and every replica answer."""
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    line = process.stdout.readline() if ready else b""
    if not line:
        said = f"code {process.poll()}"
        raise AssertionError(f"deploy/replicas.py said nothing within {seconds:.0f} s ({said})")
    return dict(json.loads(line))


def _get(url: str, cookie: str = "") -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers.get("Set-Cookie", ""), response.read().decode()


def _running(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists()


def test_the_deployment_serves_through_nginx_sticks_to_a_replica_and_stops_everything_it_started(
    deployment: Deployed,
) -> None:
    facts, _, process = deployment
    status, cookie, html = _get(facts["url"] + "/")
    assert status == 200 and "<title" in html.lower(), html[:200]
    assert cookie.startswith("kkb_replica="), cookie
    mine = cookie.split(";", 1)[0]
    for _ in range(5):  # one visitor: every request to the same replica
        assert _get(facts["url"] + "/_stcore/health", mine)[0] == 200
    for _ in range(20):  # visitors without the cookie yet: spread over the replicas
        _get(facts["url"] + "/_stcore/health")
    log = (Path(facts["run_dir"]) / "nginx-access.log").read_text()
    upstreams = re.findall(r"upstream=(\S+) key=(\S+)", log)
    key = mine.split("=", 1)[1]
    assert len({u for u, k in upstreams if k == key}) == 1, upstreams
    replicas = {r["url"].removeprefix("http://") for r in facts["replicas"]}
    assert {u for u, _ in upstreams} == replicas, upstreams

    pids = [facts["nginx_pid"], *(r["pid"] for r in facts["replicas"])]
    assert all(_running(p) for p in pids)
    process.terminate()
    assert process.wait(timeout=60) == 0
    deadline = time.monotonic() + 10
    while any(_running(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [p for p in pids if _running(p)] == []
    with pytest.raises(OSError):
        _get(facts["url"] + "/_stcore/health")
    assert not (Path(facts["run_dir"]) / "deployment.json").exists()


def test_a_visitor_keeps_their_session_through_nginx_and_an_import_reaches_every_replica(
    deployment: Deployed, page: tuple[Page, list[str]], tmp_path: Path
) -> None:
    facts, primary, _ = deployment
    url = facts["url"]
    tab, outside = page
    tab.goto(f"{url}/peta?prov=Banten")
    assert heading(tab) == "Peta · Banten"
    choose(tab, "Provinsi", "Riau")  # a rerun of this session's script
    assert heading(tab) == "Peta · Riau"
    tab.locator('[data-testid="stSidebarNav"] a[href$="/target"]').first.click()
    settle(tab)
    assert heading(tab) == "Target · Riau"  # the session's choice kept on another page

    # an upload goes over HTTP beside the websocket: it must reach the same replica, or it is refused
    source = tmp_path / "kampung_serang.csv"
    source.write_text(TWO_SERANG_ROWS, encoding="utf-8")
    sign_in_and_upload(tab, url, source)
    tab.get_by_text("2 baris siap diimpor.").wait_for()
    tab.get_by_role("button", name="Impor sekarang").click()
    tab.get_by_text("Impor #1 selesai: 2 baris baru").wait_for()

    # written once, to the primary (its backup beside it), and published to every replica's copy
    for path in [primary, *(Path(r["db"]) for r in facts["replicas"])]:
        con = db.connect(path)
        assert db.query(con, "import_log_all")["nama_file"].tolist() == ["kampung_serang.csv"], path
        con.close()
    assert len(list((primary.parent / "kkb.duckdb.backups").iterdir())) == 1
    for replica in facts["replicas"]:  # each replica reads the new file on its next run
        tab.goto(f"{replica['url']}/jelajah?prov=Banten&kab=Kab.+Serang")
        assert heading(tab) == "Jelajah Kampung KB · Kab. Serang"
        assert tab.get_by_text("2 dari 2 Kampung KB di Kab. Serang ditampilkan.").count() == 1
    assert outside == []
