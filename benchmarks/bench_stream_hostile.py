"""Event streams against hostile servers: what each case does to a client, with figures.

Each case runs in its own subprocess with a wall-clock cap, so "never ends" is measured as "still running at
the cap". Only public names that exist before and after the stream fixes are used (new ``StreamPolicy``
fields are passed only when the installed SDK has them), so the same script measures an older checkout::

    python benchmarks/bench_stream_hostile.py                    # this checkout
    PYTHONPATH=/path/to/old/checkout python benchmarks/bench_stream_hostile.py

Loopback only (``dust_ext.testing.hostile`` and the emulator).
"""

from __future__ import annotations

import json
import multiprocessing
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

CAP_SECONDS = 40.0
KEY = "sk-bench"
EPOCH = 1700000000000


def _event_id(number: int) -> str:
    return f"{EPOCH + number // 10}-{number % 10}"


def _resume_index(request: Any) -> int:
    last = (request.query.get("lastEventId") or [""])[0]
    if not last:
        return 0
    ms, _, seq = last.partition("-")
    return (int(ms) - EPOCH) * 10 + int(seq or 0) + 1


def _frames(tokens: int) -> list[bytes]:
    from dust_ext.testing.hostile import sse_frame

    base = {"created": 1, "configurationId": "helper", "messageId": "m1"}
    frames = []
    for n in range(tokens):
        data = {"type": "generation_tokens", **base, "text": f"t{n} ", "classification": "tokens"}
        frames.append(sse_frame(json.dumps({"eventId": _event_id(n), "data": data})))
    final = {"type": "agent_message_success", **base, "message": {"sId": "m1", "content": "x"}}
    frames.append(sse_frame(json.dumps({"eventId": _event_id(tokens), "data": final})))
    return frames


def _send_sse(exchange: Any, *frames: bytes, end: bool = True) -> None:
    from dust_ext.testing.hostile import chunk, response_head

    exchange.send(response_head(200, {"Content-Type": "text/event-stream", "Transfer-Encoding": "chunked"}))
    for frame in frames:
        exchange.send(chunk(frame))
    if end:
        exchange.send(chunk(b""))


def _policy(**wanted: Any) -> Any:
    from dust_ext import StreamPolicy

    known = StreamPolicy.__dataclass_fields__
    return StreamPolicy(**{name: value for name, value in wanted.items() if name in known})


def _read(server: Any, policy: Any, sleeps: list[float] | None = None, **config: Any) -> dict[str, Any]:
    from dust_ext import DustClient, DustConfig

    waits = sleeps if sleeps is not None else []
    settings = {"workspace_id": "W", "api_key": KEY, "base_url": server.url, "timeout": 5.0, **config}
    http_client = settings.pop("http_client", None)
    started = time.perf_counter()
    events: list[Any] = []
    outcome = "ok"
    with DustClient(
        DustConfig(**settings), stream_policy=policy, sleep=waits.append, http_client=http_client
    ) as c:
        try:
            events.extend(c.conversations.stream_message_events("c1", "m1"))
        except Exception as exc:  # the outcome is what is measured
            outcome = f"{type(exc).__name__}: {str(exc)[:110]}"
    ids = [e.event_id for e in events]
    return {
        "outcome": outcome,
        "seconds": round(time.perf_counter() - started, 2),
        "events": len(ids),
        "duplicates": len(ids) - len(set(ids)),
        "requested_sleeps": round(sum(waits), 1),
        "requests": len(server.requests),
    }


def dust_framing() -> dict[str, Any]:
    """Dust's real framing: 307 to /api/sse, handshake, 12 tokens + success, then done."""
    from dust_ext.testing.hostile import HostileServer, response_head, sse_frame

    frames = _frames(12)

    def handler(exchange: Any) -> None:
        target = exchange.request.target
        if target.startswith("/api/v1/"):
            location = "/api/sse/" + target.removeprefix("/api/")
            exchange.send(response_head(307, {"Location": location, "Content-Length": "0"}))
            return
        start = _resume_index(exchange.request)
        _send_sse(exchange, sse_frame("{}", event="dust-handshake"), *frames[start:], sse_frame("done"))

    with HostileServer(handler) as server:
        return _read(server, _policy(reconnect_delay=0.0))


def done_after_every_event() -> dict[str, Any]:
    """No redirect nor handshake; each connection: one new event then `data: done`. Default policy."""
    from dust_ext.testing.hostile import HostileServer, sse_frame

    frames = _frames(12)

    def handler(exchange: Any) -> None:
        _send_sse(exchange, frames[_resume_index(exchange.request)], sse_frame("done"))

    with HostileServer(handler) as server:
        return _read(server, _policy())


def keep_alive_trickle() -> dict[str, Any]:
    """One event, then an SSE comment every 0.25 s forever (idle_timeout=3 s where it exists)."""
    from dust_ext.testing.hostile import HostileServer, chunk

    frames = _frames(3)

    def handler(exchange: Any) -> None:
        _send_sse(exchange, frames[0], end=False)
        while not server.stopping.wait(0.25):
            exchange.send(chunk(b": keep-alive\n\n"))

    with HostileServer(handler) as server:
        return _read(server, _policy(reconnect_delay=0.0, idle_timeout=3.0))


