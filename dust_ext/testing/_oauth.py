"""The emulator's OAuth tokens: access tokens that expire, refresh tokens that rotate.

Dust's user tokens come from WorkOS: a JWT access token with an ``exp`` claim and a refresh token that buys
one new pair, exchanged through Dust at ``POST /api/v1/auth/authenticate`` (Dust adds its client id and
forwards the form to WorkOS, whose answer it returns unchanged). The emulator issues tokens of the same
shape (an unsigned JWT, ``alg: none``: only the server reads it) so a client's refresh runs offline.

A request with an issued access token past its ``exp`` (or expired by the test) answers Dust's
``401 expired_oauth_token_error``; a used or unknown refresh token answers WorkOS's
``400 {"error": "invalid_grant"}``.
"""

from __future__ import annotations

import base64
import itertools
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["OAuthIssuer", "OAuthPair"]

TokenState = Literal["valid", "expired", "unknown"]


def _segment(value: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


@dataclass(frozen=True)
class OAuthPair:
    """An access token (a JWT whose ``exp`` is ``expires_at``) and the refresh token issued with it."""

    access_token: str
    refresh_token: str
    expires_at: int

    def __repr__(self) -> str:
        return f"OAuthPair(expires_at={self.expires_at})"


@dataclass
class OAuthIssuer:
    """The tokens the emulator has issued, and the exchanges made with them."""

    clock: Callable[[], float] = time.time
    access_tokens: dict[str, int] = field(default_factory=dict)
    """Access token → its ``exp`` (seconds since the epoch)."""
    refresh_tokens: set[str] = field(default_factory=set)
    """Refresh tokens not used yet (each buys one new pair, as WorkOS rotates them)."""
    expired: set[str] = field(default_factory=set)
    """Access tokens the server treats as expired whatever their ``exp`` says."""
    exchanges: int = 0
    """How many refresh tokens were exchanged (successfully)."""
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def issue(self, lifetime: int = 3600) -> OAuthPair:
        """A new pair whose access token expires ``lifetime`` seconds from now (negative: already expired)."""
        expires_at = int(self.clock()) + lifetime
        claims = {
            "iss": "dust-emulator",
            "sub": "user_emulator_peter",
            "exp": expires_at,
            "jti": next(self._ids),
        }
        access = f"{_segment({'alg': 'none', 'typ': 'JWT'})}.{_segment(claims)}.emulator"
        refresh = f"emulator-refresh-{secrets.token_urlsafe(16)}"
        self.access_tokens[access] = expires_at
        self.refresh_tokens.add(refresh)
        return OAuthPair(access, refresh, expires_at)

    def state_of(self, access_token: str) -> TokenState:
        expires_at = self.access_tokens.get(access_token)
        if expires_at is None:
            return "unknown"
        if access_token in self.expired or expires_at <= self.clock():
            return "expired"
        return "valid"

    def expire_all(self) -> None:
        """Treat every access token issued so far as expired (a server-side expiry the client cannot see)."""
        self.expired.update(self.access_tokens)

    def exchange(self, refresh_token: str) -> OAuthPair | None:
        """A new pair (its access token good for an hour) for an unused refresh token, which is then used
        up; ``None`` for a used or unknown one."""
        if refresh_token not in self.refresh_tokens:
            return None
        self.refresh_tokens.discard(refresh_token)
        self.exchanges += 1
        return self.issue()

    def clear(self) -> None:
        self.access_tokens.clear()
        self.refresh_tokens.clear()
        self.expired.clear()
        self.exchanges = 0
