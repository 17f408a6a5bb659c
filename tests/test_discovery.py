"""What a new user finds by looking: ``dir(dust_ext)`` lists the lazy exports before their first use,
``help(DustClient)`` says what each resource is, and the types ``chat.stream()``/``chat.session()`` return
import from ``dust_ext``."""

from __future__ import annotations

import inspect
import pydoc
import subprocess
import sys
from typing import Any

import pytest
from sdk_support import emulator_config

import dust_ext
from dust_ext import AsyncDustClient, DustClient
from dust_ext._client import LazyResource
from dust_ext.testing import EmulatorServer


def test_dir_lists_every_public_name_before_any_is_used() -> None:
    # A fresh interpreter: nothing lazy has loaded yet, and listing the names loads nothing either.
    script = (
        "import sys, dust_ext\n"
        "names = dir(dust_ext)\n"
        "missing = sorted(set(dust_ext.__all__) - set(names))\n"
        "print(missing, 'httpx' in sys.modules, 'DustClient' in vars(dust_ext))\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "[] False False"


def test_dir_keeps_the_module_attributes() -> None:
    names = dir(dust_ext)
    assert names == sorted(names)
    assert {"__version__", "__all__", "DustError", "DustClient", "AsyncDustClient", "DustConfig"} <= set(
        names
    )


def _resources(client_class: type) -> dict[str, LazyResource[Any]]:
    return {name: value for name, value in vars(client_class).items() if isinstance(value, LazyResource)}


@pytest.mark.parametrize("client_class", [DustClient, AsyncDustClient])
def test_help_says_what_each_resource_is(client_class: type) -> None:
    text = pydoc.render_doc(client_class, renderer=pydoc.plaintext)
    assert "LazyResource object" not in text
    resources = _resources(client_class)
    assert len(resources) >= 15
    for name, descriptor in resources.items():
        resource_class = descriptor.resource_class()
        assert resource_class.__name__.startswith("Async") == (client_class is AsyncDustClient)
        first_line = (inspect.getdoc(resource_class) or "").splitlines()[0]
        assert first_line, f"{resource_class.__name__} has no docstring"
        assert f"{name} = <{resource_class.__name__} resource, loaded on first use>" in text
        assert f"{resource_class.__name__} ({resource_class.__module__.rsplit('.', 1)[0]}" in text
        assert first_line in text


def test_the_chat_types_import_from_the_package(fresh_dust_emulator: EmulatorServer) -> None:
    from dust_ext import AsyncChatSession, AsyncChatStream, ChatSession, ChatStream
    from dust_ext.resources import chat

    assert (ChatStream, AsyncChatStream, ChatSession, AsyncChatSession) == (
        chat.ChatStream,
        chat.AsyncChatStream,
        chat.ChatSession,
        chat.AsyncChatSession,
    )
    with DustClient(emulator_config(fresh_dust_emulator)) as client:
        with client.chat.stream(agent="echo", text="hi") as stream:
            assert isinstance(stream, ChatStream)
            assert stream.until_done().text == "hi"
        assert isinstance(client.chat.session(agent="echo"), ChatSession)
