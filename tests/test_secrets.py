"""The API key never shows up in anything the SDK produces: reprs, strs, exceptions and their tracebacks,
log records at DEBUG (the SDK's, httpx's and httpcore's), or recorded cassettes.

A dedicated emulator accepts a distinctive key; a representative run (listing agents, creating and
reading conversations, chatting, streaming, raw responses, every error family, transport failures) is
made with it, sync and async, and everything it produced is searched for the key.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from dust_ext import AsyncDustClient, DustClient, DustConfig, DustError, RetryPolicy, StreamPolicy
from dust_ext.testing import EmulatorServer
from dust_ext.testing.recording import dust_cassette

SECRET = "sk-dst-SECRET-7f3a9c21e4b84d0f-must-never-leak"
WRONG_SECRET = "sk-dst-WRONG-0a1b2c3d4e5f-also-secret"
CASSETTES = Path(__file__).parent / "cassettes"
FAST_RETRIES = RetryPolicy(
    max_retries=1, initial_backoff=0.0, max_backoff=0.0, jitter=0.0, max_retry_after=0.0
)
FAST_STREAMS = StreamPolicy(max_reconnects=1, reconnect_delay=0.0)


@pytest.fixture(scope="module")
def secret_emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(api_key=SECRET) as server:
        yield server


def config_for(server_url: str, api_key: str = SECRET, **overrides: Any) -> DustConfig:
    values: dict[str, Any] = {
        "workspace_id": "demo-workspace",
        "api_key": api_key,
        "base_url": server_url,
        "timeout": 5.0,
        "default_username": "peter",
        "default_timezone": "Europe/Paris",
    }
    values.update(overrides)
    return DustConfig(**values)


class Evidence:
    """Everything a run produced that a user could print, log or ship."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def add(self, thing: Any) -> None:
        self.texts.extend([repr(thing), str(thing)])
        if isinstance(thing, BaseException):
            self.texts.append("".join(traceback.format_exception(thing)))
            self.texts.extend(repr(arg) for arg in thing.args)
            self.texts.extend(repr(value) for value in vars(thing).values())

    def capture(self, call: Callable[[], Any]) -> Any:
        """Run ``call``, keeping its result or its exception."""
        try:
            result = call()
        except DustError as exc:
            self.add(exc)
            return exc
        self.add(result)
        if isinstance(result, list):
            for item in result:
                self.add(item)
        return result

    def leaks(self, secret: str) -> list[str]:
        return [text[:300] for text in self.texts if secret in text]


def _refused_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def _silent_url() -> tuple[str, Callable[[], None]]:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.02)
    stopping = threading.Event()
    held: list[socket.socket] = []

    def accept() -> None:
        while not stopping.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()

    def stop() -> None:
        stopping.set()
        thread.join(timeout=5)
        listener.close()
        for connection in held:
            connection.close()

    return f"http://127.0.0.1:{listener.getsockname()[1]}", stop


