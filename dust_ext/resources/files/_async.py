"""``client.files``: upload files to Dust, download and delete them (``_sync.py`` is generated from this
file).

Uploading is two requests: ``POST files`` reserves a file (name, type, size, *use case*) and answers with
an ``uploadUrl``; the bytes then go to that URL as the multipart field ``file``. The *use case* says what
the file is for: ``conversation`` (attach it with ``conversations.create_content_fragment(file_id=...)``),
``upsert_table`` (feed ``data_sources.tables.upsert_from_csv``), ``upsert_document``, ``avatar``…
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from dust_ext._core.request import RequestOptions
from dust_ext.exceptions import DustAPIError
from dust_ext.resources._base._async import (
    AsyncResource,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
)
from dust_ext.resources.files.calls import (
    FileVersion,
    UploadSource,
    UseCase,
    create_upload_call,
    delete_call,
    download_call,
    download_redirect_chain,
    redirected_download_call,
    send_bytes_call,
    upload_content,
)
from dust_ext.types.files import File


class AsyncFiles(AsyncResource):
    """Files of the workspace: ``client.files``."""

    async def upload(
        self,
        source: UploadSource,
        *,
        file_name: str | None = None,
        content_type: str | None = None,
        use_case: UseCase = "conversation",
        use_case_metadata: Mapping[str, Any] | None = None,
        options: RequestOptions | None = None,
    ) -> File:
        """Upload ``source`` (a path, bytes or a binary file object) and return the file, ``ready`` to use
        by its ``sId``. ``content_type`` is guessed from the name when omitted; ``use_case_metadata`` is
        e.g. ``{"conversationId": ...}`` for conversation files. A path or file object is streamed from
        disk in chunks: memory stays flat whatever the file's size (with the asyncio client, the chunks
        are read with blocking reads)."""
        content = upload_content(source, file_name, content_type)
        created = await self._run(
            create_upload_call(self._workspace_id, content, use_case, use_case_metadata).with_options(options)
        )
        with content.opened() as body:
            return await self._run(send_bytes_call(created, content, options, body))

    async def download(
        self, file_id: str, *, version: FileVersion | None = None, options: RequestOptions | None = None
    ) -> bytes:
        """The file's bytes; ``version`` picks original, processed or public (the server's default if omitted).

        Dust answers with a redirect to a signed storage URL; it is followed without the API key."""
        call = download_call(self._workspace_id, file_id, version).with_options(options)
        chain = download_redirect_chain(self._client.config.base_url)
        while True:
            try:
                return await self._run(call)
            except DustAPIError as error:
                call = redirected_download_call(chain.next_url(error), options)

    async def delete(self, file_id: str, *, options: RequestOptions | None = None) -> bool:
        """Delete a file; True once it is gone."""
        return await self._run(delete_call(self._workspace_id, file_id).with_options(options))

    @cached_property
    def with_raw_response(self) -> AsyncFilesWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return AsyncFilesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncFilesWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return AsyncFilesWithStreamingResponse(self)


class AsyncFilesWithRawResponse:
    """``client.files.with_raw_response`` (an upload's raw response is its first request's, ``POST files``;
    a download's is Dust's redirect)."""

    def __init__(self, files: AsyncFiles) -> None:
        self.upload = async_to_raw_response_wrapper(files.upload)
        self.download = async_to_raw_response_wrapper(files.download)
        self.delete = async_to_raw_response_wrapper(files.delete)


class AsyncFilesWithStreamingResponse:
    """``client.files.with_streaming_response``."""

    def __init__(self, files: AsyncFiles) -> None:
        self.upload = async_to_streamed_response_wrapper(files.upload)
        self.download = async_to_streamed_response_wrapper(files.download)
        self.delete = async_to_streamed_response_wrapper(files.delete)
