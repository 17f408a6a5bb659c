"""Creating workspaces and running the conversation logic shared by several routes."""

from __future__ import annotations

import asyncio
from typing import Any

from dust_ext.testing._agents import AGENT_CATALOGUE, AgentRun, run_agent
from dust_ext.testing._errors import ApiError, not_found
from dust_ext.testing._state import (
    SEED_AUTHOR_ID,
    AgentConfiguration,
    AgentMessage,
    Conversation,
    DataSource,
    EmulatorState,
    IdFactory,
    Space,
    UserMessage,
    Workspace,
    now_ms,
)

JSONObject = dict[str, Any]

GLOBAL_SPACE_ID = "vlt_global"
DEFAULT_DATA_SOURCE_ID = "dts_knowledge"


def create_workspace(state: EmulatorState, workspace_id: str, api_key: str) -> Workspace:
    """Add (or replace) a workspace with the scripted agents, a global space and an empty data source."""
    workspace = Workspace(sId=workspace_id, api_key=api_key, clock=state.clock, ids=IdFactory(workspace_id))
    for sid, name, scope, description in AGENT_CATALOGUE:
        workspace.agents[sid] = AgentConfiguration(
            id=workspace.ids.next_int(),
            sId=sid,
            name=name,
            description=description,
            instructions=None if scope == "global" else f"You are the emulated {name} agent.",
            scope=scope,
            behaviour=sid,
            author_id=None if scope == "global" else SEED_AUTHOR_ID,
        )
    workspace.spaces[GLOBAL_SPACE_ID] = Space(
        workspace.ids.next_int(), GLOBAL_SPACE_ID, "Company Data", "global"
    )
    add_data_source(workspace, GLOBAL_SPACE_ID, DEFAULT_DATA_SOURCE_ID, "knowledge")
    state.workspaces[workspace_id] = workspace
    return workspace


def add_data_source(workspace: Workspace, space_id: str, data_source_id: str, name: str) -> DataSource:
    """Add a data source to a space (the public API cannot create them; tests and seeds can)."""
    data_source = DataSource(
        id=workspace.ids.next_int(),
        sId=data_source_id,
        name=name,
        description=f"Emulated data source {name}.",
        space_id=space_id,
    )
    workspace.data_sources[data_source_id] = data_source
    return data_source


def reset_state(state: EmulatorState) -> None:
    """Forget every conversation, file, document and issued OAuth token; keep workspaces, keys and run-wide
    config."""
    for workspace in state.workspaces.values():
        for conversation in workspace.conversations.values():
            for message in conversation.agent_messages():
                if message.task is not None and not message.task.done():
                    message.task.cancel()
    credentials = [(workspace.sId, workspace.api_key) for workspace in state.workspaces.values()]
    state.workspaces.clear()
    state.gates.clear()
    state.fault_counters.clear()
    state.oauth.clear()
    state.requests.clear()
    for workspace_id, api_key in credentials:
        create_workspace(state, workspace_id, api_key)


def get_conversation(workspace: Workspace, conversation_id: str) -> Conversation:
    conversation = workspace.conversations.get(conversation_id)
    if conversation is None:
        raise not_found("conversation_not_found", "Conversation", conversation_id)
    return conversation


def get_agent_message(conversation: Conversation, message_id: str) -> AgentMessage:
    message = conversation.find_message(message_id)
    if message is None:
        raise not_found("message_not_found", "Message", message_id)
    if not isinstance(message, AgentMessage):
        raise ApiError(400, "invalid_request_error", f"Message {message_id!r} is not an agent message.")
    return message


def get_user_message(conversation: Conversation, message_id: str) -> UserMessage:
    message = conversation.find_message(message_id)
    if message is None:
        raise not_found("message_not_found", "Message", message_id)
    if not isinstance(message, UserMessage):
        raise ApiError(400, "invalid_request_error", f"Message {message_id!r} is not a user message.")
    return message


