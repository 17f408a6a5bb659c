"""DustClient and AsyncDustClient against the emulator, over real loopback HTTP: every resource method,
every error class from a real response, retries, raw responses and secrecy."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from datetime import datetime
from typing import Any

import httpx
import pytest
from sdk_support import NO_WAIT, emulator_config

from dust_ext import (
    AgentMessage,
    AsyncDustClient,
    Conversation,
    DustBadRequestError,
    DustClient,
    DustConfig,
    DustConfigError,
    DustConnectionError,
    DustInvalidArgumentError,
    DustNotFoundError,
    DustNotSupportedError,
    DustRateLimitError,
    DustServerError,
    DustUnauthorizedError,
    RequestOptions,
    UserMessage,
)
from dust_ext.testing import EmulatorServer
from dust_ext.types.conversations import MessageContext, MessageMention, MessageMentionContext


def ask(dust: Any, text: str, agent: str = "echo", **kwargs: Any) -> tuple[Conversation, Any]:
    conversation = dust.conversations.create(title="SDK test")
    result = dust.conversations.create_message(
        conversation_id=conversation.sId, content=text, mentions=[agent], blocking=True, **kwargs
    )
    return conversation, result


# --- agents ------------------------------------------------------------------------------------------------


def test_agents_list_get_search(dust: Any) -> None:
    agents = dust.agents.list()
    ids = {agent.sId for agent in agents}
    assert {"dust", "helper", "echo", "streamer"} <= ids
    dust_agent = dust.agents.get("dust")
    assert dust_agent.sId == "dust"
    assert dust_agent.name
    assert isinstance(dust_agent.description, str)
    assert [a.sId for a in dust.agents.search(q="echo")] == ["echo"]
    global_ids = {agent.sId for agent in dust.agents.list(view="global")}
    assert "dust" in global_ids
    assert "echo" not in global_ids


def test_agents_carry_their_version_and_permissions_as_typed_fields(dust: Any) -> None:
    dust_agent, echo = dust.agents.get("dust"), dust.agents.get("echo", variant="full")
    assert (dust_agent.id, dust_agent.versionCreatedAt, dust_agent.versionAuthorId) == (-1, None, None)
    assert (dust_agent.canRead, dust_agent.canEdit, dust_agent.tags) == (True, False, [])
    assert datetime.fromisoformat(echo.versionCreatedAt).tzinfo is not None
    assert (echo.versionAuthorId, echo.canRead, echo.canEdit) == (1, True, True)
    assert (echo.requestedSpaceIds, echo.requestedGroupIds) == ([], [])
    for agent in (dust_agent, echo, *dust.agents.list(view="all")):
        assert agent.model_extra == {}, agent.sId


def test_an_unknown_agent_view_is_a_typed_error_naming_the_valid_ones(dust: Any) -> None:
    with pytest.raises(DustInvalidArgumentError) as raised:
        dust.agents.list(view="bogus")
    assert isinstance(raised.value, ValueError)
    for view in ("all", "list", "workspace", "published", "global", "favorites"):
        assert repr(view) in str(raised.value)
    assert "ListAgentConfigurationsView" not in str(raised.value)


def test_agents_update_and_export(dust: Any) -> None:
    updated = dust.agents.update("echo", user_favorite=True)
    assert updated.userFavorite is True
    assert [a.sId for a in dust.agents.list(view="favorites")] == ["echo"]
    yaml_text = dust.agents.export_yaml("echo")
    assert "echo" in yaml_text


def test_agents_create_then_delete_archives(dust: Any) -> None:
    # POST assistant/agent_configurations/import and DELETE assistant/agent_configurations/{sId}.
    created = dust.agents.create(
        name="Release notes writer",
        description="Created from the Python SDK",
        instructions="Write release notes.",
        model_id="gpt-5-mini",
        provider_id="openai",
        editors=["ada@emulator.dust.tt"],
        toolset=[{"name": "Notion", "type": "MCP", "configuration": {"mcp_server_name": "notion"}}],
    )
    assert created.name == "Release notes writer"
    assert created.status == "active"
    # The version's author is the editor named (ada, the workspace's second member); an API key may edit.
    assert (created.versionAuthorId, created.canEdit, created.tags) == (2, True, [])
    assert created.versionCreatedAt is not None
    assert [(s.name, bool(s.reason)) for s in created.skippedActions] == [("Notion", True)]
    assert created.sId in {agent.sId for agent in dust.agents.list()}
    assert dust.chat.send(agent=created.sId, text="ping").text

    assert dust.agents.delete(created.sId) is True
    assert created.sId not in {agent.sId for agent in dust.agents.list(view="all")}
    assert dust.agents.get(created.sId).status == "archived"
    with pytest.raises(DustBadRequestError, match="archived"):
        dust.agents.delete(created.sId)
    with pytest.raises(DustBadRequestError, match="archived"):
        dust.agents.update(created.sId, user_favorite=True)
    with pytest.raises(DustNotFoundError):
        dust.agents.delete("dust")  # global agents cannot be archived


def test_agents_create_needs_an_editor_with_an_api_key(dust: Any) -> None:
    with pytest.raises(DustBadRequestError, match="editor"):
        dust.agents.create(
            name="x", description="d", instructions="i", model_id="gpt-5-mini", provider_id="openai"
        )
    with pytest.raises(TypeError):
        dust.agents.create(name="only a name")  # the seed README's call lacks what Dust requires


def test_unknown_agent_is_a_not_found_error(dust: Any) -> None:
    with pytest.raises(DustNotFoundError) as info:
        dust.agents.get("no-such-agent")
    assert info.value.status_code == 404
    assert info.value.error_type == "agent_configuration_not_found"
    assert "GET" in str(info.value)


# --- conversations ---------------------------------------------------------------------------------------


def test_create_conversation_then_blocking_message(dust: Any) -> None:
    conversation, result = ask(dust, "Hello from the SDK")
    assert conversation.sId
    assert conversation.title == "SDK test"
    assert isinstance(result, UserMessage)
    assert result.content == "Hello from the SDK"
    assert result.author_name == "peter"
    (reply,) = result.agent_messages
    assert reply.status == "succeeded"
    assert reply.content == "Hello from the SDK"
    assert reply.author_name


def test_create_message_accepts_the_seed_models_and_conv_id(dust: Any) -> None:
    conversation = dust.conversations.create(title="seed style")
    mention = MessageMention(configurationId="echo", context=MessageMentionContext(timezone="Europe/Paris"))
    context = MessageContext(username="SDKUser", timezone="Europe/Paris")
    message = dust.conversations.create_message(
        conv_id=conversation.sId, content="seed", mentions=[mention], context=context, blocking=True
    )
    assert message.sId
    assert message.type == "user_message"
    assert message.author_name == "SDKUser"
    assert message.reply is not None
    assert message.reply.content == "seed"


def test_conversation_with_first_message_and_get(dust: Any) -> None:
    created = dust.conversations.create(message="first words", mentions=["echo"], blocking=True)
    fetched = dust.conversations.get(created.sId)
    user, agent = fetched.messages
    assert isinstance(user, UserMessage)
    assert user.text == "first words"
    assert isinstance(agent, AgentMessage)
    assert agent.content == "first words"
    assert agent.parentMessageId == user.sId
    assert fetched.sId in {c.sId for c in dust.conversations.list()}


def test_list_and_get_messages(dust: Any) -> None:
    conversation, result = ask(dust, "list me")
    messages = dust.conversations.list_messages(conversation.sId)
    assert [m.type for m in messages] == ["user_message", "agent_message"]
    assert messages[0].author_name == "peter"
    reply = dust.conversations.get_message(conv_id=conversation.sId, message_id=result.agent_messages[0].sId)
    assert isinstance(reply, AgentMessage)
    assert reply.content == "list me"
    with pytest.raises(DustNotFoundError):
        dust.conversations.get_message(conversation.sId, "missing-message")


def test_edit_message_creates_a_new_version_answered_again(dust: Any) -> None:
    conversation, result = ask(dust, "before edit")
    edited = dust.conversations.edit_message(conversation.sId, result.sId, "after edit", mentions=["echo"])
    assert edited.content == "after edit"
    fetched = dust.conversations.get(conversation.sId)
    assert len(fetched.content[0]) == 2
    assert fetched.messages[0].content == "after edit"


def test_content_fragment_feedback_read_and_cancel(dust: Any) -> None:
    conversation, result = ask(dust, "rate me")
    fragment = dust.conversations.create_content_fragment(
        conversation.sId, title="notes.txt", content="Some context", content_type="text/plain"
    )
    assert fragment.title == "notes.txt"
    assert fragment.type == "content_fragment"
    reply_id = result.agent_messages[0].sId
    assert dust.conversations.submit_feedback(conversation.sId, reply_id, "up", content="great") is True
    feedbacks = dust.conversations.list_feedbacks(conversation.sId)
    assert [f["thumbDirection"] for f in feedbacks] == ["up"]
    assert dust.conversations.delete_feedback(conversation.sId, reply_id) is True
    assert dust.conversations.list_feedbacks(conversation.sId) == []
    assert dust.conversations.mark_as_read(conversation.sId) is True
    assert dust.conversations.cancel(conversation.sId, [reply_id]) is True


def test_retry_a_failed_agent_message(dust: Any) -> None:
    conversation, result = ask(dust, "please fail", agent="failing")
    failed = result.agent_messages[0]
    assert failed.status == "failed"
    assert failed.error is not None
    assert failed.error.code == "emulator_scripted_failure"
    retried = dust.conversations.retry_message(conversation.sId, failed.sId)
    assert isinstance(retried, AgentMessage)
    assert retried.sId != failed.sId


def test_delete_message_is_not_in_the_public_api(dust: Any) -> None:
    with pytest.raises(DustNotSupportedError):
        dust.conversations.delete_message(conv_id="c", message_id="m")


def test_validate_and_workspace_request(dust: Any) -> None:
    dust.validate()
    spaces = dust.workspace_request("GET", "spaces")
    assert "spaces" in spaces


# --- errors from real responses --------------------------------------------------------------------------


def test_wrong_key_is_unauthorized_and_never_shown(
    fresh_dust_emulator: EmulatorServer, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "sk-wrong-key-that-must-not-leak"
    caplog.set_level(logging.DEBUG, logger="dust_ext")
    with DustClient(emulator_config(fresh_dust_emulator, api_key=secret), retry_policy=NO_WAIT) as client:
        with pytest.raises(DustUnauthorizedError) as info:
            client.validate()
        assert secret not in repr(client)
        assert secret not in repr(client.config)
    error = info.value
    assert error.status_code == 401
    assert error.error_type
    for text in (str(error), repr(error), str(error.details), error.body, caplog.text):
        assert secret not in text
    assert "Bearer" not in caplog.text


def test_unknown_workspace_conversation_and_bad_body(fresh_dust_emulator: EmulatorServer) -> None:
    config = emulator_config(fresh_dust_emulator, workspace_id="no-such-workspace")
    with DustClient(config, retry_policy=NO_WAIT) as client, pytest.raises(DustNotFoundError):
        client.agents.list()
    with DustClient(emulator_config(fresh_dust_emulator), retry_policy=NO_WAIT) as client:
        with pytest.raises(DustNotFoundError) as info:
            client.conversations.get("no-such-conversation")
        assert info.value.error_type == "conversation_not_found"
        conversation = client.conversations.create(title="bad body")
        with pytest.raises(DustBadRequestError) as bad:
            client.workspace_request(
                "POST", f"assistant/conversations/{conversation.sId}/messages", json={"content": 3}
            )
        assert bad.value.status_code == 400
        assert bad.value.error_type == "invalid_request_error"


def test_rate_limit_is_retried_honouring_retry_after(fresh_dust_emulator: EmulatorServer) -> None:
    waits: list[float] = []
    fresh_dust_emulator.set_faults("rate-limit=2;retry-after=7;path=agent_configurations")
    policy = NO_WAIT.__class__(max_retries=3, initial_backoff=0.0, jitter=0.0, max_retry_after=60.0)
    with DustClient(emulator_config(fresh_dust_emulator), retry_policy=policy, sleep=waits.append) as client:
        assert client.agents.list()
    assert waits == [7.0, 7.0]


def test_rate_limit_surfaces_when_retries_run_out(fresh_dust_emulator: EmulatorServer) -> None:
    fresh_dust_emulator.set_faults("rate-limit=5;retry-after=2;path=agent_configurations")
    with (
        DustClient(emulator_config(fresh_dust_emulator, max_retries=0)) as client,
        pytest.raises(DustRateLimitError) as info,
    ):
        client.agents.list()
    assert info.value.retry_after == 2.0
    assert info.value.status_code == 429


@pytest.mark.parametrize("status", [500, 502, 503, 520, 529])
def test_server_errors_k_times_then_success_for_reads(
    fresh_dust_emulator: EmulatorServer, status: int
) -> None:
    fresh_dust_emulator.set_faults(f"server-error=2;status={status};path=agent_configurations")
    with DustClient(emulator_config(fresh_dust_emulator), retry_policy=NO_WAIT) as client:
        assert client.agents.get("dust").sId == "dust"


@pytest.mark.parametrize("status", [500, 520, 529, 599])
def test_server_error_statuses_map_to_dust_server_error(
    fresh_dust_emulator: EmulatorServer, status: int
) -> None:
    fresh_dust_emulator.set_faults(f"server-error=9;status={status};path=agent_configurations")
    with (
        DustClient(emulator_config(fresh_dust_emulator, max_retries=0)) as client,
        pytest.raises(DustServerError) as info,
    ):
        client.agents.list()
    assert info.value.status_code == status


def test_a_message_post_is_not_resent_after_a_server_error(fresh_dust_emulator: EmulatorServer) -> None:
    with DustClient(emulator_config(fresh_dust_emulator), retry_policy=NO_WAIT) as client:
        conversation = client.conversations.create(title="no duplicates")
        fresh_dust_emulator.set_faults("server-error=1;path=/messages")
        with pytest.raises(DustServerError):
            client.conversations.create_message(conversation.sId, "once", mentions=["echo"])
        fresh_dust_emulator.set_faults("")
        # The caller may opt in when a duplicate is harmless: then the 500 is retried.
        fresh_dust_emulator.set_faults("server-error=1;path=/messages")
        result = client.conversations.create_message(
            conversation.sId, "twice is fine", mentions=["echo"], options=RequestOptions(idempotent=True)
        )
        assert result.content == "twice is fine"


def test_connection_refused_is_a_connection_error() -> None:
    with socket.socket() as sock:  # a port nobody listens on once this socket is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = DustConfig(
        workspace_id="w", api_key="sk-refused", base_url=f"http://127.0.0.1:{port}", timeout=5
    )
    with DustClient(config, retry_policy=NO_WAIT) as client, pytest.raises(DustConnectionError) as info:
        client.agents.list()
    assert "GET" in str(info.value)
    assert "sk-refused" not in str(info.value)


# --- raw responses ---------------------------------------------------------------------------------------


def test_with_raw_response_gives_status_headers_and_parse(dust: Any) -> None:
    raw = dust.agents.with_raw_response.get("dust")
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.parse().sId == "dust"


def test_injected_http_client_is_used_and_left_open(fresh_dust_emulator: EmulatorServer) -> None:
    seen: list[str] = []
    http_client = httpx.Client(event_hooks={"request": [lambda request: seen.append(request.url.path)]})
    with DustClient(emulator_config(fresh_dust_emulator), http_client=http_client) as client:
        client.agents.list()
    assert seen == [f"/api/v1/w/{fresh_dust_emulator.workspace_id}/assistant/agent_configurations"]
    assert not http_client.is_closed
    http_client.close()


# --- configuration as keyword arguments, per-scope copies, DUST_LOG ----------------------------------------


def _clear_dust_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("DUST_"):
            monkeypatch.delenv(name)


def test_config_fields_as_keyword_arguments(
    fresh_dust_emulator: EmulatorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _clear_dust_env(monkeypatch)
    server = fresh_dust_emulator
    with DustClient(
        api_key=server.api_key, workspace_id=server.workspace_id, base_url=server.base_url, timeout=7
    ) as client:
        assert client.config.timeout == 7
        assert "echo" in {agent.sId for agent in client.agents.list()}
    # The environment fills what the keywords leave out; keywords win over it.
    monkeypatch.setenv("DUST_WORKSPACE_ID", server.workspace_id)
    monkeypatch.setenv("DUST_API_KEY", "sk-from-the-environment")
    monkeypatch.setenv("DUST_BASE_URL", server.base_url)
    with DustClient(api_key=server.api_key, max_retries=0) as client:
        assert client.config.api_key.get_secret_value() == server.api_key
        assert client.config.max_retries == 0
        client.validate()
    assert DustClient(workspace_id="w", api_key="k", region="eu").config.base_url == "https://eu.dust.tt"


def test_keywords_given_with_a_config_override_its_fields(fresh_dust_emulator: EmulatorServer) -> None:
    config = emulator_config(fresh_dust_emulator)
    client = DustClient(config, timeout=3, default_username="ada")
    assert (client.config.timeout, client.config.default_username) == (3, "ada")
    assert client.config.api_key == config.api_key
    assert config.timeout != 3  # the given config object is left as it was
    assert DustClient(config, region="eu").config.base_url == "https://eu.dust.tt"
    client.close()


def test_bad_keyword_configuration_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _clear_dust_env(monkeypatch)
    with pytest.raises(DustConfigError, match="DUST_WORKSPACE_ID"):
        DustClient(api_key="sk-only-a-key")
    with pytest.raises(DustConfigError, match="timeout"):
        DustClient(DustConfig(workspace_id="w", api_key="k"), timeout=-1)
    with pytest.raises(TypeError, match="apikey"):
        DustClient(workspace_id="w", api_key="k", apikey="k")  # type: ignore[call-arg]


async def test_the_async_client_takes_the_same_keywords(fresh_dust_emulator: EmulatorServer) -> None:
    server = fresh_dust_emulator
    async with AsyncDustClient(
        api_key=server.api_key, workspace_id=server.workspace_id, base_url=server.base_url, max_retries=1
    ) as client:
        assert client.config.max_retries == 1
        scoped = client.with_options(timeout=2.5)
        assert scoped.config.timeout == 2.5
        assert scoped.http.http_client is client.http.http_client
        assert [agent.sId for agent in await scoped.agents.search(q="echo")] == ["echo"]


def test_with_options_is_a_copy_sharing_the_connection_pool(fresh_dust_emulator: EmulatorServer) -> None:
    client = DustClient(
        emulator_config(fresh_dust_emulator, default_headers={"X-Team": "a"}), retry_policy=NO_WAIT
    )
    scoped = client.with_options(timeout=4, max_retries=0, default_headers={"X-Trace": "b"})
    assert scoped is not client
    assert scoped.http.http_client is client.http.http_client
    assert (scoped.config.timeout, scoped.config.max_retries) == (4, 0)
    assert scoped.config.default_headers == {"X-Team": "a", "X-Trace": "b"}
    assert client.config.timeout != 4
    # max_retries=0 in the copy only: one 500 fails the copy's call, the original retries past it.
    fresh_dust_emulator.set_faults("server-error=1;path=/spaces")
    with pytest.raises(DustServerError):
        scoped.validate()
    fresh_dust_emulator.set_faults("server-error=1;path=/spaces")
    client.validate()
    fresh_dust_emulator.set_faults("")
    scoped.close()  # closing the copy leaves the shared pool open
    client.validate()
    client.close()
    with pytest.raises(DustConfigError):
        client.with_options(timeout=0)


def _run_with_dust_log(server: EmulatorServer, level: str, code: str) -> subprocess.CompletedProcess[str]:
    env = {
        **{name: value for name, value in os.environ.items() if not name.startswith("DUST_")},
        "DUST_LOG": level,
        "DUST_WORKSPACE_ID": server.workspace_id,
        "DUST_API_KEY": server.api_key,
        "DUST_BASE_URL": server.base_url,
    }
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=False
    )


LOGGED_PROGRAM = """
from dust_ext import DustClient, RetryPolicy
client = DustClient(retry_policy=RetryPolicy(initial_backoff=0, max_backoff=0, jitter=0, max_retry_after=0))
client.agents.list()
print(client.chat.send(agent="streamer", text="tokens=6 go").text)
"""


@pytest.mark.parametrize("level", ["info", "debug", "DEBUG"])
def test_dust_log_switches_on_logging_without_code(fresh_dust_emulator: EmulatorServer, level: str) -> None:
    fresh_dust_emulator.set_faults(
        "rate-limit=1;retry-after=0;path=/assistant/agent_configurations, drop-after=2;times=1;path=/events"
    )
    completed = _run_with_dust_log(fresh_dust_emulator, level, LOGGED_PROGRAM)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "token-1 token-2 token-3 token-4 token-5 token-6"
    log = completed.stderr
    assert "dust reconnecting" in log
    assert "-> 429 in " in log
    assert "dust retrying GET" in log
    assert "429" in log.split("dust retrying", 1)[1].splitlines()[0]  # the retry says why
    assert "-> 200 in " in log
    assert ("dust request GET" in log) == (level.lower() == "debug")
    assert fresh_dust_emulator.api_key not in log
    assert "Bearer" not in log


def test_dust_log_rejects_an_unknown_level(fresh_dust_emulator: EmulatorServer) -> None:
    completed = _run_with_dust_log(fresh_dust_emulator, "verbose", LOGGED_PROGRAM)
    assert completed.returncode != 0
    assert "DustConfigError: DUST_LOG must be 'info' or 'debug'" in completed.stderr
    quiet = _run_with_dust_log(fresh_dust_emulator, "", LOGGED_PROGRAM)
    assert quiet.returncode == 0
    assert quiet.stderr == ""
