# Generated from _async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""Tool interactions: the tool calls of an agent that wait for the user, and how to answer them
(``_sync.py`` is generated from this file).

An agent's tool call can *block* on the user: a high-stake tool waits for approval
(``tool_approve_execution``; answer with ``validate-action``: approved, rejected or always approved for
this tool), a tool can ask the user a question (``tool_ask_user_question``; answer with
``answer-question``: the indexes of the chosen options and/or a free-text response), and a tool may need
the user to connect a personal account or grant access to a file (``tool_personal_auth_required``,
``tool_file_auth_required``; done in Dust's web app, not through the API).

In a chat stream (``client.chat.stream``) each of these arrives as a ``PendingToolAction`` (asyncio client:
``AsyncPendingToolAction``) instead of the raw event: the event (``.event``) plus the calls that answer it,
``approve()`` / ``reject()`` / ``always_approve()`` / ``answer(...)``. The agent then goes on and the stream
continues to the reply::

    with client.chat.stream(agent="deployer", text="Deploy the API") as stream:
        for event in stream:
            if isinstance(event, PendingToolAction):
                event.approve() if event.stake != "high" else event.reject()

``client.conversations`` has the same calls by id (``validate_action``, ``answer_question``,
``list_blocked_actions``, ``update_tools``): the pending actions call them.
"""

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