def new_conversation(workspace: Workspace, title: str | None, visibility: str) -> Conversation:
    conversation = Conversation(
        id=workspace.ids.next_int(),
        sId=workspace.ids.next_sid(),
        title=title,
        owner=workspace.owner_json(),
        events=workspace.new_event_log(),
        visibility=visibility,
    )
    workspace.conversations[conversation.sId] = conversation
    return conversation


def check_mentions(workspace: Workspace, mentions: list[str]) -> None:
    for configuration_id in mentions:
        if configuration_id not in workspace.agents:
            raise not_found("agent_configuration_not_found", "Agent configuration", configuration_id)


def post_user_message(
    state: EmulatorState,
    workspace: Workspace,
    conversation: Conversation,
    content: str,
    mentions: list[str],
    context: JSONObject,
    *,
    edit_of: UserMessage | None = None,
    skip_tools_validation: bool = False,
) -> tuple[UserMessage, list[AgentMessage]]:
    """Append a user message (or a new version of ``edit_of``) and start one agent message per mention.

    ``skip_tools_validation`` marks the agent messages so that their tools run without asking, as Dust's
    ``skipToolsValidation`` does (``getExecutionStatusFromConfig`` answers ``ready_allowed_implicitly``)."""
    check_mentions(workspace, mentions)
    if edit_of is None:
        rank = len(conversation.content)
        conversation.content.append([])
    else:
        rank = edit_of.rank
    user_message = UserMessage(
        id=workspace.ids.next_int(),
        sId=workspace.ids.next_sid(),
        version=0 if edit_of is None else edit_of.version + 1,
        rank=rank,
        content=content,
        mentions=mentions,
        context=context,
    )
    conversation.content[rank].append(user_message)
    conversation.updated = now_ms()
    conversation.events.append(
        {
            "type": "user_message_new",
            "created": now_ms(),
            "messageId": user_message.sId,
            "message": user_message.to_json(),
        }
    )
    agent_messages = [
        start_agent_message(
            state,
            workspace,
            conversation,
            workspace.agents[configuration_id],
            user_message,
            skip_tools_validation=skip_tools_validation,
        )
        for configuration_id in mentions
    ]
    return user_message, agent_messages


def start_agent_message(
    state: EmulatorState,
    workspace: Workspace,
    conversation: Conversation,
    configuration: AgentConfiguration,
    user_message: UserMessage,
    *,
    retry_of: AgentMessage | None = None,
    skip_tools_validation: bool = False,
) -> AgentMessage:
    """Create an agent message in status ``created`` and start its scripted agent as a task (a retry keeps
    the original's ``skipToolsValidation``)."""
    if retry_of is None:
        rank = len(conversation.content)
        conversation.content.append([])
    else:
        rank = retry_of.rank
    message = AgentMessage(
        id=workspace.ids.next_int(),
        sId=workspace.ids.next_sid(),
        version=0 if retry_of is None else retry_of.version + 1,
        rank=rank,
        parent_message_id=user_message.sId,
        configuration=configuration,
        events=workspace.new_event_log(),
        skip_tools_validation=skip_tools_validation if retry_of is None else retry_of.skip_tools_validation,
    )
    conversation.content[rank].append(message)
    conversation.events.append(
        {
            "type": "agent_message_new",
            "created": now_ms(),
            "configurationId": configuration.sId,
            "messageId": message.sId,
            "message": message.to_json(),
        }
    )
    run = AgentRun(state, workspace, conversation, message, user_message)
    message.task = asyncio.get_running_loop().create_task(run_agent(run), name=f"agent-{message.sId}")
    return message


async def wait_until_finished(messages: list[AgentMessage]) -> None:
    """Wait for agent tasks without cancelling them if the waiting request goes away."""
    tasks = {message.task for message in messages if message.task is not None}
    if tasks:
        await asyncio.wait(tasks)


def parent_user_message(conversation: Conversation, message: AgentMessage) -> UserMessage:
    return get_user_message(conversation, message.parent_message_id)
