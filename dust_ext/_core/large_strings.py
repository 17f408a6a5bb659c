"""Splitting one large JSON text, as it arrives, into a small skeleton and its large string values.

Dust's terminal ``agent_message_success`` event repeats the whole reply in ``message.content``: for a long
reply that frame is megabytes of one JSON string. Joined and then parsed, the frame text and the parsed
string are both alive at the parse (twice the reply, on top of the text the caller kept). A
:class:`LargeStringScanner` is fed the frame's text chunk by chunk instead: outside strings and inside short
ones it copies the text to a *skeleton*; a string whose source passes ``threshold`` characters is decoded
piece by piece as its chunks arrive and replaced in the skeleton by a placeholder string, so the frame's
text never exists whole. The skeleton is then parsed the usual way and each value put back where its
placeholder landed (:func:`put_back_large_strings`).

Nothing here may change what a frame means. Text the scan does not decode itself (a raw control character
or an invalid escape inside a string, a lone surrogate escape, a text ending inside a string) ends the
split: the exact frame text is rebuilt (:meth:`SplitText.exact_text`) and parsed as any other frame, so its
result or error is the same, word for word. The rebuild is exact because each decoded piece is checked
against the two canonical encodings (``JSON.stringify``'s, and Python's ``json.dumps`` with every non-ASCII
character escaped) and kept as source text only when it is neither (``\\/``, ``\\u0041``...). Strings
that decode to fewer than :data:`MIN_LARGE_VALUE_CHARS` characters stay in the skeleton, and the
placeholders carry an unguessable prefix, so that neither a short name nor a server's string is mistaken
for a large value.
"""

from __future__ import annotations

import json.decoder
import secrets
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass, fields, is_dataclass
from functools import partial
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import Any, Final

from pydantic import BaseModel

# json's own string scanner, as json.decoder names it publicly (the C one when CPython has it, the function
# JSONDecoder decodes every string with); typeshed does not list the name.
scanstring: Final[Callable[[str, int, bool], tuple[str, int]]] = json.decoder.scanstring  # type: ignore[attr-defined]

__all__ = [
    "DEFAULT_LARGE_STRING_CHARS",
    "MIN_LARGE_VALUE_CHARS",
    "LargeString",
    "LargeStringScanner",
    "SplitText",
    "put_back_large_strings",
]

DEFAULT_LARGE_STRING_CHARS: Final = 1024 * 1024
"""Source characters past which a JSON string of a streamed frame is decoded on its own as it arrives."""

MIN_LARGE_VALUE_CHARS: Final = 256
"""Decoded characters a large string needs to be left out of the skeleton. A string made long only by its
escapes may decode to a short one, and short strings can be names, tags or keys whose value steers
validation (a placeholder in their place would change the result): those go back into the skeleton."""

ASCII_ESCAPED: Final = "\0ascii"
"""In :attr:`LargeString.pieces`, a run whose source is ``json.encoder.encode_basestring_ascii`` of its text
(every non-ASCII character escaped, as Python's ``json.dumps`` writes); a source can hold no raw NUL."""


@dataclass(frozen=True, slots=True, eq=False)
class LargeString:
    """A large string value cut out of a frame: ``placeholder`` stands for it in the skeleton, whose
    JSON token for it starts at ``offset``."""

    placeholder: str
    offset: int
    value: str = ""
    pieces: tuple[tuple[int, str | None], ...] = ()
    """How to write the string's exact source back: ``(decoded end, source)`` per run of pieces, the source
    ``None`` for a run that is ``json.encoder.encode_basestring`` of its text (as ``JSON.stringify`` writes
    it), :data:`ASCII_ESCAPED` for ``encode_basestring_ascii``, otherwise the piece's source itself."""

    def __repr__(self) -> str:
        return f"LargeString({self.placeholder!r}, <{len(self.value)} characters>)"


def _source(value: str, pieces: Sequence[tuple[int, str | None]]) -> str:
    """The exact JSON source, quotes included, of the string ``value`` written as ``pieces`` tell."""
    parts = ['"']
    start = 0
    for end, raw in pieces:
        if raw is None:
            parts.append(encode_basestring(value[start:end])[1:-1])
        elif raw is ASCII_ESCAPED:
            parts.append(encode_basestring_ascii(value[start:end])[1:-1])
        else:
            parts.append(raw)
        start = end
    parts.append('"')
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class SplitText:
    """The scan of one JSON text: its ``skeleton`` (each large string replaced by its placeholder) and
    ``large_strings``; ``intact`` is False when the scan stopped decoding (the skeleton then holds the
    rest of the text as is), and the text must be parsed whole (:meth:`exact_text`)."""

    skeleton: str
    large_strings: tuple[LargeString, ...]
    intact: bool

    def exact_text(self) -> str:
        """The text as it was fed."""
        return restore_text(self.skeleton, self.large_strings)


