"""Stream plans decide without a server: what a single-connection stream (app runs, search) does when its
request fails, its connection drops, or its body ends (dust_ext._streaming.session.SingleConnection)."""

from __future__ import annotations

import httpx
import pytest

from dust_ext._sse import ServerSentEvent
from dust_ext._streaming import SingleConnection
from dust_ext.exceptions import DustConnectionError, DustNotFoundError, DustTimeoutError

URL = "https://dust.example/api/v1/w/W/spaces/s/apps/a/runs"


class CountingReader:
    """A frame reader that turns each frame's data into an item and finishes at ``last``."""

    def __init__(self, url: str, last: str = "final") -> None:
        self.url = url
        self.last = last
        self.finished = False
        self.ended = False

    def read(self, sse: ServerSentEvent) -> str | None:
        if not sse.data:
            return None
        self.finished = sse.data == self.last
        return sse.data

    def end(self) -> None:
        self.ended = True
        if not self.finished:
            raise DustConnectionError(f"{self.url} closed before its final event")


def opened(last: str = "final") -> SingleConnection[str]:
    plan: SingleConnection[str] = SingleConnection("POST", "/runs", lambda url: CountingReader(url, last))
    plan.opened(URL)
    return plan


def test_the_request_is_sent_as_given_once() -> None:
    plan: SingleConnection[str] = SingleConnection(
        "GET", "/search", CountingReader, params={"query": "roadmap"}, json=None
    )
    params, options = plan.open_arguments()
    assert params == {"query": "roadmap"}
    assert options is None
    assert plan.next_delay() is None  # never reconnects


def test_named_frames_are_skipped_and_the_terminal_item_ends_the_stream() -> None:
    plan = opened()
    assert plan.decode(ServerSentEvent(event="dust-handshake", data="{}")) is None
    assert plan.decode(ServerSentEvent(data="tokens")) == "tokens"
    assert not plan.done
    assert plan.decode(ServerSentEvent(data="final")) == "final"
    assert plan.done
    assert plan.connection_over


def test_a_failed_request_raises_its_own_error() -> None:
    plan: SingleConnection[str] = SingleConnection("POST", "/runs", CountingReader)
    error = DustNotFoundError(404, "App not found.")
    with pytest.raises(DustNotFoundError) as info:
        plan.failed_to_open(error)
    assert info.value is error


def test_a_drop_is_a_connection_error_and_a_read_timeout_a_timeout_error() -> None:
    plan = opened()
    with pytest.raises(DustConnectionError, match="dropped: ReadError") as dropped:
        plan.dropped(httpx.ReadError("reset"))
    assert not isinstance(dropped.value, DustTimeoutError)
    assert dropped.value.url == URL
    with pytest.raises(DustTimeoutError):
        plan.dropped(httpx.ReadTimeout("slow"))


def test_a_body_ending_mid_frame_is_cut_and_a_clean_end_asks_the_reader() -> None:
    plan = opened()
    with pytest.raises(DustConnectionError, match="middle of a frame"):
        plan.body_ended(mid_frame=True)
    with pytest.raises(DustConnectionError, match="before its final event"):
        plan.body_ended(mid_frame=False)
    finished = opened(last="x")
    finished.decode(ServerSentEvent(data="x"))
    finished.body_ended(mid_frame=False)  # the reader is content: no error
    assert isinstance(finished.reader, CountingReader)
    assert finished.reader.ended
