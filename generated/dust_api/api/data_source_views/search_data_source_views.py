from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.search_data_source_views_response_200 import (
    SearchDataSourceViewsResponse200,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    w_id: str,
    *,
    data_source_id: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    vault_id: str | Unset = UNSET,
    vault_kind: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["dataSourceId"] = data_source_id

    params["kind"] = kind

    params["vaultId"] = vault_id

    params["vaultKind"] = vault_kind

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/w/{w_id}/data_source_views/search".format(
            w_id=quote(str(w_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | SearchDataSourceViewsResponse200:
    if response.status_code == 200:
        response_200 = SearchDataSourceViewsResponse200.from_dict(response.json())

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
) -> Response[APIError | SearchDataSourceViewsResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    data_source_id: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    vault_id: str | Unset = UNSET,
    vault_kind: str | Unset = UNSET,
) -> Response[APIError | SearchDataSourceViewsResponse200]:
    """Find data source views across spaces

     Views across the workspace, filtered by data source, view kind (`default`/`custom`), space or space
    kind.

    Args:
        w_id (str):
        data_source_id (str | Unset):
        kind (str | Unset):
        vault_id (str | Unset):
        vault_kind (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | SearchDataSourceViewsResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        data_source_id=data_source_id,
        kind=kind,
        vault_id=vault_id,
        vault_kind=vault_kind,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    data_source_id: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    vault_id: str | Unset = UNSET,
    vault_kind: str | Unset = UNSET,
) -> APIError | SearchDataSourceViewsResponse200 | None:
    """Find data source views across spaces

     Views across the workspace, filtered by data source, view kind (`default`/`custom`), space or space
    kind.

    Args:
        w_id (str):
        data_source_id (str | Unset):
        kind (str | Unset):
        vault_id (str | Unset):
        vault_kind (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | SearchDataSourceViewsResponse200
    """

    return sync_detailed(
        w_id=w_id,
        client=client,
        data_source_id=data_source_id,
        kind=kind,
        vault_id=vault_id,
        vault_kind=vault_kind,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    data_source_id: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    vault_id: str | Unset = UNSET,
    vault_kind: str | Unset = UNSET,
) -> Response[APIError | SearchDataSourceViewsResponse200]:
    """Find data source views across spaces

     Views across the workspace, filtered by data source, view kind (`default`/`custom`), space or space
    kind.

    Args:
        w_id (str):
        data_source_id (str | Unset):
        kind (str | Unset):
        vault_id (str | Unset):
        vault_kind (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | SearchDataSourceViewsResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        data_source_id=data_source_id,
        kind=kind,
        vault_id=vault_id,
        vault_kind=vault_kind,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    data_source_id: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    vault_id: str | Unset = UNSET,
    vault_kind: str | Unset = UNSET,
) -> APIError | SearchDataSourceViewsResponse200 | None:
    """Find data source views across spaces

     Views across the workspace, filtered by data source, view kind (`default`/`custom`), space or space
    kind.

    Args:
        w_id (str):
        data_source_id (str | Unset):
        kind (str | Unset):
        vault_id (str | Unset):
        vault_kind (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | SearchDataSourceViewsResponse200
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            client=client,
            data_source_id=data_source_id,
            kind=kind,
            vault_id=vault_id,
            vault_kind=vault_kind,
        )
    ).parsed
