"""``client.batch`` / ``dust batch``: the pure planner, pacing and journal, then runs on the emulator."""

from __future__ import annotations

import asyncio
import csv
import json
import signal
import threading
from pathlib import Path
from typing import Any, assert_type

import httpx
import pytest
from typer.testing import CliRunner

from dust_ext import AsyncDustClient, DustBatchError, DustClient, DustConfig, RawResponse, StreamPolicy
from dust_ext.batch import BatchProgress, BatchRecord, BatchSummary, Shard
from dust_ext.batch._journal import BatchJournal, OutputFile, journal_path_for
from dust_ext.batch._pacing import AdaptiveConcurrency, RequestPacer
from dust_ext.batch._plan import PromptSpec, plan_tasks, read_rows
from dust_ext.batch._runner import classify_failure
from dust_ext.batch.models import CSV_COLUMNS
from dust_ext.cli import app
from dust_ext.exceptions import (
    DustAgentError,
    DustBadRequestError,
    DustConnectionError,
    DustNotFoundError,
    DustRateLimitError,
    DustServerError,
    DustUnauthorizedError,
)
from dust_ext.testing import EmulatorServer, _agents

FAST_STREAMS = StreamPolicy(reconnect_delay=0.005, max_delay=0.05)


# --- planning -------------------------------------------------------------------------------------------


def test_shard_parse_and_partition_is_disjoint_and_complete() -> None:
    assert Shard.parse("2/4") == Shard(2, 4)
    assert Shard.parse((1, 3)) == Shard(1, 3)
    assert Shard.parse(None) is None
    for bad in ["0/4", "5/4", "x/2", "3", "1/0"]:
        with pytest.raises(DustBatchError):
            Shard.parse(bad)
    keys = [f"row-{i}" for i in range(1000)]
    owners = [[key for key in keys if Shard(i, 4).owns(key)] for i in range(1, 5)]
    assert sorted(key for part in owners for key in part) == sorted(keys)
    assert all(150 < len(part) < 350 for part in owners)


def test_plan_renders_every_prompt_and_names_the_missing_field() -> None:
    rows = [{"id": "a", "body": "one"}, {"id": "b", "body": "two"}]
    tasks = plan_tasks(rows, ["x", "y"], PromptSpec(template="Q: {body}"), key_column="id")
    assert [(t.row.key, t.agent, t.prompt) for t in tasks] == [
        ("a", "x", "Q: one"),
        ("a", "y", "Q: one"),
        ("b", "x", "Q: two"),
        ("b", "y", "Q: two"),
    ]
    with pytest.raises(DustBatchError, match=r"row 2 \(key 'b'\).*'title'"):
        plan_tasks(
            [{"title": "t", "id": "a"}, {"id": "b"}], ["x"], PromptSpec(template="{title}"), key_column="id"
        )
    with pytest.raises(DustBatchError, match="same key 'a'"):
        plan_tasks([{"id": "a"}, {"id": "a"}], ["x"], PromptSpec(template="hi"), key_column="id")
    with pytest.raises(DustBatchError, match="no 'prompt' value"):
        plan_tasks([{"prompt": ""}], ["x"], PromptSpec(column="prompt"))
    with pytest.raises(DustBatchError, match="prompt template"):
        PromptSpec()
    with pytest.raises(DustBatchError, match="twice"):
        plan_tasks(rows, ["x", "x"], PromptSpec(template="hi"))
    keyed_by_position = plan_tasks(rows, ["x"], PromptSpec(column="body"))
    assert [t.row.key for t in keyed_by_position] == ["1", "2"]


