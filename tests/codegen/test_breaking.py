"""The breaking-change gate: each kind of change, its direction, the version rule, git refs and
the changelog."""

from __future__ import annotations

import copy
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from codegen.breaking import cli, compare, default_base
from codegen.generate import SPEC
from specfirst.document import load_spec

Spec = dict[str, Any]
THING = {"$ref": "#/components/schemas/thing"}


def small_spec() -> Spec:
    """One resource, sent and received; ``thing.parts`` refers back to ``thing`` (recursion)."""
    body = {"content": {"application/json": {"schema": THING}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "things", "version": "1.0.0"},
        "paths": {
            "/things": {
                "get": {
                    "parameters": [
                        {
                            "name": "kind",
                            "in": "query",
                            "schema": {"$ref": "#/components/schemas/kind"},
                        }
                    ],
                    "responses": {
                        "200": {"description": "ok", **body},
                        "404": {"description": "no such thing"},
                    },
                },
                "post": {
                    "requestBody": {"required": True, **body},
                    "responses": {"201": {"description": "created", **body}},
                },
            }
        },
        "components": {
            "schemas": {
                "kind": {"type": "string", "enum": ["a", "b"]},
                "thing": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string", "maxLength": 10, "minLength": 1},
                        "count": {"type": "integer", "minimum": 0, "maximum": 100},
                        "kind": {"$ref": "#/components/schemas/kind"},
                        "note": {"type": "string"},
                        "parts": {"type": "array", "items": THING},
                    },
                },
            }
        },
    }


def changed(mutate: Callable[[Spec], object], old: Spec | None = None) -> dict[str, bool]:
    """Every change ``mutate`` makes, as ``{"<where>: <what>": breaking}``."""
    old = old or small_spec()
    new = copy.deepcopy(old)
    mutate(new)
    return {str(c): c.breaking for c in compare(old, new)}


def thing(spec: Spec) -> dict[str, Any]:
    schema: dict[str, Any] = spec["components"]["schemas"]["thing"]
    return schema


def prop(spec: Spec, name: str) -> dict[str, Any]:
    schema: dict[str, Any] = thing(spec)["properties"][name]
    return schema


POST_IN = "POST /things request body: "
POST_OUT = "POST /things response 201: "
GET_OUT = "GET /things response 200: "
KIND = "GET /things parameter query kind: "


def test_identical_specs_have_no_changes() -> None:
    assert changed(lambda s: None) == {}
    real = load_spec(SPEC)
    assert compare(real, copy.deepcopy(real)) == []


