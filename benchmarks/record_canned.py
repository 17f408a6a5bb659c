"""Write the canned responses the canned server replays (``benchmarks/data/canned/``).

Sources, so that the bodies have Dust's shapes rather than only our emulator's:
- the event stream: the frames of ``tests/data/events/agent_message_stream.sse`` (shapes from the official
  ``@dust-tt/client`` types): its ``generation_tokens`` frame repeated with new ids and texts, then its
  ``agent_message_success`` carrying the whole reply, as Dust's terminal event does;
- the conversation and the posted message: Dust's documented responses in ``tests/data/dust_docs/``;
- the agents list: 50 agents shaped like the emulator's ``dust`` agent (which answers to the JS SDK's
  ``LightAgentConfigurationType``), renamed.

Run ``python -m benchmarks.record_canned`` after changing any of them; the files are checked in.
"""

from __future__ import annotations

import json
from typing import Any

from benchmarks._common import ROOT

OUT = ROOT / "benchmarks" / "data" / "canned"
SAMPLE_STREAM = ROOT / "tests" / "data" / "events" / "agent_message_stream.sse"
DOCS = ROOT / "tests" / "data" / "dust_docs"
AGENTS = 50
STREAMS = {"tokens_2000.sse": 2000, "tokens_20.sse": 20}


def _compact(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


def sample_frames() -> list[dict[str, Any]]:
    lines = SAMPLE_STREAM.read_text(encoding="utf-8").splitlines()
    return [json.loads(line[6:]) for line in lines if line.startswith("data: {")]


def token_stream(events: int) -> bytes:
    """``events`` reply tokens then the terminal event, with Redis-stream-like ids (``ms-seq``)."""
    frames = sample_frames()
    token = next(f for f in frames if f["data"]["type"] == "generation_tokens" and f["data"].get("step"))
    final = next(f for f in frames if f["data"]["type"] == "agent_message_success")
    base = int(token["eventId"].split("-")[0])
    parts, texts = [], []
    for index in range(events):
        text = f" word{index}"
        texts.append(text)
        envelope = {"eventId": f"{base + index}-0", "data": {**token["data"], "text": text}}
        parts.append(b"data: " + _compact(envelope) + b"\n\n")
    message = {**final["data"]["message"], "content": "".join(texts), "chainOfThought": ""}
    terminal = {"eventId": f"{base + events}-0", "data": {**final["data"], "message": message}}
    parts.append(b"data: " + _compact(terminal) + b"\n\n")
    return b"".join(parts)


def events_in(stream_file: str) -> int:
    """How many reply tokens ``stream_file`` holds: a checked-in file of :data:`STREAMS`, or any
    ``tokens_<N>.sse``, which :func:`stream_bytes` builds in memory (too large to check in)."""
    if stream_file in STREAMS:
        return STREAMS[stream_file]
    stem = stream_file.removeprefix("tokens_").removesuffix(".sse")
    if not stem.isdecimal():
        raise ValueError(f"not a canned stream: {stream_file}")
    return int(stem)


def stream_bytes(stream_file: str) -> bytes:
    """The body of ``stream_file``: read from ``benchmarks/data/canned/``, or built for ``tokens_<N>.sse``."""
    path = OUT / stream_file
    return path.read_bytes() if path.exists() else token_stream(events_in(stream_file))


def expected_text(stream_file: str) -> str:
    """The reply text a client must assemble from ``stream_file``."""
    return "".join(f" word{index}" for index in range(events_in(stream_file)))


def agents_list() -> bytes:
    import httpx

    from dust_ext.testing import EmulatorServer

    with EmulatorServer() as server:
        body = httpx.get(
            f"{server.base_url}/api/v1/w/{server.workspace_id}/assistant/agent_configurations",
            headers={"Authorization": f"Bearer {server.api_key}"},
        ).json()
    template = next(agent for agent in body["agentConfigurations"] if agent["sId"] == "dust")
    agents = [
        {
            **template,
            "sId": f"agent{index:03d}",
            "name": f"agent-{index}",
            "description": f"Agent number {index}",
        }
        for index in range(AGENTS)
    ]
    return _compact({"agentConfigurations": agents})


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, events in STREAMS.items():
        (OUT / name).write_bytes(token_stream(events))
    (OUT / "agents.json").write_bytes(agents_list())
    (OUT / "conversation.json").write_bytes(
        _compact(json.loads((DOCS / "get_conversation_with_retrieval.json").read_text()))
    )
    (OUT / "conversation_created.json").write_bytes(
        _compact(json.loads((DOCS / "create_conversation_response.json").read_text()))
    )
    (OUT / "message_created.json").write_bytes(
        _compact(json.loads((DOCS / "post_message_response.json").read_text()))
    )
    (OUT / "success.json").write_bytes(b'{"success":true}')
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
