"""Per-call overhead of DustClient vs the same request with raw httpx and with the generated raw client
(dust_api), against the emulator in its own process on loopback. Goal: DustClient <= 1.15x raw httpx.

Two figures per contender: wall time per call (includes the server and the loopback round trip) and the
client process's CPU time per call (the SDK's own cost, robust to other load on the machine).
"""

from __future__ import annotations

from collections.abc import Callable

import httpx

from benchmarks._common import (
    EMULATOR_KEY,
    EMULATOR_WORKSPACE,
    Table,
    emulator_process,
    interleaved_wall_and_cpu,
    ratio,
)

CALLS = 200
REPEATS = 9
GOAL = 1.15


def run() -> Table:
    from dust_api import AuthenticatedClient
    from dust_api.api.agents import list_agent_configurations
    from dust_api.api.conversations import get_conversation

    from dust_ext import DustClient, DustConfig

    table = Table(
        f"Per-call overhead on loopback (emulator in its own process), median of {REPEATS} x {CALLS} calls",
        [
            "call",
            "raw httpx (.json()) wall / CPU",
            "generated dust_api wall / CPU",
            "DustClient wall / CPU",
            "DustClient / raw httpx (wall, CPU)",
            "goal <= 1.15x (wall)",
        ],
    )
    with emulator_process() as url:
        headers = {"Authorization": f"Bearer {EMULATOR_KEY}"}
        root = f"{url}/api/v1/w/{EMULATOR_WORKSPACE}"
        raw = httpx.Client(headers=headers, timeout=30)
        generated = AuthenticatedClient(base_url=url, token=EMULATOR_KEY, timeout=httpx.Timeout(30))
        dust = DustClient(
            DustConfig(workspace_id=EMULATOR_WORKSPACE, api_key=EMULATOR_KEY, base_url=url, timeout=30)
        )
        cid = dust.conversations.create(message="hello overhead", mentions=["echo"], blocking=True).sId

        cases: dict[str, tuple[Callable[[], object], ...]] = {
            "agents.list": (
                lambda: raw.get(f"{root}/assistant/agent_configurations").json(),
                lambda: list_agent_configurations.sync_detailed(EMULATOR_WORKSPACE, client=generated).parsed,
                lambda: dust.agents.list(),
            ),
            "conversations.get": (
                lambda: raw.get(f"{root}/assistant/conversations/{cid}").json(),
                lambda: get_conversation.sync_detailed(EMULATOR_WORKSPACE, cid, client=generated).parsed,
                lambda: dust.conversations.get(cid),
            ),
        }
        for name, calls in cases.items():
            for call in calls:
                call()  # warm up connections and caches

            def many(call: Callable[[], object]) -> Callable[[], object]:
                return lambda: [call() for _ in range(CALLS)]

            raw_call, generated_call, dust_call = calls
            measured = interleaved_wall_and_cpu(
                {"raw": many(raw_call), "generated": many(generated_call), "dust": many(dust_call)}, REPEATS
            )
            wall = {key: value[0] / CALLS * 1e6 for key, value in measured.items()}
            cpu = {key: value[1] / CALLS * 1e6 for key, value in measured.items()}
            verdict = "met" if wall["dust"] <= GOAL * wall["raw"] else "missed"
            table.rows.append(
                [
                    name,
                    f"{wall['raw']:.0f} / {cpu['raw']:.0f} µs",
                    f"{wall['generated']:.0f} / {cpu['generated']:.0f} µs",
                    f"{wall['dust']:.0f} / {cpu['dust']:.0f} µs",
                    f"{ratio(wall['dust'], wall['raw'])}, {ratio(cpu['dust'], cpu['raw'])}",
                    verdict,
                ]
            )
        raw.close()
        generated.get_httpx_client().close()
        dust.close()
    table.notes.append(
        "Raw httpx returns dicts; the generated client and DustClient build typed models from the same body, "
        "which is most of their extra CPU."
    )
    return table


if __name__ == "__main__":
    print(run().markdown())
