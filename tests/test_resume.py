"""Tests for the sans-IO resume state of Dust event streams (dust_ext._core.resume)."""

from __future__ import annotations

import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dust_ext._core.resume import DisconnectReason, StreamResumeState, redis_stream_id
from dust_ext.events import (
    AgentErrorEvent,
    AgentMessageSuccessEvent,
    ConversationTitleEvent,
    EventError,
    GenerationTokensEvent,
    UnknownEvent,
)


def tokens(text: str = "x") -> GenerationTokensEvent:
    return GenerationTokensEvent(created=1, configuration_id="helper", message_id="m", text=text)


def success() -> AgentMessageSuccessEvent:
    return AgentMessageSuccessEvent(
        created=1, configuration_id="helper", message_id="m", message={"sId": "m", "content": "x"}
    )


def test_fresh_state_resumes_from_nothing() -> None:
    state = StreamResumeState()
    assert state.last_event_id is None
    assert state.next_query_params() == {}
    assert not state.terminal_reached
    assert state.reconnect_attempts == 0


def test_accept_tracks_last_event_id_as_query_parameter() -> None:
    state = StreamResumeState()
    assert state.accept("1-0", tokens())
    assert state.accept("2-0", tokens())
    assert state.last_event_id == "2-0"
    assert state.next_query_params() == {"lastEventId": "2-0"}


def test_duplicates_are_rejected_and_do_not_move_the_resume_point() -> None:
    state = StreamResumeState()
    for event_id in ("1-0", "2-0", "3-0"):
        assert state.accept(event_id, tokens())
    # A resumed stream replays older events: they are dropped and the resume point stays.
    assert not state.accept("2-0", tokens())
    assert not state.accept("3-0", tokens())
    assert state.last_event_id == "3-0"
    assert state.accept("4-0", tokens())
    assert state.last_event_id == "4-0"


def test_initial_last_event_id_is_a_seen_id() -> None:
    state = StreamResumeState(last_event_id="7-0")
    assert state.next_query_params() == {"lastEventId": "7-0"}
    assert not state.accept("7-0", tokens())
    assert state.accept("8-0", tokens())


def test_terminal_event_is_noticed_on_agent_message_streams() -> None:
    state = StreamResumeState(stop_at_terminal=True)
    state.accept("1-0", tokens())
    assert not state.terminal_reached
    state.accept("2-0", success())
    assert state.terminal_reached
    assert not state.should_reconnect("closed")


@pytest.mark.parametrize(
    "event",
    [
        AgentErrorEvent(
            created=1, configuration_id="h", message_id="m", error=EventError(code="c", message="m")
        ),
        UnknownEvent(type="agent_generation_cancelled", raw={}),
        UnknownEvent(type="user_message_error", raw={}),
    ],
)
def test_terminal_detection_uses_the_event_type(event: AgentErrorEvent | UnknownEvent) -> None:
    state = StreamResumeState()
    state.accept("1", event)
    assert state.terminal_reached


def test_duplicate_terminal_event_is_not_counted_twice() -> None:
    state = StreamResumeState()
    state.accept("1", tokens())
    assert not state.accept("1", success())
    assert not state.terminal_reached


def test_conversation_streams_ignore_terminal_events() -> None:
    state = StreamResumeState(stop_at_terminal=False)
    state.accept("1", success())
    assert not state.terminal_reached
    assert state.should_reconnect("closed")


def test_accept_without_event_only_tracks_ids() -> None:
    state = StreamResumeState()
    assert state.accept("1")
    assert not state.accept("1")
    assert not state.terminal_reached


def test_seen_ids_are_bounded_oldest_forgotten_first() -> None:
    state = StreamResumeState(max_seen_ids=3)
    for event_id in "abcd":
        assert state.accept(event_id)
    assert state.accept("a")  # forgotten: accepted again
    assert not state.accept("c")
    assert not state.accept("d")
    assert len(state._seen_ids) == 3  # the bound holds


@pytest.mark.parametrize("reason", ["connect_error", "read_error", "closed"])
def test_reconnects_on_network_errors_and_closed_streams(reason: DisconnectReason) -> None:
    state = StreamResumeState()
    state.connection_started()
    assert state.should_reconnect(reason)
    assert state.reconnect_attempts == 1


