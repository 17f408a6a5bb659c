"""Tests for the sans-IO redirect decision of event streams (dust_ext._core.redirect), and how a stream
follows Dust's 307 on the emulator."""

from __future__ import annotations

import logging
import pickle
from collections.abc import Generator
from typing import Any

import httpx
import pytest
from sdk_support import emulator_config

from dust_ext import AsyncDustClient, DustClient, DustConfig, RetryPolicy
from dust_ext._core.body import BoundedBody
from dust_ext._core.call import SSE_MEDIA_TYPE, Call, unparsed
from dust_ext._core.redirect import MAX_STREAM_REDIRECTS, SSE_PATH_PREFIX, RedirectChain
from dust_ext._core.request import Answer, AttemptLoop
from dust_ext._http import HTTP
from dust_ext.exceptions import (
    DustAPIError,
    DustNotFoundError,
    DustRedirectError,
    DustTimeoutError,
    error_from_response,
)
from dust_ext.testing import EmulatorServer
from dust_ext.testing.hostile import Exchange, HostileServer, response_bytes

BASE = "https://dust.tt"
V1 = f"{BASE}/api/v1/w/W/assistant/conversations/c/events?lastEventId=1-0"


def redirect(status: int, url: str, location: str | None) -> DustAPIError:
    headers = {"Location": location} if location is not None else {}
    return error_from_response(status, headers, b"", "GET", url)


def test_dust_sse_redirect_is_followed_with_its_query() -> None:
    chain = RedirectChain(BASE, "GET")
    target = chain.next_url(
        redirect(307, V1, "/api/sse/v1/w/W/assistant/conversations/c/events?lastEventId=1-0")
    )
    assert target == f"{BASE}/api/sse/v1/w/W/assistant/conversations/c/events?lastEventId=1-0"
    assert chain.visited == [V1]


def test_absolute_same_origin_location_with_default_port_is_same_origin() -> None:
    chain = RedirectChain(BASE, "GET")
    assert chain.next_url(redirect(307, V1, "https://dust.tt:443/api/sse/x")) == f"{BASE}/api/sse/x"


@pytest.mark.parametrize(
    "location",
    [
        "https://evil.example/api/sse/v1/w/W/events",
        "http://dust.tt/api/sse/v1/w/W/events",  # a downgrade to http is another origin
        "https://dust.tt:8443/api/sse/v1/w/W/events",
        "//evil.example/x",
    ],
)
def test_other_origins_are_refused(location: str) -> None:
    with pytest.raises(DustRedirectError) as info:
        RedirectChain(BASE, "GET").next_url(redirect(307, V1, location))
    assert info.value.url == V1
    assert "another origin" in str(info.value)


def test_a_loop_is_refused_at_the_first_repeat() -> None:
    chain = RedirectChain(BASE, "GET")
    sse = f"{BASE}/api/sse/v1/w/W/assistant/conversations/c/events"
    chain.next_url(redirect(307, f"{BASE}/api/v1/w/W/assistant/conversations/c/events", sse))
    with pytest.raises(DustRedirectError, match="redirect loop"):
        chain.next_url(redirect(307, sse, "/api/v1/w/W/assistant/conversations/c/events"))


def test_hops_are_bounded() -> None:
    chain = RedirectChain(BASE, "GET")
    for hop in range(MAX_STREAM_REDIRECTS):
        chain.next_url(redirect(302, f"{BASE}/hop/{hop}", f"/hop/{hop + 1}"))
    with pytest.raises(DustRedirectError, match=f"more than {MAX_STREAM_REDIRECTS} redirects"):
        chain.next_url(redirect(302, f"{BASE}/hop/{MAX_STREAM_REDIRECTS}", "/elsewhere"))


def test_a_redirect_without_location_is_refused() -> None:
    with pytest.raises(DustRedirectError, match="without a Location"):
        RedirectChain(BASE, "GET").next_url(redirect(307, V1, None))


