"""Memory while streaming a long reply, and many concurrent async streams.

Peak RSS: each measurement runs in a fresh interpreter that streams a reply of S MB of text through
``DustClient.conversations.stream_message_events`` from an in-process byte source (an
``httpx.MockTransport`` generating frames lazily, so the source itself holds nothing) and keeps the reply
text (its pieces, as a chat UI appends them). Growth beyond the accumulated text should be flat in S. Dust's terminal
``agent_message_success`` event repeats the whole reply in ``message.content``; the table shows the stream
with that terminal event (as Dust sends it) and with an empty one, to separate the two costs.

Concurrency: 500 ``AsyncDustClient.chat.stream`` replies at once, the client process pinned to one CPU
and the emulator in another process on the other CPU.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from benchmarks._common import EMULATOR_KEY, EMULATOR_WORKSPACE, ROOT, Table, emulator_process

SIZES_MB = (10, 50)
TOKEN_BYTES = 500
CONCURRENT = 500

_STREAM_CHILD = r"""
import json, sys
import httpx
from benchmarks._streams import chunked, iter_reply_frames, recorded_templates
from dust_ext import DustClient, DustConfig, StreamPolicy
from dust_ext.events import is_reply_text

size_mb, token_bytes, full_terminal = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
one_string = sys.argv[4] == "string"
events = size_mb * 2**20 // token_bytes

reply_events = [events]

def handler(request):
    frames = iter_reply_frames(reply_events[0], token_bytes, full_terminal=full_terminal)
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=chunked(frames))

config = DustConfig(workspace_id="w", api_key="sk-memory", base_url="https://dust.invalid", timeout=60)
# A 50 MB reply's terminal frame is past the default frame cap (32 Mi characters): raise it.
policy = StreamPolicy(max_frame_chars=4 * size_mb * 2**20)
client = DustClient(
    config, http_client=httpx.Client(transport=httpx.MockTransport(handler)), stream_policy=policy
)
def high_water_kb():
    # VmHWM, not ru_maxrss: after fork+exec, ru_maxrss starts at the parent's peak on Linux.
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

def resident_kb():
    # VmRSS now: a large string lives in its own mmap'ed block, so what is still held shows here.
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))

def keep_pieces():
    # The pieces are the accumulated text (not joined, which would hold it twice).
    pieces = []
    at_terminal = 0
    for frame in client.conversations.stream_message_events("c", "m"):
        if is_reply_text(frame.event):
            pieces.append(frame.event.text)
        elif frame.event.type == "agent_message_success":
            # What stays held while the caller has the terminal event (the stream is paused at it).
            at_terminal = resident_kb() - resident_baseline
    return sum(len(piece) for piece in pieces), at_terminal

def keep_one_string():
    # One string grown as the pieces arrive (a local: CPython resizes it in place, no copy per piece).
    text = ""
    at_terminal = 0
    for frame in client.conversations.stream_message_events("c", "m"):
        if is_reply_text(frame.event):
            text += frame.event.text
        elif frame.event.type == "agent_message_success":
            at_terminal = resident_kb() - resident_baseline
    return len(text), at_terminal

recorded_templates()  # record the templates (an emulator run) before the baseline
# One short reply first, so one-time costs (lazy imports, the event validators pydantic builds on first use)
# are not counted as growth of the long reply.
reply_events[0] = 10
for _ in client.conversations.stream_message_events("c", "m"):
    pass
reply_events[0] = events
baseline = high_water_kb()
resident_baseline = resident_kb()
text_bytes, at_terminal = keep_one_string() if one_string else keep_pieces()
peak = high_water_kb()
print(json.dumps({"baseline_kb": baseline, "peak_kb": peak, "text_bytes": text_bytes, "events": events,
                  "at_terminal_kb": at_terminal}))
"""


def _stream_once(size_mb: int, full_terminal: bool, keep: str = "pieces") -> dict[str, int]:
    """One child streaming ``size_mb`` of reply; the caller keeps the text as its ``"pieces"`` (a list of
    the token strings) or as ``"string"`` (one string grown with ``+=``)."""
    out = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [
            sys.executable,
            "-c",
            _STREAM_CHILD,
            str(size_mb),
            str(TOKEN_BYTES),
            "1" if full_terminal else "0",
            keep,
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result: dict[str, int] = json.loads(out.stdout)
    return result


_CONCURRENT_CHILD = r"""
import asyncio, json, os, sys, time
import httpx
from dust_ext import AsyncDustClient, DustConfig, StreamPolicy

