"""A multi-turn chat: several turns in one conversation, then the conversation's history.

DUST_WORKSPACE_ID=... DUST_API_KEY=... python examples/multi_turn_session.py [agent]
"""

from __future__ import annotations

import sys

from dust_ext import DustClient, DustConfig

TURNS = [
    "I am writing a Python CLI that backs up notes to Dust.",
    "Which libraries would you use for the command line?",
    "Summarise our conversation in one sentence.",
]


def main(agent: str = "dust") -> None:
    with DustClient(DustConfig.from_env()) as client:
        session = client.chat.session(agent=agent, title="Notes CLI design")
        for turn in TURNS:
            print(f"you> {turn}")
            print(f"{agent}> ", end="", flush=True)
            with session.stream(turn) as stream:
                for piece in stream.text_stream:
                    print(piece, end="", flush=True)
            print("\n")

        print(f"History of conversation {session.conversation_id}:")
        for message in session.history():
            print(f"  {message.role:>9}: {message.text[:70]}")

        # Another process can resume the same conversation from its id.
        resumed = client.chat.session(agent=agent, conversation_id=session.conversation_id)
        print(f"\nresumed> {resumed.send('Thanks!').text[:70]}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
