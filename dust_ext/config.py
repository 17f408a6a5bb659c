"""Client configuration: which Dust workspace to talk to, how, and with which credentials (the guide
"Getting started" explains workspaces, keys and regions)."""

from __future__ import annotations

import ipaddress
import os
import platform
import re
import zoneinfo
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Self
from urllib.parse import quote, urlsplit

import httpx
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from dust_ext._core.oauth import OAuthTokens
from dust_ext._version import __version__
from dust_ext.exceptions import DustConfigError

__all__ = [
    "DEFAULT_BASE_URL",
    "REGION_BASE_URLS",
    "DustConfig",
    "OAuthTokens",
    "Region",
    "default_user_agent",
    "system_timezone",
]

Region = Literal["us", "eu"]


def __getattr__(name: str) -> Any:
    # dust-client 0.1.1's name, kept working with a warning.
    if name == "DEFAULT_DUST_BASE_URL":
        import warnings

        warnings.warn(
            "DEFAULT_DUST_BASE_URL is dust-client's name: use dust_ext.config.DEFAULT_BASE_URL",
            DeprecationWarning,
            stacklevel=2,
        )
        return DEFAULT_BASE_URL
    raise AttributeError(f"module 'dust_ext.config' has no attribute {name!r}")


DEFAULT_BASE_URL = "https://dust.tt"
REGION_BASE_URLS: Mapping[str, str] = {"us": DEFAULT_BASE_URL, "eu": "https://eu.dust.tt"}

