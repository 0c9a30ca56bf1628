"""The Import tab of the Inventory page: check and import a CSV/XLSX file, and export stock, moves, locations.

Layout only; `ImportController` wires it. The file path is a plain field (typed, pasted or chosen
with Browse…), so the tab works from the keyboard: Enter in the path field checks the file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from station.ui.views.widgets import message_label, row, show_message, tab_column


class EnterButton(QPushButton):
    """A button that Enter presses too (outside a dialog Qt leaves that to Space), for keyboard users."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.isEnabled():
            self.click()
            return
        super().keyPressEvent(event)


def _label(text: str, name: str = "fieldLabel") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    return label


class ImportView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.tenant = QComboBox()
        self.warehouse = QComboBox()
        for combo in (self.kind, self.tenant, self.warehouse):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.path_field = QLineEdit()
        self.path_field.setPlaceholderText(self.tr("File to import: .csv (UTF-8, ',' or ';') or .xlsx"))
        self.path_field.setClearButtonEnabled(True)
        self.browse_button = EnterButton(self.tr("Browse…"))
        self.check_button = EnterButton(self.tr("Check"))
        self.check_button.setToolTip(self.tr("Check every row and say what would change; write nothing"))
        self.import_button = EnterButton(self.tr("Import"))
        self.import_button.setObjectName("primary")
        self.export_kind = QComboBox()
        self.export_button = EnterButton(self.tr("Export…"))

        self.message = message_label("")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.columns_hint = _label("", "viewSubtitle")
        self.columns_hint.setWordWrap(True)
        self.changes = QLabel()
        self.changes.setObjectName("viewSubtitle")
        self.changes.setWordWrap(True)
        self.changes.hide()

        self.problems = QTableView()
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setAlternatingRowColors(True)
        self.problems.setSortingEnabled(True)
        self.problems.setWordWrap(True)
        self.problems.verticalHeader().hide()
        self.problems.horizontalHeader().setHighlightSections(False)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.problems.hide()

        what = QHBoxLayout()
        what.addWidget(_label(self.tr("Import")))
        what.addWidget(self.kind)
        self.tenant_label = _label(self.tr("client"))
        what.addWidget(self.tenant_label)
        what.addWidget(self.tenant)
        self.warehouse_label = _label(self.tr("into warehouse"))
        what.addWidget(self.warehouse_label)
        what.addWidget(self.warehouse)
        what.addStretch(1)

        file_bar = row((self.path_field, 1), self.browse_button, self.check_button, self.import_button)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #CBD5E1;")
        export_bar = QHBoxLayout()
        export_bar.addWidget(_label(self.tr("Export")))
        export_bar.addWidget(self.export_kind)
        export_bar.addWidget(self.export_button)
        export_bar.addStretch(1)

        self.filler = QWidget()  # keeps the bars at the top while no table shows
        tab_column(
            self,
            what,
            file_bar,
            self.columns_hint,
            self.message,
            self.changes,
            (self.problems, 1),
            (self.filler, 1),
            line,
            export_bar,
        )

    def show_message(self, kind: str, text: str) -> None:
        """`kind`: "error", "info" or "success" (the style's message colours)."""
        show_message(self.message, kind, text)

    def show_changes(self, lines: list[str]) -> None:
        self.changes.setText("\n".join(f"• {line}" for line in lines))
        self.changes.setVisible(bool(lines))

    def show_problems(self, visible: bool) -> None:
        self.problems.setVisible(visible)
        self.filler.setVisible(not visible)

    def clear_result(self) -> None:
        self.message.hide()
        self.changes.hide()
        self.show_problems(False)
