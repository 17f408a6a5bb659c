from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agent_configuration import AgentConfiguration


T = TypeVar("T", bound="GetAgentConfigurationResponse200")


@_attrs_define
class GetAgentConfigurationResponse200:
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
    """

    agent_configuration: AgentConfiguration
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_configuration = self.agent_configuration.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agentConfiguration": agent_configuration,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_configuration import AgentConfiguration

        d = dict(src_dict)
        agent_configuration = AgentConfiguration.from_dict(d.pop("agentConfiguration"))

        get_agent_configuration_response_200 = cls(
            agent_configuration=agent_configuration,
        )

        get_agent_configuration_response_200.additional_properties = d
        return get_agent_configuration_response_200

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
