"""Currency facts, formatting, parsing and exact splitting of money amounts.

Money is always an ``int`` of the currency's minor unit (ISO 4217): CLP has
no minor unit, so ``9990`` is $9.990; USD has two, so ``1234567`` is
US$12.345,67. No floats anywhere. The ``Money`` value type itself lives in
``station.api``; these helpers work on ``(amount_minor, currency)`` pairs.

Locales: ``"es-CL"`` (default; ``.`` groups thousands, ``,`` marks decimals)
and ``"en"`` (``,`` groups, ``.`` decimals). Any ``es-*``/``en-*`` tag falls
back to these.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from station.domain.errors import DomainError

__all__ = [
    "CURRENCIES",
    "Currency",
    "InvalidAmount",
    "UnknownCurrency",
    "UnsupportedLocale",
    "allocate",
    "decimal_to_minor",
    "format_money",
    "get_currency",
    "minor_to_decimal",
    "minor_units",
    "parse_money",
    "split_evenly",
]


class UnknownCurrency(DomainError, ValueError):
    """A currency code that is not in :data:`CURRENCIES`."""

    def __init__(self, code: object) -> None:
        self.code = code
        known = ", ".join(sorted(CURRENCIES))
        super().__init__(f"Unknown currency {code!r}; known currencies: {known}")


class UnsupportedLocale(DomainError, ValueError):
    """A locale the money formatter does not know."""

    def __init__(self, locale: object) -> None:
        self.locale = locale
        super().__init__(f"Unsupported locale {locale!r}; use 'es-CL' or 'en'")


class InvalidAmount(DomainError, ValueError):
    """Text or a number that is not a valid amount of the given currency."""


@dataclass(frozen=True)
class Currency:
    """ISO 4217 facts about one currency.

    ``prefix`` is what :func:`format_money` writes before the number;
    ``symbols`` are extra markers :func:`parse_money` accepts.
    """

    code: str
    name: str
    minor_units: int
    prefix: str
    symbols: tuple[str, ...] = ()


def _table(*currencies: Currency) -> Mapping[str, Currency]:
    return MappingProxyType({c.code: c for c in currencies})


CURRENCIES: Mapping[str, Currency] = _table(
    Currency("CLP", "Chilean peso", 0, "$", ("$", "CLP$")),
    Currency("CLF", "Unidad de Fomento", 4, "CLF ", ("UF",)),
    Currency("USD", "US dollar", 2, "US$", ("US$", "USD$", "$")),
    Currency("EUR", "Euro", 2, "EUR ", ("€",)),
    Currency("ARS", "Argentine peso", 2, "ARS ", ("AR$", "$")),
    Currency("PEN", "Peruvian sol", 2, "PEN ", ("S/",)),
    Currency("COP", "Colombian peso", 2, "COP ", ("COL$", "$")),
    Currency("MXN", "Mexican peso", 2, "MXN ", ("MX$", "$")),
    Currency("BRL", "Brazilian real", 2, "BRL ", ("R$",)),
    Currency("UYU", "Uruguayan peso", 2, "UYU ", ("$U", "$")),
)
"""Known currencies by ISO code (read-only)."""

# (group separator, decimal separator) per supported locale.
_LOCALES: Mapping[str, tuple[str, str]] = {"es-CL": (".", ","), "en": (",", ".")}


def get_currency(code: str) -> Currency:
    """The :class:`Currency` for an ISO code (case-insensitive)."""
    if isinstance(code, str):
        found = CURRENCIES.get(code.strip().upper())
        if found is not None:
            return found
    raise UnknownCurrency(code)


def minor_units(currency: str) -> int:
    """Decimal places of the currency's minor unit: CLP 0, USD 2, CLF 4."""
    return get_currency(currency).minor_units


