"""The baseline's generated package (tests/codegen/baseline/golden) served by a real app: every
operation routes (501 problem+json without its handler), and handlers get the typed values the
protocols promise and answer in the media types the spec declares."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, cast

import pytest
from starlette.testclient import TestClient

from specfirst.app import create_service
from specfirst.config import load_config
from specfirst.reply import Reply
from specfirst.security import Caller, Info, Verifier
from specfirst.settings import ServiceSettings
from tests.codegen.baseline.golden import models
from tests.codegen.baseline.golden.operations import Operations, make_resolver
from tests.helpers import assert_problem

BASELINE = Path(__file__).resolve().parent / "baseline"
GOOD = "good"
BEARER = {"Authorization": f"Bearer {GOOD}"}


def _token(role: str | None = None, scope: str = "") -> Verifier:
    async def verify(credential: str) -> Info | None:
        if credential != GOOD:
            return None
        return {"sub": "alice", "role": role, "scope": scope}

    return verify


async def _basic(username: str, password: str) -> Info | None:
    return {"sub": username} if password == GOOD else None


VERIFIERS: dict[str, Verifier] = {
    "bearer": _token("admin"),
    "basic": _basic,
    "apiKeyHeader": _token(),
    "apiKeyQuery": _token(),
    "apiKeyCookie": _token(),
    "oauth": _token(scope="write"),
    "oidc": _token(scope="profile"),
}


def _client(operations: Operations, verifiers: Mapping[str, Verifier] = VERIFIERS) -> TestClient:
    app = create_service(
        load_config(BASELINE, spec=BASELINE / "openapi.yaml"),
        make_resolver(operations),
        ServiceSettings(log_format="plain", log_level="WARNING"),
        verifiers=verifiers,
    )
    return TestClient(app, raise_server_exceptions=False)


# One valid request for each operation: (method, path, keyword arguments of the request).
REQUESTS: dict[str, tuple[str, str, dict[str, Any]]] = {
    "listPets": (
        "GET",
        "/pets?limit=5&tags=a&tags=b&ids=1|2&kinds=cat,dog&filter[color]=red&filter[age]=3"
        "&orderDate.gt=2024-01-31&orderDate_gt=x&class=c&type=cat&2fa=true&body=b&sort=asc",
        {"headers": {**BEARER, "X-Trace-Ids": "t1,t2", "Accept": "application/json"}},
    ),
    "createPet": (
        "POST",
        "/pets",
        {
            "headers": {**BEARER, "Content-Type": "application/vnd.pets+json"},
            "content": b'{"name": "Rex", "kind": "dog", "owner": {"name": "Ann"}}',
        },
    ),
    "get_pets_pet_id": ("GET", "/pets/7", {"cookies": {"session": "s1", "visits": "3"}}),
    "find pet by id": ("DELETE", "/pets/7", {"headers": BEARER}),
    "patchPet": (
        "PATCH",
        "/pets/7",
        {
            "headers": {**BEARER, "Content-Type": "application/merge-patch+json"},
            "content": b'{"id": 7, "name": "Max"}',
        },
    ),
    "uploadPhoto": (
        "PUT",
        "/pets/7/photo",
        {
            "auth": ("ann", GOOD),
            "headers": {"Content-Type": "application/octet-stream"},
            "content": b"\x89PNG\x00\x01",
        },
    ),
    "uploadForm": (
        "POST",
        "/pets/7/photo",
        {
            "headers": BEARER,
            "data": {"caption": "at the beach"},
            "files": {"file": ("rex.png", b"\x89PNG\x02", "image/png")},
        },
    ),
    "addNote": (
        "POST",
        f"/notes?api_key={GOOD}",
        {"headers": {"Content-Type": "text/plain; charset=utf-8"}, "content": "héllo".encode()},
    ),
    "login": ("POST", "/login", {"data": {"user": "ann", "remember": "true"}}),
    "feedback": ("POST", "/feedback", {"headers": BEARER, "data": {"a": ["1", "2"], "b": "3"}}),
    "import": (
        "POST",
        "/subscriptions",
        {"cookies": {"key": GOOD}, "json": {"url": "https://example.invalid/hook"}},
    ),
    "putOpen": (
        "PUT",
        "/open",
        {
            "headers": {"Content-Type": "application/json; charset=utf-8"},
            "content": b'{"a": "x", "extra": 1}',
        },
    ),
}


def _call(client: TestClient, operation_id: str, **override: Any) -> Any:
    method, url, options = REQUESTS[operation_id]
    options = {**options, **override}
    client.cookies.clear()
    for name, value in options.pop("cookies", {}).items():
        client.cookies.set(name, value)
    return client.request(method, url, **options)


class Nothing:
    """A tag's handlers, none of them written yet."""


