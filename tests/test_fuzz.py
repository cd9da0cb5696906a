"""Schemathesis generates requests from the spec, valid and invalid: none may crash the server,
and every answer must conform to the spec (status, content type, body schema, headers)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from app.main import create_app
from app.settings import Settings
from tests.conftest import bearer

# Loaded at collection time, as schemathesis parametrizes one test per operation.
DATABASE = Path(tempfile.mkdtemp(prefix="orders-fuzz-")) / "orders.db"
URL = f"sqlite:///{DATABASE}"
APP = create_app(Settings(database_url=URL, validate_responses=True, worker=False))
# A buyer's token, and a seller's for the operations only a seller may call.
AUTH = {role: bearer(URL, party, role) for party, role in [("Verizon", "buyer"), ("Cox", "seller")]}
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            # Schema-valid requests may still break a business rule, documented per operation:
            # 404 unknown order, 409 state or version conflict, 412 stale If-Match,
            # 422 (PON changed, path/body orderId mismatch, no such calendar date), and 403 for
            # a buyer ordering or listing for another buyerId.
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "403", "404", "409", "412", "422"]
            }
        }
    }
)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP, config=CONFIG)


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_generated_requests(case: schemathesis.Case[Any]) -> None:
    roles = case.operation.definition.raw.get("x-roles", ["buyer"])
    case.call_and_validate(headers=AUTH["buyer" if "buyer" in roles else roles[0]])
