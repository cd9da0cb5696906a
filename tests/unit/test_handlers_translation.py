"""The handlers' translation between HTTP and the domain, without a server: If-Match as
revisions, and each domain error as its problem."""

from __future__ import annotations

import pytest
from connexion.exceptions import ProblemException
from pydantic import ValidationError

from app.domain import errors
from app.domain.errors import (
    Conflict,
    DomainError,
    FieldError,
    Forbidden,
    Invalid,
    NotFound,
    StaleRevision,
)
from app.handlers.http import based_on
from app.handlers.problems import problem_of, refusals_as_problems
from generated.models import OrderCreateUpdate


@pytest.mark.parametrize(
    ("if_match", "revisions"),
    [
        (None, None),
        ("*", None),
        (' "3" ', frozenset({3})),
        ('W/"3", "4"', frozenset({3, 4})),
        ('"01"', frozenset()),  # "1" is the ETag of revision 1, "01" none of ours
        ('"abc", "²"', frozenset()),
    ],
)
def test_if_match_names_revisions(if_match: str | None, revisions: frozenset[int] | None) -> None:
    assert based_on(if_match) == revisions


def all_kinds(kind: type[DomainError]) -> list[type[DomainError]]:
    return [kind, *(k for sub in kind.__subclasses__() for k in all_kinds(sub))]


def test_every_kind_of_domain_error_has_its_problem() -> None:
    examples = {
        NotFound: (NotFound("x"), 404),
        Forbidden: (Forbidden("x"), 403),
        Conflict: (Conflict("x"), 409),
        StaleRevision: (StaleRevision("ORD-1", 2), 412),
        Invalid: (Invalid([FieldError("bad", pointer="/a")]), 422),
    }
    kinds = {k for k in all_kinds(DomainError) if k.__module__ == errors.__name__}
    assert kinds - {DomainError} == set(examples)
    for error, status in examples.values():
        problem = problem_of(error)
        assert problem is not None and problem.status == status
    assert problem_of(DomainError("a kind without a problem")) is None


def test_a_stale_revision_names_the_if_match_and_the_current_etag() -> None:
    problem = problem_of(StaleRevision("ORD-1", 2), '"1"')
    assert problem is not None
    assert problem.detail == 'If-Match "1" does not match the order\'s ETag "2"'


def test_invalid_content_lists_each_field() -> None:
    summed = problem_of(Invalid([FieldError("differs", pointer="/buyerId")], "buyerId must stay"))
    assert summed is not None and summed.detail == "buyerId must stay"
    assert summed.ext == {"errors": [{"pointer": "/buyerId", "detail": "differs"}]}
    listed = problem_of(Invalid([FieldError("no instant", parameter="orderDateTo")]))
    assert listed is not None
    assert listed.detail == "1 validation error: orderDateTo: no instant"
    assert listed.ext == {"errors": [{"parameter": "orderDateTo", "detail": "no instant"}]}
    with pytest.raises(ValidationError) as model:
        OrderCreateUpdate.model_validate({"buyerId": 1})
    validation = problem_of(Invalid(validation=model.value))
    assert validation is not None and validation.status == 422 and validation.ext is not None
    assert {"pointer": "/buyerId", "detail": "Input should be a valid string"} in (
        validation.ext["errors"]
    )


@refusals_as_problems
class Handlers:
    def get(self, *, id_: str) -> str:
        raise NotFound(f"no order has id {id_!r}")

    def patch(self, *, id_: str, if_match: str | None) -> str:
        raise StaleRevision(id_, 5)

    def crash(self) -> str:
        raise DomainError("unnamed")


def test_handlers_let_refusals_out_as_problems() -> None:
    handlers = Handlers()
    with pytest.raises(ProblemException) as not_found:
        handlers.get(id_="ORD-1")
    assert not_found.value.status == 404 and "ORD-1" in not_found.value.detail
    with pytest.raises(ProblemException) as stale:
        handlers.patch(id_="ORD-1", if_match='"4"')
    assert stale.value.status == 412 and 'If-Match "4"' in stale.value.detail
    with pytest.raises(DomainError):  # no problem of its own: the app answers it as a crash
        handlers.crash()
