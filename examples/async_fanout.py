"""Ask several questions at once with the async client, at most a few in flight.

DUST_WORKSPACE_ID=... DUST_API_KEY=... python examples/async_fanout.py [agent]
"""

from __future__ import annotations

import asyncio
import sys

from dust_ext import AsyncDustClient, ChatResponse, DustAgentError, DustConfig

QUESTIONS = [
    "What is a vector database?",
    "What is retrieval-augmented generation?",
    "What is an MCP server?",
    "What is server-sent events streaming?",
    "What is exponential backoff?",
]
# Dust rate-limits per workspace; a semaphore keeps the burst small (a 429 would be retried anyway).
MAX_IN_FLIGHT = 3


async def ask(client: AsyncDustClient, gate: asyncio.Semaphore, agent: str, question: str) -> ChatResponse:
    async with gate:
        return await client.chat.send(agent=agent, text=question)


async def main(agent: str = "dust") -> int:
    gate = asyncio.Semaphore(MAX_IN_FLIGHT)
    async with AsyncDustClient(DustConfig.from_env()) as client:
        results = await asyncio.gather(
            *(ask(client, gate, agent, question) for question in QUESTIONS), return_exceptions=True
        )
    failures = 0
    for question, result in zip(QUESTIONS, results, strict=True):
        print(f"Q: {question}")
        if isinstance(result, DustAgentError):
            failures += 1
            print(f"   failed: {result}")
        elif isinstance(result, BaseException):
            raise result
        else:
            print(f"A: {result.text[:100]}")
    print(f"\n{len(QUESTIONS) - failures}/{len(QUESTIONS)} answered")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(*sys.argv[1:2])))
