"""``@same_arguments_as``: ``chat.send`` takes exactly ``chat.stream``'s arguments, wherever its signature is
read (inspect and help, the raw views, the API reference's griffe extension)."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import griffe
import pytest

from dust_ext import AsyncDustClient, DustClient, DustConfig
from dust_ext.resources._base._arguments import same_arguments_as
from dust_ext.resources.chat import AsyncChat, Chat

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ROOT / "docs" / "_ext" / "same_arguments.py"
CONFIG = DustConfig(workspace_id="w", api_key="sk-signature")


def parameters(function: Any) -> list[tuple[str, Any, Any, Any]]:
    return [
        (p.name, p.kind, p.default, p.annotation) for p in inspect.signature(function).parameters.values()
    ]


@pytest.mark.parametrize("chat", [Chat, AsyncChat])
def test_send_has_the_parameters_of_stream_and_its_own_return_type(chat: Any) -> None:
    assert parameters(chat.send) == parameters(chat.stream)
    assert [name for name, *_ in parameters(chat.send)][:3] == ["self", "agent", "text"]
    assert inspect.signature(chat.send).return_annotation == "ChatResponse"


def test_bound_methods_and_raw_views_show_the_arguments_without_self() -> None:
    for client in (DustClient(CONFIG), AsyncDustClient(CONFIG)):
        expected = parameters(client.chat.stream)
        assert expected[0][0] == "agent"
        assert parameters(client.chat.send) == expected
        assert parameters(client.chat.with_raw_response.send) == expected


def test_a_decorated_function_keeps_its_docstring_and_return_annotation() -> None:
    def source(self: object, first: int, *, flag: bool = False) -> str:
        return ""

    @same_arguments_as(source)
    def forwarded(self: object, *args: Any, **kwargs: Any) -> int:
        """Forwarded."""
        return 1

    signature = inspect.signature(forwarded)
    assert list(signature.parameters) == ["self", "first", "flag"]
    assert signature.return_annotation == "int"
    assert forwarded.__doc__ == "Forwarded."


def test_the_reference_shows_the_parameters_of_the_source() -> None:
    extensions = griffe.load_extensions(f"{EXTENSION}:SameArguments")
    package = griffe.load("dust_ext", extensions=extensions, search_paths=[str(ROOT)])
    for module, cls in (("_behaviour_async", "AsyncChatBehaviour"), ("_behaviour_sync", "ChatBehaviour")):
        members = package[f"resources.chat.{module}.{cls}"].members
        send, stream = members["send"], members["stream"]
        assert [p.name for p in send.parameters] == [p.name for p in stream.parameters]
        assert "skip_tools_validation" in [p.name for p in send.parameters]
