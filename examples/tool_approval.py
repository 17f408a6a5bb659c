"""An agent asks to run a tool; approve (or reject) the call from code, then read the outcome.

    DUST_WORKSPACE_ID=... DUST_API_KEY=... python examples/tool_approval.py [--reject]

Tools configured in Dust to need approval (a "high stake" action, e.g. sending an email) pause the agent:
its event stream emits ``tool_approve_execution`` and waits until someone answers. The chat stream yields
that as a ``PendingToolAction``; answer it and the stream goes on. Against real Dust, set DUST_AGENT to an
agent with such a tool; the default fits the local emulator's ``approver`` agent.
"""

from __future__ import annotations

import os
import sys

from dust_ext import DustClient, DustConfig
from dust_ext.events import AgentActionSuccessEvent
from dust_ext.resources.tools import PendingToolAction


def main(reject: bool = False) -> None:
    agent = os.environ.get("DUST_AGENT", "approver")
    with DustClient(DustConfig.from_env()) as client:
        # 1. Reading the stream: the waiting tool call arrives as an item to answer.
        with client.chat.stream(agent=agent, text="clean up the staging database") as stream:
            for item in stream:
                if isinstance(item, PendingToolAction):
                    print(f"{agent} wants to run {item.tool_name} with {item.inputs} (stake: {item.stake})")
                    if reject:
                        item.reject()
                    else:
                        item.approve()
                    print(f"-> {item.resolution}")
                elif isinstance(item, AgentActionSuccessEvent):
                    print(f"tool {item.action.toolName} finished: {item.action.status}")
            print(f"{agent}> {stream.until_done().text}")

        # 2. A callback: send() answers each waiting call as it comes (here: approve low stakes only).
        def policy(action: PendingToolAction) -> None:
            print(f"policy: {action.tool_name} at stake {action.stake}")
            if action.stake in ("low", "medium") and not reject:
                action.approve()
            else:
                action.reject()

        response = client.chat.send(agent=agent, text="rotate the API keys", on_tool_action=policy)
        print(f"{agent}> {response.text}")


if __name__ == "__main__":
    main(reject="--reject" in sys.argv[1:])
