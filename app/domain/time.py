"""Instants: the clock, and the RFC 3339 date-times of orders and notifications."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import UTC, datetime
from typing import Any

from app.domain.errors import FieldError, Invalid


def now() -> datetime:
    return datetime.now(UTC)


def parse_instant(value: str) -> datetime:
    """An RFC 3339 date-time (seconds optional) as an aware datetime; ValueError when it is
    none, or when it is not one of the years 1 to 9999 in UTC either (0001-01-01T00:00+01:00),
    as the databases store it in UTC."""
    instant = datetime.fromisoformat(value.upper())
    try:
        instant.astimezone(UTC)
    except OverflowError as error:
        raise ValueError("in UTC, it falls outside the years 1 to 9999") from error
    return instant


def shown(at: datetime) -> str:
    """A date-time as the documents show it (UTC, milliseconds)."""
    return at.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def utc_instant(value: str) -> datetime:
    """An RFC 3339 date-time as the instant in UTC, as the databases compare them."""
    return parse_instant(value).astimezone(UTC)


def unreal_instants(values: Mapping[str, Any]) -> dict[str, str]:
    """The date-times among ``values`` that match the spec's pattern but name no real instant
    (2016-02-30, year 0), by name, with the reason. The pattern cannot know the calendar."""
    unreal = {}
    for name, value in values.items():
        if value is None:
            continue
        try:
            parse_instant(value)
        except ValueError as error:
            unreal[name] = f"{value!r} is not a real date and time: {error}"
    return unreal


def check_instants(document: Mapping[str, Any], names: Collection[str]) -> None:
    """Invalid naming each of the document's date-times that is not a real instant."""
    unreal = unreal_instants({name: document.get(name) for name in names})
    if unreal:
        raise Invalid([FieldError(why, pointer=f"/{name}") for name, why in unreal.items()])
