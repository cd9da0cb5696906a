"""The Markdown API reference, docs/api.md, from the spec (template: templates/api.md.j2).

Everything is taken in the spec's own order (tags as listed under ``tags``, operations in path
order, schemas as declared), so the output only changes when the spec does.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from codegen.project import ROOT, header
from codegen.spec import operation_ids
from specfirst.document import HTTP_METHODS, Spec, resolve

DOCS = ROOT / "docs" / "api.md"
SPEC = ROOT / "spec" / "openapi.yaml"
TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class Row:
    """One line of a parameters, properties or responses table."""

    name: str
    type: str
    required: bool
    description: str
    extra: str = ""  # location of a parameter, media type of a response, constraints


@dataclass(frozen=True)
class Body:
    required: bool
    media: list[tuple[str, str, list[str]]]  # (media type, schema, example names)


@dataclass(frozen=True)
class DocOperation:
    operation_id: str
    method: str
    path: str
    summary: str
    description: str
    deprecated: bool
    parameters: list[Row]
    body: Body | None
    responses: list[Row]
    access: str = ""  # who may call it: a bearer token and its roles, or public


@dataclass(frozen=True)
class DocSchema:
    name: str
    kind: str
    description: str
    properties: list[Row] = field(default_factory=list)
    enum: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    discriminator: str = ""


def cell(text: Any) -> str:
    """Text that fits in one table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def schema_link(ref: str) -> str:
    name = ref.rsplit("/", 1)[-1]
    return f"[`{name}`](#schema-{name})"


def type_of(schema: dict[str, Any]) -> str:
    """A short, linked description of a schema's type: `string`, array of [`item`](…), …"""
    if "$ref" in schema:
        return schema_link(schema["$ref"])
    if "oneOf" in schema:
        return " or ".join(type_of(s) for s in schema["oneOf"])
    kind = schema.get("type")
    if kind == "array":
        return f"array of {type_of(schema.get('items', {}))}"
    if kind is None:
        return "any"
    text = f"`{kind}`"
    if "format" in schema:
        text += f" ({schema['format']})"
    return text


def constraints(schema: dict[str, Any]) -> str:
    """Enum values, bounds, pattern and default of an inline schema."""
    parts = []
    if "enum" in schema:
        parts.append("one of " + ", ".join(f"`{v}`" for v in schema["enum"]))
    for key, label in (
        ("minimum", "≥"),
        ("maximum", "≤"),
        ("minLength", "min length"),
        ("maxLength", "max length"),
        ("minItems", "min items"),
        ("maxItems", "max items"),
        ("minProperties", "min properties"),
    ):
        if key in schema:
            parts.append(f"{label} {schema[key]}")
    if "pattern" in schema:
        parts.append(f"pattern `{schema['pattern']}`")
    if "default" in schema:
        parts.append(f"default `{schema['default']}`")
    if schema.get("readOnly"):
        parts.append("read-only")
    return "; ".join(parts)


def sentences(*parts: str) -> str:
    """The non-empty parts as sentences, in one table cell."""
    found = [cell(part).rstrip(".") for part in parts if part.strip()]
    found = [part[:1].upper() + part[1:] for part in found]
    return ". ".join(found) + "." if found else ""


def _describe(schema: dict[str, Any]) -> str:
    return sentences(schema.get("description", ""), constraints(schema))


def _parameters(spec: Spec, raw: list[dict[str, Any]]) -> list[Row]:
    rows = []
    for p in (resolve(spec, r) for r in raw):
        schema = p.get("schema", {})
        rows.append(
            Row(
                name=p["name"],
                type=type_of(schema),
                required=bool(p.get("required")),
                # A referenced schema's constraints are in its own section, where the type links.
                description=sentences(p.get("description", ""), constraints(schema)),
                extra=p["in"],
            )
        )
    return rows


def _example_names(spec: Spec, media: dict[str, Any]) -> list[str]:
    names = []
    for name, example in media.get("examples", {}).items():
        summary = resolve(spec, example).get("summary")
        names.append(f"`{name}` ({summary})" if summary else f"`{name}`")
    return names


