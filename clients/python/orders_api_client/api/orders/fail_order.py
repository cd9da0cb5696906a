from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.failure import Failure
from ...models.order import Order
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: Failure,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/orders/{id}/fail".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Order | Problem | None:
    if response.status_code == 201:
        response_201 = Order.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Order | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Failure,
    if_match: str | Unset = UNSET,
) -> Response[Order | Problem]:
    """Fail an order (seller)

     The seller fails every item of the order still in progress, for `reason`: the order
    becomes FAILED (PARTIAL when some item had been completed before, with a COMPLETION
    for those), and the buyer receives a STATUS_CHANGE. Only from IN_PROGRESS (409).

    Args:
        id (str):
        if_match (str | Unset):
        body (Failure): Why the seller fails an order or an order item.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Order | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Failure,
    if_match: str | Unset = UNSET,
) -> Order | Problem | None:
    """Fail an order (seller)

     The seller fails every item of the order still in progress, for `reason`: the order
    becomes FAILED (PARTIAL when some item had been completed before, with a COMPLETION
    for those), and the buyer receives a STATUS_CHANGE. Only from IN_PROGRESS (409).

    Args:
        id (str):
        if_match (str | Unset):
        body (Failure): Why the seller fails an order or an order item.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Order | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Failure,
    if_match: str | Unset = UNSET,
) -> Response[Order | Problem]:
    """Fail an order (seller)

     The seller fails every item of the order still in progress, for `reason`: the order
    becomes FAILED (PARTIAL when some item had been completed before, with a COMPLETION
    for those), and the buyer receives a STATUS_CHANGE. Only from IN_PROGRESS (409).

    Args:
        id (str):
        if_match (str | Unset):
        body (Failure): Why the seller fails an order or an order item.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Order | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Failure,
    if_match: str | Unset = UNSET,
) -> Order | Problem | None:
    """Fail an order (seller)

     The seller fails every item of the order still in progress, for `reason`: the order
    becomes FAILED (PARTIAL when some item had been completed before, with a COMPLETION
    for those), and the buyer receives a STATUS_CHANGE. Only from IN_PROGRESS (409).

    Args:
        id (str):
        if_match (str | Unset):
        body (Failure): Why the seller fails an order or an order item.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Order | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
