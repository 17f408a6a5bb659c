"""The asyncio driver of a batch run: admits rows under the adaptive limit and runs each one in steps,
writing the journal line of every step that cannot be repeated before taking it (see :mod:`._journal`):
create the conversation, post the user message unless the conversation has it, then follow the agent's
reply to its end, or take it finished from the conversation, or run a failed one again.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import contextvars
import logging
import threading
import time
from collections import Counter, deque
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from contextlib import aclosing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from dust_ext._core.retry import RetryPolicy
from dust_ext._http import RequestOptions
from dust_ext._streaming.session import StreamSession
from dust_ext.batch._journal import BatchJournal, OutputFile, OutputFormat, TaskJournal, journal_path_for
from dust_ext.batch._pacing import AdaptiveConcurrency, RequestPacer
from dust_ext.batch._plan import BatchTask, PromptSpec, Shard, plan_tasks, read_rows
from dust_ext.batch.models import BatchProgress, BatchRecord, BatchSummary
from dust_ext.chat import ReplyAccumulator
from dust_ext.exceptions import (
    DustAgentError,
    DustAPIError,
    DustBatchError,
    DustConfigError,
    DustConnectionError,
    DustError,
    DustNotSupportedError,
    DustQuotaExceededError,
    DustRateLimitError,
    DustUnauthorizedError,
    is_quota_exceeded,
)
from dust_ext.resources.tools import is_blocked_tool_event
from dust_ext.types.actions import AgentAction
from dust_ext.types.conversations import AgentMessage, Conversation, UserMessage

if TYPE_CHECKING:
    from dust_ext._client import AsyncDustClient, DustClient

__all__ = ["BatchJob", "Failure", "async_run_batch", "classify_failure", "run_batch", "run_blocking"]

logger = logging.getLogger("dust_ext")

T = TypeVar("T")

# The runner decides about every failure itself (its retries recover from the journal and the
# conversation), so the SDK must not retry behind its back: a hidden 429 retry would blind the limiter.
_NO_SDK_RETRY = RequestOptions(max_retries=0)
_BACKOFF = RetryPolicy(initial_backoff=1.0, max_backoff=30.0)
_RATE_LIMIT_PATIENCE = 900.0
"""Seconds of nothing but 429s after which the next one stops the run instead of being waited out."""

Failure = Literal["rate_limited", "transient", "permanent", "fatal"]
"""What a failed try means: wait for the server and go on; try the row again; fail the row; stop the run."""

ProgressCallback = Callable[[BatchProgress], Any]


def classify_failure(error: DustError) -> Failure:
    """Decide what a failure means for the row and the run: fatal when every other row would fail the same
    way (the run stops and can resume later), permanent when Dust refuses the request as invalid or the
    batch cannot run the row, else transient."""
    if isinstance(error, DustRateLimitError):
        quota = isinstance(error, DustQuotaExceededError) or is_quota_exceeded(
            error.error_type, error.message
        )
        return "fatal" if quota else "rate_limited"
    if isinstance(error, DustUnauthorizedError | DustNotSupportedError | DustConfigError):
        return "fatal"
    if isinstance(error, DustBatchError):
        return "permanent"
    if isinstance(error, DustAPIError):
        return "transient" if error.status_code >= 500 or error.status_code in {408, 409} else "permanent"
    return "transient"


@dataclass(frozen=True)
class BatchJob:
    """Everything ``client.batch.run`` was asked to do (see :meth:`dust_ext.resources.batch.Batch.run`)."""

    source: str | Path | Any
    agents: tuple[str, ...]
    output: Path
    prompt: str | None = None
    prompt_column: str | None = None
    key_column: str | None = None
    attach_column: str | None = None
    attach_title: str | None = None
    concurrency: int = 8
    requests_per_minute: float | None = None
    shard: Shard | None = None
    retry_failed: bool = False
    max_attempts: int = 3
    approve_tools: bool = False
    output_format: OutputFormat | None = None
    on_progress: ProgressCallback | None = field(default=None, compare=False)

    @classmethod
    def build(
        cls,
        source: Any,
        agents: str | list[str] | tuple[str, ...],
        output: str | Path,
        shard: str | tuple[int, int] | Shard | None = None,
        **options: Any,
    ) -> BatchJob:
        """Normalise the user's arguments (one agent or several, ``"i/n"`` shards, paths)."""
        agent_list = (agents,) if isinstance(agents, str) else tuple(agents)
        job = cls(source, agent_list, Path(output), shard=Shard.parse(shard), **options)
        if job.concurrency < 1:
            raise DustBatchError("concurrency must be at least 1")
        if job.max_attempts < 1:
            raise DustBatchError("max_attempts must be at least 1")
        if job.requests_per_minute is not None and job.requests_per_minute <= 0:
            raise DustBatchError("requests_per_minute must be positive")
        return job


