"""docs/api.md, the Markdown API reference generated from the spec: fresh, and complete."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from codegen import docs
from codegen.generate import SPEC
from codegen.spec import operations
from specfirst.document import load_spec

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = docs.DOCS.read_text(encoding="utf-8")


def test_reference_is_fresh() -> None:
    assert docs.stale(docs.api_reference(load_spec(SPEC))) == ""


def test_reference_documents_every_operation() -> None:
    for op in operations(load_spec(SPEC)):
        heading = f"#### `{op.operation_id}`: {op.method} `{op.path}`"
        assert heading in REFERENCE.splitlines(), heading
        assert f"[`{op.operation_id}`](#op-{op.operation_id})" in REFERENCE


def test_reference_documents_every_schema_and_links_resolve() -> None:
    spec = load_spec(SPEC)
    for name in spec["components"]["schemas"]:
        assert f'<a id="schema-{name}"></a>' in REFERENCE
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', REFERENCE))
    links = set(re.findall(r"\]\(#([^)]+)\)", REFERENCE))
    assert links - {"operations", "schemas"} <= anchors


def test_reference_shows_parameters_bodies_examples_and_responses() -> None:
    section = REFERENCE.split('<a id="op-listOrders"></a>')[1].split("<a id=")[0]
    assert (
        "| `limit` | query | `integer` | no | Maximum number of items returned. ≥ 1; ≤ 500; default `50`. |"
        in section
    )
    assert "| 404 | `application/problem+json` | [`problem`](#schema-problem) |" in section
    create = REFERENCE.split('<a id="op-createOrder"></a>')[1].split("<a id=")[0]
    assert (
        "| `application/json` | [`order-create-update`](#schema-order-create-update) "
        "| `createOrder` (Create an order (seed request)) |" in create
    )
    contact = REFERENCE.split('<a id="schema-contact"></a>')[1].split("<a id=")[0]
    assert "| `telephoneNumber` | `string` | yes | Min length 1; max length 255. |" in contact
    status = REFERENCE.split('<a id="schema-orderStatus"></a>')[1].split("<a id=")[0]
    assert "Values: `ACKNOWLEDGED`, `IN_PROGRESS`, `HELD`," in status


def test_check_fails_with_a_diff_when_the_reference_is_stale(tmp_path: Path) -> None:
    stale = tmp_path / "api.md"
    stale.write_text(REFERENCE.replace("#### `holdOrder`", "#### `pauseOrder`"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "codegen", "--check", f"--reference={stale}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "-#### `pauseOrder`" in result.stdout and "+#### `holdOrder`" in result.stdout
    assert "docs/api.md is stale" in result.stderr
