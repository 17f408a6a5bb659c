"""Finding a credential in text however it was written, and replacing it (sans-IO).

A key travels in more spellings than its own: percent-encoded in a URL query (``+`` as ``%2B``, ``/`` as
``%2F``; either hex case), ``+``-for-space in a form, backslash-escaped in JSON (``"`` as ``\\"``, ``/`` as
``\\/``, any character as ``\\u00XX``) or in a Python ``repr``. A server echoing the key, a caller putting it
in a query string, a cassette storing a request: each may hold one of those spellings, or a mix. The pattern
here matches the key with each character in any of them.
"""

from __future__ import annotations

import functools
import re

__all__ = ["REDACTED", "contains_secret", "redact_secret"]

REDACTED = "[redacted]"


def _spellings(char: str) -> list[str]:
    code = ord(char)
    forms = [re.escape(char), f"%{code:02x}", f"%{code:02X}"]
    if code < 0x10000:
        forms += [f"\\\\u{code:04x}", f"\\\\u{code:04X}"]
    if code < 0x100:
        forms.append(f"\\\\x{code:02x}")
    if char == "\\":
        forms.append(r"\\+")  # escaped once (JSON), or again (the repr of JSON bytes in a log line)
    elif char in "\"/'":
        forms.append(r"\\*" + re.escape(char))
    if char == " ":
        forms.append(r"\+")
    return forms


@functools.lru_cache(maxsize=16)
def _pattern(secret: str) -> re.Pattern[str]:
    return re.compile("".join("(?:" + "|".join(_spellings(char)) + ")" for char in secret))


def contains_secret(text: str, secret: str) -> bool:
    """Whether ``text`` holds ``secret`` in any spelling (raw, percent-encoded, JSON- or repr-escaped)."""
    if not secret or not text:
        return False
    return secret in text or _pattern(secret).search(text) is not None


def redact_secret(text: str, secret: str, replacement: str = REDACTED) -> str:
    """``text`` with every spelling of ``secret`` replaced by ``replacement`` (``[redacted]``)."""
    if not secret or not text:
        return text
    if secret in text:
        text = text.replace(secret, replacement)
    return _pattern(secret).sub(lambda _match: replacement, text)
