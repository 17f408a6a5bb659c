"""The base of dust_ext's response models."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class DustModel(BaseModel):
    """A Dust API object.

    Attribute names are the API's own (``sId``, ``parentMessageId``): what you read in Dust's docs is what
    you type. Fields the server adds later are kept (``model_extra``), never a parse failure.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)
