"""A view not built yet says so plainly, in big type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderView(QWidget):
    def __init__(self, title: str, coming_with: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setObjectName("viewTitle")
        self.headline = QLabel(self.tr("%1 is not built yet.").replace("%1", title))
        self.headline.setObjectName("placeholderTitle")
        self.headline.setWordWrap(True)
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel(coming_with)
        self.detail.setObjectName("placeholderText")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addStretch(1)
        layout.addWidget(self.headline)
        layout.addSpacing(12)
        layout.addWidget(self.detail)
        layout.addStretch(2)
