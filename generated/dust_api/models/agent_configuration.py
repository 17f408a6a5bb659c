from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_configuration_actions_item import AgentConfigurationActionsItem
    from ..models.agent_feedbacks import AgentFeedbacks
    from ..models.agent_model_configuration import AgentModelConfiguration
    from ..models.agent_tag import AgentTag
    from ..models.agent_usage import AgentUsage


T = TypeVar("T", bound="AgentConfiguration")


@_attrs_define
class AgentConfiguration:
    """An agent configuration (``GET .../assistant/agent_configurations``). ``status`` and ``scope`` are open strings:
    known statuses are active, archived, draft, pending, disabled_by_admin, disabled_missing_datasource,
    disabled_free_workspace; known scopes are global, visible, hidden (and, from older Dust, workspace, published,
    private). Versions: every edit of an agent is a new ``version`` (``id`` is that version's row; global agents have
    ``id`` -1). ``versionCreatedAt`` is when it was saved, an ISO 8601 string (``2026-11-30T10:00:00.000Z``), and
    ``versionAuthorId`` the model id (an integer) of the user who saved it; both are ``None`` on global agents.
    Permissions: ``canRead`` and ``canEdit`` are what the caller may do with the agent (with an API key, ``canEdit``
    follows Dust's edit rules for keys: a builder key, an active non-global agent, its spaces readable).
    ``requestedSpaceIds`` are the spaces whose data the agent's tools use (a caller must be able to read them all to use
    the agent); ``requestedGroupIds`` is the older, group-based form of the same requirement (Dust keeps sending it,
    deprecated: each inner list is an "any of these groups" condition, all of which must hold). ``groupIds`` is older
    still. ``None`` means this Dust did not send the field. Optional extras, sent by some views or Dust versions only:
    ``lastAuthors`` (``withAuthors=true``: the names of the last editors), ``usage``, ``feedbacks``,
    ``visualizationEnabled`` (deprecated, Dust sends false), ``reinforcement`` (auto, on or off: whether Dust analyses
    feedback to suggest instruction changes) with ``lastReinforcementAnalysisAt``, and ``omittedThinking``. ``editors``
    (Dust's internal routes only) stays in ``model_extra``.

        Attributes:
            s_id (str): The agent's id: what you mention (configurationId).
            name (str):
            id (int | Unset):
            version (int | Unset):
            version_created_at (None | str | Unset): When this version was saved (ISO 8601); null on global agents.
            version_author_id (int | None | Unset): The model id of the user who saved this version; null on global agents.
            description (str | Unset):
            instructions (None | str | Unset):
            picture_url (str | Unset):
            status (str | Unset): Agent status. Known values: active, archived, draft, pending, disabled_by_admin,
                disabled_missing_datasource, disabled_free_workspace. Open: the server may add values.
            scope (str | Unset): Who sees the agent. Known values: global, visible, hidden (older Dust: workspace,
                published, private). Open: the server may add values.
            user_favorite (bool | Unset):
            model (AgentModelConfiguration | Unset): The language model an agent runs on. ``reasoningEffort`` (an open
                string such as ``medium``) and ``responseFormat`` (a structured-output format, as a JSON string) are sent only
                when the agent sets them.
            actions (list[AgentConfigurationActionsItem] | Unset): Tools configured on the agent (present on full
                configurations).
            max_steps_per_run (int | Unset):
            visualization_enabled (bool | Unset):
            template_id (None | str | Unset):
            last_authors (list[str] | Unset): Names of the agent's last editors (with withAuthors=true).
            usage (AgentUsage | Unset): How much an agent was used over the last ``timePeriodSec`` seconds.
            feedbacks (AgentFeedbacks | Unset): The thumbs up and thumbs down an agent's messages received.
            tags (list[AgentTag] | Unset):
            group_ids (list[str] | Unset): Older Dust's form of requestedGroupIds.
            requested_group_ids (list[list[str]] | Unset): Deprecated group-based form of requestedSpaceIds: each inner list
                is an any-of condition, all must hold.
            requested_space_ids (list[str] | Unset): The spaces whose data the agent's tools use; a caller must be able to
                read them all.
            can_read (bool | Unset): Whether the caller may read (use) the agent.
            can_edit (bool | Unset): Whether the caller may edit the agent.
            reinforcement (str | Unset): Whether Dust analyses feedback to suggest instruction changes. Known values: auto,
                on, off. Open: the server may add values.
            last_reinforcement_analysis_at (None | str | Unset): When that analysis last ran (ISO 8601).
            omitted_thinking (bool | Unset):
    """

    s_id: str
    name: str
    id: int | Unset = UNSET
    version: int | Unset = UNSET
    version_created_at: None | str | Unset = UNSET
    version_author_id: int | None | Unset = UNSET
    description: str | Unset = UNSET
    instructions: None | str | Unset = UNSET
    picture_url: str | Unset = UNSET
    status: str | Unset = UNSET
    scope: str | Unset = UNSET
    user_favorite: bool | Unset = UNSET
    model: AgentModelConfiguration | Unset = UNSET
    actions: list[AgentConfigurationActionsItem] | Unset = UNSET
    max_steps_per_run: int | Unset = UNSET
    visualization_enabled: bool | Unset = UNSET
    template_id: None | str | Unset = UNSET
    last_authors: list[str] | Unset = UNSET
    usage: AgentUsage | Unset = UNSET
    feedbacks: AgentFeedbacks | Unset = UNSET
    tags: list[AgentTag] | Unset = UNSET
    group_ids: list[str] | Unset = UNSET
    requested_group_ids: list[list[str]] | Unset = UNSET
    requested_space_ids: list[str] | Unset = UNSET
    can_read: bool | Unset = UNSET
    can_edit: bool | Unset = UNSET
    reinforcement: str | Unset = UNSET
    last_reinforcement_analysis_at: None | str | Unset = UNSET
    omitted_thinking: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        s_id = self.s_id

        name = self.name

        id = self.id

        version = self.version

        version_created_at: None | str | Unset
        if isinstance(self.version_created_at, Unset):
            version_created_at = UNSET
        else:
            version_created_at = self.version_created_at

        version_author_id: int | None | Unset
        if isinstance(self.version_author_id, Unset):
            version_author_id = UNSET
        else:
            version_author_id = self.version_author_id

        description = self.description

        instructions: None | str | Unset
        if isinstance(self.instructions, Unset):
            instructions = UNSET
        else:
            instructions = self.instructions

        picture_url = self.picture_url

        status = self.status

        scope = self.scope

        user_favorite = self.user_favorite

        model: dict[str, Any] | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.to_dict()

        actions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = []
            for actions_item_data in self.actions:
                actions_item = actions_item_data.to_dict()
                actions.append(actions_item)

        max_steps_per_run = self.max_steps_per_run

        visualization_enabled = self.visualization_enabled

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id

        last_authors: list[str] | Unset = UNSET
        if not isinstance(self.last_authors, Unset):
            last_authors = self.last_authors

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        feedbacks: dict[str, Any] | Unset = UNSET
        if not isinstance(self.feedbacks, Unset):
            feedbacks = self.feedbacks.to_dict()

        tags: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = []
            for tags_item_data in self.tags:
                tags_item = tags_item_data.to_dict()
                tags.append(tags_item)

        group_ids: list[str] | Unset = UNSET
        if not isinstance(self.group_ids, Unset):
            group_ids = self.group_ids

        requested_group_ids: list[list[str]] | Unset = UNSET
        if not isinstance(self.requested_group_ids, Unset):
            requested_group_ids = []
            for requested_group_ids_item_data in self.requested_group_ids:
                requested_group_ids_item = requested_group_ids_item_data

                requested_group_ids.append(requested_group_ids_item)

        requested_space_ids: list[str] | Unset = UNSET
        if not isinstance(self.requested_space_ids, Unset):
            requested_space_ids = self.requested_space_ids

        can_read = self.can_read

        can_edit = self.can_edit

        reinforcement = self.reinforcement

        last_reinforcement_analysis_at: None | str | Unset
        if isinstance(self.last_reinforcement_analysis_at, Unset):
            last_reinforcement_analysis_at = UNSET
        else:
            last_reinforcement_analysis_at = self.last_reinforcement_analysis_at

        omitted_thinking = self.omitted_thinking

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sId": s_id,
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if version is not UNSET:
            field_dict["version"] = version
        if version_created_at is not UNSET:
            field_dict["versionCreatedAt"] = version_created_at
        if version_author_id is not UNSET:
            field_dict["versionAuthorId"] = version_author_id
        if description is not UNSET:
            field_dict["description"] = description
        if instructions is not UNSET:
            field_dict["instructions"] = instructions
        if picture_url is not UNSET:
            field_dict["pictureUrl"] = picture_url
        if status is not UNSET:
            field_dict["status"] = status
        if scope is not UNSET:
            field_dict["scope"] = scope
        if user_favorite is not UNSET:
            field_dict["userFavorite"] = user_favorite
        if model is not UNSET:
            field_dict["model"] = model
        if actions is not UNSET:
            field_dict["actions"] = actions
        if max_steps_per_run is not UNSET:
            field_dict["maxStepsPerRun"] = max_steps_per_run
        if visualization_enabled is not UNSET:
            field_dict["visualizationEnabled"] = visualization_enabled
        if template_id is not UNSET:
            field_dict["templateId"] = template_id
        if last_authors is not UNSET:
            field_dict["lastAuthors"] = last_authors
        if usage is not UNSET:
            field_dict["usage"] = usage
        if feedbacks is not UNSET:
            field_dict["feedbacks"] = feedbacks
        if tags is not UNSET:
            field_dict["tags"] = tags
        if group_ids is not UNSET:
            field_dict["groupIds"] = group_ids
        if requested_group_ids is not UNSET:
            field_dict["requestedGroupIds"] = requested_group_ids
        if requested_space_ids is not UNSET:
            field_dict["requestedSpaceIds"] = requested_space_ids
        if can_read is not UNSET:
            field_dict["canRead"] = can_read
        if can_edit is not UNSET:
            field_dict["canEdit"] = can_edit
        if reinforcement is not UNSET:
            field_dict["reinforcement"] = reinforcement
        if last_reinforcement_analysis_at is not UNSET:
            field_dict["lastReinforcementAnalysisAt"] = last_reinforcement_analysis_at
        if omitted_thinking is not UNSET:
            field_dict["omittedThinking"] = omitted_thinking

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_configuration_actions_item import (
            AgentConfigurationActionsItem,
        )
        from ..models.agent_feedbacks import AgentFeedbacks
        from ..models.agent_model_configuration import AgentModelConfiguration
        from ..models.agent_tag import AgentTag
        from ..models.agent_usage import AgentUsage

        d = dict(src_dict)
        s_id = d.pop("sId")

        name = d.pop("name")

        id = d.pop("id", UNSET)

        version = d.pop("version", UNSET)

        def _parse_version_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version_created_at = _parse_version_created_at(d.pop("versionCreatedAt", UNSET))

        def _parse_version_author_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version_author_id = _parse_version_author_id(d.pop("versionAuthorId", UNSET))

        description = d.pop("description", UNSET)

        def _parse_instructions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instructions = _parse_instructions(d.pop("instructions", UNSET))

        picture_url = d.pop("pictureUrl", UNSET)

        status = d.pop("status", UNSET)

        scope = d.pop("scope", UNSET)

        user_favorite = d.pop("userFavorite", UNSET)

        _model = d.pop("model", UNSET)
        model: AgentModelConfiguration | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = AgentModelConfiguration.from_dict(_model)

        _actions = d.pop("actions", UNSET)
        actions: list[AgentConfigurationActionsItem] | Unset = UNSET
        if _actions is not UNSET:
            actions = []
            for actions_item_data in _actions:
                actions_item = AgentConfigurationActionsItem.from_dict(
                    actions_item_data
                )

                actions.append(actions_item)

        max_steps_per_run = d.pop("maxStepsPerRun", UNSET)

        visualization_enabled = d.pop("visualizationEnabled", UNSET)

        def _parse_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template_id = _parse_template_id(d.pop("templateId", UNSET))

        last_authors = cast(list[str], d.pop("lastAuthors", UNSET))

        _usage = d.pop("usage", UNSET)
        usage: AgentUsage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = AgentUsage.from_dict(_usage)

        _feedbacks = d.pop("feedbacks", UNSET)
        feedbacks: AgentFeedbacks | Unset
        if isinstance(_feedbacks, Unset):
            feedbacks = UNSET
        else:
            feedbacks = AgentFeedbacks.from_dict(_feedbacks)

        _tags = d.pop("tags", UNSET)
        tags: list[AgentTag] | Unset = UNSET
        if _tags is not UNSET:
            tags = []
            for tags_item_data in _tags:
                tags_item = AgentTag.from_dict(tags_item_data)

                tags.append(tags_item)

        group_ids = cast(list[str], d.pop("groupIds", UNSET))

        _requested_group_ids = d.pop("requestedGroupIds", UNSET)
        requested_group_ids: list[list[str]] | Unset = UNSET
        if _requested_group_ids is not UNSET:
            requested_group_ids = []
            for requested_group_ids_item_data in _requested_group_ids:
                requested_group_ids_item = cast(
                    list[str], requested_group_ids_item_data
                )

                requested_group_ids.append(requested_group_ids_item)

        requested_space_ids = cast(list[str], d.pop("requestedSpaceIds", UNSET))

        can_read = d.pop("canRead", UNSET)

        can_edit = d.pop("canEdit", UNSET)

        reinforcement = d.pop("reinforcement", UNSET)

        def _parse_last_reinforcement_analysis_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_reinforcement_analysis_at = _parse_last_reinforcement_analysis_at(
            d.pop("lastReinforcementAnalysisAt", UNSET)
        )

        omitted_thinking = d.pop("omittedThinking", UNSET)

        agent_configuration = cls(
            s_id=s_id,
            name=name,
            id=id,
            version=version,
            version_created_at=version_created_at,
            version_author_id=version_author_id,
            description=description,
            instructions=instructions,
            picture_url=picture_url,
            status=status,
            scope=scope,
            user_favorite=user_favorite,
            model=model,
            actions=actions,
            max_steps_per_run=max_steps_per_run,
            visualization_enabled=visualization_enabled,
            template_id=template_id,
            last_authors=last_authors,
            usage=usage,
            feedbacks=feedbacks,
            tags=tags,
            group_ids=group_ids,
            requested_group_ids=requested_group_ids,
            requested_space_ids=requested_space_ids,
            can_read=can_read,
            can_edit=can_edit,
            reinforcement=reinforcement,
            last_reinforcement_analysis_at=last_reinforcement_analysis_at,
            omitted_thinking=omitted_thinking,
        )

        agent_configuration.additional_properties = d
        return agent_configuration

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
