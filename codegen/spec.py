"""Loading the OpenAPI document and describing its operations for the templates."""

from __future__ import annotations

import builtins
import keyword
import re
from dataclasses import dataclass, field
from typing import Any

from specfirst.document import HTTP_METHODS, Spec, resolve

JSON_MEDIA = re.compile(r"^application/([a-z0-9.+-]+\+)?json$")


def pythonic(name: str) -> str:
    """The argument name Connexion passes with ``pythonic_params=True`` (camelCase -> snake_case)."""
    snake = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name.replace("-", "_")).lower()
    if snake in builtins.__dict__ or keyword.iskeyword(snake):
        snake += "_"
    return snake


def model_name(ref: str) -> str:
    """The class datamodel-code-generator writes for ``#/components/schemas/<name>``."""
    name = ref.rsplit("/", 1)[-1]
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-_. ]", name) if part)


@dataclass(frozen=True)
class Parameter:
    name: str  # as in the spec
    arg: str  # as the handler receives it
    location: str  # query, path or header
    annotation: str  # Python type the handler receives
    required: bool
    default: Any
    convert: str  # expression turning the Connexion value ``{v}`` into ``annotation``


@dataclass(frozen=True)
class Operation:
    operation_id: str
    function: str
    tag: str
    method: str
    path: str
    summary: str
    deprecated: bool
    parameters: list[Parameter]
    body_model: str | None  # model the JSON body is validated into; None: no body
    body_raw: bool  # the body is a merge patch: passed on as the JSON it is
    body_required: bool
    success_status: int
    result_type: str | None  # None: no response body
    statuses: list[str] = field(default_factory=list)
    secured: bool = False  # a bearer token is required: the handler is told who calls
    roles: list[str] = field(default_factory=list)  # x-roles: who may call (empty: any role)


def _schema_type(spec: Spec, schema: dict[str, Any]) -> tuple[str, str]:
    """(annotation, converter) for a parameter schema."""
    if "$ref" in schema:
        target = resolve(spec, schema)
        if "enum" in target and len(target["enum"]) > 1:
            cls = f"models.{model_name(schema['$ref'])}"
            return cls, f"{cls}({{v}})"
        schema = target
    simple = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
    kind = schema.get("type", "string")
    if kind not in simple:
        raise ValueError(f"unsupported parameter schema {schema}")
    return simple[kind], "{v}"


def _parameter(spec: Spec, raw: dict[str, Any]) -> Parameter:
    p = resolve(spec, raw)
    annotation, convert = _schema_type(spec, p.get("schema", {}))
    schema = resolve(spec, p.get("schema", {}))
    default = schema.get("default")
    required = bool(p.get("required")) or default is not None
    return Parameter(
        name=p["name"],
        arg=pythonic(p["name"]),
        location=p["in"],
        annotation=annotation if required else f"{annotation} | None",
        required=bool(p.get("required")),
        default=default,
        convert=convert,
    )


def _result_type(spec: Spec, schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return f"models.{model_name(schema['$ref'])}"
    if "oneOf" in schema:
        return " | ".join(_result_type(spec, s) for s in schema["oneOf"])
    raise ValueError(f"response schemas must be $refs or oneOf of $refs, not {schema}")


def operations(spec: Spec) -> list[Operation]:
    ops: list[Operation] = []
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method in HTTP_METHODS:
            if method not in item:
                continue
            op = item[method]
            params = [_parameter(spec, p) for p in [*shared, *op.get("parameters", [])]]
            body_model, body_raw, body_required = None, False, False
            if "requestBody" in op:
                body = resolve(spec, op["requestBody"])
                body_required = bool(body.get("required"))
                content = body["content"]
                body_raw = any("merge-patch" in media for media in content)
                media = next(m for m in content if JSON_MEDIA.match(m))
                body_model = _result_type(spec, content[media]["schema"])
            success = sorted(
                (code for code in op["responses"] if code.startswith("2")),
                key=list(op["responses"]).index,
            )
            if not success:
                raise ValueError(f"{method.upper()} {path}: no 2xx response")
            response = resolve(spec, op["responses"][success[0]])
            result_type = None
            for media, content in response.get("content", {}).items():
                if JSON_MEDIA.match(media):
                    result_type = _result_type(spec, content["schema"])
            tags = op.get("tags") or ["default"]
            # An operation's own `security` replaces the document's; `[]` means public.
            secured = bool(op.get("security", spec.get("security")))
            ops.append(
                Operation(
                    operation_id=op["operationId"],
                    function=pythonic(op["operationId"]),
                    tag=tags[0],
                    method=method.upper(),
                    path=path,
                    summary=op.get("summary", ""),
                    deprecated=bool(op.get("deprecated")),
                    parameters=params,
                    body_model=body_model,
                    body_raw=body_raw,
                    body_required=body_required,
                    success_status=int(success[0]),
                    result_type=result_type,
                    statuses=list(op["responses"]),
                    secured=secured,
                    roles=list(op.get("x-roles", [])),
                )
            )
    return ops
