"""Units scanned and not yet placed, for the Transfers tab (no Qt).

A scan adds one unit of an item, or the count typed just before it ("3", Enter, scan: three units).
`Basket` keeps them per SKU in scan order, so a message can list them and a move or a receipt can
take them all at once; `Draft` keeps a new transfer's lines per source bin.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Basket:
    units: dict[str, int] = field(default_factory=dict)  # SKU -> units, in scan order
    count: int | None = None  # typed count for the next item

    def add(self, sku: str) -> int:
        """Add the typed count (or 1) of `sku`; returns how many were added."""
        added = self.count or 1
        self.units[sku] = self.units.get(sku, 0) + added
        self.count = None
        return added

    def would_hold(self, sku: str) -> int:
        """Units of `sku` after the next add."""
        return self.units.get(sku, 0) + (self.count or 1)

    def items(self) -> list[tuple[str, int]]:
        return list(self.units.items())

    @property
    def total(self) -> int:
        return sum(self.units.values())

    def text(self) -> str:
        return ", ".join(f"{units} × {sku}" for sku, units in self.units.items())

    def clear(self) -> None:
        self.units.clear()
        self.count = None


@dataclass
class Draft:
    """A new transfer being scanned: a source bin, then its items; another bin, then its items…"""

    bin: str = ""
    lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (bin, SKU) -> units
    count: int | None = None

    def add(self, sku: str) -> int:
        added = self.count or 1
        key = (self.bin, sku)
        self.lines[key] = self.lines.get(key, 0) + added
        self.count = None
        return added

    def would_hold(self, sku: str) -> int:
        return self.lines.get((self.bin, sku), 0) + (self.count or 1)

    def requests(self) -> list[tuple[str, int, str]]:
        """(SKU, units, bin) for `create_transfer`."""
        return [(sku, units, bin_code) for (bin_code, sku), units in self.lines.items()]

    @property
    def total(self) -> int:
        return sum(self.lines.values())

    def text(self) -> str:
        by_bin: dict[str, list[str]] = {}
        for (bin_code, sku), units in self.lines.items():
            by_bin.setdefault(bin_code, []).append(f"{units} × {sku}")
        return "; ".join(f"{bin_code}: {', '.join(parts)}" for bin_code, parts in by_bin.items())
