"""client.apps against the emulator, sync and async: list, blocking, polled and streamed runs, export and
check, errors; and the sans-IO reading of a run stream (error events, streams cut short)."""

from __future__ import annotations

import json
import pickle
from typing import Any, assert_type

import httpx
import pytest
from knowledge_support import SPACE, collect
from sdk_support import emulator_config

from dust_ext import (
    AsyncDustClient,
    DustBadRequestError,
    DustClient,
    DustConfig,
    DustConnectionError,
    DustNotFoundError,
    RequestOptions,
)
from dust_ext._core.sse import ServerSentEvent
from dust_ext.data_sources import App, Run
from dust_ext.events import (
    AppRunBlockExecutionEvent,
    AppRunBlockStatusEvent,
    AppRunFinalEvent,
    AppRunStatusEvent,
    AppRunTokensEvent,
    DustEventDecodeError,
    UnknownEvent,
)
from dust_ext.resources.apps import (
    AppDeployment,
    AppRunStreamReader,
    DustAppRunError,
)
from dust_ext.testing import EmulatorServer
from dust_ext.testing._data_state import ECHO_APP_HASH, ECHO_APP_SPECIFICATION

CONFIG = {"MODEL": {"provider_id": "openai", "model_id": "gpt-4o", "use_cache": True}}


@pytest.fixture
def kb(dust: Any) -> Any:
    return dust


