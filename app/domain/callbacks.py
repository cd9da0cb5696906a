"""Where the seller may deliver a buyer's notifications: the rule that keeps a subscription from
pointing the seller at its own network (SSRF). Checked when a hub is registered and again
before each delivery, as a name may resolve elsewhere later (DNS rebinding); a delivery then
connects to the addresses checked, not to a second resolution of the name."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

import httpx

# host -> the addresses it resolves to (socket.getaddrinfo by default).
Resolver = Callable[[str], Iterable[str]]


def resolve(host: str) -> list[str]:
    """The addresses ``host`` resolves to (an IP literal is its own address)."""
    return [str(info[4][0]) for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)]


def forbidden_address(address: str) -> str | None:
    """The kind of address the seller may not deliver to (loopback, private, ...), or None
    when it may. An IPv4-mapped IPv6 address is judged as its IPv4 address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone is no part of it
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    v6 = ip if isinstance(ip, ipaddress.IPv6Address) else None
    # The narrower kinds first: "private" covers most of them too.
    kinds = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        # Deprecated, and still global to the ipaddress of Python before 3.13: site-local
        # fec0::/10, and 6to4's 2002::/16, which carries an IPv4 address (127.0.0.1 as well).
        ("site-local", v6 is not None and v6.is_site_local),
        ("6to4", v6 is not None and v6.sixtofour is not None),
        # The rest of what is not the public internet (shared address space, 100.64.0.0/10).
        ("non-public", not ip.is_global),
    )
    return next((kind for kind, matches in kinds if matches), None)


def url_problem(url: str) -> str | None:
    """Why ``url`` is no callback at all (None: it has the form of one), whatever the policy."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  # a port out of range raises here
    except ValueError as error:
        return f"{url!r} is not a URL: {error}"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{url!r} is not an http(s) URL with a host"
    if parts.query or parts.fragment:
        return f"{url!r} is a base URL: it takes no query or fragment"
    try:
        # The deliveries' own parser: it refuses control characters and hosts it cannot
        # encode that urlsplit lets through, and a delivery must not be the first to find out.
        httpx.URL(url)
    except httpx.InvalidURL as error:
        return f"{url!r} is not a URL the seller can send to: {error}"
    return None


class Refused(Exception):
    """Why the seller may not deliver to a callback."""


def destinations(url: str, *, allow_private: bool, resolver: Resolver = resolve) -> list[str]:
    """The addresses the seller may deliver ``url`` to, all public, in the resolver's order;
    empty when ``allow_private``: nothing is resolved then, and any address will do. Raises
    Refused: ``url`` is no callback, or (unless ``allow_private``) it is not https or its
    host resolves to a non-public address."""
    problem = url_problem(url)
    if problem is not None:
        raise Refused(problem)
    if allow_private:
        return []
    target = httpx.URL(url)  # it parses: url_problem said so
    if target.scheme != "https":
        raise Refused(f"{url!r} is not https")
    # The name httpx connects to (IDNA 2008), which getaddrinfo's own encoding of a non-ASCII
    # name (IDNA 2003: "ß" as "ss") need not be: the name checked is the name used.
    host = target.raw_host.decode("ascii")
    try:
        addresses = list(resolver(host))
    except (OSError, UnicodeError) as error:
        raise Refused(f"{host!r} does not resolve: {error}") from error
    if not addresses:
        raise Refused(f"{host!r} resolves to no address")
    for address in addresses:
        kind = forbidden_address(address)
        if kind is not None:
            raise Refused(f"{host!r} resolves to {address}, a {kind} address")
    return addresses


def refusal(url: str, *, allow_private: bool, resolver: Resolver = resolve) -> str | None:
    """Why the seller refuses to deliver to ``url`` (None: it delivers): ``destinations``'
    reason."""
    try:
        destinations(url, allow_private=allow_private, resolver=resolver)
    except Refused as error:
        return str(error)
    return None
