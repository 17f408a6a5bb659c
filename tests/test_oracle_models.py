"""dust_ext's models and event classes parse what the official JS SDK's schemas allow Dust to send.

For each model (and each event class) we know the JS SDK schema of, payloads are generated from that
schema — deterministic and edge-heavy rather than random:

- ``full-<n>``: every optional field set, the n-th branch of every union (n = 0, 1, 2);
- ``nulls``: every optional field set, ``null`` wherever the schema allows it;
- ``minimal``: only the required fields (``null`` where allowed);
- ``unknown-enums``: every open enum (``FlexibleEnumSchema``) set to a value this SDK has never seen.

Each payload must validate against the JS schema itself (the generator is checked too), then parse
without error, and no key may land in a model's extras when the model has a typed field for it under a
near spelling (``parentsInternalIds`` kept as an extra while the typed ``parentInternalIds`` stays empty is
exactly the bug this catches); an integer time must not come back as a float.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import pytest
from oracle_support import js_definitions, js_schema_errors, known_divergence, resolve
from pydantic import BaseModel

from dust_ext.events import parse_app_run_event, parse_frame
from dust_ext.resources.mentions import MentionSuggestion
from dust_ext.resources.tools import BlockedAction
from dust_ext.resources.workspace import VerifiedDomain
from dust_ext.types.agents import AgentConfiguration, AgentModel, ListAgentsResponse
from dust_ext.types.apps import App, Run, RunStatus
from dust_ext.types.conversations import (
    AgentMessage,
    ContentFragment,
    Conversation,
    ConversationSummary,
    MessageContext,
    MessageMention,
    UserMessage,
)
from dust_ext.types.data_sources import (
    DataSource,
    DataSourceView,
    Document,
    DocumentChunk,
    DocumentPage,
    Folder,
    Section,
    Table,
    TableRow,
    TableRowPage,
    UpsertedDocument,
)
from dust_ext.types.files import File as DustFile
from dust_ext.types.mcp import MCPHeartbeat, MCPRegistration, MCPServerView
from dust_ext.types.search import ContentNode, NodeSearchPage
from dust_ext.types.spaces import Space

VARIANTS = ("full-0", "full-1", "full-2", "nulls", "minimal", "unknown-enums")
UNKNOWN_ENUM_VALUE = "value_added_later"
MAX_DEPTH = 6


@dataclass(frozen=True)
class Generator:
    """Builds one payload for a JSON Schema, the way a variant says."""

    variant: str

    @property
    def branch(self) -> int:
        return int(self.variant.split("-")[1]) if self.variant.startswith("full-") else 0

    @property
    def nulls(self) -> bool:
        return self.variant in {"nulls", "minimal"}

    def build(self, schema: dict[str, Any], depth: int = 0) -> Any:
        schema = resolve(schema)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            values = schema["enum"]
            return values[self.branch % len(values)]
        for union in ("anyOf", "oneOf"):
            if union in schema:
                return self._union(schema[union], depth)
        if "allOf" in schema:
            merged: dict[str, Any] = {}
            for part in schema["allOf"]:
                built = self.build(part, depth)
                if isinstance(built, dict):
                    merged.update(built)
            return merged
        kinds = schema.get("type")
        if isinstance(kinds, list):
            if self.nulls and "null" in kinds:
                return None
            non_null = [kind for kind in kinds if kind != "null"]
            return self.build({**schema, "type": non_null[self.branch % len(non_null)]}, depth)
        return self._typed(schema, kinds, depth)

    def _union(self, branches: list[dict[str, Any]], depth: int) -> Any:
        # zod's `.optional()` inside a union converts to a `{"not": {}}` branch (undefined): never sent.
        resolved = [resolve(branch) for branch in branches if branch != {"not": {}}]
        if self.nulls and any(branch.get("type") == "null" for branch in resolved):
            return None
        non_null = [branch for branch in resolved if branch.get("type") != "null"] or resolved
        return self.build(non_null[self.branch % len(non_null)], depth)

    def _typed(self, schema: dict[str, Any], kind: Any, depth: int) -> Any:
        if kind == "object" or "properties" in schema:
            return self._object(schema, depth)
        if kind == "array":
            return self._array(schema, depth)
        if kind == "string":
            if "open enum" in schema.get("description", ""):
                return UNKNOWN_ENUM_VALUE if self.variant == "unknown-enums" else "known_value"
            return "2026-01-02T03:04:05.000Z" if schema.get("format") == "date-time" else "text"
        if kind == "integer":
            return 42
        if kind == "number":
            return 1_700_000_000_123  # epoch milliseconds: Dust's numbers are mostly timestamps and ids
        if kind == "boolean":
            return self.branch % 2 == 0
        if kind == "null":
            return None
        return {"any": ["json", 1]}  # no constraint at all

    def _object(self, schema: dict[str, Any], depth: int) -> dict[str, Any]:
        properties: dict[str, Any] = schema.get("properties", {})
        required = set(schema.get("required", []))
        minimal = self.variant == "minimal" or depth >= MAX_DEPTH
        return {
            name: self.build(prop, depth + 1)
            for name, prop in properties.items()
            if name in required or not minimal
        }

    def _array(self, schema: dict[str, Any], depth: int) -> list[Any]:
        items = schema.get("items", {})
        if isinstance(items, list):  # a tuple
            return [self.build(item, depth + 1) for item in items]
        if depth >= MAX_DEPTH or self.variant == "minimal":
            return []
        return [self.build(items, depth + 1) for _ in range(2)]


def payload(schema_name: str, variant: str) -> Any:
    return Generator(variant).build(js_definitions()[schema_name])


# --- what "data moved to extras" means ------------------------------------------------------------------


def _spelling(name: str) -> str:
    """A name with case, separators and the letter s erased: near spellings of one field collide."""
    return re.sub(r"[^a-z]", "", name.lower()).replace("s", "")


# Dust's times are integers (epoch milliseconds); a model typing them float loses nothing today but
# reads them back as 1.7e12 floats, so an int arriving as a float is flagged for these names.
_TIME_LIKE = re.compile(r"(created|updated|timestamp|At$|_at$|Ms$)")


def misplaced(model: BaseModel, data: Any, where: str = "") -> list[str]:
    """Keys kept as extras although the model has a typed field of near spelling, and ints turned
    floats, in ``model`` and the models nested in it."""
    problems: list[str] = []
    fields = type(model).model_fields
    typed = {_spelling(field.alias or name): name for name, field in fields.items()}
    for key in model.model_extra or {}:
        if _spelling(key) in typed:
            problems.append(f"{where}{key} kept as an extra beside the typed field {typed[_spelling(key)]}")
    if not isinstance(data, dict):
        return problems
    for name, field in fields.items():
        key = field.alias or name
        if key not in data:
            continue
        value, sent = getattr(model, name), data[key]
        if (
            _TIME_LIKE.search(key)
            and isinstance(sent, int)
            and not isinstance(sent, bool)
            and isinstance(value, float)
        ):
            problems.append(f"{where}{key}: the integer {sent} became the float {value}")
        problems += _nested(value, sent, f"{where}{key}.")
    return problems


def _nested(value: Any, sent: Any, where: str) -> list[str]:
    if isinstance(value, BaseModel):
        return misplaced(value, sent, where)
    if isinstance(value, list) and isinstance(sent, list):
        return [
            problem for item, raw in zip(value, sent, strict=False) for problem in _nested(item, raw, where)
        ]
    return []


# --- the models and the schema of what Dust sends for each ----------------------------------------------

MODELS: dict[type[BaseModel], str] = {
    AgentModel: "AgentModelConfigurationSchema",
    AgentConfiguration: "LightAgentConfigurationSchema",
    ListAgentsResponse: "GetAgentConfigurationsResponseSchema",
    MessageContext: "UserMessageContextSchema",
    MessageMention: "AgentMentionSchema",
    UserMessage: "UserMessageSchema",
    AgentMessage: "AgentMessageTypeSchema",
    ContentFragment: "ContentFragmentSchema",
    ConversationSummary: "ConversationWithoutContentSchema",
    Conversation: "ConversationSchema",
    Space: "SpaceTypeSchema",
    DataSource: "DataSourceTypeSchema",
    DataSourceView: "DataSourceViewSchema",
    Document: "CoreAPIDocumentSchema",
    DocumentChunk: "CoreAPIDocumentChunkSchema",
    DocumentPage: "GetDocumentsResponseSchema",
    UpsertedDocument: "UpsertDocumentResponseSchema",
    Section: "FrontDataSourceDocumentSectionSchema",
    Table: "CoreAPITablePublicSchema",
    TableRow: "CoreAPIRowSchema",
    TableRowPage: "ListTableRowsResponseSchema",
    ContentNode: "DataSourceContentNodeSchema",
    NodeSearchPage: "PostWorkspaceSearchResponseBodySchema",
    Folder: "CoreAPIFolderSchema",
    DustFile: "FileTypeWithUploadUrlSchema",
    App: "AppTypeSchema",
    RunStatus: "RunStatusSchema",
    Run: "RunTypeSchema",
    MCPRegistration: "RegisterMCPResponseSchema",
    MCPHeartbeat: "HeartbeatMCPResponseSchema",
    MCPServerView: "MCPServerViewTypeSchema",
    MentionSuggestion: "RichMentionSchema",
    BlockedAction: "BlockedActionExecutionSchema",
    VerifiedDomain: "WorkspaceDomainSchema",
}

# Event classes, parsed the way the SDK parses stream frames: event type → JS schema.
STREAM_EVENTS: dict[str, str] = {
    "user_message_new": "UserMessageNewEventSchema",
    "user_message_promoted": "UserMessagePromotedEventSchema",
    "agent_message_new": "AgentMessageNewEventSchema",
    "agent_message_done": "AgentMessageDoneEventSchema",
    "conversation_title": "ConversationTitleEventSchema",
    "generation_tokens": "GenerationTokensEventSchema",
    "tool_params": "MCPParamsEventSchema",
    "tool_call_started": "AgentToolCallStartedEventSchema",
    "tool_notification": "ToolNotificationEventSchema",
    "tool_approve_execution": "MCPApproveExecutionEventSchema",
    "tool_personal_auth_required": "ToolPersonalAuthRequiredEventSchema",
    "tool_file_auth_required": "ToolFileAuthRequiredEventSchema",
    "tool_ask_user_question": "ToolAskUserQuestionEventSchema",
    "tool_error": "ToolErrorEventSchema",
    "agent_action_success": "AgentActionSuccessEventSchema",
    "agent_context_pruned": "AgentContextPrunedEventSchema",
    "agent_generation_cancelled": "AgentGenerationCancelledEventSchema",
    "agent_error": "AgentErrorEventSchema",
    "agent_message_success": "AgentMessageSuccessEventSchema",
    "agent_message_gracefully_stopped": "AgentMessageGracefullyStoppedEventSchema",
    "user_message_error": "UserMessageErrorEventSchema",
}

APP_RUN_EVENTS: dict[str, str] = {
    "error": "DustAppRunErroredEventSchema",
    "run_status": "DustAppRunRunStatusEventSchema",
    "block_status": "DustAppRunBlockStatusEventSchema",
    "block_execution": "DustAppRunBlockExecutionEventSchema",
    "tokens": "DustAppRunTokensEventSchema",
    "reasoning_tokens": "DustAppRunReasoningTokensEventSchema",
    "reasoning_item": "DustAppRunReasoningItemEventSchema",
    "function_call": "DustAppRunFunctionCallEventSchema",
    "function_call_arguments_tokens": "DustAppRunFunctionCallArgumentsTokensEventSchema",
    "final": "DustAppRunFinalEventSchema",
}

# (model or event, variant) cases branch `divergences` fixes; any variant not listed must pass.
# (model or event, variants) known to fail, with the change that fixes them (none today).
KNOWN: dict[str, set[str]] = {}


def _cases(names: list[str]) -> list[Any]:
    cases = []
    for name in names:
        for variant in VARIANTS:
            case_id = f"{name}-{variant}"
            known = variant in KNOWN.get(name, set())
            cases.append(
                known_divergence(name, variant, id=case_id)
                if known
                else pytest.param(name, variant, id=case_id)
            )
    return cases


MODEL_BY_NAME = {model.__name__: model for model in MODELS}


def _checked_payload(schema_name: str, variant: str) -> Any:
    data = payload(schema_name, variant)
    assert js_schema_errors(schema_name, data) == [], "the generated payload breaks its own schema"
    return data


@pytest.mark.parametrize(("name", "variant"), _cases(sorted(MODEL_BY_NAME)))
def test_the_model_parses_what_the_js_schema_allows(name: str, variant: str) -> None:
    model = MODEL_BY_NAME[name]
    data = _checked_payload(MODELS[model], variant)
    parsed = model.model_validate(data)
    assert misplaced(parsed, data) == []


def _frame(data: Any) -> str:
    return json.dumps({"eventId": "1700000000000-0", "data": data})


@pytest.mark.parametrize(("name", "variant"), _cases(sorted(STREAM_EVENTS)))
def test_the_stream_event_parses_what_the_js_schema_allows(name: str, variant: str) -> None:
    data = _checked_payload(STREAM_EVENTS[name], variant)
    event = parse_frame(_frame(data))
    assert event is not None
    assert type(event.event).__name__ != "UnknownEvent", f"{name} was not recognised"
    assert isinstance(event.event, BaseModel)
    assert misplaced(event.event, data) == []


@pytest.mark.parametrize(("name", "variant"), _cases(sorted(APP_RUN_EVENTS)))
def test_the_app_run_event_parses_what_the_js_schema_allows(name: str, variant: str) -> None:
    data = _checked_payload(APP_RUN_EVENTS[name], variant)
    event = parse_app_run_event(json.dumps(data))
    assert event is not None
    assert misplaced(event, data) == []


def test_every_event_type_the_js_sdk_knows_is_covered() -> None:
    def event_types(schema: dict[str, Any]) -> set[str]:
        schema = resolve(schema)
        if "anyOf" in schema:  # unions nest (AgentActionSpecificEventSchema)
            return {kind for branch in schema["anyOf"] for kind in event_types(branch)}
        return {schema["properties"]["type"]["const"]}

    definitions = js_definitions()
    known = event_types(definitions["AgentMessageEventDataSchema"]) | event_types(
        definitions["ConversationEventDataSchema"]
    )
    assert known == set(STREAM_EVENTS)


# Models that type every field the JS SDK's schema lists (none of them may land in model_extra).
FULLY_TYPED: dict[type[BaseModel], str] = {
    AgentConfiguration: "LightAgentConfigurationSchema",
    AgentModel: "AgentModelConfigurationSchema",
}


@pytest.mark.parametrize("model", list(FULLY_TYPED), ids=lambda model: model.__name__)
def test_the_model_types_every_field_of_its_js_schema(model: type[BaseModel]) -> None:
    schema = resolve(js_definitions()[FULLY_TYPED[model]])
    typed = {field.alias or name for name, field in model.model_fields.items()}
    assert set(schema["properties"]) - typed == set()
