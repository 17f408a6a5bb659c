from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...types import Response


def _get_kwargs(
    w_id: str,
    s_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/w/{w_id}/assistant/agent_configurations/{s_id}/export/yaml".format(
            w_id=quote(str(w_id), safe=""),
            s_id=quote(str(s_id), safe=""),
        ),
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
    s_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[APIError | str]:
    """Export an agent configuration as YAML

     The agent configuration in Dust's agent YAML format, as text.

    Args:
        w_id (str):
        s_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | str]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        s_id=s_id,
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
) -> APIError | str | None:
    """Export an agent configuration as YAML

     The agent configuration in Dust's agent YAML format, as text.

    Args:
        w_id (str):
        s_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | str
    """

    return sync_detailed(
        w_id=w_id,
        s_id=s_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    s_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[APIError | str]:
    """Export an agent configuration as YAML

     The agent configuration in Dust's agent YAML format, as text.

    Args:
        w_id (str):
        s_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | str]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        s_id=s_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    s_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> APIError | str | None:
    """Export an agent configuration as YAML

     The agent configuration in Dust's agent YAML format, as text.

    Args:
        w_id (str):
        s_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | str
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            s_id=s_id,
            client=client,
        )
    ).parsed