@pytest.fixture(scope="module")
def unimplemented() -> Iterator[TestClient]:
    nothing = cast(Any, Nothing())
    operations = Operations(
        pets=nothing, files=nothing, default=nothing, events_subscription=nothing
    )
    with _client(operations) as client:
        yield client


def test_every_operation_has_a_request() -> None:
    from tests.codegen.baseline.golden.operations import OPERATION_FUNCTIONS

    assert set(REQUESTS) == set(OPERATION_FUNCTIONS)


@pytest.mark.parametrize("operation_id", sorted(REQUESTS))
def test_every_operation_routes_and_answers_501_without_its_handler(
    unimplemented: TestClient, operation_id: str
) -> None:
    body = assert_problem(_call(unimplemented, operation_id), 501)
    assert body["detail"] == f"Operation {operation_id} has no handler yet."


# ---- handlers that record what they get -------------------------------------------------------


class Pets:
    def __init__(self) -> None:
        self.got: dict[str, dict[str, Any]] = {}
        self.page = False

    def list_pets(self, **got: Any) -> Any:
        self.got["listPets"] = got
        pets = [models.Pet(id=1, name="Rex", kind=models.Kind.dog)]
        if self.page:
            return Reply(models.ListPetsResponse206(items=pets, next="p2"), status=206)
        return pets

    def create_pet(self, *, caller: Caller, body: models.CreatePetRequest) -> models.Pet | None:
        self.got["createPet"] = {"caller": caller, "body": body}
        return None if body.name == "Old" else models.Pet(id=2, name=body.name, kind=body.kind)

    def get_pets_pet_id(self, **got: Any) -> models.Pet:
        self.got["get_pets_pet_id"] = got
        return models.Pet(id=got["pet_id"], name="Rex")

    def find_pet_by_id(self, **got: Any) -> None:
        self.got["find pet by id"] = got

    def patch_pet(self, **got: Any) -> models.Pet:
        self.got["patchPet"] = got
        return models.Pet(id=got["pet_id"], name=got["body"]["name"])

    def login(self, *, body: models.LoginRequest) -> dict[str, str]:
        self.got["login"] = {"body": body}
        return {"user": str(body.user), "session": "s2"}


class Files:
    def __init__(self) -> None:
        self.got: dict[str, dict[str, Any]] = {}

    def upload_photo(self, *, caller: Caller, body: bytes, pet_id: int) -> bytes:
        self.got["uploadPhoto"] = {"caller": caller, "body": body, "pet_id": pet_id}
        return body[::-1]

    def upload_form(self, *, caller: Caller, body: models.UploadFormRequest, pet_id: int) -> int:
        self.got["uploadForm"] = {"caller": caller, "body": body}
        return len(body.file)

    def add_note(self, *, caller: Caller, body: str) -> str:
        self.got["addNote"] = {"caller": caller, "body": body}
        return body.upper()


class Default:
    def __init__(self) -> None:
        self.got: dict[str, dict[str, Any]] = {}

    def feedback(self, *, caller: Caller, body: dict[str, list[str]] | None) -> None:
        self.got["feedback"] = {"caller": caller, "body": body}


class Events:
    def __init__(self) -> None:
        self.got: dict[str, dict[str, Any]] = {}

    def import_(
        self, *, caller: Caller, body: models.ImportRequestOption1 | models.ImportRequestOption2
    ) -> models.PetStoreV1:
        self.got["import"] = {"caller": caller, "body": body}
        return models.PetStoreV1(id="sub-1")

    def put_open(self, *, body: models.Open) -> models.PutOpenResponse:
        self.got["putOpen"] = {"body": body}
        return models.PutOpenResponse(
            open=body, allowed=models.Allowed.model_validate({"a": "y", "kept": True})
        )


