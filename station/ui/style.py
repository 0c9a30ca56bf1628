"""The look: brand colours, big type and the one stylesheet of the station window."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

ORANGE = "#F97316"  # brand: actions, the selected view
ORANGE_DARK = "#EA580C"
CYAN = "#0EA5E9"  # brand: information, focus
GREEN = "#22C55E"  # brand: success
RED = "#DC2626"  # errors (not a brand colour: a packer must never miss it)
INK = "#0F172A"
MUTED = "#475569"
SIDEBAR = "#1E293B"
PAPER = "#F8FAFC"
LINE = "#CBD5E1"

BASE_POINT_SIZE = 13
RESOURCES = Path(str(resources.files("station").joinpath("resources")))
CHEVRON = (RESOURCES / "chevron-down.svg").as_posix()
APP_ICON = RESOURCES / "station.svg"

STYLESHEET = f"""
QWidget {{ color: {INK}; }}
QMainWindow, QDialog, QStackedWidget > QWidget {{ background: {PAPER}; }}

QListWidget#navigation {{
    background: {SIDEBAR}; color: #E2E8F0; border: none; padding: 8px 0;
    font-size: 14pt; outline: 0;
}}
QListWidget#navigation::item {{ padding: 9px 16px; border-left: 5px solid transparent; }}
QListWidget#navigation::item:hover {{ background: #334155; }}
QListWidget#navigation::item:selected {{
    background: #334155; color: white; border-left: 5px solid {ORANGE};
}}
QLabel#brand {{
    background: {SIDEBAR}; color: white; font-size: 17pt; font-weight: bold; padding: 18px 16px 6px 16px;
}}
QLabel#brandAccent {{ background: {SIDEBAR}; color: {ORANGE}; font-size: 11pt; padding: 0 16px 12px 16px; }}

QLabel#viewTitle {{ font-size: 24pt; font-weight: bold; color: {INK}; }}
QLabel#viewSubtitle {{ font-size: 13pt; color: {MUTED}; }}
QLabel#placeholderTitle {{ font-size: 30pt; font-weight: bold; color: {INK}; }}
QLabel#placeholderText {{ font-size: 18pt; color: {MUTED}; }}
QLabel#errorMessage {{
    color: white; background: {RED}; font-size: 15pt; font-weight: bold; border-radius: 6px;
}}
QLabel#infoMessage {{
    color: {INK}; background: #E0F2FE; border: 1px solid {CYAN}; font-size: 13pt; border-radius: 6px;
}}
QLabel#successMessage {{
    color: white; background: {GREEN}; font-size: 14pt; font-weight: bold; border-radius: 6px;
}}
QLabel#fieldLabel {{ font-size: 14pt; color: {MUTED}; }}

QLineEdit, QComboBox {{
    font-size: 16pt; padding: 8px 10px; border: 2px solid {LINE}; border-radius: 6px; background: white;
    min-height: 28px;
}}
QLineEdit:focus, QComboBox:focus {{ border: 2px solid {CYAN}; }}
QComboBox::drop-down {{ border: none; width: 36px; }}
QComboBox::down-arrow {{ image: url("{CHEVRON}"); width: 16px; height: 16px; }}
QComboBox QAbstractItemView {{ font-size: 15pt; selection-background-color: #FED7AA; selection-color: {INK}; }}
QLineEdit:read-only {{ background: #F1F5F9; color: {MUTED}; }}
QLineEdit#filter {{ font-size: 14pt; }}

QPushButton {{
    font-size: 14pt; padding: 9px 20px; border-radius: 6px; border: 2px solid {LINE}; background: white;
}}
QPushButton:hover {{ border-color: {CYAN}; }}
QPushButton:focus {{ border-color: {CYAN}; }}
QPushButton#primary {{ background: {ORANGE}; color: white; border: 2px solid {ORANGE}; font-weight: bold; }}
QPushButton#primary:hover {{ background: {ORANGE_DARK}; border-color: {ORANGE_DARK}; }}
QPushButton#primary:focus {{ border-color: {INK}; }}

QTableView {{
    font-size: 12pt; background: white; alternate-background-color: #F1F5F9; border: 1px solid {LINE};
    gridline-color: #E2E8F0; selection-background-color: #FED7AA; selection-color: {INK};
}}
QTableView::item {{ padding: 0 8px; }}
QHeaderView::section {{
    font-size: 12pt; font-weight: bold; background: #E2E8F0; color: {INK}; padding: 8px 8px;
    border: none; border-right: 1px solid {LINE}; border-bottom: 2px solid {ORANGE};
}}

QTabWidget#inventoryTabs::pane {{ border: none; border-top: 2px solid {LINE}; }}
QTabWidget#inventoryTabs > QTabBar::tab {{
    font-size: 11pt; color: {MUTED}; padding: 8px 8px; margin-right: 0; border: none;
    border-bottom: 4px solid transparent; background: transparent;
}}
QTabWidget#inventoryTabs > QTabBar::tab:selected {{ color: {INK}; font-weight: bold; border-bottom-color: {ORANGE}; }}
QTabWidget#inventoryTabs > QTabBar::tab:hover {{ color: {INK}; }}

QStatusBar {{ background: {SIDEBAR}; color: #E2E8F0; font-size: 10pt; }}
QStatusBar QLabel {{ color: #E2E8F0; padding: 3px 8px; }}
QStatusBar QLabel#statusProblem, QStatusBar QLabel[problem="true"] {{ color: #FDBA74; font-weight: bold; }}
QStatusBar QLabel#statusUser {{ color: white; font-weight: bold; }}
QStatusBar::item {{ border: none; }}

QLabel#demoHint {{
    background: #FFF7ED; border: 1px solid {ORANGE}; border-radius: 6px; font-size: 13pt;
}}
"""


# Boxed messages get their inner space from QLabel.setContentsMargins (see `message_margins`), not
# from stylesheet padding: Qt leaves stylesheet padding out of a wrapped label's height.
MESSAGE_MARGINS = (14, 10, 14, 10)


def apply_style(app: QApplication) -> None:
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyle("Fusion")  # the same look on Windows, Linux and macOS
    app.setStyleSheet(STYLESHEET)
    app.setWindowIcon(QIcon(str(APP_ICON)))
