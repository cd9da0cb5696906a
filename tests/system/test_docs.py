"""The docs: docs/api.md (generated from the spec) fresh and complete; README.md short and
opening with its two commands; links between the pages resolving; and every command the pages
show run as a reader would run it.

Every fenced block of README.md and docs/*.md (but the generated docs/api.md) in a shell
language, or in Python, runs, page by page, in one shell (as a reader pasting the page into one
terminal), in a scratch directory that links to every file of the repository, so that what the
commands write stays out of it. Where a page talks to the service on 127.0.0.1:8080, the test
serves it there first (``orders-api serve``, SQLite ``orders.db`` in the scratch directory);
every documented port is moved to a free one. A block that cannot run says why in a comment
right before it, ``<!-- not run: REASON -->``; ``<!-- service stopped -->`` runs a block with
the test's service stopped (a restore), and starts the service again after it.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg
import pytest
from sqlalchemy.engine import make_url

from app.storage.database import make_engine, migrate
from app.storage.tokens import TokenStore
from codegen import docs
from codegen.generate import SPEC
from codegen.spec import operations
from specfirst.document import load_spec
from tests import servers
from tests.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = docs.DOCS.read_text(encoding="utf-8")


def test_reference_is_fresh() -> None:
    assert docs.stale(docs.api_reference(load_spec(SPEC))) == ""


def test_reference_documents_every_operation() -> None:
    for op in operations(load_spec(SPEC)):
        heading = f"#### `{op.operation_id}`: {op.method} `{op.path}`"
        assert heading in REFERENCE.splitlines(), heading
        assert f"[`{op.operation_id}`](#op-{op.operation_id})" in REFERENCE


def test_reference_documents_every_schema_and_links_resolve() -> None:
    spec = load_spec(SPEC)
    for name in spec["components"]["schemas"]:
        assert f'<a id="schema-{name}"></a>' in REFERENCE
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', REFERENCE))
    links = set(re.findall(r"\]\(#([^)]+)\)", REFERENCE))
    assert links - {"operations", "schemas"} <= anchors


def test_reference_shows_parameters_bodies_examples_and_responses() -> None:
    section = REFERENCE.split('<a id="op-listOrders"></a>')[1].split("<a id=")[0]
    assert (
        "| `limit` | query | `integer` | no | Maximum number of items returned. ≥ 1; ≤ 500; default `50`. |"
        in section
    )
    assert "| 404 | `application/problem+json` | [`problem`](#schema-problem) |" in section
    create = REFERENCE.split('<a id="op-createOrder"></a>')[1].split("<a id=")[0]
    assert (
        "| `application/json` | [`order-create-update`](#schema-order-create-update) "
        "| `createOrder` (Create an order (seed request)) |" in create
    )
    contact = REFERENCE.split('<a id="schema-contact"></a>')[1].split("<a id=")[0]
    assert (
        "| `telephoneNumber` | `string` | yes | Min length 1; max length 255; "
        "pattern `^[^\\u0000]*$`. |" in contact
    )
    status = REFERENCE.split('<a id="schema-orderStatus"></a>')[1].split("<a id=")[0]
    assert "Values: `ACKNOWLEDGED`, `IN_PROGRESS`, `HELD`," in status


def test_check_fails_with_a_diff_when_the_reference_is_stale(tmp_path: Path) -> None:
    stale = tmp_path / "api.md"
    stale.write_text(REFERENCE.replace("#### `holdOrder`", "#### `pauseOrder`"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "codegen", "--check", f"--reference={stale}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "-#### `pauseOrder`" in result.stdout and "+#### `holdOrder`" in result.stdout
    assert "docs/api.md is stale" in result.stderr


# ---- the pages and their fenced blocks ----------------------------------------------------

README = ROOT / "README.md"
# docs/api.md is generated from the spec and shows no commands; the tests above check it.
PAGES = [README, *sorted(p for p in (ROOT / "docs").glob("*.md") if p.name != "api.md")]
README_LIMIT = 8 * 1024
# The README's first lines, byte for byte: what a newcomer runs before reading anything else.
TWO_COMMANDS = (
    ".ci/install && .venv/bin/nox -s serve     # install everything, serve on http://127.0.0.1:8080 (SQLite)",
    ".venv/bin/nox -s tests                    # the whole test suite, on SQLite and PostgreSQL",
)
SHELLS = {"sh", "bash", "shell", "console", "zsh"}
RUNNABLE = SHELLS | {"python"}
NOT_RUN = re.compile(r"<!-- not run: (?P<reason>\S.*?) -->")
SERVICE_STOPPED = "<!-- service stopped -->"
# The port the docs serve on; every other documented port is a service a block starts itself.
SERVICE_PORT = 8080
FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # of the opening fence, from 1
    language: str
    code: str
    marker: str | None  # the HTML comment on the nearest non-blank line before the fence

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"

    @property
    def runnable(self) -> bool:
        return self.language in RUNNABLE and not (self.marker and NOT_RUN.fullmatch(self.marker))


def fenced_blocks(page: Path) -> list[Block]:
    """The page's fenced code blocks, each with the comment right before it, if any."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found, last_text, i = [], "", 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            last_text = lines[i].strip() or last_text
            i += 1
            continue
        indent, fence = len(opening["indent"]), opening["fence"]
        closing = re.compile(rf" *{fence[0]}{{{len(fence)},}} *")
        end = next((j for j in range(i + 1, len(lines)) if closing.fullmatch(lines[j])), len(lines))
        # Inside a list item the block is indented with it: its code is not.
        code = "".join(
            (line[indent:] if not line[:indent].strip() else line) + "\n"
            for line in lines[i + 1 : end]
        )
        marker = last_text if last_text.startswith("<!--") else None
        language = opening["info"].strip().split(" ")[0]
        found.append(Block(page, i + 1, language, code, marker))
        last_text, i = lines[end].strip() if end < len(lines) else "", end + 1
    return found


