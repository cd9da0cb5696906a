from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.order_notification import OrderNotification
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: OrderNotification,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/orders/{id}/notifications".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrderNotification | Problem | None:
    if response.status_code == 200:
        response_200 = OrderNotification.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = OrderNotification.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OrderNotification | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: OrderNotification,
) -> Response[OrderNotification | Problem]:
    """Create a notification for an order

     Create an Order Notification (for example an ERROR notification). This API is called at
    a Buyer endpoint: the seller delivers each notification of an order here, in
    `notificationVersion` order. `requestedCompletionDate` echoes what the buyer sent, which
    may be invalid: that is what an error notification reports.

    Receiving is idempotent on the order and `notificationVersion`: the same notification
    again answers 200 with the stored one (nothing is stored twice); another notification
    with a version already received answers 409. A notification without a
    `notificationVersion` is keyed by its content: the same one again answers 200.

    Args:
        id (str):
        body (OrderNotification):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderNotification | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: OrderNotification,
) -> OrderNotification | Problem | None:
    """Create a notification for an order

     Create an Order Notification (for example an ERROR notification). This API is called at
    a Buyer endpoint: the seller delivers each notification of an order here, in
    `notificationVersion` order. `requestedCompletionDate` echoes what the buyer sent, which
    may be invalid: that is what an error notification reports.

    Receiving is idempotent on the order and `notificationVersion`: the same notification
    again answers 200 with the stored one (nothing is stored twice); another notification
    with a version already received answers 409. A notification without a
    `notificationVersion` is keyed by its content: the same one again answers 200.

    Args:
        id (str):
        body (OrderNotification):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderNotification | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: OrderNotification,
) -> Response[OrderNotification | Problem]:
    """Create a notification for an order

     Create an Order Notification (for example an ERROR notification). This API is called at
    a Buyer endpoint: the seller delivers each notification of an order here, in
    `notificationVersion` order. `requestedCompletionDate` echoes what the buyer sent, which
    may be invalid: that is what an error notification reports.

    Receiving is idempotent on the order and `notificationVersion`: the same notification
    again answers 200 with the stored one (nothing is stored twice); another notification
    with a version already received answers 409. A notification without a
    `notificationVersion` is keyed by its content: the same one again answers 200.

    Args:
        id (str):
        body (OrderNotification):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderNotification | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: OrderNotification,
) -> OrderNotification | Problem | None:
    """Create a notification for an order

     Create an Order Notification (for example an ERROR notification). This API is called at
    a Buyer endpoint: the seller delivers each notification of an order here, in
    `notificationVersion` order. `requestedCompletionDate` echoes what the buyer sent, which
    may be invalid: that is what an error notification reports.

    Receiving is idempotent on the order and `notificationVersion`: the same notification
    again answers 200 with the stored one (nothing is stored twice); another notification
    with a version already received answers 409. A notification without a
    `notificationVersion` is keyed by its content: the same one again answers 200.

    Args:
        id (str):
        body (OrderNotification):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderNotification | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
