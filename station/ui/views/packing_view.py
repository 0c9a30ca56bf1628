"""The packing bench: scan an order, scan its items, weigh, choose the box and carrier, confirm.

Layout only; `PackingController` wires it. The scan field keeps the focus the whole time (tables
and panels never take it), so a scanner or the keyboard always lands there.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.ui.models.pack_lines_model import BIN, COUNT, IMAGE, IMAGE_SIZE, NAME, SKU
from station.ui.style import MESSAGE_MARGINS
from station.ui.views.packing_panels import (
    SIDE_PANEL_WIDTH,
    DonePanel,
    PromptBar,
    RatesPanel,
    WeighPanel,
    set_kind,
)
from station.ui.views.packing_style import PACKING_STYLESHEET

IDLE, ORDER, DONE = range(3)
LINE_ROW_HEIGHT = 58


class PackingView(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(PACKING_STYLESHEET)
        self.title = QLabel(title)
        self.title.setObjectName("viewTitle")
        self.steps = QLabel()
        self.steps.setObjectName("packingSteps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.order_label = QLabel()
        self.order_label.setObjectName("packingOrder")
        self.customer_label = QLabel()
        self.customer_label.setObjectName("packingCustomer")
        self.customer_label.setWordWrap(True)

        self.message = QLabel()
        self.message.setObjectName("packingMessage")
        self.message.setWordWrap(True)
        self.message.setContentsMargins(*MESSAGE_MARGINS)
        self.message.hide()

        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("scanField")
        self.scan_field.setPlaceholderText(self.tr("Scan here, or type a code and press Enter"))
        self.count_chip = QLabel()
        self.count_chip.setObjectName("scanCount")
        self.count_chip.hide()
        self.prompt = PromptBar()

        self.lines_table = self._lines_table()
        self.weigh_panel = WeighPanel()
        self.rates_panel = RatesPanel()
        self.done_panel = DonePanel()
        self.idle_text = QLabel()
        self.idle_text.setObjectName("idleText")
        self.idle_text.setWordWrap(True)
        self.idle_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle_hint = QLabel()
        self.idle_hint.setObjectName("idleHint")
        self.idle_hint.setWordWrap(True)
        self.idle_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.shortcut_bar = QLabel()
        self.shortcut_bar.setObjectName("shortcutBar")
        self.shortcut_bar.setWordWrap(True)
        self.shortcut_bar.setTextFormat(Qt.TextFormat.RichText)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._idle_page())
        self.stack.addWidget(self._order_page())
        self.stack.addWidget(self.done_panel)
        self._layout()
        self.show_idle()

    # -- building ----------------------------------------------------------------------------------

    def _lines_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("packLines")
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(LINE_ROW_HEIGHT)
        table.setIconSize(QSize(IMAGE_SIZE, IMAGE_SIZE))
        table.setWordWrap(True)  # a long product name takes two lines
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        return table

    def fit_line_columns(self) -> None:
        """Column widths for the big type (called once the model is set)."""
        header = self.lines_table.horizontalHeader()
        header.setSectionResizeMode(IMAGE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(IMAGE, IMAGE_SIZE + 16)
        for column in (SKU, BIN, COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)

    def _idle_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.idle_text)
        layout.addSpacing(12)
        layout.addWidget(self.idle_hint)
        layout.addStretch(2)
        return page

    def _order_page(self) -> QWidget:
        page = QWidget()
        side = QWidget()
        side.setFixedWidth(SIDE_PANEL_WIDTH)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(10)
        side_layout.addWidget(self.weigh_panel)
        side_layout.addWidget(self.rates_panel, 1)
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.lines_table, 1)
        layout.addWidget(side)
        return page

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.steps, 0, Qt.AlignmentFlag.AlignBottom)
        order_row = QHBoxLayout()
        order_row.addWidget(self.order_label)
        order_row.addSpacing(16)
        order_row.addWidget(self.customer_label, 1)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_field, 1)
        scan_row.addWidget(self.count_chip)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(order_row)
        layout.addWidget(self.message)
        layout.addLayout(scan_row)
        layout.addWidget(self.prompt)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.shortcut_bar)

    # -- showing ---------------------------------------------------------------------------------

    def show_idle(self) -> None:
        self.stack.setCurrentIndex(IDLE)
        self.order_label.clear()
        self.customer_label.clear()

    def show_order(self) -> None:
        self.stack.setCurrentIndex(ORDER)

    def show_done(self) -> None:
        self.stack.setCurrentIndex(DONE)

    @property
    def page(self) -> int:
        return self.stack.currentIndex()

    def set_message(self, kind: str, text: str) -> None:
        """kind: error (red), warning (orange), success (green), info (cyan); empty text hides it."""
        self.message.setText(text)
        set_kind(self.message, kind)
        self.message.setVisible(bool(text))

    @property
    def message_kind(self) -> str:
        return str(self.message.property("kind") or "") if self.message.isVisible() else ""

    def set_count(self, count: int | None) -> None:
        self.count_chip.setText(f"× {count}" if count else "")
        self.count_chip.setVisible(bool(count))

    def set_shortcuts(self, pairs: list[tuple[str, str]]) -> None:
        """The keys that work now, as "key: what it does" pairs."""
        self.shortcut_bar.setText(
            " &nbsp;·&nbsp; ".join(f"<b>{key}</b>&nbsp;{what}" for key, what in pairs)
        )

    def set_steps(self, titles: list[str], current: int) -> None:
        parts = []
        for number, title in enumerate(titles):
            if number == current:
                parts.append(f"<span style='color:#EA580C; font-weight:bold'>{number + 1}&nbsp;{title}</span>")
            else:
                parts.append(f"{number + 1}&nbsp;{title}")
        self.steps.setText(" &nbsp;›&nbsp; ".join(parts))
