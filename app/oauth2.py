"""OAuth2 client credentials: the spec's ``oauth2`` scheme checks JWT access tokens issued by
the authorization server the settings name.

A token is accepted when it is signed by a key of the server's JWKS with an allowed algorithm,
and its ``iss``, ``aud``, ``exp`` and ``nbf`` hold (within the allowed clock skew). Its party and
role come from the claims the settings name; its scopes are checked against the operation's by
the framework (403 naming the missing one). With OAuth2 off, every token is refused here and the
API tokens (``bearerAuth``) are the only credential.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

import jwt

from app.domain.parties import ROLES
from app.settings import Settings
from specfirst.security import Info, InvalidCredential, TokenVerifier

# The spec's name for the OAuth2 scheme (components/securitySchemes).
OAUTH2_SCHEME = "oauth2"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TokenRules:
    """What an access token must be, from the settings."""

    issuer: str
    audience: str
    algorithms: tuple[str, ...]
    leeway_seconds: float
    party_claim: str
    role_claim: str

    @classmethod
    def of(cls, settings: Settings) -> TokenRules:
        return cls(
            issuer=settings.oauth2_issuer,
            audience=settings.oauth2_audience,
            algorithms=tuple(settings.oauth2_algorithms),
            leeway_seconds=settings.oauth2_leeway_seconds,
            party_claim=settings.oauth2_party_claim,
            role_claim=settings.oauth2_role_claim,
        )


def keys_of(settings: Settings) -> jwt.PyJWKClient:
    """The authorization server's signing keys: the JWKS is kept for its cache time, and an
    unknown key id fetches it again at most once per refetch interval (keys rotate without a
    restart; made-up key ids cannot hammer the server)."""
    return jwt.PyJWKClient(
        settings.oauth2_jwks_url,
        cache_jwk_set=True,
        lifespan=settings.oauth2_jwks_cache_seconds,
        cooldown_duration=settings.oauth2_jwks_refetch_seconds,
        timeout=settings.oauth2_jwks_timeout_seconds,
    )


def verifier(settings: Settings) -> TokenVerifier:
    """The oauth2 scheme's verifier: the token's info, or InvalidCredential saying why not."""
    if not settings.oauth2_enabled:

        async def refuse(_token: str) -> Info | None:
            return None

        return refuse
    keys = keys_of(settings)
    rules = TokenRules.of(settings)

    async def verify(token: str) -> Info | None:
        if token.count(".") != 2:
            return None  # not a JWT (an API token, say): refused without a reason of ours
        header = token_header(token)
        # Fetching the JWKS is blocking I/O: off the event loop (a cached set costs a lookup).
        key = await asyncio.to_thread(signing_key, keys, header)
        return info_of(checked_claims(token, key, rules), rules)

    return verify


def token_header(token: str) -> dict[str, Any]:
    try:
        header = jwt.get_unverified_header(token)
    except jwt.InvalidTokenError:
        raise InvalidCredential("the token is not a JWT access token") from None
    if not isinstance(header.get("kid"), str):
        raise InvalidCredential("the token's header names no signing key (kid)")
    return header


def signing_key(keys: jwt.PyJWKClient, header: dict[str, Any]) -> jwt.PyJWK:
    try:
        return keys.get_signing_key(header["kid"])
    except jwt.PyJWKClientConnectionError as error:
        log.warning("the authorization server's keys could not be fetched: %s", error)
        raise InvalidCredential("the authorization server's keys could not be fetched") from None
    except (jwt.PyJWKClientError, jwt.PyJWKSetError):
        raise InvalidCredential(
            f"the token is signed by a key the authorization server does not publish "
            f"({header['kid']!r})"
        ) from None


def checked_claims(token: str, key: jwt.PyJWK, rules: TokenRules) -> dict[str, Any]:
    if key.algorithm_name not in rules.algorithms:
        raise InvalidCredential(f"the token's key is for {key.algorithm_name}, not accepted here")
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=list(rules.algorithms),
            audience=rules.audience,
            issuer=rules.issuer,
            leeway=rules.leeway_seconds,
            options={"require": ["exp", "iss", "aud"]},
        )
    except jwt.ExpiredSignatureError:
        raise InvalidCredential("the token has expired") from None
    except jwt.ImmatureSignatureError:
        raise InvalidCredential("the token is not valid yet (nbf)") from None
    except jwt.InvalidAudienceError:
        raise InvalidCredential(
            f"the token is not for this API (aud is not {rules.audience!r})"
        ) from None
    except jwt.InvalidIssuerError:
        raise InvalidCredential(f"the token is not issued by {rules.issuer!r}") from None
    except jwt.MissingRequiredClaimError as error:
        raise InvalidCredential(f"the token has no {error.claim!r} claim") from None
    except jwt.InvalidAlgorithmError:
        raise InvalidCredential("the token's algorithm is not accepted here") from None
    except jwt.InvalidSignatureError:
        raise InvalidCredential("the token's signature does not verify") from None
    except jwt.InvalidTokenError as error:
        raise InvalidCredential(f"the token is not valid: {error}") from None
    return claims


def claim_at(claims: dict[str, Any], name: str) -> Any:
    """The claim ``name``; failing that, with dots as a path into nested claims (Keycloak's
    ``realm_access.roles``). A namespaced claim (``https://example.com/role``) is found whole."""
    if name in claims:
        return claims[name]
    found: Any = claims
    for part in name.split("."):
        found = found.get(part) if isinstance(found, dict) else None
    return found


def role_of(claims: dict[str, Any], name: str) -> str:
    """The one role among the claim's values: a string (several separated by spaces, as in
    ``scope``, which lets a scope name the role) or a list (Azure AD's ``roles``, Okta's
    ``groups``). Its other values are none of this API's business; two roles are refused."""
    value = claim_at(claims, name)
    values = value.split() if isinstance(value, str) else value if isinstance(value, list) else []
    roles = sorted({v for v in values if isinstance(v, str) and v in ROLES})
    if not roles:
        raise InvalidCredential(f"the token's {name!r} claim names none of {', '.join(ROLES)}")
    if len(roles) > 1:
        raise InvalidCredential(
            f"the token's {name!r} claim names several roles: {', '.join(roles)}"
        )
    return roles[0]


def info_of(claims: dict[str, Any], rules: TokenRules) -> Info:
    party = claims.get(rules.party_claim)
    if not isinstance(party, str) or not party.strip():
        raise InvalidCredential(f"the token names no party (claim {rules.party_claim!r})")
    role = role_of(claims, rules.role_claim)
    return {
        "sub": party,
        "role": role,
        # `scope` (RFC 9068), or `scp` as some servers name it.
        "scope": claims.get("scope", claims.get("scp", "")),
        "client_id": claims.get("client_id", claims.get("sub")),
    }
