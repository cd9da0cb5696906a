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
