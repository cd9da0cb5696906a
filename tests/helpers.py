"""What the tests share: the project's paths, the seed's examples, requests that set a test up,
and the assertions more than one module makes. Test modules import from here (and from the
support modules servers, postgres, specfirst_support, memory_storage), never from each other."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import httpx
from jsonschema import Draft4Validator

from app.domain.parties import BUYER, SELLER, Party
from app.handlers.orders import OrderHandlers
from generated import models
from specfirst.document import load_spec
from specfirst.security import Caller

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
SEEDS = TESTS / "seeds"
DOCS_EXAMPLES = ROOT / "docs" / "examples"
PUBLIC_URL = "http://orders.test"
# A callback the hub accepts without resolving a name (an https URL on a public IP literal).
# Nothing is ever sent to it: the tests that register it run no delivery worker.
PUBLIC_CALLBACK = "https://8.8.8.8/buyer-api"
PROBLEM_JSON = "application/problem+json"


# ---- the seed ([the seed](README.md#the-seed)) -----------------------------------------------
def seed_examples(name: str) -> list[Any]:
    """The JSON examples of a seed document, in order (the one trailing comma removed)."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    blocks = re.findall(r"``` ?JSON\n(.*?)```", text, re.S)
    return [json.loads(re.sub(r",(\s*[}\]])", r"\1", block)) for block in blocks]


ORDER_SEED = seed_examples("000_e9501ffeaccc0a3d.txt")
NOTIFICATION_SEED = seed_examples("003_3edf6da8d41d1c1f.txt")
CREATE_REQUEST = ORDER_SEED[2]
UPDATE_REQUEST = ORDER_SEED[4]


def docs_example(name: str) -> Any:
    """A JSON example of docs/examples/ (``order.json``, ...)."""
    return json.loads((DOCS_EXAMPLES / name).read_text(encoding="utf-8"))


# ---- the domain on its own (tests/unit: an in-memory unit of work) ----------------------------
EXAMPLE_ORDER = docs_example("order.json")
VERIZON = Party("Verizon", BUYER)  # the seed's buyer
COX = Party("Cox Spectrum Business", SELLER)  # the seed's seller


def order_href(order_id: str) -> str:
    """An order's link, as the handlers make it."""
    return f"{PUBLIC_URL}/orders/{order_id}"


def later(days: int) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat(timespec="minutes")


def upcoming(**changes: Any) -> dict[str, Any]:
    """The seed's create request, dated so that the seller's date checks pass."""
    return {
        **copy.deepcopy(CREATE_REQUEST),
        "orderDate": later(0),
        "requestedCompletionDate": later(60),
        **changes,
    }


# ---- requests that set a test up -------------------------------------------------------------
# The fields of an order item the seller keeps beside the buyer's.
SELLER_ITEM_FIELDS = ("state", "stateChanges", "milestones")


def buyer_items(order: dict[str, Any]) -> list[dict[str, Any]]:
    """The order's items as the buyer sent them: without their states and milestones."""
    return [
        {k: v for k, v in item.items() if k not in SELLER_ITEM_FIELDS}
        for item in order["orderItems"]
    ]


def create_order(client: httpx.Client, **changes: Any) -> dict[str, Any]:
    """Creates the seed's order (with ``changes``) and returns the response document."""
    response = client.post("/orders", json={**CREATE_REQUEST, **changes})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


@dataclass(frozen=True)
class LiveService:
    url: str
    token: str  # Verizon's, the seed's buyer


class Crashing(OrderHandlers):
    """The order handlers with a get_order that fails with a secret in its message."""

    def get_order(self, *, caller: Caller, id_: str) -> models.Order:
        raise RuntimeError("secret internals")


# ---- assertions ------------------------------------------------------------------------------
def assert_problem(
    response: httpx.Response,
    status: int,
    *,
    pointer: str | None = None,
    parameter: str | None = None,
    detail_contains: str | tuple[str, ...] | None = None,
) -> dict[str, Any]:
    """``response`` is an RFC 9457 problem with ``status``; with ``pointer`` or ``parameter``, one
    of its ``errors`` names that field; with ``detail_contains``, its detail says each fragment.
    Returns the problem body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_JSON, response.headers
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"], body
    assert body["type"] == "about:blank", body
    errors = body.get("errors", [])
    if pointer is not None:
        assert pointer in [e.get("pointer") for e in errors], body
    if parameter is not None:
        assert parameter in [e.get("parameter") for e in errors], body
    fragments = (detail_contains,) if isinstance(detail_contains, str) else detail_contains or ()
    for fragment in fragments:
        assert fragment in body["detail"], body
    return body


def assert_not_implemented(
    status: int, content_type: str, problem: dict[str, Any], operation_id: str
) -> None:
    """The answer of an operation the spec has and no handler implements yet."""
    assert status == 501, problem
    assert content_type == PROBLEM_JSON
    assert problem["status"] == 501 and problem["title"] == "Not Implemented"
    assert operation_id in problem["detail"]


@cache
def order_spec() -> dict[str, Any]:
    """The Order API spec, loaded once."""
    return load_spec(ROOT / "spec" / "openapi.yaml")


def schema_errors(name: str, document: Any) -> list[str]:
    """What the spec's schema ``name`` finds wrong with ``document`` (empty when it is valid)."""
    validator = Draft4Validator(
        {"components": order_spec()["components"], "$ref": f"#/components/schemas/{name}"},
        format_checker=Draft4Validator.FORMAT_CHECKER,
    )
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


# ---- mypy, as the project runs it ------------------------------------------------------------
def mypy(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """mypy as the project runs it (its config from ``cwd``), without a stale cache."""
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
    )


def mypy_errors(output: str) -> list[str]:
    """The ``error:`` lines of a mypy run (notes left out), each ``path:line: error: ...``."""
    return [line for line in output.splitlines() if ": error: " in line]
