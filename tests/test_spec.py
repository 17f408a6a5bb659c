"""The checked-in spec: valid, complete, and shaped so that the generated client tolerates server growth."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi" / "dust-api.yaml"
UPSTREAM_PATH = ROOT / "openapi" / "upstream" / "dust-swagger-1.0.2.json"
sys.path.insert(0, str(ROOT / "scripts"))
import spec_drift  # noqa: E402


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def walk(node: Any, path: str = "") -> Any:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}/{index}")


def test_spec_is_valid_openapi(spec: dict[str, Any]) -> None:
    validate(spec)


def test_every_operation_has_a_unique_operation_id_and_bearer_auth(spec: dict[str, Any]) -> None:
    ids = [op["operationId"] for item in spec["paths"].values() for op in item.values()]
    assert len(ids) == len(set(ids))
    assert spec["security"] == [{"BearerAuth": []}]
    assert spec["components"]["securitySchemes"]["BearerAuth"]["scheme"] == "bearer"


def test_every_error_status_uses_dusts_error_envelope(spec: dict[str, Any]) -> None:
    envelope = spec["components"]["schemas"]["APIError"]
    assert envelope["required"] == ["error"]
    assert set(spec["components"]["schemas"]["APIErrorDetail"]["required"]) == {"type", "message"}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                if status == "default" or int(status) >= 400:
                    assert response == {"$ref": "#/components/responses/Error"}, (method, path, status)


def test_event_endpoints_are_declared_as_server_sent_events(spec: dict[str, Any]) -> None:
    base = "/api/v1/w/{wId}/assistant/conversations/{cId}"
    for path in (f"{base}/events", f"{base}/messages/{{mId}}/events"):
        operation = spec["paths"][path]["get"]
        assert list(operation["responses"]["200"]["content"]) == ["text/event-stream"]
        assert "lastEventId" in {p["name"] for p in operation["parameters"] if p["in"] == "query"}


def test_the_real_response_envelopes(spec: dict[str, Any]) -> None:
    def ok_schema(path: str, method: str) -> dict[str, Any]:
        response = spec["paths"]["/api/v1/w/{wId}/" + path][method]["responses"]
        ok = response.get("200") or response["204"]
        schema = ok["content"]["application/json"]["schema"]
        if "$ref" in schema:  # a named envelope (e.g. ListAgentsResponse)
            schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        return dict(schema)

    create = ok_schema("assistant/conversations", "post")
    assert set(create["properties"]) == {"conversation", "message", "contentFragment"}
    post = ok_schema("assistant/conversations/{cId}/messages", "post")
    assert set(post["properties"]) == {"message", "agentMessages"}
    agents = ok_schema("assistant/agent_configurations", "get")
    assert set(agents["properties"]) == {"agentConfigurations"}


def test_conversation_content_is_a_list_of_message_versions(spec: dict[str, Any]) -> None:
    content = spec["components"]["schemas"]["Conversation"]["properties"]["content"]
    members = [m["$ref"].rsplit("/", 1)[1] for m in content["items"]["items"]["anyOf"]]
    # anyOf, tried in order by the generator: the const `type` of each known kind rejects the others,
    # and the last member takes any kind the server adds later.
    assert members == ["UserMessage", "AgentMessage", "ContentFragment", "UnknownMessage"]
    schemas = spec["components"]["schemas"]
    for kind, const in [
        ("UserMessage", "user_message"),
        ("AgentMessage", "agent_message"),
        ("ContentFragment", "content_fragment"),
    ]:
        assert schemas[kind]["properties"]["type"] == {"type": "string", "const": const}


def test_every_array_declares_its_items(spec: dict[str, Any]) -> None:
    # Upstream's AgentConfiguration.actions has no `items`: the generator then drops the model silently.
    bad = [
        path
        for path, node in walk(spec)
        if isinstance(node, dict) and node.get("type") == "array" and "items" not in node
    ]
    assert bad == []


def test_response_schemas_have_no_closed_enums(spec: dict[str, Any]) -> None:
    # Server-owned enums are strings with their known values documented: a generated Enum would raise
    # on the first value the server adds.
    closed = [
        path
        for path, node in walk(spec["components"]["schemas"])
        if isinstance(node, dict) and "enum" in node
    ]
    assert closed == []


def test_objects_tolerate_extra_properties(spec: dict[str, Any]) -> None:
    strict = [
        name
        for name, schema in spec["components"]["schemas"].items()
        if schema.get("additionalProperties") is False
    ]
    assert strict == []


def test_every_component_schema_has_a_generated_model(spec: dict[str, Any]) -> None:
    models = importlib.import_module("dust_api.models")
    missing = [name for name in spec["components"]["schemas"] if not hasattr(models, name)]
    assert missing == []


# Operations Dust's swagger documents that its handlers do not serve (the handler wins).
NOT_SERVED_BY_DUST = {
    "DELETE /api/v1/w/{}/spaces/{}/data_source_views/{}": (
        "spaces/[spaceId]/data_source_views/[dsvId]/index.ts registers only GET and PATCH"
    ),
    "POST /api/v1/w/{}/triggers/hooks/{}": (
        "the route is triggers/hooks/[webhookSourceId]/[webhookSourceUrlSecret]: our spec has the secret segment"
    ),
}


def test_covers_every_public_operation_of_dusts_document(spec: dict[str, Any]) -> None:
    upstream = json.loads(UPSTREAM_PATH.read_text(encoding="utf-8"))
    differences, covered = spec_drift.swagger_differences(
        spec_drift.OpenAPI(upstream), spec_drift.OpenAPI(spec)
    )
    only_upstream = {d.where for d in differences if d.kind == "operation only upstream"}
    assert only_upstream == set(NOT_SERVED_BY_DUST)
    assert covered == f"{57 - len(NOT_SERVED_BY_DUST)}/57"
    kinds = {(difference.kind, difference.where) for difference in differences}
    assert ("operation only ours", "GET /api/v1/w/{}/assistant/conversations") in kinds


def test_spec_drift_reports_both_directions(spec: dict[str, Any]) -> None:
    upstream = {
        "paths": {"/api/v1/w/{workspaceId}/brand_new": {"get": {}}, "/api/w/{wId}/private": {"get": {}}},
        "components": {"schemas": {"Space": {"properties": {"sId": {}, "shinyNewField": {}}}}},
    }
    differences, _ = spec_drift.swagger_differences(spec_drift.OpenAPI(upstream), spec_drift.OpenAPI(spec))
    lines = {difference.line() for difference in differences}
    assert "swagger: operation only upstream: GET /api/v1/w/{}/brand_new" in lines
    assert "swagger: fields only upstream: space: shinyNewField" in lines
    assert "swagger: operation only ours: GET /api/v1/w/{}/spaces" in lines
    only_ours = next(d for d in differences if d.kind == "fields only ours" and d.where == "space")
    assert "kind" in only_ours.detail.split(", ")
