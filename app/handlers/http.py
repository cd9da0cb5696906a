"""The HTTP words of the handlers, in the domain's terms: the verified caller as a party, an
order's revision as its ETag and in If-Match, and a page of stored documents as a list."""

from __future__ import annotations

from typing import TypeVar

from app.domain.parties import Party
from app.domain.records import JSONPage
from specfirst.reply import Reply, StoredJSON, joined_json
from specfirst.security import Caller

ListT = TypeVar("ListT")


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


def stored_list(schema: type[ListT], href: str, page: JSONPage) -> Reply[ListT]:
    """A list (``schema``) of a page of stored documents, sent as they are: its link, its counts
    in the body and in the headers, and the documents as its items."""
    envelope = {"link": {"href": href}, "available": page.available, "returned": len(page.items)}
    listed = joined_json(envelope, "items", page.items)
    return Reply(StoredJSON(schema, listed), headers=counts(page.available, len(page.items)))
