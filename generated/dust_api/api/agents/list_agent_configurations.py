from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.list_agent_configurations_view import ListAgentConfigurationsView
from ...models.list_agent_configurations_with_authors import (
    ListAgentConfigurationsWithAuthors,
)
from ...models.list_agents_response import ListAgentsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    w_id: str,
    *,
    view: ListAgentConfigurationsView | Unset = UNSET,
    with_authors: ListAgentConfigurationsWithAuthors | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_view: str | Unset = UNSET
    if not isinstance(view, Unset):
        json_view = view.value

    params["view"] = json_view

    json_with_authors: str | Unset = UNSET
    if not isinstance(with_authors, Unset):
        json_with_authors = with_authors.value

    params["withAuthors"] = json_with_authors

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/w/{w_id}/assistant/agent_configurations".format(
            w_id=quote(str(w_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | ListAgentsResponse:
    if response.status_code == 200:
        response_200 = ListAgentsResponse.from_dict(response.json())

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
) -> Response[APIError | ListAgentsResponse]:
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
    view: ListAgentConfigurationsView | Unset = UNSET,
    with_authors: ListAgentConfigurationsWithAuthors | Unset = UNSET,
) -> Response[APIError | ListAgentsResponse]:
    """List agents

     The agents the caller can use; `view` selects which (`list`, the default: the caller's list; `all`,
    `workspace`, `published`, `global`, `favorites`). `withAuthors=true` adds each agent's last authors.

    Args:
        w_id (str):
        view (ListAgentConfigurationsView | Unset):
        with_authors (ListAgentConfigurationsWithAuthors | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | ListAgentsResponse]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        view=view,
        with_authors=with_authors,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    view: ListAgentConfigurationsView | Unset = UNSET,
    with_authors: ListAgentConfigurationsWithAuthors | Unset = UNSET,
) -> APIError | ListAgentsResponse | None:
    """List agents

     The agents the caller can use; `view` selects which (`list`, the default: the caller's list; `all`,
    `workspace`, `published`, `global`, `favorites`). `withAuthors=true` adds each agent's last authors.

    Args:
        w_id (str):
        view (ListAgentConfigurationsView | Unset):
        with_authors (ListAgentConfigurationsWithAuthors | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | ListAgentsResponse
    """

    return sync_detailed(
        w_id=w_id,
        client=client,
        view=view,
        with_authors=with_authors,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    view: ListAgentConfigurationsView | Unset = UNSET,
    with_authors: ListAgentConfigurationsWithAuthors | Unset = UNSET,
) -> Response[APIError | ListAgentsResponse]:
    """List agents

     The agents the caller can use; `view` selects which (`list`, the default: the caller's list; `all`,
    `workspace`, `published`, `global`, `favorites`). `withAuthors=true` adds each agent's last authors.

    Args:
        w_id (str):
        view (ListAgentConfigurationsView | Unset):
        with_authors (ListAgentConfigurationsWithAuthors | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | ListAgentsResponse]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        view=view,
        with_authors=with_authors,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    view: ListAgentConfigurationsView | Unset = UNSET,
    with_authors: ListAgentConfigurationsWithAuthors | Unset = UNSET,
) -> APIError | ListAgentsResponse | None:
    """List agents

     The agents the caller can use; `view` selects which (`list`, the default: the caller's list; `all`,
    `workspace`, `published`, `global`, `favorites`). `withAuthors=true` adds each agent's last authors.

    Args:
        w_id (str):
        view (ListAgentConfigurationsView | Unset):
        with_authors (ListAgentConfigurationsWithAuthors | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | ListAgentsResponse
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            client=client,
            view=view,
            with_authors=with_authors,
        )
    ).parsed
