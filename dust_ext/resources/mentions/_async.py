"""``client.mentions``: turn ``@name`` into mention directives, and suggest whom to mention (``_sync.py`` is
generated from this file).

A *mention* in a Dust message is a markdown directive, ``:mention[<name>]{sId=<agent sId>}`` for an agent
(it makes the agent answer) or ``:mention_user[<name>]{sId=<user sId>}`` for a person. ``mentions.parse``
rewrites the ``@name`` mentions of a text into those directives; ``mentions.suggestions`` lists the agents
and people matching what the user typed after ``@``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._async import (
    AsyncResource,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
)
from dust_ext.resources.mentions.calls import MentionKind, SuggestionList, parse_call, suggestions_call


class AsyncMentions(AsyncResource):
    """Mentions: ``client.mentions``."""

    async def parse(self, markdown: str, *, options: RequestOptions | None = None) -> str:
        """``markdown`` with each ``@name`` of a known agent or person replaced by its mention directive."""
        return await self._run(parse_call(self._workspace_id, markdown).with_options(options))

    async def suggestions(
        self,
        query: str,
        *,
        conversation_id: str | None = None,
        select: Sequence[MentionKind] | None = None,
        current: bool | None = None,
        options: RequestOptions | None = None,
    ) -> SuggestionList:
        """Agents and people matching ``query`` (``select``: only ``"agents"`` or ``"users"``); with
        ``conversation_id``, suggestions for that conversation."""
        call = suggestions_call(self._workspace_id, query, conversation_id, select, current)
        return await self._run(call.with_options(options))

    @cached_property
    def with_raw_response(self) -> AsyncMentionsWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return AsyncMentionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncMentionsWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return AsyncMentionsWithStreamingResponse(self)


class AsyncMentionsWithRawResponse:
    """``client.mentions.with_raw_response``."""

    def __init__(self, mentions: AsyncMentions) -> None:
        self.parse = async_to_raw_response_wrapper(mentions.parse)
        self.suggestions = async_to_raw_response_wrapper(mentions.suggestions)


class AsyncMentionsWithStreamingResponse:
    """``client.mentions.with_streaming_response``."""

    def __init__(self, mentions: AsyncMentions) -> None:
        self.parse = async_to_streamed_response_wrapper(mentions.parse)
        self.suggestions = async_to_streamed_response_wrapper(mentions.suggestions)
