"""Service settings, read from ORDERS_* environment variables (or a .env file).

Each field's docstring is its documentation: docs/operators.md's settings table is generated from them
(``orders-api settings --markdown``) and a test fails when the table is stale. The fields every
service has (host, port, logging, ...) come from the framework's ServiceSettings.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from specfirst import settings as service_settings
from specfirst.config import Config, load_config
from specfirst.settings import ServiceSettings

# The project: its pyproject.toml holds [tool.specfirst].
PROJECT = Path(__file__).resolve().parent.parent


def project_config() -> Config:
    return load_config(PROJECT)


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="ORDERS_", env_file=".env", extra="ignore", use_attribute_docstrings=True
    )
    documented_first: ClassVar[tuple[str, ...]] = (
        "database_url",
        "database_timeout_seconds",
        "public_url",
        "host",
        "port",
        "validate_responses",
        "log_level",
        "log_format",
        "token_cache_seconds",
        "max_body_bytes",
    )

    database_url: str = "sqlite:///orders.db"
    """Any SQLAlchemy URL; PostgreSQL as `postgresql+psycopg://user:pass@host/db`."""
    database_timeout_seconds: float = 30.0
    """How long a request waits for the database (SQLite: its write lock; PostgreSQL: a connection) before it answers 503 with Retry-After."""
    public_url: str = "http://localhost:8080"
    """Base of the order links the seller hands out (`link.href`)."""
    host: str = "127.0.0.1"
    """Interface `orders-api serve` listens on."""
    port: int = 8080
    """Port `orders-api serve` listens on."""

    # ---- security ----
    token_cache_seconds: float = 5.0
    """How long a checked bearer token is remembered: a revoked token stops working within this time."""
    buyer_callback_tokens: dict[str, str] = {}  # noqa: RUF012  # pydantic copies it per instance
    """The seller's token at each buyer's endpoint, as JSON `{"buyerId": "token"}`, sent with every delivery (`Authorization: Bearer`)."""

    # ---- the seller's background work: processing orders, delivering notifications ----
    worker: bool = True
    """Run the seller's background worker in this process (processes share it through the database)."""
    worker_poll_seconds: float = 0.5
    """How often the worker looks for work when it has none, in seconds."""
    buyer_callbacks: dict[str, str] = {}  # noqa: RUF012  # pydantic copies it per instance
    """Where each buyer without a subscription (`POST /hub`) receives notifications, as JSON `{"buyerId": "base URL"}`: they are POSTed to `{base}/orders/{id}/notifications`."""
    hub_allow_private_callbacks: bool = False
    """Let buyers subscribe (`POST /hub`) with `http` callbacks and callbacks on loopback, link-local, private or reserved addresses (test rigs, private networks); off, the seller cannot be pointed at its own network."""
    delivery_base_seconds: float = 1.0
    """First retry delay of a failed delivery; each further try waits twice as long (with jitter)."""
    delivery_max_seconds: float = 300.0
    """Longest wait between two tries of a delivery."""
    delivery_max_attempts: int = 10
    """Tries before a delivery is dead (`orders-api deliveries list --state dead`)."""
    delivery_timeout_seconds: float = 10.0
    """How long one delivery POST may take."""
    lead_time_days: float = 10
    """The seller's lead time: an order completes no sooner than this after it is processed."""
    correction_days: float = 5
    """How long a buyer has to send a correction after an error notification (`correctionOrderDueDate`)."""


def effective(settings: Settings) -> dict[str, str]:
    """Every setting by its environment variable, as ``settings`` has it, secrets masked."""
    return service_settings.effective(settings)


def settings_table() -> str:
    """The Markdown table of every setting (docs/operators.md has it between the settings markers)."""
    return service_settings.settings_table(Settings)