# (mutation, change, breaking): what buyers send may not get stricter, nor what they receive looser.
CASES: list[tuple[str, Callable[[Spec], object], str, bool]] = [
    ("removed operation", lambda s: s["paths"]["/things"].pop("post"), "POST /things: operation removed", True),
    ("added operation", lambda s: s["paths"]["/things"].update(delete={"responses": {"204": {"description": "gone"}}}), "DELETE /things: operation added", False),
    ("removed parameter", lambda s: s["paths"]["/things"]["get"].pop("parameters"), KIND + "parameter removed", True),
    ("parameter newly required", lambda s: s["paths"]["/things"]["get"]["parameters"][0].update(required=True), KIND + "parameter now required", True),
    ("required parameter added", lambda s: s["paths"]["/things"]["get"]["parameters"].append({"name": "at", "in": "query", "required": True, "schema": {"type": "string"}}), "GET /things parameter query at: required parameter added", True),
    ("optional parameter added", lambda s: s["paths"]["/things"]["get"]["parameters"].append({"name": "at", "in": "query", "schema": {"type": "string"}}), "GET /things parameter query at: optional parameter added", False),
    ("removed property, sent", lambda s: thing(s)["properties"].pop("note"), POST_IN + "/note: property removed", True),
    ("removed property, received", lambda s: thing(s)["properties"].pop("note"), GET_OUT + "/note: property removed", True),
    ("removed enum value, sent", lambda s: s["components"]["schemas"]["kind"]["enum"].remove("b"), KIND + 'enum value "b" removed', True),
    ("removed enum value, received", lambda s: s["components"]["schemas"]["kind"]["enum"].remove("b"), POST_OUT + '/kind: enum value "b" removed', False),
    ("added enum value, sent", lambda s: s["components"]["schemas"]["kind"]["enum"].append("c"), POST_IN + '/kind: enum value "c" added', False),
    ("added enum value, received", lambda s: s["components"]["schemas"]["kind"]["enum"].append("c"), GET_OUT + '/kind: enum value "c" added', True),
    ("newly required field, sent", lambda s: thing(s)["required"].append("note"), POST_IN + "/note: property now required", True),
    ("newly required field, received", lambda s: thing(s)["required"].append("note"), POST_OUT + "/note: property now required", False),
    ("field no longer required, received", lambda s: thing(s)["required"].clear(), POST_OUT + "/name: property no longer required", True),
    ("field no longer required, sent", lambda s: thing(s)["required"].clear(), POST_IN + "/name: property no longer required", False),
    ("required field added", lambda s: (thing(s)["properties"].update(size={"type": "integer"}), thing(s)["required"].append("size")), POST_IN + "/size: required property added", True),
    ("optional field added, sent", lambda s: thing(s)["properties"].update(size={"type": "integer"}), POST_IN + "/size: optional property added", False),
    ("optional field added, received", lambda s: thing(s)["properties"].update(size={"type": "integer"}), GET_OUT + "/size: optional property added", False),
    ("type changed, sent", lambda s: prop(s, "count").update(type="string"), POST_IN + '/count: type changed "integer" -> "string"', True),
    ("type changed, received", lambda s: prop(s, "count").update(type="string"), GET_OUT + '/count: type changed "integer" -> "string"', True),
    ("integer widened to number, sent", lambda s: prop(s, "count").update(type="number"), POST_IN + "/count: type widened integer -> number", False),
    ("format added", lambda s: prop(s, "note").update(format="email"), POST_IN + '/note: format "email" added', True),
    ("maxLength lowered, sent", lambda s: prop(s, "name").update(maxLength=5), POST_IN + "/name: maxLength lowered 10 -> 5", True),
    ("maxLength lowered, received", lambda s: prop(s, "name").update(maxLength=5), POST_OUT + "/name: maxLength lowered 10 -> 5", False),
    ("maxLength raised, sent", lambda s: prop(s, "name").update(maxLength=50), POST_IN + "/name: maxLength raised 10 -> 50", False),
    ("maxLength raised, received", lambda s: prop(s, "name").update(maxLength=50), POST_OUT + "/name: maxLength raised 10 -> 50", True),
    ("maximum lowered", lambda s: prop(s, "count").update(maximum=10), POST_IN + "/count: maximum lowered 100 -> 10", True),
    ("maximum removed, received", lambda s: prop(s, "count").pop("maximum"), GET_OUT + "/count: maximum 100 removed", True),
    ("minLength raised", lambda s: prop(s, "name").update(minLength=3), POST_IN + "/name: minLength raised 1 -> 3", True),
    ("minimum raised", lambda s: prop(s, "count").update(minimum=1), POST_IN + "/count: minimum raised 0 -> 1", True),
    ("minimum lowered", lambda s: prop(s, "count").update(minimum=-1), POST_IN + "/count: minimum lowered 0 -> -1", False),
    ("maxLength added", lambda s: prop(s, "note").update(maxLength=80), POST_IN + "/note: maxLength 80 added", True),
    ("pattern added", lambda s: prop(s, "note").update(pattern="^x"), POST_IN + '/note: pattern "^x" added', True),
    ("enum where there was none", lambda s: prop(s, "note").update(enum=["x"]), POST_IN + '/note: enum ["x"] added', True),
    ("extra fields allowed, received", lambda s: thing(s).pop("additionalProperties"), "GET /things response 200: additional properties now allowed", True),
    ("request body removed", lambda s: s["paths"]["/things"]["post"].pop("requestBody"), "POST /things request body: request body removed", True),
    ("success status removed", lambda s: s["paths"]["/things"]["post"]["responses"].update({"202": s["paths"]["/things"]["post"]["responses"].pop("201")}), "POST /things response 201: response removed", True),
    ("error status removed", lambda s: s["paths"]["/things"]["get"]["responses"].pop("404"), "GET /things response 404: response removed", False),
    ("success status added", lambda s: s["paths"]["/things"]["post"]["responses"].update({"202": {"description": "later"}}), "POST /things response 202: response added", False),
    ("success response removed", lambda s: s["paths"]["/things"]["get"]["responses"].update({"200": {"description": "ok"}}), "GET /things response 200: media type removed", True),
]  # fmt: skip


