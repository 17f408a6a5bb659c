"""Spaces: the permission boundaries that hold data sources, apps and tools."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from dust_ext.types._base import DustModel, EpochMs

SpaceKind = Literal["system", "global", "regular", "project"]
"""The kinds ``spaces.list(kinds=...)`` can select (Dust rejects others with a 400)."""


class Space(DustModel):
    """A space: a permission boundary grouping data sources, apps and tools. ``kind`` is open (known:
    regular, global, system, public, conversations, project)."""

    sId: str
    name: str | None = None
    kind: str | None = None
    groupIds: list[str] = Field(default_factory=list)
    isRestricted: bool | None = None
    createdAt: EpochMs | None = None
    updatedAt: EpochMs | None = None