def recording_client(seen: list[httpx.Request]) -> DustClient:
    """A client whose every request is recorded and refused (400), so each call ends right after sending."""

    def refuse(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(400, json={"error": {"type": "invalid_request_error", "message": "recorded"}})

    config = DustConfig(workspace_id="w1", api_key="sk-apps")
    return DustClient(config, http_client=httpx.Client(transport=httpx.MockTransport(refuse)))


def test_a_run_sends_dusts_body_and_a_streamed_run_adds_stream_true() -> None:
    seen: list[httpx.Request] = []
    run = {"specification_hash": "h", "config": CONFIG, "inputs": [{"q": 1}]}
    with recording_client(seen) as client:
        with pytest.raises(DustBadRequestError):
            client.apps.run("vlt_x", "app_y", **run, block_filter=["ECHO"])
        with pytest.raises(TypeError, match="list of input objects"):
            client.apps.run("vlt_x", "app_y", specification_hash="h", config=CONFIG, inputs={"q": 1})  # type: ignore[arg-type]
        with pytest.raises(DustBadRequestError):
            next(iter(client.apps.stream_run("vlt_x", "app_y", **run)))
        with pytest.raises(DustBadRequestError):
            next(iter(client.apps.stream_run("vlt_x", "app_y", **run, use_workspace_credentials=False)))
    blocking, streamed, without_credentials = seen  # the mapping inputs were refused before sending
    assert json.loads(blocking.content) == {**run, "blocking": True, "block_filter": ["ECHO"]}
    assert streamed.url.path == "/api/v1/w/w1/spaces/vlt_x/apps/app_y/runs"
    assert dict(streamed.url.params) == {}
    assert json.loads(streamed.content) == {**run, "stream": True, "blocking": False}
    assert dict(without_credentials.url.params) == {"use_workspace_credentials": "false"}


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
    assert [trace[0] for trace in filtered.traces] == [["code", "ECHO"]]


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


INPUTS = [{"question": "one"}, {"question": "two"}]


def stream(kb: Any, **overrides: Any) -> list[Any]:
    arguments: dict[str, Any] = {"specification_hash": ECHO_APP_HASH, "config": CONFIG, "inputs": INPUTS}
    arguments.update(overrides)
    return collect(kb, kb.apps.stream_run(SPACE, "app_echo", **arguments))


def test_use_workspace_credentials_travels_as_dusts_query_flag(kb: Any) -> None:
    # The JS SDK sends ?use_workspace_credentials=true|false on every run (runApp, runAppStreamed).
    raw = kb.apps.with_raw_response.run(
        SPACE, "app_echo", specification_hash=ECHO_APP_HASH, config=CONFIG, inputs=INPUTS,
        use_workspace_credentials=True,
    )  # fmt: skip
    assert raw.http_response.request.url.params["use_workspace_credentials"] == "true"
    assert raw.parse().succeeded
    events = stream(kb, use_workspace_credentials=False)
    assert events[-1].type == "final"


def test_streamed_run_yields_typed_events_in_order(kb: Any) -> None:
    events = stream(kb)
    assert [event.type for event in events] == [
        "run_status",
        *("block_status", "block_execution", "block_status"),
        *("block_status", "tokens", "tokens", "block_execution", "block_status"),
        "run_status",
        "final",
    ]
    first, last = events[0], events[-1]
    assert isinstance(first, AppRunStatusEvent)
    assert first.content.status == "running"
    assert isinstance(last, AppRunFinalEvent)
    finished = events[-2]
    assert isinstance(finished, AppRunStatusEvent)
    assert finished.content.status == "succeeded"
    assert finished.content.run_id == first.content.run_id

    statuses = [event for event in events if isinstance(event, AppRunBlockStatusEvent)]
    assert [(s.content.name, s.content.status, s.content.success_count) for s in statuses] == [
        ("INPUT", "running", 0),
        ("INPUT", "succeeded", 2),
        ("ECHO", "running", 0),
        ("ECHO", "succeeded", 2),
    ]
    tokens = [event for event in events if isinstance(event, AppRunTokensEvent)]
    assert [(t.content.block_name, t.content.input_index) for t in tokens] == [("ECHO", 0), ("ECHO", 1)]
    assert tokens[0].content.tokens.text == '{"echo":{"question":"one"}}'


def test_streamed_run_outputs_equal_the_blocking_run_results(kb: Any) -> None:
    events = stream(kb)
    executions = {e.content.block_name: e for e in events if isinstance(e, AppRunBlockExecutionEvent)}
    assert list(executions) == ["INPUT", "ECHO"]
    streamed = [
        [{"value": output["value"], "error": output["error"]} for output in per_input]
        for per_input in executions["ECHO"].content.execution
    ]
    blocking = kb.apps.run(SPACE, "app_echo", specification_hash=ECHO_APP_HASH, config=CONFIG, inputs=INPUTS)
    assert streamed == blocking.results

    # The streamed run is a run like any other: its id reads back, finished, with the same results.
    run_id = events[0].content.run_id
    stored = kb.apps.get_run(SPACE, "app_echo", run_id)
    assert stored.succeeded
    assert stored.results == blocking.results


def test_streamed_run_request_errors_raise_before_any_event(kb: Any) -> None:
    with pytest.raises(DustBadRequestError) as stale:
        stream(kb, specification_hash="stale")
    assert stale.value.error_type == "app_specification_not_found"
    with pytest.raises(DustNotFoundError):
        collect(
            kb,
            kb.apps.stream_run(
                SPACE, "app_missing", specification_hash=ECHO_APP_HASH, config=CONFIG, inputs=INPUTS
            ),
        )


def test_streamed_run_cut_before_final_raises(kb: Any) -> None:
    cut = RequestOptions(extra_headers={"X-Dust-Emulator-Fault": "drop-after=3;mode=clean"})
    with pytest.raises(DustConnectionError, match="closed before its final event") as info:
        stream(kb, options=cut)
    assert "run_" in str(info.value)


def test_streamed_run_survives_split_frames(kb: Any) -> None:
    split = RequestOptions(extra_headers={"X-Dust-Emulator-Fault": "split-frames=7"})
    assert [event.type for event in stream(kb, options=split)] == [event.type for event in stream(kb)]


def test_export_apps(kb: Any) -> None:
    exported = kb.apps.export(SPACE)
    assert [app.sId for app in exported] == ["app_echo"]
    assert isinstance(exported[0], App)
    assert exported[0].savedSpecification == ECHO_APP_SPECIFICATION
    assert exported[0].model_extra is not None
    assert exported[0].model_extra["coreSpecifications"] == {ECHO_APP_HASH: ECHO_APP_SPECIFICATION}
    with pytest.raises(DustNotFoundError):
        kb.apps.export("vlt_missing")


def test_check_apps(kb: Any) -> None:
    checked = kb.apps.check(
        SPACE,
        [
            {"appId": "app_echo", "appHash": ECHO_APP_HASH},
            {"appId": "app_echo", "appHash": "stale"},
            {"appId": "app_missing", "appHash": ECHO_APP_HASH},
        ],
    )
    assert all(isinstance(item, AppDeployment) for item in checked)
    assert [(item.appId, item.appHash, item.deployed) for item in checked] == [
        ("app_echo", ECHO_APP_HASH, True),
        ("app_echo", "stale", False),
        ("app_missing", ECHO_APP_HASH, False),
    ]
    assert kb.apps.check(SPACE, []) == []


def test_check_rejects_a_single_mapping_before_sending(kb: Any) -> None:
    with pytest.raises(TypeError, match="expected a list, got one dict"):
        kb.apps.check(SPACE, {"appId": "a", "appHash": "h"})


# --- the sans-IO stream reader -------------------------------------------------------------------------


def frame(data: str) -> ServerSentEvent:
    return ServerSentEvent(data=data)


def test_reader_raises_on_error_event_with_the_run_id() -> None:
    reader = AppRunStreamReader("http://dust/runs")
    reader.read(frame('{"type": "run_status", "content": {"status": "running", "run_id": "r1"}}'))
    with pytest.raises(DustAppRunError) as info:
        reader.read(frame('{"type": "error", "content": {"code": "run_error", "message": "boom"}}'))
    error = info.value
    assert (error.code, error.message, error.run_id) == ("run_error", "boom", "r1")
    assert str(error) == "run_error: boom (run r1)"
    assert reader.finished
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.message, copy.run_id) == ("run_error", "boom", "r1")


