"""`make demo`: start the local Dust emulator and stream a chat from it, as a user would with real Dust.

It runs examples/streaming_chat.py and the `dust chat` CLI with DUST_* variables pointing at the emulator;
the same commands talk to real Dust when those variables hold a real workspace id and API key.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dust_ext.testing import EmulatorServer

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(command: list[str], env: dict[str, str]) -> None:
    print(f"\n$ {' '.join(command)}", flush=True)
    subprocess.run(command, env=env, check=True)


def main() -> None:
    # A visible per-token delay, so the reply streams in the terminal.
    with EmulatorServer(token_delay=0.04) as server:
        env = {
            **os.environ,
            "DUST_WORKSPACE_ID": server.workspace_id,
            "DUST_API_KEY": server.api_key,
            "DUST_BASE_URL": server.base_url,
        }
        print(f"Dust emulator on {server.base_url} (workspace {server.workspace_id})")
        run(
            [sys.executable, str(ROOT / "examples" / "streaming_chat.py"), "dust", "Hello! What is Dust?"],
            env,
        )
        run([str(BIN / "dust"), "chat", "thinker", "Why do streams need resuming?"], env)
        # The agents as tools of an MCP client, through `dust mcp serve` (needs the mcp extra, in dev).
        run(
            [sys.executable, str(ROOT / "examples" / "agents_as_mcp_tools.py"), "echo", "Hello over MCP!"],
            env,
        )


if __name__ == "__main__":
    main()
