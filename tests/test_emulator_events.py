"""The emulator's SSE event streams: live streaming, every scripted agent, resume, cancel, approval."""

from __future__ import annotations

import httpx
import pytest
from conftest import EmulatorApi, iter_frames

TERMINAL = {"agent_message_success", "agent_error", "agent_generation_cancelled"}


def _reply(events: list[dict]) -> str:
    return "".join(
        e["data"]["text"]
        for e in events
        if e["data"]["type"] == "generation_tokens" and e["data"]["classification"] == "tokens"
    )


def test_frames_are_event_id_and_data(emulator_api: EmulatorApi) -> None:
    conversation_id, message_id = emulator_api.ask("Hi", "echo", blocking=True)
    read = emulator_api.read_stream(emulator_api.message_events_path(conversation_id, message_id))
    assert read.error is None
    for event in read.events:
        assert set(event) == {"eventId", "data"}
        ms, seq = event["eventId"].split("-")
        assert int(ms) > 0
        assert int(seq) % 2 == 0
        assert event["data"]["messageId"] == message_id
        assert event["data"]["configurationId"] == "echo"
        assert isinstance(event["data"]["created"], int)
    ids = [tuple(map(int, e["eventId"].split("-"))) for e in read.events]
    assert ids == sorted(set(ids))


def test_stream_is_read_while_it_is_produced(emulator_api: EmulatorApi) -> None:
    # The agent stops after its first token until the test opens the gate: reading that first token
    # proves the response is streamed, not buffered until the agent finishes.
    conversation_id, message_id = emulator_api.ask("go gate=live tokens=3", "streamer")
    path = emulator_api.message_events_path(conversation_id, message_id)
    with emulator_api.client.stream("GET", path) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        frames = iter_frames(response.iter_lines())
        first = next(frames)
        assert first["data"]["type"] == "generation_tokens"
        assert first["data"]["text"] == "token-1 "
        assert emulator_api.agent_message(conversation_id, message_id)["status"] == "created"
        emulator_api.server.open_gate("live")
        rest = list(frames)
    assert [e["data"]["text"] for e in rest[:2]] == ["token-2 ", "token-3"]
    assert rest[-1]["data"]["type"] == "agent_message_success"
    assert rest[-1]["data"]["message"]["content"] == "token-1 token-2 token-3"


@pytest.mark.parametrize(
    ("agent", "text", "expected_types", "reply"),
    [
        ("echo", "Say this back", ["generation_tokens"] * 3 + ["agent_message_success"], "Say this back"),
        (
            "streamer",
            "tokens=4",
            ["generation_tokens"] * 4 + ["agent_message_success"],
            "token-1 token-2 token-3 token-4",
        ),
        ("failing", "anything", ["generation_tokens", "agent_error"], "Working "),
    ],
)
def test_simple_agents(
    emulator_api: EmulatorApi, agent: str, text: str, expected_types: list[str], reply: str
) -> None:
    conversation_id, message_id = emulator_api.ask(text, agent)
    read = emulator_api.read_stream(emulator_api.message_events_path(conversation_id, message_id))
    assert read.types == expected_types
    assert _reply(read.events) == reply


def test_dust_streams_a_multi_sentence_reply_matching_the_final_message(emulator_api: EmulatorApi) -> None:
    conversation_id, message_id = emulator_api.ask("Tell me something", "dust")
    read = emulator_api.read_stream(emulator_api.message_events_path(conversation_id, message_id))
    assert read.types[-1] == "agent_message_success"
    final = read.events[-1]["data"]
    assert final["runIds"]
    assert final["message"]["status"] == "succeeded"
    assert final["message"]["content"] == _reply(read.events)
    assert final["message"]["content"].count(". ") >= 2
    assert len(read.events) > 10


def test_failing_agent_reports_agent_error(emulator_api: EmulatorApi) -> None:
    conversation_id, message_id = emulator_api.ask("x", "failing")
    read = emulator_api.read_stream(emulator_api.message_events_path(conversation_id, message_id))
    error = read.events[-1]["data"]["error"]
    assert error["code"] == "emulator_scripted_failure"
    assert set(error) == {"code", "message", "metadata"}
    message = emulator_api.agent_message(conversation_id, message_id)
    assert message["status"] == "failed"
    assert message["error"] == error


