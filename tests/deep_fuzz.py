"""The deep fuzzing run, by hand: `.venv/bin/nox -s fuzz` (options after `--`, see --help).

Starts the service for real (uvicorn, every response checked against the spec; the seller's
worker off, as generated subscriptions may name any host) on SQLite and on a throwaway PostgreSQL server, and runs Schemathesis' command line
against each: every phase (the spec's examples, coverage, fuzzing, stateful scenarios along the
spec's links), valid and invalid data, every check, tests/schemathesis.toml. Then the state
machine of tests/system/test_fuzz.py, which starts each scenario with an order that exists (the
command line's own scenarios mostly start from a create with an unreal random date), for many
scenarios on each database. Exits non-zero on any failure; the reports stay in .fuzz/.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.postgres import throwaway_server
from tests.servers import ROOT, request_headers, running

CONFIG = Path(__file__).parent / "schemathesis.toml"
# Generated subscriptions (POST /hub) name any host: the service must neither resolve their
# names (private callbacks allowed: no check, so no DNS) nor deliver to them (no worker).
# Traffic stays on this machine.
FUZZED_SERVICE = {
    "ORDERS_VALIDATE_RESPONSES": "true",
    "ORDERS_HUB_ALLOW_PRIVATE_CALLBACKS": "true",
    "ORDERS_WORKER": "false",
}
PHASES = "examples,coverage,fuzzing,stateful"


@contextlib.contextmanager
def database(kind: str, workdir: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{workdir / 'fuzz.db'}"
        return
    with throwaway_server() as url:
        yield url


def fuzz(kind: str, args: argparse.Namespace, workdir: Path) -> int:
    reports = args.report_dir / kind
    with (
        database(kind, workdir) as url,
        running(url, workdir / f"{kind}.log", env=FUZZED_SERVICE) as server,
    ):
        # The seed buyer's token: a seller's operations answer it 403 (documented, expected).
        headers = [
            f"--header={name}: {value}" for name, value in request_headers(server.url).items()
        ]
        command = [
            *(str(Path(sys.executable).parent / "st"), f"--config-file={CONFIG}", "run"),
            *(f"{server.url}/openapi.json", f"--phases={PHASES}", "--checks=all", "--mode=all"),
            *(f"--max-examples={args.max_examples}", f"--workers={args.workers}"),
            *("--report=json,junit", f"--report-dir={reports}"),
            *([f"--seed={args.seed}"] if args.seed is not None else []),
            *headers,
            *args.extra,
        ]
        print(f"\n==== {kind}: {' '.join(command)}", flush=True)
        started = time.monotonic()
        code = subprocess.run(command, cwd=ROOT, check=False).returncode
        print(f"==== {kind}: exit {code} after {time.monotonic() - started:.0f} s", flush=True)
        if code:
            print(f"server log: {server.log}", flush=True)
        return code


def stateful(kinds: list[str], examples: int) -> int:
    env = {
        **os.environ,
        "ORDERS_FUZZ_STATEFUL_EXAMPLES": str(examples),
        "ORDERS_LOG_LEVEL": "ERROR",
    }
    selected = " or ".join(f"stateful_scenarios[{kind}]" for kind in kinds)
    command = [
        sys.executable,
        "-m",
        "pytest",
        "tests/system/test_fuzz.py",
        "-q",
        "-s",
        "-k",
        selected,
    ]
    print(f"\n==== state machine: {examples} scenarios per database", flush=True)
    started = time.monotonic()
    code = subprocess.run(command, cwd=ROOT, env=env, check=False).returncode
    print(f"==== state machine: exit {code} after {time.monotonic() - started:.0f} s", flush=True)
    return code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], action="append")
    parser.add_argument("--max-examples", type=int, default=400, help="per operation and phase")
    parser.add_argument("--workers", default="1", help="Schemathesis' concurrent workers")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--stateful-examples", type=int, default=500, help="scenarios per database")
    parser.add_argument(
        "--report-dir", type=Path, default=ROOT / ".fuzz", help="where the reports are written"
    )
    parser.add_argument("extra", nargs="*", help="more `st run` options, after --")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="orders-deep-fuzz-"))
    kinds = args.database or ["sqlite", "postgresql"]
    codes = [fuzz(kind, args, workdir) for kind in kinds]
    codes.append(stateful(kinds, args.stateful_examples))
    return max(codes)


if __name__ == "__main__":
    sys.exit(main())
