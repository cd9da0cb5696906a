"""Every override of Connexion's internals, in one place.

Connexion is used through its documented options (middlewares, validator_map, security_map,
resolver, error handlers) wherever they reach; what they do not reach is subclassed here, and
nowhere else. These classes lean on Connexion's private methods and attributes, so they are
only known to work on the version they were written for: ``check_connexion_version`` (called
when an app is created) refuses any other, naming both, so an upgrade is a deliberate step
(read Connexion's changes, check each class below, then change WRITTEN_FOR).

- GeneratedApp/GeneratedApi/GeneratedOperation: operations call the generated functions
  directly, with no per-request reflection.
- RequestValidation (RequestValidationOnce): request validation built once per operation,
  with validators that list every error (AllErrors*), compiled body checks first.
- SwaggerUIAtItsPath: Swagger UI's middleware only looks at requests under its path.
- ExceptionsAnswered: Connexion's exception middleware without Starlette's per-request request
  object and wrapper (the request is made for a handler, when an exception comes).
- security_map: Connexion's security handlers bound to the application's verifiers by scheme
  name, and one for openIdConnect (Connexion has none).
- DirectRouting: an operation's request is routed once, by the routes' own patterns, and its
  per-operation steps (security, validation, context, operation) are called in turn.
- validate_each_spec_once: Connexion checks a spec against the OpenAPI schema once per
  process for each content, not once per app created.
- SpecResolver: operations found by method and path as well as by operationId.
- FormValidator/MultiPartFormValidator: a form's fields its schema does not name are refused
  only where the schema says ``additionalProperties: false`` (Connexion's strict validation
  refuses them all, so a form without a schema could take no field).
"""

from __future__ import annotations

import functools
import json
from collections.abc import AsyncGenerator, Awaitable, Callable, Mapping
from importlib.metadata import version
from typing import Any, ClassVar

from connexion import AsyncApp
from connexion.apps.asynchronous import AsyncApi, AsyncASGIApp
from connexion.context import _context, _operation, _receive, _scope
from connexion.datastructures import MediaTypeDict
from connexion.exceptions import BadRequestProblem, TypeValidationError
from connexion.lifecycle import ConnexionRequest
from connexion.middleware import ConnexionMiddleware, MiddlewarePosition
from connexion.middleware.abstract import ROUTING_CONTEXT
from connexion.middleware.context import ContextMiddleware
from connexion.middleware.exceptions import ExceptionMiddleware
from connexion.middleware.lifespan import LifespanMiddleware
from connexion.middleware.request_validation import (
    RequestValidationAPI,
    RequestValidationMiddleware,
    RequestValidationOperation,
)
from connexion.middleware.response_validation import ResponseValidationMiddleware
from connexion.middleware.routing import RoutingMiddleware
from connexion.middleware.security import SecurityMiddleware
from connexion.middleware.swagger_ui import SwaggerUIMiddleware
from connexion.operations import AbstractOperation
from connexion.resolver import Resolution, Resolver
from connexion.security import (
    ApiKeySecurityHandler,
    BasicSecurityHandler,
    BearerSecurityHandler,
    OAuthSecurityHandler,
)
from connexion.spec import OpenAPISpecification
from connexion.uri_parsing import OpenAPIURIParser
from connexion.utils import coerce_type, is_null, is_nullable
from connexion.validators import (
    VALIDATOR_MAP,
    FormDataValidator,
    JSONRequestBodyValidator,
    MultiPartFormDataValidator,
    ParameterValidator,
)
from jsonschema import Draft4Validator, ValidationError
from starlette._exception_handler import _lookup_exception_handler
from starlette._utils import is_async_callable
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route, Router
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from specfirst.compiled import Check, CompiledBodies, accepted, parameter_check
from specfirst.document import Spec, copy_of, fingerprint, resolve
from specfirst.problems import invalid
from specfirst.reply import keep_parsed_body
from specfirst.routes import UI_PATH
from specfirst.validation import NUL, NUL_DETAIL, body_errors, nul_pointers

