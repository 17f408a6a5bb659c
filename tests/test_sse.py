"""Tests for the sans-IO server-sent-events decoder (dust_ext._core.sse)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dust_ext._core.large_strings import restore_text
from dust_ext._core.sse import ServerSentEvent, SSEDecoder, aiter_sse, iter_sse
from dust_ext.exceptions import DustResponseTooLargeError


def decode_whole(stream: bytes) -> list[ServerSentEvent]:
    decoder = SSEDecoder()
    return decoder.feed(stream) + decoder.flush()


def decode_chunks(chunks: list[bytes]) -> list[ServerSentEvent]:
    return list(iter_sse(chunks))


def byte_by_byte(stream: bytes) -> list[ServerSentEvent]:
    return decode_chunks([stream[i : i + 1] for i in range(len(stream))])


# -- Reference oracle -------------------------------------------------------------------------------------
# A deliberately naive, character-at-a-time transcription of the WHATWG "event stream interpretation"
# algorithm (plus our end-of-stream policy), used to check the optimised decoder on generated streams.


def oracle(stream: bytes) -> list[ServerSentEvent]:
    text = stream.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines: list[str] = []
    current = ""
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\r":
            lines.append(current)
            current = ""
            if i + 1 < len(text) and text[i + 1] == "\n":
                i += 1
        elif char == "\n":
            lines.append(current)
            current = ""
        else:
            current += char
        i += 1
    if current:
        lines.append(current)
    lines.append("")  # our policy: end of stream dispatches the pending frame

    events: list[ServerSentEvent] = []
    data_buffer: str | None = None
    event_type = ""
    last_id: str | None = None
    retry: int | None = None
    for line in lines:
        if line == "":
            if data_buffer is not None:
                events.append(ServerSentEvent(event_type or "message", data_buffer, last_id, retry))
            data_buffer = None
            event_type = ""
            retry = None
            continue
        if line.startswith(":"):
            continue
        if ":" in line:
            name, value = line.split(":", 1)
            if value.startswith(" "):
                value = value[1:]
        else:
            name, value = line, ""
        if name == "data":
            data_buffer = value if data_buffer is None else data_buffer + "\n" + value
        elif name == "event":
            event_type = value
        elif name == "id":
            if "\x00" not in value:
                last_id = value
        elif name == "retry" and value and all(c in "0123456789" for c in value):
            retry = int(value)
    return events


# -- The WHATWG cases, one by one -------------------------------------------------------------------------


def test_single_data_frame() -> None:
    assert decode_whole(b"data: hello\n\n") == [ServerSentEvent(data="hello")]


def test_event_defaults() -> None:
    (event,) = decode_whole(b"data: x\n\n")
    assert (event.event, event.data, event.id, event.retry) == ("message", "x", None, None)


def test_multiple_data_lines_are_joined_with_newline() -> None:
    assert decode_whole(b"data: a\ndata: b\ndata:\ndata: c\n\n") == [ServerSentEvent(data="a\nb\n\nc")]


def test_only_one_leading_space_is_stripped() -> None:
    assert decode_whole(b"data:  two spaces\n\ndata:none\n\ndata:\tx\n\n") == [
        ServerSentEvent(data=" two spaces"),
        ServerSentEvent(data="none"),
        ServerSentEvent(data="\tx"),
    ]


def test_value_may_contain_colons() -> None:
    assert decode_whole(b'data: {"a": "b:c"}\n\n') == [ServerSentEvent(data='{"a": "b:c"}')]


def test_line_without_colon_is_a_field_with_empty_value() -> None:
    assert decode_whole(b"data\n\n") == [ServerSentEvent(data="")]
    assert decode_whole(b"data\ndata\n\n") == [ServerSentEvent(data="\n")]


def test_event_field_sets_type_for_one_frame_only() -> None:
    assert decode_whole(b"event: ping\ndata: 1\n\ndata: 2\n\n") == [
        ServerSentEvent(event="ping", data="1"),
        ServerSentEvent(data="2"),
    ]


def test_empty_event_field_means_message() -> None:
    assert decode_whole(b"event:\ndata: 1\n\n") == [ServerSentEvent(event="message", data="1")]


def test_id_persists_across_frames_and_can_be_reset() -> None:
    assert decode_whole(b"id: 7\ndata: a\n\ndata: b\n\nid\ndata: c\n\n") == [
        ServerSentEvent(data="a", id="7"),
        ServerSentEvent(data="b", id="7"),
        ServerSentEvent(data="c", id=""),
    ]


def test_id_containing_nul_is_ignored() -> None:
    decoder = SSEDecoder()
    events = decoder.feed(b"id: 1\ndata: a\n\nid: 2\x003\ndata: b\n\n")
    assert [e.id for e in events] == ["1", "1"]
    assert decoder.last_event_id == "1"


def test_retry_field_accepts_ascii_digits_only() -> None:
    decoder = SSEDecoder()
    events = decoder.feed(
        b"retry: 1500\ndata: a\n\n"
        b"retry: 12x\ndata: b\n\n"
        b"retry: -5\ndata: c\n\n"
        b"retry:\ndata: d\n\n"
        b"retry: \xc2\xb2\ndata: e\n\n"  # superscript two: str.isdigit() says True, WHATWG says no
        b"retry:  10\ndata: f\n\n"  # the second space is part of the value
    )
    assert [e.retry for e in events] == [1500, None, None, None, None, None]
    assert decoder.retry == 1500


def test_retry_in_a_frame_without_data_updates_the_decoder_only() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"retry: 3000\n\ndata: x\n\n") == [ServerSentEvent(data="x")]
    assert decoder.retry == 3000


def test_comments_are_ignored() -> None:
    assert decode_whole(b": keep-alive\n\n:\ndata: x\n: inside a frame\n\n") == [ServerSentEvent(data="x")]


def test_unknown_fields_are_ignored() -> None:
    assert decode_whole(b"foo: bar\nDATA: no\ndata : no\ndata: yes\n\n") == [ServerSentEvent(data="yes")]


def test_frames_without_data_are_not_dispatched() -> None:
    assert decode_whole(b"event: x\n\nid: 3\n\n\n\n: comment\n\n") == []


def test_event_type_does_not_leak_from_an_undispatched_frame() -> None:
    assert decode_whole(b"event: lost\n\ndata: x\n\n") == [ServerSentEvent(data="x")]


@pytest.mark.parametrize("eol", [b"\n", b"\r\n", b"\r"], ids=["LF", "CRLF", "CR"])
def test_each_line_ending_style(eol: bytes) -> None:
    stream = eol.join([b"event: e", b"id: 1", b"data: a", b"data: b", b"", b"data: c", b"", b""])
    expected = [ServerSentEvent(event="e", data="a\nb", id="1"), ServerSentEvent(data="c", id="1")]
    assert decode_whole(stream) == expected
    assert byte_by_byte(stream) == expected


def test_mixed_line_endings() -> None:
    assert decode_whole(b"data: a\r\ndata: b\rdata: c\n\r\ndata: d\r\r") == [
        ServerSentEvent(data="a\nb\nc"),
        ServerSentEvent(data="d"),
    ]


def test_crlf_split_across_chunks_is_one_line_break() -> None:
    # Were the split CRLF counted twice, the blank line would dispatch "a" alone.
    assert decode_chunks([b"data: a\r", b"\ndata: b\r\n\r\n"]) == [ServerSentEvent(data="a\nb")]


def test_cr_at_chunk_end_then_cr_is_a_blank_line() -> None:
    assert decode_chunks([b"data: a\r", b"\rdata: b\r\r"]) == [
        ServerSentEvent(data="a"),
        ServerSentEvent(data="b"),
    ]


def test_cr_at_chunk_end_survives_empty_chunks() -> None:
    assert decode_chunks([b"data: a\r", b"", b"\n", b"data: b\n\n"]) == [ServerSentEvent(data="a\nb")]


def test_cr_at_chunk_end_then_partial_utf8_then_lf() -> None:
    # The first byte of "é" decodes to nothing yet; the CR must still be remembered for the LF after it.
    assert decode_chunks([b"data: a\r", b"\n", b"data: \xc3", b"\xa9\r", b"\n\r\n"]) == [
        ServerSentEvent(data="a\n\u00e9")
    ]


def test_utf8_character_split_across_chunks() -> None:
    stream = "data: h\u00e9llo \u20ac \U0001f600\n\n".encode()
    assert byte_by_byte(stream) == [ServerSentEvent(data="h\u00e9llo \u20ac \U0001f600")]


def test_invalid_utf8_is_replaced() -> None:
    assert decode_whole(b"data: a\xffb\n\n") == [ServerSentEvent(data="a\ufffdb")]


def test_truncated_utf8_at_end_of_stream_is_replaced() -> None:
    assert decode_chunks([b"data: a\xe2\x82"]) == [ServerSentEvent(data="a\ufffd")]


def test_bom_at_start_is_stripped() -> None:
    assert decode_whole(b"\xef\xbb\xbfdata: x\n\n") == [ServerSentEvent(data="x")]
    assert byte_by_byte(b"\xef\xbb\xbfdata: x\n\n") == [ServerSentEvent(data="x")]


def test_bom_is_stripped_once_only() -> None:
    # A second BOM makes the first field name "\ufeffdata", an unknown field.
    assert decode_whole(b"\xef\xbb\xbf\xef\xbb\xbfdata: x\n\n") == []
    assert decode_whole(b"data: \xef\xbb\xbfx\n\n") == [ServerSentEvent(data="\ufeffx")]


def test_final_frame_without_blank_line_is_dispatched_on_flush() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\n\ndata: b\n") == [ServerSentEvent(data="a")]
    assert decoder.flush() == [ServerSentEvent(data="b")]


def test_unterminated_last_line_is_dispatched_on_flush() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b'id: 9\ndata: {"trunc') == []
    assert decoder.flush() == [ServerSentEvent(data='{"trunc', id="9")]


def test_flush_after_complete_stream_returns_nothing() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\n\n") == [ServerSentEvent(data="a")]
    assert decoder.flush() == []


def test_flush_resets_buffers_but_keeps_last_event_id_and_retry() -> None:
    decoder = SSEDecoder()
    decoder.feed(b"id: 4\nretry: 10\nevent: e\ndata: partial")
    decoder.flush()
    assert decoder.feed(b"\xef\xbb\xbfdata: next\n\n") == [ServerSentEvent(data="next", id="4")]
    assert decoder.retry == 10


def test_long_line_in_many_small_chunks() -> None:
    payload = "x" * 10_000
    stream = f"data: {payload}\n\n".encode()
    assert decode_chunks([stream[i : i + 7] for i in range(0, len(stream), 7)]) == [
        ServerSentEvent(data=payload)
    ]


def test_feed_returns_only_completed_events() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a") == []
    assert decoder.feed(b"\n") == []
    assert decoder.feed(b"\n") == [ServerSentEvent(data="a")]


def test_many_frames_in_one_chunk_keep_order() -> None:
    stream = b"".join(b"data: %d\n\n" % i for i in range(100))
    assert [e.data for e in decode_whole(stream)] == [str(i) for i in range(100)]


def test_event_is_frozen_and_fast_path_matches_init() -> None:
    slow, fast = decode_whole(b"event: e\nid: 1\nretry: 5\ndata: x\n\ndata: y\n\n")
    assert slow == ServerSentEvent(event="e", data="x", id="1", retry=5)
    assert hash(slow) == hash(ServerSentEvent(event="e", data="x", id="1", retry=5))
    # A one-line data frame takes the decoder's fast path: the same event the constructor builds.
    assert fast == ServerSentEvent(data="y", id="1")
    assert (fast.event, fast.data, fast.id, fast.retry, fast.large_strings) == ("message", "y", "1", None, ())
    assert type(slow) is type(fast) is ServerSentEvent
    assert repr(fast) == "ServerSentEvent(event='message', data='y', id='1', retry=None)"
    with pytest.raises(AttributeError):
        fast.data = "z"  # type: ignore[misc]


def test_dust_frames() -> None:
    stream = (
        b'data: {"eventId":"1695991686152-0","data":{"type":"generation_tokens","text":"Hi"}}\n\n'
        b"data: done\n\n"
    )
    assert [e.data for e in decode_whole(stream)] == [
        '{"eventId":"1695991686152-0","data":{"type":"generation_tokens","text":"Hi"}}',
        "done",
    ]


def test_iter_sse_over_chunks() -> None:
    assert list(iter_sse(iter([b"data: a\n", b"\ndata: b"]))) == [
        ServerSentEvent(data="a"),
        ServerSentEvent(data="b"),
    ]


async def test_aiter_sse_matches_iter_sse() -> None:
    chunks = [b"id: 1\ndata: a\r", b"\n\r\ndata: \xe2\x82", b"\xac\n\nevent: x\ndata: c"]

    async def source() -> AsyncIterator[bytes]:
        for chunk in chunks:
            yield chunk

    assert [e async for e in aiter_sse(source())] == list(iter_sse(chunks))


# -- Properties -------------------------------------------------------------------------------------------

_values = st.text(
    alphabet=st.sampled_from(
        ["a", " ", ":", "\x00", "\u00e9", "\u20ac", "\U0001f600", "7", "\ufeff", "\t", "\u00b2"]
    ),
    max_size=6,
)
_fields = st.sampled_from(["data", "event", "id", "retry", "", "foo", "dat"])
_lines = st.one_of(
    st.builds(lambda f, v: f"{f}:{v}", _fields, _values),
    st.builds(lambda f, v: f"{f}: {v}", _fields, _values),
    _fields,
    st.just(""),
    st.builds(lambda v: f"retry: {v}", st.integers(0, 10**6)),
)
_eols = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def sse_streams(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(st.tuples(_lines, _eols), max_size=20))
    text = "".join(line + eol for line, eol in lines)
    if draw(st.booleans()):
        text += draw(_lines)  # sometimes end without a final line break
    raw = text.encode("utf-8")
    if draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    if draw(st.booleans()):
        raw += draw(st.sampled_from([b"\xff", b"\xe2\x82", b"\xc3"]))  # stray or truncated UTF-8
    return raw


# Chunk sizes are drawn small and reused cyclically, so that cuts land on most positions of a stream,
# including between the CR and LF of a CRLF and inside multi-byte characters.
_chunk_sizes = st.lists(st.integers(1, 9), min_size=1, max_size=6)


def split_cyclically(stream: bytes, sizes: list[int]) -> list[bytes]:
    chunks: list[bytes] = []
    start = 0
    while start < len(stream):
        size = sizes[len(chunks) % len(sizes)]
        chunks.append(stream[start : start + size])
        start += size
    return chunks


@given(stream=sse_streams(), sizes=_chunk_sizes)
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_any_chunking_matches_whole_and_oracle(stream: bytes, sizes: list[int]) -> None:
    chunks = split_cyclically(stream, sizes)
    whole = decode_whole(stream)
    assert decode_chunks(chunks) == whole
    assert whole == oracle(stream)


# A cheaper generator for the many-examples run: streams are sequences of SSE-significant tokens, which
# hypothesis builds and shrinks much faster than the line-structured strategy above.
_tokens = st.sampled_from(
    [
        *(b"data", b"event", b"id", b"retry", b":", b" ", b"\r", b"\n", b"\r\n", b"x", b"7", b"\x00"),
        *(b"\xc3\xa9", b"\xe2\x82\xac", b"\xef\xbb\xbf", b"\xff", b"\xe2\x82"),
    ]
)


@pytest.mark.slow
@given(tokens=st.lists(_tokens, max_size=40), sizes=_chunk_sizes)
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_chunking_matches_whole_many_examples(tokens: list[bytes], sizes: list[int]) -> None:
    stream = b"".join(tokens)
    chunks = split_cyclically(stream, sizes)
    whole = decode_whole(stream)
    assert decode_chunks(chunks) == whole
    assert whole == oracle(stream)


@given(stream=sse_streams())
@settings(max_examples=200)
def test_byte_by_byte_matches_whole(stream: bytes) -> None:
    assert byte_by_byte(stream) == decode_whole(stream)


# -- end of body inside a frame, and the frame size limit ----------------------------------------------------


@pytest.mark.parametrize(
    ("stream", "cut"),
    [
        (b"", False),
        (b"data: a\n\n", False),
        (b": keep-alive\n\n", False),
        (b'data: a\n\ndata: {"half', True),  # a line without its line break
        (b"data: a\n\ndata: b\n", True),  # a frame without its blank line
        (b"event: dust-handshake\n", True),
        (b"data: a\r\n\r\n", False),
    ],
)
def test_in_frame_tells_a_cut_body_from_a_complete_one(stream: bytes, cut: bool) -> None:
    decoder = SSEDecoder()
    decoder.feed(stream)
    assert decoder.in_frame is cut
    decoder.flush()
    assert not decoder.in_frame


def test_a_frame_past_the_limit_is_refused_whether_lines_end_or_not() -> None:
    long_line = SSEDecoder(max_frame_chars=100)
    long_line.feed(b"data: " + b"x" * 60)
    with pytest.raises(DustResponseTooLargeError) as info:
        long_line.feed(b"x" * 60)
    assert info.value.limit == 100

    many_lines = SSEDecoder(max_frame_chars=100)
    with pytest.raises(DustResponseTooLargeError):
        many_lines.feed(b"data: 0123456789\n" * 10)


def test_frames_under_the_limit_pass_and_the_count_restarts_per_frame() -> None:
    decoder = SSEDecoder(max_frame_chars=100)
    frame = b"data: " + b"x" * 80 + b"\n\n"
    events = decoder.feed(frame * 50)
    assert len(events) == 50
    assert all(len(event.data) == 80 for event in events)


def test_the_limit_counts_only_the_frame_being_read() -> None:
    decoder = SSEDecoder(max_frame_chars=100)
    decoder.feed(b"data: " + b"x" * 80)
    events = decoder.feed(b"\n\ndata: " + b"y" * 80)  # ends the first frame, starts a second one
    assert [len(event.data) for event in events] == [80]
    assert decoder.feed(b"\n\n")[0].data == "y" * 80


# -- Whole frames at once, and lines that arrive in pieces --------------------------------------------------------


@pytest.mark.parametrize(
    "stream",
    [
        # Single-line data frames (dispatched whole) between frames of other shapes (decoded line by line).
        b"data: a\n\nevent: e\ndata: b\n\ndata: c\n\n: comment\ndata: d\n\nid: 7\n\ndata: e\n\n",
        b"data: a\n\n\n\ndata: b\n\n\n",  # extra blank lines between frames
        b"data:a\n\ndata:  b\n\ndata\n\ndata: c\ndata: d\n\n",  # no space, two spaces, no colon, two lines
        b"retry: 10\ndata: a\n\ndata: b\n\n",  # retry belongs to its frame only
    ],
    ids=["mixed", "blank-lines", "field-spellings", "retry"],
)
def test_whole_frames_decode_as_line_by_line_in_any_chunking(stream: bytes) -> None:
    expected = oracle(stream)
    assert decode_whole(stream) == expected
    assert byte_by_byte(stream) == expected
    for size in (2, 3, 5, 8, 13):
        assert decode_chunks([stream[i : i + size] for i in range(0, len(stream), size)]) == expected


@pytest.mark.parametrize("line", ["data: ", "data:", "event: x\ndata: ", ": note\ndata: "])
def test_a_long_line_in_pieces_keeps_its_field_and_value(line: str) -> None:
    payload = "y" * 5_000
    stream = f"{line}{payload}\n\ndata: next\n\n".encode()
    chunks = [stream[i : i + 999] for i in range(0, len(stream), 999)]
    assert decode_chunks(chunks) == oracle(stream)
    assert decode_chunks(chunks)[0].data == payload


def test_a_long_line_ended_by_a_lone_line_break_chunk() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: ab") == []
    assert decoder.feed(b"cd") == []
    assert decoder.feed(b"\n") == []
    assert decoder.in_frame
    assert decoder.feed(b"\ndata: z\n\n") == [ServerSentEvent(data="abcd"), ServerSentEvent(data="z")]
    assert not decoder.in_frame


def test_a_long_data_line_past_the_limit_is_refused_when_its_line_break_comes() -> None:
    decoder = SSEDecoder(max_frame_chars=10)
    assert decoder.feed(b"data: 1234") == []
    with pytest.raises(DustResponseTooLargeError):
        decoder.feed(b"5\n\n")
    assert decoder.feed(b"data: ok\n\n") == [ServerSentEvent(data="ok")]


# -- large_string_chars: a large one-line JSON frame split as it arrives -------------------------------------


def restored(events: list[ServerSentEvent]) -> list[ServerSentEvent]:
    """The events with each split frame's exact text back in ``data`` (what a plain decoder dispatches)."""
    return [
        ServerSentEvent(event.event, restore_text(event.data, event.large_strings), event.id, event.retry)
        for event in events
    ]


