"""Every third-party spec of the corpus (tests/corpus/SOURCES.md) becomes a running, typed
service with ``python -m codegen new``:

- the scaffold is made, and regenerating it (the README's command, ``--check``) is
  byte-identical;
- every generated package imports, and passes ``mypy --strict`` (one mypy run over all);
- every operation routes on a real app: the scaffold's own smoke test sends a sample request
  of each (Connexion's test client) and expects 501 problem+json, or 401 for a secured one, or a
  validation 400/422 when the spec gives no way to build a valid request; the same test has the
  mock answer every operation its documented status and body;
- the mock answers an example (or the smallest body its schema accepts) for at least one
  operation of each spec.

A check that still fails on a spec is listed in EXPECTED_FAILURES with the construct and its
JSON pointer; it is a strict xfail, so the list cannot go stale silently.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from codegen.new import scaffold
from specfirst.document import load_spec, operations_of
from specfirst.mock import MockError, mock_response

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent
SPECS = sorted(p for p in (CORPUS / "specs").iterdir() if p.suffix in {".yaml", ".json"})
# (spec file name, check) -> why it fails: the construct and its JSON pointer. Each is a strict
# xfail, so an entry that stops failing must be removed.
EXPECTED_FAILURES: dict[tuple[str, str], str] = {}
CHECKS = ("new", "regenerate", "mypy", "routes", "mock")


def package_name(spec: Path) -> str:
    return "corpus_" + re.sub(r"\W", "_", spec.stem)


def params(check: str) -> list[Any]:
    """The corpus, each spec marked xfail where ``check`` is known to fail on it."""
    assert check in CHECKS
    found = []
    for spec in SPECS:
        reason = EXPECTED_FAILURES.get((spec.name, check))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        found.append(pytest.param(spec, id=spec.stem, marks=marks))
    return found


@dataclass
class Made:
    spec: Path
    folder: Path
    error: str | None
    seconds: float


@pytest.fixture(scope="session")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Made]:
    """``codegen new`` on every spec of the corpus, once for the session."""
    base = tmp_path_factory.mktemp("corpus")
    found = {}
    for spec in SPECS:
        folder = base / spec.stem
        started = time.perf_counter()
        try:
            scaffold(spec, folder)
            error = None
        except Exception as exc:  # what codegen says is the finding: keep it for the report
            error = f"{type(exc).__name__}: {exc}"
        found[spec.name] = Made(spec, folder, error, time.perf_counter() - started)
    return found


def made_for(made: dict[str, Made], spec: Path) -> Made:
    found = made[spec.name]
    assert found.error is None, found.error
    return found


def file_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def git_blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def test_sources_list_every_spec_with_its_exact_bytes() -> None:
    rows = re.findall(
        r"^\| (\S+\.(?:yaml|json)) \|.*\| ([0-9a-f]{40}) \|$",
        (CORPUS / "SOURCES.md").read_text(encoding="utf-8"),
        re.M,
    )
    assert sorted(name for name, _ in rows) == [s.name for s in SPECS]
    for name, blob in rows:
        assert git_blob_id((CORPUS / "specs" / name).read_bytes()) == blob, name


def test_the_corpus_has_every_kind_of_spec_it_promises() -> None:
    names = {s.stem for s in SPECS}
    oai = {"petstore", "petstore-expanded", "uspto", "api-with-examples", "link-example"}
    assert oai | {"callback-example"} <= names
    assert len(names) >= 10
    for spec in SPECS:
        assert str(load_spec(spec)["openapi"]).startswith("3.0."), spec.name
        assert spec.stat().st_size < 1_000_000, spec.name


@pytest.mark.parametrize("spec", params("new"))
def test_codegen_new_makes_the_service(made: dict[str, Made], spec: Path) -> None:
    found = made_for(made, spec)
    for part in ("spec/openapi.yaml", "generated/operations.py", "app/main.py", "README.md"):
        assert (found.folder / part).is_file(), part


@pytest.mark.parametrize("spec", params("regenerate"))
def test_regenerating_changes_nothing(made: dict[str, Made], spec: Path) -> None:
    found = made_for(made, spec)
    before = file_hashes(found.folder)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "codegen",
            "--check",
            "--spec=spec/openapi.yaml",
            "--output=generated",
            "--reference=docs/api.md",
        ],
        cwd=found.folder,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert file_hashes(found.folder) == before


@pytest.fixture(scope="session")
def typed(made: dict[str, Made], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every generated package, under its own name in one folder, imported and then checked by
    ONE ``mypy --strict`` run; the problems of each spec, by name (import failure or mypy's
    errors in its files)."""
    base = tmp_path_factory.mktemp("typed")
    packages: dict[str, str] = {}
    for name, found in made.items():
        if found.error is None:
            folder = base / package_name(found.spec)
            shutil.copytree(found.folder / "generated", folder / "generated")
            (folder / "__init__.py").write_text("", encoding="utf-8")
            packages[name] = folder.name
    (base / "mypy.ini").write_text(
        "[mypy]\nstrict = True\nplugins = pydantic.mypy\n"
        "[mypy-connexion.*]\nignore_missing_imports = True\n",
        encoding="utf-8",
    )
    problems: dict[str, list[str]] = {name: [] for name in packages}
    # One Python imports them all, each in turn, and prints the packages that fail to import.
    importer = (
        "import importlib, sys\n"
        "for package in sys.argv[1:]:\n"
        "    try:\n"
        "        importlib.import_module(package + '.generated.operations')\n"
        "    except Exception as error:\n"
        "        print(package, type(error).__name__, error)\n"
    )
    imported = subprocess.run(
        [sys.executable, "-c", importer, *packages.values()],
        cwd=base,
        capture_output=True,
        text=True,
    )
    for line in imported.stdout.splitlines():
        for name, package in packages.items():
            if line.startswith(f"{package} "):
                problems[name].append(f"import: {line}")
    checked = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file=mypy.ini",
            "--no-incremental",
            *(f"--package={p}" for p in packages.values()),
        ],
        cwd=base,
        capture_output=True,
        text=True,
    )
    for line in checked.stdout.splitlines():
        for name, package in packages.items():
            if line.startswith(f"{package}/") and ": error: " in line:
                problems[name].append(line)
    if checked.returncode not in (0, 1) or (checked.returncode == 1 and not any(problems.values())):
        pytest.fail(f"mypy did not run: {checked.stdout}{checked.stderr}")
    return problems


