"""The decisions of the one request path, without I/O.

:class:`RequestCore` holds every decision (URL resolution, headers and auth, retry or give up, mapping a
response or a transport failure to a typed error); :class:`AttemptLoop` walks one call through its attempts.
The drivers in :mod:`dust_ext._http` (``AsyncHTTP``, written by hand, and ``HTTP``, generated from it) only
move requests through an ``httpx`` client and sleep between attempts.
"""

from __future__ import annotations

import enum
import json
import logging
import math
import time
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

from dust_ext._core.body import BodyDecodeError, BoundedBody, response_with_body
from dust_ext._core.call import (
    JSON_MEDIA_TYPE,
    Call,
    RequestOptions,
    body_error,
    redact_sent_key,
    scrub_error_text,
)
from dust_ext._core.oauth import EXPIRED_TOKEN_ERROR_TYPE, REFRESH_PATH, OAuthSession
from dust_ext._core.paths import check_relative_path
from dust_ext._core.redaction import contains_secret, redact_secret
from dust_ext._core.redirect import REDIRECT_STATUSES, RedirectChain, origin
from dust_ext._core.retry import RetryDecision, RetryPolicy
from dust_ext.config import DustConfig
from dust_ext.exceptions import (
    DustAPIError,
    DustConnectionError,
    DustDecodeError,
    DustError,
    DustRedirectError,
    DustResponseTooLargeError,
    DustTimeoutError,
    error_from_response,
    request_id_from_headers,
)

__all__ = ["Answer", "AttemptLoop", "FlowStep", "RequestCore"]

logger = logging.getLogger("dust_ext")

T = TypeVar("T")

# The methods httpx sends with a ``Content-Length: 0`` when they have no body.
_METHODS_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})
_NO_OPTIONS = RequestOptions()


def _largest_limit(timeout: float | httpx.Timeout) -> float:
    if isinstance(timeout, httpx.Timeout):
        return max((value for value in timeout.as_dict().values() if value), default=math.inf)
    return float(timeout)


def _capped(limits: dict[str, float | None], seconds: float) -> dict[str, float]:
    """The request's ``timeout`` extension (the dict httpx reads) from ``limits`` (an ``httpx.Timeout``'s):
    none of httpx's per-operation waits may outlast what is left of the attempt."""
    return {name: seconds if value is None or value > seconds else value for name, value in limits.items()}


class FlowStep(enum.Enum):
    """What :meth:`AttemptLoop.flow` asks of its driver besides sending a request or sleeping."""

    REFRESH_TOKEN = enum.auto()
    """Renew the OAuth access token (the driver's exchange, once per call), then ``next(flow)``."""


@dataclass(frozen=True, slots=True)
class Answer:
    """What a driver got for a request of :meth:`AttemptLoop.flow`: the response, closed with its body read
    up to its limit (``body``), or a stream's success left unread (``body=None``)."""

    response: httpx.Response
    body: BoundedBody | None


