"""A griffe extension for the API reference: a method under ``@same_arguments_as(other)`` shows ``other``'s
parameters, as ``inspect.signature`` and type checkers do (see ``dust_ext/resources/_base/_arguments.py``);
read statically, it would show ``(*args, **kwargs)``."""

from __future__ import annotations

import re
from typing import Any

import griffe

_DECORATOR = re.compile(r"(?:\w+\.)*same_arguments_as\((?P<source>\w+)\)")


class SameArguments(griffe.Extension):
    """Copy the parameters of the method named in ``@same_arguments_as(...)`` onto the decorated one."""

    def on_class_members(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        for member in cls.members.values():
            if not isinstance(member, griffe.Function):
                continue
            for decorator in member.decorators:
                match = _DECORATOR.fullmatch(str(decorator.value))
                source = cls.members.get(match["source"]) if match else None
                if isinstance(source, griffe.Function):
                    member.parameters = source.parameters
