"""client.files against the emulator, sync and async: upload from a path, bytes or a file object (two-step:
create, then multipart bytes to uploadUrl), download, delete, and a file attached to a conversation."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path
from typing import Any

import httpx
import pytest
from knowledge_support import SOURCE, SPACE

from dust_ext import (
    AsyncDustClient,
    DustBadRequestError,
    DustClient,
    DustConfig,
    DustForbiddenError,
    DustNotFoundError,
    DustRedirectError,
    RequestOptions,
)
from dust_ext.data_sources import File
from dust_ext.resources.files import DEFAULT_CONTENT_TYPE, send_bytes_call, upload_content
from dust_ext.testing.hostile import Exchange, HostileServer, response_bytes


@pytest.fixture
def kb(dust: Any) -> Any:
    return dust


# --- pure: what gets uploaded ----------------------------------------------------------------------------


def test_upload_content_names_and_types(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    path.write_bytes(b"a,b\n")
    from_path = upload_content(path, None, None)
    assert (from_path.data, from_path.file_name, from_path.content_type, from_path.size) == (
        path,  # not read until sent
        "report.csv",
        "text/csv",
        4,
    )
    from_str = upload_content(str(path), "renamed.txt", None)
    assert (from_str.file_name, from_str.content_type) == ("renamed.txt", "text/plain")
    with path.open("rb") as handle:
        from_handle = upload_content(handle, None, "application/x-custom")
        assert (from_handle.file_name, from_handle.size, from_handle.data) == ("report.csv", 4, handle)
        assert handle.tell() == 0
    assert upload_content(b"\x00", "blob", None).content_type == DEFAULT_CONTENT_TYPE
    with pytest.raises(TypeError, match="file_name="):
        upload_content(b"data", None, None)
    with pytest.raises(TypeError, match="file_name="):
        upload_content(io.BytesIO(b"data"), None, None)
    with pytest.raises(TypeError, match="binary"):
        upload_content(io.StringIO("text"), "a.txt", None)  # type: ignore[arg-type]


def test_the_byte_upload_goes_to_the_upload_url_as_a_retryable_multipart_post() -> None:
    content = upload_content(b"hi", "hi.txt", None)
    created = File(sId="fil_1", uploadUrl="https://uploads.example/fil_1")
    call = send_bytes_call(created, content, None)
    assert (call.method, call.path) == ("POST", "https://uploads.example/fil_1")
    assert call.files == {"file": ("hi.txt", b"hi", "text/plain")}
    assert call.options is not None
    assert call.options.idempotent is True
    with pytest.raises(ValueError, match="uploadUrl"):
        send_bytes_call(File(sId="fil_2"), content, None)


# --- on the emulator -------------------------------------------------------------------------------------


def test_upload_download_delete(kb: Any, tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\nRemember the milk.\n")
    uploaded = kb.files.upload(path)
    assert isinstance(uploaded, File)
    assert (uploaded.fileName, uploaded.contentType, uploaded.status) == (
        "notes.md",
        "text/markdown",
        "ready",
    )
    assert uploaded.fileSize == path.stat().st_size
    assert uploaded.useCase == "conversation"
    assert kb.files.download(uploaded.sId) == path.read_bytes()

    with path.open("rb") as handle:
        from_handle = kb.files.upload(handle, use_case_metadata={"conversationId": "c1"})
    assert from_handle.useCaseMetadata == {"conversationId": "c1"}
    payload = bytes(range(256)) * 4
    blob = kb.files.upload(payload, file_name="blob.bin")
    assert blob.contentType == "application/octet-stream"
    assert kb.files.download(blob.sId) == payload

    assert kb.files.delete(blob.sId) is True
    with pytest.raises(DustNotFoundError) as info:
        kb.files.download(blob.sId)
    assert info.value.error_type == "file_not_found"


def test_upload_rejects_an_unknown_use_case_before_sending(kb: Any) -> None:
    with pytest.raises(ValueError, match="use_case must be one of"):
        kb.files.upload(b"x", file_name="x.txt", use_case="not-a-use-case")


def test_upload_the_server_rejects_is_a_bad_request(kb: Any) -> None:
    with pytest.raises(DustBadRequestError) as info:
        kb.files.upload(b"x", file_name="x.txt", content_type="not a mime type")
    assert info.value.error_type == "invalid_request_error"


def test_uploaded_file_attached_to_a_conversation(kb: Any) -> None:
    text = "Quarterly revenue grew 12%."
    uploaded = kb.files.upload(text.encode(), file_name="q3.txt")
    conversation = kb.conversations.create(title="With a file")
    fragment = kb.conversations.create_content_fragment(
        conversation.sId, title="Q3 report", file_id=uploaded.sId
    )
    assert fragment.fileId == uploaded.sId
    assert fragment.title == "Q3 report"
    content = kb.conversations.get(conversation.sId).content
    fragments = [
        m for versions in content for m in versions if getattr(m, "type", None) == "content_fragment"
    ]
    assert [(f.title, f.fileId, f.contentType) for f in fragments] == [
        ("Q3 report", uploaded.sId, "text/plain")
    ]
    assert fragments[0].model_extra is not None
    assert fragments[0].model_extra.get("snippet") == text


def test_table_from_an_uploaded_csv(kb: Any) -> None:
    csv_bytes = b"name,age,active\nAda,36,true\nAlan,41,false\n"
    # Dust's use case for this is "upsert_table"; the emulator's file route does not accept it yet (reported),
    # and its CSV route reads any uploaded file.
    uploaded = kb.files.upload(csv_bytes, file_name="people.csv", use_case="upsert_document")
    table = kb.data_sources.tables.upsert_from_csv(
        SPACE, SOURCE, name="people", description="People", file_id=uploaded.sId, table_id="tbl_people"
    )
    assert table is not None
    assert table.table_id == "tbl_people"
    assert [(c.name, c.value_type) for c in table.table_schema or []] == [
        ("name", "text"),
        ("age", "int"),
        ("active", "bool"),
    ]
    rows = kb.data_sources.tables.rows.list(SPACE, SOURCE, "tbl_people")
    assert [row.value for row in rows.rows] == [
        {"name": "Ada", "age": 36, "active": True},
        {"name": "Alan", "age": 41, "active": False},
    ]
    with pytest.raises(DustNotFoundError):
        kb.data_sources.tables.upsert_from_csv(
            SPACE, SOURCE, name="x", description="x", file_id="fil_missing"
        )


# --- Dust's redirect to a signed URL, on hostile servers ---------------------------------------------------
# Dust answers a download with 302 to a signed storage URL on another host (files/[fileId].ts). The
# download must arrive, and the storage host must never see the API key.

KEY = "sk-download-test-key"


def download(mode: str, server: HostileServer, *, follows_redirects: bool = False, **kwargs: Any) -> bytes:
    """``files.download("fil_1")`` by the sync or the async client against ``server``."""
    config = DustConfig(workspace_id="W", api_key=KEY, base_url=server.url, timeout=5.0)
    if mode == "sync":
        injected = httpx.Client(follow_redirects=True) if follows_redirects else None
        with DustClient(config, http_client=injected) as client:
            content = client.files.download("fil_1", **kwargs)
        if injected is not None:
            injected.close()
        return content

    async def run() -> bytes:
        injected = httpx.AsyncClient(follow_redirects=True) if follows_redirects else None
        async with AsyncDustClient(config, http_client=injected) as client:
            content = await client.files.download("fil_1", **kwargs)
        if injected is not None:
            await injected.aclose()
        return content

    return asyncio.run(run())


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("follows_redirects", [False, True])
def test_a_download_follows_the_redirect_to_the_signed_url_without_the_key(
    mode: str, follows_redirects: bool
) -> None:
    stored = b"%PDF-1.7 the quarterly report"

    def storage(exchange: Exchange) -> None:
        exchange.send(response_bytes(200, stored, content_type="application/pdf"))

    with HostileServer(storage) as bucket:
        signed = f"{bucket.url}/dust-files/fil_1?X-Goog-Expires=60&X-Goog-Signature=abc"

        def dust(exchange: Exchange) -> None:
            exchange.send(response_bytes(302, b"", {"Location": signed}))

        with HostileServer(dust) as server:
            content = download(
                mode,
                server,
                follows_redirects=follows_redirects,
                options=RequestOptions(extra_headers={"X-Trace": "t1"}, params={"trace": "1"}),
            )
    assert content == stored
    assert [(r.path, r.query) for r in server.requests] == [
        ("/api/v1/w/W/files/fil_1", {"action": ["download"], "trace": ["1"]})
    ]
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"
    assert [r.target for r in bucket.requests] == ["/dust-files/fil_1?X-Goog-Expires=60&X-Goog-Signature=abc"]
    assert "authorization" not in bucket.requests[0].headers
    assert KEY not in repr(bucket.requests[0])
    assert server.errors == bucket.errors == []


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_download_redirect_loop_is_a_typed_error_without_the_key(mode: str) -> None:
    def storage(exchange: Exchange) -> None:
        exchange.send(
            response_bytes(302, b"", {"Location": f"{server.url}/api/v1/w/W/files/fil_1?action=download"})
        )

    with HostileServer(storage) as bucket:

        def dust(exchange: Exchange) -> None:
            exchange.send(response_bytes(302, b"", {"Location": f"{bucket.url}/signed/fil_1"}))

        with (
            HostileServer(dust) as server,
            pytest.raises(DustRedirectError, match="back to the Dust host") as info,
        ):
            download(mode, server)
    assert (len(server.requests), len(bucket.requests)) == (1, 1)
    assert "authorization" not in bucket.requests[0].headers
    assert KEY not in str(info.value)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_storage_host_cannot_bounce_a_download_to_another_dust_endpoint(mode: str) -> None:
    # before: the storage host's 302 back to the Dust origin was followed with the API key attached
    def storage(exchange: Exchange) -> None:
        location = f"{server.url}/api/v1/w/W/assistant/conversations/c1/cancel"
        exchange.send(response_bytes(302, b"", {"Location": location}))

    with HostileServer(storage) as bucket:

        def dust(exchange: Exchange) -> None:
            exchange.send(response_bytes(302, b"", {"Location": f"{bucket.url}/signed/fil_1"}))

        with HostileServer(dust) as server, pytest.raises(DustRedirectError, match="back to the Dust host"):
            download(mode, server)
    assert [request.path for request in server.requests] == ["/api/v1/w/W/files/fil_1"]
    assert "authorization" not in bucket.requests[0].headers


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_an_error_from_the_signed_url_is_typed(mode: str) -> None:
    def storage(exchange: Exchange) -> None:
        exchange.send(
            response_bytes(403, b"<Error><Code>ExpiredToken</Code></Error>", content_type="text/xml")
        )

    with HostileServer(storage) as bucket:

        def dust(exchange: Exchange) -> None:
            exchange.send(response_bytes(302, b"", {"Location": f"{bucket.url}/signed/fil_1"}))

        with HostileServer(dust) as server, pytest.raises(DustForbiddenError) as info:
            download(mode, server)
    assert info.value.url == f"{bucket.url}/signed/fil_1"
    assert "ExpiredToken" in info.value.body


# --- streaming from disk ---------------------------------------------------------------------------------


class RecordingReader(io.BufferedReader):
    """A file that remembers the size of every read asked of it (-1: the whole rest)."""

    def __init__(self, raw: io.RawIOBase) -> None:
        super().__init__(raw)
        self.read_sizes: list[int] = []

    def read(self, size: int | None = -1) -> bytes:
        self.read_sizes.append(-1 if size is None else size)
        return super().read(size)


def _big_file(tmp_path: Path, size: int) -> Path:
    path = tmp_path / "big.bin"
    block = bytes(range(256)) * 4096  # 1 MiB
    with path.open("wb") as handle:
        for _ in range(size // len(block)):
            handle.write(block)
    return path


def test_upload_of_a_file_object_reads_it_in_chunks(kb: Any, tmp_path: Path) -> None:
    path = _big_file(tmp_path, 4 * 1024 * 1024)
    with RecordingReader(io.FileIO(path, "rb")) as handle:
        uploaded = kb.files.upload(handle, file_name="big.bin")
    assert uploaded.fileSize == 4 * 1024 * 1024
    assert handle.read_sizes, "the file was not read through its file object"
    assert -1 not in handle.read_sizes  # never "read everything"
    assert max(handle.read_sizes) <= 1024 * 1024
    assert len(handle.read_sizes) >= 4
    assert kb.files.download(uploaded.sId) == path.read_bytes()


def test_upload_of_a_path_streams_it_from_disk(
    kb: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _big_file(tmp_path, 3 * 1024 * 1024)
    opened: list[RecordingReader] = []
    real_open = Path.open

    def recording_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if self == path and mode == "rb":
            opened.append(RecordingReader(io.FileIO(self, "rb")))
            return opened[-1]
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", recording_open)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the whole file was read at once"))
    uploaded = kb.files.upload(path)
    monkeypatch.undo()
    assert uploaded.fileSize == 3 * 1024 * 1024
    (handle,) = opened
    assert handle.closed  # the SDK opened it, the SDK closed it
    assert -1 not in handle.read_sizes
    assert max(handle.read_sizes) <= 1024 * 1024
    assert kb.files.download(uploaded.sId) == path.read_bytes()


def test_upload_of_an_unseekable_stream_is_read_first_to_learn_its_size(kb: Any) -> None:
    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)
            self.name = "piped.txt"

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            chunk = self._data.read(len(buffer))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    uploaded = kb.files.upload(Pipe(b"from a pipe"))
    assert (uploaded.fileName, uploaded.fileSize) == ("piped.txt", 11)
    assert kb.files.download(uploaded.sId) == b"from a pipe"