def test_thinker_streams_chain_of_thought_between_delimiters(emulator_api: EmulatorApi) -> None:
    conversation_id, message_id = emulator_api.ask("why", "thinker")
    read = emulator_api.read_stream(emulator_api.message_events_path(conversation_id, message_id))
    classifications = [e["data"].get("classification") for e in read.events[:-1]]
    assert classifications[0] == "opening_delimiter"
    closing = classifications.index("closing_delimiter")
    assert set(classifications[1:closing]) == {"chain_of_thought"}
    assert set(classifications[closing + 1 :]) == {"tokens"}
    final = read.events[-1]["data"]["message"]
    assert final["chainOfThought"] == 'The user wrote "why". I should answer briefly.'
    assert final["content"] == _reply(read.events)
    assert "<thinking>" not in final["content"]


def test_researcher_emits_tool_events_before_tokens(emulator_api: EmulatorApi) -> None:
    conversation_id, message_id = emulator_api.ask("nothing indexed", "researcher")
    read = emulator_api.read_stream(emulator_api.message_events_path(conversation_id, message_id))
    assert read.types[:3] == ["tool_params", "tool_call_started", "agent_action_success"]
    assert read.events[0]["data"]["action"]["params"] == {"query": "nothing indexed", "topK": 4}
    assert read.events[1]["data"]["toolName"] == "semantic_search"
    assert read.events[2]["data"]["action"]["status"] == "succeeded"
    assert read.types[-1] == "agent_message_success"


@pytest.mark.parametrize(
    ("verdict", "reply"), [("approved", "approved and ran"), ("rejected", "was rejected")]
)
def test_approver_waits_for_validate_action(emulator_api: EmulatorApi, verdict: str, reply: str) -> None:
    conversation_id, message_id = emulator_api.ask("delete prod", "approver")
    path = emulator_api.message_events_path(conversation_id, message_id)
    with emulator_api.client.stream("GET", path) as response:
        frames = iter_frames(response.iter_lines())
        assert next(frames)["data"]["type"] == "tool_params"
        approval = next(frames)["data"]
        assert approval["type"] == "tool_approve_execution"
        assert approval["conversationId"] == conversation_id
        conversation = emulator_api.client.get(f"/assistant/conversations/{conversation_id}").json()
        assert conversation["conversation"]["actionRequired"] is True
        validated = emulator_api.client.post(
            f"/assistant/conversations/{conversation_id}/messages/{message_id}/validate-action",
            json={"actionId": approval["actionId"], "approved": verdict},
        )
        assert validated.json() == {"success": True}
        rest = list(frames)
    assert rest[-1]["data"]["type"] == "agent_message_success"
    assert reply in rest[-1]["data"]["message"]["content"]
    if verdict == "approved":
        assert [e["data"]["type"] for e in rest[:2]] == ["tool_call_started", "agent_action_success"]


def test_validate_action_with_unknown_action_is_404(emulator_api: EmulatorApi) -> None:
    conversation_id, message_id = emulator_api.ask("x", "echo", blocking=True)
    response = emulator_api.client.post(
        f"/assistant/conversations/{conversation_id}/messages/{message_id}/validate-action",
        json={"actionId": "nope", "approved": "approved"},
    )
    assert response.status_code == 404
    assert response.json()["error"]["type"] == "action_not_found"


def test_cancel_stops_a_running_generation(emulator_api: EmulatorApi) -> None:
    conversation_id, message_id = emulator_api.ask("gate=never-opened tokens=5", "streamer")
    path = emulator_api.message_events_path(conversation_id, message_id)
    with emulator_api.client.stream("GET", path) as response:
        frames = iter_frames(response.iter_lines())
        assert next(frames)["data"]["text"] == "token-1 "
        cancelled = emulator_api.client.post(
            f"/assistant/conversations/{conversation_id}/cancel", json={"messageIds": [message_id]}
        )
        assert cancelled.json() == {"success": True}
        rest = list(frames)
    assert [e["data"]["type"] for e in rest] == ["agent_generation_cancelled"]
    assert emulator_api.agent_message(conversation_id, message_id)["status"] == "cancelled"


