"""Generated from tests/codegen/baseline/openapi.yaml by codegen (CODEGEN_UPDATE_GOLDEN=1 pytest tests/codegen/test_baseline.py). Do not edit.

One Protocol per tag: the functions a handler module must define, with the spec's types.
mypy checks the modules the app binds against these, so a spec change that breaks a handler
fails the type check.
"""

from __future__ import annotations

from typing import Any, Literal, Protocol

from specfirst.reply import Reply
from specfirst.security import Caller

from . import models


class PetsHandlers(Protocol):
    """Handlers of the `pets` operations."""

    def list_pets(
        self,
        *,
        caller: Caller,
        limit: int,
        tags: list[str] | None,
        ids: list[int] | None,
        kinds: list[models.Kind] | None,
        filter_: models.ListPetsFilterParameter | None,
        order_date_gt: str | None,
        order_date_gt_2: str | None,
        class_: str | None,
        type_: Literal["cat", "dog"] | None,
        n_2fa: bool | None,
        body_: str | None,
        sort: models.SortOrder,
        x_page_size: int,
        x_trace_ids: list[str] | None,
    ) -> (
        list[models.Pet]
        | models.ListPetsResponse206
        | models.Error2
        | Reply[list[models.Pet] | models.ListPetsResponse206 | models.Error2]
    ):
        """GET /pets: Array and object query parameters, names that are not identifiers, a header."""
        ...

    def create_pet(
        self,
        *,
        caller: Caller,
        body: models.CreatePetRequest,
    ) -> models.Pet | Reply[models.Pet | None] | None:
        """POST /pets: An inline request body and a +json media type; 201 or 303."""
        ...

    def get_pets_pet_id(
        self,
        *,
        caller: Caller | None,
        pet_id: int,
        session: str | None,
        visits: int | None,
    ) -> models.Pet | Reply[models.Pet]:
        """GET /pets/{petId}: No operationId; optional credentials; a cookie."""
        ...

    def find_pet_by_id(
        self,
        *,
        caller: Caller,
        pet_id: int,
    ) -> None:
        """DELETE /pets/{petId}: A name with spaces; 204 without a body; the role that may call it."""
        ...

    def patch_pet(
        self,
        *,
        caller: Caller,
        body: dict[str, Any] | None,
        pet_id: int,
    ) -> models.Pet | Reply[models.Pet]:
        """PATCH /pets/{petId}: A merge patch, or JSON."""
        ...

    def login(
        self,
        *,
        body: models.LoginRequest,
    ) -> dict[str, str] | Reply[dict[str, str]]:
        """POST /login: A form that takes no other field; public."""
        ...


class FilesHandlers(Protocol):
    """Handlers of the `files` operations."""

    def upload_photo(
        self,
        *,
        caller: Caller,
        body: bytes,
        pet_id: int,
    ) -> bytes | Reply[bytes]:
        """PUT /pets/{pet-id}/photo: Raw bytes in, an image out."""
        ...

    def upload_form(
        self,
        *,
        caller: Caller,
        body: models.UploadFormRequest,
        pet_id: int,
    ) -> int | Reply[int]:
        """POST /pets/{pet-id}/photo: A multipart form with a file."""
        ...

    def add_note(
        self,
        *,
        caller: Caller,
        body: str,
    ) -> str | Reply[str]:
        """POST /notes: Text in, text out."""
        ...


class DefaultHandlers(Protocol):
    """Handlers of the `default` operations."""

    def feedback(
        self,
        *,
        caller: Caller,
        body: dict[str, list[str]] | None,
    ) -> None:
        """POST /feedback: A form without a schema, OpenID Connect."""
        ...


class EventsSubscriptionHandlers(Protocol):
    """Handlers of the `Events subscription` operations."""

    def import_(
        self,
        *,
        caller: Caller,
        body: models.ImportRequestOption1 | models.ImportRequestOption2,
    ) -> models.PetStoreV1 | Reply[models.PetStoreV1]:
        """POST /subscriptions: A keyword operationId, a tag with a space, oneOf of inline objects, a cookie key."""
        ...

    def put_open(
        self,
        *,
        body: models.Open,
    ) -> models.PutOpenResponse | Reply[models.PutOpenResponse]:
        """PUT /open: additionalProperties absent, true, a schema, false; a media type with a parameter."""
        ...
