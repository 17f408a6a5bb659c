"""An MCP server whose tools are Dust agents, on the official ``mcp`` SDK's low-level server.

Each tool call asks the agent through the public chat API (``client.chat.stream``): the reply's events are
forwarded as MCP progress notifications, and when the MCP client cancels the call (or goes away) the
agent's generation is cancelled on Dust (``conversations.cancel``, once). A tool call that waits for
approval in Dust is approved when the server was started with ``approve_tools``, else the call ends with
a tool error naming the option, and the blocked generation is cancelled: a call never hangs.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any

import anyio
from mcp import types
from mcp.server.lowlevel import Server
from mcp.server.session import ServerSession
from mcp.server.stdio import stdio_server
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from dust_ext._client import AsyncDustClient
from dust_ext._version import __version__
from dust_ext.agents_mcp.tools import (
    AgentQuestion,
    AgentTool,
    ToolArgumentError,
    agent_tools,
    conversation_url,
    error_result,
    parse_arguments,
    reply_result,
    unknown_tool_result,
)
from dust_ext.events import (
    AgentActionSuccessEvent,
    DustEvent,
    GenerationTokensEvent,
    ToolParamsEvent,
)
from dust_ext.exceptions import (
    DustAgentError,
    DustError,
    DustInvalidArgumentError,
    DustNotFoundError,
    DustToolActionRequiredError,
)
from dust_ext.resources.tools import AsyncPendingToolAction
from dust_ext.types.agents import AgentConfiguration

logger = logging.getLogger("dust_ext.agents_mcp")

#: Where the streamable HTTP transport answers.
HTTP_PATH = "/mcp"
#: How long a cancelled or failed call may spend cancelling its generation on Dust.
CLEANUP_SECONDS = 15.0

ProgressReporter = Callable[[float, str], Awaitable[None]]
"""Sends one progress notification: (progress so far, message)."""


class AgentsMCPServer:
    """Dust agents as the tools of an MCP server.

    ``agents`` names the agents to serve, each by sId or by name (case-insensitive, ``@`` optional); ``all_agents`` serves
    every active agent the caller can use. With ``approve_tools``, a tool call of an agent that waits for
    approval is approved (once); otherwise the MCP tool call fails with an error saying so.

    Serve it with :meth:`run_stdio` or :meth:`run_http`, or mount :attr:`server` (the ``mcp`` SDK's
    low-level server) in your own transport. The client is not closed by this object.
    """

    def __init__(
        self,
        client: AsyncDustClient,
        agents: Sequence[str] = (),
        *,
        all_agents: bool = False,
        approve_tools: bool = False,
        name: str = "dust-agents",
    ) -> None:
        if not agents and not all_agents:
            raise DustInvalidArgumentError("name at least one agent to serve, or pass all_agents=True")
        self.client = client
        self.agent_names = list(agents)
        self.all_agents = all_agents
        self.approve_tools = approve_tools
        self._tools: list[AgentTool] | None = None
        self.server: Server[Any, Any] = Server(
            name,
            version=__version__,
            instructions="Each tool asks one Dust agent a question; pass a result's conversation_id back "
            "to continue that conversation.",
        )
        # list_tools() carries no type annotations (call_tool() does).
        self.server.list_tools()(self._list_tools)  # type: ignore[no-untyped-call]
        self.server.call_tool(validate_input=False)(self._call_tool)

    # --- the agents ----------------------------------------------------------------------------------------

    async def tools(self) -> list[AgentTool]:
        """The served tools, one per agent (the agents are looked up on Dust on the first call)."""
        if self._tools is None:
            self._tools = agent_tools(await self._find_agents())
        return self._tools

    async def _find_agents(self) -> list[AgentConfiguration]:
        listed = await self.client.agents.list()
        if self.all_agents:
            return [agent for agent in listed if agent.status in (None, "active")]
        return [await self._find_agent(wanted, listed) for wanted in self.agent_names]

    async def _find_agent(self, wanted: str, listed: list[AgentConfiguration]) -> AgentConfiguration:
        wanted = wanted.strip().removeprefix("@")  # "@support" as users write it in Dust
        for agent in listed:
            if agent.sId == wanted:
                return agent
        named = [agent for agent in listed if agent.name.casefold() == wanted.casefold()]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            sids = ", ".join(agent.sId for agent in named)
            raise DustInvalidArgumentError(f"several agents are named {wanted!r} ({sids}): pass one sId")
        try:
            return await self.client.agents.get(wanted)  # an agent the list view leaves out
        except DustNotFoundError:
            raise DustInvalidArgumentError(
                f"no agent {wanted!r} in the workspace (by sId or name); `dust agents list` shows them"
            ) from None

    # --- MCP handlers --------------------------------------------------------------------------------------

    async def _list_tools(self) -> list[types.Tool]:
        return [tool.definition() for tool in await self.tools()]

    async def _call_tool(self, name: str, arguments: dict[str, Any]) -> types.CallToolResult:
        tools = await self.tools()
        tool = next((tool for tool in tools if tool.name == name), None)
        if tool is None:
            return unknown_tool_result(name, tools)
        try:
            question = parse_arguments(arguments)
        except ToolArgumentError as exc:
            return error_result(exc)
        return await self.ask(tool, question, self._progress_reporter())

    def _progress_reporter(self) -> ProgressReporter | None:
        context = self.server.request_context
        token = context.meta.progressToken if context.meta is not None else None
        if token is None:
            return None
        session: ServerSession = context.session
        request_id = str(context.request_id)

        async def report(progress: float, message: str) -> None:
            await session.send_progress_notification(
                token, progress, message=message, related_request_id=request_id
            )

        return report

    # --- asking an agent -----------------------------------------------------------------------------------

    async def ask(
        self, tool: AgentTool, question: AgentQuestion, report: ProgressReporter | None = None
    ) -> types.CallToolResult:
        """Ask the tool's agent and return the MCP tool result: the reply, or a tool error with Dust's
        code. Cancelling this coroutine cancels the agent's generation on Dust."""
        conversation_id = question.conversation_id
        try:
            if question.attachment is not None:
                conversation_id = await self._attach(question, conversation_id)
            stream = self.client.chat.stream(
                tool.agent.sId,
                question.question,
                conversation_id=conversation_id,
                on_tool_action=self._answer_tool_action,
            )
            try:
                # Posting is not interrupted: once the message exists its id is known, so a cancellation
                # arriving meanwhile still reaches the generation (in the finally clause).
                with anyio.CancelScope(shield=True):
                    await stream.start()
                conversation_id = stream.conversation_id
                progress = 0
                async for event in stream:
                    message = progress_message(event)
                    if report is not None and message is not None:
                        progress += 1
                        await report(progress, message)
                if stream.reply.cancelled:
                    raise DustAgentError(
                        "the agent's generation was cancelled on Dust",
                        code="generation_cancelled",
                        conversation_id=conversation_id,
                        message_id=stream.message_id,
                    )
                response = stream.reply.response()
            finally:
                # Cancels the generation unless it finished; shielded from the call's own cancellation,
                # bounded in case Dust does not answer.
                with anyio.move_on_after(CLEANUP_SECONDS, shield=True):
                    await stream.aclose()
        except DustError as exc:
            url = self._url(conversation_id) if conversation_id else None
            return error_result(exc, conversation_id=conversation_id, url=url)
        return reply_result(tool.agent, response, self._url(response.conversation_id))

    async def _attach(self, question: AgentQuestion, conversation_id: str | None) -> str:
        """Put the attached text in the conversation (a new one if needed); returns its id."""
        fragment = {
            "title": question.attachment_title,
            "content": question.attachment,
            "contentType": "text/plain",
        }
        if conversation_id is None:
            created = await self.client.conversations.create(
                question.question[:80], content_fragment=fragment
            )
            return created.sId
        await self.client.conversations.create_content_fragment(
            conversation_id,
            title=question.attachment_title,
            content=question.attachment,
            content_type="text/plain",
        )
        return conversation_id

    async def _answer_tool_action(self, action: AsyncPendingToolAction) -> None:
        if action.kind == "approval" and self.approve_tools:
            await action.approve()
            return
        if action.kind == "approval":
            why = (
                f"tool {action.tool_name!r} of the agent waits for approval (stake {action.stake}); "
                "this MCP server does not approve tools: restart it with --approve-tools "
                "(Python: approve_tools=True) to approve them"
            )
        elif action.kind == "question":
            asked = action.question.question if action.question is not None else "a question"
            why = f"tool {action.tool_name!r} asks the user {asked!r}, which an MCP tool call cannot answer"
        else:
            why = f"tool {action.tool_name!r} needs the user to act in the Dust web app ({action.kind})"
        raise DustToolActionRequiredError(why + "; the agent's generation was cancelled", action=action)

    def _url(self, conversation_id: str) -> str:
        config = self.client.config
        return conversation_url(config.base_url, config.workspace_id, conversation_id)

    # --- transports ----------------------------------------------------------------------------------------

    async def run_stdio(self) -> None:
        """Serve MCP over this process's stdin and stdout until stdin closes."""
        await self.tools()  # a misnamed agent fails now, not at the client's first request
        async with stdio_server() as (read_stream, write_stream):
            await self.server.run(read_stream, write_stream, self.server.create_initialization_options())

    def http_app(self, *, allowed_hosts: Sequence[str] = ()) -> Starlette:
        """An ASGI app serving the streamable HTTP transport at ``/mcp``. ``allowed_hosts`` (``host:port``
        values of the ``Host`` header) turns on DNS-rebinding protection."""
        manager = StreamableHTTPSessionManager(
            app=self.server,
            security_settings=TransportSecuritySettings(
                enable_dns_rebinding_protection=bool(allowed_hosts), allowed_hosts=list(allowed_hosts)
            ),
        )

        class MCPEndpoint:
            async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
                await manager.handle_request(scope, receive, send)

        @asynccontextmanager
        async def lifespan(app: Starlette) -> AsyncIterator[None]:
            async with manager.run():
                yield

        return Starlette(routes=[Route(HTTP_PATH, endpoint=MCPEndpoint())], lifespan=lifespan)

    async def run_http(self, host: str = "127.0.0.1", port: int = 8000) -> None:
        """Serve the streamable HTTP transport at ``http://HOST:PORT/mcp`` until interrupted."""
        import uvicorn

        await self.tools()
        # On a loopback address only local pages could reach the server: refuse those whose Host header
        # names another site (DNS rebinding). On another address the user decides who may connect.
        loopback = host in ("127.0.0.1", "localhost", "::1")
        allowed = [f"{name}:{port}" for name in ("127.0.0.1", "localhost", "[::1]")] if loopback else []
        app = self.http_app(allowed_hosts=allowed)
        config = uvicorn.Config(app, host=host, port=port, log_level="warning")
        await uvicorn.Server(config).serve()


def progress_message(event: DustEvent | AsyncPendingToolAction) -> str | None:
    """What a progress notification says about an event of the reply: its text for reply tokens, the
    tool for a tool call; None for the events not worth a notification."""
    if isinstance(event, GenerationTokensEvent):
        return event.text if event.classification == "tokens" and event.text else None
    if isinstance(event, ToolParamsEvent):
        return f"running tool {event.action.toolName or event.action.functionCallName}"
    if isinstance(event, AgentActionSuccessEvent):
        return f"tool {event.action.toolName or event.action.functionCallName} done"
    return None
