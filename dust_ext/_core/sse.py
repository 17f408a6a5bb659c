"""Sans-IO decoder for server-sent events (SSE), the framing of Dust's event streams.

Dust streams conversation and agent-message events as ``text/event-stream``: each frame is one or more
``field: value`` lines ended by a blank line. This module turns raw bytes into :class:`ServerSentEvent`
objects following the WHATWG "event stream interpretation" rules
(https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation), without doing
any I/O itself: :class:`SSEDecoder` is fed bytes by whoever owns the connection, and :func:`iter_sse` /
:func:`aiter_sse` are the thin sync and async drivers over it.

End of stream: :meth:`SSEDecoder.flush` dispatches a final frame that lacks its closing blank line (WHATWG
discards it), for streams that cannot be resumed (a proxy closing right after the last ``data:`` line would
otherwise lose it). Resumable streams check :attr:`SSEDecoder.in_frame` first: a body that ends inside a
frame is a dropped connection, resumed after the last event id, never malformed data.

Memory: one frame (its ``data`` lines plus the line being read) may hold at most ``max_frame_chars``
characters (:data:`DEFAULT_MAX_FRAME_CHARS`, 32 Mi, far above any Dust event); past that the decoder raises
:class:`~dust_ext.exceptions.DustResponseTooLargeError` instead of growing without limit. A decoder made
with ``large_string_chars`` (Dust's event streams) never holds a large single-line JSON frame whole
(:mod:`dust_ext._core.large_strings`).
"""

from __future__ import annotations

import codecs
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from typing import NamedTuple, cast

from dust_ext._core.large_strings import LargeString, LargeStringScanner, SplitText, new_placeholder_prefix
from dust_ext.exceptions import DustResponseTooLargeError

__all__ = ["DEFAULT_MAX_FRAME_CHARS", "SSEDecoder", "ServerSentEvent", "aiter_sse", "iter_sse"]

_SLICE_CHARS = 1024 * 1024
"""Decoded text is split into frames at most this much at a time (bounds the lists a split builds)."""

DEFAULT_MAX_FRAME_CHARS = 32 * 1024 * 1024
"""Characters one SSE frame may hold before :class:`SSEDecoder` refuses it (Dust's largest events, an agent
message with its actions, are a few hundred KB)."""


class ServerSentEvent(NamedTuple):
    """One dispatched server-sent event (an immutable named tuple).

    ``event`` is the event type (``"message"`` when the frame had no ``event:`` field), ``data`` the
    frame's ``data:`` lines joined with ``"\\n"``, ``id`` the stream's last event id as of this frame
    (it persists across frames, as WHATWG specifies; ``None`` until an ``id:`` field is seen) and
    ``retry`` the reconnection delay in milliseconds if this frame carried a valid ``retry:`` field.

    Dust does not use the SSE ``id:`` field for resuming; its event id lives inside the JSON ``data``.

    ``large_strings`` is empty unless the decoder split a large frame (``SSEDecoder(large_string_chars=)``):
    then ``data`` is the frame's JSON skeleton, each large string replaced by its placeholder, and the
    exact frame text is :func:`~dust_ext._core.large_strings.restore_text` of the two.
    """

    event: str = "message"
    data: str = ""
    id: str | None = None
    retry: int | None = None
    large_strings: tuple[LargeString, ...] = ()

    def __repr__(self) -> str:
        return (
            f"ServerSentEvent(event={self.event!r}, data={self.data!r}, id={self.id!r}, retry={self.retry!r})"
        )


# Dust's one-line frames (one event per frame) are built straight from their fields' tuple, skipping the
# keyword-handling __new__ NamedTuple generates: about half the cost per event (the other frames are built
# the usual way).
_new_event = tuple.__new__


