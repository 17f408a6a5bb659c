"""``DUST_LOG=info|debug``: the SDK's logs (the ``dust_ext`` logger), switched on without code (what each
level logs: the guide "Errors, retries, timeouts")."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from dust_ext.exceptions import DustConfigError

__all__ = ["LOG_VARIABLE", "configure_logging"]

LOG_VARIABLE = "DUST_LOG"
_LEVELS = {"info": logging.INFO, "debug": logging.DEBUG}
_HANDLER_NAME = "dust_ext:DUST_LOG"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(environ: Mapping[str, str] | None = None) -> None:
    """Apply ``DUST_LOG`` (``info`` or ``debug``; unset or empty: leave logging alone).

    Raises :class:`~dust_ext.exceptions.DustConfigError` for any other value, rather than ignore a typo.
    Idempotent: every client calls it, the handler is added once.
    """
    env = os.environ if environ is None else environ
    raw = env.get(LOG_VARIABLE, "").strip()
    if not raw:
        return
    level = _LEVELS.get(raw.lower())
    if level is None:
        raise DustConfigError(f"{LOG_VARIABLE} must be 'info' or 'debug' (or unset), not {raw!r}")
    logger = logging.getLogger("dust_ext")
    logger.setLevel(level)
    configured_elsewhere = logging.getLogger().handlers or logger.handlers
    if not configured_elsewhere:
        handler = logging.StreamHandler()  # stderr
        handler.set_name(_HANDLER_NAME)
        handler.setFormatter(logging.Formatter(_FORMAT))
        logger.addHandler(handler)
