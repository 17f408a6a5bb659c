from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.create_app_run_body import CreateAppRunBody
from ...models.create_app_run_response_200 import CreateAppRunResponse200
from ...models.create_app_run_use_workspace_credentials import (
    CreateAppRunUseWorkspaceCredentials,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    w_id: str,
    space_id: str,
    a_id: str,
    *,
    body: CreateAppRunBody,
    use_workspace_credentials: CreateAppRunUseWorkspaceCredentials | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_use_workspace_credentials: str | Unset = UNSET
    if not isinstance(use_workspace_credentials, Unset):
        json_use_workspace_credentials = use_workspace_credentials.value

    params["use_workspace_credentials"] = json_use_workspace_credentials

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/w/{w_id}/spaces/{space_id}/apps/{a_id}/runs".format(
            w_id=quote(str(w_id), safe=""),
            space_id=quote(str(space_id), safe=""),
            a_id=quote(str(a_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | CreateAppRunResponse200:
    if response.status_code == 200:
        response_200 = CreateAppRunResponse200.from_dict(response.json())

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
) -> Response[APIError | CreateAppRunResponse200]:
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
    *,
    client: AuthenticatedClient | Client,
    body: CreateAppRunBody,
    use_workspace_credentials: CreateAppRunUseWorkspaceCredentials | Unset = UNSET,
) -> Response[APIError | CreateAppRunResponse200]:
    """Run an app (blocking, or streamed as SSE when stream=true)

    Args:
        w_id (str):
        space_id (str):
        a_id (str):
        use_workspace_credentials (CreateAppRunUseWorkspaceCredentials | Unset):
        body (CreateAppRunBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | CreateAppRunResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        space_id=space_id,
        a_id=a_id,
        body=body,
        use_workspace_credentials=use_workspace_credentials,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    space_id: str,
    a_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateAppRunBody,
    use_workspace_credentials: CreateAppRunUseWorkspaceCredentials | Unset = UNSET,
) -> APIError | CreateAppRunResponse200 | None:
    """Run an app (blocking, or streamed as SSE when stream=true)

    Args:
        w_id (str):
        space_id (str):
        a_id (str):
        use_workspace_credentials (CreateAppRunUseWorkspaceCredentials | Unset):
        body (CreateAppRunBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | CreateAppRunResponse200
    """

    return sync_detailed(
        w_id=w_id,
        space_id=space_id,
        a_id=a_id,
        client=client,
        body=body,
        use_workspace_credentials=use_workspace_credentials,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    space_id: str,
    a_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateAppRunBody,
    use_workspace_credentials: CreateAppRunUseWorkspaceCredentials | Unset = UNSET,
) -> Response[APIError | CreateAppRunResponse200]:
    """Run an app (blocking, or streamed as SSE when stream=true)

    Args:
        w_id (str):
        space_id (str):
        a_id (str):
        use_workspace_credentials (CreateAppRunUseWorkspaceCredentials | Unset):
        body (CreateAppRunBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | CreateAppRunResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        space_id=space_id,
        a_id=a_id,
        body=body,
        use_workspace_credentials=use_workspace_credentials,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    space_id: str,
    a_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateAppRunBody,
    use_workspace_credentials: CreateAppRunUseWorkspaceCredentials | Unset = UNSET,
) -> APIError | CreateAppRunResponse200 | None:
    """Run an app (blocking, or streamed as SSE when stream=true)

    Args:
        w_id (str):
        space_id (str):
        a_id (str):
        use_workspace_credentials (CreateAppRunUseWorkspaceCredentials | Unset):
        body (CreateAppRunBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | CreateAppRunResponse200
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            space_id=space_id,
            a_id=a_id,
            client=client,
            body=body,
            use_workspace_credentials=use_workspace_credentials,
        )
    ).parsed
