"""Payloads in Dust's real shape (tests/data/dust_shapes/, read from Dust's handlers and the JS SDK's zod
schemas, not from our emulator): our spec accepts each, dust_ext parses each into typed fields, and the
emulator answers the same envelope. Each test here failed before the divergence it names was fixed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from jsonschema import Draft202012Validator
from knowledge_support import SOURCE, SPACE, VIEW
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from dust_ext import DustBadRequestError, DustClient, DustConfig, DustDecodeError, DustNotSupportedError
from dust_ext._core.call import parsed as parsed_as
from dust_ext.conversations import ModelSelection, UnknownMessage
from dust_ext.resources._base import field_of
from dust_ext.resources.agents.calls import created_agent
from dust_ext.resources.conversations import conversation_page_parse
from dust_ext.resources.data_sources import calls
from dust_ext.resources.mentions import SuggestionList
from dust_ext.types.agents import AgentTag
from dust_ext.types.data_sources import Document, Table
from dust_ext.types.search import ContentNode, NodeSearchPage

ROOT = Path(__file__).resolve().parent.parent
SHAPES = Path(__file__).resolve().parent / "data" / "dust_shapes"
SPEC = yaml.load(
    (ROOT / "openapi" / "dust-api.yaml").read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
)
WORKSPACE = "w_shapes"
CONFIG = DustConfig(
    workspace_id=WORKSPACE, api_key="sk-shapes", default_username="peter", default_timezone="UTC"
)


def shape(name: str) -> Any:
    return json.loads((SHAPES / name).read_text())


def response_of(body: Any, method: str = "GET", status: int = 200) -> httpx.Response:
    """A response carrying ``body``, as the SDK's parsers receive it from the transport."""
    request = httpx.Request(method, f"https://dust.tt/api/v1/w/{WORKSPACE}/x")
    return httpx.Response(status, json=body, request=request)


def answering(body: Any) -> DustClient:
    """A client whose every request gets ``body`` back (the SDK's own request path and parsers)."""
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
    return DustClient(CONFIG, http_client=httpx.Client(transport=transport))


def spec_operation(operation_id: str) -> tuple[str, str, dict[str, Any]]:
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return path, method, operation
    raise LookupError(operation_id)


def assert_spec_accepts(operation_id: str, body: Any, status: str = "200") -> None:
    """``body`` validates against the JSON response schema our spec declares for the operation."""
    path, method, _ = spec_operation(operation_id)
    pointer = "/".join(
        part.replace("~", "~0").replace("/", "~1")
        for part in ("paths", path, method, "responses", status, "content", "application/json", "schema")
    )
    registry: Registry[Any] = Registry().with_resource(
        "urn:dust-api", Resource.from_contents(SPEC, default_specification=DRAFT202012)
    )
    validator = Draft202012Validator({"$ref": f"urn:dust-api#/{pointer}"}, registry=registry)
    errors = [error.message for error in validator.iter_errors(body)]
    assert not errors, errors


def test_shapes_are_documented() -> None:
    documented = set(re.findall(r"`([a-z_]+\.json)`", (SHAPES / "README.md").read_text()))
    assert documented == {path.name for path in SHAPES.glob("*.json")}


# --- GET spaces/{spaceId}/data_source_views: {"dataSourceViews": [...]} -----------------------------------


def test_data_source_views_list_reads_dusts_camel_case_envelope(kb: Any) -> None:
    body = shape("data_source_views_list.json")
    assert_spec_accepts("listDataSourceViews", body)
    parsed = answering(body).data_source_views.list(SPACE)
    assert [(view.sId, view.kind, view.spaceId) for view in parsed] == [("dsv_abc", "default", "vlt_global")]
    assert parsed[0].dataSource is not None
    assert parsed[0].dataSource.createdAt == 1736365559000
    # The emulator answers the same envelope, and the client reads it.
    raw = kb.data_source_views.with_raw_response.list(SPACE)
    assert set(raw.http_response.json()) == set(body)
    assert [view.sId for view in raw.parse()] == [VIEW]


