"""Breaking-change gate: ``python -m codegen.breaking`` (``nox -s breaking``).

Compares spec/openapi.yaml with the same file on a git ref (default: the last tag, else the
merge base with main, else HEAD) or with another file (``--old``), and prints the changes as a
Markdown changelog entry. Exits 1 when a change breaks clients and ``info.version`` does not raise
the major number (semver), 2 when the old spec cannot be read, 0 otherwise.
``--changelog FILE`` prepends the entry to FILE (when the gate passes and something changed).

Direction rules. Every schema is compared where it is used, ``$ref``s resolved (each referenced
schema once per request or response part, which also stops recursion):

- what clients *send* (parameters, request bodies) must not get stricter: a removed operation,
  parameter, media type or property, a newly required parameter, body or property, a removed
  enum value or ``oneOf`` variant, a changed type or format, a constraint added or tightened
  (``maxLength``/``maximum``/``maxItems`` lowered, ``min*`` raised, ``pattern`` added or changed,
  ``enum`` where there was none, ``nullable`` or ``additionalProperties`` turned off) breaks.
  Loosening is an addition.
- what clients *receive* (responses) must not get looser: a removed property, response
  header or success status, a property no longer required, an enum value or ``oneOf``
  variant added (clients meet a value they do not know), a constraint loosened or removed
  breaks. Tightening, new optional properties and new statuses are additions.
- Type and format changes break both ways (``integer`` to ``number`` only widens).
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml

from codegen.generate import SPEC
from specfirst.document import HTTP_METHODS, Spec, load_spec, resolve

Node = dict[str, Any]
REQUEST, RESPONSE = "request", "response"
# Lowering an upper bound (or raising a lower one) narrows what a schema accepts.
UPPER = ("maxLength", "maximum", "maxItems", "maxProperties")
LOWER = ("minLength", "minimum", "minItems", "minProperties")


@dataclass(frozen=True)
class Change:
    where: str
    what: str
    breaking: bool

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def _show(value: Any) -> str:
    """A value as written in the spec: strings quoted but not escaped (patterns stay readable)."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return f"[{', '.join(_show(v) for v in value)}]"
    return json.dumps(value) if isinstance(value, dict) else str(value)