def decode_splitting(chunks: list[bytes], threshold: int = 3) -> list[ServerSentEvent]:
    decoder = SSEDecoder(large_string_chars=threshold)
    events = [event for chunk in chunks for event in decoder.feed(chunk)]
    return events + decoder.flush()


# Streams of SSE tokens and JSON tokens (quotes, escapes, long strings), so that data lines both split and
# fall back (not JSON, a control character or a line break inside a string, several data lines).
_json_tokens = st.sampled_from(
    [
        *(
            b"data: ",
            b"data:",
            b"event: x\n",
            b"id: 7\n",
            b": c\n",
            b"\n",
            b"\n\n",
            b"\r\n",
            b"\r",
            b"\xef\xbb\xbf",
        ),
        *(b'{"k": "', b'", "v": "', b'"}', b'"', b"\\", b"\\u00e9", b"\\ud83d", b"\\ude00", b"\\n", b"\\/"),
        *(b"x" * 300, b"\xc3\xa9" * 150, b"\xf0\x9f\x98\x80", b"\xff", b"\xe2\x82", b"\t", b"u00", b"1"),
    ]
)


@given(tokens=st.lists(_json_tokens, max_size=30), sizes=_chunk_sizes, threshold=st.sampled_from([1, 3, 50]))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_splitting_decoder_dispatches_the_plain_decoders_frames(
    tokens: list[bytes], sizes: list[int], threshold: int
) -> None:
    stream = b"".join(tokens)
    chunks = split_cyclically(stream, sizes)
    assert restored(decode_splitting(chunks, threshold)) == decode_chunks(chunks)


