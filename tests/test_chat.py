"""client.chat on the emulator: send returns the agent's real reply, stream yields it token by token and
survives drops, sessions keep one conversation; sync and async."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sdk_support import emulator_config

from dust_ext import AsyncDustClient, DustAgentError, DustClient
from dust_ext._streaming import StreamPolicy
from dust_ext.chat import ChatResponse
from dust_ext.events import AgentMessageSuccessEvent, GenerationTokensEvent
from dust_ext.testing import EmulatorServer

FAST = StreamPolicy(reconnect_delay=0.0, backoff_multiplier=1.0)


@pytest.fixture
def client(fresh_dust_emulator: EmulatorServer) -> Iterator[DustClient]:
    with DustClient(emulator_config(fresh_dust_emulator), stream_policy=FAST, sleep=lambda _: None) as c:
        yield c


def test_send_returns_the_agents_reply(client: DustClient) -> None:
    response = client.chat.send(
        agent="echo", text="Hello from the Python SDK!", username="peter", timezone="Europe/Paris"
    )
    assert isinstance(response, ChatResponse)
    assert response.conversation_id
    assert response.user_message.text == "Hello from the Python SDK!"
    assert response.text == "Hello from the Python SDK!"
    assert response.assistant_message is not None
    assert response.assistant_message.status == "succeeded"
    assert response.assistant_message.content == response.text
    assert response.user_message.context is not None
    assert response.user_message.context.username == "peter"


def test_send_accepts_the_seed_examples_message_keyword_and_defaults(client: DustClient) -> None:
    response = client.chat.send(agent="dust", message="Summarize the README of the Dust Python Client.")
    assert "Summarize the README" in response.text
    assert response.user_message.context is not None
    assert response.user_message.context.username == client.config.default_username
    assert response.user_message.context.timezone == client.config.default_timezone


def test_stream_yields_reply_tokens_only(client: DustClient) -> None:
    with client.chat.stream(agent="thinker", text="why is the sky blue") as stream:
        assert stream.conversation_id
        assert stream.message_id
        pieces = list(stream.text_stream)
        response = stream.until_done()
    assert "".join(pieces) == response.text
    assert response.chain_of_thought
    assert "<thinking>" not in response.text
    assert response.chain_of_thought not in response.text


def test_stream_iterates_typed_events(client: DustClient) -> None:
    with client.chat.stream(agent="streamer", text="tokens=5 go") as stream:
        events = list(stream)
    assert sum(isinstance(e, GenerationTokensEvent) for e in events) == 5
    assert isinstance(events[-1], AgentMessageSuccessEvent)
    assert stream.text == "token-1 token-2 token-3 token-4 token-5"


def test_actions_are_exposed(client: DustClient, fresh_dust_emulator: EmulatorServer) -> None:
    response = client.chat.send(agent="researcher", text="what do we know about penguins")
    assert response.actions
    assert response.text


def test_agent_error_raises_a_typed_error(client: DustClient) -> None:
    with pytest.raises(DustAgentError) as info:
        client.chat.send(agent="failing", text="please fail")
    assert info.value.code == "emulator_scripted_failure"
    assert info.value.message_id
    with client.chat.stream(agent="failing", text="again") as stream, pytest.raises(DustAgentError):
        list(stream.text_stream)


def test_a_dropped_stream_gives_the_identical_reply(
    client: DustClient, fresh_dust_emulator: EmulatorServer
) -> None:
    undisturbed = client.chat.send(agent="streamer", text="tokens=8 steady").text
    for index in range(1, 11):
        fresh_dust_emulator.set_faults(f"drop-after={index};times=1;path=/events")
        assert client.chat.send(agent="streamer", text="tokens=8 steady").text == undisturbed


def test_leaving_a_stream_early_cancels_the_generation(
    client: DustClient, fresh_dust_emulator: EmulatorServer
) -> None:
    with client.chat.stream(agent="streamer", text="tokens=50 gate=hold long") as stream:
        first = next(iter(stream.text_stream))
        assert first
    fresh_dust_emulator.open_gate("hold")
    message = client.conversations.get_message(stream.conversation_id, stream.message_id)
    assert message.status == "cancelled"


def test_session_keeps_one_conversation_and_its_history(client: DustClient) -> None:
    session = client.chat.session(agent="echo", username="peter", timezone="Europe/Paris", title="multi-turn")
    first = session.send("one")
    second = session.send("two")
    assert first.conversation_id == second.conversation_id == session.conversation_id
    with session.stream("three") as stream:
        assert "".join(stream.text_stream) == "three"
    history = session.history()
    assert [(m.role, m.text) for m in history] == [
        ("user", "one"),
        ("assistant", "one"),
        ("user", "two"),
        ("assistant", "two"),
        ("user", "three"),
        ("assistant", "three"),
    ]
    resumed = client.chat.session(agent="echo", conversation_id=session.conversation_id)
    assert resumed.send("four").conversation_id == session.conversation_id
    assert client.conversations.get(session.conversation_id).title == "multi-turn"


def test_a_session_built_by_hand_takes_its_arguments_by_keyword_and_hides_the_client(
    client: DustClient,
) -> None:
    from dust_ext import ChatSession

    session = ChatSession(
        client=client, agent="echo", username=None, timezone=None, title=None, conversation_id=None
    )
    assert session.send("hello").text == "hello"
    assert "client" not in repr(session)
    assert session.conversation_id is not None


def test_unknown_agent_is_a_clear_error(client: DustClient) -> None:
    from dust_ext import DustError

    with pytest.raises(DustError):
        client.chat.send(agent="no-such-agent", text="hi")


async def test_async_chat(fresh_dust_emulator: EmulatorServer) -> None:
    async def no_wait(_: float) -> None:
        return None

    async with AsyncDustClient(
        emulator_config(fresh_dust_emulator), stream_policy=FAST, sleep=no_wait
    ) as client:
        response = await client.chat.send(agent="echo", message="async hello")
        assert response.text == "async hello"
        async with client.chat.stream(agent="streamer", text="tokens=4 x") as stream:
            pieces = [piece async for piece in stream.text_stream]
            assert "".join(pieces) == (await stream.until_done()).text
        events: list[Any] = []
        async with client.chat.stream(agent="echo", text="events") as stream:
            events.extend([event async for event in stream])
        assert isinstance(events[-1], AgentMessageSuccessEvent)
        session = client.chat.session(agent="echo")
        await session.send("a")
        await session.send("b")
        assert [m.text for m in await session.history()] == ["a", "a", "b", "b"]
        fresh_dust_emulator.set_faults("drop-after=2;times=1;path=/events")
        assert (await client.chat.send(agent="streamer", text="tokens=6 y")).text == " ".join(
            f"token-{i}" for i in range(1, 7)
        )
        with pytest.raises(DustAgentError):
            await client.chat.send(agent="failing", text="no")


def test_a_reply_cut_cleanly_mid_frame_is_resumed_and_the_agent_not_cancelled(
    client: DustClient, fresh_dust_emulator: EmulatorServer
) -> None:
    fresh_dust_emulator.set_faults("drop-after=3;mode=mid-frame;times=2;path=/messages/")
    response = client.chat.send(agent="streamer", text="tokens=6")
    assert response.text == " ".join(f"token-{n}" for n in range(1, 7))
    conversation = client.conversations.get(response.conversation_id)
    assert [m.status for m in conversation.agent_messages] == ["succeeded"]


def test_chats_read_to_their_end_reuse_one_connection(fresh_dust_emulator: EmulatorServer) -> None:
    opened: list[str] = []

    def trace(event_name: str, info: dict[str, Any]) -> None:
        if event_name == "connection.connect_tcp.complete":
            opened.append(event_name)

    def add_trace(request: Any) -> None:
        request.extensions["trace"] = trace

    http_client = httpx.Client(event_hooks={"request": [add_trace]})
    config = emulator_config(fresh_dust_emulator)
    with DustClient(config, stream_policy=FAST, http_client=http_client) as client:
        for turn in range(3):
            stream = client.chat.stream(agent="echo", text=f"turn {turn}")
            assert "".join(stream.text_stream) == f"turn {turn}"  # no `with`: read to the end
    http_client.close()
    assert len(opened) == 1
