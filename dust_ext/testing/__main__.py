"""Command line: ``python -m dust_ext.testing serve [--host H] [--port N] [--workspace-id W] [--api-key K]``.

Serves a local Dust API emulator until interrupted. Defaults: host 127.0.0.1 (loopback only), port 8787
(0 = a free port), workspace ``demo-workspace``, API key ``sk-emulator``, token delay 0.02 s, no faults.
Prints ``Dust emulator listening on http://HOST:PORT`` once it accepts connections.
"""

from __future__ import annotations

import argparse
import sys
import threading

from dust_ext.testing._faults import FaultSpecError, parse_faults
from dust_ext.testing.app import DEFAULT_API_KEY, DEFAULT_WORKSPACE_ID
from dust_ext.testing.server import EmulatorServer, ensure_loopback

DEFAULT_PORT = 8787


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dust_ext.testing", description="Local Dust API emulator."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the emulator until interrupted")
    serve.add_argument("--host", default="127.0.0.1", help="loopback address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help="port, 0 for a free one (default 8787)")
    serve.add_argument(
        "--workspace-id", default=DEFAULT_WORKSPACE_ID, help="workspace id (default demo-workspace)"
    )
    serve.add_argument("--api-key", default=DEFAULT_API_KEY, help="API key it accepts (default sk-emulator)")
    serve.add_argument("--token-delay", type=float, default=0.02, help="seconds between streamed tokens")
    serve.add_argument("--faults", default="", help="run-wide fault spec, e.g. 'drop-after=3;times=1'")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        ensure_loopback(args.host)
        parse_faults(args.faults)
    except (ValueError, FaultSpecError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    server = EmulatorServer(
        args.host,
        args.port,
        args.workspace_id,
        args.api_key,
        faults=args.faults,
        token_delay=args.token_delay,
    )
    try:
        server.start()
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Dust emulator listening on {server.base_url}", flush=True)
    print(f"workspace: {server.workspace_id} (API key as given by --api-key)", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
