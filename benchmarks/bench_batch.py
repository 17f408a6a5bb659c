"""``client.batch.run`` against a naive ``asyncio.gather`` + semaphore, on an emulator (in its own process)
that rate-limits to K requests per second with a token bucket (429 + Retry-After once it is empty).

The naive loop is what people write first: every row at once behind a semaphore, ``chat.send`` with the
SDK's default retries (two, honouring Retry-After). Under a sustained limit its rows fail; the batch runner
halves its concurrency on each 429 burst, waits as told, grows back, and answers every row."""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks._common import EMULATOR_KEY, EMULATOR_WORKSPACE, Table, emulator_process

ROWS = 1000
REQUESTS_PER_SECOND = 20
CONCURRENCY = 32


def _prompts() -> list[str]:
    return [f"ticket {i}: printer on floor {i % 7} is jammed" for i in range(ROWS)]


async def _naive(base_url: str) -> tuple[int, int, float]:
    from dust_ext import AsyncDustClient, DustConfig, DustError

    config = DustConfig(workspace_id=EMULATOR_WORKSPACE, api_key=EMULATOR_KEY, base_url=base_url)
    semaphore = asyncio.Semaphore(CONCURRENCY)

    async def one(client: AsyncDustClient, prompt: str) -> bool:
        async with semaphore:
            try:
                await client.chat.send(agent="echo", text=prompt)
            except DustError:
                return False
            return True

    started = time.perf_counter()
    async with AsyncDustClient(config) as client:
        outcomes = await asyncio.gather(*(one(client, prompt) for prompt in _prompts()))
    return sum(outcomes), outcomes.count(False), time.perf_counter() - started


def _batch(base_url: str, output: Path) -> tuple[int, int, float, int]:
    from dust_ext import DustClient, DustConfig

    config = DustConfig(workspace_id=EMULATOR_WORKSPACE, api_key=EMULATOR_KEY, base_url=base_url)
    started = time.perf_counter()
    with DustClient(config) as client:
        summary = client.batch.run(
            [{"q": prompt} for prompt in _prompts()],
            agents="echo",
            output=output,
            prompt_column="q",
            concurrency=CONCURRENCY,
        )
    return summary.ok, summary.failed, time.perf_counter() - started, summary.rate_limited


def _set_faults(base_url: str, spec: str) -> None:
    httpx.put(f"{base_url}/_emulator/faults", json={"faults": spec}).raise_for_status()
    httpx.post(f"{base_url}/_emulator/reset").raise_for_status()


def run() -> Table:
    table = Table(
        f"{ROWS} rows through the `echo` agent, emulator limited to {REQUESTS_PER_SECOND} requests/s "
        f"(token bucket), {CONCURRENCY} rows in flight at most",
        [
            "runner",
            "answered",
            "failed",
            "wall",
            "answered rows/s",
            "useful calls/s",
            "429s seen by the runner",
        ],
    )
    limit = f"requests-per-second={REQUESTS_PER_SECOND};burst={REQUESTS_PER_SECOND}"
    with emulator_process() as base_url, tempfile.TemporaryDirectory() as directory:
        _set_faults(base_url, limit)
        ok, failed, wall = asyncio.run(_naive(base_url))
        table.rows.append(
            [
                "naive `asyncio.gather` + semaphore, `chat.send` (SDK retries)",
                str(ok),
                str(failed),
                f"{wall:.1f} s",
                f"{ok / wall:.1f}",
                f"{2 * ok / wall:.1f}",
                "(hidden in SDK retries)",
            ]
        )
        _set_faults(base_url, limit)
        ok, failed, wall, limited = _batch(base_url, Path(directory) / "out.jsonl")
        table.rows.append(
            [
                "`client.batch.run` (adaptive)",
                str(ok),
                str(failed),
                f"{wall:.1f} s",
                f"{ok / wall:.1f}",
                f"{3 * ok / wall:.1f}",
                str(limited),
            ]
        )
    table.notes.append(
        f"Useful calls/s: calls of rows that were answered, out of the {REQUESTS_PER_SECOND} the server allows."
    )
    table.notes.append(
        "A batch row costs 3 calls (create the conversation, post the message, read the reply's stream), "
        f"so {REQUESTS_PER_SECOND} requests/s allow at most about {REQUESTS_PER_SECOND / 3:.0f} rows/s; "
        "`chat.send` needs 2 (conversation and message in one call), but its retries do not save its rows: "
        "after a 1 s Retry-After every waiting call comes back at once and most find the bucket empty again."
    )
    table.notes.append(
        "Why 3 calls: the conversation is created first and its id journaled before the message is posted, so "
        "a run killed at any point resumes without posting twice (Dust lists conversations only for user "
        "credentials, so a conversation created with its message by a run that died before the response "
        "could not be found again with an API key)."
    )
    return table