@pytest.mark.parametrize(
    ("status", "reconnect"), [(408, True), (429, True), (500, False), (503, False), (404, False)]
)
def test_reconnects_on_transient_http_statuses_only(status: int, reconnect: bool) -> None:
    state = StreamResumeState()
    state.connection_started()
    assert state.should_reconnect("http_status", status_code=status) is reconnect


def test_retry_statuses_are_configurable() -> None:
    state = StreamResumeState(retry_statuses=frozenset({503}))
    assert state.should_reconnect("http_status", status_code=503)
    assert not state.should_reconnect("http_status", status_code=429)


def test_gives_up_after_max_attempts_without_progress() -> None:
    state = StreamResumeState(max_reconnect_attempts=3)
    decisions = []
    for _ in range(5):
        state.connection_started()
        decisions.append(state.should_reconnect("connect_error"))
    assert decisions == [True, True, True, False, False]


def test_empty_clean_closures_count_as_failures() -> None:
    # A stream that keeps closing without new events (stale or finished server-side) must not loop forever.
    state = StreamResumeState(max_reconnect_attempts=2)
    state.accept("1", tokens())
    state.connection_started()
    assert state.should_reconnect("closed")
    state.connection_started()
    assert state.should_reconnect("closed")
    state.connection_started()
    assert not state.should_reconnect("closed")


def test_progress_resets_the_attempt_count() -> None:
    state = StreamResumeState(max_reconnect_attempts=2)
    state.connection_started()
    assert state.should_reconnect("connect_error")
    state.connection_started()
    assert state.should_reconnect("connect_error")
    assert state.reconnect_attempts == 2
    state.connection_started()
    state.accept("1", tokens())
    assert state.should_reconnect("read_error")
    assert state.reconnect_attempts == 1


def test_only_new_events_count_as_progress() -> None:
    state = StreamResumeState(max_reconnect_attempts=1)
    state.accept("1", tokens())
    state.connection_started()
    assert state.should_reconnect("closed")
    state.connection_started()
    assert not state.accept("1", tokens())  # a replayed duplicate is no progress
    assert not state.should_reconnect("closed")


def test_zero_attempts_never_reconnects() -> None:
    state = StreamResumeState(max_reconnect_attempts=0)
    state.connection_started()
    assert not state.should_reconnect("connect_error")


def test_default_backoff_is_a_fixed_five_seconds() -> None:
    state = StreamResumeState()
    assert [state.backoff_seconds(n) for n in (0, 1, 2, 10)] == [5.0, 5.0, 5.0, 5.0]


def test_exponential_backoff_is_capped() -> None:
    state = StreamResumeState(reconnect_delay=0.5, backoff_multiplier=2, max_delay=3)
    assert [state.backoff_seconds(n) for n in (1, 2, 3, 4, 5)] == [0.5, 1.0, 2.0, 3.0, 3.0]


def test_backoff_defaults_to_the_upcoming_attempt() -> None:
    state = StreamResumeState(reconnect_delay=1, backoff_multiplier=2, max_delay=100)
    for _ in range(3):
        state.connection_started()
        state.should_reconnect("connect_error")
    assert state.backoff_seconds() == 4.0


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_reconnect_attempts": -1},
        {"reconnect_delay": -1.0},
        {"max_delay": -1.0},
        {"backoff_multiplier": 0.5},
        {"max_seen_ids": 0},
    ],
)
def test_invalid_settings_are_rejected(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        StreamResumeState(**kwargs)  # type: ignore[arg-type]


def test_repr_is_short_and_useful() -> None:
    state = StreamResumeState()
    state.accept("1-0", ConversationTitleEvent(created=1, title="T"))
    assert repr(state) == (
        "StreamResumeState(last_event_id='1-0', terminal_reached=False, reconnect_attempts=0, accepted=1)"
    )


# A simulated stream with drops and replays: whatever the server replays, the consumer sees every event
# exactly once and in order, and resumes from the last one it saw.


@given(
    total=st.integers(1, 40),
    drops=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 5)), max_size=8),
)
@settings(max_examples=200)
def test_replays_after_drops_deliver_each_event_once(total: int, drops: list[tuple[int, int]]) -> None:
    ids = [f"{1000 + n}-0" for n in range(total)]
    state = StreamResumeState(stop_at_terminal=False, max_reconnect_attempts=100)
    delivered: list[str] = []
    drop_points = dict(drops)  # position -> how many already-seen events the server replays after it
    position = 0
    while position < total:
        state.connection_started()
        resume_from = state.next_query_params().get("lastEventId")
        start = 0 if resume_from is None else ids.index(resume_from) + 1
        replay = drop_points.pop(position, 0)
        for event_id in ids[max(0, start - replay) :]:
            if state.accept(event_id):
                delivered.append(event_id)
                position += 1
                if position in drop_points:
                    break  # the connection drops here
        assert state.should_reconnect("read_error") or position == total
    assert delivered == ids
    assert state.last_event_id == ids[-1]


