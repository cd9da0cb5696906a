"""Generated from spec/openapi.yaml by codegen (nox -s generate). Do not edit.

What the generated operations need at run time: the handler result type and JSON conversion,
and the app that hands Connexion's checked requests to them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from connexion import AsyncApp
from connexion.apps.asynchronous import AsyncApi, AsyncASGIApp
from connexion.context import context
from connexion.exceptions import ProblemException
from connexion.lifecycle import ConnexionRequest
from connexion.operations import AbstractOperation
from pydantic import BaseModel, ValidationError
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

# Covariant: a Reply[Order] is a valid result where Reply[OrderList | Order] is declared.
BodyT = TypeVar("BodyT", bound=BaseModel, covariant=True)
ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class Reply(Generic[BodyT]):
    """A handler result that sets a status or headers; a bare model gets the documented status."""

    body: BodyT
    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


def to_json(model: BaseModel) -> Any:
    """The JSON document of a model: fields that were never set are left out, not sent as null."""
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


def respond(result: BaseModel | Reply[Any] | None, status: int) -> Response:
    """The HTTP response for a handler result. pydantic writes the JSON itself (much faster than
    handing Connexion a dict), and the media type is named because operations also declare
    application/problem+json responses."""
    if result is None:
        return Response(status_code=status)
    headers: dict[str, str] = {}
    if isinstance(result, Reply):
        body: BaseModel = result.body
        status, headers = result.status or status, dict(result.headers)
    else:
        body = result
    return Response(
        body.model_dump_json(by_alias=True, exclude_none=True),
        status_code=status,
        headers=headers,
        media_type="application/json",
    )


def pointer(path: Iterable[Any]) -> str:
    """RFC 6901 JSON pointer of a path of keys and indexes."""
    parts = (str(p).replace("~", "~0").replace("/", "~1") for p in path)
    return "".join(f"/{p}" for p in parts) or "/"


def problem(
    status: int,
    title: str,
    detail: str,
    *,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> ProblemException:
    """An RFC 9457 problem; ``errors`` lists each failure with its ``pointer`` or ``parameter``."""
    return ProblemException(
        status=status,
        title=title,
        detail=detail,
        headers=headers,
        ext={"errors": errors} if errors else None,
    )


def invalid(status: int, errors: list[dict[str, str]]) -> ProblemException:
    """A validation problem whose detail names the fields at fault."""
    shown = "; ".join(
        f"{e.get('pointer') or e.get('parameter')}: {e['detail']}" for e in errors[:5]
    )
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    noun = "error" if len(errors) == 1 else "errors"
    title = "Bad Request" if status == 400 else "Unprocessable Content"
    return problem(status, title, f"{len(errors)} validation {noun}: {shown}{more}", errors=errors)


def from_validation_error(error: ValidationError, status: int) -> ProblemException:
    errors = [
        {"pointer": pointer(e["loc"]), "detail": e["msg"]}
        for e in error.errors(include_url=False)
        # A tagged union also reports the tag it chose; the field errors say more.
        if e["type"] != "union_tag_invalid" or not e["loc"]
    ]
    return invalid(status, errors)


def parse(model: type[ModelT], body: Any) -> ModelT:
    """The request body as ``model``; Connexion has already checked it against the schema."""
    try:
        return model.model_validate(body)
    except ValidationError as error:
        raise from_validation_error(error, 400) from error


@dataclass(frozen=True)
class Caller:
    """Who calls: the party and role of the bearer token Connexion's security check accepted."""

    party: str
    role: str


def caller(operation_id: str, roles: list[str]) -> Caller:
    """The caller of a secured operation; 403 when its role is not among the operation's
    ``x-roles`` (an empty list admits every role)."""
    info = context.get("token_info") or {}
    if "party" not in info or "role" not in info:
        raise problem(401, "Unauthorized", "a bearer token is required", headers=BEARER)
    who = Caller(party=str(info["party"]), role=str(info["role"]))
    if roles and who.role not in roles:
        allowed = " or ".join(roles)
        raise problem(
            403,
            "Forbidden",
            f"{operation_id} is for the {allowed} role; this token is a {who.role}'s",
        )
    return who


# RFC 6750: a 401 tells the client which scheme to use.
BEARER = {"WWW-Authenticate": "Bearer"}


def not_implemented(operation_id: str) -> ProblemException:
    return problem(501, "Not Implemented", f"Operation {operation_id} has no handler yet.")


# ---- Connexion glue ----------------------------------------------------------------------------
# Where the request body Connexion's validator parsed is kept in the ASGI scope's extensions, so
# the operation does not parse it a second time.
PARSED_BODY = "orders_api.parsed_body"


def keep_parsed_body(scope: Scope, body: Any) -> None:
    """Called by the body validator once the body is parsed (and before it is validated)."""
    scope.setdefault("extensions", {})[PARSED_BODY] = body


async def request_body(request: ConnexionRequest) -> Any:
    """The JSON body: the one the validator parsed, or parsed here when no validator ran."""
    extensions = request.scope.get("extensions") or {}
    if PARSED_BODY in extensions:
        return extensions[PARSED_BODY]
    return await request.json()


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
        request = ConnexionRequest(scope, receive, uri_parser=self._uri_parser)
        response = await self._function(request)
        await response(scope, receive, send)


class GeneratedApi(AsyncApi):  # type: ignore[misc]
    def make_operation(self, operation: AbstractOperation) -> GeneratedOperation:
        return GeneratedOperation(operation)


class GeneratedASGIApp(AsyncASGIApp):  # type: ignore[misc]
    api_cls = GeneratedApi


class GeneratedApp(AsyncApp):  # type: ignore[misc]
    """Connexion's AsyncApp (every option and middleware as documented), whose operations call
    the generated functions directly (GeneratedOperation)."""

    def __init__(self, import_name: str, **options: Any) -> None:
        super().__init__(import_name, **options)
        # AsyncApp makes its own final app and hands it to its middleware; the middleware stack
        # is only built at the first request, so it can still be replaced here.
        self._middleware_app = GeneratedASGIApp()
        self.middleware.app = self._middleware_app
