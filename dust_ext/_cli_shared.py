"""What every ``dust`` command shares (:mod:`dust_ext.cli`, ``dust sync`` in :mod:`dust_ext.sync.cli`): its
consoles and exit codes, how it prints API text, JSON and errors, and the client it runs against.

Text that comes from Dust is data, never markup: it is written as the API sent it, control characters
escaped only on a terminal (:func:`terminal_safe`).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from pydantic import TypeAdapter
from rich.console import Console
from rich.text import Text

from dust_ext._client import DustClient
from dust_ext.config import DustConfig
from dust_ext.exceptions import DustAgentError, DustConfigError, DustError, DustToolActionRequiredError

# Neither console interprets markup or emoji codes: everything they print is either our own Text objects
# or API data, which must come out as sent.
out = Console(highlight=False, soft_wrap=True, markup=False, emoji=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)

#: Exit codes: 1 API/agent failure, 2 usage or configuration error, 130 interrupted.
EXIT_API_ERROR = 1
EXIT_CONFIG_ERROR = 2
EXIT_INTERRUPTED = 130

# --- printing API text ------------------------------------------------------------------------------------

# C0 and C1 control characters except newline and tab: what can move the cursor, recolour or retitle a
# terminal, or write to its clipboard.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """``text`` with its control characters (except newline and tab) written as visible escapes (``\\x1b``)."""
    return _CONTROL_CHARACTERS.sub(lambda match: repr(match.group())[1:-1], text)


class TextWriter:
    """Writes API text to stdout as sent (control characters escaped on a terminal) and remembers whether
    the last line is unfinished, so an error never ends up glued to a half-written reply."""

    def __init__(self) -> None:
        self.mid_line = False

    def write(self, text: str) -> None:
        """Write ``text`` and flush (a streamed reply shows as it comes)."""
        if not text:
            return
        stream = sys.stdout  # looked up each time: test runners swap sys.stdout
        stream.write(terminal_safe(text) if stream.isatty() else text)
        stream.flush()
        self.mid_line = not text.endswith("\n")

    def line(self, text: str = "") -> None:
        """Write ``text`` and a newline."""
        self.write(text + "\n")

    def finish_line(self) -> None:
        """End an unfinished line."""
        if self.mid_line:
            self.write("\n")


text_out = TextWriter()


def error_line(label: str, message: str) -> None:
    """One line on stderr: a red label, then the message as plain text."""
    text_out.finish_line()
    err.print(Text(f"{label}: ", style="red"), Text(message), sep="")


def note(message: str) -> None:
    """A dim informational line on stderr (the conversation id…)."""
    err.print(Text(message, style="dim"))


def print_json(value: Any, *, one_line: bool = False) -> None:
    """``value`` (models too) as one JSON document; ``one_line``: on one line, for JSON Lines output."""
    data = TypeAdapter(Any).dump_python(value, mode="json")
    sys.stdout.write(json.dumps(data, indent=None if one_line else 2, ensure_ascii=False) + "\n")


# --- the connection flags and the client ------------------------------------------------------------------


class Settings:
    """The connection flags shared by every command (flags win over environment variables)."""

    def __init__(self, **flags: Any) -> None:
        self.overrides: dict[str, Any] = {field: value for field, value in flags.items() if value}

    def config(self) -> DustConfig:
        """The configuration: these flags over the ``DUST_*`` environment variables."""
        # The required settings given neither as a flag nor in the environment: (flag, variable).
        given = {name for name, value in os.environ.items() if value.strip()}
        missing = []
        if "workspace_id" not in self.overrides and "DUST_WORKSPACE_ID" not in given:
            missing.append(("--workspace-id", "DUST_WORKSPACE_ID"))
        if "api_key" not in self.overrides and not {"DUST_API_KEY", "DUST_ACCESS_TOKEN"} & given:
            missing.append(("--api-key", "DUST_API_KEY (or DUST_ACCESS_TOKEN, an OAuth token)"))
        if missing:
            # Said before from_env says it: its message speaks to Python code (keyword arguments).
            flags = " and ".join(flag for flag, _ in missing)
            variables = " and ".join(variable for _, variable in missing)
            raise DustConfigError(
                f"missing {flags}: pass {'them' if len(missing) > 1 else 'it'}, or set {variables}"
            )
        # Errors name the flag a value came from: the DustConfig field it sets, as typer spells a parameter.
        flag_names = {field: "--" + field.replace("_", "-") for field in self.overrides}
        return DustConfig.from_env(override_names=flag_names, **self.overrides)

    def __repr__(self) -> str:
        return f"Settings(flags={sorted(self.overrides)})"  # names only: one of them is the API key


# How a command's DustError is reported: the first row whose type matches gives its label and exit code.
_FAILURES: tuple[tuple[type[DustError], str, int], ...] = (
    (DustConfigError, "configuration error", EXIT_CONFIG_ERROR),
    (DustToolActionRequiredError, "tool action", EXIT_CONFIG_ERROR),
    (DustAgentError, "agent error", EXIT_API_ERROR),
    (DustError, "error", EXIT_API_ERROR),
)


@contextmanager
def client_for(ctx: typer.Context) -> Iterator[DustClient]:
    """A client for one command; DustErrors become one clean line and an exit code."""
    settings: Settings = ctx.obj
    try:
        with DustClient(settings.config()) as client:
            yield client
    except DustError as exc:
        label, code = next((label, code) for kind, label, code in _FAILURES if isinstance(exc, kind))
        error_line(label, str(exc))
        raise typer.Exit(code) from None
    except KeyboardInterrupt:
        error_line("interrupted", "stopped by the user")
        raise typer.Exit(EXIT_INTERRUPTED) from None


def duration(seconds: float) -> str:
    """``seconds`` as ``h:mm:ss``."""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"