# One path segment: what a Dust workspace sId is made of (letters and digits; '-', '_', '.', '~' allowed).
_WORKSPACE_ID = re.compile(r"[A-Za-z0-9._~-]+")
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})

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

    Checked in order: the ``TZ`` variable, the target of the ``/etc/localtime`` symlink, ``/etc/timezone``.
    Only names ``zoneinfo`` knows are accepted, because Dust rejects unknown ones.
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

    Credentials: a workspace ``api_key`` or a Dust user's OAuth ``access_token`` (exactly one), held as
    ``SecretStr``: they never appear in ``repr``, ``str``, ``model_dump_json`` or validation errors.
    """

    # The fields' docstrings are for the reference docs: pydantic's use_attribute_docstrings would read
    # this file's source at import (some 25 ms).
    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    workspace_id: str
    """The Dust workspace id (wId) seen in workspace URLs."""
    api_key: SecretStr | None = None
    """Workspace API key, sent as a Bearer token (or give access_token)."""
    access_token: SecretStr | None = None
    """OAuth access token of a Dust user, sent as a Bearer token (instead of api_key)."""
    refresh_token: SecretStr | None = None
    """OAuth refresh token issued with access_token: the client renews an expired access token with it."""
    region: Region | None = None
    """'us' or 'eu'; picks base_url when none is given."""
    base_url: str = DEFAULT_BASE_URL
    """Dust host (scheme and host, optional port), without a path."""
    timeout: float = Field(default=60.0, gt=0)
    """Seconds one attempt may take, from sending the request to the end of its body."""
    connect_timeout: float = Field(default=10.0, gt=0)
    """Seconds allowed to open a connection."""
    total_timeout: float | None = Field(default=300.0, gt=0)
    """Seconds a whole call may take, every attempt and the waits between them included (None: only the
    per-attempt limit). The default fits three full attempts and the waits between them."""
    max_retries: int = Field(default=2, ge=0)
    """Retries after the first try."""
    max_response_bytes: int = Field(default=256 * 1024 * 1024, gt=0)
    """Largest response body read, counted after decompression (DustResponseTooLargeError): far above any
    real Dust response, but a hostile or broken server cannot fill the machine's memory."""
    max_error_body_bytes: int = Field(default=1024 * 1024, ge=0)
    """How much of an error response is read and kept on the exception (error.body)."""
    max_connections: int = Field(default=100, ge=1)
    """Connections the client's pool may open at once (httpx's default)."""
    max_keepalive_connections: int = Field(default=20, ge=0)
    """Idle connections kept for reuse (httpx's default)."""
    allow_insecure_http: bool = False
    """Allow an http:// base_url on a host other than this machine (the key travels in clear)."""
    default_headers: dict[str, str] = Field(default_factory=dict)
    """Extra headers on every request."""
    user_agent: str = Field(default_factory=default_user_agent)
    """The User-Agent header (default_user_agent())."""
    default_username: str = Field(default="dust-python", min_length=1)
    """context.username sent with user messages."""
    default_timezone: str = Field(default_factory=system_timezone, min_length=1)
    """context.timezone sent with user messages."""

    if not TYPE_CHECKING:  # mypy keeps the field-by-field signature pydantic's plugin gives __init__

        def __init__(self, **data: Any) -> None:
            try:
                self.__pydantic_validator__.validate_python(data, self_instance=self)
            except ValidationError as exc:
                raise config_error(exc) from None

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """Validate ``obj`` (a mapping of fields) into a config; mistakes raise DustConfigError."""
        try:
            return super().model_validate(obj, *args, **kwargs)
        except ValidationError as exc:
            raise config_error(exc) from None

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, *args: Any, **kwargs: Any) -> Self:
        """Validate a JSON document into a config; mistakes raise DustConfigError."""
        try:
            return super().model_validate_json(json_data, *args, **kwargs)
        except ValidationError as exc:
            raise config_error(exc) from None

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with ``update`` applied, validated like a new config (pydantic's own copy skips
        validation, which would let an empty key or a bad URL through)."""
        if not update:
            return super().model_copy(deep=deep)
        values = {name: getattr(self, name) for name in type(self).model_fields}
        values.update(update)
        _drop_replaced_credentials(values, given=update)
        if "region" in update and "base_url" not in update:
            values.pop("base_url")  # let the new region pick its host
        return type(self).model_validate(values)

    @model_validator(mode="before")
    @classmethod
    def _base_url_from_region(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = {key: value for key, value in data.items() if key != "base_url" or value is not None}
        if isinstance(data.get("region"), str):
            data["region"] = data["region"].lower()
            if "base_url" not in data and data["region"] in REGION_BASE_URLS:
                data["base_url"] = REGION_BASE_URLS[data["region"]]
        return data

    @field_validator("workspace_id")
    @classmethod
    def _workspace_id_is_one_segment(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError(
                "is empty: write the id from your workspace URL, https://dust.tt/w/<WORKSPACE_ID>/..."
            )
        if value in {".", ".."} or not _WORKSPACE_ID.fullmatch(value):
            raise ValueError(
                f"{value!r} is not a workspace id: write only the id from your workspace URL "
                "(https://dust.tt/w/<WORKSPACE_ID>/...), letters and digits without '/', '?', '#' or spaces"
            )
        return value

    @field_validator("api_key", "access_token", "refresh_token", mode="before")
    @classmethod
    def _clean_credential(cls, value: Any, info: ValidationInfo) -> Any:
        # The credential never appears in these messages: only what is wrong with it.
        raw = value.get_secret_value() if isinstance(value, SecretStr) else value
        if not isinstance(raw, str):
            return value
        key = raw.strip()  # a key read from a file keeps its newline
        source = {
            "api_key": "the key from Admin → API Keys",
            "access_token": "the OAuth access token",
            "refresh_token": "the OAuth refresh token",
        }[str(info.field_name)]
        if not key:
            variable = _ENV_VARIABLES[str(info.field_name)]
            raise ValueError(f"is empty: pass {source} (or set {variable})")
        if not all("!" <= char <= "~" for char in key):
            raise ValueError(
                "contains a space, a control or a non-ASCII character, which cannot be sent in an HTTP "
                f"header: copy {source} again"
            )
        return SecretStr(key)

    @model_validator(mode="after")
    def _one_credential(self) -> Self:
        if (self.api_key is None) == (self.access_token is None):
            given = "both" if self.api_key is not None else "neither"
            raise ValueError(
                f"give exactly one of api_key (DUST_API_KEY) and access_token (DUST_ACCESS_TOKEN), not {given}"
            )
        if self.refresh_token is not None and self.access_token is None:
            raise ValueError(
                "refresh_token (DUST_REFRESH_TOKEN) renews an OAuth access_token: give the access_token "
                "it was issued with (an api_key does not expire)"
            )
        return self

    @field_validator("base_url")
    @classmethod
    def _normalise_base_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if "://" not in value:
            scheme = "http" if _is_loopback(value.split("/")[0].rsplit(":", 1)[0]) else "https"
            raise ValueError(
                f"{value!r} is not an absolute http(s) URL: write '{scheme}://{value or 'dust.tt'}'"
            )
        try:
            parts = urlsplit(value)
            port = parts.port
        except ValueError:
            raise ValueError(f"{value!r} is not a valid URL: write e.g. 'https://dust.tt'") from None
        host = parts.hostname or ""
        netloc = host if ":" not in host else f"[{host}]"
        netloc += f":{port}" if port is not None else ""
        scheme = parts.scheme.lower()
        suggestion = f"{scheme if scheme in {'http', 'https'} else 'https'}://{netloc or 'dust.tt'}"
        if scheme not in {"http", "https"} or not host:
            raise ValueError(f"must be an absolute http(s) URL: write '{suggestion}'")
        if parts.username is not None or parts.password is not None:
            raise ValueError(f"must not embed credentials: write '{suggestion}' and pass the key as api_key")
        if parts.query or parts.fragment or "?" in value or "#" in value:
            raise ValueError(
                f"must not have a query or fragment (it would rewrite every URL): write '{suggestion}'"
            )
        if parts.path.strip("/"):
            raise ValueError(
                "is the Dust host without a path (the SDK adds /api/v1/w/<workspace_id>/...): "
                f"write '{suggestion}'"
            )
        return f"{scheme}://{netloc}"

    @field_validator("default_headers")
    @classmethod
    def _no_credentials_in_default_headers(cls, value: dict[str, str]) -> dict[str, str]:
        reserved = sorted(name for name in value if name.lower() in _RESERVED_HEADERS)
        if reserved:
            raise ValueError(f"default_headers may not set {', '.join(reserved)}; use api_key instead")
        return value

    @model_validator(mode="after")
    def _no_key_in_clear(self) -> Self:
        host = urlsplit(self.base_url).hostname or ""
        if self.base_url.startswith("http://") and not self.allow_insecure_http and not _is_loopback(host):
            raise ValueError(
                f"base_url {self.base_url!r} would send the API key unencrypted: write "
                f"'https://{self.base_url.removeprefix('http://')}', or, if the network between you and that host "
                "is trusted, allow it: allow_insecure_http=True (DUST_ALLOW_INSECURE_HTTP=1, or the CLI's "
                "--allow-insecure-http)"
            )
        return self

    @property
    def api_base(self) -> str:
        """Root of the workspace-scoped public API: ``{base_url}/api/v1/w/{workspace_id}``."""
        return f"{self.base_url}/api/v1/w/{quote(self.workspace_id, safe='')}"

    @property
    def bearer_token(self) -> SecretStr:
        """The credential sent as ``Authorization: Bearer ...``: the API key or the OAuth access token."""
        token = self.api_key if self.api_key is not None else self.access_token
        if token is None:  # only a config built with model_construct skips the one-credential check
            raise DustConfigError("Invalid Dust configuration: no api_key or access_token")
        return token

    def auth_headers(self) -> dict[str, str]:
        """The ``Authorization`` header carrying the API key (or access token) as a Bearer token."""
        return {"Authorization": f"Bearer {self.bearer_token.get_secret_value()}"}

    def httpx_timeout(self) -> httpx.Timeout:
        """The per-operation limits as httpx wants them: ``timeout`` for each read, write and pool wait,
        ``connect_timeout`` to connect."""
        return httpx.Timeout(self.timeout, connect=min(self.connect_timeout, self.timeout))

    def httpx_limits(self) -> httpx.Limits:
        """The connection-pool limits as httpx wants them."""
        return httpx.Limits(
            max_connections=self.max_connections,
            max_keepalive_connections=min(self.max_keepalive_connections, self.max_connections),
        )

    @classmethod
    def from_env(
        cls,
        *,
        environ: Mapping[str, str] | None = None,
        override_names: Mapping[str, str] | None = None,
        **overrides: Any,
    ) -> DustConfig:
        """Build a config from ``DUST_*`` environment variables; keyword arguments win over them.

        Required: ``DUST_WORKSPACE_ID`` and ``DUST_API_KEY`` (or ``DUST_ACCESS_TOKEN``, an OAuth access
        token, with ``DUST_REFRESH_TOKEN`` to renew it). Optional: ``DUST_BASE_URL`` or
        ``DUST_REGION`` (``us``/``eu``), ``DUST_TIMEOUT``, ``DUST_TOTAL_TIMEOUT``, ``DUST_MAX_RETRIES``,
        ``DUST_USERNAME``, ``DUST_TIMEZONE``, ``DUST_ALLOW_INSECURE_HTTP``. Raises
        :class:`~dust_ext.exceptions.DustConfigError` naming every missing or invalid variable, and every
        invalid keyword argument by its name, or by ``override_names[field]`` when given (the CLI names
        its flags that way).
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for field, variable in _ENV_VARIABLES.items():
            raw = env.get(variable, "").strip()
            if raw:
                values[field] = raw
        values.update(overrides)
        _drop_replaced_credentials(values, given=overrides)

        missing = [_ENV_VARIABLES["workspace_id"]] if not values.get("workspace_id") else []
        if not values.get("api_key") and not values.get("access_token"):
            missing.append(_ENV_VARIABLES["api_key"])
        if missing:
            raise DustConfigError(
                f"Missing environment variable{'s' if len(missing) > 1 else ''}: {', '.join(missing)} "
                "(or pass the value as a keyword argument to DustConfig.from_env)"
            )
        sources = {field: variable for field, variable in _ENV_VARIABLES.items() if field not in overrides}
        sources.update({field: name for field, name in (override_names or {}).items() if field in overrides})
        config = cls.__new__(cls)
        try:
            # Into a fresh instance, as __init__ does, so the errors keep the field they are about.
            cls.__pydantic_validator__.validate_python(values, self_instance=config)
        except ValidationError as exc:
            raise config_error(exc, sources) from None
        return config


