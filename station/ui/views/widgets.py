"""Widgets the Inventory tabs build the same way: the boxed message, the scan field, a read-only
table, the shortcut bar. The styles are station/ui/style.py's (and each tab's own stylesheet)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.ui.style import MESSAGE_MARGINS

# (part, stretch) takes the room left over; a bare number is empty stretch
Part = QWidget | QLayout | tuple[QWidget | QLayout, int] | int

# A message's kind → the object name the stylesheets colour it by.
MESSAGE_NAMES = {
    "error": "errorMessage",
    "info": "infoMessage",
    "success": "successMessage",
    "warning": "warningMessage",
}


def message_label(object_name: str = "infoMessage") -> QLabel:
    """A big boxed message under the scan field; hidden until it has something to say. `object_name`:
    its style until `show_message` gives it one ("" for none: the text then sits nearer the edge)."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setContentsMargins(*MESSAGE_MARGINS)
    label.hide()
    return label


def style_message(label: QLabel, object_name: str, text: str) -> None:
    """Show `text` styled as `object_name` (errorMessage, infoMessage…); empty text hides the label."""
    if label.objectName() != object_name:
        label.setObjectName(object_name)
        label.style().unpolish(label)  # the stylesheet matches on the object name
        label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))


def show_message(label: QLabel, kind: str, text: str) -> None:
    """kind: error (red), warning (orange), success (green), info (cyan); empty text hides the label."""
    style_message(label, MESSAGE_NAMES.get(kind, "infoMessage"), text)


def message_kind(label: QLabel) -> str:
    """The kind of the message on screen, "" when none shows."""
    if not label.isVisible():
        return ""
    return next((kind for kind, name in MESSAGE_NAMES.items() if name == label.objectName()), "")


def scan_field(placeholder: str, object_name: str = "filter") -> QLineEdit:
    """A field a scanner types into (or a person), with a button that clears it."""
    field = QLineEdit()
    field.setObjectName(object_name)
    field.setPlaceholderText(placeholder)
    field.setClearButtonEnabled(True)
    return field


def read_only_table(
    row_height: int = 36,
    *,
    object_name: str = "",
    sortable: bool = True,
    focus: Qt.FocusPolicy = Qt.FocusPolicy.NoFocus,  # the scan field keeps the focus
    highlight_sections: bool = False,
) -> QTableView:
    """Whole rows selected one at a time, never edited, one line each (long text elided)."""
    table = QTableView()
    if object_name:
        table.setObjectName(object_name)
    table.setFocusPolicy(focus)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setSortingEnabled(sortable)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(row_height)
    table.horizontalHeader().setHighlightSections(highlight_sections)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def select_row(table: QTableView, row: int) -> None:
    """Select a whole row (the tables never take the focus, so this is how they show the current line)."""
    index = table.model().index(row, 0)
    table.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.scrollTo(index)


def step_selection(table: QTableView, step: int) -> None:
    """↑/↓ from the scan field: select the row `step` away from the selected one (the first row when
    none is), never past either end."""
    count = table.model().rowCount() if table.model() else 0
    if count:
        rows = table.selectionModel().selectedRows()
        row = rows[0].row() + step if rows else 0
        select_row(table, max(0, min(count - 1, row)))


def shortcut_bar(*, wrap: bool = False) -> QLabel:
    """The line at the bottom of a tab naming its keys; fill it with `shortcut_text`."""
    label = QLabel()
    label.setObjectName("shortcutBar")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(wrap)
    return label


def shortcut_text(pairs: list[tuple[str, str]]) -> str:
    """[("Esc", "start over"), …] → "<b>Esc</b> start over · …" for a shortcut bar."""
    return " &nbsp;·&nbsp; ".join(f"<b>{key}</b>&nbsp;{what}" for key, what in pairs)


def _fill(layout: QBoxLayout, parts: tuple[Part, ...]) -> None:
    for part in parts:
        if isinstance(part, int):
            layout.addStretch(part)
            continue
        item, stretch = part if isinstance(part, tuple) else (part, 0)
        if isinstance(item, QLayout):
            layout.addLayout(item, stretch)
        else:
            layout.addWidget(item, stretch)


def tab_column(tab: QWidget, *parts: Part, spacing: int = 10) -> QVBoxLayout:
    """A tab's content, top to bottom: no side margins (the page has them), some air under the tab bar."""
    layout = QVBoxLayout(tab)
    layout.setContentsMargins(0, 12, 0, 0)
    layout.setSpacing(spacing)
    _fill(layout, parts)
    return layout


def stack_page(*parts: Part, spacing: int = 8) -> QWidget:
    """One page of a stacked tab (counting, review…): its parts top to bottom, no margins."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    _fill(layout, parts)
    return widget


def row(*parts: Part, spacing: int | None = None) -> QHBoxLayout:
    """Parts side by side, left to right (a scan field and its buttons, a line of filters)."""
    layout = QHBoxLayout()
    if spacing is not None:
        layout.setSpacing(spacing)
    _fill(layout, parts)
    return layout


class ScanTabView(QWidget):
    """A scanning tab's view: its subclass makes `message` (a `message_label`) and `shortcut_bar`."""

    message: QLabel
    shortcut_bar: QLabel

    def set_message(self, kind: str, text: str) -> None:
        show_message(self.message, kind, text)

    @property
    def message_kind(self) -> str:
        return message_kind(self.message)

    def set_shortcuts(self, pairs: list[tuple[str, str]]) -> None:
        self.shortcut_bar.setText(shortcut_text(pairs))
