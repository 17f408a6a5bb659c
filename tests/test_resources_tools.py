"""Tool interactions on the emulator, sync and async: a chat stream yields the tool calls that wait for the
user as PendingToolAction objects; approving, rejecting or answering them lets the agent reach its reply.
Blocked actions are listed by conversation; conversations gain and lose tool servers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from sdk_support import emulator_config

from dust_ext import AsyncDustClient, DustClient
from dust_ext._streaming import StreamPolicy
from dust_ext.events import AgentMessageSuccessEvent, ToolApproveExecutionEvent
from dust_ext.exceptions import DustError, DustNotFoundError, DustToolActionRequiredError
from dust_ext.resources.tools import (
    AsyncPendingToolAction,
    BlockedAction,
    PendingToolAction,
    answer_body,
    answer_payload,
)
from dust_ext.testing import EmulatorServer
from dust_ext.types.actions import AgentAction, ToolQuestion

FAST = StreamPolicy(reconnect_delay=0.0, backoff_multiplier=1.0)


@pytest.fixture
def client(fresh_dust_emulator: EmulatorServer) -> Iterator[DustClient]:
    with DustClient(emulator_config(fresh_dust_emulator), stream_policy=FAST, sleep=lambda _: None) as c:
        yield c


@pytest.fixture
async def aclient(fresh_dust_emulator: EmulatorServer) -> AsyncIterator[AsyncDustClient]:
    async def no_wait(_: float) -> None:
        return None

    async with AsyncDustClient(emulator_config(fresh_dust_emulator), stream_policy=FAST, sleep=no_wait) as c:
        yield c


# --- pure pieces ---------------------------------------------------------------------------------------


def test_validate_action_refuses_an_unknown_verdict_before_sending(client: DustClient) -> None:
    with pytest.raises(ValueError, match="verdict"):
        client.conversations.validate_action("c", "m", "act_1", "maybe")  # type: ignore[arg-type]


def test_answer_body_completes_the_answer() -> None:
    body = {"actionId": "act_1", "answer": {"selectedOptions": (0, "2")}}
    assert answer_body(body) == {"actionId": "act_1", "answer": {"selectedOptions": [0, 2]}}
    with pytest.raises(ValueError, match="selected_options"):
        answer_body({"actionId": "act_1", "answer": {"customResponse": ""}})


def test_answer_payload_needs_an_option_or_a_response() -> None:
    assert answer_payload([1], None) == {"selectedOptions": [1]}
    assert answer_payload(None, "later") == {"selectedOptions": [], "customResponse": "later"}
    with pytest.raises(ValueError, match="selected_options"):
        answer_payload([], None)


# --- approval, sync --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("decide", "reply", "resolution"),
    [
        (PendingToolAction.approve, "approved and ran successfully", "approved"),
        (PendingToolAction.always_approve, "approved and ran successfully", "always_approved"),
        (PendingToolAction.reject, "rejected, so I did not run it", "rejected"),
    ],
)
def test_stream_yields_a_pending_approval_and_continues_after_the_decision(
    client: DustClient, decide: Any, reply: str, resolution: str
) -> None:
    seen: list[Any] = []
    with client.chat.stream(agent="approver", text="drop the cache") as stream:
        for event in stream:
            seen.append(event)
            if isinstance(event, PendingToolAction):
                assert event.kind == "approval"
                assert isinstance(event.event, ToolApproveExecutionEvent)
                assert event.inputs == {"target": "drop the cache"}
                assert event.stake == "high"
                assert event.tool_name == "dangerous_operation"
                assert event.message_id == stream.message_id
                blocked = client.conversations.list_blocked_actions(stream.conversation_id)
                assert [(b.actionId, b.status) for b in blocked] == [
                    (event.action_id, "blocked_validation_required")
                ]
                assert decide(event) is True
                assert event.resolution == resolution
        response = stream.until_done()
    assert reply in response.text
    assert isinstance(seen[-1], AgentMessageSuccessEvent)
    assert [type(a) for a in stream.tool_actions] == [PendingToolAction]
    assert client.conversations.list_blocked_actions(response.conversation_id) == []
    assert response.assistant_message is not None
    (action,) = response.assistant_message.actions
    assert isinstance(action, AgentAction)
    assert action.status == ("denied" if resolution == "rejected" else "succeeded")
    assert (action.toolName, action.functionCallName) == (
        "dangerous_operation",
        "emulator_tools__dangerous_operation",
    )


def test_send_answers_tool_calls_with_the_handler(client: DustClient) -> None:
    decided: list[str] = []

    def approve(action: PendingToolAction) -> None:
        decided.append(action.action_id)
        action.approve()

    response = client.chat.send(agent="approver", text="rotate keys", on_tool_action=approve)
    assert "approved and ran successfully" in response.text
    assert len(decided) == 1
    (action,) = response.actions
    assert action.output == [{"type": "text", "text": "Operation ran on 'rotate keys'."}]
    assert action.output_text == "Operation ran on 'rotate keys'."
    assert action.params == {"target": "rotate keys"}
    assert action.model_extra is not None
    assert action.model_extra["executionState"] == "allowed_explicitly"


def test_send_without_a_handler_refuses_to_wait_forever(client: DustClient) -> None:
    with pytest.raises(DustToolActionRequiredError, match="on_tool_action") as raised:
        client.chat.send(agent="approver", text="anything")
    pending = raised.value.action
    assert isinstance(pending, PendingToolAction)
    assert pending.tool_name == "dangerous_operation"
    assert raised.value.conversation_id == pending.conversation_id
    assert raised.value.message_id == pending.message_id


def test_send_with_skip_tools_validation_runs_the_tool_without_asking(client: DustClient) -> None:
    asked: list[PendingToolAction] = []
    response = client.chat.send(
        agent="approver", text="rotate keys", skip_tools_validation=True, on_tool_action=asked.append
    )
    assert asked == []
    assert response.text == "The action ran without approval (skipToolsValidation) and succeeded."
    (action,) = response.actions
    assert action.model_extra is not None
    assert action.model_extra["executionState"] == "allowed_implicitly"
    assert action.output_text == "Operation ran on 'rotate keys'."
    # A later turn in the same conversation asks again unless it passes the flag too, as on Dust (the flag
    # belongs to the agent message); a retry of the message keeps it.
    assert response.agent_message is not None
    assert response.agent_message.model_extra is not None
    assert response.agent_message.model_extra["skipToolsValidation"] is True
    with pytest.raises(DustToolActionRequiredError):
        client.chat.send(agent="approver", text="again", conversation_id=response.conversation_id)
    retried = client.conversations.retry_message(response.conversation_id, response.agent_message.sId)
    assert retried.model_extra is not None
    assert retried.model_extra["skipToolsValidation"] is True


def test_session_uses_its_handler_on_every_turn(client: DustClient) -> None:
    session = client.chat.session(agent="approver", on_tool_action=PendingToolAction.reject)
    assert "rejected" in session.send("first").text
    assert "rejected" in session.send("second").text


def test_conversation_level_validate_action(client: DustClient) -> None:
    with client.chat.stream(agent="approver", text="by id") as stream:
        for event in stream:
            if isinstance(event, PendingToolAction):
                (blocked,) = client.conversations.list_blocked_actions(stream.conversation_id)
                assert isinstance(blocked, BlockedAction)
                assert client.conversations.validate_action(
                    blocked.conversationId, blocked.messageId, blocked.actionId, "rejected"
                )
        assert "rejected" in stream.until_done().text
    with pytest.raises(DustNotFoundError):
        client.conversations.validate_action(
            stream.conversation_id, stream.message_id, "act_gone", "approved"
        )


# --- questions, sync ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "reply"),
    [
        ((("production",), None), "You chose production"),
        (((0,), None), "You chose staging"),
        (((), "wait until Monday"), "You answered: wait until Monday"),
    ],
)
def test_a_tool_question_is_answered_in_the_stream(
    client: DustClient, answer: tuple[tuple[Any, ...], str | None], reply: str
) -> None:
    options, custom = answer
    with client.chat.stream(agent="asker", text="the API") as stream:
        for event in stream:
            if isinstance(event, PendingToolAction):
                assert event.kind == "question"
                assert event.question is not None
                assert isinstance(event.question, ToolQuestion)
                assert event.question.question == "Which environment should I deploy to?"
                assert event.question.labels == ["staging", "production"]
                assert event.question.options[0].description == "The pre-production environment."
                assert event.question.multiSelect is False
                assert event.metadata is not None
                assert event.metadata.mcpServerName == "emulator_tools"
                (blocked,) = client.conversations.list_blocked_actions(stream.conversation_id)
                assert blocked.status == "blocked_user_answer_required"
                assert blocked.question == event.question
                with pytest.raises(DustError, match="not an approval"):
                    event.approve()
                event.answer(*options, custom_response=custom)
        assert reply in stream.until_done().text


def test_answer_rejects_unknown_labels_and_bad_indexes(client: DustClient) -> None:
    with client.chat.stream(agent="asker", text="x") as stream:
        for event in stream:
            if isinstance(event, PendingToolAction):
                with pytest.raises(ValueError, match="not an option"):
                    event.answer("moon")
                with pytest.raises(DustError):  # the server refuses an index out of range (400)
                    event.answer(7)
                assert client.conversations.answer_question(
                    stream.conversation_id, event.message_id, event.action_id, [1]
                )
        assert "production" in stream.until_done().text


# --- conversation tools, sync and async ------------------------------------------------------------------


def test_update_conversation_tools(dust: Any) -> None:
    response = dust.chat.send(agent="echo", text="hello")
    views = dust.mcp.list_server_views("vlt_global")
    assert [v.sId for v in views] == ["msv_emulator_tools"]
    every = dust.mcp.list_server_views("vlt_global", include_auto=True)
    assert {v.sId for v in every} >= {"msv_search", "msv_emulator_tools"}
    assert dust.conversations.update_tools(response.conversation_id, "msv_search") is True
    assert dust.conversations.update_tools(response.conversation_id, "msv_search", action="delete") is True
    with pytest.raises(DustNotFoundError):
        dust.conversations.update_tools(response.conversation_id, "msv_nope")
    assert dust.conversations.list_blocked_actions(response.conversation_id) == []


# --- async -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("verdict", "reply"), [("approve", "approved and ran"), ("reject", "was rejected")])
async def test_async_stream_approval(aclient: AsyncDustClient, verdict: str, reply: str) -> None:
    async with aclient.chat.stream(agent="approver", text="async op") as stream:
        async for event in stream:
            if isinstance(event, AsyncPendingToolAction):
                blocked = await aclient.conversations.list_blocked_actions(stream.conversation_id)
                assert [b.actionId for b in blocked] == [event.action_id]
                assert await getattr(event, verdict)() is True
        assert reply in (await stream.until_done()).text


async def test_async_send_with_async_and_sync_handlers(aclient: AsyncDustClient) -> None:
    async def approve(action: AsyncPendingToolAction) -> None:
        await action.always_approve()

    assert "approved" in (await aclient.chat.send(agent="approver", text="a", on_tool_action=approve)).text

    # A plain function returning the awaitable works too.
    response = await aclient.chat.send(agent="approver", text="b", on_tool_action=lambda a: a.reject())
    assert "rejected" in response.text


async def test_async_send_with_skip_tools_validation(aclient: AsyncDustClient) -> None:
    response = await aclient.chat.send(agent="approver", text="c", skip_tools_validation=True)
    assert response.text == "The action ran without approval (skipToolsValidation) and succeeded."
    async with aclient.chat.stream(agent="approver", text="d", skip_tools_validation=True) as stream:
        events = [event async for event in stream]
    assert not any(isinstance(event, AsyncPendingToolAction | ToolApproveExecutionEvent) for event in events)
    assert isinstance(events[-1], AgentMessageSuccessEvent)


async def test_async_question_and_refusal(aclient: AsyncDustClient) -> None:
    async def pick_staging(action: AsyncPendingToolAction) -> None:
        await action.answer("staging")

    assert (
        "You chose staging"
        in (await aclient.chat.send(agent="asker", text="q", on_tool_action=pick_staging)).text
    )
    with pytest.raises(DustToolActionRequiredError, match="on_tool_action") as raised:
        await aclient.chat.send(agent="asker", text="no handler")
    pending = raised.value.action
    assert isinstance(pending, AsyncPendingToolAction)
    assert pending.question is not None
    assert pending.question.labels == ["staging", "production"]
    # send() cancelled the message on its way out: nothing is left waiting for an answer.
    assert await aclient.conversations.list_blocked_actions(str(raised.value.conversation_id)) == []
