"""The emulator's in-memory world: workspaces, agents, conversations, messages, files and data sources.

Everything lives in one ``EmulatorState`` owned by the server's event loop; route handlers and scripted agents
mutate it without locks because they all run on that single loop. Objects render themselves to the JSON
shapes the real Dust API returns (``to_json``).

Dust concepts: a *workspace* (``wId``) owns everything and is reached with an API key; an *agent
configuration* (``sId`` such as ``dust``) is an assistant users mention; a *conversation* is a list of
ranks, each rank holding the versions of one user message, agent message or content fragment; a *space*
groups *data sources*, which hold *documents* that agents retrieve from.
"""

from __future__ import annotations

import asyncio
import datetime as _dt
import hashlib
import itertools
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from dust_ext.testing._event_log import EventIdClock, EventLog
from dust_ext.testing._faults import Fault, FaultCounters
from dust_ext.testing._oauth import OAuthIssuer

JSONObject = dict[str, Any]


def now_ms() -> int:
    return int(time.time() * 1000)


def js_iso(ms: int) -> str:
    """A time as JavaScript's ``Date.toISOString()`` writes it (``2026-11-30T10:00:00.000Z``)."""
    moment = _dt.datetime.fromtimestamp(ms / 1000, tz=_dt.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


#: The model id (Dust's integer user id) of the emulated workspace's first member, its admin ``usr_peter``:
#: the author of the seeded custom agents.
SEED_AUTHOR_ID = 1


class IdFactory:
    """Deterministic ids: integer ``id``s and 10-hex-char ``sId``s derived from a per-workspace counter."""

    def __init__(self, seed: str) -> None:
        self._seed = seed
        self._counter = itertools.count(1)

    def next_int(self) -> int:
        return next(self._counter)

    def next_sid(self, prefix: str = "") -> str:
        number = self.next_int()
        digest = hashlib.sha256(f"{self._seed}:{number}".encode()).hexdigest()[:10]
        return f"{prefix}{digest}"


@dataclass
class AgentConfiguration:
    """An agent (assistant) users mention by ``sId``; ``behaviour`` names its script in ``_agents``.

    It renders as Dust's light configuration: global agents have ``id`` -1 and no version date or author;
    custom ones carry the ISO date of their version and the model id of its author (``author_id``).
    """

    id: int
    sId: str
    name: str
    description: str
    instructions: str | None
    scope: str
    behaviour: str
    model_id: str = "emulator-model"
    provider_id: str = "emulator"
    userFavorite: bool = False
    created: int = field(default_factory=now_ms)
    status: str = "active"
    picture: str | None = None
    max_steps_per_run: int = 8
    author_id: int | None = None

    def picture_url(self) -> str:
        return self.picture or f"https://dust.tt/static/systemavatar/{self.sId}_avatar_full.png"

    def to_json(self) -> JSONObject:
        is_global = self.scope == "global"
        return {
            "id": -1 if is_global else self.id,
            "sId": self.sId,
            "version": 0,
            "versionCreatedAt": None if is_global else js_iso(self.created),
            "versionAuthorId": None if is_global else self.author_id,
            "name": self.name,
            "description": self.description,
            "instructions": self.instructions,
            "pictureUrl": self.picture_url(),
            "status": self.status,
            "scope": self.scope,
            "userFavorite": self.userFavorite,
            "model": {"providerId": self.provider_id, "modelId": self.model_id, "temperature": 0.7},
            "actions": [],
            "maxStepsPerRun": self.max_steps_per_run,
            "templateId": None,
            "tags": [],
            "canRead": True,
            "canEdit": self.scope != "global" and self.status == "active",
            "requestedGroupIds": [],
            "requestedSpaceIds": [],
        }

    def message_configuration(self) -> JSONObject:
        """The configuration embedded in an agent message: Dust embeds the whole light configuration."""
        return self.to_json()


@dataclass
class UserMessage:
    """A message a person (here: an API caller) posted; mentions trigger agent messages."""

    id: int
    sId: str
    version: int
    rank: int
    content: str
    mentions: list[str]
    context: JSONObject
    created: int = field(default_factory=now_ms)
    visibility: str = "visible"

    def to_json(self) -> JSONObject:
        return {
            "id": self.id,
            "sId": self.sId,
            "type": "user_message",
            "visibility": self.visibility,
            "version": self.version,
            "created": self.created,
            "user": None,
            "mentions": [{"configurationId": mention} for mention in self.mentions],
            "content": self.content,
            "context": self.context,
            "rank": self.rank,
        }


@dataclass
class PendingApproval:
    """A tool call an agent waits on until ``validate-action`` answers it."""

    action_id: str
    decision: asyncio.Future[str]


@dataclass
class AgentMessage:
    """An agent's reply, produced by a scripted agent task; its events form their own stream."""

    id: int
    sId: str
    version: int
    rank: int
    parent_message_id: str
    configuration: AgentConfiguration
    events: EventLog
    created: int = field(default_factory=now_ms)
    status: str = "created"
    content: str | None = None
    chain_of_thought: str | None = None
    actions: list[JSONObject] = field(default_factory=list)
    error: JSONObject | None = None
    completed_ts: int | None = None
    visibility: str = "visible"
    task: asyncio.Task[None] | None = None
    pending_approval: PendingApproval | None = None
    skip_tools_validation: bool = False
    """Posted with ``skipToolsValidation``: its tools run without asking (Dust: ``ready_allowed_implicitly``)."""

    @property
    def running(self) -> bool:
        return self.status == "created"

    def to_json(self) -> JSONObject:
        raw_contents = [{"step": 0, "content": self.content}] if self.content else []
        return {
            "id": self.id,
            "agentMessageId": self.id,
            "sId": self.sId,
            "type": "agent_message",
            "visibility": self.visibility,
            "version": self.version,
            "created": self.created,
            "completedTs": self.completed_ts,
            "parentMessageId": self.parent_message_id,
            "parentAgentMessageId": None,
            "status": self.status,
            "actions": list(self.actions),
            "content": self.content,
            "chainOfThought": self.chain_of_thought,
            "rawContents": raw_contents,
            "error": self.error,
            "configuration": self.configuration.message_configuration(),
            "rank": self.rank,
            "skipToolsValidation": self.skip_tools_validation,
        }


@dataclass
class ContentFragment:
    """A piece of context (text or an uploaded file) inserted in a conversation for agents to read."""

    id: int
    sId: str
    rank: int
    title: str
    content_type: str
    text: str
    source_url: str | None
    context: JSONObject
    file_id: str | None
    base_url: str
    workspace_id: str
    created: int = field(default_factory=now_ms)

    def to_json(self) -> JSONObject:
        return {
            "id": self.id,
            "sId": self.sId,
            "type": "content_fragment",
            "visibility": "visible",
            "version": 0,
            "rank": self.rank,
            "created": self.created,
            "title": self.title,
            "contentType": self.content_type,
            "sourceUrl": self.source_url,
            "textUrl": f"{self.base_url}/api/v1/w/{self.workspace_id}/files/{self.sId}?action=download",
            "textBytes": len(self.text.encode()),
            "context": self.context,
            "contentFragmentId": self.sId,
            "contentFragmentVersion": "latest",
            "fileId": self.file_id,
            "contentFragmentType": "file",
            "snippet": self.text[:200],
            "sourceProvider": None,
            "sourceIcon": None,
            "generatedTables": [],
            "expiredReason": None,
        }


Message = UserMessage | AgentMessage | ContentFragment


@dataclass
class Feedback:
    """A thumbs up/down a user gave an agent message."""

    message_id: str
    agent_message_id: int
    thumb_direction: str
    content: str | None
    configuration_id: str
    is_conversation_shared: bool
    created: int = field(default_factory=now_ms)

    def to_json(self) -> JSONObject:
        return {
            "messageId": self.message_id,
            "agentMessageId": self.agent_message_id,
            "userId": 1,
            "thumbDirection": self.thumb_direction,
            "content": self.content,
            "createdAt": self.created,
            "agentConfigurationId": self.configuration_id,
            "agentConfigurationVersion": 0,
            "isConversationShared": self.is_conversation_shared,
        }


@dataclass
class Conversation:
    """A conversation: ranks of message versions, plus its own event stream."""

    id: int
    sId: str
    title: str | None
    owner: JSONObject
    events: EventLog
    created: int = field(default_factory=now_ms)
    updated: int = field(default_factory=now_ms)
    visibility: str = "unlisted"
    content: list[list[Message]] = field(default_factory=list)
    unread: bool = False
    feedbacks: dict[str, Feedback] = field(default_factory=dict)

    def agent_messages(self) -> list[AgentMessage]:
        return [m for versions in self.content for m in versions if isinstance(m, AgentMessage)]

    def has_running_agent(self) -> bool:
        return any(message.running for message in self.agent_messages())

    def find_message(self, message_id: str) -> Message | None:
        for versions in self.content:
            for message in versions:
                if message.sId == message_id:
                    return message
        return None

    def light_json(self) -> JSONObject:
        return {
            "id": self.id,
            "sId": self.sId,
            "created": self.created,
            "updated": self.updated,
            "title": self.title,
            "visibility": self.visibility,
            "owner": self.owner,
            "depth": 0,
            "requestedGroupIds": [],
            "requestedSpaceIds": [],
            "unread": self.unread,
            "actionRequired": any(m.pending_approval is not None for m in self.agent_messages()),
            "hasError": any(m.status == "failed" for m in self.agent_messages()),
        }

    def to_json(self, ranks: range | None = None, *, app_url: str) -> JSONObject:
        """The conversation with the messages of ``ranks`` (all of them by default).

        ``url`` is where a person opens it in the web app: Dust builds it on its own client-facing address
        (``https://eu.dust.tt`` in the EU region), the emulator on ``app_url``, the address it was called at."""
        rendered = self.light_json()
        shown = self.content if ranks is None else [self.content[rank] for rank in ranks]
        rendered["content"] = [[message.to_json() for message in versions] for versions in shown]
        rendered["url"] = f"{app_url}/w/{self.owner['sId']}/conversation/{self.sId}"
        return rendered


@dataclass
class StoredFile:
    """A file created by ``POST /files`` and filled by a multipart upload to its ``uploadUrl``."""

    id: int
    sId: str
    content_type: str
    file_name: str
    file_size: int
    use_case: str
    use_case_metadata: Any
    upload_url: str
    data: bytes | None = None
    created: int = field(default_factory=now_ms)

    def to_json(self) -> JSONObject:
        return {
            "id": self.sId,
            "sId": self.sId,
            "contentType": self.content_type,
            "fileName": self.file_name,
            "fileSize": self.file_size if self.data is None else len(self.data),
            "status": "created" if self.data is None else "ready",
            "useCase": self.use_case,
            "useCaseMetadata": self.use_case_metadata,
            "uploadUrl": self.upload_url,
            "downloadUrl": self.upload_url + "?action=download",
            "createdAt": self.created,
        }


@dataclass
class Document:
    """A document in a data source; the emulator keeps its text whole (one chunk)."""

    document_id: str
    data_source_id: str
    text: str
    title: str
    mime_type: str
    source_url: str | None
    tags: list[str]
    parents: list[str]
    parent_id: str | None
    timestamp: int
    created: int = field(default_factory=now_ms)

    def to_json(self, *, light: bool = False) -> JSONObject:
        rendered: JSONObject = {
            "data_source_id": self.data_source_id,
            "created": self.created,
            "document_id": self.document_id,
            "title": self.title,
            "mime_type": self.mime_type,
            "timestamp": self.timestamp,
            "tags": list(self.tags),
            "parent_id": self.parent_id,
            "parents": list(self.parents),
            "source_url": self.source_url,
            "hash": hashlib.sha256(self.text.encode()).hexdigest(),
            "text_size": len(self.text.encode()),
            "chunk_count": 1,
            "token_count": len(self.text.split()),
        }
        if not light:
            rendered["text"] = self.text
            rendered["chunks"] = [{"text": self.text, "hash": rendered["hash"], "offset": 0, "vector": None}]
        return rendered

    def upsert_summary_json(self) -> JSONObject:
        """What Dust's upsert answers with ``light_document_output``: core's light document, which has
        no ``document_id`` (nor title, tags or parents)."""
        full = self.to_json(light=True)
        return {key: full[key] for key in ("hash", "text_size", "chunk_count", "token_count", "created")}


@dataclass
class DataSource:
    """A data source (a folder of documents) inside a space."""

    id: int
    sId: str
    name: str
    description: str
    space_id: str
    documents: dict[str, Document] = field(default_factory=dict)
    created: int = field(default_factory=now_ms)

    def to_json(self) -> JSONObject:
        return {
            "id": self.id,
            "sId": self.sId,
            "createdAt": self.created,
            "name": self.name,
            "description": self.description,
            "dustAPIProjectId": f"emulator-project-{self.id}",
            "dustAPIDataSourceId": f"emulator-ds-{self.id}",
            "connectorId": None,
            "connectorProvider": None,
            "assistantDefaultSelected": False,
        }


@dataclass
class Space:
    """A space: a permission boundary grouping data sources (``global`` is the company space)."""

    id: int
    sId: str
    name: str
    kind: str
    created: int = field(default_factory=now_ms)

    def to_json(self) -> JSONObject:
        return {
            "id": self.id,
            "sId": self.sId,
            "name": self.name,
            "kind": self.kind,
            "groupIds": [],
            "isRestricted": False,
            "createdAt": self.created,
            "updatedAt": self.created,
        }


@dataclass
class Workspace:
    """A workspace and everything it owns; requests reach it as ``/api/v1/w/{sId}`` with its API key."""

    sId: str
    api_key: str
    clock: EventIdClock
    ids: IdFactory
    name: str = "Emulated workspace"
    agents: dict[str, AgentConfiguration] = field(default_factory=dict)
    conversations: dict[str, Conversation] = field(default_factory=dict)
    files: dict[str, StoredFile] = field(default_factory=dict)
    spaces: dict[str, Space] = field(default_factory=dict)
    data_sources: dict[str, DataSource] = field(default_factory=dict)

    def owner_json(self) -> JSONObject:
        return {
            "id": 1,
            "sId": self.sId,
            "name": self.name,
            "role": "builder",
            "segmentation": None,
            "whiteListedProviders": None,
            "defaultEmbeddingProvider": None,
            "ssoEnforced": False,
        }

    def new_event_log(self) -> EventLog:
        return EventLog(self.clock)


@dataclass
class EmulatorConfig:
    """Run-wide settings: token pacing for scripted agents and the run-wide fault spec."""

    token_delay: float = 0.0
    faults: list[Fault] = field(default_factory=list)


@dataclass
class EmulatorState:
    """Every workspace of one emulator server, plus its clock, config, fault counters and gates.

    Gates are named ``asyncio.Event``s that scripted agents wait on (``gate=<name>`` in a user message);
    tests open them to control exactly when an agent may continue.
    """

    config: EmulatorConfig = field(default_factory=EmulatorConfig)
    clock: EventIdClock = field(default_factory=EventIdClock)
    workspaces: dict[str, Workspace] = field(default_factory=dict)
    fault_counters: FaultCounters = field(default_factory=FaultCounters)
    gates: dict[str, asyncio.Event] = field(default_factory=dict)
    oauth: OAuthIssuer = field(default_factory=OAuthIssuer)
    requests: deque[str] = field(default_factory=lambda: deque(maxlen=10_000))
    """The API requests received (the last 10,000), as ``"METHOD /path"``, in order: tests count calls."""

    def gate(self, name: str) -> asyncio.Event:
        return self.gates.setdefault(name, asyncio.Event())

    def open_gate(self, name: str) -> None:
        self.gate(name).set()
