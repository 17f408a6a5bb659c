"""DustConfig with an OAuth access token instead of an API key."""

from __future__ import annotations

import pytest

from dust_ext import DustClient, DustConfig, DustConfigError

TOKEN = "eyJhbGciOiJSUzI1NiJ9.payload-of-an-oauth-access-token.signature"


def test_access_token_is_the_bearer_token() -> None:
    config = DustConfig(workspace_id="W", access_token=TOKEN)
    assert config.api_key is None
    assert config.auth_headers() == {"Authorization": f"Bearer {TOKEN}"}
    assert config.bearer_token.get_secret_value() == TOKEN


def test_access_token_never_shows() -> None:
    config = DustConfig(workspace_id="W", access_token=TOKEN)
    client = DustClient(config)
    try:
        for text in (repr(config), str(config), config.model_dump_json(), repr(client)):
            assert TOKEN not in text
    finally:
        client.close()


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({}, "neither"),
        ({"api_key": "sk-1", "access_token": TOKEN}, "both"),
    ],
)
def test_exactly_one_credential(fields: dict[str, str], said: str) -> None:
    with pytest.raises(DustConfigError) as caught:
        DustConfig(workspace_id="W", **fields)
    message = str(caught.value)
    assert "api_key" in message
    assert "access_token" in message
    assert said in message
    assert TOKEN not in message


def test_empty_access_token_names_its_variable() -> None:
    with pytest.raises(DustConfigError, match="DUST_ACCESS_TOKEN"):
        DustConfig(workspace_id="W", access_token="  ")


def test_from_env_reads_dust_access_token() -> None:
    config = DustConfig.from_env(environ={"DUST_WORKSPACE_ID": "W", "DUST_ACCESS_TOKEN": TOKEN})
    assert config.auth_headers()["Authorization"] == f"Bearer {TOKEN}"


def test_from_env_without_any_credential_names_the_key_variable() -> None:
    with pytest.raises(DustConfigError, match="DUST_API_KEY"):
        DustConfig.from_env(environ={"DUST_WORKSPACE_ID": "W"})


def test_a_credential_given_in_code_replaces_the_environments_other_one() -> None:
    environ = {"DUST_WORKSPACE_ID": "W", "DUST_API_KEY": "sk-env"}
    config = DustConfig.from_env(environ=environ, access_token=TOKEN)
    assert config.api_key is None
    assert config.bearer_token.get_secret_value() == TOKEN


def test_switching_credentials_on_a_copy() -> None:
    config = DustConfig(workspace_id="W", api_key="sk-1")
    switched = config.model_copy(update={"access_token": TOKEN})
    assert switched.api_key is None
    assert switched.bearer_token.get_secret_value() == TOKEN
    client = DustClient(config, access_token=TOKEN)
    try:
        assert client.config.bearer_token.get_secret_value() == TOKEN
    finally:
        client.close()
