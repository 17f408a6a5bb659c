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
    from ..models.agent_action import AgentAction
    from ..models.agent_configuration import AgentConfiguration
    from ..models.agent_message_error import AgentMessageError
    from ..models.agent_message_raw_content import AgentMessageRawContent


T = TypeVar("T", bound="AgentMessage")


@_attrs_define
class AgentMessage:
    """An agent's answer to a user message.

    Attributes:
        type_ (Literal['agent_message']):
        s_id (str):
        id (int | Unset):
        agent_message_id (int | Unset):
        created (float | Unset): Epoch ms.
        completed_ts (float | None | Unset):
        visibility (str | Unset):  Known values: visible, deleted. Open: the server may add values.
        version (int | Unset):
        parent_message_id (None | str | Unset): sId of the user message this answers.
        parent_agent_message_id (None | str | Unset):
        configuration (AgentConfiguration | Unset): An agent configuration (``GET .../assistant/agent_configurations``).
            ``status`` and ``scope`` are open strings: known statuses are active, archived, draft, pending,
            disabled_by_admin, disabled_missing_datasource, disabled_free_workspace; known scopes are global, visible,
            hidden (and, from older Dust, workspace, published, private). Versions: every edit of an agent is a new
            ``version`` (``id`` is that version's row; global agents have ``id`` -1). ``versionCreatedAt`` is when it was
            saved, an ISO 8601 string (``2026-11-30T10:00:00.000Z``), and ``versionAuthorId`` the model id (an integer) of
            the user who saved it; both are ``None`` on global agents. Permissions: ``canRead`` and ``canEdit`` are what the
            caller may do with the agent (with an API key, ``canEdit`` follows Dust's edit rules for keys: a builder key, an
            active non-global agent, its spaces readable). ``requestedSpaceIds`` are the spaces whose data the agent's tools
            use (a caller must be able to read them all to use the agent); ``requestedGroupIds`` is the older, group-based
            form of the same requirement (Dust keeps sending it, deprecated: each inner list is an "any of these groups"
            condition, all of which must hold). ``groupIds`` is older still. ``None`` means this Dust did not send the
            field. Optional extras, sent by some views or Dust versions only: ``lastAuthors`` (``withAuthors=true``: the
            names of the last editors), ``usage``, ``feedbacks``, ``visualizationEnabled`` (deprecated, Dust sends false),
            ``reinforcement`` (auto, on or off: whether Dust analyses feedback to suggest instruction changes) with
            ``lastReinforcementAnalysisAt``, and ``omittedThinking``. ``editors`` (Dust's internal routes only) stays in
            ``model_extra``.
        status (str | Unset): Lifecycle: created until done. Known values: created, succeeded, failed, cancelled,
            gracefully_stopped. Open: the server may add values.
        actions (list[AgentAction] | Unset):
        action (AgentAction | None | Unset):
        content (None | str | Unset): The full reply once finished.
        chain_of_thought (None | str | Unset):
        raw_contents (list[AgentMessageRawContent] | Unset):
        error (AgentMessageError | None | Unset):
        rank (int | Unset):
    """

    type_: Literal["agent_message"]
    s_id: str
    id: int | Unset = UNSET
    agent_message_id: int | Unset = UNSET
    created: float | Unset = UNSET
    completed_ts: float | None | Unset = UNSET
    visibility: str | Unset = UNSET
    version: int | Unset = UNSET
    parent_message_id: None | str | Unset = UNSET
    parent_agent_message_id: None | str | Unset = UNSET
    configuration: AgentConfiguration | Unset = UNSET
    status: str | Unset = UNSET
    actions: list[AgentAction] | Unset = UNSET
    action: AgentAction | None | Unset = UNSET
    content: None | str | Unset = UNSET
    chain_of_thought: None | str | Unset = UNSET
    raw_contents: list[AgentMessageRawContent] | Unset = UNSET
    error: AgentMessageError | None | Unset = UNSET
    rank: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.agent_action import AgentAction
        from ..models.agent_message_error import AgentMessageError

        type_ = self.type_

        s_id = self.s_id

        id = self.id

        agent_message_id = self.agent_message_id

        created = self.created

        completed_ts: float | None | Unset
        if isinstance(self.completed_ts, Unset):
            completed_ts = UNSET
        else:
            completed_ts = self.completed_ts

        visibility = self.visibility

        version = self.version

        parent_message_id: None | str | Unset
        if isinstance(self.parent_message_id, Unset):
            parent_message_id = UNSET
        else:
            parent_message_id = self.parent_message_id

        parent_agent_message_id: None | str | Unset
        if isinstance(self.parent_agent_message_id, Unset):
            parent_agent_message_id = UNSET
        else:
            parent_agent_message_id = self.parent_agent_message_id

        configuration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.configuration, Unset):
            configuration = self.configuration.to_dict()

        status = self.status

        actions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = []
            for actions_item_data in self.actions:
                actions_item = actions_item_data.to_dict()
                actions.append(actions_item)

        action: dict[str, Any] | None | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        elif isinstance(self.action, AgentAction):
            action = self.action.to_dict()
        else:
            action = self.action

        content: None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        chain_of_thought: None | str | Unset
        if isinstance(self.chain_of_thought, Unset):
            chain_of_thought = UNSET
        else:
            chain_of_thought = self.chain_of_thought

        raw_contents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.raw_contents, Unset):
            raw_contents = []
            for raw_contents_item_data in self.raw_contents:
                raw_contents_item = raw_contents_item_data.to_dict()
                raw_contents.append(raw_contents_item)

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, AgentMessageError):
            error = self.error.to_dict()
        else:
            error = self.error

        rank = self.rank

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "sId": s_id,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if agent_message_id is not UNSET:
            field_dict["agentMessageId"] = agent_message_id
        if created is not UNSET:
            field_dict["created"] = created
        if completed_ts is not UNSET:
            field_dict["completedTs"] = completed_ts
        if visibility is not UNSET:
            field_dict["visibility"] = visibility
        if version is not UNSET:
            field_dict["version"] = version
        if parent_message_id is not UNSET:
            field_dict["parentMessageId"] = parent_message_id
        if parent_agent_message_id is not UNSET:
            field_dict["parentAgentMessageId"] = parent_agent_message_id
        if configuration is not UNSET:
            field_dict["configuration"] = configuration
        if status is not UNSET:
            field_dict["status"] = status
        if actions is not UNSET:
            field_dict["actions"] = actions
        if action is not UNSET:
            field_dict["action"] = action
        if content is not UNSET:
            field_dict["content"] = content
        if chain_of_thought is not UNSET:
            field_dict["chainOfThought"] = chain_of_thought
        if raw_contents is not UNSET:
            field_dict["rawContents"] = raw_contents
        if error is not UNSET:
            field_dict["error"] = error
        if rank is not UNSET:
            field_dict["rank"] = rank

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_action import AgentAction
        from ..models.agent_configuration import AgentConfiguration
        from ..models.agent_message_error import AgentMessageError
        from ..models.agent_message_raw_content import AgentMessageRawContent

        d = dict(src_dict)
        type_ = cast(Literal["agent_message"], d.pop("type"))
        if type_ != "agent_message":
            raise ValueError(f"type must match const 'agent_message', got '{type_}'")

        s_id = d.pop("sId")

        id = d.pop("id", UNSET)

        agent_message_id = d.pop("agentMessageId", UNSET)

        created = d.pop("created", UNSET)

        def _parse_completed_ts(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        completed_ts = _parse_completed_ts(d.pop("completedTs", UNSET))

        visibility = d.pop("visibility", UNSET)

        version = d.pop("version", UNSET)

        def _parse_parent_message_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_message_id = _parse_parent_message_id(d.pop("parentMessageId", UNSET))

        def _parse_parent_agent_message_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_agent_message_id = _parse_parent_agent_message_id(
            d.pop("parentAgentMessageId", UNSET)
        )

        _configuration = d.pop("configuration", UNSET)
        configuration: AgentConfiguration | Unset
        if isinstance(_configuration, Unset):
            configuration = UNSET
        else:
            configuration = AgentConfiguration.from_dict(_configuration)

        status = d.pop("status", UNSET)

        _actions = d.pop("actions", UNSET)
        actions: list[AgentAction] | Unset = UNSET
        if _actions is not UNSET:
            actions = []
            for actions_item_data in _actions:
                actions_item = AgentAction.from_dict(actions_item_data)

                actions.append(actions_item)

        def _parse_action(data: object) -> AgentAction | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                action_type_0 = AgentAction.from_dict(data)

                return action_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgentAction | None | Unset, data)

        action = _parse_action(d.pop("action", UNSET))

        def _parse_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        def _parse_chain_of_thought(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        chain_of_thought = _parse_chain_of_thought(d.pop("chainOfThought", UNSET))

        _raw_contents = d.pop("rawContents", UNSET)
        raw_contents: list[AgentMessageRawContent] | Unset = UNSET
        if _raw_contents is not UNSET:
            raw_contents = []
            for raw_contents_item_data in _raw_contents:
                raw_contents_item = AgentMessageRawContent.from_dict(
                    raw_contents_item_data
                )

                raw_contents.append(raw_contents_item)

        def _parse_error(data: object) -> AgentMessageError | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = AgentMessageError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgentMessageError | None | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        rank = d.pop("rank", UNSET)

        agent_message = cls(
            type_=type_,
            s_id=s_id,
            id=id,
            agent_message_id=agent_message_id,
            created=created,
            completed_ts=completed_ts,
            visibility=visibility,
            version=version,
            parent_message_id=parent_message_id,
            parent_agent_message_id=parent_agent_message_id,
            configuration=configuration,
            status=status,
            actions=actions,
            action=action,
            content=content,
            chain_of_thought=chain_of_thought,
            raw_contents=raw_contents,
            error=error,
            rank=rank,
        )

        agent_message.additional_properties = d
        return agent_message

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