def test_reader_skips_empty_frames_keeps_unknown_types_and_rejects_bad_json() -> None:
    reader = AppRunStreamReader("http://dust/runs")
    assert reader.read(frame("")) is None
    assert reader.read(frame("done")) is None
    unknown = reader.read(frame('{"type": "new_kind", "content": {}}'))
    assert isinstance(unknown, UnknownEvent)
    assert unknown.type == "new_kind"
    with pytest.raises(DustEventDecodeError):
        reader.read(frame('{"type": "run_status", "content"'))
    with pytest.raises(DustConnectionError):
        reader.end()
    assert isinstance(reader.read(frame('{"type": "final"}')), AppRunFinalEvent)
    assert reader.finished
    reader.end()


# --- typed raw access ------------------------------------------------------------------------------------


def test_raw_response_of_apps_list_is_typed(fresh_dust_emulator: EmulatorServer) -> None:
    with DustClient(emulator_config(fresh_dust_emulator)) as client:
        raw = client.apps.with_raw_response.list(SPACE)
        assert raw.status_code == 200
        assert raw.headers["content-type"].startswith("application/json")
        apps = assert_type(raw.parse(), list[App])
        assert [app.sId for app in apps] == ["app_echo"]
        with client.apps.with_streaming_response.get_run(
            SPACE, "app_echo", _finished_run(client)
        ) as streamed:
            assert streamed.status_code == 200
            assert assert_type(streamed.parse(), Run).succeeded


async def test_async_raw_response_of_apps_list_is_typed(fresh_dust_emulator: EmulatorServer) -> None:
    async with AsyncDustClient(emulator_config(fresh_dust_emulator)) as client:
        raw = await client.apps.with_raw_response.list(SPACE)
        assert raw.status_code == 200
        assert raw.headers["content-type"].startswith("application/json")
        apps = assert_type(raw.parse(), list[App])
        assert [app.sId for app in apps] == ["app_echo"]
        run = await client.apps.run(
            SPACE, "app_echo", specification_hash=ECHO_APP_HASH, config=CONFIG, inputs=INPUTS
        )
        async with client.apps.with_streaming_response.get_run(SPACE, "app_echo", run.run_id) as streamed:
            assert streamed.status_code == 200
            assert assert_type(await streamed.parse(), Run).run_id == run.run_id


def _finished_run(client: DustClient) -> str:
    run = client.apps.run(SPACE, "app_echo", specification_hash=ECHO_APP_HASH, config=CONFIG, inputs=INPUTS)
    return run.run_id
