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
:class:`~dust_ext.exceptions.DustResponseTooLargeError` instead of growing without limit.
"""

from __future__ import annotations

import codecs
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from dataclasses import dataclass

from dust_ext.exceptions import DustResponseTooLargeError

__all__ = ["DEFAULT_MAX_FRAME_CHARS", "SSEDecoder", "ServerSentEvent", "aiter_sse", "iter_sse"]

DEFAULT_MAX_FRAME_CHARS = 32 * 1024 * 1024
"""Characters one SSE frame may hold before :class:`SSEDecoder` refuses it (Dust's largest events, an agent
message with its actions, are a few hundred KB)."""


@dataclass(frozen=True, slots=True)
class ServerSentEvent:
    """One dispatched server-sent event.

    ``event`` is the event type (``"message"`` when the frame had no ``event:`` field), ``data`` the
    frame's ``data:`` lines joined with ``"\\n"``, ``id`` the stream's last event id as of this frame
    (it persists across frames, as WHATWG specifies; ``None`` until an ``id:`` field is seen) and
    ``retry`` the reconnection delay in milliseconds if this frame carried a valid ``retry:`` field.

    Dust does not use the SSE ``id:`` field for resuming; its event id lives inside the JSON ``data``.
    """

    event: str = "message"
    data: str = ""
    id: str | None = None
    retry: int | None = None


# Building through the frozen dataclass __init__ (which routes every field through object.__setattr__)
# costs about twice as much as writing the slots directly, and hot streams create one event per frame.
_new_event = object.__new__
_slot_descriptors = vars(ServerSentEvent)
_set_event = _slot_descriptors["event"].__set__
_set_data = _slot_descriptors["data"].__set__
_set_id = _slot_descriptors["id"].__set__
_set_retry = _slot_descriptors["retry"].__set__


def _make_event(event: str, data: str, event_id: str | None, retry: int | None) -> ServerSentEvent:
    sse: ServerSentEvent = _new_event(ServerSentEvent)
    _set_event(sse, event)
    _set_data(sse, data)
    _set_id(sse, event_id)
    _set_retry(sse, retry)
    return sse


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
    """

    __slots__ = (
        "_data",
        "_data_chars",
        "_event_type",
        "_frame_retry",
        "_in_frame",
        "_pending",
        "_pending_chars",
        "_text_decoder",
        "_trailing_cr",
        "last_event_id",
        "max_frame_chars",
        "retry",
    )

    last_event_id: str | None
    """The last ``id:`` value seen (persists across frames and survives :meth:`flush`)."""
    retry: int | None
    """The last valid ``retry:`` value seen, in milliseconds (survives :meth:`flush`)."""

    def __init__(self, *, max_frame_chars: int = DEFAULT_MAX_FRAME_CHARS) -> None:
        if max_frame_chars < 1:
            raise ValueError("max_frame_chars must be >= 1")
        self.max_frame_chars = max_frame_chars
        """The most characters one frame (data lines and the line being read) may hold."""
        self._text_decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
        # Text received after the last line break, kept as parts so that a long line arriving in many
        # small chunks is joined once rather than re-copied per chunk.
        self._pending: list[str] = []
        self._pending_chars = 0
        self._trailing_cr = False
        self._data: list[str] = []
        self._data_chars = 0
        # Whether a line of the current frame was seen (a field or comment), i.e. the body is mid-frame.
        self._in_frame = False
        self._event_type = ""
        self._frame_retry: int | None = None
        self.last_event_id = None
        self.retry = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Decode one chunk of the byte stream and return the events it completed, in order."""
        text = self._text_decoder.decode(chunk)
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
            self._pending.append(text)
            self._pending_chars += len(text)
            self._check_size(self._pending_chars)
            return []
        events: list[ServerSentEvent] = []
        if self._pending:
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
                # _make_event() inlined: this runs once per event.
                sse: ServerSentEvent = _new_event(ServerSentEvent)
                _set_event(sse, "message")
                _set_data(sse, frame[6:])
                _set_id(sse, self.last_event_id)
                _set_retry(sse, None)
                append(sse)
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
        self._in_frame = True
        self._data_chars += line_chars
        if self._data_chars > self.max_frame_chars:
            self._reset_frame()
            raise DustResponseTooLargeError(
                f"a server-sent event frame exceeded {self.max_frame_chars} characters",
                limit=self.max_frame_chars,
            )
        self._data.append(value)
        return []

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
        return bool(self._pending) or self._in_frame

    def _check_size(self, extra: int) -> None:
        if self._data_chars + extra > self.max_frame_chars:
            size = self._data_chars + extra
            self._reset_frame()
            raise DustResponseTooLargeError(
                f"a server-sent event frame exceeded {self.max_frame_chars} characters ({size} so far)",
                limit=self.max_frame_chars,
            )

    def _reset_frame(self) -> None:
        self._pending = []
        self._pending_chars = 0
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
        if tail:
            # Only a dangling partial UTF-8 sequence can remain here; it became U+FFFD.
            self._pending.append(tail)
        if self._pending:
            lines.append("".join(self._pending))
        lines.append("")
        events = self._process(lines)
        self._pending = []
        self._pending_chars = 0
        self._trailing_cr = False
        self._in_frame = False
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
                if data:
                    events.append(
                        _make_event(
                            event_type or "message",
                            data[0] if len(data) == 1 else "\n".join(data),
                            self.last_event_id,
                            frame_retry,
                        )
                    )
                    data = []
                event_type = ""
                frame_retry = None
                continue
            in_frame = True
            data_chars += len(line)
            if data_chars > limit:
                self._reset_frame()
                raise DustResponseTooLargeError(
                    f"a server-sent event frame exceeded {limit} characters", limit=limit
                )
            if line[:6] == "data: ":
                # Dust's frames are all "data: <json>" lines; skipping partition() for them is ~10% faster.
                data.append(line[6:])
                continue
            # A comment line (":...") yields field "" and falls through every branch below.
            field, _, value = line.partition(":")
            if value and value[0] == " ":
                value = value[1:]
            if field == "data":
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
