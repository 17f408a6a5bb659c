"""Which redirects an event stream follows: a pure decision, no I/O, shared by the sync and async drivers.

Dust serves its event streams from dedicated pods: ``GET /api/v1/w/{wId}/.../events`` answers
``307 Temporary Redirect`` to the same origin under ``/api/sse/v1/w/{wId}/.../events``, query string kept
(``front-api/lib/api/sse/redirect.ts`` in Dust's repository). A stream follows such a redirect itself, with
its ``Authorization`` header, only while it stays on the configured Dust origin: a redirect to any other
origin, to a path outside ``/api/sse/`` (the only place ``redirect.ts`` sends), with credentials in the URL
(``https://user:pass@dust.tt/...``, which httpx would send as Basic auth in place of the key), with the key
itself in it, a loop or more than :data:`MAX_STREAM_REDIRECTS` hops raises :class:`DustRedirectError` before
any request leaves for the new location, so the API key never reaches another host or another endpoint.

The streams send their requests with ``follow_redirects=False`` (even on an injected ``httpx.Client`` that
follows redirects), so every hop passes through :class:`RedirectChain`.

A file download is the one call whose redirect leaves the Dust origin: ``GET files/{fileId}`` answers
``302 Found`` to a signed storage URL (``front-api/routes/v1/w/[wId]/files/[fileId].ts``). Its chain is built
with ``cross_origin=True``; the hop still goes through the request path, which attaches the API key only to
URLs on the Dust origin, so the storage host gets the request without it. Once a chain has left the Dust
origin it may not come back to it: the storage host could otherwise bounce the request, key attached, to any
Dust endpoint.
"""

from __future__ import annotations

import functools
from urllib.parse import urljoin

import httpx

from dust_ext.exceptions import DustAPIError, DustRedirectError

__all__ = ["MAX_STREAM_REDIRECTS", "REDIRECT_STATUSES", "SSE_PATH_PREFIX", "RedirectChain"]

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

MAX_STREAM_REDIRECTS = 3
"""Hops one stream connection may follow; Dust uses one."""

SSE_PATH_PREFIX = "/api/sse/"
"""Where Dust redirects its event streams (``front-api/lib/api/sse/redirect.ts``), and the only place a stream
follows a redirect to."""

# What the request path puts in place of the key in an error's headers: a Location echoing the key.
_REDACTED = "[redacted]"

# 301/302/303 let a client turn a POST into a GET (and drop its body); for a POST stream (an app run) that
# would silently run nothing, so only the method-keeping 307/308 are followed for it.
_METHOD_KEEPING = frozenset({307, 308})


def origin(url: httpx.URL) -> tuple[str, str, int | None]:
    default_port = {"http": 80, "https": 443}.get(url.scheme)
    return (url.scheme, url.host, url.port or default_port)


@functools.lru_cache(maxsize=8)
def _origin_of(base_url: str) -> tuple[str, str, int | None]:
    # A client's base URL is parsed once, not once per stream connection.
    return origin(httpx.URL(base_url))


class RedirectChain:
    """The redirects of one stream connection: where the next hop goes, or why it must not.

    ``base_url`` is the client's Dust origin (the only origin the key is sent to); ``method`` the request's
    method. Feed each redirect answer (a :class:`~dust_ext.exceptions.DustAPIError` with a 3xx status, as
    the request path raises it) to :meth:`next_url`. ``cross_origin=True`` lets the chain leave the Dust
    origin: only for a hop the request path sends without the key (a download's signed URL); such a chain
    never comes back to the Dust origin once it left. ``path_prefix`` (streams: :data:`SSE_PATH_PREFIX`) is
    where on the Dust origin a redirect may lead.
    """

    def __init__(
        self,
        base_url: str,
        method: str,
        *,
        max_hops: int = MAX_STREAM_REDIRECTS,
        cross_origin: bool = False,
        path_prefix: str | None = None,
    ) -> None:
        self._origin = _origin_of(base_url)
        self.method = method.upper()
        self.max_hops = max_hops
        self.cross_origin = cross_origin
        self.path_prefix = path_prefix
        self._left_origin = False
        self.visited: list[str] = []
        """The URLs redirected from so far, in order."""

    def next_url(self, error: DustAPIError) -> str:
        """The absolute URL to request next for this redirect answer.

        Raises ``error`` itself when it is not a redirect, and :class:`DustRedirectError` for a redirect
        without ``Location``, to another origin (unless ``cross_origin``), back to a URL already visited,
        past ``max_hops``, or one that would turn a POST into a GET.
        """
        if error.status_code not in REDIRECT_STATUSES:
            raise error
        return self.next_hop(error.status_code, error.url or "", error.headers.get("location"))

    def next_hop(self, status_code: int, current: str, location: str | None) -> str:
        """The absolute URL to request next after a ``status_code`` redirect answer from ``current`` whose
        ``Location`` is ``location``, both with the API key already replaced by ``[redacted]`` (as the
        request path shows them). Raises :class:`DustRedirectError` as :meth:`next_url` says."""
        if not location:
            raise DustRedirectError(
                f"{status_code} redirect from {current} without a Location header", url=current
            )
        if location.isprintable() and " " not in location:
            # What httpx.URL(current).join(location) gives, parsed once instead of three times (the URL
            # parser checks every character in Python; a stream pays this on every connection). Only
            # spaces and control characters are read differently by urljoin alone (it strips them).
            target = httpx.URL(urljoin(current, location))
        else:
            target = httpx.URL(current).join(location)
        target_text = str(target)
        if _REDACTED in location:
            raise DustRedirectError(
                f"refusing to follow a {status_code} redirect from {current} whose Location holds the "
                "API key",
                url=current,
                location=target_text,
            )
        if target.userinfo:
            raise DustRedirectError(
                f"refusing to follow a {status_code} redirect from {current} to a URL with credentials "
                "in it: they would replace the API key",
                url=current,
                location=str(target.copy_with(username=None, password=None)),
            )
        same_origin = origin(target) == self._origin
        if not same_origin and not self.cross_origin:
            raise DustRedirectError(
                f"refusing to follow a {status_code} redirect from {current} to another origin "
                f"({target.scheme}://{target.host}): the API key is only sent to the configured Dust host",
                url=current,
                location=target_text,
            )
        if same_origin and self._left_origin:
            raise DustRedirectError(
                f"refusing to follow a {status_code} redirect from {current} back to the Dust host: "
                "a request that left it with no key must not come back to it with the key",
                url=current,
                location=target_text,
            )
        if same_origin and self.path_prefix is not None and not target.path.startswith(self.path_prefix):
            raise DustRedirectError(
                f"refusing to follow a {status_code} redirect from {current} to {target.path}: Dust "
                f"only redirects event streams under {self.path_prefix}",
                url=current,
                location=target_text,
            )
        if self.method != "GET" and status_code not in _METHOD_KEEPING:
            raise DustRedirectError(
                f"refusing to follow a {status_code} redirect of {self.method} {current}: it would "
                "re-send the request as a GET",
                url=current,
                location=target_text,
            )
        self.visited.append(current)
        self._left_origin = self._left_origin or not same_origin
        if target_text in self.visited:
            raise DustRedirectError(
                f"redirect loop: {current} redirects back to {target}", url=current, location=target_text
            )
        if len(self.visited) > self.max_hops:
            raise DustRedirectError(
                f"more than {self.max_hops} redirects starting at {self.visited[0]}",
                url=current,
                location=target_text,
            )
        return target_text