def test_a_post_follows_only_method_keeping_redirects() -> None:
    runs = f"{BASE}/api/v1/w/W/spaces/s/apps/a/runs"
    assert (
        RedirectChain(BASE, "POST").next_url(redirect(307, runs, "/api/sse/runs")).endswith("/api/sse/runs")
    )
    with pytest.raises(DustRedirectError, match="as a GET"):
        RedirectChain(BASE, "POST").next_url(redirect(303, runs, "/api/sse/runs"))


def test_errors_that_are_not_redirects_are_raised_as_they_are() -> None:
    error = error_from_response(404, {}, b'{"error": {"type": "conversation_not_found"}}', "GET", V1)
    with pytest.raises(DustNotFoundError) as info:
        RedirectChain(BASE, "GET").next_url(error)
    assert info.value is error


def test_redirect_errors_pickle() -> None:
    error = DustRedirectError("refused", url="u", location="l")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.url, copy.location) == (DustRedirectError, "refused", "u", "l")


def test_a_cross_origin_chain_follows_another_origin_but_keeps_its_other_limits() -> None:
    # A download: Dust's 302 to a signed storage URL (the request path sends it no key).
    download = f"{BASE}/api/v1/w/W/files/fil_1?action=download"
    signed = "https://storage.example/bucket/fil_1?X-Goog-Signature=abc"
    chain = RedirectChain(BASE, "GET", cross_origin=True)
    assert chain.next_url(redirect(302, download, signed)) == signed
    with pytest.raises(DustRedirectError, match="back to the Dust host"):
        chain.next_url(redirect(302, signed, download))
    with pytest.raises(DustRedirectError, match="redirect loop"):
        chain.next_url(redirect(302, signed, signed))
    with pytest.raises(DustRedirectError, match="another origin"):
        RedirectChain(BASE, "GET").next_url(redirect(302, download, signed))


@pytest.mark.parametrize(
    "location",
    [
        "/api/sse/v1/w/W/x?lastEventId=1-0",
        "x",
        "../y",
        "?q=1",
        "#f",
        "./",
        "/a b",
        "  /leading-spaces",
        "/tab\there",
        "/nbsp\xa0x",
        "/\u00e9/\u00fc?x=\u00f1",
        "HTTPS://Dust.TT/Z",
        "https://dust.tt:443/x",
        "/%2e%2e/x",
        "https://dust.tt/a/../b",
        '/q"<>{}|^`x',
        "/\\other.com",
        "https:/x",
        "https:x",
    ],
)
def test_the_next_url_is_what_httpx_joins(location: str) -> None:
    # next_url (a download's hop) goes where httpx joins the Location, as follow (a stream's) does.
    try:
        expected = str(httpx.URL(V1).join(location))
    except httpx.InvalidURL:
        with pytest.raises(httpx.InvalidURL):
            RedirectChain(BASE, "GET").next_url(redirect(307, V1, location))
        return
    assert RedirectChain(BASE, "GET").next_url(redirect(307, V1, location)) == expected


@pytest.mark.parametrize(
    "location",
    [
        "/api/v1/w/W/assistant/conversations/c/messages",  # any other Dust endpoint, key attached
        "/api/ssex/v1/w/W/events",
        "/",
        "https://dust.tt/api/v1/w/W/files/f",
    ],
)
def test_a_stream_follows_same_origin_redirects_only_under_api_sse(location: str) -> None:
    chain = RedirectChain(BASE, "GET", path_prefix="/api/sse/")
    with pytest.raises(DustRedirectError, match="only redirects event streams under /api/sse/"):
        chain.next_url(redirect(307, V1, location))
    assert chain.next_url(redirect(307, V1, "/api/sse/v1/w/W/x")) == f"{BASE}/api/sse/v1/w/W/x"


