"""The OAuth2 settings refuse what would make tokens unsafe or OAuth2 half-configured."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from app.settings import Settings

COMPLETE: dict[str, Any] = {
    "oauth2_issuer": "http://127.0.0.1:9000",
    "oauth2_jwks_url": "http://127.0.0.1:9000/jwks",
    "oauth2_audience": "urn:orders-api",
}


def test_oauth2_is_off_by_default_and_on_with_its_three_settings() -> None:
    assert not Settings().oauth2_enabled
    assert Settings(**COMPLETE).oauth2_enabled


@pytest.mark.parametrize("missing", sorted(COMPLETE))
def test_oauth2_half_configured_is_refused_naming_what_is_missing(missing: str) -> None:
    given: dict[str, Any] = {name: value for name, value in COMPLETE.items() if name != missing}
    with pytest.raises(ValidationError, match=f"ORDERS_{missing.upper()}"):
        Settings(**given)


@pytest.mark.parametrize(
    "algorithms", [["none"], ["HS256"], ["RS256", "HS512"], ["hs256"], ["RS1"], []]
)
def test_only_asymmetric_algorithms_are_accepted(algorithms: list[str]) -> None:
    with pytest.raises(ValidationError, match="oauth2_algorithms"):
        Settings(**COMPLETE, oauth2_algorithms=algorithms)


@pytest.mark.parametrize(
    ("change", "accepted"),
    [
        ({"oauth2_leeway_seconds": 300}, True),
        ({"oauth2_leeway_seconds": 301}, False),
        ({"oauth2_leeway_seconds": -1}, False),
        ({"oauth2_jwks_refetch_seconds": -1}, False),
        ({"oauth2_jwks_cache_seconds": 0}, False),
    ],
)
def test_the_clock_skew_and_the_key_fetching_are_bounded(
    change: dict[str, Any], accepted: bool
) -> None:
    if accepted:
        Settings(**COMPLETE, **change)
        return
    with pytest.raises(ValidationError):
        Settings(**COMPLETE, **change)


def test_the_algorithms_are_read_as_json_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ORDERS_OAUTH2_ALGORITHMS", '["ES256"]')
    assert Settings().oauth2_algorithms == ["ES256"]