WRITTEN_FOR = "3.3.0"
# Where the parameter validator leaves the path and query parameters it resolved for the
# operation, which would otherwise parse them again.
RESOLVED_PATH = "specfirst.resolved_path_params"
RESOLVED_QUERY = "specfirst.resolved_query_params"


class ConnexionVersionError(RuntimeError):
    """The installed Connexion is not the one these overrides were written for."""


def installed_connexion() -> str:
    return version("connexion")


def check_connexion_version() -> None:
    """Refuses a Connexion other than WRITTEN_FOR, naming both versions."""
    installed = installed_connexion()
    if installed != WRITTEN_FOR:
        raise ConnexionVersionError(
            f"specfirst's Connexion overrides (specfirst/connexion_overrides.py) were written "
            f"for connexion {WRITTEN_FOR}, but connexion {installed} is installed: pin "
            f"connexion=={WRITTEN_FOR}, or check each override against connexion {installed} "
            "and change WRITTEN_FOR"
        )


# ---- the spec ------------------------------------------------------------------------------

# The fingerprints of the specs Connexion found valid in this process.
_VALID_SPECS: set[bytes] = set()


def validate_each_spec_once() -> None:
    """Connexion checks the spec against the OpenAPI schema for every app it creates, which is
    most of what creating one costs; a process (a test suite, a reloading server) creates many
    apps of one spec. From here on a spec found valid is not checked again; an invalid one is
    refused every time."""
    if getattr(OpenAPISpecification._validate_spec, "once", False):
        return
    check = OpenAPISpecification._validate_spec

    def validate_once(_cls: type[Any], spec: Spec) -> None:
        key = fingerprint(spec)
        if key not in _VALID_SPECS:
            check(spec)
            _VALID_SPECS.add(key)

    validate_once.once = True  # type: ignore[attr-defined]
    OpenAPISpecification._validate_spec = classmethod(validate_once)


# ---- operations -------------------------------------------------------------------------------


