"""Files uploaded to Dust (conversation attachments, CSV for tables)."""

from __future__ import annotations

from typing import Any

from dust_ext.types._base import DustModel, EpochMs


class File(DustModel):
    """A file uploaded to Dust. ``status`` goes ``created`` (slot reserved, bytes not yet sent) →
    ``ready``; ``uploadUrl`` is where the bytes go (multipart field ``file``)."""

    sId: str
    id: str | None = None
    contentType: str | None = None
    fileName: str | None = None
    fileSize: int | None = None
    status: str | None = None
    useCase: str | None = None
    useCaseMetadata: dict[str, Any] | None = None
    uploadUrl: str | None = None
    downloadUrl: str | None = None
    publicUrl: str | None = None
    createdAt: EpochMs | None = None
