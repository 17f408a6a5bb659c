"""The mention kinds ``client.mentions.suggestions`` selects (the methods are generated: openapi/sdk.yaml)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, get_args

from dust_ext._core.params import as_list, one_of
from dust_ext.types.mentions import MentionSuggestion

MentionKind = Literal["agents", "users"]
SuggestionList = list[MentionSuggestion]


def mention_kinds(select: Sequence[MentionKind] | None) -> list[str] | None:
    """``select`` as Dust reads it, each kind checked (``"agents"`` or ``"users"``); none: left out."""
    kinds = as_list(select) or []
    for kind in kinds:
        one_of("mentions.suggestions", "select", kind, get_args(MentionKind))
    return kinds or None
