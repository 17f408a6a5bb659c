"""``POST /api/v1/auth/authenticate``: the token exchange Dust proxies to its identity provider.

Dust's handler (``front/pages/api/v1/auth/[action].ts``) adds its client id to the form it receives and
forwards it to WorkOS's ``user_management/authenticate``, answering with WorkOS's status and JSON. The
emulator serves ``grant_type=refresh_token`` for the tokens it issued (see ``dust_ext.testing._oauth``):
a new pair in WorkOS's shape, the refresh token used up; anything else WorkOS's ``400`` error object.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._routing import emulator_state
from dust_ext.testing.routes.workspace import MEMBERS


def _oauth_error(error: str, description: str) -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description}, status_code=400)


async def authenticate(request: Request) -> Response:
    if "application/x-www-form-urlencoded" not in request.headers.get("content-type", ""):
        return _oauth_error("invalid_request", "The body must be application/x-www-form-urlencoded.")
    form = {
        name: values[-1]
        for name, values in parse_qs((await request.body()).decode("utf-8", "replace")).items()
    }
    if form.get("grant_type") != "refresh_token":
        return _oauth_error("unsupported_grant_type", "The emulator exchanges refresh tokens only.")
    pair = emulator_state(request).oauth.exchange(form.get("refresh_token", ""))
    if pair is None:
        return _oauth_error("invalid_grant", "The refresh token is invalid, expired or already used.")
    peter = MEMBERS[0]
    first, _, last = peter.full_name.partition(" ")
    user = {
        "object": "user",
        "id": "user_emulator_peter",
        "email": peter.email,
        "first_name": first,
        "last_name": last or None,
        "email_verified": True,
    }
    return JSONResponse(
        {
            "user": user,
            "organization_id": None,
            "access_token": pair.access_token,
            "refresh_token": pair.refresh_token,
        }
    )


ROUTES: list[Route] = [Route("/api/v1/auth/authenticate", authenticate, methods=["POST"])]
