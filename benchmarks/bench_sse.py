"""SSE + event decoding throughput: dust_ext's decoder and typed events vs httpx-sse + json.loads, and a
json.loads-only floor, on a recorded-and-scaled stream of 100k Dust events (a long, tokens-heavy reply).

Every contender reads the same bytes through an ``httpx.Response`` over an in-process byte stream (the
network would dominate otherwise), chunked as a socket delivers them (64 KiB).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import httpx_sse

from benchmarks._common import Table, interleaved_medians, ratio
from benchmarks._streams import chunked, iter_reply_frames

EVENTS = 100_000
REPEATS = 7


class _Chunks(httpx.SyncByteStream):
    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        yield from self._chunks


def _response(chunks: list[bytes]) -> httpx.Response:
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, stream=_Chunks(chunks))


def run() -> Table:
    from dust_ext._core.sse import iter_sse
    from dust_ext.events import parse_frame

    chunks = list(chunked(iter_reply_frames(EVENTS)))
    datas = [line[6:].decode() for line in b"".join(chunks).split(b"\n") if line.startswith(b"data: ")]
    total_events = len(datas)

    def ours_typed() -> None:
        count = 0
        for sse in iter_sse(_response(chunks).iter_bytes()):
            if parse_frame(sse.data) is not None:
                count += 1
        assert count == total_events

    def ours_sse_only() -> None:
        count = sum(1 for _ in iter_sse(_response(chunks).iter_bytes()))
        assert count == total_events

    def httpx_sse_json() -> None:
        count = 0
        for sse in httpx_sse.EventSource(_response(chunks)).iter_sse():
            json.loads(sse.data)
            count += 1
        assert count == total_events

    def httpx_sse_only() -> None:
        count = sum(1 for _ in httpx_sse.EventSource(_response(chunks)).iter_sse())
        assert count == total_events

    def json_floor() -> None:
        for data in datas:
            json.loads(data)

    medians = interleaved_medians(
        {
            "dust_ext: SSE decoder + typed events (parse_frame)": ours_typed,
            "httpx-sse + json.loads (dicts, untyped)": httpx_sse_json,
            "json.loads only (floor: no SSE, no types)": json_floor,
            "dust_ext: SSE decoder only": ours_sse_only,
            "httpx-sse: SSE decoder only": httpx_sse_only,
        },
        REPEATS,
    )
    reference = medians["httpx-sse + json.loads (dicts, untyped)"]
    size = sum(len(chunk) for chunk in chunks)
    table = Table(
        f"SSE + event decoding: {total_events:,} events ({size / 2**20:.1f} MiB), median of {REPEATS}",
        ["contender", "events/s", "MiB/s", "time vs httpx-sse + json.loads"],
    )
    for name, seconds in medians.items():
        table.rows.append(
            [
                name,
                f"{total_events / seconds:,.0f}",
                f"{size / 2**20 / seconds:.1f}",
                ratio(seconds, reference),
            ]
        )
    ours = medians["dust_ext: SSE decoder + typed events (parse_frame)"]
    verdict = "met" if ours <= reference else "missed"
    table.notes.append(
        f"Goal (typed decoding no slower than the untyped peer): {verdict} "
        f"({ratio(ours, reference)} of httpx-sse + json.loads; {ratio(ours, medians['json.loads only (floor: no SSE, no types)'])} of the json.loads floor)."
    )
    return table


if __name__ == "__main__":
    print(run().markdown())
