# Generated from _behaviour_async.py by scripts/generate_sync.py: do not edit (make unasync rewrites it).
"""The hand-written methods of ``client.workspace`` (``_behaviour_sync.py`` is generated from this file);
the generated ``AsyncWorkspace`` (``_async.py``) inherits them. Each is listed in openapi/sdk.yaml with the
reason it is not generated."""

from __future__ import annotations

from typing import Any

from dust_ext._core.call import one_call
from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._sync import Resource
from dust_ext.resources.workspace.calls import (
    DateLike,
    UsageFormat,
    UsageMode,
    UsageTable,
    usage_call,
)


class WorkspaceBehaviour(Resource):
    """``client.workspace``'s methods with argument or result logic of their own."""

    @one_call
    def usage(
        self,
        start: DateLike,
        *,
        end: DateLike | None = None,
        mode: UsageMode = "month",
        table: UsageTable = "all",
        format: UsageFormat | None = None,
        include_inactive: bool | None = None,
        options: RequestOptions | None = None,
    ) -> str | bytes | dict[str, Any]:
        """Usage data from ``start`` (``YYYY-MM`` in month mode; ``YYYY-MM-DD`` with ``end`` in range mode;
        a ``date`` works for both): CSV text, a ZIP's bytes (CSV of ``table="all"``) or parsed JSON."""
        call = usage_call(self._workspace_id, start, end, mode, table, format, include_inactive)
        return self._run(call.with_options(options))
