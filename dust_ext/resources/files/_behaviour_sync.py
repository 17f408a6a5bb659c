# Generated from _behaviour_async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""``client.files``' upload and download, inherited by the generated ``AsyncFiles`` (see openapi/sdk.yaml)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, get_args

from dust_ext._core.call import RequestOptions, field_of, operation_call
from dust_ext._core.params import one_of
from dust_ext._core.redirect import RedirectChain
from dust_ext.exceptions import DustAPIError
from dust_ext.resources._base._sync import Resource
from dust_ext.resources.files.calls import (
    FileVersion,
    UploadSource,
    UseCase,
    redirected_download_call,
    response_content,
    send_bytes_call,
    upload_content,
)
from dust_ext.types.files import File


class FilesBehaviour(Resource):
    """``client.files``' upload (two requests, streamed bytes) and download (redirects to storage)."""

    def upload(
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
        one_of("files.upload", "use_case", use_case, get_args(UseCase))
        # Dust reserves the file and answers where its bytes go (``uploadUrl``).
        created: File = self._request(
            "POST",
            "/api/v1/w/{workspace_id}/files",
            path={"workspace_id": self._workspace_id},
            json={
                "contentType": content.content_type,
                "fileName": content.file_name,
                "fileSize": content.size,
                "useCase": use_case,
                "useCaseMetadata": None if use_case_metadata is None else dict(use_case_metadata),
            },
            parse=field_of(File, "file"),
            options=options,
        )
        with content.opened() as body:
            return self._run(send_bytes_call(created, content, options, body))

    def download(
        self, file_id: str, *, version: FileVersion | None = None, options: RequestOptions | None = None
    ) -> bytes:
        """The file's bytes; ``version`` picks original, processed or public (the server's default if omitted).

        Dust answers with a redirect to a signed storage URL; it is followed without the API key."""
        call = operation_call(
            "GET",
            "/api/v1/w/{workspace_id}/files/{file_id}",
            path={"workspace_id": self._workspace_id, "file_id": file_id},
            params={
                "action": "download",
                "version": one_of("files.download", "version", version, get_args(FileVersion)),
            },
            parse=response_content,
        ).with_options(options)
        # Cross-origin: the redirect goes to storage, another host.
        chain = RedirectChain(self._client.config.base_url, "GET", cross_origin=True)
        while True:
            try:
                return self._run(call)
            except DustAPIError as error:
                call = redirected_download_call(chain.next_url(error), options)