def test_the_system_key_view_search_keeps_its_snake_case_envelope() -> None:
    # front-api/routes/v1/w/[wId]/data_source_views/search.ts answers `data_source_views`.
    view = shape("data_source_views_list.json")["dataSourceViews"][0]
    parsed = answering({"data_source_views": [view]}).data_source_views.find()
    assert [view.sId for view in parsed] == ["dsv_abc"]


def test_deleting_a_view_is_not_in_dusts_api(kb: Any) -> None:
    # The handler registers only GET and PATCH on .../data_source_views/{dsvId}.
    assert "delete" not in SPEC["paths"]["/api/v1/w/{wId}/spaces/{spaceId}/data_source_views/{dsvId}"]
    with pytest.raises(DustNotSupportedError, match="cannot delete a data source view"):
        kb.data_source_views.delete(SPACE, VIEW)


# --- document upsert: full, light, async ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["document_upsert_light.json", "document_upsert_async.json"])
def test_document_upsert_answers_without_document_id_parse(name: str) -> None:
    body = shape(name)
    assert_spec_accepts("upsertDocument", body)
    parse = calls.upserted_document("doc-1")  # the parser, given the document_id upserted
    document = parse(response_of(body, "POST"))
    assert isinstance(document, Document)
    assert document.document_id == "doc-1"
    for key, value in body["document"].items():
        assert getattr(document, key) == value
    assert document.model_extra == {}


def test_light_document_output_on_the_emulator(kb: Any) -> None:
    documents = kb.data_sources.documents
    raw = documents.with_raw_response.upsert(
        SPACE, SOURCE, "light", text="The light output has no id.", light_document_output=True
    )
    expected = shape("document_upsert_light.json")
    assert set(raw.http_response.json()) == set(expected)
    assert set(raw.http_response.json()["document"]) == set(expected["document"])
    light = raw.parse()
    assert (light.document_id, light.text_size, light.chunk_count) == ("light", 27, 1)
    assert isinstance(light.created, int)
    assert light.token_count == 6
    queued = documents.with_raw_response.upsert(SPACE, SOURCE, "queued", text="later", async_upsert=True)
    assert queued.http_response.json() == shape("document_upsert_async.json") | {
        "document": {"document_id": "queued"}
    }
    assert queued.parse().document_id == "queued"


# --- tables/csv: the whole table (handler), only its id (async), or the column list (JS SDK schema) -----


@pytest.mark.parametrize("name", ["table_csv_sync.json", "table_csv_async.json", "table_csv_columns.json"])
def test_csv_upsert_answers_parse_as_a_table(name: str) -> None:
    body = shape(name)
    assert_spec_accepts("upsertTableFromCsv", body)
    table = calls.csv_upserted_table("tbl-1")(response_of(body, "POST"))  # the parser, given the tableId sent
    assert isinstance(table, Table)
    assert table.table_id == "tbl-1"
    if isinstance(body["table"], list):
        assert [column.name for column in table.table_schema or []] == ["player", "points"]
    elif "schema" in body["table"]:
        assert [column.value_type for column in table.table_schema or []] == ["text", "int"]
        assert (table.created, table.timestamp) == (1736365559001, 1736365559000)


def test_csv_upsert_on_the_emulator_answers_like_the_handler(kb: Any) -> None:
    uploaded = kb.files.upload(b"player,points\nada,3\n", file_name="s.csv", content_type="text/csv",
                               use_case="upsert_table")  # fmt: skip
    tables = kb.data_sources.tables
    raw = tables.with_raw_response.upsert_from_csv(
        SPACE, SOURCE, name="scores", description="", file_id=uploaded.sId, table_id="tbl-1", title="Scores"
    )
    assert set(raw.http_response.json()["table"]) >= set(shape("table_csv_sync.json")["table"]) - {
        "remote_database_table_id",
        "remote_database_secret_id",
    }
    queued = tables.with_raw_response.upsert_from_csv(
        SPACE,
        SOURCE,
        name="scores",
        description="",
        file_id=uploaded.sId,
        table_id="tbl-1",
        async_upsert=True,
    )
    assert queued.http_response.json() == shape("table_csv_async.json")
    assert queued.parse().table_id == "tbl-1"


