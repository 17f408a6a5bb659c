from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.success_response import SuccessResponse
from ...types import Response


def _get_kwargs(
    w_id: str,
    skill_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/w/{w_id}/skills/{skill_id}".format(
            w_id=quote(str(w_id), safe=""),
            skill_id=quote(str(skill_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | SuccessResponse:
    if response.status_code == 200:
        response_200 = SuccessResponse.from_dict(response.json())

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
) -> Response[APIError | SuccessResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    w_id: str,
    skill_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[APIError | SuccessResponse]:
    """Archive a custom skill

     Soft-archives the skill (it can be restored in the web app); answers success once archived.

    Args:
        w_id (str):
        skill_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | SuccessResponse]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        skill_id=skill_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    skill_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> APIError | SuccessResponse | None:
    """Archive a custom skill

     Soft-archives the skill (it can be restored in the web app); answers success once archived.

    Args:
        w_id (str):
        skill_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | SuccessResponse
    """

    return sync_detailed(
        w_id=w_id,
        skill_id=skill_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    skill_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[APIError | SuccessResponse]:
    """Archive a custom skill

     Soft-archives the skill (it can be restored in the web app); answers success once archived.

    Args:
        w_id (str):
        skill_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | SuccessResponse]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        skill_id=skill_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    skill_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> APIError | SuccessResponse | None:
    """Archive a custom skill

     Soft-archives the skill (it can be restored in the web app); answers success once archived.

    Args:
        w_id (str):
        skill_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | SuccessResponse
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            skill_id=skill_id,
            client=client,
        )
    ).parsed
