"""The Import tab's table of problems: every bad row of a file, with its column and what is wrong."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from station.services.imports import Problem
from station.ui.models.rows_model import Column, RowsTableModel

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class ImportProblemsModel(RowsTableModel[Problem]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    lambda: translate("ImportProblems", "Row"),
                    lambda p: str(p.row),
                    lambda p: (p.row, p.column),
                    numeric=True,
                ),
                Column(lambda: translate("ImportProblems", "Column"), lambda p: p.column or "–", lambda p: p.column),
                Column(lambda: translate("ImportProblems", "Problem"), lambda p: p.message, lambda p: p.message),
            ],
            parent,
        )
