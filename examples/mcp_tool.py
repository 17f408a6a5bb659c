"""Expose Python functions to Dust agents as tools, through a client-side MCP server.

    DUST_WORKSPACE_ID=... DUST_API_KEY=... python examples/mcp_tool.py

``client.mcp.serve`` registers an MCP server with Dust (its tools described by the functions' names,
docstrings and type hints), keeps it alive with heartbeats, and answers the tool calls Dust forwards to it
from a background thread. A message makes the server available to the agent through its context's
``clientSideMCPServerIds``. Against real Dust, set DUST_AGENT to an agent allowed to use client-side tools;
the default fits the local emulator's ``toolcaller`` agent, which calls the tool named by ``tool=`` with the
``key=value`` arguments of the message.
"""

from __future__ import annotations

import os

from dust_ext import DustClient, DustConfig


def exchange_rate(base: str, quote: str) -> float:
    """The exchange rate from one currency to another (a fixed table: this is an example)."""
    rates = {("EUR", "USD"): 1.08, ("USD", "EUR"): 0.93, ("GBP", "EUR"): 1.17}
    return rates.get((base.upper(), quote.upper()), 1.0)


def word_count(text: str) -> int:
    """How many words a text has."""
    return len(text.split())


def main() -> None:
    agent = os.environ.get("DUST_AGENT", "toolcaller")
    config = DustConfig.from_env()
    with (
        DustClient(config) as client,
        client.mcp.serve(tools=[exchange_rate, word_count], server_name="python-tools") as server,
    ):
        print(f"MCP server {server.server_id} serves: {sorted(server.protocol.tools)}")
        response = client.chat.send(
            agent=agent,
            text='What is the EUR to USD rate? tool=exchange_rate base="EUR" quote="USD"',
            context={
                "username": config.default_username,
                "timezone": config.default_timezone,
                "clientSideMCPServerIds": [server.server_id],
            },
        )
        print(f"{agent}> {response.text}")
        print(f"requests answered by this process: {[request.method for request in server.handled]}")


if __name__ == "__main__":
    main()