class GeneratedOperation:
    """The end of Connexion's middleware chain for one operation: its routing, security and
    validation middlewares have run; the generated function takes its arguments from the request.

    Connexion's own AsyncOperation builds its decorators again on every request and finds the
    function's arguments by reflection (inspect.signature, several times); the generated function
    knows them already, and the URI parser is built once here."""

    def __init__(self, operation: AbstractOperation) -> None:
        self._function: Callable[[ConnexionRequest], Awaitable[Response]] = operation.function
        self._uri_parser = operation.uri_parser_class(
            operation.parameters, operation.body_definition()
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # From a Starlette request made here: ConnexionRequest(scope) first looks for one by
        # hasattr, which goes through its attribute proxy and fails, for every request.
        request = ConnexionRequest.from_starlette_request(
            Request(scope, receive), uri_parser=self._uri_parser
        )
        resolved = scope.get(RESOLVED_PATH)
        if resolved is not None:
            request._path_params = resolved  # as request.path_params would resolve them again
        query = scope.get(RESOLVED_QUERY)
        if query is not None:
            request._query_params = query  # as request.query_params would resolve them again
        response = await self._function(request)
        await response(scope, receive, send)


class SpecURIParser(OpenAPIURIParser):  # type: ignore[misc]
    """Connexion's URI parser for OpenAPI 3, with the map of the parameters' schemas by name
    made once: Connexion's builds it again, from every parameter of the operation, at each
    lookup, and parsing a query looks it up several times for each parameter sent."""

    def __init__(self, param_defns: Any, body_defn: Any) -> None:
        super().__init__(param_defns, body_defn)
        self._param_schemas = {k: v.get("schema", {}) for k, v in self.param_defns.items()}

    @property
    def param_schemas(self) -> dict[str, Any]:
        return self._param_schemas


class GeneratedApi(AsyncApi):  # type: ignore[misc]  # connexion is untyped
    def make_operation(self, operation: AbstractOperation) -> GeneratedOperation:
        return GeneratedOperation(operation)


class GeneratedASGIApp(AsyncASGIApp):  # type: ignore[misc]
    api_cls = GeneratedApi


class GeneratedApp(AsyncApp):  # type: ignore[misc]
    """Connexion's AsyncApp (every option and middleware as documented), whose operations are
    functions of the request (GeneratedOperation)."""

    def __init__(self, import_name: str, **options: Any) -> None:
        super().__init__(import_name, **options)
        # AsyncApp makes its own final app and hands it to its middleware; the middleware stack
        # is only built at the first request, so it can still be replaced here.
        self._middleware_app = GeneratedASGIApp()
        self.middleware.app = self._middleware_app

    def add_middleware(
        self,
        middleware_class: Any,
        *,
        position: MiddlewarePosition = MiddlewarePosition.BEFORE_CONTEXT,
        **options: Any,
    ) -> None:
        # Connexion finds a position by its middleware's class, and some of its middlewares are
        # replaced by subclasses here (middlewares()): a position is found by subclass too.
        stack = self.middleware
        if stack.middleware_stack is None:
            for index, present in enumerate(stack.middlewares):
                present = present.func if isinstance(present, functools.partial) else present
                if isinstance(present, type) and issubclass(present, position.value):
                    stack.middlewares.insert(index, functools.partial(middleware_class, **options))
                    return
        super().add_middleware(middleware_class, position=position, **options)


class SpecResolver(Resolver):  # type: ignore[misc]
    """Finds each operation's function by (method, path, operationId): a spec need not give
    every operation an operationId, and Connexion's Resolver only looks at that."""

    def __init__(self, function_for: Callable[[str, str, str | None], Callable[..., Any]]) -> None:
        super().__init__()
        self._function_for = function_for

    def resolve(self, operation: AbstractOperation) -> Resolution:
        method, path = operation.method.lower(), operation.path
        operation_id = operation.operation_id or f"{method} {path}"
        return Resolution(self._function_for(method, path, operation.operation_id), operation_id)


# ---- request validation -----------------------------------------------------------------------


class AllErrorsJSONBodyValidator(JSONRequestBodyValidator):  # type: ignore[misc]
    """Connexion makes one per request; ``compiled`` and ``refuse_nul`` are bound by
    ``validator_map``."""

    compiled: CompiledBodies | None = None
    refuse_nul = False
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
        except (LookupError, UnicodeError) as error:  # a charset Python has no codec for
            detail = f"the body's charset {self._encoding!r} cannot be decoded: {error}"
            raise invalid(400, [{"pointer": "/", "detail": detail}]) from error
        self._may_hold_nul = self.refuse_nul and ("\\u0000" in text or NUL in text)
        if not text:
            return None
        try:
            body = json.loads(text)
        except ValueError as error:  # JSONDecodeError, or an integer past Python's digit limit
            raise BadRequestProblem(detail=str(error)) from error
        keep_parsed_body(scope, body)  # the operation takes it from here: parsed once
        return body

    def _validate(self, body: Any) -> dict[str, Any] | None:
        if not self._nullable and body is None:
            raise invalid(400, [{"pointer": "/", "detail": "the request body must not be empty"}])
        # Before the schema, whose text patterns may refuse a NUL too: a NUL stays a 422 that
        # names the field, whatever the schema says.
        if self._may_hold_nul:
            unstorable = [{"pointer": at, "detail": NUL_DETAIL} for at in nul_pointers(body)]
            if unstorable:
                raise invalid(422, unstorable)
        if self.compiled is None or not self.compiled.accepts(self._schema, body):
            errors = body_errors(self._validator.iter_errors(body))
            if errors:
                raise invalid(400, errors)
        return None


def _typed(param: dict[str, Any], text: str | None) -> Any:
    """A header's or cookie's text as the type its schema names; as sent when it is not one
    (the schema check then says why)."""
    if text is None:
        return None
    schema = param.get("schema") or {}
    value: Any = text.split(",") if schema.get("type") == "array" else text
    try:
        return coerce_type(param, value, "parameter", param.get("name"))
    except (TypeValidationError, ValueError, TypeError, KeyError):
        return text


def _schema_of(param: dict[str, Any]) -> dict[str, Any]:
    """A parameter's schema (OpenAPI 3's ``schema``; Swagger 2 keeps it on the parameter)."""
    schema: dict[str, Any] = param.get("schema", param)
    return schema


class AllErrorsParameterValidator(ParameterValidator):  # type: ignore[misc]
    refuse_nul = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Without a query string, an operation whose parameters are all in its path (or in an
        # optional query) has only its path parameters to check: no request object needed.
        self._path_only = not (
            self.parameters.get("header")
            or self.parameters.get("cookie")
            or any(p.get("required") for p in self.parameters.get("query", []))
        )
        # Path parameters that are all plain strings resolve to the text routing matched (the
        # URI parser's coercion gives a string back as it is): no parser needed for them.
        self._plain_path = all(
            _schema_of(p).get("type") == "string" and not is_nullable(p)
            for p in self.parameters.get("path", [])
        )

    def validate(self, scope: Scope) -> None:
        if self._path_only and not scope.get("query_string") and self._path_accepted(scope):
            return
        super().validate(scope)

    def _path_accepted(self, scope: Scope) -> bool:
        """Whether the path parameters pass, as validate_request would find them (resolved
        by the URI parser, which the operation would run again: it is handed them,
        RESOLVED_PATH); False for anything validate_request should look at and say."""
        if self.refuse_nul and NUL in scope["path"]:
            return False
        matched = scope.get("path_params", {})
        resolved = dict(matched) if self._plain_path else self.uri_parser.resolve_path(matched)
        for param in self.parameters.get("path", []):
            value = resolved.get(param["name"].replace("-", "_"))
            if self.validate_parameter("path", value, param):
                return False
        scope[RESOLVED_PATH] = resolved
        return True

    def validate_request(self, request: ConnexionRequest) -> None:
        # Before the schemas, whose text patterns may refuse a NUL too (see the body's).
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
        if query_string:
            request.scope[RESOLVED_QUERY] = request.query_params

    def _refuse_nul(self, request: ConnexionRequest) -> None:
        query_string = request.scope.get("query_string", b"")
        if not self.refuse_nul or (
            b"%00" not in query_string
            and b"\x00" not in query_string
            and NUL not in request.scope["path"]
        ):
            return  # no parameter can hold a NUL
        values = [*request.query_params.items(), *request.path_params.items()]
        unstorable = sorted({name for name, value in values if any(nul_pointers(value))})
        if unstorable:
            raise invalid(422, [{"parameter": name, "detail": NUL_DETAIL} for name in unstorable])

    # Connexion 3.3 converts query and path values (its URI parser) but checks header and cookie
    # values as the text sent, so an integer or array header could never pass: converted here
    # as the generated operations convert them (style simple/form, comma-separated arrays).
    def validate_header_parameter(self, param: dict[str, Any], request: ConnexionRequest) -> Any:
        value = _typed(param, request.headers.get(param["name"]))
        return self.validate_parameter("header", value, param)

    def validate_cookie_parameter(self, param: dict[str, Any], request: ConnexionRequest) -> Any:
        value = _typed(param, request.cookies.get(param["name"]))
        return self.validate_parameter("cookie", value, param)

    def _absent_query(self, param: dict[str, Any], request: ConnexionRequest) -> str | None:
        return self.validate_parameter("query", None, param)

    # Connexion copies the parameter's definition and builds a new jsonschema validator for every
    # parameter of every request; one per parameter definition does (the spec never changes).
    # A compiled check (specfirst/compiled.py) first: when it accepts, jsonschema is not asked.
    _checks: ClassVar[dict[int, tuple[dict[str, Any], Draft4Validator, Check | None]]] = {}

    @staticmethod
    def validate_parameter(
        parameter_type: str, value: Any, param: dict[str, Any], param_name: str | None = None
    ) -> str | None:
        # An optional parameter not sent passes, as below, without the nullable lookup: most of
        # a list's many query parameters are not sent.
        if value is None and not param.get("required"):
            return None
        if is_nullable(param) and is_null(value):
            return None
        if value is None:
            return f"Missing {parameter_type} parameter '{param['name']}'"
        known = AllErrorsParameterValidator._checks.get(id(param))
        if known is None or known[0] is not param:
            schema = _schema_of(param)
            validator = Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)
            known = (param, validator, parameter_check(schema))
            AllErrorsParameterValidator._checks[id(param)] = known
        if accepted(known[2], value):
            return None
        try:
            known[1].validate(value)
        except ValidationError as error:
            return str(error)
        return None


class RequestValidationOnce(RequestValidationOperation):  # type: ignore[misc]
    """Connexion's request validation of one operation, doing what Connexion's does, in the
    same sequence. Connexion builds a URI parser, a parameter validator and the body's schema lookups
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
        scope, receive = await self.checked(scope, receive)
        await self.next_app(scope, receive, send)

    async def checked(self, scope: Scope, receive: Receive) -> tuple[Scope, Receive]:
        """The request's parameters and body checked (the first error raised, listing every
        failure); the scope and receive the operation reads them from."""
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
        return scope, receive


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


class FormValidator(FormDataValidator):  # type: ignore[misc]
    """Connexion's form validator, whose strict check follows the schema's additionalProperties
    as a JSON body's validation does."""

    def _validate_params_strictly(self, data: dict[str, Any]) -> None:
        if self._schema.get("additionalProperties", True) is False:
            super()._validate_params_strictly(data)


