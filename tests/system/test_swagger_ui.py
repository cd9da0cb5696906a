"""Swagger UI (/ui/) in a real headless Chromium, against a real uvicorn on loopback.

Chromium is Debian's (``apt-get install chromium``; .ci/install installs it), driven by
Playwright for Python through ``executable_path``: no browser is downloaded. Swagger UI's own
files are served by the service (Connexion's swagger-ui-bundle package), so the page needs no
network beyond the service; the test checks that too.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, expect, sync_playwright

from codegen.generate import SPEC
from codegen.spec import operations
from specfirst.document import load_spec
from tests.helpers import CREATE_REQUEST, LiveService

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def server(live_service: LiveService) -> str:
    return live_service.url


@pytest.fixture(scope="module")
def token(live_service: LiveService) -> str:
    return live_service.token


@pytest.fixture(scope="module")
def browser() -> Iterator[BrowserContext]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} not found: the Swagger UI test needs Debian's Chromium "
            "(`apt-get install chromium`, as .ci/install does).",
            pytrace=False,
        )
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        # headless=True makes Playwright pass --headless; a fresh profile every run.
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context.set_default_timeout(TIMEOUT_MS)
        expect.set_options(timeout=TIMEOUT_MS)
        yield context
        context.close()


@pytest.fixture
def ui(browser: BrowserContext, server: str) -> Iterator[tuple[Page, list[str]]]:
    """/ui/ loaded, with every URL the page requested."""
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{server}/ui/")
    page.wait_for_selector(".opblock")
    yield page, requested
    page.close()


def test_every_operation_is_listed_and_nothing_is_fetched_from_elsewhere(
    ui: tuple[Page, list[str]], server: str
) -> None:
    page, requested = ui
    ops = operations(load_spec(SPEC))
    expect(page.locator(".opblock")).to_have_count(len(ops))
    for op in ops:
        block = page.locator(f"#operations-{op.tag}-{op.operation_id}")
        expect(block).to_have_count(1)
        expect(block.locator(".opblock-summary-method")).to_have_text(op.method)
        # (.opblock-summary-path, or .opblock-summary-path__deprecated when deprecated)
        expect(block.locator(".opblock-summary [data-path]")).to_have_attribute(
            "data-path", op.path
        )
    assert f"{server}/openapi.json" in requested
    assert any(url.endswith("/ui/swagger-ui-bundle.js") for url in requested)
    assert [url for url in requested if not url.startswith(f"{server}/")] == []


def test_seed_example_is_selectable_on_create(ui: tuple[Page, list[str]]) -> None:
    page, _ = ui
    block = page.locator("#operations-orders-createOrder")
    block.locator(".opblock-summary").click()
    block.locator(".try-out__btn").click()
    examples = block.locator(".opblock-section-request-body select.examples-select-element")
    expect(examples.locator("option")).to_have_text(["Create an order (seed request)"])
    expect(examples.locator("option:checked")).to_have_text("Create an order (seed request)")
    # The chosen example is what "Execute" would send: the seed's create request.
    body = block.locator(".opblock-section-request-body textarea")
    expect(body).to_contain_text('"buyerPurchaseOrderNumber": "PO-12345"')
    expect(body).to_contain_text('"objectType": "uniProductOrder"')


def test_try_it_out_gets_an_order(
    ui: tuple[Page, list[str]], server: str, token: str, tmp_path: Path
) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    created = httpx.post(f"{server}/orders", json=CREATE_REQUEST, headers=auth)
    assert created.status_code in (200, 201), created.text
    order_id = created.json()["id"]

    page, _ = ui
    # Authorize: Swagger UI then sends the token with every "Try it out".
    page.locator(".auth-wrapper button.authorize").click()
    dialog = page.locator(".dialog-ux")
    # The dialog offers each scheme (an API token, OAuth2 client credentials): the API token's.
    api_token = dialog.locator(
        ".auth-container", has=page.locator('input[aria-label="auth-bearer-value"]')
    )
    api_token.locator("input").fill(token)
    api_token.locator("button.authorize").click()
    dialog.locator("button.btn-done").first.click()
    block = page.locator("#operations-orders-getOrder")
    block.locator(".opblock-summary").click()
    block.locator(".try-out__btn").click()
    block.locator('tr[data-param-name="id"] input').fill(order_id)
    block.locator("button.execute").click()

    live = block.locator(".live-responses-table .response")
    expect(live.locator(".response-col_status")).to_have_text("200")
    expect(live.locator(".response-col_description")).to_contain_text(f'"id": "{order_id}"')
    expect(live.locator(".response-col_description")).to_contain_text(
        '"orderStatus": "IN_PROGRESS"'
    )
    expect(block.locator(".request-url")).to_contain_text(f"{server}/orders/{order_id}")
    block.screenshot(path=tmp_path / "try-it-out.png")  # to look at when it fails