@pytest.mark.parametrize(
    ("mutate", "change", "breaking"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_change_is_found_with_its_direction(
    mutate: Callable[[Spec], object], change: str, breaking: bool
) -> None:
    found = changed(mutate)
    assert change in found, "\n".join(found)
    assert found[change] is breaking


def test_changed_pattern_and_format_break_both_ways() -> None:
    def mutate(s: Spec) -> None:
        prop(s, "name").update(format="uuid")
        prop(s, "note").update(pattern="^y")

    old = small_spec()
    prop(old, "name")["format"] = "email"
    prop(old, "note")["pattern"] = "^x"
    found = changed(mutate, old)
    for part in (POST_IN, GET_OUT):
        assert found[part + '/name: format changed "email" -> "uuid"'] is True
        assert found[part + '/note: pattern changed "^x" -> "^y"'] is True


def test_changes_inside_referenced_and_recursive_schemas_are_found_once_per_part() -> None:
    found = changed(lambda s: prop(s, "name").update(maxLength=5))
    # thing refers to itself through parts: compared once per request/response, and it ends.
    assert sorted(found) == sorted(
        f"{part}/name: maxLength lowered 10 -> 5" for part in (POST_IN, POST_OUT, GET_OUT)
    )


def test_header_parameters_match_case_insensitively_and_path_parameters_are_shared() -> None:
    def add(s: Spec, name: str) -> None:
        s["paths"]["/things"]["parameters"] = [
            {"name": name, "in": "header", "required": False, "schema": {"type": "string"}}
        ]

    old = small_spec()
    add(old, "If-Match")
    assert changed(lambda s: add(s, "if-match"), old) == {}
    assert changed(lambda s: s["paths"]["/things"].pop("parameters"), old) == {
        "GET /things parameter header if-match: parameter removed": True,
        "POST /things parameter header if-match: parameter removed": True,
    }


# ---- mutations of the real spec -----------------------------------------------------------


def real_changes(mutate: Callable[[Spec], object]) -> dict[str, bool]:
    return changed(mutate, load_spec(SPEC))


def schemas(spec: Spec) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"]
    return found


def test_real_spec_quantity_maximum_lowered_breaks_requests() -> None:
    found = real_changes(
        lambda s: schemas(s)["orderItem"]["properties"]["quantity"].update(maximum=10)
    )
    change = "POST /orders request body: /orderItems/items/quantity: maximum lowered 10000 -> 10"
    assert found[change] is True
    assert found[
        "PUT /orders/{id} request body: /orderItems/items/quantity: maximum lowered 10000 -> 10"
    ]
    assert (
        found[
            "GET /orders/{id} response 200: /orderItems/items/quantity: maximum lowered 10000 -> 10"
        ]
        is False
    )


def test_real_spec_change_inside_a_discriminated_variant() -> None:
    found = real_changes(
        lambda s: schemas(s)["uniProductOrder"]["properties"]["numberOfLinks"].update(maximum=8)
    )
    where = "POST /orders request body: /orderItems/items/orderItemDetail/(uniProductOrder)"
    assert found[f"{where}/numberOfLinks: maximum lowered 16 -> 8"] is True


def test_real_spec_removed_variant_and_status_value() -> None:
    def mutate(s: Spec) -> None:
        detail = schemas(s)["orderItemDetail"]
        detail["oneOf"].pop()
        detail["discriminator"]["mapping"].pop("uniProductOrder")
        schemas(s)["orderStatus"]["enum"].remove("HELD")

    found = real_changes(mutate)
    assert found[
        "POST /orders request body: /orderItems/items/orderItemDetail: oneOf variant uniProductOrder removed"
    ]
    assert found['GET /orders parameter query orderStatus: enum value "HELD" removed'] is True
    assert found['GET /orders/{id} response 200: /orderStatus: enum value "HELD" removed'] is False


def test_real_spec_additions_are_not_breaking() -> None:
    def mutate(s: Spec) -> None:
        schemas(s)["order-create-update"]["properties"]["customerReference"] = {"type": "string"}
        schemas(s)["order"]["properties"]["customerReference"] = {"type": "string"}
        schemas(s)["orderActivity"]["enum"].append("RENEW")  # buyers send it, never receive it
        s["paths"]["/orders/{id}/summary"] = {
            "get": {"operationId": "getOrderSummary", "responses": {"200": {"description": "ok"}}}
        }

    found = real_changes(mutate)
    assert found["GET /orders/{id}/summary: operation added"] is False
    assert found["POST /orders request body: /customerReference: optional property added"] is False
    assert (
        found["GET /orders/{id} response 200: /customerReference: optional property added"] is False
    )
    # orderActivity is also in every order response: a new value buyers may receive breaks them.
    assert found['GET /orders/{id} response 200: /orderActivity: enum value "RENEW" added'] is True
    assert found['POST /orders request body: /orderActivity: enum value "RENEW" added'] is False
    assert not any(b for c, b in found.items() if "customerReference" in c or "summary" in c)


# ---- the command: version rule, git refs, changelog ------------------------------------------


def write(path: Path, spec: Spec) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, [*args])


def breaking_pair(tmp_path: Path, version: str) -> tuple[Path, Path]:
    old = small_spec()
    new = copy.deepcopy(old)
    new["paths"]["/things"].pop("post")
    new["info"]["version"] = version
    return write(tmp_path / "old.yaml", old), write(tmp_path / "new.yaml", new)


def test_breaking_change_without_major_bump_fails(tmp_path: Path) -> None:
    old, new = breaking_pair(tmp_path, "1.4.0")
    result = run("--old", str(old), "--spec", str(new))
    assert result.exit_code == 1
    assert "- POST /things: operation removed" in result.stdout
    assert "info.version went 1.0.0 -> 1.4.0" in result.stderr
    assert "major version raised" in result.stderr and "2.0.0" in result.stderr


def test_breaking_change_with_major_bump_passes(tmp_path: Path) -> None:
    old, new = breaking_pair(tmp_path, "2.0.0")
    result = run("--old", str(old), "--spec", str(new))
    assert result.exit_code == 0, result.stderr
    assert "### Breaking changes\n\n- POST /things: operation removed" in result.stdout


def test_additions_need_no_bump(tmp_path: Path) -> None:
    old = small_spec()
    new = copy.deepcopy(old)
    thing(new)["properties"]["size"] = {"type": "integer"}
    new["paths"]["/things"]["delete"] = {"responses": {"204": {"description": "gone"}}}
    result = run(
        "--old",
        str(write(tmp_path / "a.yaml", old)),
        "--spec",
        str(write(tmp_path / "b.yaml", new)),
    )
    assert result.exit_code == 0, result.stderr
    assert "### Breaking changes" not in result.stdout
    assert result.stdout.endswith(
        "### Additions and compatible changes\n\n"
        "- DELETE /things: operation added\n"
        f"- {GET_OUT}/size: optional property added\n"
        f"- {POST_IN}/size: optional property added\n"
        f"- {POST_OUT}/size: optional property added\n"
    )


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with spec/openapi.yaml committed on main."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write(root / "spec" / "openapi.yaml", small_spec())
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "spec 1.0.0")
    return root


