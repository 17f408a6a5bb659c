"""Retrieval-augmented generation: upsert documents into a data source, then ask an agent that searches it.

    DUST_WORKSPACE_ID=... DUST_API_KEY=... python examples/rag.py

Against real Dust, set DUST_AGENT to an agent of yours whose search tool covers the data source, and
DUST_SPACE_ID / DUST_DATA_SOURCE_ID to that data source (data sources are created in the Dust app; the API
fills them). The defaults fit the local emulator, whose ``researcher`` agent searches every document.
"""

from __future__ import annotations

import os

from dust_ext import DustClient, DustConfig

DOCUMENTS = {
    "handbook-onboarding": (
        "Onboarding",
        "New engineers get a laptop on day one and pair with an onboarding buddy for two weeks.",
    ),
    "handbook-holidays": ("Holidays", "Everyone has 25 days of paid holidays, plus public holidays."),
    "handbook-expenses": ("Expenses", "Submit expenses within 30 days with a receipt attached."),
}


def pick_data_source(client: DustClient) -> tuple[str, str]:
    """The (space, data source) to fill: from the environment, else the first space that has one."""
    space_id, data_source_id = os.environ.get("DUST_SPACE_ID"), os.environ.get("DUST_DATA_SOURCE_ID")
    if space_id and data_source_id:
        return space_id, data_source_id
    for space in client.spaces.list():
        sources = client.data_sources.list(space.sId)
        if sources and sources[0].sId:
            return space.sId, sources[0].sId
    raise SystemExit("No data source in this workspace: create one in Dust, then set DUST_DATA_SOURCE_ID.")


def main() -> None:
    agent = os.environ.get("DUST_AGENT", "researcher")
    with DustClient(DustConfig.from_env()) as client:
        space_id, data_source_id = pick_data_source(client)
        for document_id, (title, text) in DOCUMENTS.items():
            client.data_sources.documents.upsert(
                space_id, data_source_id, document_id, title=title, text=text, tags=["handbook"]
            )
        print(f"Upserted {len(DOCUMENTS)} documents into {data_source_id} (space {space_id}).")

        hits = client.data_sources.search(space_id, data_source_id, "onboarding buddy", top_k=2)
        print("Semantic search:", [(hit.document_id, round(hit.score or 0, 3)) for hit in hits])

        question = "onboarding buddy"
        response = client.chat.send(agent=agent, text=question)
        print(f"\nyou> {question}\n{agent}> {response.text}")
        for action in response.actions:
            print(f"  tool {action.toolName}: {len(action.output or [])} results")


if __name__ == "__main__":
    main()
