"""``client.mentions``: mention directives and suggestions. The resource is written once (``_async.py``);
the blocking ``Mentions`` is generated from it; the pure call builders are in ``calls.py``."""

from dust_ext.resources.mentions._async import (
    AsyncMentions,
    AsyncMentionsWithRawResponse,
    AsyncMentionsWithStreamingResponse,
)
from dust_ext.resources.mentions._sync import (
    Mentions,
    MentionsWithRawResponse,
    MentionsWithStreamingResponse,
)
from dust_ext.resources.mentions.calls import MentionKind, SuggestionList, suggestions_call
from dust_ext.types.mentions import MentionSuggestion

__all__ = [
    "AsyncMentions",
    "AsyncMentionsWithRawResponse",
    "AsyncMentionsWithStreamingResponse",
    "MentionKind",
    "MentionSuggestion",
    "Mentions",
    "MentionsWithRawResponse",
    "MentionsWithStreamingResponse",
    "SuggestionList",
    "suggestions_call",
]
