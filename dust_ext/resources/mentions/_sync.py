# Generated from _async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
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
from dust_ext.resources._base._sync import (
    Resource,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from dust_ext.resources.mentions.calls import MentionKind, SuggestionList, parse_call, suggestions_call


class Mentions(Resource):
    """Mentions: ``client.mentions``."""

    def parse(self, markdown: str, *, options: RequestOptions | None = None) -> str:
        """``markdown`` with each ``@name`` of a known agent or person replaced by its mention directive."""
        return self._run(parse_call(self._workspace_id, markdown).with_options(options))

    def suggestions(
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
        return self._run(call.with_options(options))

    @cached_property
    def with_raw_response(self) -> MentionsWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return MentionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> MentionsWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return MentionsWithStreamingResponse(self)


class MentionsWithRawResponse:
    """``client.mentions.with_raw_response``."""

    def __init__(self, mentions: Mentions) -> None:
        self.parse = to_raw_response_wrapper(mentions.parse)
        self.suggestions = to_raw_response_wrapper(mentions.suggestions)


class MentionsWithStreamingResponse:
    """``client.mentions.with_streaming_response``."""

    def __init__(self, mentions: Mentions) -> None:
        self.parse = to_streamed_response_wrapper(mentions.parse)
        self.suggestions = to_streamed_response_wrapper(mentions.suggestions)