def mid_frame_clean_end() -> dict[str, Any]:
    """The first connection ends cleanly in the middle of the 4th frame; resumes get the rest."""
    from dust_ext.testing.hostile import HostileServer

    frames = _frames(6)

    def handler(exchange: Any) -> None:
        start = _resume_index(exchange.request)
        if start == 0:
            _send_sse(exchange, *frames[:3], frames[3][:40])
        else:
            _send_sse(exchange, *frames[start:])

    with HostileServer(handler) as server:
        return _read(server, _policy(reconnect_delay=0.0))


def random_clean_cuts() -> dict[str, Any]:
    """150 streams whose first connection ends cleanly at a random byte (seeded); resumes get the rest."""
    import random

    from dust_ext.testing.hostile import HostileServer

    frames = _frames(12)
    body = b"".join(frames)
    rng = random.Random(13)
    cuts = [rng.randrange(1, len(body)) for _ in range(150)]
    state = {"cut": 0}

    def handler(exchange: Any) -> None:
        start = _resume_index(exchange.request)
        if start == 0 and "cut" in state:
            _send_sse(exchange, body[: state.pop("cut")])
        else:
            _send_sse(exchange, *frames[start:])

    outcomes: dict[str, int] = {}
    with HostileServer(handler) as server:
        for cut in cuts:
            state["cut"] = cut
            result = _read(server, _policy(reconnect_delay=0.0))
            exact = result["outcome"] == "ok" and result["events"] == 13 and not result["duplicates"]
            key = "exact reply" if exact else result["outcome"].split(":")[0]
            outcomes[key] = outcomes.get(key, 0) + 1
    return outcomes


def retry_after_3000() -> dict[str, Any]:
    """The first open answers 429 Retry-After: 3000; the sleep the stream asks for (default policy)."""
    from dust_ext.testing.hostile import HostileServer, response_head

    frames = _frames(2)
    answered = threading.Event()

    def handler(exchange: Any) -> None:
        if not answered.is_set():
            answered.set()
            exchange.send(response_head(429, {"Retry-After": "3000", "Content-Length": "0"}))
            return
        _send_sse(exchange, *frames)

    with HostileServer(handler) as server:
        return _read(server, _policy())


def pool_exhausted() -> dict[str, Any]:
    """max_connections=1, one stream held open by a silent server; a second stream with timeout=3.
    Default reconnects, no real sleeping; idle_timeout=10 s where it exists."""
    import httpx

    from dust_ext import DustClient, DustConfig
    from dust_ext.testing.hostile import HostileServer

    frames = _frames(2)

    def handler(exchange: Any) -> None:
        if "m0" in exchange.request.target:
            _send_sse(exchange, frames[0], end=False)
            exchange.hang(server.stopping)
            return
        _send_sse(exchange, *frames)

    with HostileServer(handler) as server:
        limits = httpx.Limits(max_connections=1)
        with httpx.Client(limits=limits) as http_client:
            config = DustConfig(workspace_id="W", api_key=KEY, base_url=server.url, timeout=3.0)
            policy = _policy(idle_timeout=10.0)
            with DustClient(config, stream_policy=policy, sleep=lambda _: None, http_client=http_client) as c:
                holder = c.conversations.stream_message_events("c0", "m0")
                next(holder)
                started = time.perf_counter()
                try:
                    list(c.conversations.stream_message_events("c1", "m1"))
                    outcome = "ok"
                except Exception as exc:
                    outcome = f"{type(exc).__name__}: {str(exc)[:140]}"
                seconds = round(time.perf_counter() - started, 1)
                holder.close()
    return {"outcome": outcome, "seconds": seconds}


