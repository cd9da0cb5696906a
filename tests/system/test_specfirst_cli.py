"""specfirst.cli: the serve command any service shares; ``python -m specfirst serve --mock``
serves the mock of any project's spec (real uvicorn, on loopback)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from pydantic_settings import SettingsConfigDict
from typer.testing import CliRunner

from specfirst.cli import metrics_directory, service_cli
from specfirst.settings import ServiceSettings
from tests.ports import free_port
from tests.servers import wait_until_answering
from tests.specfirst_support import document, project

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


class ShopSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SHOP_")


def test_serve_names_the_applications_variables_in_its_help() -> None:
    cli = service_cli("The shop.", settings=ShopSettings, app_factory="x:y", mock_factory="x:z")
    output = runner.invoke(cli, ["serve", "--help"]).output
    assert "SHOP_HOST" in output and "SHOP_PORT" in output
    for option in ("--host", "--port", "--workers", "--mock"):
        assert option in output


def test_without_handlers_only_the_mock_is_served() -> None:
    cli = service_cli("Mock only.", settings=ShopSettings, app_factory=None, mock_factory="x:z")
    result = runner.invoke(cli, ["serve"])
    assert result.exit_code != 0 and "use --mock" in result.output


def test_several_workers_share_a_metrics_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    with metrics_directory(1):
        assert "PROMETHEUS_MULTIPROC_DIR" not in os.environ
    with metrics_directory(2):
        directory = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
        assert directory.is_dir()
    assert not directory.exists() and "PROMETHEUS_MULTIPROC_DIR" not in os.environ


SPEC = document(
    {
        "/greeting": {
            "get": {
                "responses": {
                    "200": {
                        "description": "A greeting",
                        "content": {
                            "application/json": {
                                "schema": {"type": "object"},
                                "example": {"hello": "world"},
                            }
                        },
                    }
                }
            }
        }
    }
)


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    port = free_port()
    log = folder / "server.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "specfirst", "serve", "--mock", "--port", str(port)],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT), "SERVICE_LOG_FORMAT": "plain"},
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{url}/healthz", process, log)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_python_m_specfirst_serves_the_mock_of_the_project_here(tmp_path: Path) -> None:
    project(tmp_path, SPEC)
    with serving(tmp_path) as url:
        assert httpx.get(f"{url}/greeting").json() == {"hello": "world"}
        assert httpx.get(f"{url}/openapi.json").json()["info"]["title"] == "Widget Shop API"
        assert 'widget_shop_api_requests_total{method="GET"' in httpx.get(f"{url}/metrics").text
