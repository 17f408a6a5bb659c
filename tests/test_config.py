"""DustConfig: construction, region/base_url resolution, env loading and keeping the key secret."""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr, ValidationError

from dust_ext._version import __version__
from dust_ext.config import DustConfig, default_user_agent, system_timezone
from dust_ext.exceptions import DustConfigError, DustError

KEY = "sk-test-0123456789abcdef"


def make(**kwargs: object) -> DustConfig:
    return DustConfig(**{"workspace_id": "W1", "api_key": KEY, **kwargs})


def test_defaults() -> None:
    config = make(default_timezone="Europe/Paris")
    assert config.base_url == "https://dust.tt"
    assert config.timeout == 60.0
    assert config.max_retries == 2
    assert config.default_username == "dust-python"
    assert config.default_headers == {}
    assert config.api_base == "https://dust.tt/api/v1/w/W1"
    assert config.user_agent.startswith(f"dust-python/{__version__} httpx/")
    assert " python/3." in config.user_agent


def test_plain_string_key_becomes_secret_and_feeds_the_auth_header() -> None:
    config = make()
    assert isinstance(config.api_key, SecretStr)
    assert config.auth_headers() == {"Authorization": f"Bearer {KEY}"}


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"region": "eu"}, "https://eu.dust.tt"),
        ({"region": "EU"}, "https://eu.dust.tt"),
        ({"region": "us"}, "https://dust.tt"),
        ({"region": None}, "https://dust.tt"),
        ({"base_url": None}, "https://dust.tt"),
        ({"region": "eu", "base_url": "http://127.0.0.1:8000/"}, "http://127.0.0.1:8000"),
        ({"base_url": "https://eu.dust.tt///"}, "https://eu.dust.tt"),
        ({"base_url": " https://dust.example.com:8443/ "}, "https://dust.example.com:8443"),
        ({"base_url": "HTTPS://Dust.TT"}, "https://dust.tt"),
    ],
)
def test_base_url_resolution(kwargs: dict[str, object], expected: str) -> None:
    config = make(**kwargs)
    assert config.base_url == expected
    assert config.api_base == f"{expected}/api/v1/w/W1"


@pytest.mark.parametrize("bad", ["dust.tt", "ftp://dust.tt", "https://user:pw@dust.tt", ""])
def test_base_url_must_be_an_http_url_without_credentials(bad: str) -> None:
    with pytest.raises(DustConfigError):
        make(base_url=bad)


def test_unknown_region_is_rejected() -> None:
    with pytest.raises(DustConfigError):
        make(region="asia")


@pytest.mark.parametrize(
    "bad",
    [{"workspace_id": ""}, {"timeout": 0}, {"max_retries": -1}, {"unexpected": 1}, {"default_username": ""}],
)
def test_invalid_values_are_rejected(bad: dict[str, object]) -> None:
    with pytest.raises(DustConfigError) as info:
        make(**bad)
    assert isinstance(info.value, ValueError)  # code catching pydantic's ValueError still catches it


def test_config_is_frozen() -> None:
    config = make()
    with pytest.raises(ValidationError):
        config.workspace_id = "other"  # type: ignore[misc]


def test_key_never_appears_in_repr_str_or_dumps() -> None:
    config = make()
    for rendering in (repr(config), str(config), config.model_dump_json(), str(config.model_dump())):
        assert KEY not in rendering
    assert "**********" in repr(config)


def test_validation_errors_do_not_echo_the_key() -> None:
    with pytest.raises(DustConfigError) as info:
        make(default_headers={"Authorization": f"Bearer {KEY}"})
    assert KEY not in str(info.value)
    assert "Authorization" in str(info.value)


@pytest.mark.parametrize("name", ["Authorization", "cookie", "Proxy-Authorization"])
def test_default_headers_cannot_carry_credentials(name: str) -> None:
    with pytest.raises(DustConfigError):
        make(default_headers={name: "x"})


def test_httpx_timeout_splits_connect() -> None:
    timeout = make(timeout=30, connect_timeout=5).httpx_timeout()
    assert timeout.connect == 5
    assert timeout.read == 30
    assert make(timeout=2, connect_timeout=5).httpx_timeout().connect == 2


def test_config_pickles_without_losing_the_key() -> None:
    config = make()
    assert pickle.loads(pickle.dumps(config)).auth_headers() == config.auth_headers()


