"""The calls of ``client.files``, described without I/O (see :mod:`dust_ext._core.call`), and what an
upload sends (:class:`UploadContent`)."""

from __future__ import annotations

import io
import mimetypes
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

import httpx

from dust_ext._core.call import Call, RequestOptions, field_of
from dust_ext.exceptions import DustInvalidArgumentError
from dust_ext.types.files import File

UploadSource = str | os.PathLike[str] | bytes | IO[bytes]
"""What ``files.upload`` accepts: a path, the bytes themselves, or a binary file object."""
UseCase = Literal[
    "conversation", "avatar", "upsert_document", "upsert_table", "folders_document", "tool_output"
]
FileVersion = Literal["original", "processed", "public"]
DEFAULT_CONTENT_TYPE = "application/octet-stream"


@dataclass(frozen=True)
class UploadContent:
    """What to upload, with the name, media type and size Dust is told; nothing is read yet.

    ``data`` is the bytes themselves, a binary file object, or a path opened when the bytes are sent. File
    objects and paths are streamed in chunks as the request goes out (httpx's multipart encoding), so memory
    stays flat whatever the file's size.
    """

    data: bytes | IO[bytes] | Path
    file_name: str
    content_type: str
    size: int

    @contextmanager
    def opened(self) -> Iterator[bytes | IO[bytes]]:
        """The body to send: the bytes, the file object, or the path opened for the time of the upload."""
        if isinstance(self.data, Path):
            with self.data.open("rb") as handle:
                yield handle
        else:
            yield self.data


def _file_object_size(handle: IO[bytes]) -> int | None:
    # The whole file, as httpx sends it (it rewinds file objects before each attempt).
    try:
        status = os.fstat(handle.fileno())
    except (AttributeError, OSError, io.UnsupportedOperation):
        pass
    else:
        # A pipe, socket or device has no size to tell Dust: read it to its end first (before any request).
        return status.st_size if stat.S_ISREG(status.st_mode) else None
    try:
        position = handle.tell()
        size = handle.seek(0, io.SEEK_END)
        handle.seek(position)
    except (AttributeError, OSError, io.UnsupportedOperation):
        return None
    return size


def _regular_file_size(path: Path) -> int:
    """The size of the regular file at ``path``; anything else is refused before any request: a directory
    (which raised ``IsADirectoryError`` after Dust had reserved a file for it), a FIFO or a device (whose
    reading blocks forever, after Dust has been told a size of 0)."""
    status = path.stat()  # a missing file raises FileNotFoundError, as open() would
    if not stat.S_ISREG(status.st_mode):
        kinds = (
            (stat.S_ISDIR, "a directory"),
            (stat.S_ISFIFO, "a FIFO (named pipe)"),
            (stat.S_ISSOCK, "a socket"),
        )
        kind = next((name for is_kind, name in kinds if is_kind(status.st_mode)), "a device")
        raise DustInvalidArgumentError(
            f"files.upload() sends regular files, and {path} is {kind}: pass its bytes (or an open file "
            "object) instead"
        )
    return status.st_size


def upload_content(source: UploadSource, file_name: str | None, content_type: str | None) -> UploadContent:
    """Settle what ``source`` uploads: its name (given, else the path's or file object's name), media type
    (given, else guessed from the name) and size. A path or a seekable file object is not read here; a
    file object that cannot seek (a pipe) is read into memory, since Dust needs the size first."""
    data: bytes | IO[bytes] | Path
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        size = len(data)
        name = file_name
    elif isinstance(source, str | os.PathLike):
        data = Path(source)
        size = _regular_file_size(data)
        name = file_name or data.name
    else:
        if isinstance(source, io.TextIOBase) or "b" not in getattr(source, "mode", "b"):
            raise TypeError("files.upload() needs a binary file object (open it with 'rb')")
        known_size = _file_object_size(source)
        if known_size is None:
            data = source.read()
            if not isinstance(data, bytes):
                raise TypeError("files.upload() needs a binary file object (open it with 'rb')")
            size = len(data)
        else:
            data, size = source, known_size
        raw_name = getattr(source, "name", None)
        name = file_name or (Path(raw_name).name if isinstance(raw_name, str) else None)
    if not name:
        raise TypeError("files.upload() needs file_name= when uploading bytes or an unnamed file object")
    guessed = mimetypes.guess_type(name)[0]
    return UploadContent(data, name, content_type or guessed or DEFAULT_CONTENT_TYPE, size)


def send_bytes_call(
    created: File,
    content: UploadContent,
    options: RequestOptions | None,
    body: bytes | IO[bytes] | None = None,
) -> Call[File]:
    """The second step: the bytes (``body``, from :meth:`UploadContent.opened`; the content's own bytes when
    omitted), to the ``uploadUrl`` Dust gave (an absolute URL; the request path only attaches the API key
    when it points at the Dust host)."""
    if body is None:
        if isinstance(content.data, Path):
            raise TypeError("send_bytes_call() needs body= for a path: use `with content.opened() as body`")
        body = content.data
    if not created.uploadUrl:
        raise ValueError(f"Dust created file {created.sId!r} without an uploadUrl to send its bytes to")
    return Call(
        "POST",
        created.uploadUrl,
        field_of(File, "file"),
        files={"file": (content.file_name, body, content.content_type)},
        # Re-sending the same bytes to the same slot is harmless, so this POST may be retried.
        options=options or RequestOptions(idempotent=True),
    )


def response_content(response: httpx.Response) -> bytes:
    """A download's answer: the body's bytes."""
    return response.content


def redirected_download_call(url: str, options: RequestOptions | None) -> Call[bytes]:
    """The hop to where Dust redirected a download. The request path sends the API key only to the Dust
    origin, so a storage host never receives it; the caller's extra headers and query parameters stay with
    the Dust request too (a signed URL is requested exactly as given)."""
    given = options or RequestOptions()
    return Call(
        "GET",
        url,
        response_content,
        options=RequestOptions(timeout=given.timeout, max_retries=given.max_retries),
    )
