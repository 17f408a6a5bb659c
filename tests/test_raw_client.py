"""``client.raw``: the generated client (dust_api) on the Dust client's request path."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dust_api.api.conversations import create_conversation
from dust_api.api.spaces import list_spaces
from dust_api.models import CreateConversationBody, ListSpacesResponse200
from sdk_support import NO_WAIT, emulator_config

from dust_ext import AsyncDustClient, DustClient, DustConfig, DustNotFoundError, DustServerError
from dust_ext.testing import EmulatorServer
from dust_ext.testing.hostile import Exchange, HostileServer, response_bytes

KEY = "sk-raw-client-secret"
SPACES = b'{"spaces": []}'


def _config(server: HostileServer) -> DustConfig:
    return DustConfig(workspace_id="W", api_key=KEY, base_url=server.url)


@pytest.fixture
def flaky_server() -> Iterator[HostileServer]:
    """503 with Retry-After: 0 on the first request, then the spaces list."""

    seen: list[Exchange] = []

    def handler(exchange: Exchange) -> None:
        seen.append(exchange)
        if len(seen) == 1:
            exchange.send(
                response_bytes(503, b'{"error": {"type": "x", "message": "busy"}}', {"Retry-After": "0"})
            )
        else:
            exchange.send(response_bytes(200, SPACES, content_type="application/json"))

    with HostileServer(handler) as server:
        yield server


def test_raw_calls_get_auth_user_agent_and_retries(flaky_server: HostileServer) -> None:
    with DustClient(_config(flaky_server), sleep=lambda _seconds: None) as client:
        response = list_spaces.sync_detailed("W", client=client.raw)
        user_agent = client.config.user_agent
    assert response.status_code == 200
    assert isinstance(response.parsed, ListSpacesResponse200)
    assert [request.path for request in flaky_server.requests] == ["/api/v1/w/W/spaces"] * 2
    for request in flaky_server.requests:
        assert request.headers["authorization"] == f"Bearer {KEY}"
        assert request.headers["user-agent"] == user_agent


async def test_async_raw_calls_get_auth_and_retries(flaky_server: HostileServer) -> None:
    async def no_wait(_seconds: float) -> None:
        return None

    async with AsyncDustClient(_config(flaky_server), sleep=no_wait) as client:
        response = await list_spaces.asyncio_detailed("W", client=client.raw)
    assert response.status_code == 200
    assert len(flaky_server.requests) == 2
    assert flaky_server.requests[1].headers["authorization"] == f"Bearer {KEY}"


def test_raw_client_never_holds_the_key() -> None:
    with DustClient(workspace_id="W", api_key=KEY) as client:
        assert KEY not in repr(client.raw)
        assert KEY not in str(client.raw.token)


def test_raw_calls_raise_typed_errors_and_never_resend_a_post() -> None:
    def handler(exchange: Exchange) -> None:
        exchange.send(response_bytes(502, b"bad gateway"))

    with HostileServer(handler) as server, DustClient(_config(server), sleep=lambda _s: None) as client:
        body = CreateConversationBody.from_dict({"title": "t", "visibility": "unlisted"})
        with pytest.raises(DustServerError) as caught:
            create_conversation.sync_detailed("W", client=client.raw, body=body)
    assert caught.value.status_code == 502
    assert len(server.requests) == 1  # a POST the server may have acted on is not sent again


def test_raw_calls_against_the_emulator(fresh_dust_emulator: EmulatorServer) -> None:
    with DustClient(emulator_config(fresh_dust_emulator), retry_policy=NO_WAIT) as client:
        listed = list_spaces.sync(fresh_dust_emulator.workspace_id, client=client.raw)
        assert isinstance(listed, ListSpacesResponse200)
        assert {space.s_id for space in listed.spaces} == {space.sId for space in client.spaces.list()}
        with pytest.raises(DustNotFoundError):
            list_spaces.sync_detailed("no-such-workspace", client=client.raw)
