"""The Order API's date-time check beyond the spec's pattern: a real instant of the calendar."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.storage.orders import parse_instant
from specfirst.problems import invalid


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


def check_instants(document: Mapping[str, Any], fields: tuple[str, ...]) -> None:
    """422 naming each field of ``document`` whose date-time is not a real one."""
    unreal = unreal_instants({field: document.get(field) for field in fields})
    if unreal:
        raise invalid(422, [{"pointer": f"/{name}", "detail": why} for name, why in unreal.items()])
