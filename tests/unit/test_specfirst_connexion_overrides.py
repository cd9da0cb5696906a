"""specfirst.connexion_overrides: it refuses, at app creation and with both versions named, a
Connexion other than the one its overrides were written for; and it is the only module of the
framework that subclasses Connexion."""

from __future__ import annotations

import ast
import re
from importlib.metadata import version
from pathlib import Path

import pytest
from connexion.exceptions import InvalidSpecification

from specfirst import connexion_overrides
from specfirst.connexion_overrides import (
    WRITTEN_FOR,
    ConnexionVersionError,
    check_connexion_version,
    connexion_view,
)
from tests.specfirst_support import document, operation, project, service

FRAMEWORK = Path(connexion_overrides.__file__).parent


def test_written_for_the_pinned_connexion() -> None:
    assert WRITTEN_FOR == "3.3.0" == version("connexion")
    check_connexion_version()  # passes


def test_another_connexion_is_refused_naming_both_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connexion_overrides, "installed_connexion", lambda: "3.4.1")
    with pytest.raises(ConnexionVersionError) as refused:
        check_connexion_version()
    message = str(refused.value)
    assert "written for connexion 3.3.0" in message
    assert "connexion 3.4.1 is installed" in message
    assert "specfirst/connexion_overrides.py" in message


def test_the_check_runs_when_an_app_is_created_not_at_import(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = project(tmp_path, document({"/x": {"get": operation("x")}}))
    monkeypatch.setattr(connexion_overrides, "installed_connexion", lambda: "4.0.0")
    with pytest.raises(ConnexionVersionError, match=r"connexion 4\.0\.0 is installed"):
        service(config, {})


def _connexion_subclasses(path: Path) -> list[str]:
    """Classes in ``path`` whose bases come from connexion (by the names it imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    from_connexion = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("connexion")
        for alias in node.names
    }
    return [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any(isinstance(b, ast.Name) and b.id in from_connexion for b in node.bases)
    ]


def test_only_the_overrides_module_subclasses_connexion() -> None:
    found = {
        path.name: _connexion_subclasses(path)
        for path in sorted(FRAMEWORK.glob("*.py"))
        if _connexion_subclasses(path)
    }
    assert list(found) == ["connexion_overrides.py"], found
    assert {"GeneratedApp", "RequestValidation", "SwaggerUIAtItsPath", "SpecResolver"} <= set(
        found["connexion_overrides.py"]
    )


def test_nothing_patches_connexion_outside_the_overrides() -> None:
    for path in FRAMEWORK.glob("*.py"):
        if path.name != "connexion_overrides.py":
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"setattr\(connexion|connexion\.\w+\.\w+ = ", text), path


def test_scheme_names_ride_along_in_a_copy_of_the_spec() -> None:
    spec = document(
        {},
        components={
            "securitySchemes": {
                "a": {"$ref": "#/components/x-shared"},
                "b": {"type": "http", "scheme": "bearer"},
            },
            "x-shared": {"type": "http", "scheme": "basic"},
        },
    )
    named = connexion_view(spec)
    schemes = named["components"]["securitySchemes"]
    assert schemes["a"] == {"type": "http", "scheme": "basic", "x-specfirst-scheme": "a"}
    assert schemes["b"]["x-specfirst-scheme"] == "b"
    assert "x-specfirst-scheme" not in spec["components"]["securitySchemes"]["b"]


def test_connexion_is_given_media_types_without_their_parameters() -> None:
    content = {
        "application/json; charset=utf-8": {"schema": {"type": "object"}},
        "text/plain;charset=utf-8": {"schema": {"type": "string"}},
    }
    spec = document({"/x": {"post": {"requestBody": {"content": content}, "responses": {}}}})
    view = connexion_view(spec)
    assert list(view["paths"]["/x"]["post"]["requestBody"]["content"]) == [
        "application/json",
        "text/plain",
    ]
    assert list(spec["paths"]["/x"]["post"]["requestBody"]["content"]) == list(content)


def test_a_spec_found_valid_is_not_checked_again_an_invalid_one_always_is(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(connexion_overrides, "_VALID_SPECS", set())
    valid = document({"/x": {"get": operation("x")}})
    service(project(tmp_path / "a", valid), {})
    service(project(tmp_path / "b", valid), {})  # the same content, from another file
    assert len(connexion_overrides._VALID_SPECS) == 1  # remembered once, by content
    invalid = document({"/x": {"get": {"responses": "not a mapping"}}})
    for attempt in ("c", "d"):
        with pytest.raises(InvalidSpecification, match="'not a mapping' is not of type 'object'"):
            service(project(tmp_path / attempt, invalid), {})
    assert len(connexion_overrides._VALID_SPECS) == 1
