from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.search_data_source_view_response_200 import (
    SearchDataSourceViewResponse200,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    w_id: str,
    space_id: str,
    dsv_id: str,
    *,
    query: str,
    top_k: int,
    full_text: bool,
    target_document_tokens: int | Unset = UNSET,
    timestamp_gt: float | Unset = UNSET,
    timestamp_lt: float | Unset = UNSET,
    tags_in: list[str] | Unset = UNSET,
    tags_not: list[str] | Unset = UNSET,
    parents_in: list[str] | Unset = UNSET,
    parents_not: list[str] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["query"] = query

    params["top_k"] = top_k

    params["full_text"] = full_text

    params["target_document_tokens"] = target_document_tokens

    params["timestamp_gt"] = timestamp_gt

    params["timestamp_lt"] = timestamp_lt

    json_tags_in: list[str] | Unset = UNSET
    if not isinstance(tags_in, Unset):
        json_tags_in = tags_in

    params["tags_in"] = json_tags_in

    json_tags_not: list[str] | Unset = UNSET
    if not isinstance(tags_not, Unset):
        json_tags_not = tags_not

    params["tags_not"] = json_tags_not

    json_parents_in: list[str] | Unset = UNSET
    if not isinstance(parents_in, Unset):
        json_parents_in = parents_in

    params["parents_in"] = json_parents_in

    json_parents_not: list[str] | Unset = UNSET
    if not isinstance(parents_not, Unset):
        json_parents_not = parents_not

    params["parents_not"] = json_parents_not

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/w/{w_id}/spaces/{space_id}/data_source_views/{dsv_id}/search".format(
            w_id=quote(str(w_id), safe=""),
            space_id=quote(str(space_id), safe=""),
            dsv_id=quote(str(dsv_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | SearchDataSourceViewResponse200:
    if response.status_code == 200:
        response_200 = SearchDataSourceViewResponse200.from_dict(response.json())

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
) -> Response[APIError | SearchDataSourceViewResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    w_id: str,
    space_id: str,
    dsv_id: str,
    *,
    client: AuthenticatedClient | Client,
    query: str,
    top_k: int,
    full_text: bool,
    target_document_tokens: int | Unset = UNSET,
    timestamp_gt: float | Unset = UNSET,
    timestamp_lt: float | Unset = UNSET,
    tags_in: list[str] | Unset = UNSET,
    tags_not: list[str] | Unset = UNSET,
    parents_in: list[str] | Unset = UNSET,
    parents_not: list[str] | Unset = UNSET,
) -> Response[APIError | SearchDataSourceViewResponse200]:
    """Semantic search in a data source view

    Args:
        w_id (str):
        space_id (str):
        dsv_id (str):
        query (str):
        top_k (int):
        full_text (bool):
        target_document_tokens (int | Unset):
        timestamp_gt (float | Unset):
        timestamp_lt (float | Unset):
        tags_in (list[str] | Unset):
        tags_not (list[str] | Unset):
        parents_in (list[str] | Unset):
        parents_not (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | SearchDataSourceViewResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        space_id=space_id,
        dsv_id=dsv_id,
        query=query,
        top_k=top_k,
        full_text=full_text,
        target_document_tokens=target_document_tokens,
        timestamp_gt=timestamp_gt,
        timestamp_lt=timestamp_lt,
        tags_in=tags_in,
        tags_not=tags_not,
        parents_in=parents_in,
        parents_not=parents_not,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    space_id: str,
    dsv_id: str,
    *,
    client: AuthenticatedClient | Client,
    query: str,
    top_k: int,
    full_text: bool,
    target_document_tokens: int | Unset = UNSET,
    timestamp_gt: float | Unset = UNSET,
    timestamp_lt: float | Unset = UNSET,
    tags_in: list[str] | Unset = UNSET,
    tags_not: list[str] | Unset = UNSET,
    parents_in: list[str] | Unset = UNSET,
    parents_not: list[str] | Unset = UNSET,
) -> APIError | SearchDataSourceViewResponse200 | None:
    """Semantic search in a data source view

    Args:
        w_id (str):
        space_id (str):
        dsv_id (str):
        query (str):
        top_k (int):
        full_text (bool):
        target_document_tokens (int | Unset):
        timestamp_gt (float | Unset):
        timestamp_lt (float | Unset):
        tags_in (list[str] | Unset):
        tags_not (list[str] | Unset):
        parents_in (list[str] | Unset):
        parents_not (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | SearchDataSourceViewResponse200
    """

    return sync_detailed(
        w_id=w_id,
        space_id=space_id,
        dsv_id=dsv_id,
        client=client,
        query=query,
        top_k=top_k,
        full_text=full_text,
        target_document_tokens=target_document_tokens,
        timestamp_gt=timestamp_gt,
        timestamp_lt=timestamp_lt,
        tags_in=tags_in,
        tags_not=tags_not,
        parents_in=parents_in,
        parents_not=parents_not,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    space_id: str,
    dsv_id: str,
    *,
    client: AuthenticatedClient | Client,
    query: str,
    top_k: int,
    full_text: bool,
    target_document_tokens: int | Unset = UNSET,
    timestamp_gt: float | Unset = UNSET,
    timestamp_lt: float | Unset = UNSET,
    tags_in: list[str] | Unset = UNSET,
    tags_not: list[str] | Unset = UNSET,
    parents_in: list[str] | Unset = UNSET,
    parents_not: list[str] | Unset = UNSET,
) -> Response[APIError | SearchDataSourceViewResponse200]:
    """Semantic search in a data source view

    Args:
        w_id (str):
        space_id (str):
        dsv_id (str):
        query (str):
        top_k (int):
        full_text (bool):
        target_document_tokens (int | Unset):
        timestamp_gt (float | Unset):
        timestamp_lt (float | Unset):
        tags_in (list[str] | Unset):
        tags_not (list[str] | Unset):
        parents_in (list[str] | Unset):
        parents_not (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | SearchDataSourceViewResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        space_id=space_id,
        dsv_id=dsv_id,
        query=query,
        top_k=top_k,
        full_text=full_text,
        target_document_tokens=target_document_tokens,
        timestamp_gt=timestamp_gt,
        timestamp_lt=timestamp_lt,
        tags_in=tags_in,
        tags_not=tags_not,
        parents_in=parents_in,
        parents_not=parents_not,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    space_id: str,
    dsv_id: str,
    *,
    client: AuthenticatedClient | Client,
    query: str,
    top_k: int,
    full_text: bool,
    target_document_tokens: int | Unset = UNSET,
    timestamp_gt: float | Unset = UNSET,
    timestamp_lt: float | Unset = UNSET,
    tags_in: list[str] | Unset = UNSET,
    tags_not: list[str] | Unset = UNSET,
    parents_in: list[str] | Unset = UNSET,
    parents_not: list[str] | Unset = UNSET,
) -> APIError | SearchDataSourceViewResponse200 | None:
    """Semantic search in a data source view

    Args:
        w_id (str):
        space_id (str):
        dsv_id (str):
        query (str):
        top_k (int):
        full_text (bool):
        target_document_tokens (int | Unset):
        timestamp_gt (float | Unset):
        timestamp_lt (float | Unset):
        tags_in (list[str] | Unset):
        tags_not (list[str] | Unset):
        parents_in (list[str] | Unset):
        parents_not (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | SearchDataSourceViewResponse200
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            space_id=space_id,
            dsv_id=dsv_id,
            client=client,
            query=query,
            top_k=top_k,
            full_text=full_text,
            target_document_tokens=target_document_tokens,
            timestamp_gt=timestamp_gt,
            timestamp_lt=timestamp_lt,
            tags_in=tags_in,
            tags_not=tags_not,
            parents_in=parents_in,
            parents_not=parents_not,
        )
    ).parsed
