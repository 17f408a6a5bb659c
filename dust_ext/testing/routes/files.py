"""Files: create an upload slot, upload the bytes (multipart), download or view, and delete."""

from __future__ import annotations

import re
import urllib.parse

from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dust_ext.testing._errors import invalid_request, not_found
from dust_ext.testing._routing import ApiContext, api_route
from dust_ext.testing._state import StoredFile
from dust_ext.testing._validation import read_json_object, required_str

MAX_FILE_BYTES = 50 * 1024 * 1024
_BOUNDARY = re.compile(r'boundary="?([^";]+)"?')
# The file is served back with this as its Content-Type header, so it must be a plain ASCII type/subtype.
_MIME_TYPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*")


def _file(ctx: ApiContext) -> StoredFile:
    file_id = ctx.path("fId")
    stored = ctx.workspace.files.get(file_id)
    if stored is None:
        raise not_found("file_not_found", "File", file_id)
    return stored


async def create_file(ctx: ApiContext) -> Response:
    body = await read_json_object(ctx.request)
    content_type = required_str(body, "contentType")
    if not _MIME_TYPE.fullmatch(content_type):
        raise invalid_request(f"Invalid request body: `contentType` {content_type!r} is not a MIME type.")
    file_name = required_str(body, "fileName")
    file_size = body.get("fileSize")
    if not isinstance(file_size, int) or isinstance(file_size, bool) or file_size < 0:
        raise invalid_request("Invalid request body: `fileSize` must be a non-negative integer.")
    if file_size > MAX_FILE_BYTES:
        raise invalid_request(f"Invalid request body: `fileSize` exceeds {MAX_FILE_BYTES} bytes.")
    use_case = required_str(body, "useCase")
    if use_case not in {
        "conversation",
        "avatar",
        "upsert_document",
        "upsert_table",
        "folders_document",
        "tool_output",
    }:
        raise invalid_request(f"Invalid request body: `useCase` {use_case!r} is not supported.")
    workspace = ctx.workspace
    sid = workspace.ids.next_sid("fil_")
    stored = StoredFile(
        id=workspace.ids.next_int(),
        sId=sid,
        content_type=content_type,
        file_name=file_name,
        file_size=file_size,
        use_case=use_case,
        use_case_metadata=body.get("useCaseMetadata"),
        upload_url=f"{ctx.base_url}/api/v1/w/{workspace.sId}/files/{sid}",
    )
    workspace.files[sid] = stored
    return JSONResponse({"file": stored.to_json()})


def _multipart_file(content_type: str, body: bytes) -> bytes:
    """The bytes of the first part of a ``multipart/form-data`` body (Dust's uploads send one ``file``)."""
    match = _BOUNDARY.search(content_type)
    if match is None:
        raise invalid_request("The upload must be multipart/form-data with a boundary.")
    delimiter = b"--" + match.group(1).encode()
    for part in body.split(delimiter)[1:]:
        if part.startswith(b"--"):
            break
        headers, separator, content = part.partition(b"\r\n\r\n")
        if not separator:
            continue
        if b'name="file"' in headers or b"filename=" in headers:
            return content[:-2] if content.endswith(b"\r\n") else content
    raise invalid_request("The multipart upload has no `file` part.")


async def upload_file(ctx: ApiContext) -> Response:
    stored = _file(ctx)
    content_type = ctx.request.headers.get("content-type", "")
    body = await ctx.request.body()
    data = _multipart_file(content_type, body) if content_type.startswith("multipart/") else body
    if len(data) > MAX_FILE_BYTES:
        raise invalid_request(f"The uploaded file exceeds {MAX_FILE_BYTES} bytes.")
    stored.data = data
    return JSONResponse({"file": stored.to_json()})


async def get_file(ctx: ApiContext) -> Response:
    """The file's bytes: ``action=download`` (the default) as an attachment, ``action=view`` inline.

    Real Dust redirects a download to a signed storage URL; the emulator serves the bytes itself.
    """
    stored = _file(ctx)
    action = ctx.request.query_params.get("action") or "download"
    if action not in {"download", "view"}:
        raise invalid_request(
            f"Invalid query parameter `action`: {action!r} (expected 'download' or 'view')."
        )
    if stored.data is None:
        raise invalid_request(f"File {stored.sId!r} has not been uploaded yet.")
    disposition = "attachment" if action == "download" else "inline"
    # RFC 6266 / 5987: headers are latin-1, so a file name travels percent-encoded as UTF-8.
    file_name = urllib.parse.quote(stored.file_name, safe="")
    return Response(
        stored.data,
        media_type=stored.content_type,
        headers={"Content-Disposition": f"{disposition}; filename*=UTF-8''{file_name}"},
    )


async def delete_file(ctx: ApiContext) -> Response:
    stored = _file(ctx)
    del ctx.workspace.files[stored.sId]
    return Response(status_code=204)


ROUTES: list[Route] = [
    api_route("/files", create_file, ["POST"]),
    api_route("/files/{fId}", upload_file, ["POST"]),
    api_route("/files/{fId}", get_file, ["GET"]),
    api_route("/files/{fId}", delete_file, ["DELETE"]),
]
