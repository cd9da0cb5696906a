"""The HTTP words of the handlers, in the domain's terms: the verified caller as a party, and
an order's revision as its ETag and in If-Match."""

from __future__ import annotations

from app.domain.parties import Party
from specfirst.security import Caller


def party(caller: Caller) -> Party:
    return Party(caller.subject, caller.role or "")


def etag(revision: int) -> str:
    return f'"{revision}"'


def based_on(if_match: str | None) -> frozenset[int] | None:
    """The revisions an If-Match names (RFC 9110; weak tags compared by value); None for any
    (no header, or ``*``). A tag that is no ETag of ours names none."""
    if if_match is None or if_match.strip() == "*":
        return None
    tags = (tag.strip().removeprefix("W/").strip('"') for tag in if_match.split(","))
    return frozenset(
        int(tag) for tag in tags if tag.isascii() and tag.isdecimal() and str(int(tag)) == tag
    )


def counts(available: int, returned: int) -> dict[str, str]:
    """The headers of a list (MEF LSO Sonata's): how many match in all, how many are here."""
    return {"X-Total-Count": str(available), "X-Result-Count": str(returned)}
