"""Loading the OpenAPI document and describing its operations for the templates.

``operations`` reads the working copy of the spec (codegen.hoist), where every model a handler
sees is a named schema, and ``classes`` says which of those datamodel-code-generator made a
class of. A construct codegen cannot serve is collected as an ``Unsupported`` problem: the JSON
pointer into the user's spec and one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from codegen import media
from codegen.media import Kind
from codegen.names import Namer, class_name, identifier, snake
from codegen.pytypes import ClassKind, Types
from specfirst.document import Spec, escape, follow, operations_of, resolve, unescape

# Kept for codegen.examples and codegen.client: a JSON media type, parameters and all.
JSON_MEDIA = re.compile(r"^application/([a-z0-9.+-]+\+)?json\s*(;.*)?$", re.IGNORECASE)


# Names an argument must not take in a generated operation: the handler's own keyword arguments
# and every lower-case name the generated operations module binds or uses inside a function.
RESERVED_ARGUMENTS = frozenset(
    {
        "self",
        "caller",
        "optional_caller",
        "body",
        "models",
        "who",
        "handler",
        "result",
        "parse",
        "convert",
        "respond",
        "not_implemented",
    }
)
# What Starlette routes as a path parameter, once Connexion has made each - a _.
ROUTABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
# OpenAPI 3.0: header parameters with these names are ignored (the transport carries them).
IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})
PROBLEM_JSON = "application/problem+json"
# What a handler gets for a body of these kinds, whatever the schema says.
RAW_BODIES = {Kind.MERGE_PATCH: "dict[str, Any]", Kind.TEXT: "str", Kind.BINARY: "bytes"}
# ... and for a form without an object schema: each field with all its values.
RAW_FORMS = {Kind.FORM: "dict[str, list[str]]", Kind.MULTIPART: "dict[str, list[str | bytes]]"}
SECURITY_TYPES = {"apiKey", "http", "oauth2", "openIdConnect"}
HTTP_SCHEMES = {"basic", "bearer"}


def model_name(ref: str) -> str:
    """The class a ``#/components/schemas/<name>`` becomes when nothing renames it."""
    return class_name(unescape(ref.rsplit("/", 1)[-1]))


def operation_ids(spec: Spec) -> dict[tuple[str, str], str]:
    """Each operation's operationId; one the spec leaves out is made of its method and path
    (``get /pets/{petId}`` -> ``get_pets_pet_id``), numbered when that is taken."""
    ops = list(operations_of(spec))
    given = {op["operationId"] for _, _, op in ops if isinstance(op.get("operationId"), str)}
    derive = Namer(snake, taken=given)
    return {
        (method, path): (
            op["operationId"]
            if isinstance(op.get("operationId"), str)
            else derive(f"{method} {path}")
        )
        for method, path, op in ops
    }


@dataclass(frozen=True)
class Unsupported:
    """A construct codegen does not serve: where it is in the spec, and why, in one sentence."""

    pointer: str
    reason: str

    def __str__(self) -> str:
        return f"{self.pointer}: {self.reason}"


@dataclass(frozen=True)
class Parameter:
    name: str  # as in the spec (the wire name)
    arg: str  # as the handler receives it
    location: str  # path, query, header or cookie
    annotation: str  # Python type the handler receives
    required: bool
    default: Any  # when absent: the value (path, query) or its wire text (header, cookie)
    convert: str  # expression turning the value read ``{v}`` into ``annotation``

    @property
    def key(self) -> str:
        """Where Connexion keeps the value: Starlette routes a path parameter's - as _."""
        return self.name.replace("-", "_") if self.location == "path" else self.name


