"""A tool call waiting for the user surfaces at once, whichever way a chat stream is read (iteration,
``text_stream``, ``until_done``, ``final_message``, sessions; sync and async): it raises
DustToolActionRequiredError carrying the pending action, unless an ``on_tool_action=`` handler answers it,
and never waits silently for the idle timeout. Proven on the emulator's ``approver`` and ``asker`` agents.

The clients here give up after 10 s without an event, so a regression fails as a DustTimeoutError
quickly instead of hanging for Dust's default 300 s."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Iterator
from typing import Any

import pytest
from sdk_support import emulator_config

from dust_ext import AsyncDustClient, DustClient
from dust_ext._streaming import StreamPolicy
from dust_ext.events import AgentMessageSuccessEvent, ToolParamsEvent
from dust_ext.exceptions import DustForbiddenError, DustTimeoutError, DustToolActionRequiredError
from dust_ext.resources.tools import AsyncPendingToolAction, PendingToolAction
from dust_ext.testing import EmulatorServer

QUICK_GIVE_UP = StreamPolicy(reconnect_delay=0.0, backoff_multiplier=1.0, idle_timeout=10.0)


@pytest.fixture
def client(fresh_dust_emulator: EmulatorServer) -> Iterator[DustClient]:
    with DustClient(emulator_config(fresh_dust_emulator), stream_policy=QUICK_GIVE_UP) as c:
        yield c


@pytest.fixture
async def aclient(fresh_dust_emulator: EmulatorServer) -> AsyncIterator[AsyncDustClient]:
    async with AsyncDustClient(emulator_config(fresh_dust_emulator), stream_policy=QUICK_GIVE_UP) as c:
        yield c


def _assert_carries_the_approval(error: DustToolActionRequiredError, expected_type: type[Any]) -> None:
    action = error.action
    assert isinstance(action, expected_type)
    assert action.kind == "approval"
    assert action.tool_name == "dangerous_operation"
    assert (error.conversation_id, error.message_id) == (action.conversation_id, action.message_id)
    assert "dangerous_operation" in str(error)
    assert "on_tool_action" in str(error)


# --- sync ------------------------------------------------------------------------------------------------


def test_text_stream_raises_at_once_and_goes_on_once_answered(client: DustClient) -> None:
    with client.chat.stream(agent="approver", text="x") as stream:
        with pytest.raises(DustToolActionRequiredError) as raised:
            "".join(stream.text_stream)
        _assert_carries_the_approval(raised.value, PendingToolAction)
        assert stream.tool_actions == [raised.value.action]
        assert raised.value.action.approve() is True
        assert "".join(stream.text_stream) == "The action was approved and ran successfully."
        assert stream.until_done().text == "The action was approved and ran successfully."


def test_leaving_the_block_on_the_error_cancels_the_waiting_message(client: DustClient) -> None:
    with (
        pytest.raises(DustToolActionRequiredError) as raised,
        client.chat.stream(agent="approver", text="x") as stream,
    ):
        print("".join(stream.text_stream))
    assert client.conversations.list_blocked_actions(str(raised.value.conversation_id)) == []
    assert stream.done is False
    message = client.conversations.get(stream.conversation_id).agent_messages[-1]
    assert message.status == "cancelled"


@pytest.mark.parametrize("read", ["until_done", "final_message"])
def test_until_done_and_final_message_raise_at_once(client: DustClient, read: str) -> None:
    with client.chat.stream(agent="approver", text="x") as stream:
        with pytest.raises(DustToolActionRequiredError) as raised:
            getattr(stream, read)()
        _assert_carries_the_approval(raised.value, PendingToolAction)
        raised.value.action.reject()
        assert stream.until_done().text == "The action was rejected, so I did not run it."


def test_iteration_yields_the_action_and_raises_if_read_on_unanswered(client: DustClient) -> None:
    seen: list[Any] = []
    with client.chat.stream(agent="approver", text="x") as stream:
        with pytest.raises(DustToolActionRequiredError) as raised:
            seen.extend(stream)
        assert [type(event) for event in seen] == [ToolParamsEvent, PendingToolAction]
        assert raised.value.action is seen[-1]
        assert "before reading on" in str(raised.value)


def test_iteration_goes_on_when_the_action_was_answered_by_id(client: DustClient) -> None:
    with client.chat.stream(agent="approver", text="x") as stream:
        for event in stream:
            if isinstance(event, PendingToolAction):
                assert client.conversations.validate_action(
                    event.conversation_id, event.message_id, event.action_id, "approved"
                )
                assert event.resolution is None  # the stream asks Dust whether it still waits
        assert isinstance(event, AgentMessageSuccessEvent)


def test_reading_on_after_leaving_an_action_unanswered_raises_again(client: DustClient) -> None:
    with client.chat.stream(agent="approver", text="x") as stream:
        for event in stream:
            if isinstance(event, PendingToolAction):
                break  # seen, not answered
        with pytest.raises(DustToolActionRequiredError) as raised:
            stream.until_done()
        assert raised.value.action is event
        with pytest.raises(DustToolActionRequiredError):
            "".join(stream.text_stream)
        # Answered by id, the stream goes on.
        assert client.conversations.validate_action(
            event.conversation_id, event.message_id, event.action_id, "rejected"
        )
        assert "".join(stream.text_stream) == "The action was rejected, so I did not run it."


def test_when_dust_cannot_say_whether_it_still_waits_it_raises(
    client: DustClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(conversation_id: str) -> None:
        raise DustForbiddenError(403, "no read:conversation scope")

    monkeypatch.setattr(client.conversations, "list_blocked_actions", refused)
    with client.chat.stream(agent="approver", text="x") as stream:
        with pytest.raises(DustToolActionRequiredError) as raised:
            list(stream)
        assert isinstance(raised.value.__cause__, DustForbiddenError)


def test_the_streaming_response_wrapper_surfaces_it_too(client: DustClient) -> None:
    with client.chat.with_streaming_response.stream(agent="approver", text="x") as raw:
        stream = raw.parse()
        with pytest.raises(DustToolActionRequiredError) as raised:
            "".join(stream.text_stream)
        _assert_carries_the_approval(raised.value, PendingToolAction)


def test_a_handler_lets_every_way_of_reading_go_on(client: DustClient) -> None:
    with client.chat.stream(agent="approver", text="x", on_tool_action=PendingToolAction.approve) as stream:
        assert "".join(stream.text_stream) == "The action was approved and ran successfully."
    with client.chat.stream(agent="asker", text="x", on_tool_action=lambda a: a.answer("staging")) as stream:
        events = list(stream)
        assert isinstance(events[-1], AgentMessageSuccessEvent)
        assert [action.resolution for action in stream.tool_actions] == ["answered"]
    with client.chat.stream(agent="approver", text="y", on_tool_action=PendingToolAction.reject) as stream:
        assert "rejected" in stream.until_done().text


def test_a_session_stream_raises_without_a_handler(client: DustClient) -> None:
    session = client.chat.session(agent="asker")
    with session.stream("x") as stream:
        with pytest.raises(DustToolActionRequiredError) as raised:
            list(stream.text_stream)
        assert raised.value.action.question is not None
        raised.value.action.answer("production")
        assert "".join(stream.text_stream) == "You chose production, so I deploy there."
    with pytest.raises(DustToolActionRequiredError):
        session.send("again")
    assert len(session.history()) == 4


async def _read_into(stream: AsyncIterable[Any], seen: list[Any]) -> None:
    async for event in stream:
        seen.append(event)


# --- async -----------------------------------------------------------------------------------------------


async def test_async_text_stream_raises_at_once_and_goes_on_once_answered(aclient: AsyncDustClient) -> None:
    async with aclient.chat.stream(agent="asker", text="x") as stream:
        with pytest.raises(DustToolActionRequiredError) as raised:
            async for _ in stream.text_stream:
                pass
        action = raised.value.action
        assert isinstance(action, AsyncPendingToolAction)
        assert action.kind == "question"
        assert await action.answer("staging") is True
        assert [piece async for piece in stream.text_stream] != []
        assert (await stream.until_done()).text == "You chose staging, so I deploy there."


async def test_async_text_stream_read_again_without_an_answer_raises_again(aclient: AsyncDustClient) -> None:
    async with aclient.chat.stream(agent="approver", text="x") as stream:
        for _ in range(2):
            with pytest.raises(DustToolActionRequiredError) as raised:
                async for _piece in stream.text_stream:
                    pass
            assert raised.value.action is stream.tool_actions[0]
        assert len(stream.tool_actions) == 1
        await raised.value.action.approve()
        assert "approved" in (await stream.until_done()).text


async def test_async_approval_in_text_stream(aclient: AsyncDustClient) -> None:
    async with aclient.chat.stream(agent="approver", text="x") as stream:
        with pytest.raises(DustToolActionRequiredError) as raised:
            async for _ in stream.text_stream:
                pass
        _assert_carries_the_approval(raised.value, AsyncPendingToolAction)


@pytest.mark.parametrize("read", ["until_done", "final_message"])
async def test_async_until_done_and_final_message_raise_at_once(aclient: AsyncDustClient, read: str) -> None:
    async with aclient.chat.stream(agent="approver", text="x") as stream:
        with pytest.raises(DustToolActionRequiredError) as raised:
            await getattr(stream, read)()
        _assert_carries_the_approval(raised.value, AsyncPendingToolAction)
        await raised.value.action.approve()
        assert "approved" in (await stream.until_done()).text


async def test_async_iteration_raises_if_read_on_unanswered(aclient: AsyncDustClient) -> None:
    seen: list[Any] = []
    async with aclient.chat.stream(agent="asker", text="x") as stream:
        with pytest.raises(DustToolActionRequiredError) as raised:
            await _read_into(stream, seen)
        assert [type(event) for event in seen] == [ToolParamsEvent, AsyncPendingToolAction]
        assert raised.value.action is seen[-1]


async def test_async_handler_and_session(aclient: AsyncDustClient) -> None:
    async def approve(action: AsyncPendingToolAction) -> None:
        await action.approve()

    async with aclient.chat.stream(agent="approver", text="x", on_tool_action=approve) as stream:
        text = "".join([piece async for piece in stream.text_stream])
    assert text == "The action was approved and ran successfully."

    session = aclient.chat.session(agent="approver")
    async with session.stream("x") as stream:
        with pytest.raises(DustToolActionRequiredError):
            async for _ in stream:
                pass
    with pytest.raises(DustToolActionRequiredError):
        await session.send("again")
    answered = aclient.chat.session(agent="approver", on_tool_action=approve)
    assert "approved" in (await answered.send("x")).text


# --- a handler that lets the action wait -----------------------------------------------------------------

GIVE_UP_SOON = StreamPolicy(reconnect_delay=0.0, backoff_multiplier=1.0, idle_timeout=0.5, read_timeout=0.2)


def _leave_it(action: Any) -> None:
    """A handler that decides later (e.g. the user acts in Dust's web app)."""


def test_a_timeout_while_a_handled_action_waits_names_it(fresh_dust_emulator: EmulatorServer) -> None:
    config = emulator_config(fresh_dust_emulator)
    with (
        DustClient(config, stream_policy=GIVE_UP_SOON) as client,
        client.chat.stream(agent="approver", text="x", on_tool_action=_leave_it) as stream,
        pytest.raises(DustTimeoutError, match="idle_timeout") as raised,
    ):
        "".join(stream.text_stream)
    assert "may still be waiting for the user: tool_approve_execution of tool 'dangerous_operation'" in str(
        raised.value
    )
    assert isinstance(raised.value.__cause__, DustTimeoutError)


async def test_async_timeout_while_a_handled_action_waits_names_it(
    fresh_dust_emulator: EmulatorServer,
) -> None:
    config = emulator_config(fresh_dust_emulator)
    async with AsyncDustClient(config, stream_policy=GIVE_UP_SOON) as client:
        with pytest.raises(DustTimeoutError, match="tool_ask_user_question of tool 'deploy'"):
            await client.chat.send(agent="asker", text="x", on_tool_action=_leave_it)
