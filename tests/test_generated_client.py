"""The generated raw client (dust_api): it parses Dust's real payloads and sends the right requests."""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from dust_api import AuthenticatedClient
from dust_api.api.conversations import create_message, get_conversation
from dust_api.models import (
    AgentMessage,
    ContentFragment,
    CreateContentFragmentResponse200,
    CreateConversationResponse200,
    CreateMessageResponse200,
    GetConversationResponse200,
    ListAgentsResponse,
    Mention,
    UnknownMessage,
    UserMessage,
    UserMessageContext,
    UserMessageInput,
)

DOCS = Path(__file__).parent / "data" / "dust_docs"


def load(name: str) -> dict[str, Any]:
    loaded = json.loads((DOCS / name).read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.mark.parametrize(
    ("fixture", "model"),
    [
        ("create_conversation_response.json", CreateConversationResponse200),
        ("post_message_response.json", CreateMessageResponse200),
        ("get_conversation_with_retrieval.json", GetConversationResponse200),
        ("create_content_fragment_response.json", CreateContentFragmentResponse200),
    ],
)
def test_docs_payloads_parse_and_round_trip(fixture: str, model: Any) -> None:
    payload = load(fixture)
    parsed = model.from_dict(copy.deepcopy(payload))
    assert parsed.to_dict() == payload


def test_conversation_messages_are_typed_by_kind() -> None:
    conversation = GetConversationResponse200.from_dict(
        load("get_conversation_with_retrieval.json")
    ).conversation
    (user,), (agent,) = conversation.content
    assert isinstance(user, UserMessage)
    assert user.context.username == "peter"
    assert isinstance(agent, AgentMessage)
    assert agent.content == "Hello Peter! How can I assist you today?"
    assert agent.parent_message_id == "f635e9996a"
    assert agent.action is not None
    assert agent.action.type_ == "retrieval_action"
    assert agent.action.additional_properties["documents"][0]["reference"] == "e3"


def test_unknown_message_kinds_and_enum_values_parse() -> None:
    payload = load("get_conversation_with_retrieval.json")
    content = payload["conversation"]["content"]
    content[1][0]["status"] = "a_status_added_in_2027"
    content[1][0]["configuration"]["scope"] = "team"
    content.append([{"type": "system_notice", "sId": "n1", "text": "maintenance tonight"}])
    content.append([{"type": "content_fragment", "sId": "cf", "title": "t", "contentType": "text/vnd.new"}])
    conversation = GetConversationResponse200.from_dict(copy.deepcopy(payload)).conversation
    agent = conversation.content[1][0]
    assert isinstance(agent, AgentMessage)
    assert agent.status == "a_status_added_in_2027"
    notice = conversation.content[2][0]
    assert isinstance(notice, UnknownMessage)
    assert notice.type_ == "system_notice"
    assert notice.additional_properties == {"text": "maintenance tonight"}
    assert isinstance(conversation.content[3][0], ContentFragment)
    assert GetConversationResponse200.from_dict(copy.deepcopy(payload)).to_dict() == payload


def test_agents_list_with_actions_and_unknown_fields() -> None:
    payload = {
        "agentConfigurations": [
            {
                "sId": "dust",
                "name": "dust",
                "description": "d",
                "status": "disabled_by_some_new_rule",
                "scope": "global",
                "actions": [{"type": "mcp_server_configuration", "name": "search"}],
                "brandNewField": {"nested": True},
            }
        ]
    }
    parsed = ListAgentsResponse.from_dict(copy.deepcopy(payload))
    agent = parsed.agent_configurations[0]
    assert agent.s_id == "dust"
    assert agent.additional_properties["brandNewField"] == {"nested": True}
    assert parsed.to_dict() == payload


class RecordingServer:
    """A loopback HTTP server that records requests and answers with a canned JSON body."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        self.requests: list[dict[str, Any]] = []
        recorded = self.requests

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                recorded.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": self.rfile.read(length) if length else b"",
                    }
                )
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _answer

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> RecordingServer:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def post_message_server() -> Iterator[RecordingServer]:
    with RecordingServer(200, load("post_message_response.json")) as server:
        yield server


def test_generated_call_sends_method_path_auth_and_body(post_message_server: RecordingServer) -> None:
    client = AuthenticatedClient(base_url=post_message_server.base_url, token="sk-test-secret")
    body = UserMessageInput(
        content="Hi :mention[dust]{dust}!",
        mentions=[Mention(configuration_id="dust")],
        context=UserMessageContext(username="peter", timezone="Europe/Paris"),
        blocking=True,
    )
    with client:
        parsed = create_message.sync(w_id="w1", c_id="c1", client=client, body=body)
    (request,) = post_message_server.requests
    assert request["method"] == "POST"
    assert request["path"] == "/api/v1/w/w1/assistant/conversations/c1/messages"
    assert request["headers"]["Authorization"] == "Bearer sk-test-secret"
    assert json.loads(request["body"]) == {
        "content": "Hi :mention[dust]{dust}!",
        "mentions": [{"configurationId": "dust"}],
        "context": {"username": "peter", "timezone": "Europe/Paris"},
        "blocking": True,
    }
    assert isinstance(parsed, CreateMessageResponse200)
    assert parsed.message.s_id == "e20e7b5aac"


def test_generated_get_parses_the_error_envelope() -> None:
    envelope = {"error": {"type": "conversation_not_found", "message": "Conversation not found."}}
    with RecordingServer(404, envelope) as server:
        client = AuthenticatedClient(base_url=server.base_url, token="sk-test-secret")
        with client:
            response = get_conversation.sync_detailed(w_id="w1", c_id="nope", client=client)
    assert server.requests[0]["path"] == "/api/v1/w/w1/assistant/conversations/nope"
    assert response.status_code == 404
    assert response.parsed is not None
    assert response.parsed.to_dict() == envelope


def test_generated_response_wrapper_crashes_on_unregistered_status_codes() -> None:
    # The trap dust_ext avoids: the generated Response builds http.HTTPStatus(code), which raises for the
    # 520/529 statuses proxies send. dust_ext maps statuses itself and never builds that wrapper.
    with RecordingServer(520, {"error": {"type": "internal_server_error", "message": "x"}}) as server:
        client = AuthenticatedClient(base_url=server.base_url, token="sk-test-secret")
        with client, pytest.raises(ValueError, match="520"):
            get_conversation.sync_detailed(w_id="w1", c_id="c1", client=client)
