"""The error hierarchy and error_from_response (sans-IO: status, headers, bytes in, exception out)."""

from __future__ import annotations

import json
import pickle
import threading
from datetime import UTC, datetime

import httpx
import pytest

from dust_ext import exceptions
from dust_ext.exceptions import (
    DustAgentError,
    DustAPIError,
    DustBadRequestError,
    DustConfigError,
    DustConflictError,
    DustConnectionError,
    DustDecodeError,
    DustError,
    DustForbiddenError,
    DustNotFoundError,
    DustNotSupportedError,
    DustRateLimitError,
    DustServerError,
    DustTimeoutError,
    DustUnauthorizedError,
    DustUnprocessableEntityError,
    error_class_for_status,
    error_from_response,
    parse_retry_after,
    reason_phrase,
    redact_headers,
    request_id_from_headers,
)

URL = "https://dust.tt/api/v1/w/W/assistant/conversations/c1"


def envelope(error_type: str, message: str) -> bytes:
    return json.dumps({"error": {"type": error_type, "message": message}}).encode()


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, DustBadRequestError),
        (401, DustUnauthorizedError),
        (403, DustForbiddenError),
        (404, DustNotFoundError),
        (409, DustConflictError),
        (422, DustUnprocessableEntityError),
        (429, DustRateLimitError),
        (500, DustServerError),
        (502, DustServerError),
        (503, DustServerError),
        (520, DustServerError),
        (529, DustServerError),
        (599, DustServerError),
        (405, DustAPIError),
        (413, DustAPIError),
        (499, DustAPIError),
        (418, DustAPIError),
        (302, DustAPIError),
    ],
)
def test_status_picks_the_class(status: int, cls: type[DustAPIError]) -> None:
    error = error_from_response(status, {}, envelope("some_type", "Some message"), "GET", URL)
    assert type(error) is cls
    assert error_class_for_status(status) is cls
    assert error.status_code == status
    assert isinstance(error, DustError)


def test_seed_public_names_are_kept() -> None:
    for name in (
        "DustError",
        "DustAPIError",
        "DustBadRequestError",
        "DustUnauthorizedError",
        "DustForbiddenError",
        "DustNotFoundError",
        "DustConflictError",
        "DustRateLimitError",
        "DustServerError",
    ):
        assert issubclass(getattr(exceptions, name), DustError)


def test_details_are_the_inside_of_the_envelope_and_the_body_stays_raw() -> None:
    body = json.dumps(
        {"error": {"type": "connector_error", "message": "Sync failed", "connectors_error": {"code": "x"}}}
    ).encode()
    error = error_from_response(502, {}, body, "POST", URL)
    assert error.details == {
        "type": "connector_error",
        "message": "Sync failed",
        "connectors_error": {"code": "x"},
    }
    assert error.body == body.decode()
    other = error_from_response(400, {}, b'{"message": "proxy says no", "code": 7}', "GET", URL)
    assert other.details == {"message": "proxy says no", "code": 7}  # not an envelope: the whole body
    assert other.message == "proxy says no"
    text_error = error_from_response(400, {}, b'{"error": "plain string"}', "GET", URL)
    assert text_error.details == {"error": "plain string"}
    assert text_error.message == "plain string"


def test_envelope_is_parsed_and_str_is_one_log_line() -> None:
    body = envelope("conversation_not_found", "Conversation not found")
    error = error_from_response(404, {"X-Request-Id": "abc"}, body, "get", URL)
    assert error.error_type == "conversation_not_found"
    assert error.code == "conversation_not_found"
    assert error.message == "Conversation not found"
    assert error.details == {"type": "conversation_not_found", "message": "Conversation not found"}
    assert json.loads(error.body) == {"error": error.details}  # the raw body keeps the envelope
    assert error.body == body.decode()
    assert error.request_id == "abc"
    assert error.method == "GET"
    assert error.url == URL
    assert (
        str(error)
        == f"404 Not Found: conversation_not_found: Conversation not found (GET {URL}, request_id=abc)"
    )
    assert "\n" not in str(error)
    assert error.args == (str(error),)


