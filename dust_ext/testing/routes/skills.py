"""Skills: ``GET /skills`` lists the workspace's custom skills, ``DELETE /skills/{skillId}`` archives one.

As on Dust, the list holds active skills unless ``status`` asks for ``archived`` or ``suggested`` ones,
``availability`` (repeatable) keeps only some availabilities, and unpublished skills (availability
``editors``) appear only with ``bypassEditorVisibility=true`` (the emulator's key acts as an admin key, which
Dust requires for that). Every workspace starts with four skills, one of each kind the filters tell apart.
"""

from __future__ import annotations

import weakref
from typing import Any

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._errors import ApiError, invalid_request
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._state import Workspace

JSONObject = dict[str, Any]

STATUSES = ("active", "archived", "suggested")
AVAILABILITIES = ("editors", "workspace_users", "users_and_agents")

#: Creation time of the seeded skills (ms since the epoch, as Dust writes it).
_SEEDED_AT = 1_764_547_200_000

# (sId, name, status, availability) of the skills a workspace starts with.
_SEEDS = (
    ("skl_summarize", "Summarize", "active", "workspace_users"),
    ("skl_translate", "Translate", "active", "users_and_agents"),
    ("skl_draft", "Draft", "active", "editors"),
    ("skl_legacy", "Legacy", "archived", "workspace_users"),
)

_SKILLS: dict[int, dict[str, JSONObject]] = {}


def _seed(index: int, s_id: str, name: str, status: str, availability: str) -> JSONObject:
    return {
        "id": index + 1,
        "sId": s_id,
        "createdAt": _SEEDED_AT,
        "updatedAt": _SEEDED_AT,
        "editedBy": None,
        "status": status,
        "name": name,
        "agentFacingDescription": f"Use to {name.lower()} a text.",
        "userFacingDescription": f"{name} a text.",
        "icon": None,
        "source": "web_app",
        "sourceMetadata": None,
        "metadata": None,
        "reinforcement": "auto",
        "selfImprovementLock": False,
        "selfImprovementCostsCapMicroUsd": None,
        "selfImprovementCostsCapAwuCredits": None,
        "requestedSpaceIds": [],
        "fileAttachments": [],
        "canWrite": True,
        "canAdministrate": True,
        "isDefault": availability == "users_and_agents",
        "availability": availability,
        "instructions": f"{name} the text you are given.",
        "instructionsHtml": None,
        "tools": [],
    }


def skills_of(workspace: Workspace) -> dict[str, JSONObject]:
    """The workspace's skills by sId, seeded on first use and dropped with the workspace."""
    key = id(workspace)
    skills = _SKILLS.get(key)
    if skills is None:
        skills = {seed[0]: _seed(index, *seed) for index, seed in enumerate(_SEEDS)}
        _SKILLS[key] = skills
        weakref.finalize(workspace, _SKILLS.pop, key, None)
    return skills


async def list_skills(ctx: ApiContext) -> Response:
    params = ctx.request.query_params
    status = params.get("status", "active")
    if status not in STATUSES:
        raise invalid_request(f"Invalid query parameter `status`: expected one of {', '.join(STATUSES)}.")
    availability = params.getlist("availability")
    if any(value not in AVAILABILITIES for value in availability):
        raise invalid_request(
            'Invalid availability. Expected "editors", "workspace_users", or "users_and_agents".'
        )
    bypass = params.get("bypassEditorVisibility") == "true"
    found = [
        skill
        for skill in skills_of(ctx.workspace).values()
        if skill["status"] == status
        and (not availability or skill["availability"] in availability)
        and (bypass or skill["availability"] != "editors")
    ]
    return JSONResponse({"skills": found})


async def archive_skill(ctx: ApiContext) -> Response:
    skill = skills_of(ctx.workspace).get(ctx.path("skillId"))
    if skill is None:
        raise ApiError(404, "skill_not_found", "The skill you requested was not found.")
    skill["status"] = "archived"
    return JSONResponse({"success": True})


ROUTES: list[Route] = [
    api_route("/skills", list_skills, ["GET"]),
    api_route("/skills/{skillId}", archive_skill, ["DELETE"]),
]
