from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.get_me_response_200 import GetMeResponse200
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/me",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | GetMeResponse200:
    if response.status_code == 200:
        response_200 = GetMeResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = APIError.from_dict(response.json())

        return response_401

    if response.status_code == 405:
        response_405 = APIError.from_dict(response.json())

        return response_405

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
) -> Response[APIError | GetMeResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[APIError | GetMeResponse200]:
    """The user behind an OAuth access token, with their workspaces (API keys get a 401)

     Dust's front/pages/api/v1/me.ts (withTokenAuthentication, scope read:user_profile). Not workspace-
    scoped; a workspace API key is not a user token and gets 401 not_authenticated, an expired token 401
    expired_oauth_token_error.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | GetMeResponse200]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> APIError | GetMeResponse200 | None:
    """The user behind an OAuth access token, with their workspaces (API keys get a 401)

     Dust's front/pages/api/v1/me.ts (withTokenAuthentication, scope read:user_profile). Not workspace-
    scoped; a workspace API key is not a user token and gets 401 not_authenticated, an expired token 401
    expired_oauth_token_error.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | GetMeResponse200
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[APIError | GetMeResponse200]:
    """The user behind an OAuth access token, with their workspaces (API keys get a 401)

     Dust's front/pages/api/v1/me.ts (withTokenAuthentication, scope read:user_profile). Not workspace-
    scoped; a workspace API key is not a user token and gets 401 not_authenticated, an expired token 401
    expired_oauth_token_error.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | GetMeResponse200]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> APIError | GetMeResponse200 | None:
    """The user behind an OAuth access token, with their workspaces (API keys get a 401)

     Dust's front/pages/api/v1/me.ts (withTokenAuthentication, scope read:user_profile). Not workspace-
    scoped; a workspace API key is not a user token and gets 401 not_authenticated, an expired token 401
    expired_oauth_token_error.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | GetMeResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
