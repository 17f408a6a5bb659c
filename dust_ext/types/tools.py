"""The objects of the tool calls that wait for the user."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from dust_ext.types.actions import ToolMetadata, ToolQuestion


class BlockedAction(BaseModel):
    """An action of a conversation waiting for the user (``GET .../actions/blocked``).

    ``status`` says what it waits for: ``blocked_validation_required`` (approval),
    ``blocked_user_answer_required`` (``question`` holds the question), ``blocked_authentication_required``,
    ``blocked_file_authorization_required``, ``blocked_child_action_input_required``. Answer it by
    ``messageId`` and ``actionId``.
    """

    model_config = ConfigDict(extra="allow")

    actionId: str
    messageId: str
    conversationId: str
    status: str
    inputs: dict[str, Any] | None = None
    stake: str | None = None
    metadata: ToolMetadata | None = None
    question: ToolQuestion | None = None