def _responses(spec: Spec, responses: dict[str, Any]) -> list[Row]:
    rows = []
    for status, raw in responses.items():
        response = resolve(spec, raw)
        content = response.get("content", {})
        media = ", ".join(f"`{m}`" for m in content)
        types = {type_of(c["schema"]) for c in content.values() if "schema" in c}
        headers = ", ".join(f"`{h}`" for h in response.get("headers", {}))
        examples = [n for c in content.values() for n in _example_names(spec, c)]
        description = sentences(
            response.get("description", ""),
            f"Headers: {headers}" if headers else "",
            f"Examples: {', '.join(examples)}" if examples else "",
        )
        rows.append(
            Row(
                name=status,
                type=" / ".join(sorted(types)) or "—",
                required=False,
                description=description,
                extra=media or "—",
            )
        )
    return rows


def doc_operations(spec: Spec) -> dict[str, list[DocOperation]]:
    """Operations by tag, tags in the order the spec lists them."""
    by_tag: dict[str, list[DocOperation]] = {t["name"]: [] for t in spec.get("tags", [])}
    ids = operation_ids(spec)  # an operation without an operationId is named by method and path
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method not in item:
                continue
            op = item[method]
            body = None
            if "requestBody" in op:
                raw = resolve(spec, op["requestBody"])
                body = Body(
                    required=bool(raw.get("required")),
                    media=[
                        (media, type_of(c.get("schema", {})), _example_names(spec, c))
                        for media, c in raw["content"].items()
                    ],
                )
            tag = (op.get("tags") or ["default"])[0]
            by_tag.setdefault(tag, []).append(
                DocOperation(
                    operation_id=ids[(method, path)],
                    method=method.upper(),
                    path=path,
                    summary=op.get("summary", ""),
                    description=op.get("description", "").strip(),
                    deprecated=bool(op.get("deprecated")),
                    parameters=_parameters(
                        spec, [*item.get("parameters", []), *op.get("parameters", [])]
                    ),
                    body=body,
                    responses=_responses(spec, op["responses"]),
                    access=_access(spec, op),
                )
            )
    return by_tag


def _access(spec: Spec, op: dict[str, Any]) -> str:
    if not op.get("security", spec.get("security")):
        return "Public: no token needed."
    roles = op.get("x-roles") or []
    who = " or ".join(f"`{role}`" for role in roles) if roles else "any"
    return f"Bearer token of a {who} party."


def doc_schemas(spec: Spec) -> list[DocSchema]:
    schemas = []
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        if "oneOf" in schema:
            schemas.append(
                DocSchema(
                    name=name,
                    kind="",
                    description=sentences(schema.get("description", "")),
                    alternatives=[type_of(s) for s in schema["oneOf"]],
                    discriminator=schema.get("discriminator", {}).get("propertyName", ""),
                )
            )
            continue
        required = set(schema.get("required", []))
        properties = [
            Row(
                name=prop,
                type=type_of(sub),
                required=prop in required,
                description=_describe(sub),
            )
            for prop, sub in schema.get("properties", {}).items()
        ]
        extra = constraints({k: v for k, v in schema.items() if k != "enum"})
        kind = type_of(schema)
        if schema.get("additionalProperties") is False:
            kind += " (no other properties)"
        schemas.append(
            DocSchema(
                name=name,
                kind=kind,
                description=sentences(schema.get("description", ""), extra),
                properties=properties,
                enum=[str(v) for v in schema.get("enum", [])],
            )
        )
    return schemas


def api_reference(spec: Spec, spec_path: Path = SPEC) -> str:
    """The text of docs/api.md, for ``spec`` (read from ``spec_path``)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["cell"] = cell
    info = spec["info"]
    text = env.get_template("api.md.j2").render(
        header=header(spec_path),
        title=info["title"],
        version=info["version"],
        description=info.get("description", "").strip(),
        tags={t["name"]: t.get("description", "") for t in spec.get("tags", [])},
        operations=doc_operations(spec),
        schemas=doc_schemas(spec),
    )
    # The template keeps its blocks readable; the blank lines they leave are squeezed here.
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def stale(text: str, path: Path = DOCS) -> str:
    """A unified diff from ``path`` to ``text``; empty when up to date."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            text.splitlines(keepends=True),
            "docs/api.md",
            "docs/api.md (from spec)",
        )
    )


def write(text: str, path: Path = DOCS) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
