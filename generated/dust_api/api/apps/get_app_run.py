from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.get_app_run_response_200 import GetAppRunResponse200
from ...types import Response


def _get_kwargs(
    w_id: str,
    space_id: str,
    a_id: str,
    run_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/w/{w_id}/spaces/{space_id}/apps/{a_id}/runs/{run_id}".format(
            w_id=quote(str(w_id), safe=""),
            space_id=quote(str(space_id), safe=""),
            a_id=quote(str(a_id), safe=""),
            run_id=quote(str(run_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | GetAppRunResponse200:
    if response.status_code == 200:
        response_200 = GetAppRunResponse200.from_dict(response.json())

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
) -> Response[APIError | GetAppRunResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    w_id: str,
    space_id: str,
    a_id: str,
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[APIError | GetAppRunResponse200]:
    """Get an app run

     A run's current state: status, traces and results.

    Args:
        w_id (str):
        space_id (str):
        a_id (str):
        run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | GetAppRunResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        space_id=space_id,
        a_id=a_id,
        run_id=run_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    space_id: str,
    a_id: str,
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> APIError | GetAppRunResponse200 | None:
    """Get an app run

     A run's current state: status, traces and results.

    Args:
        w_id (str):
        space_id (str):
        a_id (str):
        run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | GetAppRunResponse200
    """

    return sync_detailed(
        w_id=w_id,
        space_id=space_id,
        a_id=a_id,
        run_id=run_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    space_id: str,
    a_id: str,
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[APIError | GetAppRunResponse200]:
    """Get an app run

     A run's current state: status, traces and results.

    Args:
        w_id (str):
        space_id (str):
        a_id (str):
        run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | GetAppRunResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        space_id=space_id,
        a_id=a_id,
        run_id=run_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    space_id: str,
    a_id: str,
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> APIError | GetAppRunResponse200 | None:
    """Get an app run

     A run's current state: status, traces and results.

    Args:
        w_id (str):
        space_id (str):
        a_id (str):
        run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | GetAppRunResponse200
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            space_id=space_id,
            a_id=a_id,
            run_id=run_id,
            client=client,
        )
    ).parsed