# -- accept(): Dust's ids compared inline, any other id through the general path --------------------------------

_id_parts = st.one_of(
    st.integers(0, 10**14).map(str),
    st.sampled_from(
        [
            "",
            "0",
            "007",
            "1695991686152",
            "9" * 20,
            "1" * 21,
            "\u0661\u0662",
            "\uff11\uff12",
            "\u00b2",
            "1.5",
            "a",
        ]
    ),
)
event_ids = st.one_of(
    st.builds(lambda millis, sequence: f"{millis}-{sequence}", _id_parts, _id_parts),
    _id_parts,
    st.text(max_size=12),
)


def _reference_accepts(event_ids: list[str]) -> list[bool]:
    """What accept() answers, every id through redis_stream_id(): a Redis stream id is new above the newest
    one accepted, or strictly between it and the newest one accepted below it (the ids went backwards:
    nothing there was delivered); any other id is new unless seen."""
    high_water: tuple[int, int] | None = None
    below: tuple[int, int] | None = None
    seen: set[str] = set()
    answers = []
    for event_id in event_ids:
        ordered = redis_stream_id(event_id)
        if ordered is not None:
            if high_water is None or ordered > high_water:
                fresh, below, high_water = True, high_water, ordered
            elif ordered == high_water or (below is not None and ordered <= below):
                fresh = False
            else:
                fresh, below = True, ordered
        else:
            fresh = event_id not in seen
            seen.add(event_id)
        answers.append(fresh)
    return answers


@given(st.lists(event_ids, max_size=30))
@settings(max_examples=300)
def test_accept_decides_as_redis_stream_id_ordering_does(ids: list[str]) -> None:
    state = StreamResumeState()
    assert [state.accept(event_id) for event_id in ids] == _reference_accepts(ids)
    accepted = [event_id for event_id, fresh in zip(ids, _reference_accepts(ids), strict=True) if fresh]
    assert state.last_event_id == (accepted[-1] if accepted else None)


# Ids of one shape, the case accept() compares as text: the same length, the dash in the same place, with
# look-alikes of that shape mixed in (non-ASCII digits, a letter, a second dash, leading zeros) and ids one
# character longer or shorter.
_same_shape_ids = st.one_of(
    st.builds(
        lambda millis, sequence: f"{millis}-{sequence}",
        st.sampled_from(
            [
                "1695991686258",
                "1695991686259",
                "1695991686260",
                "0695991686258",
                "169599168625\u0669",
                "16959916862a8",
                "1695991686-58",
            ]
        ),
        st.sampled_from(["0", "1", "9", "\u0661", "a", "-"]),
    ),
    st.sampled_from(["1695991686258", "16959916862580", "1695991686258-10", "1695991686258-"]),
)


@given(st.lists(_same_shape_ids, max_size=40))
@settings(max_examples=300)
def test_accept_compares_ids_of_one_shape_as_their_numbers_do(ids: list[str]) -> None:
    state = StreamResumeState()
    assert [state.accept(event_id) for event_id in ids] == _reference_accepts(ids)


