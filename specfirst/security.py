"""Who calls: the credential a security scheme's verifier accepted, and the operation's roles.

The application supplies one verifier per security scheme NAME of the spec; Connexion's
security middleware finds the credential where the scheme says (header, query, cookie,
Authorization) and calls it (connexion_overrides binds them). A verifier answers None for a
credential it refuses, else the credential's info:

- ``sub``: the subject (who the credential belongs to);
- ``role`` (optional): checked against an operation's ``x-roles``;
- ``scope`` or ``scopes`` (optional): granted scopes, a space-separated string or a list;
  oauth2 and openIdConnect operations need the scopes their security requirement lists;
- anything else the application wants its handlers to see (``Caller.info``).

Verifiers are coroutine functions: ``verify(credential)`` for apiKey, http bearer, oauth2 and
openIdConnect (the key or the token), ``verify(username, password)`` for http basic. A verifier
may raise ``InvalidCredential(reason)`` instead of answering None: the 401 then says why.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from connexion.exceptions import OAuthResponseProblem

from specfirst.connexion_overrides import request_context
from specfirst.document import Spec, operations_of, resolve
from specfirst.problems import problem

Info = Mapping[str, Any]
TokenVerifier = Callable[[str], Awaitable[Info | None]]
BasicVerifier = Callable[[str, str], Awaitable[Info | None]]
Verifier = TokenVerifier | BasicVerifier
# The verified credential's Caller, kept in the info Connexion hands the operation.
CALLER = "specfirst.caller"
# What the framework calls each security scheme type (``http`` ones by their scheme).
SCHEME_KINDS = ("apiKey", "basic", "bearer", "oauth2", "openIdConnect")


class InvalidCredential(Exception):
    """A verifier's refusal with its reason (expired, wrong audience, ...), said in the 401."""


@dataclass(frozen=True)
class Caller:
    """The verified credential: the security scheme (its name in the spec) that accepted it,
    its subject, role and scopes, and everything else its verifier said (``info``)."""

    scheme: str
    subject: str
    role: str | None = None
    scopes: frozenset[str] = frozenset()
    info: Mapping[str, Any] = field(default_factory=dict)


def scopes_of(info: Info) -> frozenset[str]:
    granted = info.get("scope", info.get("scopes", ()))
    if isinstance(granted, str):
        return frozenset(granted.split())
    return frozenset(str(s) for s in granted)


def caller_of(scheme: str, info: Info) -> Caller:
    role = info.get("role")
    return Caller(
        scheme=scheme,
        subject=str(info.get("sub", "")),
        role=None if role is None else str(role),
        scopes=scopes_of(info),
        info=info,
    )


def _verified_caller(token_info: Any) -> Caller | None:
    if not isinstance(token_info, Mapping):
        return None
    found = token_info.get(CALLER)
    if isinstance(found, Caller):
        return found
    # Several schemes required together: Connexion keeps each one's info under its name.
    return next(
        (v[CALLER] for v in token_info.values() if isinstance(v, Mapping) and CALLER in v), None
    )


def caller(operation_id: str, roles: list[str]) -> Caller:
    """The caller of a secured operation; 403 when its role is not among the operation's
    ``x-roles`` (an empty list admits every authenticated caller)."""
    who = _verified_caller(request_context().get("token_info"))
    if who is None:
        raise problem(401, "Unauthorized", "credentials are required")
    if roles and who.role not in roles:
        allowed = " or ".join(roles)
        held = f"this credential is a {who.role}'s" if who.role else "this credential has no role"
        raise problem(403, "Forbidden", f"{operation_id} is for the {allowed} role; {held}")
    return who


def optional_caller(operation_id: str, roles: list[str]) -> Caller | None:
    """The caller of an operation whose security admits anonymous calls (an empty requirement
    ``{}`` among its others): None for an anonymous one, else as ``caller``."""
    if _verified_caller(request_context().get("token_info")) is None:
        return None
    return caller(operation_id, roles)


# ---- the spec's schemes ---------------------------------------------------------------------


class SecuritySetupError(ValueError):
    """The spec's security schemes and the application's verifiers do not fit together."""


def schemes(spec: Spec) -> dict[str, dict[str, Any]]:
    """The spec's security schemes by name."""
    found = spec.get("components", {}).get("securitySchemes", {})
    return {name: resolve(spec, scheme) for name, scheme in found.items()}


