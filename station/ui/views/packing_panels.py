"""The packing view's panels: weight and box, carrier rates, the prompt bar and the done panel.

Layout only; the packing controller fills them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.ui.style import MESSAGE_MARGINS

SIDE_PANEL_WIDTH = 500


def set_kind(label: QLabel, kind: str) -> None:
    """Switch a label's colour (its `kind` property in the packing stylesheet)."""
    if label.property("kind") != kind:
        label.setProperty("kind", kind)
        label.style().unpolish(label)
        label.style().polish(label)


def _label(name: str, text: str = "", *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


class WeighPanel(QFrame):
    """Live weight (big), the scale's state, expected weight and verdict; the box and package n of m."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanel")
        # Never squeezed: the carrier panel below gives up height instead (it scrolls).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.weight_title = _label("panelTitle", self.tr("WEIGHT"))
        self.figure = _label("weightFigure", "—")
        self.state = _label("weightState")
        self.expected = _label("weightExpected", wrap=True)
        self.verdict = _label("weightVerdict", wrap=True)
        self.verdict.hide()
        self.box_title = _label("panelTitle", self.tr("BOX"))
        self.package = _label("packageCount")
        self.box = _label("boxLine", wrap=True)
        self.box_reason = _label("boxReason", wrap=True)

        figure_row = QHBoxLayout()
        figure_row.addWidget(self.figure, 1)
        figure_row.addWidget(self.state, 0, Qt.AlignmentFlag.AlignVCenter)
        box_row = QHBoxLayout()
        box_row.addWidget(self.box_title)
        box_row.addStretch(1)
        box_row.addWidget(self.package)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(3)
        layout.addWidget(self.weight_title)
        layout.addLayout(figure_row)
        layout.addWidget(self.expected)
        layout.addWidget(self.verdict)
        layout.addSpacing(6)
        layout.addLayout(box_row)
        layout.addWidget(self.box)
        layout.addWidget(self.box_reason)


class RatesPanel(QFrame):
    """The quotes (cheapest and fastest marked, the chosen one highlighted), why it was chosen,
    and the carriers that could not quote."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanel")
        self.title = _label("panelTitle", self.tr("CARRIER"))
        self.table = QTableView()
        self.table.setObjectName("packRates")
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows move the choice, focus stays on the scan field
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)  # two lines per rate (carrier, service); a longer one is cut with …
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setShowGrid(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reason = _label("rateReason", wrap=True)
        self.problems = _label("rateProblems", wrap=True)
        self.problems.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.problems)

    def fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


class PromptBar(QFrame):
    """A question that needs an answer typed here (a count, a reason) or just Enter / Esc."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptBar")
        self.question = _label("promptQuestion", wrap=True)
        self.answer = QLineEdit()
        self.answer.setObjectName("promptAnswer")
        self.answer.setMinimumWidth(420)
        self.hint = _label("promptHint", wrap=True)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.question)
        texts.addWidget(self.hint)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(14)
        layout.addLayout(texts, 1)
        layout.addWidget(self.answer, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def ask(self, question: str, hint: str, *, with_answer: bool, placeholder: str = "") -> None:
        self.question.setText(question)
        self.hint.setText(hint)
        self.answer.clear()
        self.answer.setPlaceholderText(placeholder)
        self.answer.setVisible(with_answer)
        self.show()


class DonePanel(QFrame):
    """The order is shipped: its tracking number, and how the label and the slip are printing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("donePanel")
        self.title = _label("doneTitle")
        self.tracking = _label("doneTracking")
        self.tracking.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.carrier = _label("doneCarrier", wrap=True)
        self.label_state = _label("donePrint", wrap=True)
        self.slip_state = _label("donePrint", wrap=True)
        for label in (self.label_state, self.slip_state):
            label.setContentsMargins(*MESSAGE_MARGINS)
        self.next = _label("doneNext", wrap=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.tracking)
        layout.addWidget(self.carrier)
        layout.addSpacing(8)
        layout.addWidget(self.label_state)
        layout.addWidget(self.slip_state)
        layout.addStretch(1)
        layout.addWidget(self.next)