def endless_line() -> dict[str, Any]:
    """A `data:` line of 100 MB without a newline; peak Python memory while reading it."""
    from dust_ext.testing.hostile import HostileServer, chunk

    def handler(exchange: Any) -> None:
        _send_sse(exchange, end=False)
        exchange.send(chunk(b"data: "))
        block = b"x" * (1024 * 1024)
        try:
            for _ in range(100):
                exchange.send(chunk(block))
            exchange.send(chunk(b""))
        except Exception:
            return

    with HostileServer(handler) as server:
        tracemalloc.start()
        result = _read(server, _policy(reconnect_delay=0.0, max_reconnects=0))
        result["peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6)
        tracemalloc.stop()
    return result


def replay_from_start() -> dict[str, Any]:
    """A server ignoring lastEventId: every connection replays from event 0 and goes 2,510 further."""
    from dust_ext.testing.hostile import HostileServer, sse_frame

    total = 10_050
    frames = _frames(total)
    body = b"".join(frames)
    offsets = [0]
    for frame in frames:
        offsets.append(offsets[-1] + len(frame))

    def handler(exchange: Any) -> None:
        end = min(_resume_index(exchange.request) + 2_510, total + 1)
        _send_sse(exchange, body[: offsets[end]], *([sse_frame("done")] if end <= total else []))

    with HostileServer(handler) as server:
        return _read(server, _policy(reconnect_delay=0.0))


def connections_for_three_chats() -> dict[str, Any]:
    """TCP connections opened by three chat.send calls on one client (the emulator)."""
    import httpx

    from dust_ext import DustClient, DustConfig
    from dust_ext.testing import EmulatorServer

    opened: list[str] = []

    def add_trace(request: httpx.Request) -> None:
        def trace(name: str, info: Any) -> None:
            if name == "connection.connect_tcp.complete":
                opened.append(name)

        request.extensions["trace"] = trace

    with EmulatorServer() as server, httpx.Client(event_hooks={"request": [add_trace]}) as http_client:
        config = DustConfig(
            workspace_id=server.workspace_id, api_key=server.api_key, base_url=server.base_url
        )
        with DustClient(config, http_client=http_client) as client:
            for turn in range(3):
                client.chat.send(agent="echo", text=f"turn {turn}", username="u", timezone="UTC")
    return {"connections": len(opened)}


def _peak_rss_growth_mb(baseline_kb: int) -> float:
    for line in open("/proc/self/status").read().splitlines():  # noqa: SIM115, PTH123 - /proc, read once
        if line.startswith("VmHWM:"):
            return round((int(line.split()[1]) - baseline_kb) / 1000, 1)
    return 0.0


def _rss_kb() -> int:
    for line in open("/proc/self/status").read().splitlines():  # noqa: SIM115, PTH123 - /proc, read once
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def gzip_blank_lines() -> dict[str, Any]:
    """A gzip'd event stream of 50 MB of blank lines (about 50 KB on the wire), `idle_timeout=20`: CPU
    time and peak RSS growth of the client until it gives up."""
    import zlib

    from dust_ext.testing.hostile import HostileServer, chunk, response_head

    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    body = b"".join(compressor.compress(b"\n" * (1024 * 1024)) for _ in range(50)) + compressor.flush()

    def handler(exchange: Any) -> None:
        headers = {
            "Content-Type": "text/event-stream",
            "Content-Encoding": "gzip",
            "Transfer-Encoding": "chunked",
        }
        exchange.send(response_head(200, headers))
        try:
            for start in range(0, len(body), 16384):
                exchange.send(chunk(body[start : start + 16384]))
            exchange.hang(server.stopping)
        except Exception:
            return

    with HostileServer(handler) as server:
        baseline = _rss_kb()
        cpu = time.process_time()
        result = _read(server, _policy(reconnect_delay=0.0, max_reconnects=0, idle_timeout=20.0))
        result["cpu_seconds"] = round(time.process_time() - cpu, 1)
        result["peak_rss_growth_mb"] = _peak_rss_growth_mb(baseline)
        result["wire_kb"] = len(body) // 1000
    return result


def reconnect_storm() -> dict[str, Any]:
    """Every connection brings one new event then `data: done` (default policy, real sleeps,
    `total_timeout=10`): requests made in those 10 s."""
    from dust_ext import DustClient, DustConfig
    from dust_ext.testing.hostile import HostileServer, sse_frame

    frames = _frames(1_000_000)

    def handler(exchange: Any) -> None:
        _send_sse(exchange, frames[_resume_index(exchange.request)], sse_frame("done"))

    events = 0
    outcome = "ok"
    with HostileServer(handler) as server:
        config = DustConfig(workspace_id="W", api_key=KEY, base_url=server.url, timeout=5.0)
        with DustClient(config, stream_policy=_policy(total_timeout=10.0)) as client:
            try:
                for _ in client.conversations.stream_message_events("c1", "m1"):
                    events += 1
            except Exception as exc:  # the outcome is what is measured
                outcome = type(exc).__name__
        return {"outcome": outcome, "events": events, "requests": len(server.requests)}


CASES: dict[str, Callable[[], dict[str, Any]]] = {
    "dust_framing": dust_framing,
    "done_after_every_event": done_after_every_event,
    "keep_alive_trickle": keep_alive_trickle,
    "mid_frame_clean_end": mid_frame_clean_end,
    "random_clean_cuts": random_clean_cuts,
    "retry_after_3000": retry_after_3000,
    "pool_exhausted": pool_exhausted,
    "endless_line": endless_line,
    "replay_from_start": replay_from_start,
    "connections_for_three_chats": connections_for_three_chats,
    "gzip_blank_lines": gzip_blank_lines,
    "reconnect_storm": reconnect_storm,
}


def _run(name: str, queue: Any) -> None:
    queue.put(CASES[name]())


def main(names: list[str]) -> None:
    context = multiprocessing.get_context("fork")
    for name in names or list(CASES):
        queue = context.Queue()
        process = context.Process(target=_run, args=(name, queue))
        started = time.perf_counter()
        process.start()
        process.join(CAP_SECONDS)
        if process.is_alive():
            process.kill()
            process.join()
            print(f"{name}: still running after {CAP_SECONDS:g}s (killed)", flush=True)
            continue
        result = queue.get() if not queue.empty() else {"outcome": f"crashed ({process.exitcode})"}
        result.setdefault("wall_seconds", round(time.perf_counter() - started, 1))
        print(f"{name}: {json.dumps(result)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
