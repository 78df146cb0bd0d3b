"""A whole workshop at once: N people on the dashboard at the same time, over Streamlit's own protocol.

Each simulated person does what a browser does, through the messages Streamlit ships
(``streamlit.proto``): the page's HTML (``GET /``, where nginx hands out its affinity cookie), the
websocket ``/_stcore/stream``, a run of the page a shared link names (``/peta?prov=Banten``), then a
few province changes and page changes from the sidebar, with a think time of a few seconds between
steps. A step's time is from the message sent until the server says the run finished (a run it
cut short for a rerun does not count as finished). No JavaScript is run and nothing is drawn, so
the load costs the two cores little; ``--browsers`` opens a few real Chromium tabs at the same time
to check that what is measured here is what a person sees.

Reported per kind of step (open, province, page): p50, p95 and max seconds, kilobytes the server
sent, errors (an exception shown, an error alert, a dropped socket, a step over 60 s); the server's
resident memory before, at its peak and after the sessions closed (and the next visitor came).

    python bench/load.py --db bench/out/nasional.duckdb --sessions 1,10,25,50 --import-at 50
    python bench/load.py --url http://127.0.0.1:8080 --pid 1234,1240 --sessions 50   # nginx in front

The first form starts a fresh ``streamlit run serve.py`` for every N (one warm-up visit first, as
after any start); the second drives servers already running (``deploy/replicas.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import websockets

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browser import browsers_beside  # noqa: E402
from bench.common import OUT  # noqa: E402
from bench.visitor import Visitor  # noqa: E402

#: the pages people move between in a workshop (url paths; "" is Ringkasan)
PAGES = ("", "peta", "perbandingan", "target", "jelajah")
#: the provinces they switch to: the issue's pair first, then others of every size
PROVINCES = ("Banten", "Riau", "Bali", "Jawa Barat", "Jawa Timur", "Sulawesi Selatan", "Papua Barat", "Aceh")


@dataclass
class Step:
    session: int
    kind: str  # open | province | page
    page: str
    seconds: float
    kilobytes: float
    error: str = ""


async def person(n: int, url: str, plan: Plan, rng: random.Random, steps: list[Step]) -> None:
    """One official: opens the link, then changes province or page ``plan.steps`` times."""
    await asyncio.sleep(rng.uniform(0, plan.ramp))
    visitor = Visitor(url)
    page, province = rng.choice(PAGES), "Banten"
    try:
        seconds, received, error = await visitor.open(page, {"prov": province})
        steps.append(Step(n, "open", page, seconds, received / 1024, error))
        for _ in range(plan.steps):
            await asyncio.sleep(rng.uniform(*plan.think))
            if rng.random() < 0.5:
                province = rng.choice([p for p in PROVINCES if p != province])
                kind, result = "province", await visitor.pick_province(province)
            else:
                page = rng.choice([p for p in PAGES if p != page])
                kind, result = "page", await visitor.go_to(page)
            seconds, received, error = result
            steps.append(Step(n, kind, page, seconds, received / 1024, error))
    except (OSError, websockets.WebSocketException) as exc:
        steps.append(Step(n, "dropped", page, 0.0, 0.0, f"{type(exc).__name__}: {exc}"))
    finally:
        await visitor.close()


@dataclass
class Plan:
    sessions: int
    steps: int = 6
    think: tuple[float, float] = (2.0, 5.0)
    ramp: float = 10.0
    seed: int = 20
    import_file: str = ""  # imported with the CLI half-way through the run, when set
    db: str = ""
    env: dict[str, str] = field(default_factory=dict)  # the import's environment (a deployment's)


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass
class Memory:
    pids: list[int]
    before: float = 0.0
    peak: float = 0.0
    samples: list[float] = field(default_factory=list)

    def now(self) -> float:
        return sum(rss_mb(p) for p in self.pids)

    async def watch(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            self.peak = max(self.peak, self.now())
            await asyncio.sleep(0.2)


async def _import_midway(plan: Plan, delay: float, out: dict[str, Any]) -> None:
    """An admin's import in the middle of the workshop (the CLI, as ``kkb import`` does it)."""
    await asyncio.sleep(delay)
    start = time.perf_counter()
    command = [sys.executable, "-m", "kkb", "import", plan.import_file, "--db", plan.db, "--user", "bench"]
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=ROOT,
        env={**os.environ, **plan.env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    said, _ = await process.communicate()
    out.update(
        seconds=time.perf_counter() - start,
        at=delay,
        rc=process.returncode,
        said=said.decode(errors="replace").strip().splitlines()[-1:],
    )


async def workshop(url: str, plan: Plan, memory: Memory) -> dict[str, Any]:
    """Everyone at once; what they waited for, what the server held, what it cost us."""
    rng = random.Random(plan.seed)
    steps: list[Step] = []
    memory.before = memory.peak = memory.now()
    stop = asyncio.Event()
    watcher = asyncio.create_task(memory.watch(stop))
    imported: dict[str, Any] = {}
    extra = []
    if plan.import_file:
        middle = plan.ramp + plan.steps * sum(plan.think) / 4
        extra.append(asyncio.create_task(_import_midway(plan, middle, imported)))
    start, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    people = [person(n, url, plan, random.Random(rng.random()), steps) for n in range(plan.sessions)]
    await asyncio.gather(*people, *extra)
    wall = time.perf_counter() - start
    used = resource.getrusage(resource.RUSAGE_SELF)
    stop.set()
    await watcher
    after = await _settled(memory, url)
    return {
        "sessions": plan.sessions,
        "wall_s": wall,
        "load_cpu_s": used.ru_utime + used.ru_stime - cpu.ru_utime - cpu.ru_stime,
        "rss_before_mb": memory.before,
        "rss_peak_mb": memory.peak,
        "rss_after_mb": after,
        "import": imported,
        "kinds": summarise(steps),
        "errors": [asdict(s) for s in steps if s.error],
        "steps": [asdict(s) for s in steps],
    }


#: Streamlit keeps a closed session this long for its tab to come back (server.disconnectedSessionTTL)
SESSION_TTL = 120.0


#: how long after that the server's collector has surely run (serve.py's tidy thread: every minute)
TIDY = 65.0


async def _settled(memory: Memory, url: str) -> float:
    """Resident memory once the closed sessions are gone.

    Streamlit keeps a closed session ``SESSION_TTL`` for its tab to come back, and lets it go only
    when its store is next touched (a ``TTLCache`` expires lazily): the next visitor. So: the TTL,
    one visit, then a minute for the server's collector.
    """
    await asyncio.sleep(SESSION_TTL + 5)
    visitor = Visitor(url)
    await visitor.open(PAGES[0], {"prov": PROVINCES[0]})
    await visitor.close()
    await asyncio.sleep(TIDY)
    return memory.now()


def summarise(steps: list[Step]) -> dict[str, dict[str, float]]:
    kinds: dict[str, dict[str, float]] = {}
    for kind in ("open", "province", "page"):
        done = [s for s in steps if s.kind == kind and not s.error]
        times = sorted(s.seconds for s in done)
        kinds[kind] = {
            "n": len(done),
            "errors": sum(1 for s in steps if s.kind == kind and s.error),
            "p50": statistics.median(times) if times else float("nan"),
            "p95": percentile(times, 0.95),
            "max": times[-1] if times else float("nan"),
            "kb": statistics.median(s.kilobytes for s in done) if done else float("nan"),
        }
    kinds["dropped"] = {"n": sum(1 for s in steps if s.kind == "dropped")}
    return kinds


def percentile(sorted_times: list[float], q: float) -> float:
    """The nearest-rank percentile (p95 of 20 steps is the 19th): no interpolation past the data."""
    if not sorted_times:
        return float("nan")
    rank = max(1, int(-(-q * len(sorted_times) // 1)))
    return sorted_times[min(rank, len(sorted_times)) - 1]


# --- a server of our own, and a few real browsers beside the load ---------------------------------


def start_server(db_path: str, log_name: str) -> tuple[str, subprocess.Popen[bytes], Any]:
    from tests.browsing import start_streamlit, wait_healthy

    log = (OUT / log_name).open("wb")
    url, server = start_streamlit({"KKB_DB": db_path}, log)
    wait_healthy(url, server)
    return url, server, log


def warm_up(url: str) -> None:
    """One person first visits every page in every province the load uses, one after another.

    The shared caches (reports, lists, figures' data) are then as full as the load will make
    them, so that the memory the table reports as growth is what the sessions themselves hold.
    """
    asyncio.run(_visit_all(url))


async def _visit_all(url: str) -> None:
    visitor = Visitor(url)
    await visitor.open(PAGES[0], {"prov": PROVINCES[0]})
    for page in PAGES:
        await visitor.go_to(page)
        for province in PROVINCES:
            await visitor.pick_province(province)
    await visitor.close()


def run_one(url: str, plan: Plan, pids: list[int], browsers: int) -> dict[str, Any]:
    import threading

    seen: list[dict[str, Any]] = []
    checker = None
    if browsers:
        checker = threading.Thread(target=browsers_beside, args=(url, browsers, plan.ramp, seen))
        checker.start()
    result = asyncio.run(workshop(url, plan, Memory(pids)))
    if checker is not None:
        checker.join()
    result["browsers"] = seen
    return result


def table(results: list[dict[str, Any]], label: str) -> str:
    lines = [
        f"| {label} N | open p50 / p95 / max | province p50 / p95 / max | page p50 / p95 / max "
        "| KB open / province / page | errors | RSS before → peak → after (MB) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        k = r["kinds"]
        cells = [
            " / ".join(f"{k[kind][q]:.2f}" for q in ("p50", "p95", "max"))
            for kind in ("open", "province", "page")
        ]
        kb = " / ".join(f"{k[kind]['kb']:.0f}" for kind in ("open", "province", "page"))
        errors = len(r["errors"])
        rss = f"{r['rss_before_mb']:.0f} → {r['rss_peak_mb']:.0f} → {r['rss_after_mb']:.0f}"
        imported = " (import at {at:.0f} s: {seconds:.1f} s)".format(**r["import"]) if r["import"] else ""
        lines.append(f"| {r['sessions']}{imported} | {' | '.join(cells)} | {kb} | {errors} | {rss} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", help="start a fresh server on a copy of this database for every N")
    where.add_argument("--url", help="drive servers already running (e.g. nginx in front of replicas)")
    where.add_argument("--deployment", help="drive deploy/replicas.py's nginx (its deployment.json)")
    parser.add_argument("--pid", default="", help="with --url: the servers' PIDs, comma-separated, for RSS")
    parser.add_argument("--sessions", default="1,10,25,50")
    parser.add_argument("--steps", type=int, default=6)
    parser.add_argument("--ramp", type=float, default=10.0, help="everyone arrives within these seconds")
    parser.add_argument("--import-at", type=int, default=0, help="at this N, an import half-way through")
    parser.add_argument("--import-file", default=str(ROOT / "tests" / "data" / "portal_kampung_serang.csv"))
    parser.add_argument("--import-db", default="", help="with --url: the database file imports write")
    parser.add_argument("--browsers", type=int, default=0, help="Chromium tabs opened beside the load")
    parser.add_argument("--label", default="")
    parser.add_argument("--out", default=str(OUT / "load.json"))
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for n in (int(x) for x in args.sessions.split(",")):
        plan = Plan(sessions=n, steps=args.steps, ramp=args.ramp)
        warm_urls: list[str] = []
        if args.db:
            live = OUT / "load-live.duckdb"
            shutil.copyfile(args.db, live)
            shutil.rmtree(live.with_name(live.name + ".backups"), ignore_errors=True)
            url, server, log = start_server(str(live), f"load-{n}.log")
            pids = [server.pid]
            db_path = str(live)
        elif args.deployment:
            facts = json.loads(Path(args.deployment).read_text())
            url, server, log = facts["url"], None, None
            pids = [int(r["pid"]) for r in facts["replicas"]]
            warm_urls = [str(r["url"]) for r in facts["replicas"]]
            db_path, plan.env = facts["env"]["KKB_PRIMARY_DB"], facts["env"]  # imports publish
        else:
            url, server, log = args.url, None, None
            pids = [int(p) for p in args.pid.split(",") if p]
            db_path = args.import_db
        try:
            for each in warm_urls or [url]:  # behind nginx, every replica (one visitor sticks to one)
                warm_up(each)
            if n == args.import_at and db_path:
                plan.import_file, plan.db = args.import_file, db_path
            result = run_one(url, plan, pids, args.browsers if n == max(1, args.import_at or n) else 0)
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=30)
                log.close()
        results.append(result)
        print(table([result], args.label), file=sys.stderr)
        for e in result["errors"][:5]:
            print("  error:", e, file=sys.stderr)
        if result["browsers"]:
            print("  browsers:", result["browsers"], file=sys.stderr)
    meta = {
        "commit": _commit(),
        "machine": f"{os.cpu_count()} cores",
        "label": args.label,
        "plan": asdict(Plan(0, args.steps, ramp=args.ramp)),
    }
    Path(args.out).write_text(json.dumps({"meta": meta, "results": results}, indent=1))
    print(table(results, args.label))
    return 0


def _commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip()


if __name__ == "__main__":
    raise SystemExit(main())
