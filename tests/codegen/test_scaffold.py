"""``python -m codegen new SPEC DIR``: a new service from a spec, run as its user would run it.

On the OpenAPI Initiative's petstore: the layout, the service answering 501 problem+json over
real HTTP (uvicorn), the mock answering the spec's examples, the scaffold's own smoke test,
lint and mypy (which names each handler still missing, and nothing else), regeneration with
the README's command, and a 20-operation spec generated whole.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.helpers import ROOT, assert_not_implemented, assert_problem, mypy, mypy_errors
from tests.ports import free_port
from tests.servers import wait_until_answering

PETSTORE = ROOT / "tests" / "corpus" / "specs" / "petstore.yaml"
PETSTORE_FUNCTIONS = ("list_pets", "create_pets", "show_pet_by_id")


def codegen_new(spec: Path, target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "codegen", "new", str(spec), str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True)


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not any(part.startswith((".", "__pycache__")) for part in p.parts[-2:])
    }


@pytest.fixture(scope="module")
def petstore(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("scaffold") / "petstore"
    result = codegen_new(PETSTORE, target)
    assert result.returncode == 0, result.stderr
    return target


def test_new_writes_the_service_layout(petstore: Path) -> None:
    assert (petstore / "spec" / "openapi.yaml").read_bytes() == PETSTORE.read_bytes()
    for name in ("__init__.py", "models.py", "protocols.py", "operations.py"):
        assert (petstore / "generated" / name).is_file(), name
    for name in ("__main__.py", "main.py", "handlers.py", "security.py", "settings.py", "mock.py"):
        assert (petstore / "app" / name).is_file(), name
    assert (petstore / "tests" / "test_smoke.py").is_file()
    assert (petstore / "docs" / "api.md").is_file()
    config = tomllib.loads((petstore / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["specfirst"]["spec"] == "spec/openapi.yaml"
    assert config["tool"]["mypy"]["strict"] is True
    readme = (petstore / "README.md").read_text(encoding="utf-8")
    assert "-m app serve --port 8080" in readme and "-m app serve --mock --port 8080" in readme


def test_handler_classes_start_empty(petstore: Path) -> None:
    handlers = (petstore / "app" / "handlers.py").read_text(encoding="utf-8")
    assert "class PetsHandlers:" in handlers
    assert "def " not in handlers


def test_new_refuses_a_folder_that_is_not_empty(petstore: Path) -> None:
    before = tree(petstore)
    result = codegen_new(PETSTORE, petstore)
    assert result.returncode == 1
    assert result.stderr.strip() == f"{petstore}: exists and is not an empty folder"
    assert tree(petstore) == before


def test_new_reports_a_spec_it_cannot_serve_and_leaves_nothing(tmp_path: Path) -> None:
    swagger = tmp_path / "swagger.yaml"
    swagger.write_text(
        yaml.safe_dump({"swagger": "2.0", "info": {"title": "Old", "version": "1"}, "paths": {}}),
        encoding="utf-8",
    )
    result = codegen_new(swagger, tmp_path / "old")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{swagger}: ")
    assert not (tmp_path / "old").exists()


def test_specfirst_is_importable_from_any_folder(tmp_path: Path) -> None:
    result = run(
        [sys.executable, "-c", "import specfirst.app; print(specfirst.app.__file__)"], tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).is_relative_to(ROOT / "specfirst")


def test_the_scaffold_is_lint_clean(petstore: Path) -> None:
    for command in (["check", "."], ["format", "--check", "."]):
        result = run([sys.executable, "-m", "ruff", *command], petstore)
        assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_names_each_missing_handler_and_nothing_else(petstore: Path) -> None:
    errors = mypy_errors(mypy(cwd=petstore).stdout)
    missing = [f'"type[PetsHandlers]" has no attribute "{name}"' for name in PETSTORE_FUNCTIONS]
    assert [e.split(": error: ")[1].split("  [")[0] for e in errors] == [
        *missing,
        'Argument "pets" to "Operations" has incompatible type "app.handlers.PetsHandlers"; '
        'expected "generated.protocols.PetsHandlers"',
    ]
    assert all(e.startswith("app/main.py:") for e in errors)


WRITTEN_HANDLERS = """\
from __future__ import annotations

from generated import models
from specfirst.problems import not_found


class PetsHandlers:
    def __init__(self) -> None:
        self.pets: dict[str, models.Pet] = {}

    def list_pets(self, *, limit: int | None) -> list[models.Pet]:
        return list(self.pets.values())[:limit]

    def create_pets(self, *, body: models.Pet) -> None:
        self.pets[str(body.id)] = body

    def show_pet_by_id(self, *, pet_id: str) -> models.Pet:
        if pet_id not in self.pets:
            raise not_found(f"no pet {pet_id}")
        return self.pets[pet_id]
"""
# In the scaffold's folder: the written handlers answer through the real app.
EXERCISE = """\
from starlette.testclient import TestClient
from app.main import create_app
with TestClient(create_app()) as client:
    print(client.post("/v1/pets", json={"id": 7, "name": "Rex"}).status_code)
    print(client.get("/v1/pets/7").json())
    print(client.get("/v1/pets/8").status_code)
