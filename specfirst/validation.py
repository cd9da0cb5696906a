"""Request validation that lists every failure, not just the first (Connexion stops at one).

Each failure becomes an entry of the problem's ``errors``: a JSON pointer into the body (or the
parameter's name) and a message. The validators that use this are Connexion subclasses
(specfirst.connexion_overrides); what is here needs no Connexion.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from jsonschema import ValidationError

from specfirst.document import pointer

REQUIRED = re.compile(r"^'(.+)' is a required property$")
# Text the application cannot store: U+0000 (PostgreSQL stores no NUL in text or JSON). Refused
# with 422 when the application asks for it (create_service(refuse_nul=True)).
NUL = "\x00"
NUL_DETAIL = "must not contain the NUL character (U+0000)"


def _tag(one_of: Any) -> str | None:
    """The property that tells a oneOf's branches apart: the discriminator's, or one that each
    branch fixes to a single value (``enum: [x]``)."""
    if not isinstance(one_of, dict):
        return None
    discriminator = one_of.get("discriminator")
    if isinstance(discriminator, dict) and "propertyName" in discriminator:
        return str(discriminator["propertyName"])
    fixed: set[str] | None = None
    for branch in one_of.get("oneOf", []):
        properties = branch.get("properties", {}) if isinstance(branch, dict) else {}
        names = {
            name
            for name, schema in properties.items()
            if isinstance(schema, dict) and len(schema.get("enum", ())) == 1
        }
        fixed = names if fixed is None else fixed & names
    return min(fixed) if fixed else None


def _meant(errors: list[ValidationError], tag: str | None) -> bool:
    """Whether the value was meant for the ``oneOf`` branch that gave these errors: not when
    the branch's tag refuses it, nor when the value is not even of the branch's type or values
    (an object against a ``null``-only branch)."""
    return not any(
        (tag is not None and list(e.relative_path) == [tag])
        or (not e.relative_path and e.validator in ("type", "enum"))
        for e in errors
    )


def _leaf_errors(error: ValidationError) -> Iterator[ValidationError]:
    """For a failed ``oneOf``, the errors of the one branch the value was meant for (by its
    tag, see ``_tag``, and its type); the ``oneOf`` itself when that is not one branch."""
    if error.validator != "oneOf" or not error.context:
        yield error
        return
    tag = _tag(error.schema)
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    chosen = [errors for errors in branches.values() if _meant(errors, tag)]
    if len(chosen) == 1:
        for sub in chosen[0]:
            yield from _leaf_errors(sub)
    else:
        yield error


def _entries(error: ValidationError) -> Iterator[dict[str, str]]:
    """Each entry's pointer names the field at fault: the missing or the unexpected one too."""
    path = list(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    missing = REQUIRED.match(error.message) if error.validator == "required" else None
    if missing:
        yield {"pointer": pointer([*path, missing.group(1)]), "detail": "is required"}
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = schema.get("properties", {})
        for name in sorted(set(error.instance) - set(known)):
            yield {
                "pointer": pointer([*path, name]),
                "detail": "is not a field that can be sent here",
            }
    elif error.validator == "pattern" and "description" in schema:
        # The description says what the regular expression means; the expression does not.
        yield {
            "pointer": pointer(path),
            "detail": f"{error.instance!r} is not valid: {schema['description']}",
        }
    else:
        yield {"pointer": pointer(path), "detail": error.message}


def body_errors(errors: Iterable[ValidationError]) -> list[dict[str, str]]:
    """jsonschema's errors of a body as problem entries, by pointer."""
    found = [entry for error in errors for leaf in _leaf_errors(error) for entry in _entries(leaf)]
    return sorted(found, key=lambda e: e["pointer"])


def nul_pointers(value: Any, path: tuple[Any, ...] = ()) -> Iterator[str]:
    """JSON pointers of the strings (values and keys) in ``value`` that contain U+0000."""
    if isinstance(value, str):
        if NUL in value:
            yield pointer(path)
    elif isinstance(value, dict):
        for key, item in value.items():
            if NUL in key:
                yield pointer((*path, key))
            else:
                yield from nul_pointers(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from nul_pointers(item, (*path, index))
