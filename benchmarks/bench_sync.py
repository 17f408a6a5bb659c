"""``dust sync``: how long it takes to decide that nothing changed, and how it writes under a rate limit.

1. 10,000 files already in the data source: a re-run reads every file and computes its digest, lists the
   data source page after page and sends nothing. Its peer, measured in the same run, is reading the files
   and computing their digests alone (the floor any incremental sync pays), so the ratio is the cost of asking the data source.
2. Files to write under a per-minute limit (the emulator's token bucket on document writes, scaled from
   Dust's 120 a minute so the run takes seconds): the sync paces itself and sends each document once; its
   peer is the naive loop people write first (every upsert at once behind a semaphore, the SDK's default
   retries), whose writes fail once the bucket is empty.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks._common import EMULATOR_KEY, EMULATOR_WORKSPACE, Table, emulator_process

SPACE = "vlt_global"
DATA_SOURCE = "dts_knowledge"
UNCHANGED_FILES = 10_000
LIMITED_FILES = 200
LIMIT_PER_MINUTE = 600
NAIVE_CONCURRENCY = 16


def _write_files(root: Path, count: int, prefix: str) -> None:
    for index in range(count):
        path = root / f"{prefix}{index % 50:02d}" / f"page{index:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# Page {index}\n\n" + "Some documentation text. " * 40, encoding="utf-8")


def _reset(base_url: str, faults: str = "") -> None:
    httpx.put(f"{base_url}/_emulator/faults", json={"faults": faults}).raise_for_status()
    httpx.post(f"{base_url}/_emulator/reset").raise_for_status()


def _config(base_url: str):  # type: ignore[no-untyped-def]
    from dust_ext import DustConfig

    return DustConfig(workspace_id=EMULATOR_WORKSPACE, api_key=EMULATOR_KEY, base_url=base_url, timeout=60)


def _unchanged(base_url: str, folder: Path) -> Table:
    from dust_ext import DustClient
    from dust_ext.sync import FolderSource, read_source, sync_folder
    from dust_ext.sync._plan import digest_of

    table = Table(
        f"{UNCHANGED_FILES:,} unchanged files: time to decide that nothing changed",
        ["run", "wall", "writes sent", "vs reading the files alone"],
    )
    _reset(base_url)
    with DustClient(_config(base_url)) as client:
        started = time.perf_counter()
        first = sync_folder(
            client, folder, space_id=SPACE, data_source_id=DATA_SOURCE, upserts_per_minute=1e9, concurrency=16
        )
        seeding = time.perf_counter() - started
        assert first.created == UNCHANGED_FILES, first.failed

        started = time.perf_counter()
        content = read_source(FolderSource(folder), "default")
        digests = {digest_of(document) for document in content.documents}
        reading = time.perf_counter() - started
        assert len(digests) == UNCHANGED_FILES
        assert len(content.documents) == UNCHANGED_FILES
        table.rows.append(
            ["read the files and compute their digests only (peer)", f"{reading:.2f} s", "-", "1.00x"]
        )

        for page_size in (100, 1000):
            started = time.perf_counter()
            again = sync_folder(
                client, folder, space_id=SPACE, data_source_id=DATA_SOURCE, page_size=page_size
            )
            wall = time.perf_counter() - started
            assert again.unchanged == UNCHANGED_FILES
            table.rows.append(
                [f"`dust sync` re-run, listing pages of {page_size}", f"{wall:.2f} s", str(again.writes),
                 f"{wall / reading:.2f}x"]
            )  # fmt: skip
    table.notes.append(
        f"The first sync (no rate limit, 16 in flight) wrote the {UNCHANGED_FILES:,} documents in {seeding:.1f} s; "
        f"at Dust's 120 upserts a minute the same first sync takes {UNCHANGED_FILES / 120 / 60:.1f} h, and a "
        "script that re-uploads everything pays that every night."
    )
    table.notes.append(
        "The emulator's document listing returns each document's text like Dust's does, so larger pages mean "
        "fewer round trips but the same bytes."
    )
    return table


async def _naive(base_url: str, folder: Path) -> tuple[int, int, float]:
    from dust_ext import AsyncDustClient, DustError
    from dust_ext.sync import FolderSource, read_source

    documents = read_source(FolderSource(folder), "default").documents
    semaphore = asyncio.Semaphore(NAIVE_CONCURRENCY)

    async def one(client: AsyncDustClient, document_id: str, text: str) -> bool:
        async with semaphore:
            try:
                await client.data_sources.documents.upsert(SPACE, DATA_SOURCE, document_id, text=text)
            except DustError:
                return False
            return True

    started = time.perf_counter()
    async with AsyncDustClient(_config(base_url)) as client:
        outcomes = await asyncio.gather(*(one(client, d.document_id, d.text) for d in documents))
    return sum(outcomes), outcomes.count(False), time.perf_counter() - started


def _limited(base_url: str, folder: Path) -> Table:
    from dust_ext import DustClient
    from dust_ext.sync import sync_folder

    per_second = LIMIT_PER_MINUTE / 60
    faults = f"requests-per-second={per_second:g};burst={per_second:g};path=/documents/"
    table = Table(
        f"{LIMITED_FILES} new files, emulator limited to {LIMIT_PER_MINUTE} document writes a minute "
        "(token bucket, 429 + Retry-After)",
        ["writer", "written", "failed", "wall", "written/min", "429s"],
    )
    _reset(base_url, faults)
    ok, failed, wall = asyncio.run(_naive(base_url, folder))
    table.rows.append(
        [f"naive `asyncio.gather`, {NAIVE_CONCURRENCY} in flight (SDK retries)", str(ok), str(failed),
         f"{wall:.1f} s", f"{ok / wall * 60:.0f}", "(hidden in SDK retries)"]
    )  # fmt: skip
    _reset(base_url, faults)
    with DustClient(_config(base_url)) as client:
        started = time.perf_counter()
        report = sync_folder(
            client, folder, space_id=SPACE, data_source_id=DATA_SOURCE, upserts_per_minute=LIMIT_PER_MINUTE
        )
        wall = time.perf_counter() - started
    table.rows.append(
        [f"`dust sync --rpm {LIMIT_PER_MINUTE}`", str(report.created), str(report.failed), f"{wall:.1f} s",
         f"{report.created / wall * 60:.0f}", str(report.rate_limited)]
    )  # fmt: skip
    table.notes.append(
        f"Goal: every document written once, at close to the {LIMIT_PER_MINUTE}/min the server allows. "
        "Against Dust, `--rpm` defaults to its 120 upserts a minute per workspace."
    )
    return table


def run() -> list[Table]:
    with (
        emulator_process() as base_url,
        tempfile.TemporaryDirectory() as unchanged,
        tempfile.TemporaryDirectory() as limited,
    ):
        _write_files(Path(unchanged), UNCHANGED_FILES, "section")
        _write_files(Path(limited), LIMITED_FILES, "new")
        return [_unchanged(base_url, Path(unchanged)), _limited(base_url, Path(limited))]