# --- deletions Dust answers without a JSON body ---------------------------------------------------------


def test_file_and_table_deletions_answer_no_json(kb: Any) -> None:
    _, _, delete_file = spec_operation("deleteFile")
    assert set(delete_file["responses"]) & {"200", "204"} == {"204"}
    assert "content" not in delete_file["responses"]["204"]
    _, _, delete_table = spec_operation("deleteTable")
    assert "content" not in delete_table["responses"]["200"]

    uploaded = kb.files.upload(b"bye", file_name="bye.txt", content_type="text/plain")
    raw = kb.files.with_raw_response.delete(uploaded.sId)
    assert (raw.status_code, raw.http_response.content) == (204, b"")
    assert raw.parse() is True
    kb.data_sources.tables.upsert(SPACE, SOURCE, table_id="tbl-gone", name="gone", description="")
    raw = kb.data_sources.tables.with_raw_response.delete(SPACE, SOURCE, "tbl-gone")
    assert (raw.status_code, raw.http_response.content) == (200, b"")
    assert raw.parse() is True


# --- search nodes: parentsInternalIds and dataSourceViews ------------------------------------------------


def test_search_nodes_read_parents_and_views(kb: Any) -> None:
    body = shape("search_nodes.json")
    assert_spec_accepts("searchNodes", body)
    page = field_of(NodeSearchPage)(response_of(body, "POST"))
    node = page.nodes[0]
    assert node.parentsInternalIds == ["doc-1", "folder-1"]
    assert [view.sId for view in node.dataSourceViews] == ["dsv_abc"]
    assert node.lastUpdatedAt == 1736365559000
    assert isinstance(node.lastUpdatedAt, int)
    assert node.model_extra == {}

    kb.data_sources.documents.upsert(SPACE, SOURCE, "barn", text="hay", title="Red barn")
    served = kb.search.with_raw_response.nodes("barn")
    keys = set(served.http_response.json()["nodes"][0])
    assert keys >= set(body["nodes"][0])
    found = served.parse().nodes[0]
    assert found.parentsInternalIds == ["barn"]
    assert [view.sId for view in found.dataSourceViews] == [VIEW]


# --- timestamps: epoch milliseconds as integers -----------------------------------------------------------


def test_epoch_milliseconds_are_integers() -> None:
    node = ContentNode.model_validate({"lastUpdatedAt": 1736365559000.7})
    assert node.lastUpdatedAt == 1736365559000
    assert isinstance(node.lastUpdatedAt, int)
    view = shape("data_source_views_list.json")["dataSourceViews"][0]
    parsed = answering({"dataSourceViews": [view]}).data_source_views.list(SPACE)[0]
    assert isinstance(parsed.createdAt, int)
    assert isinstance(parsed.updatedAt, int)


@pytest.fixture
def kb(dust: Any) -> Any:
    """The ``dust`` client (sync and async) bound to a fresh emulator with the knowledge seed."""
    return dust


# --- mention suggestions: people carry a picture too -----------------------------------------------------


def test_mention_suggestions_for_people_carry_a_picture(kb: Any) -> None:
    body = shape("mention_suggestions.json")
    assert_spec_accepts("getMentionSuggestions", body)
    parsed = parsed_as(SuggestionList, "suggestions")(response_of(body))  # the method's parser
    assert [(s.type, s.pictureUrl) for s in parsed] == [
        (s["type"], s["pictureUrl"]) for s in body["suggestions"]
    ]
    people = kb.mentions.suggestions("ada", select=["users"])
    assert [person.id for person in people] == ["usr_ada"]
    assert people[0].pictureUrl
    served = kb.mentions.with_raw_response.suggestions("a")
    assert_spec_accepts("getMentionSuggestions", served.http_response.json())


# --- GET conversation, paged: hasMore and lastValue ------------------------------------------------------


