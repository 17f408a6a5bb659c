"""The emulator conforms to our OpenAPI spec (openapi/dust-api.yaml), checked by schemathesis.

Three layers:

- a property-based run: for every spec operation the emulator serves (SSE streams aside), schemathesis
  generates requests from the spec and checks each response against it (no 5xx, a status code the
  operation declares explicitly, a declared content type, the body schema, declared headers). Each
  operation runs twice: with generated ids (mostly ``404`` error envelopes) and with the path ids
  pinned to a seeded workspace (so the ``200`` bodies of real objects are checked too);
- example-based happy paths: every emulated operation called with a valid request, answering ``200``
  with a body the spec accepts;
- the SSE endpoints answer ``text/event-stream`` whose frames are ``{"eventId", "data": {"type"}}``.

Generation is deterministic (``derandomize``, no example database) and bounded per operation. A body the
spec accepts is also checked for the fields the official JS SDK requires (the spec keeps most optional).
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
import yaml
from conftest import CONTEXT, iter_frames
from hypothesis import HealthCheck, Phase, given, settings
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from schemathesis import Case, CheckContext
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Err
from schemathesis.core.transport import Response as ApiResponse
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from dust_ext.testing import EmulatorServer, create_app
from dust_ext.testing._coverage import UNEMULATED_OPERATIONS

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi" / "dust-api.yaml"
# 10 keeps `make test` quick; DUST_CONFORMANCE_EXAMPLES=100 makes a deeper (still deterministic) run.
EXAMPLES_PER_OPERATION = int(os.environ.get("DUST_CONFORMANCE_EXAMPLES", "10"))
EVENT_STREAM = "text/event-stream"

# Operations the emulator must keep serving; the fuzz run covers whatever else it serves too.
CORE_OPERATIONS = frozenset(
    {
        "listAgentConfigurations",
        "searchAgentConfigurations",
        "getAgentConfiguration",
        "updateAgentConfiguration",
        "exportAgentConfigurationYaml",
        "listConversations",
        "createConversation",
        "getConversation",
        "updateConversation",
        "cancelMessageGeneration",
        "createContentFragment",
        "listConversationFeedbacks",
        "createMessage",
        "editMessage",
        "retryAgentMessage",
        "submitMessageFeedback",
        "deleteMessageFeedback",
        "validateAction",
        "createFileUpload",
        "getFile",
        "deleteFile",
        "listSpaces",
        "listDataSources",
        "listDocuments",
        "getDocument",
        "upsertDocument",
        "deleteDocument",
        "updateDocumentParents",
        "searchDataSource",
        "searchNodes",
        "streamConversationEvents",
        "streamMessageEvents",
    }
)

# Emulator routes outside the spec, on purpose: the upload target behind `File.uploadUrl` (the spec
# models it as a URL, not an operation), reading one message's feedback (handy in tests), and the OAuth
# token exchange: Dust marks that handler @ignoreswagger (front/pages/api/v1/auth/[action].ts), its form and
# answer are the identity provider's OAuth protocol (WorkOS), not Dust's API, and the SDK sends it from its
# request path (dust_ext._core.oauth), not through the generated client.
EMULATOR_ONLY_ROUTES = frozenset(
    {
        ("POST", "/api/v1/w/{}/files/{}"),
        ("GET", "/api/v1/w/{}/assistant/conversations/{}/messages/{}/feedbacks"),
        ("POST", "/api/v1/auth/authenticate"),
    }
)


def load_spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.load(
        SPEC_PATH.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    return spec


SPEC = load_spec()
SCHEMA = schemathesis.openapi.from_dict(copy.deepcopy(SPEC))


def _operations_by_id() -> dict[str, Any]:
    operations: dict[str, Any] = {}
    for result in SCHEMA.get_all_operations():
        if isinstance(result, Err):
            raise result.err()
        operations[result.ok().definition.raw["operationId"]] = result.ok()
    return operations


OPERATIONS = _operations_by_id()


@schemathesis.deserializer("text/yaml")
def yaml_export_as_text(ctx: schemathesis.DeserializationContext, response: ApiResponse) -> str:
    """The spec describes the YAML export as text (`type: string`); schemathesis would validate the parsed
    document against that instead. Keep the text, after checking it is a well-formed YAML mapping."""
    text = response.content.decode("utf-8")
    if not isinstance(yaml.safe_load(text), dict):
        raise ValueError("the YAML export is not a mapping")
    return text


def _route_key(method: str, path: str) -> tuple[str, str]:
    return method.upper(), re.sub(r"\{[^}]*\}", "{}", path)


def emulator_api_routes() -> set[tuple[str, str]]:
    """(method, path template) of every ``/api/v1`` route of the emulator app."""
    routes = set()
    for route in create_app().routes:
        path = getattr(route, "path", "")
        if path.startswith("/api/v1/"):
            routes |= {
                _route_key(method, path) for method in getattr(route, "methods", ()) if method != "HEAD"
            }
    return routes


def emulated_operations() -> set[str]:
    """Spec operations the emulator has a route for."""
    served = emulator_api_routes()
    return {
        operation_id
        for operation_id, operation in OPERATIONS.items()
        if _route_key(operation.method, operation.path) in served
    }


def is_event_stream(operation_id: str) -> bool:
    """SSE-only operations stay out of the fuzz run: schemathesis would read each frame as a `type: string`.
    An operation that answers JSON too (an app run, streamed only with `stream: true`) is fuzzed."""
    content = OPERATIONS[operation_id].definition.raw["responses"].get("200", {}).get("content", {})
    return set(content) == {EVENT_STREAM}


EMULATED = emulated_operations()
FUZZED = sorted(operation_id for operation_id in EMULATED if not is_event_stream(operation_id))
# (operation, ids): operations addressing objects by id run with generated ids and with seeded ones.
FUZZ_RUNS = [
    pytest.param(operation_id, ids, id=f"{operation_id}-{ids}")
    for operation_id in FUZZED
    for ids in (
        ("generated", "seeded")
        if any(p.name != "wId" for p in OPERATIONS[operation_id].path_parameters)
        else ("generated",)
    )
]
STREAMED = sorted(operation_id for operation_id in EMULATED if is_event_stream(operation_id))
# Streams that end once their events are sent, with Dust's {"eventId", "data": {"type"}} frames.
DUST_EVENT_STREAMS = frozenset({"streamConversationEvents", "streamMessageEvents"})
# The streamed search has its own framing (Dust's search/index.ts): `{"knowledgeResults"}` / `{"toolResults"}`.
SEARCH_STREAMS = frozenset({"streamSearchNodes"})
# Streams checked elsewhere: the MCP request channel stays open and carries JSON-RPC requests.
OTHER_STREAMS = frozenset({"streamMCPRequests"})


def status_code_is_declared(ctx: CheckContext, response: ApiResponse, case: Case[Any]) -> bool | None:
    """Stricter than status_code_conformance: every operation declares `default`, which would accept anything."""
    declared = set(case.operation.definition.raw["responses"]) - {"default"}
    assert str(response.status_code) in declared, (
        f"{response.status_code} is not among the explicitly declared statuses {sorted(declared)}"
    )
    return True


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    status_code_is_declared,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@dataclass(frozen=True)
class World:
    """A seeded workspace: real ids to aim requests at, and the emulator that holds them."""

    server: EmulatorServer
    conversation_id: str
    user_message_id: str
    agent_message_id: str
    file_id: str
    data_source_id: str
    document_id: str
    space_id: str = "vlt_global"
    agent_id: str = "echo"

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.server.api_key}"}

    def path_parameters(self, operation_id: str) -> dict[str, str]:
        """The seeded id for each path parameter this world knows (others are left to generation)."""
        user_message_operations = {"editMessage"}
        return {
            "wId": self.server.workspace_id,
            "sId": self.agent_id,
            "cId": self.conversation_id,
            "mId": self.user_message_id if operation_id in user_message_operations else self.agent_message_id,
            "fileId": self.file_id,
            "spaceId": self.space_id,
            "dsId": self.data_source_id,
            "documentId": self.document_id,
        }

    def call(
        self,
        operation_id: str,
        *,
        path: dict[str, str] | None = None,
        query: dict[str, Any] | None = None,
        body: Any = None,
        headers: dict[str, str] | None = None,
        status: int = 200,
    ) -> ApiResponse:
        """Call one operation with a hand-written request, validate the response against the spec."""
        operation = OPERATIONS[operation_id]
        parameters = {"wId": self.server.workspace_id, **(path or {})}
        extra: dict[str, Any] = {} if body is None else {"body": body}
        case = operation.Case(path_parameters=parameters, query=query, **extra)
        response: ApiResponse = case.call_and_validate(
            base_url=self.server.base_url, headers=headers or self.headers, checks=CHECKS, timeout=10
        )
        assert response.status_code == status, response.content[:2000]
        return response


def _message(content: str, *agents: str, blocking: bool = True) -> dict[str, Any]:
    mentions = [{"configurationId": agent} for agent in agents]
    return {"content": content, "mentions": mentions, "context": CONTEXT, "blocking": blocking}


@pytest.fixture
def world(fresh_dust_emulator: EmulatorServer) -> World:
    """A fresh emulator with a finished conversation, a created file and a data source with one document."""
    server = fresh_dust_emulator
    root = f"{server.base_url}/api/v1/w/{server.workspace_id}"
    with httpx.Client(base_url=root, headers={"Authorization": f"Bearer {server.api_key}"}) as client:
        body = {"message": _message("hello there", "echo"), "blocking": True}
        created = client.post("/assistant/conversations", json=body).json()
        file = client.post(
            "/files",
            json={
                "contentType": "text/plain",
                "fileName": "notes.txt",
                "fileSize": 5,
                "useCase": "conversation",
            },
        ).json()["file"]
        server.add_data_source("dts_conformance", "conformance")
        client.post(
            "/spaces/vlt_global/data_sources/dts_conformance/documents/doc-1",
            json={"text": "The emulator conforms to the spec.", "title": "Conformance"},
        ).raise_for_status()
    conversation = created["conversation"]
    return World(
        server=server,
        conversation_id=conversation["sId"],
        user_message_id=created["message"]["sId"],
        agent_message_id=conversation["content"][1][0]["sId"],
        file_id=file["sId"],
        data_source_id="dts_conformance",
        document_id="doc-1",
    )


# --- coverage ---------------------------------------------------------------------------------------


def test_the_emulator_serves_the_core_operations() -> None:
    assert CORE_OPERATIONS <= EMULATED, sorted(CORE_OPERATIONS - EMULATED)


def test_every_spec_operation_is_emulated_or_listed_with_a_reason() -> None:
    unserved = set(OPERATIONS) - EMULATED
    assert unserved == set(UNEMULATED_OPERATIONS), "route it, or list it in dust_ext/testing/_coverage.py"
    assert all(len(reason) > 40 for reason in UNEMULATED_OPERATIONS.values())


def test_every_emulator_route_is_a_spec_operation() -> None:
    spec_routes = {_route_key(operation.method, operation.path) for operation in OPERATIONS.values()}
    assert emulator_api_routes() - spec_routes - EMULATOR_ONLY_ROUTES == set()


# --- property-based: generated requests, every response checked against the spec --------------------


@pytest.mark.parametrize(("operation_id", "ids"), FUZZ_RUNS)
def test_generated_requests_get_conforming_responses(world: World, operation_id: str, ids: str) -> None:
    operation = OPERATIONS[operation_id]
    pinned = {"wId": world.server.workspace_id}
    if ids == "seeded":
        known = world.path_parameters(operation_id)
        pinned = {p.name: known[p.name] for p in operation.path_parameters if p.name in known}
    statuses: list[int] = []

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(path_parameters=pinned))
    def check(case: Case[Any]) -> None:
        response = case.call_and_validate(
            base_url=world.server.base_url, headers=world.headers, checks=CHECKS, timeout=10
        )
        statuses.append(response.status_code)

    check()
    assert statuses, "no request was generated"


# --- example-based happy paths: valid requests answer 200 with spec-conforming bodies -------------


def test_agent_operations(world: World) -> None:
    agents = world.call("listAgentConfigurations", query={"view": "all"}).json()["agentConfigurations"]
    assert {agent["sId"] for agent in agents} >= {"dust", "echo", "approver"}
    world.call("searchAgentConfigurations", query={"q": "ech"})
    world.call("getAgentConfiguration", path={"sId": "echo"})
    patched = world.call("updateAgentConfiguration", path={"sId": "echo"}, body={"userFavorite": True})
    assert patched.json()["agentConfiguration"]["userFavorite"] is True
    exported = world.call("exportAgentConfigurationYaml", path={"sId": "echo"})
    assert exported.content.startswith(b"agent:")
    world.call("getAgentConfiguration", path={"sId": "nope"}, status=404)


def test_conversation_with_every_kind_of_message(world: World) -> None:
    body = {
        "title": "Everything",
        "visibility": "unlisted",
        "contentFragments": [{"title": "notes", "content": "some notes", "contentType": "text/plain"}],
        "message": _message("Tell me everything", "echo", "thinker", "researcher", "failing"),
        "blocking": True,
    }
    created = world.call("createConversation", body=body).json()
    conversation_id = created["conversation"]["sId"]
    assert created["contentFragment"]["title"] == "notes"
    posted = world.call(
        "createMessage", path={"cId": conversation_id}, body=_message("and again", "dust", "gpt-4")
    ).json()
    assert {message["status"] for message in posted["agentMessages"]} == {"succeeded"}
    world.call(
        "createContentFragment",
        path={"cId": conversation_id},
        body={"title": "later", "content": "more", "contentType": "text/markdown", "url": None},
    )
    content = world.call("getConversation", path={"cId": conversation_id}).json()["conversation"]["content"]
    statuses = {message.get("status") for versions in content for message in versions}
    assert {"succeeded", "failed"} <= statuses
    kinds = {message["type"] for versions in content for message in versions}
    assert kinds == {"user_message", "agent_message", "content_fragment"}
    listed = world.call("listConversations").json()["conversations"]
    assert conversation_id in {conversation["sId"] for conversation in listed}
    world.call("updateConversation", path={"cId": conversation_id}, body={"read": True})


# The spec keeps most fields optional so a client tolerates change; the official JS SDK's zod schemas
# (what real Dust answers) require these, so the emulator must send them all.
JS_SDK_REQUIRED_KEYS = {
    "conversation": {
        "id",
        "created",
        "unread",
        "actionRequired",
        "owner",
        "sId",
        "title",
        "visibility",
        "url",
    },
    "user_message": {"id", "created", "type", "sId", "visibility", "version", "user", "mentions", "content"},
    "agent_message": {
        *("id", "agentMessageId", "created", "type", "sId", "visibility", "version", "parentMessageId"),
        *("parentAgentMessageId", "configuration", "status", "actions", "content", "chainOfThought"),
        *("rawContents", "error"),
    },
    "content_fragment": {
        *("type", "id", "sId", "created", "visibility", "version", "sourceUrl", "title", "contentType"),
        *("context", "contentFragmentId", "contentFragmentVersion", "contentFragmentType", "expiredReason"),
        *("fileId", "snippet", "generatedTables", "textUrl", "textBytes", "sourceProvider", "sourceIcon"),
    },
    "agent_configuration": {
        *("id", "versionCreatedAt", "sId", "version", "versionAuthorId", "instructions", "model", "status"),
        *("scope", "userFavorite", "name", "description", "pictureUrl", "maxStepsPerRun", "templateId"),
    },
    "feedback": {
        *("messageId", "agentMessageId", "userId", "thumbDirection", "content", "createdAt"),
        *("agentConfigurationId", "agentConfigurationVersion", "isConversationShared"),
    },
    "file": {"id", "sId", "contentType", "fileName", "fileSize", "status", "useCase"},
}


def assert_has_js_sdk_keys(kind: str, value: dict[str, Any]) -> None:
    missing = JS_SDK_REQUIRED_KEYS[kind] - set(value)
    assert not missing, f"{kind} lacks {sorted(missing)}"


def test_bodies_have_every_field_the_js_sdk_requires(world: World) -> None:
    body = {
        "contentFragment": {"title": "notes", "content": "some notes", "contentType": "text/plain"},
        "message": _message("Everything", "echo", "researcher", "failing", "thinker"),
    }
    conversation = world.call("createConversation", body=body).json()["conversation"]
    assert_has_js_sdk_keys("conversation", conversation)
    for versions in conversation["content"]:
        for message in versions:
            assert_has_js_sdk_keys(message["type"], message)
            if message["type"] == "agent_message":
                assert_has_js_sdk_keys("agent_configuration", message["configuration"])
    agents = world.call("listAgentConfigurations").json()["agentConfigurations"]
    for agent in agents:
        assert_has_js_sdk_keys("agent_configuration", agent)
    message = {"cId": world.conversation_id, "mId": world.agent_message_id}
    world.call("submitMessageFeedback", path=message, body={"thumbDirection": "down"})
    feedbacks = world.call("listConversationFeedbacks", path={"cId": world.conversation_id}).json()
    assert_has_js_sdk_keys("feedback", feedbacks["feedbacks"][0])
    file = world.call(
        "createFileUpload",
        body={"contentType": "text/plain", "fileName": "a.txt", "fileSize": 1, "useCase": "conversation"},
    ).json()["file"]
    assert_has_js_sdk_keys("file", file)


def test_edit_retry_cancel_and_feedback(world: World) -> None:
    path = {"cId": world.conversation_id}
    edited = world.call(
        "editMessage",
        path={**path, "mId": world.user_message_id},
        body={"content": "edited", "mentions": [{"configurationId": "echo"}]},
    ).json()
    assert edited["message"]["version"] == 1
    retried = world.call("retryAgentMessage", path={**path, "mId": world.agent_message_id}).json()
    assert retried["message"]["configuration"]["sId"] == "echo"

    running = world.call("createMessage", path=path, body=_message("gate=never", "streamer", blocking=False))
    running_id = running.json()["agentMessages"][0]["sId"]
    world.call("cancelMessageGeneration", path=path, body={"messageIds": [running_id]})
    cancelled = world.call("getConversation", path=path).json()["conversation"]["content"][-1][0]
    assert cancelled["status"] == "cancelled"

    message = {**path, "mId": world.agent_message_id}
    feedback = {"thumbDirection": "up", "feedbackContent": "great", "isConversationShared": True}
    world.call("submitMessageFeedback", path=message, body=feedback)
    feedbacks = world.call("listConversationFeedbacks", path=path).json()["feedbacks"]
    assert [item["thumbDirection"] for item in feedbacks] == ["up"]
    world.call("deleteMessageFeedback", path=message)
    world.call("deleteMessageFeedback", path=message, status=404)


def test_validate_action_for_a_pending_tool_call(world: World) -> None:
    path = {"cId": world.conversation_id}
    posted = world.call("createMessage", path=path, body=_message("delete prod", "approver", blocking=False))
    message_id = posted.json()["agentMessages"][0]["sId"]
    events_path = f"/api/v1/w/{world.server.workspace_id}/assistant/conversations/{world.conversation_id}"
    events_path += f"/messages/{message_id}/events"
    with (
        httpx.Client(
            base_url=world.server.base_url, headers=world.headers, timeout=10, follow_redirects=True
        ) as client,
        client.stream("GET", events_path) as stream,
    ):
        frames = iter_frames(stream.iter_lines())
        approval = next(
            frame["data"] for frame in frames if frame["data"]["type"] == "tool_approve_execution"
        )
        pending = world.call("getConversation", path=path).json()["conversation"]
        assert pending["actionRequired"] is True
        world.call(
            "validateAction",
            path={**path, "mId": message_id},
            body={"actionId": approval["actionId"], "approved": "approved"},
        )
        assert [frame["data"]["type"] for frame in frames][-1] == "agent_message_success"


def test_file_operations(world: World) -> None:
    payload = "ünïcode bytes".encode()
    created = world.call(
        "createFileUpload",
        body={
            "contentType": "text/plain",
            "fileName": "ünï.txt",
            "fileSize": len(payload),
            "useCase": "conversation",
        },
    ).json()["file"]
    with httpx.Client(headers=world.headers, timeout=10) as client:
        uploaded = client.post(created["uploadUrl"], files={"file": ("ünï.txt", payload, "text/plain")})
    assert uploaded.json()["file"]["status"] == "ready"
    file_path = {"fileId": created["sId"]}
    for query in ({}, {"action": "download"}, {"action": "view"}):
        downloaded = world.call("getFile", path=file_path, query=query)
        assert downloaded.content == payload
    world.call("getFile", path={"fileId": world.file_id}, status=400)  # created, never uploaded
    fragment = world.call(
        "createContentFragment",
        path={"cId": world.conversation_id},
        body={"title": "ünï", "fileId": created["sId"]},
    ).json()["contentFragment"]
    assert fragment["fileId"] == created["sId"]
    world.call("deleteFile", path=file_path, status=204)
    world.call("deleteFile", path=file_path, status=404)


def test_data_source_and_search_operations(world: World) -> None:
    spaces = world.call("listSpaces").json()["spaces"]
    assert world.space_id in {space["sId"] for space in spaces}
    data_source = {"spaceId": world.space_id, "dsId": world.data_source_id}
    sources = world.call("listDataSources", path={"spaceId": world.space_id}).json()["data_sources"]
    assert world.data_source_id in {source["sId"] for source in sources}
    document = {**data_source, "documentId": "doc-2"}
    body = {
        "section": {"prefix": "Title", "content": "Body text about conformance.", "sections": []},
        "tags": ["spec"],
        "source_url": "https://example.com/doc-2",
        "timestamp": 1_700_000_000_000,
    }
    world.call("upsertDocument", path=document, body=body)
    world.call("upsertDocument", path=document, body={"text": "light", "light_document_output": True})
    world.call("getDocument", path=document)
    listed = world.call("listDocuments", path=data_source, query={"limit": 1, "offset": 1}).json()
    assert listed["total"] == 2
    world.call(
        "updateDocumentParents", path=document, body={"parents": ["doc-2", "folder"], "parent_id": "folder"}
    )
    hits = world.call("searchDataSource", path=data_source, query={"query": "conformance", "top_k": 2}).json()
    assert hits["documents"]
    world.call("deleteDocument", path=document)
    world.call("getDocument", path=document, status=404)


def test_search_nodes_finds_documents(world: World) -> None:
    nodes = world.call("searchNodes", body={"query": "conformance"}).json()["nodes"]
    assert [node["internalId"] for node in nodes] == [world.document_id]


def test_errors_use_the_envelope(world: World) -> None:
    world.call("listConversations", headers={"Authorization": "Bearer sk-wrong"}, status=401)
    world.call("getConversation", path={"cId": "nope"}, status=404)
    world.call("createConversation", body={"visibility": "bogus"}, status=400)
    world.call("listConversations", path={"wId": "other-workspace"}, status=404)


# --- SSE: the event endpoints --------------------------------------------------------------------------


def _stream_request(world: World, operation_id: str) -> tuple[dict[str, str], dict[str, str]]:
    """Path parameters and query of a request that opens a finished, non-empty stream."""
    if operation_id == "streamConversationEvents":
        return {"cId": world.conversation_id}, {}
    if operation_id == "streamMessageEvents":
        return {"cId": world.conversation_id, "mId": world.agent_message_id}, {}
    if operation_id == "streamSearchNodes":
        return {}, {"query": "conformance"}
    raise AssertionError(f"no request is known to open {operation_id}: add one here")


def test_every_emulated_stream_is_classified() -> None:
    assert set(STREAMED) <= DUST_EVENT_STREAMS | SEARCH_STREAMS | OTHER_STREAMS


def test_search_stream_frames_are_dusts(world: World) -> None:
    url = OPERATIONS["streamSearchNodes"].path.format(wId=world.server.workspace_id)
    with (
        httpx.Client(base_url=world.server.base_url, headers=world.headers, timeout=10) as client,
        client.stream("GET", url, params={"query": "conformance"}) as response,
    ):
        assert response.status_code == 200, response.read()
        frames = list(iter_frames(response.iter_lines()))
    assert frames
    assert set(frames[0]) == {"knowledgeResults"}
    assert set(frames[0]["knowledgeResults"]) == {"nodes", "warningCode", "nextPageCursor", "resultsCount"}
    validator = spec_validator("ContentNode")
    for node in frames[0]["knowledgeResults"]["nodes"]:
        validator.validate(node)
    assert all(set(frame) == {"toolResults"} for frame in frames[1:])


@pytest.mark.parametrize("operation_id", sorted(DUST_EVENT_STREAMS & set(STREAMED)))
def test_event_stream_frames_have_an_event_id_and_a_type(world: World, operation_id: str) -> None:
    operation = OPERATIONS[operation_id]
    path, query = _stream_request(world, operation_id)
    url = operation.path.format(**{"wId": world.server.workspace_id, **path})
    with (
        httpx.Client(
            base_url=world.server.base_url, headers=world.headers, timeout=10, follow_redirects=True
        ) as client,
        client.stream("GET", url, params=query) as response,
    ):
        assert response.status_code == 200, response.read()
        assert response.headers["content-type"].split(";")[0].strip() == EVENT_STREAM
        frames = list(iter_frames(response.iter_lines()))
    assert frames
    for frame in frames:
        assert isinstance(frame, dict), frame
        assert isinstance(frame["eventId"], str)
        assert frame["eventId"]
        assert isinstance(frame["data"]["type"], str)


def spec_validator(schema_name: str) -> Draft202012Validator:
    """A JSON Schema validator for one of the spec's component schemas (OpenAPI 3.1 is JSON Schema 2020-12)."""
    spec = Resource.from_contents(SPEC, default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource("urn:dust-api", spec)
    reference = {"$ref": f"urn:dust-api#/components/schemas/{schema_name}"}
    return Draft202012Validator(reference, registry=registry)


# Event payloads that embed an object the spec describes: (event type, field) -> component schema.
EVENT_PAYLOAD_SCHEMAS = {
    ("user_message_new", "message"): "UserMessage",
    ("agent_message_new", "message"): "AgentMessage",
    ("agent_message_success", "message"): "AgentMessage",
    ("tool_params", "action"): "AgentAction",
    ("tool_approve_execution", "action"): "AgentAction",
    ("agent_action_success", "action"): "AgentAction",
    ("agent_error", "error"): "AgentMessageError",
}


def test_every_agent_streams_conforming_frames(world: World) -> None:
    agents = ["researcher", "failing", "thinker", "streamer", "approver"]
    created = world.call(
        "createMessage",
        path={"cId": world.conversation_id},
        body=_message("stream me", *agents, blocking=False),
    ).json()
    messages = [message["sId"] for message in created["agentMessages"]]
    root = f"/api/v1/w/{world.server.workspace_id}/assistant/conversations/{world.conversation_id}"
    paths = [f"{root}/messages/{message}/events" for message in messages] + [f"{root}/events"]
    validators = {name: spec_validator(name) for name in set(EVENT_PAYLOAD_SCHEMAS.values())}
    seen: set[tuple[str, str]] = set()
    with httpx.Client(
        base_url=world.server.base_url, headers=world.headers, timeout=10, follow_redirects=True
    ) as client:
        for path in paths:
            with client.stream("GET", path) as response:
                assert response.headers["content-type"].startswith(EVENT_STREAM)
                frames = []
                for frame in iter_frames(response.iter_lines()):
                    frames.append(frame)
                    event = frame["data"]
                    if event["type"] == "tool_approve_execution":
                        world.call(
                            "validateAction",
                            path={"cId": world.conversation_id, "mId": event["messageId"]},
                            body={"actionId": event["actionId"], "approved": "approved"},
                        )
            assert frames, path
            for frame in frames:
                assert isinstance(frame["eventId"], str)
                assert frame["eventId"]
                event = frame["data"]
                for (event_type, field), schema_name in EVENT_PAYLOAD_SCHEMAS.items():
                    if event["type"] == event_type:
                        validators[schema_name].validate(event[field])
                        seen.add((event_type, field))
    assert seen == set(EVENT_PAYLOAD_SCHEMAS)


@pytest.mark.parametrize("operation_id", ["streamConversationEvents", "streamMessageEvents"])
def test_event_endpoints_answer_unknown_ids_with_the_error_envelope(world: World, operation_id: str) -> None:
    world.call(operation_id, path={"cId": "nope", "mId": "nope"}, status=404)