class AttemptLoop:
    """One logical call across its attempts (sans-IO): :meth:`flow` is the whole call, top to bottom.

    A driver steps :meth:`flow` as httpx drives an ``auth_flow``: the flow yields an :class:`httpx.Request`
    (send it, read its body within :meth:`remaining` seconds, checking :meth:`check_deadline` as bytes
    arrive, and answer with ``flow.send(Answer(...))``, or ``flow.throw(exc)`` with the failure), a number
    of seconds (sleep, then ``next(flow)``) or :attr:`FlowStep.REFRESH_TOKEN`; it returns the response to
    give the caller, or raises the typed error to give up with.

    Time: each attempt ends ``attempt_timeout`` seconds after it started, and the whole call
    ``total_timeout`` seconds after :meth:`next_request` was first called; a retry whose wait would end
    past that is not made.
    """

    def __init__(self, core: RequestCore, client: httpx.Client | httpx.AsyncClient, call: Call[Any]) -> None:
        if core.oauth is not None:
            core.sync_auth()  # the token another call renewed meanwhile
        self._core = core
        self._client = client
        self.call = call
        """The call as its builder described it: read, never restated or changed."""
        # What the call's fields and options make of it, decided once for all its attempts.
        options = call.options or _NO_OPTIONS
        self.method = call.method.upper()
        self.url = core.resolve_url(call.path)
        self._target: str | httpx.URL = self.url  # then where a followed redirect leads, as httpx parsed it
        headers = {**(call.headers or {}), **options.extra_headers} if options.extra_headers else call.headers
        params = {**(call.params or {}), **options.params} if options.params else call.params
        self._params = {key: value for key, value in params.items() if value is not None} if params else None
        # A call to the Dust host through the preset client that adds no header of its own: its headers are
        # the cached ones (see RequestCore.preset_headers), built per attempt.
        # Only URLs under an absolute base_url: httpx would merge a relative one with the client's base_url.
        under_base_url = core._base_is_absolute and self.url.startswith(core._base_prefix)
        self._preset = client is core.preset_client and not headers and under_base_url
        no_body = call.json is None and call.content is None and call.files is None and call.data is None
        self._bodyless = self._preset and self.method not in _METHODS_WITH_BODY and no_body
        self._headers: dict[str, str] | None = None
        if not self._preset:
            try:
                self._headers = core.headers_for(
                    self.url,
                    accept=call.accept,
                    headers=headers,
                    client_has_defaults=client is core.preset_client,
                )
            except httpx.InvalidURL as exc:
                raise core.request_error_for(exc, self.method, self.url) from None
        # Always explicit (set per attempt), so the config's timeouts also govern an injected client.
        timeout = options.timeout
        if timeout is None:
            self._limits, self.attempt_timeout = core._default_limits, core.config.timeout
            self._whole_attempt = core._default_whole_attempt
        else:
            self._limits = (
                timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
            ).as_dict()
            self.attempt_timeout = _largest_limit(timeout)
            self._whole_attempt = _capped(self._limits, self.attempt_timeout)
        total_timeout = options.total_timeout
        self.total_timeout = core.config.total_timeout if total_timeout is None else total_timeout
        self._clock = core.clock
        self.attempt = -1
        self.call_deadline = math.inf
        self.attempt_deadline = math.inf
        self._sent_at = 0.0
        self.token_refreshed = False
        """Set once this call has refreshed the OAuth token (or found it refreshed): never twice."""
        self.sent_generation = 0 if core.oauth is None else core.oauth.generation
        """The OAuth session's generation whose token the current attempt carries."""
        self._is_token_exchange = self.url.endswith(REFRESH_PATH)

    def flow(
        self, *, stream: bool, redirects: RedirectChain | None = None
    ) -> Generator[httpx.Request | float | FlowStep, Answer, httpx.Response]:
        """The call: build an attempt, have the driver send it, classify the answer, wait, retry.

        ``stream``: a success is handed back unread (the driver answers it with ``body=None``).
        ``redirects``: a redirect answer is followed where this chain allows (an event stream's hop to
        Dust's SSE pods: logged at debug level, not a failure, and not a retry), within the same
        ``total_timeout``; a refused one raises :class:`~dust_ext.exceptions.DustRedirectError`.
        """
        if self._core.oauth is not None and self.refresh_before_sending():  # a token about to expire
            yield FlowStep.REFRESH_TOKEN
        while True:
            request = self.next_request()  # build
            try:
                answer = yield request  # send: the driver answers with the response (and its body)
            except TimeoutError:  # the driver's deadline on the attempt as a whole
                delay = self._after_transport_error(self._deadline_passed(request))
            except httpx.TransportError as exc:
                delay = self._after_transport_error(exc)
            except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
                # too many redirects, an undecodable body, an invalid URL...: none is worth retrying
                raise self._core.request_error_for(exc, self.method, self.url) from None
            else:  # classify
                response, body = answer.response, answer.body
                if body is None:  # a stream's success, left unread for its reader
                    self._log_answer(response)
                    return response
                if response.is_success:
                    if body.exceeded:  # never retried: it would be again
                        raise self._too_large(response, body)
                    response = response_with_body(response, body.content)
                    self._log_answer(response)
                    return response
                if redirects is not None and response.status_code in REDIRECT_STATUSES:
                    self._follow(redirects, response)
                    continue  # sent at once, to where it leads
                if self.refresh_after(response, body.content):  # Dust's 401 for an expired OAuth token
                    yield FlowStep.REFRESH_TOKEN
                    continue  # sent again at once, with the new token
                delay = self._after_error_response(response, body.content, truncated=body.exceeded)
            yield delay  # wait (the driver sleeps), then retry

    def _follow(self, redirects: RedirectChain, response: httpx.Response) -> None:
        """Aim the next request where the redirect ``response`` leads, if ``redirects`` allows it (it
        raises otherwise); the hop is a step of the same attempt, not a retry."""
        redirected_from = self.shown_url
        self._target = redirects.follow(response, self._core.redact)  # the query kept
        self.url = redirects.target or self.url  # as errors and logs show it from now on
        self._params = None
        self.attempt -= 1  # the hop belongs to the attempt that was redirected
        logger.debug(
            "dust %s %s -> %d redirect, following it to %s",
            self.method,
            redirected_from,
            response.status_code,
            self.url,
        )

    def next_request(self) -> httpx.Request:
        """Build the request for the next attempt (rebuilt each time so its body stream is fresh)."""
        self.attempt += 1
        oauth = self._core.oauth
        if oauth is not None and oauth.generation != self.sent_generation:
            # A refresh happened since this call's headers were built: carry the new token.
            self._core.sync_auth()
            if self._headers and "Authorization" in self._headers:
                self._headers = {**self._headers, **oauth.authorization()}
            self.sent_generation = oauth.generation
        now = self._clock()
        if self.call_deadline == math.inf and self.total_timeout is not None:  # the first request
            self.call_deadline = now + self.total_timeout
        self.attempt_deadline = min(now + self.attempt_timeout, self.call_deadline)
        if self.attempt_deadline < self.call_deadline:  # a whole attempt (copied: the driver sets "read")
            timeouts = dict(self._whole_attempt)
        else:
            timeouts = _capped(self._limits, max(self.attempt_deadline - now, 0.0))
        call, client, bodyless = self.call, self._client, self._bodyless
        # What the request is built from besides its headers, whichever way it is built.
        arguments: dict[str, Any] = {
            "params": self._params,
            "extensions": {"timeout": timeouts},
            "json": call.json,
            "content": call.content,
            "files": call.files,
            "data": call.data,
        }
        headers = self._core.preset_headers(client, call.accept, bodyless=bodyless) if self._preset else None
        if headers is not None:
            # What build_request would give (the equality is tested), without re-merging the client's
            # headers, URL, cookies and params on every attempt. A bodyless request's headers are complete
            # (Host first): given its (empty) stream, httpx adds none, as it would not have.
            stream = httpx.ByteStream(b"") if bodyless else None
            request = httpx.Request(self.method, self._target, headers=headers, stream=stream, **arguments)
            if bodyless:
                request.read()  # httpx reads an empty body in: the request's content is known
        else:
            merged = self._headers
            if self._preset:  # a preset call sent the slow way (cookies...): its headers merged as usual
                merged = self._core.headers_for(
                    self.url, accept=call.accept, headers=None, client_has_defaults=True
                )
            request = client.build_request(self.method, self._target, headers=merged, **arguments)
        if logger.isEnabledFor(logging.DEBUG):
            url = self._core.redact(str(request.url))  # a caller may have put the key in the query
            logger.debug("dust request %s %s (attempt %d)", request.method, url, self.attempt + 1)
        # The real time of sending, for the logs (the clock may be a test's); one clock call when it is.
        self._sent_at = now if self._clock is time.monotonic else time.monotonic()
        return request

    def refresh_before_sending(self) -> bool:
        """Whether to refresh the OAuth access token before the first attempt (its ``exp`` is near)."""
        oauth = self._core.oauth
        return (
            oauth is not None
            and not self.token_refreshed
            and not self._is_token_exchange
            and (self._preset or "Authorization" in (self._headers or {}))
            and oauth.expiring()
        )

    def refresh_after(self, response: httpx.Response, body: bytes) -> bool:
        """Whether this error response is Dust's ``401 expired_oauth_token_error`` that one refresh (the
        first of this call) may cure."""
        oauth = self._core.oauth
        if (
            response.status_code != 401
            or oauth is None
            or not oauth.can_refresh
            or self.token_refreshed
            or self._is_token_exchange
        ):
            return False
        return self._core.error_for(response, body).error_type == EXPIRED_TOKEN_ERROR_TYPE

    @property
    def shown_url(self) -> str:
        """The URL as logs show it: a caller may have put the key in an absolute URL's query."""
        return self._core.redact(self.url) if "?" in self.url else self.url

    def remaining(self) -> float:
        """Seconds left in the current attempt."""
        return max(self.attempt_deadline - self._clock(), 0.0)

    def check_deadline(self, request: httpx.Request) -> None:
        """Raise a read timeout (a transport error, judged like any other) once the attempt is over time."""
        if self._clock() >= self.attempt_deadline:
            raise self._deadline_passed(request)

    def _deadline_passed(self, request: httpx.Request) -> httpx.ReadTimeout:
        """The transport error standing for an attempt that ran out of time."""
        if self.attempt_deadline >= self.call_deadline:
            limit = f"total_timeout={self.total_timeout:g}s"
        else:
            limit = f"timeout={self.attempt_timeout:g}s"
        return httpx.ReadTimeout(f"the response did not complete within {limit}", request=request)

    def _seconds(self) -> float:
        """Time since the current attempt was sent (to its response's headers, for a stream)."""
        return time.monotonic() - self._sent_at

    def _after_error_response(
        self, response: httpx.Response, body: bytes, *, truncated: bool = False
    ) -> float:
        """The delay before retrying an error response (``body``: what was read of it), or raise its error."""
        error = self._core.error_for(response, body, truncated=truncated)
        self._log_answer(response, error.request_id)
        decision = self._decide(error)
        if not decision.retry and response.status_code in REDIRECT_STATUSES:
            # the caller follows it (a download) or refuses it: not a failure of the call
            logger.debug(
                "dust %s %s -> %d redirect, raised to the caller",
                self.method,
                self.shown_url,
                response.status_code,
            )
            raise error
        return self._delay_or_raise(decision, error, cause=None)

    def _after_transport_error(self, exc: httpx.TransportError) -> float:
        """The delay before retrying after a network failure, or raise it as a Dust error."""
        decision = self._decide(exc)
        error = self._core.request_error_for(exc, self.method, self.url)
        # Chaining keeps the httpx exception for debugging, unless its text holds the key (a traceback
        # would print it).
        return self._delay_or_raise(
            decision, error, cause=exc if self._core.is_free_of_secret(str(exc)) else None
        )

    def _decide(self, failure: BaseException) -> RetryDecision:
        """What the retry policy, with this call's options, says after the attempt failed with ``failure``."""
        options = self.call.options or _NO_OPTIONS
        policy = self._core.retry_policy
        if options.max_retries is not None:
            policy = policy.with_max_retries(options.max_retries)
        return policy.decide(self.attempt, self.method, error=failure, idempotent=options.idempotent)

    def _delay_or_raise(
        self, decision: RetryDecision, error: DustError, cause: BaseException | None
    ) -> float:
        """The wait before the next attempt, or raise ``error`` (from ``cause``) when the policy says no or
        the wait would end past the call's ``total_timeout``."""
        if decision.retry and self._clock() + decision.delay < self.call_deadline:
            logger.info(
                "dust retrying %s %s in %.2fs: %s",
                self.method,
                self.shown_url,
                decision.delay,
                decision.reason,
            )
            return decision.delay
        reason = "total_timeout reached" if decision.retry else decision.reason
        logger.info("dust giving up on %s %s: %s", self.method, self.shown_url, reason)
        raise error from cause

    def body_limit(self, response: httpx.Response) -> int:
        """How many (decoded) bytes of ``response`` to read: all of a success, a prefix of an error."""
        config = self._core.config
        return config.max_response_bytes if response.is_success else config.max_error_body_bytes

    def _too_large(self, response: httpx.Response, body: BoundedBody) -> DustDecodeError:
        """The error for a success body past ``max_response_bytes`` (never retried: it would be again)."""
        limit = self._core.config.max_response_bytes
        return body_error(
            response,
            f"is larger than max_response_bytes={limit} (DustConfig); nothing past it was read",
            body=self._core.redact(body.prefix(500).decode("utf-8", errors="replace")),
            error_class=DustResponseTooLargeError,
            limit=limit,
        )

    def undecodable(self, response: httpx.Response, exc: BodyDecodeError) -> DustDecodeError:
        """The error for a body whose compression is corrupt."""
        return body_error(response, f"could not be decoded: {exc}", body="")

    def _log_answer(self, response: httpx.Response, request_id: str | None = None) -> None:
        """Record the response (status, time, request id: read from its headers unless given) at info level."""
        if not logger.isEnabledFor(logging.INFO):  # the request id lookup costs more than the call below
            return
        if request_id is None:
            request_id = redact_sent_key(request_id_from_headers(response.headers), response.request)
        logger.info(
            "dust %s %s -> %d in %.3fs (request_id=%s)",
            self.method,
            self.shown_url,
            response.status_code,
            self._seconds(),
            request_id,
        )


