"""Splitting a large JSON frame into a skeleton and its large strings (dust_ext._core.large_strings), and
parsing the split frame (dust_ext.events.parse_split_frame) into the event the whole text gives.

The threshold is set to a few characters so that the large-string path runs on small documents; every
document is cut at every position (and at random ones) so that chunks end inside escapes, surrogate pairs
and the characters around quotes."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict
from test_events_fast_path import observable, recorded_frames

from dust_ext._core.large_strings import (
    MIN_LARGE_VALUE_CHARS,
    LargeStringScanner,
    SplitText,
    new_placeholder_prefix,
    put_back_large_strings,
)
from dust_ext._core.sse import ServerSentEvent, SSEDecoder
from dust_ext.events import AgentMessageSuccessEvent, DustEventDecodeError, parse_frame, parse_split_frame

PREFIX = "\0dust-large-test-"
LONG = MIN_LARGE_VALUE_CHARS + 40
# Every escape JSON has, raw non-ASCII and emoji (raw, and as a surrogate pair of escapes).
SPECIALS = ['"', "\\", "/", "\b", "\f", "\n", "\r", "\t", "\x00", "\x1f", "\x7f", "é", "€", "😀", "\u2028"]


def split(chunks: list[str], threshold: int = 8) -> SplitText:
    scanner = LargeStringScanner(threshold=threshold, placeholder_prefix=PREFIX)
    for chunk in chunks:
        scanner.feed(chunk)
    return scanner.finish()


def cuts_of(text: str, rng: random.Random, every: bool = True) -> list[list[str]]:
    """The text in two pieces at every position, in three around every position, and in random pieces."""
    ways: list[list[str]] = []
    if every:
        ways += [[text[:i], text[i:]] for i in range(len(text) + 1)]
        ways += [[text[:i], text[i : i + 5], text[i + 5 :]] for i in range(len(text))]
    for _ in range(30):
        cuts = sorted(rng.sample(range(len(text) + 1), min(12, len(text))))
        ways.append([text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)])
    ways.append(list(text))
    return ways


def odd_escapes(value: str) -> str:
    """A JSON string with escapes json.dumps never writes: \\/ and upper-case \\u escapes for letters."""
    body = json.dumps(value, ensure_ascii=False)[1:-1]  # its only \\u escapes are \\u0000 and \\u001f
    return '"' + body.replace("/", "\\/").replace("a", "\\u0061").replace("Z", "\\u005A") + '"'


def long_text(rng: random.Random) -> str:
    return "".join(rng.choice([*SPECIALS, "a", "Z", "word ", "x" * 7]) for _ in range(LONG))


def random_document(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(6 if depth < 3 else 3)
    if kind == 0:
        return long_text(rng)
    if kind == 1:
        return rng.choice(["", "short", "é😀", 'q"\\', 1, 2.5, None, True, False])
    if kind == 2:
        return rng.choice(["a" * 20, "\\" * 9, "\n" * 10])  # short when decoded, over the threshold as source
    if kind == 3:
        return [random_document(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {f"k{i}": random_document(rng, depth + 1) for i in range(rng.randrange(4))}


def dumps_with_odd_escapes(document: Any) -> str:
    if isinstance(document, str):
        return odd_escapes(document)
    if isinstance(document, list):
        return "[" + ",".join(dumps_with_odd_escapes(item) for item in document) + "]"
    if isinstance(document, dict):
        members = (f"{json.dumps(k)}:{dumps_with_odd_escapes(v)}" for k, v in document.items())
        return "{" + ",".join(members) + "}"
    return json.dumps(document)


def encodings(document: Any) -> list[str]:
    """The document as JSON.stringify writes it, with every non-ASCII character escaped, indented, and
    with escapes no encoder of ours writes."""
    return [
        json.dumps(document, ensure_ascii=False),
        json.dumps(document),
        json.dumps(document, indent=1),
        dumps_with_odd_escapes(document),
    ]


def long_strings(document: Any) -> int:
    if isinstance(document, str):
        return len(document) >= MIN_LARGE_VALUE_CHARS
    if isinstance(document, list):
        return sum(long_strings(item) for item in document)
    if isinstance(document, dict):
        return sum(long_strings(item) for item in document.values())
    return 0


NOT_PUT_BACK = object()


def rebuilt(result: SplitText) -> Any:
    """The document a split text stands for: its skeleton parsed, its large strings put back
    (:data:`NOT_PUT_BACK` when they could not be: the whole text is then parsed instead)."""
    parsed = json.loads(result.skeleton)
    values = {large.placeholder: large.value for large in result.large_strings}
    if isinstance(parsed, str):
        return values.get(parsed, parsed)
    return parsed if put_back_large_strings(parsed, values) else NOT_PUT_BACK


# -- the scanner ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(12))
def test_any_cut_of_a_document_splits_into_a_skeleton_and_strings_that_rebuild_it(seed: int) -> None:
    rng = random.Random(seed)
    document = {"eventId": "1-0", "data": random_document(rng), "tail": long_text(rng)}
    for text in encodings(document):
        expected = json.loads(text)
        for chunks in cuts_of(text, rng, every=seed < 3):
            result = split(chunks)
            assert result.intact
            # Each string of MIN_LARGE_VALUE_CHARS or more left the skeleton, and only those.
            assert len(result.large_strings) == long_strings(expected)
            assert len(result.skeleton) < len(text) - (MIN_LARGE_VALUE_CHARS - 40) * len(result.large_strings)
            assert all(large.placeholder.startswith(PREFIX) for large in result.large_strings)
            assert rebuilt(result) == expected
            assert result.exact_text() == text


@pytest.mark.parametrize(
    "source",
    [
        "\\ud83d\\ude00" * 260,  # surrogate pairs as escapes (a cut between the halves must not matter)
        "\\uD83D\\uDE00\\u00e9\\u20AC" * 90,  # upper-case hex, non-canonical escapes
        "é€😀\u2028" * 80,  # raw non-ASCII
        '\\/\\\\\\"\\b\\f\\n\\r\\t' * 40,  # every two-character escape
        "\\u0000\\u001f\\u007f" * 100,
    ],
)
def test_escapes_cut_anywhere_decode_as_json_does(source: str) -> None:
    text = '{"a": "' + source + '", "b": "' + source + '"}'
    expected = json.loads(text)
    for chunks in cuts_of(text, random.Random(0)):
        result = split(chunks)
        assert result.intact
        assert len(result.large_strings) == 2
        assert rebuilt(result) == expected
        assert result.exact_text() == text


def test_a_document_that_is_one_large_string_and_one_without_strings() -> None:
    text = json.dumps("x" * LONG)
    result = split([text[:50], text[50:]])
    assert result.skeleton == json.dumps(result.large_strings[0].placeholder)
    assert result.large_strings[0].value == "x" * LONG
    numbers = "[" + ", ".join(str(n) for n in range(200)) + "]"
    assert split([numbers[:7], numbers[7:]]) == SplitText(numbers, (), intact=True)


def test_large_strings_are_kept_whole_below_the_threshold() -> None:
    text = json.dumps({"a": "x" * LONG})
    result = split([text], threshold=LONG + 1)
    assert result == SplitText(text, (), intact=True)


@pytest.mark.parametrize(
    "text",
    [
        '{"a": "' + "x" * LONG + '\ty"}',  # a raw control character
        '{"a": "' + "x" * LONG + '\\xy"}',  # an invalid escape
        '{"a": "' + "x" * LONG + '\\u12G4"}',  # an invalid \\u escape
        '{"a": "' + "x" * LONG + '\\ud83d"}',  # a lone high surrogate (pydantic and json disagree)
        '{"a": "' + "x" * LONG + '\\ude00 y"}',  # a lone low surrogate
        '{"a": "' + "x" * LONG + '\\ud83dy"}',
        '{"a": "' + "x" * LONG,  # the text ends inside the string
        '{"a": "' + "x" * LONG + "\\u00",  # ... inside an escape
        '{"a": "' + "x" * LONG + '", ',  # ... after it
        '{"a": "short\tone", "b": "' + "x" * LONG + '"}',  # a control character in a short string
        '{"a": x"' + "x" * LONG + '"}',  # not JSON outside strings
        '"' + "x" * LONG + '" "' + "y" * LONG + '"',  # two documents
        '{"a": "' + "x" * LONG + '\\u0041\\/", "a": 1}',  # duplicate keys: the large one is dropped
    ],
)
def test_text_that_is_not_plain_json_is_given_back_exactly(text: str) -> None:
    try:
        expected: Any = json.loads(text)
    except ValueError:
        expected = ValueError
    for chunks in cuts_of(text, random.Random(1)):
        result = split(chunks)
        assert result.exact_text() == text
        if result.intact:
            # Kept split only when what is off is outside the large strings, where the skeleton shows it:
            # its parse fails as the whole text's does, or the strings cannot be put back.
            try:
                got: Any = rebuilt(result)
            except ValueError:
                got = ValueError
            assert got in (expected, NOT_PUT_BACK)
        else:
            assert '"' + "x" * LONG in result.skeleton


def test_a_canonical_large_string_keeps_no_source_text() -> None:
    text = json.dumps({"content": "word " * 10_000})
    result = split([text[i : i + 4096] for i in range(0, len(text), 4096)], threshold=1024)
    (large,) = result.large_strings
    assert large.value == "word " * 10_000
    assert large.pieces == ((50_000, None),)  # one canonical run: no source kept


# -- putting the strings back -------------------------------------------------------------------------------


class Inner(BaseModel):
    model_config = ConfigDict(extra="allow")
    text: str
    items: list[Any] = []


class Outer(BaseModel):
    model_config = ConfigDict(extra="allow")
    inner: Inner
    mapping: dict[str, Any] = {}


def test_strings_are_put_back_into_models_lists_dicts_and_extras_without_validation() -> None:
    model = Outer.model_validate(
        {"inner": {"text": "P0", "items": ["x", {"deep": "P1"}], "more": "P2"}, "mapping": {"k": ["P3"]}}
    )
    fields_set = (model.model_fields_set, model.inner.model_fields_set)
    values = {"P0": "zero", "P1": "one", "P2": "two", "P3": "three"}
    assert put_back_large_strings(model, values)
    assert model.inner.text == "zero"
    assert model.inner.items == ["x", {"deep": "one"}]
    assert model.inner.model_extra == {"more": "two"}
    assert model.mapping == {"k": ["three"]}
    assert (model.model_fields_set, model.inner.model_fields_set) == fields_set


@pytest.mark.parametrize(
    "root",
    [
        {"a": "P0", "b": "P0"},  # found twice (a validator copied it)
        {"a": "p0"},  # not found (a validator transformed it)
        {"P0": 1},  # a dict key
        {"a": ("P0",)},  # in a tuple
        {"a": {"P0"}},  # in a set
    ],
)
def test_a_placeholder_not_found_exactly_once_as_a_value_is_refused(root: Any) -> None:
    assert not put_back_large_strings(root, {"P0": "value"})


# -- split frames parse to the events of the whole text ----------------------------------------------------------


def decode_split(frame_text: str, *, chunk: int = 7, threshold: int = 8) -> ServerSentEvent:
    raw = f"data: {frame_text}\n\n".encode()
    decoder = SSEDecoder(large_string_chars=threshold)
    events = [e for i in range(0, len(raw), chunk) for e in decoder.feed(raw[i : i + chunk])]
    events += decoder.flush()
    (sse,) = events
    return sse


def assert_split_parse_is_the_whole_parse(frame_text: str, **options: Any) -> None:
    sse = decode_split(frame_text, **options)
    try:
        expected: Any = observable(parse_frame(frame_text))
    except DustEventDecodeError as error:
        expected = (error.message, error.raw)
    try:
        got: Any = observable(parse_split_frame(sse.data, sse.large_strings) if sse.large_strings else None)
        if not sse.large_strings:
            assert sse.data == frame_text
            got = observable(parse_frame(sse.data))
    except DustEventDecodeError as error:
        got = (error.message, error.raw)
    assert got == expected


def long_terminal(content: str, **message: Any) -> str:
    success = json.loads(next(f for f in recorded_frames() if "agent_message_success" in f))
    success["data"]["message"].update(content=content, **message)
    return json.dumps(success)


@pytest.mark.parametrize("frame_text", recorded_frames())
def test_recorded_frames_split_with_a_tiny_threshold_parse_the_same(frame_text: str) -> None:
    assert_split_parse_is_the_whole_parse(frame_text, chunk=5)


@pytest.mark.parametrize("chunk", [1, 3, 7, 64])
def test_a_long_terminal_event_split_in_small_chunks_is_the_same_event(chunk: int) -> None:
    reply = 'Réponse 😀 "cited" \\ path/to\n\t' * 40
    frame_text = long_terminal(reply, chainOfThought="thinking… " * 40, newField=["x" * 300])
    assert_split_parse_is_the_whole_parse(frame_text, chunk=chunk)
    sse = decode_split(frame_text, chunk=chunk)
    assert len(sse.large_strings) == 3
    frame = parse_split_frame(sse.data, sse.large_strings)
    assert frame is not None
    assert isinstance(frame.event, AgentMessageSuccessEvent)
    assert frame.event.message.content == reply
    ascii_frame = long_terminal(reply, chainOfThought=None).encode("ascii", "backslashreplace").decode()
    assert_split_parse_is_the_whole_parse(json.dumps(json.loads(ascii_frame)), chunk=chunk)


@pytest.mark.parametrize(
    "frame_text",
    [
        long_terminal("x" * LONG).replace("xxxx", "x\tx", 1),  # a raw control character in the content
        long_terminal("x" * LONG).replace("xxxx", "x\\qx", 1),  # an invalid escape
        long_terminal("x" * LONG).replace("xxxx", "x\\ud83dx", 1),  # a lone surrogate
        long_terminal("x" * LONG).replace('"type": "agent_message"', '"type": 7'),  # fails validation
        long_terminal("x" * LONG).replace('"agent_message_success"', '"agent_brand_new"'),  # unknown
        long_terminal("x" * LONG, id="not a number"),
        long_terminal("x" * LONG)[:-40],  # cut short
        json.dumps({"eventId": "9-0", "data": {"type": "x" * LONG}}),
        json.dumps({"eventId": "e" * LONG, "data": {"type": "agent_context_pruned"}}),
        json.dumps(
            {"eventId": "9-0", "data": {"type": "conversation_title", "created": 1, "title": "t" * LONG}}
        ),
    ],
)
def test_frames_the_shortcut_cannot_prove_are_parsed_whole_with_the_same_result(frame_text: str) -> None:
    assert_split_parse_is_the_whole_parse(frame_text)


def test_a_placeholder_sent_by_the_server_is_not_substituted() -> None:
    # Each decoder draws its own placeholder prefix; a server cannot know it.
    assert new_placeholder_prefix() != new_placeholder_prefix()
    reply = "r" * LONG
    forged = "\0dust-large-0123456789abcdef-0"
    frame_text = long_terminal(reply, chainOfThought=forged)
    sse = decode_split(frame_text)
    frame = parse_split_frame(sse.data, sse.large_strings)
    assert frame is not None
    assert isinstance(frame.event, AgentMessageSuccessEvent)
    assert frame.event.message.chainOfThought == forged
    assert frame.event.message.content == reply
    # Even a server that guessed the prefix gets the whole-text parse (its copy makes the placeholder
    # appear twice), not its string replaced.
    guessed = sse.large_strings[0].placeholder
    decoder = SSEDecoder(large_string_chars=8)
    decoder._placeholder_prefix = guessed[:-1]
    frame_text = long_terminal(reply, chainOfThought=guessed)
    (sse,) = decoder.feed(f"data: {frame_text}\n\n".encode()[:100]) + decoder.feed(
        f"data: {frame_text}\n\n".encode()[100:]
    )
    assert sse.large_strings[0].placeholder == guessed
    frame = parse_split_frame(sse.data, sse.large_strings)
    assert frame is not None
    assert observable(frame) == observable(parse_frame(frame_text))
    assert isinstance(frame.event, AgentMessageSuccessEvent)
    assert frame.event.message.chainOfThought == guessed
