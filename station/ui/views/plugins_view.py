"""Settings → Plugins: what the station loaded, and plugin wheels installed or removed. Layout only.

Keyboard: Alt+W goes to the wheel path, Enter there installs; Alt+B browses; the table takes
the arrow keys and Delete removes the selected installed plugin.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.ui.style import GREEN, MESSAGE_MARGINS, MUTED, RED

STATUS_COLOURS = {"enabled": GREEN, "failed": RED, "disabled": MUTED, "installed": MUTED, "removed": MUTED}


class PluginsView(QWidget):
    sig_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pluginsView")

        self.restart_note = QLabel(
            self.tr("Installing or removing a plugin takes effect the next time the station starts.")
        )
        self.restart_note.setObjectName("infoMessage")
        self.restart_note.setWordWrap(True)
        self.restart_note.setContentsMargins(*MESSAGE_MARGINS)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("pluginsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Plugin"), self.tr("Version"), self.tr("Provides"), self.tr("Status"), self.tr("Problem")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

        self.wheel_label = QLabel(self.tr("Plugin &wheel (.whl)"))
        self.wheel_label.setObjectName("fieldLabel")
        self.wheel_path = QLineEdit()
        self.wheel_path.setObjectName("wheelPath")
        self.wheel_path.setPlaceholderText(self.tr("Path to a plugin wheel; its dependency wheels next to it"))
        self.wheel_label.setBuddy(self.wheel_path)
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.install_button = QPushButton(self.tr("&Install"))
        self.install_button.setObjectName("primary")
        self.remove_button = QPushButton(self.tr("&Remove selected"))
        self.remove_button.setEnabled(False)
        self.remove_shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        self.remove_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.folder = QLabel()
        self.folder.setObjectName("fieldLabel")
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        install_row = QHBoxLayout()
        install_row.setSpacing(10)
        install_row.addWidget(self.wheel_label)
        install_row.addWidget(self.wheel_path, 1)
        install_row.addWidget(self.browse_button)
        install_row.addWidget(self.install_button)
        remove_row = QHBoxLayout()
        remove_row.addWidget(self.remove_button)
        remove_row.addWidget(self.folder, 1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setContentsMargins(*MESSAGE_MARGINS)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.restart_note)
        layout.addWidget(self.table, 1)
        layout.addLayout(remove_row)
        layout.addLayout(install_row)
        layout.addWidget(self.message)

    def show_rows(self, rows: list[tuple[str, str, str, str, str, str]]) -> None:
        """Rows of (name, version, provides, status key, status text, problem)."""
        self.table.setRowCount(len(rows))
        for row, (name, version, provides, status, status_text, problem) in enumerate(rows):
            cells = (name, version, provides, status_text, problem)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 3:
                    item.setForeground(QColor(STATUS_COLOURS.get(status, MUTED)))
                    item.setData(Qt.ItemDataRole.UserRole, status)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).text()

    def show_message(self, text: str, *, ok: bool) -> None:
        self.message.setObjectName("successMessage" if ok else "errorMessage")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.sig_shown.emit()