@dataclass
class _TaskRun:
    """A task as this run works on it: its journal state, its current try and when its reply began."""

    task: BatchTask
    state: TaskJournal
    attempt: int
    resumed: bool
    """An earlier run had started the task."""
    started: float = field(default_factory=time.monotonic)
    posted: float | None = None
    first_token: float | None = None

    @property
    def conversation_id(self) -> str:
        """The task's conversation, which the journal holds once the try is past creating it."""
        assert self.state.conversation_id is not None
        return self.state.conversation_id

    def post_sent(self) -> None:
        """A message was posted or run again: its first token is still to come (an earlier try's is
        not this reply's, and measured from the new post it would be negative)."""
        self.posted = time.monotonic()
        self.first_token = None


class BatchRunner:
    """One run of a planned batch against one async client."""

    def __init__(
        self, client: AsyncDustClient, job: BatchJob, tasks: list[BatchTask], journal: BatchJournal
    ) -> None:
        self.client = client
        self.job = job
        self.tasks = tasks
        self.journal = journal
        self.output = OutputFile(job.output, job.output_format)
        self.limit = AdaptiveConcurrency(job.concurrency)
        self.pacer = RequestPacer(job.requests_per_minute) if job.requests_per_minute else None
        self._changed = asyncio.Condition()
        self._in_flight = 0
        self._started_at = time.monotonic()
        self._last_success = self._started_at
        self._listing_supported = True
        # Records by status ("ok", "failed"), and "skipped": tasks an earlier run finished, not run again.
        self._counts: Counter[str] = Counter()

    # --- the run ------------------------------------------------------------------------------------

    async def run(self) -> BatchSummary:
        pending: list[BatchTask] = []
        for task in self.tasks:
            record = self.journal.state.task(task.id).record
            if record is None or (not record.ok and self.job.retry_failed):
                pending.append(task)
            else:
                self._counts["skipped"] += 1
                self._counts[record.status] += 1
        redo = {task.id for task in pending}
        self.output.rewrite(r for r in self.journal.state.records() if (r.key, r.agent) not in redo)
        self._report()
        queue = deque(pending)
        try:
            async with asyncio.TaskGroup() as group:
                for _ in range(min(self.job.concurrency, len(queue))):
                    group.create_task(self._worker(queue))
        except BaseExceptionGroup as group_error:
            # A fatal failure in one worker cancels the others; surface the first real error.
            first = group_error.exceptions[0]
            while isinstance(first, BaseExceptionGroup):
                first = first.exceptions[0]
            raise first from None
        finally:
            self.output.close()
        return BatchSummary(
            total=len(self.tasks),
            ok=self._counts["ok"],
            failed=self._counts["failed"],
            skipped=self._counts["skipped"],
            output=str(self.job.output),
            journal=str(self.journal.path),
            elapsed=time.monotonic() - self._started_at,
            rate_limited=self.limit.rate_limited,
        )

    async def _worker(self, queue: deque[BatchTask]) -> None:
        while queue:
            async with self._changed:
                await self._changed.wait_for(lambda: self._in_flight < self.limit.allowed)
                self._in_flight += 1
            try:
                if not queue:
                    return
                task = queue.popleft()
                record = await self._complete(task)
            finally:
                async with self._changed:
                    self._in_flight -= 1
                    self._changed.notify_all()
            self.journal.finished(record)
            self.output.append(record)
            self._counts[record.status] += 1
            self._report()

    def _report(self) -> None:
        if self.job.on_progress is None:
            return
        counts = self._counts
        elapsed = time.monotonic() - self._started_at
        done = counts["ok"] + counts["failed"]
        rate = (done - counts["skipped"]) / elapsed if elapsed > 0 else 0.0  # this run's records per second
        self.job.on_progress(
            BatchProgress(
                total=len(self.tasks),
                done=done,
                ok=counts["ok"],
                failed=counts["failed"],
                resumed_done=counts["skipped"],
                in_flight=self._in_flight,
                concurrency=self.limit.allowed,
                rate_limited=self.limit.rate_limited,
                elapsed=elapsed,
                rate=rate,
                eta=(len(self.tasks) - done) / rate if rate > 0 else None,
            )
        )

    # --- pacing -------------------------------------------------------------------------------------

    async def _before_call(self) -> int:
        """Wait until a call may be sent (server pause, requests-per-minute cap); return its epoch."""
        # Another 429 may extend the pause while this call sleeps: check again after each wait.
        while (wait := self.limit.wait_before_call(time.monotonic())) > 0:  # noqa: ASYNC110
            await asyncio.sleep(wait)
        if self.pacer is not None:
            await asyncio.sleep(self.pacer.reserve(time.monotonic()))
        return self.limit.epoch

    def _pause(self, error: DustRateLimitError, epoch: int) -> None:
        """A 429 answered a call sent in ``epoch`` (or an event stream's (re)connection): slow down, and
        pause every row's next call (:meth:`_before_call` waits it out)."""
        wait = self.limit.rate_limited_at(time.monotonic(), epoch, error.retry_after)
        logger.info(
            "dust batch rate limited: %d rows in flight allowed, pausing %.2fs", self.limit.allowed, wait
        )
        self._report()

    def _rate_limited(self, error: DustRateLimitError, epoch: int) -> None:
        """A call's 429: pause, unless nothing went through for longer than :data:`_RATE_LIMIT_PATIENCE`."""
        if time.monotonic() - self._last_success > _RATE_LIMIT_PATIENCE:
            raise error
        self._pause(error, epoch)

    async def _succeeded(self) -> None:
        self._last_success = time.monotonic()
        before = self.limit.allowed
        self.limit.succeeded()
        if self.limit.allowed > before:
            async with self._changed:
                self._changed.notify_all()

    async def _call(self, function: Callable[..., Awaitable[T]], *args: Any, **kwargs: Any) -> T:
        """One API call under the limiter: rate limits wait and go again, anything else is raised."""
        while True:
            epoch = await self._before_call()
            try:
                result = await function(*args, **kwargs, options=_NO_SDK_RETRY)
            except DustRateLimitError as error:
                if classify_failure(error) == "fatal":
                    raise
                self._rate_limited(error, epoch)
                continue
            await self._succeeded()
            return result

    # --- one task -----------------------------------------------------------------------------------

    async def _complete(self, task: BatchTask) -> BatchRecord:
        """Run one task to its record: retry transient failures, wait out rate limits, stop on fatal ones."""
        state = self.journal.state.task(task.id)
        resumed = state.started or state.conversation_id is not None
        run = _TaskRun(task, state, attempt=state.attempts + 1, resumed=resumed)
        failures = 0
        while True:
            epoch = self.limit.epoch
            try:
                return await self._try(run)
            except DustError as error:
                failure = classify_failure(error)
                if failure == "fatal":
                    raise
                if failure == "rate_limited" and isinstance(error, DustRateLimitError):
                    self._rate_limited(error, epoch)
                    continue
                failures += 1
                logger.info(
                    "dust batch row %s (%s) try %d failed: %r", task.row.key, task.agent, run.attempt, error
                )
                if failure == "permanent" or failures >= self.job.max_attempts:
                    return self._record(run, error=error)
                await asyncio.sleep(_BACKOFF.backoff(failures - 1))
                run.attempt += 1

    def _title(self, task: BatchTask) -> str:
        return f"dust batch {self.journal.state.run_id} · {task.row.key} · {task.agent}"

    async def _find_conversation(self, task: BatchTask) -> Conversation | None:
        """The conversation an earlier try may have created without learning its id, found by its title.

        Best effort: Dust lists conversations only for user credentials, not workspace API keys; then an
        empty conversation (created, never written to) may be left behind. Nothing is ever posted twice."""
        if not self._listing_supported:
            return None
        title = self._title(task)
        try:
            summaries = await self._call(self.client.conversations.list)
        except DustAPIError as error:
            if error.status_code >= 500 or isinstance(error, DustRateLimitError):  # a quota: the run stops
                raise
            self._listing_supported = False
            logger.info("dust batch cannot list conversations (%s); skipping the lookup by title", error)
            return None
        for summary in summaries:
            if summary.title == title:
                return await self._call(self.client.conversations.get, summary.sId)
        return None

    async def _try(self, run: _TaskRun) -> BatchRecord:
        task, state, conversations = run.task, run.state, self.client.conversations
        conversation: Conversation | None = None
        if state.conversation_id is None and state.started:
            conversation = await self._find_conversation(task)
            if conversation is not None:
                self.journal.conversation(task.id, run.attempt, conversation.sId, conversation.url)
        if state.conversation_id is None:
            self.journal.started(task.id, run.attempt)
            fragment = None
            if task.attachment is not None:
                fragment = {
                    "title": task.attachment_title,
                    "content": task.attachment,
                    "contentType": "text/plain",
                }
            created = await self._call(conversations.create, self._title(task), content_fragment=fragment)
            self.journal.conversation(task.id, run.attempt, created.sId, created.url)
            user, reply = None, None
        else:
            if conversation is None:
                conversation = await self._call(conversations.get, state.conversation_id)
            user, reply = find_exchange(conversation, task.agent)
        if user is None:
            posted = await self._call(
                conversations.create_message,
                run.conversation_id,
                task.prompt,
                mentions=[task.agent],
                skip_tools_validation=self.job.approve_tools,
            )
            run.post_sent()
            user = UserMessage.model_validate(posted.model_dump(exclude={"agent_messages"}))
            reply = next((m for m in posted.agent_messages if _answers(m, user, task.agent)), None)
        if reply is None:
            raise DustBatchError(
                f"agent {task.agent!r} did not answer the message in conversation {run.conversation_id}: "
                "check the agent sId"
            )
        if reply.status in {"failed", "cancelled"}:
            self.journal.retrying(task.id, run.attempt, reply.sId)
            reply = await self._call(conversations.retry_message, run.conversation_id, reply.sId)
            run.post_sent()
        if run.posted is None:
            run.post_sent()
        if not reply.is_done:
            return await self._follow(run, user, reply)
        return self._record(run, message=reply, text=reply.content, actions=reply.actions)

    async def _follow(self, run: _TaskRun, user: UserMessage, reply: AgentMessage) -> BatchRecord:
        """Read the agent message's events to the end (the SDK resumes dropped streams)."""
        cid = run.conversation_id
        accumulator = ReplyAccumulator(cid, user, reply)
        epoch = await self._before_call()
        frames = self.client.conversations.stream_message_events(cid, reply.sId)
        if isinstance(frames.plan, StreamSession):
            # A 429 opening or resuming the stream is waited out inside it: the limiter must know too, or
            # other rows call again before its Retry-After ends.
            frames.plan.on_rate_limited = lambda error: self._pause(error, epoch)
        async with aclosing(frames):
            async for frame in frames:
                if accumulator.feed(frame.event) and run.first_token is None:
                    run.first_token = time.monotonic()
                if is_blocked_tool_event(frame.event):
                    raise DustBatchError(
                        f"agent {run.task.agent!r} is waiting for a tool approval or an answer, which a batch "
                        "cannot give: pass approve_tools=True (--approve-tools) to let its tools run"
                    )
                if accumulator.done:
                    break
        if not accumulator.done:
            raise DustConnectionError(f"the event stream of message {reply.sId} ended before the reply did")
        await self._succeeded()
        accumulator.raise_for_error()
        if accumulator.cancelled:
            raise DustAgentError("the agent message was cancelled", code="cancelled", conversation_id=cid)
        response = accumulator.response()
        final = response.agent_message
        actions = response.actions or (final.actions if final else [])
        return self._record(run, message=final, text=response.text, actions=actions)

    def _record(
        self,
        run: _TaskRun,
        *,
        message: AgentMessage | None = None,
        text: str | None = None,
        actions: Sequence[AgentAction] = (),
        error: DustError | None = None,
    ) -> BatchRecord:
        error_type = error_message = None
        if error is not None:
            error_type, error_message = type(error).__name__, str(error)
        elif message is not None and message.status != "succeeded" and message.error is not None:
            error_type, error_message = "DustAgentError", f"{message.error.code}: {message.error.message}"
        ttft = None
        if run.first_token is not None and run.posted is not None:
            ttft = round(run.first_token - run.posted, 4)
        cid = run.state.conversation_id
        return BatchRecord(
            key=run.task.row.key,
            row=run.task.row.position,
            agent=run.task.agent,
            status="ok" if error_type is None else "failed",
            reply=text,
            # Records keep each action as Dust sent it (the keys it had, extras included).
            actions=[action.model_dump(mode="json", exclude_unset=True) for action in actions],
            conversation_id=cid,
            conversation_url=run.state.conversation_url or self._url(cid),
            time_to_first_token=ttft,
            duration=round(time.monotonic() - run.started, 4),
            attempts=run.attempt,
            error_type=error_type,
            error_message=error_message,
            resumed=run.resumed,
            finished_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )

    def _url(self, conversation_id: str | None) -> str | None:
        if conversation_id is None:
            return None
        config = self.client.config
        return f"{config.base_url}/w/{config.workspace_id}/conversation/{conversation_id}"