def test_a_large_json_frame_is_dispatched_as_a_skeleton_and_its_strings() -> None:
    content = 'é😀 "quoted" \\ line\n' * 30
    frame = json.dumps({"eventId": "1-0", "data": {"content": content, "small": "s"}}, ensure_ascii=False)
    stream = f"id: 9\ndata: {frame}\n\ndata: next\n\n".encode()
    events = decode_splitting([stream[i : i + 5] for i in range(0, len(stream), 5)], threshold=100)
    (large,) = events[0].large_strings
    assert large.value == content
    assert json.loads(events[0].data)["data"] == {"content": large.placeholder, "small": "s"}
    assert (events[0].event, events[0].id) == ("message", "9")
    assert restored(events) == [ServerSentEvent(data=frame, id="9"), ServerSentEvent(data="next", id="9")]


def test_a_split_frame_followed_by_another_data_line_is_their_text_joined() -> None:
    frame = json.dumps({"content": "x" * 400})
    stream = f"data: {frame}\ndata: tail\n\n".encode()
    events = decode_splitting([stream[i : i + 64] for i in range(0, len(stream), 64)], threshold=100)
    assert events == [ServerSentEvent(data=frame + "\ntail")]


def test_the_frame_limit_counts_the_split_strings() -> None:
    stream = b'data: {"content": "' + b"x" * 2000 + b'"}\n\n'
    decoder = SSEDecoder(max_frame_chars=1000, large_string_chars=100)
    for start in range(0, 960, 64):
        assert decoder.feed(stream[start : start + 64]) == []
    with pytest.raises(DustResponseTooLargeError):
        decoder.feed(stream[960:1024])
    # The decoder starts over with the next frame.
    assert decoder.feed(b"data: ok\n\n") == [ServerSentEvent(data="ok")]


