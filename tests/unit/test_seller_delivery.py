"""app/seller/delivery.py: the retry schedule of a failed delivery, and a POST to the address a
callback's name was checked at (a real TLS server on loopback)."""

from __future__ import annotations

import contextlib
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.seller.delivery import Backoff, post


def test_backoff_grows_exponentially_with_jitter_up_to_a_cap() -> None:
    backoff = Backoff(base_seconds=2, max_seconds=60, max_attempts=8)
    at = datetime(2026, 1, 1, tzinfo=UTC)
    for attempts, full in [(1, 2), (2, 4), (3, 8), (5, 32), (6, 60), (7, 60)]:
        delays = set()
        for _ in range(50):
            retry_at = backoff.retry_at(attempts, at)
            assert retry_at is not None
            delay = (retry_at - at).total_seconds()
            assert full / 2 <= delay <= full
            delays.add(delay)
        assert len(delays) > 1  # jittered
    assert backoff.retry_at(8, at) is None  # tries used up: dead


# ---- a POST to the address a callback was checked at, on real TLS over loopback -------------


def certificate(
    name: str, issuer: tuple[x509.Name, ec.EllipticCurvePrivateKey] | None = None
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    """A certificate for ``name`` (a CA's when ``issuer`` is None, else a server's it signs)."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    signer_name, signer_key = issuer or (subject, key)
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(signer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(hours=1))
    )
    if issuer is None:
        builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
    else:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), False)
    return builder.sign(signer_key, hashes.SHA256()), key


@dataclass
class Seen:
    server_names: list[str | None] = field(default_factory=list)
    hosts: list[str | None] = field(default_factory=list)


@contextlib.contextmanager
def buyer_over_tls(tmp_path: Path, serving: str) -> Iterator[tuple[int, httpx.Client, Seen]]:
    """An HTTPS server on 127.0.0.1 with a certificate for ``serving`` (from a CA of its own):
    yields its port, an httpx client trusting only that CA, and the TLS server names and Host
    headers it was sent."""
    ca, ca_key = certificate("test CA")
    leaf, leaf_key = certificate(serving, (ca.subject, ca_key))
    chain = tmp_path / "server.pem"
    chain.write_bytes(
        leaf_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        + leaf.public_bytes(serialization.Encoding.PEM)
    )
    seen = Seen()
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(chain)
    server_side.sni_callback = lambda _socket, name, _context: seen.server_names.append(name)

    class Buyer(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            seen.hosts.append(self.headers["Host"])
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(201)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Buyer)
    httpd.socket = server_side.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    client_side = ssl.create_default_context(
        cadata=ca.public_bytes(serialization.Encoding.PEM).decode()
    )
    try:
        with httpx.Client(verify=client_side) as client:
            yield httpd.server_address[1], client, seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_post_to_a_checked_address_is_made_to_the_named_host_and_its_certificate(
    tmp_path: Path,
) -> None:
    with buyer_over_tls(tmp_path, "buyer.test") as (port, client, seen):
        url = f"https://buyer.test:{port}/api/listener/orderNotification"
        response = post(client, url, ["127.0.0.1"], {"n": 1}, {})
    assert response.status_code == 201
    assert seen.server_names == ["buyer.test"]
    assert seen.hosts == [f"buyer.test:{port}"]


def test_a_post_to_a_checked_address_refuses_a_certificate_for_another_name(
    tmp_path: Path,
) -> None:
    """The certificate is checked against the callback's name, not the address connected to."""
    with (
        buyer_over_tls(tmp_path, "other.test") as (port, client, seen),
        pytest.raises(httpx.ConnectError) as error,
    ):
        post(client, f"https://buyer.test:{port}/api", ["127.0.0.1"], {"n": 1}, {})
    assert "certificate verify failed" in str(error.value).lower()
    assert seen.hosts == []