def _separators(locale: str) -> tuple[str, str]:
    if isinstance(locale, str):
        tag = locale.strip().replace("_", "-")
        for known, seps in _LOCALES.items():
            if tag.lower() == known.lower():
                return seps
        language = tag.split("-")[0].lower()
        if language == "es":
            return _LOCALES["es-CL"]
        if language == "en":
            return _LOCALES["en"]
    raise UnsupportedLocale(locale)


def _check_int(value: object, what: str = "amount in minor units (e.g. cents)") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidAmount(f"The {what} must be a whole number, got {value!r}")
    return value


def format_money(amount_minor: int, currency: str, locale: str = "es-CL") -> str:
    """Write an amount for people.

    >>> format_money(9990, "CLP")
    '$9.990'
    >>> format_money(-1500, "CLP")
    '-$1.500'
    >>> format_money(1234567, "USD")
    'US$12.345,67'
    >>> format_money(123450, "EUR")
    'EUR 1.234,50'
    >>> format_money(1234567, "USD", locale="en")
    'US$12,345.67'
    """
    amount = _check_int(amount_minor)
    info = get_currency(currency)
    group, decimal = _separators(locale)
    sign = "-" if amount < 0 else ""
    major, minor = divmod(abs(amount), 10**info.minor_units)
    number = f"{major:,}".replace(",", group)
    if info.minor_units:
        number += decimal + str(minor).zfill(info.minor_units)
    return f"{sign}{info.prefix}{number}"


def _strip_marker(text: str, info: Currency) -> str:
    """Remove one currency marker (prefix or suffix) that belongs to ``info``."""
    own = {info.code, info.prefix.strip(), *info.symbols}
    for marker in sorted(own, key=len, reverse=True):
        if text.startswith(marker):
            return text[len(marker) :]
        if text.endswith(marker):
            return text[: -len(marker)]
    return text


def parse_money(text: str, currency: str, locale: str = "es-CL") -> int:
    """Read an amount typed by a person into integer minor units.

    Accepts an optional sign, the currency's symbol or code, and thousands
    separators placed in groups of three::

        parse_money("$9.990", "CLP") == 9990
        parse_money("9990", "CLP") == 9990
        parse_money("12.345,67", "USD") == 1234567
        parse_money("US$12,345.67", "USD", locale="en") == 1234567

    Raises :class:`InvalidAmount` naming the text and the problem, notably
    when it has more decimals than the currency allows (``"9.990,5"`` CLP).
    """
    info = get_currency(currency)
    group, decimal = _separators(locale)
    if not isinstance(text, str):
        raise InvalidAmount(f"Expected an amount as text, got {text!r}")
    cleaned = "".join(text.split()).upper()
    negative = False
    if cleaned and cleaned[0] in "+-":
        negative, cleaned = cleaned[0] == "-", cleaned[1:]
    cleaned = _strip_marker(cleaned, info)
    if cleaned and cleaned[0] in "+-" and not negative:
        negative, cleaned = cleaned[0] == "-", cleaned[1:]
    example = format_money(int("12345" + "6789"[: info.minor_units]), info.code, locale)
    if not cleaned:
        raise InvalidAmount(f"{text!r} has no number in it; expected e.g. {example}")
    g, d = re.escape(group), re.escape(decimal)
    pattern = rf"(?P<int>\d{{1,3}}(?:{g}\d{{3}})+|\d+)(?:{d}(?P<frac>\d+))?"
    match = re.fullmatch(pattern, cleaned)
    if match is None:
        if re.search(r"[A-Z€]", cleaned):
            reason = f"is not an amount in {info.code}; expected e.g. {example}"
            raise InvalidAmount(f"{text!r} {reason}")
        hint = ""
        if re.fullmatch(rf"\d+(?:{g}\d{{3}})*{g}\d{{1,2}}", cleaned):
            hint = f" (the decimal separator here is {decimal!r})"
        raise InvalidAmount(f"{text!r} is not a valid amount{hint}; expected e.g. {example}")
    frac = match["frac"] or ""
    if len(frac) > info.minor_units:
        allowed = (
            "has no decimals"
            if info.minor_units == 0
            else f"allows at most {info.minor_units} decimals"
        )
        count = f"{len(frac)} decimal" + ("s" if len(frac) > 1 else "")
        raise InvalidAmount(f"{text!r} has {count}, but {info.code} {allowed}")
    whole = int(match["int"].replace(group, ""))
    amount = whole * 10**info.minor_units + int(frac.ljust(info.minor_units, "0") or 0)
    return -amount if negative else amount


