"""codegen: golden output, reproducibility, and problems reported with their paths."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from codegen.generate import OUTPUT, SPEC, SpecError, build, stale, write
from codegen.spec import operations
from specfirst.document import load_spec

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built() -> dict[str, str]:
    return build()


def test_generated_is_the_golden_output(built: dict[str, str]) -> None:
    assert stale(built) == ""
    assert sorted(built) == sorted(p.name for p in OUTPUT.glob("*.py"))


def test_generation_is_reproducible(built: dict[str, str]) -> None:
    assert build() == built


def test_check_shows_a_diff_when_stale(built: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write(built, out)
    assert stale(built, out) == ""
    models = out / "models.py"
    models.write_text(models.read_text().replace("class Order(", "class Orders("))
    diff = stale(built, out)
    assert "-class Orders(" in diff and "+class Order(" in diff


def test_check_command_exits_nonzero_when_stale(built: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write({**built, "operations.py": built["operations.py"] + "# edited by hand\n"}, out)
    result = subprocess.run(
        [sys.executable, "-m", "codegen", "--check", f"--output={out}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "-# edited by hand" in result.stdout
    assert "stale" in result.stderr


def _spec_copy(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    spec = load_spec(SPEC)
    return tmp_path / "openapi.yaml", spec


def test_invalid_examples_are_reported_with_their_json_paths(tmp_path: Path) -> None:
    path, spec = _spec_copy(tmp_path)
    example = spec["components"]["examples"]["createOrderRequest"]["value"]
    example["orderItems"][0]["quantity"] = 0
    del example["buyerId"]
    spec["components"]["examples"]["getOrderNotificationResponse"]["value"]["enniSvlanIds"][0][
        "svlanId"
    ] = 5000
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    with pytest.raises(SpecError) as raised:
        build(path)
    lines = str(raised.value).splitlines()
    assert (
        "POST /orders request application/json examples.createOrder: /: 'buyerId' is a required property"
        in lines
    )
    assert (
        "POST /orders request application/json examples.createOrder: /orderItems/0/quantity: "
        "0 is less than the minimum of 1" in lines
    )
    assert (
        "GET /orders/{id}/notification 200 response application/json examples.getOrderNotification: "
        "/enniSvlanIds/0/svlanId: 5000 is greater than the maximum of 4094" in lines
    )


def test_invalid_spec_is_reported_with_its_path(tmp_path: Path) -> None:
    path, spec = _spec_copy(tmp_path)
    del spec["paths"]["/orders/{id}/hold"]["post"]["responses"]
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    with pytest.raises(SpecError, match=r"/paths/~1orders~1\{id\}~1hold/post|paths/.*hold"):
        build(path)


def test_operation_ids_are_language_neutral_and_all_resolved() -> None:
    from generated.operations import OPERATION_FUNCTIONS, Operations

    ops = operations(load_spec(SPEC))
    assert {op.operation_id for op in ops} == set(OPERATION_FUNCTIONS)
    for op in ops:
        assert op.operation_id.isalnum(), op.operation_id
        assert callable(getattr(Operations, OPERATION_FUNCTIONS[op.operation_id]))


def test_spec_has_no_python_paths() -> None:
    text = SPEC.read_text()
    assert "x-openapi-router-controller" not in text
    assert "app." not in "".join(op.operation_id for op in operations(load_spec(SPEC)))


def test_codegen_never_writes_into_app(tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(
        ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "*.db", "__pycache__", ".*cache")
    )
    before = {p: p.read_bytes() for p in (copy / "app").rglob("*.py")}
    subprocess.run([sys.executable, "-m", "codegen"], cwd=copy, check=True, capture_output=True)
    assert {p: p.read_bytes() for p in (copy / "app").rglob("*.py")} == before