def text_without_code(page: Path) -> str:
    text, kept = page.read_text(encoding="utf-8"), []
    inside = False
    for line in text.splitlines():
        if FENCE.match(line):
            inside = not inside
            continue
        if not inside:
            kept.append(re.sub(r"`[^`]*`", "", line))
    return "\n".join(kept)


def test_readme_is_short_and_opens_with_the_two_commands() -> None:
    raw = README.read_bytes()
    assert len(raw) <= README_LIMIT, f"README.md is {len(raw)} bytes, over {README_LIMIT}"
    lines = raw.decode("utf-8").splitlines()
    assert lines[0] == "# orders-api"
    assert NOT_RUN.fullmatch(lines[1]), "the commands' not-run marker sits between title and block"
    assert lines[2:6] == ["```sh", *TWO_COMMANDS, "```"]


def test_every_fence_names_its_language() -> None:
    for page in [*PAGES, ROOT / "docs" / "api.md"]:
        for block in fenced_blocks(page):
            assert block.language, f"{block.where}: a fence without a language"


def test_every_command_block_is_run_or_says_why_not() -> None:
    """The page runner below runs every block this admits; nothing else is left out."""
    for page in PAGES:
        for block in fenced_blocks(page):
            if block.marker is None or block.marker == "<!-- settings -->":
                continue
            known = NOT_RUN.fullmatch(block.marker) or block.marker == SERVICE_STOPPED
            if (
                block.marker.startswith(("<!-- not run", "<!-- service"))
                or block.language in RUNNABLE
            ):
                assert known, f"{block.where}: unknown marker {block.marker}"
            if known:
                assert block.language in RUNNABLE, (
                    f"{block.where}: a marker on a {block.language} block"
                )


def test_commands_reach_only_loopback() -> None:
    url_host = re.compile(r"\b[a-z][a-z0-9+]*://([^/:\s\"'\\]+)")
    host_port = re.compile(r"(?<![\w@./-])([A-Za-z][\w.-]*|\d+\.\d+\.\d+\.\d+):\d{2,5}\b")
    for page in PAGES:
        for block in fenced_blocks(page):
            if block.runnable:
                for host in url_host.findall(block.code) + host_port.findall(block.code):
                    assert host in {"127.0.0.1", "localhost", "[::1]"}, f"{block.where}: {host}"