@pytest.mark.parametrize("cross_origin", [False, True])
def test_credentials_in_a_location_are_refused(cross_origin: bool) -> None:
    # httpx sends a URL's userinfo as Basic auth, in place of the Bearer key
    chain = RedirectChain(BASE, "GET", cross_origin=cross_origin)
    with pytest.raises(DustRedirectError, match="credentials") as info:
        chain.next_url(redirect(307, V1, "https://attacker:pw@dust.tt/api/sse/v1/w/W/x"))
    assert "pw" not in str(info.value)
    assert "attacker" not in str(info.value.location)


def test_a_location_holding_the_key_is_refused() -> None:
    # the request path scrubs the key from the error's headers; the chain must not follow what is left
    error = error_from_response(307, {"Location": "/api/sse/x?k=[redacted]"}, b"", "GET", V1)
    with pytest.raises(DustRedirectError, match="holds the API key"):
        RedirectChain(BASE, "GET").next_url(error)


def test_a_download_that_left_the_dust_host_never_comes_back_to_it() -> None:
    download = f"{BASE}/api/v1/w/W/files/fil_1?action=download"
    signed = "https://storage.example/bucket/fil_1"
    chain = RedirectChain(BASE, "GET", cross_origin=True)
    assert chain.next_url(redirect(302, download, signed)) == signed
    with pytest.raises(DustRedirectError, match="back to the Dust host"):
        chain.next_url(redirect(302, signed, f"{BASE}/api/v1/w/W/assistant/conversations"))


def answer(url: str, status: int, location: str | None) -> httpx.Response:
    """A redirect response as a stream gets it: sent through an httpx client, which joined its Location."""
    headers = {"Location": location} if location is not None else {}
    transport = httpx.MockTransport(lambda request: httpx.Response(status, headers=headers))
    with httpx.Client(transport=transport) as client:
        return client.send(client.build_request("GET", url), follow_redirects=False)


def test_follow_goes_where_httpx_joined_the_location_without_parsing_it_again() -> None:
    chain = RedirectChain(BASE, "GET", path_prefix="/api/sse/")
    sse = "/api/sse/v1/w/W/assistant/conversations/c/events?lastEventId=1-0"
    response = answer(V1, 307, sse)
    target = chain.follow(response, str)
    assert response.next_request is not None
    assert target is response.next_request.url
    assert str(target) == f"{BASE}{sse}" == chain.target
    assert chain.visited == [V1]
    with pytest.raises(DustRedirectError, match="without a Location"):
        RedirectChain(BASE, "GET").follow(answer(V1, 307, None), str)
    with pytest.raises(DustRedirectError, match="another origin"):
        RedirectChain(BASE, "GET").follow(answer(V1, 307, "https://evil.example/api/sse/x"), str)


KEY = "sk-redirect-key"


def redact(text: str) -> str:
    return text.replace(KEY, "[redacted]")


def test_follow_judges_and_shows_the_urls_httpx_joined_without_the_key() -> None:
    # httpx joins the real URLs: a Location holding the key is refused, and neither the error nor the chain
    # shows the key that the URL asked for carried in its query
    current = f"{BASE}/api/sse/v1/w/W/events?k={KEY}"
    with pytest.raises(DustRedirectError, match="holds the API key") as info:
        RedirectChain(BASE, "GET").follow(answer(current, 307, f"/api/sse/x?k={KEY}"), redact)
    assert KEY not in f"{info.value} {info.value.url} {info.value.location}"
    chain = RedirectChain(BASE, "GET")
    chain.follow(answer(current, 307, "#f"), redact)
    with pytest.raises(DustRedirectError, match="loop") as info:
        chain.follow(answer(f"{current}#f", 307, "#f"), redact)
    assert KEY not in f"{info.value} {info.value.url} {info.value.location} {chain.visited} {chain.target}"
    chain = RedirectChain(BASE, "GET")
    assert KEY in str(chain.follow(answer(current, 307, "#f"), redact))  # the same request, to the Dust host
    assert chain.target == redact(f"{current}#f")


