"""Client-side MCP servers: the sans-IO tool protocol, the building blocks (register, heartbeat, request
stream, results) and ``client.mcp.serve`` end to end with the emulator's ``toolcaller`` agent, sync and
async."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any, assert_type

import pytest
from pydantic import BaseModel
from sdk_support import emulator_config

from dust_ext import AsyncDustClient, DustClient
from dust_ext._streaming import StreamPolicy
from dust_ext.events import AgentMessageSuccessEvent
from dust_ext.exceptions import DustDecodeError, DustNotFoundError
from dust_ext.mcp import MCPHeartbeat, MCPRegistration, MCPRequest, Tool, ToolCall, ToolServerProtocol
from dust_ext.resources.mcp import as_tools, register_call
from dust_ext.testing import EmulatorServer
from dust_ext.types.mcp import decode_request_frame

FAST = StreamPolicy(reconnect_delay=0.0, backoff_multiplier=1.0)


def add(a: int, b: int) -> int:
    """Add two integers."""
    return a + b


def shout(text: str, times: int = 1) -> str:
    """Upper-case a text, repeated."""
    return " ".join([text.upper()] * times)


def explode(reason: str) -> None:
    """Always fails."""
    raise RuntimeError(reason)


async def slow_double(x: float) -> float:
    """Double a number, asynchronously."""
    await asyncio.sleep(0)
    return 2 * x


def context_for(client: DustClient | AsyncDustClient, server_id: str) -> dict[str, Any]:
    return {
        "username": client.config.default_username,
        "timezone": client.config.default_timezone,
        "clientSideMCPServerIds": [server_id],
    }


def request(method: str, params: dict[str, Any] | None = None, request_id: int | None = 1) -> MCPRequest:
    return MCPRequest.model_validate(
        {"eventId": "1-0", "id": request_id, "method": method, "params": params or {}}
    )


# --- sans-IO -------------------------------------------------------------------------------------------


def test_a_function_becomes_a_tool_described_by_its_signature() -> None:
    tool = Tool.from_function(shout)
    assert tool.describe()["name"] == "shout"
    assert tool.describe()["description"] == "Upper-case a text, repeated."
    schema = tool.input_schema
    assert schema["required"] == ["text"]
    assert schema["properties"]["text"]["type"] == "string"
    assert schema["properties"]["times"]["type"] == "integer"
    assert tool.bind({"text": "hi", "times": "2"}) == {"text": "hi", "times": 2}
    assert Tool.from_function(add, name="plus", description="x").describe()["name"] == "plus"


def test_the_protocol_answers_initialize_list_and_calls() -> None:
    protocol = ToolServerProtocol(as_tools([add, explode]), server_name="python-tools")
    init = protocol.handle(request("initialize", {"protocolVersion": "2025-03-26"}))
    assert isinstance(init, dict)
    assert init["result"]["protocolVersion"] == "2025-03-26"
    assert init["result"]["serverInfo"]["name"] == "python-tools"
    assert protocol.handle(request("notifications/initialized", request_id=None)) is None
    listed = protocol.handle(request("tools/list", request_id=2))
    assert isinstance(listed, dict)
    assert [tool["name"] for tool in listed["result"]["tools"]] == ["add", "explode"]
    call = protocol.handle(request("tools/call", {"name": "add", "arguments": {"a": 2, "b": 40}}, 3))
    assert isinstance(call, ToolCall)
    assert protocol.result(call, call.tool.function(**call.kwargs)) == {
        "jsonrpc": "2.0",
        "id": 3,
        "result": {"content": [{"type": "text", "text": "42"}], "isError": False},
    }
    failing = protocol.handle(request("tools/call", {"name": "explode", "arguments": {"reason": "no"}}, 4))
    assert isinstance(failing, ToolCall)
    failure = protocol.failure(failing, RuntimeError("no"))
    assert failure["result"]["isError"] is True
    assert failure["result"]["content"][0]["text"] == "RuntimeError: no"


@pytest.mark.parametrize(
    ("method", "params", "code"),
    [
        ("resources/list", {}, -32601),
        ("tools/call", {"name": "nope", "arguments": {}}, -32602),
        ("tools/call", {"name": "add", "arguments": {"a": "two", "b": 1}}, -32602),
        ("tools/call", {"name": "add", "arguments": {"a": 1, "b": 2, "c": 3}}, -32602),
    ],
)
def test_protocol_errors(method: str, params: dict[str, Any], code: int) -> None:
    protocol = ToolServerProtocol(as_tools([add]), server_name="python-tools")
    answer = protocol.handle(request(method, params, 9))
    assert isinstance(answer, dict)
    assert answer["id"] == 9
    assert answer["error"]["code"] == code


def test_results_render_values_as_text() -> None:
    class Point(BaseModel):
        x: int

    protocol = ToolServerProtocol([], server_name="python-tools")
    call = ToolCall(1, Tool.from_function(add), {})
    texts = [
        protocol.result(call, value)["result"]["content"][0]["text"] for value in ("s", {"a": 1}, Point(x=1))
    ]
    assert texts == ["s", '{"a": 1}', '{"x":1}']


def test_tool_names_must_be_unique_and_server_names_sized() -> None:
    with pytest.raises(ValueError, match="share the name"):
        as_tools([add, Tool.from_function(shout, name="add")])
    with pytest.raises(ValueError, match="5 to 30"):
        register_call("w", "abc")


def test_request_frames_decode() -> None:
    frame = '{"eventId": "7-0", "data": {"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": {"name": "add", "arguments": {"a": 1}}}}'
    decoded = decode_request_frame(frame, "u")
    assert decoded is not None
    assert (decoded.event_id, decoded.tool_name, decoded.arguments) == ("7-0", "add", {"a": 1})
    assert decode_request_frame("done", "u") is None
    with pytest.raises(DustDecodeError):
        decode_request_frame('{"eventId": "1"}', "u")


# --- building blocks on the emulator --------------------------------------------------------------------


def test_register_heartbeat_and_unknown_servers(dust: Any) -> None:
    registration = dust.mcp.register("python-tools")
    assert registration.serverId.startswith("mcp_")
    beat = dust.mcp.heartbeat(registration.serverId)
    assert beat.success is True
    assert beat.expiresAt >= registration.expiresAt
    with pytest.raises(DustNotFoundError):
        dust.mcp.heartbeat("mcp_unknown")
    with pytest.raises(DustNotFoundError):
        dust.mcp.post_result("mcp_unknown", {"jsonrpc": "2.0", "id": 1, "result": {}})


def test_deregister_ends_a_registration(dust: Any) -> None:
    server_id = dust.mcp.register("python-tools").serverId
    assert dust.mcp.deregister(server_id) is True
    with pytest.raises(DustNotFoundError):
        dust.mcp.heartbeat(server_id)
    assert dust.mcp.deregister(server_id) is True  # Dust answers success for a gone registration too


def test_a_stopped_server_is_deregistered(client: DustClient) -> None:
    with client.mcp.serve(tools=[add], server_name="python-tools") as server:
        server_id = server.server_id
        assert server_id is not None
        assert client.mcp.heartbeat(server_id).success is True
    with pytest.raises(DustNotFoundError):
        client.mcp.heartbeat(server_id)


@pytest.fixture
def client(fresh_dust_emulator: EmulatorServer) -> Iterator[DustClient]:
    with DustClient(emulator_config(fresh_dust_emulator), stream_policy=FAST, sleep=lambda _: None) as c:
        yield c


def test_answering_requests_by_hand(client: DustClient) -> None:
    """The raw loop: read requests from the stream, post JSON-RPC responses; the agent uses the result."""
    server_id = client.mcp.register("hand-made").serverId
    conversation = client.conversations.create(
        message="please add a=20 b=22", mentions=["toolcaller"], context=context_for(client, server_id)
    )
    protocol = ToolServerProtocol(as_tools([add]), server_name="hand-made")
    methods: list[str] = []
    event_ids: list[str] = []
    for incoming in client.mcp.stream_requests(server_id):
        methods.append(incoming.method)
        event_ids.append(incoming.event_id)
        outcome = protocol.handle(incoming)
        if isinstance(outcome, ToolCall):
            outcome = protocol.result(outcome, outcome.tool.function(**outcome.kwargs))
        if outcome is not None:
            assert client.mcp.post_result(server_id, outcome) is True
        if incoming.method == "tools/call":
            break
    assert methods == ["initialize", "notifications/initialized", "tools/list", "tools/call"]
    first_event_id = event_ids[0]
    agent_message = conversation.agent_messages[0]
    events = list(client.conversations.stream_message_events(conversation.sId, agent_message.sId))
    final = events[-1].event
    assert isinstance(final, AgentMessageSuccessEvent)
    assert final.message.content == "The add tool returned 42."
    # Resuming after an event id delivers what came after it.
    with contextlib.closing(client.mcp.stream_requests(server_id, last_event_id=first_event_id)) as resumed:
        assert next(resumed).method == "notifications/initialized"
    with pytest.raises(DustNotFoundError):
        next(iter(client.mcp.stream_requests("mcp_gone")))


def test_serve_end_to_end(client: DustClient) -> None:
    with client.mcp.serve(tools=[add, shout, explode, slow_double], server_name="python-tools") as server:
        assert server.server_id is not None
        assert server.running
        context = context_for(client, server.server_id)
        response = client.chat.send(agent="toolcaller", text="tool=add a=2 b=40", context=context)
        assert response.text == "The add tool returned 42."
        shouted = client.chat.send(agent="toolcaller", text='tool=shout text="hey" times=2', context=context)
        assert shouted.text == "The shout tool returned HEY HEY."
        failed = client.chat.send(agent="toolcaller", text="tool=explode reason=boom", context=context)
        assert failed.text == "The explode tool failed: RuntimeError: boom"
        doubled = client.chat.send(agent="toolcaller", text="tool=slow_double x=21", context=context)
        assert doubled.text == "The slow_double tool returned 42.0."
    assert not server.running
    assert server.error is None
    assert [r.method for r in server.handled].count("tools/call") == 4


def test_serve_follows_done_hand_offs_after_every_request(
    client: DustClient, fresh_dust_emulator: EmulatorServer
) -> None:
    fresh_dust_emulator.set_faults("done-after=1;path=/mcp/requests")
    with client.mcp.serve(tools=[add], server_name="handed-off") as server:
        assert server.server_id is not None
        context = context_for(client, server.server_id)
        response = client.chat.send(agent="toolcaller", text="tool=add a=2 b=40", context=context)
        assert response.text == "The add tool returned 42."
    assert server.error is None
    methods = [r.method for r in server.handled]
    assert methods == ["initialize", "notifications/initialized", "tools/list", "tools/call"]


def test_without_a_server_the_agent_says_so(client: DustClient) -> None:
    response = client.chat.send(agent="toolcaller", text="tool=add a=1 b=1")
    assert "No client-side MCP server" in response.text


def test_serve_can_be_stopped_from_another_thread(client: DustClient) -> None:
    server = client.mcp.serve(tools=[add], stop_poll_interval=0.2).start()
    stopper = threading.Thread(target=server.stop)
    stopper.start()
    stopper.join(10)
    assert not server.running


# --- async -----------------------------------------------------------------------------------------------


@pytest.fixture
async def aclient(fresh_dust_emulator: EmulatorServer) -> AsyncIterator[AsyncDustClient]:
    async def no_wait(_: float) -> None:
        return None

    async with AsyncDustClient(emulator_config(fresh_dust_emulator), stream_policy=FAST, sleep=no_wait) as c:
        yield c


async def test_async_serve_end_to_end(aclient: AsyncDustClient) -> None:
    async with aclient.mcp.serve(tools=[add, slow_double]) as server:
        assert server.server_id is not None
        context = context_for(aclient, server.server_id)
        response = await aclient.chat.send(agent="toolcaller", text="a=2 b=40", context=context)
        assert response.text == "The add tool returned 42."
        doubled = await aclient.chat.send(agent="toolcaller", text="tool=slow_double x=1.5", context=context)
        assert doubled.text == "The slow_double tool returned 3.0."
    assert not server.running
    assert server.error is None


async def test_async_building_blocks(aclient: AsyncDustClient) -> None:
    server_id = (await aclient.mcp.register("async-hand")).serverId
    assert (await aclient.mcp.heartbeat(server_id)).success
    await aclient.conversations.create(
        message="x=1", mentions=["toolcaller"], context=context_for(aclient, server_id)
    )
    stream = aclient.mcp.stream_requests(server_id)
    first = await anext(stream)
    assert first.method == "initialize"
    protocol = ToolServerProtocol([], server_name="async-hand")
    answer = protocol.handle(first)
    assert isinstance(answer, dict)
    assert await aclient.mcp.post_result(server_id, answer)
    await stream.aclose()
    views = await aclient.mcp.list_server_views("vlt_global", include_auto=True)
    assert "msv_search" in {view.sId for view in views}


# --- typed raw access ------------------------------------------------------------------------------------


def test_raw_response_of_register_and_deregister_is_typed(client: DustClient) -> None:
    raw = client.mcp.with_raw_response.register("raw-tools")
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.http_response.request.method == "POST"
    registration = assert_type(raw.parse(), MCPRegistration)
    assert registration.serverId
    with client.mcp.with_streaming_response.deregister(registration.serverId) as streamed:
        assert streamed.status_code == 200
        assert assert_type(streamed.parse(), bool) is True


async def test_async_raw_response_of_register_and_heartbeat_is_typed(aclient: AsyncDustClient) -> None:
    raw = await aclient.mcp.with_raw_response.register("raw-tools")
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    registration = assert_type(raw.parse(), MCPRegistration)
    async with aclient.mcp.with_streaming_response.heartbeat(registration.serverId) as streamed:
        assert streamed.status_code == 200
        assert assert_type(await streamed.parse(), MCPHeartbeat).success