@dataclass(frozen=True)
class Body:
    kind: Kind
    annotation: str  # what the handler receives
    model: str | None  # the model class when the annotation is exactly one
    required: bool
    media_types: list[str]  # those the handler takes, in the spec's order
    others: bool  # the spec lists media types the handler does not take (answered 415)
    # Multipart with a model: the fields whose schema is an array (several files); None without.
    file_lists: tuple[str, ...] | None = None

    @property
    def read(self) -> str:
        """The expression that reads the body from ``request``."""
        if self.kind in (Kind.JSON, Kind.MERGE_PATCH) and not self.others:
            return "await request_body(request)"  # parsed by the validator already
        args = [repr(self.kind.value)]
        if self.others:
            args.append(f"accepted={tuple(self.media_types)!r}")
        if self.file_lists is not None:
            args.append(f"file_lists={self.file_lists!r}")
        return f"await read_body(request, {', '.join(args)})"

    @property
    def convert(self) -> str:
        """An expression turning the body read ``{v}`` into ``annotation``."""
        if self.model:
            return f"parse({self.model}, {{v}})"
        if self.kind in RAW_BODIES or self.annotation in (*RAW_FORMS.values(), "Any"):
            return "{v}"
        return f"convert({self.annotation}, {{v}})"


@dataclass(frozen=True)
class Response:
    status: str  # "200", "2XX", "default"
    kind: Kind | None  # None: no body
    media_type: str | None
    annotation: str  # "None" without a body


@dataclass(frozen=True)
class Operation:
    operation_id: str  # as in the spec, or made of method and path when it has none
    function: str
    tag: str
    tag_attr: str  # the Operations argument that takes the tag's handlers
    tag_class: str  # <tag_class>Handlers: the tag's Protocol
    method: str
    path: str
    summary: str
    deprecated: bool
    parameters: list[Parameter]
    body: Body | None
    responses: list[Response]
    success_status: int  # the status of a handler result that does not name one
    result_type: str | None  # None: no response has a body
    statuses: list[str] = field(default_factory=list)
    secured: bool = False  # a credential is required: the handler is told who calls
    anonymous: bool = False  # ... or may be left out ({} among the security requirements)
    roles: list[str] = field(default_factory=list)  # x-roles: who may call (empty: any role)
    derived_id: bool = False  # the spec gives no operationId

    @property
    def response_media_types(self) -> dict[str, str] | None:
        """Each response's media type by status; None when every one is application/json."""
        found = {r.status: r.media_type for r in self.responses if r.media_type}
        return found if set(found.values()) - {"application/json"} else None

    @property
    def empty_status(self) -> int | None:
        """The status of a bare None when it is not ``success_status``: the first response
        without a body."""
        bodiless = [r.status for r in self.responses if r.kind is None and r.status.isdigit()]
        status = int(bodiless[0]) if bodiless else None
        return None if status == self.success_status else status


def _union(annotations: list[str]) -> str:
    unique = list(dict.fromkeys(annotations))
    if "Any" in unique:
        return "Any"
    return " | ".join(unique)


