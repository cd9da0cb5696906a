"""Service settings, read from ORDERS_* environment variables (or a .env file).

Each field's docstring is its documentation: README.md's settings table is generated from them
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
    """The Markdown table of every setting (README.md has it between the settings markers)."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        if not field.description:
            raise ValueError(f"Settings.{name} has no docstring: document it")
        default = masked(name, field.default)
        meaning = field.description.replace("\n", " ").replace("|", "\\|")
        rows.append(f"| `{env_name(name)}` | `{default}` | {meaning} |")
    return "\n".join(rows) + "\n"
