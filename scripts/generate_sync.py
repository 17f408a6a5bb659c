"""Generate the blocking side of dust_ext from its asyncio side, or check that it is up to date.

    python scripts/generate_sync.py           # write every dust_ext/**/_sync.py from its sibling _async.py
    python scripts/generate_sync.py --check   # fail, naming the files, if any _sync.py differs from a fresh one

Only the asyncio code is written by hand (``_async.py``); its blocking twin (``_sync.py`` beside it) is made
by the ``unasync`` library (the tool encode/httpcore uses): ``async``/``await`` dropped, asyncio names
mapped to their blocking counterparts (the table below, plus ``AsyncX`` -> ``X``), then ruff fixes import
order and formats, so the output is byte-for-byte reproducible with the pinned ruff. ``make test`` runs the
check, like ``make check-generated`` for ``generated/``: a fix is made once, in ``_async.py``.
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
from pathlib import Path

import tokenize_rt
import unasync

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dust_ext"
BIN = Path(sys.executable).parent

HEADER = "# Generated from {} by scripts/generate_sync.py: do not edit (make unasync rewrites it).\n"

#: asyncio names whose blocking counterpart is not just the name without ``Async``/``a``.
NAME_MAP = {
    "_async": "_sync",  # imports of other generated modules: dust_ext.x._async -> dust_ext.x._sync
    "aclose": "close",
    "handle_async_request": "handle_request",
    "set_async_httpx_client": "set_httpx_client",
    "aiter_bytes": "iter_bytes",
    "aiter_lines": "iter_lines",
    "aiter_raw": "iter_raw",
    "aread": "read",
    "anext": "next",
    "aiter": "iter",
    "asleep": "sleep",
    "enter_async_context": "enter_context",
    "AsyncClient": "Client",
    "AsyncByteStream": "SyncByteStream",
    "AsyncBaseTransport": "BaseTransport",
    "AsyncHTTPTransport": "HTTPTransport",
    "AsyncExitStack": "ExitStack",
    "AsyncContextManager": "ContextManager",
    "AbstractAsyncContextManager": "AbstractContextManager",
    # Public names that only look asyncio: Dust's "async" upsert option (queue the upsert) stays as it is.
    "async_upsert": "async_upsert",
}

#: Prefixes of our own asyncio function names (``aiter_stream`` -> ``iter_stream``, ``aopen_stream`` ...).
ASYNC_FUNCTION_PREFIXES = ("aiter_", "aopen_", "adrain", "aclose_", "aread_", "arun_", "asend_")


class DustRule(unasync.Rule):  # type: ignore[misc]  # unasync ships no type hints
    """unasync's rule with our naming: ``AsyncX`` -> ``X`` (not ``SyncX``), and our ``a``-prefixed names."""

    def _unasync_name(self, name: str) -> str:
        if name in NAME_MAP:
            return NAME_MAP[name]
        if name.startswith("_") and name.endswith("_async"):  # modules: _behaviour_async -> _behaviour_sync
            return name.removesuffix("_async") + "_sync"
        if name.startswith(ASYNC_FUNCTION_PREFIXES):
            return name[1:]
        if name.startswith("async_"):  # dust_ext._io pairs: async_sleep -> sleep
            return name[len("async_") :]
        if len(name) > 5 and name.startswith("Async") and name[5].isupper():
            return name[5:]
        return str(super()._unasync_name(name))


RULE = DustRule(fromdir="_async.py", todir="_sync.py")


def async_sources() -> list[Path]:
    """``_async.py`` modules, and ``<name>_async.py`` ones (the hand-written ``_behaviour_async.py``)."""
    return sorted(PACKAGE.rglob("*_async.py"))


def sync_path(source: Path) -> Path:
    return source.with_name(source.name.removesuffix("_async.py") + "_sync.py")


def ruff(*args: str, source: str, filename: Path) -> str:
    result = subprocess.run(
        [str(BIN / "ruff"), *args, "--stdin-filename", str(filename), "-"],
        input=source,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if result.returncode not in (0, 1) or not result.stdout:
        sys.exit(f"ruff {' '.join(args)} failed on {filename}:\n{result.stderr}")
    return result.stdout


def unasynced(source_path: Path) -> str:
    tokens = tokenize_rt.src_to_tokens(source_path.read_text(encoding="utf-8"))
    text = HEADER.format(source_path.name) + tokenize_rt.tokens_to_src(list(RULE._unasync_tokens(tokens)))
    target = sync_path(source_path)
    text = ruff(
        "check",
        "--fix-only",
        "--unsafe-fixes",
        "--select",
        "I,F401,UP028",
        "--exit-zero",
        source=text,
        filename=target,
    )
    return ruff("format", source=text, filename=target)


def leftovers(text: str) -> list[str]:
    """Names in a generated file's code that are still asyncio ones (a name the map above is missing)."""
    return sorted(
        {
            token.src
            for token in tokenize_rt.src_to_tokens(text)
            if token.name == "NAME"
            and (token.src in ("async", "await", "asyncio", "Awaitable") or token.src.startswith("Async"))
        }
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="fail if a _sync.py is not what would be written"
    )
    args = parser.parse_args()
    stale: list[str] = []
    sources = async_sources()
    expected = {sync_path(source) for source in sources}
    for source in sources:
        target = sync_path(source)
        text = unasynced(source)
        left = leftovers(text)
        if left:
            sys.exit(
                f"{target.relative_to(ROOT)} would still be async; add them to NAME_MAP: {', '.join(left)}"
            )
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current == text:
            continue
        if args.check:
            diff = difflib.unified_diff(
                current.splitlines(), text.splitlines(), str(target), "fresh", lineterm=""
            )
            stale.append("\n".join(list(diff)[:40]))
        else:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    orphans = [p for p in PACKAGE.rglob("*_sync.py") if p not in expected]
    if orphans:
        stale.extend(f"{p.relative_to(ROOT)} has no _async.py beside it" for p in orphans)
    if stale:
        sys.stderr.write("\n\n".join(stale) + "\n")
        sys.stderr.write(
            "the blocking code is out of date: edit the _async.py files, then run `make unasync`\n"
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