def test_a_truncated_conversation_says_so() -> None:
    body = shape("conversation_page.json")
    assert_spec_accepts("getConversation", body)
    page = conversation_page_parse(response_of(body))
    assert (page.hasMore, page.lastValue) == (True, "2")
    assert [message.sId for message in page.messages] == ["343756bed1"]
    whole = {"conversation": body["conversation"]}
    full = conversation_page_parse(response_of(whole))
    assert (full.hasMore, full.lastValue) == (None, None)


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ({"type": "user_message", "sId": "m1", "mentions": [], "context": None}, "content"),
        ({"type": "agent_message", "sId": "m2", "status": ["succeeded"]}, "status"),
        ({"type": "content_fragment", "sId": "m3", "content": "text"}, "title"),
    ],
)
def test_a_known_message_kind_that_does_not_fit_is_an_error_not_an_unknown_message(
    message: dict[str, Any], problem: str
) -> None:
    body = {"conversation": {"sId": "c1", "content": [[message]]}}
    with pytest.raises(DustDecodeError) as caught:
        conversation_page_parse(response_of(body))
    assert f"{message['type']}.{problem}" in str(caught.value)
    assert f"a {message['type']} that does not fit" in str(caught.value)


def test_a_message_kind_dust_adds_later_is_kept_as_an_unknown_message() -> None:
    later = {"type": "agent_handover", "sId": "m4", "content": {"to": "helper"}, "handoverId": 7}
    body = {"conversation": {"sId": "c1", "content": [[later]]}}
    (message,) = conversation_page_parse(response_of(body)).messages
    assert isinstance(message, UnknownMessage)
    assert (message.type, message.sId, message.content) == ("agent_handover", "m4", {"to": "helper"})
    assert message.model_extra == {"handoverId": 7}


def test_reading_a_conversation_a_page_at_a_time(dust: Any) -> None:
    conversation_id = dust.chat.send(agent="echo", text="one").conversation_id
    dust.chat.send(agent="echo", text="two", conversation_id=conversation_id)
    whole = dust.conversations.get(conversation_id)
    assert whole.hasMore is None
    assert len(whole.messages) == 4
    raw = dust.conversations.with_raw_response.get(conversation_id, limit=3)
    assert set(raw.http_response.json()) == set(shape("conversation_page.json"))
    newest = raw.parse()
    assert newest.hasMore is True
    assert [m.sId for m in newest.messages] == [m.sId for m in whole.messages[1:]]
    older = dust.conversations.get(conversation_id, limit=3, last_value=newest.lastValue)
    assert older.hasMore is False
    assert [m.sId for m in older.messages] == [whole.messages[0].sId]
    with pytest.raises(TypeError, match="limit"):
        dust.conversations.get(conversation_id, last_value="2")


# --- modelSelection on posted messages and new conversations ----------------------------------------------


SELECTION = {"providerId": "anthropic", "modelId": "claude-sonnet-4-5-20250929", "reasoningEffort": "light"}


def test_model_selection_is_sent_as_the_js_sdk_sends_it(dust: Any) -> None:
    created = dust.conversations.with_raw_response.create(
        "Models", message="hi @echo", mentions=["echo"], model_selection=SELECTION
    )
    sent = json.loads(created.http_response.request.content)
    assert sent["message"]["modelSelection"] == SELECTION
    conversation_id = created.parse().sId
    posted = dust.conversations.with_raw_response.create_message(
        conversation_id,
        "again",
        mentions=["echo"],
        model_selection=ModelSelection(providerId="openai", modelId="gpt-5"),
    )
    assert json.loads(posted.http_response.request.content)["modelSelection"] == {
        "providerId": "openai",
        "modelId": "gpt-5",
    }
    assert_spec_accepts_request("createMessage", json.loads(posted.http_response.request.content))
    # chat.send carries it on both paths (new conversation, existing one); the emulator checks the effort.
    assert dust.chat.send(agent="echo", text="hi", model_selection=SELECTION).text
    bad = {**SELECTION, "reasoningEffort": "extreme"}
    with pytest.raises(DustBadRequestError, match="reasoningEffort"):
        dust.chat.send(agent="echo", text="hi", model_selection=bad)
    with pytest.raises(DustBadRequestError, match="reasoningEffort"):
        dust.chat.send(agent="echo", text="hi", conversation_id=conversation_id, model_selection=bad)
    with pytest.raises(ValueError, match="modelId"):
        dust.chat.send(agent="echo", text="hi", model_selection={"providerId": "openai"})


