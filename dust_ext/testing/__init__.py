"""A local emulator of the Dust API, so tests, demos and users' own tests run without a Dust account.

Needs the ``emulator`` extra (starlette, uvicorn): ``pip install 'dust-python[emulator]'``.

Entry points:

- ``python -m dust_ext.testing serve --port 8787`` serves it from the command line;
- ``EmulatorServer`` serves it in a background thread (``with EmulatorServer() as server: ...``);
- ``dust_ext.testing.pytest_plugin`` provides the ``dust_emulator`` / ``fresh_dust_emulator`` fixtures;
- ``create_app`` builds the bare ASGI app.

Scripted agents are described in ``dust_ext.testing._agents``, the fault language in
``dust_ext.testing._faults``, the event stream rules (framed as Dust frames them: ``307`` to ``/api/sse/``,
``dust-handshake``, ``data: done``; each rule names the file of Dust's code it follows) in
``dust_ext.testing._sse`` and ``dust_ext.testing._routing``.
"""

from dust_ext.testing._faults import FAULT_HEADER_NAME, FaultSpecError, parse_faults
from dust_ext.testing._routing import ACCESS_TOKEN as EMULATOR_ACCESS_TOKEN
from dust_ext.testing.app import DEFAULT_API_KEY, DEFAULT_WORKSPACE_ID, create_app
from dust_ext.testing.server import EmulatorServer

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_WORKSPACE_ID",
    "EMULATOR_ACCESS_TOKEN",
    "FAULT_HEADER_NAME",
    "EmulatorServer",
    "FaultSpecError",
    "create_app",
    "parse_faults",
]
