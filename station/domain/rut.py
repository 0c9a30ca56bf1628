"""Chilean RUT (Rol Único Tributario): check digit, parsing and formatting.

A RUT is a body of up to eight digits plus a check digit (``0``-``9`` or
``K``) computed with the modulo-11 algorithm: the body's digits, right to
left, are multiplied by 2, 3, 4, 5, 6, 7, 2, 3, …; the sum's remainder
modulo 11 is subtracted from 11, and 11 is written ``0`` and 10 ``K``.

Accepted input (case, spaces and surrounding blanks do not matter)::

    12.345.678-5    12345678-5    123456785    12 345 678 - 5    6-k
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from station.domain.errors import DomainError

__all__ = [
    "MAX_RUT_BODY",
    "InvalidRut",
    "Rut",
    "compute_check_digit",
    "is_valid_rut",
    "parse_rut",
]

MAX_RUT_BODY = 99_999_999
"""The largest body a RUT can have (eight digits)."""

_EXAMPLE = "12.345.678-5"

# Body either plainly written or grouped by dots in threes, then an optional
# dash, then exactly one check character.
_RUT_RE = re.compile(r"^(?P<body>\d{1,3}(?:\.\d{3})+|\d+)-?(?P<dv>[0-9K])$")


class InvalidRut(DomainError, ValueError):
    """A RUT that cannot be read, or whose check digit does not match.

    ``text`` is the input as given and ``reason`` a short explanation.
    """

    def __init__(self, text: object, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"RUT {text!r} is not valid: {reason}")


def compute_check_digit(body: int) -> str:
    """Return the check digit (``"0"``-``"9"`` or ``"K"``) for a RUT body.

    >>> compute_check_digit(12_345_678)
    '5'

    Raises :class:`InvalidRut` if ``body`` is not an integer from 1 to
    :data:`MAX_RUT_BODY`.
    """
    _check_body(body)
    total = 0
    factor = 2
    remaining = body
    while remaining:
        total += (remaining % 10) * factor
        remaining //= 10
        factor = 2 if factor == 7 else factor + 1
    value = 11 - total % 11
    if value == 11:
        return "0"
    if value == 10:
        return "K"
    return str(value)


def _check_body(body: object) -> None:
    if isinstance(body, bool) or not isinstance(body, int):
        raise InvalidRut(body, "the number before the check digit must be a whole number")
    if not 1 <= body <= MAX_RUT_BODY:
        raise InvalidRut(body, "the number before the check digit must be from 1 to 99.999.999")


@dataclass(frozen=True, order=True)
class Rut:
    """A valid RUT. Construct it with :func:`parse_rut` or :meth:`from_body`.

    Creating one directly validates the check digit, so a ``Rut`` instance is
    always correct. Instances order by body.
    """

    body: int
    check_digit: str

    def __post_init__(self) -> None:
        _check_body(self.body)
        digit = str(self.check_digit).upper()
        expected = compute_check_digit(self.body)
        if digit != expected:
            raise InvalidRut(
                f"{self.body}-{self.check_digit}",
                f"the check digit should be {expected}, not {self.check_digit}",
            )
        object.__setattr__(self, "check_digit", digit)

    @classmethod
    def from_body(cls, body: int) -> Rut:
        """Build the RUT for ``body`` with its computed check digit."""
        return cls(body, compute_check_digit(body))

    def format(self) -> str:
        """The usual written form with dots and dash: ``'12.345.678-5'``."""
        return f"{self.body:,}".replace(",", ".") + f"-{self.check_digit}"

    def compact(self) -> str:
        """The form without dots, as most systems store it: ``'12345678-5'``."""
        return f"{self.body}-{self.check_digit}"

    def __str__(self) -> str:
        return self.format()


def parse_rut(text: str) -> Rut:
    """Read a RUT written in any common way and check its digit.

    >>> parse_rut("12.345.678-5").compact()
    '12345678-5'
    >>> parse_rut(" 10.000.013-k ").format()
    '10.000.013-K'

    Raises :class:`InvalidRut` naming the input and whether the format or
    the check digit is wrong (and then which digit was expected).
    """
    if not isinstance(text, str):
        raise InvalidRut(text, f"expected text such as {_EXAMPLE}")
    cleaned = "".join(text.split()).upper()
    if not cleaned:
        raise InvalidRut(text, f"it is empty; expected something like {_EXAMPLE}")
    match = _RUT_RE.match(cleaned)
    if match is None:
        raise InvalidRut(
            text,
            f"it should be digits followed by a check digit 0-9 or K, like {_EXAMPLE}",
        )
    body = int(match["body"].replace(".", ""))
    if not 1 <= body <= MAX_RUT_BODY:
        raise InvalidRut(text, "the number before the check digit must be from 1 to 99.999.999")
    given = match["dv"]
    expected = compute_check_digit(body)
    if given != expected:
        raise InvalidRut(text, f"wrong check digit {given}; for {body} it should be {expected}")
    return Rut(body, expected)


def is_valid_rut(text: str) -> bool:
    """True if ``text`` is a RUT :func:`parse_rut` accepts."""
    try:
        parse_rut(text)
    except InvalidRut:
        return False
    return True
