"""What the two clients share, without I/O: resolving their configuration and loading resources lazily.

The configuration comes from the arguments, in this order: the config's fields given as keywords
(``DustClient(api_key=..., workspace_id=..., region="eu")``) win over the ``config=`` object when one is
given, else over the ``DUST_*`` environment variables (see :func:`resolve_config`).
"""

from __future__ import annotations

import inspect
import json as _json
from collections.abc import Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any, Generic, TypedDict, TypeVar, overload

import httpx
from pydantic import SecretStr

from dust_ext._core.call import raw_json
from dust_ext.config import DustConfig, Region

if TYPE_CHECKING:
    from dust_ext._streaming import StreamPolicy

T = TypeVar("T")
R = TypeVar("R")


def default_stream_policy() -> StreamPolicy:
    from dust_ext._streaming import StreamPolicy  # the event layer loads with the first stream

    return StreamPolicy()


class LazyResource(Generic[R]):
    # A client attribute whose resource module is imported on first access: ``import dust_ext`` and building
    # a client stay cheap, and a program only loads the API areas it uses. Its ``__doc__`` is the resource's
    # (below), so ``help(DustClient)`` documents each resource; that one import happens when help() asks.

    def __init__(self, module: str, class_name: str) -> None:
        self._module = module
        self._class_name = class_name
        self._attribute = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._attribute = name

    def resource_class(self) -> Any:
        """The resource's class (importing its module)."""
        return getattr(import_module(self._module), self._class_name)

    @property
    def __doc__(self) -> str:  # type: ignore[override]  # read-only: the resource's docstring
        resource_doc = inspect.getdoc(self.resource_class()) or ""
        return f"{self._class_name} ({self._module}): {resource_doc}"

    def __repr__(self) -> str:
        return f"<{self._class_name} resource, loaded on first use>"

    @overload
    def __get__(self, instance: None, owner: type) -> LazyResource[R]: ...
    @overload
    def __get__(self, instance: object, owner: type) -> R: ...
    def __get__(self, instance: object | None, owner: type) -> LazyResource[R] | R:
        if instance is None:
            return self
        resource: R = self.resource_class()(instance)
        instance.__dict__[self._attribute] = resource
        return resource


#: What ``client.raw.token`` holds: not a credential (the request path adds the real one).
RAW_CLIENT_TOKEN = "added-by-the-dust-client-request-path"  # noqa: S105 (a placeholder, not a secret)

#: The cheap authenticated call behind ``validate()``: listing spaces needs only a valid key.
VALIDATE_PATH = "spaces"


class ConfigFields(TypedDict, total=False):
    """The :class:`~dust_ext.config.DustConfig` fields a client accepts as keyword arguments."""

    api_key: str | SecretStr
    access_token: str | SecretStr
    refresh_token: str | SecretStr
    workspace_id: str
    region: Region
    base_url: str
    timeout: float
    connect_timeout: float
    max_retries: int
    default_headers: Mapping[str, str]
    user_agent: str
    default_username: str
    default_timezone: str


def resolve_config(config: DustConfig | None, fields: Mapping[str, Any]) -> DustConfig:
    """The configuration of a new client: the keyword ``fields`` over ``config`` when given, else over the
    ``DUST_*`` environment variables (:meth:`DustConfig.from_env`). ``None`` values count as not given."""
    given = {name: value for name, value in fields.items() if value is not None}
    unknown = sorted(set(given) - set(DustConfig.model_fields))
    if unknown:
        raise TypeError(f"unexpected keyword argument{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}")
    if config is None:
        if "region" in given and "base_url" not in given:
            given["base_url"] = None  # a region given here beats a DUST_BASE_URL from the environment
        return DustConfig.from_env(**given)
    return config.model_copy(update=given) if given else config


def json_or_text(response: httpx.Response) -> Any:
    if not response.content:
        return None
    if "json" in response.headers.get("content-type", ""):
        return raw_json(response)
    try:
        return _json.loads(response.content)
    except (ValueError, RecursionError):
        return response.text
