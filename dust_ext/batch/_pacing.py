"""How fast a batch may go (pure decisions; the caller passes the time and does the waiting): adaptive
concurrency, additive-increase / multiplicative-decrease as TCP does for congestion, and an optional
requests-per-minute cap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from dust_ext._core.retry import MAX_RETRY_WAIT

__all__ = ["AdaptiveConcurrency", "RequestPacer"]

#: The wait after a 429 that carries no Retry-After, and the least one that does (``Retry-After: 0`` or
#: negative must not let every row call again at once).
DEFAULT_RATE_LIMIT_WAIT = 1.0


@dataclass
class AdaptiveConcurrency:
    """The number of rows allowed in flight, between 1 and ``maximum``, and when calls may resume."""

    maximum: int
    limit: float = field(init=False)
    epoch: int = field(default=0, init=False)
    paused_until: float = field(default=0.0, init=False)
    rate_limited: int = field(default=0, init=False)
    """How many 429s were seen."""

    def __post_init__(self) -> None:
        self.limit = float(self.maximum)

    @property
    def allowed(self) -> int:
        """Rows that may be in flight now."""
        return max(1, math.floor(self.limit))

    def wait_before_call(self, now: float) -> float:
        """Seconds to wait before sending a call (the server asked everyone to back off until then)."""
        return max(0.0, self.paused_until - now)

    def succeeded(self) -> None:
        """A call went through: grow by ``1/limit`` (about +1 per round of calls), up to the maximum."""
        self.limit = min(float(self.maximum), self.limit + 1.0 / self.limit)

    def rate_limited_at(self, now: float, sent_in_epoch: int, retry_after: float | None) -> float:
        """A call sent in ``sent_in_epoch`` was answered 429: halve (once per epoch: a burst of 429s answering
        calls all sent before the first one is one signal, not many), pause every caller for
        ``retry_after`` seconds (at least :data:`DEFAULT_RATE_LIMIT_WAIT`, at most ``MAX_RETRY_WAIT``, the
        one cap of every wait in the SDK); return how long to wait before trying it again."""
        self.rate_limited += 1
        if sent_in_epoch == self.epoch:
            self.limit = max(1.0, self.limit / 2)
            self.epoch += 1
        wait = min(max(retry_after or 0.0, DEFAULT_RATE_LIMIT_WAIT), MAX_RETRY_WAIT)
        self.paused_until = max(self.paused_until, now + wait)
        return self.paused_until - now


@dataclass
class RequestPacer:
    """At most ``per_minute`` calls a minute, evenly spaced (no burst above the cap)."""

    per_minute: float
    _next_slot: float = field(default=0.0, init=False)

    def reserve(self, now: float) -> float:
        """Claim the next slot; return the seconds to wait before using it."""
        slot = max(now, self._next_slot)
        self._next_slot = slot + 60.0 / self.per_minute
        return slot - now