def _answers(message: AgentMessage, user: UserMessage, agent: str) -> bool:
    return message.parentMessageId in (None, user.sId) and (
        message.configuration is None or message.configuration.sId == agent
    )


def find_exchange(conversation: Conversation, agent: str) -> tuple[UserMessage | None, AgentMessage | None]:
    """The batch's user message in its own conversation, and the agent's current reply to it (if any).

    A batch conversation holds one user message: if it is there, the message was posted."""
    user = next((m for m in conversation.messages if isinstance(m, UserMessage)), None)
    if user is None:
        return None, None
    reply = next((m for m in conversation.agent_messages if _answers(m, user, agent)), None)
    return user, reply


async def async_run_batch(client: AsyncDustClient, job: BatchJob) -> BatchSummary:
    """Plan the job, open its journal and output, and run it to the end (or the first fatal error)."""
    prompt = PromptSpec(template=job.prompt, column=job.prompt_column)
    rows = read_rows(job.source)
    tasks = plan_tasks(
        rows,
        job.agents,
        prompt,
        key_column=job.key_column,
        attach_column=job.attach_column,
        attach_title=job.attach_title,
        shard=job.shard,
    )
    journal_path = journal_path_for(job.output)
    if job.output.exists() and job.output.stat().st_size and not journal_path.exists():
        raise DustBatchError(
            f"{job.output} exists but has no journal ({journal_path.name}): it is not the output of an "
            "earlier batch run; choose another output or remove it"
        )
    journal = BatchJournal.open(journal_path, prompt=prompt.description, key_column=job.key_column)
    try:
        return await BatchRunner(client, job, tasks, journal).run()
    finally:
        journal.close()


