from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.mcp_registration import MCPRegistration
from ...models.register_mcp_server_body import RegisterMcpServerBody
from ...types import Response


def _get_kwargs(
    w_id: str,
    *,
    body: RegisterMcpServerBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/w/{w_id}/mcp/register".format(
            w_id=quote(str(w_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | MCPRegistration:
    if response.status_code == 200:
        response_200 = MCPRegistration.from_dict(response.json())

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
) -> Response[APIError | MCPRegistration]:
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
    body: RegisterMcpServerBody,
) -> Response[APIError | MCPRegistration]:
    """Register a client-side MCP server

    Args:
        w_id (str):
        body (RegisterMcpServerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | MCPRegistration]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RegisterMcpServerBody,
) -> APIError | MCPRegistration | None:
    """Register a client-side MCP server

    Args:
        w_id (str):
        body (RegisterMcpServerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | MCPRegistration
    """

    return sync_detailed(
        w_id=w_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RegisterMcpServerBody,
) -> Response[APIError | MCPRegistration]:
    """Register a client-side MCP server

    Args:
        w_id (str):
        body (RegisterMcpServerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | MCPRegistration]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RegisterMcpServerBody,
) -> APIError | MCPRegistration | None:
    """Register a client-side MCP server

    Args:
        w_id (str):
        body (RegisterMcpServerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | MCPRegistration
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            client=client,
            body=body,
        )
    ).parsed
