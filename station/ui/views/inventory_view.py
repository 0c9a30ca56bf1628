"""The Inventory page: its title and one tab per warehouse task (stock, receiving, putaway, counts …).

Layout only; `InventoryController` fills the tabs. Ctrl+PgDown / Ctrl+PgUp step through the tabs,
Alt+1 … Alt+9 jump to one, so the page works from the keyboard like the packing bench.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget


class InventoryView(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setObjectName("viewTitle")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("inventoryTabs")
        self.tabs.setDocumentMode(True)
        self._keys: list[str] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)

    def add_tab(self, key: str, title: str, widget: QWidget) -> None:
        widget.setObjectName(f"inventoryTab_{key}")
        self.tabs.addTab(widget, title)
        self._keys.append(key)

    def tab_keys(self) -> list[str]:
        return list(self._keys)

    @property
    def current_key(self) -> str:
        return self._keys[self.tabs.currentIndex()]

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(self._keys.index(key))
