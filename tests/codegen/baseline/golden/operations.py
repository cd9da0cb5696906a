"""Generated from tests/codegen/baseline/openapi.yaml by codegen (CODEGEN_UPDATE_GOLDEN=1 pytest tests/codegen/test_baseline.py). Do not edit.

The functions Connexion calls, found by operationId. Once Connexion has routed, authenticated
and validated a request, each takes the arguments the spec declares straight from it (no
per-request reflection), then, in the threadpool (on the event loop for the handlers their
object names in ``run_on_event_loop``), turns them into models, calls the handler bound for its
tag, and turns the result into JSON with the status the spec declares. An operation whose
handler is missing answers 501 problem+json.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from connexion.lifecycle import ConnexionRequest
from connexion.resolver import Resolver
from starlette.responses import Response

from specfirst.bodies import convert, read_body
from specfirst.connexion_overrides import SpecResolver
from specfirst.dispatch import call, event_loop_functions
from specfirst.problems import not_implemented
from specfirst.reply import parse, request_body, respond
from specfirst.security import caller, optional_caller

from . import models
from .protocols import DefaultHandlers, EventsSubscriptionHandlers, FilesHandlers, PetsHandlers

OPERATION_FUNCTIONS: dict[str, str] = {
    "listPets": "list_pets",
    "createPet": "create_pet",
    "get_pets_pet_id": "get_pets_pet_id",
    "find pet by id": "find_pet_by_id",
    "patchPet": "patch_pet",
    "uploadPhoto": "upload_photo",
    "uploadForm": "upload_form",
    "addNote": "add_note",
    "login": "login",
    "feedback": "feedback",
    "import": "import_",
    "putOpen": "put_open",
}
# The operations the spec gives no operationId, by method and path: Connexion names them by
# neither, so the resolver looks them up here.
DERIVED_OPERATION_IDS: dict[tuple[str, str], str] = {
    ("get", "/pets/{petId}"): "get_pets_pet_id",
}


class Operations:
    def __init__(
        self,
        *,
        pets: PetsHandlers,
        files: FilesHandlers,
        default: DefaultHandlers,
        events_subscription: EventsSubscriptionHandlers,
    ) -> None:
        self._pets = pets
        self._files = files
        self._default = default
        self._events_subscription = events_subscription
        self._on_event_loop = event_loop_functions(pets, files, default, events_subscription)

    async def list_pets(self, request: ConnexionRequest) -> Response:
        """GET /pets"""
        query = request.query_params
        return await call(
            self._list_pets,
            "list_pets" in self._on_event_loop,
            limit=query.get("limit", 20),
            tags=query.get("tags", None),
            ids=query.get("ids", None),
            kinds=query.get("kinds", None),
            filter_=query.get("filter", None),
            order_date_gt=query.get("orderDate.gt", None),
            order_date_gt_2=query.get("orderDate_gt", None),
            class_=query.get("class", None),
            type_=query.get("type", None),
            n_2fa=query.get("2fa", None),
            body_=query.get("body", None),
            sort=query.get("sort", "asc"),
            x_page_size=request.headers.get("X-Page-Size", "10"),
            x_trace_ids=request.headers.get("X-Trace-Ids"),
        )

    def _list_pets(
        self,
        *,
        limit: Any,
        tags: Any,
        ids: Any,
        kinds: Any,
        filter_: Any,
        order_date_gt: Any,
        order_date_gt_2: Any,
        class_: Any,
        type_: Any,
        n_2fa: Any,
        body_: Any,
        sort: Any,
        x_page_size: Any,
        x_trace_ids: Any,
    ) -> Response:
        who = caller("listPets", [])
        handler = getattr(self._pets, "list_pets", None)
        if handler is None:
            raise not_implemented("listPets")
        result = handler(
            caller=who,
            limit=limit,
            tags=tags,
            ids=ids,
            kinds=None if kinds is None else [models.Kind(item) for item in kinds],
            filter_=None if filter_ is None else parse(models.ListPetsFilterParameter, filter_),
            order_date_gt=order_date_gt,
            order_date_gt_2=order_date_gt_2,
            class_=class_,
            type_=type_,
            n_2fa=n_2fa,
            body_=body_,
            sort=None if sort is None else models.SortOrder(sort),
            x_page_size=None if x_page_size is None else int(x_page_size),
            x_trace_ids=None if x_trace_ids is None else x_trace_ids.split(","),
        )
        return respond(
            result,
            200,
            {
                "200": "application/json;charset=utf-8",
                "206": "application/json",
                "default": "application/json",
            },
        )

    async def create_pet(self, request: ConnexionRequest) -> Response:
        """POST /pets"""
        return await call(
            self._create_pet,
            "create_pet" in self._on_event_loop,
            body=await read_body(request, "json", accepted=("application/vnd.pets+json",)),
        )

    def _create_pet(
        self,
        *,
        body: Any,
    ) -> Response:
        who = caller("createPet", [])
        handler = getattr(self._pets, "create_pet", None)
        if handler is None:
            raise not_implemented("createPet")
        result = handler(
            caller=who,
            body=parse(models.CreatePetRequest, body),
        )
        return respond(result, 201, empty=303)

    async def get_pets_pet_id(self, request: ConnexionRequest) -> Response:
        """GET /pets/{petId}"""
        path = request.path_params
        return await call(
            self._get_pets_pet_id,
            "get_pets_pet_id" in self._on_event_loop,
            pet_id=path["petId"],
            session=request.cookies.get("session"),
            visits=request.cookies.get("visits"),
        )

    def _get_pets_pet_id(
        self,
        *,
        pet_id: Any,
        session: Any,
        visits: Any,
    ) -> Response:
        who = optional_caller("get_pets_pet_id", [])
        handler = getattr(self._pets, "get_pets_pet_id", None)
        if handler is None:
            raise not_implemented("get_pets_pet_id")
        result = handler(
            caller=who,
            pet_id=pet_id,
            session=session,
            visits=None if visits is None else int(visits),
        )
        return respond(result, 200)

    async def find_pet_by_id(self, request: ConnexionRequest) -> Response:
        """DELETE /pets/{petId}"""
        path = request.path_params
        return await call(
            self._find_pet_by_id,
            "find_pet_by_id" in self._on_event_loop,
            pet_id=path["petId"],
        )

    def _find_pet_by_id(
        self,
        *,
        pet_id: Any,
    ) -> Response:
        who = caller("find pet by id", ["admin"])
        handler = getattr(self._pets, "find_pet_by_id", None)
        if handler is None:
            raise not_implemented("find pet by id")
        result = handler(
            caller=who,
            pet_id=pet_id,
        )
        return respond(result, 204)

    async def patch_pet(self, request: ConnexionRequest) -> Response:
        """PATCH /pets/{petId}"""
        path = request.path_params
        return await call(
            self._patch_pet,
            "patch_pet" in self._on_event_loop,
            body=await request_body(request),
            pet_id=path["petId"],
        )

    def _patch_pet(
        self,
        *,
        body: Any,
        pet_id: Any,
    ) -> Response:
        who = caller("patchPet", [])
        handler = getattr(self._pets, "patch_pet", None)
        if handler is None:
            raise not_implemented("patchPet")
        result = handler(
            caller=who,
            body=body,
            pet_id=pet_id,
        )
        return respond(result, 200)

    async def upload_photo(self, request: ConnexionRequest) -> Response:
        """PUT /pets/{pet-id}/photo"""
        path = request.path_params
        return await call(
            self._upload_photo,
            "upload_photo" in self._on_event_loop,
            body=await read_body(request, "binary"),
            pet_id=path["pet_id"],
        )

    def _upload_photo(
        self,
        *,
        body: Any,
        pet_id: Any,
    ) -> Response:
        who = caller("uploadPhoto", [])
        handler = getattr(self._files, "upload_photo", None)
        if handler is None:
            raise not_implemented("uploadPhoto")
        result = handler(
            caller=who,
            body=body,
            pet_id=pet_id,
        )
        return respond(result, 200, {"200": "image/png"})

    async def upload_form(self, request: ConnexionRequest) -> Response:
        """POST /pets/{pet-id}/photo"""
        path = request.path_params
        return await call(
            self._upload_form,
            "upload_form" in self._on_event_loop,
            body=await read_body(request, "multipart", file_lists=()),
            pet_id=path["pet_id"],
        )

    def _upload_form(
        self,
        *,
        body: Any,
        pet_id: Any,
    ) -> Response:
        who = caller("uploadForm", [])
        handler = getattr(self._files, "upload_form", None)
        if handler is None:
            raise not_implemented("uploadForm")
        result = handler(
            caller=who,
            body=parse(models.UploadFormRequest, body),
            pet_id=pet_id,
        )
        return respond(result, 201)

    async def add_note(self, request: ConnexionRequest) -> Response:
        """POST /notes"""
        return await call(
            self._add_note,
            "add_note" in self._on_event_loop,
            body=await read_body(request, "text"),
        )

    def _add_note(
        self,
        *,
        body: Any,
    ) -> Response:
        who = caller("addNote", [])
        handler = getattr(self._files, "add_note", None)
        if handler is None:
            raise not_implemented("addNote")
        result = handler(
            caller=who,
            body=body,
        )
        return respond(result, 200, {"200": "text/plain"})

    async def login(self, request: ConnexionRequest) -> Response:
        """POST /login"""
        return await call(
            self._login,
            "login" in self._on_event_loop,
            body=await read_body(request, "form"),
        )

    def _login(
        self,
        *,
        body: Any,
    ) -> Response:
        handler = getattr(self._pets, "login", None)
        if handler is None:
            raise not_implemented("login")
        result = handler(
            body=parse(models.LoginRequest, body),
        )
        return respond(result, 200)

    async def feedback(self, request: ConnexionRequest) -> Response:
        """POST /feedback"""
        return await call(
            self._feedback,
            "feedback" in self._on_event_loop,
            body=await read_body(request, "form"),
        )

    def _feedback(
        self,
        *,
        body: Any,
    ) -> Response:
        who = caller("feedback", [])
        handler = getattr(self._default, "feedback", None)
        if handler is None:
            raise not_implemented("feedback")
        result = handler(
            caller=who,
            body=body,
        )
        return respond(result, 202)

    async def import_(self, request: ConnexionRequest) -> Response:
        """POST /subscriptions"""
        return await call(
            self._import_,
            "import_" in self._on_event_loop,
            body=await request_body(request),
        )

    def _import_(
        self,
        *,
        body: Any,
    ) -> Response:
        who = caller("import", [])
        handler = getattr(self._events_subscription, "import_", None)
        if handler is None:
            raise not_implemented("import")
        result = handler(
            caller=who,
            body=convert(models.ImportRequestOption1 | models.ImportRequestOption2, body),
        )
        return respond(result, 201)

    async def put_open(self, request: ConnexionRequest) -> Response:
        """PUT /open"""
        return await call(
            self._put_open,
            "put_open" in self._on_event_loop,
            body=await request_body(request),
        )

    def _put_open(
        self,
        *,
        body: Any,
    ) -> Response:
        handler = getattr(self._events_subscription, "put_open", None)
        if handler is None:
            raise not_implemented("putOpen")
        result = handler(
            body=parse(models.Open, body),
        )
        return respond(result, 200)


def make_resolver(operations: Operations) -> Resolver:
    """A Connexion resolver from the spec's operationIds to ``operations``' methods."""

    def function_for(method: str, path: str, operation_id: str | None) -> Callable[..., Any]:
        # Connexion names an operation by its operationId only: None for these.
        name = OPERATION_FUNCTIONS[operation_id or DERIVED_OPERATION_IDS[(method, path)]]
        function: Callable[..., Any] = getattr(operations, name)
        return function

    return SpecResolver(function_for)