class _Reader:
    """Reads the operations of the working copy, collecting what it cannot serve."""

    def __init__(self, spec: Spec, classes: Mapping[str, tuple[str, ClassKind]]) -> None:
        self.spec = spec
        self.types = Types(spec, classes)
        self.problems: list[Unsupported] = []

    def unsupported(self, where: str, reason: str) -> None:
        self.problems.append(Unsupported(where, reason))

    # ---- parameters ---------------------------------------------------------------------------

    def parameters(
        self, shared: list[Any], own: list[Any], item_where: str, op_where: str
    ) -> Iterator[tuple[dict[str, Any], str]]:
        """Path-level, then the operation's own; one of its own replaces a shared one with the
        same name and location (OpenAPI 3.0, Path Item Object)."""
        inherited = [
            follow(self.spec, p, f"{item_where}/parameters/{i}") for i, p in enumerate(shared)
        ]
        declared = [follow(self.spec, p, f"{op_where}/parameters/{i}") for i, p in enumerate(own)]
        replaced = {(p.get("name"), p.get("in")) for p, _ in declared}
        kept = [(p, w) for p, w in inherited if (p.get("name"), p.get("in")) not in replaced]
        for p, where in [*kept, *declared]:
            location = p.get("in")
            if location == "header" and str(p.get("name")).lower() in IGNORED_HEADERS:
                continue
            yield p, where

    def parameter(self, p: dict[str, Any], where: str, arg: str) -> Parameter | None:
        location = str(p["in"])
        if location == "path" and not ROUTABLE.match(str(p["name"])):
            self.unsupported(
                where, "path parameter names may only hold letters, digits, _ and - (Starlette's)"
            )
            return None
        if "schema" not in p:  # a `content` parameter: its text, as sent
            return self._parameter(p, arg, "str", "{v}", None)
        schema, schema_where = follow(self.spec, p["schema"], f"{where}/schema")
        kind = self.types.json_type(schema)
        style = p.get("style")
        if location in ("query", "path") and not self._typed(schema):
            self.unsupported(
                schema_where, "a query or path parameter's schema needs a type (Connexion reads it)"
            )
            return None
        if kind == "object" and not (location == "query" and style == "deepObject"):
            self.unsupported(
                where, "object parameters are only supported in the query with style deepObject"
            )
            return None
        if location == "path" and style in ("label", "matrix"):
            self.unsupported(where, f"path parameters with style {style} are not supported")
            return None
        annotation = self.types.of(p["schema"])
        if kind == "array":
            items, _ = follow(self.spec, schema.get("items", {}), f"{schema_where}/items")
            if self.types.json_type(items) in ("array", "object"):
                self.unsupported(where, "array parameters of arrays or objects are not supported")
                return None
            item = self._scalar(schema.get("items", {}), location, "item")
            # Connexion splits query and path arrays; headers and cookies come as sent.
            values = "{v}.split(',')" if location in ("header", "cookie") else "{v}"
            convert = values if item == "item" else f"[{item} for item in {values}]"
            return self._parameter(p, arg, annotation, convert, schema.get("default"))
        if kind == "object":
            model = self.types.model(p["schema"])
            convert = f"parse({model}, {{v}})" if model else "{v}"
            return self._parameter(p, arg, annotation, convert, schema.get("default"))
        convert = self._scalar(p["schema"], location, "{v}")
        return self._parameter(p, arg, annotation, convert, schema.get("default"))

    def _typed(self, schema: dict[str, Any]) -> bool:
        """Connexion parses a query or path value by its schema's ``type`` (an array's items'
        too), and fails on a schema without one."""
        if not schema:
            return True  # no schema: the text as sent
        if "type" not in schema:
            return False
        items = resolve(self.spec, schema.get("items", {}))
        return schema["type"] != "array" or "type" in items

    def _scalar(self, schema: Any, location: str, value: str) -> str:
        """An expression turning ``value`` (as Connexion hands it over) into the annotation."""
        resolved = resolve(self.spec, schema)
        kind = self.types.json_type(resolved)
        raw_text = location in ("header", "cookie")  # Connexion hands these over as sent
        if raw_text and kind in ("integer", "number", "boolean"):
            value = {
                "integer": f"int({value})",
                "number": f"float({value})",
                "boolean": f"{value}.lower() == 'true'",
            }[kind]
        enum = self.types.enum(schema)
        return f"{enum}({value})" if enum else value

    def _parameter(
        self, p: dict[str, Any], arg: str, annotation: str, convert: str, default: Any
    ) -> Parameter:
        location = str(p["in"])
        required = bool(p.get("required"))
        if default is not None and location in ("header", "cookie"):
            default = _wire_text(default)
        return Parameter(
            name=str(p["name"]),
            arg=arg,
            location=location,
            annotation=annotation if required or default is not None else f"{annotation} | None",
            required=required,
            default=default,
            convert=convert,
        )

    # ---- request body -------------------------------------------------------------------------

    def body(self, raw: Any, where: str) -> Body | None:
        body, where = follow(self.spec, raw, where)
        content = body.get("content") or {}
        required = bool(body.get("required"))
        if not content:  # no media type named: whatever is sent, as sent
            return Body(Kind.BINARY, "bytes", None, required, [], False)
        kind = media.preferred(list(content))
        if kind is None:
            first = next(iter(content))
            self.unsupported(f"{where}/content/{escape(first)}", "XML bodies are not supported")
            return None
        taken = (Kind.MERGE_PATCH, Kind.JSON) if kind is Kind.MERGE_PATCH else (kind,)
        chosen = [m for m in content if media.kind(m) in taken]
        others = len(chosen) < len(content)
        if kind in RAW_BODIES:
            return Body(kind, RAW_BODIES[kind], None, required, chosen, others)
        schemas = [content[m]["schema"] for m in chosen if "schema" in (content[m] or {})]
        if kind in (Kind.FORM, Kind.MULTIPART) and not any(self.types.model(s) for s in schemas):
            return Body(kind, RAW_FORMS[kind], None, required, chosen, others)
        annotations = [self.types.of(s) for s in schemas]
        annotation = _union(annotations) if schemas else "Any"
        model = annotation if len(set(annotations)) == 1 and self.types.model(schemas[0]) else None
        file_lists = self._array_fields(schemas[0]) if kind is Kind.MULTIPART else None
        return Body(kind, annotation, model, required, chosen, others, file_lists)

    def _array_fields(self, schema: Any) -> tuple[str, ...]:
        properties = resolve(self.spec, schema).get("properties") or {}
        return tuple(n for n, p in properties.items() if self.types.json_type(p) == "array")

    # ---- responses ----------------------------------------------------------------------------

    def responses(self, raw: dict[Any, Any], where: str) -> list[Response]:
        found = []
        for status, response in raw.items():
            response, at = follow(self.spec, response, f"{where}/{escape(str(status))}")
            content = (response.get("content") or {}) if isinstance(response, dict) else {}
            if content and all(media.essence(m) == PROBLEM_JSON for m in content):
                continue  # problem+json bodies are the framework's to write
            if not content:
                found.append(Response(str(status), None, None, "None"))
                continue
            answers = [m for m in content if media.essence(m) != PROBLEM_JSON]
            kind = media.preferred(answers)
            if kind is None:
                self.unsupported(
                    f"{at}/content/{escape(answers[0])}", "XML responses are not supported"
                )
                continue
            chosen = next(m for m in answers if media.kind(m) is kind)
            schema = content[chosen].get("schema") if isinstance(content[chosen], dict) else None
            if kind in (Kind.JSON, Kind.MERGE_PATCH):
                annotation = self.types.of(schema) if schema is not None else "Any"
            elif kind is Kind.TEXT:
                annotation = "str"
            elif kind in (Kind.FORM, Kind.MULTIPART):
                self.unsupported(
                    f"{at}/content/{escape(chosen)}", "form responses are not supported"
                )
                continue
            else:
                annotation = "bytes"
            found.append(Response(str(status), kind, chosen, annotation))
        return found

    # ---- security -----------------------------------------------------------------------------

    def security(self, op: dict[str, Any], where: str) -> tuple[bool, bool]:
        """(secured, anonymous): an operation's own `security` replaces the document's; `[]`
        means public, and an empty requirement `{}` among others makes a credential optional."""
        requirements = op["security"] if "security" in op else self.spec.get("security")
        at = f"{where}/security" if "security" in op else "/security"
        schemes = (self.spec.get("components") or {}).get("securitySchemes") or {}
        for i, requirement in enumerate(requirements or []):
            for name in requirement or {}:
                if name not in schemes:
                    self.unsupported(
                        f"{at}/{i}/{escape(name)}",
                        f"security scheme {name} is not defined in components/securitySchemes",
                    )
        secured = any(requirements or [])
        anonymous = secured and any(not r for r in requirements or [])
        return secured, anonymous


