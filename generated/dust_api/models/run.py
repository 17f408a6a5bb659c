from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.run_config import RunConfig
    from ..models.run_results_type_0_item_item import RunResultsType0ItemItem
    from ..models.run_status import RunStatus


T = TypeVar("T", bound="Run")


@_attrs_define
class Run:
    """An app run.

    Attributes:
        run_id (str):
        app_id (str | Unset):
        created (float | Unset):
        run_type (str | Unset):
        config (RunConfig | Unset):
        status (RunStatus | Unset): Where a run is: ``run`` is ``running``, ``succeeded`` or ``errored``; ``blocks`` per
            block.
        traces (list[list[Any]] | Unset): One entry per block, in execution order: `[[block_type, block_name],
            outputs]`, where `outputs` holds, per input, the list of `{"value", "error", "meta"}` of that block (one per map
            iteration).
        specification_hash (None | str | Unset):
        results (list[list[RunResultsType0ItemItem]] | None | Unset):
    """

    run_id: str
    app_id: str | Unset = UNSET
    created: float | Unset = UNSET
    run_type: str | Unset = UNSET
    config: RunConfig | Unset = UNSET
    status: RunStatus | Unset = UNSET
    traces: list[list[Any]] | Unset = UNSET
    specification_hash: None | str | Unset = UNSET
    results: list[list[RunResultsType0ItemItem]] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_id = self.run_id

        app_id = self.app_id

        created = self.created

        run_type = self.run_type

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.to_dict()

        traces: list[list[Any]] | Unset = UNSET
        if not isinstance(self.traces, Unset):
            traces = []
            for traces_item_data in self.traces:
                traces_item = traces_item_data

                traces.append(traces_item)

        specification_hash: None | str | Unset
        if isinstance(self.specification_hash, Unset):
            specification_hash = UNSET
        else:
            specification_hash = self.specification_hash

        results: list[list[dict[str, Any]]] | None | Unset
        if isinstance(self.results, Unset):
            results = UNSET
        elif isinstance(self.results, list):
            results = []
            for results_type_0_item_data in self.results:
                results_type_0_item = []
                for results_type_0_item_item_data in results_type_0_item_data:
                    results_type_0_item_item = results_type_0_item_item_data.to_dict()
                    results_type_0_item.append(results_type_0_item_item)

                results.append(results_type_0_item)

        else:
            results = self.results

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "run_id": run_id,
            }
        )
        if app_id is not UNSET:
            field_dict["app_id"] = app_id
        if created is not UNSET:
            field_dict["created"] = created
        if run_type is not UNSET:
            field_dict["run_type"] = run_type
        if config is not UNSET:
            field_dict["config"] = config
        if status is not UNSET:
            field_dict["status"] = status
        if traces is not UNSET:
            field_dict["traces"] = traces
        if specification_hash is not UNSET:
            field_dict["specification_hash"] = specification_hash
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.run_config import RunConfig
        from ..models.run_results_type_0_item_item import RunResultsType0ItemItem
        from ..models.run_status import RunStatus

        d = dict(src_dict)
        run_id = d.pop("run_id")

        app_id = d.pop("app_id", UNSET)

        created = d.pop("created", UNSET)

        run_type = d.pop("run_type", UNSET)

        _config = d.pop("config", UNSET)
        config: RunConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = RunConfig.from_dict(_config)

        _status = d.pop("status", UNSET)
        status: RunStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = RunStatus.from_dict(_status)

        _traces = d.pop("traces", UNSET)
        traces: list[list[Any]] | Unset = UNSET
        if _traces is not UNSET:
            traces = []
            for traces_item_data in _traces:
                traces_item = cast(list[Any], traces_item_data)

                traces.append(traces_item)

        def _parse_specification_hash(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        specification_hash = _parse_specification_hash(
            d.pop("specification_hash", UNSET)
        )

        def _parse_results(
            data: object,
        ) -> list[list[RunResultsType0ItemItem]] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                results_type_0 = []
                _results_type_0 = data
                for results_type_0_item_data in _results_type_0:
                    results_type_0_item = []
                    _results_type_0_item = results_type_0_item_data
                    for results_type_0_item_item_data in _results_type_0_item:
                        results_type_0_item_item = RunResultsType0ItemItem.from_dict(
                            results_type_0_item_item_data
                        )

                        results_type_0_item.append(results_type_0_item_item)

                    results_type_0.append(results_type_0_item)

                return results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[list[RunResultsType0ItemItem]] | None | Unset, data)

        results = _parse_results(d.pop("results", UNSET))

        run = cls(
            run_id=run_id,
            app_id=app_id,
            created=created,
            run_type=run_type,
            config=config,
            status=status,
            traces=traces,
            specification_hash=specification_hash,
            results=results,
        )

        run.additional_properties = d
        return run

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
