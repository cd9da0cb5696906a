from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.order import Order
from ...models.order_list import OrderList
from ...models.order_status import OrderStatus
from ...models.order_type import OrderType
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    buyer_id: str | Unset = UNSET,
    id: str | Unset = UNSET,
    pon: str | Unset = UNSET,
    order_status: OrderStatus | Unset = UNSET,
    order_type: OrderType | Unset = UNSET,
    order_date_from: str | Unset = UNSET,
    order_date_to: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    order_date_gt: str | Unset = UNSET,
    order_date_lt: str | Unset = UNSET,
    requested_completion_date_gt: str | Unset = UNSET,
    requested_completion_date_lt: str | Unset = UNSET,
    expected_completion_date_gt: str | Unset = UNSET,
    expected_completion_date_lt: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["buyerId"] = buyer_id

    params["id"] = id

    params["pon"] = pon

    json_order_status: str | Unset = UNSET
    if not isinstance(order_status, Unset):
        json_order_status = order_status.value

    params["orderStatus"] = json_order_status

    json_order_type: str | Unset = UNSET
    if not isinstance(order_type, Unset):
        json_order_type = order_type.value

    params["orderType"] = json_order_type

    params["orderDateFrom"] = order_date_from

    params["orderDateTo"] = order_date_to

    params["projectId"] = project_id

    params["orderDate.gt"] = order_date_gt

    params["orderDate.lt"] = order_date_lt

    params["requestedCompletionDate.gt"] = requested_completion_date_gt

    params["requestedCompletionDate.lt"] = requested_completion_date_lt

    params["expectedCompletionDate.gt"] = expected_completion_date_gt

    params["expectedCompletionDate.lt"] = expected_completion_date_lt

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/orders",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Order | OrderList | Problem | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> Order | OrderList:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = OrderList.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = Order.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

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
) -> Response[Order | OrderList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    buyer_id: str | Unset = UNSET,
    id: str | Unset = UNSET,
    pon: str | Unset = UNSET,
    order_status: OrderStatus | Unset = UNSET,
    order_type: OrderType | Unset = UNSET,
    order_date_from: str | Unset = UNSET,
    order_date_to: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    order_date_gt: str | Unset = UNSET,
    order_date_lt: str | Unset = UNSET,
    requested_completion_date_gt: str | Unset = UNSET,
    requested_completion_date_lt: str | Unset = UNSET,
    expected_completion_date_gt: str | Unset = UNSET,
    expected_completion_date_lt: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[Order | OrderList | Problem]:
    """List orders, or get one order by ID or Buyer Purchase Order Number

     Retrieve all Orders for the Buyer ID supplied in the query string (`?buyerId=Verizon`),
    as a list envelope (`link`, `available`, `returned`, `items`).

    With `id` or `pon`, retrieve a single Order (not an envelope): by ID, or by Buyer
    Purchase Order Number, in which case the latest version of that order is returned.
    A 404 problem is returned when no order matches.

    Lists are ordered newest first (by creation) and are stable under paging;
    `available` is the number of orders matching the filters.

    Args:
        buyer_id (str | Unset):
        id (str | Unset):
        pon (str | Unset):
        order_status (OrderStatus | Unset): ACKNOWLEDGED: received, not yet accepted. IN_PROGRESS:
            accepted and being worked.
            HELD: held by the buyer. CANCELLED: cancelled by the buyer. REJECTED: refused by the
            seller.
            COMPLETED: every item delivered. FAILED: no item could be delivered. PARTIAL: the items
            ended differently (some completed, some failed).
        order_type (OrderType | Unset):
        order_date_from (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        order_date_to (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        project_id (str | Unset):
        order_date_gt (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        order_date_lt (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        requested_completion_date_gt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        requested_completion_date_lt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        expected_completion_date_gt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        expected_completion_date_lt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Order | OrderList | Problem]
    """

    kwargs = _get_kwargs(
        buyer_id=buyer_id,
        id=id,
        pon=pon,
        order_status=order_status,
        order_type=order_type,
        order_date_from=order_date_from,
        order_date_to=order_date_to,
        project_id=project_id,
        order_date_gt=order_date_gt,
        order_date_lt=order_date_lt,
        requested_completion_date_gt=requested_completion_date_gt,
        requested_completion_date_lt=requested_completion_date_lt,
        expected_completion_date_gt=expected_completion_date_gt,
        expected_completion_date_lt=expected_completion_date_lt,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    buyer_id: str | Unset = UNSET,
    id: str | Unset = UNSET,
    pon: str | Unset = UNSET,
    order_status: OrderStatus | Unset = UNSET,
    order_type: OrderType | Unset = UNSET,
    order_date_from: str | Unset = UNSET,
    order_date_to: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    order_date_gt: str | Unset = UNSET,
    order_date_lt: str | Unset = UNSET,
    requested_completion_date_gt: str | Unset = UNSET,
    requested_completion_date_lt: str | Unset = UNSET,
    expected_completion_date_gt: str | Unset = UNSET,
    expected_completion_date_lt: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Order | OrderList | Problem | None:
    """List orders, or get one order by ID or Buyer Purchase Order Number

     Retrieve all Orders for the Buyer ID supplied in the query string (`?buyerId=Verizon`),
    as a list envelope (`link`, `available`, `returned`, `items`).

    With `id` or `pon`, retrieve a single Order (not an envelope): by ID, or by Buyer
    Purchase Order Number, in which case the latest version of that order is returned.
    A 404 problem is returned when no order matches.

    Lists are ordered newest first (by creation) and are stable under paging;
    `available` is the number of orders matching the filters.

    Args:
        buyer_id (str | Unset):
        id (str | Unset):
        pon (str | Unset):
        order_status (OrderStatus | Unset): ACKNOWLEDGED: received, not yet accepted. IN_PROGRESS:
            accepted and being worked.
            HELD: held by the buyer. CANCELLED: cancelled by the buyer. REJECTED: refused by the
            seller.
            COMPLETED: every item delivered. FAILED: no item could be delivered. PARTIAL: the items
            ended differently (some completed, some failed).
        order_type (OrderType | Unset):
        order_date_from (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        order_date_to (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        project_id (str | Unset):
        order_date_gt (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        order_date_lt (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        requested_completion_date_gt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        requested_completion_date_lt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        expected_completion_date_gt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        expected_completion_date_lt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Order | OrderList | Problem
    """

    return sync_detailed(
        client=client,
        buyer_id=buyer_id,
        id=id,
        pon=pon,
        order_status=order_status,
        order_type=order_type,
        order_date_from=order_date_from,
        order_date_to=order_date_to,
        project_id=project_id,
        order_date_gt=order_date_gt,
        order_date_lt=order_date_lt,
        requested_completion_date_gt=requested_completion_date_gt,
        requested_completion_date_lt=requested_completion_date_lt,
        expected_completion_date_gt=expected_completion_date_gt,
        expected_completion_date_lt=expected_completion_date_lt,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    buyer_id: str | Unset = UNSET,
    id: str | Unset = UNSET,
    pon: str | Unset = UNSET,
    order_status: OrderStatus | Unset = UNSET,
    order_type: OrderType | Unset = UNSET,
    order_date_from: str | Unset = UNSET,
    order_date_to: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    order_date_gt: str | Unset = UNSET,
    order_date_lt: str | Unset = UNSET,
    requested_completion_date_gt: str | Unset = UNSET,
    requested_completion_date_lt: str | Unset = UNSET,
    expected_completion_date_gt: str | Unset = UNSET,
    expected_completion_date_lt: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[Order | OrderList | Problem]:
    """List orders, or get one order by ID or Buyer Purchase Order Number

     Retrieve all Orders for the Buyer ID supplied in the query string (`?buyerId=Verizon`),
    as a list envelope (`link`, `available`, `returned`, `items`).

    With `id` or `pon`, retrieve a single Order (not an envelope): by ID, or by Buyer
    Purchase Order Number, in which case the latest version of that order is returned.
    A 404 problem is returned when no order matches.

    Lists are ordered newest first (by creation) and are stable under paging;
    `available` is the number of orders matching the filters.

    Args:
        buyer_id (str | Unset):
        id (str | Unset):
        pon (str | Unset):
        order_status (OrderStatus | Unset): ACKNOWLEDGED: received, not yet accepted. IN_PROGRESS:
            accepted and being worked.
            HELD: held by the buyer. CANCELLED: cancelled by the buyer. REJECTED: refused by the
            seller.
            COMPLETED: every item delivered. FAILED: no item could be delivered. PARTIAL: the items
            ended differently (some completed, some failed).
        order_type (OrderType | Unset):
        order_date_from (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        order_date_to (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        project_id (str | Unset):
        order_date_gt (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        order_date_lt (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        requested_completion_date_gt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        requested_completion_date_lt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        expected_completion_date_gt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        expected_completion_date_lt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Order | OrderList | Problem]
    """

    kwargs = _get_kwargs(
        buyer_id=buyer_id,
        id=id,
        pon=pon,
        order_status=order_status,
        order_type=order_type,
        order_date_from=order_date_from,
        order_date_to=order_date_to,
        project_id=project_id,
        order_date_gt=order_date_gt,
        order_date_lt=order_date_lt,
        requested_completion_date_gt=requested_completion_date_gt,
        requested_completion_date_lt=requested_completion_date_lt,
        expected_completion_date_gt=expected_completion_date_gt,
        expected_completion_date_lt=expected_completion_date_lt,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    buyer_id: str | Unset = UNSET,
    id: str | Unset = UNSET,
    pon: str | Unset = UNSET,
    order_status: OrderStatus | Unset = UNSET,
    order_type: OrderType | Unset = UNSET,
    order_date_from: str | Unset = UNSET,
    order_date_to: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    order_date_gt: str | Unset = UNSET,
    order_date_lt: str | Unset = UNSET,
    requested_completion_date_gt: str | Unset = UNSET,
    requested_completion_date_lt: str | Unset = UNSET,
    expected_completion_date_gt: str | Unset = UNSET,
    expected_completion_date_lt: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Order | OrderList | Problem | None:
    """List orders, or get one order by ID or Buyer Purchase Order Number

     Retrieve all Orders for the Buyer ID supplied in the query string (`?buyerId=Verizon`),
    as a list envelope (`link`, `available`, `returned`, `items`).

    With `id` or `pon`, retrieve a single Order (not an envelope): by ID, or by Buyer
    Purchase Order Number, in which case the latest version of that order is returned.
    A 404 problem is returned when no order matches.

    Lists are ordered newest first (by creation) and are stable under paging;
    `available` is the number of orders matching the filters.

    Args:
        buyer_id (str | Unset):
        id (str | Unset):
        pon (str | Unset):
        order_status (OrderStatus | Unset): ACKNOWLEDGED: received, not yet accepted. IN_PROGRESS:
            accepted and being worked.
            HELD: held by the buyer. CANCELLED: cancelled by the buyer. REJECTED: refused by the
            seller.
            COMPLETED: every item delivered. FAILED: no item could be delivered. PARTIAL: the items
            ended differently (some completed, some failed).
        order_type (OrderType | Unset):
        order_date_from (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        order_date_to (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        project_id (str | Unset):
        order_date_gt (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        order_date_lt (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001
            to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted
            (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example: 2016-10-01T13:20+01:00.
        requested_completion_date_gt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        requested_completion_date_lt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        expected_completion_date_gt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        expected_completion_date_lt (str | Unset): RFC 3339 date-time on a real calendar day of
            the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be
            omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Order | OrderList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            buyer_id=buyer_id,
            id=id,
            pon=pon,
            order_status=order_status,
            order_type=order_type,
            order_date_from=order_date_from,
            order_date_to=order_date_to,
            project_id=project_id,
            order_date_gt=order_date_gt,
            order_date_lt=order_date_lt,
            requested_completion_date_gt=requested_completion_date_gt,
            requested_completion_date_lt=requested_completion_date_lt,
            expected_completion_date_gt=expected_completion_date_gt,
            expected_completion_date_lt=expected_completion_date_lt,
            limit=limit,
            offset=offset,
        )
    ).parsed
