"""The client's own cost, against a canned keep-alive server (``benchmarks/canned_server.py``) in another
process pinned to another CPU: typed event streaming vs httpx-sse + ``json.loads``, per-call CPU vs raw
httpx, and 1,000 concurrent chat streams on one core.

Against the emulator, the server's cost is most of every figure; here the server only writes pre-encoded
bytes, so the client process's CPU time (``time.process_time``) is what is compared. Contenders alternate
in one process, round after round; each figure is the median with the interquartile range.
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

from benchmarks._common import ROOT, Table, ratio
from benchmarks.record_canned import STREAMS, expected_text

ROUNDS = 15
CALLS = 300
# 1,000 is the figure. At both levels httpcore's pool bookkeeping takes most of every contender's
# CPU: each request start and release walks the whole pool once per idle connection (O(idle x connections),
# encode/httpcore#1035), so a contender that keeps more idle connections pays more. Hence two raw peers.
CONCURRENCY_LEVELS = (100, 1000)
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


def _stream_table(url: str) -> Table:
    import httpx_sse

    from dust_ext import AsyncDustClient, DustClient, DustConfig

    config = DustConfig(workspace_id=WORKSPACE, api_key=KEY, base_url=url, timeout=30)
    events_path = f"{url}/api/v1/w/{WORKSPACE}/assistant/conversations/c/messages/m/events"
    expected = STREAMS["tokens_2000.sse"] + 1
    headers = {"Authorization": f"Bearer {KEY}"}
    raw = httpx.Client(headers=headers, timeout=30, follow_redirects=True)
    dust = DustClient(config)

    def raw_sync() -> None:
        with httpx_sse.connect_sse(raw, "GET", events_path) as source:
            count = 0
            for sse in source.iter_sse():
                if sse.event == "message" and sse.data != "done":
                    json.loads(sse.data)
                    count += 1
        assert count == expected, count

    def dust_sync() -> None:
        count = sum(1 for _ in dust.conversations.stream_message_events("c", "m"))
        assert count == expected, count

    loop = asyncio.new_event_loop()
    araw = httpx.AsyncClient(headers=headers, timeout=30, follow_redirects=True)
    adust = AsyncDustClient(config)

    async def raw_async() -> None:
        async with httpx_sse.aconnect_sse(araw, "GET", events_path) as source:
            count = 0
            async for sse in source.aiter_sse():
                if sse.event == "message" and sse.data != "done":
                    json.loads(sse.data)
                    count += 1
        assert count == expected, count

    async def dust_async() -> None:
        count = 0
        async for _ in adust.conversations.stream_message_events("c", "m"):
            count += 1
        assert count == expected, count

    def run_async(function: Callable[[], Awaitable[None]]) -> Callable[[], None]:
        return lambda: loop.run_until_complete(function())

    variants = {
        "raw sync": raw_sync,
        "dust sync": dust_sync,
        "raw async": run_async(raw_async),
        "dust async": run_async(dust_async),
    }
    for function in variants.values():
        function()  # warm up connections and caches
    samples = _alternate_cpu(variants, ROUNDS)
    table = Table(
        f"Canned server: a {STREAMS['tokens_2000.sse']:,}-event agent message stream, client CPU per stream, "
        f"median (IQR) of {ROUNDS} alternated rounds",
        [
            "driver",
            "httpx-sse + json.loads (dicts)",
            "stream_message_events (typed)",
            "typed / dicts",
            "goal <= 1.0x",
        ],
    )
    for driver in ("sync", "async"):
        peer, ours = samples[f"raw {driver}"], samples[f"dust {driver}"]
        value = statistics.median(ours) / statistics.median(peer)
        table.rows.append(
            [
                driver,
                _spread(peer, 1e3, "ms"),
                _spread(ours, 1e3, "ms"),
                ratio(statistics.median(ours), statistics.median(peer)),
                "met" if value <= 1.0 else "missed",
            ]
        )
    raw.close()
    dust.close()
    loop.run_until_complete(araw.aclose())
    loop.run_until_complete(adust.close())
    loop.close()
    return table


def _overhead_table(url: str) -> Table:
    from dust_ext import DustClient, DustConfig

    root = f"{url}/api/v1/w/{WORKSPACE}"
    raw = httpx.Client(headers={"Authorization": f"Bearer {KEY}"}, timeout=30)
    dust = DustClient(DustConfig(workspace_id=WORKSPACE, api_key=KEY, base_url=url, timeout=30))
    cases: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "agents.list (50 agents)": (
            lambda: raw.get(f"{root}/assistant/agent_configurations").json(),
            dust.agents.list,
        ),
        "conversations.get": (
            lambda: raw.get(f"{root}/assistant/conversations/c").json(),
            lambda: dust.conversations.get("c"),
        ),
    }
    table = Table(
        f"Canned server: per-call client CPU, median (IQR) of {ROUNDS} alternated rounds of {CALLS} calls",
        ["call", "raw httpx + .json()", "DustClient (typed)", "DustClient / raw", "goal <= 1.10x"],
    )
    for name, (raw_call, dust_call) in cases.items():
        raw_call(), dust_call()

        def many(call: Callable[[], object]) -> Callable[[], None]:
            def repeat() -> None:
                for _ in range(CALLS):
                    call()

            return repeat

        samples = _alternate_cpu({"raw": many(raw_call), "dust": many(dust_call)}, ROUNDS)
        value = statistics.median(samples["dust"]) / statistics.median(samples["raw"])
        table.rows.append(
            [
                name,
                _spread(samples["raw"], 1e6 / CALLS, "µs"),
                _spread(samples["dust"], 1e6 / CALLS, "µs"),
                f"{value:.2f}x",
                "met" if value <= 1.10 else "missed",
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


def _concurrency_table(url: str, concurrent: int) -> Table:
    import httpx_sse

    from dust_ext import AsyncDustClient, DustConfig

    stream_file = "tokens_20.sse"
    text = expected_text(stream_file)
    events_per_reply = STREAMS[stream_file] + 1
    root = f"{url}/api/v1/w/{WORKSPACE}"
    limits = httpx.Limits(max_connections=concurrent, max_keepalive_connections=concurrent)
    body = {
        "message": {
            "content": "hi",
            "mentions": [{"configurationId": "dust"}],
            "context": {"username": "bench", "timezone": "UTC"},
        }
    }

    async def raw_run(read_to_end: bool) -> tuple[int, int]:
        async with httpx.AsyncClient(
            headers={"Authorization": f"Bearer {KEY}"}, timeout=120, limits=limits, follow_redirects=True
        ) as client:

            async def one() -> str:
                created = (await client.post(f"{root}/assistant/conversations", json=body)).json()
                conversation = created["conversation"]
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
                        if event["type"] == "agent_message_success" and not read_to_end:
                            break  # closing an unread body closes its connection: it never goes idle
                return "".join(pieces)

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
        "alternated, median of 3",
        ["contender", "exact / failed", "events/s", "wall", "peak RSS", "vs raw (events/s)"],
    )
    # "raw" reads every stream to its end as the SDK does (Dust ends the body after `data: done`), so its
    # connection goes back to the pool for the next request: the peer doing the same, which the goal is
    # judged against. "raw_early" stops at agent_message_success and so closes its connection instead,
    # which changes what httpcore's pool costs (see CONCURRENCY_LEVELS).
    contenders: tuple[tuple[str, str, Callable[[], Coroutine[Any, Any, tuple[int, int]]]], ...] = (
        ("raw", "httpx.AsyncClient + httpx-sse, reads to the end", functools.partial(raw_run, True)),
        ("raw_early", "same, stops at agent_message_success", functools.partial(raw_run, False)),
        ("dust", "AsyncDustClient.chat.stream", dust_run),
    )
    results: dict[str, list[tuple[float, int, int, float]]] = {name: [] for name, _, _ in contenders}
    for _ in range(3):
        for name, _, function in contenders:
            _reset_peak_rss()
            start = time.perf_counter()
            exact, failed = asyncio.run(function())
            wall = time.perf_counter() - start
            results[name].append((wall, exact, failed, _peak_rss_mb()))
    rates = {}
    for name in results:
        wall = statistics.median(row[0] for row in results[name])
        rates[name] = concurrent * events_per_reply / wall
    for name, label, _ in contenders:
        rows = results[name]
        table.rows.append(
            [
                label,
                f"{min(row[1] for row in rows)} / {max(row[2] for row in rows)}",
                f"{rates[name]:,.0f}",
                f"{statistics.median(row[0] for row in rows):.2f} s",
                f"{max(row[3] for row in rows):.0f} MB",
                ratio(rates[name], rates["raw"]),
            ]
        )
    all_exact = all(row[1] == concurrent for row in results["dust"])
    goal = all_exact and rates["dust"] >= 0.9 * rates["raw"]
    table.notes.append(
        f"Goal (events/s within 10 % of the raw peer reading to the end, every reply exact): "
        f"{'met' if goal else 'missed'}; against the peer stopping early: "
        f"{ratio(rates['dust'], rates['raw_early'])}. Peak RSS is the process's VmHWM, reset before each run."
    )
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
                results.append(_stream_table(url))
            if "call" in tables:
                results.append(_overhead_table(url))
    if "concurrency" in tables:
        with canned_server("tokens_20.sse") as url:
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
    arguments = parser.parse_args()
    chosen = tuple(name for name in arguments.only.split(",") if name)
    if set(chosen) - set(ALL_TABLES):
        parser.error(f"unknown table(s): {', '.join(sorted(set(chosen) - set(ALL_TABLES)))}")
    ROUNDS = arguments.rounds
    POOL_STREAMS = arguments.streams
    for table in run(chosen):
        print(table.markdown())
