"""The official JS SDK as an oracle: the requests it sends and the zod schemas it parses answers with.

``openapi/upstream/dust-js-sdk-1.2.8.operations.yaml`` lists every request ``@dust-tt/client`` sends (read
from its ``src/index.ts``). For each one:

- our spec has an operation with that method and path (or the table says why not);
- the emulator, driven with plain httpx exactly as the JS SDK would call it (path, query and body), answers
  with a status our spec declares and a body that the JS SDK's own schema accepts, envelope key included.

The schemas come from ``openapi/upstream/dust-js-sdk-1.2.8.schemas.json`` (``make js-sdk-schemas``), so a
shape that our spec, emulator and models got wrong together fails here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from conftest import CONTEXT, iter_frames
from oracle_support import (
    handlers,
    js_definitions,
    js_operations,
    js_schema_errors,
    js_schemas,
    known_divergence,
    resolve,
    route_key,
    spec_operations,
    spec_ref,
    spec_success,
)

from dust_ext.testing import EmulatorServer

ENTRIES: list[dict[str, Any]] = js_operations()["entries"]
WORKSPACE_ENTRIES = [entry for entry in ENTRIES if entry["path"].startswith("/api/v1/w/{wId}/")]
EVENT_STREAM = "text/event-stream"


def entry_id(entry: dict[str, Any]) -> str:
    suffix = entry["path"].removeprefix("/api/v1/w/{wId}/").replace("/", ".")
    return f"{entry['method']}-{entry['http']}-{suffix}"


def test_the_table_is_for_the_converted_version() -> None:
    source = js_schemas()["source"]
    assert (source["package"], source["version"]) == (js_operations()["package"], js_operations()["version"])


@pytest.mark.parametrize("entry", ENTRIES, ids=entry_id)
def test_every_js_sdk_request_is_a_spec_operation(entry: dict[str, Any]) -> None:
    if entry["operation"] is None:
        assert entry.get("why"), "a request our spec leaves out needs its reason"
        return
    assert entry["operation"] in spec_operations(), f"our spec has no operation {entry['operation']}"
    method, path, _ = spec_operations()[entry["operation"]]
    assert route_key(method, path) == route_key(entry["http"], entry["path"])
    schema = entry.get("response_schema")
    assert schema is None or schema in js_definitions()


# --- the emulator answers each request as the JS SDK sends it --------------------------------------------


@dataclass
class Seeded:
    """A workspace prepared so every JS SDK request has something real to act on."""

    server: EmulatorServer
    http: httpx.Client
    conversation_id: str
    user_message_id: str
    agent_message_id: str
    file_id: str
    data_source_id: str
    view_id: str
    app_id: str
    space_id: str = "vlt_global"
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    def post(self, path: str, body: Any) -> dict[str, Any]:
        response = self.http.post(path, json=body)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def blocked_message(self, agent: str, event_type: str) -> tuple[str, str]:
        """Post to an agent that waits for the user; (message sId, action id) once it waits."""
        posted = self.post(
            f"/assistant/conversations/{self.conversation_id}/messages",
            {"content": "go", "mentions": [{"configurationId": agent}], "context": CONTEXT},
        )
        message_id = posted["agentMessages"][0]["sId"]
        events = f"/assistant/conversations/{self.conversation_id}/messages/{message_id}/events"
        with self.http.stream("GET", events, follow_redirects=True) as stream:
            for frame in iter_frames(stream.iter_lines()):
                if frame["data"]["type"] == event_type:
                    return message_id, frame["data"]["actionId"]
        raise AssertionError(f"{agent} never sent {event_type}")


def _message(content: str, agent: str = "echo") -> dict[str, Any]:
    return {"content": content, "mentions": [{"configurationId": agent}], "context": CONTEXT}


@pytest.fixture
def seeded(fresh_dust_emulator: EmulatorServer) -> Iterator[Seeded]:
    server = fresh_dust_emulator
    root = f"{server.base_url}/api/v1/w/{server.workspace_id}"
    headers = {"Authorization": f"Bearer {server.api_key}"}
    with httpx.Client(base_url=root, headers=headers, timeout=10) as http:
        server.add_data_source("dts_oracle", "oracle")
        created = http.post("/assistant/conversations", json={"message": _message("hello"), "blocking": True})
        conversation = created.json()["conversation"]
        file = http.post(
            "/files",
            json={"contentType": "text/plain", "fileName": "a.txt", "fileSize": 5, "useCase": "conversation"},
        ).json()["file"]
        uploaded = http.post(file["uploadUrl"], files={"file": ("a.txt", b"hello", "text/plain")})
        assert uploaded.status_code == 200, uploaded.text
        views = http.get("/data_source_views/search", params={"dataSourceId": "dts_oracle"}).json()
        apps = http.get("/spaces/vlt_global/apps").json()["apps"]
        yield Seeded(
            server=server,
            http=http,
            conversation_id=conversation["sId"],
            user_message_id=created.json()["message"]["sId"],
            agent_message_id=conversation["content"][1][0]["sId"],
            file_id=file["sId"],
            data_source_id="dts_oracle",
            view_id=views["data_source_views"][0]["sId"],
            app_id=apps[0]["sId"],
        )


@dataclass
class Call:
    """One request as the JS SDK sends it."""

    path: dict[str, str] = field(default_factory=dict)
    query: dict[str, Any] | None = None
    body: Any = None


def _app_run(seeded: Seeded, *, stream: bool) -> Call:
    hash_ = seeded.http.get("/spaces/vlt_global/apps/export").json()["apps"][0]["coreSpecifications"]
    body = {
        "specification_hash": next(iter(hash_)),
        "config": {},
        "inputs": [{"question": "hi"}],
        "stream": stream,
        "blocking": not stream,
    }
    return Call(
        {"spaceId": seeded.space_id, "aId": seeded.app_id}, {"use_workspace_credentials": "false"}, body
    )


def _folder(seeded: Seeded) -> Call:
    body = {
        "timestamp": 1_700_000_000_000,
        "title": "A folder",
        "parent_id": None,
        "parents": ["fld_oracle"],
        "mime_type": "application/vnd.dust.folder",
        "source_url": None,
        "provider_visibility": None,
    }
    return Call({"dsId": seeded.data_source_id, "fId": "fld_oracle"}, None, body)


def _deleted_folder(seeded: Seeded) -> Call:
    seeded.post(f"/data_sources/{seeded.data_source_id}/folders/fld_oracle", _folder(seeded).body)
    return Call({"dsId": seeded.data_source_id, "fId": "fld_oracle"})


def _registered_server(seeded: Seeded) -> str:
    server_id: str = seeded.post("/mcp/register", {"serverName": "oracle tools"})["serverId"]
    return server_id


def _feedback_to_delete(seeded: Seeded) -> Call:
    path = {"cId": seeded.conversation_id, "mId": seeded.agent_message_id}
    seeded.post(
        f"/assistant/conversations/{path['cId']}/messages/{path['mId']}/feedbacks", {"thumbDirection": "up"}
    )
    return Call(path)


def _approval(seeded: Seeded) -> Call:
    message_id, action_id = seeded.blocked_message("approver", "tool_approve_execution")
    body = {"actionId": action_id, "approved": "approved"}
    return Call({"cId": seeded.conversation_id, "mId": message_id}, None, body)


def _question(seeded: Seeded) -> Call:
    message_id, action_id = seeded.blocked_message("asker", "tool_ask_user_question")
    body = {"actionId": action_id, "answer": {"selectedOptions": [0]}}
    return Call({"cId": seeded.conversation_id, "mId": message_id}, None, body)


def _conversation(seeded: Seeded) -> dict[str, str]:
    return {"cId": seeded.conversation_id}


def _agent_message(seeded: Seeded) -> dict[str, str]:
    return {"cId": seeded.conversation_id, "mId": seeded.agent_message_id}


def _space(seeded: Seeded) -> dict[str, str]:
    return {"spaceId": seeded.space_id}


# The request of each table entry, keyed by entry id: what the JS SDK method sends when called.
CALLS: dict[str, Callable[[Seeded], Call]] = {
    "runApp-POST-spaces.{spaceId}.apps.{aId}.runs": lambda s: _app_run(s, stream=False),
    "runAppStreamed-POST-spaces.{spaceId}.apps.{aId}.runs": lambda s: _app_run(s, stream=True),
    "getDataSources-GET-data_sources": lambda s: Call(),
    "getAgentConfigurations-GET-assistant.agent_configurations": lambda s: Call(
        query={"view": "all", "withAuthors": "true"}
    ),
    "parseForMentions-POST-assistant.mentions.parse": lambda s: Call(body={"markdown": "Ask @echo"}),
    "getMentionsSuggestions-GET-assistant.mentions.suggestions": lambda s: Call(
        query={"query": "e", "select": ["agents", "users"], "current": "true"}
    ),
    "getMentionsSuggestions-GET-assistant.conversations.{cId}.mentions.suggestions": lambda s: Call(
        _conversation(s), {"query": "e", "select": ["agents", "users"], "current": "false"}
    ),
    "postContentFragment-POST-assistant.conversations.{cId}.content_fragments": lambda s: Call(
        _conversation(s), None, {"title": "notes", "content": "some notes", "contentType": "text/plain"}
    ),
    "createConversation-POST-assistant.conversations": lambda s: Call(
        body={
            "title": "Oracle",
            "visibility": "unlisted",
            "message": _message("hi"),
            "contentFragments": [{"title": "n", "content": "c", "contentType": "text/plain"}],
            "blocking": True,
            "skipToolsValidation": False,
        }
    ),
    "postUserMessage-POST-assistant.conversations.{cId}.messages": lambda s: Call(
        _conversation(s), None, _message("again")
    ),
    "postConversationTools-POST-assistant.conversations.{cId}.tools": lambda s: Call(
        _conversation(s), None, {"action": "add", "mcp_server_view_id": "msv_emulator_tools"}
    ),
    "streamConversationEvents-GET-assistant.conversations.{cId}.events": lambda s: Call(_conversation(s)),
    "streamAgentMessageEvents-GET-assistant.conversations.{cId}.messages.{mId}.events": lambda s: Call(
        _agent_message(s)
    ),
    "cancelMessageGeneration-POST-assistant.conversations.{cId}.cancel": lambda s: Call(
        _conversation(s), None, {"messageIds": [s.agent_message_id]}
    ),
    "markAsRead-PATCH-assistant.conversations.{cId}": lambda s: Call(_conversation(s), None, {"read": True}),
    "getConversations-GET-assistant.conversations": lambda s: Call(),
    "getConversation-GET-assistant.conversations.{cId}": lambda s: Call(_conversation(s)),
    "getConversationFeedback-GET-assistant.conversations.{cId}.feedbacks": lambda s: Call(_conversation(s)),
    "getSpaceConversationsForDataSource-GET-spaces.{spaceId}.conversations": lambda s: Call(
        _space(s), {"updatedSince": "0"}
    ),
    "getSpaceConversationIds-GET-spaces.{spaceId}.conversation_ids": lambda s: Call(_space(s)),
    "getSpaceMetadata-GET-spaces.{spaceId}.project_metadata": lambda s: Call(_space(s)),
    "getSpaceProjectFiles-GET-spaces.{spaceId}.project_files": lambda s: Call(
        _space(s), {"updatedSince": "0"}
    ),
    "postFeedback-POST-assistant.conversations.{cId}.messages.{mId}.feedbacks": lambda s: Call(
        _agent_message(s),
        None,
        {"thumbDirection": "up", "feedbackContent": "good", "isConversationShared": False},
    ),
    "deleteFeedback-DELETE-assistant.conversations.{cId}.messages.{mId}.feedbacks": _feedback_to_delete,
    "tokenize-POST-data_sources.{dsId}.tokenize": lambda s: Call(
        {"dsId": s.data_source_id}, None, {"text": "a b"}
    ),
    "upsertFolder-POST-data_sources.{dsId}.folders.{fId}": _folder,
    "deleteFolder-DELETE-data_sources.{dsId}.folders.{fId}": _deleted_folder,
    "downloadFile-GET-files.{fileId}": lambda s: Call({"fileId": s.file_id}, {"action": "download"}),
    "getFileContent-GET-files.{fileId}": lambda s: Call(
        {"fileId": s.file_id}, {"action": "view", "version": "original"}
    ),
    "uploadFile-POST-files": lambda s: Call(
        body={"contentType": "text/plain", "fileName": "b.txt", "fileSize": 3, "useCase": "conversation"}
    ),
    "deleteFile-DELETE-files.{fileId}": lambda s: Call({"fileId": s.file_id}),
    "getActiveMemberEmailsInWorkspace-GET-members.emails": lambda s: Call(query={"activeOnly": "true"}),
    "exists-GET-exists": lambda s: Call(),
    "getWorkspaceVerifiedDomains-GET-verified_domains": lambda s: Call(),
    "getWorkspaceFeatureFlags-GET-feature_flags": lambda s: Call(),
    "searchDataSourceViews-GET-data_source_views.search": lambda s: Call(
        query={"dataSourceId": s.data_source_id}
    ),
    "patchDataSourceView-PATCH-spaces.{spaceId}.data_source_views.{dsvId}": lambda s: Call(
        {"spaceId": s.space_id, "dsvId": s.view_id}, None, {"parentsIn": ["doc-1"]}
    ),
    "exportApps-GET-spaces.{spaceId}.apps.export": lambda s: Call(_space(s)),
    "checkApps-POST-spaces.{spaceId}.apps.check": lambda s: Call(
        _space(s), None, {"apps": [{"appId": s.app_id, "appHash": "0" * 64}]}
    ),
    "getSpaces-GET-spaces": lambda s: Call(query={"kinds": "global,regular"}),
    "getMCPServerViews-GET-spaces.{spaceId}.mcp_server_views": lambda s: Call(
        _space(s), {"includeAuto": "false"}
    ),
    "searchNodes-POST-search": lambda s: Call(body={"query": "hello", "viewType": "all"}),
    "searchUnified-GET-search": lambda s: Call(
        query={
            "query": "hello",
            "limit": "25",
            "viewType": "all",
            "includeDataSources": "true",
            "searchSourceUrls": "false",
            "includeTools": "true",
        }
    ),
    "retryMessage-POST-assistant.conversations.{cId}.messages.{mId}.retry": lambda s: Call(
        _agent_message(s), {"blocked_only": "true"}
    ),
    "getBlockedActions-GET-assistant.conversations.{cId}.actions.blocked": lambda s: Call(_conversation(s)),
    "validateAction-POST-assistant.conversations.{cId}.messages.{mId}.validate-action": _approval,
    "answerUserQuestion-POST-assistant.conversations.{cId}.messages.{mId}.answer-question": _question,
    "registerMCPServer-POST-mcp.register": lambda s: Call(body={"serverName": "oracle tools"}),
    "heartbeatMCPServer-POST-mcp.heartbeat": lambda s: Call(body={"serverId": _registered_server(s)}),
    "postMCPResults-POST-mcp.results": lambda s: Call(
        body={"serverId": _registered_server(s), "result": {"jsonrpc": "2.0", "id": 1, "result": {}}}
    ),
    "getMCPRequestsConnectionDetails-GET-mcp.requests": lambda s: Call(
        query={"serverId": _registered_server(s)}
    ),
}

# Requests the emulator cannot answer the way real Dust does, each with the reason (none today).
NOT_EMULATED: dict[str, str] = {}

# JS SDK requests whose answer branch `divergences` corrects (the emulator is wrong there until it lands).
KNOWN_DIVERGENCES: set[str] = set()


def test_every_workspace_request_has_a_call() -> None:
    assert {entry_id(entry) for entry in WORKSPACE_ENTRIES} == set(CALLS) | set(NOT_EMULATED)


def _cases() -> list[Any]:
    cases = []
    for entry in WORKSPACE_ENTRIES:
        name = entry_id(entry)
        if name in NOT_EMULATED:
            continue
        cases.append(
            known_divergence(entry, id=name) if name in KNOWN_DIVERGENCES else pytest.param(entry, id=name)
        )
    return cases


def _url(entry: dict[str, Any], seeded: Seeded, call: Call) -> str:
    return entry["path"].format(wId=seeded.server.workspace_id, **call.path)


@pytest.mark.parametrize("entry", _cases())
def test_the_emulator_answers_the_js_sdk_request(seeded: Seeded, entry: dict[str, Any]) -> None:
    call = CALLS[entry_id(entry)](seeded)
    url = f"{seeded.server.base_url}{_url(entry, seeded, call)}"
    request = seeded.http.build_request(
        entry["http"],
        url,
        params=call.query,
        content=None if call.body is None else json.dumps(call.body),
        headers={
            "Content-Type": "application/json",
            **({"Accept": EVENT_STREAM} if entry.get("stream") else {}),
        },
    )
    # The JS SDK's fetch follows redirects (Dust's event streams answer 307 to their /api/sse/ twin).
    response = seeded.http.send(request, stream=True, follow_redirects=True)
    try:
        declared, _ = spec_success(entry["operation"])
        assert response.status_code == declared, response.read()[:2000]
        if entry.get("stream"):
            # Frames are checked by the conformance tests; the MCP request channel stays open, so stop here.
            assert response.headers["content-type"].split(";")[0] == EVENT_STREAM
            return
        body = response.read()
    finally:
        response.close()
    schema = entry.get("response_schema")
    if schema is None:
        return
    payload = json.loads(body)
    assert js_schema_errors(schema, payload) == [], f"{schema} rejects the emulator's answer"


# --- what the JS SDK and the handlers accept, our spec can send ---------------------------------------------


def _js_fields(schema: dict[str, Any]) -> set[str]:
    """The top-level fields of a JS schema, through unions and intersections."""
    schema = resolve(schema)
    fields = set(schema.get("properties", {}))
    for combinator in ("anyOf", "oneOf", "allOf"):
        for part in schema.get(combinator, []):
            fields |= _js_fields(part)
    return fields


def _spec_fields(schema: dict[str, Any]) -> set[str]:
    while "$ref" in schema:
        schema = spec_ref(schema["$ref"])
    fields = set(schema.get("properties", {}))
    for combinator in ("anyOf", "oneOf", "allOf"):
        for part in schema.get(combinator, []):
            fields |= _spec_fields(part)
    return fields


def _spec_query(operation_id: str) -> set[str]:
    _, _, operation = spec_operations()[operation_id]
    return {
        parameter["name"] for parameter in operation.get("parameters", []) if parameter.get("in") == "query"
    }


REQUEST_SCHEMAS: dict[str, dict[str, str]] = js_operations()["request_schemas"]
KNOWN_REQUEST_GAPS: set[str] = set()


@pytest.mark.parametrize(
    "operation_id",
    [
        known_divergence(operation_id, id=operation_id)
        if operation_id in KNOWN_REQUEST_GAPS
        else pytest.param(operation_id, id=operation_id)
        for operation_id in sorted(REQUEST_SCHEMAS)
    ],
)
def test_the_spec_declares_every_field_the_handler_accepts(operation_id: str) -> None:
    (where, schema_name), *_ = REQUEST_SCHEMAS[operation_id].items()
    accepted = _js_fields(js_definitions()[schema_name])
    if where == "query":
        declared = _spec_query(operation_id)
    else:
        _, _, operation = spec_operations()[operation_id]
        body = operation["requestBody"]["content"]["application/json"]["schema"]
        declared = _spec_fields(body)
    assert accepted - declared == set(), f"{schema_name} accepts fields our spec cannot send"


# The query parameters the JS SDK sends that our spec does not declare yet.
KNOWN_QUERY_GAPS: set[str] = set()


@pytest.mark.parametrize(
    "entry",
    [
        known_divergence(entry, id=entry_id(entry))
        if entry_id(entry) in KNOWN_QUERY_GAPS
        else pytest.param(entry, id=entry_id(entry))
        for entry in ENTRIES
        if entry.get("query") and entry["operation"]
    ],
)
def test_the_spec_declares_every_query_parameter_the_js_sdk_sends(entry: dict[str, Any]) -> None:
    assert set(entry["query"]) - _spec_query(entry["operation"]) == set()


# --- the emulator's other answers, against the type Dust's handler declares for them -----------------------

DS = "/spaces/vlt_global/data_sources/dts_oracle"


def _table(seeded: Seeded) -> str:
    body = {"name": "orders", "description": "Orders", "table_id": "tbl_orders"}
    seeded.post(f"{DS}/tables", body)
    seeded.post(f"{DS}/tables/tbl_orders/rows", {"rows": [{"row_id": "r1", "value": {"amount": 3}}]})
    return "tbl_orders"


def _document(seeded: Seeded) -> str:
    seeded.post(f"{DS}/documents/doc-1", {"text": "Oracle document text.", "title": "Oracle"})
    return "doc-1"


def _csv_file(seeded: Seeded) -> str:
    data = b"id,amount\n1,3\n"
    file = seeded.post(
        "/files",
        {"contentType": "text/csv", "fileName": "t.csv", "fileSize": len(data), "useCase": "conversation"},
    )["file"]
    uploaded = seeded.http.post(file["uploadUrl"], files={"file": ("t.csv", data, "text/csv")})
    assert uploaded.status_code == 200, uploaded.text
    file_id: str = file["sId"]
    return file_id


def _first_run(seeded: Seeded) -> str:
    run = seeded.post(f"/spaces/vlt_global/apps/{seeded.app_id}/runs", _app_run(seeded, stream=False).body)[
        "run"
    ]
    run_id: str = run["run_id"]
    return run_id


# operationId → the request (method, path under the workspace, query, body), after any setup it needs.
HandlerCall = tuple[str, str, dict[str, Any] | None, Any]
HANDLER_CALLS: dict[str, Callable[[Seeded], HandlerCall]] = {
    "searchAgentConfigurations": lambda s: (
        "GET",
        "/assistant/agent_configurations/search",
        {"q": "ech"},
        None,
    ),
    "getAgentConfiguration": lambda s: ("GET", "/assistant/agent_configurations/echo", None, None),
    "updateAgentConfiguration": lambda s: (
        "PATCH",
        "/assistant/agent_configurations/echo",
        None,
        {"userFavorite": True},
    ),
    "listApps": lambda s: ("GET", "/spaces/vlt_global/apps", None, None),
    "getAppRun": lambda s: ("GET", f"/spaces/vlt_global/apps/{s.app_id}/runs/{_first_run(s)}", None, None),
    "listDataSourceViews": lambda s: ("GET", "/spaces/vlt_global/data_source_views", None, None),
    "getDataSourceView": lambda s: ("GET", f"/spaces/vlt_global/data_source_views/{s.view_id}", None, None),
    "searchDataSourceView": lambda s: (
        "GET",
        f"/spaces/vlt_global/data_source_views/{s.view_id}/search",
        {"query": "oracle", "top_k": "2", "full_text": "false"},
        None,
    ),
    "listDataSources": lambda s: ("GET", "/spaces/vlt_global/data_sources", None, None),
    "checkUpsertQueue": lambda s: ("GET", f"{DS}/check_upsert_queue", None, None),
    "tokenizeText": lambda s: ("POST", f"{DS}/tokenize", None, {"text": "a b"}),
    "upsertFolder": lambda s: ("POST", f"{DS}/folders/fld_oracle", None, _folder(s).body),
    "deleteFolder": lambda s: (
        "DELETE",
        f"{DS}/folders/fld_oracle",
        None,
        s.post(f"{DS}/folders/fld_oracle", _folder(s).body) and None,
    ),
    "listDocuments": lambda s: ("GET", f"{DS}/documents", {"limit": "5"}, _document(s) and None),
    "getDocument": lambda s: ("GET", f"{DS}/documents/{_document(s)}", None, None),
    "upsertDocument": lambda s: (
        "POST",
        f"{DS}/documents/doc-2",
        None,
        {"text": "More text.", "tags": ["a"]},
    ),
    "deleteDocument": lambda s: ("DELETE", f"{DS}/documents/{_document(s)}", None, None),
    "updateDocumentParents": lambda s: (
        "POST",
        f"{DS}/documents/{_document(s)}/parents",
        None,
        {"parents": ["doc-1", "fld"], "parent_id": "fld"},
    ),
    "searchDataSource": lambda s: (
        "GET",
        f"{DS}/search",
        {"query": "oracle", "top_k": "2", "full_text": "true"},
        _document(s) and None,
    ),
    "listTables": lambda s: ("GET", f"{DS}/tables", None, _table(s) and None),
    "upsertTable": lambda s: ("POST", f"{DS}/tables", None, {"name": "items", "description": "Items"}),
    "getTable": lambda s: ("GET", f"{DS}/tables/{_table(s)}", None, None),
    "listTableRows": lambda s: ("GET", f"{DS}/tables/{_table(s)}/rows", {"limit": "5"}, None),
    "upsertTableRows": lambda s: (
        "POST",
        f"{DS}/tables/{_table(s)}/rows",
        None,
        {"rows": [{"row_id": "r2", "value": {"amount": 4}}]},
    ),
    "getTableRow": lambda s: ("GET", f"{DS}/tables/{_table(s)}/rows/r1", None, None),
    "upsertTableFromCsv": lambda s: (
        "POST",
        f"{DS}/tables/csv",
        None,
        {"name": "csv", "description": "From a CSV", "tableId": "tbl_csv", "fileId": _csv_file(s)},
    ),
}
# Answers known to be wrong in the emulator (none today).
KNOWN_HANDLER_ANSWERS: set[str] = set()
# Where the JS type a handler declares is itself wrong: the handler wins, with the reason.
JS_TYPE_WRONG: dict[str, str] = {
    "upsertTableFromCsv": (
        "the JS SDK's CoreAPITableSchema is a column list, but the handler answers upsertTable's value "
        "(front/lib/api/data_sources.ts), core's whole table object: the emulator sends that"
    ),
}
HANDLER_SCHEMAS: dict[str, str] = handlers()["response_schemas"]


@pytest.mark.parametrize(
    "operation_id",
    [
        known_divergence(operation_id, id=operation_id)
        if operation_id in KNOWN_HANDLER_ANSWERS
        else pytest.param(operation_id, id=operation_id)
        for operation_id in sorted(set(HANDLER_CALLS) - set(JS_TYPE_WRONG))
    ],
)
def test_the_emulator_answers_what_the_handler_declares(seeded: Seeded, operation_id: str) -> None:
    method, path, query, body = HANDLER_CALLS[operation_id](seeded)
    response = seeded.http.request(method, path, params=query, json=body)
    declared, _ = spec_success(operation_id)
    assert response.status_code == declared, response.text[:2000]
    schema = HANDLER_SCHEMAS[operation_id]
    assert js_schema_errors(schema, response.json()) == [], f"{schema} rejects the emulator's answer"


def test_every_typed_handler_answer_is_checked_on_the_emulator() -> None:
    """Each operation whose handler declares a JS type is called here or by a JS SDK request above."""
    by_js_sdk = {entry["operation"] for entry in WORKSPACE_ENTRIES if entry.get("response_schema")}
    unserved = {
        "uploadToolFile",
        "sendWebhookTrigger",
        "archiveAgentConfiguration",
        "importAgentConfiguration",
    }
    assert set(HANDLER_SCHEMAS) - by_js_sdk - set(HANDLER_CALLS) - unserved == set()