def test_a_frame_being_split_is_in_frame_and_flush_dispatches_it() -> None:
    decoder = SSEDecoder(large_string_chars=10)
    assert decoder.feed(b'data: {"content": "' + b"y" * 300) == []
    assert decoder.feed(b'"}') == []
    assert decoder.in_frame
    (event,) = decoder.flush()
    assert event.large_strings[0].value == "y" * 300
    assert restore_text(event.data, event.large_strings) == '{"content": "' + "y" * 300 + '"}'
    assert not decoder.in_frame


@pytest.mark.parametrize("oddity", ["\t", "\\x", "\\u12G4", "\\ud800", ""])
def test_a_frame_the_split_cannot_decode_is_dispatched_as_its_exact_text(oddity: str) -> None:
    # The first large string is split off before the second shows what the scan does not decode (or
    # the line ends inside it): the frame is then dispatched as the plain decoder would.
    frame = '{"a": "' + "x" * 300 + '\\/", "b": "' + "y" * 300 + oddity + ('"}' if oddity else "")
    stream = f"data: {frame}\n\n".encode()
    chunks = [stream[i : i + 7] for i in range(0, len(stream), 7)]
    assert decode_splitting(chunks, threshold=10) == [ServerSentEvent(data=frame)]


# -- what a frame may cost: blank lines and comments count toward max_frame_chars ------------------------------


