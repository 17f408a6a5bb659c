from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.stream_search_nodes_view_type import StreamSearchNodesViewType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    w_id: str,
    *,
    query: str,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    view_type: StreamSearchNodesViewType | Unset = UNSET,
    space_ids: str | Unset = UNSET,
    include_data_sources: bool | Unset = UNSET,
    search_source_urls: bool | Unset = UNSET,
    include_tools: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["query"] = query

    params["limit"] = limit

    params["cursor"] = cursor

    json_view_type: str | Unset = UNSET
    if not isinstance(view_type, Unset):
        json_view_type = view_type.value

    params["viewType"] = json_view_type

    params["spaceIds"] = space_ids

    params["includeDataSources"] = include_data_sources

    params["searchSourceUrls"] = search_source_urls

    params["includeTools"] = include_tools

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/w/{w_id}/search".format(
            w_id=quote(str(w_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | str:
    if response.status_code == 200:
        response_200 = response.text
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
) -> Response[APIError | str]:
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
    query: str,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    view_type: StreamSearchNodesViewType | Unset = UNSET,
    space_ids: str | Unset = UNSET,
    include_data_sources: bool | Unset = UNSET,
    search_source_urls: bool | Unset = UNSET,
    include_tools: bool | Unset = UNSET,
) -> Response[APIError | str]:
    """Search nodes across the workspace (streamed, SSE)

    Args:
        w_id (str):
        query (str):
        limit (int | Unset):
        cursor (str | Unset):
        view_type (StreamSearchNodesViewType | Unset):
        space_ids (str | Unset):
        include_data_sources (bool | Unset):
        search_source_urls (bool | Unset):
        include_tools (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | str]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        query=query,
        limit=limit,
        cursor=cursor,
        view_type=view_type,
        space_ids=space_ids,
        include_data_sources=include_data_sources,
        search_source_urls=search_source_urls,
        include_tools=include_tools,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    query: str,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    view_type: StreamSearchNodesViewType | Unset = UNSET,
    space_ids: str | Unset = UNSET,
    include_data_sources: bool | Unset = UNSET,
    search_source_urls: bool | Unset = UNSET,
    include_tools: bool | Unset = UNSET,
) -> APIError | str | None:
    """Search nodes across the workspace (streamed, SSE)

    Args:
        w_id (str):
        query (str):
        limit (int | Unset):
        cursor (str | Unset):
        view_type (StreamSearchNodesViewType | Unset):
        space_ids (str | Unset):
        include_data_sources (bool | Unset):
        search_source_urls (bool | Unset):
        include_tools (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | str
    """

    return sync_detailed(
        w_id=w_id,
        client=client,
        query=query,
        limit=limit,
        cursor=cursor,
        view_type=view_type,
        space_ids=space_ids,
        include_data_sources=include_data_sources,
        search_source_urls=search_source_urls,
        include_tools=include_tools,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    query: str,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    view_type: StreamSearchNodesViewType | Unset = UNSET,
    space_ids: str | Unset = UNSET,
    include_data_sources: bool | Unset = UNSET,
    search_source_urls: bool | Unset = UNSET,
    include_tools: bool | Unset = UNSET,
) -> Response[APIError | str]:
    """Search nodes across the workspace (streamed, SSE)

    Args:
        w_id (str):
        query (str):
        limit (int | Unset):
        cursor (str | Unset):
        view_type (StreamSearchNodesViewType | Unset):
        space_ids (str | Unset):
        include_data_sources (bool | Unset):
        search_source_urls (bool | Unset):
        include_tools (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | str]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        query=query,
        limit=limit,
        cursor=cursor,
        view_type=view_type,
        space_ids=space_ids,
        include_data_sources=include_data_sources,
        search_source_urls=search_source_urls,
        include_tools=include_tools,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    query: str,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    view_type: StreamSearchNodesViewType | Unset = UNSET,
    space_ids: str | Unset = UNSET,
    include_data_sources: bool | Unset = UNSET,
    search_source_urls: bool | Unset = UNSET,
    include_tools: bool | Unset = UNSET,
) -> APIError | str | None:
    """Search nodes across the workspace (streamed, SSE)

    Args:
        w_id (str):
        query (str):
        limit (int | Unset):
        cursor (str | Unset):
        view_type (StreamSearchNodesViewType | Unset):
        space_ids (str | Unset):
        include_data_sources (bool | Unset):
        search_source_urls (bool | Unset):
        include_tools (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | str
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            client=client,
            query=query,
            limit=limit,
            cursor=cursor,
            view_type=view_type,
            space_ids=space_ids,
            include_data_sources=include_data_sources,
            search_source_urls=search_source_urls,
            include_tools=include_tools,
        )
    ).parsed