@pytest.fixture(scope="module")
def handlers() -> tuple[Pets, Files, Default, Events]:
    return Pets(), Files(), Default(), Events()


@pytest.fixture(scope="module")
def served(handlers: tuple[Pets, Files, Default, Events]) -> Iterator[TestClient]:
    pets, files, default, events = handlers
    operations = Operations(pets=pets, files=files, default=default, events_subscription=events)
    with _client(operations) as client:
        yield client


def test_parameters_arrive_typed_with_their_wire_names(
    served: TestClient, handlers: tuple[Pets, Files, Default, Events]
) -> None:
    response = _call(served, "listPets")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json;charset=utf-8"
    assert response.json() == [{"id": 1, "name": "Rex", "kind": "dog"}]
    got = handlers[0].got["listPets"]
    assert got.pop("caller").subject == "alice"
    assert got == {
        "limit": 5,
        "tags": ["a", "b"],
        "ids": [1, 2],
        "kinds": [models.Kind.cat, models.Kind.dog],
        "filter_": models.ListPetsFilterParameter(color="red", age=3),
        "order_date_gt": "2024-01-31",
        "order_date_gt_2": "x",
        "class_": "c",
        "type_": "cat",
        "n_2fa": True,
        "body_": "b",
        "sort": models.SortOrder.asc,
        "x_page_size": 10,  # its default
        "x_trace_ids": ["t1", "t2"],
    }


def test_defaults_fill_what_is_left_out(
    served: TestClient, handlers: tuple[Pets, Files, Default, Events]
) -> None:
    assert served.get("/pets", headers={**BEARER, "X-Page-Size": "7"}).status_code == 200
    got = handlers[0].got["listPets"]
    assert (got["limit"], got["x_page_size"], got["tags"], got["filter_"]) == (20, 7, None, None)
    assert got["sort"] is models.SortOrder.asc  # the default of the parameter's enum


def test_a_header_of_the_wrong_type_is_a_400_naming_it(served: TestClient) -> None:
    body = assert_problem(served.get("/pets", headers={**BEARER, "X-Page-Size": "seven"}), 400)
    assert body["errors"] == [
        {"parameter": "X-Page-Size", "detail": "'seven' is not of type 'integer'"}
    ]


def test_another_status_is_a_reply(
    served: TestClient, handlers: tuple[Pets, Files, Default, Events]
) -> None:
    handlers[0].page = True
    try:
        response = _call(served, "listPets")
    finally:
        handlers[0].page = False
    assert response.status_code == 206
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"items": [{"id": 1, "name": "Rex", "kind": "dog"}], "next": "p2"}


def test_an_inline_json_body_with_a_structured_media_type(
    served: TestClient, handlers: tuple[Pets, Files, Default, Events]
) -> None:
    response = _call(served, "createPet")
    assert (response.status_code, response.json()) == (201, {"id": 2, "name": "Rex", "kind": "dog"})
    body = handlers[0].got["createPet"]["body"]
    assert body == models.CreatePetRequest(
        name="Rex", kind=models.Kind.dog, owner=models.Owner1(name="Ann")
    )


def test_none_is_the_response_without_a_body(served: TestClient) -> None:
    response = _call(served, "createPet", content=b'{"name": "Old"}')
    assert (response.status_code, response.content) == (303, b"")


def test_a_media_type_the_handler_does_not_take_is_a_415(served: TestClient) -> None:
    headers = {**BEARER, "Content-Type": "application/xml"}
    body = assert_problem(_call(served, "createPet", headers=headers, content=b"<pet/>"), 415)
    assert (
        body["detail"]
        == "the body is application/xml; this operation takes application/vnd.pets+json"
    )


