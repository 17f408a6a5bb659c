"""A small app on the Dust SDK: an agent triages a support ticket, its reply streamed as it is written."""

from __future__ import annotations

from dust_ext import DustClient, DustConfig


def triage(ticket: str, *, agent: str = "dust") -> str:
    """The agent's triage of ``ticket``: its whole reply, read from the event stream."""
    text = f"Triage this support ticket: {ticket}"
    with DustClient(DustConfig.from_env()) as client, client.chat.stream(agent=agent, text=text) as stream:
        return "".join(stream.text_stream)
