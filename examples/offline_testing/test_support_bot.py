"""The app's test: recorded once against Dust, replayed offline ever after (pytest-recording).

First run: record its cassette with your key (``pytest --record-mode=once``, ``DUST_WORKSPACE_ID`` and
``DUST_API_KEY`` set). Plain ``pytest`` only replays: until the cassette exists, it fails saying so."""

from __future__ import annotations

import pytest
from support_bot import triage


@pytest.mark.vcr
def test_triage_reads_the_ticket() -> None:
    reply = triage("The export button does nothing since Monday")
    assert "export button" in reply.lower()