@pytest.mark.parametrize(
    ("status", "body", "content_type", "expected_message"),
    [
        (
            502,
            b"<html><head><title>502 Bad Gateway</title></head><body><h1>Bad</h1></body></html>",
            "text/html",
            "502 Bad Gateway",
        ),
        (503, b"<html><body>\n  <p>Service\n  down</p></body></html>", "text/html", "Service down"),
        (500, b"upstream connect error", "text/plain", "upstream connect error"),
        (500, b"", "", "Internal Server Error"),
        (500, b"   \n", "", "Internal Server Error"),
        (404, b"null", "application/json", "Not Found"),
        (404, b"[1, 2]", "application/json", "Not Found"),
        (400, b'{"error": "bad thing"}', "application/json", "bad thing"),
        (400, b'{"message": "flat message", "type": "flat_type"}', "application/json", "flat message"),
        (400, b'{"error": {"code": "coded", "message": "with code"}}', "application/json", "with code"),
        (400, b'{"error": {"type": 3, "message": null}}', "application/json", "Bad Request"),
        (400, b"\xff\xfe not utf-8", "", "\ufffd\ufffd not utf-8"),
    ],
)
def test_odd_bodies_never_crash(status: int, body: bytes, content_type: str, expected_message: str) -> None:
    error = error_from_response(status, {"content-type": content_type}, body, "POST", URL)
    assert error.message == expected_message
    assert error.body == body.decode("utf-8", errors="replace")
    assert str(error).startswith(f"{status} ")


def test_non_json_details_keep_the_raw_text_and_empty_is_none() -> None:
    assert error_from_response(500, {}, b"oops", "GET", URL).details == "oops"
    assert error_from_response(500, {}, b"", "GET", URL).details is None


def test_long_text_bodies_are_truncated_in_the_message_but_kept_in_body() -> None:
    text = "x" * 5000
    error = error_from_response(500, {}, text.encode(), "GET", URL)
    assert len(error.message) <= 500
    assert error.body == text


@pytest.mark.parametrize("status", [499, 520, 529, 530, 598, 600, 999, 0])
def test_unregistered_status_codes_do_not_crash(status: int) -> None:
    error = error_from_response(status, {}, b"", "GET", URL)
    assert str(error).startswith(str(status))
    assert reason_phrase(status) == error.reason


def test_known_nonstandard_reasons() -> None:
    assert reason_phrase(499) == "Client Closed Request"
    assert reason_phrase(520) == "Unknown Error"
    assert reason_phrase(529) == "Site Is Overloaded"
    assert reason_phrase(404) == "Not Found"
    assert reason_phrase(777) == ""


def test_str_without_optional_parts() -> None:
    assert str(DustAPIError(418, "short and stout")) == "418 I'm a teapot: short and stout"
    assert str(DustNotFoundError(404, "Not Found", method="GET", url="u")) == "404 Not Found (GET u)"


def test_seed_constructor_shape_still_works() -> None:
    error = DustAPIError(400, "bad", details={"k": 1})
    assert (error.status_code, error.message, error.details, error.code) == (400, "bad", {"k": 1}, None)


def test_rate_limit_keeps_retry_after() -> None:
    error = error_from_response(
        429, {"Retry-After": "7"}, envelope("rate_limit_error", "Slow down"), "POST", URL
    )
    assert isinstance(error, DustRateLimitError)
    assert error.retry_after == 7.0
    assert error_from_response(429, {}, b"", "POST", URL).retry_after is None


def test_stored_headers_are_redacted() -> None:
    headers = {"Authorization": "Bearer sk-secret", "Set-Cookie": "s=1", "X-Request-Id": "r1", "Server": "x"}
    error = error_from_response(500, headers, b"", "GET", URL)
    assert error.headers["authorization"] == "[redacted]"
    assert error.headers["set-cookie"] == "[redacted]"
    assert error.headers["server"] == "x"
    assert "sk-secret" not in repr(error.headers)
    assert "sk-secret" not in str(error) + repr(error)
    assert redact_headers(httpx.Headers({"cookie": "c"})) == {"cookie": "[redacted]"}


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"x-dust-request-id": "d1", "x-request-id": "r1"}, "d1"),
        ({"X-Request-ID": " r1 "}, "r1"),
        ({"request-id": "q"}, "q"),
        (
            {"x-cloud-trace-context": "105445aa7843bc8bf206b120001000/1;o=1"},
            "105445aa7843bc8bf206b120001000/1;o=1",
        ),
        ({"x-request-id": ""}, None),
        ({}, None),
    ],
)
def test_request_id_from_headers(headers: dict[str, str], expected: str | None) -> None:
    assert request_id_from_headers(headers) == expected
    assert request_id_from_headers(httpx.Headers(headers)) == expected


