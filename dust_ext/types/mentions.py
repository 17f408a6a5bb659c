"""The objects ``client.mentions`` returns."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class MentionSuggestion(BaseModel):
    """An agent (``type="agent"``, ``id`` its sId) or a person (``type="user"``) one can mention."""

    model_config = ConfigDict(extra="allow")

    id: str
    type: str
    label: str
    pictureUrl: str | None = None
    description: str | None = None
    userFavorite: bool | None = None
