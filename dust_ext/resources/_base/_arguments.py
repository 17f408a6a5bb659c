"""One argument list for two methods: ``client.chat.send`` takes exactly what ``client.chat.stream`` takes.

The method that forwards its arguments is written ``(self, *args, **kwargs)`` under
``@same_arguments_as(source)``: type checkers see ``source``'s parameters (a ``ParamSpec``),
``inspect.signature`` and ``help()`` show them, and the API reference shows them too (the griffe extension
``docs/_ext/same_arguments.py``). The two lists cannot drift apart.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def same_arguments_as(
    source: Callable[Concatenate[Any, P], Any],
) -> Callable[[Callable[..., R]], Callable[Concatenate[Any, P], R]]:
    """Give the decorated method ``source``'s parameters (its own return type stays)."""

    def decorate(method: Callable[..., R]) -> Callable[Concatenate[Any, P], R]:
        returns = inspect.signature(method).return_annotation
        method.__dict__["__signature__"] = inspect.signature(source).replace(return_annotation=returns)
        return method

    return decorate
