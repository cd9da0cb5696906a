"""Schemathesis generates requests from the spec, valid and invalid: none may crash the server,
and every answer must conform to the spec (status, content type, body schema, headers).

A fast run for the suite: each operation alone, and scenarios along the spec's links. The deep
run (thousands of cases against a real server, every check) is `nox -s fuzz` (tests/deep_fuzz.py);
both use tests/schemathesis.toml."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import Bundle, initialize
from schemathesis.config import SchemathesisConfig
from schemathesis.generation.stateful.state_machine import APIStateMachine, StepInput, StepOutput
from sqlmodel import SQLModel

from app.main import create_app
from app.settings import Settings
from app.storage.database import make_engine
from tests.helpers import upcoming
from tests.servers import bearer


def fuzzed(database_url: str) -> Settings:
    """The settings of a fuzzed app. Generated subscriptions (POST /hub) name any host: with
    private callbacks allowed the service does not resolve them (no DNS), and without its worker
    it delivers nothing. Traffic stays on this machine."""
    return Settings(
        database_url=database_url,
        validate_responses=True,
        worker=False,
        hub_allow_private_callbacks=True,
    )


# Loaded at collection time, as schemathesis parametrizes one test per operation.
DATABASE = Path(tempfile.mkdtemp(prefix="orders-fuzz-")) / "orders.db"
URL = f"sqlite:///{DATABASE}"
APP = create_app(fuzzed(URL))
CONFIG = SchemathesisConfig.from_path(Path(__file__).resolve().parents[1] / "schemathesis.toml")
schema = schemathesis.openapi.from_asgi("/openapi.json", APP, config=CONFIG)


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_generated_requests(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate(headers=credentials(URL, case))


TOKENS: dict[tuple[str, str], dict[str, str]] = {}


def credentials(database_url: str, case: schemathesis.Case[Any]) -> dict[str, str]:
    """A token of a role the operation admits: the seed buyer's, or a seller's."""
    roles = case.operation.definition.raw.get("x-roles", ["buyer"])
    role = "buyer" if "buyer" in roles else roles[0]
    key = (database_url, role)
    if key not in TOKENS:
        TOKENS[key] = bearer(database_url, "Verizon" if role == "buyer" else "Cox", role)
    return TOKENS[key]


# The operations the spec links from createOrder's 201 (by the new order's id).
LINKED_FROM_CREATE = {
    "GET /orders/{id}": "getOrder",
    "PUT /orders/{id}": "updateOrder",
    "PATCH /orders/{id}": "patchOrder",
    "POST /orders/{id}/hold": "holdOrder",
    "POST /orders/{id}/release": "releaseOrder",
    "POST /orders/{id}/cancel": "cancelOrder",
    "GET /orders/{id}/notifications": "listOrderNotifications",
    "POST /orders/{id}/complete": "completeOrder",
    "POST /orders/{id}/fail": "failOrder",
    "POST /orders/{id}/jeopardy": "reportOrderJeopardy",
    "POST /orders/{id}/items/{orderItemReference}/complete": "completeOrderItem",
    "POST /orders/{id}/items/{orderItemReference}/fail": "failOrderItem",
    "POST /orders/{id}/items/{orderItemReference}/milestones": "addOrderItemMilestone",
    "GET /orders/{id}/revisions": "listOrderRevisions",
    "GET /orders": "listOrders",
}
# The operations the spec links from createHub's 201 (by the new subscription's id).
LINKED_FROM_HUB = {
    "GET /hub/{id}": "getHub",
    "DELETE /hub/{id}": "deleteHub",
    "GET /hub": "listHubs",
}
# Scenarios per database: a few in the suite, many in the deep run (tests/deep_fuzz.py).
STATEFUL_EXAMPLES = int(os.environ.get("ORDERS_FUZZ_STATEFUL_EXAMPLES", "25"))
MAX_ROUNDS = 16
# Answers given before the order is looked up (refused request or credential), or not found.
NOT_REACHED = {400, 401, 403, 404}
# Scenarios are generated, not shrunk or replayed from a database of examples: the service's
# state makes a replay differ anyway, and the failure report shows the calls that failed.
# Not derandomized, even where Hypothesis' CI profile is (CI=true): each round must draw new
# scenarios, or rounds after the first repeat it and never reach what it missed.
STATEFUL_SETTINGS = settings(
    derandomize=False,
    phases=[Phase.generate],
    stateful_step_count=6,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def order_scenarios(database_url: str) -> tuple[type[APIStateMachine], Counter[tuple[str, int]]]:
    """Schemathesis' state machine over the app on ``database_url``, and the answers it got
    (operation, status). Every scenario starts on an empty database with one new order."""
    app = create_app(fuzzed(database_url))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)
    create = schema["/orders"]["POST"]
    subscribe = schema["/hub"]["POST"]
    engine = make_engine(database_url)
    answers: Counter[tuple[str, int]] = Counter()

    class OrderScenarios(schema.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            # Hypothesis replays scenarios; each must find the database as the first one did.
            with engine.begin() as connection:
                for table in reversed(SQLModel.metadata.sorted_tables):
                    if table.name != "api_tokens":  # the callers stay
                        connection.execute(table.delete())

        @initialize(target=Bundle("new orders"))
        def create_an_order(self) -> StepOutput:
            """Besides the generated creates (mostly refused: random dates are rarely real
            ones), every scenario gets one order that exists, for the links to follow."""
            # Dated ahead and in a project, so that the link to the project's list (ordered
            # before the requested completion date) finds it.
            body = upcoming(projectId="PRJ-FUZZ", buyerPurchaseOrderNumber=f"PO-{uuid.uuid4().hex}")
            case = create.Case(body=body, media_type="application/json")
            self.recorder.record_case(case=case)
            output: StepOutput = self.step(StepInput.initial(case))
            assert output.response.status_code == 201, output.response.text
            return output

        @initialize(target=Bundle("new hubs"))
        def create_a_hub(self) -> StepOutput:
            """And one subscription that exists (on loopback, allowed here; nothing is sent)."""
            body: dict[str, Any] = {
                "callback": "http://127.0.0.1:9/buyer",
                "query": "eventType=COMPLETION",
            }
            case = subscribe.Case(body=body, media_type="application/json")
            self.recorder.record_case(case=case)
            output: StepOutput = self.step(StepInput.initial(case))
            assert output.response.status_code == 201, output.response.text
            return output

        def get_call_kwargs(self, case: schemathesis.Case[Any]) -> dict[str, Any]:
            return {"headers": credentials(database_url, case)}

        def after_call(self, response: Any, case: schemathesis.Case[Any]) -> None:
            answers[case.operation.label, response.status_code] += 1
            super().after_call(response, case)

    return OrderScenarios, answers


def test_stateful_scenarios(database_url: str) -> None:
    """Schemathesis' state machine chains calls along the spec's links: create an order, then
    get, update, patch, hold, release, cancel it, list its notifications and revisions and the
    orders of its project, and the seller's moves (complete, fail, jeopardy; an item's
    complete, fail, milestones); subscribe, then get and delete the subscription; in any order,
    valid and invalid, each answer checked as above plus the stateful checks (an order just
    created can be fetched). On both databases."""
    machine, answers = order_scenarios(database_url)
    rules = " ".join(dir(machine))
    for source, linked in (("orders", LINKED_FROM_CREATE), ("hub", LINKED_FROM_HUB)):
        for operation_id in linked.values():
            assert f"POST_{source}___201_{operation_id}__" in rules, (
                f"POST /{source}'s 201 has no link to {operation_id}"
            )
    # Scenarios are random: whether a few of them follow every link is luck. They run in
    # rounds until each linked operation met an order that exists, or fail after
    # MAX_ROUNDS rounds; the deep run (tests/deep_fuzz.py) sets the scenarios per round.
    for _ in range(MAX_ROUNDS):
        machine.run(settings=settings(STATEFUL_SETTINGS, max_examples=STATEFUL_EXAMPLES))
        if not unmet(answers):
            break
    print(f"\nstateful: {answers.total()} calls: {dict(answers)}")
    assert not unmet(answers), (
        f"{unmet(answers)} never reached an existing order: {sorted(answers.items())}"
    )


def unmet(answers: Counter[tuple[str, int]]) -> list[str]:
    """The linked operations that have not yet met an order that exists: an answer past the
    credential and request checks that is not a 404."""
    return [
        label
        for label in {**LINKED_FROM_CREATE, **LINKED_FROM_HUB}
        if not any(op == label and status not in NOT_REACHED for (op, status) in answers)
    ]
