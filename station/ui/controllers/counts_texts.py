"""What the Counts tab says: messages for scans, the review's heading and totals, the shortcut bar."""

from __future__ import annotations

from PySide6.QtCore import QObject

from station.services.count_scans import Batch, ItemCounted, VarianceRow
from station.ui.controllers.counts_jobs import Refusal
from station.ui.models.counts_models import money, units
from station.ui.views.counts_view import COUNTING, REVIEW


class CountsTexts(QObject):
    def opened(self, batch: Batch) -> tuple[str, str]:
        """(message kind, text) after opening a zone or the due schedules."""
        if batch.count_ids:
            text = self.tr("%n bin count(s) opened", None, len(batch.count_ids))
            text += ": " + shortlist(batch.bins) + ". " + self.tr("Scan the first bin.")
            kind = "success"
        else:
            text, kind = self.tr("No schedule is due: nothing opened."), "info"
        if batch.skipped:
            text += " " + self.tr("Left out (a count still open): %1.").replace("%1", shortlist(batch.skipped))
        return kind, text

    def refusal(self, refusal: Refusal) -> str:
        if refusal.kind == "unknown":
            return self.tr(
                "Unknown barcode %1: it is no bin, SKU or barcode we know. Count the item by typing its SKU."
            ).replace("%1", refusal.code)
        if refusal.kind == "no_count":
            return self.tr("Bin %1 has no open count: open its zone first.").replace("%1", refusal.code)
        if refusal.kind == "no_bin":
            return self.tr("Scan the bin's label first, then its items (%1 is not a bin).").replace("%1", refusal.code)
        return refusal.text

    def last_item(self, item: ItemCounted) -> str:
        lot = self.tr(" lot %1").replace("%1", item.lot) if item.lot else ""
        return (
            self.tr("%1%2 — %3: %4 counted")
            .replace("%1", item.sku)
            .replace("%2", lot)
            .replace("%3", item.name)
            .replace("%4", units(item.counted))
        )

    def item_counted(self, item: ItemCounted) -> tuple[str, str]:
        """(message kind, text): success, or a warning when the bin should not hold the item."""
        if item.on_sheet:
            return "success", self.tr("%1: %2 counted.").replace("%1", item.sku).replace("%2", units(item.counted))
        return "warning", (
            self.tr("%1 is not expected in bin %2: counted anyway (%3). Make sure it belongs here.")
            .replace("%1", item.sku)
            .replace("%2", item.sheet.location)
            .replace("%3", units(item.counted))
        )

    def review_heading(self, counted: int, variances: list[VarianceRow]) -> str:
        bins = len({row.location for row in variances})
        return (
            self.tr("%n bin count(s) finished.", None, counted)
            + " "
            + self.tr("%n variance(s)", None, len(variances))
            + " "
            + self.tr("in %n bin(s)", None, bins)
        )

    def review_summary(self, variances: list[VarianceRow]) -> str:
        currencies = {row.currency for row in variances}
        net = sum(row.difference for row in variances)
        sign = "+" if net > 0 else "-" if net < 0 else ""  # %n is the size, the sign goes in front
        text = self.tr("Net difference: %1%n unit(s)", None, abs(net)).replace("%1", sign)
        if len(currencies) == 1:
            text += " · " + self.tr("value %1").replace(
                "%1", money(sum(row.value for row in variances), currencies.pop())
            )
        return text

    def shortcuts(self, page: int) -> list[tuple[str, str]]:
        if page == COUNTING:
            return [
                (self.tr("Enter in Zone"), self.tr("open its count")),
                ("Ctrl+D", self.tr("due schedules")),
                ("Ctrl+B", self.tr("blind")),
                (self.tr("scan a bin"), self.tr("count it")),
                (self.tr("scan an item"), "+1"),
                (self.tr("number + Enter"), self.tr("set the count")),
                ("Ctrl+Enter", self.tr("finish")),
            ]
        if page == REVIEW:
            return [("Ctrl+Enter", self.tr("approve"))]
        return [("Ctrl+N", self.tr("count another zone"))]


def shortlist(codes: list[str], limit: int = 6) -> str:
    return ", ".join(codes[:limit]) + (f" … (+{len(codes) - limit})" if len(codes) > limit else "")