def assert_spec_accepts_request(operation_id: str, body: Any) -> None:
    """``body`` validates against the JSON request schema our spec declares for the operation."""
    path, method, _ = spec_operation(operation_id)
    pointer = "/".join(
        part.replace("~", "~0").replace("/", "~1")
        for part in ("paths", path, method, "requestBody", "content", "application/json", "schema")
    )
    registry: Registry[Any] = Registry().with_resource(
        "urn:dust-api", Resource.from_contents(SPEC, default_specification=DRAFT202012)
    )
    validator = Draft202012Validator({"$ref": f"urn:dust-api#/{pointer}"}, registry=registry)
    errors = [error.message for error in validator.iter_errors(body)]
    assert not errors, errors


# --- agents: create (import) and delete (archive) -----------------------------------------------------


def test_agent_import_and_archive_answers_parse() -> None:
    imported = shape("agent_import.json")
    assert_spec_accepts("importAgentConfiguration", imported)
    created = created_agent(response_of(imported, "POST"))  # the parser agents.create uses
    assert (created.sId, created.status, created.model.modelId if created.model else None) == (
        "agt_9f3k2",
        "active",
        "gpt-5-mini",
    )
    assert [action.name for action in created.skippedActions] == ["Notion"]
    archived = shape("agent_archive.json")
    assert_spec_accepts("archiveAgentConfiguration", archived)
    assert answering(archived).agents.delete("agt_9f3k2") is True


def test_agent_import_body_is_dusts_agent_yaml_shape(dust: Any) -> None:
    raw = dust.agents.with_raw_response.create(
        name="Writer", description="d", instructions="i", model_id="gpt-5-mini", provider_id="openai",
        editors=["ada@emulator.dust.tt"], avatar_url="https://dust.tt/static/systemavatar/test_avatar_1.png",
    )  # fmt: skip
    sent = json.loads(raw.http_response.request.content)
    assert_spec_accepts_request("importAgentConfiguration", sent)
    # The body of Dust's own test of this route (agent_configurations/[sId]/index.test.ts) has these keys.
    assert set(sent) == {"agent", "instructions", "generation_settings", "tags", "editors", "toolset"}
    assert set(sent["agent"]) == {
        *("handle", "description", "scope", "avatar_url", "max_steps_per_run", "visualization_enabled"),
    }
    assert set(sent["generation_settings"]) == {"model_id", "provider_id", "temperature", "reasoning_effort"}
    assert set(raw.http_response.json()) == set(shape("agent_import.json"))


def test_agents_parse_in_dusts_light_shape_with_typed_version_tag_and_permission_fields() -> None:
    body = shape("agents_list.json")
    assert_spec_accepts("listAgentConfigurations", body)
    global_agent, custom = answering(body).agents.list(with_authors=True)
    assert (global_agent.id, global_agent.versionCreatedAt, global_agent.versionAuthorId) == (-1, None, None)
    assert (global_agent.canRead, global_agent.canEdit, global_agent.tags) == (True, False, [])
    assert (global_agent.requestedSpaceIds, global_agent.requestedGroupIds) == ([], [])
    assert custom.versionCreatedAt == "2026-11-30T10:00:00.000Z"
    assert custom.versionAuthorId == 17
    assert [(tag.sId, tag.name, tag.kind) for tag in custom.tags] == [
        ("tag_4Kc81", "Engineering", "standard"),
        ("tag_9Qz02", "Official", "protected"),
    ]
    assert all(isinstance(tag, AgentTag) for tag in custom.tags)
    assert (custom.canRead, custom.canEdit) == (True, True)
    assert custom.requestedGroupIds == [["grp_8Jd2a", "grp_1Lx0c"]]
    assert custom.requestedSpaceIds == ["vlt_5Rt7p"]
    assert (custom.reinforcement, custom.lastReinforcementAnalysisAt) == ("auto", None)
    assert custom.lastAuthors == ["Ada Lovelace", "Peter Parker"]
    assert custom.model is not None
    assert (custom.model.reasoningEffort, custom.model.responseFormat) == (None, '{"type":"json_object"}')
    for agent in (global_agent, custom):
        assert agent.model_extra == {}, agent.sId
        assert agent.model is not None
        assert agent.model.model_extra == {}


