from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.upsert_document_body import UpsertDocumentBody
from ...models.upserted_document import UpsertedDocument
from ...types import Response


def _get_kwargs(
    w_id: str,
    space_id: str,
    ds_id: str,
    document_id: str,
    *,
    body: UpsertDocumentBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/w/{w_id}/spaces/{space_id}/data_sources/{ds_id}/documents/{document_id}".format(
            w_id=quote(str(w_id), safe=""),
            space_id=quote(str(space_id), safe=""),
            ds_id=quote(str(ds_id), safe=""),
            document_id=quote(str(document_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | UpsertedDocument:
    if response.status_code == 200:
        response_200 = UpsertedDocument.from_dict(response.json())

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
) -> Response[APIError | UpsertedDocument]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    w_id: str,
    space_id: str,
    ds_id: str,
    document_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpsertDocumentBody,
) -> Response[APIError | UpsertedDocument]:
    """Create or replace a document

    Args:
        w_id (str):
        space_id (str):
        ds_id (str):
        document_id (str):
        body (UpsertDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | UpsertedDocument]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        space_id=space_id,
        ds_id=ds_id,
        document_id=document_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    space_id: str,
    ds_id: str,
    document_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpsertDocumentBody,
) -> APIError | UpsertedDocument | None:
    """Create or replace a document

    Args:
        w_id (str):
        space_id (str):
        ds_id (str):
        document_id (str):
        body (UpsertDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | UpsertedDocument
    """

    return sync_detailed(
        w_id=w_id,
        space_id=space_id,
        ds_id=ds_id,
        document_id=document_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    space_id: str,
    ds_id: str,
    document_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpsertDocumentBody,
) -> Response[APIError | UpsertedDocument]:
    """Create or replace a document

    Args:
        w_id (str):
        space_id (str):
        ds_id (str):
        document_id (str):
        body (UpsertDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | UpsertedDocument]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        space_id=space_id,
        ds_id=ds_id,
        document_id=document_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    space_id: str,
    ds_id: str,
    document_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpsertDocumentBody,
) -> APIError | UpsertedDocument | None:
    """Create or replace a document

    Args:
        w_id (str):
        space_id (str):
        ds_id (str):
        document_id (str):
        body (UpsertDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | UpsertedDocument
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            space_id=space_id,
            ds_id=ds_id,
            document_id=document_id,
            client=client,
            body=body,
        )
    ).parsed
