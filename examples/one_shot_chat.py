"""Ask an agent one question and print its complete reply.

DUST_WORKSPACE_ID=... DUST_API_KEY=... python examples/one_shot_chat.py [agent] [question]
"""

from __future__ import annotations

import sys

from dust_ext import DustAgentError, DustClient, DustConfig


def main(agent: str = "dust", question: str = "In two sentences, what is Dust?") -> int:
    with DustClient(DustConfig.from_env()) as client:
        try:
            response = client.chat.send(agent=agent, text=question)
        except DustAgentError as error:
            print(f"{agent} failed: {error}", file=sys.stderr)
            return 1
        print(f"you> {question}")
        print(f"{agent}> {response.text}")
        print(f"(conversation {response.conversation_id}, message {response.message_id})")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