class _Differ:
    def __init__(self, old: Spec, new: Spec) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []

    def note(self, where: str, what: str, *, breaking: bool) -> None:
        self.changes.append(Change(where, what, breaking))

    def narrowed(self, where: str, what: str, direction: str) -> None:
        self.note(where, what, breaking=direction == REQUEST)

    def widened(self, where: str, what: str, direction: str) -> None:
        self.note(where, what, breaking=direction == RESPONSE)

    # ---- operations, parameters, bodies, responses ------------------------------------------
    def operations(self) -> None:
        old, new = _operations(self.old), _operations(self.new)
        for key in [k for k in old if k not in new]:
            self.note(key, "operation removed", breaking=True)
        for key in [k for k in new if k not in old]:
            self.note(key, "operation added", breaking=False)
        for key in [k for k in old if k in new]:
            (old_op, old_params), (new_op, new_params) = old[key], new[key]
            if new_op.get("deprecated") and not old_op.get("deprecated"):
                self.note(key, "operation deprecated", breaking=False)
            self.parameters(key, old_params, new_params)
            self.request_body(key, old_op.get("requestBody"), new_op.get("requestBody"))
            self.responses(key, old_op.get("responses", {}), new_op.get("responses", {}))

    def parameters(self, op: str, old: dict[str, Node], new: dict[str, Node]) -> None:
        for key, param in old.items():
            where = f"{op} parameter {key}"
            if key not in new:
                self.note(where, "parameter removed", breaking=True)
                continue
            if new[key].get("required") and not param.get("required"):
                self.note(where, "parameter now required", breaking=True)
            elif param.get("required") and not new[key].get("required"):
                self.note(where, "parameter now optional", breaking=False)
            self.schema(where, "", param.get("schema", {}), new[key].get("schema", {}), REQUEST)
        for key in [k for k in new if k not in old]:
            required = bool(new[key].get("required"))
            what = "required parameter added" if required else "optional parameter added"
            self.note(f"{op} parameter {key}", what, breaking=required)

    def request_body(self, op: str, old_ref: Node | None, new_ref: Node | None) -> None:
        where = f"{op} request body"
        if old_ref is None or new_ref is None:
            if old_ref is not None:
                self.note(where, "request body removed", breaking=True)
            elif new_ref is not None:
                required = bool(resolve(self.new, new_ref).get("required"))
                self.note(
                    where, f"{'required' if required else 'optional'} body added", breaking=required
                )
            return
        old, new = resolve(self.old, old_ref), resolve(self.new, new_ref)
        if new.get("required") and not old.get("required"):
            self.note(where, "request body now required", breaking=True)
        self.content(where, old.get("content", {}), new.get("content", {}), REQUEST)

    def responses(self, op: str, old: Node, new: Node) -> None:
        for status, old_ref in old.items():
            where = f"{op} response {status}"
            if status not in new:
                success = str(status).startswith("2")
                self.note(where, "response removed", breaking=success)
                continue
            old_resp, new_resp = resolve(self.old, old_ref), resolve(self.new, new[status])
            old_headers, new_headers = (
                {k.lower() for k in r.get("headers", {})} for r in (old_resp, new_resp)
            )
            for header in sorted(old_headers - new_headers):
                self.note(where, f"header {header} removed", breaking=True)
            for header in sorted(new_headers - old_headers):
                self.note(where, f"header {header} added", breaking=False)
            self.content(where, old_resp.get("content", {}), new_resp.get("content", {}), RESPONSE)
        for status in [s for s in new if s not in old]:
            self.note(f"{op} response {status}", "response added", breaking=False)

    def content(self, where: str, old: Node, new: Node, direction: str) -> None:
        for media, body in old.items():
            at = where if media == "application/json" else f"{where} ({media})"
            if media not in new:
                self.note(at, "media type removed", breaking=True)
            elif "schema" in body and "schema" in new[media]:
                self.schema(at, "", body["schema"], new[media]["schema"], direction, set())
        for media in [m for m in new if m not in old]:
            self.note(where, f"media type {media} added", breaking=False)

    # ---- schemas ---------------------------------------------------------------------------
    def schema(
        self,
        part: str,
        pointer: str,
        old_node: Node,
        new_node: Node,
        direction: str,
        seen: set[tuple[object, object]] | None = None,
    ) -> None:
        """Compares two schemas; ``seen`` holds the ``$ref`` pairs compared for this ``part``."""
        seen = set() if seen is None else seen
        key = (old_node.get("$ref", id(old_node)), new_node.get("$ref", id(new_node)))
        if key in seen:
            return
        seen.add(key)
        old, new = _flat(self.old, old_node), _flat(self.new, new_node)
        where = f"{part}: {pointer}" if pointer else part
        if not self.scalars(where, old, new, direction):
            return  # the type changed: what is below it is not comparable
        self.properties(part, pointer, old, new, direction, seen)
        if "items" in old and "items" in new:
            self.schema(part, f"{pointer}/items", old["items"], new["items"], direction, seen)
        old_extra, new_extra = old.get("additionalProperties"), new.get("additionalProperties")
        if isinstance(old_extra, dict) and isinstance(new_extra, dict):
            self.schema(
                part, f"{pointer}/additionalProperties", old_extra, new_extra, direction, seen
            )
        elif old_extra is not False and new_extra is False:
            self.narrowed(where, "additional properties no longer allowed", direction)
        elif old_extra is False and new_extra is not False:
            self.widened(where, "additional properties now allowed", direction)
        for keyword in ("oneOf", "anyOf"):
            old_variants, new_variants = _variants(old, keyword), _variants(new, keyword)
            if bool(old_variants) != bool(new_variants):
                self.note(
                    where, f"{keyword} {'added' if new_variants else 'removed'}", breaking=True
                )
                continue
            for label in [v for v in old_variants if v not in new_variants]:
                self.narrowed(where, f"{keyword} variant {label} removed", direction)
            for label in [v for v in new_variants if v not in old_variants]:
                self.widened(where, f"{keyword} variant {label} added", direction)
            for label in [v for v in old_variants if v in new_variants]:
                at = f"{pointer}/({label})"
                self.schema(part, at, old_variants[label], new_variants[label], direction, seen)

    def scalars(self, where: str, old: Node, new: Node, direction: str) -> bool:
        """Type, format, pattern, enum, nullable and bounds; False when the type changed."""
        for keyword in ("type", "format", "pattern"):
            before, after = old.get(keyword), new.get(keyword)
            if before == after:
                continue
            if before is None:
                self.narrowed(where, f"{keyword} {_show(after)} added", direction)
            elif after is None:
                self.widened(where, f"{keyword} {_show(before)} removed", direction)
            elif (before, after) == ("integer", "number"):
                self.widened(where, "type widened integer -> number", direction)
            elif (before, after) == ("number", "integer"):
                self.narrowed(where, "type narrowed number -> integer", direction)
            else:
                what = f"{keyword} changed {_show(before)} -> {_show(after)}"
                self.note(where, what, breaking=True)
                if keyword == "type":
                    return False
        old_enum, new_enum = old.get("enum"), new.get("enum")
        if old_enum is None and new_enum is not None:
            self.narrowed(where, f"enum {_show(new_enum)} added", direction)
        elif old_enum is not None and new_enum is None:
            self.widened(where, "enum removed", direction)
        elif old_enum is not None and new_enum is not None:
            for value in [v for v in old_enum if v not in new_enum]:
                self.narrowed(where, f"enum value {_show(value)} removed", direction)
            for value in [v for v in new_enum if v not in old_enum]:
                self.widened(where, f"enum value {_show(value)} added", direction)
        for flag, tightens in (
            ("nullable", False),
            ("exclusiveMinimum", True),
            ("exclusiveMaximum", True),
        ):
            before, after = bool(old.get(flag)), bool(new.get(flag))
            if before != after:
                (self.narrowed if after == tightens else self.widened)(
                    where, f"{flag} {'set' if after else 'unset'}", direction
                )
        for keyword in (*UPPER, *LOWER):
            before, after = old.get(keyword), new.get(keyword)
            if before == after:
                continue
            if after is None:
                self.widened(where, f"{keyword} {before} removed", direction)
            elif before is None:
                self.narrowed(where, f"{keyword} {after} added", direction)
            else:
                lowered = after < before
                what = f"{keyword} {'lowered' if lowered else 'raised'} {before} -> {after}"
                narrows = lowered == (keyword in UPPER)
                (self.narrowed if narrows else self.widened)(where, what, direction)
        return True

    def properties(
        self,
        part: str,
        pointer: str,
        old: Node,
        new: Node,
        direction: str,
        seen: set[tuple[object, object]],
    ) -> None:
        old_props, new_props = old.get("properties", {}), new.get("properties", {})
        old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
        for name, schema in old_props.items():
            where = f"{part}: {pointer}/{name}"
            if name not in new_props:
                self.note(where, "property removed", breaking=True)
                continue
            if name in new_required and name not in old_required:
                self.narrowed(where, "property now required", direction)
            elif name in old_required and name not in new_required:
                self.widened(where, "property no longer required", direction)
            self.schema(part, f"{pointer}/{name}", schema, new_props[name], direction, seen)
        for name in [n for n in new_props if n not in old_props]:
            where = f"{part}: {pointer}/{name}"
            if name in new_required:
                self.narrowed(where, "required property added", direction)
            else:
                self.note(where, "optional property added", breaking=False)


