"""``client.mentions``: turn ``@name`` into mention directives, and suggest whom to mention.

A *mention* in a Dust message is a markdown directive, ``:mention[<name>]{sId=<agent sId>}`` for an agent
(it makes the agent answer) or ``:mention_user[<name>]{sId=<user sId>}`` for a person.
:meth:`Mentions.parse` rewrites the ``@name`` mentions of a text into those directives;
:meth:`Mentions.suggestions` lists the agents and people matching what the user typed after ``@``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from dust_api.api.mentions import (
    get_conversation_mention_suggestions,
    get_mention_suggestions,
    parse_mentions,
)
from dust_api.models import (
    GetConversationMentionSuggestionsSelectItem,
    GetMentionSuggestionsSelectItem,
    ParseMentionsBody,
)
from pydantic import BaseModel, ConfigDict

from dust_ext._core.params import given
from dust_ext._http import RequestOptions
from dust_ext.resources._base import AsyncResource, Call, Resource, generated_call, list_of, raw_json

MentionKind = Literal["agents", "users"]


class MentionSuggestion(BaseModel):
    """An agent (``type="agent"``, ``id`` its sId) or a person (``type="user"``) one can mention."""

    model_config = ConfigDict(extra="allow")

    id: str
    type: str
    label: str
    pictureUrl: str | None = None
    description: str | None = None
    userFavorite: bool | None = None


SuggestionList = list[MentionSuggestion]


def _markdown(response: Any) -> str:
    return str(raw_json(response)["markdown"])


def parse_call(workspace_id: str, markdown: str) -> Call[str]:
    return generated_call(
        parse_mentions, _markdown, w_id=workspace_id, body=ParseMentionsBody.from_dict({"markdown": markdown})
    )


def suggestions_call(
    workspace_id: str,
    query: str,
    conversation_id: str | None,
    select: Sequence[MentionKind] | None,
    current: bool | None,
) -> Call[SuggestionList]:
    parse = list_of(MentionSuggestion, "suggestions")
    if conversation_id is None:
        kinds = [GetMentionSuggestionsSelectItem(kind) for kind in select] if select else None
        return generated_call(
            get_mention_suggestions,
            parse,
            w_id=workspace_id,
            query=query,
            select=given(kinds),
            current=given(current),
        )
    in_conversation = (
        [GetConversationMentionSuggestionsSelectItem(kind) for kind in select] if select else None
    )
    return generated_call(
        get_conversation_mention_suggestions,
        parse,
        w_id=workspace_id,
        c_id=conversation_id,
        query=query,
        select=given(in_conversation),
        current=given(current),
    )


class Mentions(Resource):
    """Mentions (sync)."""

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


class AsyncMentions(AsyncResource):
    """Mentions (asyncio); see :class:`Mentions`."""

    async def parse(self, markdown: str, *, options: RequestOptions | None = None) -> str:
        """See :meth:`Mentions.parse`."""
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
        """See :meth:`Mentions.suggestions`."""
        call = suggestions_call(self._workspace_id, query, conversation_id, select, current)
        return await self._run(call.with_options(options))