# ---- links ---------------------------------------------------------------------------------


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    text = page.read_text(encoding="utf-8")
    found = set(re.findall(r'<a id="([^"]+)"', text))
    seen: dict[str, int] = {}
    for heading in re.findall(r"^#{1,6} (.+)$", text_without_code(page), re.M):
        base = slug(heading)
        found.add(base if base not in seen else f"{base}-{seen[base]}")
        seen[base] = seen.get(base, 0) + 1
    return found


def test_links_between_pages_resolve() -> None:
    for page in [*PAGES, ROOT / "bench" / "results.md"]:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue  # http(s): the service's own pages, or the web
            path, _, anchor = target.partition("#")
            linked = (page.parent / path).resolve() if path else page
            assert linked.exists(), f"{page.relative_to(ROOT)}: {target} does not exist"
            if anchor and linked.suffix == ".md":
                assert anchor in anchors(linked), f"{page.relative_to(ROOT)}: no #{anchor} there"


def test_the_seed_is_defined_once_and_linked_where_used() -> None:
    assert "the-seed" in anchors(README)
    for page in PAGES[1:]:
        prose = text_without_code(page)
        if re.search(r"\bseeds?\b", prose, re.I):
            assert "README.md#the-seed" in prose, f"{page.relative_to(ROOT)} uses the seed unlinked"


# ---- running the pages' commands ------------------------------------------------------------

# The scratch directory links to every file of the repository but these, which a run writes or
# which would change the service's settings.
NOT_LINKED = {
    ".env",
    ".nox",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".fuzz",
    ".schemathesis",
}
BLOCK_SECONDS = 180  # a whole block, on a loaded 2-core machine
STARTUP_SECONDS = 120  # the service, started on a loaded 2-core machine
DOCUMENTED_PORT = re.compile(r"(?:127\.0\.0\.1:|localhost:|--port[ =])(\d{4,5})\b")


def scratch_directory(tmp_path: Path) -> Path:
    scratch = tmp_path / "checkout"
    scratch.mkdir()
    for entry in ROOT.iterdir():
        if entry.name not in NOT_LINKED and not re.search(r"\.db(-wal|-shm)?$", entry.name):
            (scratch / entry.name).symlink_to(entry)
    return scratch


def reader_environment(placeholders: dict[str, str]) -> dict[str, str]:
    """The test's environment without settings of its own, proxies or ORDERS_* variables."""
    drop = re.compile(r"ORDERS_.*|PROMETHEUS_MULTIPROC_DIR|.*_proxy|.*_PROXY")
    environment = {k: v for k, v in os.environ.items() if not drop.fullmatch(k)}
    return {**environment, "no_proxy": "127.0.0.1,localhost", **placeholders}


@dataclass
class Shell:
    """One bash fed block by block, as a reader pastes a page into one terminal: variables,
    functions and background jobs carry over from block to block."""

    cwd: Path
    environment: dict[str, str]
    output: Path
    errors: Path
    process: subprocess.Popen[bytes] = field(init=False)
    ran: int = 0

    def __post_init__(self) -> None:
        self.process = subprocess.Popen(
            ["bash", "--noprofile", "--norc"],
            cwd=self.cwd,
            env=self.environment,
            stdin=subprocess.PIPE,
            stdout=self.output.open("wb"),
            stderr=self.errors.open("wb"),
            start_new_session=True,  # its background jobs too: stopped together at the end
        )
        self.send("set -euo pipefail\n")

    def send(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text.encode())
        self.process.stdin.flush()

    def run(self, block: Block, code: str) -> tuple[str, str]:
        """Runs ``code`` (the block's, ports moved); returns what it printed, out and err."""
        self.ran += 1
        start, end = f"::start {self.ran}::", f"::end {self.ran}::"
        if block.language == "python":
            # The client is installed for buyers with pip; the test imports it from the checkout.
            code = f"PYTHONPATH=clients/python .venv/bin/python - <<'PYTHON'\n{code}PYTHON\n"
        # stdin from /dev/null: a command reading stdin would otherwise eat the next blocks.
        self.send(f"printf '{start}\\n'; printf '{start}\\n' >&2\n{{\n{code}}} </dev/null\n")
        self.send(f"printf '\\n{end}\\n'\n")
        deadline = time.monotonic() + BLOCK_SECONDS
        while end not in self.output.read_text(errors="replace"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                out, err = self.printed(start)
                reason = "timed out" if self.process.poll() is None else "failed"
                pytest.fail(
                    f"{block.where}: the block {reason}\n--- stdout\n{out}\n--- stderr\n{err}"
                )
            time.sleep(0.1)
        return self.printed(start)

    def printed(self, start: str) -> tuple[str, str]:
        out = self.output.read_text(errors="replace").split(start, 1)[-1]
        err = self.errors.read_text(errors="replace").split(start, 1)[-1]
        return out.split("::end", 1)[0].strip("\n"), err

    def close(self) -> None:
        """Ends the shell and every job it left running (the services a page started)."""
        if self.process.stdin:
            self.process.stdin.close()
        deadline = time.monotonic() + 30
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            while time.monotonic() < deadline:
                self.process.poll()
                os.killpg(self.process.pid, 0)  # ProcessLookupError once all have exited
                time.sleep(0.1)
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=30)