@pytest.mark.parametrize("filler", ["\n", ":\n\n", ": keep-alive\n\n", "\r\n"])
def test_blank_lines_and_comments_without_an_event_count_toward_the_frame_limit(filler: str) -> None:
    decoder = SSEDecoder(max_frame_chars=1000)
    assert decoder.feed((filler * (900 // len(filler))).encode()) == []
    with pytest.raises(DustResponseTooLargeError, match="without an event") as info:
        decoder.feed((filler * (200 // len(filler) + 1)).encode())
    assert info.value.limit == 1000


def test_an_event_restarts_the_count() -> None:
    decoder = SSEDecoder(max_frame_chars=1000)
    for number in range(10):
        frames = decoder.feed(b"\n" * 900 + f"data: {number}\n\n".encode())
        assert [sse.data for sse in frames] == [str(number)]


def test_a_chunk_larger_than_a_slice_decodes_as_its_pieces_would() -> None:
    # A gzip'd body hands the decoder tens of MB at once: it is split into frames a slice at a time,
    # frames straddling two slices included.
    body = "".join(f"data: {n}\n\n" + ":\n\n" * (n % 7) + "\n" * (n % 3) for n in range(400_000))
    assert len(body) > 3 * 1024 * 1024
    whole = [sse.data for sse in SSEDecoder().feed(body.encode())]
    assert whole == [str(n) for n in range(400_000)]


def test_a_data_line_arriving_in_pieces_after_a_split_line_is_joined_to_the_frame() -> None:
    """Found by the property test above: a long first data line is split, the second data line arrives in
    several chunks and the frame ends at end of stream; the second line was dropped."""
    stream = b"data: " * 5 + b": c\n" + b"data: " + b"event: x\n"
    chunks = split_cyclically(stream, [1, 7])
    assert restored(decode_splitting(chunks, 1)) == decode_chunks(chunks)
    assert decode_chunks(chunks)[0].data == "data: data: data: data: : c\nevent: x"
