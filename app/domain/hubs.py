"""A buyer's subscriptions to its notifications (the hub): where they are delivered and which.
The query is MEF LSO Sonata's: ``eventType=COMPLETION,JEOPARDY`` (a comma means "or")."""

from __future__ import annotations

from app.domain.callbacks import Resolver, refusal, resolve
from app.domain.errors import FieldError, Invalid, not_found
from app.domain.parties import Party
from app.domain.ports import UnitOfWork
from app.domain.records import Hub, Page
from generated.models import NotificationType

EVENT_TYPES = frozenset(t.value for t in NotificationType)


def event_types(query: str | None) -> frozenset[str] | None:
    """The notification types a query selects; None for every type (no query). Invalid naming
    ``query`` for a key other than eventType or an unknown type."""
    if query is None or not query.strip():
        return None
    selected: set[str] = set()
    for term in query.split("&"):
        key, equals, value = term.partition("=")
        if key.strip() != "eventType" or not equals:
            raise _bad_query(f"{term!r}: the only key is eventType (eventType=COMPLETION,JEOPARDY)")
        for name in value.split(","):
            if name.strip() not in EVENT_TYPES:
                raise _bad_query(
                    f"{name.strip()!r} is no event type; they are {', '.join(sorted(EVENT_TYPES))}"
                )
            selected.add(name.strip())
    return frozenset(selected)


def _bad_query(detail: str) -> Invalid:
    return Invalid([FieldError(detail, pointer="/query")])


class Hubs:
    """Subscriptions, each the buyer's own: another buyer's is "not found"."""

    def __init__(
        self, uow: UnitOfWork, *, allow_private: bool = False, resolver: Resolver = resolve
    ) -> None:
        self.uow = uow
        self.allow_private = allow_private
        self.resolver = resolver

    def subscribe(self, who: Party, callback: str, query: str | None) -> Hub:
        types = event_types(query)
        why = refusal(callback, allow_private=self.allow_private, resolver=self.resolver)
        if why is not None:
            raise Invalid([FieldError(why, pointer="/callback")])
        with self.uow() as tx:
            return tx.hubs.add(who.id, callback.rstrip("/"), query, types)

    def page(self, who: Party, limit: int, offset: int) -> Page:
        with self.uow(read_only=True) as tx:
            return tx.hubs.page(who.id, limit, offset)

    def get(self, who: Party, hub_id: str) -> Hub:
        with self.uow(read_only=True) as tx:
            return self._own(tx.hubs.get(hub_id), who, hub_id)

    def unsubscribe(self, who: Party, hub_id: str) -> None:
        """Deletes the hub; its deliveries not yet made are dead ("hub deleted")."""
        with self.uow() as tx:
            tx.hubs.delete(self._own(tx.hubs.get(hub_id), who, hub_id).id)

    @staticmethod
    def _own(hub: Hub | None, who: Party, hub_id: str) -> Hub:
        if hub is None or hub.buyer_id != who.id:
            raise not_found(f"no hub has id {hub_id!r}", "id")
        return hub
