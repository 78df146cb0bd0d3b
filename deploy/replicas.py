"""K identical dashboard replicas behind Debian's nginx, on this machine: ``python deploy/replicas.py``.

What it starts, and stops again on Ctrl+C or SIGTERM (or when any of them stops):

- ``--replicas`` copies of ``streamlit run serve.py``, each on a loopback port of its own, each
  reading its own copy of the database (``<run-dir>/replica-<i>.duckdb``), which only publication
  writes;
- nginx on ``--port`` in front of them (``deploy/nginx.conf.template``), with session affinity by
  cookie, so that a visitor's page, websocket and uploads reach one replica.

Imports and undos, from any replica's Kelola page or from ``python -m kkb import`` with the same
environment, write the primary file (``--db``) and publish it to every copy
(``kkb.ingest.publish``). Once everything answers, one JSON line on stdout (also written to
``<run-dir>/deployment.json``) says where: nginx's address, each replica's address, PID and copy,
and the environment a CLI import needs. ``bench/load.py --deployment`` reads it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kkb import build  # noqa: E402
from kkb.ingest import backups, publish  # noqa: E402

TEMPLATE = Path(__file__).with_name("nginx.conf.template")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, processes: list[subprocess.Popen[bytes]], seconds: float = 120) -> None:
    """Wait until ``url`` answers Streamlit's health check; fail at once if a started process stops."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for p in processes:
            if p.poll() is not None:
                raise RuntimeError(f"{p.args!r} stopped with code {p.returncode} (its log is in the run dir)")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")


def nginx_conf(run: Path, listen: str, ports: list[int]) -> str:
    """The configuration of nginx: the template with the run dir, the address and the replicas' ports."""
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=0;" for p in ports)
    text = TEMPLATE.read_text(encoding="utf-8")
    return text.replace("@RUN@", str(run)).replace("@LISTEN@", listen).replace("@SERVERS@", servers)


class Deployment:
    """The processes started, stopped in reverse order."""

    def __init__(self) -> None:
        self.processes: list[subprocess.Popen[bytes]] = []
        self.logs: list[Any] = []

    def start(self, command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
        """Start ``command`` with ``env`` added, its output to ``log``; remember it for ``stop``."""
        handle = log.open("wb")
        self.logs.append(handle)
        process = subprocess.Popen(
            command, cwd=ROOT, env={**os.environ, **env}, stdout=handle, stderr=subprocess.STDOUT
        )
        self.processes.append(process)
        return process

    def stop(self) -> None:
        """Stop every process started (nginx first), killing any that does not stop in 20 s."""
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for handle in self.logs:
            handle.close()


def main(argv: list[str] | None = None) -> int:
    """Start the replicas and nginx, print where they are, wait; stop them all on a signal."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8080, help="nginx's port (0: any free one)")
    parser.add_argument("--host", default="127.0.0.1", help="nginx's address (loopback by default)")
    parser.add_argument("--db", default=str(ROOT / "data" / "kkb.duckdb"), help="the primary database")
    parser.add_argument("--run-dir", default=str(ROOT / "deploy" / "run"), help="copies, logs, nginx.conf")
    parser.add_argument("--nginx", default=NGINX)
    args = parser.parse_args(argv)

    run = Path(args.run_dir).resolve()
    for folder in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run / folder).mkdir(parents=True, exist_ok=True)
        (run / folder).chmod(0o777)  # nginx's workers run as nobody when it is started as root
    primary = Path(args.db).resolve()
    if not primary.exists():
        print(f"building {primary} (first start)…", file=sys.stderr)
        build.build(primary, progress=lambda f, m: print(f"  {f:4.0%} {m}", file=sys.stderr))
    copies = [run / f"replica-{i + 1}.duckdb" for i in range(args.replicas)]
    with backups.writer_lock(primary):  # not in the middle of an import
        publish.publish(primary, copies)

    shared = {publish.ENV_PRIMARY: str(primary), publish.ENV_COPIES: os.pathsep.join(map(str, copies))}
    deployment = Deployment()
    stopping = {"signal": 0}

    def stop(signum: int, _frame: object) -> None:
        stopping["signal"] = signum
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        replicas = []
        for i, copy in enumerate(copies):
            port = free_port()
            command = [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "serve.py",
                "--server.headless=true",
                "--server.address=127.0.0.1",
                f"--server.port={port}",
                "--server.fileWatcherType=none",
            ]
            process = deployment.start(command, {**shared, "KKB_DB": str(copy)}, run / f"replica-{i + 1}.log")
            replicas.append({"url": f"http://127.0.0.1:{port}", "pid": process.pid, "db": str(copy)})
        for replica in replicas:
            wait_healthy(str(replica["url"]), deployment.processes)
        port = args.port or free_port()
        listen = f"{args.host}:{port}"
        conf = run / "nginx.conf"
        conf.write_text(nginx_conf(run, listen, [int(str(r["url"]).rsplit(":", 1)[1]) for r in replicas]))
        nginx = deployment.start(
            [args.nginx, "-p", str(run), "-e", str(run / "nginx-error.log"), "-c", str(conf)],
            {},
            run / "nginx.log",
        )
        url = f"http://{args.host}:{port}"
        wait_healthy(url, deployment.processes)
        facts = {"url": url, "nginx_pid": nginx.pid, "replicas": replicas, "env": shared, "run_dir": str(run)}
        (run / "deployment.json").write_text(json.dumps(facts, indent=1))
        print(json.dumps(facts), flush=True)
        print(f"dashboard at {url} ({len(replicas)} replicas); Ctrl+C stops everything", file=sys.stderr)
        while all(p.poll() is None for p in deployment.processes):
            time.sleep(0.5)
        stopped = next(p for p in deployment.processes if p.poll() is not None)
        print(f"{stopped.args} stopped ({stopped.returncode}): stopping the rest", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        deployment.stop()
        (run / "deployment.json").unlink(missing_ok=True)


if __name__ == "__main__":
    raise SystemExit(main())
