"""The ONE config file: ``[tool.specfirst]`` in the project's pyproject.toml.

Every key is optional; what is absent is derived from the spec (its ``info.title``, made a
Python name: "Pet Store API" -> ``pet_store_api``):

- ``spec``: the OpenAPI document, relative to the project (``spec/openapi.yaml``).
- ``generated``: the package codegen writes (``generated``).
- ``client_package``: the Python client's import name (``<title>_client``).
- ``client_project``: the Python client's distribution name (``<title>-client``, dashed).
- ``client_output``: where the Python client is written (``clients/python``).
- ``metrics_prefix``: the start of every metric's name (``<title>``): ``<prefix>_requests_total``.
- ``access_log``: the logger each request's access line goes to (``<title>.access``).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from specfirst.document import load_spec

PYPROJECT = "pyproject.toml"
DEFAULT_SPEC = "spec/openapi.yaml"
KEYS = (
    "spec",
    "generated",
    "client_package",
    "client_project",
    "client_output",
    "metrics_prefix",
    "access_log",
)


class ConfigError(ValueError):
    """``[tool.specfirst]`` has a key or value the framework does not know."""


@dataclass(frozen=True)
class Config:
    root: Path  # the project: the folder of its pyproject.toml
    spec: Path
    generated: Path
    client_package: str
    client_project: str
    client_output: Path
    metrics_prefix: str
    access_log: str

    def relative(self, path: Path) -> str:
        """``path`` as written from the project's folder (for headers and messages)."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def python_name(title: str) -> str:
    """A title as a Python identifier: lower case words joined by ``_``."""
    name = re.sub(r"[^0-9a-z]+", "_", title.lower()).strip("_")
    if not name or name[0].isdigit():
        name = f"api_{name}".rstrip("_")
    return name


def table(root: Path) -> dict[str, Any]:
    """``[tool.specfirst]`` of ``root``'s pyproject.toml (empty when there is none)."""
    path = root / PYPROJECT
    if not path.exists():
        return {}
    with path.open("rb") as f:
        found = tomllib.load(f).get("tool", {}).get("specfirst", {})
    if not isinstance(found, dict):
        raise ConfigError(f"{path}: [tool.specfirst] must be a table")
    unknown = sorted(set(found) - set(KEYS))
    if unknown:
        raise ConfigError(
            f"{path}: [tool.specfirst] has no key {', '.join(unknown)} (known: {', '.join(KEYS)})"
        )
    for key, value in found.items():
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{path}: [tool.specfirst] {key} must be a non-empty string")
    return found


def load_config(root: Path, *, spec: Path | None = None) -> Config:
    """The project's config; ``spec`` (an explicit document) wins over the configured one."""
    root = root.resolve()
    given = table(root)
    spec_path = spec or root / given.get("spec", DEFAULT_SPEC)

    @functools.cache
    def name() -> str:  # the spec is read only when a key needs its title
        return python_name(str(load_spec(spec_path).get("info", {}).get("title", "api")))

    def value(key: str, default: Callable[[], str]) -> str:
        return str(given[key]) if key in given else default()

    prefix = value("metrics_prefix", name)
    return Config(
        root=root,
        spec=spec_path,
        generated=root / value("generated", lambda: "generated"),
        client_package=value("client_package", lambda: f"{name()}_client"),
        client_project=value("client_project", lambda: f"{name().replace('_', '-')}-client"),
        client_output=root / value("client_output", lambda: "clients/python"),
        metrics_prefix=prefix,
        access_log=value("access_log", lambda: f"{prefix}.access"),
    )
