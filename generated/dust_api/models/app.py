from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.app_core_specifications import AppCoreSpecifications
    from ..models.app_datasets_item import AppDatasetsItem
    from ..models.space import Space


T = TypeVar("T", bound="App")


@_attrs_define
class App:
    """A Dust app: a programmable workflow of blocks (LLM calls, code, data source searches…). ``savedSpecification`` is
    the app's current specification; running it needs its hash.

        Attributes:
            s_id (str):
            id (int | Unset):
            name (str | Unset):
            description (None | str | Unset):
            saved_specification (None | str | Unset):
            saved_config (None | str | Unset):
            saved_run (None | str | Unset):
            dust_api_project_id (str | Unset):
            space (Space | Unset): A space: a permission boundary grouping data sources, apps and tools.
            datasets (list[AppDatasetsItem] | Unset): The app's datasets (apps export only).
            core_specifications (AppCoreSpecifications | Unset): Specification hash → specification text (apps export only).
    """

    s_id: str
    id: int | Unset = UNSET
    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    saved_specification: None | str | Unset = UNSET
    saved_config: None | str | Unset = UNSET
    saved_run: None | str | Unset = UNSET
    dust_api_project_id: str | Unset = UNSET
    space: Space | Unset = UNSET
    datasets: list[AppDatasetsItem] | Unset = UNSET
    core_specifications: AppCoreSpecifications | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        s_id = self.s_id

        id = self.id

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        saved_specification: None | str | Unset
        if isinstance(self.saved_specification, Unset):
            saved_specification = UNSET
        else:
            saved_specification = self.saved_specification

        saved_config: None | str | Unset
        if isinstance(self.saved_config, Unset):
            saved_config = UNSET
        else:
            saved_config = self.saved_config

        saved_run: None | str | Unset
        if isinstance(self.saved_run, Unset):
            saved_run = UNSET
        else:
            saved_run = self.saved_run

        dust_api_project_id = self.dust_api_project_id

        space: dict[str, Any] | Unset = UNSET
        if not isinstance(self.space, Unset):
            space = self.space.to_dict()

        datasets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.datasets, Unset):
            datasets = []
            for datasets_item_data in self.datasets:
                datasets_item = datasets_item_data.to_dict()
                datasets.append(datasets_item)

        core_specifications: dict[str, Any] | Unset = UNSET
        if not isinstance(self.core_specifications, Unset):
            core_specifications = self.core_specifications.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sId": s_id,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if saved_specification is not UNSET:
            field_dict["savedSpecification"] = saved_specification
        if saved_config is not UNSET:
            field_dict["savedConfig"] = saved_config
        if saved_run is not UNSET:
            field_dict["savedRun"] = saved_run
        if dust_api_project_id is not UNSET:
            field_dict["dustAPIProjectId"] = dust_api_project_id
        if space is not UNSET:
            field_dict["space"] = space
        if datasets is not UNSET:
            field_dict["datasets"] = datasets
        if core_specifications is not UNSET:
            field_dict["coreSpecifications"] = core_specifications

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.app_core_specifications import AppCoreSpecifications
        from ..models.app_datasets_item import AppDatasetsItem
        from ..models.space import Space

        d = dict(src_dict)
        s_id = d.pop("sId")

        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_saved_specification(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        saved_specification = _parse_saved_specification(
            d.pop("savedSpecification", UNSET)
        )

        def _parse_saved_config(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        saved_config = _parse_saved_config(d.pop("savedConfig", UNSET))

        def _parse_saved_run(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        saved_run = _parse_saved_run(d.pop("savedRun", UNSET))

        dust_api_project_id = d.pop("dustAPIProjectId", UNSET)

        _space = d.pop("space", UNSET)
        space: Space | Unset
        if isinstance(_space, Unset):
            space = UNSET
        else:
            space = Space.from_dict(_space)

        _datasets = d.pop("datasets", UNSET)
        datasets: list[AppDatasetsItem] | Unset = UNSET
        if _datasets is not UNSET:
            datasets = []
            for datasets_item_data in _datasets:
                datasets_item = AppDatasetsItem.from_dict(datasets_item_data)

                datasets.append(datasets_item)

        _core_specifications = d.pop("coreSpecifications", UNSET)
        core_specifications: AppCoreSpecifications | Unset
        if isinstance(_core_specifications, Unset):
            core_specifications = UNSET
        else:
            core_specifications = AppCoreSpecifications.from_dict(_core_specifications)

        app = cls(
            s_id=s_id,
            id=id,
            name=name,
            description=description,
            saved_specification=saved_specification,
            saved_config=saved_config,
            saved_run=saved_run,
            dust_api_project_id=dust_api_project_id,
            space=space,
            datasets=datasets,
            core_specifications=core_specifications,
        )

        app.additional_properties = d
        return app

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
