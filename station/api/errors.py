"""Errors plugins raise. Their messages are shown to packers and back office as they are.

Two independent questions are answered by the class:

* *Which family?* :class:`CarrierError`, :class:`PaymentError`, :class:`MarketplaceError`,
  :class:`DeviceError` - where it happened, for grouping and messages.
* *What now?* :class:`TemporaryError` (retry later; :class:`RateLimited` says when) versus
  everything else, which is permanent: retrying the same call will fail the same way.
  :class:`AuthenticationError` is permanent until someone fixes the credentials.

Combine them by multiple inheritance when both matter, e.g.
``class CarrierUnavailable(CarrierError, TemporaryError)``; the core checks ``error.retryable``.
"""

from __future__ import annotations

__all__ = [
    "AuthenticationError",
    "CarrierError",
    "DeviceError",
    "MarketplaceError",
    "NotSupportedError",
    "PaymentError",
    "RateLimited",
    "StationPluginError",
    "TemporaryError",
]


class StationPluginError(Exception):
    """Base of every error a plugin raises on purpose.

    ``message`` is a sentence a packer can act on ("Chilexpress rejected comuna 'Providenca':
    unknown comuna"), not a traceback. ``plugin`` names the adapter (e.g. ``"chilexpress"``);
    the host fills it in when the plugin leaves it empty.
    """

    #: Whether the same call may succeed if retried later.
    retryable: bool = False

    def __init__(self, message: str, *, plugin: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.plugin = plugin

    def __str__(self) -> str:
        return f"{self.plugin}: {self.message}" if self.plugin else self.message


class CarrierError(StationPluginError):
    """A carrier refused or failed a rate, label, void or tracking request."""


class PaymentError(StationPluginError):
    """A payment gateway refused or failed a payment, status query or refund."""


class MarketplaceError(StationPluginError):
    """A marketplace or store refused or failed an order import or stock/price push."""


class DeviceError(StationPluginError):
    """A printer transport or scale protocol could not talk to its device
    ("Printer folder /srv/labels does not exist")."""


class NotSupportedError(StationPluginError):
    """The adapter cannot do this at all (e.g. a carrier without label voiding)."""


class TemporaryError(StationPluginError):
    """A failure that may go away: timeout, connection refused, HTTP 5xx. Retry with backoff."""

    retryable = True


class RateLimited(TemporaryError):
    """The remote side asked us to slow down (HTTP 429). ``retry_after`` is seconds to wait,
    from its ``Retry-After`` header, or ``None`` when it did not say."""

    def __init__(self, message: str, *, plugin: str | None = None, retry_after: float | None = None) -> None:
        super().__init__(message, plugin=plugin)
        if retry_after is not None and retry_after < 0:
            raise ValueError(f"retry_after must be >= 0 seconds, got {retry_after}")
        self.retry_after = retry_after


class AuthenticationError(StationPluginError):
    """Credentials are missing, invalid or expired (HTTP 401/403, revoked token).
    Not retried: an operator must fix the plugin's secrets first."""
