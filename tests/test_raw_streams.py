"""Typed raw access to streams and chat, on the emulator, sync and async: ``with_raw_response`` on a stream
(events, app runs, search) opens its first connection and ``parse()`` is the stream; on ``chat.send`` it is
the reply."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from knowledge_support import SPACE
from sdk_support import emulator_config

from dust_ext import AsyncDustClient, DustClient, DustConfig, RawResponse
from dust_ext._streaming import AsyncStream, Stream, StreamPolicy
from dust_ext.chat import ChatResponse
from dust_ext.events import AgentMessageSuccessEvent, AppRunFinalEvent, StreamEvent
from dust_ext.resources.chat import AsyncChatStream, ChatStream
from dust_ext.testing import EmulatorServer
from dust_ext.testing._data_state import ECHO_APP_HASH
from dust_ext.types.search import NodeSearchEvent

FAST = StreamPolicy(reconnect_delay=0.0, backoff_multiplier=1.0)


@pytest.fixture
def client(fresh_dust_emulator: EmulatorServer) -> Iterator[DustClient]:
    with DustClient(emulator_config(fresh_dust_emulator), stream_policy=FAST, sleep=lambda _: None) as c:
        yield c


@pytest.fixture
def config(fresh_dust_emulator: EmulatorServer) -> DustConfig:
    return emulator_config(fresh_dust_emulator)


def async_client(config: DustConfig) -> AsyncDustClient:
    async def no_wait(_: float) -> None:
        return None

    return AsyncDustClient(config, stream_policy=FAST, sleep=no_wait)


def posted_reply(client: DustClient) -> tuple[str, str]:
    conversation = client.conversations.create(message="hello", mentions=["echo"])
    return conversation.sId, conversation.agent_messages[0].sId


def test_raw_message_events_open_the_stream_and_parse_to_it(client: DustClient) -> None:
    cid, mid = posted_reply(client)
    raw = client.conversations.with_raw_response.stream_message_events(cid, mid)
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("text/event-stream")
    assert raw.http_response.request.url.path.startswith("/api/sse/v1/")  # the 307 was followed
    stream = raw.parse()
    assert isinstance(stream, Stream)
    assert stream.response is raw.http_response
    events = list(stream)
    assert isinstance(events[-1].event, AgentMessageSuccessEvent)
    assert [e.event_id for e in events] == [
        e.event_id for e in client.conversations.stream_message_events(cid, mid)
    ]


def test_raw_conversation_events_parse_to_the_stream(client: DustClient) -> None:
    cid, _ = posted_reply(client)
    raw = client.conversations.with_raw_response.stream_events(cid)
    assert raw.status_code == 200
    stream = raw.parse()
    assert isinstance(stream, Stream)
    types = [frame.event.type for frame in stream]
    assert "user_message_new" in types
    assert "agent_message_done" in types or "agent_message_success" in types


def test_streaming_response_closes_an_unread_stream(client: DustClient) -> None:
    cid, mid = posted_reply(client)
    with client.conversations.with_streaming_response.stream_message_events(cid, mid) as raw:
        assert raw.status_code == 200
        stream = raw.parse()
        first = next(iter(stream))
        assert first.event_id
    assert list(stream) == []  # closed when the block ended


def test_raw_chat_send_parses_to_the_reply(client: DustClient) -> None:
    raw = client.chat.with_raw_response.send(agent="echo", text="raw hello")
    assert raw.status_code == 200
    assert raw.http_response.request.method == "POST"
    response = raw.parse()
    assert isinstance(response, ChatResponse)
    assert response.text == "raw hello"
    assert response.agent_message is not None
    assert response.agent_message.status == "succeeded"
    assert response.assistant_message is response.agent_message  # the deprecated name still answers


def test_raw_chat_stream_has_posted_the_turn(client: DustClient) -> None:
    raw = client.chat.with_raw_response.stream(agent="echo", text="raw stream")
    assert raw.http_response.request.method == "POST"
    stream = raw.parse()
    assert isinstance(stream, ChatStream)
    assert stream.conversation_id  # posted already: its ids are known before any read
    with stream:
        assert stream.until_done().text == "raw stream"


def test_async_raw_streams_and_chat(config: DustConfig) -> None:
    async def run() -> None:
        async with async_client(config) as client:
            conversation = await client.conversations.create(message="hello", mentions=["echo"])
            cid, mid = conversation.sId, conversation.agent_messages[0].sId

            raw = await client.conversations.with_raw_response.stream_message_events(cid, mid)
            assert raw.status_code == 200
            assert raw.headers["content-type"].startswith("text/event-stream")
            stream = raw.parse()
            assert isinstance(stream, AsyncStream)
            events: list[StreamEvent] = [event async for event in stream]
            assert isinstance(events[-1].event, AgentMessageSuccessEvent)

            raw_events = await client.conversations.with_raw_response.stream_events(cid)
            assert raw_events.status_code == 200
            async with raw_events.parse() as conversation_stream:
                assert [frame async for frame in conversation_stream]

            async with client.conversations.with_streaming_response.stream_message_events(cid, mid) as opened:
                assert opened.status_code == 200
                unread = opened.parse()
            assert [event async for event in unread] == []

            raw_send = await client.chat.with_raw_response.send(agent="echo", text="async raw")
            assert raw_send.http_response.request.method == "POST"
            reply = raw_send.parse()
            assert isinstance(reply, ChatResponse)
            assert reply.text == "async raw"
            assert reply.agent_message is not None
            assert reply.assistant_message is reply.agent_message

            raw_stream = await client.chat.with_raw_response.stream(agent="echo", text="async stream")
            chat_stream = raw_stream.parse()
            assert isinstance(chat_stream, AsyncChatStream)
            async with chat_stream:
                assert (await chat_stream.until_done()).text == "async stream"

    asyncio.run(run())


def test_chat_response_validates_from_either_name() -> None:
    user = {"sId": "u1", "content": "hi"}
    agent = {"sId": "a1", "type": "agent_message", "status": "succeeded", "content": "yo"}
    by_old_name = ChatResponse.model_validate(
        {"conversation_id": "c", "user_message": user, "assistant_message": agent, "text": "yo"}
    )
    by_new_name = ChatResponse.model_validate(
        {"conversation_id": "c", "user_message": user, "agent_message": agent, "text": "yo"}
    )
    assert by_old_name.agent_message == by_new_name.agent_message
    assert by_old_name.agent_message is not None
    assert by_old_name.agent_message.sId == "a1"
    assert by_new_name.message_id == "a1"


APP_CONFIG = {"MODEL": {"provider_id": "openai", "model_id": "gpt-4o", "use_cache": True}}


def test_raw_app_run_and_search_streams(client: DustClient) -> None:
    raw_run = client.apps.with_raw_response.stream_run(
        SPACE, "app_echo", specification_hash=ECHO_APP_HASH, config=APP_CONFIG, inputs=[{"question": "q"}]
    )
    assert raw_run.status_code == 200
    assert raw_run.http_response.request.method == "POST"
    run = raw_run.parse()
    assert isinstance(run, Stream)
    assert isinstance(list(run)[-1], AppRunFinalEvent)

    with client.search.with_streaming_response.stream_nodes("roadmap plan") as raw_search:
        assert raw_search.headers["content-type"].startswith("text/event-stream")
        events = list(raw_search.parse())
    assert events
    assert all(isinstance(event, NodeSearchEvent) for event in events)


def test_async_raw_app_run_stream(config: DustConfig) -> None:
    async def run() -> list[object]:
        async with async_client(config) as client:
            raw = await client.apps.with_raw_response.stream_run(
                SPACE, "app_echo", specification_hash=ECHO_APP_HASH, config=APP_CONFIG, inputs=[{"q": 1}]
            )
            assert raw.status_code == 200
            stream = raw.parse()
            assert isinstance(stream, AsyncStream)
            return [event async for event in stream]

    assert isinstance(asyncio.run(run())[-1], AppRunFinalEvent)
