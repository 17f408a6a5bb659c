"""Stream plans decide without a server: what a single-connection stream (app runs, search) or an MCP
server's request stream does when its request fails, its connection drops, or its body ends."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest

from dust_ext._core.sse import ServerSentEvent
from dust_ext._streaming import SingleConnection, StreamRequest
from dust_ext._streaming.flow import OVER, BodyEnded, Connect, Dropped, Refused
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


def opened(last: str = "final") -> tuple[SingleConnection[str], Callable[[ServerSentEvent], str | None]]:
    plan: SingleConnection[str] = SingleConnection(
        StreamRequest("POST", "/runs"), lambda url: CountingReader(url, last)
    )
    return plan, plan.reader(URL)


def test_the_request_is_sent_as_given_once() -> None:
    plan: SingleConnection[str] = SingleConnection(
        StreamRequest("GET", "/search"), CountingReader, {"query": "roadmap"}
    )
    assert plan.connect() == Connect({"query": "roadmap"}, None)
    assert plan.request.deadlines is None
    plan.reader(URL)
    assert plan.ended(OVER) is None  # never reconnects


def test_named_frames_are_skipped_and_the_terminal_item_ends_the_stream() -> None:
    plan, item_of = opened()
    assert item_of(ServerSentEvent(event="dust-handshake", data="{}")) is None
    assert item_of(ServerSentEvent(data="tokens")) == "tokens"
    assert not plan.over
    assert item_of(ServerSentEvent(data="final")) == "final"
    assert plan.over
    assert plan.ended(OVER) is None


def test_a_failed_request_raises_its_own_error() -> None:
    plan: SingleConnection[str] = SingleConnection(StreamRequest("POST", "/runs"), CountingReader)
    error = DustNotFoundError(404, "App not found.")
    with pytest.raises(DustNotFoundError) as info:
        plan.ended(Refused(error))
    assert info.value is error


def test_a_drop_is_a_connection_error_and_a_read_timeout_a_timeout_error() -> None:
    plan, _ = opened()
    with pytest.raises(DustConnectionError, match="dropped: ReadError") as dropped:
        plan.ended(Dropped(httpx.ReadError("reset")))
    assert not isinstance(dropped.value, DustTimeoutError)
    assert dropped.value.url == URL
    with pytest.raises(DustTimeoutError):
        plan.ended(Dropped(httpx.ReadTimeout("slow")))


def test_a_body_ending_mid_frame_is_cut_and_a_clean_end_asks_the_reader() -> None:
    plan, _ = opened()
    with pytest.raises(DustConnectionError, match="middle of a frame"):
        plan.ended(BodyEnded(mid_frame=True))
    with pytest.raises(DustConnectionError, match="before its final event"):
        plan.ended(BodyEnded(mid_frame=False))
    made: list[CountingReader] = []
    finished: SingleConnection[str] = SingleConnection(
        StreamRequest("POST", "/runs"), lambda url: made.append(CountingReader(url, "x")) or made[-1]
    )
    finished.reader(URL)(ServerSentEvent(data="x"))
    assert finished.ended(BodyEnded(mid_frame=False)) is None  # the reader is content: no error
    assert made[0].ended


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
    connect = plan.connect()
    assert connect is not None
    assert connect.params == {"serverId": "srv"}
    assert connect.options is not None
    assert connect.options.max_retries == 0
    assert connect.options.timeout == 1.0
    item_of = plan.reader("https://dust.example/api/v1/w/W/mcp/requests?serverId=srv")
    assert item_of(ServerSentEvent(event="dust-handshake", data="{}")) is None
    request = item_of(request_frame("1700000000000-0"))
    assert request is not None
    assert item_of(ServerSentEvent(data="done")) is None
    assert plan.ended(BodyEnded(mid_frame=False)) == 0.0
    connect = plan.connect()
    assert connect is not None
    assert connect.params == {"serverId": "srv", "lastEventId": "1700000000000-0"}


def test_a_request_stream_waits_after_an_empty_connection_or_a_drop_not_after_a_read_timeout() -> None:
    plan = request_plan()
    plan.reader("u")
    assert plan.ended(BodyEnded(mid_frame=False)) == 5.0
    plan.reader("u")
    assert plan.ended(Dropped(httpx.ReadError("reset"))) == 5.0
    plan.reader("u")
    assert plan.ended(Dropped(httpx.ReadTimeout("quiet"))) == 0.0
    assert plan.ended(Refused(DustTimeoutError("connect timed out"))) == 0.0
    assert plan.ended(Refused(DustConnectionError("refused"))) == 5.0
    plan.reader("u")
    assert plan.ended(BodyEnded(mid_frame=True)) == 5.0


def test_a_request_stream_ends_on_stop_and_on_an_http_error() -> None:
    stop = [False]
    plan = request_plan(stop)
    assert plan.connect() is not None
    stop[0] = True
    assert plan.connect() is None
    assert plan.over
    assert plan.ended(OVER) is None
    lapsed = DustNotFoundError(404, "Server not registered.")
    with pytest.raises(DustNotFoundError):
        request_plan().ended(Refused(lapsed))
