"""Stream an agent's reply token by token.

    DUST_WORKSPACE_ID=... DUST_API_KEY=... python examples/streaming_chat.py [agent] [question]

With the variables of real Dust it talks to Dust; `make demo` runs it against the local emulator.
"""

from __future__ import annotations

import sys

from dust_ext import DustClient, DustConfig


def main(agent: str = "dust", question: str = "What can you do for a Python developer?") -> None:
    with DustClient(DustConfig.from_env()) as client:
        print(f"you> {question}")
        print(f"{agent}> ", end="", flush=True)
        with client.chat.stream(agent=agent, text=question) as stream:
            for piece in stream.text_stream:
                print(piece, end="", flush=True)
        print(f"\n(conversation {stream.conversation_id})")


if __name__ == "__main__":
    main(*sys.argv[1:3])