NOW = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "3"}, 3.0),
        ({"Retry-After": "1.5"}, 1.5),
        ({"Retry-After": "0"}, 0.0),
        ({"Retry-After": "-4"}, 0.0),
        ({"Retry-After": "86400"}, 300.0),
        ({"Retry-After": "Thu, 01 Jan 2026 12:00:30 GMT"}, 30.0),
        ({"Retry-After": "Thu, 01 Jan 2026 11:00:00 GMT"}, 0.0),
        ({"Retry-After": "Fri, 02 Jan 2026 12:00:00 GMT"}, 300.0),
        ({"Retry-After": "soon"}, None),
        ({"Retry-After": "nan"}, None),
        ({"Retry-After": "inf"}, None),
        ({"Retry-After": ""}, None),
        ({"retry-after-ms": "250", "Retry-After": "9"}, 0.25),
        ({"retry-after-ms": "bogus", "Retry-After": "9"}, 9.0),
        ({}, None),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    assert parse_retry_after(headers, now=NOW) == expected


def test_parse_retry_after_custom_cap() -> None:
    assert parse_retry_after({"Retry-After": "100"}, max_seconds=10) == 10


def test_api_errors_pickle() -> None:
    error = error_from_response(404, {"x-request-id": "abc"}, envelope("t", "m"), "GET", URL)
    clone = pickle.loads(pickle.dumps(error))
    assert type(clone) is DustNotFoundError
    assert (clone.status_code, clone.error_type, clone.request_id, str(clone)) == (
        404,
        "t",
        "abc",
        str(error),
    )


@pytest.mark.parametrize(
    "error",
    [
        DustConnectionError("c", method="GET", url="u"),
        DustTimeoutError("t", method="GET", url="u"),
        DustDecodeError("d", body="<html>", status_code=200, method="GET", url="u"),
        DustAgentError("boom", code="multi_actions_error", metadata={"a": 1}, message_id="m1"),
    ],
)
def test_other_errors_pickle(error: DustError) -> None:
    clone = pickle.loads(pickle.dumps(error))
    assert type(clone) is type(error)
    assert vars(clone) == vars(error)
    assert str(clone) == str(error)


def test_non_http_error_classes() -> None:
    assert issubclass(DustTimeoutError, DustConnectionError)
    assert issubclass(DustConfigError, ValueError)
    assert issubclass(DustNotSupportedError, DustError)
    decode = DustDecodeError("not json", body="<html>")
    assert decode.body == "<html>"


def test_agent_error_str_and_fields() -> None:
    error = DustAgentError(
        "The model failed", code="model_error", metadata={"retryable": True}, message_id="m1"
    )
    assert str(error) == "model_error: The model failed (message m1)"
    assert error.metadata == {"retryable": True}
    assert str(DustAgentError("plain")) == "plain"


def test_quota_429_maps_to_quota_error_and_pickles() -> None:
    from dust_ext import DustQuotaExceededError

    body = b'{"error": {"type": "rate_limit_error", "message": "This API key has reached its monthly usage cap."}}'
    error = error_from_response(429, {}, body, "POST", "https://dust.tt/api/v1/w/W/assistant/conversations")
    assert type(error) is DustQuotaExceededError
    assert isinstance(error, DustRateLimitError)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is DustQuotaExceededError
    assert str(copy) == str(error)
    burst = error_from_response(
        429, {}, b'{"error": {"type": "rate_limit_error", "message": "Rate limit exceeded."}}', "GET", "u"
    )
    assert type(burst) is DustRateLimitError
    # a 403 plan limit stays a 403 (Dust sends plan_message_limit_exceeded as 403)
    forbidden = error_from_response(
        403, {}, b'{"error": {"type": "plan_message_limit_exceeded", "message": "x"}}', "POST", "u"
    )
    assert type(forbidden) is DustForbiddenError


