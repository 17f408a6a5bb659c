"""Scripted agents: deterministic stand-ins for Dust agents, run as asyncio tasks in the server's loop.

Each agent turns the user's message into the same events a real Dust agent emits on its message stream
(``generation_tokens``, tool events, then one terminal event). Replies are deterministic functions of the
user's text, so tests can assert exact content.

Directives in the user's text tune any agent: ``gate=<name>`` makes the agent stop after its first event
until the gate is opened (``EmulatorServer.open_gate`` or ``POST /_emulator/gates/<name>``), which lets a
test prove it reads events while they are produced; ``delay=<seconds>`` overrides the per-token delay.
``streamer`` also reads ``tokens=<n>``.

Agents (``sId``: behaviour):

- ``dust``, ``helper`` (global): a multi-sentence reply quoting and measuring the user's text.
- ``gpt-4``, ``claude-3-opus`` (global): a one-sentence plain reply naming the model.
- ``echo``: replies with the user's text verbatim.
- ``streamer``: ``token-1 token-2 ... token-<n>`` (n from ``tokens=<n>``, default 10), one event each.
- ``thinker``: ``<thinking>`` opening delimiter, chain-of-thought tokens, ``</thinking>``, then the reply;
  the final message has ``chainOfThought`` set and ``content`` without the thinking.
- ``researcher``: searches the workspace's documents with the user's text (``tool_params``,
  ``tool_call_started``, ``agent_action_success``), then summarises the hits.
- ``failing``: one token, then ``agent_error`` (status ``failed``, code ``emulator_scripted_failure``).
- ``approver``: ``tool_params`` then ``tool_approve_execution``, waits for ``validate-action``
  (``approved``/``always_approved`` runs the tool, ``rejected`` skips it), then replies. A message posted
  with ``skipToolsValidation`` runs the tool at once (``executionState`` ``allowed_implicitly``), as Dust does.
- ``asker``: ``tool_params`` then ``tool_ask_user_question`` (which environment to deploy to), waits for
  ``answer-question``, then replies with the chosen option(s) or the custom response.
- ``toolcaller``: calls a tool of the first client-side MCP server named in the user message's
  ``context.clientSideMCPServerIds`` (``initialize``, ``tools/list``, then ``tools/call``): the tool named by
  ``tool=<name>`` (else the first one listed) with the ``key=value`` pairs of the message as arguments
  (values JSON-decoded when they can be), then replies with the tool's result.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable
from typing import Any

from dust_ext.testing._search import rank_documents
from dust_ext.testing._state import (
    AgentConfiguration,
    AgentMessage,
    Conversation,
    EmulatorState,
    PendingApproval,
    UserMessage,
    Workspace,
    now_ms,
)
from dust_ext.testing._tool_state import ClientSideServer, PendingQuestion, tools_of

JSONObject = dict[str, Any]

TERMINAL_EVENT_TYPES = frozenset({"agent_message_success", "agent_error", "agent_generation_cancelled"})

_TOKEN = re.compile(r"\s*\S+\s*|\s+")
_DIRECTIVE = re.compile(r"\b(tokens|delay|gate)=(\S+)")
_MENTION = re.compile(r":(?:cite|mention)\[[^\]]*\]\{[^}]*\}")


def tokenize(text: str) -> list[str]:
    """Split text into word tokens that concatenate back to exactly ``text``."""
    return _TOKEN.findall(text)


def directives(text: str) -> dict[str, str]:
    return {match.group(1): match.group(2) for match in _DIRECTIVE.finditer(text)}


def plain_text(text: str) -> str:
    """The user's words without mention directives and emulator directives."""
    without = _DIRECTIVE.sub("", _MENTION.sub("", text))
    return " ".join(without.split())


