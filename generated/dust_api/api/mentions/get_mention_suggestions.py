from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.get_mention_suggestions_response_200 import (
    GetMentionSuggestionsResponse200,
)
from ...models.get_mention_suggestions_select_item import (
    GetMentionSuggestionsSelectItem,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    w_id: str,
    *,
    query: str,
    select: list[GetMentionSuggestionsSelectItem] | Unset = UNSET,
    current: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["query"] = query

    json_select: list[str] | Unset = UNSET
    if not isinstance(select, Unset):
        json_select = []
        for select_item_data in select:
            select_item = select_item_data.value
            json_select.append(select_item)

    params["select"] = json_select

    params["current"] = current

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/w/{w_id}/assistant/mentions/suggestions".format(
            w_id=quote(str(w_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | GetMentionSuggestionsResponse200:
    if response.status_code == 200:
        response_200 = GetMentionSuggestionsResponse200.from_dict(response.json())

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
) -> Response[APIError | GetMentionSuggestionsResponse200]:
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
    select: list[GetMentionSuggestionsSelectItem] | Unset = UNSET,
    current: bool | Unset = UNSET,
) -> Response[APIError | GetMentionSuggestionsResponse200]:
    """Mention suggestions

    Args:
        w_id (str):
        query (str):
        select (list[GetMentionSuggestionsSelectItem] | Unset):
        current (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | GetMentionSuggestionsResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        query=query,
        select=select,
        current=current,
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
    select: list[GetMentionSuggestionsSelectItem] | Unset = UNSET,
    current: bool | Unset = UNSET,
) -> APIError | GetMentionSuggestionsResponse200 | None:
    """Mention suggestions

    Args:
        w_id (str):
        query (str):
        select (list[GetMentionSuggestionsSelectItem] | Unset):
        current (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | GetMentionSuggestionsResponse200
    """

    return sync_detailed(
        w_id=w_id,
        client=client,
        query=query,
        select=select,
        current=current,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    query: str,
    select: list[GetMentionSuggestionsSelectItem] | Unset = UNSET,
    current: bool | Unset = UNSET,
) -> Response[APIError | GetMentionSuggestionsResponse200]:
    """Mention suggestions

    Args:
        w_id (str):
        query (str):
        select (list[GetMentionSuggestionsSelectItem] | Unset):
        current (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | GetMentionSuggestionsResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        query=query,
        select=select,
        current=current,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    query: str,
    select: list[GetMentionSuggestionsSelectItem] | Unset = UNSET,
    current: bool | Unset = UNSET,
) -> APIError | GetMentionSuggestionsResponse200 | None:
    """Mention suggestions

    Args:
        w_id (str):
        query (str):
        select (list[GetMentionSuggestionsSelectItem] | Unset):
        current (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | GetMentionSuggestionsResponse200
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            client=client,
            query=query,
            select=select,
            current=current,
        )
    ).parsed
