"""The one request path of the emulator: auth, workspace lookup, fault injection, error envelope.

Every ``/api/v1/w/{wId}/...`` route is built with ``api_route``, so each handler receives an ``ApiContext``
for an authenticated workspace and may raise ``ApiError`` anywhere to answer with Dust's error envelope.
"""

from __future__ import annotations

import hmac
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from dust_ext.testing._errors import ApiError, invalid_request
from dust_ext.testing._faults import FAULT_HEADER_NAME as FAULT_HEADER
from dust_ext.testing._faults import Fault, FaultSpecError, StreamFaults, parse_faults, stream_faults_for
from dust_ext.testing._state import EmulatorState, Workspace


@dataclass
class ApiContext:
    """What a route handler works with: the request, the emulator state and the caller's workspace."""

    request: Request
    state: EmulatorState
    workspace: Workspace
    faults: list[Fault]

    def path(self, name: str) -> str:
        value: str = self.request.path_params[name]
        return value

    @property
    def base_url(self) -> str:
        """The emulator's own origin as the client reached it (used in upload and download URLs)."""
        return str(self.request.base_url).rstrip("/")

    def stream_faults(self) -> StreamFaults:
        return stream_faults_for(self.faults, self.request.url.path, self.state.fault_counters)


Handler = Callable[[ApiContext], Awaitable[Response]]


def emulator_state(request: Request) -> EmulatorState:
    state: EmulatorState = request.app.state.emulator
    return state


#: The OAuth access token of the emulator's user (Peter, a member of every emulated workspace); accepted
#: wherever an API key is, and the only credential ``GET /api/v1/me`` answers for.
ACCESS_TOKEN = "eyJhbGciOiJub25lIn0.emulator-oauth-access-token.peter"  # noqa: S105 (a fixture, not a secret)

API_PREFIX = "/api/v1/w/{wId}"
#: Where Dust serves its event streams: the ingress sends ``/api/sse/`` to dedicated pods.
SSE_PREFIX = "/api/sse/v1/w/{wId}"


def api_route(
    path: str, handler: Handler, methods: list[str], *, keyless: bool = False, prefix: str = API_PREFIX
) -> Route:
    """A route under ``/api/v1/w/{wId}`` (or ``prefix``) whose handler runs only for an authenticated
    workspace; with ``keyless`` it runs for any existing workspace (Dust mounts such routes, e.g. webhooks
    that carry their own secret, outside its API-key check)."""

    async def endpoint(request: Request) -> Response:
        try:
            state = emulator_state(request)
            state.requests.append(f"{request.method} {request.url.path}")
            workspace = existing_workspace(request, state) if keyless else authenticate(request, state)
            faults = request_faults(request, state)
            # Request faults answer on the /api/v1 URL; the /api/sse hop it redirects to only has stream
            # faults, so a fault spec counts each logical request once.
            if prefix == API_PREFIX:
                apply_request_faults(faults, request.url.path, state)
            return await handler(ApiContext(request, state, workspace, faults))
        except ApiError as error:
            return error.to_response()

    return Route(prefix + path, endpoint, methods=methods)


async def redirect_to_sse(ctx: ApiContext) -> Response:
    """Dust's answer on an event stream's ``/api/v1`` URL: ``307`` to the same origin under ``/api/sse/``,
    query string kept (``front-api/lib/api/sse/redirect.ts``), after authentication as in Dust."""
    url = ctx.request.url
    target = url.replace(path="/api/sse/" + url.path.removeprefix("/api/"))
    return Response(status_code=307, headers={"Location": str(target)})


def sse_routes(path: str, handler: Handler) -> list[Route]:
    """A GET event stream as Dust serves it: the handler under ``/api/sse/v1/w/{wId}``, and a ``307``
    redirect to it from ``/api/v1/w/{wId}``."""
    return [
        api_route(path, redirect_to_sse, ["GET"]),
        api_route(path, handler, ["GET"], prefix=SSE_PREFIX),
    ]


def existing_workspace(request: Request, state: EmulatorState) -> Workspace:
    workspace_id: str = request.path_params["wId"]
    workspace = state.workspaces.get(workspace_id)
    if workspace is None:
        raise ApiError(404, "workspace_not_found", f"Workspace {workspace_id} not found.")
    return workspace


def authenticate(request: Request, state: EmulatorState) -> Workspace:
    header = request.headers.get("authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise ApiError(
            401, "not_authenticated", "The request does not have valid authentication credentials."
        )
    key = key.strip()
    workspace_id: str = request.path_params["wId"]
    if hmac.compare_digest(key, ACCESS_TOKEN) or user_token_state(key, state) == "valid":
        # The emulator's one user (see routes/workspace.py: me) is a member of every workspace.
        return existing_workspace(request, state)
    if not any(hmac.compare_digest(key, ws.api_key) for ws in state.workspaces.values()):
        raise ApiError(401, "invalid_api_key_error", "The API key provided is invalid or disabled.")
    workspace = state.workspaces.get(workspace_id)
    # A valid key of another workspace does not reveal whether this one exists.
    if workspace is None or not hmac.compare_digest(key, workspace.api_key):
        raise ApiError(404, "workspace_not_found", f"The workspace {workspace_id!r} was not found.")
    return workspace


def user_token_state(token: str, state: EmulatorState) -> str:
    """``valid`` or ``unknown`` for an access token the emulator issued (``EmulatorServer.issue_oauth_tokens``);
    an expired one raises Dust's ``401 expired_oauth_token_error``."""
    token_state = state.oauth.state_of(token)
    if token_state == "expired":  # noqa: S105 (a state, not a password)
        raise ApiError(401, "expired_oauth_token_error", "The access token expired.")
    return token_state


def request_faults(request: Request, state: EmulatorState) -> list[Fault]:
    faults = list(state.config.faults)
    header = request.headers.get(FAULT_HEADER)
    if header:
        try:
            faults.extend(parse_faults(header))
        except FaultSpecError as exc:
            raise invalid_request(f"Invalid {FAULT_HEADER} header: {exc}.") from None
    return faults


def apply_request_faults(faults: list[Fault], path: str, state: EmulatorState) -> None:
    for fault in faults:
        if not fault.applies_to(path):
            continue
        if fault.name == "rate-limit" and state.fault_counters.hit(fault, path) <= fault.value:
            retry_after = fault.param("retry-after") or "1"
            raise ApiError(
                429,
                "rate_limit_error",
                "You have reached the rate limit (injected by the emulator).",
                headers={"Retry-After": retry_after},
            )
        if fault.name == "requests-per-second":
            wait = state.fault_counters.take_token(fault, time.monotonic())
            if wait is not None:
                raise ApiError(
                    429,
                    "rate_limit_error",
                    "You have reached the rate limit (injected by the emulator).",
                    headers={"Retry-After": str(max(1, math.ceil(wait)))},
                )
        if fault.name == "server-error" and state.fault_counters.hit(fault, path) <= fault.value:
            status = int(float(fault.param("status") or 500))
            raise ApiError(
                status, "internal_server_error", "Internal server error (injected by the emulator)."
            )