def test_the_emulator_serves_every_field_dust_sends_on_each_agent(dust: Any) -> None:
    dusts = shape("agents_list.json")["agentConfigurations"]
    always = set(dusts[0]) & set(dusts[1])  # what both a global and a custom agent carry
    served = dust.agents.with_raw_response.list(view="all").http_response.json()["agentConfigurations"]
    assert {agent["scope"] for agent in served} >= {"global", "published", "workspace"}
    for agent in served:
        assert always <= set(agent), (agent["sId"], always - set(agent))
        is_global = agent["scope"] == "global"
        assert (agent["versionCreatedAt"] is None, agent["versionAuthorId"] is None) == (is_global, is_global)
        if is_global:
            assert (agent["id"], agent["canEdit"]) == (-1, False)
        else:
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", agent["versionCreatedAt"])
            assert isinstance(agent["versionAuthorId"], int)


# --- skills: Dust's SkillType, list and archive ------------------------------------------------------------


def test_skills_parse_in_dusts_shape_and_the_emulator_answers_it(dust: Any) -> None:
    body = shape("skills_list.json")
    assert_spec_accepts("listSkills", body)
    [skill] = answering(body).skills.list()
    expected = body["skills"][0]
    assert (skill.sId, skill.name, skill.status, skill.availability) == (
        expected["sId"], expected["name"], expected["status"], expected["availability"],
    )  # fmt: skip
    assert skill.requestedSpaceIds == ["vlt_global"]
    assert skill.model_extra is not None
    assert skill.model_extra["sourceMetadata"] == expected["sourceMetadata"]
    archived = shape("skill_archive.json")
    assert_spec_accepts("archiveSkill", archived)
    assert answering(archived).skills.archive("skl_Xk3mQ9") is True
    served = dust.skills.with_raw_response.list().http_response.json()
    assert_spec_accepts("listSkills", served)
    assert served["skills"]
    assert all(set(s) == set(expected) for s in served["skills"])


# --- conversation consumption: the object itself, details null when nothing was billed ---------------------


def test_conversation_consumption_in_dusts_shape(dust: Any) -> None:
    body = shape("conversation_consumption.json")
    assert_spec_accepts("getConversationConsumption", body)
    parsed = answering(body).conversations.consumption("c1")
    assert parsed.billedCredits == body["billedCredits"]
    assert parsed.details is not None
    [tool] = parsed.details.tools
    assert (tool.toolName, tool.callCount, tool.attributedCredits) == ("semantic_search", 2, 3.25)
    assert [agent.agentId for agent in parsed.details.agents] == ["agt_9f3k2"]
    assert parsed.details.agents[0].models[0].displayName == "Claude Sonnet 4.5"
    # Newer Dust adds per-skill attribution; it is kept, not a parse failure.
    assert parsed.details.model_extra == {"skills": []}
    nothing = {"billedCredits": 0, "details": None}
    assert_spec_accepts("getConversationConsumption", nothing)
    assert answering(nothing).conversations.consumption("c1").details is None
    conversation = dust.conversations.create(title="shapes")
    dust.conversations.create_message(
        conversation_id=conversation.sId, content="hi", mentions=["echo"], blocking=True
    )
    served = dust.conversations.with_raw_response.consumption(conversation.sId).http_response.json()
    assert_spec_accepts("getConversationConsumption", served)
    assert set(served) == set(body)
    assert set(served["details"]) | {"skills"} == set(body["details"])
    assert set(served["details"]["agents"][0]) == set(body["details"]["agents"][0])