# -- a followed stream redirect in the logs (the emulator answers 307 on every /api/v1 event stream) -------


def assert_redirect_logged_as_a_step(records: list[logging.LogRecord]) -> None:
    above_debug = [r.getMessage() for r in records if r.levelno > logging.DEBUG]
    assert not [m for m in above_debug if "giving up" in m or " 307 " in m or "-> 307" in m], above_debug
    followed = [r for r in records if "-> 307 redirect, following it to" in r.getMessage()]
    assert followed
    assert all(r.levelno == logging.DEBUG and "/api/sse/" in r.getMessage() for r in followed)


def test_a_chat_stream_follows_its_307_quietly(
    fresh_dust_emulator: EmulatorServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="dust_ext")
    client = DustClient(emulator_config(fresh_dust_emulator))
    with client, client.chat.stream(agent="streamer", text="tokens=3 go") as stream:
        text = "".join(stream.text_stream)
    assert text == "token-1 token-2 token-3"
    assert_redirect_logged_as_a_step(caplog.records)


async def test_an_async_chat_stream_follows_its_307_quietly(
    fresh_dust_emulator: EmulatorServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="dust_ext")
    client = AsyncDustClient(emulator_config(fresh_dust_emulator))
    async with client, client.chat.stream(agent="streamer", text="tokens=3 go") as stream:
        text = "".join([delta async for delta in stream.text_stream])
    assert text == "token-1 token-2 token-3"
    assert_redirect_logged_as_a_step(caplog.records)


def test_a_download_follows_its_302_without_a_failure_in_the_logs(caplog: pytest.LogCaptureFixture) -> None:
    # a plain call's redirect is raised to its caller (files.download follows it): a step, not a failure
    key = "sk-download-log-key"

    def storage(exchange: Exchange) -> None:
        exchange.send(response_bytes(200, b"report", content_type="application/pdf"))

    with HostileServer(storage) as bucket:
        signed = f"{bucket.url}/dust-files/fil_1?X-Goog-Signature=abc"

        def dust(exchange: Exchange) -> None:
            exchange.send(response_bytes(302, b"", {"Location": signed}))

        with HostileServer(dust) as server:
            caplog.set_level(logging.DEBUG, logger="dust_ext")
            config = DustConfig(workspace_id="W", api_key=key, base_url=server.url, timeout=5.0)
            with DustClient(config) as client:
                assert client.files.download("fil_1") == b"report"
    assert not [r.getMessage() for r in caplog.records if "giving up" in r.getMessage()]
    assert any(
        r.levelno == logging.DEBUG and "-> 302 redirect, raised to the caller" in r.getMessage()
        for r in caplog.records
    )


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def stream_flow_with_hops(
    clock: Clock, *, max_retries: int = 0, params: dict[str, str] | None = None
) -> tuple[AttemptLoop, Generator[Any, Answer, httpx.Response]]:
    """The call flow of an event stream over the preset client (``total_timeout=5``), its hops allowed
    where Dust sends them."""
    config = DustConfig(
        workspace_id="W", api_key="sk-hops", base_url=BASE, timeout=100.0, total_timeout=5.0, max_retries=0
    )
    http = HTTP(
        config,
        retry_policy=RetryPolicy(max_retries=max_retries, initial_backoff=0.5, jitter=0.0),
        clock=clock,
    )
    call = Call("GET", "assistant/conversations/c/events", unparsed, params=params, accept=SSE_MEDIA_TYPE)
    loop = AttemptLoop(http.core, http.http_client, call)
    return loop, loop.flow(stream=True, redirects=RedirectChain(BASE, "GET", path_prefix=SSE_PATH_PREFIX))


