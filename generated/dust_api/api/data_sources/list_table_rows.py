from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.table_row_page import TableRowPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    w_id: str,
    space_id: str,
    ds_id: str,
    t_id: str,
    *,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/w/{w_id}/spaces/{space_id}/data_sources/{ds_id}/tables/{t_id}/rows".format(
            w_id=quote(str(w_id), safe=""),
            space_id=quote(str(space_id), safe=""),
            ds_id=quote(str(ds_id), safe=""),
            t_id=quote(str(t_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | TableRowPage:
    if response.status_code == 200:
        response_200 = TableRowPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = APIError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = APIError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = APIError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = APIError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = APIError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = APIError.from_dict(response.json())

        return response_500

    response_default = APIError.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[APIError | TableRowPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    w_id: str,
    space_id: str,
    ds_id: str,
    t_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Response[APIError | TableRowPage]:
    """List rows (paginated with limit/offset)

    Args:
        w_id (str):
        space_id (str):
        ds_id (str):
        t_id (str):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | TableRowPage]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        space_id=space_id,
        ds_id=ds_id,
        t_id=t_id,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    space_id: str,
    ds_id: str,
    t_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> APIError | TableRowPage | None:
    """List rows (paginated with limit/offset)

    Args:
        w_id (str):
        space_id (str):
        ds_id (str):
        t_id (str):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | TableRowPage
    """

    return sync_detailed(
        w_id=w_id,
        space_id=space_id,
        ds_id=ds_id,
        t_id=t_id,
        client=client,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    space_id: str,
    ds_id: str,
    t_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Response[APIError | TableRowPage]:
    """List rows (paginated with limit/offset)

    Args:
        w_id (str):
        space_id (str):
        ds_id (str):
        t_id (str):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | TableRowPage]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        space_id=space_id,
        ds_id=ds_id,
        t_id=t_id,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    space_id: str,
    ds_id: str,
    t_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> APIError | TableRowPage | None:
    """List rows (paginated with limit/offset)

    Args:
        w_id (str):
        space_id (str):
        ds_id (str):
        t_id (str):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | TableRowPage
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            space_id=space_id,
            ds_id=ds_id,
            t_id=t_id,
            client=client,
            limit=limit,
            offset=offset,
        )
    ).parsed
