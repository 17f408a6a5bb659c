"""``conversations.consumption`` on the emulator, sync and async (``dust``): Dust's credit breakdown."""

from __future__ import annotations

from typing import Any

import pytest

from dust_ext.conversations import ConversationConsumption
from dust_ext.exceptions import DustNotFoundError
from dust_ext.testing.routes.consumption import CREDITS_PER_REPLY


def test_nothing_billed_has_no_details(dust: Any) -> None:
    conversation = dust.conversations.create(title="quiet")
    consumption = dust.conversations.consumption(conversation.sId)
    assert isinstance(consumption, ConversationConsumption)
    assert consumption.billedCredits == 0
    assert consumption.details is None


def test_succeeded_replies_are_billed_by_agent_and_model(dust: Any) -> None:
    conversation = dust.conversations.create(title="billed")
    for agents in (["echo", "helper"], ["echo"], ["failing"]):
        dust.conversations.create_message(
            conversation_id=conversation.sId, content="hi", mentions=agents, blocking=True
        )
    consumption = dust.conversations.consumption(conversation.sId)
    # Three succeeded replies; the failed one bills nothing.
    assert consumption.billedCredits == 3 * CREDITS_PER_REPLY
    details = consumption.details
    assert details is not None
    assert details.agentWorkCredits == consumption.billedCredits
    assert details.tools == []
    assert {(a.agentId, a.billedCredits) for a in details.agents} == {
        ("echo", 2 * CREDITS_PER_REPLY),
        ("helper", CREDITS_PER_REPLY),
    }
    assert sum(model.attributedCredits or 0 for model in details.models) == consumption.billedCredits
    assert all(agent.models and agent.models[0].modelId for agent in details.agents)


def test_unknown_conversation(dust: Any) -> None:
    with pytest.raises(DustNotFoundError) as info:
        dust.conversations.consumption("c_unknown")
    assert info.value.error_type == "conversation_not_found"
