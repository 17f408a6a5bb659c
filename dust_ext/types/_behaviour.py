"""What some generated models add to their fields: each class here is a base of the model named after it
(``x-dust-base`` on the spec's schema), so the fields come from the spec and only the behaviour is written
by hand. The ``TYPE_CHECKING`` declarations tell mypy which of the model's fields a method reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import model_validator

if TYPE_CHECKING:
    from dust_ext.types._spec_apps import RunStatus
    from dust_ext.types.actions import ToolQuestionOption


class AgentActionBehaviour:
    """:class:`~dust_ext.types.actions.AgentAction`'s text output."""

    if TYPE_CHECKING:
        output: list[dict[str, Any]] | None

    @property
    def output_text(self) -> str:
        """The text blocks of ``output``, joined by newlines ("" before the tool ran)."""
        return "\n".join(
            str(block.get("text", "")) for block in self.output or () if block.get("type") == "text"
        )


class ToolQuestionOptionBehaviour:
    """:class:`~dust_ext.types.actions.ToolQuestionOption` read from a bare string too."""

    @model_validator(mode="before")
    @classmethod
    def _from_bare_label(cls, data: Any) -> Any:
        # Some tools list their options as bare strings: keep them as labels rather than fail the event.
        return {"label": data} if isinstance(data, str) else data


class ToolQuestionBehaviour:
    """:class:`~dust_ext.types.actions.ToolQuestion`'s option labels."""

    if TYPE_CHECKING:
        options: list[ToolQuestionOption]

    @property
    def labels(self) -> list[str]:
        """The options' labels, in order (an answer's indexes point into this list)."""
        return [option.label for option in self.options]


class RunBehaviour:
    """:class:`~dust_ext.types.apps.Run`'s state."""

    if TYPE_CHECKING:
        status: RunStatus | None

    @property
    def finished(self) -> bool:
        """Whether the run has stopped (succeeded or errored)."""
        return self.status is not None and self.status.run in {"succeeded", "errored"}

    @property
    def succeeded(self) -> bool:
        """Whether the run completed without error."""
        return self.status is not None and self.status.run == "succeeded"
