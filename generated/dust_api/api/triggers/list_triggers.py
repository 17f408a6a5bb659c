from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.list_triggers_kind import ListTriggersKind
from ...models.list_triggers_response_200 import ListTriggersResponse200
from ...models.list_triggers_status import ListTriggersStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    w_id: str,
    *,
    kind: ListTriggersKind | Unset = UNSET,
    status: ListTriggersStatus | Unset = UNSET,
    agent_configuration_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["agentConfigurationId"] = agent_configuration_id

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/w/{w_id}/triggers".format(
            w_id=quote(str(w_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | ListTriggersResponse200:
    if response.status_code == 200:
        response_200 = ListTriggersResponse200.from_dict(response.json())

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
) -> Response[APIError | ListTriggersResponse200]:
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
    kind: ListTriggersKind | Unset = UNSET,
    status: ListTriggersStatus | Unset = UNSET,
    agent_configuration_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Response[APIError | ListTriggersResponse200]:
    """List the agent triggers of the workspace

     Scheduled and webhook triggers across the workspace, enabled ones unless `status` says otherwise,
    `limit` (default 50, at most 100) from `offset`. Needs an admin API key (403 otherwise).

    Args:
        w_id (str):
        kind (ListTriggersKind | Unset):
        status (ListTriggersStatus | Unset):
        agent_configuration_id (str | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | ListTriggersResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        kind=kind,
        status=status,
        agent_configuration_id=agent_configuration_id,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    kind: ListTriggersKind | Unset = UNSET,
    status: ListTriggersStatus | Unset = UNSET,
    agent_configuration_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> APIError | ListTriggersResponse200 | None:
    """List the agent triggers of the workspace

     Scheduled and webhook triggers across the workspace, enabled ones unless `status` says otherwise,
    `limit` (default 50, at most 100) from `offset`. Needs an admin API key (403 otherwise).

    Args:
        w_id (str):
        kind (ListTriggersKind | Unset):
        status (ListTriggersStatus | Unset):
        agent_configuration_id (str | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | ListTriggersResponse200
    """

    return sync_detailed(
        w_id=w_id,
        client=client,
        kind=kind,
        status=status,
        agent_configuration_id=agent_configuration_id,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    kind: ListTriggersKind | Unset = UNSET,
    status: ListTriggersStatus | Unset = UNSET,
    agent_configuration_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Response[APIError | ListTriggersResponse200]:
    """List the agent triggers of the workspace

     Scheduled and webhook triggers across the workspace, enabled ones unless `status` says otherwise,
    `limit` (default 50, at most 100) from `offset`. Needs an admin API key (403 otherwise).

    Args:
        w_id (str):
        kind (ListTriggersKind | Unset):
        status (ListTriggersStatus | Unset):
        agent_configuration_id (str | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | ListTriggersResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        kind=kind,
        status=status,
        agent_configuration_id=agent_configuration_id,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    kind: ListTriggersKind | Unset = UNSET,
    status: ListTriggersStatus | Unset = UNSET,
    agent_configuration_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> APIError | ListTriggersResponse200 | None:
    """List the agent triggers of the workspace

     Scheduled and webhook triggers across the workspace, enabled ones unless `status` says otherwise,
    `limit` (default 50, at most 100) from `offset`. Needs an admin API key (403 otherwise).

    Args:
        w_id (str):
        kind (ListTriggersKind | Unset):
        status (ListTriggersStatus | Unset):
        agent_configuration_id (str | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | ListTriggersResponse200
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            client=client,
            kind=kind,
            status=status,
            agent_configuration_id=agent_configuration_id,
            limit=limit,
            offset=offset,
        )
    ).parsed
