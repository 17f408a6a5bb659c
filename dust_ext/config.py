"""Client configuration: which Dust workspace to talk to, how, and with which credentials.

A Dust *workspace* (``wId``) is the tenant every public API call is scoped to: almost every endpoint lives
under ``/api/v1/w/{wId}/...``. A workspace *API key* (created in Admin → API Keys) authenticates as a
Bearer token. Dust runs in two regions with separate hosts: ``https://dust.tt`` (US) and
``https://eu.dust.tt`` (EU); a workspace only exists in one of them.
"""

from __future__ import annotations

import os
import platform
import zoneinfo
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import httpx
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)

from dust_ext._version import __version__
from dust_ext.exceptions import DustConfigError

__all__ = [
    "DEFAULT_BASE_URL",
    "REGION_BASE_URLS",
    "DustConfig",
    "Region",
    "default_user_agent",
    "system_timezone",
]

Region = Literal["us", "eu"]

DEFAULT_BASE_URL = "https://dust.tt"
REGION_BASE_URLS: Mapping[str, str] = {"us": DEFAULT_BASE_URL, "eu": "https://eu.dust.tt"}

DEFAULT_TIMEOUT = 60.0
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_USERNAME = "dust-python"

# Headers the SDK owns: letting default_headers set them would either break auth or, worse, put a
# credential somewhere the SDK does not treat as secret (repr, logs, error messages).
_RESERVED_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})


def default_user_agent() -> str:
    """The ``User-Agent`` sent by default, e.g. ``dust-python/0.1.0 httpx/0.28.1 python/3.11.7``."""
    return f"dust-python/{__version__} httpx/{httpx.__version__} python/{platform.python_version()}"


def _is_known_zone(key: str) -> bool:
    try:
        zoneinfo.ZoneInfo(key)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def system_timezone(
    environ: Mapping[str, str] | None = None, localtime: Path = Path("/etc/localtime")
) -> str:
    """Best-effort IANA name of the machine's time zone (e.g. ``"Europe/Paris"``), else ``"UTC"``.

    Dust stores a timezone with each user message (``context.timezone``) and agents use it to reason
    about dates, so a real zone name is better than an offset. Checked in order: the ``TZ`` variable,
    the target of the ``/etc/localtime`` symlink, ``/etc/timezone``. Only names ``zoneinfo`` knows are
    accepted, because Dust rejects unknown ones.
    """
    env = os.environ if environ is None else environ
    tz = env.get("TZ", "").strip().removeprefix(":")
    if tz and _is_known_zone(tz):
        return tz
    try:
        target = str(localtime.resolve()) if localtime.is_symlink() else ""
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        key = target.split("zoneinfo/", 1)[1]
        if _is_known_zone(key):
            return _canonical_utc(key)
    try:
        key = (localtime.parent / "timezone").read_text(encoding="utf-8").strip()
    except OSError:
        key = ""
    if key and _is_known_zone(key):
        return _canonical_utc(key)
    return "UTC"


def _canonical_utc(key: str) -> str:
    # Debian-style systems link /etc/localtime to Etc/UTC; "UTC" is the name people expect to see.
    return "UTC" if key in {"Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Zulu"} else key


