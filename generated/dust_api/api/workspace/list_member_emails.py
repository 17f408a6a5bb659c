from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.list_member_emails_response_200 import ListMemberEmailsResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    w_id: str,
    *,
    active_only: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["activeOnly"] = active_only

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/w/{w_id}/members/emails".format(
            w_id=quote(str(w_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | ListMemberEmailsResponse200:
    if response.status_code == 200:
        response_200 = ListMemberEmailsResponse200.from_dict(response.json())

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
) -> Response[APIError | ListMemberEmailsResponse200]:
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
    active_only: bool | Unset = UNSET,
) -> Response[APIError | ListMemberEmailsResponse200]:
    """Emails of the workspace's active members

     `activeOnly=true` leaves out revoked members.

    Args:
        w_id (str):
        active_only (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | ListMemberEmailsResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        active_only=active_only,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    active_only: bool | Unset = UNSET,
) -> APIError | ListMemberEmailsResponse200 | None:
    """Emails of the workspace's active members

     `activeOnly=true` leaves out revoked members.

    Args:
        w_id (str):
        active_only (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | ListMemberEmailsResponse200
    """

    return sync_detailed(
        w_id=w_id,
        client=client,
        active_only=active_only,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    active_only: bool | Unset = UNSET,
) -> Response[APIError | ListMemberEmailsResponse200]:
    """Emails of the workspace's active members

     `activeOnly=true` leaves out revoked members.

    Args:
        w_id (str):
        active_only (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | ListMemberEmailsResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        active_only=active_only,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    active_only: bool | Unset = UNSET,
) -> APIError | ListMemberEmailsResponse200 | None:
    """Emails of the workspace's active members

     `activeOnly=true` leaves out revoked members.

    Args:
        w_id (str):
        active_only (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | ListMemberEmailsResponse200
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            client=client,
            active_only=active_only,
        )
    ).parsed
