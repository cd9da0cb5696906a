"""Service settings, read from ORDERS_* environment variables (or a .env file).

Each field's docstring is its documentation: docs/operators.md's settings table is generated from them
(``orders-api settings --markdown``) and a test fails when the table is stale.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="ORDERS_", env_file=".env", extra="ignore", use_attribute_docstrings=True
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
    validate_responses: bool = False
    """Check every response against the spec (on in tests; costs time in production)."""
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    """Least severe level logged (`DEBUG`, `INFO`, `WARNING`, `ERROR`, `CRITICAL`)."""
    log_format: Literal["json", "plain"] = "json"
    """`json`: one JSON object per line (for log collectors); `plain`: text for humans."""

    # ---- security ----
    token_cache_seconds: float = 5.0
    """How long a checked bearer token is remembered: a revoked token stops working within this time."""
    max_body_bytes: int = 1_048_576
    """Largest request body accepted (413 beyond it)."""
    buyer_callback_tokens: dict[str, str] = {}
    """The seller's token at each buyer's endpoint, as JSON `{"buyerId": "token"}`, sent with every delivery (`Authorization: Bearer`)."""

    # ---- the seller's background work: processing orders, delivering notifications ----
    worker: bool = True
    """Run the seller's background worker in this process (processes share it through the database)."""
    worker_poll_seconds: float = 0.5
    """How often the worker looks for work when it has none, in seconds."""
    buyer_callbacks: dict[str, str] = {}
    """Where each buyer receives notifications, as JSON `{"buyerId": "base URL"}`: they are POSTed to `{base}/orders/{id}/notifications`."""
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

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else value


MASK = "********"
# Fields whose values are secret by their name, whatever their type (SecretStr always is).
SECRET_NAME = re.compile(r"(^|_)(secret|password|passwd|token|key|credentials?)(_|$)", re.I)


def env_name(field: str) -> str:
    return f"{Settings.model_config.get('env_prefix', '')}{field}".upper()


def masked(name: str, value: Any) -> str:
    """``value`` as it may be shown: secrets masked, a URL's password hidden."""
    if isinstance(value, SecretStr) or (SECRET_NAME.search(name) and value):
        return MASK
    text = str(value)
    if name.endswith("_url"):
        try:
            url = make_url(text)
        except ArgumentError:
            return text
        if url.password is not None:
            return url.render_as_string(hide_password=True)
    return text


def effective(settings: Settings) -> dict[str, str]:
    """Every setting by its environment variable, as ``settings`` has it, secrets masked."""
    return {env_name(name): masked(name, getattr(settings, name)) for name in Settings.model_fields}


def settings_table() -> str:
    """The Markdown table of every setting (docs/operators.md has it between the settings markers)."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        if not field.description:
            raise ValueError(f"Settings.{name} has no docstring: document it")
        default = masked(name, field.default)
        meaning = field.description.replace("\n", " ").replace("|", "\\|")
        rows.append(f"| `{env_name(name)}` | `{default}` | {meaning} |")
    return "\n".join(rows) + "\n"
