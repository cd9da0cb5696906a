"""The orders contract is exact: a request the spec admits is one the service accepts, but for
the false positives named, with their reasons, in docs/contract.md.

- Stock Schemathesis, its command line in the default configuration (run in an empty folder, so
  no configuration file is found) with every check, against the real service (uvicorn) on each
  database: with the seed buyer's token over the operations a buyer calls, with a seller's over
  the two a seller calls (each role is answered 403 by the other's). Bounded by
  ``--max-examples``; its coverage phase (every schema's boundary values, where year 0, NUL and
  nulled merge-patch fields were found) runs whole. No failure but the named false positives.
- Schemathesis' generator, in process, many requests per operation: each schema-valid request
  is accepted, once the fields behind a false positive are given the values the service needs.
  Its random search finds what the command line finds by chance in a bounded run.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from starlette.testclient import TestClient

from tests.helpers import create_order
from tests.servers import ROOT, bearer, running

ST = Path(sys.executable).with_name("st")
REPORTS = Path(__file__).parent / "contract"
MAX_EXAMPLES = 10
# The operations only a seller calls: the seller's run tests them, the buyer's run the others.
SELLER_OPERATIONS = "^createOrderNotification"
BUYER_LABELS = {
    "GET /orders",
    "POST /orders",
    "GET /orders/{id}",
    "PUT /orders/{id}",
    "PATCH /orders/{id}",
    "GET /orders/{id}/revisions",
    "POST /orders/{id}/cancel",
    "POST /orders/{id}/hold",
    "POST /orders/{id}/release",
    "GET /orders/{id}/notifications",
    "GET /orders/{id}/notification",
    "GET /hub",
    "POST /hub",
    "GET /hub/{id}",
    "DELETE /hub/{id}",
}
# Generated subscriptions (POST /hub) name any host: with private callbacks allowed the service
# resolves none of them (no DNS), and without its worker it delivers to none. Traffic stays on
# this machine.
SERVICE_ENV = {"ORDERS_HUB_ALLOW_PRIVATE_CALLBACKS": "true", "ORDERS_WORKER": "false"}
SELLER_LABELS = {"POST /orders/{id}/notifications", "POST /orders/{id}/notification"}
REJECTED_POSITIVE_DATA = "ST202"  # "Schema-valid request rejected" (positive_data_acceptance)


@dataclass(frozen=True)
class FalsePositive:
    """A schema-valid request the service rightly refuses for a reason no schema can state,
    recognised by its operation, status and problem detail."""

    name: str
    operations: re.Pattern[str]
    status: int
    detail: re.Pattern[str]


# Each is explained in docs/contract.md, under the same name.
FALSE_POSITIVES = (
    FalsePositive(
        "an If-Match that is not the order's ETag",
        re.compile(r"(PUT|PATCH) /orders/\{id\}|POST /orders/\{id\}/(cancel|hold|release)"),
        412,
        re.compile(r'If-Match .* does not match the order\'s ETag ".*"', re.S),
    ),
    FalsePositive(
        "a supplement that changes the order's identity",
        re.compile(r"PUT /orders/\{id\}"),
        422,
        re.compile(r"(buyerId|buyerPurchaseOrderNumber) must stay .*, the original order's", re.S),
    ),
    FalsePositive(
        "a callback that is no base URL",
        re.compile(r"POST /hub"),
        422,
        re.compile(r"1 validation error: /callback: .*", re.S),
    ),
    FalsePositive(
        "a query other than Sonata's eventType",
        re.compile(r"POST /hub"),
        422,
        re.compile(r"1 validation error: /query: .*", re.S),
    ),
    FalsePositive(
        "a notification of another order than the path's",
        re.compile(r"POST /orders/\{id\}/notifications?"),
        422,
        re.compile(r"orderId .* is not the order of the path, .*", re.S),
    ),
)


@dataclass(frozen=True)
class Failure:
    """One failing test case of a Schemathesis report."""

    operation: str
    codes: frozenset[str]  # the checks that failed, e.g. ST202 (or "error")
    status: int | None  # of the response that failed them
    detail: str  # the problem's detail, when the response shows a whole one
    text: str  # as Schemathesis wrote it

    def false_positive(self) -> str | None:
        """The name of the false positive this failure is; None when it is a real one."""
        if self.codes != {REJECTED_POSITIVE_DATA}:
            return None
        for known in FALSE_POSITIVES:
            if (
                known.operations.fullmatch(self.operation)
                and self.status == known.status
                and known.detail.fullmatch(self.detail)
            ):
                return known.name
        return None


CASE = re.compile(r"^\d+\. Test Case ID: ", re.M)
CHECK = re.compile(r"^- (ST\d+) ", re.M)
STATUS = re.compile(r"^\[(\d{3})\] [^\n]*:\n", re.M)


def _detail(text: str, status: re.Match[str] | None) -> str:
    """The ``detail`` of the problem shown after the status line; '' when none is shown whole."""
    if status is None:
        return ""
    shown = text[status.end() :].split("\nReproduce with:", 1)[0].strip()
    try:
        body = json.loads(shown.removeprefix("`").removesuffix("`"))
    except json.JSONDecodeError:
        return ""
    return str(body.get("detail", "")) if isinstance(body, dict) else ""


def failures_in(report: Path) -> tuple[list[Failure], set[str], set[str]]:
    """Every failing test case of a Schemathesis JUnit report (an error counts as one), the
    operations it names and those it skipped."""
    failures, named, skipped = [], set(), set()
    for case in ET.parse(report).getroot().iter("testcase"):
        operation = case.get("name", "")
        named.add(operation)
        if case.find("skipped") is not None:
            skipped.add(operation)
        for outcome in [*case.iter("failure"), *case.iter("error")]:
            text = outcome.text or outcome.get("message") or ""
            for part in CASE.split(text)[1:] or [text]:
                status = STATUS.search(part)
                failures.append(
                    Failure(
                        operation=operation,
                        codes=frozenset(CHECK.findall(part)) or frozenset({outcome.tag}),
                        status=int(status.group(1)) if status else None,
                        detail=_detail(part, status),
                        text=part,
                    )
                )
    return failures, named, skipped


def verdict(report: Path, expected: set[str]) -> tuple[list[Failure], Counter[str]]:
    """The real failures of a report, and how often it met each false positive. Every
    ``expected`` operation must have been tested (none skipped)."""
    failures, named, skipped = failures_in(report)
    assert expected <= named - skipped, f"not tested: {sorted(expected - (named - skipped))}"
    real = [f for f in failures if f.false_positive() is None]
    met = Counter(name for f in failures if (name := f.false_positive()) is not None)
    return real, met


def run_schemathesis(url: str, token: dict[str, str], folder: Path, selection: str) -> Path:
    """`st run URL/openapi.json --checks all`, bounded, from ``folder`` (where no configuration
    file is); its JUnit report. Its exit code says nothing here: the false positives make it 1."""
    report = folder / "junit.xml"
    command = [
        *(str(ST), "run", f"{url}/openapi.json", "--checks=all"),
        f"--max-examples={MAX_EXAMPLES}",
        f"--header=Authorization: {token['Authorization']}",
        selection,
        *("--report=junit", f"--report-junit-path={report}"),
        # Whole response bodies in the report, so that each problem's detail can be read.
        "--output-truncate=false",
    ]
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    (folder / "output.txt").write_text(result.stdout + result.stderr, encoding="utf-8")
    assert report.exists(), f"no report from {' '.join(command)}:\n{result.stdout}{result.stderr}"
    return report


def test_stock_schemathesis_finds_no_schema_valid_request_refused(
    database_url: str, tmp_path: Path
) -> None:
    with running(database_url, tmp_path / "server.log", env=SERVICE_ENV) as server:
        for role, party, labels, selection in (
            ("buyer", "Verizon", BUYER_LABELS, "--exclude-operation-id-regex"),
            ("seller", "Cox", SELLER_LABELS, "--include-operation-id-regex"),
        ):
            token = bearer(database_url, party, role)
            folder = tmp_path / role
            report = run_schemathesis(server.url, token, folder, f"{selection}={SELLER_OPERATIONS}")
            real, met = verdict(report, labels)
            print(f"\n{role}: false positives met: {dict(met)}")
            shown = "\n\n".join(f"{f.operation}: {f.text}" for f in real)
            assert not real, f"{shown}\n\n(the whole run: {folder / 'output.txt'})"


# ---- reading a report ----------------------------------------------------------------------
def test_the_reports_from_before_the_contract_was_exact_fail() -> None:
    """Stock Schemathesis' reports on the service before its spec was made exact (the buyer's
    run and the seller's, all operations, default configuration): the rejections the spec
    caused are real failures; the false positives are recognised, and only they."""
    buyer, buyer_met = verdict(REPORTS / "before-buyer.junit.xml", set())
    seller, seller_met = verdict(REPORTS / "before-seller.junit.xml", set())
    assert sorted((f.operation, f.status) for f in [*buyer, *seller]) == [
        ("PATCH /orders/{id}", 422),  # a merge patch nulling the fields every order has
        ("PATCH /orders/{id}", 422),  # a NUL (in a key of a value the patch left untyped)
        ("POST /orders", 422),  # year 0
        ("POST /orders/{id}/notification", 422),  # a NUL (validated before the role: 403)
        ("PUT /orders/{id}", 422),  # a NUL
    ]
    assert buyer_met == {"an If-Match that is not the order's ETag": 4}
    assert seller_met == {"a notification of another order than the path's": 2}


@pytest.mark.parametrize(
    ("tag", "text", "codes"),
    [
        (
            "failure",
            "1. Test Case ID: x\n\n- ST100 Server error\n\n[500] Error:\n\n    `{}`",
            "ST100",
        ),
        ("failure", "1. Test Case ID: x\n\n- ST202 Schema-valid request rejected\n", "ST202"),
        ("error", "Connection refused", "error"),
    ],
)
def test_any_other_failure_or_an_error_is_real(
    tmp_path: Path, tag: str, text: str, codes: str
) -> None:
    report = tmp_path / "junit.xml"
    case = ET.Element("testcase", {"name": "PUT /orders/{id}"})
    ET.SubElement(case, tag, {"message": codes}).text = text
    ET.ElementTree(case).write(report)
    failures, named, _ = failures_in(report)
    assert named == {"PUT /orders/{id}"}
    assert [(f.codes, f.false_positive()) for f in failures] == [(frozenset({codes}), None)]


# ---- schema-valid requests, generated in process ---------------------------------------------
GENERATED = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def spec() -> Any:
    return schemathesis.openapi.from_path(ROOT / "spec" / "openapi.yaml")


def generated_body(data: st.DataObject, spec: Any, path: str, method: str) -> tuple[Any, str]:
    """A request body the spec admits for the operation, and its media type."""
    case = data.draw(spec[path][method].as_strategy(GenerationMode.POSITIVE), label=method)
    return case.body, case.media_type


@GENERATED
@given(data=st.data())
def test_every_schema_valid_merge_patch_is_accepted(
    client: TestClient, spec: Any, data: st.DataObject
) -> None:
    order = create_order(client, buyerPurchaseOrderNumber=f"PO-{uuid.uuid4().hex}")
    patch, media_type = generated_body(data, spec, "/orders/{id}", "PATCH")
    response = client.patch(
        f"/orders/{order['id']}", content=json.dumps(patch), headers={"content-type": media_type}
    )
    assert response.status_code == 200, (patch, response.text)


@GENERATED
@given(data=st.data())
def test_every_schema_valid_order_is_accepted(
    client: TestClient, spec: Any, data: st.DataObject
) -> None:
    order, _ = generated_body(data, spec, "/orders", "POST")
    response = client.post("/orders", json={**order, "buyerId": "Verizon"})  # the caller's
    # 409: the buyerPurchaseOrderNumber is already another order's (the same drawn twice).
    assert response.status_code in (200, 201, 409), (order, response.text)


@GENERATED
@given(data=st.data())
def test_every_schema_valid_supplement_is_accepted(
    client: TestClient, spec: Any, data: st.DataObject
) -> None:
    order = create_order(client, buyerPurchaseOrderNumber=f"PO-{uuid.uuid4().hex}")
    supplement, _ = generated_body(data, spec, "/orders/{id}", "PUT")
    identity = {k: order[k] for k in ("buyerId", "buyerPurchaseOrderNumber")}
    response = client.put(f"/orders/{order['id']}", json={**supplement, **identity})
    # 409: the buyerOrderVersion drawn is the order's own (a supplement needs a new one).
    assert response.status_code in (200, 409), (supplement, response.text)


@GENERATED
@given(data=st.data())
def test_every_schema_valid_notification_is_accepted(
    client: TestClient, seller_auth: dict[str, str], spec: Any, data: st.DataObject
) -> None:
    notification, _ = generated_body(data, spec, "/orders/{id}/notifications", "POST")
    path = "/orders/ORD-NOTIFIED/notifications"
    response = client.post(
        path, json={**notification, "orderId": "ORD-NOTIFIED"}, headers=seller_auth
    )
    # 409: the notificationVersion drawn was received before with other content.
    assert response.status_code in (200, 201, 409), (notification, response.text)


@GENERATED
@given(data=st.data())
def test_every_schema_valid_order_query_is_answered(
    client: TestClient, spec: Any, data: st.DataObject
) -> None:
    case = data.draw(spec["/orders"]["GET"].as_strategy(GenerationMode.POSITIVE))
    query = {k: v for k, v in (case.query or {}).items() if k != "buyerId"}  # the caller's own
    response = client.get("/orders", params=query)
    # 404: the order asked for by id or pon does not exist.
    assert response.status_code in (200, 404), (query, response.text)