def restore_text(skeleton: str, large_strings: tuple[LargeString, ...]) -> str:
    """The exact text a skeleton and its large strings were split from."""
    parts = []
    start = 0
    for large in large_strings:
        # By offset, not by search: the skeleton's other strings are the server's.
        parts.append(skeleton[start : large.offset])
        parts.append(_source(large.value, large.pieces))
        start = large.offset + len(encode_basestring(large.placeholder))
    parts.append(skeleton[start:])
    return "".join(parts)


def new_placeholder_prefix() -> str:
    """A prefix for one decoder's placeholders that a server cannot guess (so cannot forge)."""
    return f"\0dust-large-{secrets.token_hex(8)}-"


class LargeStringScanner:
    """Splits the text of one JSON document, fed in chunks, into a :class:`SplitText`.

    Feed every chunk with :meth:`feed`, then call :meth:`finish` once. Strings whose source passes
    ``threshold`` characters are decoded as their chunks arrive (in a generator's local variable, which
    CPython grows in place, so a 50 MB string costs 50 MB, not one copy per chunk)."""

    __slots__ = ("_scan",)

    def __init__(self, *, threshold: int = DEFAULT_LARGE_STRING_CHARS, placeholder_prefix: str) -> None:
        if threshold < 1:
            raise ValueError("threshold must be >= 1")
        self._scan = _scan(threshold, placeholder_prefix)
        next(self._scan)

    def feed(self, text: str) -> None:
        """Scan the next chunk of the text."""
        if text:
            self._scan.send(text)

    def finish(self) -> SplitText:
        """The text ended: its skeleton and large strings."""
        try:
            self._scan.send(None)
        except StopIteration as stop:
            result: SplitText = stop.value
            return result
        raise RuntimeError("the scan did not end")  # pragma: no cover - _scan returns on None


def _scan(threshold: int, placeholder_prefix: str) -> Generator[None, str | None, SplitText]:
    """The scanner's state machine; sends are chunks of text, ``None`` ends the text."""
    skeleton: list[str] = []
    large_strings: list[LargeString] = []
    text = yield
    pos = 0
    while text is not None:
        # Outside strings: copy up to the next opening quote.
        quote = text.find('"', pos)
        if quote < 0:
            if pos < len(text):
                skeleton.append(text[pos:] if pos else text)
            text = yield
            pos = 0
            continue
        skeleton.append(text[pos:quote])
        pos = quote + 1
        # Inside a string: its source is kept as is until it passes the threshold, then only its text, grown
        # piece by piece (every piece is decoded on its way, so an invalid one is seen where it is).
        raw_parts: list[str] = []
        raw_chars = 0
        decoded_parts: list[str] = []
        decoded_chars = 0
        large = False
        value = ""
        runs: list[tuple[int, str | None]] = []
        while True:
            decoded, end, closed = _next_piece(text, pos)
            piece = text[pos:end]
            held = ""
            source: str | None = None  # the piece's source, when it is not one of the canonical encodings
            if decoded is not None and "\\" in piece:
                last = decoded[-1:]
                if not closed and "\ud800" <= last <= "\udbff" and piece[-1] != last:
                    # The first half of a surrogate pair whose second half is in the next chunk: decode
                    # the pair together (apart, they would be two lone surrogates).
                    held = piece[-6:]
                    piece = piece[:-6]
                    decoded = decoded[:-1]
                if ("\\u" in piece or "\\/" in piece) and encode_basestring(decoded)[1:-1] != piece:
                    if ("\\ud" in piece or "\\uD" in piece) and _has_lone_surrogate(decoded):
                        # pydantic's JSON parser rejects a lone surrogate where json accepts it, so the whole
                        # text takes the slow path today: parse it whole to keep that path.
                        decoded = None
                    elif encode_basestring_ascii(decoded)[1:-1] == piece:
                        source = ASCII_ESCAPED
                    else:
                        source = piece
            if decoded is None:
                # An invalid escape or a raw control character: keep the rest as it comes.
                so_far = _source(value, runs)[:-1] if large else '"' + "".join(raw_parts)
                skeleton.append(so_far + text[pos:])
                while (text := (yield)) is not None:
                    skeleton.append(text)
                return SplitText("".join(skeleton), tuple(large_strings), intact=False)
            if piece:
                run_end = (len(value) if large else decoded_chars) + len(decoded)
                if source is None and runs and runs[-1][1] is None:
                    runs[-1] = (run_end, None)  # one run of canonical pieces
                else:
                    runs.append((run_end, source))
            if large:
                # Grown in place: a local str with no other reference is resized, not copied.
                value += decoded
            else:
                raw_parts.append(piece)
                raw_chars += len(piece)
                decoded_parts.append(decoded)
                decoded_chars += len(decoded)
                if raw_chars > threshold:
                    large = True
                    value = "".join(decoded_parts)
                    raw_parts = []
                    decoded_parts = []
            del decoded
            if closed:
                pos = end + 1
                break
            carry = held + text[end:]  # a surrogate held back and an escape cut by the chunk's end
            text = yield
            if text is None:
                # The text ended inside this string.
                so_far = _source(value, runs)[:-1] if large else '"' + "".join(raw_parts)
                skeleton.append(so_far + carry)
                return SplitText("".join(skeleton), tuple(large_strings), intact=False)
            if carry:
                text = carry + text
            pos = 0
        if not large:
            skeleton.append('"' + "".join(raw_parts) + '"')
        elif len(value) < MIN_LARGE_VALUE_CHARS:
            skeleton.append(_source(value, runs))
        else:
            placeholder = f"{placeholder_prefix}{len(large_strings)}"
            skeleton[:] = ["".join(skeleton)]  # small: joined to know where the placeholder goes
            offset = len(skeleton[0])
            skeleton.append(encode_basestring(placeholder))
            large_strings.append(LargeString(placeholder, offset, value, tuple(runs)))
        del value
    return SplitText("".join(skeleton), tuple(large_strings), intact=True)


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode()
    except UnicodeEncodeError:
        return True
    return False


