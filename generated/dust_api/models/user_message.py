from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agentic_message_data import AgenticMessageData
    from ..models.mention import Mention
    from ..models.user import User
    from ..models.user_message_context import UserMessageContext


T = TypeVar("T", bound="UserMessage")


@_attrs_define
class UserMessage:
    """A message a human (or the API on their behalf) posted.

    Attributes:
        type_ (Literal['user_message']):
        s_id (str):
        content (str): Markdown; mentions as :mention[name]{sId}.
        id (int | Unset):
        created (float | Unset): Epoch ms.
        visibility (str | Unset):  Known values: visible, deleted, pending. Open: the server may add values.
        version (int | Unset):
        user (None | Unset | User):
        mentions (list[Mention] | Unset):
        context (UserMessageContext | Unset): Who posts a user message (the API caller describes its end user).
        agentic_message_data (AgenticMessageData | None | Unset):
        rank (int | Unset):
    """

    type_: Literal["user_message"]
    s_id: str
    content: str
    id: int | Unset = UNSET
    created: float | Unset = UNSET
    visibility: str | Unset = UNSET
    version: int | Unset = UNSET
    user: None | Unset | User = UNSET
    mentions: list[Mention] | Unset = UNSET
    context: UserMessageContext | Unset = UNSET
    agentic_message_data: AgenticMessageData | None | Unset = UNSET
    rank: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.agentic_message_data import AgenticMessageData
        from ..models.user import User

        type_ = self.type_

        s_id = self.s_id

        content = self.content

        id = self.id

        created = self.created

        visibility = self.visibility

        version = self.version

        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, User):
            user = self.user.to_dict()
        else:
            user = self.user

        mentions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.mentions, Unset):
            mentions = []
            for mentions_item_data in self.mentions:
                mentions_item = mentions_item_data.to_dict()
                mentions.append(mentions_item)

        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        agentic_message_data: dict[str, Any] | None | Unset
        if isinstance(self.agentic_message_data, Unset):
            agentic_message_data = UNSET
        elif isinstance(self.agentic_message_data, AgenticMessageData):
            agentic_message_data = self.agentic_message_data.to_dict()
        else:
            agentic_message_data = self.agentic_message_data

        rank = self.rank

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "sId": s_id,
                "content": content,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if created is not UNSET:
            field_dict["created"] = created
        if visibility is not UNSET:
            field_dict["visibility"] = visibility
        if version is not UNSET:
            field_dict["version"] = version
        if user is not UNSET:
            field_dict["user"] = user
        if mentions is not UNSET:
            field_dict["mentions"] = mentions
        if context is not UNSET:
            field_dict["context"] = context
        if agentic_message_data is not UNSET:
            field_dict["agenticMessageData"] = agentic_message_data
        if rank is not UNSET:
            field_dict["rank"] = rank

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agentic_message_data import AgenticMessageData
        from ..models.mention import Mention
        from ..models.user import User
        from ..models.user_message_context import UserMessageContext

        d = dict(src_dict)
        type_ = cast(Literal["user_message"], d.pop("type"))
        if type_ != "user_message":
            raise ValueError(f"type must match const 'user_message', got '{type_}'")

        s_id = d.pop("sId")

        content = d.pop("content")

        id = d.pop("id", UNSET)

        created = d.pop("created", UNSET)

        visibility = d.pop("visibility", UNSET)

        version = d.pop("version", UNSET)

        def _parse_user(data: object) -> None | Unset | User:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_0 = User.from_dict(data)

                return user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | User, data)

        user = _parse_user(d.pop("user", UNSET))

        _mentions = d.pop("mentions", UNSET)
        mentions: list[Mention] | Unset = UNSET
        if _mentions is not UNSET:
            mentions = []
            for mentions_item_data in _mentions:
                mentions_item = Mention.from_dict(mentions_item_data)

                mentions.append(mentions_item)

        _context = d.pop("context", UNSET)
        context: UserMessageContext | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = UserMessageContext.from_dict(_context)

        def _parse_agentic_message_data(
            data: object,
        ) -> AgenticMessageData | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                agentic_message_data_type_0 = AgenticMessageData.from_dict(data)

                return agentic_message_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgenticMessageData | None | Unset, data)

        agentic_message_data = _parse_agentic_message_data(
            d.pop("agenticMessageData", UNSET)
        )

        rank = d.pop("rank", UNSET)

        user_message = cls(
            type_=type_,
            s_id=s_id,
            content=content,
            id=id,
            created=created,
            visibility=visibility,
            version=version,
            user=user,
            mentions=mentions,
            context=context,
            agentic_message_data=agentic_message_data,
            rank=rank,
        )

        user_message.additional_properties = d
        return user_message

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
