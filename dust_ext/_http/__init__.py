"""The one request path: every call to Dust, blocking or asyncio, goes through here.

The decisions live in :mod:`dust_ext._core.request`; :class:`AsyncHTTP` (hand-written) and :class:`HTTP`
(generated from it by ``scripts/generate_sync.py``) only move bytes and sleep.
"""

from dust_ext._core.call import RawResponse, RequestOptions, json_body
from dust_ext._core.request import RequestCore
from dust_ext._http._async import AsyncHTTP
from dust_ext._http._sync import HTTP

__all__ = ["HTTP", "AsyncHTTP", "RawResponse", "RequestCore", "RequestOptions", "json_body"]
