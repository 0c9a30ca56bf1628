"""The look of Settings → Devices (and the Settings tabs): panels, the big live weight, state chips.

Green: ready / stable. Orange: moving, wait. Red: something to fix. Grey: nothing known yet.
"""

from __future__ import annotations

from station.ui.style import CYAN, GREEN, INK, LINE, MUTED, ORANGE, RED

SETTINGS_TABS_STYLESHEET = f"""
QTabWidget::pane {{ border: none; border-top: 2px solid {LINE}; top: -2px; }}
QTabBar::tab {{
    font-size: 14pt; padding: 8px 22px; margin-right: 4px; color: {MUTED};
    border: none; border-bottom: 4px solid transparent; background: transparent;
}}
QTabBar::tab:selected {{ color: {INK}; font-weight: bold; border-bottom: 4px solid {ORANGE}; }}
QTabBar::tab:hover {{ color: {INK}; }}
QTabBar::tab:focus {{ border-bottom: 4px solid {CYAN}; }}
"""

DEVICES_STYLESHEET = f"""
QFrame#devicePanel {{ background: white; border: 1px solid {LINE}; border-radius: 8px; }}
QLabel#panelTitle {{ font-size: 17pt; font-weight: bold; color: {INK}; }}
QComboBox#scaleAddress QLineEdit {{
    border: none; padding: 0px; margin: 0px; background: transparent; min-height: 0px;
}}
QPushButton#smallButton {{ font-size: 12pt; padding: 3px 14px; }}
QLabel#fieldHint {{ font-size: 11pt; color: {MUTED}; }}
QLabel#weightFigure {{ font-size: 44pt; font-weight: bold; color: {INK}; }}
QLabel#weightDetail, QLabel#printerDetails {{ font-size: 12pt; color: {INK}; }}
QLabel#weightDetail[kind="bad"], QLabel#printerDetails[kind="bad"] {{ font-size: 14pt; font-weight: bold; color: {RED}; }}
QLabel#deviceState {{ font-size: 13pt; font-weight: bold; border-radius: 5px; padding: 4px 12px; color: white; }}
QLabel#deviceState[kind="ok"] {{ background: {GREEN}; }}
QLabel#deviceState[kind="moving"] {{ background: {ORANGE}; }}
QLabel#deviceState[kind="wait"] {{ background: {CYAN}; }}
QLabel#deviceState[kind="bad"] {{ background: {RED}; }}
QLabel#deviceState[kind="none"] {{ background: {MUTED}; }}
"""