def sync_run(server: EmulatorServer, evidence: Evidence) -> None:
    config = config_for(server.base_url)
    evidence.add(config)
    with DustClient(
        config, retry_policy=FAST_RETRIES, stream_policy=FAST_STREAMS, sleep=lambda _: None
    ) as dust:
        evidence.add(dust)
        evidence.add(dust.http)
        evidence.capture(dust.agents.list)
        conversation = evidence.capture(lambda: dust.conversations.create(message="hi", mentions=["echo"]))
        cid, mid = conversation.sId, conversation.agent_messages[0].sId
        evidence.capture(lambda: dust.conversations.get(cid))
        evidence.capture(lambda: list(dust.conversations.stream_message_events(cid, mid)))
        evidence.capture(lambda: dust.chat.send(agent="echo", text="hello"))
        with dust.chat.stream(agent="streamer", text="tokens=3 go") as stream:
            evidence.add(stream)
            evidence.capture(lambda: list(stream.text_stream))
        evidence.capture(lambda: dust.conversations.get("no-such-conversation"))
        evidence.capture(lambda: dust.chat.send(agent="failing", text="fail"))
        evidence.capture(lambda: dust.chat.send(agent="no-such-agent", text="hi"))
        server.set_faults("rate-limit=5;retry-after=1;path=/agent_configurations")
        evidence.capture(dust.agents.list)
        server.set_faults("server-error=5;path=/agent_configurations")
        evidence.capture(dust.agents.list)
        server.set_faults("malformed-frame-at=1;path=/messages/")
        evidence.capture(lambda: list(dust.conversations.stream_message_events(cid, mid)))
        server.set_faults("drop-after=0;path=/messages/")
        evidence.capture(lambda: list(dust.conversations.stream_message_events(cid, mid)))
        server.set_faults("")
    with DustClient(config_for(server.base_url, WRONG_SECRET), retry_policy=FAST_RETRIES) as wrong:
        evidence.capture(wrong.agents.list)
        evidence.capture(wrong.validate)
    with DustClient(config_for(_refused_url()), retry_policy=FAST_RETRIES, sleep=lambda _: None) as refused:
        evidence.capture(refused.agents.list)
    silent_url, stop = _silent_url()
    try:
        with DustClient(config_for(silent_url, timeout=0.2), retry_policy=FAST_RETRIES) as silent:
            evidence.capture(silent.agents.list)
    finally:
        stop()


async def async_run(server: EmulatorServer, evidence: Evidence) -> None:
    async def no_wait(_: float) -> None:
        return None

    config = config_for(server.base_url)
    async with AsyncDustClient(
        config, retry_policy=FAST_RETRIES, stream_policy=FAST_STREAMS, sleep=no_wait
    ) as dust:
        evidence.add(dust)
        evidence.add(await dust.agents.list())
        evidence.add(await dust.chat.send(agent="echo", text="async hello"))
        for call in (
            lambda: dust.conversations.get("no-such-conversation"),
            lambda: dust.chat.send(agent="failing", text="fail"),
        ):
            try:
                await call()
            except DustError as exc:
                evidence.add(exc)
    async with AsyncDustClient(config_for(server.base_url, WRONG_SECRET), retry_policy=FAST_RETRIES) as wrong:
        try:
            await wrong.agents.list()
        except DustError as exc:
            evidence.add(exc)


def test_the_api_key_appears_in_no_repr_str_exception_or_log(
    secret_emulator: EmulatorServer, caplog: pytest.LogCaptureFixture
) -> None:
    evidence = Evidence()
    with caplog.at_level(logging.DEBUG):
        sync_run(secret_emulator, evidence)
        asyncio.run(async_run(secret_emulator, evidence))
    log_texts = [caplog.text] + [
        f"{record.getMessage()} {record.args!r} {record.exc_text or ''}" for record in caplog.records
    ]
    evidence.texts.extend(log_texts)
    # The run did exercise what it claims: requests were logged and errors were raised and kept.
    assert any("dust request" in text for text in log_texts)
    assert any("HTTP Request" in text for text in log_texts)
    assert sum("Error" in text for text in evidence.texts) > 10
    for secret in (SECRET, WRONG_SECRET):
        assert evidence.leaks(secret) == []


def test_a_recorded_cassette_holds_no_key(secret_emulator: EmulatorServer, tmp_path: Path) -> None:
    cassette = tmp_path / "secret.yaml"
    with (
        dust_cassette(cassette, record_mode="all"),
        DustClient(config_for(secret_emulator.base_url), retry_policy=FAST_RETRIES) as dust,
    ):
        dust.agents.list()
        dust.chat.send(agent="echo", text="recorded")
    text = cassette.read_text(encoding="utf-8")
    assert "agent_configurations" in text
    assert SECRET not in text
    assert "authorization" not in text.lower()


@pytest.mark.parametrize("path", sorted(CASSETTES.glob("*.yaml")), ids=lambda path: path.name)
def test_committed_cassettes_hold_no_credentials(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert SECRET not in text
    assert "bearer" not in text.lower()
    for interaction in yaml.safe_load(text)["interactions"]:
        headers = {name.lower() for name in interaction["request"]["headers"]}
        assert not headers & {"authorization", "cookie", "x-api-key"}