def scheme_kind(name: str, scheme: Mapping[str, Any]) -> str:
    """One of SCHEME_KINDS; SecuritySetupError for a scheme no verifier can serve."""
    kind = str(scheme.get("type", ""))
    if kind == "http":
        kind = str(scheme.get("scheme", "")).lower()
    if kind not in SCHEME_KINDS:
        raise SecuritySetupError(
            f"security scheme {name!r}: type {scheme.get('type')!r}"
            f"{' scheme ' + repr(scheme.get('scheme')) if scheme.get('type') == 'http' else ''}"
            f" is not supported (supported: apiKey, http basic, http bearer, oauth2, openIdConnect)"
        )
    if kind == "apiKey" and scheme.get("in") not in ("header", "query", "cookie"):
        raise SecuritySetupError(
            f"security scheme {name!r}: an apiKey must be `in` header, query or cookie"
        )
    return kind


def requirements(spec: Spec) -> Iterator[Mapping[str, Any]]:
    yield from spec.get("security", [])
    for _, _, operation in operations_of(spec):
        yield from operation.get("security", [])


def used_schemes(spec: Spec) -> list[str]:
    """The names of the schemes some security requirement of the spec names."""
    return sorted({name for requirement in requirements(spec) for name in requirement})


def bind_verifiers(
    spec: Spec, verifiers: Mapping[str, Verifier]
) -> dict[str, Callable[..., Awaitable[Info | None]]]:
    """Each scheme's verifier, answering info that carries its Caller. Fails, naming them, when
    a scheme the spec uses has no verifier, or a verifier names no scheme of the spec."""
    declared = schemes(spec)
    unknown = sorted(set(verifiers) - set(declared))
    if unknown:
        raise SecuritySetupError(
            f"verifiers for {', '.join(unknown)}: the spec declares no such security scheme"
            f" (it declares: {', '.join(declared) or 'none'})"
        )
    missing = [name for name in used_schemes(spec) if name not in verifiers]
    if missing:
        raise SecuritySetupError(
            f"no verifier for the security scheme {', '.join(missing)}: pass one per scheme "
            "name the spec uses (verifiers={name: verify})"
        )
    for name in verifiers:
        scheme_kind(name, declared[name])
    return {name: _bound(name, verify) for name, verify in verifiers.items()}


# How many credentials _bound remembers the answer of before it starts afresh.
REMEMBERED_CREDENTIALS = 10_000


def _bound(scheme: str, verify: Verifier) -> Callable[..., Awaitable[Info | None]]:
    # A verifier that keeps its answers (as most do, for a while) returns the very same info
    # for a credential again: its answer with the Caller is then the one made last time.
    made: dict[tuple[str, ...], tuple[Info, Info]] = {}

    async def verified(*credential: str) -> Info | None:
        try:
            info = await verify(*credential)
        except InvalidCredential as refused:
            # Connexion's own refusal (a 401 whose challenge names invalid_token), with the reason.
            raise OAuthResponseProblem(detail=str(refused)) from None
        if info is None:
            return None
        known = made.get(credential)
        if known is not None and known[0] is info:
            return known[1]
        # Read-only, the caller's info too: the same answer serves every request that sends
        # this credential, so a change made while serving one must not reach the next.
        frozen = MappingProxyType(dict(info))
        answer = MappingProxyType({**frozen, CALLER: caller_of(scheme, frozen)})
        if len(made) >= REMEMBERED_CREDENTIALS:
            made.clear()  # bounded: made-up credentials cannot grow it without end
        made[credential] = (info, answer)
        return answer

    return verified


def challenge(spec: Spec, error: str | None = None) -> str | None:
    """The WWW-Authenticate value of a 401 (RFC 9110): the schemes a client can answer with;
    ``error`` is a bearer token's error code (RFC 6750: ``invalid_token`` when one was refused)."""
    found: list[str] = []
    realm = str(spec.get("info", {}).get("title", "api")).replace('"', "'")
    bearer = f'Bearer error="{error}"' if error else "Bearer"
    for name, scheme in schemes(spec).items():
        try:
            kind = scheme_kind(name, scheme)
        except SecuritySetupError:
            continue  # a scheme no operation uses may be of any type
        text = {"bearer": bearer, "oauth2": bearer, "openIdConnect": bearer}.get(kind)
        if kind == "basic":
            text = f'Basic realm="{realm}"'
        if text and text not in found:
            found.append(text)
    return ", ".join(found) or None
