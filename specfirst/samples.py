"""A sample request for every operation of a spec, for smoke tests of a service and its mock.

Each sample fills the path parameters and the required query, header and cookie parameters, and
sends a body when the operation takes one: the spec's example where it gives one, else the
smallest value its schema accepts (``specfirst.mock.minimal``). When the spec gives no way to
build a valid value (a string pattern without an example), the sample says so (``valid``): the
service then answers it with a validation error, never with a handler's answer.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import orjson

from specfirst.document import Spec, operations_of, resolve
from specfirst.mock import MockError, is_json, minimal

# Values for string formats the mock's minimal value does not match.
FORMAT_SAMPLES = {
    "uuid": "00000000-0000-4000-8000-000000000000",
    "email": "someone@example.com",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "eA==",
}


@dataclass(frozen=True)
class Sample:
    """One request of one operation; ``url`` is ``path`` filled in, with its query string."""

    method: str
    path: str
    operation_id: str | None
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)
    content: bytes | None = None
    valid: bool = True  # False: the spec gave no way to build a valid value for some part
    secured: bool = False  # every security requirement of the operation asks a credential
    schemes: tuple[str, ...] = ()  # the schemes of its first security requirement

    @property
    def label(self) -> str:
        return self.operation_id or f"{self.method.upper()} {self.path}"


class _Invalid(Exception):
    """No valid value could be built; the sample sends a placeholder instead."""


def value_of(spec: Spec, holder: Mapping[str, Any], where: str) -> Any:
    """A parameter's or media type's example, else its schema's smallest valid value."""
    if "example" in holder:
        return holder["example"]
    examples = holder.get("examples")
    if examples:
        return resolve(spec, next(iter(examples.values()))).get("value")
    schema = resolve(spec, holder.get("schema", {}))
    if (
        isinstance(schema, dict)
        and schema.get("format") in FORMAT_SAMPLES
        and not any(key in schema for key in ("example", "default", "enum"))
    ):
        return FORMAT_SAMPLES[schema["format"]]
    try:
        return minimal(spec, schema, where)
    except MockError as error:
        raise _Invalid(str(error)) from error


def as_text(value: Any) -> str:
    """A scalar as a parameter carries it (``simple``/``form`` style, not exploded)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(as_text(v) for v in value)
    if isinstance(value, dict):
        return ",".join(f"{k},{as_text(v)}" for k, v in value.items())
    return str(value)


def _parameter_value(spec: Spec, parameter: Mapping[str, Any], where: str) -> Any:
    value = value_of(spec, parameter, where)
    schema = resolve(spec, parameter.get("schema", {}))
    if isinstance(value, list) and not value and isinstance(schema, dict):
        # A required array is sent with one item, so that the parameter is present at all.
        value = [value_of(spec, {"schema": schema.get("items", {})}, f"{where}/items")]
    return value


def _body(spec: Spec, request_body: Mapping[str, Any], where: str) -> tuple[str, bytes]:
    media, content = next(iter(request_body.get("content", {}).items()))
    base = media.split(";", 1)[0].strip().lower()
    if is_json(media):
        return media, orjson.dumps(value_of(spec, content, f"{where}/{media}"))
    if base == "application/x-www-form-urlencoded":
        fields = value_of(spec, content, f"{where}/{media}")
        pairs = fields.items() if isinstance(fields, dict) else []
        return media, urlencode([(k, as_text(v)) for k, v in pairs]).encode()
    if base.startswith("text/"):
        return media, str(content.get("example", "sample")).encode()
    if base == "multipart/form-data":
        raise _Invalid(f"{where}/{media}: no sample multipart body")
    return media, b"sample"


def base_path(spec: Spec) -> str:
    """Where the operations' paths start, as Connexion serves them: the path of the first
    server's URL, its variables at their defaults (empty without servers)."""
    servers = spec.get("servers") or [{}]
    url = str(servers[0].get("url", ""))
    for name, variable in servers[0].get("variables", {}).items():
        url = url.replace(f"{{{name}}}", str(variable.get("default", "")))
    return urlsplit(url).path.rstrip("/")


def security_of(spec: Spec, operation: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    found = operation.get("security", spec.get("security", []))
    return list(found) if isinstance(found, list) else []


def sample(spec: Spec, method: str, path: str, operation: Mapping[str, Any]) -> Sample:
    """The sample request of one operation."""
    item = resolve(spec, spec["paths"][path])
    declared = {}
    for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
        parameter = resolve(spec, parameter)
        declared[(parameter["in"], parameter["name"])] = parameter
    valid = True
    url = base_path(spec) + path
    query: list[tuple[str, str]] = []
    headers: dict[str, str] = {}
    cookies: dict[str, str] = {}
    for (location, name), parameter in declared.items():
        if location != "path" and not parameter.get("required"):
            continue
        where = f"{method.upper()} {path} {location} parameter {name}"
        try:
            value = _parameter_value(spec, parameter, where)
        except _Invalid:
            valid, value = False, "sample"
        if location == "path":
            url = url.replace(f"{{{name}}}", quote(as_text(value), safe=""))
        elif location == "query":
            explode = parameter.get("explode", parameter.get("style", "form") == "form")
            if isinstance(value, list) and explode:
                query += [(name, as_text(v)) for v in value]
            else:
                query.append((name, as_text(value)))
        elif location == "header":
            headers[name] = as_text(value)
        else:
            cookies[name] = as_text(value)
    content = None
    request_body = resolve(spec, operation.get("requestBody", {}))
    if request_body.get("content"):
        try:
            media, content = _body(spec, request_body, f"{method.upper()} {path} body")
        except _Invalid:
            media, content, valid = "application/json", b"{}", False
        headers["Content-Type"] = media
    requirements = security_of(spec, operation)
    return Sample(
        method=method,
        path=path,
        operation_id=operation.get("operationId"),
        url=url + (f"?{urlencode(query)}" if query else ""),
        headers=headers,
        cookies=cookies,
        content=content,
        valid=valid,
        secured=bool(requirements) and all(requirements),
        schemes=tuple(requirements[0]) if requirements else (),
    )


def samples(spec: Spec) -> list[Sample]:
    """A sample request of every operation, as the spec lists them."""
    return [
        sample(spec, method, path, operation) for method, path, operation in operations_of(spec)
    ]


def with_credential(spec: Spec, found: Sample, credential: str = "sample") -> Sample:
    """``found`` carrying a credential for each scheme of its first security requirement,
    where the scheme says (a mock accepts any credential; a service's verifier decides)."""
    headers, cookies, query = dict(found.headers), dict(found.cookies), []
    declared = spec.get("components", {}).get("securitySchemes", {})
    for name in found.schemes:
        scheme = resolve(spec, declared[name])
        kind = str(scheme.get("type"))
        if kind == "apiKey":
            where = scheme.get("in")
            if where == "header":
                headers[scheme["name"]] = credential
            elif where == "cookie":
                cookies[scheme["name"]] = credential
            else:
                query.append((scheme["name"], credential))
        elif kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            token = base64.b64encode(f"{credential}:{credential}".encode()).decode()
            headers["Authorization"] = f"Basic {token}"
        else:
            headers["Authorization"] = f"Bearer {credential}"
    url = found.url
    if query:
        url += ("&" if "?" in url else "?") + urlencode(query)
    return Sample(
        method=found.method,
        path=found.path,
        operation_id=found.operation_id,
        url=url,
        headers=headers,
        cookies=cookies,
        content=found.content,
        valid=found.valid,
        secured=found.secured,
        schemes=found.schemes,
    )
