"""``client.workspace.usage``, inherited by the generated ``AsyncWorkspace`` (see openapi/sdk.yaml)."""

from __future__ import annotations

from typing import Any, get_args

from dust_ext._core.call import one_call
from dust_ext._core.params import one_of
from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._async import AsyncResource
from dust_ext.resources.workspace.calls import (
    DateLike,
    UsageFormat,
    UsageMode,
    UsageTable,
    date_text,
    usage_body,
)


class AsyncWorkspaceBehaviour(AsyncResource):
    """``client.workspace``'s methods with argument or result logic of their own."""

    @one_call
    async def usage(
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
        answer: str | bytes | dict[str, Any] = await self._request(
            "GET",
            "/api/v1/w/{workspace_id}/workspace-usage",
            path={"workspace_id": self._workspace_id},
            parse=usage_body,
            params={
                "start": date_text(start, mode),
                "end": None if end is None else date_text(end, mode),
                "mode": one_of("workspace.usage", "mode", mode, get_args(UsageMode)),
                "format": one_of("workspace.usage", "format", format, get_args(UsageFormat)),
                "table": one_of("workspace.usage", "table", table, get_args(UsageTable)),
                "includeInactive": include_inactive,
            },
            options=options,
        )
        return answer
