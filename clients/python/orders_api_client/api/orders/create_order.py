from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.order import Order
from ...models.order_create_update import OrderCreateUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: OrderCreateUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/orders",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Order | Problem | None:
    if response.status_code == 200:
        response_200 = Order.from_dict(response.json())

        return response_200

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
    *,
    client: AuthenticatedClient,
    body: OrderCreateUpdate,
) -> Response[Order | Problem]:
    """Create an order

     Create an Order. This API is called at a Seller endpoint.

    The seller assigns the order `id`, `link` and `orderStatus` (`IN_PROGRESS`).
    Creation is idempotent on `buyerId` + `buyerPurchaseOrderNumber` + `buyerOrderVersion`:
    repeating the same request answers 200 with the existing order; reusing that triple
    (or the purchase order number of an existing order) for different content answers 409.

    Args:
        body (OrderCreateUpdate): An order as the buyer sends it, to create an order or to
            supplement it (PUT).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Order | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: OrderCreateUpdate,
) -> Order | Problem | None:
    """Create an order

     Create an Order. This API is called at a Seller endpoint.

    The seller assigns the order `id`, `link` and `orderStatus` (`IN_PROGRESS`).
    Creation is idempotent on `buyerId` + `buyerPurchaseOrderNumber` + `buyerOrderVersion`:
    repeating the same request answers 200 with the existing order; reusing that triple
    (or the purchase order number of an existing order) for different content answers 409.

    Args:
        body (OrderCreateUpdate): An order as the buyer sends it, to create an order or to
            supplement it (PUT).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Order | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OrderCreateUpdate,
) -> Response[Order | Problem]:
    """Create an order

     Create an Order. This API is called at a Seller endpoint.

    The seller assigns the order `id`, `link` and `orderStatus` (`IN_PROGRESS`).
    Creation is idempotent on `buyerId` + `buyerPurchaseOrderNumber` + `buyerOrderVersion`:
    repeating the same request answers 200 with the existing order; reusing that triple
    (or the purchase order number of an existing order) for different content answers 409.

    Args:
        body (OrderCreateUpdate): An order as the buyer sends it, to create an order or to
            supplement it (PUT).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Order | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: OrderCreateUpdate,
) -> Order | Problem | None:
    """Create an order

     Create an Order. This API is called at a Seller endpoint.

    The seller assigns the order `id`, `link` and `orderStatus` (`IN_PROGRESS`).
    Creation is idempotent on `buyerId` + `buyerPurchaseOrderNumber` + `buyerOrderVersion`:
    repeating the same request answers 200 with the existing order; reusing that triple
    (or the purchase order number of an existing order) for different content answers 409.

    Args:
        body (OrderCreateUpdate): An order as the buyer sends it, to create an order or to
            supplement it (PUT).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Order | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
