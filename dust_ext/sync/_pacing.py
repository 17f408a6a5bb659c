"""How fast the sync writes (pure decisions; the driver passes the time and does the waiting).

Dust counts document upserts per workspace: 120 a minute for any key but a system key
(``rateLimiter({key: "upsert-document-w-<workspace>", maxPerTimeframe: 120, timeframeSeconds: 60})`` in
``front/pages/api/v1/w/[wId]/spaces/[spaceId]/data_sources/[dsId]/documents/[documentId]/index.ts``).
:class:`AdaptiveRate` spaces writes evenly under a per-minute rate; a 429 (another script of the same
workspace is writing too) halves the rate and holds every write until the server's ``Retry-After``; each
write that goes through wins back a little, up to the configured rate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["DUST_UPSERTS_PER_MINUTE", "AdaptiveRate"]

#: Dust's limit on document upserts per workspace per minute (plain API keys).
DUST_UPSERTS_PER_MINUTE = 120.0

#: The wait after a 429 that carries no Retry-After.
DEFAULT_RATE_LIMIT_WAIT = 5.0

#: The slowest the sync goes after repeated 429s: one write every 10 seconds.
MINIMUM_PER_MINUTE = 6.0


@dataclass
class AdaptiveRate:
    """Writes per minute, between :data:`MINIMUM_PER_MINUTE` and ``maximum``, evenly spaced."""

    maximum: float
    current: float = field(init=False)
    rate_limited: int = field(default=0, init=False)
    _next_slot: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        if self.maximum <= 0:
            raise ValueError("the write rate must be positive")
        self.current = self.maximum

    def reserve(self, now: float) -> float:
        """Claim the next slot; return the seconds to wait before writing in it."""
        slot = max(now, self._next_slot)
        self._next_slot = slot + 60.0 / self.current
        return slot - now

    def succeeded(self) -> None:
        """A write went through: grow by 5 % of the maximum, up to it."""
        self.current = min(self.maximum, self.current + self.maximum / 20)

    def limited(self, now: float, retry_after: float | None) -> None:
        """A write was answered 429: halve the rate and hold every write until ``retry_after`` from now
        (the next :meth:`reserve` waits for it)."""
        self.rate_limited += 1
        self.current = max(min(MINIMUM_PER_MINUTE, self.maximum), self.current / 2)
        wait = DEFAULT_RATE_LIMIT_WAIT if retry_after is None else max(0.0, retry_after)
        self._next_slot = max(self._next_slot, now + wait)