# DustConfig field → environment variable read by DustConfig.from_env.
_ENV_VARIABLES: Mapping[str, str] = {
    "workspace_id": "DUST_WORKSPACE_ID",
    "api_key": "DUST_API_KEY",
    "access_token": "DUST_ACCESS_TOKEN",
    "refresh_token": "DUST_REFRESH_TOKEN",
    "base_url": "DUST_BASE_URL",
    "region": "DUST_REGION",
    "timeout": "DUST_TIMEOUT",
    "total_timeout": "DUST_TOTAL_TIMEOUT",
    "max_retries": "DUST_MAX_RETRIES",
    "default_username": "DUST_USERNAME",
    "default_timezone": "DUST_TIMEZONE",
    "allow_insecure_http": "DUST_ALLOW_INSECURE_HTTP",
}


def _drop_replaced_credentials(values: dict[str, Any], *, given: Mapping[str, Any]) -> None:
    """A credential ``given`` in code replaces the other one in ``values``; an api_key, the refresh token too
    (it belonged to the access token)."""
    for name, other in (("api_key", "access_token"), ("access_token", "api_key")):
        if given.get(name) is not None and other not in given:
            values.pop(other, None)
    if given.get("api_key") is not None and "refresh_token" not in given:
        values.pop("refresh_token", None)


def _is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    # Only names the hosts file answers: "evil.localhost" goes to the resolver, which may send it anywhere
    # (RFC 6761 asks resolvers to keep *.localhost on loopback; many do not).
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def config_error(exc: ValidationError, sources: Mapping[str, str] | None = None) -> DustConfigError:
    """One :class:`DustConfigError` naming every problem of a failed validation (by environment variable
    when ``sources`` maps the field to one), never the values given."""
    problems = []
    for error in exc.errors(include_input=False, include_url=False, include_context=False):
        field = str(error["loc"][0]) if error["loc"] else ""
        source = (sources or {}).get(field, field)
        # With a custom __init__, pydantic's model_validate calls it: its DustConfigError comes back
        # wrapped as a value error, already worded.
        message = error["msg"].removeprefix("Value error, ").removeprefix(_CONFIG_ERROR_PREFIX)
        problems.append(f"{source}: {message}" if source else message)
    return DustConfigError(_CONFIG_ERROR_PREFIX + "; ".join(problems))


_CONFIG_ERROR_PREFIX = "Invalid Dust configuration: "
