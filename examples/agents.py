"""List the workspace's agents, read one, search by name.

DUST_WORKSPACE_ID=... DUST_API_KEY=... python examples/agents.py [agent-sId] [search text]
"""

from __future__ import annotations

import sys

from dust_ext import DustClient, DustConfig


def main(sid: str = "dust", query: str = "dust") -> None:
    with DustClient(DustConfig.from_env()) as client:
        agents = client.agents.list()
        print(f"{len(agents)} agents:")
        for agent in agents:
            print(f"  {agent.sId:<16} {agent.scope or '':<10} {agent.name}")
        agent = client.agents.get(sid)
        print(f"\n{agent.name} ({agent.sId}): {agent.description}")
        print(f"\nsearch {query!r}:", [found.sId for found in client.agents.search(q=query)])


if __name__ == "__main__":
    main(*sys.argv[1:3])
