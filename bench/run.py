"""``nox -s bench``: the Order API against its ceiling and its peer, in the same run.

Five servers, each uvicorn with one worker process (access log off) on loopback, on the same
database (a new SQLite file, or PostgreSQL) preloaded with ``--orders`` orders:

- **us**: the service itself, ``orders-api serve`` (Connexion + generated code + app/);
- **ceiling**: ``bench/ceiling_app.py``, bare Starlette on the database driver (``sqlite3`` or
  psycopg): no ORM, no models, no validation, stored bytes out, the same rows written; the
  physical ceiling, and the headline ratio ``us / ceiling``;
- **FastAPI + SQLModel**: ``bench/sqlmodel_app.py``, the peer a user would write instead:
  FastAPI, the project's pydantic models, a SQLModel session per request writing the ceiling's
  rows (so on a write it does less than the service: none of its domain rules);
- **FastAPI + our domain**: ``bench/fastapi_app.py``, FastAPI and the project's pydantic models
  calling the service's domain layer and storage: only the web framework differs;
- **ORM**: ``bench/orm_app.py``, bare Starlette making the service's domain calls (SQLAlchemy
  storage), no validation: what the framework costs over the service's own domain.

The service and the references on the domain run the seller's background worker thread, as the
service does by default (``--no-worker`` turns it off everywhere); the ceiling has none. wrk
(Debian's ``wrk``) drives four operations with Lua scripts: GET /orders/{id} (random stored
orders), POST /orders (the seed's create body dated ahead, so that the seller confirms it, with a
unique PON per request and an ENNI per 1,000 orders), GET /orders?buyerId=&limit=50 (random
buyers) and PATCH /orders/{id} (a merge patch of ``notes`` on random open orders); after a
write, the seller's worker is given up to a minute to finish the orders it queued before the
next operation. Each app is measured ``--rounds`` times, the apps taking turns within a round,
and the median round is reported; a ratio is taken within each round and the median over rounds
reported; the spread between rounds says how noisy the machine was.
Server and load generator share this machine's cores the same way for every app, so the ratios
are what to compare.

The report embeds PNG plots (bench/plots/ beside bench/results.md): throughput and p99 per app
and operation, and with ``--scale`` CPU per request against stored orders and against page size;
it also gives the service's resident memory after its first and last measurement of the first
round. ``--scale`` adds get and list with 10k, 100k and 1M stored orders for the service and the
ceiling, the sizes taking turns over ``--scale-rounds`` rounds and the growth against 10k taken
within each round, and the list with pages of 10 to 100 orders; ``--memory [N]`` the service's
resident memory after 10k and after N reads (default 1M); ``--timings`` the time of code
generation and of the app's import and startup; ``--profile`` a py-spy profile of the service
under each load (top functions printed, flame graphs in bench/results/). ``--quick`` tries
everything small, in about a minute.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

import httpx
import orjson
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.storage.database import make_engine, migrate
from app.storage.tokens import TokenStore
from bench import plots
from bench.populate import CREATE_REQUEST, populate
from tests.ports import free_port

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
WRK_INSTALL = "apt-get install wrk (Debian's package; as root or with sudo)"


@dataclass(frozen=True)
class App:
    name: str
    command: list[str]  # after python -m

    def argv(self, port: int, workers: int) -> list[str]:
        if self.name == "us":
            return [
                sys.executable,
                "-m",
                "app",
                "serve",
                "--port",
                str(port),
                "--workers",
                str(workers),
            ]
        return [
            sys.executable, "-m", "uvicorn", *self.command, "--factory", "--port", str(port),
            "--workers", str(workers), "--no-access-log", "--log-level", "warning",
        ]  # fmt: skip


APPS = {
    "us": App("us", []),
    "ceiling": App("ceiling", ["bench.ceiling_app:create_app"]),
    "sqlmodel": App("sqlmodel", ["bench.sqlmodel_app:create_app"]),
    "fastapi": App("fastapi", ["bench.fastapi_app:create_app"]),
    "orm": App("orm", ["bench.orm_app:create_app"]),
}
LABELS = {
    "us": "us (Connexion)",
    "ceiling": "ceiling (driver)",
    "sqlmodel": "FastAPI + SQLModel",
    "fastapi": "FastAPI + our domain",
    "orm": "Starlette + ORM",
}
# The ratios reported, headline first.
REFERENCES = ("ceiling", "sqlmodel", "fastapi", "orm")


@contextlib.contextmanager
def server(app: App, env: dict[str, str], workers: int = 1) -> Iterator[tuple[str, int]]:
    """Starts ``app``; yields its base URL and process id once it answers."""
    port = free_port()
    process = subprocess.Popen(
        app.argv(port, workers),
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            if process.poll() is not None:
                raise RuntimeError(f"{app.name} exited with {process.returncode}")
            try:
                # Any answer but a 5xx: a 404 is fine (an empty database, in --timings).
                if httpx.get(f"{base}/orders/ORD-B000000000", timeout=2).status_code < 500:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        else:
            raise RuntimeError(f"{app.name} did not answer")
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


# ---- wrk ----------------------------------------------------------------------------------

# What the POST script replaces in the seed's create request, and how many orders share an ENNI.
SEED_PON, SEED_ENNI = "PO-12345", "ENNI-123-abc"
ORDERS_PER_ENNI = 1000


def new_order_request() -> dict[str, object]:
    """The seed's create request dated ahead, as a buyer's new order is: with the seed's 2016
    dates the seller's worker refuses every order (DAT001, a date in the past), a cheaper path
    than the S-VLAN allocation and confirmation of an order it accepts."""
    today = datetime.now(UTC)
    return {
        **CREATE_REQUEST,
        "orderDate": today.strftime("%Y-%m-%dT%H:%M+00:00"),
        "requestedCompletionDate": (today + timedelta(days=90)).strftime("%Y-%m-%dT%H:%M+00:00"),
    }


def lua_pattern(text: str) -> str:
    """``text`` as a Lua pattern that matches it literally (%-escaping every punctuation)."""
    return re.sub(r"(\W)", r"%\1", text)


LUA_COMMON = """
local counter = 0
local threads = 0
function setup(thread) thread:set("tid", threads); threads = threads + 1 end
"""

SCRIPTS = {
    # A random stored order each time (as the seller, who may read every buyer's).
    "get": """
