"""The generated surface: a missing handler answers 501 (mypy names it too:
tests/system/test_handler_typing.py); a handler that crashes answers a 500 problem without
leaking the trace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from connexion import AsyncApp
from starlette.testclient import TestClient

from app.handlers.orders import OrderHandlers
from app.main import create_app
from app.settings import Settings, project_config
from tests.helpers import Crashing, assert_not_implemented, assert_problem, create_order
from tests.servers import bearer

ROOT = Path(__file__).resolve().parents[2]


class WithoutHold(OrderHandlers):
    """The order handlers with hold_order removed."""

    def __getattribute__(self, name: str) -> object:
        if name == "hold_order":
            raise AttributeError(name)
        return super().__getattribute__(name)


def app_with(tmp_path: Path, orders: type[OrderHandlers]) -> AsyncApp:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'o.db'}")
    return create_app(settings, order_handlers=orders)


def test_missing_handler_answers_501(tmp_path: Path) -> None:
    with TestClient(app_with(tmp_path, WithoutHold)) as client:
        client.headers.update(bearer(f"sqlite:///{tmp_path / 'o.db'}", "Verizon", "buyer"))
        order = create_order(client)
        response = client.post(f"/orders/{order['id']}/hold")
        assert_not_implemented(
            response.status_code, response.headers["content-type"], response.json(), "holdOrder"
        )
        assert client.post(f"/orders/{order['id']}/cancel").status_code == 201


def test_crash_is_a_500_problem_without_the_trace(tmp_path: Path) -> None:
    with TestClient(app_with(tmp_path, Crashing), raise_server_exceptions=False) as client:
        client.headers.update(bearer(f"sqlite:///{tmp_path / 'o.db'}", "Verizon", "buyer"))
        response = client.get("/orders/ORD-1")
        assert_problem(response, 500)
        assert response.json()["title"] == "Internal Server Error"
        assert "secret" not in response.text and "Traceback" not in response.text


def test_spec_is_published_as_written_with_swagger_ui(client: TestClient) -> None:
    text = project_config().spec.read_text(encoding="utf-8")
    as_yaml = client.get("/openapi.yaml")
    assert as_yaml.status_code == 200 and as_yaml.text == text
    as_json = client.get("/openapi.json")
    assert as_json.status_code == 200
    assert as_json.json() == yaml.safe_load(text)  # $refs kept, not inlined
    assert "$ref" in as_json.text
    ui = client.get("/ui/")
    assert ui.status_code == 200 and "swagger-ui" in ui.text


def test_requests_need_no_reflection_and_bodies_are_parsed_once(
    client: TestClient, monkeypatch: Any
) -> None:
    """Once the app serves, no request goes through Connexion's per-request reflection
    (inspect.signature) and no body is parsed a second time after the validator parsed it."""
    import connexion.decorators.parameter
    import connexion.security
    import connexion.utils
    from connexion.lifecycle import ConnexionRequest

    create_order(client)  # the app is built (its middleware stack is made at the first call)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("called on a request")

    for module in (connexion.utils, connexion.decorators.parameter, connexion.security):
        monkeypatch.setattr(module, "inspect_function_arguments", refuse)
    monkeypatch.setattr(ConnexionRequest, "json", refuse)

    created = create_order(client, buyerPurchaseOrderNumber="PO-REFLECTION")
    assert client.get(f"/orders/{created['id']}").status_code == 200
    patched = client.patch(
        f"/orders/{created['id']}",
        json={"notes": "parsed once"},
        headers={"Content-Type": "application/merge-patch+json"},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["notes"] == "parsed once"
    listed = client.get("/orders", params={"limit": 5, "offset": 0})
    assert listed.status_code == 200 and listed.json()["returned"] >= 2


def test_swagger_ui_is_still_served_under_its_path(client: TestClient) -> None:
    page = client.get("/ui/")
    assert page.status_code == 200 and "swagger" in page.text.lower()
    # A path outside /ui that only looks like it is the API's (a 404 problem), not the UI's.
    missing = client.get("/uix")
    assert_problem(missing, 404)