def minor_to_decimal(amount_minor: int, currency: str) -> Decimal:
    """The exact :class:`~decimal.Decimal` in major units: ``1234, 'USD' -> Decimal('12.34')``."""
    amount = _check_int(amount_minor)
    return Decimal(amount).scaleb(-minor_units(currency))


def decimal_to_minor(value: Decimal | int | str, currency: str) -> int:
    """Convert an exact major-unit value (e.g. from a vendor API) to minor units.

    Raises :class:`InvalidAmount` if it has more decimals than the currency
    allows (no silent rounding) or is not a finite number. Floats are refused.
    """
    if isinstance(value, (bool, float)) or not isinstance(value, (Decimal, int, str)):
        raise InvalidAmount(f"Use Decimal, int or text for money, not {value!r}")
    try:
        exact = Decimal(value)
    except ArithmeticError:
        raise InvalidAmount(f"{value!r} is not a number") from None
    if not exact.is_finite():
        raise InvalidAmount(f"{value!r} is not a finite amount")
    scaled = exact.scaleb(minor_units(currency))
    if scaled != scaled.to_integral_value():
        raise InvalidAmount(
            f"{value!r} has more decimals than {get_currency(currency).code} allows"
            f" ({minor_units(currency)})"
        )
    return int(scaled)


def split_evenly(amount: int, parts: int) -> list[int]:
    """Split ``amount`` into ``parts`` shares that sum exactly to it.

    Shares differ by at most one minor unit; the larger ones come first.
    ``split_evenly(100, 3) == [34, 33, 33]``; ``split_evenly(-100, 3) == [-33, -33, -34]``.
    """
    total = _check_int(amount)
    count = _check_int(parts, "number of parts")
    if count < 1:
        raise InvalidAmount(f"Cannot split into {count} parts; need at least 1")
    base, remainder = divmod(total, count)
    return [base + 1 if i < remainder else base for i in range(count)]


def allocate(amount: int, weights: Sequence[int]) -> list[int]:
    """Share ``amount`` in proportion to integer ``weights``, summing exactly.

    Uses the largest-remainder method: every share is the exact proportional
    value rounded down or up (never off by a whole unit), leftover units go to
    the largest fractional remainders, ties to the earlier weight; a zero
    weight always gets zero. Typical use: spread a discount or shipping charge
    over order lines weighted by their line totals.

    ``allocate(100, [1, 1, 1]) == [34, 33, 33]``; ``allocate(1000, [3, 1]) == [750, 250]``.
    """
    total = _check_int(amount)
    checked = [_check_int(w, "weight") for w in weights]
    if not checked:
        raise InvalidAmount("Cannot allocate over an empty list of weights")
    if any(w < 0 for w in checked):
        raise InvalidAmount(f"Weights must not be negative, got {checked!r}")
    weight_sum = sum(checked)
    if weight_sum == 0:
        raise InvalidAmount(f"Weights must not all be zero, got {checked!r}")
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    floors_and_rests = [divmod(magnitude * w, weight_sum) for w in checked]
    shares = [share for share, _ in floors_and_rests]
    leftover = magnitude - sum(shares)
    by_remainder = sorted(range(len(checked)), key=lambda i: (-floors_and_rests[i][1], i))
    for index in by_remainder[:leftover]:
        shares[index] += 1
    return [sign * share for share in shares]