class DustConfig(BaseModel):
    """Immutable settings for a Dust client.

    >>> DustConfig(workspace_id="W", api_key="sk-...", region="eu").api_base
    'https://eu.dust.tt/api/v1/w/W'

    The API key is held as a ``SecretStr``: it never appears in ``repr``, ``str``, ``model_dump_json``
    or validation errors. Use :meth:`auth_headers` (or ``api_key.get_secret_value()``) to read it.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    workspace_id: str = Field(min_length=1, description="The Dust workspace id (wId) seen in workspace URLs.")
    api_key: SecretStr = Field(
        description="Workspace API key (or OAuth access token), sent as a Bearer token."
    )
    region: Region | None = Field(
        default=None, description="'us' or 'eu'; picks base_url when none is given."
    )
    base_url: str = Field(default=DEFAULT_BASE_URL, description="Dust host, without the /api/v1 part.")
    timeout: float = Field(default=DEFAULT_TIMEOUT, gt=0, description="Per-request timeout in seconds.")
    connect_timeout: float = Field(
        default=DEFAULT_CONNECT_TIMEOUT, gt=0, description="Seconds allowed to open a connection."
    )
    max_retries: int = Field(default=DEFAULT_MAX_RETRIES, ge=0, description="Retries after the first try.")
    default_headers: dict[str, str] = Field(
        default_factory=dict, description="Extra headers on every request."
    )
    user_agent: str = Field(default_factory=default_user_agent)
    default_username: str = Field(
        default=DEFAULT_USERNAME, min_length=1, description="context.username sent with user messages."
    )
    default_timezone: str = Field(
        default_factory=system_timezone, min_length=1, description="context.timezone sent with user messages."
    )

    @model_validator(mode="before")
    @classmethod
    def _base_url_from_region(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("base_url") is None:
            data = {key: value for key, value in data.items() if key != "base_url"}
            region = data.get("region")
            if isinstance(region, str) and region.lower() in REGION_BASE_URLS:
                data["base_url"] = REGION_BASE_URLS[region.lower()]
        return data

    @field_validator("region", mode="before")
    @classmethod
    def _lowercase_region(cls, value: Any) -> Any:
        return value.lower() if isinstance(value, str) else value

    @field_validator("base_url")
    @classmethod
    def _normalise_base_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        url = httpx.URL(value)
        if url.scheme not in {"http", "https"} or not url.host:
            raise ValueError("base_url must be an absolute http(s) URL such as https://dust.tt")
        if url.userinfo:
            raise ValueError("base_url must not embed credentials")
        return value

    @field_validator("default_headers")
    @classmethod
    def _no_credentials_in_default_headers(cls, value: dict[str, str]) -> dict[str, str]:
        reserved = sorted(name for name in value if name.lower() in _RESERVED_HEADERS)
        if reserved:
            raise ValueError(f"default_headers may not set {', '.join(reserved)}; use api_key instead")
        return value

    @property
    def api_base(self) -> str:
        """Root of the workspace-scoped public API: ``{base_url}/api/v1/w/{workspace_id}``."""
        return f"{self.base_url}/api/v1/w/{self.workspace_id}"

    def auth_headers(self) -> dict[str, str]:
        """The ``Authorization`` header carrying the API key as a Bearer token."""
        return {"Authorization": f"Bearer {self.api_key.get_secret_value()}"}

    def httpx_timeout(self) -> httpx.Timeout:
        """The timeout as httpx wants it: ``timeout`` overall, ``connect_timeout`` to connect."""
        return httpx.Timeout(self.timeout, connect=min(self.connect_timeout, self.timeout))

    @classmethod
    def from_env(cls, *, environ: Mapping[str, str] | None = None, **overrides: Any) -> DustConfig:
        """Build a config from ``DUST_*`` environment variables; keyword arguments win over them.

        Required: ``DUST_WORKSPACE_ID``, ``DUST_API_KEY``. Optional: ``DUST_BASE_URL`` or
        ``DUST_REGION`` (``us``/``eu``), ``DUST_TIMEOUT``, ``DUST_MAX_RETRIES``, ``DUST_USERNAME``,
        ``DUST_TIMEZONE``. Raises :class:`~dust_ext.exceptions.DustConfigError` naming every missing
        or invalid variable.
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for field, variable in _ENV_VARIABLES.items():
            raw = env.get(variable, "").strip()
            if raw:
                values[field] = raw
        values.update(overrides)

        missing = [_ENV_VARIABLES[field] for field in ("workspace_id", "api_key") if not values.get(field)]
        if missing:
            raise DustConfigError(
                f"Missing environment variable{'s' if len(missing) > 1 else ''}: {', '.join(missing)} "
                "(or pass the value as a keyword argument to DustConfig.from_env)"
            )
        try:
            return cls(**values)
        except ValidationError as exc:
            problems = []
            for error in exc.errors(include_input=False, include_url=False):
                field = str(error["loc"][0]) if error["loc"] else ""
                source = (
                    _ENV_VARIABLES[field] if field in _ENV_VARIABLES and field not in overrides else field
                )
                problems.append(f"{source or 'config'}: {error['msg']}")
            raise DustConfigError("Invalid Dust configuration: " + "; ".join(problems)) from None


# DustConfig field → environment variable read by DustConfig.from_env.
_ENV_VARIABLES: Mapping[str, str] = {
    "workspace_id": "DUST_WORKSPACE_ID",
    "api_key": "DUST_API_KEY",
    "base_url": "DUST_BASE_URL",
    "region": "DUST_REGION",
    "timeout": "DUST_TIMEOUT",
    "max_retries": "DUST_MAX_RETRIES",
    "default_username": "DUST_USERNAME",
    "default_timezone": "DUST_TIMEZONE",
}
