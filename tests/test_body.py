"""BoundedBody, the sans-IO reader that keeps at most ``limit`` decoded bytes of a body."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib

import pytest

from dust_ext._core.body import BodyDecodeError, BoundedBody, ChunkInflater
from dust_ext.testing.hostile import gzip_bomb


def feed_all(body: BoundedBody, data: bytes, size: int = 1000) -> bool:
    for start in range(0, len(data), size):
        if not body.feed(data[start : start + size]):
            return False
    body.finish()
    return True


@pytest.mark.parametrize("encoding", ["", "identity", "IDENTITY "])
def test_plain_bodies_are_kept_up_to_the_limit(encoding: str) -> None:
    body = BoundedBody(encoding, 10)
    assert body.decodes_raw
    assert feed_all(body, b"0123456789")
    assert (body.content, body.exceeded) == (b"0123456789", False)
    over = BoundedBody(encoding, 10)
    assert not feed_all(over, b"0123456789X")
    assert (over.content, over.exceeded, over.prefix(4)) == (b"0123456789", True, b"0123")


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, no zlib header
    ],
)
def test_compressed_bodies_are_inflated(encoding: str, compress: object) -> None:
    payload = b'{"documents": []}' * 1000
    body = BoundedBody(encoding, len(payload))
    assert feed_all(body, compress(payload))  # type: ignore[operator]
    assert body.content == payload


def test_a_bomb_never_inflates_more_than_one_byte_past_the_limit_per_chunk() -> None:
    body = BoundedBody("gzip", 4096)
    bomb = gzip_bomb(100 * 1024 * 1024)
    tracemalloc.start()
    try:
        assert not feed_all(body, bomb, size=len(bomb))  # one chunk holding the whole bomb
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert body.exceeded
    assert body.size == 4096
    # the chunk fed (a copy of the bomb), zlib's window, the 4 KiB kept and one piece of 4 KiB + 1 byte
    assert peak < len(bomb) + 64 * 1024


def test_corrupt_or_cut_compressed_bodies_raise() -> None:
    with pytest.raises(BodyDecodeError, match="corrupt"):
        feed_all(BoundedBody("gzip", 1000), gzip.compress(b"x")[:10] + b"\xff\xfe\xfd")
    with pytest.raises(BodyDecodeError, match="ends before"):
        feed_all(BoundedBody("gzip", 10_000), gzip.compress(bytes(range(256)) * 10)[:-12])
    empty = BoundedBody("gzip", 10)  # a 204 or a HEAD answer labelled gzip
    assert feed_all(empty, b"")
    assert empty.content == b""


def test_unknown_encodings_take_already_decoded_chunks() -> None:
    body = BoundedBody("br", 5)
    assert not body.decodes_raw
    assert not feed_all(body, b"decoded by httpx")
    assert body.content == b"decod"


# -- ChunkInflater: an event stream's body inflated a bounded piece at a time ----------------------------------


@pytest.mark.parametrize("wbits", [31, 15, -15], ids=["gzip", "deflate", "raw-deflate"])
def test_chunk_inflater_yields_bounded_pieces_that_add_up_to_the_body(wbits: int) -> None:
    plain = b"data: x\n\n" * 100_000 + b"\n" * 1_000_000
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    raw = compressor.compress(plain) + compressor.flush()
    inflater = ChunkInflater("gzip" if wbits == 31 else "deflate", piece_size=4096)
    pieces = [
        piece for start in range(0, len(raw), 777) for piece in inflater.inflate(raw[start : start + 777])
    ]
    pieces.append(inflater.finish())
    assert b"".join(pieces) == plain
    assert max(map(len, pieces)) <= 4096


def test_chunk_inflater_inflates_lazily() -> None:
    raw = gzip.compress(b"\n" * 10_000_000)
    pieces = ChunkInflater("gzip", piece_size=1024).inflate(raw)
    assert len(next(pieces)) == 1024  # one piece made, not the 10 MB


def test_chunk_inflater_refuses_a_corrupt_body_and_unknown_encodings() -> None:
    with pytest.raises(BodyDecodeError):
        list(ChunkInflater("gzip").inflate(b"not gzip at all"))
    assert not ChunkInflater.handles("br")
    with pytest.raises(ValueError, match="br"):
        ChunkInflater("br")
