from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.list_skills_response_200 import ListSkillsResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    w_id: str,
    *,
    status: str | Unset = UNSET,
    availability: list[str] | Unset = UNSET,
    bypass_editor_visibility: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["status"] = status

    json_availability: list[str] | Unset = UNSET
    if not isinstance(availability, Unset):
        json_availability = availability

    params["availability"] = json_availability

    params["bypassEditorVisibility"] = bypass_editor_visibility

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/w/{w_id}/skills".format(
            w_id=quote(str(w_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | ListSkillsResponse200:
    if response.status_code == 200:
        response_200 = ListSkillsResponse200.from_dict(response.json())

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
) -> Response[APIError | ListSkillsResponse200]:
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
    status: str | Unset = UNSET,
    availability: list[str] | Unset = UNSET,
    bypass_editor_visibility: bool | Unset = UNSET,
) -> Response[APIError | ListSkillsResponse200]:
    """List the custom skills of the workspace

     Active skills unless `status` says otherwise. Unpublished skills (availability `editors`) are listed
    only with `bypassEditorVisibility=true`, which needs an admin key.

    Args:
        w_id (str):
        status (str | Unset):
        availability (list[str] | Unset):
        bypass_editor_visibility (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | ListSkillsResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        status=status,
        availability=availability,
        bypass_editor_visibility=bypass_editor_visibility,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    status: str | Unset = UNSET,
    availability: list[str] | Unset = UNSET,
    bypass_editor_visibility: bool | Unset = UNSET,
) -> APIError | ListSkillsResponse200 | None:
    """List the custom skills of the workspace

     Active skills unless `status` says otherwise. Unpublished skills (availability `editors`) are listed
    only with `bypassEditorVisibility=true`, which needs an admin key.

    Args:
        w_id (str):
        status (str | Unset):
        availability (list[str] | Unset):
        bypass_editor_visibility (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | ListSkillsResponse200
    """

    return sync_detailed(
        w_id=w_id,
        client=client,
        status=status,
        availability=availability,
        bypass_editor_visibility=bypass_editor_visibility,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    status: str | Unset = UNSET,
    availability: list[str] | Unset = UNSET,
    bypass_editor_visibility: bool | Unset = UNSET,
) -> Response[APIError | ListSkillsResponse200]:
    """List the custom skills of the workspace

     Active skills unless `status` says otherwise. Unpublished skills (availability `editors`) are listed
    only with `bypassEditorVisibility=true`, which needs an admin key.

    Args:
        w_id (str):
        status (str | Unset):
        availability (list[str] | Unset):
        bypass_editor_visibility (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | ListSkillsResponse200]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        status=status,
        availability=availability,
        bypass_editor_visibility=bypass_editor_visibility,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    *,
    client: AuthenticatedClient | Client,
    status: str | Unset = UNSET,
    availability: list[str] | Unset = UNSET,
    bypass_editor_visibility: bool | Unset = UNSET,
) -> APIError | ListSkillsResponse200 | None:
    """List the custom skills of the workspace

     Active skills unless `status` says otherwise. Unpublished skills (availability `editors`) are listed
    only with `bypassEditorVisibility=true`, which needs an admin key.

    Args:
        w_id (str):
        status (str | Unset):
        availability (list[str] | Unset):
        bypass_editor_visibility (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | ListSkillsResponse200
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            client=client,
            status=status,
            availability=availability,
            bypass_editor_visibility=bypass_editor_visibility,
        )
    ).parsed