class MultiPartFormValidator(MultiPartFormDataValidator):  # type: ignore[misc]
    _validate_params_strictly = FormValidator._validate_params_strictly


def validator_map(document: Spec, *, refuse_nul: bool = False) -> dict[str, Any]:
    """Connexion's validators for the spec ``document``: every failure listed, request bodies
    checked by compiled validators first (specfirst.compiled); ``refuse_nul``: a U+0000 in a
    body or a parameter is a 422 (text the application cannot store)."""

    class JSONBodyValidator(AllErrorsJSONBodyValidator):
        compiled = CompiledBodies(document)

    JSONBodyValidator.refuse_nul = refuse_nul

    class ParameterChecks(AllErrorsParameterValidator):
        pass

    ParameterChecks.refuse_nul = refuse_nul
    return {
        **VALIDATOR_MAP,
        "parameter": ParameterChecks,
        "body": MediaTypeDict(
            {
                **VALIDATOR_MAP["body"],
                "*/*json": JSONBodyValidator,
                "application/x-www-form-urlencoded": FormValidator,
                "multipart/form-data": MultiPartFormValidator,
            }
        ),
    }


# ---- exceptions -------------------------------------------------------------------------------


class ExceptionsAnswered(ExceptionMiddleware):  # type: ignore[misc]
    """Connexion's exception middleware: an exception is answered by the handler Starlette's
    wrapper would pick (a status handler for an HTTPException, else the nearest class in the
    exception's MRO), in the same way. Starlette builds a request object and a wrapped app for
    every request; here the request is made only for a handler, when an exception comes."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        scope["starlette.exception_handlers"] = (self._exception_handlers, self._status_handlers)
        started = False

        async def sender(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, sender)
        except Exception as exc:
            handler: Any = None
            if isinstance(exc, HTTPException):
                handler = self._status_handlers.get(exc.status_code)
            if handler is None:
                handler = _lookup_exception_handler(self._exception_handlers, exc)
            if handler is None:
                raise
            if started:
                raise RuntimeError(
                    "Caught handled exception, but response already started."
                ) from exc
            request = Request(scope, receive, send)
            if is_async_callable(handler):
                response = await handler(request, exc)
            else:
                response = await run_in_threadpool(handler, request, exc)
            if response is not None:
                await response(scope, receive, sender)
            # Reused exception instances accumulate tracebacks across requests.
            exc.__traceback__ = None


# ---- Swagger UI -------------------------------------------------------------------------------


class SwaggerUIAtItsPath(SwaggerUIMiddleware):  # type: ignore[misc]
    """Connexion's Swagger UI middleware copies the scope and matches every request against its
    routes before passing it on; only a request under the UI's path can be for it."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith(UI_PATH):
            await self.app(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


# ---- routing ----------------------------------------------------------------------------------

# The middlewares between routing and the operations, in Connexion's sequence: when an app's
# stack is exactly these, their per-operation steps can be called without them.
DIRECT_CHAIN = (
    SecurityMiddleware,
    RequestValidation,
    ResponseValidationMiddleware,
    LifespanMiddleware,
    ContextMiddleware,
    GeneratedASGIApp,
)


class _Routed:
    """One operation's route: its pattern (Starlette's, with its convertors), methods, and what
    to call once it is matched."""

    def __init__(self, base_path: str, route: Route, operation_id: str, app: ASGIApp) -> None:
        self.base_path = base_path
        self.route = route
        self.operation_id = operation_id
        self.app = app


class DirectRouting(RoutingMiddleware):  # type: ignore[misc]
    """Connexion's routing middleware, which matches a request against the operations' routes
    itself: Connexion's goes through a Starlette mount and router, each matching again and
    copying the scope, and every middleware after it finds the operation again by its id.

    The routes are Connexion's own (their patterns, convertors and sequence), so a request finds
    the operation it would find there; when the middlewares after this one are Connexion's
    (DIRECT_CHAIN), a matched operation's steps are called in turn, as those middlewares call
    them. Anything else (no match, a method the path does not take, an ASGI root path) goes
    through Connexion's router, which answers it as it always does."""

    def __init__(self, app: ASGIApp) -> None:
        super().__init__(app)
        self._next: ASGIApp = app
        self._mounts: list[tuple[str, Mount, list[_Routed]]] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("root_path"):
            await super().__call__(scope, receive, send)
            return
        found = self._match(scope["method"], scope["path"])
        if found is None:
            await super().__call__(scope, receive, send)
            return
        routed, path_params = found
        scope.setdefault("path_params", {}).update(path_params)
        routing = scope.setdefault("extensions", {}).setdefault(ROUTING_CONTEXT, {})
        routing["api_base_path"] = routed.base_path
        routing["operation_id"] = routed.operation_id
        await routed.app(scope, receive, send)

    def _match(self, method: str, path: str) -> tuple[_Routed, dict[str, Any]] | None:
        if self._mounts is None:
            self._mounts = self._routes()
        for _base, mount, routes in self._mounts:
            at = mount.path_regex.match(path)
            if at is None:
                continue
            rest = "/" + at.group("path")
            for routed in routes:
                route = routed.route
                if route.methods is None or method not in route.methods:
                    continue
                matched = route.path_regex.match(rest)
                if matched is not None:
                    converters = route.param_convertors
                    params = {k: converters[k].convert(v) for k, v in matched.groupdict().items()}
                    return routed, params
            return None  # Connexion's router: a 405, or the next API on the same base path
        return None

    def _routes(self) -> list[tuple[str, Mount, list[_Routed]]]:
        steps = _operation_steps(self._next)
        mounts = []
        for mount in self.router.routes:
            if not isinstance(mount, Mount) or not isinstance(mount.app, Router):
                return []  # not as Connexion builds it: its router answers everything
            # Mount.path is the base path without its trailing slash, as Connexion's routing
            # gives it to the next middlewares (api_base_path).
            routes = []
            for route in mount.app.routes:
                operation_id = getattr(getattr(route, "endpoint", None), "operation_id", None)
                if not isinstance(route, Route) or operation_id is None:
                    return []
                app = steps.get((mount.path, operation_id), self._next)
                routes.append(_Routed(mount.path, route, operation_id, app))
            mounts.append((mount.path, mount, routes))
        return mounts


def _chain(app: Any) -> list[Any]:
    """``app`` and the apps after it, each one's next (up to DIRECT_CHAIN's length)."""
    found: list[Any] = []
    while app is not None and len(found) <= len(DIRECT_CHAIN):
        found.append(app)
        app = getattr(app, "app", None) if not isinstance(app, LifespanMiddleware) else app.next_app
    return found


def _operation_steps(app: ASGIApp) -> dict[tuple[str, str], ASGIApp]:
    """Each operation's steps, by (base path, operationId), as the middlewares after routing
    would call them; none when those middlewares are not DIRECT_CHAIN, or an API shares its
    base path with another."""
    chain = _chain(app)[: len(DIRECT_CHAIN)]
    if [type(m) for m in chain] != list(DIRECT_CHAIN):
        return {}
    security, validation, responses, _lifespan, context, final = chain
    steps: dict[tuple[str, str], ASGIApp] = {}
    for base_path, apis in final.apis.items():
        layers = [m.apis.get(base_path, []) for m in (security, validation, responses, context)]
        if len(apis) != 1 or any(len(found) != 1 for found in layers):
            return {}
        for operation_id, operation in apis[0].operations.items():
            ops = [found[0].operations.get(operation_id) for found in layers]
            if operation_id is None or any(op is None for op in ops):
                continue
            bearer = _first_bearer(ops[0], layers[0][0].security_handler_factory)
            checked = _checked(ops[0], bearer, ops[1])
            if ops[2] is layers[2][0].next_app:  # responses are not validated
                steps[(base_path, operation_id)] = checked(_in_context(ops[3].operation, operation))
            else:  # the response validation middleware's step leads to the operation
                steps[(base_path, operation_id)] = checked(ops[2])
    return steps


def _first_bearer(security: Any, factory: Any) -> BoundVerifier | None:
    """The verifier of an operation's first security requirement when that is one http bearer
    scheme with no scopes (most APIs' every operation) and the verifier is the application's
    (security_map). Connexion tries the requirements in turn and takes the first that passes:
    when this one passes, its answer is Connexion's."""
    requirements = security.security or []
    if not requirements or len(requirements[0]) != 1:
        return None
    ((name, scopes),) = requirements[0].items()
    scheme = security.security_schemes.get(name, {})
    handler = factory.security_handlers.get("bearer")
    if scopes or scheme.get("type") != "http" or str(scheme.get("scheme")).lower() != "bearer":
        return None
    verifier_of = getattr(handler, "scheme_verifier", None)
    return None if verifier_of is None else verifier_of(scheme)


async def _bearer_accepted(verify: BoundVerifier, scope: Scope) -> bool:
    """Whether ``verify`` accepts the request's bearer token, found as Connexion's bearer
    handler finds it; the verified info is then where Connexion's security leaves it. False
    for anything else (no header, another scheme, a refusal, an error), which Connexion's own
    verification then answers."""
    header = b""
    for name, value in scope["headers"]:
        if name == b"authorization":
            header = value
            break
    parts = header.decode("latin-1").split(maxsplit=1)
    if len(parts) != 2 or parts[0].lower() != "bearer":
        return False
    try:
        info = await verify(parts[1])
    except Exception:  # said again, and answered, by Connexion's verification
        return False
    if not isinstance(info, Mapping):
        return False
    context = scope.setdefault("extensions", {}).setdefault("connexion_context", {})
    context["user"] = info.get("sub", info.get("uid"))
    context["token_info"] = info
    return True


def _checked(
    security: Any, bearer: BoundVerifier | None, validation: RequestValidationOnce
) -> Callable[[ASGIApp], ASGIApp]:
    """What Connexion's security and request validation middlewares do for one operation, then
    ``then``. ``bearer``: the operation's first bearer verifier, called directly on the token
    (Connexion's verification builds a request and goes through three wrappers for it)."""
    verify = security.verification_fn if security.security else None

    def steps(then: ASGIApp) -> ASGIApp:
        async def run(scope: Scope, receive: Receive, send: Send) -> None:
            if verify is not None and (bearer is None or not await _bearer_accepted(bearer, scope)):
                await verify(ConnexionRequest(scope))
            scope, receive = await validation.checked(scope, receive)
            await then(scope, receive, send)

        return run

    return steps


def request_context() -> dict[str, Any]:
    """Connexion's context of the request being answered (``connexion.context``), read from its
    context variable: through the proxy Connexion exports, a read costs several times more."""
    try:
        found: dict[str, Any] = _context.get()
    except LookupError:
        raise RuntimeError("no request is being answered (Connexion's context is unset)") from None
    return found


def _in_context(spec_operation: Any, operation: ASGIApp) -> ASGIApp:
    """What Connexion's context middleware does for one operation, then the operation."""

    async def run(scope: Scope, receive: Receive, send: Send) -> None:
        _context.set(scope.get("extensions", {}).get("connexion_context", {}))
        _operation.set(spec_operation)
        _receive.set(receive)
        _scope.set(scope)
        await operation(scope, receive, send)

    return run


def middlewares() -> list[Any]:
    """Connexion's middlewares, in its sequence, with ours in place (a new list: each app adds its
    own to it)."""
    ours = {
        ExceptionMiddleware: ExceptionsAnswered,
        SwaggerUIMiddleware: SwaggerUIAtItsPath,
        RoutingMiddleware: DirectRouting,
        RequestValidationMiddleware: RequestValidation,
    }
    return [
        ours.get(middleware, middleware) for middleware in ConnexionMiddleware.default_middlewares
    ]


# ---- security ---------------------------------------------------------------------------------

# Connexion's security handlers are given a scheme's definition, not its name: the name rides
# along in the definition under this key (added to the copy of the spec Connexion is given).
SCHEME_NAME = "x-specfirst-scheme"
BoundVerifier = Callable[..., Awaitable[Any]]


def connexion_view(spec: Spec) -> Spec:
    """The copy of ``spec`` Connexion is given (clients get the spec as written):

    - each security scheme carries its own name (SCHEME_NAME);
    - media types lose their parameters (``application/json; charset=utf-8`` is
      ``application/json``): Connexion compares a request's or response's media type, without
      its parameters, with the spec's keys as written, so it would refuse every such body."""
    view = copy_of(spec)
    found = view.get("components", {}).get("securitySchemes", {})
    for name, scheme in found.items():
        found[name] = {**resolve(view, scheme), SCHEME_NAME: name}
    _bare_media_types(view)
    return view


def _bare_media_types(node: Any) -> None:
    if isinstance(node, list):
        for item in node:
            _bare_media_types(item)
        return
    if not isinstance(node, dict):
        return
    content = node.get("content")
    if isinstance(content, dict) and all(isinstance(v, dict) for v in content.values()):
        bare: dict[str, Any] = {}
        for media, definition in content.items():
            # Two keys differing only by parameters keep their first (Connexion cannot tell).
            bare.setdefault(media.split(";", 1)[0].strip(), definition)
        node["content"] = bare
    for value in node.values():
        _bare_media_types(value)


_accepts_kwarg = functools.cache(BasicSecurityHandler._accepts_kwarg)


class _KnownSignatures:
    @staticmethod
    def _accepts_kwarg(func: Callable[..., Any], keyword: str) -> bool:
        # Connexion asks this twice per request, each time by inspect.signature; the answer
        # never changes for a function.
        return bool(_accepts_kwarg(func, keyword))


def security_map(verifiers: Mapping[str, BoundVerifier]) -> dict[str, type[Any]]:
    """Connexion's handler for each security scheme type, calling the verifier of the scheme's
    name (``verifiers``, from specfirst.security.bind_verifiers)."""

    def verifier_of(scheme: Mapping[str, Any]) -> BoundVerifier:
        return verifiers[scheme[SCHEME_NAME]]

    class Basic(_KnownSignatures, BasicSecurityHandler):  # type: ignore[misc]
        def _resolve_func(self, security_scheme: Any) -> BoundVerifier:
            return verifier_of(security_scheme)

    class Bearer(_KnownSignatures, BearerSecurityHandler):  # type: ignore[misc]
        # Read by DirectRouting, which calls a bearer scheme's verifier directly.
        scheme_verifier = staticmethod(verifier_of)

        def _resolve_func(self, security_scheme: Any) -> BoundVerifier:
            return verifier_of(security_scheme)

    class ApiKey(_KnownSignatures, ApiKeySecurityHandler):  # type: ignore[misc]
        def _resolve_func(self, security_scheme: Any) -> BoundVerifier:
            return verifier_of(security_scheme)

    class OAuth(_KnownSignatures, OAuthSecurityHandler):  # type: ignore[misc]
        """oauth2 and openIdConnect: a bearer token, and the scopes the requirement lists."""

        def get_tokeninfo_func(self, security_definition: Any) -> BoundVerifier:
            return verifier_of(security_definition)

    return {
        "basic": Basic,
        "bearer": Bearer,
        "apiKey": ApiKey,
        "oauth2": OAuth,
        "openIdConnect": OAuth,
    }
