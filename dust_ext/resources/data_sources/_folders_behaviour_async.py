"""The hand-written methods of ``client.data_sources.folders`` (``_folders_behaviour_sync.py`` is generated
from this file); the generated ``AsyncFolders`` (``_folders_async.py``) inherits them. Each is listed in
openapi/sdk.yaml with the reason it is not generated."""

from __future__ import annotations

from collections.abc import Sequence

from dust_ext._core.call import one_call
from dust_ext._core.params import Timestamp
from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._async import AsyncResource
from dust_ext.resources.data_sources import calls
from dust_ext.types.data_sources import Folder


class AsyncFoldersBehaviour(AsyncResource):
    """``client.data_sources.folders``' methods that choose between the space and global-space paths."""

    @one_call
    async def upsert(
        self,
        space_id: str | None,
        data_source_id: str,
        folder_id: str,
        *,
        title: str,
        parents: Sequence[str] | None = None,
        parent_id: str | None = None,
        mime_type: str | None = None,
        source_url: str | None = None,
        timestamp: Timestamp | None = None,
        provider_visibility: str | None = None,
        options: RequestOptions | None = None,
    ) -> Folder:
        """Create or replace a folder; ``parents`` starts with ``folder_id`` itself. ``space_id=None``: the
        workspace's global space (the path without a space, as the JS SDK's ``upsertFolder`` calls it)."""
        payload = calls.folder_payload(
            title, parents, parent_id, mime_type, source_url, timestamp, provider_visibility
        )
        call = calls.upsert_folder_call(self._workspace_id, space_id, data_source_id, folder_id, payload)
        return await self._run(call.with_options(options))

    @one_call
    async def delete(
        self,
        space_id: str | None,
        data_source_id: str,
        folder_id: str,
        *,
        options: RequestOptions | None = None,
    ) -> bool:
        """Delete a folder; True once it is gone. ``space_id=None``: the workspace's global space."""
        call = calls.delete_folder_call(self._workspace_id, space_id, data_source_id, folder_id)
        return await self._run(call.with_options(options))
