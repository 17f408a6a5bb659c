"""The client's own cost, against a canned keep-alive server (``benchmarks/canned_server.py``) in another
process pinned to another CPU: the figures of issue 28's performance budget, each with its own peer.

(a) a typed stream with the reply built and (b) one whose every event the caller keeps, against httpx-sse +
``json.loads`` doing the same with dicts (2,000 events, and 20,000, where keeping costs most); (c) per-call
CPU against the same pydantic models built by hand (httpx + ``TypeAdapter.validate_json``); (d) 100 and 1,000
concurrent chat streams on one core against raw async httpx reading every stream to its end. (e), the import,
is in ``bench_import``.

Against the emulator, the server's cost is most of every figure; here the server only writes pre-encoded
bytes, so the client process's CPU time (``time.process_time``) is what is compared. Contenders alternate
in one process, round after round; each ratio is the median of the per-round ratios, with their
interquartile range (a burst of load from other jobs hits both sides of a round alike).
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import httpx

from benchmarks._common import ROOT, Table
from benchmarks.record_canned import events_in, expected_text

ROUNDS = 15
CALLS = 300
# 1,000 is the figure. At both levels httpcore's pool bookkeeping takes most of every contender's
# CPU: each request start and release walks the whole pool once per idle connection (O(idle x connections),
# encode/httpcore#1035), so a contender that keeps more idle connections pays more. Hence two raw peers.
CONCURRENCY_LEVELS = (100, 1000)
CONCURRENCY_ROUNDS = 3
LONG_STREAM = "tokens_20000.sse"
WORKSPACE = "canned-workspace"
KEY = "sk-canned"
CLIENT_CPU, SERVER_CPU = 0, 1
# How the canned server frames streams: "dust" (307 to /api/sse, handshake, done) as real Dust does.
FRAMING = os.environ.get("DUST_BENCH_FRAMING", "dust")


@contextmanager
def canned_server(stream_file: str) -> Iterator[str]:
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [
            sys.executable,
            "-m",
            "benchmarks.canned_server",
            "--port",
            "0",
            "--cpu",
            str(SERVER_CPU),
            "--stream",
            stream_file,
            "--framing",
            FRAMING,
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert process.stdout is not None
        match = re.search(r"(http://\S+)", process.stdout.readline())
        if not match:
            raise RuntimeError("the canned server did not start")
        yield match.group(1)
    finally:
        process.terminate()
        process.wait(timeout=10)


def _spread(samples: list[float], scale: float, unit: str) -> str:
    q1, median, q3 = statistics.quantiles(samples, n=4) if len(samples) > 1 else (samples[0],) * 3
    return f"{median * scale:.{1 if unit == 'ms' else 0}f} {unit} ({q1 * scale:.1f} to {q3 * scale:.1f})"


def _alternate_cpu(variants: Mapping[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, function in variants.items():
            start = time.process_time()
            function()
            samples[name].append(time.process_time() - start)
    return samples


def _ratio_of_rounds(ours: list[float], peer: list[float]) -> tuple[float, str]:
    """The median of the per-round ratios ours / peer, and their interquartile range as text: each round
    measures both contenders back to back, so a burst of load from other jobs hits both alike."""
    ratios = [mine / theirs for mine, theirs in zip(ours, peer, strict=True)]
    median = statistics.median(ratios)
    q1, _, q3 = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else (median,) * 3
    return median, f"{median:.2f}x ({q1:.2f} to {q3:.2f})"


def _stream_table(url: str, stream_file: str) -> Table:
    """Budget (a) and (b): a typed stream whose reply the caller builds, and one whose every event the
    caller keeps, each against httpx-sse + ``json.loads`` doing the same with dicts."""
    import httpx_sse

    from dust_ext import AsyncDustClient, DustClient, DustConfig
    from dust_ext.events import is_reply_text

    config = DustConfig(workspace_id=WORKSPACE, api_key=KEY, base_url=url, timeout=30)
    events_path = f"{url}/api/v1/w/{WORKSPACE}/assistant/conversations/c/messages/m/events"
    expected = events_in(stream_file) + 1
    reply = expected_text(stream_file)
    headers = {"Authorization": f"Bearer {KEY}"}
    raw = httpx.Client(headers=headers, timeout=30, follow_redirects=True)
    dust = DustClient(config)
    araw = httpx.AsyncClient(headers=headers, timeout=30, follow_redirects=True)
    adust = AsyncDustClient(config)

    def dict_reply(frames: list[dict[str, Any]]) -> str:
        return "".join(
            frame["data"]["text"]
            for frame in frames
            if frame["data"]["type"] == "generation_tokens"
            and frame["data"].get("classification") == "tokens"
        )

    def raw_sync() -> list[dict[str, Any]]:
        with httpx_sse.connect_sse(raw, "GET", events_path) as source:
            return [
                json.loads(sse.data)
                for sse in source.iter_sse()
                if sse.event == "message" and sse.data != "done"
            ]

    async def raw_async() -> list[dict[str, Any]]:
        async with httpx_sse.aconnect_sse(araw, "GET", events_path) as source:
            return [
                json.loads(sse.data)
                async for sse in source.aiter_sse()
                if sse.event == "message" and sse.data != "done"
            ]

    # (a) the reply built: each frame is dropped once its text is taken.
    def raw_reply_text_sync(path: str) -> str:
        with httpx_sse.connect_sse(raw, "GET", path) as source:
            pieces = []
            for sse in source.iter_sse():
                if sse.event == "message" and sse.data != "done":
                    event = json.loads(sse.data)["data"]
                    if event["type"] == "generation_tokens" and event.get("classification") == "tokens":
                        pieces.append(event["text"])
        return "".join(pieces)

    def raw_reply_sync() -> None:
        assert raw_reply_text_sync(events_path) == reply

    def dust_reply_sync() -> None:
        pieces = [
            frame.event.text
            for frame in dust.conversations.stream_message_events("c", "m")
            if is_reply_text(frame.event)
        ]
        assert "".join(pieces) == reply

    async def raw_reply_async() -> None:
        async with httpx_sse.aconnect_sse(araw, "GET", events_path) as source:
            pieces = []
            async for sse in source.aiter_sse():
                if sse.event == "message" and sse.data != "done":
                    event = json.loads(sse.data)["data"]
                    if event["type"] == "generation_tokens" and event.get("classification") == "tokens":
                        pieces.append(event["text"])
        assert "".join(pieces) == reply

    async def dust_reply_async() -> None:
        pieces = [
            frame.event.text
            async for frame in adust.conversations.stream_message_events("c", "m")
            if is_reply_text(frame.event)
        ]
        assert "".join(pieces) == reply

    # (b) every event kept until the stream ends (then checked, then dropped).
    def raw_kept_sync() -> None:
        frames = raw_sync()
        assert len(frames) == expected
        assert dict_reply(frames) == reply

    def dust_kept_sync() -> None:
        frames = list(dust.conversations.stream_message_events("c", "m"))
        assert len(frames) == expected
        assert frames[-1].event.type == "agent_message_success"

    async def raw_kept_async() -> None:
        frames = await raw_async()
        assert len(frames) == expected
        assert dict_reply(frames) == reply

    async def dust_kept_async() -> None:
        frames = [frame async for frame in adust.conversations.stream_message_events("c", "m")]
        assert len(frames) == expected
        assert frames[-1].event.type == "agent_message_success"

    # The reply as most callers read it: chat.stream(...).text_stream, which posts the message first; the
    # peer posts it with httpx and reads the same stream with httpx-sse (no budget: it guards the chat layer).
    root = f"{url}/api/v1/w/{WORKSPACE}"

    def raw_chat_sync() -> None:
        conversation = raw.post(f"{root}/assistant/conversations", json=CHAT_BODY).json()["conversation"]
        cid, mid = conversation["sId"], conversation["content"][1][0]["sId"]
        assert raw_reply_text_sync(f"{root}/assistant/conversations/{cid}/messages/{mid}/events") == reply

    def dust_chat_sync() -> None:
        with dust.chat.stream(agent="dust", text="hi") as stream:
            assert "".join(stream.text_stream) == reply

    async def raw_chat_async() -> None:
        assert await raw_chat_reply(araw, root) == reply

    async def dust_chat_async() -> None:
        async with adust.chat.stream(agent="dust", text="hi") as stream:
            assert "".join([piece async for piece in stream.text_stream]) == reply

    loop = asyncio.new_event_loop()

    def run_async(function: Callable[[], Awaitable[None]]) -> Callable[[], None]:
        return lambda: loop.run_until_complete(function())

    figures: tuple[tuple[str, str, Callable[[], None], Callable[[], None], float | None], ...] = (
        ("(a) reply built", "sync", raw_reply_sync, dust_reply_sync, 1.0),
        ("(a) reply built", "async", run_async(raw_reply_async), run_async(dust_reply_async), 1.0),
        ("(b) every event kept", "sync", raw_kept_sync, dust_kept_sync, 1.15),
        ("(b) every event kept", "async", run_async(raw_kept_async), run_async(dust_kept_async), 1.15),
        ("chat.stream text_stream (with its POST)", "sync", raw_chat_sync, dust_chat_sync, None),
        (
            "chat.stream text_stream (with its POST)",
            "async",
            run_async(raw_chat_async),
            run_async(dust_chat_async),
            None,
        ),
    )
    table = Table(
        f"Canned server: a {events_in(stream_file):,}-event agent message stream, client CPU per stream, "
        f"median (IQR) of {ROUNDS} alternated rounds; the ratio is the median of the per-round ratios",
        [
            "figure",
            "driver",
            "httpx-sse + json.loads (dicts)",
            "stream_message_events (typed) / chat.stream",
            "typed / dicts",
            "budget",
        ],
    )
    for label, driver, peer, ours, goal in figures:
        peer(), ours()  # warm up connections and caches
        samples = _alternate_cpu({"peer": peer, "ours": ours}, ROUNDS)
        value, spread = _ratio_of_rounds(samples["ours"], samples["peer"])
        table.rows.append(
            [
                label,
                driver,
                _spread(samples["peer"], 1e3, "ms"),
                _spread(samples["ours"], 1e3, "ms"),
                spread,
                "-" if goal is None else f"<= {goal:.2f}x: {'met' if value <= goal else 'missed'}",
            ]
        )
    table.notes.append(
        "Kept: the caller holds every event of the stream until its end (a list of StreamEvent against a "
        "list of json.loads dicts), so the garbage collector walks them as they pile up."
    )
    raw.close()
    dust.close()
    loop.run_until_complete(araw.aclose())
    loop.run_until_complete(adust.close())
    loop.close()
    return table


def _overhead_table(url: str) -> Table:
    """Budget (c): the SDK's own cost per call over the same pydantic models built by hand from the same
    bytes (httpx + ``TypeAdapter.validate_json``); raw httpx + ``.json()`` (dicts) for reference."""
    from pydantic import TypeAdapter
    from typing_extensions import TypedDict

    from dust_ext import DustClient, DustConfig
    from dust_ext.types.agents import AgentConfiguration
    from dust_ext.types.conversations import Conversation

    class AgentsBody(TypedDict):
        agentConfigurations: list[AgentConfiguration]

    class ConversationBody(TypedDict):
        conversation: Conversation

    agents_body = TypeAdapter(AgentsBody)
    conversation_body = TypeAdapter(ConversationBody)
    root = f"{url}/api/v1/w/{WORKSPACE}"
    raw = httpx.Client(headers={"Authorization": f"Bearer {KEY}"}, timeout=30)
    dust = DustClient(DustConfig(workspace_id=WORKSPACE, api_key=KEY, base_url=url, timeout=30))
    agents_url, conversation_url = (
        f"{root}/assistant/agent_configurations",
        f"{root}/assistant/conversations/c",
    )
    cases: dict[str, tuple[Callable[[], object], Callable[[], object], Callable[[], object]]] = {
        "agents.list (50 agents)": (
            lambda: raw.get(agents_url).json(),
            lambda: agents_body.validate_json(raw.get(agents_url).content)["agentConfigurations"],
            dust.agents.list,
        ),
        "conversations.get": (
            lambda: raw.get(conversation_url).json(),
            lambda: conversation_body.validate_json(raw.get(conversation_url).content)["conversation"],
            lambda: dust.conversations.get("c"),
        ),
    }
    table = Table(
        f"Canned server: per-call client CPU, median (IQR) of {ROUNDS} alternated rounds of {CALLS} calls; "
        "ratios are medians of per-round ratios",
        [
            "call",
            "raw httpx + .json() (dicts)",
            "httpx + TypeAdapter.validate_json (same models, by hand)",
            "DustClient (typed)",
            "DustClient / by hand",
            "budget <= 1.05x",
            "DustClient / dicts",
        ],
    )
    for name, (raw_call, by_hand, dust_call) in cases.items():
        mine, theirs = dust_call(), by_hand()
        assert mine == theirs, name  # the same models, with the same values, on both sides

        def many(call: Callable[[], object]) -> Callable[[], None]:
            def repeat() -> None:
                for _ in range(CALLS):
                    call()

            return repeat

        samples = _alternate_cpu(
            {"raw": many(raw_call), "hand": many(by_hand), "dust": many(dust_call)}, ROUNDS
        )
        value, spread = _ratio_of_rounds(samples["dust"], samples["hand"])
        table.rows.append(
            [
                name,
                _spread(samples["raw"], 1e6 / CALLS, "µs"),
                _spread(samples["hand"], 1e6 / CALLS, "µs"),
                _spread(samples["dust"], 1e6 / CALLS, "µs"),
                spread,
                "met" if value <= 1.05 else "missed",
                _ratio_of_rounds(samples["dust"], samples["raw"])[1],
            ]
        )
    raw.close()
    dust.close()
    return table


def _reset_peak_rss() -> None:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        pass


def _peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


#: The first message of every chat contender: Dust's body for one ``chat.stream(agent="dust", text="hi")``.
CHAT_BODY = {
    "message": {
        "content": "hi",
        "mentions": [{"configurationId": "dust"}],
        "context": {"username": "bench", "timezone": "UTC"},
    }
}


async def raw_chat_reply(client: httpx.AsyncClient, root: str, *, read_to_end: bool = True) -> str:
    """The peer of one ``AsyncDustClient.chat.stream`` reply: httpx + httpx-sse create the conversation, then
    read the agent message's events and join its tokens (``read_to_end=False`` stops at the success event:
    closing an unread body closes its connection, so it never goes idle)."""
    import httpx_sse

    conversation = (await client.post(f"{root}/assistant/conversations", json=CHAT_BODY)).json()[
        "conversation"
    ]
    cid, mid = conversation["sId"], conversation["content"][1][0]["sId"]
    pieces = []
    path = f"{root}/assistant/conversations/{cid}/messages/{mid}/events"
    async with httpx_sse.aconnect_sse(client, "GET", path) as source:
        async for sse in source.aiter_sse():
            if sse.event != "message" or sse.data == "done":
                continue
            event = json.loads(sse.data)["data"]
            if event["type"] == "generation_tokens" and event.get("classification") == "tokens":
                pieces.append(event["text"])
            if not read_to_end and event["type"] == "agent_message_success":
                break
    return "".join(pieces)


def _concurrency_table(url: str, concurrent: int) -> Table:

    from dust_ext import AsyncDustClient, DustConfig

    stream_file = "tokens_20.sse"
    text = expected_text(stream_file)
    events_per_reply = events_in(stream_file) + 1
    root = f"{url}/api/v1/w/{WORKSPACE}"
    limits = httpx.Limits(max_connections=concurrent, max_keepalive_connections=concurrent)

    async def raw_run(read_to_end: bool) -> tuple[int, int]:
        async with httpx.AsyncClient(
            headers={"Authorization": f"Bearer {KEY}"}, timeout=120, limits=limits, follow_redirects=True
        ) as client:

            async def one() -> str:
                return await raw_chat_reply(client, root, read_to_end=read_to_end)

            replies = await asyncio.gather(*(one() for _ in range(concurrent)), return_exceptions=True)
        exact = sum(reply == text for reply in replies)
        return exact, len(replies) - exact

    async def dust_run() -> tuple[int, int]:
        config = DustConfig(workspace_id=WORKSPACE, api_key=KEY, base_url=url, timeout=120)
        async with AsyncDustClient(config, http_client=httpx.AsyncClient(limits=limits)) as client:

            async def one() -> str:
                async with client.chat.stream(agent="dust", text="hi") as stream:
                    return "".join([piece async for piece in stream.text_stream])

            replies = await asyncio.gather(*(one() for _ in range(concurrent)), return_exceptions=True)
        exact = sum(reply == text for reply in replies)
        return exact, len(replies) - exact

    table = Table(
        f"Canned server: {concurrent:,} concurrent chat replies ({events_per_reply} events each) on one core, "
        f"{CONCURRENCY_ROUNDS} alternated rounds; ratios are medians (IQR) of per-round ratios",
        [
            "contender",
            "exact / failed",
            "client CPU",
            "wall",
            "peak RSS",
            "vs raw (events per CPU second)",
            "vs raw (events/s, wall)",
        ],
    )
    # "raw" reads every stream to its end as the SDK does (Dust ends the body after `data: done`), so its
    # connection goes back to the pool for the next request: the peer doing the same, which the budget is
    # judged against. "raw_early" stops at agent_message_success and so closes its connection instead,
    # which changes what httpcore's pool costs (see CONCURRENCY_LEVELS).
    contenders: tuple[tuple[str, str, Callable[[], Coroutine[Any, Any, tuple[int, int]]]], ...] = (
        ("raw", "httpx.AsyncClient + httpx-sse, reads to the end", functools.partial(raw_run, True)),
        ("raw_early", "same, stops at agent_message_success", functools.partial(raw_run, False)),
        ("dust", "AsyncDustClient.chat.stream", dust_run),
    )
    results: dict[str, list[tuple[float, float, int, int, float]]] = {name: [] for name, _, _ in contenders}
    for _ in range(CONCURRENCY_ROUNDS):
        for name, _, function in contenders:
            _reset_peak_rss()
            start, start_cpu = time.perf_counter(), time.process_time()
            exact, failed = asyncio.run(function())
            wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
            results[name].append((wall, cpu, exact, failed, _peak_rss_mb()))
    # Throughput ratio = peer's time / ours, round by round.
    cpu_ratio = {
        name: _ratio_of_rounds([row[1] for row in results["raw"]], [row[1] for row in rows])
        for name, rows in results.items()
    }
    wall_ratio = {
        name: _ratio_of_rounds([row[0] for row in results["raw"]], [row[0] for row in rows])
        for name, rows in results.items()
    }
    for name, label, _ in contenders:
        rows = results[name]
        table.rows.append(
            [
                label,
                f"{min(row[2] for row in rows)} / {max(row[3] for row in rows)}",
                f"{statistics.median(row[1] for row in rows):.2f} s",
                f"{statistics.median(row[0] for row in rows):.2f} s",
                f"{max(row[4] for row in rows):.0f} MB",
                cpu_ratio[name][1],
                wall_ratio[name][1],
            ]
        )
    all_exact = all(row[2] == concurrent for row in results["dust"])
    goal = all_exact and cpu_ratio["dust"][0] >= 0.95
    table.notes.append(
        f"Budget (d) (events per client CPU second >= 0.95x the raw peer reading to the end, every reply "
        f"exact): {'met' if goal else 'missed'}. The client is pinned to one CPU and the server to the other; "
        "on a shared box the wall clock also counts other jobs' time on that CPU, so the CPU ratio is the "
        "figure and the wall ratio is shown beside it. Peak RSS is the process's VmHWM, reset before each run."
    )
    return table


SEQUENTIAL_REPLIES = 200


def _sequential_table(url: str) -> Table:
    """What (d) measures without httpcore's pool bookkeeping: the same replies one at a time on one
    keep-alive connection, client CPU per reply (this is the SDK's own cost per stream)."""

    from dust_ext import AsyncDustClient, DustConfig

    text = expected_text("tokens_20.sse")
    root = f"{url}/api/v1/w/{WORKSPACE}"
    loop = asyncio.new_event_loop()
    raw = httpx.AsyncClient(headers={"Authorization": f"Bearer {KEY}"}, timeout=120, follow_redirects=True)
    dust = AsyncDustClient(DustConfig(workspace_id=WORKSPACE, api_key=KEY, base_url=url, timeout=120))

    async def raw_reply() -> str:
        return await raw_chat_reply(raw, root)

    async def dust_reply() -> str:
        async with dust.chat.stream(agent="dust", text="hi") as stream:
            return "".join([piece async for piece in stream.text_stream])

    def replies(reply: Callable[[], Coroutine[Any, Any, str]]) -> Callable[[], None]:
        async def many() -> None:
            for _ in range(SEQUENTIAL_REPLIES):
                assert await reply() == text

        return lambda: loop.run_until_complete(many())

    variants = {"raw": replies(raw_reply), "dust": replies(dust_reply)}
    for function in variants.values():
        function()  # warm up
    samples = _alternate_cpu(variants, ROUNDS)
    _, spread = _ratio_of_rounds(samples["raw"], samples["dust"])
    table = Table(
        f"Canned server: {SEQUENTIAL_REPLIES} chat replies one at a time (the (d) contenders without the pool's "
        f"cost), client CPU per reply, median (IQR) of {ROUNDS} alternated rounds",
        ["httpx.AsyncClient + httpx-sse", "AsyncDustClient.chat.stream", "vs raw (replies per CPU second)"],
    )
    table.rows.append(
        [
            _spread(samples["raw"], 1e6 / SEQUENTIAL_REPLIES, "µs"),
            _spread(samples["dust"], 1e6 / SEQUENTIAL_REPLIES, "µs"),
            spread,
        ]
    )
    loop.run_until_complete(raw.aclose())
    loop.run_until_complete(dust.close())
    loop.close()
    return table


POOL_STREAMS = 300
"""Concurrent replies of the ``pool`` table (``--streams``)."""


def _pool_table(url: str, concurrent: int) -> Table:
    """The same ``concurrent`` AsyncDustClient replies under several connection-pool limits: two rounds on
    one client (the first opens the connections, the second finds them pooled), median time to each
    reply's first event, TCP connections opened."""
    from dust_ext import AsyncDustClient, DustConfig

    text = expected_text("tokens_20.sse")
    settings = (
        ("DustConfig defaults", 100, 20),
        ("max_connections=100, keepalive 100", 100, 100),
        (f"max_connections={concurrent}, keepalive 20", concurrent, 20),
        (f"max_connections={concurrent}, keepalive {concurrent}", concurrent, concurrent),
    )

    async def rounds(max_connections: int, keepalive: int) -> list[tuple[float, float, int, int]]:
        connects = 0

        async def count_connects(request: httpx.Request) -> None:
            async def trace(name: str, info: Any) -> None:
                nonlocal connects
                if name == "connection.connect_tcp.complete":
                    connects += 1

            request.extensions["trace"] = trace

        config = DustConfig(
            workspace_id=WORKSPACE,
            api_key=KEY,
            base_url=url,
            timeout=120,
            max_connections=max_connections,
            max_keepalive_connections=keepalive,
        )
        limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=keepalive)
        client_http = httpx.AsyncClient(limits=limits, event_hooks={"request": [count_connects]})
        measured = []
        async with AsyncDustClient(config, http_client=client_http) as client:
            for _ in range(2):
                connects = 0
                started = time.perf_counter()

                async def one(started: float = started) -> tuple[str, float]:
                    first = 0.0
                    pieces = []
                    async with client.chat.stream(agent="dust", text="hi") as stream:
                        async for piece in stream.text_stream:
                            first = first or time.perf_counter() - started
                            pieces.append(piece)
                    return "".join(pieces), first

                replies = await asyncio.gather(*(one() for _ in range(concurrent)))
                wall = time.perf_counter() - started
                exact = sum(reply == text for reply, _ in replies)
                first_event = statistics.median(first for _, first in replies)
                measured.append((wall, first_event, connects, exact))
        return measured

    table = Table(
        f"Canned server: {concurrent:,} concurrent AsyncDustClient.chat.stream replies under connection-pool "
        "limits, first round (connections opened) and second (pooled), one run each",
        [
            "limits (max_connections, max_keepalive_connections)",
            "round",
            "wall",
            "median first event",
            "TCP connections",
            "exact",
        ],
    )
    for label, max_connections, keepalive in settings:
        for number, (wall, first, connects, exact) in enumerate(
            asyncio.run(rounds(max_connections, keepalive)), start=1
        ):
            table.rows.append(
                [
                    label,
                    str(number),
                    f"{wall:.2f} s",
                    f"{first:.2f} s",
                    f"{connects:,}",
                    f"{exact}/{concurrent}",
                ]
            )
    return table


