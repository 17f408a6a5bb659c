"""Request body checks that answer 400 ``invalid_request_error`` naming the offending field."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from dust_ext.testing._errors import invalid_request

JSONObject = dict[str, Any]


async def read_json_object(request: Request, *, optional: bool = False) -> JSONObject:
    """The request body as a JSON object; an empty body is ``{}`` when ``optional``."""
    raw = await request.body()
    if not raw.strip():
        if optional:
            return {}
        raise invalid_request("The request body is empty: a JSON object is required.")
    try:
        value = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise invalid_request(f"The request body is not valid JSON: {exc}.") from None
    if not isinstance(value, dict):
        raise invalid_request("The request body must be a JSON object.")
    return value


def required_str(body: JSONObject, key: str, where: str = "", *, allow_empty: bool = False) -> str:
    value = body.get(key)
    name = f"{where}{key}"
    if not isinstance(value, str):
        kind = "missing" if value is None else "not a string"
        raise invalid_request(f"Invalid request body: `{name}` is {kind} (a string is required).")
    if not allow_empty and not value:
        raise invalid_request(f"Invalid request body: `{name}` must not be empty.")
    return value


def optional_str(body: JSONObject, key: str, where: str = "") -> str | None:
    value = body.get(key)
    if value is None or isinstance(value, str):
        return value
    raise invalid_request(f"Invalid request body: `{where}{key}` must be a string or null.")


def optional_bool(body: JSONObject, key: str, where: str = "", default: bool = False) -> bool:
    value = body.get(key, default)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    raise invalid_request(f"Invalid request body: `{where}{key}` must be a boolean.")


def optional_object(body: JSONObject, key: str, where: str = "") -> JSONObject | None:
    value = body.get(key)
    if value is None or isinstance(value, dict):
        return value
    raise invalid_request(f"Invalid request body: `{where}{key}` must be an object.")


def required_object(body: JSONObject, key: str, where: str = "") -> JSONObject:
    value = optional_object(body, key, where)
    if value is None:
        raise invalid_request(f"Invalid request body: `{where}{key}` is missing (an object is required).")
    return value


def string_list(body: JSONObject, key: str, where: str = "", *, required: bool = False) -> list[str]:
    value = body.get(key)
    if value is None and not required:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise invalid_request(f"Invalid request body: `{where}{key}` must be a list of strings.")
    return list(value)


def mention_ids(body: JSONObject, where: str = "") -> list[str]:
    """The ``configurationId`` of each entry of ``mentions`` (required, may be empty)."""
    mentions = body.get("mentions")
    if not isinstance(mentions, list):
        raise invalid_request(f"Invalid request body: `{where}mentions` is missing (a list is required).")
    ids: list[str] = []
    for index, mention in enumerate(mentions):
        if not isinstance(mention, dict) or not isinstance(mention.get("configurationId"), str):
            raise invalid_request(
                f"Invalid request body: `{where}mentions[{index}].configurationId` must be a string."
            )
        ids.append(mention["configurationId"])
    return ids


def query_int(request: Request, key: str, default: int, *, minimum: int = 0) -> int:
    text = request.query_params.get(key)
    if text is None or text == "":
        return default
    try:
        value = int(float(text))
    except ValueError:
        raise invalid_request(f"Invalid query parameter `{key}`: {text!r} is not a number.") from None
    if value < minimum:
        raise invalid_request(f"Invalid query parameter `{key}`: must be >= {minimum}.")
    return value
