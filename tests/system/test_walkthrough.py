"""The schema-first loop, walked through on a copy of the project, so it cannot silently break:
edit the spec (an optional order field and a new operation), regenerate, and see the new field
in the models, the new route answering 501, mypy naming the missing handler (and nothing else),
app/ untouched, and the breaking-change gate calling it all additions."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import ROOT, assert_not_implemented, mypy, mypy_errors

COPIED = ("spec", "codegen", "generated", "specfirst", "app", "docs", "pyproject.toml")
IGNORED = shutil.ignore_patterns("__pycache__", "*.db", "*.db-*")

SUMMARY_PATH = {
    "parameters": [{"$ref": "#/components/parameters/orderId"}],
    "get": {
        "tags": ["orders"],
        "operationId": "getOrderSummary",
        "summary": "A short summary of an order",
        "responses": {
            "200": {
                "description": "OK",
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/orderSummary"}}
                },
            },
            "404": {"$ref": "#/components/responses/NotFound"},
        },
    },
}
SUMMARY_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "orderStatus", "itemCount"],
    "properties": {
        "id": {"type": "string"},
        "orderStatus": {"$ref": "#/components/schemas/orderStatus"},
        "itemCount": {"type": "integer", "minimum": 0},
    },
}


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the spec edited and generated/ regenerated from it."""
    copy = tmp_path_factory.mktemp("walkthrough")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=IGNORED)
        else:
            shutil.copy2(source, copy / name)
    spec_path = copy / "spec" / "openapi.yaml"
    spec: dict[str, Any] = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    schemas = spec["components"]["schemas"]
    schemas["order"]["properties"]["customerReference"] = {
        "type": "string",
        "description": "The buyer's own reference for the order.",
    }
    schemas["orderSummary"] = SUMMARY_SCHEMA
    spec["paths"]["/orders/{id}/summary"] = SUMMARY_PATH
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), "utf-8")

    generated = run([sys.executable, "-m", "codegen"], cwd=copy)  # the copy's own codegen
    assert generated.returncode == 0, generated.stderr
    return copy


def test_the_copy_is_regenerated_and_the_real_project_is_not(project: Path) -> None:
    assert files(project / "generated") != files(ROOT / "generated")
    check = run([sys.executable, "-m", "codegen", "--check"], cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "generated/ and docs/api.md are up to date." in check.stdout
    check = run([sys.executable, "-m", "codegen", "--check"], cwd=ROOT)
    assert check.returncode == 0, check.stdout  # ROOT/generated still matches ROOT/spec


def test_the_new_field_is_in_the_models(project: Path) -> None:
    models = (project / "generated" / "models.py").read_text(encoding="utf-8")
    order = models.split("\nclass Order(BaseModel):", 1)[1].split("\nclass ", 1)[0]
    assert (
        "    customerReference: Annotated[\n"
        '        str | None, Field(description="The buyer\'s own reference for the order.")\n'
        "    ] = None\n"
    ) in order
    assert "\nclass OrderSummary(BaseModel):" in models
    assert "customerReference" not in (ROOT / "generated" / "models.py").read_text()


def test_the_new_operation_is_routed_and_in_the_protocol(project: Path) -> None:
    operations = (project / "generated" / "operations.py").read_text(encoding="utf-8")
    assert '"getOrderSummary": "get_order_summary",' in operations
    assert '"""GET /orders/{id}/summary"""' in operations
    assert 'raise not_implemented("getOrderSummary")' in operations
    protocols = (project / "generated" / "protocols.py").read_text(encoding="utf-8")
    orders_protocol = protocols.split("class OrdersHandlers(Protocol):", 1)[1].split("\nclass ")[0]
    assert (
        "    def get_order_summary(\n        self,\n        *,\n        caller: Caller,\n        id_: str,\n"
        in (orders_protocol)
    )
    assert "-> models.OrderSummary | Reply[models.OrderSummary]:" in orders_protocol


def test_app_is_untouched(project: Path) -> None:
    assert files(project / "app") == files(ROOT / "app")


def test_the_new_operation_answers_501_over_http(project: Path, tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import json, sys
        from starlette.testclient import TestClient
        import app.main
        from app.settings import Settings
        from app.storage.tokens import TokenStore

        settings = Settings(database_url=f"sqlite:///{sys.argv[1]}", worker=False)
        application = app.main.create_app(settings)  # makes the schema
        _, token = TokenStore(app.main.make_engine(settings.database_url)).issue("Verizon", "buyer")
        with TestClient(application, headers={"Authorization": f"Bearer {token}"}) as client:
            summary = client.get("/orders/ORD-1/summary")
            order = client.get("/orders/ORD-1")
        print(json.dumps({
            "app": app.main.__file__,
            "summary": [summary.status_code, summary.headers["content-type"], summary.json()],
            "order": order.status_code,
        }))
        """
    )
    done = run([sys.executable, "-c", script, str(tmp_path / "o.db")], cwd=project)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout.splitlines()[-1])
    assert Path(answer["app"]).is_relative_to(project)  # the copy's app, with its spec
    status, content_type, problem = answer["summary"]
    assert_not_implemented(status, content_type, problem, "getOrderSummary")
    assert answer["order"] == 404  # the other routes still work


def test_mypy_names_exactly_the_missing_handler(project: Path) -> None:
    result = mypy("app", "generated", cwd=project)
    assert result.returncode == 1, result.stdout
    errors = mypy_errors(result.stdout)
    assert len(errors) == 1, result.stdout
    assert errors[0].startswith("app/main.py:")
    assert errors[0].endswith(
        'error: Argument "orders" to "Operations" has incompatible type "OrderHandlers"; '
        'expected "OrdersHandlers"  [arg-type]'
    )
    assert '"OrderHandlers" is missing following "OrdersHandlers" protocol member:' in (
        result.stdout
    )
    assert "    get_order_summary\n" in result.stdout
    assert "Found 1 error in 1 file " in result.stdout


def test_the_gate_calls_the_change_additions(project: Path) -> None:
    done = run(
        [
            sys.executable,
            "-m",
            "codegen.breaking",
            f"--old={ROOT / 'spec' / 'openapi.yaml'}",
            f"--spec={project / 'spec' / 'openapi.yaml'}",
        ],
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "### Breaking changes" not in done.stdout
    assert "- GET /orders/{id}/summary: operation added\n" in done.stdout
    assert "- GET /orders/{id} response 200: /customerReference: optional property added\n" in (
        done.stdout
    )
