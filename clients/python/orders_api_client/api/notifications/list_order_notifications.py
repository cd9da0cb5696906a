from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.order_notification_list import OrderNotificationList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/orders/{id}/notifications".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrderNotificationList | Problem | None:
    if response.status_code == 200:
        response_200 = OrderNotificationList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[OrderNotificationList | Problem]:
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
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[OrderNotificationList | Problem]:
    """List the notifications of an order

     Request the notifications of an Order by ID, newest first, as a list envelope (`link`,
    `available`, `returned`, `items`) paged by `limit` and `offset`. This is a synchronous
    API called on a Seller endpoint, where the seller's processing of the order (confirmation
    or error), the buyer's hold, release and cancel, and the seller's moves (items completed
    or failed, jeopardy, the order's completion) each add a notification with the next
    `notificationVersion`. At a Buyer endpoint it lists the notifications received.
    404 when the order is unknown here and has no notification.

    Args:
        id (str):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderNotificationList | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> OrderNotificationList | Problem | None:
    """List the notifications of an order

     Request the notifications of an Order by ID, newest first, as a list envelope (`link`,
    `available`, `returned`, `items`) paged by `limit` and `offset`. This is a synchronous
    API called on a Seller endpoint, where the seller's processing of the order (confirmation
    or error), the buyer's hold, release and cancel, and the seller's moves (items completed
    or failed, jeopardy, the order's completion) each add a notification with the next
    `notificationVersion`. At a Buyer endpoint it lists the notifications received.
    404 when the order is unknown here and has no notification.

    Args:
        id (str):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderNotificationList | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[OrderNotificationList | Problem]:
    """List the notifications of an order

     Request the notifications of an Order by ID, newest first, as a list envelope (`link`,
    `available`, `returned`, `items`) paged by `limit` and `offset`. This is a synchronous
    API called on a Seller endpoint, where the seller's processing of the order (confirmation
    or error), the buyer's hold, release and cancel, and the seller's moves (items completed
    or failed, jeopardy, the order's completion) each add a notification with the next
    `notificationVersion`. At a Buyer endpoint it lists the notifications received.
    404 when the order is unknown here and has no notification.

    Args:
        id (str):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderNotificationList | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> OrderNotificationList | Problem | None:
    """List the notifications of an order

     Request the notifications of an Order by ID, newest first, as a list envelope (`link`,
    `available`, `returned`, `items`) paged by `limit` and `offset`. This is a synchronous
    API called on a Seller endpoint, where the seller's processing of the order (confirmation
    or error), the buyer's hold, release and cancel, and the seller's moves (items completed
    or failed, jeopardy, the order's completion) each add a notification with the next
    `notificationVersion`. At a Buyer endpoint it lists the notifications received.
    404 when the order is unknown here and has no notification.

    Args:
        id (str):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderNotificationList | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            limit=limit,
            offset=offset,
        )
    ).parsed
