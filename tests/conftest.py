"""Fixtures: the real app over HTTP (Connexion's test client), on SQLite and on PostgreSQL;
and the markers of each test's kind, by its folder.

Every test that takes ``client`` runs twice, once per database. PostgreSQL is a throwaway
server started for the session (or ORDERS_TEST_POSTGRES_URL, if set).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url
from starlette.testclient import TestClient

from app.domain.processing import Processing
from app.main import create_app
from app.seller.processing import OrderProcessor
from app.settings import Settings
from app.storage.database import make_engine
from app.storage.unit_of_work import UnitOfWork
from tests.helpers import PUBLIC_URL, LiveService
from tests.postgres import throwaway_server
from tests.servers import bearer, running

# A test's kind is its folder under tests/; each kind is a marker (pyproject's pytest markers).
# The third-party spec corpus (tests/corpus/) is codegen's.
KINDS = {
    "unit": "unit",
    "api": "api",
    "system": "system",
    "codegen": "codegen",
    "corpus": "codegen",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks each test with its kind, and with ``postgres`` when it needs the PostgreSQL server,
    so that a lane can choose (``nox -s quick``: ``-m "(unit or api) and not postgres"``)."""
    tests = Path(__file__).parent
    for item in items:
        folder = item.path.relative_to(tests).parts[0]
        if folder in KINDS:
            item.add_marker(KINDS[folder])
        if uses_postgres(item):
            item.add_marker("postgres")


def uses_postgres(item: pytest.Item) -> bool:
    callspec = getattr(item, "callspec", None)
    on_postgres = callspec is not None and callspec.params.get("database_url") == "postgresql"
    return on_postgres or "postgres_server" in getattr(item, "fixturenames", ())


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    provided = os.environ.get("ORDERS_TEST_POSTGRES_URL")
    if provided:
        yield provided
        return
    with throwaway_server() as url:
        yield url


def _admin_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'orders.db'}"
        return
    server: str = request.getfixturevalue("postgres_server")
    name = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_admin_dsn(server), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield make_url(server).set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(_admin_dsn(server), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def settings(database_url: str) -> Settings:
    # The seller's background worker is off: tests run it by hand (tests/api/test_notifications.py)
    # or against real servers (tests/system/test_delivery.py), so what they see is deterministic.
    return Settings(
        database_url=database_url, public_url=PUBLIC_URL, validate_responses=True, worker=False
    )


@pytest.fixture
def seller(settings: Settings) -> OrderProcessor:
    """The seller's processing of orders on the settings' database, run by hand (``run_once``),
    its notifications for the settings' buyer callbacks."""
    uow = UnitOfWork(make_engine(settings.database_url), settings.buyer_callbacks)
    return OrderProcessor(Processing(uow))


@pytest.fixture
def seller_auth(settings: Settings) -> dict[str, str]:
    return bearer(settings.database_url, "Cox Spectrum Business", "seller")


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    """The app, called by the seed's buyer, Verizon (its token in every request)."""
    with create_app(settings).test_client() as test_client:
        test_client.headers.update(bearer(settings.database_url, "Verizon", "buyer"))
        yield test_client


@pytest.fixture(scope="module")
def live_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveService]:
    """The real service (uvicorn) over a fresh SQLite file, shared by a module's tests."""
    folder = tmp_path_factory.mktemp("live")
    database = f"sqlite:///{folder / 'orders.db'}"
    with running(database, folder / "server.log") as started:
        token = bearer(database, "Verizon", "buyer")["Authorization"].removeprefix("Bearer ")
        yield LiveService(started.url, token)


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[Path]:
    """Where a test's real services write their logs; their tails are printed afterwards,
    which pytest shows when the test failed."""
    yield tmp_path
    for log in tmp_path.glob("*.log"):
        print(f"---- {log.name}\n{log.read_text(errors='replace')[-5000:]}")
