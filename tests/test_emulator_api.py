"""The emulator's REST surface over real loopback HTTP, with plain httpx."""

from __future__ import annotations

import httpx
import pytest
from conftest import CONTEXT, EmulatorApi

from dust_ext.testing import EmulatorServer


def _error(response: httpx.Response, status: int, error_type: str) -> str:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["type"] == error_type
    assert isinstance(error["message"], str)
    assert error["message"]
    return str(error["message"])


# --- auth and envelopes ---------------------------------------------------------------------------


def test_missing_authorization_is_401_not_authenticated(emulator_api: EmulatorApi) -> None:
    response = httpx.get(f"{emulator_api.root}/assistant/agent_configurations")
    _error(response, 401, "not_authenticated")


def test_wrong_api_key_is_401_invalid_api_key(emulator_api: EmulatorApi) -> None:
    response = httpx.get(
        f"{emulator_api.root}/assistant/agent_configurations", headers={"Authorization": "Bearer sk-wrong"}
    )
    message = _error(response, 401, "invalid_api_key_error")
    assert "sk-wrong" not in message


def test_unknown_workspace_is_404(emulator_api: EmulatorApi) -> None:
    response = emulator_api.client.get(
        f"{emulator_api.server.base_url}/api/v1/w/nope/assistant/agent_configurations"
    )
    _error(response, 404, "workspace_not_found")


