from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.send_webhook_trigger_body import SendWebhookTriggerBody
from ...models.success_response import SuccessResponse
from ...types import Response


def _get_kwargs(
    w_id: str,
    webhook_source_id: str,
    webhook_source_url_secret: str,
    *,
    body: SendWebhookTriggerBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/w/{w_id}/triggers/hooks/{webhook_source_id}/{webhook_source_url_secret}".format(
            w_id=quote(str(w_id), safe=""),
            webhook_source_id=quote(str(webhook_source_id), safe=""),
            webhook_source_url_secret=quote(str(webhook_source_url_secret), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    webhook_source_id: str,
    webhook_source_url_secret: str,
    *,
    client: AuthenticatedClient | Client,
    body: SendWebhookTriggerBody,
) -> Response[APIError | SuccessResponse]:
    """Send an external webhook to a trigger source

     The URL's last segment is the source's secret (it authenticates the call; Dust answers 401
    `webhook_source_auth_error` when it does not match). The body must be `application/json`, at most 2
    MB.

    Args:
        w_id (str):
        webhook_source_id (str):
        webhook_source_url_secret (str):
        body (SendWebhookTriggerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | SuccessResponse]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        webhook_source_id=webhook_source_id,
        webhook_source_url_secret=webhook_source_url_secret,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    w_id: str,
    webhook_source_id: str,
    webhook_source_url_secret: str,
    *,
    client: AuthenticatedClient | Client,
    body: SendWebhookTriggerBody,
) -> APIError | SuccessResponse | None:
    """Send an external webhook to a trigger source

     The URL's last segment is the source's secret (it authenticates the call; Dust answers 401
    `webhook_source_auth_error` when it does not match). The body must be `application/json`, at most 2
    MB.

    Args:
        w_id (str):
        webhook_source_id (str):
        webhook_source_url_secret (str):
        body (SendWebhookTriggerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | SuccessResponse
    """

    return sync_detailed(
        w_id=w_id,
        webhook_source_id=webhook_source_id,
        webhook_source_url_secret=webhook_source_url_secret,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    w_id: str,
    webhook_source_id: str,
    webhook_source_url_secret: str,
    *,
    client: AuthenticatedClient | Client,
    body: SendWebhookTriggerBody,
) -> Response[APIError | SuccessResponse]:
    """Send an external webhook to a trigger source

     The URL's last segment is the source's secret (it authenticates the call; Dust answers 401
    `webhook_source_auth_error` when it does not match). The body must be `application/json`, at most 2
    MB.

    Args:
        w_id (str):
        webhook_source_id (str):
        webhook_source_url_secret (str):
        body (SendWebhookTriggerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | SuccessResponse]
    """

    kwargs = _get_kwargs(
        w_id=w_id,
        webhook_source_id=webhook_source_id,
        webhook_source_url_secret=webhook_source_url_secret,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    w_id: str,
    webhook_source_id: str,
    webhook_source_url_secret: str,
    *,
    client: AuthenticatedClient | Client,
    body: SendWebhookTriggerBody,
) -> APIError | SuccessResponse | None:
    """Send an external webhook to a trigger source

     The URL's last segment is the source's secret (it authenticates the call; Dust answers 401
    `webhook_source_auth_error` when it does not match). The body must be `application/json`, at most 2
    MB.

    Args:
        w_id (str):
        webhook_source_id (str):
        webhook_source_url_secret (str):
        body (SendWebhookTriggerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | SuccessResponse
    """

    return (
        await asyncio_detailed(
            w_id=w_id,
            webhook_source_id=webhook_source_id,
            webhook_source_url_secret=webhook_source_url_secret,
            client=client,
            body=body,
        )
    ).parsed
