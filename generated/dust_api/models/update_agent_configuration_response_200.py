from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_configuration import AgentConfiguration
    from ..models.update_agent_configuration_response_200_skipped_actions_item import (
        UpdateAgentConfigurationResponse200SkippedActionsItem,
    )


T = TypeVar("T", bound="UpdateAgentConfigurationResponse200")


@_attrs_define
class UpdateAgentConfigurationResponse200:
    """
    Attributes:
        agent_configuration (AgentConfiguration): An agent configuration (``GET .../assistant/agent_configurations``).
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
        skipped_actions (list[UpdateAgentConfigurationResponse200SkippedActionsItem] | Unset):
    """

    agent_configuration: AgentConfiguration
    skipped_actions: (
        list[UpdateAgentConfigurationResponse200SkippedActionsItem] | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_configuration = self.agent_configuration.to_dict()

        skipped_actions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.skipped_actions, Unset):
            skipped_actions = []
            for skipped_actions_item_data in self.skipped_actions:
                skipped_actions_item = skipped_actions_item_data.to_dict()
                skipped_actions.append(skipped_actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agentConfiguration": agent_configuration,
            }
        )
        if skipped_actions is not UNSET:
            field_dict["skippedActions"] = skipped_actions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_configuration import AgentConfiguration
        from ..models.update_agent_configuration_response_200_skipped_actions_item import (
            UpdateAgentConfigurationResponse200SkippedActionsItem,
        )

        d = dict(src_dict)
        agent_configuration = AgentConfiguration.from_dict(d.pop("agentConfiguration"))

        _skipped_actions = d.pop("skippedActions", UNSET)
        skipped_actions: (
            list[UpdateAgentConfigurationResponse200SkippedActionsItem] | Unset
        ) = UNSET
        if _skipped_actions is not UNSET:
            skipped_actions = []
            for skipped_actions_item_data in _skipped_actions:
                skipped_actions_item = (
                    UpdateAgentConfigurationResponse200SkippedActionsItem.from_dict(
                        skipped_actions_item_data
                    )
                )

                skipped_actions.append(skipped_actions_item)

        update_agent_configuration_response_200 = cls(
            agent_configuration=agent_configuration,
            skipped_actions=skipped_actions,
        )

        update_agent_configuration_response_200.additional_properties = d
        return update_agent_configuration_response_200

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
