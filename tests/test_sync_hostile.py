"""``dust sync`` against hostile servers written here (raw sockets): a lost upsert answer is sent again (an
upsert is idempotent), a 429 is waited out, a listing cut short stops the run with a typed error before any
write. Sync (blocking) and async drivers alike."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from dust_ext import AsyncDustClient, DustClient, DustConfig, RetryPolicy
from dust_ext.exceptions import DustConfigError, DustError
from dust_ext.sync import async_sync_folder, sync_folder
from dust_ext.sync.models import SyncReport
from dust_ext.testing.hostile import Exchange, HostileServer, response_bytes, response_head

NO_WAIT = RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0, jitter=0.0, max_retry_after=0.0)
DOCUMENTS = "/api/v1/w/W/spaces/S/data_sources/D/documents"


def answer_json(exchange: Exchange, status: int, body: object, headers: dict[str, str] | None = None) -> None:
    exchange.send(response_bytes(status, json.dumps(body).encode(), headers, content_type="application/json"))


def upserted(document_id: str) -> dict[str, object]:
    return {"document": {"hash": "h", "text_size": 1, "chunk_count": 1, "token_count": 1, "created": 1}}


class Script:
    """Serves an empty data source; the first upsert of ``cut.md`` loses its answer mid-body, the first of
    ``limited.md`` is answered 429 (Retry-After: 0)."""

    def __init__(self, listing: Callable[[Exchange], None] | None = None) -> None:
        self.lock = threading.Lock()
        self.posts: list[str] = []
        self.listing = listing

    def __call__(self, exchange: Exchange) -> None:
        request = exchange.request
        if request.method == "GET" and request.path == DOCUMENTS:
            if self.listing is not None:
                self.listing(exchange)
                return
            answer_json(exchange, 200, {"documents": [], "total": 0})
            return
        document_id = request.path.rsplit("/", 1)[1]
        with self.lock:
            self.posts.append(document_id)
            tries = self.posts.count(document_id)
        if document_id.startswith("cut.md") and tries == 1:
            exchange.send(response_head(200, {"Content-Type": "application/json", "Content-Length": "500"}))
            exchange.send(b'{"document": {"ha')
            exchange.close()
            return
        if document_id.startswith("limited.md") and tries == 1:
            answer_json(
                exchange,
                429,
                {"error": {"type": "rate_limit_error", "message": "slow"}},
                {"Retry-After": "0"},
            )
            return
        answer_json(exchange, 200, upserted(document_id))


def run(kind: str, folder: Path, url: str, **extra: object) -> SyncReport:
    config = DustConfig(workspace_id="W", api_key="sk-test", base_url=url, timeout=5.0)
    options = {"space_id": "S", "data_source_id": "D", "upserts_per_minute": 1e6, "max_attempts": 3, **extra}
    if kind == "sync":
        with DustClient(config, retry_policy=NO_WAIT) as client:
            return sync_folder(client, folder, **options)

    async def go() -> SyncReport:
        async with AsyncDustClient(config, retry_policy=NO_WAIT) as client:
            return await async_sync_folder(client, folder, **options)

    import asyncio

    return asyncio.run(go())


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_lost_answer_is_sent_again_and_a_429_waited_out(kind: str, tmp_path: Path) -> None:
    for name in ("cut.md", "limited.md", "plain.md"):
        (tmp_path / name).write_text(name)
    script = Script()
    with HostileServer(script) as server:
        report = run(kind, tmp_path, server.url)
    assert (report.created, report.failed, report.rate_limited) == (3, 0, 1)
    assert sorted(name.split("-")[0] for name in script.posts) == [
        "cut.md", "cut.md", "limited.md", "limited.md", "plain.md",
    ]  # fmt: skip


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_listing_cut_short_stops_before_any_write(kind: str, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("a")

    def cut_listing(exchange: Exchange) -> None:
        exchange.send(response_head(200, {"Content-Type": "application/json", "Content-Length": "900"}))
        exchange.send(b'{"documents": [{"document_id": "x", "ta')
        exchange.close()

    script = Script(listing=cut_listing)
    with HostileServer(script) as server, pytest.raises(DustError):
        run(kind, tmp_path, server.url)
    assert script.posts == []


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_hierarchy_refused_to_a_plain_key_stops_the_run_with_a_clear_error(
    kind: str, tmp_path: Path
) -> None:
    (tmp_path / "guide").mkdir()
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / "guide" / name).write_text(name)
    posts: list[str] = []

    def dust_front(exchange: Exchange) -> None:
        # What Dust answers a non-system key: folders 403, parents 400 (messages as in Dust's handlers).
        request = exchange.request
        if request.method == "GET":
            answer_json(exchange, 200, {"documents": [], "total": 0})
            return
        posts.append(request.path)
        if "/folders/" in request.path:
            message = "Only system keys are allowed to use this endpoint."
            answer_json(exchange, 403, {"error": {"type": "invalid_oauth_token_error", "message": message}})
            return
        message = "Setting a custom hierarchy is not supported yet. Please omit the parents field."
        answer_json(exchange, 400, {"error": {"type": "invalid_request_error", "message": message}})

    with HostileServer(dust_front) as server, pytest.raises(DustConfigError, match="system API keys only"):
        run(kind, tmp_path, server.url, hierarchy=True, concurrency=1)
    assert len(posts) == 1  # stopped at the first refusal
