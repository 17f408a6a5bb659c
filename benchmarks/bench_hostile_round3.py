"""Hostile servers, round three (issue 26): Dust's limits, leaked keys, deep JSON, batch runs, inputs and
redirects, recording. Each case: what the SDK does, before → after.

python -m benchmarks.bench_hostile_round3 [--sdk PATH] [--only case,case]

The hostile servers (``dust_ext.testing.hostile``, raw loopback sockets) and the emulator run in this process;
each case's client runs in a fresh interpreter, on this checkout or on ``--sdk PATH`` (another checkout, e.g.
``git archive main``), which is how the "before" column of ``benchmarks/RESULTS.md`` was measured. Waits are
recorded through the clients' injectable ``sleep``, not slept.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dust_ext.testing import EmulatorServer
from dust_ext.testing.hostile import Exchange, HostileServer, response_bytes, response_head, sse_frame

ROOT = Path(__file__).resolve().parent.parent
KEY = "sk-round3+k/e=y&0123456789"
QUOTA = {
    "error": {
        "type": "rate_limit_error",
        "message": "Your workspace has run out of credits. Please purchase more credits to continue.",
    }
}
BURST = {
    "error": {
        "type": "rate_limit_error",
        "message": "Too many requests to this endpoint for this workspace (max 40 per minute).",
    }
}
DEEP = b"[" * 2000


def _json(status: int, payload: Any, headers: dict[str, str] | None = None) -> bytes:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return response_bytes(
        status, body, {"Content-Type": "application/json", "Connection": "close", **(headers or {})}
    )


def _always(data: bytes) -> Callable[[Exchange], None]:
    def handler(exchange: Exchange) -> None:
        exchange.send(data)
        exchange.close()

    return handler


def _sse(*frames: bytes) -> Callable[[Exchange], None]:
    def handler(exchange: Exchange) -> None:
        exchange.send(response_head(200, {"Content-Type": "text/event-stream", "Connection": "close"}))
        for frame in frames:
            exchange.send(frame)
        exchange.close()

    return handler


def _redirect(location: Callable[[str], str]) -> Callable[[Exchange], None]:
    holder: dict[str, str] = {}

    def handler(exchange: Exchange) -> None:
        exchange.send(response_head(307, {"Location": location(holder["url"]), "Content-Length": "0"}))

    handler.holder = holder  # type: ignore[attr-defined]
    return handler


TERMINAL = sse_frame(
    json.dumps(
        {
            "eventId": "1-0",
            "data": {
                "type": "agent_error",
                "created": 1,
                "configurationId": "dust",
                "messageId": "m1",
                "error": {"code": "x", "message": "y"},
            },
        }
    )
)

# case -> the server handler (None: no server, or the emulator)
SERVERS: dict[str, Callable[[], Callable[[Exchange], None]] | None] = {
    "quota_429": lambda: _always(_json(429, QUOTA)),
    "burst_429": lambda: _always(_json(429, BURST)),
    "retry_after_zero": lambda: _always(
        _json(503, {"error": {"type": "x", "message": "x"}}, {"Retry-After": "0"})
    ),
    "echoed_key_body": lambda: _always(_json(200, {"agentConfigurations": f"Bearer {KEY}"})),
    "echoed_key_frame": lambda: _sse(sse_frame(f"oops Bearer {KEY}"), TERMINAL),
    "key_in_query": lambda: _always(_json(404, {"error": {"type": "not_found", "message": "x"}})),
    "deep_json": lambda: _always(_json(200, DEEP)),
    "deep_frame_skipped": lambda: _sse(sse_frame(DEEP.decode()), TERMINAL),
    "redirect_other_path": lambda: _redirect(lambda url: "/api/v1/w/W/assistant/conversations/c1/cancel"),
    "redirect_userinfo": lambda: _redirect(
        lambda url: url.replace("http://", "http://attacker:pw@") + "/api/sse/x"
    ),
    "redirect_key": lambda: _redirect(lambda url: f"/api/sse/x?token={KEY}"),
    "upload_fifo": lambda: _always(_json(200, {"file": {"sId": "f", "uploadUrl": "/nowhere"}})),
    "upload_directory": lambda: _always(_json(200, {"file": {"sId": "f", "uploadUrl": "/nowhere"}})),
    "closed_client": lambda: _always(_json(200, {"agentConfigurations": []})),
    "evil_localhost": None,
    "batch_retry_after_999999": None,
    "batch_stream_429": None,
    "batch_twice": None,
}


# --- the client side (a fresh interpreter) ------------------------------------------------------------------


def client_case(case: str, url: str, workdir: str) -> dict[str, Any]:
    import logging

    from dust_ext import DustClient, DustConfig, RetryPolicy, StreamPolicy

    waits: list[float] = []
    config = DustConfig(workspace_id="W", api_key=KEY, base_url=url or "http://127.0.0.1:9", timeout=5.0)

    def outcome(error: BaseException) -> dict[str, Any]:
        shown = " ".join(
            [
                str(error),
                repr(error),
                str(getattr(error, "body", "")),
                str(getattr(error, "raw", "")),
                str(getattr(error, "url", "")),
            ]
        )
        return {"raised": type(error).__name__, "key_shown": "sk-round3" in shown or "sk-round3%2B" in shown}

    if case in {"quota_429", "burst_429"}:
        with DustClient(config, sleep=waits.append) as client:
            try:
                client.conversations.create(message="hi", mentions=["dust"])
            except Exception as error:
                return {**outcome(error), "waits": [round(w, 1) for w in waits]}
    if case == "retry_after_zero":
        with DustClient(config, retry_policy=RetryPolicy(max_retries=50), sleep=waits.append) as client:
            try:
                client.agents.list()
            except Exception as error:
                return {**outcome(error), "retries": len(waits), "total_wait_s": round(sum(waits), 1)}
    if case in {"echoed_key_body", "deep_json", "key_in_query"}:
        lines: list[str] = []
        handler = logging.Handler()
        handler.emit = lambda record: lines.append(record.getMessage())  # type: ignore[method-assign]
        logging.getLogger("dust_ext").addHandler(handler)
        logging.getLogger("dust_ext").setLevel(logging.DEBUG)
        with DustClient(config, retry_policy=RetryPolicy(max_retries=0)) as client:
            try:
                if case == "key_in_query":
                    client.workspace_request("GET", "x", params={"token": KEY})
                elif case == "deep_json":
                    client.workspace_request("GET", "x")
                else:
                    client.agents.list()
            except BaseException as error:
                return {**outcome(error), "key_in_logs": any("sk-round3" in line for line in lines)}
    if case in {"echoed_key_frame", "deep_frame_skipped"}:
        lines = []
        handler = logging.Handler()
        handler.emit = lambda record: lines.append(record.getMessage())  # type: ignore[method-assign]
        logging.getLogger("dust_ext").addHandler(handler)
        result: dict[str, Any] = {}
        for mode in ("raise", "skip"):
            with DustClient(config, stream_policy=StreamPolicy(reconnect_delay=0.0)) as client:
                try:
                    events = list(client.conversations.stream_message_events("c1", "m1", on_malformed=mode))  # type: ignore[arg-type]
                    result[mode] = f"{len(events)} event(s)"
                except BaseException as error:
                    result[mode] = outcome(error)
        return {**result, "key_in_logs": any("sk-round3" in line for line in lines)}
    if case.startswith("redirect_"):
        with DustClient(config, stream_policy=StreamPolicy(reconnect_delay=0.0, max_reconnects=0)) as client:
            try:
                list(client.conversations.stream_message_events("c1", "m1"))
            except BaseException as error:
                return outcome(error)
    if case.startswith("upload_"):
        path = Path(workdir) / case
        if case == "upload_fifo":
            os.mkfifo(path)
        else:
            path.mkdir()
        with DustClient(config, retry_policy=RetryPolicy(max_retries=0)) as client:
            try:
                client.files.upload(path)
            except BaseException as error:
                return outcome(error)
    if case == "closed_client":
        client = DustClient(config)
        client.close()
        try:
            client.agents.list()
        except BaseException as error:
            from dust_ext import DustError

            return {**outcome(error), "is_dust_error": isinstance(error, DustError)}
    if case == "evil_localhost":
        try:
            DustConfig(workspace_id="W", api_key=KEY, base_url="http://evil.localhost")
        except BaseException as error:
            return {"raised": type(error).__name__}
        return {"accepted": True}
    if case == "batch_retry_after_999999":
        from dust_ext.batch._pacing import AdaptiveConcurrency

        return {"pause_s": AdaptiveConcurrency(maximum=4).rate_limited_at(0.0, 0, 999999.0)}
    if case == "batch_stream_429":
        with DustClient(
            DustConfig(workspace_id=os.environ["EMU_W"], api_key=os.environ["EMU_K"], base_url=url)
        ) as client:
            summary = client.batch.run(
                [{"id": "a", "q": "hi"}],
                agents="echo",
                output=Path(workdir) / "o.jsonl",
                prompt_column="q",
                key_column="id",
            )
        return {"ok": summary.ok, "rate_limited_seen_by_batch": summary.rate_limited}
    return {"returned": True}


# --- the runner --------------------------------------------------------------------------------------------


def _child(
    case: str, url: str, sdk: str | None, workdir: str, env: dict[str, str] | None = None
) -> dict[str, Any]:
    command = [
        sys.executable,
        "-m",
        "benchmarks.bench_hostile_round3",
        "--case",
        case,
        "--url",
        url,
        "--workdir",
        workdir,
    ]
    # From the work directory, so that the SDK comes from PYTHONPATH: the other checkout first, if any.
    path = [f"{sdk}", f"{sdk}/generated"] if sdk else []
    child_env = {**os.environ, **(env or {}), "PYTHONPATH": os.pathsep.join([*path, str(ROOT)])}
    try:
        done = subprocess.run(  # noqa: S603 (our own interpreter and arguments)
            command, cwd=workdir, capture_output=True, text=True, timeout=20, env=child_env, check=False
        )
    except subprocess.TimeoutExpired:
        return {"blocked": "killed at 20 s"}
    lines = done.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else {"crashed": done.stderr.strip().splitlines()[-1:]}


def _batch_twice(sdk: str | None) -> dict[str, Any]:
    """Two `dust batch` runs on one output, started together, 200 rows on the emulator's echo agent."""
    with EmulatorServer() as server, tempfile.TemporaryDirectory() as workdir:
        source, output = Path(workdir) / "rows.csv", Path(workdir) / "out.jsonl"
        source.write_text("id,body\n" + "".join(f"T{i},ticket {i}\n" for i in range(200)), encoding="utf-8")
        env = {
            **os.environ,
            "DUST_WORKSPACE_ID": server.workspace_id,
            "DUST_API_KEY": server.api_key,
            "DUST_BASE_URL": server.base_url,
        }
        if sdk:
            env["PYTHONPATH"] = os.pathsep.join([sdk, f"{sdk}/generated"])
        command = [
            sys.executable,
            "-m",
            "dust_ext.cli",
            "batch",
            str(source),
            "-a",
            "echo",
            "-p",
            "{body}",
            "--key",
            "id",
            "-o",
            str(output),
            "-q",
        ]
        runs = [
            subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
                command, env=env, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        codes = [run.wait(timeout=600) for run in runs]
        conversations = len(server.state.workspaces[server.workspace_id].conversations)
        refused = [run.stderr.read().strip()[:120] if run.stderr else "" for run in runs]
    return {
        "exit_codes": codes,
        "conversations": conversations,
        "refusal": [line for line in refused if line],
    }


def run(sdk: str | None, only: list[str] | None) -> None:
    for case, make in SERVERS.items():
        if only and case not in only:
            continue
        with tempfile.TemporaryDirectory() as workdir:
            if case == "batch_twice":
                result = _batch_twice(sdk)
            elif case == "batch_stream_429":
                with EmulatorServer(faults="rate-limit=1;retry-after=1;path=/events") as emulator:
                    result = _child(
                        case,
                        emulator.base_url,
                        sdk,
                        workdir,
                        {"EMU_W": emulator.workspace_id, "EMU_K": emulator.api_key},
                    )
            elif make is None:
                result = _child(case, "", sdk, workdir)
            else:
                handler = make()
                with HostileServer(handler) as server:
                    holder = getattr(handler, "holder", None)
                    if holder is not None:
                        holder["url"] = server.url
                    result = _child(case, server.url, sdk, workdir)
                    result["requests"] = len(server.requests)
        print(f"{case:26} {json.dumps(result)}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdk", help="path of another checkout of the SDK to measure instead")
    parser.add_argument("--only", default="", help="comma-separated cases")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--url", default="", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(client_case(args.case, args.url, args.workdir)))
        return
    threading.excepthook = lambda _args: None  # a hostile handler whose client went away is not news
    run(args.sdk, [case for case in args.only.split(",") if case] or None)


if __name__ == "__main__":
    main()