def test_credentials_may_be_optional(
    served: TestClient, handlers: tuple[Pets, Files, Default, Events]
) -> None:
    response = _call(served, "get_pets_pet_id")
    assert (response.status_code, response.json()) == (200, {"id": 7, "name": "Rex"})
    got = handlers[0].got["get_pets_pet_id"]
    assert got == {"caller": None, "pet_id": 7, "session": "s1", "visits": 3}
    assert _call(served, "get_pets_pet_id", headers={"X-API-Key": GOOD}).status_code == 200
    who = handlers[0].got["get_pets_pet_id"]["caller"]
    assert (who.scheme, who.subject) == ("apiKeyHeader", "alice")


def test_bodiless_answers_and_roles(
    served: TestClient, handlers: tuple[Pets, Files, Default, Events]
) -> None:
    response = _call(served, "find pet by id")
    assert (response.status_code, response.content) == (204, b"")
    assert handlers[0].got["find pet by id"]["pet_id"] == 7


def test_a_merge_patch_is_the_object_sent(
    served: TestClient, handlers: tuple[Pets, Files, Default, Events]
) -> None:
    response = _call(served, "patchPet")
    assert (response.status_code, response.json()) == (200, {"id": 7, "name": "Max"})
    assert handlers[0].got["patchPet"]["body"] == {"id": 7, "name": "Max"}


def test_bytes_in_bytes_out(
    served: TestClient, handlers: tuple[Pets, Files, Default, Events]
) -> None:
    response = _call(served, "uploadPhoto")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert response.content == b"\x01\x00GNP\x89"
    got = handlers[1].got["uploadPhoto"]
    assert (got["body"], got["pet_id"], got["caller"].scheme) == (b"\x89PNG\x00\x01", 7, "basic")


def test_a_multipart_form_with_a_file(
    served: TestClient, handlers: tuple[Pets, Files, Default, Events]
) -> None:
    response = _call(served, "uploadForm")
    assert (response.status_code, response.json()) == (201, 5)
    got = handlers[1].got["uploadForm"]
    assert got["body"] == models.UploadFormRequest(caption="at the beach", file=b"\x89PNG\x02")
    assert got["caller"].scopes == frozenset({"write"})


def test_text_in_text_out(
    served: TestClient, handlers: tuple[Pets, Files, Default, Events]
) -> None:
    response = _call(served, "addNote")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.text == "HÉLLO"
    assert handlers[1].got["addNote"]["body"] == "héllo"


def test_a_form_becomes_its_model(
    served: TestClient, handlers: tuple[Pets, Files, Default, Events]
) -> None:
    response = _call(served, "login")
    assert (response.status_code, response.json()) == (200, {"user": "ann", "session": "s2"})
    assert handlers[0].got["login"]["body"] == models.LoginRequest(user="ann", remember=True)


def test_a_closed_form_refuses_other_fields(served: TestClient) -> None:
    response = _call(served, "login", data={"user": "ann", "admin": "yes"})
    assert "admin" in assert_problem(response, 400)["detail"]


def test_a_form_without_a_schema_is_every_field_with_its_values(
    served: TestClient, handlers: tuple[Pets, Files, Default, Events]
) -> None:
    response = _call(served, "feedback")
    assert (response.status_code, response.content) == (202, b"")
    got = handlers[2].got["feedback"]
    assert got["body"] == {"a": ["1", "2"], "b": ["3"]}
    assert got["caller"].scopes == frozenset({"profile"})


def test_a_one_of_body_is_the_alternative_that_fits(
    served: TestClient, handlers: tuple[Pets, Files, Default, Events]
) -> None:
    response = _call(served, "import")
    assert (response.status_code, response.json()) == (201, {"id": "sub-1"})
    got = handlers[3].got["import"]
    assert got["body"] == models.ImportRequestOption1(url="https://example.invalid/hook")
    assert got["caller"].scheme == "apiKeyCookie"


def test_additional_properties_are_dropped_kept_or_refused(
    served: TestClient, handlers: tuple[Pets, Files, Default, Events]
) -> None:
    response = _call(served, "putOpen")
    assert response.status_code == 200, response.text
    # sort: the default of its enum, the enum's member
    assert response.json() == {
        "open": {"a": "x", "sort": "asc"},
        "allowed": {"a": "y", "kept": True},
    }
    assert handlers[3].got["putOpen"]["body"] == models.Open(a="x")
