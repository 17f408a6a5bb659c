# Generated from _async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""The tool calls of an agent that wait for the user (approval, a question, an account or file to connect),
as a chat stream yields them, and how to answer them (``_sync.py`` is generated from this file; the
guide is docs/chat.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dust_ext.resources.tools.calls import BlockedToolEvent, PendingToolActionBase, Verdict

if TYPE_CHECKING:
    from dust_ext._client._sync import DustClient


class PendingToolAction(PendingToolActionBase):
    """A tool call waiting for the user in a chat stream; answer it and the stream continues (with the
    asyncio client: ``await action.approve()``)."""

    def __init__(self, event: BlockedToolEvent, client: DustClient) -> None:
        super().__init__(event, client.config.workspace_id)
        self._client = client

    def _decide(self, verdict: Verdict) -> bool:
        self._check_approval()
        done = self._client.conversations.validate_action(
            self.conversation_id, self.message_id, self.action_id, verdict
        )
        self.resolution = verdict
        return done

    def approve(self) -> bool:
        """Let the tool run once."""
        return self._decide("approved")

    def reject(self) -> bool:
        """Do not run the tool (the agent is told and goes on without it)."""
        return self._decide("rejected")

    def always_approve(self) -> bool:
        """Run the tool, and do not ask again for this tool."""
        return self._decide("always_approved")

    def answer(self, *options: int | str, custom_response: str | None = None) -> bool:
        """Answer a question with the chosen options (indexes or labels) and/or a free-text response."""
        self._check_question()
        done = self._client.conversations.answer_question(
            self.conversation_id,
            self.message_id,
            self.action_id,
            self._option_indexes(options),
            custom_response,
        )
        self.resolution = "answered"
        return done
