"""Hostile servers and careless inputs (issue 13): time, memory and outcome of each case, before → after.

python -m benchmarks.bench_hardening [--sdk PATH]

A plain ``http.server`` in its own process plays the hostile server (a 200 MB HTML error page, a 2 GiB gzip
bomb, a body trickled one byte a second, a response head trickled or made of endless ``100 Continue``
(each for about 90 s), a redirect loop, a proxy echoing the key, an upload sink); each case
runs in a fresh interpreter that reports its own wall time and peak RSS growth (``VmHWM`` minus the RSS after
imports). ``--sdk PATH`` runs the cases against another checkout of the SDK (e.g. ``git archive main``), which
is how the "before" column of ``benchmarks/RESULTS.md`` was measured.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEY = "sk-bench-hardening-0123456789abcdef"
MB = 1000 * 1000
CASES = [
    "html_503",
    "gzip_bomb",
    "trickle",
    "trickled_head",
    "endless_continue",
    "upload_200mb",
    "redirect_loop",
    "dotdot_id",
    "echoed_key",
    "newline_key",
]


# --- the hostile server (its own process) -----------------------------------------------------------------


def _gzip_of_zeros(size: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(MB)
    parts = [compressor.compress(block) for _ in range(size // MB)]
    return b"".join([*parts, compressor.flush()])


class HostileHandler(BaseHTTPRequestHandler):
    bomb = b""
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _reply(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in {"Content-Type": "application/json", **(headers or {})}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        with contextlib.suppress(OSError):
            if path.endswith("/html503"):
                block = b"<p>" + b"x" * 997
                self.send_response(503)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(200 * MB + 60))
                self.end_headers()
                self.wfile.write(b"<html><head><title>Service Unavailable</title></head><body>".ljust(60))
                for _ in range(200 * 1000):
                    self.wfile.write(block)
            elif path.endswith("/bomb"):
                if not HostileHandler.bomb:  # built on first use: other cases need not wait for it
                    HostileHandler.bomb = _gzip_of_zeros(2 * 1024 * MB)
                self._reply(200, self.bomb, {"Content-Encoding": "gzip"})
            elif path.endswith("/trickled_head"):  # the status line and headers, a byte every 0.5 s
                for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Pad: " + b"x" * 160:
                    self.wfile.write(bytes([byte]))
                    time.sleep(0.5)
            elif path.endswith("/endless_continue"):  # an interim answer every 0.5 s, never a final one
                for _ in range(180):
                    self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
                    time.sleep(0.5)
            elif path.endswith("/trickle"):
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "30")
                self.end_headers()
                for byte in b'{"spaces": []}'.ljust(30):
                    self.wfile.write(bytes([byte]))
                    time.sleep(1.0)
            elif path.endswith("/redirect"):
                self.send_response(302)
                self.send_header("Location", self.path)
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path.endswith("/echo"):
                self._reply(404, b'{"error": {"type": "not_found", "message": "no"}}', {"X-Request-Id": KEY})
            else:
                self._reply(404, json.dumps({"error": {"type": "not_found", "message": path}}).encode())

    def do_DELETE(self) -> None:
        self._reply(200, json.dumps({"deleted": self.path}).encode())

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        remaining = length
        while remaining:  # read and discard: the sink keeps nothing
            remaining -= len(self.rfile.read(min(remaining, 1 << 20)))
        file = {
            "sId": "fil_1",
            "fileName": "big.bin",
            "contentType": "application/octet-stream",
            "fileSize": length,
            "status": "created",
            "useCase": "conversation",
            "uploadUrl": f"http://127.0.0.1:{self.server.server_address[1]}/api/v1/w/W/files/fil_1",
        }
        self._reply(200, json.dumps({"file": file}).encode())


def serve(port_file: str) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), HostileHandler)
    Path(port_file).write_text(str(server.server_address[1]))
    server.serve_forever()


# --- one case, in a fresh interpreter ---------------------------------------------------------------------


def _rss_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def client_case(case: str, port: int, sdk: str | None) -> None:
    if sdk:  # the other checkout first, and no editable-install finder in the way
        sys.meta_path[:] = [finder for finder in sys.meta_path if "editable" not in repr(finder).lower()]
        sys.path[:0] = [sdk, f"{sdk}/generated"]
    import httpx

    from dust_ext import DustClient, DustConfig, RetryPolicy

    base = f"http://127.0.0.1:{port}"
    fast = RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0, jitter=0.0, max_retry_after=0.0)
    baseline = _rss_kb("VmRSS")
    started = time.perf_counter()
    outcome = ""
    try:
        if case == "newline_key":
            config = DustConfig(workspace_id="W", api_key=KEY + "\n", base_url=base, max_retries=0)
            DustClient(config).workspace_request("GET", "spaces")
            outcome = "sent"
        else:
            config = DustConfig(workspace_id="W", api_key=KEY, base_url=base, timeout=3.0)
            if case == "redirect_loop":
                client = DustClient(
                    config, http_client=httpx.Client(follow_redirects=True), retry_policy=fast
                )
            elif case in ("trickle", "trickled_head"):
                client = DustClient(config, retry_policy=RetryPolicy(max_retries=0))
            elif case == "endless_continue":
                client = DustClient(config.model_copy(update={"total_timeout": 5.0}), retry_policy=fast)
            else:
                client = DustClient(config, retry_policy=fast)
            if case == "html_503":
                client.workspace_request("GET", "html503")
            elif case == "gzip_bomb":
                body = client.workspace_request("GET", "bomb")
                outcome = f"returned {len(body) / MB:.0f} MB"
            elif case == "trickle":
                client.workspace_request("GET", "trickle")
                outcome = "returned"
            elif case in ("trickled_head", "endless_continue"):
                client.workspace_request("GET", case)
                outcome = "returned"
            elif case == "upload_200mb":
                path = Path(os.environ["BENCH_UPLOAD_FILE"])
                uploaded = client.files.upload(path)
                outcome = f"uploaded {uploaded.fileSize / MB:.0f} MB"
            elif case == "redirect_loop":
                client.workspace_request("GET", "redirect")
            elif case == "dotdot_id":
                deleted = client.data_sources.tables.rows.delete("S", "D", "T", "..")
                outcome = f"sent: {deleted}"
            elif case == "echoed_key":
                client.workspace_request("GET", "echo")
    except BaseException as exc:  # the point is to see what escapes
        text = f"{exc}{exc!r}{getattr(exc, 'request_id', '')}{getattr(exc, 'headers', '')}"
        leaked = " (KEY LEAKED)" if KEY in text else ""
        body = getattr(exc, "body", None)
        kept = f", error.body {len(body) / MB:.2f} MB" if isinstance(body, str) and body else ""
        outcome = f"{type(exc).__name__}{kept}{leaked}"
    seconds = time.perf_counter() - started
    growth = (_rss_kb("VmHWM") - baseline) / 1000
    print(json.dumps({"case": case, "seconds": seconds, "peak_growth_mb": growth, "outcome": outcome}))


# --- the driver -------------------------------------------------------------------------------------------


@contextlib.contextmanager
def hostile_server(tmp: Path) -> Iterator[int]:
    port_file = tmp / "port"
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "benchmarks.bench_hardening", "--serve", str(port_file)], cwd=ROOT
    )
    try:
        while not port_file.exists() or not port_file.read_text():
            time.sleep(0.1)
        yield int(port_file.read_text())
    finally:
        process.terminate()
        process.wait()


def run(sdk: str | None = None, cases: list[str] | None = None) -> list[dict[str, object]]:
    import tempfile

    results = []
    with tempfile.TemporaryDirectory() as directory:
        tmp = Path(directory)
        upload = tmp / "big.bin"
        with upload.open("wb") as handle:
            block = os.urandom(MB)
            for _ in range(200):
                handle.write(block)
        with hostile_server(tmp) as port:
            for case in cases or CASES:
                command = [sys.executable, str(Path(__file__).resolve()), "--case", case, "--port", str(port)]
                if sdk:
                    command += ["--sdk", sdk]
                env = {**os.environ, "BENCH_UPLOAD_FILE": str(upload)}
                output = subprocess.run(  # noqa: S603 - our own interpreter and arguments
                    command, capture_output=True, text=True, env=env, cwd=tempfile.gettempdir(), check=False
                )
                lines = [line for line in output.stdout.splitlines() if line.startswith("{")]
                result = json.loads(lines[-1]) if lines else {"case": case, "outcome": output.stderr[-300:]}
                print(json.dumps(result), flush=True)
                results.append(result)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sdk", help="path of another checkout of the SDK to measure instead")
    parser.add_argument("--only", default="", help="comma-separated cases: " + ", ".join(CASES))
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
    elif args.case:
        client_case(args.case, args.port, args.sdk)
    else:
        run(args.sdk, [case for case in args.only.split(",") if case] or None)


if __name__ == "__main__":
    main()
