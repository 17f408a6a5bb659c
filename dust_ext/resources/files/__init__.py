"""``client.files``: upload, download and delete files. ``_async.py`` is generated from openapi/ (make
generate) and inherits the hand-written methods of ``_behaviour_async.py``; the blocking twins come from
make unasync."""

from dust_ext.resources.files._async import (
    AsyncFiles,
    AsyncFilesWithRawResponse,
    AsyncFilesWithStreamingResponse,
)
from dust_ext.resources.files._sync import Files, FilesWithRawResponse, FilesWithStreamingResponse
from dust_ext.resources.files.calls import (
    DEFAULT_CONTENT_TYPE,
    FileVersion,
    UploadContent,
    UploadSource,
    UseCase,
    send_bytes_call,
    upload_content,
)

__all__ = [
    "DEFAULT_CONTENT_TYPE",
    "AsyncFiles",
    "AsyncFilesWithRawResponse",
    "AsyncFilesWithStreamingResponse",
    "FileVersion",
    "Files",
    "FilesWithRawResponse",
    "FilesWithStreamingResponse",
    "UploadContent",
    "UploadSource",
    "UseCase",
    "send_bytes_call",
    "upload_content",
]
