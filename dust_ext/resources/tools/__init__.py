"""Tool calls that wait for the user, and how to answer them. The pending action is written once
(``_async.py``); the blocking ``PendingToolAction`` is generated from it; the pure call builders are in
``calls.py``."""

from dust_ext.resources.tools._async import AsyncPendingToolAction
from dust_ext.resources.tools._sync import PendingToolAction
from dust_ext.resources.tools.calls import (
    BLOCKED_TOOL_EVENTS,
    BlockedActionList,
    BlockedToolEvent,
    Verdict,
    answer_payload,
    answer_question_call,
    blocked_actions_call,
    is_blocked_tool_event,
    update_tools_call,
    validate_action_call,
)
from dust_ext.types.tools import BlockedAction

__all__ = [
    "BLOCKED_TOOL_EVENTS",
    "AsyncPendingToolAction",
    "BlockedAction",
    "BlockedActionList",
    "BlockedToolEvent",
    "PendingToolAction",
    "Verdict",
    "answer_payload",
    "answer_question_call",
    "blocked_actions_call",
    "is_blocked_tool_event",
    "update_tools_call",
    "validate_action_call",
]
