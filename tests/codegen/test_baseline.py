"""The baseline spec (every construct codegen supports) against its golden output, byte for byte.

A change to codegen that changes generated code shows here as a diff to review. When the change
is intended, refresh the goldens and commit them with it:

    CODEGEN_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/codegen/test_baseline.py
"""

from __future__ import annotations

import ast
import builtins
import os
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.generate import build, stale, write
from codegen.spec import RESERVED_ARGUMENTS

BASELINE = Path(__file__).resolve().parent / "baseline"
SPEC = BASELINE / "openapi.yaml"
GOLDEN = BASELINE / "golden"
ROOT = BASELINE.parent.parent.parent
UPDATE = "CODEGEN_UPDATE_GOLDEN"
REFRESH = f"{UPDATE}=1 pytest tests/codegen/test_baseline.py"


@pytest.fixture(scope="module")
def built() -> dict[str, str]:
    files = build(SPEC, regenerate=REFRESH)
    if os.environ.get(UPDATE) == "1":
        write(files, GOLDEN)
    return files


def test_the_baseline_is_its_golden_output(built: dict[str, str]) -> None:
    diff = stale(built, GOLDEN)
    assert diff == "", f"codegen output changed; if intended: {REFRESH}\n{diff}"


def test_the_baseline_is_reproducible(built: dict[str, str]) -> None:
    assert build(SPEC, regenerate=REFRESH) == built


def test_the_generated_code_is_lint_clean_and_strictly_typed(
    built: dict[str, str], tmp_path: Path
) -> None:
    assert stale(built, GOLDEN) == ""  # so the goldens, linted where they are, are the output
    lint = subprocess.run(
        [sys.executable, "-m", "ruff", "check", str(GOLDEN)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout
    package = tmp_path / "baseline"
    write(built, package)
    config = tmp_path / "mypy.ini"
    config.write_text(
        "[mypy]\nstrict = True\nplugins = pydantic.mypy\n"
        "[mypy-connexion.*]\nignore_missing_imports = True\n"
    )
    typed = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), "-p", "baseline"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": str(ROOT)},
    )
    assert typed.returncode == 0, typed.stdout


def test_no_argument_can_shadow_a_name_the_generated_functions_use() -> None:
    """Every name a generated operation's body reads, other than its own arguments and
    builtins, is reserved: an argument mapped to it takes a trailing _ instead."""
    tree = ast.parse((GOLDEN / "operations.py").read_text(encoding="utf-8"))
    operations = next(
        n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Operations"
    )
    used: set[str] = set()
    for method in operations.body:
        if isinstance(method, ast.FunctionDef) and not method.name.startswith("__"):
            arguments = {a.arg for a in [*method.args.args, *method.args.kwonlyargs]}
            comprehended = {
                t.id
                for node in ast.walk(method)
                if isinstance(node, ast.comprehension)
                for t in ast.walk(node.target)
                if isinstance(t, ast.Name)
            }
            body = [n for statement in method.body for n in ast.walk(statement)]
            names = {n.id for n in body if isinstance(n, ast.Name)}
            used |= names - arguments - comprehended - set(dir(builtins))
    assert used, "no generated function found"
    assert used <= RESERVED_ARGUMENTS, used - RESERVED_ARGUMENTS
