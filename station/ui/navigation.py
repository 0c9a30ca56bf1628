"""The station's views, in navigation order, with their keyboard shortcuts.

F1 … F11 switch views from anywhere in the window, even while a scan field has the focus (a
scanner never sends function keys). Titles are translated when asked for, so they follow the
translator installed at the time.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class Page:
    key: str  # stable identifier, used in code and tests
    shortcut: str  # a QKeySequence string
    built: bool  # False: the view shows "not built yet"


PAGES: tuple[Page, ...] = (
    Page("packing", "F1", built=True),
    Page("orders", "F2", built=True),
    Page("picking", "F3", built=True),
    Page("inventory", "F4", built=True),
    Page("bin_map", "F5", built=True),
    Page("shipments", "F6", built=False),
    Page("payments", "F7", built=False),
    Page("channels", "F8", built=False),
    Page("returns", "F9", built=False),
    Page("reports", "F10", built=False),
    Page("settings", "F11", built=True),
)

REFRESH_SHORTCUT = "Ctrl+R"


def page(key: str) -> Page:
    for candidate in PAGES:
        if candidate.key == key:
            return candidate
    raise KeyError(f"no view {key!r}; views: {', '.join(p.key for p in PAGES)}")


def page_title(key: str) -> str:
    translate = QCoreApplication.translate
    titles = {
        "packing": translate("Navigation", "Packing"),
        "orders": translate("Navigation", "Orders"),
        "picking": translate("Navigation", "Picking"),
        "inventory": translate("Navigation", "Inventory"),
        "bin_map": translate("Navigation", "Bin map"),
        "shipments": translate("Navigation", "Shipments"),
        "payments": translate("Navigation", "Payments"),
        "channels": translate("Navigation", "Channels"),
        "returns": translate("Navigation", "Returns"),
        "reports": translate("Navigation", "Reports"),
        "settings": translate("Navigation", "Settings"),
    }
    return titles[key]


def coming_with(key: str) -> str:
    """For a view not built yet: which piece of work brings it, in one sentence."""
    translate = QCoreApplication.translate
    sentences = {
        "packing": translate("Navigation", "It arrives with the packing-station work: scan, weigh, label."),
        "picking": translate("Navigation", "It arrives with pick waves and walking routes."),
        "bin_map": translate("Navigation", "It arrives with the warehouse map of bins and stock."),
        "shipments": translate("Navigation", "It arrives with the carrier plugins and label printing."),
        "payments": translate("Navigation", "It arrives with the payment gateway plugins: refunds and reconciliation."),
        "channels": translate("Navigation", "It arrives with the marketplace plugins: listings and stock sync."),
        "returns": translate("Navigation", "It arrives with returns (RMA): receive, inspect, restock, refund."),
        "reports": translate("Navigation", "It arrives with the sales and stock reports."),
    }
    return sentences.get(key, "")
