"""The main window: a navigation list on the left, the current view on the right, a status bar.

Layout only; `MainController` fills it and wires it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

SHORTCUT_ROLE = Qt.ItemDataRole.UserRole + 10
KEY_ROLE = Qt.ItemDataRole.UserRole + 11


class NavigationDelegate(QStyledItemDelegate):
    """Draws each entry's shortcut key, right-aligned and dimmed, beside its title."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        shortcut = index.data(SHORTCUT_ROLE)
        if not shortcut:
            return
        painter.save()
        painter.setPen(QColor("#94A3B8"))
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 0.75)
        painter.setFont(font)
        area = QRect(option.rect).adjusted(0, 0, -14, 0)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), shortcut)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 48, hint.height())


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Just Logistics Station"))
        self.resize(1366, 800)

        brand = QLabel(self.tr("Just Logistics"))
        brand.setObjectName("brand")
        self.brand_accent = QLabel(self.tr("Station"))
        self.brand_accent.setObjectName("brandAccent")
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setItemDelegate(NavigationDelegate(self.navigation))
        self.navigation.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F-keys navigate; focus stays in the view
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        sidebar = QWidget()
        sidebar.setFixedWidth(248)
        sidebar_layout = QVBoxLayout(sidebar)
        sidebar_layout.setContentsMargins(0, 0, 0, 0)
        sidebar_layout.setSpacing(0)
        sidebar_layout.addWidget(brand)
        sidebar_layout.addWidget(self.brand_accent)
        sidebar_layout.addWidget(self.navigation, 1)

        self.pages = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.user_label = self._status_label("statusUser")
        self.database_label = self._status_label("statusDatabase")
        self.station_label = self._status_label("statusStation")
        self.devices_label = self._status_label("statusDevices")
        self.plugins_label = self._status_label("statusPlugins")
        self.task_problem_label = self._status_label("statusProblem")
        status = self.statusBar()
        status.setSizeGripEnabled(False)
        status.addWidget(self.user_label)
        status.addWidget(self.task_problem_label, 1)
        for label in (self.database_label, self.station_label, self.devices_label, self.plugins_label):
            status.addPermanentWidget(label)

    @staticmethod
    def _status_label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        return label

    def add_page(self, key: str, title: str, shortcut: str, widget: QWidget) -> None:
        item = QListWidgetItem(title)
        item.setData(KEY_ROLE, key)
        item.setData(SHORTCUT_ROLE, shortcut)
        item.setToolTip(f"{title} ({shortcut})")
        self.navigation.addItem(item)
        widget.setObjectName(f"page_{key}")
        self.pages.addWidget(widget)

    def page_keys(self) -> list[str]:
        return [self.navigation.item(row).data(KEY_ROLE) for row in range(self.navigation.count())]

    def show_page_at(self, row: int) -> None:
        self.navigation.setCurrentRow(row)
        self.pages.setCurrentIndex(row)
