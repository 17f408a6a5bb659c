"""``client.mentions.suggestions``, inherited by the generated ``AsyncMentions`` (see openapi/sdk.yaml)."""

from __future__ import annotations

from collections.abc import Sequence

from dust_ext._core.call import one_call
from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._async import AsyncResource
from dust_ext.resources.mentions.calls import MentionKind, SuggestionList, suggestions_call


class AsyncMentionsBehaviour(AsyncResource):
    """``client.mentions``' suggestions, which pick one of two operations."""

    @one_call
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
