"""``dust sync``: keep a Dust data source in step with a folder or a dataset — incremental, exact, resumable.

``sync_folder(client, "docs/", space_id=..., data_source_id=...)`` (or ``async_sync_folder``) reads the
folder, lists the data source, and writes only what changed; ``sync(client, source, ...)`` takes a
:class:`FolderSource` or :class:`DatasetSource` with every option. See the guide "Keep Dust in sync with
your docs".
"""

from dust_ext.sync._pacing import DUST_UPSERTS_PER_MINUTE
from dust_ext.sync._plan import MANAGED_TAG, PlannedAction, RemoteDocument, SyncPlan, plan_sync
from dust_ext.sync._runner import async_sync, async_sync_folder, sync, sync_folder
from dust_ext.sync._source import DEFAULT_MAX_DOCUMENT_BYTES, DatasetSource, FolderSource, read_source
from dust_ext.sync.models import SyncActionResult, SyncProgress, SyncReport

__all__ = [
    "DEFAULT_MAX_DOCUMENT_BYTES",
    "DUST_UPSERTS_PER_MINUTE",
    "MANAGED_TAG",
    "DatasetSource",
    "FolderSource",
    "PlannedAction",
    "RemoteDocument",
    "SyncActionResult",
    "SyncPlan",
    "SyncProgress",
    "SyncReport",
    "async_sync",
    "async_sync_folder",
    "plan_sync",
    "read_source",
    "sync",
    "sync_folder",
]
