"""The calls of ``client.mentions``, described without I/O (see :mod:`dust_ext._core.call`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, get_args

from dust_ext._core.call import Call, list_of, operation_call
from dust_ext._core.params import as_list, one_of
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
    kinds = [
        one_of("mentions.suggestions", "select", kind, get_args(MentionKind))
        for kind in as_list(select) or ()
    ]
    params = {"query": query, "select": kinds or None, "current": current}
    template, path = "/api/v1/w/{workspace_id}/assistant/mentions/suggestions", {"workspace_id": workspace_id}
    if conversation_id is not None:
        template = "/api/v1/w/{workspace_id}/assistant/conversations/{conversation_id}/mentions/suggestions"
        path["conversation_id"] = conversation_id
    parse = list_of(MentionSuggestion, "suggestions")
    return operation_call("GET", template, path=path, parse=parse, params=params)
