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

# Loaded at collection time, as schemathesis parametrizes one test per operation.
DATABASE = Path(tempfile.mkdtemp(prefix="orders-fuzz-")) / "orders.db"
APP = create_app(Settings(database_url=f"sqlite:///{DATABASE}", validate_responses=True))
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            # Schema-valid requests may still break a business rule, documented per operation:
            # 404 unknown order, 409 state or version conflict, 412 stale If-Match,
            # 422 (PON changed, path/body orderId mismatch, no such calendar date).
            "positive_data_acceptance": {"expected-statuses": ["2xx", "404", "409", "412", "422"]}
        }
    }
)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP, config=CONFIG)


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_generated_requests(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate()
