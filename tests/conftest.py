"""Shared fixtures: the Dust emulator (from dust_ext.testing's pytest plugin) and a plain-httpx client for it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, settings

from dust_ext.testing import EmulatorServer

pytest_plugins = ["dust_ext.testing.pytest_plugin", "sdk_support"]

# Property tests draw the same examples on every run (derandomize) and are never timed: a loaded CI box
# must not turn a slow example into a failure (timings belong in benchmarks/).
settings.register_profile(
    "dust", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("dust")

CONTEXT = {"username": "peter", "timezone": "Europe/Paris", "fullName": "Peter Parker"}


@dataclass
class StreamRead:
    """What one SSE request delivered: parsed frames (malformed ones as raw text) and how it ended."""

    frames: list[Any] = field(default_factory=list)
    error: Exception | None = None
    status_code: int = 200

    @property
    def events(self) -> list[dict[str, Any]]:
        return [frame for frame in self.frames if isinstance(frame, dict)]

    @property
    def types(self) -> list[str]:
        return [event["data"]["type"] for event in self.events]


class EmulatorApi:
    """A thin plain-httpx helper bound to the emulator's workspace (deliberately not the SDK)."""

    def __init__(self, server: EmulatorServer) -> None:
        self.server = server
        self.root = f"{server.base_url}/api/v1/w/{server.workspace_id}"
        # Event streams answer 307 to /api/sse/ on the same origin (as Dust does); httpx keeps the
        # Authorization header on a same-origin redirect.
        self.client = httpx.Client(
            base_url=self.root,
            headers={"Authorization": f"Bearer {server.api_key}"},
            timeout=10,
            follow_redirects=True,
        )

    def create_conversation(self, content: str, agent: str, **extra: Any) -> dict[str, Any]:
        body = {"message": {"content": content, "mentions": [{"configurationId": agent}], "context": CONTEXT}}
        body.update(extra)
        response = self.client.post("/assistant/conversations", json=body)
        assert response.status_code == 200, response.text
        return response.json()

    def ask(self, content: str, agent: str, **extra: Any) -> tuple[str, str]:
        """Create a conversation with one message; return (conversation sId, agent message sId)."""
        conversation = self.create_conversation(content, agent, **extra)["conversation"]
        return conversation["sId"], conversation["content"][1][0]["sId"]

    def read_stream(
        self, path: str, *, headers: dict[str, str] | None = None, last_event_id: str | None = None
    ) -> StreamRead:
        params = {"lastEventId": last_event_id} if last_event_id else None
        result = StreamRead()
        with self.client.stream("GET", path, headers=headers, params=params) as response:
            result.status_code = response.status_code
            if response.status_code != 200:
                response.read()
                result.frames.append(response.json())
                return result
            try:
                for frame in iter_frames(response.iter_lines()):
                    result.frames.append(frame)
            except httpx.HTTPError as exc:
                result.error = exc
        return result

    def message_events_path(self, conversation_id: str, message_id: str) -> str:
        return f"/assistant/conversations/{conversation_id}/messages/{message_id}/events"

    def agent_message(self, conversation_id: str, message_id: str) -> dict[str, Any]:
        conversation = self.client.get(f"/assistant/conversations/{conversation_id}").json()["conversation"]
        return next(m for versions in conversation["content"] for m in versions if m["sId"] == message_id)


def iter_frames(lines: Iterator[str]) -> Iterator[Any]:
    """SSE frames from text lines: JSON objects, or the raw text of a frame that is not valid JSON. Named
    frames (Dust's ``dust-handshake``) and the ``done`` sentinel are skipped, as a client of Dust does."""
    data: list[str] = []
    named = False
    for line in lines:
        if line == "":
            if data and not named and data != ["done"]:
                raw = "\n".join(data)
                try:
                    yield json.loads(raw)
                except json.JSONDecodeError:
                    yield raw
            data, named = [], False
        elif line.startswith("event:"):
            named = line[6:].strip() not in ("", "message")
        elif line.startswith("data:"):
            data.append(line[5:].lstrip(" "))
    if data:
        yield "\n".join(data)


@pytest.fixture
def emulator_api(fresh_dust_emulator: EmulatorServer) -> Iterator[EmulatorApi]:
    """A plain-httpx client for a freshly reset emulator."""
    api = EmulatorApi(fresh_dust_emulator)
    yield api
    api.client.close()
