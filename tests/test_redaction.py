"""Finding and replacing a credential in any spelling: raw, percent-encoded (either hex case, + for space),
JSON- or repr-escaped, and mixes of them."""

from __future__ import annotations

import json
from urllib.parse import quote, quote_plus

import pytest

from dust_ext._core.redaction import REDACTED, contains_secret, redact_secret

KEYS = ["sk-plain0123456789", 'sk-a+b/c=d&e"f\\g', "sk-'quote'"]


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize(
    "spell",
    [
        lambda key: key,
        lambda key: quote(key, safe=""),
        lambda key: quote(key, safe="").lower(),
        lambda key: quote_plus(key),
        lambda key: quote(key, safe="/:=&+"),
        lambda key: json.dumps(key)[1:-1],
        lambda key: json.dumps(key, ensure_ascii=True).replace("/", "\\/")[1:-1],
        lambda key: "".join(f"\\u{ord(char):04x}" for char in key),
        lambda key: repr(key)[1:-1],
    ],
)
def test_every_spelling_is_found_and_replaced(key: str, spell: object) -> None:
    text = f"before {spell(key)} after"  # type: ignore[operator]
    assert contains_secret(text, key)
    assert redact_secret(text, key) == f"before {REDACTED} after"


def test_text_without_the_key_is_unchanged() -> None:
    assert not contains_secret("sk-plain012345678 (one short)", KEYS[0])
    assert redact_secret("nothing", KEYS[0]) == "nothing"
    assert redact_secret("anything", "") == "anything"
    assert not contains_secret("anything", "")
