"""The common base of every error raised by :mod:`station.domain`.

Each domain error also derives from the built-in exception a caller would
naturally expect (usually :class:`ValueError`), so ``except ValueError`` keeps
working, while the UI can catch :class:`DomainError` to show the message to a
packer or clerk as is: messages name what was wrong and the offending value.
"""

from __future__ import annotations

__all__ = ["DomainError"]


class DomainError(Exception):
    """A business rule was broken; ``str(error)`` is fit to show to the user."""