def test_git_ref_mode_compares_with_the_last_tag(repo: Path) -> None:
    spec = repo / "spec" / "openapi.yaml"
    git(repo, "tag", "v1.0.0")
    new = small_spec()
    new["paths"]["/things"].pop("post")
    write(spec, new)
    git(repo, "commit", "-q", "-am", "drop POST")  # the tag, not HEAD, is the base
    assert default_base(repo) == "v1.0.0"
    result = run("--spec", str(spec))
    assert result.exit_code == 1
    assert "Compared with 1.0.0 (v1.0.0)" in result.stdout
    assert "- POST /things: operation removed" in result.stdout
    assert run("--spec", str(spec), "--base", "HEAD").exit_code == 0  # nothing since HEAD
    assert run("--spec", str(spec), "--base", "nosuchref").exit_code == 2


def test_git_ref_mode_without_tags_uses_the_merge_base_with_main(repo: Path) -> None:
    main = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "-b", "feature")
    spec = repo / "spec" / "openapi.yaml"
    new = small_spec()
    new["info"]["version"] = "2.0.0"
    new["paths"]["/things"].pop("post")
    write(spec, new)
    git(repo, "commit", "-q", "-am", "2.0.0")
    assert default_base(repo) == main
    result = run("--spec", str(spec))
    assert result.exit_code == 0
    assert f"Compared with 1.0.0 ({main})" in result.stdout


