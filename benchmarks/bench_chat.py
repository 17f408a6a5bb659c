"""Time to first token and total time of ``chat.stream`` vs raw httpx doing the same exchange (post the
message, read the agent message's SSE stream with ``iter_lines`` + ``json.loads``), on loopback against the
emulator in its own process. The ``streamer`` agent replies with N tokens and no pause between them."""

from __future__ import annotations

import json
import statistics
import time

import httpx

from benchmarks._common import EMULATOR_KEY, EMULATOR_WORKSPACE, Table, emulator_process, ratio

REPEATS = 15
TOKENS = (50, 1000)
CONTEXT = {"username": "bench", "timezone": "UTC"}


def _raw_exchange(client: httpx.Client, root: str, text: str) -> tuple[float, float, str]:
    start = time.perf_counter()
    body = {"message": {"content": text, "mentions": [{"configurationId": "streamer"}], "context": CONTEXT}}
    conversation = client.post(f"{root}/assistant/conversations", json=body).json()["conversation"]
    cid, mid = conversation["sId"], conversation["content"][1][0]["sId"]
    first = 0.0
    pieces: list[str] = []
    url = f"{root}/assistant/conversations/{cid}/messages/{mid}/events"
    with client.stream("GET", url) as response:
        for line in response.iter_lines():
            if not line.startswith("data: "):
                continue
            event = json.loads(line[6:])["data"]
            if event["type"] == "generation_tokens" and event.get("classification", "tokens") == "tokens":
                if not pieces:
                    first = time.perf_counter() - start
                pieces.append(event["text"])
            elif event["type"] == "agent_message_success":
                break
    return first, time.perf_counter() - start, "".join(pieces)


def _sdk_exchange(dust: object, text: str) -> tuple[float, float, str]:
    start = time.perf_counter()
    first = 0.0
    pieces: list[str] = []
    with dust.chat.stream(agent="streamer", text=text) as stream:  # type: ignore[attr-defined]
        for piece in stream.text_stream:
            if not pieces:
                first = time.perf_counter() - start
            pieces.append(piece)
    return first, time.perf_counter() - start, "".join(pieces)


def run() -> Table:
    from dust_ext import DustClient, DustConfig

    table = Table(
        f"chat.stream vs raw httpx on the same SSE stream (loopback emulator), median of {REPEATS}",
        [
            "reply",
            "TTFT raw httpx",
            "TTFT chat.stream",
            "TTFT ratio",
            "total raw httpx",
            "total chat.stream",
            "total ratio",
        ],
    )
    with emulator_process() as url:
        root = f"{url}/api/v1/w/{EMULATOR_WORKSPACE}"
        raw = httpx.Client(headers={"Authorization": f"Bearer {EMULATOR_KEY}"}, timeout=60)
        config = DustConfig(
            workspace_id=EMULATOR_WORKSPACE,
            api_key=EMULATOR_KEY,
            base_url=url,
            timeout=60,
            default_username="bench",
            default_timezone="UTC",
        )
        with DustClient(config) as dust:
            for tokens in TOKENS:
                text = f"tokens={tokens} delay=0 bench"
                expected = " ".join(f"token-{i}" for i in range(1, tokens + 1))
                samples: dict[str, list[tuple[float, float]]] = {"raw": [], "sdk": []}
                _raw_exchange(raw, root, text)
                _sdk_exchange(dust, text)
                for _ in range(REPEATS):
                    first, total, reply = _raw_exchange(raw, root, text)
                    assert reply == expected
                    samples["raw"].append((first, total))
                    first, total, reply = _sdk_exchange(dust, text)
                    assert reply == expected
                    samples["sdk"].append((first, total))
                med = {
                    key: (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))
                    for key, values in samples.items()
                }
                table.rows.append(
                    [
                        f"{tokens} tokens",
                        f"{med['raw'][0] * 1e3:.2f} ms",
                        f"{med['sdk'][0] * 1e3:.2f} ms",
                        ratio(med["sdk"][0], med["raw"][0]),
                        f"{med['raw'][1] * 1e3:.1f} ms",
                        f"{med['sdk'][1] * 1e3:.1f} ms",
                        ratio(med["sdk"][1], med["raw"][1]),
                    ]
                )
        raw.close()
    table.notes.append(
        "Both sides post the message then read the stream; chat.stream also types every event, tracks "
        "resume state and leaves the stream at the terminal event."
    )
    return table


if __name__ == "__main__":
    print(run().markdown())
