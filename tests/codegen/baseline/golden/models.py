# Generated from tests/codegen/baseline/openapi.yaml by codegen (CODEGEN_UPDATE_GOLDEN=1 pytest tests/codegen/test_baseline.py). Do not edit.

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


class Owner(BaseModel):
    """
    An inline object named Owner by datamodel-code-generator, before the Owner schema.
    """

    nickname: str | None = None


class Owner1(BaseModel):
    name: str | None = None


class Kind(StrEnum):
    cat = "cat"
    dog = "dog"
    bird = "bird"


class SortOrder(StrEnum):
    """
    An enum with a default, defined after a model that uses it (Open).
    """

    asc = "asc"
    desc = "desc"


class Error(BaseModel):
    title: str | None = None


class PetStoreV1(BaseModel):
    """
    A key with a dot and a dash.
    """

    id: str | None = None


class FieldModel(BaseModel):
    """
    A name datamodel-code-generator takes for itself.
    """

    value: str | None = None


class Open(BaseModel):
    a: str | None = None
    field: FieldModel | None = None
    sort: SortOrder | None = SortOrder.asc


class Allowed(BaseModel):
    model_config = ConfigDict(
        extra="allow",
    )
    a: str | None = None


class Typed(BaseModel):
    model_config = ConfigDict(
        extra="allow",
    )
    __annotations__ = {
        "__pydantic_extra__": dict[str, int],
    }
    a: str | None = None


class Closed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    a: str | None = None


class Error2(BaseModel):
    message: str | None = None


class ListPetsFilterParameter(BaseModel):
    color: str | None = None
    age: int | None = None


class CreatePetRequest(BaseModel):
    name: str
    kind: Kind | None = None
    owner: Owner1 | None = None


class UploadFormRequest(BaseModel):
    caption: str | None = None
    file: bytes


class LoginRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    user: str | None = None
    remember: bool | None = None


class ImportRequestOption1(BaseModel):
    url: str


class ImportRequestOption2(BaseModel):
    email: str


class PutOpenResponse(BaseModel):
    open: Open | None = None
    allowed: Allowed | None = None
    typed: Typed | None = None
    closed: Closed | None = None


class Pet(BaseModel):
    id: int
    name: str
    kind: Kind | None = None
    owner: Annotated[
        Owner | None,
        Field(
            description="An inline object named Owner by datamodel-code-generator, before the Owner schema."
        ),
    ] = None


class ListPetsResponse206(BaseModel):
    items: list[Pet] | None = None
    next: str | None = None
