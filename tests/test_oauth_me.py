"""OAuth access tokens end to end: ``GET /api/v1/me`` and workspace calls with a user's token."""

from __future__ import annotations

import httpx
import pytest
from dust_api.api.workspace import get_me
from dust_api.models import GetMeResponse200
from oracle_support import js_schema_errors

from dust_ext import AsyncDustClient, DustClient, DustConfig, DustUnauthorizedError
from dust_ext.testing import EMULATOR_ACCESS_TOKEN, EmulatorServer
from dust_ext.types.users import MeUser, MeWorkspace


def _config(server: EmulatorServer, **credential: str) -> DustConfig:
    return DustConfig(workspace_id=server.workspace_id, base_url=server.base_url, max_retries=0, **credential)


def test_me_answers_for_an_access_token(fresh_dust_emulator: EmulatorServer) -> None:
    with DustClient(_config(fresh_dust_emulator, access_token=EMULATOR_ACCESS_TOKEN)) as client:
        me = get_me.sync(client=client.raw)
        assert isinstance(me, GetMeResponse200)
        assert [workspace.s_id for workspace in me.user.workspaces] == [fresh_dust_emulator.workspace_id]
        # The same token opens the workspace's API, as a user's token does on Dust.
        assert client.agents.get("dust").sId == "dust"


def test_me_refuses_an_api_key_as_dust_does(fresh_dust_emulator: EmulatorServer) -> None:
    config = _config(fresh_dust_emulator, api_key=fresh_dust_emulator.api_key)
    with DustClient(config) as client, pytest.raises(DustUnauthorizedError) as caught:
        get_me.sync_detailed(client=client.raw)
    assert caught.value.error_type == "not_authenticated"


def test_an_unknown_access_token_is_refused(fresh_dust_emulator: EmulatorServer) -> None:
    with (
        DustClient(
            _config(fresh_dust_emulator, access_token="eyJ.not-a-token-the-emulator-issued")
        ) as client,
        pytest.raises(DustUnauthorizedError) as caught,
    ):
        get_me.sync_detailed(client=client.raw)
    assert caught.value.error_type == "invalid_oauth_token_error"


def test_the_me_answer_is_what_the_js_sdk_validates(fresh_dust_emulator: EmulatorServer) -> None:
    response = httpx.get(
        f"{fresh_dust_emulator.base_url}/api/v1/me",
        headers={"Authorization": f"Bearer {EMULATOR_ACCESS_TOKEN}"},
    )
    assert response.status_code == 200
    assert js_schema_errors("MeResponseSchema", response.json()) == []


def test_workspace_me_returns_the_user(fresh_dust_emulator: EmulatorServer) -> None:
    with DustClient(_config(fresh_dust_emulator, access_token=EMULATOR_ACCESS_TOKEN)) as client:
        me = client.workspace.me()
        raw = client.workspace.with_raw_response.me()
    assert isinstance(me, MeUser)
    assert all(isinstance(workspace, MeWorkspace) for workspace in me.workspaces)
    assert me.email.endswith("@emulator.dust.tt")
    assert [(w.sId, w.role) for w in me.workspaces] == [(fresh_dust_emulator.workspace_id, "admin")]
    assert raw.status_code == 200
    assert raw.http_response.request.url.path == "/api/v1/me"
    assert raw.parse().sId == me.sId


async def test_async_workspace_me_and_the_api_key_refusal(fresh_dust_emulator: EmulatorServer) -> None:
    async with AsyncDustClient(_config(fresh_dust_emulator, access_token=EMULATOR_ACCESS_TOKEN)) as client:
        me = await client.workspace.me()
    assert me.username == "peter"
    async with AsyncDustClient(_config(fresh_dust_emulator, api_key=fresh_dust_emulator.api_key)) as client:
        with pytest.raises(DustUnauthorizedError, match="valid authentication"):
            await client.workspace.me()
