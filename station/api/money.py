"""`Money`: an integer amount of a currency's minor unit. Never a float."""

from __future__ import annotations

from dataclasses import dataclass

from station.api._checks import require_int


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in the currency's minor unit: ``Money(9990, "CLP")`` is $9.990,
    ``Money(1999, "USD")`` is US$19.99 (CLP has no minor unit; USD has cents).

    ``amount`` must be an ``int`` (floats are refused: a price never loses a peso to rounding);
    ``currency`` is an ISO 4217 alphabetic code, normalised to upper case. Amounts may be
    negative (differences, adjustments). ``+``, ``-`` and comparisons work only between the same
    currency; ``*`` takes an ``int`` quantity.
    """

    amount: int
    currency: str

    def __post_init__(self) -> None:
        require_int("Money", "amount", self.amount)
        code = self.currency
        if not isinstance(code, str):
            raise TypeError(f"Money.currency must be a str such as 'CLP', got {type(code).__name__}")
        normalised = code.strip().upper()
        if len(normalised) != 3 or not (normalised.isascii() and normalised.isalpha()):
            raise ValueError(f"Money.currency must be a 3-letter ISO 4217 code such as 'CLP', got {code!r}")
        object.__setattr__(self, "currency", normalised)

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    def _same_currency(self, other: object, operation: str) -> Money:
        if not isinstance(other, Money):
            raise TypeError(f"cannot {operation} Money and {type(other).__name__}")
        if other.currency != self.currency:
            raise ValueError(f"cannot {operation} {self.currency} and {other.currency} amounts")
        return other

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + self._same_currency(other, "add").amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money(self.amount - self._same_currency(other, "subtract").amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __mul__(self, quantity: int) -> Money:
        if isinstance(quantity, bool) or not isinstance(quantity, int):
            raise TypeError(f"Money can only be multiplied by an int quantity, got {quantity!r}")
        return Money(self.amount * quantity, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        return self.amount < self._same_currency(other, "compare").amount

    def __le__(self, other: Money) -> bool:
        return self.amount <= self._same_currency(other, "compare").amount

    def __gt__(self, other: Money) -> bool:
        return self.amount > self._same_currency(other, "compare").amount

    def __ge__(self, other: Money) -> bool:
        return self.amount >= self._same_currency(other, "compare").amount

    def __str__(self) -> str:
        # Minor units, for logs and error messages; the UI formats for people ($9.990).
        return f"{self.amount} {self.currency}"
