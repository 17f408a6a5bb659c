from http import HTTPStatus
from io import BytesIO
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.get_file_action import GetFileAction
from ...models.get_file_version import GetFileVersion
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    w_id: str,
    file_id: str,
    *,
    action: GetFileAction | Unset = UNSET,
    version: GetFileVersion | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_action: str | Unset = UNSET
    if not isinstance(action, Unset):
        json_action = action.value

    params["action"] = json_action

    json_version: str | Unset = UNSET
    if not isinstance(version, Unset):
        json_version = version.value

    params["version"] = json_version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/w/{w_id}/files/{file_id}".format(
            w_id=quote(str(w_id), safe=""),
            file_id=quote(str(file_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | Any | File:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 302:
        response_302 = cast(Any, None)
        return response_302

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
) -> Response[APIError | Any | File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    w_id: str,
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    action: GetFileAction | Unset = UNSET,
    version: GetFileVersion | Unset = UNSET,
) -> Response[APIError | Any | File]:
    """Download (action=download) or view a file

    Args:
        w_id (str):
        file_id (str):
        action (GetFileAction | Unset):
        version (GetFileVersion | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | Any | File]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        file_id=file_id,
        action=action,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    action: GetFileAction | Unset = UNSET,
    version: GetFileVersion | Unset = UNSET,
) -> APIError | Any | File | None:
    """Download (action=download) or view a file

    Args:
        w_id (str):
        file_id (str):
        action (GetFileAction | Unset):
        version (GetFileVersion | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | Any | File
    """

    return sync_detailed(
        w_id=w_id,
        file_id=file_id,
        client=client,
        action=action,
        version=version,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    action: GetFileAction | Unset = UNSET,
    version: GetFileVersion | Unset = UNSET,
) -> Response[APIError | Any | File]:
    """Download (action=download) or view a file

    Args:
        w_id (str):
        file_id (str):
        action (GetFileAction | Unset):
        version (GetFileVersion | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | Any | File]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        file_id=file_id,
        action=action,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    action: GetFileAction | Unset = UNSET,
    version: GetFileVersion | Unset = UNSET,
) -> APIError | Any | File | None:
    """Download (action=download) or view a file

    Args:
        w_id (str):
        file_id (str):
        action (GetFileAction | Unset):
        version (GetFileVersion | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | Any | File
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            file_id=file_id,
            client=client,
            action=action,
            version=version,
        )
    ).parsed