def test_read_rows_from_csv_jsonl_and_python(tmp_path: Path) -> None:
    csv_path = tmp_path / "in.csv"
    csv_path.write_text('\ufeffid,body\n1,"multi\nline"\n2,b\n', encoding="utf-8")
    assert read_rows(csv_path) == [{"id": "1", "body": "multi\nline"}, {"id": "2", "body": "b"}]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": 1, "tags": ["a"]}\n\n{"id": 2}\n', encoding="utf-8")
    assert read_rows(jsonl) == [{"id": 1, "tags": ["a"]}, {"id": 2}]
    jsonl.write_text('{"id": 1}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(DustBatchError, match=r"in.jsonl:2 is a JSON list"):
        read_rows(jsonl)
    with pytest.raises(DustBatchError, match="cannot read"):
        read_rows(tmp_path / "missing.csv")
    with pytest.raises(DustBatchError, match=r"\.csv or \.jsonl"):
        read_rows(tmp_path / "in.xlsx")
    assert read_rows(iter([{"a": 1}])) == [{"a": 1}]


# Characters str.splitlines() breaks a line at, though neither CSV nor JSON Lines ends a record there.
NOT_RECORD_SEPARATORS = ["\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1c", "\x1d", "\x1e"]


@pytest.mark.parametrize("separator", NOT_RECORD_SEPARATORS, ids=lambda c: f"U+{ord(c):04X}")
def test_csv_fields_keep_every_line_separator_and_crlf_inside_quotes(tmp_path: Path, separator: str) -> None:
    csv_path = tmp_path / "in.csv"
    # Windows line ends between records, a quoted "\r\n" inside a field, and the separator bare and quoted.
    csv_path.write_bytes(
        f'id,body\r\n1,before{separator}after\r\n2,"line one\r\nline two{separator}"\r\n3,end\r\n'.encode()
    )
    assert read_rows(csv_path) == [
        {"id": "1", "body": f"before{separator}after"},
        {"id": "2", "body": f"line one\r\nline two{separator}"},
        {"id": "3", "body": "end"},
    ]


def test_jsonl_rows_end_at_newlines_only(tmp_path: Path) -> None:
    jsonl = tmp_path / "in.jsonl"
    # JSON allows U+2028, U+2029 and U+0085 unescaped in a string; a "\r" before "\n" is whitespace.
    text = "".join(f'{{"id": {i}, "body": "a{c}b"}}\r\n' for i, c in enumerate(["\u2028", "\u2029", "\x85"]))
    jsonl.write_bytes(text.encode())
    assert read_rows(jsonl) == [
        {"id": 0, "body": "a\u2028b"},
        {"id": 1, "body": "a\u2029b"},
        {"id": 2, "body": "a\x85b"},
    ]


# --- pacing and failure decisions -----------------------------------------------------------------------


def test_adaptive_concurrency_halves_once_per_epoch_and_grows_back() -> None:
    limit = AdaptiveConcurrency(8)
    assert limit.allowed == 8
    first_epoch = limit.epoch
    assert limit.rate_limited_at(100.0, first_epoch, 2.0) == 2.0
    assert limit.allowed == 4
    # More 429s answering calls sent before the decrease are the same signal: no further halving...
    limit.rate_limited_at(100.5, first_epoch, 2.0)
    assert limit.allowed == 4
    # ...but they extend the pause every caller honours.
    assert limit.wait_before_call(101.0) == pytest.approx(1.5)
    limit.rate_limited_at(103.0, limit.epoch, None)
    assert limit.allowed == 2
    assert limit.wait_before_call(103.0) == 1.0
    for _ in range(3):
        limit.rate_limited_at(200.0, limit.epoch, 0.0)
    assert limit.allowed == 1
    successes = 0
    while limit.allowed < 8:
        limit.succeeded()
        successes += 1
    assert 20 < successes < 40  # about one per call in flight per step: additive increase
    limit.succeeded()
    assert limit.allowed == 8
    assert limit.rate_limited == 6


def test_request_pacer_spaces_calls_under_the_cap() -> None:
    pacer = RequestPacer(per_minute=120)
    assert [pacer.reserve(0.0) for _ in range(3)] == [0.0, 0.5, 1.0]
    assert pacer.reserve(10.0) == 0.0


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (DustRateLimitError(429, "slow down", error_type="rate_limit_error"), "rate_limited"),
        (DustRateLimitError(429, "no credits", error_type="credits_exhausted"), "fatal"),
        (
            DustRateLimitError(
                429, "This API key has reached its credit spend limit.", error_type="rate_limit_error"
            ),
            "fatal",
        ),
        (DustUnauthorizedError(401, "bad key"), "fatal"),
        (DustBadRequestError(400, "bad"), "permanent"),
        (DustNotFoundError(404, "no agent"), "permanent"),
        (DustBatchError("tool approval"), "permanent"),
        (DustServerError(503, "oops"), "transient"),
        (DustConnectionError("dropped"), "transient"),
        (DustAgentError("model overloaded", code="overloaded"), "transient"),
    ],
)
def test_classify_failure(error: Any, expected: str) -> None:
    assert classify_failure(error) == expected


