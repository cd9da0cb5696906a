"""The spec lint (`nox -s speclint`): Spectral with .spectral.yaml passes on the spec, and its
rules really catch what they are for, on a copy of the spec with planted violations."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SPECTRAL = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "spectral"
SPEC = ROOT / "spec" / "openapi.yaml"


def lint(spec: Path) -> list[dict[str, Any]]:
    """Spectral's findings on ``spec`` with the project's ruleset."""
    if not SPECTRAL.exists():
        pytest.fail(f"{SPECTRAL} is missing: run .ci/install (it installs Spectral with npm ci)")
    result = subprocess.run(
        [
            *(str(SPECTRAL), "lint", str(spec), "--ruleset", str(ROOT / ".spectral.yaml")),
            *("--format", "json", "--quiet", "--fail-severity", "error"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    findings: list[dict[str, Any]] = json.loads(result.stdout or "[]")
    errors = [f for f in findings if f["severity"] == 0]
    assert result.returncode == (1 if errors else 0), result.stderr
    return findings


def test_the_spec_has_no_findings() -> None:
    assert lint(SPEC) == []


def test_the_ruleset_catches_planted_violations(tmp_path: Path) -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    paths = spec["paths"]
    revisions = paths["/orders/{id}/revisions"]["get"]
    revisions["responses"] = {"200": revisions["responses"]["200"]}  # no 4xx at all
    hold = paths["/orders/{id}/hold"]["post"]["responses"]
    for status in [code for code in hold if code.startswith("4")]:  # 4xx, not problem+json
        hold[status] = {"description": "plain", "content": {"application/json": {"schema": {}}}}
    del paths["/orders/{id}/cancel"]["post"]["operationId"]
    del paths["/orders/{id}/release"]["post"]["description"]
    spec["components"]["schemas"]["vlanId"]["example"] = "not a number"
    spec["components"]["examples"]["holdOrderResponse"]["value"]["orderStatus"] = "ON_ICE"
    mutated = tmp_path / "openapi.yaml"
    mutated.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")

    found = {
        (f["code"], ".".join(map(str, f["path"]))) for f in lint(mutated) if f["severity"] == 0
    }

    assert found == {
        ("operation-problem-response", "paths./orders/{id}/revisions.get.responses"),
        ("operation-problem-response", "paths./orders/{id}/hold.post.responses"),
        ("operation-operationId", "paths./orders/{id}/cancel.post"),
        ("operation-description", "paths./orders/{id}/release.post"),
        ("oas3-valid-schema-example", "components.schemas.vlanId.example"),
        ("oas3-valid-media-example", "components.examples.holdOrderResponse.value.orderStatus"),
    }
