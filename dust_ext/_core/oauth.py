"""Refreshing an OAuth access token (sans-IO): when, with which request, and what the answer means.

A Dust user's access token is a short-lived JWT; the refresh token that came with it buys a new pair.
Dust serves the exchange itself at ``POST /api/v1/auth/authenticate`` (``front/pages/api/v1/auth/[action].ts``):
it adds Dust's client id to the form and proxies it to the identity provider (WorkOS), whose answer it
returns as is, so ``grant_type=refresh_token`` needs no client id of ours. WorkOS rotates refresh tokens:
each one is good for one exchange, which is why the caller gets the new pair (``on_token_refresh``) to store.

The request path (``dust_ext._http``) refreshes at most once per call: before sending when the token's
``exp`` (read without verifying the signature: only Dust can verify it, and a wrong guess costs one 401) is
less than :data:`EXPIRY_MARGIN` seconds away, or after a ``401 expired_oauth_token_error``, Dust's answer
for an expired token (``front/lib/api/auth_wrappers.ts``). A refused refresh raises
:class:`~dust_ext.DustUnauthorizedError` at once; nothing loops.
"""

from __future__ import annotations

import base64
import binascii
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import SecretStr

from dust_ext.exceptions import DustAPIError, DustUnauthorizedError

__all__ = [
    "EXPIRED_TOKEN_ERROR_TYPE",
    "EXPIRY_MARGIN",
    "REFRESH_PATH",
    "OAuthSession",
    "OAuthTokens",
    "TokenRefreshCallback",
    "token_expiry",
]

#: Where Dust exchanges a refresh token (relative to the base URL).
REFRESH_PATH = "/api/v1/auth/authenticate"
#: Dust's error type for an access token past its expiry (401).
EXPIRED_TOKEN_ERROR_TYPE = "expired_oauth_token_error"  # noqa: S105 (an error type, not a secret)
#: Refresh this many seconds before ``exp``, as Dust's own CLI does, so a request does not expire in flight.
EXPIRY_MARGIN = 30.0


def token_expiry(token: str) -> float | None:
    """The ``exp`` claim (seconds since the epoch) of a JWT, read without verifying it; ``None`` when the
    token is not a JWT or has no numeric ``exp``."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    payload = parts[1]
    try:
        decoded = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (ValueError, binascii.Error):
        return None
    expiry = decoded.get("exp") if isinstance(decoded, dict) else None
    if isinstance(expiry, bool) or not isinstance(expiry, int | float):
        return None
    return float(expiry)


@dataclass(frozen=True)
class OAuthTokens:
    """A fresh access/refresh pair, given to ``on_token_refresh`` to store (the old refresh token no
    longer works). Both are ``SecretStr``: they never show in ``repr`` or ``str``."""

    access_token: SecretStr
    refresh_token: SecretStr
    expires_at: float | None = None
    """The new access token's ``exp`` (seconds since the epoch), when it is a JWT that says."""


TokenRefreshCallback = Callable[[OAuthTokens], Any]
"""Called with each new pair, before the call that needed it goes on; what it returns is ignored."""


@dataclass
class OAuthSession:
    """A client's current access token and refresh token; shared by the copies ``with_options`` makes."""

    access_token: SecretStr
    refresh_token: SecretStr | None
    on_token_refresh: TokenRefreshCallback | None = None
    clock: Callable[[], float] = time.time
    generation: int = 0
    """Bumped by each refresh: a call that sent an older generation's token just uses the newer one."""
    expires_at: float | None = field(init=False)
    _secrets: list[str] = field(init=False)
    _lock: threading.Lock = field(init=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.expires_at = token_expiry(self.access_token.get_secret_value())
        self._secrets = [self.access_token.get_secret_value()]
        if self.refresh_token is not None:
            self._secrets.append(self.refresh_token.get_secret_value())

    def __repr__(self) -> str:
        return f"OAuthSession(generation={self.generation}, expires_at={self.expires_at!r})"

    @property
    def can_refresh(self) -> bool:
        return self.refresh_token is not None

    @property
    def secrets(self) -> list[str]:
        """Every token this session has held, for redaction (an old one may still be in an error)."""
        return list(self._secrets)

    def authorization(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token.get_secret_value()}"}

    def expiring(self) -> bool:
        """Whether the access token is expired or about to be (and can be refreshed)."""
        return (
            self.refresh_token is not None
            and self.expires_at is not None
            and self.expires_at - EXPIRY_MARGIN <= self.clock()
        )

    def refresh_form(self) -> dict[str, str]:
        """The form Dust's ``/api/v1/auth/authenticate`` forwards to the identity provider."""
        if self.refresh_token is None:
            raise DustUnauthorizedError(401, "no refresh token to renew the OAuth access token with")
        return {"grant_type": "refresh_token", "refresh_token": self.refresh_token.get_secret_value()}

    def refused(self, error: DustAPIError) -> DustUnauthorizedError:
        """The error for a refresh the server refused (the refresh token expired, was revoked or used)."""
        reason = error.message or error.error_type or f"HTTP {error.status_code}"
        return DustUnauthorizedError(
            401,
            f"The OAuth access token expired and its refresh was refused ({error.status_code}: {reason}): "
            "sign in again for a new access and refresh token",
            error_type="oauth_refresh_failed",
            request_id=error.request_id,
            method=error.method,
            url=error.url,
        )

    def accept(self, content: bytes) -> OAuthTokens:
        """Take the exchange's answer (WorkOS's ``{"access_token", "refresh_token", ...}``, as bytes) as the
        current pair and return it. An answer without an access token raises, without quoting the body."""
        try:
            body = json.loads(content)
        except ValueError:
            body = None
        access = body.get("access_token") if isinstance(body, dict) else None
        refresh = body.get("refresh_token") if isinstance(body, dict) else None
        if not isinstance(access, str) or not access.strip():
            raise DustUnauthorizedError(
                401,
                "The OAuth token exchange answered without an access_token: sign in again",
                error_type="oauth_refresh_failed",
            )
        new_refresh = (
            SecretStr(refresh.strip())
            if isinstance(refresh, str) and refresh.strip()
            else self.refresh_token  # a provider that does not rotate keeps the old one valid
        )
        assert new_refresh is not None
        tokens = OAuthTokens(SecretStr(access.strip()), new_refresh, token_expiry(access.strip()))
        with self._lock:
            self.access_token = tokens.access_token
            self.refresh_token = tokens.refresh_token
            self.expires_at = tokens.expires_at
            self.generation += 1
            self._secrets.extend(
                secret
                for secret in (access.strip(), new_refresh.get_secret_value())
                if secret not in self._secrets
            )
        return tokens
