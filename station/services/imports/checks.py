"""Problems found in an import file, and per-row checks that collect them instead of stopping."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from station.services.imports.table import Row, Table

HEADER_ROW = 1


@dataclass(frozen=True, order=True)
class Problem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}, column {self.column}" if self.column else f"row {self.row}"
        return f"{where}: {self.message}"


def check_columns(table: Table, known: tuple[str, ...], required: tuple[str, ...], problems: list[Problem]) -> None:
    """Unknown, repeated and missing columns, reported on the header row."""
    seen: set[str] = set()
    for name in table.columns:
        if not name:
            continue
        if name in seen:
            problems.append(Problem(HEADER_ROW, name, "the column appears twice"))
        elif name not in known and not (name.startswith("attr_") and "attr_" in known):
            listed = ", ".join(column for column in known if column != "attr_")
            problems.append(Problem(HEADER_ROW, name, f"unknown column; expected {listed}"))
        seen.add(name)
    for name in required:
        if name not in seen:
            problems.append(Problem(HEADER_ROW, name, "required column is missing"))


class RowCheck:
    """Reads one row's fields; every problem goes to the shared list and the reader gets `None`."""

    def __init__(self, row: Row, problems: list[Problem]) -> None:
        self.row = row
        self.problems = problems
        if "(extra)" in row.values:
            self.problem("", f"cells under no column name: {row.values['(extra)']!r}")

    def problem(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.row.number, column, message))

    def missing(self, column: str) -> None:
        # A column missing from the whole file is reported once, on the header row.
        if column in self.row.values:
            self.problem(column, "missing value")

    def text(self, column: str, *, required: bool = False, max_length: int = 300) -> str | None:
        value = self.row.get(column)
        if not value:
            if required:
                self.missing(column)
                return None
            return ""
        if len(value) > max_length:
            self.problem(column, f"too long: {len(value)} characters, at most {max_length}")
            return None
        return value

    def whole(self, column: str, *, required: bool = False, minimum: int = 0, default: int | None = 0) -> int | None:
        value = self.row.get(column)
        if not value:
            if required:
                self.missing(column)
            return default
        if not re.fullmatch(r"[+-]?\d+", value):
            self.problem(column, f"bad number {value!r}: expected a whole number like 12")
            return None
        number = int(value)
        if number < minimum:
            self.problem(column, f"{number} is too small: at least {minimum}")
            return None
        if number > 2**31 - 1:
            self.problem(column, f"{number} is too large")
            return None
        return number

    def day(self, column: str) -> date | None:
        """A date as 2026-12-31 or 31-12-2026 (also with `/`); empty is `None`."""
        value = self.row.get(column)
        if not value:
            return None
        iso = re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", value)
        chilean = re.fullmatch(r"(\d{1,2})[-/](\d{1,2})[-/](\d{4})", value)
        try:
            if iso:
                return date(int(iso[1]), int(iso[2]), int(iso[3]))
            if chilean:
                return date(int(chilean[3]), int(chilean[2]), int(chilean[1]))
        except ValueError as exc:
            self.problem(column, f"bad date {value!r}: {exc}")
            return None
        self.problem(column, f"bad date {value!r}: expected e.g. 2026-12-31 or 31-12-2026")
        return None

    def choice(self, column: str, choices: tuple[str, ...], *, default: str) -> str | None:
        value = self.row.get(column).lower()
        if not value:
            return default
        if value not in choices:
            self.problem(column, f"{value!r} is not one of {', '.join(choices)}")
            return None
        return value


class FirstSeen:
    """Catches a key given twice in one file: `seen('SKU-1', row)` returns the earlier row or None."""

    def __init__(self) -> None:
        self._rows: dict[str, int] = {}

    def seen(self, key: str, row: int) -> int | None:
        earlier = self._rows.get(key.upper())
        if earlier is None:
            self._rows[key.upper()] = row
        return earlier