@dataclass
class Service:
    """The service the docs talk to on 127.0.0.1:8080, served on a free port by the test."""

    database_url: str
    log: Path
    port: int
    server: servers.Server | None = None

    def start(self) -> None:
        self.server = servers.start(
            self.database_url, self.log, port=self.port, timeout=STARTUP_SECONDS
        )

    def stop(self) -> None:
        if self.server is not None:
            servers.stop(self.server)
            self.server = None

    def calls_since(self, offset: int) -> list[tuple[str, int]]:
        """(operation id, status) of each request logged after ``offset`` bytes of the log."""
        with self.log.open("rb") as log:
            log.seek(offset)
            lines = log.read().decode(errors="replace").splitlines()
        return access_lines(lines)


def access_lines(lines: list[str]) -> list[tuple[str, int]]:
    calls = []
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and "operation_id" in record and "status" in record:
            calls.append((record["operation_id"], int(record["status"])))
    return calls


@dataclass
class PageRun:
    """A page's blocks, run: what each printed, and the service's requests during each."""

    page: Path
    scratch: Path
    shell: Shell
    service: Service | None
    placeholders: dict[str, str]
    postgres_url: str | None
    printed: list[tuple[Block, str, str]] = field(default_factory=list)
    calls: list[tuple[str, int]] = field(default_factory=list)
    ports: dict[int, int] = field(default_factory=dict)

    def moved(self, code: str) -> str:
        """The block's code with each documented port moved to the test's."""
        return re.sub(r"\b(\d{4,5})\b", lambda m: str(self.ports.get(int(m[1]), m[1])), code)

    def run(self, block: Block, *, restart: bool = True) -> tuple[str, str]:
        """Runs the block; a ``service stopped`` one with the service stopped, started again
        after it unless ``restart`` is false (the caller starts it)."""
        stopped = block.marker == SERVICE_STOPPED and self.service is not None
        if stopped:
            assert self.service is not None
            self.service.stop()
        offset = self.service.log.stat().st_size if self.service else 0
        out, err = self.shell.run(block, self.moved(block.code))
        if self.service is not None:
            self.calls += self.service.calls_since(offset)
        if stopped and restart:
            assert self.service is not None
            self.service.start()
        self.printed.append((block, out, err))
        return out, err

    def output_of(self, language: str, containing: str) -> str:
        for block, out, _ in self.printed:
            if block.language == language and containing in block.code:
                return out
        raise AssertionError(f"no {language} block runs {containing!r}")


# ---- placeholders: values a page's commands name but do not make ----------------------------


def revokable_token(database_url: str) -> str:
    """$TOKEN_ID: the id of a token in the page's service for the page to revoke."""
    issued, _ = TokenStore(make_engine(database_url)).issue("Revokable", "buyer")
    return issued.id


