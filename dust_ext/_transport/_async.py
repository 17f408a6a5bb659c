"""An httpx transport that sends every request through a Dust client's request path (``_sync.py`` is
generated from this file).

The raw generated client (``dust_api``) builds its own ``httpx`` requests. Given an httpx client on this
transport (``client.raw``), each of those requests gets what every ``dust_ext`` call gets: the API key or
access token (only towards the Dust host), user agent, timeouts, retries with backoff and ``Retry-After``
(never re-sending a POST blindly), bounded bodies and typed errors (a 404 raises
:class:`~dust_ext.DustNotFoundError` from the generated call). The connection pool is the Dust client's.
"""

from __future__ import annotations

import httpx

from dust_ext._http import AsyncHTTP

#: Request headers the outer (generated) client sets that the request path decides itself.
_HEADERS_OF_THE_REQUEST_PATH = frozenset(
    {
        "host",
        "authorization",
        "user-agent",
        "accept-encoding",
        "connection",
        "content-length",
        "transfer-encoding",
    }
)
#: Response headers that describe bytes the request path has already decoded.
_HEADERS_OF_THE_DECODED_BODY = frozenset({"content-encoding", "content-length", "transfer-encoding"})


class AsyncPolicyTransport(httpx.AsyncBaseTransport):
    """Sends each request through ``http`` (the Dust client's driver) and hands back its read response."""

    def __init__(self, http: AsyncHTTP) -> None:
        self._http = http

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        content = await request.aread()
        headers = {
            name: value
            for name, value in request.headers.items()
            if name.lower() not in _HEADERS_OF_THE_REQUEST_PATH
        }
        response = await self._http.request(
            request.method, str(request.url), content=content or None, headers=headers
        )
        return httpx.Response(
            response.status_code,
            headers=[
                (name, value)
                for name, value in response.headers.multi_items()
                if name.lower() not in _HEADERS_OF_THE_DECODED_BODY
            ],
            content=response.content,
            request=request,
        )

    async def aclose(self) -> None:
        """Nothing to close: the connection pool belongs to the Dust client, which closes it."""
