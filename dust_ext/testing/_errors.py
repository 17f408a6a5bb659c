"""Dust's error envelope: an HTTP status and ``{"error": {"type": "<snake_case>", "message": "..."}}``."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.responses import JSONResponse


class ApiError(Exception):
    """An error the emulator answers with Dust's envelope; raised anywhere in a route handler."""

    def __init__(
        self, status: int, error_type: str, message: str, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(f"{status} {error_type}: {message}")
        self.status = status
        self.error_type = error_type
        self.message = message
        self.headers = dict(headers or {})

    def to_response(self) -> JSONResponse:
        body = {"error": {"type": self.error_type, "message": self.message}}
        return JSONResponse(body, status_code=self.status, headers=self.headers)


def not_found(error_type: str, what: str, identifier: str) -> ApiError:
    """A 404 such as ``conversation_not_found`` naming the missing object."""
    return ApiError(404, error_type, f"{what} {identifier!r} was not found.")


def invalid_request(message: str) -> ApiError:
    """A 400 ``invalid_request_error``; the message says which field is wrong."""
    return ApiError(400, "invalid_request_error", message)
