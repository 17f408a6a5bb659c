# Generated from _async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""The request path's driver over an ``httpx.AsyncClient`` (``_sync.py`` is generated from this file).

Every decision is in :class:`~dust_ext._core.request.RequestCore` and the call's flow
(:meth:`~dust_ext._core.request.AttemptLoop.flow`, a generator this driver steps): this driver only sends
requests, reads bounded bodies and sleeps between attempts.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from types import TracebackType
from typing import Any, Self

import httpx

from dust_ext._core.body import BodyDecodeError, BoundedBody
from dust_ext._core.call import SSE_MEDIA_TYPE, Call, RequestOptions, unparsed
from dust_ext._core.oauth import REFRESH_PATH, OAuthSession
from dust_ext._core.redirect import RedirectChain
from dust_ext._core.request import Answer, AttemptLoop, FlowStep, RequestCore, client_headers
from dust_ext._core.retry import RetryPolicy
from dust_ext._io import (
    Sleep,
    attempt_deadline,
    client_transport,
    completed,
    exclusive,
    wait_seconds,
)
from dust_ext.config import DustConfig
from dust_ext.exceptions import DustAPIError, DustClientClosedError

logger = logging.getLogger("dust_ext")

# The token exchange is not retried: a refresh token is good for one exchange, and a POST that may have
# reached the server must not be sent again.
_TOKEN_EXCHANGE = RequestOptions(max_retries=0)