"""


def test_once_the_handlers_are_written_mypy_passes_and_they_answer(
    petstore: Path, tmp_path: Path
) -> None:
    written = tmp_path / "petstore"
    shutil.copytree(petstore, written)
    (written / "app" / "handlers.py").write_text(WRITTEN_HANDLERS, encoding="utf-8")
    checked = mypy(cwd=written)
    assert checked.returncode == 0, checked.stdout
    answered = run([sys.executable, "-c", EXERCISE], written)
    assert answered.stdout.splitlines() == ["201", "{'id': 7, 'name': 'Rex'}", "404"], (
        answered.stderr
    )
    smoke = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], written)
    assert smoke.returncode == 0, smoke.stdout[-3000:]


def test_the_scaffold_smoke_test_passes(petstore: Path) -> None:
    result = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], petstore)
    assert result.returncode == 0, result.stdout[-3000:]
    # The service and mock tests of each of the three operations, and the liveness test.
    assert re.search(r"^7 passed", result.stdout.splitlines()[-1]), result.stdout[-500:]


def serving(folder: Path, *options: str) -> Iterator[str]:
    """``python -m app serve`` in ``folder`` (its own settings, a free loopback port)."""
    port = free_port()
    log = folder / f"serve-{port}.log"
    env = {**os.environ, "SWAGGER_PETSTORE_LOG_FORMAT": "plain"}
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--port", str(port), *options],
        cwd=folder,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{url}/healthz", process, log, timeout=60)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def service(petstore: Path) -> Iterator[str]:
    yield from serving(petstore)


@pytest.fixture
def mock(petstore: Path) -> Iterator[str]:
    yield from serving(petstore, "--mock")


def test_serve_answers_501_problem_json_over_http(service: str) -> None:
    # The petstore's server URL is http://petstore.swagger.io/v1: Connexion serves under /v1.
    for method, path, operation_id in [
        ("GET", "/v1/pets", "listPets"),
        ("GET", "/v1/pets/7", "showPetById"),
    ]:
        response = httpx.request(method, service + path)
        assert_not_implemented(
            response.status_code, response.headers["content-type"], response.json(), operation_id
        )
    # Connexion still validates before the handler would run.
    refused = httpx.post(service + "/v1/pets", json={"id": "seven"})
    assert_problem(refused, 400)


def test_serve_mock_answers_the_spec_s_examples_over_http(mock: str) -> None:
    # The petstore gives no examples: the mock answers the smallest body the schema accepts.
    response = httpx.get(mock + "/v1/pets/7")
    assert response.status_code == 200
    assert response.json() == {"id": 0, "name": "x"}
    assert httpx.get(mock + "/v1/pets").json() == []


def test_regenerating_with_the_readme_command_changes_nothing(petstore: Path) -> None:
    before = tree(petstore / "generated") | {"api.md": (petstore / "docs" / "api.md").read_bytes()}
    readme = (petstore / "README.md").read_text(encoding="utf-8")
    command = re.search(r"regenerate `generated/` after a spec change \| `([^`]+)`", readme)
    assert command is not None
    result = subprocess.run(
        command.group(1),
        shell=True,
        cwd=petstore,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHON": sys.executable},
    )
    assert result.returncode == 0, result.stderr
    after = tree(petstore / "generated") | {"api.md": (petstore / "docs" / "api.md").read_bytes()}
    assert after == before


def twenty_operations() -> dict[str, Any]:
    """A spec of ten resources, each listed and created: 20 operations."""
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    for i in range(10):
        name = f"Thing{i}"
        schemas[name] = {
            "type": "object",
            "required": ["id", "name"],
            "properties": {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "tags": {"type": "array", "items": {"type": "string"}},
            },
        }
        ref = {"$ref": f"#/components/schemas/{name}"}
        schemas[f"{name}List"] = {"type": "array", "items": ref}
        list_ref = {"$ref": f"#/components/schemas/{name}List"}
        ok = {"description": "OK", "content": {"application/json": {"schema": ref}}}
        paths[f"/things{i}"] = {
            "get": {
                "operationId": f"listThings{i}",
                "tags": [f"things{i}"],
                "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": {"application/json": {"schema": list_ref}},
                    }
                },
            },
            "post": {
                "operationId": f"createThing{i}",
                "tags": [f"things{i}"],
                "requestBody": {"required": True, "content": {"application/json": {"schema": ref}}},
                "responses": {"201": ok},
            },
        }
    return {
        "openapi": "3.0.3",
        "info": {"title": "Twenty", "version": "1.0.0"},
        "paths": paths,
        "components": {"schemas": schemas},
    }


def test_new_on_a_twenty_operation_spec(tmp_path: Path) -> None:
    """Every operation of a 20-operation spec is generated (its time is measured by hand, as
    speed is, not asserted here: docs/new-service.md has the figure)."""
    spec = tmp_path / "twenty.yaml"
    spec.write_text(yaml.safe_dump(twenty_operations(), sort_keys=False), encoding="utf-8")
    result = codegen_new(spec, tmp_path / "twenty")
    assert result.returncode == 0, result.stderr
    operations = (tmp_path / "twenty" / "generated" / "operations.py").read_text(encoding="utf-8")
    assert operations.count("    async def ") == 20
