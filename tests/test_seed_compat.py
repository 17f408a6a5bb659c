"""dust-client 0.1.1, the seed of this SDK: every public name it has works under ``dust_ext`` or is on the
migration page with its replacement, and the page names nothing the package does not have.

``tests/data/seed/dust_client_0.1.1_public_names.txt`` lists the package's names (made by
``scripts/seed_public_names.py`` from the wheel on PyPI; the package itself is not committed). A name
"works" when the same dotted path resolves with ``dust_client`` renamed ``dust_ext`` (the package's own
modules and names), or, for a member of a client or error class, when the object a program reaches it on
(``client.agents``, ``client.chat.session(...)``, an error) has it. The migration page's examples run in
``tests/test_docs.py``.
"""

from __future__ import annotations

import importlib
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import dust_ext
from dust_ext import DustAPIError, DustClient

ROOT = Path(__file__).resolve().parent.parent
NAMES_FILE = ROOT / "tests" / "data" / "seed" / "dust_client_0.1.1_public_names.txt"
MIGRATION_PAGE = ROOT / "docs" / "migration.md"

SEED_NAMES = [
    line.strip()
    for line in NAMES_FILE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.fixture(scope="module")
def client() -> Iterator[DustClient]:
    # No request is sent: the objects are only inspected.
    with DustClient(workspace_id="W", api_key="sk-seed-compat") as made:
        yield made


def _reached_on(client: DustClient) -> dict[str, Any]:
    """The object a 0.1.1 program holds for each of its client and error classes."""
    return {
        "dust_client.client.DustClient": client,
        "dust_client.agents.client.AgentsClient": client.agents,
        "dust_client.conversations.client.ConversationsClient": client.conversations,
        "dust_client.chat.client.ChatClient": client.chat,
        "dust_client.chat.client.ChatSession": client.chat.session("dust", username="u"),
        "dust_client.exceptions.DustAPIError": DustAPIError(400, "bad", error_type="invalid_request_error"),
    }


def _resolve_dotted(path: str) -> bool:
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            for part in parts[cut:]:
                if not hasattr(target, part):
                    return False
                target = getattr(target, part)
        return True
    return False


def works_in_dust_ext(name: str, reached: dict[str, Any]) -> bool:
    for seed_class, instance in reached.items():
        if name.startswith(f"{seed_class}."):
            return hasattr(instance, name.removeprefix(f"{seed_class}."))
    return _resolve_dotted("dust_ext" + name.removeprefix("dust_client"))


def replacement_rows() -> dict[str, str]:
    """First cell (a ``dust_client`` name) → second cell, for each row of the page's tables."""
    rows = {}
    for line in MIGRATION_PAGE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| `(dust_client[\w.]*)` \| (.+) \|$", line)
        if match:
            rows[match.group(1)] = match.group(2)
    return rows


def test_the_names_file_is_the_package_listing() -> None:
    assert len(SEED_NAMES) == len(set(SEED_NAMES)) > 100
    # Spot checks of what the issue found missing, and of what 0.1.1 did not have (delete_message).
    assert {
        "dust_client.ChatClient",
        "dust_client.client",
        "dust_client.utils",
        "dust_client.exceptions.map_status_to_error",
        "dust_client.config.DEFAULT_DUST_BASE_URL",
        "dust_client.conversations.client.ConversationsClient.cancel_messages",
        "dust_client.client.DustClient.request",
        "dust_client.exceptions.DustAPIError.details",
    } <= set(SEED_NAMES)
    assert not [
        name for name in SEED_NAMES if name.endswith(("delete_message", "get_message", "list_messages"))
    ]


def test_every_seed_name_works_or_is_on_the_migration_page(client: DustClient) -> None:
    reached = _reached_on(client)
    listed = replacement_rows()
    missing = [name for name in SEED_NAMES if not works_in_dust_ext(name, reached) and name not in listed]
    assert missing == [], "add these to docs/migration.md (Names to replace), or make them work"


def test_the_page_lists_only_real_seed_names_that_do_not_work(client: DustClient) -> None:
    reached = _reached_on(client)
    listed = replacement_rows()
    assert sorted(set(listed) - set(SEED_NAMES)) == []  # no invented names (0.1.1 had no delete_message)
    # A listed name that works under dust_ext belongs to the "moves by renaming" part instead.
    assert [name for name in listed if works_in_dust_ext(name, reached)] == []
    page = MIGRATION_PAGE.read_text(encoding="utf-8")
    for mentioned in set(re.findall(r"dust_client(?:\.\w+)+", page)):
        assert mentioned in SEED_NAMES, mentioned


def test_every_replacement_named_on_the_page_exists(client: DustClient) -> None:
    for seed_name, replacement in replacement_rows().items():
        for code in re.findall(r"`([^`]+)`", replacement):
            path = code.split("(")[0]
            if path.startswith("dust_ext"):
                assert _resolve_dotted(path), f"{seed_name}: {code}"
            elif path.startswith("client."):
                target: Any = client
                for part in path.split(".")[1:]:
                    assert hasattr(target, part), f"{seed_name}: {code}"
                    target = getattr(target, part)


def test_renamed_seed_names_keep_working_with_a_deprecation_warning(client: DustClient) -> None:
    from dust_ext import config, exceptions
    from dust_ext.resources.chat import Chat

    with pytest.warns(DeprecationWarning, match=r"resources\.chat\.Chat"):
        assert dust_ext.ChatClient is Chat
    with pytest.warns(DeprecationWarning, match="DEFAULT_BASE_URL"):
        assert config.DEFAULT_DUST_BASE_URL == "https://dust.tt"
    with pytest.warns(DeprecationWarning, match="error_class_for_status"):
        assert exceptions.map_status_to_error(404) is exceptions.DustNotFoundError
    assert isinstance(client.chat, Chat)


def test_the_seed_request_helper_on_the_emulator(fresh_dust_emulator: Any) -> None:
    server = fresh_dust_emulator
    with DustClient(
        workspace_id=server.workspace_id, api_key=server.api_key, base_url=server.base_url
    ) as client:
        path = f"/api/v1/w/{server.workspace_id}/assistant/agent_configurations"
        with pytest.warns(DeprecationWarning, match="workspace_request"):
            body = client.request("GET", path)
        assert "dust" in {agent["sId"] for agent in body["agentConfigurations"]}
        with pytest.warns(DeprecationWarning, match="dust-client"):
            response = client.request("get", path, parse_json=False)
        assert response.status_code == 200
        with (
            pytest.raises(dust_ext.DustNotFoundError) as caught,
            pytest.warns(DeprecationWarning, match="dust-client"),
        ):
            client.request("GET", f"/api/v1/w/{server.workspace_id}/assistant/conversations/nope")
    # What 0.1.1 put in details["error"] is details itself here.
    assert caught.value.details["type"] == caught.value.code == "conversation_not_found"
