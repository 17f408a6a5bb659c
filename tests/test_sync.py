"""``dust sync`` against the emulator: incremental from the data source's own documents, counted
server-side (``EmulatorServer.write_counts``), hostile inputs, 429s, the CLI."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sdk_support import emulator_config
from typer.testing import CliRunner

from dust_ext import AsyncDustClient, DustClient
from dust_ext.cli import app
from dust_ext.sync import (
    MANAGED_TAG,
    DatasetSource,
    FolderSource,
    _source,
    async_sync_folder,
    sync,
    sync_folder,
)
from dust_ext.testing import EmulatorServer

SPACE = "vlt_global"
DS = "dts_sync"
FAST = {"upserts_per_minute": 1_000_000.0, "concurrency": 8}


@pytest.fixture
def emulator(fresh_dust_emulator: EmulatorServer) -> EmulatorServer:
    fresh_dust_emulator.add_data_source(DS, "sync")
    return fresh_dust_emulator


@pytest.fixture
def client(emulator: EmulatorServer) -> Iterator[DustClient]:
    with DustClient(emulator_config(emulator)) as dust:
        yield dust


def write_tree(root: Path, count: int) -> list[Path]:
    paths = []
    for index in range(count):
        path = root / f"section{index % 7}" / f"page{index:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# Page {index}\n\nBody of page {index}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def remote_state(client: DustClient) -> dict[str, dict[str, Any]]:
    page = client.data_sources.documents.list(SPACE, DS, limit=500)
    return {
        doc.document_id: {
            "text": doc.text,
            "title": doc.title,
            "tags": sorted(doc.tags),
            "parents": doc.parents,
        }
        for doc in page
    }


def test_500_files_then_a_rerun_sends_nothing(
    tmp_path: Path, emulator: EmulatorServer, client: DustClient
) -> None:
    write_tree(tmp_path, 500)
    first = sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, **FAST)
    assert (first.created, first.failed) == (500, 0)
    assert emulator.write_counts(DS) == {"document.upsert": 500}

    again = sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, **FAST)
    assert (again.unchanged, again.writes, again.remote_documents) == (500, 0, 500)
    assert emulator.write_counts(DS) == {"document.upsert": 500}  # nothing sent


def test_changes_are_exact_and_deletes_need_the_flag(
    tmp_path: Path, emulator: EmulatorServer, client: DustClient
) -> None:
    paths = write_tree(tmp_path, 30)
    sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, **FAST)
    for path in paths[:5]:
        path.write_text(path.read_text() + "edited\n")
    for path in paths[5:8]:
        path.unlink()
    (tmp_path / "new1.md").write_text("one")
    (tmp_path / "new2.md").write_text("two")

    kept = sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, **FAST)
    assert (kept.created, kept.updated, kept.deleted, kept.unchanged) == (2, 5, 0, 22)
    assert [a.reason for a in kept.actions if a.kind == "skip" and a.reason != "unchanged"] == [
        "gone from the source (kept: no --delete)"
    ] * 3
    assert emulator.write_counts(DS) == {"document.upsert": 30 + 7}

    deleted = sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, delete=True, **FAST)
    assert (deleted.created, deleted.updated, deleted.deleted) == (0, 0, 3)
    assert emulator.write_counts(DS) == {"document.upsert": 37, "document.delete": 3}
    assert len(remote_state(client)) == 29


def test_documents_not_written_by_this_sync_are_never_deleted_or_overwritten(
    tmp_path: Path, emulator: EmulatorServer, client: DustClient
) -> None:
    write_tree(tmp_path, 3)
    by_hand = client.data_sources.documents.upsert(SPACE, DS, "handmade", text="written by a person")
    other_scope = client.data_sources.documents.upsert(
        SPACE, DS, "other", text="x", tags=[MANAGED_TAG, "dust-sync:scope:wiki"]
    )
    colliding_id = _source.document_id_for_path("section0/page0000.md", "default")
    client.data_sources.documents.upsert(SPACE, DS, colliding_id, text="mine, not the sync's")

    report = sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, delete=True, **FAST)
    state = remote_state(client)
    assert {by_hand.document_id, other_scope.document_id} <= set(state)
    assert state[colliding_id]["text"] == "mine, not the sync's"
    conflict = next(a for a in report.actions if a.target_id == colliding_id)
    assert conflict.kind == "skip"
    assert conflict.reason.startswith("conflict")
    assert report.deleted == 0

    adopted = sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, adopt=True, **FAST)
    assert adopted.updated == 1
    assert remote_state(client)[colliding_id]["text"].startswith("# Page 0")


def test_dry_run_prints_the_plan_and_sends_nothing(
    tmp_path: Path, emulator: EmulatorServer, client: DustClient
) -> None:
    write_tree(tmp_path, 4)
    report = sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, dry_run=True, **FAST)
    assert [(a.kind, a.status) for a in report.actions] == [("create", "planned")] * 4
    assert emulator.write_counts(DS) == {}


def test_hierarchy_lays_out_folders_and_parents_from_the_document_up(
    tmp_path: Path, emulator: EmulatorServer, client: DustClient
) -> None:
    (tmp_path / "guides" / "setup").mkdir(parents=True)
    (tmp_path / "guides" / "setup" / "install.md").write_text("---\ntitle: Installing\n---\nSteps.")
    (tmp_path / "top.txt").write_text("top")
    report = sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, hierarchy=True, **FAST)
    assert (report.created, report.folders_created) == (2, 2)
    setup = _source.folder_id_for_path("guides/setup", "default")
    guides = _source.folder_id_for_path("guides", "default")
    install = _source.document_id_for_path("guides/setup/install.md", "default")
    state = remote_state(client)
    assert state[install]["parents"] == [install, setup, guides]
    assert state[install]["title"] == "Installing"
    assert (
        sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, hierarchy=True, **FAST).writes == 0
    )

    (tmp_path / "guides" / "setup" / "install.md").unlink()
    gone = sync_folder(
        client, tmp_path, space_id=SPACE, data_source_id=DS, hierarchy=True, delete=True, **FAST
    )
    assert (gone.deleted, gone.folders_deleted) == (1, 2)
    assert emulator.write_counts(DS) == {
        "folder.upsert": 2,
        "document.upsert": 2,
        "folder.delete": 2,
        "document.delete": 1,
    }


def test_hostile_inputs_are_skipped_with_a_reason(
    tmp_path: Path, emulator: EmulatorServer, client: DustClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ünïcødé 文档 📄.md").write_text("unicode")
    long_name = "l" * 240 + ".md"
    (tmp_path / long_name).write_text("long")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "huge.md").write_bytes(b"x" * 2049)
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    os.mkfifo(tmp_path / "pipe.md")
    os.symlink("self.md", tmp_path / "self.md")
    os.symlink(".", tmp_path / "loop")
    (tmp_path / "vanishing.md").write_text("here at the scan")
    (tmp_path / ".hidden.md").write_text("hidden")
    (tmp_path / ".gitignore").write_text("ignored.md\n")
    (tmp_path / "ignored.md").write_text("ignored")

    original = _source._read_regular_file

    def vanish_first(path: Path, limit: int) -> bytes | str:
        if path.name == "vanishing.md":
            path.unlink()
        return original(path, limit)

    monkeypatch.setattr(_source, "_read_regular_file", vanish_first)
    report = sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, max_document_bytes=2048, **FAST)
    reasons = {a.origin: a.reason for a in report.actions if a.kind == "skip"}
    assert reasons["huge.md"].startswith("over the size limit")
    assert reasons["binary.bin"] == "binary file (not text)"
    assert reasons["latin1.txt"] == "binary file (not UTF-8 text)"
    assert "system keys only" in reasons["report.pdf"]
    assert reasons["pipe.md"] == "not a regular file (FIFO)"
    assert reasons["self.md"] == "symlink loop"
    assert reasons["loop"].startswith("symlinked folder not followed")
    assert reasons["vanishing.md"].startswith("unreadable: vanished")
    assert report.created == 3  # the unicode name, the long name, the empty file
    assert report.ignored == 3  # .hidden.md, .gitignore, ignored.md
    assert report.failed == 0
    texts = sorted(doc["text"] for doc in remote_state(client).values())
    assert texts == ["", "long", "unicode"]

    followed = sync(
        client,
        FolderSource(tmp_path, follow_symlinks=True, max_document_bytes=2048),
        space_id=SPACE,
        data_source_id=DS,
        **FAST,
    )
    reasons = {a.origin: a.reason for a in followed.actions if a.kind == "skip"}
    assert reasons["loop"] == "folder already visited (symlink loop)"
    assert followed.writes == 0


def test_a_file_that_cannot_be_read_keeps_its_document(
    tmp_path: Path, emulator: EmulatorServer, client: DustClient
) -> None:
    write_tree(tmp_path, 2)
    sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, **FAST)
    (tmp_path / "section0" / "page0000.md").write_bytes(b"x" * 100)
    report = sync_folder(
        client, tmp_path, space_id=SPACE, data_source_id=DS, delete=True, max_document_bytes=50, **FAST
    )
    assert report.deleted == 0
    assert len(remote_state(client)) == 2


def test_429s_slow_the_sync_down_and_every_write_lands(
    tmp_path: Path, emulator: EmulatorServer, client: DustClient
) -> None:
    write_tree(tmp_path, 10)
    emulator.set_faults("rate-limit=3;retry-after=0;path=/documents/")
    report = sync_folder(
        client, tmp_path, space_id=SPACE, data_source_id=DS, upserts_per_minute=1e6, concurrency=1
    )
    # The emulator counts the fault per request path: each document's upsert is refused 3 times first.
    assert (report.created, report.failed, report.rate_limited) == (10, 0, 30)
    assert emulator.write_counts(DS) == {"document.upsert": 10}


def test_a_rejected_document_fails_alone(
    tmp_path: Path, emulator: EmulatorServer, client: DustClient
) -> None:
    write_tree(tmp_path, 3)
    emulator.set_faults("server-error=99;status=500;path=page0001")
    report = sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, max_attempts=1, **FAST)
    assert (report.created, report.failed) == (2, 1)
    emulator.set_faults("")
    assert sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, **FAST).created == 1


async def test_the_async_driver(tmp_path: Path, emulator: EmulatorServer) -> None:
    write_tree(tmp_path, 5)
    async with AsyncDustClient(emulator_config(emulator)) as dust:
        first = await async_sync_folder(dust, tmp_path, space_id=SPACE, data_source_id=DS, **FAST)
        again = await async_sync_folder(dust, tmp_path, space_id=SPACE, data_source_id=DS, **FAST)
    assert (first.created, again.unchanged, again.writes) == (5, 5, 0)


def test_datasets_csv_and_jsonl(tmp_path: Path, emulator: EmulatorServer, client: DustClient) -> None:
    csv_path = tmp_path / "faq.csv"
    csv_path.write_text(
        'id,text,title,tags\nq1,"Answer one",Question one,"faq,public"\nq2,Answer two,,\n,orphan,,\n'
    )
    report = sync(
        client,
        DatasetSource(csv_path, url_template="https://faq.example.com/{id}"),
        space_id=SPACE,
        data_source_id=DS,
        **FAST,
    )
    assert report.created == 2
    assert [a.reason for a in report.actions if a.kind == "skip"] == ["no 'id' value"]
    state = remote_state(client)
    assert state["q1"]["title"] == "Question one"
    assert {"faq", "public", MANAGED_TAG} <= set(state["q1"]["tags"])
    assert client.data_sources.documents.get(SPACE, DS, "q2").source_url == "https://faq.example.com/q2"

    jsonl = tmp_path / "faq.jsonl"
    jsonl.write_text(
        json.dumps({"id": "q1", "text": "Answer one", "title": "Question one", "tags": ["faq", "public"]})
        + "\n"
    )
    again = sync(
        client,
        DatasetSource(jsonl, url_template="https://faq.example.com/{id}"),
        space_id=SPACE,
        data_source_id=DS,
        delete=True,
        **FAST,
    )
    assert (again.unchanged, again.deleted, again.created, again.updated) == (1, 1, 0, 0)


def test_cli_dry_run_json_and_exit_codes(tmp_path: Path, emulator: EmulatorServer) -> None:
    write_tree(tmp_path, 3)
    runner = CliRunner()
    base = [
        "--workspace-id", emulator.workspace_id, "--api-key", emulator.api_key, "--base-url", emulator.base_url,
        "sync", str(tmp_path), "--space", SPACE, "--data-source", DS, "--rpm", "100000",
    ]  # fmt: skip
    dry = runner.invoke(app, [*base, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "section0/page0000.md" in dry.stdout
    assert "would send 3 writes" in dry.stderr
    assert emulator.write_counts(DS) == {}

    done = runner.invoke(app, [*base, "--json"])
    assert done.exit_code == 0, done.output
    summary = json.loads(done.stdout)
    assert (summary["created"], summary["ok"]) == (3, True)

    (tmp_path / "section0" / "page0000.md").write_text("edited")
    plain = runner.invoke(app, base)  # the progress bar and the summary on stderr
    assert plain.exit_code == 0, plain.output
    assert "0 created, 1 updated, 0 deleted, 2 unchanged, 0 skipped" in plain.stderr

    emulator.set_faults("server-error=99;status=500;path=/documents/")
    (tmp_path / "more.md").write_text("more")
    failed = runner.invoke(app, [*base, "--json", "--max-attempts", "1"])
    assert failed.exit_code == 1
    assert json.loads(failed.stdout)["failed"] == 1

    missing = runner.invoke(
        app, [*base[:6], "sync", str(tmp_path / "nope"), "--space", SPACE, "--data-source", DS]
    )
    assert missing.exit_code == 2


def test_csv_files_as_tables(tmp_path: Path, emulator: EmulatorServer, client: DustClient) -> None:
    (tmp_path / "data").mkdir()
    prices = tmp_path / "data" / "2024 Prices.csv"
    prices.write_text("item,price\napple,1.5\npear,2\n")
    (tmp_path / "readme.md").write_text("about the prices")
    options: dict[str, Any] = {"csv_as_tables": True, "hierarchy": True, **FAST}
    first = sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, **options)
    assert (first.created, first.folders_created) == (2, 1)
    (table,) = client.data_sources.tables.list(SPACE, DS)
    assert (table.name, table.title) == ("t_2024_prices", "2024 Prices.csv")  # a SQL name
    assert table.parents[1] == _source.folder_id_for_path("data", "default")
    rows = client.data_sources.tables.rows.list(SPACE, DS, table.table_id, limit=10)
    assert sorted(row.value["item"] for row in rows) == ["apple", "pear"]
    assert sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, **options).writes == 0

    prices.write_text("item,price\napple,1.75\n")
    changed = sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, **options)
    assert [(a.kind, a.origin) for a in changed.actions if a.kind != "skip"] == [
        ("update_table", "data/2024 Prices.csv")
    ]
    prices.unlink()
    gone = sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, delete=True, **options)
    assert (gone.deleted, gone.folders_deleted) == (1, 1)
    assert client.data_sources.tables.list(SPACE, DS) == []
    assert emulator.write_counts(DS) == {
        "folder.upsert": 1,
        "document.upsert": 1,
        "table.upsert": 2,
        "table.delete": 1,
        "folder.delete": 1,
    }


def test_watch_syncs_again_when_a_file_changes(
    tmp_path: Path, emulator: EmulatorServer, client: DustClient
) -> None:
    import threading
    import time

    from dust_ext.sync._watch import watch_and_sync

    (tmp_path / "a.md").write_text("first")
    stop = threading.Event()
    reports: list[Any] = []
    watcher = threading.Thread(
        target=watch_and_sync,
        args=(tmp_path, lambda: sync_folder(client, tmp_path, space_id=SPACE, data_source_id=DS, **FAST)),
        kwargs={"on_report": reports.append, "stop_event": stop, "debounce_ms": 50},
    )
    watcher.start()
    try:
        deadline = time.monotonic() + 20
        while not reports and time.monotonic() < deadline:
            time.sleep(0.05)
        (tmp_path / "b.md").write_text("second")
        while emulator.write_counts(DS).get("document.upsert", 0) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        watcher.join(timeout=20)
    assert not watcher.is_alive()
    assert emulator.write_counts(DS) == {"document.upsert": 2}
    assert [report.created for report in reports][:2] == [1, 1]