class AgentFailure(Exception):
    """Raised by a script to end its message with ``agent_error``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class AgentRun:
    """One execution of a scripted agent for one agent message: emits its events and final state."""

    def __init__(
        self,
        state: EmulatorState,
        workspace: Workspace,
        conversation: Conversation,
        message: AgentMessage,
        user_message: UserMessage,
    ) -> None:
        self.state = state
        self.workspace = workspace
        self.conversation = conversation
        self.message = message
        self.user_message = user_message
        self.directives = directives(user_message.content)
        self.reply: list[str] = []
        self.thoughts: list[str] = []
        self._gate_pending = "gate" in self.directives
        delay = self.directives.get("delay")
        self.token_delay = _as_float(delay, state.config.token_delay)

    @property
    def text(self) -> str:
        return plain_text(self.user_message.content)

    @property
    def configuration(self) -> AgentConfiguration:
        return self.message.configuration

    def emit(self, event_type: str, **fields: Any) -> None:
        self.message.events.append(
            {
                "type": event_type,
                "created": now_ms(),
                "configurationId": self.configuration.sId,
                "messageId": self.message.sId,
                **fields,
            }
        )

    async def checkpoint(self) -> None:
        """Called after each event: waits on the gate once, then paces the stream."""
        if self._gate_pending:
            self._gate_pending = False
            await self.state.gate(self.directives["gate"]).wait()
        # Always yield to the loop so readers see events while they are produced, even with no delay.
        await asyncio.sleep(self.token_delay)

    async def stream(self, text: str, classification: str = "tokens") -> None:
        for token in tokenize(text):
            self.emit("generation_tokens", text=token, classification=classification)
            (self.reply if classification == "tokens" else self.thoughts).append(token)
            await self.checkpoint()

    async def delimiter(self, text: str, classification: str) -> None:
        self.emit(
            "generation_tokens",
            text=text,
            classification=classification,
            delimiterClassification="chain_of_thought",
        )
        await self.checkpoint()

    def new_action(self, function_name: str, params: JSONObject) -> JSONObject:
        action_id = self.workspace.ids.next_int()
        return {
            "id": action_id,
            "sId": self.workspace.ids.next_sid("act_"),
            "type": "tool_action",
            "agentMessageId": self.message.id,
            "functionCallName": function_name,
            "functionCallId": f"call_{action_id}",
            "toolName": function_name.split("__")[-1],
            "params": params,
            "status": "running",
            "output": None,
            "step": 0,
            "citationsAllocated": 0,
            "generatedFiles": [],
            "executionState": "allowed_implicitly",
        }

    # Terminal transitions: each sets the final state and emits its events in one synchronous step, so a
    # stream reader never sees a finished message whose terminal event is missing.

    def succeed(self) -> None:
        message = self.message
        message.content = "".join(self.reply)
        message.chain_of_thought = "".join(self.thoughts) or None
        self._finish("succeeded")
        self.emit("agent_message_success", message=message.to_json(), runIds=[f"run_{message.sId}"])
        self._conversation_done()

    def fail(self, code: str, text: str) -> None:
        message = self.message
        message.content = "".join(self.reply) or None
        message.error = {"code": code, "message": text, "metadata": None}
        self._finish("failed")
        self.emit("agent_error", error=message.error, runIds=[f"run_{message.sId}"])
        self._conversation_done()

    def cancelled(self) -> None:
        self.message.content = "".join(self.reply) or None
        self._finish("cancelled")
        self.emit("agent_generation_cancelled")
        self._conversation_done()

    def _finish(self, status: str) -> None:
        self.message.status = status
        self.message.completed_ts = now_ms()
        self.message.pending_approval = None

    def _conversation_done(self) -> None:
        conversation = self.conversation
        conversation.updated = now_ms()
        conversation.unread = True
        if conversation.title is None and self.message.status != "cancelled":
            conversation.title = title_for(self.user_message.content)
            conversation.events.append(
                {"type": "conversation_title", "created": now_ms(), "title": conversation.title}
            )
        conversation.events.append(
            {
                "type": "agent_message_done",
                "created": now_ms(),
                "conversationId": conversation.sId,
                "configurationId": self.configuration.sId,
                "messageId": self.message.sId,
                "status": "success" if self.message.status == "succeeded" else "error",
            }
        )


def title_for(content: str) -> str:
    """The title Dust would generate after the first exchange (here: the first words of the message)."""
    words = plain_text(content).split()
    return " ".join(words[:6]) or "Untitled conversation"


def _as_float(text: str | None, default: float) -> float:
    try:
        return max(0.0, float(text)) if text is not None else default
    except ValueError:
        return default


async def _dust(run: AgentRun) -> None:
    context = run.user_message.context
    name = context.get("fullName") or context.get("username") or "there"
    text = run.text
    await run.stream(
        f'Hello {name}! You wrote: "{text}". '
        f"That message has {len(text.split())} words and {len(text)} characters. "
        "I am the emulated Dust agent, so the same message always gets this same reply."
    )


async def _helper(run: AgentRun) -> None:
    await run.stream(
        f'I am the helper agent. You asked: "{run.text}". '
        "To talk to other agents, mention them with their configuration id."
    )


def _plain_model(label: str) -> Callable[[AgentRun], Awaitable[None]]:
    async def reply(run: AgentRun) -> None:
        await run.stream(f'{label} (emulated) received {len(run.text.split())} words: "{run.text}".')

    return reply


async def _echo(run: AgentRun) -> None:
    await run.stream(run.user_message.content)


async def _streamer(run: AgentRun) -> None:
    count = int(_as_float(run.directives.get("tokens"), 10))
    await run.stream(" ".join(f"token-{index}" for index in range(1, count + 1)))


async def _thinker(run: AgentRun) -> None:
    await run.delimiter("<thinking>", "opening_delimiter")
    await run.stream(f'The user wrote "{run.text}". I should answer briefly.', "chain_of_thought")
    await run.delimiter("</thinking>", "closing_delimiter")
    await run.stream(f'After thinking it over: "{run.text}" deserves a short answer. Here it is.')


async def _researcher(run: AgentRun) -> None:
    query = run.text
    action = run.new_action("search_data_sources__semantic_search", {"query": query, "topK": 4})
    run.emit("tool_params", action=dict(action))
    await run.checkpoint()
    run.emit(
        "tool_call_started", toolName=action["toolName"], toolCallId=action["functionCallId"], toolCallIndex=0
    )
    await run.checkpoint()
    documents = [ds_doc for ds in run.workspace.data_sources.values() for ds_doc in ds.documents.values()]
    hits = rank_documents(documents, query, top_k=4)
    action["status"] = "succeeded"
    action["output"] = [
        {
            "type": "resource",
            "resource": {
                "uri": hit.document.source_url or f"emulator://{hit.document.document_id}",
                "text": hit.document.title,
                "mimeType": "application/vnd.dust.search_result",
                "ref": hit.document.document_id,
                "score": hit.score,
            },
        }
        for hit in hits
    ]
    run.message.actions.append(action)
    run.emit("agent_action_success", action=dict(action))
    await run.checkpoint()
    if hits:
        titles = ", ".join(hit.document.title for hit in hits)
        await run.stream(f'I searched the workspace for "{query}" and found {len(hits)} documents: {titles}.')
    else:
        await run.stream(f'I searched the workspace for "{query}" and found no documents.')


async def _failing(run: AgentRun) -> None:
    await run.stream("Working ")
    raise AgentFailure("emulator_scripted_failure", "The failing agent always fails after its first token.")


async def _approver(run: AgentRun) -> None:
    action = run.new_action("emulator_tools__dangerous_operation", {"target": run.text})
    if run.message.skip_tools_validation:
        # Posted with skipToolsValidation: Dust allows the tool implicitly and never asks.
        action["executionState"] = "allowed_implicitly"
        action["status"] = "ready_allowed_implicitly"
        run.emit("tool_params", action=dict(action))
        await run.checkpoint()
        await _run_dangerous_operation(run, action)
        await run.stream("The action ran without approval (skipToolsValidation) and succeeded.")
        return
    action["executionState"] = "pending"
    action["status"] = "blocked_validation_required"
    run.emit("tool_params", action=dict(action))
    await run.checkpoint()
    decision: asyncio.Future[str] = asyncio.get_running_loop().create_future()
    run.message.pending_approval = PendingApproval(action["sId"], decision)
    run.emit(
        "tool_approve_execution",
        conversationId=run.conversation.sId,
        actionId=action["sId"],
        action=dict(action),
        inputs=action["params"],
        stake="high",
        metadata={
            "toolName": action["toolName"],
            "mcpServerName": "emulator_tools",
            "agentName": run.configuration.name,
            "icon": None,
        },
    )
    # The conversation becomes "action required" until validate-action answers.
    run.conversation.events.notify()
    verdict = await decision
    run.message.pending_approval = None
    if verdict == "rejected":
        action["executionState"] = "denied"
        action["status"] = "denied"
        run.message.actions.append(action)
        await run.stream("The action was rejected, so I did not run it.")
        return
    action["executionState"] = "allowed_explicitly"
    await _run_dangerous_operation(run, action)
    await run.stream("The action was approved and ran successfully.")


async def _run_dangerous_operation(run: AgentRun, action: JSONObject) -> None:
    run.emit(
        "tool_call_started", toolName=action["toolName"], toolCallId=action["functionCallId"], toolCallIndex=0
    )
    await run.checkpoint()
    action["status"] = "succeeded"
    action["output"] = [{"type": "text", "text": f"Operation ran on {run.text!r}."}]
    run.message.actions.append(action)
    run.emit("agent_action_success", action=dict(action))
    await run.checkpoint()


DEPLOY_QUESTION: JSONObject = {
    "question": "Which environment should I deploy to?",
    "options": [
        {"label": "staging", "description": "The pre-production environment."},
        {"label": "production", "description": None},
    ],
    "multiSelect": False,
}


async def _asker(run: AgentRun) -> None:
    action = run.new_action("emulator_tools__deploy", {"service": run.text})
    action["status"] = "blocked_user_answer_required"
    run.emit("tool_params", action=dict(action))
    await run.checkpoint()
    answer: asyncio.Future[JSONObject] = asyncio.get_running_loop().create_future()
    metadata = {
        "toolName": action["toolName"],
        "mcpServerName": "emulator_tools",
        "agentName": run.configuration.name,
    }
    pending = PendingQuestion(
        action["sId"], run.conversation, run.message, DEPLOY_QUESTION, action["params"], metadata, answer
    )
    questions = tools_of(run.workspace).questions
    questions[action["sId"]] = pending
    run.emit(
        "tool_ask_user_question",
        conversationId=run.conversation.sId,
        actionId=action["sId"],
        inputs=action["params"],
        stake="low",
        metadata=metadata,
        question=DEPLOY_QUESTION,
    )
    run.conversation.events.notify()
    try:
        given = await answer
    finally:
        questions.pop(action["sId"], None)
    labels = [DEPLOY_QUESTION["options"][index]["label"] for index in given.get("selectedOptions") or []]
    custom = given.get("customResponse")
    action["status"] = "succeeded"
    action["output"] = [{"type": "text", "text": json.dumps(given)}]
    run.message.actions.append(action)
    run.emit("agent_action_success", action=dict(action))
    await run.checkpoint()
    if custom:
        await run.stream(f"You answered: {custom}. Deploying accordingly.")
    else:
        await run.stream(f"You chose {' and '.join(labels) or 'nothing'}, so I deploy there.")


_ARGUMENT = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)=(\S+)")
_EMULATOR_DIRECTIVES = frozenset({"tokens", "delay", "gate", "tool"})
#: How long the toolcaller waits for a client-side server to answer one request.
CLIENT_TOOL_TIMEOUT = 30.0


def tool_arguments(text: str) -> JSONObject:
    """The ``key=value`` pairs of a message (emulator directives aside), values JSON-decoded if possible."""
    arguments: JSONObject = {}
    for key, raw in _ARGUMENT.findall(text):
        if key in _EMULATOR_DIRECTIVES:
            continue
        try:
            arguments[key] = json.loads(raw)
        except ValueError:
            arguments[key] = raw
    return arguments


def _result_text(result: JSONObject) -> str:
    content = result.get("content") or []
    texts = [str(item.get("text", "")) for item in content if isinstance(item, dict)]
    return " ".join(texts).strip()


async def _client_call(server: ClientSideServer, method: str, params: JSONObject) -> JSONObject:
    try:
        response = await asyncio.wait_for(server.call(method, params), CLIENT_TOOL_TIMEOUT)
    except TimeoutError:
        raise AgentFailure(
            "client_side_mcp_timeout", f"The client-side MCP server did not answer {method}."
        ) from None
    if "error" in response:
        error = response["error"] if isinstance(response["error"], dict) else {}
        raise AgentFailure("client_side_mcp_error", f"{method} failed: {error.get('message', error)}")
    result = response.get("result")
    return result if isinstance(result, dict) else {}


async def _toolcaller(run: AgentRun) -> None:
    server_ids = run.user_message.context.get("clientSideMCPServerIds") or []
    servers = tools_of(run.workspace).servers
    server = next((servers[sid] for sid in server_ids if sid in servers and servers[sid].alive), None)
    if server is None:
        await run.stream("No client-side MCP server was available, so I could not call a tool.")
        return
    await _client_call(
        server,
        "initialize",
        {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": {"name": "dust-emulator", "version": "1.0.0"},
        },
    )
    server.notify("notifications/initialized")
    tools = (await _client_call(server, "tools/list", {})).get("tools") or []
    wanted = directives_tool(run.user_message.content)
    tool = next((t for t in tools if t.get("name") == wanted), None) if wanted else (tools or [None])[0]
    if tool is None:
        await run.stream(
            f"The client-side MCP server {server.server_name} has no tool {wanted or ''}.".strip()
        )
        return
    arguments = tool_arguments(plain_text(run.user_message.content))
    action = run.new_action(f"{server.server_name}__{tool['name']}", arguments)
    run.emit("tool_params", action=dict(action))
    await run.checkpoint()
    run.emit(
        "tool_call_started", toolName=action["toolName"], toolCallId=action["functionCallId"], toolCallIndex=0
    )
    result = await _client_call(server, "tools/call", {"name": tool["name"], "arguments": arguments})
    text = _result_text(result)
    failed = bool(result.get("isError"))
    action["status"] = "failed" if failed else "succeeded"
    action["output"] = result.get("content") or []
    run.message.actions.append(action)
    run.emit("agent_action_success", action=dict(action))
    await run.checkpoint()
    if failed:
        await run.stream(f"The {tool['name']} tool failed: {text}")
    else:
        await run.stream(f"The {tool['name']} tool returned {text}.")


def directives_tool(text: str) -> str | None:
    match = re.search(r"\btool=(\S+)", text)
    return match.group(1) if match else None


SCRIPTS: dict[str, Callable[[AgentRun], Awaitable[None]]] = {
    "dust": _dust,
    "helper": _helper,
    "gpt-4": _plain_model("GPT-4"),
    "claude-3-opus": _plain_model("Claude 3 Opus"),
    "echo": _echo,
    "streamer": _streamer,
    "thinker": _thinker,
    "researcher": _researcher,
    "failing": _failing,
    "approver": _approver,
    "asker": _asker,
    "toolcaller": _toolcaller,
}

# (sId, name, scope, description) of the agents every emulated workspace starts with.
AGENT_CATALOGUE: tuple[tuple[str, str, str, str], ...] = (
    ("dust", "dust", "global", "An assistant with context on your company data (emulated)."),
    ("helper", "help", "global", "Help on how to use Dust (emulated)."),
    ("gpt-4", "gpt4", "global", "OpenAI's GPT-4 (emulated plain replies)."),
    ("claude-3-opus", "claude-3-opus", "global", "Anthropic's Claude 3 Opus (emulated plain replies)."),
    ("echo", "echo", "published", "Replies with your message verbatim."),
    ("streamer", "streamer", "workspace", "Streams token-1 ... token-N; tune with tokens=N delay=S."),
    ("thinker", "thinker", "workspace", "Streams chain-of-thought between delimiters, then a reply."),
    ("researcher", "researcher", "workspace", "Searches the workspace documents, then summarises."),
    ("failing", "failing", "workspace", "Always fails with agent_error after one token."),
    ("approver", "approver", "workspace", "Asks for approval (validate-action) before running a tool."),
    ("asker", "asker", "workspace", "Asks the user a question (answer-question), then replies."),
    ("toolcaller", "toolcaller", "workspace", "Calls a tool of the message's client-side MCP server."),
)


async def run_agent(run: AgentRun) -> None:
    """The body of an agent message's task: run the script and always end with one terminal event."""
    script = SCRIPTS[run.configuration.behaviour]
    try:
        await script(run)
    except asyncio.CancelledError:
        # Cancelling is how the cancel endpoint stops a generation; the task then ends normally.
        run.cancelled()
        return
    except AgentFailure as failure:
        run.fail(failure.code, failure.message)
        return
    except Exception as exc:
        run.fail("emulator_agent_crashed", f"{type(exc).__name__}: {exc}")
        return
    run.succeed()