class TestFromEnv:
    def test_reads_every_variable(self) -> None:
        env = {
            "DUST_WORKSPACE_ID": "W9",
            "DUST_API_KEY": KEY,
            "DUST_REGION": "eu",
            "DUST_TIMEOUT": "12.5",
            "DUST_MAX_RETRIES": "5",
            "DUST_USERNAME": "ci-bot",
            "DUST_TIMEZONE": "Europe/Paris",
        }
        config = DustConfig.from_env(environ=env)
        assert config.workspace_id == "W9"
        assert config.api_key.get_secret_value() == KEY
        assert config.base_url == "https://eu.dust.tt"
        assert config.timeout == 12.5
        assert config.max_retries == 5
        assert config.default_username == "ci-bot"
        assert config.default_timezone == "Europe/Paris"

    def test_base_url_variable_wins_over_region(self) -> None:
        env = {
            "DUST_WORKSPACE_ID": "W",
            "DUST_API_KEY": KEY,
            "DUST_REGION": "eu",
            "DUST_BASE_URL": "http://localhost:1/",
        }
        assert DustConfig.from_env(environ=env).base_url == "http://localhost:1"

    def test_reads_os_environ_by_default(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("DUST_WORKSPACE_ID", "Wenv")
        monkeypatch.setenv("DUST_API_KEY", KEY)
        monkeypatch.delenv("DUST_BASE_URL", raising=False)
        monkeypatch.delenv("DUST_REGION", raising=False)
        assert DustConfig.from_env().workspace_id == "Wenv"

    def test_overrides_win(self) -> None:
        env = {"DUST_WORKSPACE_ID": "W", "DUST_API_KEY": KEY, "DUST_REGION": "eu"}
        config = DustConfig.from_env(environ=env, workspace_id="W2", region="us", max_retries=0)
        assert (config.workspace_id, config.base_url, config.max_retries) == ("W2", "https://dust.tt", 0)

    def test_overrides_can_supply_missing_values(self) -> None:
        assert DustConfig.from_env(environ={}, workspace_id="W", api_key=KEY).workspace_id == "W"

    @pytest.mark.parametrize(
        ("env", "missing", "present"),
        [
            ({}, ["DUST_WORKSPACE_ID", "DUST_API_KEY"], []),
            ({"DUST_API_KEY": KEY}, ["DUST_WORKSPACE_ID"], ["DUST_API_KEY"]),
            ({"DUST_WORKSPACE_ID": "W", "DUST_API_KEY": "  "}, ["DUST_API_KEY"], ["DUST_WORKSPACE_ID"]),
        ],
    )
    def test_missing_variables_are_named(
        self, env: dict[str, str], missing: list[str], present: list[str]
    ) -> None:
        with pytest.raises(DustConfigError) as info:
            DustConfig.from_env(environ=env)
        message = str(info.value)
        for name in missing:
            assert name in message
        for name in present:
            assert name not in message
        assert KEY not in message
        assert isinstance(info.value, DustError)

    def test_invalid_variable_is_named_without_echoing_values(self) -> None:
        env = {"DUST_WORKSPACE_ID": "W", "DUST_API_KEY": KEY, "DUST_TIMEOUT": "soon", "DUST_REGION": "mars"}
        with pytest.raises(DustConfigError) as info:
            DustConfig.from_env(environ=env)
        assert "DUST_TIMEOUT" in str(info.value)
        assert "DUST_REGION" in str(info.value)
        assert KEY not in str(info.value)


def test_default_user_agent_names_the_sdk() -> None:
    assert default_user_agent().split(" ")[0] == f"dust-python/{__version__}"


class TestSystemTimezone:
    def test_tz_variable(self, tmp_path: Path) -> None:
        assert system_timezone({"TZ": "America/New_York"}, localtime=tmp_path / "none") == "America/New_York"
        assert system_timezone({"TZ": ":Asia/Tokyo"}, localtime=tmp_path / "none") == "Asia/Tokyo"

    def test_localtime_symlink(self, tmp_path: Path) -> None:
        zone_dir = tmp_path / "usr/share/zoneinfo/Europe"
        zone_dir.mkdir(parents=True)
        (zone_dir / "Paris").write_bytes(b"TZif")
        link = tmp_path / "localtime"
        link.symlink_to(zone_dir / "Paris")
        assert system_timezone({"TZ": "Not/AZone"}, localtime=link) == "Europe/Paris"

    def test_etc_utc_link_reads_as_utc(self, tmp_path: Path) -> None:
        target = tmp_path / "zoneinfo/Etc/UTC"
        target.parent.mkdir(parents=True)
        target.write_bytes(b"TZif")
        link = tmp_path / "localtime"
        link.symlink_to(target)
        assert system_timezone({}, localtime=link) == "UTC"

    def test_etc_timezone_file(self, tmp_path: Path) -> None:
        (tmp_path / "timezone").write_text("Australia/Sydney\n")
        assert system_timezone({}, localtime=tmp_path / "localtime") == "Australia/Sydney"

    def test_falls_back_to_utc(self, tmp_path: Path) -> None:
        (tmp_path / "timezone").write_text("garbage zone\n")
        assert system_timezone({"TZ": "EST5EDT,M3.2.0,M11.1.0"}, localtime=tmp_path / "localtime") == "UTC"


# --- every configuration mistake is a DustConfigError that says what to write ---------------------------

CONSTRUCTORS = {
    "init": lambda **values: DustConfig(**values),
    "model_validate": lambda **values: DustConfig.model_validate(values),
    "model_validate_json": lambda **values: DustConfig.model_validate_json(json.dumps(values)),
    "from_env": lambda **values: DustConfig.from_env(environ={}, **values),
    "model_copy": lambda **values: make().model_copy(update=values),
}


@pytest.fixture(params=sorted(CONSTRUCTORS))
def build(request: pytest.FixtureRequest) -> Callable[..., DustConfig]:
    constructor = CONSTRUCTORS[request.param]

    def call(**values: Any) -> DustConfig:
        return constructor(**{"workspace_id": "W1", "api_key": KEY, **values})

    return call


@pytest.mark.parametrize("padded", [f"{KEY}\n", f"  {KEY}\t", f"\r\n{KEY}\r\n"])
def test_surrounding_whitespace_is_stripped_from_the_key(
    build: Callable[..., DustConfig], padded: str
) -> None:
    assert build(api_key=padded).auth_headers() == {"Authorization": f"Bearer {KEY}"}
    assert make(api_key=SecretStr(padded)).api_key.get_secret_value() == KEY


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        "\n",
        "sk-é-secretvalue",
        "sk secret value",
        "sk-\x00-secret",
        "sk-secret\nvalue",
        "sk-\u200bsecret",
    ],
)
def test_unusable_keys_are_refused_without_being_echoed(build: Callable[..., DustConfig], bad: str) -> None:
    with pytest.raises(DustConfigError, match=r"(?i)api_key") as info:
        build(api_key=bad)
    rendered = str(info.value) + repr(info.value)
    if bad.strip():
        assert bad.strip() not in rendered
        assert "secret" not in rendered


