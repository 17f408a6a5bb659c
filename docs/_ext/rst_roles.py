"""A griffe extension for the API reference: render the reST roles of dust_ext docstrings as code.

The docstrings cite names the Sphinx way (``:class:`~dust_ext.chat.ChatResponse```) so they read well in
``help()``; mkdocstrings renders Markdown, where the role would show as literal text. The cited name becomes
inline code (``~`` keeps only its last component, as in Sphinx).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(
    r":(?:py:)?(?:class|meth|func|attr|mod|obj|exc|data|const):`(?P<tilde>~?)(?P<target>[^`]+)`"
)


def _as_code(match: re.Match[str]) -> str:
    target = match["target"]
    if match["tilde"]:
        target = target.rsplit(".", 1)[-1]
    return f"`{target}`"


class RstRoles(griffe.Extension):
    """Rewrite ``:role:`target``` to ``target`` in every docstring griffe loads."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _ROLE.sub(_as_code, obj.docstring.value)
