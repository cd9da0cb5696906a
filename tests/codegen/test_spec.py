"""Reading a spec: the working copy (inline schemas named), media types, parameters, responses,
names and security, on the baseline spec and on small specs made for one construct."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from codegen import media
from codegen.hoist import working_copy
from codegen.media import Kind
from codegen.spec import Operation, Parameter, Unsupported, default_classes, operations
from specfirst.document import load_spec

BASELINE = Path(__file__).resolve().parent / "baseline" / "openapi.yaml"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return load_spec(BASELINE)


@pytest.fixture(scope="module")
def ops(spec: dict[str, Any]) -> dict[str, Operation]:
    work = working_copy(spec)
    return {op.operation_id: op for op in operations(work, default_classes(work))}


def _parameter(op: Operation, name: str) -> Parameter:
    return next(p for p in op.parameters if p.name == name)


def _spec(paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": paths, **extra}


@pytest.mark.parametrize(
    ("media_type", "kind"),
    [
        ("application/json", Kind.JSON),
        ("application/json;charset=utf-8", Kind.JSON),
        ("Application/JSON; charset=UTF-8", Kind.JSON),
        ("application/vnd.pets+json", Kind.JSON),
        ("application/problem+json", Kind.JSON),
        ("application/merge-patch+json", Kind.MERGE_PATCH),
        ("application/x-www-form-urlencoded", Kind.FORM),
        ("multipart/form-data; boundary=x", Kind.MULTIPART),
        ("text/plain; charset=latin-1", Kind.TEXT),
        ("text/csv", Kind.TEXT),
        ("application/octet-stream", Kind.BINARY),
        ("image/png", Kind.BINARY),
        ("*/*", Kind.BINARY),
        ("application/xml", Kind.XML),
        ("text/xml", Kind.XML),
        ("application/atom+xml", Kind.XML),
    ],
)
def test_media_kinds(media_type: str, kind: Kind) -> None:
    assert media.kind(media_type) is kind


def test_a_handler_takes_json_before_other_media_types() -> None:
    assert media.preferred(["application/xml", "application/json"]) is Kind.JSON
    assert media.preferred(["application/json", "application/merge-patch+json"]) is Kind.MERGE_PATCH
    assert media.preferred(["text/plain", "application/x-www-form-urlencoded"]) is Kind.FORM
    assert media.preferred(["application/xml"]) is None


# ---- the working copy ------------------------------------------------------------------------


def test_the_working_copy_leaves_the_spec_as_it_was(spec: dict[str, Any]) -> None:
    before = copy.deepcopy(spec)
    working_copy(spec)
    assert spec == before


def test_inline_schemas_are_named_after_operation_and_role(spec: dict[str, Any]) -> None:
    schemas = working_copy(spec)["components"]["schemas"]
    hoisted = [name for name in schemas if name not in spec["components"]["schemas"]]
    assert hoisted == [
        "PetStoreV1",  # a renamed key, not a hoisted schema
        # components/responses/Error's inline schema: Error is taken by a schema
        "Error2",
        "ListPetsFilterParameter",
        "ListPetsResponse206",
        "CreatePetRequest",
        "UploadFormRequest",
        "LoginRequest",
        "ImportRequestOption1",
        "ImportRequestOption2",
        "PutOpenResponse",
    ]
    assert schemas["CreatePetRequest"]["required"] == ["name"]


def test_refs_follow_a_renamed_schema(spec: dict[str, Any]) -> None:
    work = working_copy(spec)
    response = work["paths"]["/subscriptions"]["post"]["responses"]["201"]
    assert response["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/PetStoreV1"
    }
    assert "pet-store.v1" not in work["components"]["schemas"]


def test_inline_items_and_map_values_get_their_own_names() -> None:
    item = {"type": "object", "properties": {"a": {"type": "string"}}}
    spec = _spec(
        {
            "/a": {
                "get": {
                    "operationId": "getA",
                    "responses": {
                        "200": {
                            "description": "d",
                            "content": {
                                "application/json": {"schema": {"type": "array", "items": item}}
                            },
                        },
                        "404": {
                            "description": "d",
                            "content": {
                                "application/json": {
                                    "schema": {"type": "object", "additionalProperties": item}
                                }
                            },
                        },
                    },
                }
            }
        }
    )
    work = working_copy(spec)
    assert list(work["components"]["schemas"]) == ["GetAResponseItem", "GetAResponse404Value"]
    (op,) = operations(work)
    assert (
        op.result_type == "list[models.GetAResponseItem] | dict[str, models.GetAResponse404Value]"
    )


# ---- request bodies --------------------------------------------------------------------------


def test_json_bodies_with_parameters_and_suffixes(ops: dict[str, Operation]) -> None:
    body = ops["createPet"].body
    assert body is not None
    assert (body.kind, body.annotation, body.model) == (
        Kind.JSON,
        "models.CreatePetRequest",
        "models.CreatePetRequest",
    )
    assert body.media_types == ["application/vnd.pets+json"]
    assert body.others  # the XML alternative is not taken: answered 415


def test_a_merge_patch_handler_takes_plain_json_too(ops: dict[str, Operation]) -> None:
    body = ops["patchPet"].body
    assert body is not None
    assert body.media_types == ["application/merge-patch+json", "application/json"]
    assert not body.others


@pytest.mark.parametrize(
    ("operation_id", "kind", "annotation", "required"),
    [
        ("uploadPhoto", Kind.BINARY, "bytes", True),
        ("addNote", Kind.TEXT, "str", True),
        ("login", Kind.FORM, "models.LoginRequest", True),
        ("feedback", Kind.FORM, "dict[str, list[str]]", False),
        ("uploadForm", Kind.MULTIPART, "models.UploadFormRequest", True),
        ("patchPet", Kind.MERGE_PATCH, "dict[str, Any]", False),
        ("import", Kind.JSON, "models.ImportRequestOption1 | models.ImportRequestOption2", True),
    ],
)
def test_raw_and_typed_bodies(
    ops: dict[str, Operation], operation_id: str, kind: Kind, annotation: str, required: bool
) -> None:
    body = ops[operation_id].body
    assert body is not None
    assert (body.kind, body.annotation, body.required) == (kind, annotation, required)


# ---- responses -------------------------------------------------------------------------------


def test_every_response_is_in_the_result_type(ops: dict[str, Operation]) -> None:
    op = ops["listPets"]
    assert op.result_type == "list[models.Pet] | models.ListPetsResponse206 | models.Error2"
    assert [(r.status, r.media_type) for r in op.responses] == [
        ("200", "application/json;charset=utf-8"),
        ("206", "application/json"),
        ("default", "application/json"),
    ]
    assert op.success_status == 200


def test_bodiless_responses_make_the_result_optional(ops: dict[str, Operation]) -> None:
    assert ops["createPet"].result_type == "models.Pet | None"
    assert ops["createPet"].success_status == 201
    assert ops["find pet by id"].result_type is None
    assert ops["find pet by id"].success_status == 204


def test_problem_responses_are_the_frameworks_to_write(ops: dict[str, Operation]) -> None:
    op = ops["get_pets_pet_id"]
    assert op.statuses == ["200", "404"]
    assert [r.status for r in op.responses] == ["200"]


def test_non_json_responses(ops: dict[str, Operation]) -> None:
    assert ops["uploadPhoto"].responses[0].annotation == "bytes"
    assert ops["uploadPhoto"].responses[0].media_type == "image/png"
    assert ops["addNote"].responses[0].annotation == "str"
    assert ops["uploadForm"].result_type == "int"
    assert ops["login"].result_type == "dict[str, str]"


def test_a_spec_with_only_a_default_response_answers_200() -> None:
    spec = _spec({"/a": {"get": {"responses": {"default": {"description": "d"}}}}})
    (op,) = operations(working_copy(spec))
    assert (op.success_status, op.result_type) == (200, None)


def test_integer_status_keys_are_read_as_text() -> None:
    spec = _spec({"/a": {"get": {"responses": {201: {"description": "d"}}}}})  # YAML's 201:
    (op,) = operations(working_copy(spec))
    assert (op.success_status, op.statuses) == (201, ["201"])


# ---- parameters ------------------------------------------------------------------------------


def test_wire_names_are_kept_and_arguments_are_identifiers(ops: dict[str, Operation]) -> None:
    op = ops["listPets"]
    assert [(p.name, p.arg) for p in op.parameters] == [
        ("limit", "limit"),
        ("tags", "tags"),
        ("ids", "ids"),
        ("kinds", "kinds"),
        ("filter", "filter_"),
        ("orderDate.gt", "order_date_gt"),
        ("orderDate_gt", "order_date_gt_2"),
        ("class", "class_"),
        ("type", "type_"),
        ("2fa", "n_2fa"),
        ("body", "body_"),
        ("sort", "sort"),
        ("X-Page-Size", "x_page_size"),
        ("X-Trace-Ids", "x_trace_ids"),
        # Accept is left out: OpenAPI ignores Accept, Content-Type and Authorization parameters.
    ]


@pytest.mark.parametrize(
    ("name", "annotation", "convert"),
    [
        ("limit", "int", "{v}"),  # a default: never None
        ("tags", "list[str] | None", "{v}"),
        ("ids", "list[int] | None", "{v}"),  # Connexion splits and converts query arrays
        ("kinds", "list[models.Kind] | None", "[models.Kind(item) for item in {v}]"),
        (
            "filter",
            "models.ListPetsFilterParameter | None",
            "parse(models.ListPetsFilterParameter, {v})",
        ),
        ("type", 'Literal["cat", "dog"] | None', "{v}"),
        ("sort", "models.SortOrder", "models.SortOrder({v})"),  # its enum's default
        ("X-Page-Size", "int", "int({v})"),  # headers come as sent
        ("X-Trace-Ids", "list[str] | None", "{v}.split(',')"),
    ],
)
def test_parameter_types(
    ops: dict[str, Operation], name: str, annotation: str, convert: str
) -> None:
    p = _parameter(ops["listPets"], name)
    assert (p.annotation, p.convert) == (annotation, convert)


def test_header_and_cookie_defaults_are_wire_text(ops: dict[str, Operation]) -> None:
    assert _parameter(ops["listPets"], "X-Page-Size").default == "10"
    assert _parameter(ops["listPets"], "limit").default == 20
    visits = _parameter(ops["get_pets_pet_id"], "visits")
    assert (visits.location, visits.annotation, visits.convert) == (
        "cookie",
        "int | None",
        "int({v})",
    )


def test_path_level_parameters_reach_every_operation(ops: dict[str, Operation]) -> None:
    for operation_id in ("get_pets_pet_id", "find pet by id", "patchPet"):
        assert _parameter(ops[operation_id], "petId").annotation == "int"


def test_an_operation_parameter_replaces_a_path_level_one() -> None:
    shared = {"name": "id", "in": "query", "schema": {"type": "string"}}
    own = {"name": "id", "in": "query", "schema": {"type": "integer"}}
    spec = _spec(
        {
            "/a": {
                "parameters": [shared],
                "get": {"parameters": [own], "responses": {"204": {"description": "d"}}},
            }
        }
    )
    (op,) = operations(working_copy(spec))
    assert [(p.arg, p.annotation) for p in op.parameters] == [("id_", "int | None")]


def test_a_content_parameter_is_its_text() -> None:
    param = {
        "name": "where",
        "in": "query",
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
    spec = _spec(
        {"/a": {"get": {"parameters": [param], "responses": {"204": {"description": "d"}}}}}
    )
    (op,) = operations(working_copy(spec))
    assert (op.parameters[0].annotation, op.parameters[0].convert) == ("str | None", "{v}")


# ---- names, operationIds, security ----------------------------------------------------------


def test_operation_and_tag_names(ops: dict[str, Operation]) -> None:
    assert ops["find pet by id"].function == "find_pet_by_id"
    assert ops["import"].function == "import_"
    assert (ops["import"].tag_attr, ops["import"].tag_class) == (
        "events_subscription",
        "EventsSubscription",
    )
    assert ops["feedback"].tag == "default"


def test_a_missing_operation_id_is_made_of_method_and_path(ops: dict[str, Operation]) -> None:
    op = ops["get_pets_pet_id"]
    assert (op.derived_id, op.function, op.method, op.path) == (
        True,
        "get_pets_pet_id",
        "GET",
        "/pets/{petId}",
    )
    assert not ops["listPets"].derived_id


def test_a_derived_operation_id_does_not_take_a_given_one() -> None:
    spec = _spec(
        {
            "/a": {
                "get": {"responses": {"204": {"description": "d"}}},
                "put": {"operationId": "get_a", "responses": {"204": {"description": "d"}}},
            }
        }
    )
    assert [(op.operation_id, op.function) for op in operations(working_copy(spec))] == [
        ("get_a_2", "get_a_2"),
        ("get_a", "get_a"),
    ]


def test_a_tag_does_not_take_an_operation_name() -> None:
    op = {"operationId": "pets", "tags": ["pets"], "responses": {"204": {"description": "d"}}}
    (found,) = operations(working_copy(_spec({"/a": {"get": op}})))
    assert (found.function, found.tag_attr, found.tag_class) == ("pets", "pets_2", "Pets2")


@pytest.mark.parametrize(
    ("operation_id", "secured", "anonymous", "roles"),
    [
        ("listPets", True, False, []),  # the document's bearer
        ("get_pets_pet_id", True, True, []),  # [{apiKeyHeader: []}, {}]
        ("find pet by id", True, False, ["admin"]),
        ("login", False, False, []),  # security: []
        ("uploadPhoto", True, False, []),  # basic
        ("uploadForm", True, False, []),  # oauth2
        ("feedback", True, False, []),  # openIdConnect
        ("addNote", True, False, []),  # apiKey in the query
        ("import", True, False, []),  # apiKey in a cookie
    ],
)
def test_security(
    ops: dict[str, Operation], operation_id: str, secured: bool, anonymous: bool, roles: list[str]
) -> None:
    op = ops[operation_id]
    assert (op.secured, op.anonymous, op.roles) == (secured, anonymous, roles)


def test_unsupported_constructs_are_all_collected() -> None:
    params = [
        {"name": "f", "in": "header", "schema": {"type": "object"}},
        {"name": "g", "in": "cookie", "schema": {"type": "array", "items": {"type": "object"}}},
    ]
    spec = _spec(
        {"/a": {"get": {"parameters": params, "responses": {"204": {"description": "d"}}}}}
    )
    problems: list[Unsupported] = []
    operations(working_copy(spec), problems=problems)
    assert problems == [
        Unsupported(
            "/paths/~1a/get/parameters/0",
            "object parameters are only supported in the query with style deepObject",
        ),
        Unsupported(
            "/paths/~1a/get/parameters/1", "array parameters of arrays or objects are not supported"
        ),
    ]
