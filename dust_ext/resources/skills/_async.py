"""``client.skills``: the custom skills of the workspace (``_sync.py`` is generated from this file).

A *skill* is a reusable set of instructions (and tools) that agents can load. ``skills.list`` reads the
workspace's custom skills (Dust's ``GET /skills``); ``skills.archive`` soft-archives one. Unpublished skills
(availability ``"editors"``) are only listed with ``bypass_editor_visibility=True``, which Dust allows for
admin keys only.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from dust_ext._core.request import RequestOptions
from dust_ext.resources._base._async import (
    AsyncResource,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
)
from dust_ext.resources.skills.calls import SkillList, archive_call, list_call


class AsyncSkills(AsyncResource):
    """Custom skills: ``client.skills``."""

    async def list(
        self,
        *,
        status: str | None = None,
        availability: Sequence[str] | None = None,
        bypass_editor_visibility: bool | None = None,
        options: RequestOptions | None = None,
    ) -> SkillList:
        """The custom skills: active ones unless ``status`` (``"archived"``, ``"suggested"``) says
        otherwise; ``availability`` keeps only those values."""
        call = list_call(self._workspace_id, status, availability, bypass_editor_visibility)
        return await self._run(call.with_options(options))

    async def archive(self, skill_id: str, *, options: RequestOptions | None = None) -> bool:
        """Archive the skill ``skill_id`` (its sId); True when Dust confirms."""
        return await self._run(archive_call(self._workspace_id, skill_id).with_options(options))

    @cached_property
    def with_raw_response(self) -> AsyncSkillsWithRawResponse:
        """Each method, returning a :class:`~dust_ext.RawResponse` (status, headers, request id, ``parse()``)."""
        return AsyncSkillsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncSkillsWithStreamingResponse:
        """Each method as a context manager giving its :class:`~dust_ext.RawResponse`."""
        return AsyncSkillsWithStreamingResponse(self)


class AsyncSkillsWithRawResponse:
    """``client.skills.with_raw_response``."""

    def __init__(self, skills: AsyncSkills) -> None:
        self.list = async_to_raw_response_wrapper(skills.list)
        self.archive = async_to_raw_response_wrapper(skills.archive)


class AsyncSkillsWithStreamingResponse:
    """``client.skills.with_streaming_response``."""

    def __init__(self, skills: AsyncSkills) -> None:
        self.list = async_to_streamed_response_wrapper(skills.list)
        self.archive = async_to_streamed_response_wrapper(skills.archive)