def test_a_repeated_look_alike_id_is_dropped_the_second_time() -> None:
    # Same length and dash as the newest Dust id, and after it as text, but not digits: it is remembered
    # as an id of another form (so its replay is dropped) and the numeric high-water mark is kept.
    state = StreamResumeState()
    assert state.accept("1695991686258-0")
    assert state.accept("16959916862a8-0")
    assert not state.accept("16959916862a8-0")
    assert not state.accept("1695991686258-0")
    assert state.accept("1695991686259-0")
    assert state.last_event_id == "1695991686259-0"


def test_accept_orders_dust_ids_numerically_not_as_text() -> None:
    state = StreamResumeState()
    assert state.accept("999-5")
    assert state.accept("1000-0")  # "1000-0" < "999-5" as text
    assert not state.accept("999-4")  # at or before a delivered event: a replay
    assert state.accept("1000-10")
    assert not state.accept("1000-0")
    assert not state.accept("0001000-10")  # the same id with leading zeros
    assert state.accept(
        "1000-9"
    )  # between 1000-0 and 1000-10: never delivered ("1000-9" > "1000-10" as text)
    assert not state.accept("1000-9")
    assert state.accept("1001")  # a bare millisecond id is "<ms>-0"
    assert not state.accept("1001-0")


def test_accept_orders_canonical_and_other_forms_of_dust_ids_alike() -> None:
    # Canonical ids are compared as text (length first), the others through their numbers: both agree.
    state = StreamResumeState()
    assert state.accept("5-6")
    assert state.accept("5-007")  # leading zeros: 7 > 6
    assert not state.accept("5-7")
    assert not state.accept("\u0665-7")  # non-ASCII digits for 5-7
    assert state.accept("\u0665-8")
    assert not state.accept("5-8")
    assert state.accept("10-0")  # longer is larger, whatever the text order
    assert not state.accept("05-0008")  # the one before, with leading zeros
    assert state.accept("18446744073709551616-0")  # past 64 bits: still ordered
    assert not state.accept("18446744073709551616-00")
    assert not state.accept("10-0")


# -- ids that go backwards: replays dropped (logged), events never delivered kept (logged) -------------------


def test_one_bogus_id_far_ahead_does_not_eat_the_events_after_it(caplog: pytest.LogCaptureFixture) -> None:
    state = StreamResumeState()
    caplog.set_level(logging.DEBUG, logger="dust_ext")
    assert state.accept("1700000000000-0", tokens())
    assert state.accept("99999999999999999999-0", tokens())  # 20 digits: far ahead of every real id
    assert state.accept("1700000000000-1", tokens())
    assert state.accept("1700000000000-2", success())
    assert state.terminal_reached
    assert state.last_event_id == "1700000000000-2"
    # Everything delivered is still a duplicate when replayed.
    for event_id in ("1700000000000-0", "1700000000000-1", "1700000000000-2", "99999999999999999999-0"):
        assert not state.accept(event_id)
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 1  # the first regression; the later ones at DEBUG
    assert "1700000000000-1 arrived after 99999999999999999999-0" in warnings[0]
    dropped = [record.getMessage() for record in caplog.records if "dropping event" in record.getMessage()]
    assert len(dropped) == 4
    assert all(
        record.levelno == logging.DEBUG for record in caplog.records if record.levelno != logging.WARNING
    )


def test_a_resumed_stream_drops_every_id_up_to_its_resume_point() -> None:
    state = StreamResumeState(last_event_id="1700000000000-5")
    assert not state.accept("1700000000000-0")  # nothing below the resume point is "between" anything
    assert not state.accept("1700000000000-5")
    assert state.accept("1700000000000-6")
    assert not state.accept("1700000000000-4")


def test_a_late_event_is_delivered_once_and_its_neighbours_stay_duplicates() -> None:
    # Live events racing the history read: 3 arrives after 4; then 4 is replayed.
    state = StreamResumeState()
    for event_id in ("1-0", "2-0", "4-0"):
        assert state.accept(event_id)
    assert state.accept("3-0")
    assert not state.accept("4-0")
    assert not state.accept("3-0")
    assert not state.accept("2-0")
    assert state.accept("5-0")
