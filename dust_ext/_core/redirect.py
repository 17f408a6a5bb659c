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
follows redirects), so every hop passes through :class:`RedirectChain`; they go where httpx has already
joined the ``Location`` to (``response.next_request``), once the chain allows it. The call's flow
(:meth:`~dust_ext._core.request.AttemptLoop.flow`) follows them as one more step of the same call: all the
hops share its ``total_timeout``, and a hop is not counted as a retry.

A file download is the one call whose redirect leaves the Dust origin: ``GET files/{fileId}`` answers
``302 Found`` to a signed storage URL (``front-api/routes/v1/w/[wId]/files/[fileId].ts``). Its chain is built
with ``cross_origin=True``; the hop still goes through the request path, which attaches the API key only to
URLs on the Dust origin, so the storage host gets the request without it. Once a chain has left the Dust
origin it may not come back to it: the storage host could otherwise bounce the request, key attached, to any
Dust endpoint.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import httpx

from dust_ext._core.redaction import REDACTED
from dust_ext.exceptions import DustAPIError, DustRedirectError

__all__ = ["MAX_STREAM_REDIRECTS", "REDIRECT_STATUSES", "SSE_PATH_PREFIX", "RedirectChain"]

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

MAX_STREAM_REDIRECTS = 3
"""Hops one stream connection may follow; Dust uses one."""

SSE_PATH_PREFIX = "/api/sse/"
"""Where Dust redirects its event streams (``front-api/lib/api/sse/redirect.ts``), and the only place a stream
follows a redirect to."""

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
    method. A stream feeds each redirect response to :meth:`follow`; a download each redirect answer (a
    :class:`~dust_ext.exceptions.DustAPIError` with a 3xx status, as the request path raises it) to
    :meth:`next_url`. ``cross_origin=True`` lets the chain leave the Dust origin: only for a hop the request
    path sends without the key (a download's signed URL); such a chain never comes back to the Dust origin
    once it left. ``path_prefix`` (streams: :data:`SSE_PATH_PREFIX`) is where on the Dust origin a redirect
    may lead.
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
        """The URLs redirected from so far, in order (without the API key)."""
        self.target: str | None = None
        """The URL of the last hop allowed (without the API key)."""

    def next_url(self, error: DustAPIError) -> str:
        """The absolute URL to request next for this redirect answer (its URL and ``Location`` with the API
        key already replaced by ``[redacted]``, as the request path shows them).

        Raises ``error`` itself when it is not a redirect, and :class:`DustRedirectError` for a redirect
        without ``Location``, to another origin (unless ``cross_origin``), back to a URL already visited,
        past ``max_hops``, or one that would turn a POST into a GET.
        """
        if error.status_code not in REDIRECT_STATUSES:
            raise error
        current, location = error.url or "", error.headers.get("location")
        if not location:
            raise _without_location(error.status_code, current)
        target = httpx.URL(current).join(location)
        target_text = str(target)
        self._check(error.status_code, current, location, target, target_text)
        return target_text

    def follow(self, response: httpx.Response, redact: Callable[[str], str]) -> httpx.URL:
        """The URL to request after the redirect ``response``: the one httpx joined its ``Location`` to
        (``response.next_request``), parsed once, if :meth:`next_url`'s checks allow it.

        httpx joins the real URLs: ``redact`` (the request path's) removes the API key from what the checks
        compare and what an error shows, and a ``Location`` that held the key is refused."""
        current, location = redact(str(response.request.url)), response.headers.get("location")
        next_request = response.next_request
        if next_request is None or not location:
            raise _without_location(response.status_code, current)
        target = next_request.url
        self._check(response.status_code, current, redact(location), target, redact(str(target)))
        return target

    def _check(
        self, status_code: int, current: str, location: str, target: httpx.URL, target_text: str
    ) -> None:
        """Raise :class:`DustRedirectError` unless a ``status_code`` redirect from ``current`` to ``target``
        (``location`` joined; ``target_text`` as an error shows it) may be followed; else record the hop."""
        same_origin = origin(target) == self._origin
        if target.userinfo:  # not shown: a password
            target_text = str(target.copy_with(username=None, password=None))
        refusal = self._refusal(status_code, location, target, same_origin)
        if refusal is not None:
            raise DustRedirectError(
                f"refusing to follow a {status_code} redirect of {self.method} {current} {refusal}",
                url=current,
                location=target_text,
            )
        self.visited.append(current)
        self._left_origin = self._left_origin or not same_origin
        if target_text in self.visited:
            raise DustRedirectError(
                f"redirect loop: {current} redirects back to {target_text}", url=current, location=target_text
            )
        if len(self.visited) > self.max_hops:
            raise DustRedirectError(
                f"more than {self.max_hops} redirects starting at {self.visited[0]}",
                url=current,
                location=target_text,
            )
        self.target = target_text

    def _refusal(self, status_code: int, location: str, target: httpx.URL, same_origin: bool) -> str | None:
        """Why a redirect to ``target`` must not be followed, or ``None``."""
        if REDACTED in location:
            return "whose Location holds the API key"
        if target.userinfo:
            return "to a URL with credentials in it: they would replace the API key"
        if not same_origin and not self.cross_origin:
            return (
                f"to another origin ({target.scheme}://{target.host}): the API key is only sent to the "
                "configured Dust host"
            )
        if same_origin and self._left_origin:
            return "back to the Dust host: a request that left it with no key must not come back with the key"
        if same_origin and self.path_prefix is not None and not target.path.startswith(self.path_prefix):
            return f"to {target.path}: Dust only redirects event streams under {self.path_prefix}"
        if self.method != "GET" and status_code not in _METHOD_KEEPING:
            return "as it would re-send the request as a GET"
        return None


def _without_location(status_code: int, current: str) -> DustRedirectError:
    return DustRedirectError(f"{status_code} redirect from {current} without a Location header", url=current)
