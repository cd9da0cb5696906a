"""specfirst.dispatch: which handlers run on the event loop, and that the others do not."""

from __future__ import annotations

import asyncio
import threading

import pytest

from specfirst.dispatch import call, event_loop_functions


class Handlers:
    run_on_event_loop = frozenset({"get_pet"})

    def get_pet(self) -> str:
        return threading.current_thread().name

    def add_pet(self) -> str:
        return threading.current_thread().name


class Plain:
    def list_pets(self) -> None: ...


def test_the_names_of_every_handler_object_are_gathered() -> None:
    assert event_loop_functions(Handlers(), Plain()) == {"get_pet"}
    assert event_loop_functions(Plain()) == frozenset()


def test_a_name_that_is_not_a_method_is_refused() -> None:
    class Typo(Handlers):
        run_on_event_loop = frozenset({"get_pets"})

    with pytest.raises(ValueError, match=r"Typo.run_on_event_loop names 'get_pets'"):
        event_loop_functions(Typo())


def test_a_single_string_is_refused() -> None:
    class OneString(Handlers):
        run_on_event_loop = "get_pet"  # type: ignore[assignment]

    with pytest.raises(ValueError, match="must be a collection of names"):
        event_loop_functions(OneString())


def test_only_the_named_handlers_run_in_the_event_loops_thread() -> None:
    handlers = Handlers()
    on_loop = event_loop_functions(handlers)

    async def both() -> tuple[str, str, str]:
        loop_thread = threading.current_thread().name
        got = await call(handlers.get_pet, "get_pet" in on_loop)
        added = await call(handlers.add_pet, "add_pet" in on_loop)
        return loop_thread, got, added

    loop_thread, got, added = asyncio.run(both())
    assert got == loop_thread
    assert added != loop_thread