def _next_piece(text: str, pos: int) -> tuple[str | None, int, bool]:
    """Decode the source of a string from ``pos`` (a token boundary) to its closing quote or the chunk's end.

    Returns the decoded text (None when JSON forbids the source: an invalid escape, a raw control
    character), where the piece ends and whether the string closed there (``end`` is then its closing
    quote; otherwise the start of an escape cut by the chunk's end, or the chunk's length)."""
    if text.find('"', pos) >= 0:
        try:
            decoded, after = scanstring(text, pos, True)
        except ValueError:
            pass  # no closing quote before the chunk's end (or the source is not JSON: see below)
        else:
            return decoded, after - 1, True
    end = len(text)
    backslash = text.rfind("\\", max(pos, end - 5))
    if backslash >= 0:
        start = backslash
        while start > pos and text[start - 1] == "\\":
            start -= 1
        # An escape starts at this backslash (not itself escaped) and the chunk ends before the escape does.
        if (backslash - start) % 2 == 0 and (backslash == end - 1 or text[backslash + 1] == "u"):
            end = backslash
    try:
        return scanstring(text[pos:end] + '"', 0, True)[0], end, False
    except ValueError:
        return None, end, False


def put_back_large_strings(root: Any, values: dict[str, str]) -> bool:
    """Put each large string back where its placeholder (a key of ``values``) landed in ``root``.

    ``root`` is what validating a skeleton built: models (written without validation, so
    ``model_fields_set`` and the like are untouched), dataclasses, lists and dicts. Returns False unless each placeholder
    was found exactly once, as a value that could be written back: a placeholder used as a dict key, in a
    tuple or set, transformed or copied by a validator, or in an object this walk does not know means the
    result may not be the one the whole text gives (the caller then parses the whole text)."""
    found: dict[str, int] = dict.fromkeys(values, 0)
    _walk(root, values, found)
    return all(count == 1 for count in found.values())


def _walk(node: Any, values: dict[str, str], found: dict[str, int]) -> None:
    # Containers the skeleton's validation builds; anything else (tuples, sets, other objects) is not
    # walked: a placeholder there is not found, and the caller parses the whole text. Dict keys are not
    # walked either: a placeholder used as a key is not found.
    if isinstance(node, BaseModel):
        _walk_items(node.__dict__.items(), node.__dict__.__setitem__, values, found)
        if node.__pydantic_extra__ is not None:
            _walk_items(node.__pydantic_extra__.items(), node.__pydantic_extra__.__setitem__, values, found)
    elif isinstance(node, dict):
        _walk_items(node.items(), node.__setitem__, values, found)
    elif isinstance(node, list):
        _walk_items(enumerate(node), node.__setitem__, values, found)
    elif is_dataclass(node) and not isinstance(node, type):
        # Written as the dataclass's own __init__ does (frozen ones included).
        items = ((field.name, getattr(node, field.name)) for field in fields(node))
        _walk_items(items, partial(object.__setattr__, node), values, found)


def _walk_items(
    items: Iterable[tuple[Any, Any]],
    write: Callable[[Any, str], object],
    values: dict[str, str],
    found: dict[str, int],
) -> None:
    """Put back each placeholder among ``items`` with ``write(key, value)``; walk the other items."""
    for key, item in items:
        if type(item) is str:
            if item in values:
                found[item] += 1
                write(key, values[item])
        else:
            _walk(item, values, found)