def _operations(spec: Spec) -> dict[str, tuple[Node, dict[str, Node]]]:
    """``"POST /items"`` -> (operation, parameters by ``"<in> <name>"``, path-level included)."""
    found: dict[str, tuple[Node, dict[str, Node]]] = {}
    for path, item in spec.get("paths", {}).items():
        item = resolve(spec, item)
        for method in HTTP_METHODS:
            if method in item:
                params: dict[str, Node] = {}
                for raw in [*item.get("parameters", []), *item[method].get("parameters", [])]:
                    param = resolve(spec, raw)
                    name = param["name"].lower() if param["in"] == "header" else param["name"]
                    params[f"{param['in']} {name}"] = param
                found[f"{method.upper()} {path}"] = (item[method], params)
    return found


def _flat(spec: Spec, node: Node, depth: int = 0) -> Node:
    """The schema with its ``$ref`` resolved and its ``allOf`` parts merged into one."""
    node = resolve(spec, node)
    if "allOf" not in node or depth > 32:
        return node
    merged: Node = {k: v for k, v in node.items() if k != "allOf"}
    for part in node["allOf"]:
        flat = _flat(spec, part, depth + 1)
        merged["properties"] = {**flat.get("properties", {}), **merged.get("properties", {})}
        merged["required"] = sorted({*flat.get("required", []), *merged.get("required", [])})
        merged.update({k: v for k, v in flat.items() if k not in merged})
    return merged


def _variants(schema: Node, keyword: str) -> dict[str, Node]:
    """``oneOf``/``anyOf`` variants by discriminator value, else schema name, else position."""
    names = {
        ref: value for value, ref in schema.get("discriminator", {}).get("mapping", {}).items()
    }
    found = {}
    for i, variant in enumerate(schema.get(keyword, [])):
        ref = variant.get("$ref")
        found[names.get(ref, ref.rsplit("/", 1)[-1]) if ref else f"{keyword}[{i}]"] = variant
    return found


