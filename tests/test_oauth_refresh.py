"""OAuth access tokens expire: the client renews them with the refresh token, once per call, through
Dust's ``POST /api/v1/auth/authenticate``; the caller stores the new pair; no token is ever shown.

On the emulator (its issued tokens are JWTs that expire and refresh tokens that rotate, as WorkOS's do),
then against hostile servers written here (a server that keeps saying "expired", an exchange that fails
or echoes the token), sync and async.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from collections.abc import Callable
from typing import Any

import pytest
from dust_api.api.workspace import get_me
from dust_api.models import GetMeResponse200
from pydantic import SecretStr

from dust_ext import (
    AsyncDustClient,
    DustClient,
    DustConfig,
    DustConfigError,
    DustUnauthorizedError,
    OAuthTokens,
)
from dust_ext._core.oauth import EXPIRY_MARGIN, OAuthSession, token_expiry
from dust_ext.events import is_reply_text
from dust_ext.testing import EmulatorServer
from dust_ext.testing.hostile import Exchange, HostileServer, response_bytes

# --- reading a JWT's exp, without verifying it -----------------------------------------------------------


def _jwt(claims: dict[str, Any]) -> str:
    def segment(value: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    return f"{segment({'alg': 'RS256'})}.{segment(claims)}.signature-not-checked"


def test_token_expiry_reads_exp_and_nothing_else() -> None:
    assert token_expiry(_jwt({"exp": 1_900_000_000, "sub": "u"})) == 1_900_000_000.0
    assert token_expiry(_jwt({"exp": 1.5})) == 1.5
    for no_expiry in (
        _jwt({"sub": "u"}),
        _jwt({"exp": "soon"}),
        _jwt({"exp": True}),
        "sk-not-a-jwt",
        "a.b",
        "a.!!!.c",
        "a.bm90IGpzb24.c",  # "not json"
        f"a.{base64.urlsafe_b64encode(b'[1, 2]').decode()}.c",
    ):
        assert token_expiry(no_expiry) is None, no_expiry


def test_a_session_is_expiring_within_the_margin_and_only_with_a_refresh_token() -> None:
    now = 1_800_000_000.0
    token = SecretStr(_jwt({"exp": now + EXPIRY_MARGIN + 1}))
    assert not OAuthSession(token, SecretStr("r"), clock=lambda: now).expiring()
    assert OAuthSession(token, SecretStr("r"), clock=lambda: now + 2).expiring()
    assert not OAuthSession(token, None, clock=lambda: now + 2).expiring()
    assert not OAuthSession(SecretStr("opaque"), SecretStr("r"), clock=lambda: now).expiring()


def test_tokens_never_show_in_repr_or_str() -> None:
    access, refresh = _jwt({"exp": 1}), "refresh-secret-123"
    session = OAuthSession(SecretStr(access), SecretStr(refresh))
    tokens = OAuthTokens(SecretStr(access), SecretStr(refresh), 1.0)
    for text in (repr(session), str(session), repr(tokens), str(tokens)):
        assert access not in text
        assert refresh not in text


# --- configuration -------------------------------------------------------------------------------------


def test_config_takes_a_refresh_token_with_an_access_token_only() -> None:
    config = DustConfig(workspace_id="W", access_token="at-123", refresh_token="rt-456")
    assert config.refresh_token is not None
    assert config.refresh_token.get_secret_value() == "rt-456"
    for text in (repr(config), str(config), config.model_dump_json()):
        assert "rt-456" not in text
    with pytest.raises(DustConfigError, match="renews an OAuth access_token") as caught:
        DustConfig(workspace_id="W", api_key="sk-1", refresh_token="rt-456")
    assert "rt-456" not in str(caught.value)
    with pytest.raises(DustConfigError, match="refresh_token") as caught:
        DustConfig(workspace_id="W", access_token="at-123", refresh_token="rt 456")
    assert "rt 456" not in str(caught.value)


def test_from_env_reads_dust_refresh_token_and_an_api_key_in_code_drops_it() -> None:
    environ = {"DUST_WORKSPACE_ID": "W", "DUST_ACCESS_TOKEN": "at-1", "DUST_REFRESH_TOKEN": "rt-1\n"}
    config = DustConfig.from_env(environ=environ)
    assert config.refresh_token == SecretStr("rt-1")
    keyed = DustConfig.from_env(environ=environ, api_key="sk-code")
    assert (keyed.access_token, keyed.refresh_token) == (None, None)
    assert config.model_copy(update={"api_key": "sk-2"}).refresh_token is None


def test_on_token_refresh_needs_a_refresh_token() -> None:
    with pytest.raises(DustConfigError, match="refresh_token"):
        DustClient(workspace_id="W", access_token="at-1", on_token_refresh=print)


# --- against the emulator ------------------------------------------------------------------------------


def _config(server: EmulatorServer, access: str, refresh: str) -> DustConfig:
    return DustConfig(
        workspace_id=server.workspace_id,
        base_url=server.base_url,
        access_token=access,
        refresh_token=refresh,
        max_retries=0,
    )


def test_an_expired_token_is_renewed_before_the_call_and_the_caller_stores_the_pair(
    fresh_dust_emulator: EmulatorServer, caplog: pytest.LogCaptureFixture
) -> None:
    server = fresh_dust_emulator
    old = server.issue_oauth_tokens(lifetime=-60)  # its exp says it is over: no 401 needed
    stored: list[OAuthTokens] = []
    caplog.set_level(logging.DEBUG, logger="dust_ext")
    with DustClient(
        _config(server, old.access_token, old.refresh_token), on_token_refresh=stored.append
    ) as client:
        assert client.agents.get("dust").sId == "dust"
        assert server.oauth_exchanges == 1
        (tokens,) = stored
        assert tokens.access_token.get_secret_value() != old.access_token
        assert tokens.expires_at is not None
        assert tokens.expires_at > old.expires_at
        # The client goes on with the new pair, and says so in its config (a new client starts from it).
        assert client.config.access_token == tokens.access_token
        assert client.config.refresh_token == tokens.refresh_token
        client.agents.get("dust")
        me = get_me.sync(client=client.raw)  # the generated client rides the same request path
        assert isinstance(me, GetMeResponse200)
    assert server.oauth_exchanges == 1
    secrets = {
        old.access_token,
        old.refresh_token,
        *(t.get_secret_value() for t in (tokens.access_token, tokens.refresh_token)),
    }
    assert not any(secret in caplog.text for secret in secrets)
    assert "renewed the OAuth access token" in caplog.text


def test_a_401_expired_oauth_token_error_renews_once_and_retries(fresh_dust_emulator: EmulatorServer) -> None:
    server = fresh_dust_emulator
    pair = server.issue_oauth_tokens(lifetime=3600)  # its exp looks fine to the client
    stored: list[OAuthTokens] = []
    with DustClient(
        _config(server, pair.access_token, pair.refresh_token), on_token_refresh=stored.append
    ) as client:
        assert client.agents.get("dust").sId == "dust"
        assert server.oauth_exchanges == 0
        server.expire_oauth_tokens()
        # The POST is re-sent after the 401: Dust refused it before doing anything.
        created = client.conversations.create("after expiry")
        assert created.sId
        assert server.oauth_exchanges == 1
        copy = client.with_options(timeout=9)
        server.expire_oauth_tokens()
        copy.agents.get("dust")  # a copy renews the shared session...
        assert server.oauth_exchanges == 2
        client.agents.get("dust")  # ...and the client it came from uses the pair it got
        assert server.oauth_exchanges == 2
    assert len(stored) == 2


def test_a_used_refresh_token_fails_at_once_with_a_typed_error_that_shows_no_token(
    fresh_dust_emulator: EmulatorServer,
) -> None:
    server = fresh_dust_emulator
    pair = server.issue_oauth_tokens(lifetime=-60)
    with DustClient(_config(server, pair.access_token, pair.refresh_token)) as first:
        first.agents.get("dust")  # uses the refresh token up
    with (
        DustClient(_config(server, pair.access_token, pair.refresh_token)) as second,
        pytest.raises(DustUnauthorizedError) as caught,
    ):
        second.agents.get("dust")
    error = caught.value
    assert error.error_type == "oauth_refresh_failed"
    assert "invalid_grant" in str(error)
    assert "sign in again" in str(error)
    for text in (str(error), repr(error), error.body, json.dumps(error.details)):
        assert pair.access_token not in text
        assert pair.refresh_token not in text
    assert server.oauth_exchanges == 1


async def test_async_client_renews_once_for_concurrent_calls(fresh_dust_emulator: EmulatorServer) -> None:
    server = fresh_dust_emulator
    pair = server.issue_oauth_tokens(lifetime=3600)
    stored: list[OAuthTokens] = []

    async def store(tokens: OAuthTokens) -> None:
        stored.append(tokens)

    config = _config(server, pair.access_token, pair.refresh_token)
    async with AsyncDustClient(config, on_token_refresh=store) as client:
        server.expire_oauth_tokens()
        agents = await asyncio.gather(*(client.agents.get("dust") for _ in range(6)))
        assert {agent.sId for agent in agents} == {"dust"}
        response = await client.chat.send(agent="echo", text="still me")
        assert response.text == "still me"
    assert server.oauth_exchanges == 1
    assert len(stored) == 1


# --- hostile servers -----------------------------------------------------------------------------------

ACCESS = _jwt({"exp": 4_000_000_000, "sub": "hostile"})
REFRESH = "rt-hostile-0123456789"
NEW_ACCESS = _jwt({"exp": 4_000_000_001, "sub": "hostile"})
NEW_REFRESH = "rt-hostile-new-9876543210"
EXPIRED = json.dumps({"error": {"type": "expired_oauth_token_error", "message": "The access token expired."}})


def _hostile_config(server: HostileServer) -> DustConfig:
    return DustConfig(
        workspace_id="W", base_url=server.url, access_token=ACCESS, refresh_token=REFRESH, max_retries=3
    )


def _server(
    exchange_answer: Callable[[Exchange], bytes], api_answer: Callable[[Exchange], bytes]
) -> HostileServer:
    def handler(exchange: Exchange) -> None:
        if exchange.request.path == "/api/v1/auth/authenticate":
            exchange.send(exchange_answer(exchange))
        else:
            exchange.send(api_answer(exchange))

    return HostileServer(handler)


def _always_expired(_: Exchange) -> bytes:
    return response_bytes(401, EXPIRED.encode(), content_type="application/json")


def _new_pair(_: Exchange) -> bytes:
    body = json.dumps({"access_token": NEW_ACCESS, "refresh_token": NEW_REFRESH, "user": {}})
    return response_bytes(200, body.encode(), content_type="application/json")


def _run(mode: str, config: DustConfig, on_token_refresh: Any = None) -> None:
    if mode == "sync":
        with DustClient(config, on_token_refresh=on_token_refresh) as client:
            client.agents.get("dust")
        return

    async def call() -> None:
        async with AsyncDustClient(config, on_token_refresh=on_token_refresh) as client:
            await client.agents.get("dust")

    asyncio.run(call())


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_server_that_keeps_saying_expired_gets_one_refresh_and_one_retry(mode: str) -> None:
    stored: list[OAuthTokens] = []
    with _server(_new_pair, _always_expired) as server:
        with pytest.raises(DustUnauthorizedError) as caught:
            _run(mode, _hostile_config(server), stored.append)
        paths = [request.path for request in server.requests]
    agent = "/api/v1/w/W/assistant/agent_configurations/dust"
    assert paths == [agent, "/api/v1/auth/authenticate", agent]
    assert caught.value.error_type == "expired_oauth_token_error"
    assert [t.access_token.get_secret_value() for t in stored] == [NEW_ACCESS]
    exchange, retried = server.requests[1], server.requests[2]
    # Dust's form: no client id of ours (Dust adds its own), the refresh token, form-encoded.
    assert exchange.headers["content-type"] == "application/x-www-form-urlencoded"
    assert dict(pair.split("=", 1) for pair in exchange.body.decode().split("&")) == {
        "grant_type": "refresh_token",
        "refresh_token": REFRESH,
    }
    assert retried.headers["authorization"] == f"Bearer {NEW_ACCESS}"
    for secret in (ACCESS, REFRESH, NEW_ACCESS, NEW_REFRESH):
        assert secret not in str(caught.value)
        assert secret not in repr(caught.value)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(
    ("status", "body"),
    [
        (400, json.dumps({"error": "invalid_grant", "error_description": f"bad token {REFRESH}"})),
        (500, json.dumps({"error": "Internal server error", "echo": REFRESH})),
        (200, f"<html>not json, but {REFRESH}</html>"),
        (200, json.dumps({"refresh_token": NEW_REFRESH})),
    ],
    ids=["refused", "server-error", "not-json", "no-access-token"],
)
def test_a_failed_exchange_is_one_typed_error_without_any_token(mode: str, status: int, body: str) -> None:
    def answer(_: Exchange) -> bytes:
        return response_bytes(status, body.encode(), content_type="application/json")

    with _server(answer, _always_expired) as server:
        with pytest.raises(DustUnauthorizedError) as caught:
            _run(mode, _hostile_config(server))
        exchanges = [r for r in server.requests if r.path == "/api/v1/auth/authenticate"]
    assert len(exchanges) == 1  # never re-sent: a refresh token may be good for one exchange only
    assert caught.value.error_type == "oauth_refresh_failed"
    error = caught.value
    for text in (str(error), repr(error), error.body, json.dumps(error.details), error.message):
        for secret in (ACCESS, REFRESH, NEW_REFRESH):
            assert secret not in text


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_an_invalid_oauth_token_is_not_refreshed(mode: str) -> None:
    invalid = json.dumps({"error": {"type": "invalid_oauth_token_error", "message": "Invalid token."}})

    def refuse(_: Exchange) -> bytes:
        return response_bytes(401, invalid.encode(), content_type="application/json")

    with _server(_new_pair, refuse) as server:
        with pytest.raises(DustUnauthorizedError) as caught:
            _run(mode, _hostile_config(server))
        assert [r.path for r in server.requests] == ["/api/v1/w/W/assistant/agent_configurations/dust"]
    assert caught.value.error_type == "invalid_oauth_token_error"


def test_a_batch_run_from_a_blocking_client_shares_its_oauth_pair(
    fresh_dust_emulator: EmulatorServer, tmp_path: Any
) -> None:
    server = fresh_dust_emulator
    pair = server.issue_oauth_tokens(lifetime=3600)
    stored: list[OAuthTokens] = []
    with DustClient(
        _config(server, pair.access_token, pair.refresh_token), on_token_refresh=stored.append
    ) as client:
        server.expire_oauth_tokens()
        summary = client.batch.run(
            [{"q": "one"}, {"q": "two"}], agents="echo", output=tmp_path / "o.jsonl", prompt_column="q"
        )
        assert (summary.ok, summary.failed) == (2, 0)
        # The batch's client renewed the pair the blocking client holds: no second exchange (the old
        # refresh token is used up) and the caller heard of the renewal once.
        client.agents.get("dust")
    assert server.oauth_exchanges == 1
    assert len(stored) == 1


def test_the_cli_renews_an_expired_token_from_dust_refresh_token(fresh_dust_emulator: EmulatorServer) -> None:
    from typer.testing import CliRunner

    from dust_ext.cli import app

    server = fresh_dust_emulator
    pair = server.issue_oauth_tokens(lifetime=-60)
    env = {
        "DUST_WORKSPACE_ID": server.workspace_id,
        "DUST_BASE_URL": server.base_url,
        "DUST_ACCESS_TOKEN": pair.access_token,
        "DUST_REFRESH_TOKEN": pair.refresh_token,
        "DUST_API_KEY": "",
    }
    result = CliRunner().invoke(app, ["agents", "list", "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert "dust" in {agent["sId"] for agent in json.loads(result.stdout)}
    assert server.oauth_exchanges == 1
    assert pair.refresh_token not in result.output


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_an_event_stream_renews_an_expired_token_then_follows_its_307(
    fresh_dust_emulator: EmulatorServer, mode: str
) -> None:
    # The token expires between posting the message and opening its event stream: the stream's call renews it
    # once, sends the GET again, follows Dust's 307 to /api/sse/ with the new token, and reads the reply whole.
    server = fresh_dust_emulator
    pair = server.issue_oauth_tokens(lifetime=3600)
    config = _config(server, pair.access_token, pair.refresh_token)
    sent_before: list[int] = []

    def events_of(client: DustClient) -> list[Any]:
        conversation = client.conversations.create(message="tokens=3 go", mentions=["streamer"])
        server.expire_oauth_tokens()
        sent_before.append(len(server.requests()))
        return list(
            client.conversations.stream_message_events(conversation.sId, conversation.agent_messages[0].sId)
        )

    async def aevents_of(client: AsyncDustClient) -> list[Any]:
        conversation = await client.conversations.create(message="tokens=3 go", mentions=["streamer"])
        server.expire_oauth_tokens()
        sent_before.append(len(server.requests()))
        cid, mid = conversation.sId, conversation.agent_messages[0].sId
        return [event async for event in client.conversations.stream_message_events(cid, mid)]

    if mode == "sync":
        with DustClient(config) as client:
            events = events_of(client)
    else:

        async def scenario() -> list[Any]:
            async with AsyncDustClient(config) as client:
                return await aevents_of(client)

        events = asyncio.run(scenario())
    assert "".join(e.event.text for e in events if is_reply_text(e.event)) == "token-1 token-2 token-3"
    assert server.oauth_exchanges == 1
    sent = server.requests()[sent_before[0] :]  # (the token exchange is not an API request)
    events_path = sent[0]
    assert events_path.startswith("GET /api/v1/w/")
    assert events_path.endswith("/events")
    # refused (the token expired), sent again with the renewed one, then its 307 followed with it
    assert sent == [events_path, events_path, events_path.replace(" /api/v1/", " /api/sse/v1/")]