# --- journal and output ---------------------------------------------------------------------------------


def _record(key: str, status: str = "ok", **extra: Any) -> BatchRecord:
    return BatchRecord(key=key, row=int(key), agent="echo", status=status, reply=f"r{key}", **extra)  # type: ignore[arg-type]


def test_journal_folds_steps_drops_a_torn_line_and_refuses_another_prompt(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl.journal"
    journal = BatchJournal.open(path, prompt="template:{a}", key_column=None)
    journal.started(("1", "echo"), 1)
    journal.conversation(("1", "echo"), 1, "c1", "https://x/c1")
    journal.finished(_record("1"))
    journal.started(("2", "echo"), 1)
    journal.finished(_record("3", status="failed", error_type="DustAgentError"))
    journal.close()
    with path.open("a", encoding="utf-8") as file:
        file.write('{"type": "conversation", "key": "2", "agent": "ec')  # killed mid-line
    reopened = BatchJournal.open(path, prompt="template:{a}", key_column=None)
    state = reopened.state
    assert state.run_id == journal.state.run_id
    assert state.tasks[("1", "echo")].record == _record("1")
    assert state.tasks[("2", "echo")].started
    assert state.tasks[("2", "echo")].conversation_id is None
    assert [r.key for r in state.records()] == ["1", "3"]
    # Trying a failed task again puts it back in flight; its new record replaces the old one.
    reopened.retrying(("3", "echo"), 2, "m3")
    assert [r.key for r in state.records()] == ["1"]
    reopened.finished(_record("3", attempts=2))
    assert [(r.key, r.attempts) for r in state.records()] == [("1", 1), ("3", 2)]
    reopened.close()
    assert path.read_text(encoding="utf-8").endswith("\n")
    with pytest.raises(DustBatchError, match=r"prompt 'template:\{a\}'"):
        BatchJournal.open(path, prompt="template:{b}", key_column=None)


def test_csv_output_rewrites_then_appends(tmp_path: Path) -> None:
    output = OutputFile(tmp_path / "out.csv")
    output.rewrite([_record("1", actions=[{"type": "search"}])])
    output.append(_record("2", status="failed", error_message="line one\nline two"))
    output.close()
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [(r["key"], r["status"]) for r in rows] == [("1", "ok"), ("2", "failed")]
    assert json.loads(rows[0]["actions"]) == [{"type": "search"}]
    assert rows[1]["error_message"] == "line one\nline two"


# --- runs on the emulator -------------------------------------------------------------------------------


def _client(server: EmulatorServer) -> DustClient:
    config = DustConfig(workspace_id=server.workspace_id, api_key=server.api_key, base_url=server.base_url)
    return DustClient(config, stream_policy=FAST_STREAMS)


def _cli_env(server: EmulatorServer) -> dict[str, str]:
    """The environment that points ``dust batch`` at the emulator."""
    return {
        "DUST_WORKSPACE_ID": server.workspace_id,
        "DUST_API_KEY": server.api_key,
        "DUST_BASE_URL": server.base_url,
    }


def _records(path: Path) -> list[dict[str, Any]]:
    # JSON Lines end at "\n" only: a reply may hold U+2028, which str.splitlines would cut at.
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def _conversations(server: EmulatorServer) -> list[Any]:
    return list(server.state.workspaces[server.workspace_id].conversations.values())


def test_two_agents_with_attachments_one_conversation_per_row_and_agent(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    rows = [{"id": f"t{i}", "body": f"ticket {i}", "doc": f"notes for {i}"} for i in range(6)]
    progress: list[BatchProgress] = []
    with _client(fresh_dust_emulator) as client:
        summary = client.batch.run(
            rows,
            agents=["echo", "gpt-4"],
            output=tmp_path / "out.jsonl",
            prompt="Answer: {body}",
            key_column="id",
            attach_column="doc",
            attach_title="notes.txt",
            concurrency=3,
            on_progress=progress.append,
        )
    assert (summary.total, summary.ok, summary.failed, summary.skipped) == (12, 12, 0, 0)
    assert summary.complete
    records = _records(tmp_path / "out.jsonl")
    assert sorted((r["key"], r["agent"]) for r in records) == sorted(
        (f"t{i}", agent) for i in range(6) for agent in ["echo", "gpt-4"]
    )
    echo = {r["key"]: r for r in records if r["agent"] == "echo"}
    assert echo["t3"]["reply"] == "Answer: ticket 3"
    assert echo["t3"]["status"] == "ok"
    assert echo["t3"]["attempts"] == 1
    assert not echo["t3"]["resumed"]
    assert echo["t3"]["time_to_first_token"] is not None
    assert echo["t3"]["conversation_url"].endswith(echo["t3"]["conversation_id"])
    conversations = {c.sId: c for c in _conversations(fresh_dust_emulator)}
    assert len(conversations) == 12
    conversation = conversations[echo["t3"]["conversation_id"]]
    assert " · t3 · echo" in conversation.title
    kinds = [versions[-1].to_json()["type"] for versions in conversation.content]
    assert kinds == ["content_fragment", "user_message", "agent_message"]
    assert conversation.content[0][-1].text == "notes for 3"
    assert progress[-1].done == 12
    assert progress[-1].failed == 0
    assert progress[-1].concurrency == 3


def test_a_fatal_error_stops_the_run_by_raising_it_and_a_summary_means_the_run_went_to_its_end(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    workspace = fresh_dust_emulator.state.workspaces[fresh_dust_emulator.workspace_id]
    rows = [{"q": f"q{i}"} for i in range(6)]
    output = tmp_path / "out.jsonl"

    def revoke_the_key_after_three(progress: BatchProgress) -> None:
        if progress.done == 3:
            workspace.api_key = "revoked"

    with _client(fresh_dust_emulator) as client:
        with pytest.raises(DustUnauthorizedError):
            client.batch.run(
                rows,
                agents="echo",
                output=output,
                prompt_column="q",
                concurrency=1,
                on_progress=revoke_the_key_after_three,
            )
        assert len(_records(output)) == 3
        workspace.api_key = fresh_dust_emulator.api_key
        summary = client.batch.run(rows, agents="echo", output=output, prompt_column="q")
    assert (summary.ok, summary.skipped, summary.complete) == (6, 3, True)
    assert (summary.interrupted, summary.stopped_by) == (False, None)


def test_a_csv_row_holding_line_separators_is_one_task_and_its_record_resumes(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    source, output = tmp_path / "in.csv", tmp_path / "out.jsonl"
    bodies = [f"part one{c}part two" for c in NOT_RECORD_SEPARATORS] + ['quoted "x"\r\nsecond line']
    with source.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["body"])
        writer.writerows([body] for body in bodies)
    with _client(fresh_dust_emulator) as client:
        summary = client.batch.run(source, agents="echo", output=output, prompt_column="body")
        assert (summary.total, summary.ok, summary.failed) == (len(bodies), len(bodies), 0)
        # No phantom row was sent: one conversation, one user message per row, with the row's whole text.
        sent = sorted(
            m.content for c in _conversations(fresh_dust_emulator) for m in c.content[0] if m.content
        )
        assert sent == sorted(bodies)
        assert sorted(r["reply"] for r in _records(output)) == sorted(bodies)
        # The journal holds those replies too: a second run reads it back and has nothing left to do.
        again = client.batch.run(source, agents="echo", output=output, prompt_column="body")
    assert (again.skipped, again.ok, again.failed) == (len(bodies), len(bodies), 0)
    assert len(_conversations(fresh_dust_emulator)) == len(bodies)


def test_a_retried_row_times_its_first_token_from_the_retry_and_links_the_emulator(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first try streams a token then fails; the record's time to first token is the retry's."""
    runs: list[str] = []

    async def fails_its_first_run(run: Any) -> None:
        runs.append(run.conversation.sId)
        await run.stream("Working ")
        if runs.count(run.conversation.sId) == 1:
            raise _agents.AgentFailure("emulator_scripted_failure", "first run fails")
        await run.stream("done")

    monkeypatch.setitem(_agents.SCRIPTS, "failing", fails_its_first_run)
    with _client(fresh_dust_emulator) as client:
        summary = client.batch.run(
            [{"q": "one"}, {"q": "two"}], agents="failing", output=tmp_path / "o.jsonl", prompt_column="q"
        )
    assert (summary.ok, summary.failed) == (2, 0)
    records = _records(tmp_path / "o.jsonl")
    assert [(r["attempts"], r["reply"]) for r in records] == [(2, "Working done")] * 2
    assert all(0 <= r["time_to_first_token"] <= r["duration"] for r in records)
    # Where a person opens the conversation: on the server that was called (Dust: its own region's host).
    workspace = fresh_dust_emulator.workspace_id
    assert {r["conversation_url"] for r in records} == {
        f"{fresh_dust_emulator.base_url}/w/{workspace}/conversation/{r['conversation_id']}" for r in records
    }


def test_rerun_skips_finished_rows_and_failed_rows_are_kept_until_asked(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    rows = [{"q": f"question {i}"} for i in range(4)]
    with _client(fresh_dust_emulator) as client:
        first = client.batch.run(
            rows, agents=["echo", "failing"], output=output, prompt_column="q", max_attempts=2
        )
        assert (first.ok, first.failed) == (4, 4)
        failed = [r for r in _records(output) if r["status"] == "failed"]
        assert {r["error_type"] for r in failed} == {"DustAgentError"}
        assert all(r["attempts"] == 2 and "emulator_scripted_failure" in r["error_message"] for r in failed)
        # A failed agent message is run again in its own conversation: still one conversation per task.
        assert len(_conversations(fresh_dust_emulator)) == 8

        again = client.batch.run(rows, agents=["echo", "failing"], output=output, prompt_column="q")
        assert (again.skipped, again.ok, again.failed) == (8, 4, 4)
        assert len(_conversations(fresh_dust_emulator)) == 8

        retried = client.batch.run(
            rows,
            agents=["echo", "failing"],
            output=output,
            prompt_column="q",
            retry_failed=True,
            max_attempts=1,
        )
        assert (retried.skipped, retried.ok, retried.failed) == (4, 4, 4)
    records = _records(output)
    assert sorted((r["key"], r["agent"]) for r in records) == sorted(
        (str(i), agent) for i in range(1, 5) for agent in ["echo", "failing"]
    )
    assert {r["attempts"] for r in records if r["agent"] == "failing"} == {3}
    assert len(_conversations(fresh_dust_emulator)) == 8


def test_a_row_in_flight_is_completed_from_its_conversation_not_posted_again(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    """Journal states a killed run leaves behind, replayed deterministically."""
    output = tmp_path / "out.jsonl"
    with _client(fresh_dust_emulator) as client:
        # Row 1: its message was posted and answered, but the process died before writing the record.
        answered = client.conversations.create("dust batch", message="one", mentions=["echo"], blocking=True)
        # Row 2: the conversation was created, the message never posted.
        empty = client.conversations.create("dust batch")
        journal = BatchJournal.open(journal_path_for(output), prompt="column:q", key_column=None)
        journal.started(("1", "echo"), 1)
        journal.conversation(("1", "echo"), 1, answered.sId, answered.url)
        journal.started(("2", "echo"), 1)
        journal.conversation(("2", "echo"), 1, empty.sId, empty.url)
        # Row 3: started, and the process died before learning the id of the conversation it created.
        journal.started(("3", "echo"), 1)
        run_id = journal.state.run_id
        journal.close()
        orphan = client.conversations.create(f"dust batch {run_id} · 3 · echo")
        summary = client.batch.run(
            [{"q": "one"}, {"q": "two"}, {"q": "three"}], agents="echo", output=output, prompt_column="q"
        )
    assert (summary.ok, summary.failed) == (3, 0)
    by_key = {r["key"]: r for r in _records(output)}
    assert {k: (r["reply"], r["resumed"], r["conversation_id"]) for k, r in by_key.items()} == {
        "1": ("one", True, answered.sId),
        "2": ("two", True, empty.sId),
        "3": ("three", True, orphan.sId),
    }
    conversations = _conversations(fresh_dust_emulator)
    assert len(conversations) == 3
    for conversation in conversations:
        users = [v[-1] for v in conversation.content if v[-1].to_json()["type"] == "user_message"]
        assert len(users) == 1


def test_a_reply_finished_with_tool_actions_before_the_crash_is_recorded_with_its_actions(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    """The resumed row takes the finished reply from its conversation: its actions are recorded as a
    streamed reply's are (as Dust sent them), not refused by the record's model."""
    output = tmp_path / "out.jsonl"
    with _client(fresh_dust_emulator) as client:
        answered = client.conversations.create(
            "dust batch", message="deploy", mentions=["approver"], blocking=True, skip_tools_validation=True
        )
        journal = BatchJournal.open(journal_path_for(output), prompt="column:q", key_column=None)
        journal.started(("1", "approver"), 1)
        journal.conversation(("1", "approver"), 1, answered.sId, answered.url)
        journal.close()
        summary = client.batch.run(
            [{"q": "deploy"}], agents="approver", output=output, prompt_column="q", approve_tools=True
        )
    assert (summary.ok, summary.failed) == (1, 0)
    (record,) = _records(output)
    assert (record["resumed"], record["conversation_id"]) == (True, answered.sId)
    (action,) = record["actions"]
    assert (action["status"], action["executionState"]) == ("succeeded", "allowed_implicitly")
    assert len(_conversations(fresh_dust_emulator)) == 1


def test_an_agent_waiting_for_tool_approval_fails_its_row_with_the_remedy(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    with _client(fresh_dust_emulator) as client:
        summary = client.batch.run(
            [{"q": "deploy"}], agents="approver", output=tmp_path / "o.jsonl", prompt_column="q"
        )
    assert summary.failed == 1
    (record,) = _records(tmp_path / "o.jsonl")
    assert record["error_type"] == "DustBatchError"
    assert "approve_tools=True" in record["error_message"]
    assert record["attempts"] == 1


def test_approve_tools_lets_the_tools_run_in_the_api_and_the_cli(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    """``approve_tools=True`` sends ``skipToolsValidation``: the emulator, as Dust, runs the tool unasked."""
    server = fresh_dust_emulator
    with _client(server) as client:
        summary = client.batch.run(
            [{"q": "deploy"}, {"q": "rollback"}],
            agents="approver",
            output=tmp_path / "o.jsonl",
            prompt_column="q",
            approve_tools=True,
        )
    assert (summary.ok, summary.failed) == (2, 0)
    records = _records(tmp_path / "o.jsonl")
    assert [r["reply"] for r in records] == [
        "The action ran without approval (skipToolsValidation) and succeeded."
    ] * 2
    targets = {"1": "deploy", "2": "rollback"}
    for record in records:
        (action,) = record["actions"]
        assert (action["status"], action["executionState"]) == ("succeeded", "allowed_implicitly")
        assert action["output"] == [{"type": "text", "text": f"Operation ran on {targets[record['key']]!r}."}]

    source = tmp_path / "in.csv"
    source.write_text("q\ndeploy\n", encoding="utf-8")
    env = _cli_env(server)
    runner = CliRunner()
    base = ["batch", str(source), "-a", "approver", "--prompt-column", "q", "--json", "--max-attempts", "1"]
    refused = runner.invoke(app, [*base, "-o", str(tmp_path / "refused.jsonl")], env=env)
    assert json.loads(refused.stdout)["failed"] == 1
    approved = runner.invoke(app, [*base, "-o", str(tmp_path / "approved.jsonl"), "--approve-tools"], env=env)
    assert approved.exit_code == 0, approved.output
    assert json.loads(approved.stdout)["ok"] == 1
    (record,) = _records(tmp_path / "approved.jsonl")
    assert record["actions"][0]["executionState"] == "allowed_implicitly"


def test_bad_input_fails_before_anything_is_sent(fresh_dust_emulator: EmulatorServer, tmp_path: Path) -> None:
    with _client(fresh_dust_emulator) as client:
        with pytest.raises(DustBatchError, match="needs 'body'"):
            client.batch.run([{"id": 1}], agents="echo", output=tmp_path / "o.jsonl", prompt="{body}")
        (tmp_path / "mine.jsonl").write_text("precious\n", encoding="utf-8")
        with pytest.raises(DustBatchError, match="has no journal"):
            client.batch.run([{"q": "x"}], agents="echo", output=tmp_path / "mine.jsonl", prompt_column="q")
        with pytest.raises(DustBatchError, match="concurrency"):
            client.batch.run(
                [{"q": "x"}], agents="echo", output=tmp_path / "o.jsonl", prompt_column="q", concurrency=0
            )
    assert (tmp_path / "mine.jsonl").read_text(encoding="utf-8") == "precious\n"
    assert _conversations(fresh_dust_emulator) == []


def test_shards_split_the_input_across_runs(fresh_dust_emulator: EmulatorServer, tmp_path: Path) -> None:
    rows = [{"id": f"k{i}", "q": f"q{i}"} for i in range(30)]
    keys: list[str] = []
    with _client(fresh_dust_emulator) as client:
        for index in (1, 2, 3):
            summary = client.batch.run(
                rows,
                agents="echo",
                output=tmp_path / f"s{index}.jsonl",
                prompt_column="q",
                key_column="id",
                shard=f"{index}/3",
            )
            part = [r["key"] for r in _records(tmp_path / f"s{index}.jsonl")]
            assert summary.total == len(part) > 0
            keys.extend(part)
    assert sorted(keys) == sorted(row["id"] for row in rows)


def test_async_client_and_sync_client_inside_a_running_loop(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    server = fresh_dust_emulator
    config = DustConfig(workspace_id=server.workspace_id, api_key=server.api_key, base_url=server.base_url)

    async def main() -> tuple[Any, Any]:
        async with AsyncDustClient(config, stream_policy=FAST_STREAMS) as client:
            native = await client.batch.run(
                [{"q": "a"}, {"q": "b"}], agents="echo", output=tmp_path / "a.jsonl", prompt_column="q"
            )
        # As in a notebook: a blocking call made while an event loop runs in this thread.
        with DustClient(config) as sync_client:
            bridged = sync_client.batch.run(
                [{"q": "c"}], agents="echo", output=tmp_path / "s.jsonl", prompt_column="q"
            )
        return native, bridged

    native, bridged = asyncio.run(main())
    assert (native.ok, bridged.ok) == (2, 1)
    assert [r["reply"] for r in _records(tmp_path / "s.jsonl")] == ["c"]


def test_emulator_requests_per_second_fault_is_a_token_bucket(fresh_dust_emulator: EmulatorServer) -> None:
    server = fresh_dust_emulator
    server.set_faults("requests-per-second=0.5;burst=2")
    url = f"{server.base_url}/api/v1/w/{server.workspace_id}/assistant/agent_configurations"
    headers = {"Authorization": f"Bearer {server.api_key}"}
    statuses = [httpx.get(url, headers=headers) for _ in range(3)]
    assert [r.status_code for r in statuses] == [200, 200, 429]
    assert statuses[2].json()["error"]["type"] == "rate_limit_error"
    assert statuses[2].headers["retry-after"] == "2"  # the next token comes in 2 s at 0.5 a second


def test_cli_batch_json_summary_csv_output_and_exit_codes(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    server = fresh_dust_emulator
    env = _cli_env(server)
    source = tmp_path / "tickets.csv"
    source.write_text("id,body\nA,printer jam\nB,login fails\n", encoding="utf-8")
    runner = CliRunner()
    args = ["batch", str(source), "-a", "echo", "-a", "failing", "--prompt", "Triage: {body}", "--key", "id"]
    result = runner.invoke(
        app, [*args, "-o", str(tmp_path / "out.csv"), "--json", "--max-attempts", "1"], env=env
    )
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert (summary["total"], summary["ok"], summary["failed"], summary["complete"]) == (4, 2, 2, False)
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert {(r["key"], r["agent"], r["status"]) for r in rows} == {
        ("A", "echo", "ok"),
        ("B", "echo", "ok"),
        ("A", "failing", "failed"),
        ("B", "failing", "failed"),
    }
    quiet = runner.invoke(
        app, ["batch", str(source), "-a", "echo", "-p", "Triage: {body}", "--key", "id", "-q"], env=env
    )
    assert quiet.exit_code == 0, quiet.output
    assert quiet.output == ""
    assert len(_records(tmp_path / "tickets.dust-batch.jsonl")) == 2
    bad = runner.invoke(app, ["batch", str(source), "-a", "echo", "-p", "{nope}"], env=env)
    assert bad.exit_code == 2
    assert "needs 'nope'" in bad.output


def test_cli_batch_passes_every_option_to_client_batch_run(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    server = fresh_dust_emulator
    env = _cli_env(server)
    source, output = tmp_path / "contracts.jsonl", tmp_path / "records.out"
    source.write_text('{"id": "C-1", "text": "renews yearly"}\n', encoding="utf-8")
    args = ["batch", str(source), "-a", "echo", "-p", "Clause?", "--key", "id", "-o", str(output)]
    args += ["--attach", "text", "--attach-title", "contract.txt", "--shard", "1/1", "--rpm", "6000"]
    args += ["--format", "csv", "--retry-failed", "--max-attempts", "2", "-c", "2", "-q"]
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    with output.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [(r["key"], r["agent"], r["status"], r["reply"]) for r in rows] == [
        ("C-1", "echo", "ok", "Clause?")
    ]
    (conversation,) = _conversations(server)
    assert conversation.content[0][-1].to_json()["title"] == "contract.txt"
    assert conversation.content[0][-1].text == "renews yearly"


def test_interrupting_a_blocking_run_inside_a_running_loop_stops_it_and_it_resumes(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    """As a notebook's stop button does: KeyboardInterrupt in the caller while the run is on its helper thread."""
    server = fresh_dust_emulator
    config = DustConfig(workspace_id=server.workspace_id, api_key=server.api_key, base_url=server.base_url)
    output = tmp_path / "o.jsonl"
    # Rows from the fourth on wait on a gate after their first token, so the interrupt always lands while
    # a row is in flight, however fast the machine (no race against the echo agent finishing every row).
    rows = [{"q": f"q{i}" if i < 3 else f"q{i} gate=notebook"} for i in range(20)]

    def interrupt_after_three(progress: BatchProgress) -> None:
        if progress.done == 3:  # Ctrl-C, delivered to the caller's (main) thread
            signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)

    async def notebook_cell() -> None:
        with DustClient(config) as client:
            client.batch.run(
                rows,
                agents="echo",
                output=output,
                prompt_column="q",
                concurrency=1,
                on_progress=interrupt_after_three,
            )

    # A notebook kernel runs its loop without asyncio.run's SIGINT handler: Ctrl-C raises KeyboardInterrupt.
    # (Set here too: a suite started in the background by a shell inherits SIGINT ignored.)
    previous_handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    loop = asyncio.new_event_loop()
    try:
        with pytest.raises(KeyboardInterrupt):
            loop.run_until_complete(notebook_cell())
    finally:
        loop.close()
        signal.signal(signal.SIGINT, previous_handler)
    # The run was cancelled before the interrupt was re-raised: one row at a time, so at most the row in
    # flight has a conversation without a record.
    written = len(_records(output))
    assert written == 3
    assert written <= len(_conversations(server)) <= written + 1
    server.open_gate("notebook")
    with _client(server) as client:
        summary = client.batch.run(rows, agents="echo", output=output, prompt_column="q")
    assert (summary.ok, summary.skipped) == (20, written)
    assert sorted(r["key"] for r in _records(output)) == sorted(str(i) for i in range(1, 21))
    assert len(_conversations(server)) == 20


# --- typed raw access ------------------------------------------------------------------------------------


def test_raw_response_of_a_batch_run_is_its_first_request_and_parses_to_the_summary(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    with _client(fresh_dust_emulator) as client:
        raw = client.batch.with_raw_response.run(
            [{"q": "a"}], agents="echo", output=tmp_path / "out.jsonl", prompt_column="q"
        )
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.http_response.request.method == "POST"
    assert raw.http_response.request.url.path.endswith("/assistant/conversations")
    summary = assert_type(raw.parse(), BatchSummary)
    assert (summary.total, summary.ok) == (1, 1)


def test_async_raw_response_of_a_batch_run_and_the_blocking_bridge_inside_a_loop(
    fresh_dust_emulator: EmulatorServer, tmp_path: Path
) -> None:
    server = fresh_dust_emulator
    config = DustConfig(workspace_id=server.workspace_id, api_key=server.api_key, base_url=server.base_url)

    async def main() -> tuple[BatchSummary, RawResponse[BatchSummary]]:
        async with AsyncDustClient(config, stream_policy=FAST_STREAMS) as client:
            streamed = client.batch.with_streaming_response.run(
                [{"q": "a"}], agents="echo", output=tmp_path / "a.jsonl", prompt_column="q"
            )
            async with streamed as native:
                assert native.status_code == 200
                native_summary = await native.parse()
        # A blocking call made while an event loop runs here: the run goes to a helper thread, and the
        # capture of its responses with it.
        with DustClient(config) as sync_client:
            bridged = sync_client.batch.with_raw_response.run(
                [{"q": "c"}], agents="echo", output=tmp_path / "s.jsonl", prompt_column="q"
            )
        return native_summary, bridged

    native_summary, bridged = asyncio.run(main())
    assert assert_type(native_summary, BatchSummary).ok == 1
    assert bridged.status_code == 200
    assert bridged.http_response.request.url.path.endswith("/assistant/conversations")
    assert assert_type(bridged.parse(), BatchSummary).ok == 1