def compare(old: Spec, new: Spec) -> list[Change]:
    """Every change from ``old`` to ``new``; ``Change.breaking`` says if it breaks clients."""
    differ = _Differ(old, new)
    differ.operations()
    return differ.changes


def _major(version: str) -> int | None:
    match = re.match(r"v?(\d+)(\.|$)", version.strip())
    return int(match.group(1)) if match else None


def version_problem(old: Spec, new: Spec, changes: list[Change]) -> str | None:
    """Why the change may not ship: breaking without a major version bump; None when it may."""
    breaking = [c for c in changes if c.breaking]
    if not breaking:
        return None
    before, after = str(old["info"]["version"]), str(new["info"]["version"])
    old_major, new_major = _major(before), _major(after)
    if old_major is not None and new_major is not None and new_major > old_major:
        return None
    wanted = f"{old_major + 1}.0.0" if old_major is not None else "a higher major version"
    return (
        f"{len(breaking)} breaking change(s), but info.version went {before} -> {after}: "
        f"a breaking change needs the major version raised (semver), e.g. to {wanted}."
    )


def changelog_entry(old: Spec, new: Spec, changes: list[Change], base: str) -> str:
    """The Markdown entry: a heading, then breaking changes and additions as bullet lists."""
    lines = [
        f"## {new['info']['version']}",
        "",
        f"Compared with {old['info']['version']} ({base}).",
        "",
    ]
    if not changes:
        return "\n".join([*lines, "No changes to the API.", ""])
    for title, breaking in (
        ("Breaking changes", True),
        ("Additions and compatible changes", False),
    ):
        found = sorted(str(c) for c in changes if c.breaking == breaking)
        if found:
            lines += [f"### {title}", "", *(f"- {c}" for c in found), ""]
    return "\n".join(lines)


def prepend(entry: str, path: Path) -> None:
    heading = "# Changelog\n\n"
    text = path.read_text(encoding="utf-8") if path.exists() else heading
    body = text.removeprefix(heading)
    path.write_text(f"{heading}{entry}\n{body}", encoding="utf-8")


def _git(args: list[str], cwd: Path) -> str | None:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else None


def default_base(cwd: Path) -> str:
    """The last tag, else the merge base with main (or origin/main), else HEAD."""
    for args in (
        ["describe", "--tags", "--abbrev=0"],
        ["merge-base", "HEAD", "main"],
        ["merge-base", "HEAD", "origin/main"],
    ):
        out = _git(args, cwd)
        if out and out.strip():
            return out.strip()
    return "HEAD"


def spec_at(ref: str, spec: Path) -> Spec:
    """The spec as committed at ``ref`` (same path in the repository)."""
    text = _git(["show", f"{ref}:./{spec.name}"], spec.resolve().parent)
    if text is None:
        raise FileNotFoundError(f"no {spec.name} at git ref {ref}")
    loaded = yaml.safe_load(text)
    if not isinstance(loaded, dict):
        raise ValueError(f"{spec.name} at {ref}: not an OpenAPI document")
    return loaded


cli = typer.Typer(add_completion=False)


@cli.command()
def main(
    base: Annotated[str | None, typer.Option(help="Git ref to compare with.")] = None,
    old: Annotated[Path | None, typer.Option(help="Compare with this file, not a git ref.")] = None,
    spec: Annotated[Path, typer.Option(help="The OpenAPI document.")] = SPEC,
    changelog: Annotated[
        Path | None, typer.Option(help="Prepend the Markdown entry to this file.")
    ] = None,
) -> None:
    """List the API changes since BASE; fail on breaking ones without a major version bump."""
    new_spec = load_spec(spec)
    try:
        if old is not None:
            old_spec, where = load_spec(old), str(old)
        else:
            where = base or default_base(spec.resolve().parent)
            old_spec = spec_at(where, spec)
    except (OSError, ValueError) as error:
        typer.echo(f"cannot read the old spec: {error}", err=True)
        raise typer.Exit(2) from error
    changes = compare(old_spec, new_spec)
    entry = changelog_entry(old_spec, new_spec, changes, where)
    typer.echo(entry, nl=False)
    problem = version_problem(old_spec, new_spec, changes)
    if problem:
        typer.echo(problem, err=True)
        raise typer.Exit(1)
    if changelog is not None and changes:
        prepend(entry, changelog)
        typer.echo(f"prepended to {changelog}", err=True)


if __name__ == "__main__":
    cli()
