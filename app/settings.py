"""Service settings, read from ORDERS_* environment variables (or a .env file).

Each field's docstring is its documentation: docs/operators.md's settings table is generated from them
(``orders-api settings --markdown``) and a test fails when the table is stale. The fields every
service has (host, port, logging, ...) come from the framework's ServiceSettings.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pydantic import Field, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from specfirst import settings as service_settings
from specfirst.config import Config, load_config
from specfirst.settings import ServiceSettings

# The signature algorithms an authorization server's public keys can check.
ASYMMETRIC_ALGORITHMS = (
    *(f"{family}{bits}" for family in ("RS", "PS", "ES") for bits in (256, 384, 512)),
    "EdDSA",
)

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
        "threads",
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

    # ---- OAuth2 client credentials: JWT access tokens of an authorization server ----
    oauth2_issuer: str = ""
    """The authorization server whose access tokens are accepted (their `iss`); empty: OAuth2 is off and only API tokens work. Needs `ORDERS_OAUTH2_JWKS_URL` and `ORDERS_OAUTH2_AUDIENCE`."""
    oauth2_jwks_url: str = ""
    """Where the authorization server publishes its signing keys (JWKS); fetched off the request path and kept."""
    oauth2_audience: str = ""
    """This API's identifier at the authorization server: a token's `aud` must name it."""
    oauth2_party_claim: str = "sub"
    """The access-token claim naming the caller's party (the `buyerId` of a buyer)."""
    oauth2_role_claim: str = "role"
    """The access-token claim holding the caller's role, `buyer` or `seller`: a string, several
    separated by spaces (`scope` takes the role from the token's scopes) or a list, of which
    one value is the role; dots reach into nested claims (`realm_access.roles`)."""
    oauth2_algorithms: list[str] = ["RS256", "PS256", "ES256", "EdDSA"]  # noqa: RUF012  # pydantic copies it per instance
    """Signature algorithms accepted, as JSON; asymmetric ones only (never `none` or `HS*`)."""
    oauth2_leeway_seconds: float = Field(default=30.0, ge=0, le=300)
    """Clock skew allowed when checking `exp` and `nbf` (at most 300)."""
    oauth2_jwks_cache_seconds: float = Field(default=300.0, gt=0)
    """How long the fetched JWKS is used before it is fetched again."""
    oauth2_jwks_refetch_seconds: float = Field(default=60.0, ge=0)
    """Least time between two fetches of the JWKS for an unknown key id: rotated keys are found without a restart, and made-up key ids cannot flood the authorization server."""
    oauth2_jwks_timeout_seconds: float = Field(default=5.0, gt=0)
    """How long one fetch of the JWKS may take."""

    @field_validator("oauth2_algorithms")
    @classmethod
    def _asymmetric_only(cls, algorithms: list[str]) -> list[str]:
        # A symmetric algorithm (HS*) would let anyone holding the public key forge tokens.
        refused = [a for a in algorithms if a not in ASYMMETRIC_ALGORITHMS]
        if refused or not algorithms:
            raise ValueError(
                f"{', '.join(refused) or 'an empty list'}: the accepted algorithms are among "
                f"{', '.join(ASYMMETRIC_ALGORITHMS)}"
            )
        return algorithms

    @model_validator(mode="after")
    def _oauth2_complete(self) -> Settings:
        given = {
            "ORDERS_OAUTH2_ISSUER": self.oauth2_issuer,
            "ORDERS_OAUTH2_JWKS_URL": self.oauth2_jwks_url,
            "ORDERS_OAUTH2_AUDIENCE": self.oauth2_audience,
        }
        missing = [name for name, value in given.items() if not value]
        if missing and len(missing) < len(given):
            raise ValueError(f"OAuth2 needs {', '.join(missing)} as well")
        return self

    @property
    def oauth2_enabled(self) -> bool:
        return bool(self.oauth2_issuer)

    # ---- the seller's background work: processing orders, delivering notifications ----
    worker: bool = True
    """Run the seller's background worker in this process (processes share it through the database; `orders-api worker` runs it in a process of its own)."""
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