@pytest.mark.parametrize("spec", params("mypy"))
def test_generated_code_imports_and_passes_mypy_strict(
    made: dict[str, Made], typed: dict[str, list[str]], spec: Path
) -> None:
    made_for(made, spec)
    assert typed[spec.name] == []


@dataclass
class Outcome:
    test: str
    passed: bool
    message: str


def smoke(folder: Path) -> list[Outcome]:
    """The scaffold's own smoke test, run in its folder; each test's outcome."""
    report = folder / "smoke.xml"
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}"],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    outcomes = []
    for case in ET.parse(report).getroot().iter("testcase"):
        failure = next(iter(case), None)
        outcomes.append(
            Outcome(
                case.get("name", ""),
                failure is None,
                "" if failure is None else str(failure.get("message", "")),
            )
        )
    return outcomes


@pytest.mark.parametrize("spec", params("routes"))
def test_every_operation_routes_and_the_mock_answers(made: dict[str, Made], spec: Path) -> None:
    found = made_for(made, spec)
    outcomes = smoke(found.folder)
    failed = [f"{o.test}: {o.message}" for o in outcomes if not o.passed]
    assert failed == []
    count = len(list(operations_of(load_spec(spec))))
    service = [o for o in outcomes if o.test.startswith("test_each_operation_answers_501")]
    mocked = [o for o in outcomes if o.test.startswith("test_the_mock_answers")]
    assert (len(service), len(mocked)) == (count, count)


@pytest.mark.parametrize("spec", params("mock"))
def test_the_mock_has_an_example_for_some_operation(spec: Path) -> None:
    document = load_spec(spec)
    bodies = []
    for method, path, _ in operations_of(document):
        try:
            bodies.append(mock_response(document, method, path)[1])
        except MockError:
            continue
    assert any(body is not None for body in bodies)
