"""The settings every service has, read from environment variables (or a .env file) with the
prefix the application chooses, and their documentation table.

An application subclasses ``ServiceSettings``, sets ``model_config``'s ``env_prefix`` and adds
its own fields. Each field's docstring is its documentation (``settings_table``).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="SERVICE_", env_file=".env", extra="ignore", use_attribute_docstrings=True
    )
    # The fields listed first in the documentation table, in this sequence (the others follow,
    # as declared).
    documented_first: ClassVar[tuple[str, ...]] = ()

    host: str = "127.0.0.1"
    """Interface `serve` listens on."""
    port: int = 8080
    """Port `serve` listens on."""
    validate_responses: bool = False
    """Check every response against the spec (on in tests; costs time in production)."""
    log_level: LogLevel = "INFO"
    """Least severe level logged (`DEBUG`, `INFO`, `WARNING`, `ERROR`, `CRITICAL`)."""
    log_format: Literal["json", "plain"] = "json"
    """`json`: one JSON object per line (for log collectors); `plain`: text for humans."""
    max_body_bytes: int = 1_048_576
    """Largest request body accepted (413 beyond it)."""
    threads: int = Field(default=40, ge=1)
    """Most handlers running at once in the threadpool (all but those run on the event loop); further requests wait for a free thread, first come first served."""

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else value


MASK = "********"
# Fields whose values are secret by their name (one secret or several: `tokens`), unless they
# are numbers or booleans, which say how, not what (`token_cache_seconds`); SecretStr always is.
SECRET_NAME = re.compile(r"(^|_)(secrets?|passwords?|passwd|tokens?|keys?|credentials?)(_|$)", re.I)


def env_name(settings: type[ServiceSettings], field: str) -> str:
    return f"{settings.model_config.get('env_prefix', '')}{field}".upper()


USERINFO = re.compile(r"^(?P<head>[\w+.-]+://[^:/@]*:)[^@]*@")


def masked(name: str, value: Any) -> str:
    """``value`` as it may be shown: secrets masked, a URL's password hidden."""
    if isinstance(value, SecretStr) or (
        SECRET_NAME.search(name) and value and not isinstance(value, int | float)
    ):
        return MASK
    text = str(value)
    if name.endswith("_url"):
        return without_password(text)
    return text


def without_password(url: str) -> str:
    """``url`` with its password, if any, shown as ``***``."""
    # Read as SQLAlchemy reads a database URL, whose password may hold "/", "?" or "#" that
    # urlsplit would take for the end of the host: it ends at the first "@".
    return USERINFO.sub(r"\g<head>***@", url, count=1)


def documented_fields(settings: type[ServiceSettings]) -> list[str]:
    listed = [name for name in settings.documented_first if name in settings.model_fields]
    return listed + [name for name in settings.model_fields if name not in listed]


def effective(settings: ServiceSettings) -> dict[str, str]:
    """Every setting by its environment variable, as ``settings`` has it, secrets masked."""
    cls = type(settings)
    return {
        env_name(cls, name): masked(name, getattr(settings, name))
        for name in documented_fields(cls)
    }


def settings_table(settings: type[ServiceSettings]) -> str:
    """The Markdown table of every setting: variable, default, meaning (its docstring)."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for name in documented_fields(settings):
        field = settings.model_fields[name]
        if not field.description:
            raise ValueError(f"{settings.__name__}.{name} has no docstring: document it")
        default = masked(name, field.default)
        meaning = field.description.replace("\n", " ").replace("|", "\\|")
        rows.append(f"| `{env_name(settings, name)}` | `{default}` | {meaning} |")
    return "\n".join(rows) + "\n"