@contextlib.contextmanager
def postgres_database(server: str) -> Iterator[str]:
    """A new database on the tests' PostgreSQL server, migrated, with one token in it."""
    admin = make_url(server).set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"docs_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    migrate(engine)
    TokenStore(engine).issue("Verizon", "buyer")
    engine.dispose()
    try:
        yield url
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_tool_url(sqlalchemy_url: str) -> str:
    """$PGURL: the database's URL as PostgreSQL's own tools take it (no +psycopg)."""
    return (
        make_url(sqlalchemy_url).set(drivername="postgresql").render_as_string(hide_password=False)
    )


# ---- what each page's commands must have done -----------------------------------------------


def token_parties(database_url: str) -> dict[str, bool]:
    """Each party's tokens in the database: live (True) or all revoked (False)."""
    parties: dict[str, bool] = {}
    for token in TokenStore(make_engine(database_url)).listed():
        parties[token.party] = parties.get(token.party, False) or token.revoked_at is None
    return parties


def readme_checks(run: PageRun) -> None:
    assert run.calls == [
        ("readyz", 200),
        ("createOrder", 201),
        ("getOrder", 200),
        ("holdOrder", 201),
        ("listOrderNotifications", 200),
        ("getOrder", 404),
        ("metrics", 200),
    ]
    assert 'orders_api_requests_total{method="POST",operation_id="holdOrder",status="201"} 1.0' in (
        run.output_of("sh", "/metrics")
    )


def buyers_checks(run: PageRun) -> None:
    # The wait for the seller's confirmation polls until it answers 200 (404 before).
    polls = list(itertools.takewhile(lambda c: c[1] == 404, run.calls[5:]))
    assert set(polls) <= {("getLatestOrderNotification", 404)}, polls
    assert run.calls[:5] + run.calls[5 + len(polls) :] == [
        ("createOrder", 201),
        ("getOrder", 200),
        ("listOrders", 200),  # ?id=
        ("listOrders", 200),  # ?pon=
        ("listOrders", 200),
        ("getLatestOrderNotification", 200),  # the seller confirmed it
        ("getOrder", 200),  # its ETag
        ("updateOrder", 200),
        ("patchOrder", 200),
        ("listOrderRevisions", 200),
        ("holdOrder", 201),
        ("releaseOrder", 201),
        ("cancelOrder", 201),
        ("holdOrder", 409),
        ("listOrderNotifications", 200),
        ("getLatestOrderNotification", 200),
        ("listOrders", 200),  # Sonata's filters
        ("createHub", 422),  # not https
        ("createHub", 422),  # loopback
        ("listHubs", 200),
        ("getOrder", 200),  # the Python client
    ]
    python = run.output_of("python", "get_order")
    assert python.endswith(" CANCELLED"), python
    received = run.output_of("sh", "received")
    assert "CONFIRMATION" in received and "STATUS_CHANGE" in received
    assert "x-total-count: 1" in run.output_of("sh", "orderDate.gt").lower()
    buyer = access_lines((run.scratch / "buyer.log").read_text().splitlines())
    # The seller's two, and the rig's hold: not its confirmation, which the hub did not ask for.
    assert buyer.count(("createOrderNotification", 201)) == 3, buyer
    hub = run.output_of("sh", "eventType=STATUS_CHANGE")
    assert "only the status change was delivered" in hub and hub.rstrip().endswith("204"), hub
    rig = access_lines((run.scratch / "rig.log").read_text().splitlines())
    assert ("createHub", 201) in rig and ("deleteHub", 204) in rig, rig
    seller = access_lines((run.scratch / "seller.log").read_text().splitlines())
    assert [call for call in seller if call[0] != "readyz"] == [
        ("createOrder", 201),
        ("holdOrder", 201),
    ]


