"""The calls of ``client.mentions``, described without I/O (see :mod:`dust_ext._core.call`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from dust_api.api.mentions import get_conversation_mention_suggestions, get_mention_suggestions
from dust_api.models import (
    GetConversationMentionSuggestionsSelectItem,
    GetMentionSuggestionsSelectItem,
)

from dust_ext._core.call import Call, generated_call, list_of
from dust_ext._core.params import given
from dust_ext.types.mentions import MentionSuggestion

MentionKind = Literal["agents", "users"]
SuggestionList = list[MentionSuggestion]


def suggestions_call(
    workspace_id: str,
    query: str,
    conversation_id: str | None,
    select: Sequence[MentionKind] | None,
    current: bool | None,
) -> Call[SuggestionList]:
    """The mention suggestions for ``query``, in the workspace or in one conversation."""
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
