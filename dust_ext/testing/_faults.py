"""Fault injection: the small language behind ``X-Dust-Emulator-Fault`` and the run-wide fault setting.

A fault spec is a comma-separated list of faults; each fault is ``name=value`` followed by optional
``;param=value`` parameters::

    rate-limit=2;retry-after=1, drop-after=3

Faults come from two places, and both apply: the ``X-Dust-Emulator-Fault`` header of one request, and the
run-wide spec given to the server (``EmulatorServer(faults=...)``, ``serve --faults``, or
``EmulatorServer.set_faults``), so an SDK test can inject faults without touching the SDK's headers.
Every fault accepts ``;path=<substring>`` to apply only to request paths containing that substring.

Counters are kept per (fault, request path without query), so "fail k times then succeed" works across the
retries of one call: the 1st..k-th matching requests fail, the next ones succeed. Setting the run-wide faults
(or ``reset``) clears the counters.

Request faults (any /api/v1 request):

``rate-limit=N[;retry-after=S]``
    The first N matching requests answer 429 ``rate_limit_error`` with ``Retry-After: S`` (default 1).
``server-error=N[;status=C]``
    The first N matching requests answer C (default 500, any 5xx) ``internal_server_error``.
``requests-per-second=K[;burst=B]``
    A sustained rate limit, like a real server's: a token bucket refilled at K per second holding at most
    B tokens (default K, at least 1) shared by all matching requests; a request finding it empty answers
    429 ``rate_limit_error`` with ``Retry-After`` in whole seconds, as HTTP defines it: the wait until the
    next token, rounded up (at least 1).

Stream faults (the SSE endpoints: conversation and message ``.../events``, and the MCP request stream;
frames are counted from 1 within one response, the ``dust-handshake`` frame not included):

``done-after=N[;times=K]``
    After N event frames, end the connection with Dust's ``data: done`` hand-off (as Dust does after a
    history page or an idle timeout; the client reconnects at once with ``?lastEventId=``). ``N=0`` hands
    off before any event. With ``times=K`` only the first K matching streams are handed off (default:
    every stream, each resume making N frames of progress). Nothing is written after the terminal event's
    own ``done``.
``drop-after=N[;times=K][;mode=abort|clean|mid-frame]``
    After N frames the connection is cut: ``abort`` (default) breaks the chunked body mid-stream so the
    client sees a protocol error; ``clean`` ends the response normally but before the terminal event;
    ``mid-frame`` writes the first half of the next frame, then ends the response normally (a proxy that
    closes cleanly in the middle of a frame). With
    ``times=K`` only the first K matching streams are cut (default: every stream, each resume makes N frames
    of progress).
``slow-chunks=S``
    Sleep S seconds before each frame.
``split-frames=B``
    Write each frame in pieces of B bytes (separate body chunks), to exercise decoders that buffer.
``malformed-frame-at=K``
    Insert, before the K-th real frame, a frame whose JSON is truncated (no event is lost).
``unknown-event-at=K``
    Insert, before the K-th real frame, a well-formed event of type ``emulator_unknown_event``.
``oversized-event-bytes=B[;at=K]``
    Insert, before the K-th real frame (default 1), a well-formed ``emulator_oversized_event`` whose frame
    is about B bytes long.

Injected frames carry ids with an odd sequence number (see ``_event_log``), so resuming after them is exact.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

FAULT_HEADER_NAME = "X-Dust-Emulator-Fault"
REQUEST_FAULTS = frozenset({"rate-limit", "server-error", "requests-per-second"})
STREAM_FAULTS = frozenset(
    {
        "done-after",
        "drop-after",
        "slow-chunks",
        "split-frames",
        "malformed-frame-at",
        "unknown-event-at",
        "oversized-event-bytes",
    }
)
_PARAMS: dict[str, frozenset[str]] = {
    "rate-limit": frozenset({"retry-after"}),
    "server-error": frozenset({"status"}),
    "requests-per-second": frozenset({"burst"}),
    "drop-after": frozenset({"times", "mode"}),
    "done-after": frozenset({"times"}),
    "oversized-event-bytes": frozenset({"at"}),
}


class FaultSpecError(ValueError):
    """A fault spec that does not parse; the message says what is wrong."""


@dataclass(frozen=True)
class Fault:
    """One parsed fault: its name, numeric value, parameters and the canonical text (its counter key)."""

    name: str
    value: float
    params: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        extras = "".join(f";{key}={value}" for key, value in self.params)
        return f"{self.name}={self.value:g}{extras}"

    def param(self, key: str) -> str | None:
        return dict(self.params).get(key)

    def applies_to(self, path: str) -> bool:
        wanted = self.param("path")
        return wanted is None or wanted in path


def parse_faults(spec: str) -> list[Fault]:
    """Parse a fault spec such as ``"rate-limit=2;retry-after=1, drop-after=3"``."""
    faults: list[Fault] = []
    for chunk in spec.split(","):
        chunk = chunk.strip()
        if not chunk:
            continue
        head, *param_texts = (part.strip() for part in chunk.split(";"))
        name, value = _split_assignment(head, chunk)
        if name not in REQUEST_FAULTS | STREAM_FAULTS:
            known = ", ".join(sorted(REQUEST_FAULTS | STREAM_FAULTS))
            raise FaultSpecError(f"unknown fault {name!r} in {chunk!r} (known: {known})")
        number = _number(value, chunk)
        if name == "requests-per-second" and number <= 0:
            raise FaultSpecError(f"requests-per-second must be positive in {chunk!r}")
        params: list[tuple[str, str]] = []
        for param_text in param_texts:
            key, param_value = _split_assignment(param_text, chunk)
            if key != "path" and key not in _PARAMS.get(name, frozenset()):
                raise FaultSpecError(f"unknown parameter {key!r} for fault {name!r} in {chunk!r}")
            if key in {"retry-after", "status", "times", "at", "burst"}:
                _number(param_value, chunk)
            if key == "mode" and param_value not in {"abort", "clean", "mid-frame"}:
                raise FaultSpecError(f"mode must be 'abort', 'clean' or 'mid-frame' in {chunk!r}")
            if key == "status" and not 500 <= int(float(param_value)) <= 599:
                raise FaultSpecError(f"status must be a 5xx code in {chunk!r}")
            params.append((key, param_value))
        faults.append(Fault(name, number, tuple(params)))
    return faults


def _split_assignment(text: str, context: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip() or not value.strip():
        raise FaultSpecError(f"expected 'name=value' but got {text!r} in {context!r}")
    return key.strip().lower(), value.strip()


def _number(text: str, context: str) -> float:
    try:
        number = float(text)
    except ValueError:
        raise FaultSpecError(f"{text!r} is not a number in {context!r}") from None
    if number < 0:
        raise FaultSpecError(f"{text!r} must not be negative in {context!r}")
    return number


class FaultCounters:
    """How many matching requests each (fault, path) has seen; shared by all requests of a server."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, str], int] = {}
        # requests-per-second buckets, per fault (not per path: a rate limit is per key): (tokens, time).
        self._buckets: dict[str, tuple[float, float]] = {}
        # The CLI/test thread may reset counters while the server thread counts.
        self._lock = threading.Lock()

    def hit(self, fault: Fault, path: str) -> int:
        """Count one more matching request and return its 1-based rank."""
        with self._lock:
            key = (fault.text, path)
            self._counts[key] = self._counts.get(key, 0) + 1
            return self._counts[key]

    def take_token(self, fault: Fault, now: float) -> float | None:
        """Take a token from the fault's bucket: None if one was there, else the seconds until the next."""
        rate = fault.value
        capacity = max(1.0, float(fault.param("burst") or rate))
        with self._lock:
            tokens, last = self._buckets.get(fault.text, (capacity, now))
            tokens = min(capacity, tokens + (now - last) * rate)
            if tokens >= 1.0:
                self._buckets[fault.text] = (tokens - 1.0, now)
                return None
            self._buckets[fault.text] = (tokens, now)
            return (1.0 - tokens) / rate

    def clear(self) -> None:
        with self._lock:
            self._counts.clear()
            self._buckets.clear()


