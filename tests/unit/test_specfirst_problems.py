"""specfirst.problems: the one problem body, validation problems naming the fields, and the
Allow header of a 405 from the spec's paths."""

from __future__ import annotations

import json

from specfirst.problems import (
    MethodIndex,
    invalid,
    not_implemented,
    problem,
    problem_body,
    problem_response,
)


def test_the_problem_body_is_rfc_9457() -> None:
    assert problem_body(404, "Not Found", "no such widget") == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "no such widget",
    }
    assert problem_body(500, "Internal Server Error") == {
        "type": "about:blank",
        "title": "Internal Server Error",
        "status": 500,
    }
    response = problem_response(503, "Service Unavailable", "later", headers={"Retry-After": "5"})
    assert response.media_type == "application/problem+json"
    assert response.headers["retry-after"] == "5"
    assert json.loads(bytes(response.body))["detail"] == "later"


def test_an_invalid_request_names_its_first_five_fields_and_counts_the_rest() -> None:
    entries = [{"pointer": f"/f{i}", "detail": "is required"} for i in range(7)]
    raised = invalid(400, entries)
    assert raised.status == 400 and raised.title == "Bad Request"
    assert raised.detail == (
        "7 validation errors: /f0: is required; /f1: is required; /f2: is required; "
        "/f3: is required; /f4: is required (and 2 more)"
    )
    assert (raised.ext or {})["errors"] == entries
    one = invalid(422, [{"parameter": "limit", "detail": "too big"}])
    assert (
        one.title == "Unprocessable Content" and one.detail == "1 validation error: limit: too big"
    )


def test_problems_carry_headers_and_no_empty_errors() -> None:
    raised = problem(401, "Unauthorized", "who are you?", headers={"WWW-Authenticate": "Bearer"})
    assert raised.headers == {"WWW-Authenticate": "Bearer"} and raised.ext is None
    assert "getWidget" in (not_implemented("getWidget").detail or "")


def test_the_allowed_methods_of_a_path_come_from_the_spec() -> None:
    methods = MethodIndex(
        {
            "/widgets": {"get": {}, "post": {}, "parameters": []},
            "/widgets/{id}": {"delete": {}, "get": {}},
        }
    )
    assert methods.allowed("/widgets") == "GET, POST"
    assert methods.allowed("/widgets/W-1") == "DELETE, GET"
    assert methods.allowed("/widgets/W-1/parts") is None
