"""OAuth2 for the tests, on loopback: signing keys, a JWKS endpoint the tests control, and a real
authorization server (node-oidc-provider, tests/oauth2_provider.mjs) issuing access tokens by the
client credentials grant."""

from __future__ import annotations

import contextlib
import json
import subprocess
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from tests.ports import free_port
from tests.servers import ROOT, wait_until_answering

PROVIDER_SCRIPT = ROOT / "tests" / "oauth2_provider.mjs"
AUDIENCE = "urn:orders-api:test"


@dataclass
class SigningKey:
    """An RSA key pair of an authorization server, known by its key id."""

    kid: str
    private: rsa.RSAPrivateKey = field(
        default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )

    def public_jwk(self) -> dict[str, Any]:
        found = json.loads(RSAAlgorithm.to_jwk(self.private.public_key()))
        return {**found, "kid": self.kid, "alg": "RS256", "use": "sig"}

    def private_jwk(self) -> dict[str, Any]:
        found = json.loads(RSAAlgorithm.to_jwk(self.private))
        found.pop("key_ops", None)
        return {**found, "kid": self.kid, "alg": "RS256", "use": "sig"}

    def sign(self, claims: dict[str, Any], **header: Any) -> str:
        return jwt.encode(
            claims, self.private, algorithm="RS256", headers={"kid": self.kid, **header}
        )


class JwksServer:
    """A JWKS endpoint on 127.0.0.1 serving ``keys`` (change them to rotate), counting fetches."""

    def __init__(self, keys: Sequence[SigningKey]) -> None:
        self.keys = list(keys)
        self.fetches = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.fetches += 1
                body = json.dumps({"keys": [k.public_jwk() for k in server.keys]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: Any) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}/jwks"

    @contextlib.contextmanager
    def serving(self) -> Iterator[JwksServer]:
        thread = threading.Thread(target=self.http.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.http.shutdown()
            self.http.server_close()
            thread.join()


@dataclass
class Client:
    """A client registered at the authorization server: the scopes it may be granted, the
    claims its access tokens carry, their lifetime."""

    client_id: str
    scope: str
    claims: dict[str, Any]
    ttl: int = 300
    client_secret: str = "client-secret-for-tests"


@dataclass
class Provider:
    issuer: str
    process: subprocess.Popen[bytes]

    @property
    def jwks_url(self) -> str:
        return f"{self.issuer}/jwks"

    def token(self, client: Client, scope: str, **params: str) -> str:
        """An access token by the client credentials grant."""
        response = httpx.post(
            f"{self.issuer}/token",
            data={"grant_type": "client_credentials", "scope": scope, **params},
            auth=(client.client_id, client.client_secret),
        )
        assert response.status_code == 200, response.text
        token: str = response.json()["access_token"]
        return token


@contextlib.contextmanager
def provider(
    workdir: Path,
    keys: Sequence[SigningKey],
    clients: Sequence[Client],
    *,
    port: int | None = None,
    audiences: Sequence[str] = (AUDIENCE,),
) -> Iterator[Provider]:
    """node-oidc-provider on 127.0.0.1, signing with the first of ``keys``; stopped on exit."""
    port = port or free_port()
    config = workdir / f"provider-{port}-{time.monotonic_ns()}.json"
    config.write_text(
        json.dumps(
            {
                "port": port,
                "audiences": list(audiences),
                "keys": [k.private_jwk() for k in keys],
                "clients": [vars(c) for c in clients],
            }
        )
    )
    log = config.with_suffix(".log")
    process = subprocess.Popen(
        ["node", str(PROVIDER_SCRIPT), str(config)],
        cwd=ROOT,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )
    issuer = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{issuer}/jwks", process, log)
        yield Provider(issuer, process)
    finally:
        process.terminate()
        process.wait(timeout=20)


def auth(token: str) -> dict[str, str]:
    """The Authorization header of an access token."""
    return {"Authorization": f"Bearer {token}"}