def operators_checks(run: PageRun) -> None:
    assert run.service is not None
    # Waiting for the confirmation: 404 until the seller has processed the order.
    polls = [status for name, status in run.calls if name == "getLatestOrderNotification"]
    assert polls[-1] == 200 and set(polls) <= {200, 404}, polls
    assert [call for call in run.calls if call[0] != "getLatestOrderNotification"] == [
        ("healthz", 200),
        ("readyz", 200),
        ("metrics", 200),
        ("healthz", 200),
        # Running an order to its end, as the seller.
        ("createOrder", 201),
        ("addOrderItemMilestone", 201),
        ("reportOrderJeopardy", 201),
        ("completeOrderItem", 201),
        ("failOrderItem", 201),
        ("completeOrder", 409),
        ("listOrderNotifications", 200),
    ]
    printed = run.output_of("sh", "notifications?limit=10")
    # The last command's answer: the list envelope (curl -s prints no newline between answers).
    moves = json.loads(printed[printed.rindex('{"link"') :])
    assert [n["notificationType"] for n in moves["items"]] == [
        "COMPLETION",
        "STATUS_CHANGE",
        "STATUS_CHANGE",
        "JEOPARDY",
        "CONFIRMATION",
    ]
    assert moves["items"][1]["orderStatus"] == "PARTIAL"
    assert "x-request-id: ticket-4711" in run.output_of("sh", "X-Request-ID").lower()
    assert f"revoked {run.placeholders['TOKEN_ID']}" in run.output_of("sh", "token revoke")
    assert run.output_of("sh", "integrity_check").strip() == "ok"
    sqlite, postgres = run.service.database_url, run.postgres_url
    assert postgres is not None
    # The restores once more, after a write the backups do not hold: it must be gone again.
    for url in (sqlite, postgres):
        TokenStore(make_engine(url)).issue("After-The-Backup", "buyer")
        assert "After-The-Backup" in token_parties(url)
    for block in [b for b, _, _ in run.printed if b.marker == SERVICE_STOPPED]:
        run.run(block, restart=False)
    run.service.start()
    for url in (sqlite, postgres):
        parties = token_parties(url)
        assert "After-The-Backup" not in parties and parties["Verizon"], parties
    assert token_parties(sqlite)["Revokable"] is False  # revoked before the backup
    assert httpx.get(f"{run.service.server.url}/readyz").status_code == 200  # type: ignore[union-attr]


def api_designers_checks(run: PageRun) -> None:
    # The gate compared the spec with its git base: no change here, a changelog on a branch
    # that changes the spec (the block's exit status says it passed).
    breaking = run.output_of("sh", "nox -s breaking")
    assert "No changes to the API." in breaking or "Compared with " in breaking, breaking
    mock = run.output_of("sh", "--mock")
    assert '"id": "ORD-' in mock or '"id":"ORD-' in mock
    assert '"status":400' in mock.replace(" ", "")


def developers_checks(run: PageRun) -> None:
    listed = run.output_of("sh", "nox --list")
    for session in (
        "generate",
        "check",
        "breaking",
        "speclint",
        "lint",
        "typecheck",
        "tests",
        "quick",
    ):
        assert f" {session} " in listed or f" {session}\n" in listed, session
    worker = run.output_of("sh", "bench.worker")
    assert "200 orders processed ({'IN_PROGRESS': 200}): CPU per order median " in worker, worker
    framework = run.output_of("sh", "--framework-only").splitlines()
    assert any(
        line.startswith("us post (framework only): ")
        and line.endswith("; orders written while measured: 0")
        for line in framework
    ), framework
    split = run.output_of("sh", "--split")
    assert "post, CPU µs per request, median of 3 rounds:" in split, split
    for app in ("us", "fastapi"):
        assert any(
            line.startswith(f"  {app}: ") and line.endswith(" the rest (domain and storage)")
            for line in split.splitlines()
        ), split
    assert "; with a framework that cost nothing at most " in split, split
    assert split.rstrip().endswith("orders written while the domain was replayed: 0"), split


def shown_answers(run: PageRun) -> None:
    """Each ``text`` block right after a command block holds lines that command printed, in
    order (other lines may come between them)."""
    blocks = fenced_blocks(run.page)
    printed = {block.line: out for block, out, _ in run.printed}
    for command, answer in itertools.pairwise(blocks):
        if command.runnable and answer.language == "text":
            remaining = iter(printed[command.line].splitlines())
            for line in answer.code.splitlines():
                assert any(out.rstrip() == line for out in remaining), (
                    f"{answer.where}: {line!r} not printed by {command.where}:\n"
                    f"{printed[command.line]}"
                )


