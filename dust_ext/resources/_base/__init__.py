"""What every resource shares: pure call descriptions (:mod:`dust_ext._core.call`) and the resource base
classes with their typed raw-response wrappers (``_async.py``, and ``_sync.py`` generated from it)."""

from dust_ext._core.call import (
    Call,
    decode_error,
    field_of,
    generated_call,
    generated_kwargs,
    list_of,
    raw_json,
    success_flag,
)
from dust_ext.resources._base._async import (
    AsyncLazyStream,
    AsyncResource,
    AsyncStreamedResponse,
    async_stream_to_raw_response_wrapper,
    async_stream_to_streamed_response_wrapper,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
)
from dust_ext.resources._base._sync import (
    LazyStream,
    Resource,
    StreamedResponse,
    stream_to_raw_response_wrapper,
    stream_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)

__all__ = [
    "AsyncLazyStream",
    "AsyncResource",
    "AsyncStreamedResponse",
    "Call",
    "LazyStream",
    "Resource",
    "StreamedResponse",
    "async_stream_to_raw_response_wrapper",
    "async_stream_to_streamed_response_wrapper",
    "async_to_raw_response_wrapper",
    "async_to_streamed_response_wrapper",
    "decode_error",
    "field_of",
    "generated_call",
    "generated_kwargs",
    "list_of",
    "raw_json",
    "stream_to_raw_response_wrapper",
    "stream_to_streamed_response_wrapper",
    "success_flag",
    "to_raw_response_wrapper",
    "to_streamed_response_wrapper",
]
