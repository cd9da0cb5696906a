"""Handlers of the buyer's subscriptions (tag ``hub``)."""

from __future__ import annotations

from urllib.parse import urlencode

from app.domain.hubs import Hubs
from app.handlers.http import counts, party
from app.handlers.problems import refusals_as_problems
from generated import models
from specfirst.reply import Reply
from specfirst.security import Caller


@refusals_as_problems
class HubHandlers:
    def __init__(self, hubs: Hubs, public_url: str) -> None:
        self.hubs = hubs
        self.public_url = public_url.rstrip("/")

    def list_hubs(
        self, *, caller: Caller, limit: int, offset: int
    ) -> models.EventSubscriptionList | Reply[models.EventSubscriptionList]:
        page = self.hubs.page(party(caller), limit, offset)
        query = urlencode({"limit": limit, "offset": offset})
        listed = models.EventSubscriptionList(
            link=models.Link(href=f"{self.public_url}/hub?{query}"),
            available=page.available,
            returned=len(page.documents),
            items=[models.EventSubscription.model_validate(d) for d in page.documents],
        )
        return Reply(listed, headers=counts(page.available, len(page.documents)))

    def create_hub(
        self, *, caller: Caller, body: models.EventSubscriptionInput
    ) -> models.EventSubscription | Reply[models.EventSubscription]:
        hub = self.hubs.subscribe(party(caller), body.callback, body.query)
        return Reply(
            models.EventSubscription.model_validate(hub.document()),
            status=201,
            headers={"Location": f"{self.public_url}/hub/{hub.id}"},
        )

    def get_hub(
        self, *, caller: Caller, id_: str
    ) -> models.EventSubscription | Reply[models.EventSubscription]:
        return models.EventSubscription.model_validate(self.hubs.get(party(caller), id_).document())

    def delete_hub(self, *, caller: Caller, id_: str) -> None:
        self.hubs.unsubscribe(party(caller), id_)
