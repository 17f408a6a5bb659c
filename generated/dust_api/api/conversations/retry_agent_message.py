from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.retry_agent_message_response_200 import RetryAgentMessageResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    w_id: str,
    c_id: str,
    m_id: str,
    *,
    blocked_only: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["blocked_only"] = blocked_only

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/w/{w_id}/assistant/conversations/{c_id}/messages/{m_id}/retry".format(
            w_id=quote(str(w_id), safe=""),
            c_id=quote(str(c_id), safe=""),
            m_id=quote(str(m_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | RetryAgentMessageResponse200:
    if response.status_code == 200:
        response_200 = RetryAgentMessageResponse200.from_dict(response.json())

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
) -> Response[APIError | RetryAgentMessageResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    w_id: str,
    c_id: str,
    m_id: str,
    *,
    client: AuthenticatedClient | Client,
    blocked_only: bool | Unset = UNSET,
) -> Response[APIError | RetryAgentMessageResponse200]:
    """Retry a failed agent message

    Args:
        w_id (str):
        c_id (str):
        m_id (str):
        blocked_only (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | RetryAgentMessageResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        c_id=c_id,
        m_id=m_id,
        blocked_only=blocked_only,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    c_id: str,
    m_id: str,
    *,
    client: AuthenticatedClient | Client,
    blocked_only: bool | Unset = UNSET,
) -> APIError | RetryAgentMessageResponse200 | None:
    """Retry a failed agent message

    Args:
        w_id (str):
        c_id (str):
        m_id (str):
        blocked_only (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | RetryAgentMessageResponse200
    """

    return sync_detailed(
        w_id=w_id,
        c_id=c_id,
        m_id=m_id,
        client=client,
        blocked_only=blocked_only,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    c_id: str,
    m_id: str,
    *,
    client: AuthenticatedClient | Client,
    blocked_only: bool | Unset = UNSET,
) -> Response[APIError | RetryAgentMessageResponse200]:
    """Retry a failed agent message

    Args:
        w_id (str):
        c_id (str):
        m_id (str):
        blocked_only (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | RetryAgentMessageResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        c_id=c_id,
        m_id=m_id,
        blocked_only=blocked_only,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    c_id: str,
    m_id: str,
    *,
    client: AuthenticatedClient | Client,
    blocked_only: bool | Unset = UNSET,
) -> APIError | RetryAgentMessageResponse200 | None:
    """Retry a failed agent message

    Args:
        w_id (str):
        c_id (str):
        m_id (str):
        blocked_only (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | RetryAgentMessageResponse200
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            c_id=c_id,
            m_id=m_id,
            client=client,
            blocked_only=blocked_only,
        )
    ).parsed