def test_conversation_stream_has_title_and_ends_when_no_agent_runs(emulator_api: EmulatorApi) -> None:
    conversation_id, message_id = emulator_api.ask("Plan the offsite in May", "echo")
    read = emulator_api.read_stream(f"/assistant/conversations/{conversation_id}/events")
    assert read.error is None
    assert read.types == ["user_message_new", "agent_message_new", "conversation_title", "agent_message_done"]
    new_agent = read.events[1]["data"]
    assert new_agent["messageId"] == message_id
    assert new_agent["message"]["status"] == "created"
    assert read.events[2]["data"]["title"] == "Plan the offsite in May"
    assert read.events[3]["data"]["conversationId"] == conversation_id
    # A second exchange does not retitle.
    emulator_api.client.post(
        f"/assistant/conversations/{conversation_id}/messages",
        json={
            "content": "more",
            "mentions": [{"configurationId": "echo"}],
            "context": {"username": "p", "timezone": "UTC"},
            "blocking": True,
        },
    )
    again = emulator_api.read_stream(
        f"/assistant/conversations/{conversation_id}/events", last_event_id=read.events[-1]["eventId"]
    )
    assert again.types == ["user_message_new", "agent_message_new", "agent_message_done"]


def test_resume_after_each_event_rebuilds_the_undisturbed_stream(emulator_api: EmulatorApi) -> None:
    conversation_id, message_id = emulator_api.ask("resume me", "dust", blocking=True)
    path = emulator_api.message_events_path(conversation_id, message_id)
    whole = emulator_api.read_stream(path).events
    for index, event in enumerate(whole):
        tail = emulator_api.read_stream(path, last_event_id=event["eventId"]).events
        assert tail == whole[index + 1 :]


def test_dropped_stream_plus_resumed_stream_is_the_whole_stream(emulator_api: EmulatorApi) -> None:
    conversation_id, message_id = emulator_api.ask("tokens=7 gate=resume", "streamer")
    path = emulator_api.message_events_path(conversation_id, message_id)
    collected: list[dict] = []
    last_event_id = None
    emulator_api.server.open_gate("resume")
    for _ in range(20):
        read = emulator_api.read_stream(
            path, headers={"X-Dust-Emulator-Fault": "drop-after=3"}, last_event_id=last_event_id
        )
        collected.extend(read.events)
        if read.types and read.types[-1] in TERMINAL:
            assert read.error is None
            break
        assert isinstance(read.error, httpx.RemoteProtocolError)
        last_event_id = collected[-1]["eventId"]
    assert collected == emulator_api.read_stream(path).events
    assert _reply(collected) == "token-1 token-2 token-3 token-4 token-5 token-6 token-7"


def test_invalid_last_event_id_is_400(emulator_api: EmulatorApi) -> None:
    conversation_id, message_id = emulator_api.ask("x", "echo", blocking=True)
    read = emulator_api.read_stream(
        emulator_api.message_events_path(conversation_id, message_id), last_event_id="not-an-id"
    )
    assert read.status_code == 400
    assert read.frames[0]["error"]["type"] == "invalid_request_error"


def test_events_of_a_user_message_are_400(emulator_api: EmulatorApi) -> None:
    conversation = emulator_api.create_conversation("x", "echo", blocking=True)["conversation"]
    user_message_id = conversation["content"][0][0]["sId"]
    read = emulator_api.read_stream(emulator_api.message_events_path(conversation["sId"], user_message_id))
    assert read.status_code == 400


def test_live_conversation_stream_waits_for_the_running_agent(emulator_api: EmulatorApi) -> None:
    conversation_id, message_id = emulator_api.ask("gate=conversation hello", "streamer")
    with emulator_api.client.stream("GET", f"/assistant/conversations/{conversation_id}/events") as response:
        frames = iter_frames(response.iter_lines())
        assert next(frames)["data"]["type"] == "user_message_new"
        assert next(frames)["data"]["type"] == "agent_message_new"
        # The agent is held by its gate, so the stream is still open and waiting.
        assert emulator_api.agent_message(conversation_id, message_id)["status"] == "created"
        emulator_api.server.open_gate("conversation")
        rest = [frame["data"]["type"] for frame in frames]
    assert rest == ["conversation_title", "agent_message_done"]