@pytest.mark.parametrize(
    ("base_url", "suggestion"),
    [
        ("127.0.0.1:8791", "http://127.0.0.1:8791"),
        ("localhost:3000", "http://localhost:3000"),
        ("dust.tt", "https://dust.tt"),
        ("eu.dust.tt/", "https://eu.dust.tt"),
        ("https://dust.tt/api/v1", "https://dust.tt"),
        ("https://dust.tt/api/v1/w/W1", "https://dust.tt"),
        ("https://dust.tt?region=eu", "https://dust.tt"),
        ("https://dust.tt/#top", "https://dust.tt"),
        ("ftp://dust.tt", "https://dust.tt"),
        ("https://user:pw@dust.tt", "https://dust.tt"),
        ("http://dust.example.com", "https://dust.example.com"),
    ],
)
def test_a_wrong_base_url_says_what_to_write(
    build: Callable[..., DustConfig], base_url: str, suggestion: str
) -> None:
    with pytest.raises(DustConfigError) as info:
        build(base_url=base_url)
    assert f"'{suggestion}'" in str(info.value)
    assert "pw" not in str(info.value)


@pytest.mark.parametrize(
    "base_url",
    [
        "http://127.0.0.1:8787",
        "http://localhost:1",
        "http://[::1]:8080",
        "http://127.1.2.3",
    ],
)
def test_http_is_fine_on_this_machine(build: Callable[..., DustConfig], base_url: str) -> None:
    assert build(base_url=base_url).base_url == base_url


@pytest.mark.parametrize(
    "base_url", ["http://evil.localhost", "http://app.localhost:8080", "http://localhost.evil.com"]
)
def test_a_name_under_localhost_is_not_this_machine(base_url: str) -> None:
    # the resolver, not the hosts file, answers for *.localhost: it may send the key in clear anywhere
    with pytest.raises(DustConfigError, match="allow_insecure_http"):
        make(base_url=base_url)


def test_http_elsewhere_needs_an_explicit_opt_in() -> None:
    with pytest.raises(DustConfigError, match="allow_insecure_http"):
        make(base_url="http://dust.internal:8080")
    assert (
        make(base_url="http://dust.internal:8080", allow_insecure_http=True).base_url
        == "http://dust.internal:8080"
    )


@pytest.mark.parametrize("workspace_id", ["W/../../x", "W?y=1", "W#f", "..", ".", "W x", "W%2e", "", "  "])
def test_a_workspace_id_must_be_one_clean_segment(
    build: Callable[..., DustConfig], workspace_id: str
) -> None:
    with pytest.raises(DustConfigError, match=r"(?i)workspace_id"):
        build(workspace_id=workspace_id)


def test_workspace_id_whitespace_is_stripped() -> None:
    assert make(workspace_id=" W1\n").api_base == "https://dust.tt/api/v1/w/W1"


def test_new_limits_have_sane_defaults_and_are_validated() -> None:
    config = make()
    assert config.total_timeout == 300.0
    assert config.timeout == 60.0
    assert config.max_response_bytes == 256 * 1024 * 1024
    assert config.max_error_body_bytes == 1024 * 1024
    assert (config.max_connections, config.max_keepalive_connections) == (100, 20)
    assert make(total_timeout=None).total_timeout is None
    for bad in ({"total_timeout": 0}, {"max_response_bytes": 0}, {"max_connections": 0}):
        with pytest.raises(DustConfigError):
            make(**bad)


def test_model_copy_without_update_is_a_plain_copy() -> None:
    config = make(region="eu")
    assert config.model_copy() == config
    assert config.model_copy(update={"timeout": 5}).base_url == "https://eu.dust.tt"
    assert config.model_copy(update={"region": "us"}).base_url == "https://dust.tt"