def new_service_checks(run: PageRun) -> None:
    shown_answers(run)
    assert '{"id":0,"name":"x"}' in run.output_of("sh", "--mock")
    assert run.output_of("sh", "pytest -q").splitlines()[-1].startswith("7 passed")
    regenerated = run.output_of("sh", "--check")
    assert regenerated.endswith("generated/ and docs/api.md are up to date."), regenerated


PAGE_CHECKS: dict[str, Callable[[PageRun], None]] = {
    "README.md": readme_checks,
    "docs/buyers.md": buyers_checks,
    "docs/operators.md": operators_checks,
    "docs/api-designers.md": api_designers_checks,
    "docs/developers.md": developers_checks,
    "docs/new-service.md": new_service_checks,
}
RUN_PAGES = [p for p in PAGES if any(b.runnable for b in fenced_blocks(p))]


def test_every_page_check_is_of_a_page_whose_commands_run() -> None:
    """A page's commands must succeed; these pages' are also checked for what they did."""
    assert set(PAGE_CHECKS) <= {str(p.relative_to(ROOT)) for p in RUN_PAGES}


def runnable_code(page: Path) -> str:
    return "".join(b.code for b in fenced_blocks(page) if b.runnable)


def run_page(page: Path, tmp_path: Path, postgres_server: str | None) -> None:
    """Runs the page's blocks in order in one shell, then checks what they did."""
    code = runnable_code(page)
    scratch = scratch_directory(tmp_path)
    ports = {int(p): free_port() for p in DOCUMENTED_PORT.findall(code)}
    with contextlib.ExitStack() as cleanup:
        service = None
        if SERVICE_PORT in ports:
            database = f"sqlite:///{scratch / 'orders.db'}"
            service = Service(database, tmp_path / "service.log", ports[SERVICE_PORT])
            cleanup.callback(service.stop)
            service.start()
        placeholders, postgres_url = {}, None
        if "$PGURL" in code:
            assert postgres_server is not None
            postgres_url = cleanup.enter_context(postgres_database(postgres_server))
            placeholders["PGURL"] = pg_tool_url(postgres_url)
        if "$TOKEN_ID" in code:
            assert service is not None, "$TOKEN_ID is a token of the service on 8080"
            placeholders["TOKEN_ID"] = revokable_token(service.database_url)
        environment = reader_environment(placeholders)
        shell = Shell(scratch, environment, tmp_path / "out", tmp_path / "err")
        cleanup.callback(shell.close)
        run = PageRun(page, scratch, shell, service, placeholders, postgres_url, ports=ports)
        for block in fenced_blocks(page):
            if block.runnable:
                run.run(block)
        check = PAGE_CHECKS.get(str(page.relative_to(ROOT)))
        if check is not None:
            check(run)
        server_errors = [call for call in run.calls if call[1] >= 500]
        assert not server_errors, server_errors


# Pages run side by side: most of their time is spent waiting for processes they start.
PAGES_AT_ONCE = 2


@pytest.fixture(scope="module")
def page_runs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[Path, Future[None]]]:
    """Every selected page's run, started together; each test waits for its own page."""
    selected: list[Path] = []
    for item in request.session.items:
        if isinstance(item, pytest.Function) and item.originalname == "test_page_commands_run":
            page = item.callspec.params["page"]
            assert isinstance(page, Path)
            selected.append(page)
    # The pages that start the most processes first, so that the slowest does not start last.
    selected.sort(key=lambda page: -runnable_code(page).count(".venv/bin/"))
    postgres_server = None
    if any("$PGURL" in runnable_code(page) for page in selected):
        postgres_server = request.getfixturevalue("postgres_server")
    with ThreadPoolExecutor(max_workers=PAGES_AT_ONCE) as pool:
        yield {
            page: pool.submit(run_page, page, tmp_path_factory.mktemp(page.stem), postgres_server)
            for page in selected
        }


@pytest.mark.parametrize("page", RUN_PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_commands_run(page: Path, page_runs: dict[Path, Future[None]]) -> None:
    page_runs[page].result()
