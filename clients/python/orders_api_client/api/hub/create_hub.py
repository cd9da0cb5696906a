from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_subscription import EventSubscription
from ...models.event_subscription_input import EventSubscriptionInput
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: EventSubscriptionInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/hub",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EventSubscription | Problem | None:
    if response.status_code == 201:
        response_201 = EventSubscription.from_dict(response.json())

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
) -> Response[EventSubscription | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EventSubscriptionInput,
) -> Response[EventSubscription | Problem]:
    """Subscribe to the buyer's notifications

     Registers where the caller's notifications are delivered: each notification of its
    orders that matches `query` is POSTed to `{callback}/orders/{id}/notifications` (the
    buyer's Order Notification API), at least once and in order per order. Every matching
    subscription receives it; a buyer with no subscription receives its notifications at
    the endpoint the seller's operator configured, if any.

    `callback` must be an `https` URL whose host does not resolve to a loopback,
    link-local, private, reserved, multicast or unspecified address (422 naming
    `callback`), unless the seller's operator allows private callbacks. `query` is
    `eventType=` and one or more notification types separated by commas
    (`eventType=COMPLETION,JEOPARDY`: either); without it every notification is delivered.

    Args:
        body (EventSubscriptionInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventSubscription | Problem]
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
    client: AuthenticatedClient | Client,
    body: EventSubscriptionInput,
) -> EventSubscription | Problem | None:
    """Subscribe to the buyer's notifications

     Registers where the caller's notifications are delivered: each notification of its
    orders that matches `query` is POSTed to `{callback}/orders/{id}/notifications` (the
    buyer's Order Notification API), at least once and in order per order. Every matching
    subscription receives it; a buyer with no subscription receives its notifications at
    the endpoint the seller's operator configured, if any.

    `callback` must be an `https` URL whose host does not resolve to a loopback,
    link-local, private, reserved, multicast or unspecified address (422 naming
    `callback`), unless the seller's operator allows private callbacks. `query` is
    `eventType=` and one or more notification types separated by commas
    (`eventType=COMPLETION,JEOPARDY`: either); without it every notification is delivered.

    Args:
        body (EventSubscriptionInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventSubscription | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EventSubscriptionInput,
) -> Response[EventSubscription | Problem]:
    """Subscribe to the buyer's notifications

     Registers where the caller's notifications are delivered: each notification of its
    orders that matches `query` is POSTed to `{callback}/orders/{id}/notifications` (the
    buyer's Order Notification API), at least once and in order per order. Every matching
    subscription receives it; a buyer with no subscription receives its notifications at
    the endpoint the seller's operator configured, if any.

    `callback` must be an `https` URL whose host does not resolve to a loopback,
    link-local, private, reserved, multicast or unspecified address (422 naming
    `callback`), unless the seller's operator allows private callbacks. `query` is
    `eventType=` and one or more notification types separated by commas
    (`eventType=COMPLETION,JEOPARDY`: either); without it every notification is delivered.

    Args:
        body (EventSubscriptionInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventSubscription | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: EventSubscriptionInput,
) -> EventSubscription | Problem | None:
    """Subscribe to the buyer's notifications

     Registers where the caller's notifications are delivered: each notification of its
    orders that matches `query` is POSTed to `{callback}/orders/{id}/notifications` (the
    buyer's Order Notification API), at least once and in order per order. Every matching
    subscription receives it; a buyer with no subscription receives its notifications at
    the endpoint the seller's operator configured, if any.

    `callback` must be an `https` URL whose host does not resolve to a loopback,
    link-local, private, reserved, multicast or unspecified address (422 naming
    `callback`), unless the seller's operator allows private callbacks. `query` is
    `eventType=` and one or more notification types separated by commas
    (`eventType=COMPLETION,JEOPARDY`: either); without it every notification is delivered.

    Args:
        body (EventSubscriptionInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventSubscription | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
