"""``nox -s bench``: the Order API's throughput and latency against a raw Starlette endpoint
measured in the same run, with the orders table holding ``--orders`` rows (a million by default).

Load comes from wrk (Debian's ``wrk``) on loopback; server and load share this machine's cores,
the same way for the baseline and the API, so the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from app.storage.database import make_engine, migrate
from bench.populate import CREATE_REQUEST, populate

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(target: str, env: dict[str, str], factory: bool) -> Iterator[str]:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        target,
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    if factory:
        command.append("--factory")
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base}/orders/x", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def wrk(url: str, seconds: int, connections: int, script: Path | None = None) -> dict[str, float]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script:
        command += ["-s", str(script)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non_2xx:
        raise RuntimeError(f"{url}: {non_2xx.group(1)} error responses\n{out}")

    def ms(label: str) -> float:
        value, unit = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    return {"rps": rps, "p50": ms("50%"), "p99": ms("99%")}


POST_SCRIPT = textwrap.dedent(
    """
    local counter = 0
    local threads = 0
    function setup(thread) thread:set("tid", threads); threads = threads + 1 end
    local body = io.open("{order}"):read("*a")
    request = function()
      counter = counter + 1
      local pon = "PO-" .. tid .. "-" .. counter .. "-" .. math.random(1e9)
      local b = body:gsub('"PO%-12345"', '"' .. pon .. '"')
      return wrk.format("POST", "/orders", {{["Content-Type"] = "application/json"}}, b)
    end
    """
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--buyers", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--database-url", help="default: a new SQLite file")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("bench needs wrk: apt-get install wrk")

    tmp = Path(tempfile.mkdtemp(prefix="orders-bench-"))
    url = args.database_url or f"sqlite:///{tmp / 'bench.db'}"
    engine = make_engine(url)
    migrate(engine)
    started = time.monotonic()
    populate(engine, args.orders, args.buyers)
    print(f"stored {args.orders} orders in {time.monotonic() - started:.0f}s ({url.split(':')[0]})")

    (tmp / "create.json").write_text(json.dumps(CREATE_REQUEST))
    (tmp / "post.lua").write_text(POST_SCRIPT.format(order=tmp / "create.json"))

    middle = args.orders // 2
    cases = {
        "GET /orders/{id}": f"/orders/ORD-B{middle:09d}",
        "GET /orders?buyerId (page 1 of 50)": "/orders?buyerId=buyer-7&limit=50",
        "GET /orders?buyerId&offset=900": "/orders?buyerId=buyer-7&limit=50&offset=900",
        "GET /orders?buyerId&orderStatus=HELD": "/orders?buyerId=buyer-7&orderStatus=HELD",
        "GET /orders?pon=": f"/orders?pon=PO-{middle}",
    }
    results: list[tuple[str, dict[str, float]]] = []
    with server("bench.raw_app:app", {}, factory=False) as raw:
        results.append(
            ("raw Starlette (same JSON)", wrk(f"{raw}/orders/x", args.seconds, args.connections))
        )
    env = {"ORDERS_DATABASE_URL": url}
    with server("app.main:create_app", env, factory=True) as api:
        for name, path in cases.items():
            results.append((name, wrk(api + path, args.seconds, args.connections)))
        results.append(
            (
                "POST /orders (new order each)",
                wrk(api, args.seconds, args.connections, tmp / "post.lua"),
            )
        )

    base = results[0][1]
    lines = [
        f"{args.orders} orders stored, {args.buyers} buyers; wrk -t2 -c{args.connections} -d{args.seconds}s",
        "",
        "| endpoint | rps | p50 ms | p99 ms | rps / raw | p50 / raw | p99 / raw |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in results:
        lines.append(
            f"| {name} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | "
            f"{r['rps'] / base['rps']:.3f} | {r['p50'] / base['p50']:.1f} | {r['p99'] / base['p99']:.1f} |"
        )
    report = "\n".join(lines)
    print(report)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(report + "\n")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
