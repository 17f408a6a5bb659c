"""Stream plans decide without a server: what a single-connection stream (app runs, search) or an MCP
server's request stream does when its request fails, its connection drops, or its body ends."""

from __future__ import annotations

import json

import httpx
import pytest

from dust_ext._core.sse import ServerSentEvent
from dust_ext._streaming import SingleConnection
from dust_ext.exceptions import DustConnectionError, DustNotFoundError, DustTimeoutError
from dust_ext.resources.mcp.calls import RequestCursor, RequestStreamPlan

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


# -- an MCP server's request stream (resources/mcp/calls.py RequestStreamPlan) ------------------------------


def request_frame(event_id: str) -> ServerSentEvent:
    request = {"jsonrpc": "2.0", "id": 1, "method": "tools/list"}
    return ServerSentEvent(data=json.dumps({"eventId": event_id, "data": request}))


def request_plan(stop: list[bool] | None = None) -> RequestStreamPlan:
    flag = stop if stop is not None else [False]
    return RequestStreamPlan(
        "/api/v1/w/W/mcp/requests",
        RequestCursor("srv", None),
        reconnect_delay=5.0,
        read_timeout=1.0,
        should_stop=lambda: flag[0],
    )


def test_a_request_stream_resumes_after_the_last_request_and_reconnects_at_once_after_progress() -> None:
    plan = request_plan()
    params, options = plan.open_arguments()
    assert params == {"serverId": "srv"}
    assert options.max_retries == 0
    assert options.timeout == 1.0
    plan.opened("https://dust.example/api/v1/w/W/mcp/requests?serverId=srv")
    assert plan.decode(ServerSentEvent(event="dust-handshake", data="{}")) is None
    request = plan.decode(request_frame("1700000000000-0"))
    assert request is not None
    assert plan.decode(ServerSentEvent(data="done")) is None
    plan.body_ended(mid_frame=False)
    assert plan.next_delay() == 0.0
    assert plan.open_arguments()[0] == {"serverId": "srv", "lastEventId": "1700000000000-0"}


def test_a_request_stream_waits_after_an_empty_connection_or_a_drop_not_after_a_read_timeout() -> None:
    plan = request_plan()
    plan.opened("u")
    plan.body_ended(mid_frame=False)
    assert plan.next_delay() == 5.0
    plan.opened("u")
    plan.dropped(httpx.ReadError("reset"))
    assert plan.next_delay() == 5.0
    plan.opened("u")
    plan.dropped(httpx.ReadTimeout("quiet"))
    assert plan.next_delay() == 0.0
    plan.failed_to_open(DustTimeoutError("connect timed out"))
    assert plan.next_delay() == 0.0
    plan.failed_to_open(DustConnectionError("refused"))
    assert plan.next_delay() == 5.0
    plan.opened("u")
    plan.body_ended(mid_frame=True)
    assert plan.next_delay() == 5.0


def test_a_request_stream_ends_on_stop_and_on_an_http_error() -> None:
    stop = [False]
    plan = request_plan(stop)
    assert not plan.done
    stop[0] = True
    assert plan.done
    assert plan.connection_over
    assert plan.next_delay() is None
    lapsed = DustNotFoundError(404, "Server not registered.")
    with pytest.raises(DustNotFoundError):
        request_plan().failed_to_open(lapsed)
