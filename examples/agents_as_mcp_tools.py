"""An MCP client asking Dust agents through `dust mcp serve` (what Claude Desktop or Cursor do).

    DUST_WORKSPACE_ID=... DUST_API_KEY=... python examples/agents_as_mcp_tools.py [agent] [question]

It starts `dust mcp serve --agent AGENT` as a subprocess, as an MCP client launches a stdio server, with the
official MCP SDK's client: lists the tools, asks a question (printing the progress notifications as the
agent streams), then a follow-up in the same conversation. Needs `pip install 'dust-python[mcp]'`.
"""

from __future__ import annotations

import os
import sys

import anyio
from mcp import ClientSession, StdioServerParameters, types
from mcp.client.stdio import stdio_client


def reply_text(result: types.CallToolResult) -> str:
    return "".join(block.text for block in result.content if isinstance(block, types.TextContent))


async def main(agent: str = "dust", question: str = "What can you do for a Python developer?") -> None:
    server = StdioServerParameters(
        command=sys.executable,
        args=["-m", "dust_ext.cli", "mcp", "serve", "--agent", agent],
        env=dict(os.environ),  # the DUST_* variables say which workspace, and how to sign in
    )
    async with stdio_client(server) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        tools = (await session.list_tools()).tools
        print("tools:", ", ".join(tool.name for tool in tools))
        tool = tools[0].name

        async def show_progress(progress: float, total: float | None, message: str | None) -> None:
            print(message or "", end="", flush=True)

        print(f"you> {question}\n{tool}> ", end="", flush=True)
        first = await session.call_tool(tool, {"question": question}, progress_callback=show_progress)
        if first.isError:
            raise SystemExit(reply_text(first))
        assert first.structuredContent is not None
        conversation_id = first.structuredContent["conversation_id"]
        print(f"\n(conversation {first.structuredContent['conversation_url']})")

        follow_up = "Say it in one sentence."
        second = await session.call_tool(tool, {"question": follow_up, "conversation_id": conversation_id})
        print(f"you> {follow_up}\n{tool}> {reply_text(second)}")


if __name__ == "__main__":
    anyio.run(main, *sys.argv[1:3])
