"""specfirst.config: ``[tool.specfirst]`` of the project's pyproject.toml, each key with a
default derived from the spec's title."""

from __future__ import annotations

from pathlib import Path

import pytest

from specfirst import config as config_module
from specfirst.config import KEYS, ConfigError, load_config, python_name
from tests.specfirst_support import document, project

ROOT = Path(__file__).resolve().parents[2]
SPEC = document({})  # "Widget Shop API"


def test_without_a_table_every_key_is_derived_from_the_title(tmp_path: Path) -> None:
    config = project(tmp_path, SPEC)
    assert config.spec == tmp_path.resolve() / "spec" / "openapi.yaml"
    assert config.generated == tmp_path.resolve() / "generated"
    assert config.client_package == "widget_shop_api_client"
    assert config.client_project == "widget-shop-api-client"
    assert config.client_output == tmp_path.resolve() / "clients" / "python"
    assert config.metrics_prefix == "widget_shop_api"
    assert config.access_log == "widget_shop_api.access"


def test_each_key_given_wins(tmp_path: Path) -> None:
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "shop.yaml").write_text("{}")  # never read: nothing is derived
    config = project(
        tmp_path,
        SPEC,
        {
            "spec": "api/shop.yaml",
            "generated": "shop_generated",
            "client_package": "shop_client",
            "client_project": "shop-client",
            "client_output": "out/client",
            "metrics_prefix": "shop",
        },
    )
    assert config.spec == tmp_path.resolve() / "api" / "shop.yaml"
    assert config.generated.name == "shop_generated"
    assert (config.client_package, config.client_project) == ("shop_client", "shop-client")
    assert config.client_output == tmp_path.resolve() / "out" / "client"
    assert (config.metrics_prefix, config.access_log) == ("shop", "shop.access")


def test_an_unknown_key_is_refused_naming_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no key client_name \(known: spec, generated"):
        project(tmp_path, SPEC, {"client_name": "x"})


def test_a_value_must_be_a_string(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.specfirst]\nmetrics_prefix = 3\n")
    with pytest.raises(ConfigError, match="metrics_prefix must be a non-empty string"):
        load_config(tmp_path)


def test_this_project_names_its_client_and_metrics() -> None:
    config = load_config(ROOT)
    assert config.client_package == "orders_api_client"
    assert config.metrics_prefix == "orders_api"


def test_every_key_is_documented() -> None:
    guide = (ROOT / "docs" / "framework.md").read_text(encoding="utf-8")
    for key in KEYS:
        assert f"`{key}`" in guide, key
        assert f"``{key}``" in (config_module.__doc__ or ""), key


@pytest.mark.parametrize(
    ("title", "name"),
    [("Swagger Petstore", "swagger_petstore"), ("3D-Print API!", "api_3d_print_api"), ("", "api")],
)
def test_a_title_becomes_a_python_name(title: str, name: str) -> None:
    assert python_name(title) == name