def run_batch(client: DustClient, job: BatchJob) -> BatchSummary:
    """:func:`async_run_batch` for blocking code: rows in flight are asyncio tasks, so the job runs on an
    ``AsyncDustClient`` of the same configuration and stream policy, to its end (see :func:`run_blocking`)."""
    from dust_ext._client import AsyncDustClient

    config, stream_policy = client.config, client.stream_policy

    async def run() -> BatchSummary:
        async with AsyncDustClient(config, stream_policy=stream_policy) as async_client:
            async_client.http.core.adopt_oauth(client.http.core.oauth)  # one OAuth pair, renewed once
            return await async_run_batch(async_client, job)

    return run_blocking(run)


def run_blocking(coroutine_factory: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to completion from blocking code, even where an event loop is already running
    (a notebook): then it runs on a private loop in a helper thread, and an interrupt of the caller
    (Ctrl-C, a notebook's stop button) cancels it there before being re-raised. The caller's context
    variables go along (a ``with_raw_response`` capture among them), as ``asyncio.run`` keeps them too."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine_factory())
    outcome: concurrent.futures.Future[T] = concurrent.futures.Future()
    running: list[tuple[asyncio.AbstractEventLoop, asyncio.Task[Any]]] = []

    async def tracked() -> T:
        task = asyncio.current_task()
        assert task is not None
        running.append((asyncio.get_running_loop(), task))
        return await coroutine_factory()

    def target() -> None:
        try:
            outcome.set_result(asyncio.run(tracked()))
        except BaseException as error:  # re-raised in the caller's thread
            outcome.set_exception(error)

    context = contextvars.copy_context()
    threading.Thread(target=context.run, args=(target,), name="dust-batch", daemon=True).start()
    try:
        return outcome.result()
    except KeyboardInterrupt:
        for loop, task in running:
            # RuntimeError: the run had just ended and its loop is closed.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(task.cancel)
        concurrent.futures.wait([outcome])
        raise
