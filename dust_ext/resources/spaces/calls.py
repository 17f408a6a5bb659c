"""The calls of ``client.spaces``, described without I/O (see :mod:`dust_ext._core.call`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from dust_api.api.spaces import list_spaces

from dust_ext._core.call import Call, generated_call, list_of
from dust_ext._core.params import as_list, given
from dust_ext.types.spaces import Space

SpaceKind = Literal["system", "global", "regular", "project"]
"""The kinds ``spaces.list(kinds=...)`` can select (Dust rejects others with a 400)."""
# An alias: inside the resource classes `list` names the method, not the builtin.
SpaceList = list[Space]


def list_spaces_call(workspace_id: str, kinds: Sequence[str] | None = None) -> Call[SpaceList]:
    """The spaces; ``kinds`` (system, global, regular, project) travels comma-separated, as Dust reads it."""
    listed = as_list(kinds)
    return generated_call(
        list_spaces,
        list_of(Space, "spaces"),
        w_id=workspace_id,
        kinds=given(",".join(listed) if listed else None),
    )
