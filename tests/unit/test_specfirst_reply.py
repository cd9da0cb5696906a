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


MEDIA = {"200": "application/json;charset=utf-8", "2XX": "text/plain", "default": "image/png"}


def test_a_body_goes_out_in_its_statuss_media_type() -> None:
    listed = respond([Widget(name="cog"), Widget(name="gear")], 200, MEDIA)
    assert listed.headers["content-type"] == "application/json;charset=utf-8"
    assert json.loads(bytes(listed.body)) == [
        {"name": "cog", "sizeMm": 1},
        {"name": "gear", "sizeMm": 1},
    ]
    text = respond(Reply("héllo", status=206), 200, MEDIA)  # 206: the 2XX range
    assert (text.status_code, text.headers["content-type"]) == (206, "text/plain; charset=utf-8")
    assert text.body == "héllo".encode()
    image = respond(Reply(b"\x89PNG", status=404), 200, MEDIA)  # any other: default
    assert (image.headers["content-type"], image.body) == ("image/png", b"\x89PNG")
    assert respond(42, 201).body == b"42"  # a status the map does not name: JSON


def test_text_is_written_in_the_charset_its_media_type_names() -> None:
    response = respond("é", 200, {"200": "text/csv; charset=latin-1"})
    assert response.body == b"\xe9"
    assert response.headers["content-type"] == "text/csv; charset=latin-1"


def test_a_bare_none_is_the_response_without_a_body() -> None:
    assert respond(None, 201, empty=303).status_code == 303
    assert respond(Reply(None, status=304), 201, empty=303).status_code == 304
    assert respond(Reply(None), 201, empty=303).status_code == 303
