"""Mock mode of the Order API (``orders-api serve --mock``): the framework's mock of the spec,
with the service's settings; no database, no store is touched (or imported)."""

from __future__ import annotations

from connexion import AsyncApp

from app.settings import Settings, project_config
from specfirst.mock import create_mock_service


def create_mock_app(settings: Settings | None = None) -> AsyncApp:
    # refuse_nul as the service: the mock refuses what the service refuses.
    return create_mock_service(project_config(), settings or Settings(), refuse_nul=True)
