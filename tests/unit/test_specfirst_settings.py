"""specfirst.settings: the settings every service has, under the prefix its application
chooses, and their documentation table."""

from __future__ import annotations

from typing import ClassVar

import pytest
from pydantic import SecretStr
from pydantic_settings import SettingsConfigDict

from specfirst.settings import ServiceSettings, effective, masked, settings_table


class ShopSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SHOP_", use_attribute_docstrings=True)
    documented_first: ClassVar[tuple[str, ...]] = ("store_url", "port")

    store_url: str = "postgresql://shop:hunter2@db/shop"
    """Where the widgets are kept."""
    api_key: SecretStr = SecretStr("k")
    """The key of the upstream service."""


def test_the_application_chooses_the_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOP_PORT", "9000")
    monkeypatch.setenv("SHOP_LOG_LEVEL", "debug")
    monkeypatch.setenv("SERVICE_PORT", "1")  # the base class's prefix is not read
    settings = ShopSettings()
    assert (settings.port, settings.log_level) == (9000, "DEBUG")


def test_the_table_lists_the_documented_first_then_the_rest() -> None:
    rows = settings_table(ShopSettings).splitlines()
    names = [row.split("`")[1] for row in rows[2:]]
    assert names[:3] == ["SHOP_STORE_URL", "SHOP_PORT", "SHOP_HOST"]
    assert set(names) == {f"SHOP_{name.upper()}" for name in ShopSettings.model_fields}
    assert "| `SHOP_MAX_BODY_BYTES` | `1048576` | Largest request body accepted" in "\n".join(rows)


def test_secrets_and_passwords_are_masked() -> None:
    shown = effective(ShopSettings())
    assert shown["SHOP_STORE_URL"] == "postgresql://shop:***@db/shop"
    assert shown["SHOP_API_KEY"] == "********"
    assert masked("auth_token", "abc") == "********"
    assert masked("buyer_callback_tokens", {"Verizon": "abc"}) == "********"
    assert masked("api_keys", ["abc"]) == "********"
    # Numbers and booleans named after a secret are its settings, not the secret.
    assert masked("token_cache_seconds", 5.0) == "5.0"
    assert masked("key_rotation_days", 30) == "30"
    assert masked("token_required", True) == "True"
    assert masked("public_url", "http://example.test/x") == "http://example.test/x"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql+psycopg://shop:pa/ss@db/shop", "postgresql+psycopg://shop:***@db/shop"),
        ("postgresql://shop:p?a#ss@db:5432/shop", "postgresql://shop:***@db:5432/shop"),
        ("postgresql://shop@db/shop", "postgresql://shop@db/shop"),
        ("sqlite:///./orders.db", "sqlite:///./orders.db"),
        ("https://idp.test/jwks@2", "https://idp.test/jwks@2"),
    ],
)
def test_a_url_password_is_hidden_whatever_it_holds(url: str, shown: str) -> None:
    # SQLAlchemy takes the password up to the first "@"; urlsplit stopped at a "/" in it.
    assert masked("store_url", url) == shown


def test_an_undocumented_field_fails_the_table() -> None:
    class Undocumented(ServiceSettings):
        mystery: int = 1

    with pytest.raises(ValueError, match=r"Undocumented.mystery has no docstring"):
        settings_table(Undocumented)