class _PendingAction:
    """Stands for a PendingToolAction: it holds a live client, here a lock, which does not pickle."""

    conversation_id = "c1"
    message_id = "m1"

    def __init__(self) -> None:
        self.client_lock = threading.Lock()


# One instance of every public error class, every attribute set to something other than its default.
EVERY_ERROR: list[DustError] = [
    DustError("e"),
    DustConfigError("bad config"),
    exceptions.DustInvalidIdError("bad id", name="conversation_id", value=".."),
    DustNotSupportedError("not offered"),
    exceptions.DustBatchError("bad batch"),
    exceptions.DustInvalidArgumentError("bad argument"),
    exceptions.DustClientClosedError("closed"),
    DustConnectionError("c", method="GET", url="u"),
    DustTimeoutError("t", method="GET", url="u"),
    DustDecodeError("d", body="<html>", status_code=200, method="GET", url="u"),
    exceptions.DustEventDecodeError("bad frame", raw="{"),
    exceptions.DustResponseTooLargeError(
        "too large", limit=10, body="x", status_code=200, method="GET", url="u"
    ),
    exceptions.DustStreamError("ended", last_event_id="e5"),
    exceptions.DustRedirectError("refused", url="u", location="l"),
    DustAgentError(
        "boom", code="multi_actions_error", metadata={"a": 1}, conversation_id="c", message_id="m1"
    ),
    exceptions.DustAppRunError("boom", code="run_error", run_id="r1"),
    *(
        error_from_response(
            status, {"x-request-id": "abc", "Retry-After": "3"}, envelope("t", "m"), "GET", URL
        )
        for status in (400, 401, 403, 404, 409, 418, 422, 429, 500)
    ),
    error_from_response(429, {}, envelope("credits_exhausted", "Out of credits."), "POST", URL),
]


@pytest.mark.parametrize("error", EVERY_ERROR, ids=lambda error: type(error).__name__)
def test_every_error_pickles_with_all_its_attributes(error: DustError) -> None:
    clone = pickle.loads(pickle.dumps(error))
    assert type(clone) is type(error)
    assert vars(clone) == vars(error)
    assert clone.args == error.args
    assert (str(clone), repr(clone)) == (str(error), repr(error))


def test_every_public_error_class_is_in_the_pickle_round_trip() -> None:
    public = {
        value
        for name in exceptions.__all__
        if isinstance(value := getattr(exceptions, name), type) and issubclass(value, DustError)
    }
    tested_apart = {exceptions.DustToolActionRequiredError}  # its action does not pickle: the test below
    assert public == {type(error) for error in EVERY_ERROR} | tested_apart


def test_a_pickled_error_keeps_what_was_changed_after_it_was_raised() -> None:
    error = error_from_response(404, {}, envelope("t", "secret in the message"), "GET", URL)
    error.message = error.body = "[redacted]"  # as the request core scrubs an echoed key
    error.details = {"type": "t", "message": "[redacted]"}
    error.args = (str(error),)
    clone = pickle.loads(pickle.dumps(error))
    assert (clone.message, clone.body, clone.args) == ("[redacted]", "[redacted]", error.args)
    assert b"secret" not in pickle.dumps(error)
    decode = exceptions.DustEventDecodeError("bad frame", raw="{")
    decode.last_event_id = "e7"  # set by the stream drivers
    assert pickle.loads(pickle.dumps(decode)).last_event_id == "e7"


def test_a_tool_action_error_pickles_without_its_live_action() -> None:
    error = exceptions.DustToolActionRequiredError("waiting for approval", action=_PendingAction())
    clone = pickle.loads(pickle.dumps(error))
    assert type(clone) is exceptions.DustToolActionRequiredError
    assert (clone.message, clone.action, clone.conversation_id, clone.message_id) == (
        "waiting for approval",
        None,
        "c1",
        "m1",
    )
    assert str(clone) == str(error)
