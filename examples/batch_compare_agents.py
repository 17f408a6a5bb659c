"""Run a small test set through two agents with ``client.batch.run`` and compare their answers side by side.

DUST_WORKSPACE_ID=... DUST_API_KEY=... python examples/batch_compare_agents.py [agent] [other_agent] [folder]

The records go to ``<folder>/answers.jsonl`` (default: a new temporary folder). Run it again with the same
folder and it resumes: finished rows are skipped, nothing is posted twice.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from dust_ext import DustClient, DustConfig
from dust_ext.batch import BatchProgress

TICKETS = [
    {"id": "T-1", "body": "The printer on floor 3 is jammed again"},
    {"id": "T-2", "body": "I cannot log in since the password reset"},
    {"id": "T-3", "body": "Please add me to the finance channel"},
    {"id": "T-4", "body": "My laptop battery lasts twenty minutes"},
]
PROMPT = "Classify this support ticket as hardware, access or other, in one word: {body}"


def show(progress: BatchProgress) -> None:
    print(f"  {progress.done}/{progress.total} done, {progress.failed} failed", file=sys.stderr)


def main(agent: str = "dust", other_agent: str = "gpt-4", folder: str | None = None) -> int:
    output = Path(folder or tempfile.mkdtemp()) / "answers.jsonl"
    with DustClient(DustConfig.from_env()) as client:
        summary = client.batch.run(
            TICKETS,
            agents=[agent, other_agent],
            prompt=PROMPT,
            key_column="id",
            output=output,
            concurrency=4,
            on_progress=show,
        )
    answers: dict[str, dict[str, str]] = {}
    for line in output.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        answers.setdefault(record["key"], {})[record["agent"]] = (
            record["reply"] if record["status"] == "ok" else f"[failed: {record['error_type']}]"
        )
    for ticket in TICKETS:
        replies = answers[ticket["id"]]
        print(f"{ticket['id']}: {ticket['body']}")
        for name in (agent, other_agent):
            print(f"    {name:>10}: {' '.join(replies[name].split())[:100]}")
    print(f"{summary.ok} answered, {summary.failed} failed; records in {output}")
    return 0 if summary.failed == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