def test_invalid_json_body_is_400(emulator_api: EmulatorApi) -> None:
    response = emulator_api.client.post(
        "/assistant/conversations", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert "not valid JSON" in _error(response, 400, "invalid_request_error")


def test_missing_field_is_400_naming_the_field(emulator_api: EmulatorApi) -> None:
    body = {"message": {"content": "hi", "mentions": [], "context": {"timezone": "UTC"}}}
    response = emulator_api.client.post("/assistant/conversations", json=body)
    assert "message.context.username" in _error(response, 400, "invalid_request_error")
    # Nothing half-created.
    assert emulator_api.client.get("/assistant/conversations").json()["conversations"] == []


def test_unknown_route_and_method_use_the_envelope(emulator_api: EmulatorApi) -> None:
    _error(emulator_api.client.get("/no/such/route"), 404, "invalid_request_error")
    _error(emulator_api.client.delete("/assistant/conversations"), 405, "method_not_supported_error")


def test_repr_hides_the_api_key(dust_emulator: EmulatorServer) -> None:
    assert dust_emulator.api_key not in repr(dust_emulator)
    assert dust_emulator.base_url in repr(dust_emulator)


def test_non_loopback_host_is_refused() -> None:
    with pytest.raises(ValueError, match="loopback"):
        EmulatorServer(host="0.0.0.0")


# --- agents ---------------------------------------------------------------------------------------


def test_list_agents_by_view(emulator_api: EmulatorApi) -> None:
    def ids(view: str) -> set[str]:
        response = emulator_api.client.get("/assistant/agent_configurations", params={"view": view})
        assert response.status_code == 200
        return {agent["sId"] for agent in response.json()["agentConfigurations"]}

    every = ids("all")
    assert {"dust", "helper", "echo", "streamer", "thinker", "researcher", "failing", "approver"} <= every
    assert ids("global") == {"dust", "helper", "gpt-4", "claude-3-opus"}
    assert ids("published") == {"echo"}
    assert ids("favorites") == set()
    _error(
        emulator_api.client.get("/assistant/agent_configurations", params={"view": "bogus"}),
        400,
        "invalid_request_error",
    )


def test_agent_configuration_shape(emulator_api: EmulatorApi) -> None:
    agent = emulator_api.client.get("/assistant/agent_configurations/dust").json()["agentConfiguration"]
    assert agent["sId"] == "dust"
    assert agent["status"] == "active"
    assert agent["scope"] == "global"
    assert set(agent["model"]) == {"providerId", "modelId", "temperature"}
    for key in (
        "id",
        "version",
        "versionCreatedAt",
        "versionAuthorId",
        "name",
        "description",
        "instructions",
    ):
        assert key in agent
    for key in ("pictureUrl", "userFavorite", "actions", "maxStepsPerRun", "templateId", "tags", "canRead"):
        assert key in agent
    _error(
        emulator_api.client.get("/assistant/agent_configurations/nope"), 404, "agent_configuration_not_found"
    )


def test_search_favourite_and_export_agents(emulator_api: EmulatorApi) -> None:
    found = emulator_api.client.get("/assistant/agent_configurations/search", params={"q": "THINK"}).json()
    assert [agent["sId"] for agent in found["agentConfigurations"]] == ["thinker"]
    _error(emulator_api.client.get("/assistant/agent_configurations/search"), 400, "invalid_request_error")

    patched = emulator_api.client.patch("/assistant/agent_configurations/echo", json={"userFavorite": True})
    assert patched.json()["agentConfiguration"]["userFavorite"] is True
    favourites = emulator_api.client.get("/assistant/agent_configurations", params={"view": "favorites"})
    assert [agent["sId"] for agent in favourites.json()["agentConfigurations"]] == ["echo"]

    exported = emulator_api.client.get("/assistant/agent_configurations/echo/export/yaml")
    assert exported.headers["content-type"].startswith("text/yaml")
    assert 'handle: "echo"' in exported.text


# --- conversations and messages -------------------------------------------------------------------


def test_create_conversation_without_message(emulator_api: EmulatorApi) -> None:
    response = emulator_api.client.post(
        "/assistant/conversations", json={"title": "Empty", "visibility": "unlisted"}
    )
    body = response.json()
    assert set(body) == {"conversation"}
    conversation = body["conversation"]
    assert conversation["title"] == "Empty"
    assert conversation["visibility"] == "unlisted"
    assert conversation["content"] == []
    assert conversation["owner"]["sId"] == emulator_api.server.workspace_id
    assert isinstance(conversation["created"], int)


def test_create_conversation_with_message_returns_created_agent_message(emulator_api: EmulatorApi) -> None:
    body = emulator_api.create_conversation("Hello gate=never", "dust")
    user_message = body["message"]
    assert user_message["type"] == "user_message"
    assert user_message["mentions"] == [{"configurationId": "dust"}]
    assert user_message["context"]["username"] == "peter"
    assert user_message["user"] is None
    assert user_message["version"] == 0
    content = body["conversation"]["content"]
    assert [versions[0]["type"] for versions in content] == ["user_message", "agent_message"]
    agent_message = content[1][0]
    # The agent waits on a gate nobody opens, so it is still running.
    assert agent_message["status"] == "created"
    assert agent_message["content"] is None
    assert agent_message["parentMessageId"] == user_message["sId"]
    assert agent_message["configuration"]["sId"] == "dust"


def test_blocking_conversation_returns_finished_reply(emulator_api: EmulatorApi) -> None:
    body = emulator_api.create_conversation("Ping", "echo", blocking=True)
    agent_message = body["conversation"]["content"][1][0]
    assert agent_message["status"] == "succeeded"
    assert agent_message["content"] == "Ping"
    assert body["conversation"]["title"] == "Ping"


def test_post_message_blocking_has_finished_agent_messages(emulator_api: EmulatorApi) -> None:
    conversation_id = emulator_api.client.post("/assistant/conversations", json={}).json()["conversation"][
        "sId"
    ]
    response = emulator_api.client.post(
        f"/assistant/conversations/{conversation_id}/messages",
        json={
            "content": "Hi :cite[dust]{dust} and echo",
            "mentions": [{"configurationId": "dust"}, {"configurationId": "echo"}],
            "context": CONTEXT,
            "blocking": True,
        },
    )
    body = response.json()
    assert body["message"]["content"] == "Hi :cite[dust]{dust} and echo"
    dust, echo = body["agentMessages"]
    assert dust["status"] == echo["status"] == "succeeded"
    assert dust["content"].startswith('Hello Peter Parker! You wrote: "Hi and echo".')
    assert echo["content"] == "Hi :cite[dust]{dust} and echo"
    assert dust["completedTs"] is not None


def test_dust_reply_is_deterministic_and_depends_on_text(emulator_api: EmulatorApi) -> None:
    def reply(text: str) -> str:
        return emulator_api.create_conversation(text, "dust", blocking=True)["conversation"]["content"][1][0][
            "content"
        ]

    assert reply("one two three") == reply("one two three")
    assert reply("one two three") != reply("something else")
    assert "3 words" in reply("one two three")


def test_unknown_conversation_message_and_agent(emulator_api: EmulatorApi) -> None:
    _error(emulator_api.client.get("/assistant/conversations/nope"), 404, "conversation_not_found")
    conversation_id, _ = emulator_api.ask("x", "echo", blocking=True)
    _error(
        emulator_api.client.get(f"/assistant/conversations/{conversation_id}/messages/nope/events"),
        404,
        "message_not_found",
    )
    response = emulator_api.client.post(
        f"/assistant/conversations/{conversation_id}/messages",
        json={"content": "x", "mentions": [{"configurationId": "ghost"}], "context": CONTEXT},
    )
    _error(response, 404, "agent_configuration_not_found")


def test_list_get_and_mark_read(emulator_api: EmulatorApi) -> None:
    conversation_id, _ = emulator_api.ask("Read me", "echo", blocking=True)
    listed = emulator_api.client.get("/assistant/conversations").json()["conversations"]
    assert [conversation["sId"] for conversation in listed] == [conversation_id]
    assert listed[0]["unread"] is True
    patched = emulator_api.client.patch(f"/assistant/conversations/{conversation_id}", json={"read": True})
    assert patched.json() == {"success": True}
    fetched = emulator_api.client.get(f"/assistant/conversations/{conversation_id}").json()["conversation"]
    assert fetched["unread"] is False


def test_edit_message_creates_a_new_version_and_new_replies(emulator_api: EmulatorApi) -> None:
    conversation_id, _ = emulator_api.ask("first", "echo", blocking=True)
    conversation = emulator_api.client.get(f"/assistant/conversations/{conversation_id}").json()[
        "conversation"
    ]
    user_message_id = conversation["content"][0][0]["sId"]
    edited = emulator_api.client.post(
        f"/assistant/conversations/{conversation_id}/messages/{user_message_id}/edit",
        json={"content": "second", "mentions": [{"configurationId": "echo"}]},
    ).json()
    assert edited["message"]["version"] == 1
    assert edited["message"]["content"] == "second"
    assert len(edited["agentMessages"]) == 1
    conversation = emulator_api.client.get(f"/assistant/conversations/{conversation_id}").json()[
        "conversation"
    ]
    assert [m["version"] for m in conversation["content"][0]] == [0, 1]


def test_retry_makes_a_new_version_of_the_agent_message(emulator_api: EmulatorApi) -> None:
    conversation_id, message_id = emulator_api.ask("again", "echo", blocking=True)
    retried = emulator_api.client.post(
        f"/assistant/conversations/{conversation_id}/messages/{message_id}/retry", json={"blocking": True}
    ).json()["message"]
    assert retried["version"] == 1
    assert retried["status"] == "succeeded"
    assert retried["content"] == "again"
    assert retried["sId"] != message_id


def test_feedbacks_round_trip(emulator_api: EmulatorApi) -> None:
    conversation_id, message_id = emulator_api.ask("rate me", "echo", blocking=True)
    path = f"/assistant/conversations/{conversation_id}/messages/{message_id}/feedbacks"
    posted = emulator_api.client.post(path, json={"thumbDirection": "up", "feedbackContent": "nice"})
    assert posted.json() == {"success": True}
    feedbacks = emulator_api.client.get(f"/assistant/conversations/{conversation_id}/feedbacks").json()
    assert [(f["messageId"], f["thumbDirection"], f["content"]) for f in feedbacks["feedbacks"]] == [
        (message_id, "up", "nice")
    ]
    _error(emulator_api.client.post(path, json={"thumbDirection": "sideways"}), 400, "invalid_request_error")
    assert emulator_api.client.delete(path).json() == {"success": True}
    assert emulator_api.client.get(f"/assistant/conversations/{conversation_id}/feedbacks").json() == {
        "feedbacks": []
    }


def test_content_fragment(emulator_api: EmulatorApi) -> None:
    conversation_id = emulator_api.client.post("/assistant/conversations", json={}).json()["conversation"][
        "sId"
    ]
    fragment = emulator_api.client.post(
        f"/assistant/conversations/{conversation_id}/content_fragments",
        json={
            "title": "Notes",
            "content": "Some notes.",
            "contentType": "text/plain",
            "url": "https://x.test",
        },
    ).json()["contentFragment"]
    assert fragment["type"] == "content_fragment"
    assert fragment["title"] == "Notes"
    assert fragment["textBytes"] == len("Some notes.")
    assert fragment["sourceUrl"] == "https://x.test"
    missing = emulator_api.client.post(
        f"/assistant/conversations/{conversation_id}/content_fragments", json={"title": "No content"}
    )
    assert "`content`" in _error(missing, 400, "invalid_request_error")


# --- files ----------------------------------------------------------------------------------------


def test_file_upload_download_and_delete(emulator_api: EmulatorApi) -> None:
    payload = b"line one\nline two\x00\xff binary"
    created = emulator_api.client.post(
        "/files",
        json={
            "contentType": "text/plain",
            "fileName": "notes.txt",
            "fileSize": len(payload),
            "useCase": "conversation",
        },
    ).json()["file"]
    assert created["status"] == "created"
    assert created["uploadUrl"].startswith(emulator_api.server.base_url)
    uploaded = emulator_api.client.post(
        created["uploadUrl"], files={"file": ("notes.txt", payload, "text/plain")}
    )
    assert uploaded.json()["file"]["status"] == "ready"
    downloaded = emulator_api.client.get(f"/files/{created['sId']}", params={"action": "download"})
    assert downloaded.content == payload

    conversation_id = emulator_api.client.post("/assistant/conversations", json={}).json()["conversation"][
        "sId"
    ]
    fragment = emulator_api.client.post(
        f"/assistant/conversations/{conversation_id}/content_fragments",
        json={"title": "notes.txt", "fileId": created["sId"]},
    ).json()["contentFragment"]
    assert fragment["fileId"] == created["sId"]

    deleted = emulator_api.client.delete(f"/files/{created['sId']}")
    assert (deleted.status_code, deleted.content) == (204, b"")  # as Dust: `ctx.body(null, 204)`
    _error(emulator_api.client.get(f"/files/{created['sId']}"), 404, "file_not_found")


def test_file_creation_validates_fields(emulator_api: EmulatorApi) -> None:
    response = emulator_api.client.post(
        "/files", json={"contentType": "text/plain", "fileName": "a", "useCase": "conversation"}
    )
    assert "`fileSize`" in _error(response, 400, "invalid_request_error")


# --- spaces, data sources, documents, search --------------------------------------------------------


def _data_source_path(api: EmulatorApi) -> str:
    space = api.client.get("/spaces").json()["spaces"][0]
    assert space["kind"] == "global"
    sources = api.client.get(f"/spaces/{space['sId']}/data_sources").json()["data_sources"]
    return f"/spaces/{space['sId']}/data_sources/{sources[0]['sId']}"


def test_documents_crud(emulator_api: EmulatorApi) -> None:
    base = _data_source_path(emulator_api)
    for index in range(3):
        upserted = emulator_api.client.post(
            f"{base}/documents/doc-{index}",
            json={"text": f"Document number {index}", "tags": ["t"], "source_url": f"https://d/{index}"},
        ).json()
        assert upserted["document"]["document_id"] == f"doc-{index}"
        assert upserted["document"]["text"] == f"Document number {index}"
        assert "name" in upserted["data_source"]
    page = emulator_api.client.get(f"{base}/documents", params={"limit": 2, "offset": 1}).json()
    assert page["total"] == 3
    assert [doc["document_id"] for doc in page["documents"]] == ["doc-1", "doc-2"]

    section = {
        "prefix": "Title",
        "content": "Body",
        "sections": [{"prefix": None, "content": "Child", "sections": []}],
    }
    emulator_api.client.post(f"{base}/documents/doc-0", json={"section": section, "title": "Zero"})
    document = emulator_api.client.get(f"{base}/documents/doc-0").json()["document"]
    assert document["text"] == "Title\nBody\nChild"
    assert document["title"] == "Zero"

    parents = emulator_api.client.post(
        f"{base}/documents/doc-0/parents", json={"parents": ["doc-0", "folder"]}
    )
    assert parents.status_code == 200
    assert emulator_api.client.get(f"{base}/documents/doc-0").json()["document"]["parent_id"] == "folder"

    deleted = emulator_api.client.delete(f"{base}/documents/doc-0").json()
    assert deleted == {"document": {"document_id": "doc-0"}}
    _error(emulator_api.client.get(f"{base}/documents/doc-0"), 404, "data_source_document_not_found")
    _error(emulator_api.client.post(f"{base}/documents/x", json={"tags": []}), 400, "invalid_request_error")
    _error(
        emulator_api.client.get("/spaces/vlt_global/data_sources/nope/documents"),
        404,
        "data_source_not_found",
    )


def test_data_source_search_ranks_by_overlap(emulator_api: EmulatorApi) -> None:
    base = _data_source_path(emulator_api)
    emulator_api.client.post(f"{base}/documents/cats", json={"text": "Cats purr and sleep all day."})
    emulator_api.client.post(f"{base}/documents/dogs", json={"text": "Dogs bark. Dogs sleep at night."})
    emulator_api.client.post(f"{base}/documents/fish", json={"text": "Fish swim."})
    hits = emulator_api.client.get(f"{base}/search", params={"query": "dogs sleep", "top_k": 5}).json()
    assert [doc["document_id"] for doc in hits["documents"]] == ["dogs", "cats"]
    assert hits["documents"][0]["score"] > hits["documents"][1]["score"]
    _error(emulator_api.client.get(f"{base}/search"), 400, "invalid_request_error")


def test_researcher_agent_searches_documents(emulator_api: EmulatorApi) -> None:
    base = _data_source_path(emulator_api)
    emulator_api.client.post(
        f"{base}/documents/handbook", json={"text": "Vacation policy: 25 days.", "title": "Handbook"}
    )
    body = emulator_api.create_conversation("vacation policy", "researcher", blocking=True)
    message = body["conversation"]["content"][1][0]
    assert (
        message["content"]
        == 'I searched the workspace for "vacation policy" and found 1 documents: Handbook.'
    )
    assert message["actions"][0]["status"] == "succeeded"
    assert message["actions"][0]["output"][0]["resource"]["ref"] == "handbook"