def answered(request: httpx.Request, status: int, headers: dict[str, str] | None = None) -> Answer:
    """``request``'s answer with an empty body, read (as the driver hands an error or a redirect on)."""
    transport = httpx.MockTransport(lambda sent: httpx.Response(status, headers=headers or {}))
    with httpx.Client(transport=transport) as client:
        response = client.send(request, follow_redirects=False)
    body = BoundedBody("", 1024)
    body.finish()
    return Answer(response, body)


SSE_HOP = "/api/sse/v1/w/W/assistant/conversations/c/events"


def test_a_hop_is_a_step_of_the_same_attempt_within_the_calls_total_timeout() -> None:
    clock = Clock()
    loop, flow = stream_flow_with_hops(clock)
    first = next(flow)
    clock.now += 2.0  # the 307 took 2 s of the 5
    hop = flow.send(answered(first, 307, {"Location": SSE_HOP}))
    assert str(hop.url) == f"{BASE}{SSE_HOP}"
    assert hop.headers["authorization"] == "Bearer sk-hops"  # the same origin: the key goes with it
    assert loop.attempt == 0  # not a retry
    assert loop.remaining() == 3.0  # what the call has left, not a fresh total
    assert hop.extensions["timeout"]["read"] == 3.0
    assert loop.url == f"{BASE}{SSE_HOP}"  # what errors about the hop show
    with pytest.raises(StopIteration) as done:  # the stream's success: handed back unread
        flow.send(Answer(answered(hop, 200).response, None))
    assert done.value.value.status_code == 200


def test_a_hop_past_the_calls_total_timeout_fails_with_it() -> None:
    clock = Clock()
    _, flow = stream_flow_with_hops(clock)
    first = next(flow)
    clock.now += 5.0
    hop = flow.send(answered(first, 307, {"Location": SSE_HOP}))
    with pytest.raises(DustTimeoutError, match=r"total_timeout=5s") as info:
        flow.throw(TimeoutError())  # the driver's deadline around the hop (0 s left)
    assert info.value.url == f"{BASE}{SSE_HOP}"
    assert hop.extensions["timeout"]["read"] == 0.0


def test_a_retry_after_a_hop_goes_where_the_redirect_led() -> None:
    clock = Clock()
    loop, flow = stream_flow_with_hops(clock, max_retries=1)
    first = next(flow)
    hop = flow.send(answered(first, 307, {"Location": SSE_HOP}))
    assert flow.send(answered(hop, 503)) == 0.5  # wait, then again
    again = next(flow)
    assert loop.attempt == 1
    assert str(again.url) == f"{BASE}{SSE_HOP}"
    with pytest.raises(DustAPIError) as info:
        flow.send(answered(again, 503))  # the one retry is spent: the hop did not count as one
    assert info.value.status_code == 503


def test_a_hop_goes_exactly_where_its_location_says_query_included() -> None:
    # The call's own parameters are already in the URL the 307 came from; Dust's Location keeps that query,
    # and whatever query the Location has is the one the hop sends (as httpx and browsers follow redirects).
    _, flow = stream_flow_with_hops(Clock(), params={"lastEventId": "1-0"})
    first = next(flow)
    assert first.url.query == b"lastEventId=1-0"
    hop = flow.send(answered(first, 307, {"Location": f"{SSE_HOP}?lastEventId=1-0"}))
    assert (hop.url.path, hop.url.query) == (SSE_HOP, b"lastEventId=1-0")  # once, not twice
    _, flow = stream_flow_with_hops(Clock(), params={"lastEventId": "1-0"})
    moved = flow.send(answered(next(flow), 307, {"Location": f"{SSE_HOP}?lastEventId=2-0"}))
    assert moved.url.query == b"lastEventId=2-0"


def test_a_refused_hop_raises_before_any_request_leaves_for_it() -> None:
    _, flow = stream_flow_with_hops(Clock())
    first = next(flow)
    with pytest.raises(DustRedirectError, match="another origin"):
        flow.send(answered(first, 307, {"Location": "https://elsewhere.example/api/sse/v1/x"}))
