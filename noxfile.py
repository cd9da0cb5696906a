"""Developer tasks. Run them with the project's own nox: ``.venv/bin/nox -s <session>``.

Sessions run in the project's locked environment (made by ``.ci/install``), not in fresh
virtualenvs, so every tool is the version pinned in uv.lock.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import nox

nox.options.sessions = ["check", "breaking", "lint", "typecheck", "tests"]
nox.options.default_venv_backend = "none"

PYTHON = sys.executable
ROOT = Path(__file__).resolve().parent
SPECTRAL = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "spectral"


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate everything made from spec/openapi.yaml: generated/, docs/api.md, clients/python."""
    session.run(PYTHON, "-m", "codegen", *session.posargs)
    session.run(PYTHON, "-m", "codegen.client")


@nox.session
def client(session: nox.Session) -> None:
    """Regenerate the buyer's typed Python client, clients/python (openapi-python-client)."""
    session.run(PYTHON, "-m", "codegen.client", *session.posargs)


@nox.session
def check(session: nox.Session) -> None:
    """Fail with a diff when generated/, docs/api.md or clients/python is stale."""
    session.run(PYTHON, "-m", "codegen", "--check")
    session.run(PYTHON, "-m", "codegen.client", "--check")


@nox.session
def lint(session: nox.Session) -> None:
    session.run(PYTHON, "-m", "ruff", "check", ".")
    session.run(PYTHON, "-m", "ruff", "format", "--check", ".")


@nox.session
def speclint(session: nox.Session) -> None:
    """Spectral on spec/openapi.yaml with .spectral.yaml (spectral:oas, examples valid, every
    operation with an operationId, a description and a 4xx problem+json response)."""
    if not SPECTRAL.exists():
        session.error(f"{SPECTRAL.relative_to(ROOT)} is missing: run .ci/install (npm ci)")
    session.run(
        str(SPECTRAL),
        "lint",
        "spec/openapi.yaml",
        "--ruleset",
        ".spectral.yaml",
        "--fail-severity",
        "error",
        *session.posargs,
        external=True,
    )


@nox.session
def fuzz(session: nox.Session) -> None:
    """The deep Schemathesis run against real servers on SQLite and PostgreSQL: every phase,
    valid and invalid data, every check. By hand (minutes). Options: -- --help."""
    session.run(PYTHON, "-m", "tests.deep_fuzz", *session.posargs)


@nox.session
def breaking(session: nox.Session) -> None:
    """List API changes since a git ref (default: last tag, else merge base with main, else HEAD);
    fail on a breaking one without a major version bump. Options: -- --base REF --changelog FILE."""
    session.run(PYTHON, "-m", "codegen.breaking", *session.posargs)


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy: strict on specfirst/, app/ and codegen/; handlers are checked against generated
    protocols."""
    session.run(PYTHON, "-m", "mypy")


@nox.session
def tests(session: nox.Session) -> None:
    """The whole suite, on SQLite and on a throwaway PostgreSQL server, spread over one pytest-xdist
    worker per core, at most four (each worker starts its own PostgreSQL server; the live-process
    tests are timed for a few neighbours, not dozens). ``-- -n 0`` runs it in one process."""
    session.run(PYTHON, "-m", "pytest", "-n", "auto", "--maxprocesses", "4", *session.posargs)


@nox.session
def quick(session: nox.Session) -> None:
    """The edit-test loop: unit and API tests on SQLite only (no PostgreSQL, no live processes,
    no mypy, Chromium or fuzzing), one pytest worker per core (pytest-xdist). ``nox -s tests``
    runs everything."""
    session.run(
        PYTHON,
        "-m",
        "pytest",
        "-n",
        "auto",
        "-m",
        "(unit or api) and not postgres",
        "tests/unit",
        "tests/api",
        *session.posargs,
    )


@nox.session
def serve(session: nox.Session) -> None:
    """Serve the API on http://127.0.0.1:8080 (SQLite file orders.db unless ORDERS_DATABASE_URL)."""
    session.run(PYTHON, "-m", "app", "serve", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """The service vs the driver alone (the ceiling), FastAPI + SQLModel, FastAPI on the service's
    domain and Starlette + ORM, 1M orders (needs Debian's wrk). Options: -- --quick --scale
    --timings --profile --postgres --workers N --orders N --seconds S --rounds R (see python -m
    bench.run --help)."""
    if not shutil.which("wrk"):
        session.error("the benchmark needs wrk: apt-get install wrk (Debian's package)")
    session.run(PYTHON, "-m", "bench.run", *session.posargs)


@nox.session
def mock(session: nox.Session) -> None:
    """Serve the spec's examples on http://127.0.0.1:8080, validating requests (no database)."""
    session.run(PYTHON, "-m", "app", "serve", "--mock", *session.posargs)
