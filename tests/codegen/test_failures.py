"""What codegen cannot serve stops it with the spec's JSON pointer and one sentence, exit code 1,
never a traceback. Each spec under failures/ with its exact message."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from codegen.__main__ import cli

FAILURES = Path(__file__).resolve().parent / "failures"
ROOT = FAILURES.parent.parent.parent

EXPECTED = {
    "xml_body.yaml": [
        "/paths/~1pets/post/requestBody/content/application~1xml: XML bodies are not supported"
    ],
    "xml_response.yaml": [
        "/paths/~1pets/get/responses/200/content/text~1xml: XML responses are not supported"
    ],
    "external_ref.yaml": [
        "/paths/~1pets/get/responses/200/content/application~1json/schema/$ref: "
        "pets.yaml#/Pets is in another document; only local $refs are supported"
    ],
    "openapi_31.yaml": ["/openapi: OpenAPI 3.1.0 is not supported; Connexion serves 3.0.x"],
    "swagger_2.yaml": [
        "/swagger: Swagger 2.0 documents are not supported; convert it to OpenAPI 3.0"
    ],
    "object_query_form.yaml": [
        "/paths/~1pets/get/parameters/0: "
        "object parameters are only supported in the query with style deepObject"
    ],
    "path_label.yaml": [
        "/paths/~1pets~1{ids}/parameters/0: path parameters with style label are not supported"
    ],
    "path_name.yaml": [
        "/paths/~1orders~1{order.id}/get/parameters/0: "
        "path parameter names may only hold letters, digits, _ and - (Starlette's)"
    ],
    "untyped_parameter.yaml": [
        "/components/schemas/Kind: "
        "a query or path parameter's schema needs a type (Connexion reads it)"
    ],
    "nested_array_parameter.yaml": [
        "/paths/~1grid/get/parameters/0: array parameters of arrays or objects are not supported"
    ],
    "http_digest.yaml": [
        "/components/securitySchemes/digest/scheme: "
        "HTTP digest authentication is not supported (basic and bearer are)"
    ],
    "undefined_scheme.yaml": [
        "/paths/~1pets/get/security/0/apiKey: "
        "security scheme apiKey is not defined in components/securitySchemes"
    ],
    "several.yaml": [
        "/paths/~1pets~1{petId}/parameters/0: path parameters with style matrix are not supported",
        "/paths/~1pets~1{petId}/put/requestBody/content/application~1xml: "
        "XML bodies are not supported",
    ],
    # datamodel-code-generator's own message, as it says it.
    "allof_cycle.yaml": [
        "datamodel-code-generator failed:",
        "Generated model inheritance cycle: A (allof_cycle.yaml#/components/schemas/A) -> "
        "B (allof_cycle.yaml#/components/schemas/B) -> A (allof_cycle.yaml#/components/schemas/A)",
    ],
    # An invalid spec: every problem listed, as for any invalid spec.
    "dangling_ref.yaml": [
        "invalid:",
        "spec: /paths/~1pets/get/responses/200/content/application~1json/schema/$ref: "
        "#/components/schemas/Pets points nowhere in the document",
    ],
}


def test_every_failure_spec_has_its_message() -> None:
    assert sorted(p.name for p in FAILURES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_failure_is_reported_with_its_pointer(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    spec = (FAILURES / name).relative_to(ROOT)
    output, reference = tmp_path / "generated", tmp_path / "api.md"
    result = CliRunner().invoke(
        cli, [f"--spec={spec}", f"--output={output}", f"--reference={reference}"]
    )
    assert isinstance(result.exception, SystemExit), result.exception  # no crash, no traceback
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    if EXPECTED[name][0] in ("invalid:", "datamodel-code-generator failed:"):
        assert lines == [f"{spec}: {EXPECTED[name][0]}", *EXPECTED[name][1:]]
    else:
        assert lines == [f"{spec}: {line}" for line in EXPECTED[name]]
    assert "Traceback" not in result.output
    assert not output.exists() and not reference.exists()