wrk.headers["Authorization"] = "Bearer {seller}"
request = function()
  return wrk.format("GET", string.format("/orders/ORD-B%09d", math.random(0, {orders} - 1)))
end
""",
    # A random buyer's first page of 50 (each buyer has orders/buyers orders).
    "list": """
wrk.headers["Authorization"] = "Bearer {seller}"
request = function()
  return wrk.format("GET", "/orders?buyerId=buyer-" .. math.random(0, {buyers} - 1) .. "&limit={limit}")
end
""",
    # A merge patch of a random open order of buyer-0, by buyer-0 (a buyer changes only its own
    # orders; bulk order n is buyer-(n % buyers)'s, and IN_PROGRESS or HELD when n % 10 < 8).
    "patch": """
local headers = {{["Content-Type"] = "application/merge-patch+json",
                  ["Authorization"] = "Bearer {buyer0}"}}
request = function()
  counter = counter + 1
  local n
  repeat
    n = {buyers} * math.random(0, math.floor({orders} / {buyers}) - 1)
  until n % 10 < 8
  local body = '{{"notes": "bench {tag} ' .. tid .. ' ' .. counter .. '"}}'
  return wrk.format("PATCH", string.format("/orders/ORD-B%09d", n), headers, body)
end
""",
    # The seed's create request (dated ahead) with a purchase order number never used before,
    # by its buyer, on an ENNI of its own for every 1,000 orders: on the seed's one ENNI the
    # seller's worker would run out of S-VLAN ids after 4,094 orders, and every app measured
    # after that (the apps share the database) would have its orders refused, a cheaper path.
    "post": """
local headers = {{["Content-Type"] = "application/json", ["Authorization"] = "Bearer {verizon}"}}
local body = io.open("{create}"):read("*a")
request = function()
  counter = counter + 1
  local pon = "PO-{tag}-" .. tid .. "-" .. counter
  local enni = "ENNI-{tag}-" .. tid .. "-" .. math.floor(counter / {orders_per_enni})
  local sent = body:gsub('"{pon}"', '"' .. pon .. '"'):gsub('"{enni}"', '"' .. enni .. '"')
  return wrk.format("POST", "/orders", headers, sent)
