"""The objects ``client.workspace`` returns."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class VerifiedDomain(BaseModel):
    """An email domain the workspace proved it owns (``domainAutoJoinEnabled``: people with an address
    there may join by themselves)."""

    model_config = ConfigDict(extra="allow")

    domain: str
    domainAutoJoinEnabled: bool | None = None


class ProjectFile(BaseModel):
    """A file or directory of a project space."""

    model_config = ConfigDict(extra="allow")

    isDirectory: bool
    fileName: str
    path: str
    sizeBytes: int | None = None
    lastModifiedMs: float | None = None
    contentType: str | None = None
    fileId: str | None = None
