"""How a generated operation calls its handler: in the threadpool, so that a handler may block
(a database, a file, another service), unless its handler object names it in
``run_on_event_loop``; those are called in the event loop's thread, which saves the handoff to a
worker thread and back. That is for handlers that never wait long, such as a read by key on a
local SQLite file: while one runs, no other request of this worker moves."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool

ATTRIBUTE = "run_on_event_loop"
Result = TypeVar("Result")


def event_loop_functions(*handlers: object) -> frozenset[str]:
    """The handler functions to call on the event loop: the union of each handler object's
    ``run_on_event_loop`` (a collection of its method names). A name that is not a method of
    its object is a mistake that would otherwise go unnoticed: ValueError."""
    names: set[str] = set()
    for handler in handlers:
        chosen: Collection[str] = getattr(handler, ATTRIBUTE, ())
        if isinstance(chosen, str):
            raise ValueError(f"{type(handler).__name__}.{ATTRIBUTE} must be a collection of names")
        for name in chosen:
            if not callable(getattr(handler, name, None)):
                raise ValueError(
                    f"{type(handler).__name__}.{ATTRIBUTE} names {name!r}, "
                    "which is not one of its methods"
                )
        names.update(chosen)
    return frozenset(names)


async def call(function: Callable[..., Result], on_event_loop: bool, /, **arguments: Any) -> Result:
    """``function(**arguments)``, in the threadpool unless ``on_event_loop``."""
    if on_event_loop:
        return function(**arguments)
    return await run_in_threadpool(function, **arguments)
