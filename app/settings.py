"""Service settings, read from ORDERS_* environment variables (or a .env file)."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ORDERS_", env_file=".env", extra="ignore")

    # Any SQLAlchemy URL; PostgreSQL as postgresql+psycopg://user:pass@host/db
    database_url: str = "sqlite:///orders.db"
    # Base of the order links the seller hands out (``link.href``).
    public_url: str = "http://localhost:8080"
    host: str = "127.0.0.1"
    port: int = 8080
    # Check every response against the spec (on in tests; costs time in production).
    validate_responses: bool = False

    # ---- the seller's background work (processing orders, delivering notifications) ----
    # Run it in this process (each process of the service shares it through the database).
    worker: bool = True
    # How often the worker looks for work when it has none, in seconds.
    worker_poll_seconds: float = 0.5
    # buyerId -> base URL of that buyer's Order Notification API, as JSON:
    # ORDERS_BUYER_CALLBACKS='{"Verizon": "https://verizon.example/api"}'. Notifications of the
    # buyer's orders are POSTed to {base}/orders/{id}/notifications.
    buyer_callbacks: dict[str, str] = {}
    # Retries of a failed delivery: base and cap of the exponential backoff, tries before dead.
    delivery_base_seconds: float = 1.0
    delivery_max_seconds: float = 300.0
    delivery_max_attempts: int = 10
    delivery_timeout_seconds: float = 10.0
    # The seller's lead time: no order completes sooner than this after it was processed.
    lead_time_days: float = 10
    # How long a buyer has to send a correction after an error notification.
    correction_days: float = 5