end
""",
}
OPERATIONS = {
    "get": "GET /orders/{id}",
    "post": "POST /orders",
    "list": "GET /orders?buyerId&limit=50",
    "patch": "PATCH /orders/{id}",
}


@dataclass
class Sample:
    rps: float
    p50: float  # ms
    p99: float  # ms
    cpu: float = 0.0  # the server's CPU time per request, ms (user + system, all its processes)
    requests: int = 0  # answered in the measurement


def _pids(pid: int) -> list[int]:
    """The process and its descendants (uvicorn's workers)."""
    found = [pid]
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found += _pids(int(child))
    return found


def rss_mib(pid: int) -> float:
    """Resident memory of a server, its workers included, in MiB."""
    total = 0
    for each in _pids(pid):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its children, as the kernel counts it."""
    total = 0.0
    with contextlib.suppress(OSError):
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += cpu_seconds(int(child))
    return total


def idle_cpu(pid: int, seconds: float) -> float:
    """The server's CPU time while no request comes, ms per second: what its background work
    (the seller's worker polling its queue) costs at this size of the database."""
    before = cpu_seconds(pid)
    time.sleep(seconds)
    return 1000 * (cpu_seconds(pid) - before) / seconds


def measure(base: str, pid: int, script: Path, seconds: float, connections: int) -> Sample:
    """wrk's numbers and the server's CPU time per request: throughput moves with whatever else
    runs on the machine, CPU per request much less."""
    before = cpu_seconds(pid)
    sample = wrk(base, script, seconds, connections)
    sample.cpu = 1000 * (cpu_seconds(pid) - before) / max(sample.rps * seconds, 1)
    return sample


def wrk(base: str, script: Path, seconds: float, connections: int) -> Sample:
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{seconds:g}s",
        "--latency",
        "-s",
        str(script),
        base,
    ]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{base} {script.name}: {errors.group(1)} error responses\n{out}")

    def ms(label: str) -> float:
        found = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", out)
        assert found, out
        return float(found.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[found.group(2)]

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    count = re.search(r"(\d+) requests in", out)
    assert rps and count, out
    return Sample(float(rps.group(1)), ms("50%"), ms("99%"), requests=int(count.group(1)))


class Scripts:
    """The wrk scripts of one run; every POST/PATCH run gets a tag of its own (unique PONs)."""

    def __init__(self, directory: Path, url: str, orders: int, buyers: int) -> None:
        self.directory, self.orders, self.buyers = directory, orders, buyers
        # The service checks bearer tokens (the references ignore the header): the seller reads,
        # the seed's buyer creates, buyer-0 patches its own orders.
        store = TokenStore(make_engine(url))
        self.tokens = {
            name: store.issue(party, role)[1]
            for name, party, role in [
                ("seller", "Cox", "seller"),
                ("verizon", "Verizon", "buyer"),
                ("buyer0", "buyer-0", "buyer"),
            ]
        }
        self.create = directory / "create.json"
        sent = orjson.dumps(new_order_request())
        for replaced in (SEED_PON, SEED_ENNI):
            if sent.count(f'"{replaced}"'.encode()) != 1:
                raise SystemExit(f"the spec's createOrderRequest no longer holds {replaced} once")
        self.create.write_bytes(sent)
        self.runs = 0

    def __call__(self, operation: str, limit: int = 50) -> Path:
        self.runs += 1
        tag = f"{os.getpid()}-{self.runs}"
        path = self.directory / f"{operation}-{self.runs}.lua"
        body = SCRIPTS[operation].format(
            orders=self.orders,
            buyers=self.buyers,
            create=self.create,
            tag=tag,
            limit=limit,
            pon=lua_pattern(SEED_PON),
            enni=lua_pattern(SEED_ENNI),
            orders_per_enni=ORDERS_PER_ENNI,
            **self.tokens,
        )
        path.write_text(LUA_COMMON + textwrap.dedent(body))
        return path


WRITES = ("post", "patch")
SETTLE_SECONDS = 60.0


def settle(url: str, worker: bool) -> tuple[int, float]:
    """After a write's measurement: the seller's worker finishes the orders it queued (at most
    a minute) before the next operation is measured, so that a read is not measured beside a
    backlog of background work; what is left is taken off the queue. An app without a worker
    (the ceiling, ``--no-worker``) has nothing to wait for. Returns the orders still queued
    when the measurement ended and the seconds the worker took for them: the background work
    a write's figures leave out."""
    engine = make_engine(url)
    started = time.monotonic()
    deadline = started + (SETTLE_SECONDS if worker else 0.0)
    query = text("SELECT count(*) FROM orders WHERE needs_processing")
    with engine.connect() as connection:
        backlog = waiting = connection.execute(query).scalar_one()
        while waiting and time.monotonic() < deadline:
            connection.rollback()
            time.sleep(0.5)
            waiting = connection.execute(query).scalar_one()
    engine.dispose()
    drain(url)
    return backlog, time.monotonic() - started


def drain(url: str) -> None:
    """Takes the orders written by the last app off the seller's queue, so that the next app's
    worker does not start with a backlog."""
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE orders SET needs_processing = false WHERE needs_processing")
        )
    engine.dispose()


# ---- profiles -----------------------------------------------------------------------------


@contextlib.contextmanager
def profiled(pid: int, name: str, seconds: float) -> Iterator[None]:
    """py-spy samples the server while the load runs: only the thread holding the GIL at each
    sample (``--gil``), i.e. where the process's Python CPU time goes."""
    RESULTS.mkdir(exist_ok=True)
    raw = RESULTS / f"profile-{name}.txt"
    py_spy = str(Path(sys.executable).parent / "py-spy")
    command = [
        py_spy, "record", "--pid", str(pid), "--rate", "200", "--gil", "--nonblocking",
        "--duration", str(int(seconds)), "--format", "raw", "--output", str(raw),
    ]  # fmt: skip
    spy = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield
    finally:
        spy.wait(timeout=seconds + 30)
    if raw.exists():
        report = top_functions(raw, name)
        (RESULTS / f"profile-{name}.md").write_text(report + "\n")
        print(report)


def _short(frame: str) -> str:
    return re.sub(r" \(.*/(site-packages|lib/python3[.0-9]+|wt-[^/]+|work/[^/]+)/", " (", frame)


def _package(frame: str) -> str:
    found = re.search(r"\(([^/:]+)", _short(frame))
    where = found.group(1) if found else frame
    return where.removesuffix(".py")


def top_functions(raw: Path, name: str, count: int = 20) -> str:
    """Self time by package and by function, and the inclusive time of the largest frames,
    from py-spy's collapsed stacks, as percentages of the samples."""
    own: Counter[str] = Counter()
    packages: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        frames = stack.split(";")
        samples = int(n)
        total += samples
        own[_short(frames[-1])] += samples
        packages[_package(frames[-1])] += samples
        for frame in {_short(f) for f in frames}:
            inclusive[frame] += samples
    total = max(total, 1)
    lines = [f"### profile of {name}: {total} samples of the thread holding the GIL", ""]
    lines += ["self time by package:", ""]
    lines += [f"    {100 * n / total:5.1f}%  {p}" for p, n in packages.most_common(count)]
    lines += ["", "self time by function:", ""]
    lines += [f"    {100 * n / total:5.1f}%  {f}" for f, n in own.most_common(count)]
    lines += ["", "inclusive time (frames with 3% or more, outermost first):", ""]
    lines += [
        f"    {100 * n / total:5.1f}%  {f}"
        for f, n in inclusive.most_common(4 * count)
        if n / total >= 0.03
    ]
    return "\n".join(lines)


# ---- the comparison -----------------------------------------------------------------------


# The service's resident memory after so many requests since it started: (requests, MiB).
MEMORY: list[tuple[int, float]] = []


def quiet_env(url: str) -> dict[str, str]:
    """An app's environment on the database at ``url``, its access log off."""
    return {"ORDERS_DATABASE_URL": url, "ORDERS_LOG_LEVEL": "WARNING"}


def compare(
    args: argparse.Namespace, url: str, scripts: Scripts
) -> dict[str, dict[str, list[Sample]]]:
    samples: dict[str, dict[str, list[Sample]]] = {
        app: {op: [] for op in args.operations} for app in args.apps
    }
    env = quiet_env(url)
    if not args.worker:
        env["ORDERS_WORKER"] = "false"
    for round_ in range(args.rounds):
        # The apps take turns; each round starts with the next one, so none is always first.
        order = args.apps[round_ % len(args.apps) :] + args.apps[: round_ % len(args.apps)]
        for name in order:
            workers = args.workers if name == "us" else 1
            with server(APPS[name], env, workers) as (base, pid):
                served = 0
                for op in args.operations:
                    served += wrk(base, scripts(op), args.warmup, args.connections).requests
                    profiling = args.profile and name == "us" and round_ == 0
                    with profiled(pid, op, args.seconds) if profiling else contextlib.nullcontext():
                        sample = measure(base, pid, scripts(op), args.seconds, args.connections)
                    samples[name][op].append(sample)
                    served += sample.requests
                    if name == "us" and round_ == 0:
                        MEMORY.append((served, rss_mib(pid)))
                    queued = ""
                    if op in WRITES:
                        backlog, took = settle(url, args.worker and name != "ceiling")
                        if backlog:
                            queued = f"  left to the worker {backlog} ({took:.0f} s)"
                    print(
                        f"round {round_ + 1} {LABELS[name]:15} {OPERATIONS[op]:30} "
                        f"{sample.rps:8.0f} rps  p50 {sample.p50:7.2f} ms  p99 {sample.p99:7.2f} ms  "
                        f"cpu {sample.cpu:5.2f} ms/req{queued}",
                        flush=True,
                    )
            drain(url)
    return samples


def median(samples: list[Sample]) -> Sample:
    """The round with the median throughput (its latencies with it)."""
    ranked = sorted(samples, key=lambda s: s.rps)
    return ranked[(len(ranked) - 1) // 2]


def spread(samples: list[Sample]) -> float:
    """(max - min) / median of the rounds' throughputs."""
    rps = [s.rps for s in samples]
    return (max(rps) - min(rps)) / statistics.median(rps) if len(rps) > 1 else 0.0


def per_round(us: list[Sample], ref: list[Sample], of: Callable[[Sample, Sample], float]) -> float:
    """The median over rounds of a ratio taken within each round: the apps of one round ran
    minutes apart, so a machine that slows down during the run moves both sides alike."""
    return statistics.median(of(u, r) for u, r in zip(us, ref, strict=True))


def comparison_table(samples: dict[str, dict[str, list[Sample]]]) -> str:
    apps = list(samples)
    ops = list(next(iter(samples.values())))
    head = "| operation |"
    rule = "|---|"
    for app in apps:
        head += f" {LABELS[app]} rps | p50 ms | p99 ms | CPU ms/req |"
        rule += "---:|---:|---:|---:|"
    if "us" in apps:
        for ref in REFERENCES:
            if ref in apps:
                head += f" us / {LABELS[ref]} rps (CPU/req) |"
                rule += "---:|"
        if "ceiling" in apps:
            head += f" us / {LABELS['ceiling']} p99 |"
            rule += "---:|"
    head += " spread |"
    rule += "---:|"
    lines = [head, rule]
    for op in ops:
        row = f"| {OPERATIONS[op]} |"
        chosen = {app: median(samples[app][op]) for app in apps}
        for app in apps:
            s = chosen[app]
            row += f" {s.rps:.0f} | {s.p50:.2f} | {s.p99:.2f} | {s.cpu:.2f} |"
        if "us" in apps:
            ours = samples["us"][op]
            for ref in REFERENCES:
                if ref in apps:
                    theirs = samples[ref][op]
                    rps = per_round(ours, theirs, lambda u, r: u.rps / r.rps)
                    cpu = per_round(ours, theirs, lambda u, r: r.cpu / u.cpu)
                    row += f" **{rps:.2f}** ({cpu:.2f}) |"
            if "ceiling" in apps:
                p99 = per_round(ours, samples["ceiling"][op], lambda u, r: u.p99 / r.p99)
                row += f" {p99:.2f} |"
        worst = max(spread(samples[app][op]) for app in apps)
        row += f" {100 * worst:.0f}% |"
        lines.append(row)
    return "\n".join(lines)


# ---- scale --------------------------------------------------------------------------------


PAGE_SIZES = (10, 25, 50, 100)
IDLE_SECONDS = {False: 5.0, True: 1.0}  # by --quick
SCALE_APPS = ("us", "ceiling")


@dataclass
class Curves:
    """The scale section's table and its points: CPU ms per request by stored orders (get,
    list; the service and the ceiling) and by page size (both, at the largest size)."""

    table: str
    by_orders: dict[str, list[tuple[float, float]]]
    by_page: dict[str, list[tuple[float, float]]]


def scale_curve(args: argparse.Namespace, directory: Path) -> Curves:
    """get and list of the service and the ceiling as the orders table grows 10k -> 100k -> 1M,
    and the service's CPU while idle at each size. Each size is a database of its own in which
    every buyer has 100 orders, so a page is always 50 of 100 matches and only the size of the
    table changes. The sizes take turns within each of ``--scale-rounds`` rounds, and a growth
    is the median over rounds of the growth within each round: sizes measured minutes apart on
    a machine whose speed drifts would otherwise differ by the drift. At the largest size, the
    list's CPU per request with pages of 10 to 100 orders, for the service and the ceiling."""
    sizes = [1_000, 10_000] if args.quick else [10_000, 100_000, 1_000_000]
    stored = {size: scale_database(directory, size) for size in sizes}
    idle: dict[int, float] = {}
    samples: dict[tuple[str, int, str], list[Sample]] = {}
    for round_ in range(args.scale_rounds):
        turn = sizes[round_ % len(sizes) :] + sizes[: round_ % len(sizes)]
        for size in turn:
            for name in SCALE_APPS:
                with server(APPS[name], quiet_env(stored[size].url)) as (base, pid):
                    if name == "us" and size not in idle:
                        idle[size] = idle_cpu(pid, IDLE_SECONDS[args.quick])
                    for op in ("get", "list"):
                        script = stored[size].scripts(op)
                        wrk(base, script, args.warmup, args.connections)
                        sample = measure(base, pid, script, args.seconds, args.connections)
                        samples.setdefault((name, size, op), []).append(sample)
                        print(
                            f"scale round {round_ + 1} {size:>9,} {LABELS[name]:15} "
                            f"{OPERATIONS[op]:30} cpu {sample.cpu:5.2f} ms/req",
                            flush=True,
                        )
    largest = sizes[-1]
    by_page, pages = page_sizes(args, stored[largest], largest)
    for size in sizes:
        shutil.rmtree(stored[size].scripts.directory, ignore_errors=True)
    by_orders = {
        f"{OPERATIONS[op]} ({LABELS[name]})": [
            (float(size), median_cpu(samples[name, size, op])) for size in sizes
        ]
        for op in ("get", "list")
        for name in SCALE_APPS
    }
    table = scale_table(sizes, {size: stored[size].seconds for size in sizes}, idle, samples)
    return Curves("\n".join([table, "", *pages]), by_orders, by_page)


class ScaleDatabase(NamedTuple):
    url: str
    seconds: float  # storing its orders took
    scripts: Scripts  # its own, in the database's folder: each database has its own tokens


def filled(url: str, orders: int, buyers: int) -> float:
    """Migrates the database at ``url`` and stores ``orders`` orders of ``buyers`` buyers in
    it: the seconds the storing took."""
    engine = make_engine(url)
    try:
        migrate(engine)
        started = time.monotonic()
        populate(engine, orders, buyers)
        return time.monotonic() - started
    finally:
        engine.dispose()


def scale_database(directory: Path, size: int) -> ScaleDatabase:
    """A new SQLite file with ``size`` orders, 100 per buyer, in a folder of its own with its
    wrk scripts."""
    folder = directory / f"scale-{size}"
    folder.mkdir()
    url = f"sqlite:///{folder / 'orders.db'}"
    took = filled(url, size, size // 100)
    print(f"scale: stored {size:,} orders in {took:.1f}s", flush=True)
    return ScaleDatabase(url, took, Scripts(folder, url, size, size // 100))


def median_cpu(samples: list[Sample]) -> float:
    return statistics.median(s.cpu for s in samples)


def scale_table(
    sizes: list[int],
    populated: dict[int, float],
    idle: dict[int, float],
    samples: dict[tuple[str, int, str], list[Sample]],
) -> str:
    """One row per size: the service's median round of get and list, then the CPU per request
    of both apps against the smallest size's (the median of the per-round growths)."""
    smallest = sizes[0]
    lines = [
        "| stored orders | populate s | idle CPU ms/s | GET /orders/{id} rps | p50 ms | p99 ms "
        "| CPU ms/req | GET /orders?buyerId&limit=50 rps | p50 ms | p99 ms | CPU ms/req "
        f"| us GET CPU vs {smallest:,} | ceiling GET | us list CPU vs {smallest:,} "
        "| ceiling list |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        row = f"| {size:,} | {populated[size]:.1f} | {idle[size]:.0f} |"
        for op in ("get", "list"):
            s = median(samples["us", size, op])
            row += f" {s.rps:.0f} | {s.p50:.2f} | {s.p99:.2f} | {s.cpu:.2f} |"
        for op in ("get", "list"):
            for name in SCALE_APPS:
                growth = per_round(
                    samples[name, size, op],
                    samples[name, smallest, op],
                    lambda big, small: big.cpu / small.cpu - 1,
                )
                cpu = median_cpu(samples[name, size, op])
                row += f" {cpu:.2f} ms ({100 * growth:+.0f}%) |"
        lines.append(row)
    return "\n".join(lines)


def page_sizes(
    args: argparse.Namespace, stored: ScaleDatabase, size: int
) -> tuple[dict[str, list[tuple[float, float]]], list[str]]:
    """The list's CPU per request by page size (10 to 100 orders), the service and the
    ceiling: the plot's points and the table's lines."""
    scripts = stored.scripts
    results: dict[str, dict[int, Sample]] = {}
    for name in SCALE_APPS:
        with server(APPS[name], quiet_env(stored.url)) as (base, pid):
            wrk(base, scripts("list"), args.warmup, args.connections)
            results[name] = {
                limit: measure(base, pid, scripts("list", limit), args.seconds, args.connections)
                for limit in PAGE_SIZES
            }
    by_page = {
        LABELS[name]: [(float(n), results[name][n].cpu) for n in PAGE_SIZES] for name in SCALE_APPS
    }
    lines = [
        f"GET /orders?buyerId&limit=N with {size:,} stored orders (100 per buyer):",
        "",
        "| page size | " + " | ".join(f"{LABELS[a]} rps | CPU ms/req" for a in SCALE_APPS) + " |",
        "|---:|" + "---:|---:|" * len(SCALE_APPS),
    ]
    for n in PAGE_SIZES:
        lines.append(
            f"| {n} |"
            + "".join(f" {results[a][n].rps:.0f} | {results[a][n].cpu:.2f} |" for a in SCALE_APPS)
        )
    return by_page, lines


# ---- memory over many requests -----------------------------------------------------------

FIRST_READING = 10_000


def memory_growth(args: argparse.Namespace, url: str, scripts: Scripts) -> str:
    """The service's resident memory after its first 10,000 requests and after
    ``args.memory``: GET /orders/{id} and the list in turns, 20 s at a time, on one worker."""
    env = quiet_env(url)
    turns = itertools.cycle(["get", "list"])
    with server(APPS["us"], env) as (base, pid):
        served = 0
        while served < FIRST_READING:
            served += wrk(base, scripts(next(turns)), 2, args.connections).requests
        first = (served, rss_mib(pid))
        while served < args.memory:
            served += wrk(base, scripts(next(turns)), 20, args.connections).requests
            print(f"memory: {served:,} requests, {rss_mib(pid):.0f} MiB", flush=True)
        last = (served, rss_mib(pid))
    growth = 100 * (last[1] - first[1]) / first[1]
    return (
        f"The service (one worker) after {first[0]:,} requests: {first[1]:.1f} MiB resident; "
        f"after {last[0]:,}: {last[1]:.1f} MiB ({growth:+.1f}%). GET /orders/{{id}} and "
        f"GET /orders?buyerId&limit=50 in turns, wrk -t1 -c{args.connections}."
    )


# ---- codegen and startup ------------------------------------------------------------------


def timed(command: list[str], env: dict[str, str] | None = None, repeat: int = 3) -> float:
    """The best wall time of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(
            command, cwd=ROOT, check=True, capture_output=True, env={**os.environ, **(env or {})}
        )
        best = min(best, time.perf_counter() - started)
    return best


def startup_timings(directory: Path, repeat: int) -> str:
    python = sys.executable
    url = f"sqlite:///{directory / 'startup.db'}"
    migrate(make_engine(url))
    env = {"ORDERS_DATABASE_URL": url, "ORDERS_WORKER": "false"}
    rows = {
        "`python -m codegen --check` (generated/, docs/api.md)": timed(
            [python, "-m", "codegen", "--check"], repeat=repeat
        ),
        "`python -m codegen.client --check` (clients/python)": timed(
            [python, "-m", "codegen.client", "--check"], repeat=repeat
        ),
        "`python -c 'import app.main'` (import)": timed(
            [python, "-c", "import app.main"], repeat=repeat
        ),
        "`create_app()` (import + build the app, migrated db)": timed(
            [python, "-c", "from app.main import create_app; create_app()"], env, repeat=repeat
        ),
        "`python -c pass` (the interpreter alone)": timed([python, "-c", "pass"], repeat=repeat),
    }
    best_serve = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        with server(APPS["us"], {**env, "ORDERS_LOG_LEVEL": "WARNING"}):
            best_serve = min(best_serve, time.perf_counter() - started)
    rows["`orders-api serve` until the first 200"] = best_serve
    lines = [f"| step | seconds (best of {repeat}) |", "|---|---:|"]
    lines += [f"| {name} | {seconds:.2f} |" for name, seconds in rows.items()]
    return "\n".join(lines)


# ---- pictures and memory -------------------------------------------------------------------


def plot_dir(args: argparse.Namespace) -> Path:
    """Next to the report: bench/plots/ for bench/results.md, else the report's folder."""
    folder: Path = args.output.parent / ("plots" if args.output.name == "results.md" else "")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def embed(args: argparse.Namespace, title: str, path: Path) -> list[str]:
    relative = os.path.relpath(path, args.output.parent)
    return [f"![{title}]({relative})", ""]


def pictures(args: argparse.Namespace, samples: dict[str, dict[str, list[Sample]]]) -> list[str]:
    medians = {app: {op: median(s) for op, s in ops.items()} for app, ops in samples.items()}
    path = plots.comparison(medians, LABELS, OPERATIONS, plot_dir(args) / "throughput-p99.png")
    lines = embed(args, "throughput and p99 per app and operation", path)
    if MEMORY:
        (first_n, first), (last_n, last) = MEMORY[0], MEMORY[-1]
        lines += [
            f"The service's resident memory (all its processes), first round: {first:.0f} MiB "
            f"after {first_n:,} requests ({OPERATIONS[args.operations[0]]}), {last:.0f} MiB "
            f"after {last_n:,} ({OPERATIONS[args.operations[-1]]}): "
            f"{100 * (last - first) / first:+.1f}%, across operations; `--memory` checks for a "
            "leak.",
            "",
        ]
    return lines


# ---- main ---------------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = os.getloadavg()
    return (
        f"{platform.node()}: {os.cpu_count()} cores ({cpu}), Linux {platform.release()}, "
        f"Python {platform.python_version()}; load average before the run "
        f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )


@contextlib.contextmanager
def database(args: argparse.Namespace, directory: Path) -> Iterator[str]:
    if args.database_url:
        yield args.database_url
    elif args.postgres:
        sys.path.insert(0, str(ROOT))
        from tests.postgres import throwaway_server

        with throwaway_server() as url:
            yield url
    else:
        yield f"sqlite:///{directory / 'bench.db'}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small and short: about a minute")
    parser.add_argument(
        "--orders", type=int, help="orders stored (default 1,000,000; quick 10,000)"
    )
    parser.add_argument("--buyers", type=int, help="default: orders / 100, at most 1000")
    parser.add_argument("--seconds", type=float, help="per measurement (default 10; quick 3)")
    parser.add_argument("--warmup", type=float, help="unmeasured load first (default 2; quick 1)")
    parser.add_argument(
        "--rounds", type=int, help="turns of every app (default 3; quick 1; 0: no comparison)"
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--apps", default="us,ceiling,sqlmodel,fastapi,orm")
    parser.add_argument("--operations", default="get,post,list,patch")
    parser.add_argument("--no-worker", dest="worker", action="store_false",
                        help="ORDERS_WORKER=false: no background worker in any app")  # fmt: skip
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers of the service")
    parser.add_argument("--database-url", help="an existing, empty database (default: new SQLite)")
    parser.add_argument("--postgres", action="store_true",
                        help="a throwaway PostgreSQL from Debian's binaries (tests/postgres.py)")  # fmt: skip
    parser.add_argument("--scale", action="store_true", help="also the 10k/100k/1M latency curve")
    parser.add_argument("--scale-rounds", type=int,
                        help="turns of the sizes in --scale (default 3; quick 1)")  # fmt: skip
    parser.add_argument("--timings", action="store_true", help="also codegen and startup times")
    parser.add_argument("--profile", action="store_true", help="py-spy the service (round 1)")
    parser.add_argument("--memory", type=int, nargs="?", const=1_000_000, default=0,
                        help="also the service's RSS after 10k and after this many reads "
                        "(default 1,000,000)")  # fmt: skip
    parser.add_argument("--output", type=Path,
                        help="report file (default bench/results.md; quick: bench/results/latest.md)")  # fmt: skip
    args = parser.parse_args()
    quick = args.quick
    args.orders = args.orders or (10_000 if quick else 1_000_000)
    args.buyers = args.buyers or max(1, min(1000, args.orders // 100))
    args.seconds = args.seconds or (3 if quick else 10)
    args.warmup = args.warmup or (1 if quick else 2)
    args.rounds = (1 if quick else 3) if args.rounds is None else args.rounds
    args.scale_rounds = args.scale_rounds or (1 if quick else 3)
    args.apps = args.apps.split(",")
    args.operations = args.operations.split(",")
    args.output = args.output or (RESULTS / "latest.md" if quick else ROOT / "bench" / "results.md")
    if not shutil.which("wrk"):
        sys.exit(f"the benchmark needs wrk: {WRK_INSTALL}")

    about = machine()
    started_at = datetime.now(UTC)
    directory = Path(tempfile.mkdtemp(prefix="orders-bench-"))
    sections = [
        f"# Benchmark, {started_at:%Y-%m-%d %H:%M} UTC",
        "",
        f"`{' '.join(['nox -s bench --', *sys.argv[1:]])}` on {about}.",
        "",
    ]
    try:
        with database(args, directory) as url:
            took = filled(url, args.orders, args.buyers)
            backend = make_url(url).get_backend_name()
            print(f"stored {args.orders:,} orders in {took:.1f}s ({backend})", flush=True)
            scripts = Scripts(directory, url, args.orders, args.buyers)
            samples = compare(args, url, scripts)
            growth = memory_growth(args, url, scripts) if args.memory else None
        table = comparison_table(samples) if args.rounds else "(no rounds: comparison skipped)"
        worker = "on (the default)" if args.worker else "off (ORDERS_WORKER=false)"
        sections += [
            f"## Throughput and latency, {args.orders:,} orders stored ({backend})",
            "",
            f"uvicorn, 1 worker process{f' ({args.workers} for us)' if args.workers > 1 else ''}, "
            f"access logs off; seller's background worker {worker} in every app but the ceiling. "
            f"wrk -t1 -c{args.connections}, {args.seconds:g}s per measurement after {args.warmup:g}s "
            f"of warm-up, median of {args.rounds} round(s); a ratio is the median of the ratios "
            "within each round; spread = (max - min) / median throughput over the rounds, the "
            "worst app's.",
            "",
            table,
            "",
        ]
        print(table, flush=True)
        if args.rounds:
            sections += pictures(args, samples)
        if growth is not None:
            print(growth, flush=True)
            sections += ["## Memory over many requests", "", growth, ""]
        if args.scale:
            curves = scale_curve(args, directory)
            sections += [
                "## Scale: get and list as orders grow (SQLite)",
                "",
                curves.table,
                "",
                *embed(
                    args,
                    "CPU per request against stored orders",
                    plots.cpu_curve(
                        curves.by_orders,
                        "stored orders",
                        "CPU per request, the service and the ceiling",
                        plot_dir(args) / "cpu-by-orders.png",
                    ),
                ),
                *embed(
                    args,
                    "CPU per request against page size",
                    plots.cpu_curve(
                        curves.by_page,
                        "orders per page",
                        "GET /orders?buyerId&limit=N",
                        plot_dir(args) / "cpu-by-page.png",
                    ),
                ),
            ]
        if args.timings:
            timings = startup_timings(directory, 1 if quick else 3)
            print(timings, flush=True)
            sections += ["## Code generation and startup", "", timings, ""]
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(sections))
    print(
        f"wrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}"
    )


if __name__ == "__main__":
    main()
