"""The bin map's colour modes: which colour a bin gets from its data, and the legend that explains it.

Each mode sorts a bin into one of a few classes (a small palette), so the map paints all bins of one
class with one call and the legend lists exactly the classes the map can show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from station.services.bin_map import STOCKED_KINDS, MapBin

MODES = ("occupancy", "abc", "expiry", "count_age", "empty")
PLACE = QColor("#b0bec5")  # docks, benches, returns, quarantine: not sorted by any mode


@dataclass(frozen=True)
class ColourMode:
    key: str
    title: str
    colours: list[QColor]  # class index → colour; the last one is PLACE
    labels: list[str]  # class index → legend text
    classify: Callable[[MapBin], int]


def mode_title(key: str) -> str:
    return {
        "occupancy": QCoreApplication.translate("BinMapColours", "Occupancy %"),
        "abc": QCoreApplication.translate("BinMapColours", "ABC class"),
        "expiry": QCoreApplication.translate("BinMapColours", "Soonest expiry"),
        "count_age": QCoreApplication.translate("BinMapColours", "Days since last count"),
        "empty": QCoreApplication.translate("BinMapColours", "Empty bins"),
    }[key]


def colour_mode(key: str, today: date) -> ColourMode:
    """The mode `key` ("occupancy", "abc", "expiry", "count_age", "empty") as of `today`."""
    builders = {"occupancy": _occupancy, "abc": _abc, "expiry": _expiry, "count_age": _count_age, "empty": _empty}
    colours, labels, classify = builders[key](today)
    place = len(colours)

    def with_places(bin_: MapBin) -> int:
        return classify(bin_) if bin_.kind in STOCKED_KINDS else place

    return ColourMode(
        key,
        mode_title(key),
        [*map(QColor, colours), PLACE],
        [*labels, QCoreApplication.translate("BinMapColours", "Dock, bench, other")],
        with_places,
    )


def _occupancy(today: date):
    colours = ["#eceff1", "#c8e6c9", "#81c784", "#fdd835", "#fb8c00", "#e53935", "#90a4ae"]
    labels = [
        QCoreApplication.translate("BinMapColours", "Empty"),
        QCoreApplication.translate("BinMapColours", "Up to 25 %"),
        QCoreApplication.translate("BinMapColours", "26–50 %"),
        QCoreApplication.translate("BinMapColours", "51–75 %"),
        QCoreApplication.translate("BinMapColours", "76–100 %"),
        QCoreApplication.translate("BinMapColours", "Over capacity"),
        QCoreApplication.translate("BinMapColours", "Stock, no capacity set"),
    ]

    def classify(bin_: MapBin) -> int:
        if bin_.units == 0:
            return 0
        if bin_.occupancy is None:
            return 6
        for index, limit in enumerate((25, 50, 75, 100), start=1):
            if bin_.occupancy <= limit:
                return index
        return 5

    return colours, labels, classify


def _abc(today: date):
    colours = ["#e53935", "#fb8c00", "#64b5f6"]
    labels = [
        QCoreApplication.translate("BinMapColours", "A: the first 80 % of units picked"),
        QCoreApplication.translate("BinMapColours", "B: the next 15 %"),
        QCoreApplication.translate("BinMapColours", "C: the rest, or nothing picked"),
    ]
    return colours, labels, lambda bin_: {"A": 0, "B": 1}.get(bin_.abc or "C", 2)


def _expiry(today: date):
    colours = ["#b71c1c", "#fb8c00", "#fdd835", "#66bb6a", "#eceff1"]
    labels = [
        QCoreApplication.translate("BinMapColours", "Expired"),
        QCoreApplication.translate("BinMapColours", "Within 30 days"),
        QCoreApplication.translate("BinMapColours", "Within 90 days"),
        QCoreApplication.translate("BinMapColours", "Later"),
        QCoreApplication.translate("BinMapColours", "No expiry date"),
    ]

    def classify(bin_: MapBin) -> int:
        if bin_.soonest_expiry is None:
            return 4
        days = (bin_.soonest_expiry - today).days
        return 0 if days < 0 else 1 if days <= 30 else 2 if days <= 90 else 3

    return colours, labels, classify


def _count_age(today: date):
    colours = ["#66bb6a", "#fdd835", "#fb8c00", "#e53935", "#616161"]
    labels = [
        QCoreApplication.translate("BinMapColours", "Counted in the last 30 days"),
        QCoreApplication.translate("BinMapColours", "31–90 days ago"),
        QCoreApplication.translate("BinMapColours", "91–180 days ago"),
        QCoreApplication.translate("BinMapColours", "Over 180 days ago"),
        QCoreApplication.translate("BinMapColours", "Never counted"),
    ]

    def classify(bin_: MapBin) -> int:
        days = bin_.days_since_count
        if days is None:
            return 4
        return 0 if days <= 30 else 1 if days <= 90 else 2 if days <= 180 else 3

    return colours, labels, classify


def _empty(today: date):
    colours = ["#1e88e5", "#e0e0e0"]
    labels = [
        QCoreApplication.translate("BinMapColours", "Empty"),
        QCoreApplication.translate("BinMapColours", "Holds stock"),
    ]
    return colours, labels, lambda bin_: 0 if bin_.empty else 1
