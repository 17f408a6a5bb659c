"""Emulator control endpoints under ``/_emulator`` (outside Dust's API; no auth, loopback only).

- ``GET /_emulator/health`` → ``{"ok": true}``
- ``POST /_emulator/gates/{name}`` opens a gate scripted agents wait on (``gate=<name>`` in a message).
- ``POST /_emulator/reset`` forgets conversations, files and documents (workspaces and keys stay).
- ``PUT /_emulator/faults`` with ``{"faults": "<spec>"}`` sets the run-wide faults and clears counters.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._errors import ApiError, invalid_request
from dust_ext.testing._faults import FaultSpecError, parse_faults
from dust_ext.testing._routing import emulator_state
from dust_ext.testing._validation import read_json_object, required_str
from dust_ext.testing._world import reset_state


async def health(request: Request) -> Response:
    return JSONResponse({"ok": True})


async def open_gate(request: Request) -> Response:
    emulator_state(request).open_gate(request.path_params["name"])
    return JSONResponse({"success": True})


async def reset(request: Request) -> Response:
    reset_state(emulator_state(request))
    return JSONResponse({"success": True})


async def set_faults(request: Request) -> Response:
    try:
        body = await read_json_object(request)
        spec = required_str(body, "faults", allow_empty=True)
        try:
            faults = parse_faults(spec)
        except FaultSpecError as exc:
            raise invalid_request(f"Invalid fault spec: {exc}.") from None
    except ApiError as error:
        return error.to_response()
    state = emulator_state(request)
    state.config.faults = faults
    state.fault_counters.clear()
    return JSONResponse({"faults": [fault.text for fault in faults]})


ROUTES: list[Route] = [
    Route("/_emulator/health", health, methods=["GET"]),
    Route("/_emulator/gates/{name}", open_gate, methods=["POST"]),
    Route("/_emulator/reset", reset, methods=["POST"]),
    Route("/_emulator/faults", set_faults, methods=["PUT"]),
]
