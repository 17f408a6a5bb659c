"""client.apps against the emulator, sync and async: list, blocking and polled runs, errors."""

from __future__ import annotations

from typing import Any

import pytest
from knowledge_support import SPACE

from dust_ext import DustBadRequestError, DustNotFoundError
from dust_ext.data_sources import App, Run
from dust_ext.resources.apps import run_payload
from dust_ext.testing._data_state import ECHO_APP_HASH

CONFIG = {"MODEL": {"provider_id": "openai", "model_id": "gpt-4o", "use_cache": True}}


@pytest.fixture
def kb(dust: Any) -> Any:
    return dust


def test_run_payload_shape() -> None:
    payload = run_payload("h", CONFIG, [{"q": 1}], True, ["ECHO"])
    assert payload == {
        "specification_hash": "h",
        "config": CONFIG,
        "inputs": [{"q": 1}],
        "blocking": True,
        "block_filter": ["ECHO"],
    }
    with pytest.raises(TypeError, match="list of input objects"):
        run_payload("h", CONFIG, {"q": 1}, True, None)  # type: ignore[arg-type]


def test_list_apps(kb: Any) -> None:
    apps = kb.apps.list(SPACE)
    assert [app.sId for app in apps] == ["app_echo"]
    assert isinstance(apps[0], App)
    assert apps[0].savedSpecification
    assert apps[0].space is not None
    assert apps[0].space.sId == SPACE
    with pytest.raises(DustNotFoundError):
        kb.apps.list("vlt_missing")


def test_blocking_run_returns_results_per_input(kb: Any) -> None:
    inputs = [{"question": "one"}, {"question": "two"}]
    run = kb.apps.run(SPACE, "app_echo", specification_hash=ECHO_APP_HASH, config=CONFIG, inputs=inputs)
    assert isinstance(run, Run)
    assert run.finished
    assert run.succeeded
    assert run.results == [[{"value": {"echo": item}, "error": None}] for item in inputs]
    assert run.specification_hash == ECHO_APP_HASH
    assert len(run.traces) == 2
    again = kb.apps.get_run(SPACE, "app_echo", run.run_id)
    assert again.results == run.results

    filtered = kb.apps.run(
        SPACE,
        "app_echo",
        specification_hash=ECHO_APP_HASH,
        config=CONFIG,
        inputs=inputs,
        block_filter=["ECHO"],
    )
    assert [trace[0]["name"] for trace in filtered.traces] == ["ECHO"]


def test_non_blocking_run_is_polled_until_finished(kb: Any) -> None:
    run = kb.apps.run(
        SPACE, "app_echo", specification_hash=ECHO_APP_HASH, config={}, inputs=[{"x": 1}], blocking=False
    )
    assert not run.finished
    assert run.status is not None
    assert run.status.run == "running"
    assert run.results is None
    polled = kb.apps.get_run(SPACE, "app_echo", run.run_id)
    assert polled.succeeded
    assert polled.results == [[{"value": {"echo": {"x": 1}}, "error": None}]]


def test_run_errors(kb: Any) -> None:
    with pytest.raises(DustBadRequestError) as info:
        kb.apps.run(SPACE, "app_echo", specification_hash="stale", config={}, inputs=[])
    assert info.value.error_type == "app_specification_not_found"
    with pytest.raises(DustNotFoundError) as not_found:
        kb.apps.run(SPACE, "app_missing", specification_hash=ECHO_APP_HASH, config={}, inputs=[])
    assert not_found.value.error_type == "app_not_found"
    with pytest.raises(DustNotFoundError):
        kb.apps.get_run(SPACE, "app_echo", "run_missing")
