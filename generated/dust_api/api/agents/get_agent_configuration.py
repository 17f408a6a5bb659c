from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.get_agent_configuration_response_200 import (
    GetAgentConfigurationResponse200,
)
from ...models.get_agent_configuration_variant import GetAgentConfigurationVariant
from ...types import UNSET, Response, Unset


def _get_kwargs(
    w_id: str,
    s_id: str,
    *,
    variant: GetAgentConfigurationVariant | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_variant: str | Unset = UNSET
    if not isinstance(variant, Unset):
        json_variant = variant.value

    params["variant"] = json_variant

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/w/{w_id}/assistant/agent_configurations/{s_id}".format(
            w_id=quote(str(w_id), safe=""),
            s_id=quote(str(s_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | GetAgentConfigurationResponse200:
    if response.status_code == 200:
        response_200 = GetAgentConfigurationResponse200.from_dict(response.json())

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
) -> Response[APIError | GetAgentConfigurationResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    w_id: str,
    s_id: str,
    *,
    client: AuthenticatedClient | Client,
    variant: GetAgentConfigurationVariant | Unset = UNSET,
) -> Response[APIError | GetAgentConfigurationResponse200]:
    """Get an agent configuration

     One agent by its sId (e.g. `dust`); `variant=full` adds its actions.

    Args:
        w_id (str):
        s_id (str):
        variant (GetAgentConfigurationVariant | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | GetAgentConfigurationResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        s_id=s_id,
        variant=variant,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    s_id: str,
    *,
    client: AuthenticatedClient | Client,
    variant: GetAgentConfigurationVariant | Unset = UNSET,
) -> APIError | GetAgentConfigurationResponse200 | None:
    """Get an agent configuration

     One agent by its sId (e.g. `dust`); `variant=full` adds its actions.

    Args:
        w_id (str):
        s_id (str):
        variant (GetAgentConfigurationVariant | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | GetAgentConfigurationResponse200
    """

    return sync_detailed(
        w_id=w_id,
        s_id=s_id,
        client=client,
        variant=variant,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    s_id: str,
    *,
    client: AuthenticatedClient | Client,
    variant: GetAgentConfigurationVariant | Unset = UNSET,
) -> Response[APIError | GetAgentConfigurationResponse200]:
    """Get an agent configuration

     One agent by its sId (e.g. `dust`); `variant=full` adds its actions.

    Args:
        w_id (str):
        s_id (str):
        variant (GetAgentConfigurationVariant | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | GetAgentConfigurationResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        s_id=s_id,
        variant=variant,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    s_id: str,
    *,
    client: AuthenticatedClient | Client,
    variant: GetAgentConfigurationVariant | Unset = UNSET,
) -> APIError | GetAgentConfigurationResponse200 | None:
    """Get an agent configuration

     One agent by its sId (e.g. `dust`); `variant=full` adds its actions.

    Args:
        w_id (str):
        s_id (str):
        variant (GetAgentConfigurationVariant | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | GetAgentConfigurationResponse200
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            s_id=s_id,
            client=client,
            variant=variant,
        )
    ).parsed
