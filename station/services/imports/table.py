"""Reading an import file into rows: CSV (UTF-8, with or without BOM, `,` or `;`) or XLSX (first sheet).

Row numbers are the ones the user sees: the header is row 1 in both a spreadsheet and a text editor.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path


class ImportFileError(ValueError):
    """The file as a whole cannot be read (missing, not UTF-8, no header, unknown format)."""


@dataclass(frozen=True)
class Row:
    number: int  # as the user sees it: the header is row 1
    values: dict[str, str]  # column name (lower case) -> text, stripped

    def get(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass(frozen=True)
class Table:
    path: Path
    columns: list[str]  # normalised header names, in file order
    rows: list[Row] = field(default_factory=list)


def normalise_header(name: str) -> str:
    return "_".join(name.strip().lower().split())


def read_table(path: Path) -> Table:
    if not path.is_file():
        raise ImportFileError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".csv" or suffix == ".txt":
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise ImportFileError(f"{path.name}: unknown file type {suffix or '(none)'}; use .csv or .xlsx")


def sniff_separator(first_line: str) -> str:
    """`;` when the header has more semicolons than commas (Excel in Chile), else `,`."""
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _read_csv(path: Path) -> Table:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"{path.name}: not UTF-8 text (byte {exc.start + 1}); save it as 'CSV UTF-8' and try again"
        ) from None
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_separator(first_line))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError(f"{path.name}: the file is empty; the first row must name the columns") from None
    columns = [normalise_header(name) for name in header]
    rows: list[Row] = []
    line_before = reader.line_num
    for record in reader:
        number = line_before + 1  # the line the record starts on
        line_before = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        rows.append(Row(number, _pair(columns, [cell.strip() for cell in record])))
    return _checked(path, columns, rows)


def _read_xlsx(path: Path) -> Table:
    import openpyxl  # noqa: PLC0415 - only when an XLSX file is read

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(f"{path.name}: not a readable XLSX workbook ({exc})") from None
    try:
        sheet = workbook.worksheets[0]
        rows: list[Row] = []
        columns: list[str] | None = None
        for number, record in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [cell_text(value) for value in record]
            if columns is None:
                if not any(cells):
                    continue
                columns = [normalise_header(name) for name in cells]
                while columns and not columns[-1]:
                    columns.pop()
                continue
            if any(cells):
                rows.append(Row(number, _pair(columns, cells)))
    finally:
        workbook.close()
    if columns is None:
        raise ImportFileError(f"{path.name}: the first sheet is empty; its first row must name the columns")
    return _checked(path, columns, rows)


def cell_text(value: object) -> str:
    """A spreadsheet cell as the text a person would have typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _pair(columns: list[str], cells: list[str]) -> dict[str, str]:
    values = {column: cell for column, cell in zip(columns, cells) if column}
    unnamed = [cell for column, cell in zip(columns, cells) if not column and cell] + cells[len(columns) :]
    if any(unnamed):
        values["(extra)"] = " ".join(cell for cell in unnamed if cell)
    return values


def _checked(path: Path, columns: list[str], rows: list[Row]) -> Table:
    if not any(columns):
        raise ImportFileError(f"{path.name}: the first row must name the columns")
    return Table(path, columns, rows)
