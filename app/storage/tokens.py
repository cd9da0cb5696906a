"""API tokens: issued to a party with a role, stored as hashes, revocable."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, update
from sqlmodel import col, select

from app.domain.parties import ROLES
from app.domain.time import now
from app.storage.tables import TokenRow
from app.storage.unit_of_work import UnitOfWork

PREFIX = "oat_"  # recognisable in a leaked-secrets scan


def digest(token: str) -> str:
    # Tokens are 256 random bits: a plain SHA-256 cannot be reversed or guessed (a slow hash is
    # for low-entropy passwords), and it keeps the check per request cheap.
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Token:
    id: str
    party: str
    role: str
    created_at: datetime
    revoked_at: datetime | None


class TokenStore:
    def __init__(self, engine: Engine) -> None:
        self.uow = UnitOfWork(engine)

    def issue(self, party: str, role: str) -> tuple[Token, str]:
        """A new token for ``party``: (its record, the token, which is not stored)."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
        if not party.strip():
            raise ValueError("party must not be empty")
        secret = PREFIX + secrets.token_urlsafe(32)
        row = TokenRow(
            id=f"tok_{secrets.token_hex(6)}",
            party=party,
            role=role,
            token_hash=digest(secret),
            created_at=now(),
        )
        with self.uow() as tx:
            tx.session.add(row)
        return _token(row), secret

    def verify(self, secret: str) -> Token | None:
        """The live token this secret is, or None."""
        with self.uow(read_only=True) as tx:
            row = tx.session.exec(
                select(TokenRow).where(
                    TokenRow.token_hash == digest(secret), col(TokenRow.revoked_at).is_(None)
                )
            ).first()
            return None if row is None else _token(row)

    def listed(self) -> list[Token]:
        with self.uow(read_only=True) as tx:
            rows = tx.session.exec(select(TokenRow).order_by(col(TokenRow.created_at))).all()
            return [_token(r) for r in rows]

    def revoke(self, token_id: str) -> bool:
        with self.uow() as tx:
            result = tx.session.exec(
                update(TokenRow)
                .where(col(TokenRow.id) == token_id, col(TokenRow.revoked_at).is_(None))
                .values(revoked_at=now())
            )
        return bool(result.rowcount == 1)

    def any_live(self) -> bool:
        with self.uow(read_only=True) as tx:
            return (
                tx.session.exec(
                    select(TokenRow.id).where(col(TokenRow.revoked_at).is_(None))
                ).first()
                is not None
            )


def _token(row: TokenRow) -> Token:
    return Token(row.id, row.party, row.role, row.created_at, row.revoked_at)
