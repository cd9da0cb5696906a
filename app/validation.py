"""Request validators that report every failure, not just the first (Connexion stops at one).

Each failure becomes an entry of the problem's ``errors``: a JSON pointer into the body (or the
parameter's name) and a message.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncGenerator, Iterator, Mapping
from typing import Any, ClassVar

from connexion.datastructures import MediaTypeDict
from connexion.exceptions import BadRequestProblem
from connexion.lifecycle import ConnexionRequest
from connexion.middleware.request_validation import (
    RequestValidationAPI,
    RequestValidationMiddleware,
    RequestValidationOperation,
)
from connexion.utils import is_null, is_nullable
from connexion.validators import VALIDATOR_MAP, JSONRequestBodyValidator, ParameterValidator
from jsonschema import Draft4Validator, ValidationError
from starlette.types import ASGIApp, Receive, Scope, Send

from app.compiled_schemas import CompiledBodies
from app.storage.orders import parse_instant
from generated.runtime import invalid, keep_parsed_body, pointer


def _meant(errors: list[ValidationError]) -> bool:
    """Whether the value was meant for the ``oneOf`` branch that gave these errors: not when it
    lacks the branch's ``objectType``, nor when it is not even of the branch's type or values
    (an object against a ``null``-only branch)."""
    return not any(
        list(e.relative_path) == ["objectType"]
        or (not e.relative_path and e.validator in ("type", "enum"))
        for e in errors
    )


def _leaf_errors(error: ValidationError) -> Iterator[ValidationError]:
    """For a failed ``oneOf``, the errors of the one branch the value was meant for."""
    if error.validator != "oneOf" or not error.context:
        yield error
        return
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    chosen = [errors for errors in branches.values() if _meant(errors)]
    if len(chosen) == 1:
        for sub in chosen[0]:
            yield from _leaf_errors(sub)
    else:
        yield error


REQUIRED = re.compile(r"^'(.+)' is a required property$")


def _entries(error: ValidationError) -> Iterator[dict[str, str]]:
    """Each entry's pointer names the field at fault: the missing or the unexpected one too."""
    path = list(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    missing = REQUIRED.match(error.message) if error.validator == "required" else None
    if missing:
        yield {"pointer": pointer([*path, missing.group(1)]), "detail": "is required"}
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = schema.get("properties", {})
        for name in sorted(set(error.instance) - set(known)):
            yield {
                "pointer": pointer([*path, name]),
                "detail": "is not a field that can be sent here",
            }
    elif error.validator == "pattern" and "description" in schema:
        # The description says what the regular expression means; the expression does not.
        yield {
            "pointer": pointer(path),
            "detail": f"{error.instance!r} is not valid: {schema['description']}",
        }
    else:
        yield {"pointer": pointer(path), "detail": error.message}


# Text may hold any character but U+0000: PostgreSQL stores no NUL in text or JSON, so
# neither database accepts one (the answer is the same 422 on SQLite as on PostgreSQL).
NUL = "\x00"
NUL_DETAIL = "must not contain the NUL character (U+0000)"


def nul_pointers(value: Any, path: tuple[Any, ...] = ()) -> Iterator[str]:
    """JSON pointers of the strings (values and keys) in ``value`` that contain U+0000."""
    if isinstance(value, str):
        if NUL in value:
            yield pointer(path)
    elif isinstance(value, dict):
        for key, item in value.items():
            if NUL in key:
                yield pointer((*path, key))
            else:
                yield from nul_pointers(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from nul_pointers(item, (*path, index))


def body_errors(errors: Iterator[ValidationError]) -> list[dict[str, str]]:
    found = [entry for error in errors for leaf in _leaf_errors(error) for entry in _entries(leaf)]
    return sorted(found, key=lambda e: e["pointer"])


class AllErrorsJSONBodyValidator(JSONRequestBodyValidator):  # type: ignore[misc]
    """Connexion makes one per request; ``compiled`` is bound by ``validator_map``."""

    compiled: CompiledBodies | None = None
    _may_hold_nul = True

    async def _parse(self, stream: AsyncGenerator[bytes, None], scope: Scope) -> Any:
        # As Connexion's own _parse, and it notes whether the text can hold a NUL at all: JSON
        # text only carries one as the escape \u0000 (json.loads refuses a raw one in strings).
        raw = b"".join([chunk async for chunk in stream])
        try:
            text = raw.decode(self._encoding)
        except UnicodeDecodeError as error:
            detail = f"the body is not {self._encoding} text: {error.reason} at byte {error.start}"
            raise invalid(400, [{"pointer": "/", "detail": detail}]) from error
        self._may_hold_nul = "\\u0000" in text or NUL in text
        if not text:
            return None
        try:
            body = json.loads(text)
        except json.JSONDecodeError as error:
            raise BadRequestProblem(detail=str(error)) from error
        keep_parsed_body(scope, body)  # the operation takes it from here: parsed once
        return body

    def _validate(self, body: Any) -> dict[str, Any] | None:
        if not self._nullable and body is None:
            raise invalid(400, [{"pointer": "/", "detail": "the request body must not be empty"}])
        # Before the schema, whose text patterns also refuse a NUL: a NUL is the 422 it always was.
        if self._may_hold_nul:
            unstorable = [{"pointer": at, "detail": NUL_DETAIL} for at in nul_pointers(body)]
            if unstorable:
                raise invalid(422, unstorable)
        if self.compiled is None or not self.compiled.accepts(self._schema, body):
            errors = body_errors(self._validator.iter_errors(body))
            if errors:
                raise invalid(400, errors)
        return None


class AllErrorsParameterValidator(ParameterValidator):  # type: ignore[misc]
    def validate_request(self, request: ConnexionRequest) -> None:
        # Before the schemas, whose text patterns also refuse a NUL: a NUL is the 422 it always was.
        self._refuse_nul(request)
        errors: list[dict[str, str]] = []
        query_string = request.scope.get("query_string", b"")
        if self.strict_validation and query_string:
            for name in self.validate_query_parameter_list(
                request, security_params=self.security_query_params
            ):
                errors.append({"parameter": name, "detail": "unknown query parameter"})
        checks = {
            # Without a query string, every query parameter is absent: nothing to parse.
            "query": self.validate_query_parameter if query_string else self._absent_query,
            "path": self.validate_path_parameter,
            "header": self.validate_header_parameter,
            "cookie": self.validate_cookie_parameter,
        }
        for location, check in checks.items():
            for param in self.parameters.get(location, []):
                message = check(param, request)  # validate_parameter, below
                if message:
                    # Connexion appends the schema and instance after a blank line.
                    first = str(message).split("\n\n", 1)[0]
                    errors.append({"parameter": param["name"], "detail": first})
        if errors:
            raise invalid(400, errors)

    @staticmethod
    def _refuse_nul(request: ConnexionRequest) -> None:
        query_string = request.scope.get("query_string", b"")
        if (
            b"%00" not in query_string
            and b"\x00" not in query_string
            and NUL not in request.scope["path"]
        ):
            return  # no parameter can hold a NUL
        values = [*request.query_params.items(), *request.path_params.items()]
        unstorable = sorted({name for name, value in values if any(nul_pointers(value))})
        if unstorable:
            raise invalid(422, [{"parameter": name, "detail": NUL_DETAIL} for name in unstorable])

    def _absent_query(self, param: dict[str, Any], request: ConnexionRequest) -> str | None:
        return self.validate_parameter("query", None, param)

    # Connexion copies the parameter's definition and builds a new jsonschema validator for every
    # parameter of every request; one per parameter definition does (the spec never changes).
    _checks: ClassVar[dict[int, tuple[dict[str, Any], Draft4Validator]]] = {}

    @staticmethod
    def validate_parameter(
        parameter_type: str, value: Any, param: dict[str, Any], param_name: str | None = None
    ) -> str | None:
        if is_nullable(param) and is_null(value):
            return None
        if value is None:
            return (
                f"Missing {parameter_type} parameter '{param['name']}'"
                if param.get("required")
                else None
            )
        known = AllErrorsParameterValidator._checks.get(id(param))
        if known is None or known[0] is not param:
            schema = param.get("schema", param)
            known = (param, Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER))
            AllErrorsParameterValidator._checks[id(param)] = known
        try:
            known[1].validate(value)
        except ValidationError as error:
            return str(error)
        return None


class RequestValidationOnce(RequestValidationOperation):  # type: ignore[misc]
    """Connexion's request validation of one operation, doing what Connexion's does, in its
    order. Connexion builds a URI parser, a parameter validator and the body's schema lookups
    anew for every request, though they depend on the operation (and media type) only: here they
    are built once."""

    def __init__(self, next_app: ASGIApp, *, operation: Any, **options: Any) -> None:
        super().__init__(next_app, operation=operation, **options)
        uri_parser = operation._uri_parser_class(operation.parameters, operation.body_definition())
        self._parameter_validator = self._validator_map["parameter"](
            operation.parameters,
            uri_parser=uri_parser,
            strict_validation=self.strict_validation,
            security_query_params=self.security_query_params,
        )
        self._bodiless = not operation.request_body
        self._body_uri_parser = operation.uri_parser_class(
            operation.parameters, operation.body_definition()
        )
        self._bodies: dict[str, tuple[Any, Any, bool]] = {}  # media type -> validator, schema

    def _body(self, mime_type: str) -> tuple[Any, Any, bool]:
        """(validator class or None, schema, nullable) for a body of ``mime_type``."""
        known = self._bodies.get(mime_type)
        if known is None:
            schema = self._operation.body_schema(mime_type)
            try:
                validator = self._validator_map["body"][mime_type] if schema else None
            except KeyError:
                # Connexion skips the validation of media types it has no validator for.
                validator = None
            nullable = is_nullable(self._operation.body_definition(mime_type))
            known = (validator, schema, nullable)
            if len(self._bodies) < 16:  # the media types an operation accepts are few
                self._bodies[mime_type] = known
        return known

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self._parameter_validator.validate(scope)
        if not self._bodiless:  # without a request body, the checks below have nothing to check
            mime_type, encoding = self.extract_content_type(scope["headers"])
            self.validate_mime_type(mime_type)
            validator, schema, nullable = self._body(mime_type)
            if validator is not None:
                checker = validator(
                    schema=schema,
                    required=self._operation.request_body.get("required", False),
                    nullable=nullable,
                    encoding=encoding,
                    strict_validation=self.strict_validation,
                    uri_parser=self._body_uri_parser,
                )
                receive, scope = await checker.wrap_receive(receive, scope=scope)
        await self.next_app(scope, receive, send)


class RequestValidationOnceAPI(RequestValidationAPI):  # type: ignore[misc]
    def make_operation(self, operation: Any) -> RequestValidationOnce:
        return RequestValidationOnce(
            self.next_app,
            operation=operation,
            strict_validation=self.strict_validation,
            validator_map=self.validator_map,
        )


class RequestValidation(RequestValidationMiddleware):  # type: ignore[misc]
    """Connexion's RequestValidationMiddleware, with RequestValidationOnce."""

    api_cls = RequestValidationOnceAPI


def validator_map(document: dict[str, Any]) -> dict[str, Any]:
    """Connexion's validators for the spec ``document``: every failure listed, request bodies
    checked by compiled validators first (app.compiled_schemas)."""

    class JSONBodyValidator(AllErrorsJSONBodyValidator):
        compiled = CompiledBodies(document)

    return {
        **VALIDATOR_MAP,
        "parameter": AllErrorsParameterValidator,
        "body": MediaTypeDict({**VALIDATOR_MAP["body"], "*/*json": JSONBodyValidator}),
    }


def unreal_instants(values: Mapping[str, Any]) -> dict[str, str]:
    """The date-times among ``values`` that match the spec's pattern but name no real instant
    (2016-02-30, year 0), by name, with the reason. The pattern cannot know the calendar."""
    unreal = {}
    for name, value in values.items():
        if value is None:
            continue
        try:
            parse_instant(value)
        except ValueError as error:
            unreal[name] = f"{value!r} is not a real date and time: {error}"
    return unreal


def check_instants(document: Mapping[str, Any], fields: tuple[str, ...]) -> None:
    """422 naming each field of ``document`` whose date-time is not a real one."""
    unreal = unreal_instants({field: document.get(field) for field in fields})
    if unreal:
        raise invalid(422, [{"pointer": f"/{name}", "detail": why} for name, why in unreal.items()])