class SSEDecoder:
    """Incremental, sans-IO server-sent-events decoder.

    Feed it the response body in chunks of any size with :meth:`feed`; it returns the events completed by
    that chunk. Call :meth:`flush` once at end of stream. Line breaks may be CRLF, LF or CR, and may be
    split across chunks (a CR ending one chunk and an LF starting the next are one line break), as may
    multi-byte UTF-8 characters. A UTF-8 byte-order mark at the very start is dropped; invalid UTF-8 is
    replaced with U+FFFD, as WHATWG requires.

    Frames are dispatched only when they carried at least one ``data:`` line (a bare ``data:`` line
    counts, yielding ``data == ""``); frames with only ``event:``, ``id:``, ``retry:`` or comments are not
    dispatched, though their ``id:`` and ``retry:`` still update :attr:`last_event_id` and :attr:`retry`.

    ``large_string_chars`` (off by default) splits a frame made of one ``data:`` line longer than that: its
    JSON strings longer than that are decoded as they arrive and the frame is dispatched as a skeleton
    plus those strings (:attr:`ServerSentEvent.large_strings`), so the frame's text is never held whole.
    Anything else (several ``data:`` lines, text that is not JSON) is dispatched exactly as without it.
    """

    __slots__ = (
        "_chars_since_event",
        "_data",
        "_data_chars",
        "_event_type",
        "_frame_retry",
        "_in_frame",
        "_pending",
        "_pending_chars",
        "_placeholder_prefix",
        "_scanner",
        "_split",
        "_text_decoder",
        "_trailing_cr",
        "large_string_chars",
        "last_event_id",
        "max_frame_chars",
        "retry",
    )

    last_event_id: str | None
    """The last ``id:`` value seen (persists across frames and survives :meth:`flush`)."""
    retry: int | None
    """The last valid ``retry:`` value seen, in milliseconds (survives :meth:`flush`)."""

    def __init__(
        self, *, max_frame_chars: int = DEFAULT_MAX_FRAME_CHARS, large_string_chars: int | None = None
    ) -> None:
        if max_frame_chars < 1:
            raise ValueError("max_frame_chars must be >= 1")
        if large_string_chars is not None and large_string_chars < 1:
            raise ValueError("large_string_chars must be >= 1")
        self.max_frame_chars = max_frame_chars
        """The most characters one frame (data lines and the line being read) may hold."""
        self.large_string_chars = large_string_chars
        """Characters past which a one-line JSON frame's strings are decoded as they arrive (None: never)."""
        # Unguessable, so that a server cannot send a string the parser would take for a placeholder.
        self._placeholder_prefix = "" if large_string_chars is None else new_placeholder_prefix()
        # The scan of the data line being read, once it passed large_string_chars; then its result until
        # the frame ends.
        self._scanner: LargeStringScanner | None = None
        self._split: SplitText | None = None
        self._text_decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
        # Text received after the last line break, kept as parts so that a long line arriving in many
        # small chunks is joined once rather than re-copied per chunk.
        self._pending: list[str] = []
        self._pending_chars = 0
        self._trailing_cr = False
        self._data: list[str] = []
        self._data_chars = 0
        self._chars_since_event = 0
        # Whether a line of the current frame was seen (a field or comment), i.e. the body is mid-frame.
        self._in_frame = False
        self._event_type = ""
        self._frame_retry: int | None = None
        self.last_event_id = None
        self.retry = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Decode one chunk of the byte stream and return the events it completed, in order.

        Everything read since the last dispatched frame (the frame itself, and blank lines and comments
        before it) counts toward ``max_frame_chars``: a stream of blank lines or comments is refused like
        an oversized frame, and text decoded from a large chunk (a gzip'd body inflates a network read
        up to a thousandfold) is decoded a slice at a time, checked after each."""
        text = self._text_decoder.decode(chunk)
        if len(text) <= _SLICE_CHARS:
            return self._count(self._feed_text(text), len(text))
        events: list[ServerSentEvent] = []
        for start in range(0, len(text), _SLICE_CHARS):
            piece = text[start : start + _SLICE_CHARS]
            events.extend(self._count(self._feed_text(piece), len(piece)))
        return events

    def _count(self, events: list[ServerSentEvent], chars: int) -> list[ServerSentEvent]:
        """Track the characters read without a dispatched frame; refuse them past ``max_frame_chars``."""
        if events:
            self._chars_since_event = 0
            return events
        self._chars_since_event += chars
        if self._chars_since_event > self.max_frame_chars:
            read = self._chars_since_event
            self._chars_since_event = 0
            raise self._too_large(
                f"a server-sent event stream sent {read} characters without an event (blank lines, "
                f"comments or an unfinished frame), past max_frame_chars={self.max_frame_chars}"
            )
        return events

    def _feed_text(self, text: str) -> list[ServerSentEvent]:
        if not text:
            return []
        if self._trailing_cr:
            self._trailing_cr = False
            if text[0] == "\n":
                text = text[1:]
                if not text:
                    return []
        if "\r" in text:
            # A CR may be the first half of a CRLF split across chunks; remember it so the LF that may
            # start the next chunk is not counted as a second (frame-ending) line break.
            self._trailing_cr = text[-1] == "\r"
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if "\n" not in text:
            self._pending_chars += len(text)
            self._check_size(self._pending_chars)
            if self._scanner is not None:
                self._scanner.feed(text)
                return []
            self._pending.append(text)
            if self.large_string_chars is not None and self._pending_chars > self.large_string_chars:
                self._start_scan()
            return []
        events: list[ServerSentEvent] = []
        if self._scanner is not None:
            cut = text.index("\n")
            self._scanner.feed(text[:cut])
            text = text[cut + 1 :]
            self._finish_scan(self._pending_chars + cut)
            if not text:
                return events
        elif self._pending:
            # The line in progress ends at the first line break: join its parts once, now.
            cut = text.index("\n")
            parts = self._pending
            parts.append(text[:cut])
            text = text[cut + 1 :]
            self._pending = []
            self._pending_chars = 0
            events = self._finish_long_line(parts)
            if not text:
                return events
        if self._in_frame:
            # The frame under way ends at the first blank line: a line break right at the start (the
            # previous chunk ended with a line break) or the first "\n\n".
            if text[0] == "\n":
                events = self._process([""])
                text = text[1:]
            else:
                end = text.find("\n\n")
                if end < 0:
                    return self._process_lines(text)
                events = self._process(text[: end + 1].split("\n"))
                text = text[end + 2 :]
        # At a frame boundary: split the text into whole frames at once. Dust's frames are single
        # "data: <json>" lines, dispatched here without the per-line loop; any other frame is decoded
        # line by line.
        frames = text.split("\n\n")
        rest = frames.pop()
        limit = self.max_frame_chars
        append = events.append
        for frame in frames:
            if frame[:6] == "data: " and "\n" not in frame and len(frame) <= limit:
                append(_new_event(ServerSentEvent, ("message", frame[6:], self.last_event_id, None, ())))
            elif not frame or (frame[0] == ":" and "\n" not in frame):
                continue  # a blank line or a lone comment: nothing to dispatch, no state to change
            else:
                events.extend(self._process([*frame.split("\n"), ""]))
        if rest:
            events.extend(self._process_lines(rest))
        return events

    def _finish_long_line(self, parts: list[str]) -> list[ServerSentEvent]:
        """Decode a line that arrived in several chunks (``parts``, emptied here).

        Such a line is a large frame (Dust's terminal event repeats the whole reply). Its parts are freed
        as soon as they are joined, and a ``data:`` line is joined without its field name rather than
        sliced afterwards, so the decoder never holds more than the parts and the line being built.
        """
        first = parts[0]
        if first[:6] != "data: ":
            line = "".join(parts)
            parts.clear()
            return self._process([line])
        line_chars = sum(map(len, parts))
        parts[0] = first[6:]
        del first
        value = "".join(parts)
        parts.clear()
        self._add_line_chars(line_chars)
        if self._split is not None:
            self._join_split(self._data)
        self._data.append(value)
        return []

    def _add_line_chars(self, line_chars: int) -> None:
        """Count a long line that ended into the frame (now under way), refusing a frame past the limit."""
        self._in_frame = True
        self._data_chars += line_chars
        if self._data_chars > self.max_frame_chars:
            raise self._too_large(f"a server-sent event frame exceeded {self.max_frame_chars} characters")

    def _start_scan(self) -> None:
        """The line being read passed ``large_string_chars``: scan it from now on if it is the frame's
        only ``data:`` line so far (a frame of several data lines is joined as always)."""
        parts = self._pending
        head = "".join(part[:6] for part in parts[:6])  # every part holds at least one character
        if head[:6] != "data: " or self._data or self._split is not None:
            return
        scanner = LargeStringScanner(
            threshold=cast(int, self.large_string_chars), placeholder_prefix=self._placeholder_prefix
        )
        skip = 6  # the field name, "data: ", is not data
        for part in parts:
            if skip >= len(part):
                skip -= len(part)
                continue
            scanner.feed(part[skip:] if skip else part)
            skip = 0
        parts.clear()
        self._scanner = scanner

    def _finish_scan(self, line_chars: int) -> None:
        """The scanned line ended (``line_chars`` long): keep its split until the frame ends."""
        scanner = cast(LargeStringScanner, self._scanner)
        self._scanner = None
        self._pending_chars = 0
        split = scanner.finish()
        self._add_line_chars(line_chars)
        if split.intact:
            self._split = split
        else:
            # Not JSON the scan could split: the frame is its exact text, as without splitting.
            self._data.append(split.exact_text())

    def _process_lines(self, text: str) -> list[ServerSentEvent]:
        """Decode the complete lines of ``text`` and keep its unfinished last line as pending."""
        lines = text.split("\n")
        rest = lines.pop()
        events = self._process(lines)
        if rest:
            self._pending = [rest]
            self._pending_chars = len(rest)
            self._check_size(self._pending_chars)
        return events

    @property
    def in_frame(self) -> bool:
        """Whether the bytes fed since the last dispatched frame are an unfinished frame: a line without
        its line break, or lines without the blank line that ends a frame. A body ending here was cut."""
        return bool(self._pending) or self._in_frame or self._scanner is not None

    def _check_size(self, extra: int) -> None:
        size = self._data_chars + extra
        if size > self.max_frame_chars:
            raise self._too_large(
                f"a server-sent event frame exceeded {self.max_frame_chars} characters ({size} so far)"
            )

    def _too_large(self, message: str) -> DustResponseTooLargeError:
        """Drop the frame under way and return the error refusing it."""
        self._reset_frame()
        return DustResponseTooLargeError(message, limit=self.max_frame_chars)

    def _reset_frame(self) -> None:
        self._pending = []
        self._pending_chars = 0
        self._scanner = None
        self._split = None
        self._data = []
        self._data_chars = 0
        self._event_type = ""
        self._frame_retry = None
        self._in_frame = False

    def flush(self) -> list[ServerSentEvent]:
        """Signal end of stream and return any remaining events.

        An unterminated last line is taken as complete and a frame missing its closing blank line is
        dispatched (see the module docstring for why). The decoder is then reset for a new stream, except
        for :attr:`last_event_id` and :attr:`retry`, which WHATWG keeps across reconnections.
        """
        tail = self._text_decoder.decode(b"", True)
        self._text_decoder.reset()
        lines: list[str] = []
        if self._scanner is not None:
            # The scanned line ends here, as an unterminated line does below.
            self._scanner.feed(tail)
            self._finish_scan(self._pending_chars + len(tail))
            tail = ""
        if tail:
            # Only a dangling partial UTF-8 sequence can remain here; it became U+FFFD.
            self._pending.append(tail)
        if self._pending:
            lines.append("".join(self._pending))
        lines.append("")
        events = self._process(lines)
        self._reset_frame()
        self._trailing_cr = False
        return events

    def _process(self, lines: list[str]) -> list[ServerSentEvent]:
        events: list[ServerSentEvent] = []
        data = self._data
        data_chars = self._data_chars
        event_type = self._event_type
        frame_retry = self._frame_retry
        in_frame = self._in_frame
        limit = self.max_frame_chars
        for line in lines:
            if not line:
                in_frame = False
                data_chars = 0
                if data or self._split is not None:
                    events.append(self._dispatch(event_type or "message", data, frame_retry))
                    data = []
                event_type = ""
                frame_retry = None
                continue
            in_frame = True
            data_chars += len(line)
            if data_chars > limit:
                raise self._too_large(f"a server-sent event frame exceeded {limit} characters")
            if line[:6] == "data: ":
                # Dust's frames are all "data: <json>" lines; skipping partition() for them is ~10% faster.
                if self._split is not None:
                    self._join_split(data)
                data.append(line[6:])
                continue
            # A comment line (":...") yields field "" and falls through every branch below.
            field, _, value = line.partition(":")
            if value and value[0] == " ":
                value = value[1:]
            if field == "data":
                if self._split is not None:
                    self._join_split(data)
                data.append(value)
            elif field == "event":
                event_type = value
            elif field == "id":
                if "\0" not in value:
                    self.last_event_id = value
            elif field == "retry" and value.isdigit() and value.isascii():
                frame_retry = self.retry = int(value)
        self._data = data
        self._data_chars = data_chars
        self._event_type = event_type
        self._frame_retry = frame_retry
        self._in_frame = in_frame
        return events

    def _dispatch(self, event_type: str, data: list[str], retry: int | None) -> ServerSentEvent:
        """The event of the frame that just ended: its split line, else its data lines."""
        split = self._split
        if split is None:
            return ServerSentEvent(event_type, "\n".join(data), self.last_event_id, retry)
        self._split = None
        return ServerSentEvent(event_type, split.skeleton, self.last_event_id, retry, split.large_strings)

    def _join_split(self, data: list[str]) -> None:
        """A split line is followed by another data line: the frame is their texts joined, as always."""
        split = cast(SplitText, self._split)
        self._split = None
        data.append(split.exact_text())


def iter_sse(byte_iter: Iterable[bytes]) -> Iterator[ServerSentEvent]:
    """Decode server-sent events from an iterable of byte chunks (e.g. ``response.iter_bytes()``)."""
    decoder = SSEDecoder()
    for chunk in byte_iter:
        yield from decoder.feed(chunk)
    yield from decoder.flush()


async def aiter_sse(byte_iter: AsyncIterable[bytes]) -> AsyncIterator[ServerSentEvent]:
    """Decode server-sent events from an async iterable of byte chunks (e.g. ``response.aiter_bytes()``)."""
    decoder = SSEDecoder()
    async for chunk in byte_iter:
        for event in decoder.feed(chunk):
            yield event
    for event in decoder.flush():
        yield event