def test_git_ref_mode_falls_back_to_head(repo: Path) -> None:
    git(repo, "branch", "-m", "main", "trunk")
    assert default_base(repo) == "HEAD"
    result = run("--spec", str(repo / "spec" / "openapi.yaml"))
    assert result.exit_code == 0
    assert "No changes to the API." in result.stdout


def test_changelog_entry_is_prepended(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## 1.0.0\n\nFirst release.\n")
    old = small_spec()
    new = copy.deepcopy(old)
    new["info"]["version"] = "1.1.0"
    new["components"]["schemas"]["kind"]["enum"].append("c")  # breaks what buyers receive
    new_path, old_path = write(tmp_path / "new.yaml", new), write(tmp_path / "old.yaml", old)
    args = ("--old", str(old_path), "--spec", str(new_path), "--changelog", str(changelog))
    assert run(*args).exit_code == 1
    assert changelog.read_text() == "# Changelog\n\n## 1.0.0\n\nFirst release.\n"  # not on failure

    new["info"]["version"] = "2.0.0"
    write(new_path, new)
    assert run(*args).exit_code == 0
    text = changelog.read_text()
    assert text.startswith(
        "# Changelog\n\n## 2.0.0\n\nCompared with 1.0.0 (" + str(old_path) + ").\n\n"
        "### Breaking changes\n\n"
        f'- {GET_OUT}/kind: enum value "c" added\n'
        f'- {POST_OUT}/kind: enum value "c" added\n\n'
        "### Additions and compatible changes\n\n"
        f'- {KIND}enum value "c" added\n'
        f'- {POST_IN}/kind: enum value "c" added\n\n'
    )
    assert text.endswith("## 1.0.0\n\nFirst release.\n")


def test_all_of_parts_are_merged() -> None:
    def split(s: Spec) -> None:
        whole = thing(s)
        s["components"]["schemas"]["named"] = {
            "type": "object",
            "required": whole.pop("required"),
            "properties": {"name": whole["properties"].pop("name")},
        }
        s["components"]["schemas"]["thing"] = {
            "allOf": [{"$ref": "#/components/schemas/named"}, whole]
        }

    old = small_spec()
    split(old)
    assert changed(lambda s: None, old) == {}
    found = changed(lambda s: s["components"]["schemas"]["named"]["properties"].pop("name"), old)
    assert found[POST_IN + "/name: property removed"] is True
