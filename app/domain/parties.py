"""Who acts: a buyer or the seller, and what each may see."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

BUYER, SELLER = "buyer", "seller"
# Every role a credential (an API token, an OAuth2 access token) may carry.
ROLES = (BUYER, SELLER)


@dataclass(frozen=True)
class Party:
    """The party a request acts for (a buyerId for a buyer) and its role."""

    id: str
    role: str

    @property
    def is_seller(self) -> bool:
        return self.role == SELLER


def visible(party: Party, document: Mapping[str, Any]) -> bool:
    """A buyer sees its own orders (and their notifications) only; the seller sees them all."""
    return party.is_seller or document.get("buyerId") == party.id
