"""specfirst.reply: a handler's result as the response, and a body as its model."""

from __future__ import annotations

import json

import pytest
from connexion.exceptions import ProblemException
from pydantic import BaseModel, Field

from specfirst.reply import Reply, parse, respond, to_json


class Widget(BaseModel):
    name: str = Field(max_length=5)
    colour: str | None = None
    size_mm: int = Field(alias="sizeMm", default=1)


def test_a_model_gets_the_documented_status_and_leaves_unset_fields_out() -> None:
    response = respond(Widget(name="cog"), 200)
    assert response.status_code == 200
    assert response.media_type == "application/json"
    assert json.loads(bytes(response.body)) == {"name": "cog", "sizeMm": 1}
    assert to_json(Widget(name="cog")) == {"name": "cog", "sizeMm": 1}


def test_a_reply_sets_status_and_headers() -> None:
    response = respond(Reply(Widget(name="cog"), status=201, headers={"ETag": '"1"'}), 200)
    assert response.status_code == 201 and response.headers["etag"] == '"1"'
    assert respond(Reply(Widget(name="cog")), 200).status_code == 200


def test_no_result_is_an_empty_answer() -> None:
    response = respond(None, 204)
    assert response.status_code == 204 and response.body == b""


def test_a_body_the_model_refuses_is_a_400_naming_each_field() -> None:
    assert parse(Widget, {"name": "cog"}).name == "cog"
    with pytest.raises(ProblemException) as refused:
        parse(Widget, {"name": "too long", "sizeMm": "big"})
    problem = refused.value
    assert problem.status == 400
    assert {e["pointer"] for e in (problem.ext or {})["errors"]} == {"/name", "/sizeMm"}
