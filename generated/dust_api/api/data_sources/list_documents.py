from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.document_page import DocumentPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    w_id: str,
    space_id: str,
    ds_id: str,
    *,
    document_ids: list[str] | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_document_ids: list[str] | Unset = UNSET
    if not isinstance(document_ids, Unset):
        json_document_ids = document_ids

    params["document_ids"] = json_document_ids

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/w/{w_id}/spaces/{space_id}/data_sources/{ds_id}/documents".format(
            w_id=quote(str(w_id), safe=""),
            space_id=quote(str(space_id), safe=""),
            ds_id=quote(str(ds_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | DocumentPage:
    if response.status_code == 200:
        response_200 = DocumentPage.from_dict(response.json())

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
) -> Response[APIError | DocumentPage]:
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
    *,
    client: AuthenticatedClient | Client,
    document_ids: list[str] | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Response[APIError | DocumentPage]:
    """List documents (paginated with limit/offset)

    Args:
        w_id (str):
        space_id (str):
        ds_id (str):
        document_ids (list[str] | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | DocumentPage]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        space_id=space_id,
        ds_id=ds_id,
        document_ids=document_ids,
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
    *,
    client: AuthenticatedClient | Client,
    document_ids: list[str] | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> APIError | DocumentPage | None:
    """List documents (paginated with limit/offset)

    Args:
        w_id (str):
        space_id (str):
        ds_id (str):
        document_ids (list[str] | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | DocumentPage
    """

    return sync_detailed(
        w_id=w_id,
        space_id=space_id,
        ds_id=ds_id,
        client=client,
        document_ids=document_ids,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    space_id: str,
    ds_id: str,
    *,
    client: AuthenticatedClient | Client,
    document_ids: list[str] | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Response[APIError | DocumentPage]:
    """List documents (paginated with limit/offset)

    Args:
        w_id (str):
        space_id (str):
        ds_id (str):
        document_ids (list[str] | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | DocumentPage]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        space_id=space_id,
        ds_id=ds_id,
        document_ids=document_ids,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    space_id: str,
    ds_id: str,
    *,
    client: AuthenticatedClient | Client,
    document_ids: list[str] | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> APIError | DocumentPage | None:
    """List documents (paginated with limit/offset)

    Args:
        w_id (str):
        space_id (str):
        ds_id (str):
        document_ids (list[str] | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | DocumentPage
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            space_id=space_id,
            ds_id=ds_id,
            client=client,
            document_ids=document_ids,
            limit=limit,
            offset=offset,
        )
    ).parsed