@dataclass
class StreamFaults:
    """The stream faults in force for one SSE response."""

    drop_after: int | None = None
    drop_abort: bool = True
    drop_mid_frame: bool = False
    done_after: int | None = None
    slow_chunks: float = 0.0
    split_frames: int | None = None
    malformed_at: int | None = None
    unknown_at: int | None = None
    oversized_bytes: int | None = None
    oversized_at: int = 1
    notes: list[str] = field(default_factory=list)


def stream_faults_for(faults: list[Fault], path: str, counters: FaultCounters) -> StreamFaults:
    """Resolve the stream faults of one response (counting ``drop-after;times=K`` streams)."""
    result = StreamFaults()
    for fault in faults:
        if fault.name not in STREAM_FAULTS or not fault.applies_to(path):
            continue
        if fault.name in ("drop-after", "done-after"):
            times = fault.param("times")
            if times is not None and counters.hit(fault, path) > int(float(times)):
                continue
            if fault.name == "done-after":
                result.done_after = int(fault.value)
                continue
            result.drop_after = int(fault.value)
            result.drop_abort = fault.param("mode") in (None, "abort")
            result.drop_mid_frame = fault.param("mode") == "mid-frame"
        elif fault.name == "slow-chunks":
            result.slow_chunks = fault.value
        elif fault.name == "split-frames":
            result.split_frames = max(1, int(fault.value))
        elif fault.name == "malformed-frame-at":
            result.malformed_at = int(fault.value)
        elif fault.name == "unknown-event-at":
            result.unknown_at = int(fault.value)
        elif fault.name == "oversized-event-bytes":
            result.oversized_bytes = int(fault.value)
            result.oversized_at = int(float(fault.param("at") or 1))
    return result
