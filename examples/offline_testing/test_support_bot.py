"""The app's test: recorded once against Dust, replayed offline ever after (pytest-recording)."""

from __future__ import annotations

import pytest
from support_bot import triage


@pytest.mark.vcr
def test_triage_reads_the_ticket() -> None:
    reply = triage("The export button does nothing since Monday")
    assert "export button" in reply.lower()
