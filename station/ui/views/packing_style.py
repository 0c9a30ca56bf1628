"""The packing view's own stylesheet: bigger type than the office views, one colour per meaning.

Red: stop, something is wrong. Orange: the packer must decide (weight warning, a question).
Green: done. Cyan: information and what to do next. Set on the packing view only.
"""

from __future__ import annotations

from station.ui.style import CYAN, GREEN, INK, LINE, MUTED, ORANGE, ORANGE_DARK, RED

AMBER_BACKGROUND = "#FFEDD5"

PACKING_STYLESHEET = f"""
QLabel#packingOrder {{ font-size: 22pt; font-weight: bold; color: {INK}; }}
QLabel#packingCustomer {{ font-size: 13pt; color: {MUTED}; }}
QLabel#packingSteps {{ font-size: 12pt; color: {MUTED}; }}
QLabel#packingMessage {{ font-size: 16pt; font-weight: bold; border-radius: 6px; }}
QLabel#packingMessage[kind="error"] {{ color: white; background: {RED}; }}
QLabel#packingMessage[kind="warning"] {{ color: {INK}; background: {AMBER_BACKGROUND}; border: 2px solid {ORANGE}; }}
QLabel#packingMessage[kind="success"] {{ color: white; background: {GREEN}; }}
QLabel#packingMessage[kind="info"] {{ color: {INK}; background: #E0F2FE; border: 1px solid {CYAN}; font-weight: normal; }}
QLineEdit#scanField {{ font-size: 22pt; padding: 8px 14px; border: 3px solid {CYAN}; min-height: 44px; }}
QLabel#scanCount {{ font-size: 20pt; font-weight: bold; color: white; background: {ORANGE}; border-radius: 6px; padding: 4px 12px; }}
QFrame#promptBar {{ background: {AMBER_BACKGROUND}; border: 2px solid {ORANGE}; border-radius: 6px; }}
QLabel#promptQuestion {{ font-size: 15pt; font-weight: bold; }}
QLineEdit#promptAnswer {{ font-size: 18pt; }}
QLabel#idleText {{ font-size: 28pt; font-weight: bold; color: {INK}; }}
QLabel#idleHint {{ font-size: 16pt; color: {MUTED}; }}
QTableView#packLines {{ font-size: 16pt; }}
QTableView#packLines QHeaderView::section {{ font-size: 13pt; }}
QTableView#packRates {{ font-size: 12pt; }}
QTableView#packRates::item {{ padding: 5px 8px; }}
QTableView#packRates QHeaderView::section {{ font-size: 11pt; padding: 5px 6px; }}
QFrame#sidePanel {{ background: white; border: 1px solid {LINE}; border-radius: 8px; }}
QLabel#panelTitle {{ font-size: 12pt; font-weight: bold; color: {MUTED}; }}
QLabel#weightFigure {{ font-size: 36pt; font-weight: bold; color: {INK}; }}
QLabel#weightVerdict {{ font-size: 14pt; font-weight: bold; }}
QLabel#weightVerdict[kind="ok"] {{ color: #15803D; }}
QLabel#weightVerdict[kind="bad"] {{ color: {RED}; }}
QLabel#weightVerdict[kind="accepted"] {{ color: {ORANGE_DARK}; }}
QLabel#packageCount {{ font-size: 12pt; font-weight: bold; color: {INK}; }}
QLabel#promptHint {{ font-size: 11pt; color: {MUTED}; }}
QLabel#weightState {{ font-size: 13pt; font-weight: bold; border-radius: 5px; padding: 3px 10px; color: white; }}
QLabel#weightState[kind="ok"] {{ background: {GREEN}; }}
QLabel#weightState[kind="moving"] {{ background: {ORANGE}; }}
QLabel#weightState[kind="bad"] {{ background: {RED}; }}
QLabel#weightState[kind="none"] {{ background: {MUTED}; }}
QLabel#weightExpected {{ font-size: 13pt; color: {INK}; }}
QLabel#boxLine {{ font-size: 15pt; font-weight: bold; }}
QLabel#boxReason {{ font-size: 11pt; color: {MUTED}; }}
QLabel#rateReason {{ font-size: 12pt; color: {INK}; }}
QLabel#rateProblems {{ font-size: 11pt; color: {RED}; }}
QFrame#donePanel {{ background: #F0FDF4; border: 3px solid {GREEN}; border-radius: 10px; }}
QLabel#doneTitle {{ font-size: 30pt; font-weight: bold; color: #15803D; }}
QLabel#doneTracking {{ font-size: 34pt; font-weight: bold; color: {INK}; font-family: "DejaVu Sans Mono", monospace; }}
QLabel#doneCarrier {{ font-size: 16pt; color: {INK}; }}
QLabel#donePrint {{ font-size: 15pt; border-radius: 6px; padding: 6px 10px; }}
QLabel#donePrint[kind="ok"] {{ color: #15803D; background: #DCFCE7; }}
QLabel#donePrint[kind="wait"] {{ color: {INK}; background: #E0F2FE; }}
QLabel#donePrint[kind="bad"] {{ color: white; background: {RED}; font-weight: bold; }}
QLabel#doneNext {{ font-size: 16pt; color: {MUTED}; }}
QLabel#shortcutBar {{ font-size: 12pt; color: {INK}; background: #E2E8F0; border-radius: 6px; padding: 6px 10px; }}
"""