url, key, workspace, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
os.sched_setaffinity(0, {0})

async def main():
    config = DustConfig(workspace_id=workspace, api_key=key, base_url=url, timeout=120,
                        default_username="bench", default_timezone="UTC")
    async with AsyncDustClient(config) as client:
        async def one(index):
            async with client.chat.stream(agent="streamer", text=f"tokens=20 delay=0.01 n{index}") as stream:
                return "".join([piece async for piece in stream.text_stream])
        start = time.perf_counter()
        results = await asyncio.gather(*(one(i) for i in range(count)), return_exceptions=True)
        elapsed = time.perf_counter() - start
    expected = " ".join(f"token-{i}" for i in range(1, 21))
    errors = [repr(r)[:200] for r in results if isinstance(r, BaseException)]
    wrong = sum(1 for r in results if isinstance(r, str) and r != expected)
    print(json.dumps({"ok": count - len(errors) - wrong, "errors": errors[:3], "error_count": len(errors),
                      "wrong": wrong, "seconds": elapsed}))

asyncio.run(main())
"""


def _concurrent(count: int) -> dict[str, object]:
    with emulator_process(cpu=1) as url:
        out = subprocess.run(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "-c", _CONCURRENT_CHILD, url, EMULATOR_KEY, EMULATOR_WORKSPACE, str(count)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            timeout=600,
        )
    result: dict[str, object] = json.loads(out.stdout)
    return result


def run() -> Table:
    table = Table(
        "Peak RSS streaming a long reply (fresh interpreter per row), and 500 concurrent async streams",
        [
            "reply text",
            "terminal event",
            "caller keeps the text as",
            "events",
            "peak RSS growth",
            "growth / text size",
            "RSS held at the terminal event / text size",
        ],
    )
    growth: dict[tuple[int, bool], float] = {}
    # The pieces (500-character strings in a list) cost ~1.14x the text on their own; one string, 1x.
    runs = [(size, full, "pieces") for full in (True, False) for size in SIZES_MB]
    runs += [(SIZES_MB[-1], full, "string") for full in (True, False)]
    for size, full_terminal, keep in runs:
        result = _stream_once(size, full_terminal, keep)
        grown_mb = (result["peak_kb"] - result["baseline_kb"]) / 1024
        if keep == "pieces":
            growth[(size, full_terminal)] = grown_mb
        text_mb = result["text_bytes"] / 2**20
        table.rows.append(
            [
                f"{text_mb:.0f} MB",
                "with full content (as Dust)" if full_terminal else "empty content",
                "a list of its pieces" if keep == "pieces" else "one string (+=)",
                f"{result['events']:,}",
                f"{grown_mb:.0f} MB",
                f"{grown_mb / text_mb:.2f}x",
                f"{result['at_terminal_kb'] / 1024 / text_mb:.2f}x",
            ]
        )
    for full_terminal in (True, False):
        small, large = (growth[(size, full_terminal)] for size in SIZES_MB)
        per_mb = (large - small) / (SIZES_MB[1] - SIZES_MB[0])
        label = "with the full terminal event" if full_terminal else "with an empty terminal event"
        table.notes.append(
            f"Marginal growth {label}: {per_mb:.2f} MB of RSS per MB of reply text "
            f"(1.00 = only the accumulated text; the goal is flat beyond it)."
        )
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) >= 2:
        start = time.perf_counter()
        result = _concurrent(CONCURRENT)
        verdict = "met" if result["ok"] == CONCURRENT else "missed"
        table.notes.append(
            f"{CONCURRENT} concurrent AsyncDustClient.chat.stream replies (20 tokens each) on one core: "
            f"{result['ok']} exact, {result['error_count']} errors, {result['wrong']} wrong, in "
            f"{result['seconds']:.1f} s ({time.perf_counter() - start:.1f} s with emulator start) -> {verdict}."
            + (f" First errors: {result['errors']}" if result["errors"] else "")
        )
    return table


if __name__ == "__main__":
    print(run().markdown())
