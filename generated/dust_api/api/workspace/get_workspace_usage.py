from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.get_workspace_usage_format import GetWorkspaceUsageFormat
from ...models.get_workspace_usage_mode import GetWorkspaceUsageMode
from ...models.get_workspace_usage_table import GetWorkspaceUsageTable
from ...types import UNSET, Response, Unset


def _get_kwargs(
    w_id: str,
    *,
    start: str,
    end: str | Unset = UNSET,
    mode: GetWorkspaceUsageMode,
    format_: GetWorkspaceUsageFormat | Unset = UNSET,
    table: GetWorkspaceUsageTable,
    include_inactive: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["start"] = start

    params["end"] = end

    json_mode = mode.value
    params["mode"] = json_mode

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_table = table.value
    params["table"] = json_table

    params["includeInactive"] = include_inactive

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/w/{w_id}/workspace-usage".format(
            w_id=quote(str(w_id), safe=""),
        ),
        "params": params,
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
    *,
    client: AuthenticatedClient | Client,
    start: str,
    end: str | Unset = UNSET,
    mode: GetWorkspaceUsageMode,
    format_: GetWorkspaceUsageFormat | Unset = UNSET,
    table: GetWorkspaceUsageTable,
    include_inactive: bool | Unset = UNSET,
) -> Response[APIError | str]:
    """Workspace usage as CSV, JSON or a ZIP of CSVs

    Args:
        w_id (str):
        start (str):
        end (str | Unset):
        mode (GetWorkspaceUsageMode):
        format_ (GetWorkspaceUsageFormat | Unset):
        table (GetWorkspaceUsageTable):
        include_inactive (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | str]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        start=start,
        end=end,
        mode=mode,
        format_=format_,
        table=table,
        include_inactive=include_inactive,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    start: str,
    end: str | Unset = UNSET,
    mode: GetWorkspaceUsageMode,
    format_: GetWorkspaceUsageFormat | Unset = UNSET,
    table: GetWorkspaceUsageTable,
    include_inactive: bool | Unset = UNSET,
) -> APIError | str | None:
    """Workspace usage as CSV, JSON or a ZIP of CSVs

    Args:
        w_id (str):
        start (str):
        end (str | Unset):
        mode (GetWorkspaceUsageMode):
        format_ (GetWorkspaceUsageFormat | Unset):
        table (GetWorkspaceUsageTable):
        include_inactive (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | str
    """

    return sync_detailed(
        w_id=w_id,
        client=client,
        start=start,
        end=end,
        mode=mode,
        format_=format_,
        table=table,
        include_inactive=include_inactive,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    start: str,
    end: str | Unset = UNSET,
    mode: GetWorkspaceUsageMode,
    format_: GetWorkspaceUsageFormat | Unset = UNSET,
    table: GetWorkspaceUsageTable,
    include_inactive: bool | Unset = UNSET,
) -> Response[APIError | str]:
    """Workspace usage as CSV, JSON or a ZIP of CSVs

    Args:
        w_id (str):
        start (str):
        end (str | Unset):
        mode (GetWorkspaceUsageMode):
        format_ (GetWorkspaceUsageFormat | Unset):
        table (GetWorkspaceUsageTable):
        include_inactive (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | str]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        start=start,
        end=end,
        mode=mode,
        format_=format_,
        table=table,
        include_inactive=include_inactive,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    start: str,
    end: str | Unset = UNSET,
    mode: GetWorkspaceUsageMode,
    format_: GetWorkspaceUsageFormat | Unset = UNSET,
    table: GetWorkspaceUsageTable,
    include_inactive: bool | Unset = UNSET,
) -> APIError | str | None:
    """Workspace usage as CSV, JSON or a ZIP of CSVs

    Args:
        w_id (str):
        start (str):
        end (str | Unset):
        mode (GetWorkspaceUsageMode):
        format_ (GetWorkspaceUsageFormat | Unset):
        table (GetWorkspaceUsageTable):
        include_inactive (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | str
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            client=client,
            start=start,
            end=end,
            mode=mode,
            format_=format_,
            table=table,
            include_inactive=include_inactive,
        )
    ).parsed
