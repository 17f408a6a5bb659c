from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.action_display_labels import ActionDisplayLabels
    from ..models.action_generated_file import ActionGeneratedFile
    from ..models.agent_action_output_type_0_item import AgentActionOutputType0Item
    from ..models.agent_action_params import AgentActionParams


T = TypeVar("T", bound="AgentAction")


@_attrs_define
class AgentAction:
    """One tool call of an agent message (Dust's ``AgentActionPublicType``). ``toolName`` is the tool (e.g.
    ``"semantic_search"``); ``functionCallName`` the name the model called, prefixed by its MCP server
    (``"data_sources__semantic_search"``); ``params`` the arguments; ``status`` an open string; ``output`` the tool's
    MCP content blocks (``[{"type": "text", "text": ...}, ...]``) once it ran. Open: new action kinds add fields.

        Attributes:
            s_id (str | Unset):
            id (int | Unset):
            tool_name (str | Unset):
            function_call_name (str | Unset):
            function_call_id (str | Unset):
            mcp_server_id (None | str | Unset):
            internal_mcp_server_name (None | str | Unset):
            agent_message_id (int | Unset):
            status (str | Unset): Execution status of the action. Known values: running, succeeded, errored,
                blocked_validation_required. Open: the server may add values.
            params (AgentActionParams | Unset):
            step (int | Unset):
            output (list[AgentActionOutputType0Item] | None | Unset):
            generated_files (list[ActionGeneratedFile] | Unset):
            display_labels (ActionDisplayLabels | None | Unset):
            citations_allocated (int | Unset):
            execution_duration_ms (float | None | Unset):
            created_at (float | Unset):
            updated_at (float | Unset):
            type_ (str | Unset): Older action kind, e.g. retrieval_action, dust_app_run_action.
    """

    s_id: str | Unset = UNSET
    id: int | Unset = UNSET
    tool_name: str | Unset = UNSET
    function_call_name: str | Unset = UNSET
    function_call_id: str | Unset = UNSET
    mcp_server_id: None | str | Unset = UNSET
    internal_mcp_server_name: None | str | Unset = UNSET
    agent_message_id: int | Unset = UNSET
    status: str | Unset = UNSET
    params: AgentActionParams | Unset = UNSET
    step: int | Unset = UNSET
    output: list[AgentActionOutputType0Item] | None | Unset = UNSET
    generated_files: list[ActionGeneratedFile] | Unset = UNSET
    display_labels: ActionDisplayLabels | None | Unset = UNSET
    citations_allocated: int | Unset = UNSET
    execution_duration_ms: float | None | Unset = UNSET
    created_at: float | Unset = UNSET
    updated_at: float | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.action_display_labels import ActionDisplayLabels

        s_id = self.s_id

        id = self.id

        tool_name = self.tool_name

        function_call_name = self.function_call_name

        function_call_id = self.function_call_id

        mcp_server_id: None | str | Unset
        if isinstance(self.mcp_server_id, Unset):
            mcp_server_id = UNSET
        else:
            mcp_server_id = self.mcp_server_id

        internal_mcp_server_name: None | str | Unset
        if isinstance(self.internal_mcp_server_name, Unset):
            internal_mcp_server_name = UNSET
        else:
            internal_mcp_server_name = self.internal_mcp_server_name

        agent_message_id = self.agent_message_id

        status = self.status

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        step = self.step

        output: list[dict[str, Any]] | None | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, list):
            output = []
            for output_type_0_item_data in self.output:
                output_type_0_item = output_type_0_item_data.to_dict()
                output.append(output_type_0_item)

        else:
            output = self.output

        generated_files: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.generated_files, Unset):
            generated_files = []
            for generated_files_item_data in self.generated_files:
                generated_files_item = generated_files_item_data.to_dict()
                generated_files.append(generated_files_item)

        display_labels: dict[str, Any] | None | Unset
        if isinstance(self.display_labels, Unset):
            display_labels = UNSET
        elif isinstance(self.display_labels, ActionDisplayLabels):
            display_labels = self.display_labels.to_dict()
        else:
            display_labels = self.display_labels

        citations_allocated = self.citations_allocated

        execution_duration_ms: float | None | Unset
        if isinstance(self.execution_duration_ms, Unset):
            execution_duration_ms = UNSET
        else:
            execution_duration_ms = self.execution_duration_ms

        created_at = self.created_at

        updated_at = self.updated_at

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if s_id is not UNSET:
            field_dict["sId"] = s_id
        if id is not UNSET:
            field_dict["id"] = id
        if tool_name is not UNSET:
            field_dict["toolName"] = tool_name
        if function_call_name is not UNSET:
            field_dict["functionCallName"] = function_call_name
        if function_call_id is not UNSET:
            field_dict["functionCallId"] = function_call_id
        if mcp_server_id is not UNSET:
            field_dict["mcpServerId"] = mcp_server_id
        if internal_mcp_server_name is not UNSET:
            field_dict["internalMCPServerName"] = internal_mcp_server_name
        if agent_message_id is not UNSET:
            field_dict["agentMessageId"] = agent_message_id
        if status is not UNSET:
            field_dict["status"] = status
        if params is not UNSET:
            field_dict["params"] = params
        if step is not UNSET:
            field_dict["step"] = step
        if output is not UNSET:
            field_dict["output"] = output
        if generated_files is not UNSET:
            field_dict["generatedFiles"] = generated_files
        if display_labels is not UNSET:
            field_dict["displayLabels"] = display_labels
        if citations_allocated is not UNSET:
            field_dict["citationsAllocated"] = citations_allocated
        if execution_duration_ms is not UNSET:
            field_dict["executionDurationMs"] = execution_duration_ms
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.action_display_labels import ActionDisplayLabels
        from ..models.action_generated_file import ActionGeneratedFile
        from ..models.agent_action_output_type_0_item import AgentActionOutputType0Item
        from ..models.agent_action_params import AgentActionParams

        d = dict(src_dict)
        s_id = d.pop("sId", UNSET)

        id = d.pop("id", UNSET)

        tool_name = d.pop("toolName", UNSET)

        function_call_name = d.pop("functionCallName", UNSET)

        function_call_id = d.pop("functionCallId", UNSET)

        def _parse_mcp_server_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mcp_server_id = _parse_mcp_server_id(d.pop("mcpServerId", UNSET))

        def _parse_internal_mcp_server_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        internal_mcp_server_name = _parse_internal_mcp_server_name(
            d.pop("internalMCPServerName", UNSET)
        )

        agent_message_id = d.pop("agentMessageId", UNSET)

        status = d.pop("status", UNSET)

        _params = d.pop("params", UNSET)
        params: AgentActionParams | Unset
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = AgentActionParams.from_dict(_params)

        step = d.pop("step", UNSET)

        def _parse_output(
            data: object,
        ) -> list[AgentActionOutputType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                output_type_0 = []
                _output_type_0 = data
                for output_type_0_item_data in _output_type_0:
                    output_type_0_item = AgentActionOutputType0Item.from_dict(
                        output_type_0_item_data
                    )

                    output_type_0.append(output_type_0_item)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AgentActionOutputType0Item] | None | Unset, data)

        output = _parse_output(d.pop("output", UNSET))

        _generated_files = d.pop("generatedFiles", UNSET)
        generated_files: list[ActionGeneratedFile] | Unset = UNSET
        if _generated_files is not UNSET:
            generated_files = []
            for generated_files_item_data in _generated_files:
                generated_files_item = ActionGeneratedFile.from_dict(
                    generated_files_item_data
                )

                generated_files.append(generated_files_item)

        def _parse_display_labels(data: object) -> ActionDisplayLabels | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                display_labels_type_0 = ActionDisplayLabels.from_dict(data)

                return display_labels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActionDisplayLabels | None | Unset, data)

        display_labels = _parse_display_labels(d.pop("displayLabels", UNSET))

        citations_allocated = d.pop("citationsAllocated", UNSET)

        def _parse_execution_duration_ms(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        execution_duration_ms = _parse_execution_duration_ms(
            d.pop("executionDurationMs", UNSET)
        )

        created_at = d.pop("createdAt", UNSET)

        updated_at = d.pop("updatedAt", UNSET)

        type_ = d.pop("type", UNSET)

        agent_action = cls(
            s_id=s_id,
            id=id,
            tool_name=tool_name,
            function_call_name=function_call_name,
            function_call_id=function_call_id,
            mcp_server_id=mcp_server_id,
            internal_mcp_server_name=internal_mcp_server_name,
            agent_message_id=agent_message_id,
            status=status,
            params=params,
            step=step,
            output=output,
            generated_files=generated_files,
            display_labels=display_labels,
            citations_allocated=citations_allocated,
            execution_duration_ms=execution_duration_ms,
            created_at=created_at,
            updated_at=updated_at,
            type_=type_,
        )

        agent_action.additional_properties = d
        return agent_action

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