TABLES = ("stream", "call", "concurrency")
"""What ``make bench`` runs; ``--only pool`` adds the connection-pool table (minutes of CPU at 1,000)."""
ALL_TABLES = (*TABLES, "pool")


def run(tables: tuple[str, ...] = TABLES) -> list[Table]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {CLIENT_CPU})
    results: list[Table] = []
    if "stream" in tables or "call" in tables:
        with canned_server("tokens_2000.sse") as url:
            if "stream" in tables:
                results.append(_stream_table(url, "tokens_2000.sse"))
            if "call" in tables:
                results.append(_overhead_table(url))
    if "stream" in tables:
        # The cost of keeping every event grows with the stream (the garbage collector walks what is kept).
        with canned_server(LONG_STREAM) as url:
            results.append(_stream_table(url, LONG_STREAM))
    if "concurrency" in tables:
        with canned_server("tokens_20.sse") as url:
            results.append(_sequential_table(url))
            results.extend(_concurrency_table(url, concurrent) for concurrent in CONCURRENCY_LEVELS)
    if "pool" in tables:
        with canned_server("tokens_20.sse") as url:
            results.append(_pool_table(url, POOL_STREAMS))
    return results


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Canned-server benchmarks (client CPU time).")
    parser.add_argument(
        "--only", default=",".join(TABLES), help="comma-separated subset of: " + ", ".join(ALL_TABLES)
    )
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="alternated rounds per figure")
    parser.add_argument(
        "--streams", type=int, default=POOL_STREAMS, help="concurrent replies of the pool table"
    )
    parser.add_argument(
        "--levels",
        default=",".join(map(str, CONCURRENCY_LEVELS)),
        help="concurrent replies of the concurrency tables, comma-separated",
    )
    parser.add_argument(
        "--concurrency-rounds", type=int, default=CONCURRENCY_ROUNDS, help="rounds of the concurrency tables"
    )
    arguments = parser.parse_args()
    chosen = tuple(name for name in arguments.only.split(",") if name)
    if set(chosen) - set(ALL_TABLES):
        parser.error(f"unknown table(s): {', '.join(sorted(set(chosen) - set(ALL_TABLES)))}")
    ROUNDS = arguments.rounds
    POOL_STREAMS = arguments.streams
    CONCURRENCY_LEVELS = tuple(int(level) for level in arguments.levels.split(",") if level)
    CONCURRENCY_ROUNDS = arguments.concurrency_rounds
    for table in run(chosen):
        print(table.markdown())