def client_headers(config: DustConfig) -> dict[str, str]:
    """The headers every request carries except auth: set once on a client the SDK creates (its
    :attr:`RequestCore.preset_client`)."""
    return {"User-Agent": config.user_agent, "Accept": JSON_MEDIA_TYPE, **config.default_headers}


class RequestCore:
    """Everything about a Dust request that does not depend on sync or async I/O."""

    def __init__(
        self,
        config: DustConfig,
        retry_policy: RetryPolicy | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        oauth: OAuthSession | None = None,
        preset_client: httpx.Client | httpx.AsyncClient | None = None,
    ) -> None:
        self.config = config
        self.retry_policy = retry_policy or RetryPolicy(max_retries=config.max_retries)
        self.clock = clock
        if oauth is None and config.access_token is not None and config.refresh_token is not None:
            oauth = OAuthSession(config.access_token, config.refresh_token)
        self.oauth = oauth
        """The access/refresh pair when the config has a refresh token (see :mod:`dust_ext._core.oauth`)."""
        self._auth_generation = -1
        # (a config built with model_construct skips the checks that make base_url absolute)
        base_url = httpx.URL(config.base_url)
        self._base_is_absolute = base_url.is_absolute_url
        self._base_netloc = base_url.netloc  # the Host header of every URL under base_url
        self._origin = origin(base_url)
        self._base_prefix = f"{config.base_url}/"  # the common case, without parsing the URL
        # The config is frozen: what every call derives from it is computed once, not per request.
        self._default_limits = config.httpx_timeout().as_dict()
        self._default_whole_attempt = _capped(self._default_limits, config.timeout)
        self._api_prefix = f"{config.api_base}/"
        self._auth_headers = config.auth_headers()
        self.preset_client = preset_client
        """The client the driver created with :func:`client_headers` already set (not a caller's client):
        requests through it carry only what differs, which saves httpx re-merging the same headers on
        every call."""
        # The preset client's raw headers, and what build_request gives from them for each (accept,
        # bodyless): replaced as one tuple, so a thread never files headers under another source.
        self._preset_headers: tuple[list[tuple[bytes, bytes]], dict[tuple[str, bool], httpx.Headers]] = (
            [],
            {},
        )
        if oauth is not None:
            self.sync_auth()

    def adopt_oauth(self, session: OAuthSession | None) -> None:
        """Send and renew ``session``'s tokens (another client's): clients that share a session never
        exchange the same refresh token twice."""
        if session is not None:
            self.oauth = session
            self._auth_generation = -1
            self.sync_auth()

    def sync_auth(self) -> None:
        """Take the OAuth session's current token: the auth header, the cached preset headers, and the
        config (``client.config`` then holds the pair a new client should start from)."""
        oauth = self.oauth
        if oauth is None or oauth.generation == self._auth_generation:
            return
        self._auth_generation = oauth.generation
        self._auth_headers = oauth.authorization()
        self._preset_headers = ([], {})
        if self.config.access_token != oauth.access_token or self.config.refresh_token != oauth.refresh_token:
            self.config = self.config.model_copy(
                update={"access_token": oauth.access_token, "refresh_token": oauth.refresh_token}
            )

    def preset_headers(
        self, client: httpx.Client | httpx.AsyncClient, accept: str, *, bodyless: bool = False
    ) -> httpx.Headers | None:
        """The headers ``client.build_request`` would give a call to the Dust host through the preset client
        (its headers, then ``accept``'s and the auth header), or ``None`` when the request must go through
        ``build_request``: the client holds cookies (a server set some, which httpx sends back) or
        query parameters. Cached per accept while the client's headers stay what they were.

        ``bodyless`` (a request without a body whose method httpx gives no ``Content-Length: 0``): the
        headers httpx's ``Request`` would end with, ``Host`` first, for a request built from its stream."""
        if client.cookies or client.params:
            return None
        source = client.headers.raw
        cached_source, cache = self._preset_headers
        if source != cached_source:  # first use, or someone changed the client's headers
            cache = {}
            self._preset_headers = (source, cache)
        headers = cache.get((accept, bodyless))
        if headers is None:
            headers = httpx.Headers(source)  # what build_request copies: the client's headers
            headers.update(
                self.headers_for(self._base_prefix, accept=accept, headers=None, client_has_defaults=True)
            )
            if bodyless and "Host" not in headers:
                headers = httpx.Headers([(b"Host", self._base_netloc), *headers.raw])
            cache[(accept, bodyless)] = headers
        return headers

    def resolve_url(self, path: str) -> str:
        """``"assistant/conversations"`` → under the workspace API root; ``"/api/..."`` → under base_url;
        absolute ``http(s)://`` URLs unchanged.

        A relative path with an empty, ``.`` or ``..`` segment, a query or a fragment raises
        :class:`~dust_ext.DustInvalidIdError`: httpx would resolve or split it into another resource.
        """
        if path.startswith(("http://", "https://")):
            return path
        url = f"{self.config.base_url}{path}" if path.startswith("/") else f"{self._api_prefix}{path}"
        # The whole path, workspace included (a config built with model_construct skipped its checks).
        check_relative_path(url[len(self.config.base_url) :])
        return url

    def headers_for(
        self,
        url: str,
        *,
        accept: str,
        headers: Mapping[str, str] | None,
        client_has_defaults: bool = False,
    ) -> dict[str, str]:
        """Headers for a request: defaults, then auth, then the caller's (which win). With
        ``client_has_defaults`` (the client already sends :meth:`client_headers`), only what differs.

        The API key is only attached to URLs on the configured Dust host, so an absolute URL elsewhere
        (e.g. a pre-signed upload URL) never receives it.
        """
        if client_has_defaults:
            merged = {} if accept == JSON_MEDIA_TYPE else {"Accept": accept}
        else:
            merged = {"User-Agent": self.config.user_agent, "Accept": accept, **self.config.default_headers}
        if url.startswith(self._base_prefix) or origin(httpx.URL(url)) == self._origin:
            merged.update(self._auth_headers)
        if headers:
            merged.update(headers)
        return merged

    def error_for(self, response: httpx.Response, body: bytes, *, truncated: bool = False) -> DustAPIError:
        """The typed error for an error response, from what was read of its body, without any credential:
        Dust never echoes the key, but a misconfigured proxy could (in the body or in a header such as
        X-Request-Id), and an error is the last place a credential should end up."""
        request = response.request
        error = error_from_response(
            response.status_code,
            response.headers,
            body,
            request.method,
            str(request.url),
            body_truncated=truncated,
        )
        body_held_key = not self.is_free_of_secret(error.body)
        error.message = self.redact(error.message)
        error.body = self.redact(error.body)
        if error.url:
            error.url = self.redact(error.url)  # a caller may have put the key in the query string
        if error.request_id:
            error.request_id = self.redact(error.request_id)
        error.headers = {name: self.redact(value) for name, value in error.headers.items()}
        if isinstance(error.details, str):
            error.details = self.redact(error.details)
        elif error.details is not None and body_held_key:
            # The details were parsed from the body: only a body holding the key gives details holding it.
            try:
                error.details = json.loads(self.redact(json.dumps(error.details)))
            except RecursionError:  # details nested too deeply to re-encode: keep the scrubbed text
                error.details = error.body
        error.args = (str(error),)
        return error

    def request_error_for(
        self, exc: httpx.HTTPError | httpx.InvalidURL | httpx.StreamError, method: str, url: str
    ) -> DustError:
        """The Dust error for an httpx failure; the message names the call, never the credentials."""
        detail = f": {exc}" if str(exc) else ""
        if isinstance(exc, httpx.DecodingError):
            message = f"{method} {url} returned a body that could not be decoded{detail}"
            return DustDecodeError(self.redact(message), body="", method=method, url=self.redact(url))
        if isinstance(exc, httpx.TooManyRedirects):
            # An injected client that follows redirects gave up on a loop: the same error as the SDK's own
            # redirect checks give.
            try:
                last_hop: str | None = self.redact(str(exc.request.url))
            except RuntimeError:  # httpx raises when the exception carries no request
                last_hop = None
            message = f"Too many redirects during {method} {url}{detail}"
            return DustRedirectError(self.redact(message), url=self.redact(url), location=last_hop)
        cls, what = DustConnectionError, "Request failed"
        if isinstance(exc, httpx.TimeoutException):
            cls, what = DustTimeoutError, "Timed out"
        elif isinstance(exc, httpx.TransportError):
            what = "Connection failed"
        message = f"{what} during {method} {url}: {type(exc).__name__}{detail}"
        return cls(self.redact(message), method=method, url=self.redact(url))

    def secrets(self) -> list[str]:
        """The credentials an error must not show: the key or access token, and with OAuth every access
        and refresh token the client has held."""
        if self.oauth is not None:
            return self.oauth.secrets
        secret = self.config.bearer_token.get_secret_value()
        return [secret] if secret else []

    def is_free_of_secret(self, text: str) -> bool:
        """Whether ``text`` does not contain the API key (or any OAuth token) in any spelling
        (percent-encoded, escaped...)."""
        return not any(contains_secret(text, secret) for secret in self.secrets())

    def redact(self, text: str) -> str:
        """``text`` with the API key (and any OAuth token), in any spelling, replaced by ``[redacted]``."""
        for secret in self.secrets():
            text = redact_secret(text, secret)
        return text

    def scrub_decode_error(self, error: DustDecodeError) -> DustDecodeError:
        """``error`` with the API key (and any OAuth token), in any spelling, removed from its message,
        body and URL."""
        for secret in self.secrets():
            error = scrub_error_text(error, secret)
        return error
