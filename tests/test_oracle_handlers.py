"""Dust's own handlers as an oracle: our spec's success status and envelope keys match what they answer.

``openapi/upstream/dust-handlers.yaml`` records, per handler of ``dust-tt/dust``'s
``front-api/routes/v1/w/[wId]/``, the success status and the top-level keys of the success body (with the
file and commit read). Where the handler and Dust's swagger or the JS SDK disagree, the handler wins. The
emulator answers what our spec declares (``tests/test_emulator_conformance.py``), so it is held to the
handlers through the spec; ``tests/test_oracle_js_schemas.py`` checks its bodies against the JS schemas.
"""

from __future__ import annotations

from typing import Any

import pytest
from oracle_support import (
    handlers,
    known_divergence,
    route_key,
    spec_envelope_keys,
    spec_operations,
    spec_success,
)

HANDLERS: list[dict[str, Any]] = handlers()["handlers"]
SPEC_HANDLERS = [handler for handler in HANDLERS if handler.get("operation")]

# The spec's description of an answer differs from the handler's on purpose, with the reason.
INTENDED: dict[str, str] = {
    "streamConversationEvents": (
        "Dust answers 307 to the same URL under /api/sse/ (query kept), which streams the events; the spec "
        "describes the stream a client ends up reading. A client must follow same-origin redirects here."
    ),
    "streamMessageEvents": (
        "Dust answers 307 to the same URL under /api/sse/ (query kept), which streams the events; the spec "
        "describes the stream a client ends up reading. A client must follow same-origin redirects here."
    ),
}

# Handlers our spec gets wrong, in its route or its success answer (none known: add one here only with a
# strict xfail reason naming the change that fixes it).
KNOWN_ROUTE: set[str] = set()
KNOWN_ANSWER: set[str] = set()


def handler_id(handler: dict[str, Any]) -> str:
    return f"{handler['operation']}-{handler['http']}"


def _cases(known: set[str]) -> list[Any]:
    return [
        known_divergence(handler, id=handler_id(handler))
        if handler["operation"] in known
        else pytest.param(handler, id=handler_id(handler))
        for handler in SPEC_HANDLERS
        if handler["operation"] not in INTENDED
    ]


def test_every_handler_names_its_source() -> None:
    for handler in HANDLERS:
        assert handler["file"], handler
        assert len(handler["commit"]) == 40, handler
        assert handler.get("operation") or handler.get("why"), (
            f"{handler['path']}: an omission needs a reason"
        )


def test_intended_differences_name_real_handlers() -> None:
    assert set(INTENDED) <= {handler["operation"] for handler in SPEC_HANDLERS}


@pytest.mark.parametrize("handler", _cases(KNOWN_ROUTE))
def test_the_spec_operation_is_the_handler_route(handler: dict[str, Any]) -> None:
    assert handler["operation"] in spec_operations(), f"our spec lacks {handler['http']} {handler['path']}"
    method, path, _ = spec_operations()[handler["operation"]]
    assert route_key(method, path) == route_key(handler["http"], handler["path"])


@pytest.mark.parametrize("handler", _cases(KNOWN_ANSWER))
def test_the_spec_success_is_the_handler_answer(handler: dict[str, Any]) -> None:
    operation = handler["operation"]
    assert operation in spec_operations(), f"our spec lacks {handler['http']} {handler['path']}"
    status, response = spec_success(operation)
    assert status == handler["status"]
    content = set(response.get("content", {}))
    body = handler["body"]
    if body == "none":
        assert content == set(), f"the handler answers no body; the spec declares {sorted(content)}"
    elif body == "event-stream":
        assert "text/event-stream" in content
    elif body == "text":
        assert any(media.startswith("text/") for media in content), sorted(content)
    elif body == "json":
        assert "application/json" in content
        keys = spec_envelope_keys(operation)
        assert keys is not None, "the spec declares no object envelope"
        declared, required = keys
        always, sometimes = set(handler.get("keys", [])), set(handler.get("optional_keys", []))
        assert always | sometimes <= declared, f"the spec lacks {sorted((always | sometimes) - declared)}"
        assert declared <= always | sometimes, (
            f"the handler never sends {sorted(declared - always - sometimes)}"
        )
        assert required <= always, f"the spec requires keys sent only sometimes: {sorted(required - always)}"


def test_no_spec_operation_is_a_route_dust_does_not_serve() -> None:
    """Routes Dust documents (or once did) but registers no handler for stay out of our spec."""
    ours = {route_key(method, path) for method, path, _ in spec_operations().values()}
    unserved = {route_key(entry["http"], entry["path"]) for entry in handlers()["not_served_by_dust"]}
    assert ours & unserved == set()


def test_every_handled_spec_operation_is_in_the_table() -> None:
    """Each spec operation has its handler read (a new operation needs its row)."""
    in_table = {handler["operation"] for handler in SPEC_HANDLERS}
    assert set(spec_operations()) - in_table == set()
