"""Instructions per call, counted by valgrind's callgrind: a deterministic figure for deciding on an
optimization on a noisy machine (wall and CPU time move with the load of other processes; instruction counts
do not).

Each contender runs twice in a fresh interpreter under callgrind, with ``--small`` then ``--large``
repetitions of its call against the canned server (``benchmarks/canned_server.py``, not instrumented); the
difference of the two totals divided by the difference of repetitions is the cost of one call, with imports,
start-up and warm-up cancelled out. Usage::

    python -m benchmarks.count_instructions [case ...] [--small 20] [--large 120]

Cases: agents, conversation, stream_sync, stream_async (each against its raw httpx peer), agents_typed,
conversation_typed (against budget (c)'s peer: httpx + ``TypeAdapter.validate_json`` into the same models), chat (one
``AsyncDustClient.chat.stream`` reply of 21 events, the unit of budget (d), against httpx + httpx-sse doing
the same: the sequential table of ``bench_canned``). The figures are
instructions, not time: a call that waits on memory costs more per instruction, so the final figures are
still the timed ones of ``bench_canned``. ``--cache`` runs cachegrind's cache simulation instead and also
prints the level-1 data-cache misses per call (reads and writes), the usual reason a contender's time ratio
is above its instruction ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import httpx

from benchmarks.bench_canned import KEY, WORKSPACE, canned_server, raw_chat_reply
from benchmarks.record_canned import STREAMS

CASES = {
    "agents": ("raw_agents", "dust_agents"),
    "conversation": ("raw_conversation", "dust_conversation"),
    "agents_typed": ("hand_agents", "dust_agents"),
    "conversation_typed": ("hand_conversation", "dust_conversation"),
    "stream_sync": ("raw_stream_sync", "dust_stream_sync"),
    "stream_async": ("raw_stream_async", "dust_stream_async"),
    "chat": ("raw_chat", "dust_chat"),
}
CHAT_STREAM = "tokens_20.sse"
STREAM_EVENTS = STREAMS["tokens_2000.sse"] + 1


def _contender(name: str, url: str) -> Callable[[], object]:
    from dust_ext import AsyncDustClient, DustClient, DustConfig

    root = f"{url}/api/v1/w/{WORKSPACE}"
    config = DustConfig(workspace_id=WORKSPACE, api_key=KEY, base_url=url, timeout=30)
    headers = {"Authorization": f"Bearer {KEY}"}
    events_path = f"{root}/assistant/conversations/c/messages/m/events"
    if name == "raw_agents":
        raw = httpx.Client(headers=headers, timeout=30)
        return lambda: raw.get(f"{root}/assistant/agent_configurations").json()
    if name == "raw_conversation":
        raw = httpx.Client(headers=headers, timeout=30)
        return lambda: raw.get(f"{root}/assistant/conversations/c").json()
    if name in ("hand_agents", "hand_conversation"):
        # Budget (c)'s peer: the same pydantic models built by hand from the same bytes.
        from pydantic import TypeAdapter
        from typing_extensions import TypedDict

        from dust_ext.types.agents import AgentConfiguration
        from dust_ext.types.conversations import Conversation

        class AgentsBody(TypedDict):
            agentConfigurations: list[AgentConfiguration]

        class ConversationBody(TypedDict):
            conversation: Conversation

        raw = httpx.Client(headers=headers, timeout=30)
        if name == "hand_agents":
            agents = TypeAdapter(AgentsBody)
            agents_url = f"{root}/assistant/agent_configurations"
            return lambda: agents.validate_json(raw.get(agents_url).content)["agentConfigurations"]
        conversation = TypeAdapter(ConversationBody)
        conversation_url = f"{root}/assistant/conversations/c"
        return lambda: conversation.validate_json(raw.get(conversation_url).content)["conversation"]
    if name == "dust_agents":
        return DustClient(config).agents.list
    if name == "dust_conversation":
        dust = DustClient(config)
        return lambda: dust.conversations.get("c")
    if name == "raw_stream_sync":
        import httpx_sse

        raw = httpx.Client(headers=headers, timeout=30, follow_redirects=True)

        def raw_sync() -> None:
            with httpx_sse.connect_sse(raw, "GET", events_path) as source:
                count = 0
                for sse in source.iter_sse():
                    if sse.event == "message" and sse.data != "done":
                        json.loads(sse.data)
                        count += 1
            assert count == STREAM_EVENTS, count

        return raw_sync
    if name == "dust_stream_sync":
        dust = DustClient(config)

        def dust_sync() -> None:
            count = sum(1 for _ in dust.conversations.stream_message_events("c", "m"))
            assert count == STREAM_EVENTS, count

        return dust_sync
    loop = asyncio.new_event_loop()
    if name == "raw_stream_async":
        import httpx_sse

        araw = httpx.AsyncClient(headers=headers, timeout=30, follow_redirects=True)

        async def raw_async() -> None:
            async with httpx_sse.aconnect_sse(araw, "GET", events_path) as source:
                count = 0
                async for sse in source.aiter_sse():
                    if sse.event == "message" and sse.data != "done":
                        json.loads(sse.data)
                        count += 1
            assert count == STREAM_EVENTS, count

        return lambda: loop.run_until_complete(raw_async())
    if name == "dust_stream_async":
        adust = AsyncDustClient(config)

        async def dust_async() -> None:
            count = 0
            async for _ in adust.conversations.stream_message_events("c", "m"):
                count += 1
            assert count == STREAM_EVENTS, count

        return lambda: loop.run_until_complete(dust_async())
    if name == "raw_chat":
        chat_raw = httpx.AsyncClient(headers=headers, timeout=30, follow_redirects=True)

        async def raw_chat() -> str:
            return await raw_chat_reply(chat_raw, root)

        return lambda: loop.run_until_complete(raw_chat())
    if name == "dust_chat":
        chat_dust = AsyncDustClient(config)

        async def dust_chat() -> str:
            async with chat_dust.chat.stream(agent="dust", text="hi") as stream:
                return "".join([piece async for piece in stream.text_stream])

        return lambda: loop.run_until_complete(dust_chat())
    raise SystemExit(f"unknown contender {name}")


def _child(name: str, url: str, repeats: int) -> None:
    call = _contender(name, url)
    for _ in range(3):
        call()  # warm up: connections, caches, lazily built validators
    for _ in range(repeats):
        call()


def _count(name: str, url: str, repeats: int, cache: bool) -> tuple[int, int]:
    """Instructions, and level-1 data-cache misses (0 unless ``cache``), of one run of ``repeats`` calls."""
    tool = "cachegrind" if cache else "callgrind"
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "valgrind.out"
        completed = subprocess.run(  # noqa: S603 - valgrind on our own interpreter
            [
                shutil.which("valgrind") or "/usr/bin/valgrind",
                f"--tool={tool}",
                *(["--cache-sim=yes"] if cache else []),
                f"--{tool}-out-file={out}",
                sys.executable,
                "-m",
                "benchmarks.count_instructions",
                "--child",
                name,
                url,
                str(repeats),
            ],
            capture_output=True,
            text=True,
            check=True,
            # One hash seed for every run: string hashes (dict and set layouts) no longer differ between the
            # runs whose totals are subtracted.
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
    if not cache:
        match = re.search(r"Collected : (\d+)", completed.stderr)
        if not match:
            raise RuntimeError(completed.stderr[-2000:])
        return int(match.group(1)), 0
    refs = re.search(r"I\s+refs:\s+([\d,]+)", completed.stderr)
    misses = re.search(r"D1\s+misses:\s+([\d,]+)", completed.stderr)
    if not refs or not misses:
        raise RuntimeError(completed.stderr[-2000:])
    return int(refs.group(1).replace(",", "")), int(misses.group(1).replace(",", ""))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", default=list(CASES))
    parser.add_argument("--small", type=int, default=20)
    parser.add_argument("--large", type=int, default=120)
    parser.add_argument("--cache", action="store_true", help="also count level-1 data-cache misses")
    args = parser.parse_args()
    for case in args.cases:
        small, large = args.small, args.large
        if case.startswith("stream"):
            small, large = max(1, small // 20), max(2, large // 20)
        with canned_server(CHAT_STREAM if case == "chat" else "tokens_2000.sse") as url:
            per_call: dict[str, tuple[float, float]] = {}
            for name in CASES[case]:
                many, few = _count(name, url, large, args.cache), _count(name, url, small, args.cache)
                per_call[name] = (
                    (many[0] - few[0]) / (large - small),
                    (many[1] - few[1]) / (large - small),
                )
            (raw, raw_misses), (dust, dust_misses) = (per_call[name] for name in CASES[case])
            line = (
                f"{case:14} raw {raw / 1e6:8.3f} M instr/call   dust {dust / 1e6:8.3f} M   {dust / raw:.3f}x"
            )
            if args.cache:
                line += (
                    f"   D1 misses/call raw {raw_misses:9.0f}   dust {dust_misses:9.0f}"
                    f"   {dust_misses / raw_misses:.3f}x"
                )
            print(line)


if __name__ == "__main__":
    main()