class HTTP:
    """Driver of the request path over an httpx client.

    Pass ``http_client`` to reuse your own client (proxies, transports, event hooks); it is then yours to
    close. Otherwise one is created from the config and closed by :meth:`aclose`. ``retry_policy`` defaults
    to ``RetryPolicy(max_retries=config.max_retries)``. ``sleep`` is injectable so tests never wait.
    """

    def __init__(
        self,
        config: DustConfig,
        http_client: httpx.Client | None = None,
        *,
        retry_policy: RetryPolicy | None = None,
        sleep: Sleep = wait_seconds,
        clock: Callable[[], float] = time.monotonic,
        oauth: OAuthSession | None = None,
    ) -> None:
        self._owns_client = http_client is None
        self.http_client = http_client or httpx.Client(
            timeout=config.httpx_timeout(),
            limits=config.httpx_limits(),
            headers=client_headers(config),
            transport=client_transport(config.httpx_limits()),
        )
        self.core = RequestCore(
            config,
            retry_policy,
            clock=clock,
            oauth=oauth,
            preset_client=self.http_client if self._owns_client else None,
        )
        self._refresh_lock = exclusive()
        self._sleep = sleep

    @property
    def config(self) -> DustConfig:
        return self.core.config

    def share_credentials(self, other: HTTP) -> None:
        """Use ``other``'s OAuth session (and its refresh lock): a copy made by ``with_options`` renews
        and sends the same token as the client it came from."""
        if other.core.oauth is not None:
            self.core.adopt_oauth(other.core.oauth)
            self._refresh_lock = other._refresh_lock

    def send(self, call: Call[Any]) -> httpx.Response:
        """Send ``call`` with auth, retries and error mapping; return the successful (read) response."""
        return self._step(AttemptLoop(self.core, self.http_client, call), stream=False)

    @contextmanager
    def open(self, call: Call[Any], *, redirects: RedirectChain | None = None) -> Iterator[httpx.Response]:
        """Like :meth:`send`, but yield the successful response unread (an event stream, a streamed
        response); it is closed when the block exits. Errors and retries on the status happen before yielding.

        A stream never lets httpx follow a redirect (see :meth:`_step`): it follows those ``redirects``
        allows, hop by hop, in the call's flow (:meth:`AttemptLoop.flow`), and raises the others."""
        loop = AttemptLoop(self.core, self.http_client, call)
        response = self._step(loop, stream=True, redirects=redirects)
        try:
            yield response
        finally:
            response.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        content: bytes | str | None = None,
        files: Any = None,
        data: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        options: RequestOptions | None = None,
    ) -> httpx.Response:
        """:meth:`send` for the call these arguments describe."""
        call = Call(
            method,
            path,
            unparsed,
            json=json,
            params=params,
            options=options,
            files=files,
            content=content,
            headers=headers,
            data=data,
        )
        return self.send(call)

    def stream(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        options: RequestOptions | None = None,
        accept: str = SSE_MEDIA_TYPE,
        redirects: RedirectChain | None = None,
    ) -> AbstractContextManager[httpx.Response]:
        """:meth:`open` for the call these arguments describe (an event stream, unless ``accept`` says)."""
        call = Call(
            method,
            path,
            unparsed,
            json=json,
            params=params,
            options=options,
            headers=headers,
            accept=accept,
        )
        return self.open(call, redirects=redirects)

    def _step(
        self, loop: AttemptLoop, *, stream: bool, redirects: RedirectChain | None = None
    ) -> httpx.Response:
        """Step the call's flow (:meth:`AttemptLoop.flow`): send each attempt and read its body (a stream's
        success: unread), all within the attempt's time; sleep or renew the token when it says."""
        flow = loop.flow(stream=stream, redirects=redirects)
        # A stream follows redirects itself (:mod:`dust_ext._core.redirect` decides, hop by hop), even on an
        # injected client that follows them: its key must not go to another host first.
        follow_redirects = False if stream else httpx.USE_CLIENT_DEFAULT
        try:
            step = next(flow)
            while True:
                if isinstance(step, httpx.Request):
                    try:
                        with attempt_deadline(loop.remaining()):
                            response = self.http_client.send(
                                step, stream=True, follow_redirects=follow_redirects
                            )
                            unread = stream and response.is_success
                            body = None if unread else self._read_bounded(loop, response)
                    except (TimeoutError, httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
                        step = flow.throw(exc)
                    except RuntimeError:
                        # httpx's "Cannot send a request, as the client has been closed": a DustError too
                        if self.http_client.is_closed:
                            raise DustClientClosedError(
                                f"{loop.method} {loop.url}: this Dust client is closed; make a new one "
                                "(or make the call inside its `with` block)"
                            ) from None
                        raise
                    else:
                        step = flow.send(Answer(response, body))
                    continue
                if step is FlowStep.REFRESH_TOKEN:
                    self._refresh_token(loop)
                else:
                    self._sleep(step)
                step = next(flow)
        except StopIteration as done:
            result: httpx.Response = done.value
            return result

    def _refresh_token(self, loop: AttemptLoop) -> None:
        """Renew the OAuth access token for this call, once; one exchange at a time per client."""
        oauth = self.core.oauth
        assert oauth is not None
        loop.token_refreshed = True
        with self._refresh_lock:
            generation = oauth.generation
            if generation != loop.sent_generation:
                return  # another call renewed it while this one waited: its token is the one to send
            try:
                response = self.request(
                    "POST", REFRESH_PATH, data=oauth.refresh_form(), options=_TOKEN_EXCHANGE
                )
            except DustAPIError as error:
                raise oauth.refused(error) from None
            tokens = oauth.accept(response.content)
            logger.info("dust renewed the OAuth access token (expires_at=%s)", tokens.expires_at)
            if oauth.on_token_refresh is not None:
                completed(oauth.on_token_refresh(tokens))

    @staticmethod
    def _read_bounded(loop: AttemptLoop, response: httpx.Response) -> BoundedBody:
        """Read the body up to its limit and within the attempt's deadline, then close the response."""
        body = BoundedBody(response.headers.get("content-encoding", ""), loop.body_limit(response))
        timeouts = response.request.extensions.get("timeout")
        if response.is_stream_consumed:  # read already (a mock transport's response): decoded content
            body.use_decoded_chunks()
        elif isinstance(timeouts, dict):
            # httpcore takes the body's read timeout from this dict when the body starts: a body that
            # stalls then waits no longer than the attempt has left (a trickle is caught between reads).
            timeouts["read"] = min(timeouts.get("read") or math.inf, loop.remaining())
        try:
            chunks = response.iter_raw() if body.decodes_raw else response.iter_bytes()
            for chunk in chunks:
                if not body.feed(chunk):
                    break
                loop.check_deadline(response.request)
            else:
                body.finish()
        except BodyDecodeError as exc:
            raise loop.undecodable(response, exc) from None
        finally:
            response.close()
        return body

    def close(self) -> None:
        """Close the underlying client if this driver created it."""
        if self._owns_client:
            self.http_client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
