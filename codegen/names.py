"""Python names for the spec's names: operationIds, parameters, tags, schemas.

The wire names stay as the spec writes them; only the Python side is mapped. Every mapping is a
pure function of the spec, so regenerating never renames anything:

- ``snake``: camelCase boundaries become ``_``, every run of other characters (``.``, ``-``,
  spaces, ``$``...) becomes one ``_``, letters are folded to ASCII and lower case.
- ``identifier``: ``snake``, then a name that would shadow something (a keyword, a builtin, or one
  of the ``reserved`` names of where it is used) takes a trailing ``_`` (``id`` -> ``id_``), a
  leading digit takes an ``n_`` prefix (``2fa`` -> ``n_2fa``), nothing left gives ``unnamed``.
- ``class_name``: the words of a name joined in PascalCase (``order-create-update`` ->
  ``OrderCreateUpdate``); a leading digit takes a ``Model`` prefix.
- ``Namer``: in spec order, the first name keeps its mapping; a later one that maps to a name
  already taken gets the smallest free numeric suffix (``order_date_gt_2``, ``Pet2``).
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata
from collections.abc import Callable, Iterable

CAMEL_BOUNDARY = re.compile(r"([a-z0-9])([A-Z])")
NOT_ALPHANUMERIC = re.compile(r"[^0-9A-Za-z]+")
BUILTINS = frozenset(name for name in dir(builtins) if not name.startswith("_"))


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def snake(name: str) -> str:
    """``orderDate.gt`` -> ``order_date_gt``, ``find pet by id`` -> ``find_pet_by_id``."""
    spaced = CAMEL_BOUNDARY.sub(r"\1_\2", _ascii(name))
    return NOT_ALPHANUMERIC.sub("_", spaced).strip("_").lower()


def identifier(name: str, reserved: Iterable[str] = ()) -> str:
    """A valid Python identifier for ``name`` that shadows no keyword, builtin or ``reserved``."""
    mapped = snake(name).strip("_") or "unnamed"
    if mapped[0].isdigit():
        mapped = f"n_{mapped}"
    if keyword.iskeyword(mapped) or mapped in BUILTINS or mapped in set(reserved):
        mapped += "_"
    return mapped


def class_name(name: str) -> str:
    """A PascalCase class name: each word's first letter upper-cased, the rest kept."""
    words = NOT_ALPHANUMERIC.split(_ascii(name))
    mapped = "".join(word[:1].upper() + word[1:] for word in words if word) or "Unnamed"
    return f"Model{mapped}" if mapped[0].isdigit() else mapped


class Namer:
    """Unique names within one namespace, handed out in the order they are asked for."""

    def __init__(
        self, mapping: Callable[[str], str], taken: Iterable[str] = (), separator: str = "_"
    ) -> None:
        self._mapping = mapping
        self._taken = set(taken)
        self._separator = separator

    def __call__(self, name: str) -> str:
        mapped = self._mapping(name)
        unique, number = mapped, 1
        while unique in self._taken:
            number += 1
            unique = f"{mapped.rstrip('_')}{self._separator}{number}"
        self._taken.add(unique)
        return unique

    def take(self, name: str) -> None:
        """Marks ``name`` (already mapped) as used, so later names avoid it."""
        self._taken.add(name)
