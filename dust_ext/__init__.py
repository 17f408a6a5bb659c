"""dust_ext: the hand-written, typed layer of the Dust Python SDK."""

from dust_ext._version import __version__

__all__ = ["__version__"]
