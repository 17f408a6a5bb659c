"""Reading a response body within a byte limit (sans-IO): raw chunks in, at most ``limit`` decoded bytes out.

httpx decodes a whole network read at once, so 64 KiB of gzip bomb becomes 64 MiB before anyone can count
it. For the encodings ``zlib`` speaks (gzip, deflate) this decoder inflates each raw chunk with an output
bound instead, so memory never exceeds the limit by more than one chunk; for the others (br, zstd: Dust
does not send them) the driver feeds httpx's decoded chunks and the limit is checked after each.
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Iterator

import httpx

__all__ = ["BodyDecodeError", "BoundedBody", "ChunkInflater", "response_with_body"]


class BodyDecodeError(ValueError):
    """The compressed body is corrupt."""


# The window bits zlib inflates each Content-Encoding it speaks with.
_ZLIB_WBITS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}


class BoundedBody:
    """Accumulates a body up to ``limit`` bytes (after decoding); :attr:`exceeded` once more arrived.

    ``content_encoding`` is the response's ``Content-Encoding``. When :attr:`decodes_raw` is true, feed it
    the raw (still encoded) chunks; otherwise feed chunks httpx has already decoded.
    """

    def __init__(self, content_encoding: str, limit: int) -> None:
        self.limit = limit
        self.exceeded = False
        self._chunks: list[bytes] = []
        self._size = 0
        self._inflater: ChunkInflater | None = None
        self.decodes_raw = not content_encoding or content_encoding.strip().lower() in {"", "identity"}
        if not self.decodes_raw and ChunkInflater.handles(content_encoding):
            # Pieces of at most one byte past the limit: getting that byte back means the limit is passed,
            # so a bomb never inflates further than that.
            self._inflater = ChunkInflater(content_encoding, piece_size=min(limit + 1, _MAX_PIECE))
            self.decodes_raw = True

    def use_decoded_chunks(self) -> None:
        """Feed chunks httpx decoded (e.g. a response an injected transport already read)."""
        self.decodes_raw = False

    @property
    def content(self) -> bytes:
        """The bytes kept so far (at most ``limit``)."""
        if len(self._chunks) > 1:
            self._chunks = [b"".join(self._chunks)]
        return self._chunks[0] if self._chunks else b""

    def prefix(self, size: int) -> bytes:
        """The first ``size`` bytes kept, without joining the rest (which may be the whole limit)."""
        taken: list[bytes] = []
        remaining = size
        for chunk in self._chunks:
            if remaining <= 0:
                break
            taken.append(chunk[:remaining])
            remaining -= len(taken[-1])
        return b"".join(taken)

    @property
    def size(self) -> int:
        """How many decoded bytes were kept."""
        return self._size

    def feed(self, chunk: bytes) -> bool:
        """Add a chunk; False once the limit is passed (stop reading: the rest is not wanted)."""
        if self.exceeded:
            return False
        if self._inflater is None or not self.decodes_raw:
            return self._keep(chunk)
        return all(self._keep(piece) for piece in self._inflater.inflate(chunk))

    def finish(self) -> None:
        """The body ended: flush what the decompressor still holds."""
        if self._inflater is not None and self.decodes_raw and not self.exceeded:
            self._keep(self._inflater.finish())
            if self._inflater.cut_short:
                # zlib does not complain about a stream that just stops; the body would be silently cut.
                raise BodyDecodeError("the compressed body ends before its compressed stream does")

    def _keep(self, chunk: bytes) -> bool:
        room = self.limit - self._size
        if len(chunk) > room:
            chunk = chunk[:room]
            self.exceeded = True
        if chunk:
            self._chunks.append(chunk)
            self._size += len(chunk)
        return not self.exceeded


_MAX_PIECE = 256 * 1024


class ChunkInflater:
    """Inflates a gzip or deflate stream (an event stream's body) at most ``piece_size`` bytes at a time.

    httpx inflates each network read whole: 64 KiB of a compressed run of blank lines becomes 64 MiB
    before the SSE decoder can count it. Fed the raw chunks, this yields pieces of at most ``piece_size``
    decoded bytes, so the decoder's limits apply while the body inflates. A corrupt body raises
    :class:`BodyDecodeError`.
    """

    def __init__(self, content_encoding: str, piece_size: int = _MAX_PIECE) -> None:
        encoding = content_encoding.strip().lower()
        if encoding not in _ZLIB_WBITS:
            raise ValueError(f"no zlib decoding for Content-Encoding {content_encoding!r}")
        self._decompressor = zlib.decompressobj(_ZLIB_WBITS[encoding])
        self._raw_deflate_fallback = encoding == "deflate"
        self._fed = False
        self.piece_size = piece_size

    @staticmethod
    def handles(content_encoding: str) -> bool:
        """Whether ``content_encoding`` is one this class inflates (gzip, deflate)."""
        return content_encoding.strip().lower() in _ZLIB_WBITS

    @property
    def cut_short(self) -> bool:
        """Whether the raw body fed so far stops before its compressed stream ends."""
        return self._fed and not self._decompressor.eof

    def inflate(self, chunk: bytes) -> Iterator[bytes]:
        """The decoded pieces of one raw chunk, each at most ``piece_size`` bytes, inflated one at a time
        as they are asked for (a list of them would hold the whole inflated chunk again)."""
        self._fed = self._fed or bool(chunk)
        data = chunk
        while data:
            try:
                piece = self._decompressor.decompress(data, self.piece_size)
            except zlib.error as exc:
                if self._raw_deflate_fallback:
                    # Some servers send raw deflate without the zlib header (httpx accepts it too).
                    self._raw_deflate_fallback = False
                    self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise BodyDecodeError(f"the compressed body is corrupt: {exc}") from None
            self._raw_deflate_fallback = False
            if piece:
                yield piece
            tail = self._decompressor.unconsumed_tail
            if not piece and len(tail) == len(data):
                break  # nothing consumed, nothing produced: wait for more input
            data = tail

    def finish(self) -> bytes:
        """What the decompressor still holds once the raw body ended."""
        try:
            return self._decompressor.flush()
        except zlib.error as exc:
            raise BodyDecodeError(f"the compressed body is corrupt: {exc}") from None


def response_with_body(response: httpx.Response, content: bytes) -> httpx.Response:
    """``response`` (read and closed through :class:`BoundedBody`) as httpx would have returned it read:
    the same status, headers, request, history, timing and extensions, with ``content`` as its body."""
    if STORES_READ_BODY_IN_CONTENT:
        response._content = content
        return response
    return rebuilt_with_body(response, content)


def rebuilt_with_body(response: httpx.Response, content: bytes) -> httpx.Response:
    """:func:`response_with_body` with httpx's public API only: a new response built with ``content``.

    The body was decoded here, so the new response is built without the original headers (httpx would
    decode ``content`` again by their ``Content-Encoding``) and given them once its content is stored.
    """
    read = httpx.Response(
        response.status_code,
        content=content,
        request=response.request,
        extensions=response.extensions,
        history=response.history,
        default_encoding=response.default_encoding,
    )
    read.headers = response.headers
    read.next_request = response.next_request
    with contextlib.suppress(RuntimeError):  # no timing for a response a transport returned already read
        read.elapsed = response.elapsed
    return read


def _read_body_is_kept_in_content() -> bool:
    # The one private name of httpx dust_ext uses, behind this probe: httpx keeps a read body in
    # `Response._content` (0.18 to 0.28). Storing it there costs nothing; the public rebuild above costs
    # ~120 k instructions per call (+7 % on conversations.get, benchmarks/count_instructions.py). Should a
    # release keep the body elsewhere, the probe fails and every call takes the public rebuild.
    probe = httpx.Response(200, stream=httpx.ByteStream(b"not this"))
    try:
        probe._content = b'"probe"'
        return probe.content == b'"probe"' and probe.json() == "probe"
    except (AttributeError, httpx.ResponseNotRead):  # a slot-only class, or the body kept elsewhere
        return False


STORES_READ_BODY_IN_CONTENT: bool = _read_body_is_kept_in_content()
