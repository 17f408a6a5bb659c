"""Upload a file, attach it to a conversation as a content fragment, and ask an agent about it.

    DUST_WORKSPACE_ID=... DUST_API_KEY=... python examples/file_upload.py [agent] [path]

Without a path, a small CSV made on the fly is uploaded.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dust_ext import DustClient, DustConfig

SAMPLE_CSV = b"name,team,city\nAda,SDK,London\nGrace,Platform,Paris\n"


def main(agent: str = "dust", path: str | None = None) -> None:
    source: Path | bytes = Path(path) if path else SAMPLE_CSV
    file_name = Path(path).name if path else "team.csv"
    with DustClient(DustConfig.from_env()) as client:
        # Two steps under the hood: reserve the file, then send its bytes; status "ready" when done.
        uploaded = client.files.upload(source, file_name=file_name, use_case="conversation")
        print(f"Uploaded {uploaded.fileName}: {uploaded.sId} ({uploaded.contentType}, {uploaded.status})")

        conversation = client.conversations.create(title=f"About {file_name}")
        fragment = client.conversations.create_content_fragment(
            conversation.sId, title=file_name, file_id=uploaded.sId
        )
        print(f"Attached as content fragment {fragment.sId} to conversation {conversation.sId}")

        question = f"Who is listed in {file_name}?"
        response = client.chat.send(agent=agent, text=question, conversation_id=conversation.sId)
        print(f"\nyou> {question}\n{agent}> {response.text}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