def _wire_text(value: Any) -> str:
    """A default as a header or cookie would carry it (style simple/form, not exploded)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(_wire_text(v) for v in value)
    return str(value)


def security_problems(spec: Spec) -> list[Unsupported]:
    """Security schemes of a type or HTTP scheme the framework has no verifier for."""
    problems = []
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    for name, raw in schemes.items():
        scheme, where = follow(spec, raw, f"/components/securitySchemes/{escape(name)}")
        kind = scheme.get("type")
        if kind not in SECURITY_TYPES:
            problems.append(Unsupported(f"{where}/type", f"{kind} security is not supported"))
        elif kind == "http" and str(scheme.get("scheme", "")).lower() not in HTTP_SCHEMES:
            problems.append(
                Unsupported(
                    f"{where}/scheme",
                    f"HTTP {scheme.get('scheme')} authentication is not supported "
                    "(basic and bearer are)",
                )
            )
    return problems


def _success_status(statuses: list[str]) -> int:
    """The status of a result that does not name one: the first 2xx the spec lists."""
    for status in statuses:
        if status.startswith("2"):
            return int(status) if status.isdigit() else 200
    return 200


def operations(
    spec: Spec,
    classes: Mapping[str, tuple[str, ClassKind]] | None = None,
    problems: list[Unsupported] | None = None,
) -> list[Operation]:
    """Every operation of the (working copy of the) spec, in the document's order.

    ``classes``: the class and kind of each ``components/schemas`` key that has one; by default
    every object schema and enum is taken to be a class named after its key. Constructs codegen
    cannot serve are appended to ``problems`` (raised as ValueError without it)."""
    reader = _Reader(spec, classes if classes is not None else default_classes(spec))
    ids = operation_ids(spec)
    functions = Namer(identifier)
    named = {key: functions(op_id) for key, op_id in ids.items()}
    tag_attrs = Namer(lambda tag: identifier(tag, {"self"}), taken=named.values())
    tags: dict[str, tuple[str, str]] = {}
    ops: list[Operation] = []
    for method, path, op in operations_of(spec):
        item, item_where = follow(spec, spec["paths"][path], f"/paths/{escape(path)}")
        where = f"{item_where}/{method}"
        op_id = ids[(method, path)]
        args = Namer(lambda name: identifier(name, RESERVED_ARGUMENTS))
        params = []
        for raw, at in reader.parameters(
            item.get("parameters") or [], op.get("parameters") or [], item_where, where
        ):
            parameter = reader.parameter(raw, at, args(str(raw.get("name"))))
            if parameter is not None:
                params.append(parameter)
        body = None
        if "requestBody" in op:
            body = reader.body(op["requestBody"], f"{where}/requestBody")
        raw_responses = {str(k): v for k, v in (op.get("responses") or {}).items()}
        responses = reader.responses(raw_responses, f"{where}/responses")
        annotations = [r.annotation for r in responses]
        result_type = _union(annotations) if any(a != "None" for a in annotations) else None
        tag = str((op.get("tags") or ["default"])[0])
        if tag not in tags:
            attr = tag_attrs(tag)
            tags[tag] = (attr, "".join(part.capitalize() for part in attr.split("_")))
        secured, anonymous = reader.security(op, where)
        ops.append(
            Operation(
                operation_id=op_id,
                function=named[(method, path)],
                tag=tag,
                tag_attr=tags[tag][0],
                tag_class=tags[tag][1],
                method=method.upper(),
                path=path,
                summary=str(op.get("summary", "")),
                deprecated=bool(op.get("deprecated")),
                parameters=params,
                body=body,
                responses=responses,
                success_status=_success_status(list(raw_responses)),
                result_type=result_type,
                statuses=list(raw_responses),
                secured=secured,
                anonymous=anonymous,
                roles=[str(r) for r in op.get("x-roles") or []],
                derived_id=not isinstance(op.get("operationId"), str),
            )
        )
    found = list(dict.fromkeys(reader.problems))  # a path-level one is met by each operation
    if problems is not None:
        problems.extend(found)
    elif found:
        raise ValueError("\n".join(map(str, found)))
    return ops


def default_classes(spec: Spec) -> dict[str, tuple[str, ClassKind]]:
    """What datamodel-code-generator makes of each schema, told from the schema alone."""
    classes: dict[str, tuple[str, ClassKind]] = {}
    for key, schema in ((spec.get("components") or {}).get("schemas") or {}).items():
        schema = resolve(spec, schema)
        if len(schema.get("enum") or []) > 1:
            classes[key] = (class_name(key), "enum")
        elif schema.get("properties") or "allOf" in schema:
            classes[key] = (class_name(key), "model")
    return classes
